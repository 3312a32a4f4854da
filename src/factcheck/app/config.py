"""Project configuration: `[tool.factcheck]` in pyproject.toml or a factcheck.toml, found by walking up."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..errors import ConfigError, closest
from ..i18n import LANGUAGES

# An alarm (a figure a source contradicts, one since superseded, one its own draft does not bear out) fails the run; an unsupported
# figure is a warning: real copy is full of new figures no source has yet, and a gate that blocks
# them gets switched off. A newsroom that wants every figure sourced sets `fail-on` itself.
DEFAULT_FAIL_ON = ("contradicted", "stale", "inconsistent")
DEFAULT_ACCEPT_FILE = ".factcheck-accept.json"
CONFIG_NAMES = ("factcheck.toml", "pyproject.toml")  # a factcheck.toml wins over a pyproject.toml beside it
# How far a recomputed figure may be from the printed one before it is inconsistent (judge/arithmetic.py):
# percentage points for a growth rate, a share or a change in points; a share of the ratio for a multiple.
TOLERANCE_KEYS = {"growth-tolerance": "growth", "share-tolerance": "share", "points-tolerance": "points",
                  "multiple-tolerance": "multiple"}
KNOWN_KEYS = {"store", "sources", "drafts", "exclude", "fail-on", "date", "accept-file", "bodies", "lang",
              *TOLERANCE_KEYS}


@dataclass(frozen=True, slots=True)
class Config:
    root: Path  # the project root: where the config was found, else the current directory
    store: Path | str  # a claims/ folder, or a PostgreSQL URL (store.open_storage decides which)
    sources: tuple[Path, ...]
    drafts: tuple[str, ...] = ()  # globs relative to root
    exclude: tuple[str, ...] = ()  # globs relative to root: never drafts, even when the pre-commit framework passes them
    fail_on: tuple[str, ...] = DEFAULT_FAIL_ON
    date: dt.date | None = None
    accept_file: Path | None = None
    origin: Path | None = field(default=None)  # the file it came from
    # The bodies this newsroom writes about, each with the other names it goes by
    # (津上精密 = 津上精密机床（浙江）有限公司): a figure about one is never support for another's.
    bodies: tuple[tuple[str, tuple[str, ...]], ...] = ()
    store_outside: str = ""  # why the configured store may not be used, if it resolves outside the project
    lang: str = ""  # the language reports and messages are in (zh or en); "": the locale's, unless --lang says
    tolerances: tuple[tuple[str, Decimal], ...] = ()  # judge.arithmetic.Tolerance's fields the config sets

    def store_dir(self, given: Path | str | None = None) -> Path | str:
        """The store a command uses: --store as given, else the configured one if it lies inside the project.

        A folder is a Path; a postgresql:// URL stays a string (a Path would fold its `//`).
        """
        if given is not None:
            from ..store import is_url

            return given if is_url(given) else Path(given)
        if self.store_outside:
            raise ConfigError(self.store_outside)
        return self.store

    @property
    def accept_path(self) -> Path:
        """Where reviewed findings are recorded: the configured accept-file, else one in the project root."""
        return self.accept_file or self.root / DEFAULT_ACCEPT_FILE


def _table(path: Path) -> dict[str, object] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))  # Notepad saves a BOM
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("factcheck")
    else:
        table = data.get("tool", {}).get("factcheck", data) if "tool" in data else data
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.factcheck] must be a table")
    return table


def find_config(start: Path) -> Path | None:
    """The nearest factcheck.toml, or pyproject.toml with a [tool.factcheck] table, from start upward."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and _table(candidate) is not None:
                return candidate
    return None


def configured_language(explicit: Path | None = None, cwd: Path | None = None) -> str:
    """The config's `lang` alone ("" when it sets none), found as load_config finds the config.

    For what opens no project, `--help` and `factcheck rule`: it reads one TOML table and nothing else,
    so they load neither the store nor the matcher. A config that cannot be read is a ConfigError.
    """
    if explicit is not None and not explicit.is_file():
        raise ConfigError(f"{explicit}: no such config file")
    path = explicit if explicit is not None else find_config((cwd or Path.cwd()).absolute())
    return _language(((_table(path) if path else None) or {}).get("lang", ""), path)


def _language(lang: object, path: Path | None) -> str:
    if lang not in ("", *LANGUAGES):
        raise ConfigError(f"{path}: 'lang' = {lang!r} is not a language factcheck speaks (use {' or '.join(LANGUAGES)})")
    return str(lang)


