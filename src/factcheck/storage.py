"""Where the claims are kept: a claims/ folder or a PostgreSQL database, behind one interface.

The choice is made here and nowhere else (`open_storage`): a postgresql://
URL is the database store (postgres.py; psycopg is imported only then),
anything else is a folder (store.py, read through its derived SQLite index).
Ingest writes through `Storage.write`; check, accept, the hook, claims,
conflicts and the editor read through `reading` or `open`, and never learn
which store they have.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar
from urllib.parse import parse_qs, urlsplit, urlunsplit

from .claims import Claim
from .claimstore import ClaimStore, require_claims
from .errors import StoreError, shown

if TYPE_CHECKING:
    from .ingest import Repair
    from .store import Store

T = TypeVar("T")
URL_SCHEMES = ("postgresql://", "postgres://")
Where = Path | str  # a claims/ folder, or a PostgreSQL URL


def is_url(where: object) -> bool:
    return isinstance(where, str) and where.startswith(URL_SCHEMES)


def redacted(url: str) -> str:
    """The URL as messages show it: never its password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}@{host}" if parts.username else host
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def has_password(url: str) -> bool:
    parts = urlsplit(url)
    return parts.password is not None or "password" in parse_qs(parts.query)


@dataclass(frozen=True, slots=True)
class Extracted:
    """One source's claims as ingest hands them to a store, serialised: a worker sends back one string."""

    display: str
    sha256: str
    jsonl: str
    claims: int
    published: dt.date | None
    date_inferred: bool


@dataclass(frozen=True, slots=True)
class Written:
    """What an ingest's write did: the sources it wrote, and the claims the store holds afterwards."""

    sources: tuple[str, ...]
    claims: int


@dataclass(frozen=True, slots=True)
class StoredSource:
    """One source as a store holds it, manifest entry and claims: what export and import carry across."""

    source: str
    file: str  # its claims/ file name
    sha256: str
    published: str | None
    date_inferred: bool
    claims: tuple[Claim, ...]

    def entry(self) -> dict[str, object]:
        """Its manifest entry, as the folder store writes it."""
        return {"file": self.file, "sha256": self.sha256, "published": self.published,
                "date_inferred": self.date_inferred, "claims": len(self.claims)}


class OpenClaims(ClaimStore, Protocol):
    """A store opened for checking, until closed."""

    def close(self) -> None: ...

    def pause(self) -> None:
        """Between checks of a long-lived reader (the editor's server): let go of what must not be held
        while idle, such as a database snapshot, which would keep the server from vacuuming."""
        ...

    def resume(self) -> bool:
        """Before the next check: False when the store has changed since it was opened (then reopen it)."""
        ...


class Storage(Protocol):
    """A claims store, whatever keeps it. `str()` names it for messages (a URL without its password)."""

    def open(self, notice: Callable[[str], None] | None = None) -> OpenClaims:
        """Opened for reading, claims or not (see `reading` for the usual way)."""
        ...

    def reading(self, work: Callable[[ClaimStore], T], notice: Callable[[str], None] | None = None) -> T:
        """Run `work` on the store, which must hold claims; a damaged derived index is healed on the way."""
        ...

    def heal(self, exc: BaseException) -> bool:
        """After `exc` broke a read: True when derived data was discarded and a second try may work."""
        ...

    def signature(self) -> Hashable:
        """Changes whenever the store's claims change: an editor's session reopens the store then."""
        ...

    def glimpse(self) -> Hashable:
        """A cheaper look that changes with every write of factcheck (the editor's look between full ones)."""
        ...

    def hashes(self, sources: Iterable[str]) -> dict[str, str]:
        """The content hash of each of these sources whose claims the store holds whole (ingest skips them)."""
        ...

    def write(self, results: list[Extracted], waiting: Callable[[str], None] | None = None) -> Written:
        """Put each source's claims in place of its old ones; a source is never half written."""
        ...

    def repair(self, root: Path, waiting: Callable[[str], None] | None = None) -> Repair:
        """Make the store consistent with what it holds (`ingest --repair`)."""
        ...

    def init(self) -> str:
        """Create the store, or bring its schema up to this version; says what it did."""
        ...

    def dump(self) -> Iterator[StoredSource]:
        """Every source, in store order (export)."""
        ...

    def load(self, sources: Iterable[StoredSource]) -> int:
        """Put these sources in, replacing any of the same name (import); returns how many."""
        ...

    def close(self) -> None:
        """Let go of what `signature` keeps open."""
        ...


def open_storage(where: Where) -> Storage:
    """The one place a URL or a path picks the store."""
    if is_url(where):
        from .postgres import PostgresStorage  # psycopg only for a database store

        return PostgresStorage(str(where))
    return FileStorage(Path(where))


