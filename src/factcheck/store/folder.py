"""The claims store: one JSON Lines file per source under claims/, reviewable with git diff.

Writes are atomic (temporary file, then rename) and the manifest is written
last, so an interrupted ingest leaves the previous store readable and whole.
Writers take the store's lock (`claims/.lock`) for every read-modify-write
of the manifest, so two ingests at once (cron, the hook, an editor) both
land; whatever a killed writer left behind is swept by the next one.

Every writer moves the store-wide generation (`claims/.index/written`) when
it takes the lock and again before it lets go, so a reader that saw it
unmoved since its index last looked at every file can trust the index
without stat-ing 150,000 store files (see index/freshness.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..atomic import atomic_write
from ..errors import NoStoreError, StoreError, shown
from ..record.claim import Claim
from ..record.codec import claim_from_line, claim_to_record
from .manifest import MANIFEST, ManifestEntry, digest

STORE_VERSION = 1
REPAIR = "(run `factcheck ingest --repair`)"
LOCK = ".lock"
LOCK_WAIT = 600.0  # seconds a writer waits for another before giving up (the kernel frees a dead writer's lock)
# Not part of the store: git should not see them (the index is derived, the lock and temporaries are a writer's).
GITIGNORE = ".index/\n.lock\n.*.tmp\n"
# The store-wide generation: a token every writer replaces (under .index/, which git already ignores).
WRITTEN = Path(".index") / "written"


def to_jsonl(claims: list[Claim]) -> str:
    """A store file's text: one record a line, in reading order."""
    return "".join(json.dumps(claim_to_record(c), ensure_ascii=False) + "\n" for c in claims)


def store_file_name(source: str) -> str:
    """seeds/000_x.txt → seeds__000_x.txt.jsonl: flat, readable, and one file per source.

    Folders are joined with `__`. So that news/a__b.txt and news/a/b.txt
    cannot meet in one file, a name part that has `__` in it, or starts or
    ends with `_`, writes its underscores as %5F (and % is always %25): then
    every `__` in a store file name is a folder boundary. Names as real
    newsrooms write them (000_c16f9ac0725775b3.txt) are unchanged.
    """
    parts = []
    for part in Path(source).parts:
        if part in ("..", ".", "/"):
            continue
        part = part.replace("%", "%25")
        if "__" in part or part.startswith("_") or part.endswith("_"):
            part = part.replace("_", "%5F")
        parts.append(part)
    return "__".join(parts) + ".jsonl"


def content_hash(text: str, published: dt.date | None, bodies: object = ()) -> str:
    """What a source's claims depend on: its text, its date, the extractor, and the bodies configured."""
    h = hashlib.sha256(text.encode("utf-8"))
    from ..extract.claims import EXTRACTOR_VERSION

    h.update(f"\0{published}\0v{STORE_VERSION}.{EXTRACTOR_VERSION}".encode())
    if bodies:
        h.update(f"\0{bodies!r}".encode())
    return h.hexdigest()


def source_of_store_file(name: str) -> str:
    """The source path a store file name stands for: store_file_name read backwards."""
    from urllib.parse import unquote

    stem = name.removesuffix(".jsonl")
    return "/".join(unquote(part) for part in stem.split("__"))


