"""Shared fixtures: the project, a guarded claims/ store, temporary stores, and claims from a sentence."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import shutil
import stat
import tempfile
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from factcheck.app.config import load_config
from factcheck.extract.claims import extract
from factcheck.extract.subject import gazetteer
from factcheck.reading.source import Document, read_document
from factcheck.record.claim import Claim
from factcheck.store.folder import Store
from factcheck.store.protocol import ClaimList

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CLAIMS = ROOT / "claims"
_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH

# Hypothesis keeps its example database and constants cache in ./.hypothesis; keep the
# working tree clean for everyone else editing it (an explicit setting still wins).
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", str(Path(tempfile.gettempdir()) / "factcheck-hypothesis"))
# Which sessions hold claims/ read-only, and its modes before the first of them did.
_GUARD_RECORD = Path(tempfile.gettempdir()) / f"factcheck-readonly-{hashlib.sha1(bytes(CLAIMS)).hexdigest()[:12]}.json"


@pytest.fixture(autouse=True)
def english_unless_asked(monkeypatch) -> Iterator[None]:
    """Tests read English whatever the machine's locale; a test of Chinese sets LANG or passes --lang zh."""
    from factcheck import i18n

    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    i18n.reset()
    yield
    i18n.reset()


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: one worker per core this process may run on (its CPU affinity, as a container or
    `taskset` sets it), not per core the machine has, which psutil would count when installed."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return int(os.environ["PYTEST_XDIST_AUTO_NUM_WORKERS"])
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


def _writable_paths() -> list[Path]:
    return [CLAIMS, *sorted(p for p in CLAIMS.iterdir() if p.is_file())]


