"""Project configuration: `[tool.factcheck]` in pyproject.toml or a factcheck.toml, found by walking up."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError

DEFAULT_FAIL_ON = ("contradicted", "stale", "unsupported")
KNOWN_KEYS = {"store", "sources", "drafts", "fail-on", "date", "accept-file"}


@dataclass(frozen=True, slots=True)
class Config:
    root: Path  # the project root: where the config was found, else the current directory
    store: Path
    sources: tuple[Path, ...]
    drafts: tuple[str, ...] = ()
    fail_on: tuple[str, ...] = DEFAULT_FAIL_ON
    date: dt.date | None = None
    accept_file: Path | None = None
    origin: Path | None = field(default=None)  # the file it came from


def _table(path: Path) -> dict[str, object] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("factcheck")
    return data.get("tool", {}).get("factcheck", data) if "tool" in data else data


def find_config(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        for name in ("factcheck.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file() and _table(candidate) is not None:
                return candidate
    return None


def load_config(explicit: Path | None = None, cwd: Path | None = None) -> Config:
    cwd = cwd or Path.cwd()
    path = explicit if explicit is not None else find_config(cwd)
    if explicit is not None and not explicit.is_file():
        raise ConfigError(f"{explicit}: no such config file")
    table = _table(path) if path else None
    root = path.parent if path else cwd
    table = table or {}
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key in [tool.factcheck]: {unknown[0]!r}")

    def paths(value: object, key: str) -> tuple[Path, ...]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            raise ConfigError(f"{path}: '{key}' must be a path or a list of paths")
        return tuple(root / v for v in items)

    fail_on = table.get("fail-on", list(DEFAULT_FAIL_ON))
    if isinstance(fail_on, str):
        fail_on = [f.strip() for f in fail_on.split(",") if f.strip()]
    if not isinstance(fail_on, list) or not all(isinstance(v, str) for v in fail_on):
        raise ConfigError(f"{path}: 'fail-on' must be a list of verdicts")
    date = table.get("date")
    if date is not None and not isinstance(date, dt.date):
        try:
            date = dt.date.fromisoformat(str(date))
        except ValueError:
            raise ConfigError(f"{path}: 'date' must be YYYY-MM-DD") from None
    drafts = table.get("drafts", [])
    if isinstance(drafts, str):
        drafts = [drafts]
    return Config(
        root=root,
        store=paths(table.get("store", "claims"), "store")[0],
        sources=paths(table.get("sources", ["seeds"]), "sources"),
        drafts=tuple(str(d) for d in drafts),  # type: ignore[union-attr]
        fail_on=tuple(fail_on),
        date=date,  # type: ignore[arg-type]
        accept_file=paths(table["accept-file"], "accept-file")[0] if "accept-file" in table else None,
        origin=path,
    )