@dataclass
class FileStorage:
    """claims/: JSON Lines files reviewable with git diff, read through the derived SQLite index."""

    root: Path

    @property
    def store(self) -> Store:
        from .store import Store

        return Store(self.root)

    def __str__(self) -> str:
        return str(self.root)

    def open(self, notice: Callable[[str], None] | None = None) -> OpenClaims:
        from .index import open_index

        return open_index(self.store, notice)

    def reading(self, work: Callable[[ClaimStore], T], notice: Callable[[str], None] | None = None) -> T:
        from .index import with_index

        def on_store(claims: ClaimStore) -> T:
            require_claims(claims, self.root)
            return work(claims)

        return with_index(self.store, on_store, notice)

    def heal(self, exc: BaseException) -> bool:
        import sqlite3

        if not isinstance(exc, sqlite3.DatabaseError):
            return False
        from .index.opening import damaged, discard

        if not damaged(exc):
            raise StoreError(f"{self.root}: cannot read the index ({exc})") from None
        discard(self.store)
        return True

    def signature(self) -> Hashable:
        """Name, size and mtime of each store file: one directory read, no parsing."""
        import os

        try:
            with os.scandir(self.root) as entries:
                return tuple(sorted((e.name, s.st_size, s.st_mtime_ns) for e in entries if e.is_file() for s in [e.stat()]))
        except FileNotFoundError:
            return ()

    def glimpse(self) -> Hashable:
        """The store folder's mtime and the manifest's size and mtime: two stats, whatever the store's size.

        Every write of factcheck (a rename) and of git changes them; a file edited
        in place by hand is seen by the next `signature`.
        """
        import os

        from .store import MANIFEST

        try:
            folder = os.stat(self.root).st_mtime_ns
        except FileNotFoundError:
            return (0, 0, 0)
        try:
            st = os.stat(self.root / MANIFEST)
            return (folder, st.st_size, st.st_mtime_ns)
        except FileNotFoundError:
            return (folder, 0, 0)

    def hashes(self, sources: Iterable[str]) -> dict[str, str]:
        manifest = self.store.manifest()
        out = {}
        for source in sources:
            entry = manifest.get(source)
            if entry and (self.root / str(entry.get("file", ""))).exists():
                out[source] = str(entry.get("sha256", ""))
        return out

    def write(self, results: list[Extracted], waiting: Callable[[str], None] | None = None) -> Written:
        """Under the store's lock: the store files, then the manifest last, then the index brought up to date."""
        from .ingest import adopt, commit
        from .workers import uninterrupted

        store = self.store
        with store.writing(waiting), uninterrupted():
            manifest = store.manifest()  # again, under the lock: another ingest may have landed meanwhile
            if not store.manifest_path.exists():
                manifest = adopt(store, {}, [])  # a store of bare files (no manifest yet): keep them, do not sweep them
            written = commit(store, manifest, results)
            if written or not store.manifest_path.exists():
                store.write_manifest(manifest)
            store.sweep_orphans(manifest)
        from .index import open_index  # sqlite3 and the index only for the commands that need them

        open_index(store).close()  # so the first check after an ingest is as fast as any other
        return Written(tuple(written), sum(int(str(e.get("claims", 0))) for e in manifest.values()))

    def repair(self, root: Path, waiting: Callable[[str], None] | None = None) -> Repair:
        from .ingest import repair

        return repair(self.store, root, waiting)

    def init(self) -> str:
        return f"{shown(self.root)}: a claims folder needs no init (`factcheck ingest` creates it)"

    def close(self) -> None:
        pass

    def dump(self) -> Iterator[StoredSource]:
        if not self.root.is_dir():
            raise StoreError(f"{self.root}: no claims store here (run `factcheck ingest` first)")
        return self._dump(sorted(self.store.manifest().items()))

    def _dump(self, entries: list[tuple[str, dict[str, object]]]) -> Iterator[StoredSource]:
        from .store import read_store_file

        for source, entry in entries:
            claims = read_store_file(self.root / str(entry["file"]))
            published = entry.get("published")
            yield StoredSource(source, str(entry["file"]), str(entry.get("sha256", "")),
                               None if published is None else str(published), bool(entry.get("date_inferred")),
                               tuple(claims))

    def load(self, sources: Iterable[StoredSource]) -> int:
        """Each source's file, then the manifest, under the lock; the index catches up on the next read."""
        from .store import atomic_write, to_jsonl
        from .workers import uninterrupted

        store = self.store
        count = 0
        with store.writing(), uninterrupted():
            manifest = store.manifest()
            for found in sources:
                if Path(found.file).name != found.file or found.file.startswith(".") or not found.file.endswith(".jsonl"):
                    raise StoreError(f"{found.source}: {found.file!r} is not a claims file name")
                atomic_write(self.root / found.file, to_jsonl(list(found.claims)))
                manifest[found.source] = found.entry()
                count += 1
            store.write_manifest(manifest)
            store.sweep_orphans(manifest)
        return count