@contextlib.contextmanager
def _guard_lock() -> Iterator[None]:
    """Editors run the suite side by side on one tree: sessions take turns with the guard's record."""
    with open(_GUARD_RECORD.with_suffix(".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _guard_record() -> dict:
    try:
        return json.loads(_GUARD_RECORD.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {"sessions": [], "modes": {}}


def _restore(modes: dict[str, int]) -> None:
    for name, mode in modes.items():
        if Path(name).exists():
            Path(name).chmod(mode)


def _protect_claims() -> None:
    """The first session in remembers the real modes; every session drops the write bits."""
    with _guard_lock():
        record = _guard_record()
        record["sessions"] = [pid for pid in record["sessions"] if _alive(pid)]
        if not record["sessions"]:
            _restore(record["modes"])  # left by a session that died before it could restore them
            record["modes"] = {str(p): stat.S_IMODE(p.stat().st_mode) for p in _writable_paths()}
        for path in _writable_paths():
            path.chmod(stat.S_IMODE(path.stat().st_mode) & ~_WRITE_BITS)
        record["sessions"].append(os.getpid())
        _GUARD_RECORD.write_text(json.dumps(record), encoding="utf-8")


def _release_claims() -> None:
    """The last session out puts the modes back, so a run beside ours never sees them change under it."""
    with _guard_lock():
        record = _guard_record()
        record["sessions"] = [pid for pid in record["sessions"] if pid != os.getpid() and _alive(pid)]
        if record["sessions"]:
            _GUARD_RECORD.write_text(json.dumps(record), encoding="utf-8")
        else:
            _restore(record["modes"])
            _GUARD_RECORD.unlink(missing_ok=True)


@pytest.fixture(scope="session", autouse=True)
def readonly_claims() -> Iterator[Path]:
    """The committed claims/ is read-only for the whole session, so no test can write to it.

    chmod does not bind root, so the files are also compared byte for byte at
    the end: a test that wrote the real store fails the session by name.
    """
    if not CLAIMS.is_dir():
        yield CLAIMS
        return
    before = {p.name: p.read_bytes() for p in _writable_paths()[1:]}
    _protect_claims()
    try:
        yield CLAIMS
    finally:
        _release_claims()
    after = {p.name: p.read_bytes() for p in _writable_paths()[1:]}
    changed = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    assert not changed, f"a test wrote to the committed store: {changed}"


@pytest.fixture
def tmp_store(tmp_path: Path) -> Store:
    """An empty store of our own; ingest creates the directory."""
    return Store(tmp_path / "claims")


@pytest.fixture
def seed_project(tmp_path: Path) -> Path:
    """A scratch project holding a copy of seeds/ (articles and sources.toml), the project's configuration, no store."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")  # [tool.factcheck]: the seeds' bodies
    return tmp_path


def _seed_path(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def _seed_document(prefix: str) -> Document:
    path = _seed_path(prefix)
    meta = tomllib.loads((SEEDS / "sources.toml").read_text(encoding="utf-8"))[path.name]
    return read_document(path, display=f"seeds/{path.name}", meta={k: str(v) for k, v in meta.items()})


@pytest.fixture(scope="session")
def project_bodies() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The bodies the project configures for its seeds, as `factcheck ingest` reads them."""
    return load_config(cwd=ROOT).bodies


@pytest.fixture(scope="session")
def seed_claims(project_bodies) -> dict[str, list[Claim]]:
    """Fresh extraction of every seed, by number, the way `factcheck ingest` extracts it: '000' → its claims."""
    names = gazetteer(dict(project_bodies))
    return {path.name[:3]: extract(_seed_document(path.name[:3]), names=names) for path in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def store_claims() -> dict[str, list[Claim]]:
    """The committed store, as `Store.load()` gives it, by seed number."""
    out: dict[str, list[Claim]] = {}
    for claim in Store(CLAIMS).load():
        out.setdefault(Path(claim.source).name[:3], []).append(claim)
    return out


@pytest.fixture(scope="session")
def seed_path() -> Callable[[str], Path]:
    """seed_path('004') → seeds/004_….txt."""
    return _seed_path


@pytest.fixture(scope="session")
def seed_document() -> Callable[[str], Document]:
    """seed_document('004'): the article read the way ingest reads it, dated by sources.toml, cited as seeds/…."""
    return _seed_document


def news(text: str, published: str, path: str = "source.md") -> Document:
    """A news item in markdown, dated: how identity tests write a source or a draft."""
    return Document(path, text, 0, dt.date.fromisoformat(published), False)


def store_of(*sources: tuple[str, str]) -> ClaimList:
    """A store from (publication date, markdown text) pairs, one source file each."""
    out: list[Claim] = []
    for i, (published, text) in enumerate(sources):
        out.extend(extract(news(text, published, f"news/{i:02d}.md")))
    return ClaimList.of(out)


def claim(text: str, figure: str, published: str = "2024-05-08") -> Claim:
    """The one claim of `text` written as `figure`."""
    (found,) = [c for c in extract(news(text, published)) if c.text == figure]
    return found


def _claims_in(text: str, published: str = "2025-12-20", path: str = "draft.txt") -> list[Claim]:
    """Every claim a text makes, as though it were an article published on `published`."""
    doc = Document(path=path, text=text, body_start=0, published=dt.date.fromisoformat(published), date_inferred=False)
    return extract(doc)


def _one(claims: list[Claim], text: str, sentence: str = "") -> Claim:
    """The single claim written as `text` (in a sentence containing `sentence`, when given)."""
    found = [c for c in claims if c.text == text and sentence in c.sentence]
    assert len(found) == 1, f"{len(found)} claims written {text!r}: {[(c.line, c.sentence[:30]) for c in found]}"
    return found[0]


@pytest.fixture
def extract_claims() -> Callable[..., list[Claim]]:
    """_claims_in as a fixture: extract_claims(text, published='YYYY-MM-DD')."""
    return _claims_in


@pytest.fixture
def pick() -> Callable[..., Claim]:
    """_one as a fixture: pick(claims, '98亿元', sentence='2025年')."""
    return _one


def project_store(folder: Path) -> str:
    """A copy of the committed store in `folder`, as its config's TOML value: a configured store lies inside its project."""
    import shutil

    target = folder / "claims"
    if not target.exists():
        shutil.copytree(CLAIMS, target, ignore=shutil.ignore_patterns(".index", ".lock"))
    return '"claims"'


@pytest.fixture
def newsroom(tmp_path, monkeypatch) -> Path:
    """A project with a copy of the committed store and no `drafts` globs, as the current directory: every
    draft format the tool reads is a draft."""
    (tmp_path / "factcheck.toml").write_text(f"store = {project_store(tmp_path)}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *args: str) -> tuple[int, str, str]:
    """The command line run in-process: its exit code, stdout and stderr."""
    from factcheck.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def checked_verdicts(capsys, draft: str) -> list[tuple[str, str, str, str]]:
    """Every finding of `check DRAFT` (as of 2026-02-10, accepted ones too): text, verdict, code and message, the
    things a draft read from another format must give alike."""
    _code, out, _ = run(capsys, "check", draft, "--format", "json", "--date", "2026-02-10", "--all")
    return [(f["text"], f["verdict"], f["code"], f["message"]) for f in json.loads(out)["findings"]]


# --- the PostgreSQL store: a real server, named by FACTCHECK_TEST_DATABASE_URL --------------------

DATABASE_URL = os.environ.get("FACTCHECK_TEST_DATABASE_URL", "")
NO_DATABASE = (
    "FACTCHECK_TEST_DATABASE_URL is not set, so the PostgreSQL store's tests cannot reach a server: "
    "start one with `eval \"$(.ci/postgres start)\"` (see the README)"
)


def pytest_collection_modifyitems(config, items):
    """Without a server the PostgreSQL tests skip, saying why; CI sets FACTCHECK_REQUIRE_POSTGRES=1 to fail instead."""
    if DATABASE_URL:
        return
    needing = [item for item in items if "database" in getattr(item, "fixturenames", ())]
    if not needing:
        return
    if os.environ.get("FACTCHECK_REQUIRE_POSTGRES") == "1":
        raise pytest.UsageError(f"FACTCHECK_REQUIRE_POSTGRES=1 but {NO_DATABASE}")
    for item in needing:
        item.add_marker(pytest.mark.skip(reason=NO_DATABASE))


# Backends holding a lock on a table of one schema (the %s): a test's own, not another worker's (pytest -n).
ON_SCHEMA = ("pid IN (SELECT l.pid FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
             " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s)")


def schema_of(url: str) -> str:
    """The schema a `database` URL names in its search_path."""
    from urllib.parse import parse_qs, urlsplit

    (options,) = parse_qs(urlsplit(url).query)["options"]
    return options.removeprefix("-csearch_path=")


def _with_query(url: str, **params: str) -> str:
    from urllib.parse import urlencode

    return url + ("&" if "?" in url else "?") + urlencode(params)


@pytest.fixture
def database(request) -> Iterator[str]:
    """A PostgreSQL store of our own: a fresh schema (named in the URL's search_path), dropped afterwards.

    Reached at run time too (a parametrised fixture's `getfixturevalue`), where the collection-time
    marker cannot see it: so it skips, or fails under FACTCHECK_REQUIRE_POSTGRES, on its own.
    """
    if not DATABASE_URL:
        if os.environ.get("FACTCHECK_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"FACTCHECK_REQUIRE_POSTGRES=1 but {NO_DATABASE}")
        pytest.skip(NO_DATABASE)
    import uuid

    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(DATABASE_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield _with_query(DATABASE_URL, options=f"-csearch_path={schema}")
    finally:
        with psycopg.connect(DATABASE_URL, autocommit=True) as conn:
            # A store a failed test left open would hold the schema's tables: end it, or the drop waits for
            # ever. Only this schema's: the other workers' tests (pytest -n) use the same database.
            conn.execute(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE {ON_SCHEMA}", (schema,))
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store_url(database) -> str:
    """The schema's URL with its store created (`factcheck store init`)."""
    from factcheck.store.postgres import PostgresStorage

    PostgresStorage(database).init()
    return database


@pytest.fixture
def url_without_password(store_url, monkeypatch) -> str:
    """The store's URL as a config file may carry it: the password in PGPASSWORD instead."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(store_url)
    if parts.password is not None:
        monkeypatch.setenv("PGPASSWORD", parts.password)
    netloc = f"{parts.username}@{parts.hostname}:{parts.port}" if parts.username else f"{parts.hostname}:{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def processes_marked(mark: str) -> list[int]:
    """Live processes whose environment carries `mark`: a stopped run's workers or children, if any outlived it."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            environ = (proc / "environ").read_bytes()
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if mark.encode() in environ and state != "Z":
            found.append(int(proc.name))
    return found


@pytest.fixture
def strict_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A newsroom that wants every figure sourced (unsupported fails the run too), with a copy of the
    committed store, as the working folder; its accept file lands in it."""
    (tmp_path / "factcheck.toml").write_text(
        f"store = {project_store(tmp_path)}\nfail-on = [\"contradicted\", \"stale\", \"unsupported\"]\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def as_in_a_terminal() -> None:
    """Popen's preexec_fn: Ctrl-C reaches the child as it would from a terminal. A runner started in the
    background (`.ci/run &`) has SIGINT ignored, and a child inherits that, so an interrupt test would
    see its command run to the end."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