@dataclass
class Store:
    """A claims/ directory: the manifest says which sources it holds and their hashes."""

    root: Path

    @property
    def manifest_path(self) -> Path:
        return self.root / MANIFEST

    def manifest(self) -> dict[str, ManifestEntry]:
        """The sources the store holds; a manifest that cannot be read whole is corrupt."""
        entries, problems = self.manifest_entries()
        if problems:
            source, why = problems[0]
            raise StoreError(f"{self.manifest_path}: corrupt manifest (the entry for {source}: {why}) {REPAIR}")
        return entries

    def manifest_entries(self) -> tuple[dict[str, ManifestEntry], list[tuple[str, str]]]:
        """Every entry that can be read, and what is wrong with the others (`--repair` keeps the good ones)."""
        if not self.manifest_path.exists():
            return {}, []
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise StoreError(f"{self.manifest_path}: corrupt manifest ({exc}) {REPAIR}") from None
        if not isinstance(data, dict) or not isinstance(data.get("sources"), dict):
            raise StoreError(f"{self.manifest_path}: corrupt manifest (no 'sources' table) {REPAIR}")
        entries, problems = {}, []
        for source, raw in data["sources"].items():
            try:
                entries[str(source)] = ManifestEntry.from_json(raw)
            except ValueError as exc:
                problems.append((str(source), str(exc)))
        return entries, problems

    def write_source(self, source: str, claims: list[Claim]) -> ManifestEntry:
        return self.write_jsonl(source, to_jsonl(claims))

    def write_jsonl(self, source: str, text: str) -> ManifestEntry:
        """Write a source's claims already serialised (ingest workers serialise, the parent only writes).

        The entry it gives names the file and its hash; the caller fills in the rest.
        """
        name = store_file_name(source)
        data = text.encode("utf-8")
        atomic_write(self.root / name, text)
        return ManifestEntry(file=name, claims_sha256=digest(data))

    def write_manifest(self, sources: dict[str, ManifestEntry]) -> None:
        body = {"version": STORE_VERSION, "sources": {source: e.to_json() for source, e in sorted(sources.items())}}
        atomic_write(self.manifest_path, json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True) + "\n")

    @contextlib.contextmanager
    def writing(self, waiting: Callable[[str], None] | None = None, wait: float = LOCK_WAIT) -> Iterator[None]:
        """Hold the store's lock while the manifest is read, changed and written back.

        The lock is an OS file lock (filelock): a writer killed with -9 frees
        it at once. `waiting` is told, once, when another writer holds it.
        Inside, debris of dead writers (temporary files) is swept first.
        """
        from filelock import FileLock, Timeout  # only writers need it

        if self.root.exists() and not self.root.is_dir():
            raise StoreError(f"{shown(self.root)}: is a file, not a claims folder")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            lock = FileLock(self.root / LOCK)
            try:
                lock.acquire(timeout=0)
            except Timeout:
                if waiting is not None:
                    waiting(f"waiting for another ingest to finish writing {shown(self.root)} (it holds {shown(self.root / LOCK)})")
                try:
                    lock.acquire(timeout=wait)
                except Timeout:
                    raise StoreError(
                        f"{shown(self.root)}: another writer has held {LOCK} for {wait:.0f} s; try again when it is done"
                    ) from None
        except PermissionError as exc:
            raise StoreError(f"{shown(self.root)}: the store is read-only here ({exc.strerror}: {exc.filename})") from None
        try:
            self.move_generation()  # before the first file changes: a reader looking meanwhile looks again later
            self._sweep_temporaries()
            self._ignore_private_files()
            yield
        finally:
            try:
                self.move_generation()  # and after the last, so a look taken mid-write is not trusted
            finally:
                lock.release()

    def move_generation(self) -> None:
        """A new store-wide generation: a reader whose index was looked at under another one looks again.

        A random token, not a count: no read is needed, and no two writes share one. Written in place,
        not renamed: a reader that meets it half written sees a token no index recorded, and looks at
        every file, which is what it should do while a write is under way. Where it cannot be written
        (`.index` is a file, a read-only folder) it is removed if it can be, and readers fall back on the
        folder's and the manifest's stat, which every rename into the store moves too.
        """
        path = self.root / WRITTEN
        try:
            path.parent.mkdir(exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
            try:
                os.write(fd, os.urandom(12).hex().encode() + b"\n")
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError:
            with contextlib.suppress(OSError):
                path.unlink()

    def generation(self) -> str:
        """The store-wide generation as writers left it ("" when there is none)."""
        try:
            return (self.root / WRITTEN).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return ""

    def _ignore_private_files(self) -> None:
        path = self.root / ".gitignore"
        if not path.exists():
            atomic_write(path, GITIGNORE)

    def _sweep_temporaries(self) -> None:
        """A writer killed mid-write leaves .name.XXXX.tmp files; under the lock, none is anyone's."""
        for tmp in self.root.glob(".*.tmp"):
            tmp.unlink(missing_ok=True)

    def sweep_orphans(self, sources: dict[str, ManifestEntry]) -> list[str]:
        """Store files no manifest entry names (a killed ingest's, or a source's old name): removed, under the lock."""
        keep = {entry.file for entry in sources.values()}
        gone = []
        for path in self.root.glob("*.jsonl"):
            if path.name not in keep:
                path.unlink(missing_ok=True)
                gone.append(path.name)
        return sorted(gone)

    def files(self) -> list[Path]:
        manifest = self.manifest()
        if manifest:  # each file once, even in a manifest an older version let two sources share a file in
            return [self.root / name for name in dict.fromkeys(entry.file for _, entry in sorted(manifest.items()))]
        return sorted(self.root.glob("*.jsonl"))

    def load(self) -> list[Claim]:
        """Every claim in the store, in source order; a corrupt line is an error naming file and line."""
        if not self.root.is_dir():
            raise NoStoreError(f"{self.root}: no claims store here (run `factcheck ingest` first)")
        claims: list[Claim] = []
        for path in self.files():
            claims.extend(read_store_file(path))
        return claims


def read_store_file(path: Path) -> list[Claim]:
    return parse_store_file(path, read_store_bytes(path))


def read_store_bytes(path: Path) -> bytes:
    if not path.exists():
        raise StoreError(f"{path}: listed in the manifest but missing {REPAIR}")
    return path.read_bytes()


def parse_store_file(path: Path, data: bytes) -> list[Claim]:
    """The claims of one store file already read, so the index can hash and parse a file in one read."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StoreError(f"{path}: corrupt store file, not UTF-8 ({exc}) {REPAIR}") from None
    claims = []
    for number, line in enumerate(io.StringIO(text, newline=None), 1):  # the same lines as reading in text mode
        if not line.strip():
            continue
        try:
            claims.append(claim_from_line(line))
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"{path}:{number}: corrupt claim record ({exc}) {REPAIR}") from None
    return claims