def load_config(explicit: Path | None = None, cwd: Path | None = None) -> Config:
    """`--config` wins; otherwise the nearest config upward; otherwise defaults rooted at the current directory."""
    cwd = (cwd or Path.cwd()).absolute()
    if explicit is not None and not explicit.is_file():
        raise ConfigError(f"{explicit}: no such config file")
    path = explicit.absolute() if explicit is not None else find_config(cwd)
    table = (_table(path) if path else None) or {}
    root = path.parent if path else cwd
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        where = "[tool.factcheck]" if path and path.name == "pyproject.toml" else "the config"
        known = ", ".join(sorted(KNOWN_KEYS))
        near = closest(unknown[0], KNOWN_KEYS)
        hint = f"did you mean {near!r}? " if near else ""
        raise ConfigError(f"{path}: unknown key {unknown[0]!r} in {where} ({hint}known keys: {known})")

    def problem(message: str) -> ConfigError:
        return ConfigError(f"{path}: {message}")

    def one_path(key: str, default: str | None) -> Path | None:
        value = table.get(key, default)
        if value is None:
            return None
        if not isinstance(value, str) or not value:
            raise problem(f"'{key}' must be a path")
        return root / value

    def strings(key: str, default: list[str]) -> list[str]:
        value = table.get(key, default)
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            raise problem(f"'{key}' must be a string or a list of strings")
        return items

    from ..record.finding import VERDICTS  # here, not at the top: `--help` should not load the matcher

    fail_on = strings("fail-on", list(DEFAULT_FAIL_ON))
    if len(fail_on) == 1 and "," in fail_on[0]:
        fail_on = [f.strip() for f in fail_on[0].split(",") if f.strip()]
    wrong = [v for v in fail_on if v not in VERDICTS]
    if wrong:
        raise problem(f"'fail-on': unknown verdict {wrong[0]!r} (use {', '.join(VERDICTS)})")
    from ..store import is_url
    from ..store.protocol import has_password

    store: Path | str | None
    outside = ""
    if is_url(table.get("store")):
        store = str(table["store"])
        if has_password(store):
            # A config file is committed and shared: the password belongs in PGPASSWORD or ~/.pgpass.
            raise problem("'store' has a password in its URL; take it out and set PGPASSWORD or use ~/.pgpass")
    else:
        store = one_path("store", "claims")
    assert store is not None
    if isinstance(store, Path) and not inside(store, root):
        # A shared config must not point a checker's writes (the index, an ingest) at any folder on
        # the machine; a store elsewhere is fine when someone names it on the command line (--store).
        outside = f"{path}: 'store' = {table.get('store')!r} is outside the project ({root}); pass --store to use it"
    lang = _language(table.get("lang", ""), path)
    tolerances = []
    for key, name in TOLERANCE_KEYS.items():
        if key in table:
            value = table[key]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise problem(f"'{key}' must be a number of 0 or more")
            tolerances.append((name, Decimal(str(value))))
    accept_file = one_path("accept-file", None)
    if accept_file is not None and not inside(accept_file, root):
        # `check --accept` writes it: a shared config must not point that write anywhere on the machine.
        raise problem(f"'accept-file' = {table.get('accept-file')!r} is outside the project ({root})")
    return Config(
        root=root,
        store=store,
        sources=tuple(root / s for s in strings("sources", ["seeds"])),
        drafts=tuple(strings("drafts", [])),
        exclude=tuple(strings("exclude", [])),
        fail_on=tuple(fail_on),
        tolerances=tuple(tolerances),
        date=_date(table.get("date"), problem),
        accept_file=accept_file,
        origin=path,
        bodies=_bodies(table.get("bodies"), problem),
        store_outside=outside,
        lang=lang,
    )


def _bodies(value: object, problem) -> tuple[tuple[str, tuple[str, ...]], ...]:  # type: ignore[no-untyped-def]
    """`bodies = ["海优新材", …]`, or a table of each body's other names: `津上精密 = ["津上精密机床（浙江）有限公司"]`."""
    if value is None:
        return ()
    if isinstance(value, list) and all(isinstance(v, str) and v for v in value):
        return tuple((name, ()) for name in value)
    if isinstance(value, dict):
        out = []
        for name, aliases in value.items():
            aliases = [aliases] if isinstance(aliases, str) else aliases
            if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
                raise problem(f"'bodies': the names of {name!r} must be a list of strings")
            out.append((name, tuple(aliases)))
        return tuple(out)
    raise problem("'bodies' must be a list of names or a table of names and their other names")


def _date(value: object, problem) -> dt.date | None:
    """TOML gives a date (or a datetime, which is a date too); a quoted string is accepted as well."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise problem("'date' must be YYYY-MM-DD") from None


def inside(path: Path, root: Path) -> bool:
    """`path` (symlinks followed) is the root or below it."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True
