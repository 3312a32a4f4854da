"""The claims/ folder as a store: JSON Lines files reviewable with git diff, read through the derived SQLite index.

Writes go under the folder's lock, each file replaced whole and the manifest
last; `repair` makes the folder consistent with what is on disk.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..atomic import atomic_write
from ..errors import NoStoreError, StoreError, shown
from ..workers import uninterrupted
from .folder import (
    REPAIR,
    Store,
    parse_store_file,
    read_store_bytes,
    read_store_file,
    source_of_store_file,
    store_file_name,
    to_jsonl,
)
from .manifest import MANIFEST, ManifestEntry, digest, plain_claims_file
from .protocol import (
    BUILDING_INDEX,
    ClaimStore,
    Extracted,
    OpenClaims,
    Repair,
    StoredSource,
    T,
    Written,
    require_claims,
)


@dataclass
class FileStorage:
    """claims/: JSON Lines files reviewable with git diff, read through the derived SQLite index."""

    PREPARED = True  # ingest's workers make the index's rows and keys (index.build.prepare) for `write`

    root: Path

    @property
    def store(self) -> Store:
        return Store(self.root)

    def __str__(self) -> str:
        return str(self.root)

    def open(self, notice: Callable[[str], None] | None = None, full_look: bool = False) -> OpenClaims:
        from .index import open_index

        return open_index(self.store, notice, full_look)

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
        """Only for sources whose claims file is the one the manifest wrote: a file a killed writer renamed
        into place under the old entry, or one cut short, is no reason to skip its source."""
        manifest = self.store.manifest()
        out = {}
        for source in sources:
            entry = manifest.get(source)
            if entry is None:
                continue
            try:
                data = (self.root / entry.file).read_bytes()
            except FileNotFoundError:
                continue
            if entry.holds(data):
                out[source] = entry.sha256
        return out

    def write(
        self,
        results: list[Extracted],
        waiting: Callable[[str], None] | None = None,
        phase: Callable[[str], None] | None = None,
    ) -> Written:
        """Under the store's lock: the store files, then the manifest last, then the index brought up to date."""
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

        if phase is not None:
            phase(BUILDING_INDEX)  # a third of a big ingest's time, once the sources are all read
        # So the first check after an ingest is as fast as any other; with what the workers prepared, so
        # the files just written are not read, parsed and keyed again here, on one core.
        prepared = {store_file_name(r.display): r.index for r in results if r.index}
        open_index(store, prepared=prepared).close()
        return Written(tuple(written), sum(e.claims for e in manifest.values()))

    def repair(self, root: Path, waiting: Callable[[str], None] | None = None) -> Repair:
        return repair(self.store, root, waiting)

    def init(self) -> str:
        return f"{shown(self.root)}: a claims folder needs no init (`factcheck ingest` creates it)"

    def close(self) -> None:
        pass

    def dump(self) -> Iterator[StoredSource]:
        if not self.root.is_dir():
            raise NoStoreError(f"{self.root}: no claims store here (run `factcheck ingest` first)")
        return self._dump(sorted(self.store.manifest().items()))

    def _dump(self, entries: list[tuple[str, ManifestEntry]]) -> Iterator[StoredSource]:
        for source, entry in entries:
            yield StoredSource(source, entry, tuple(read_store_file(self.root / entry.file)))

    def load(self, sources: Iterable[StoredSource]) -> int:
        """Each source's file, then the manifest, under the lock; the index catches up on the next read."""
        store = self.store
        count = 0
        with store.writing(), uninterrupted():
            manifest = store.manifest()
            for found in sources:
                file = found.entry.file
                if not plain_claims_file(file):
                    raise StoreError(f"{found.source}: {file!r} is not a claims file name")
                text = to_jsonl(list(found.claims))
                atomic_write(self.root / file, text)
                manifest[found.source] = replace(found.entry, claims=len(found.claims),
                                                 claims_sha256=digest(text.encode("utf-8")))
                count += 1
            store.write_manifest(manifest)
            store.sweep_orphans(manifest)
        return count


def commit(store: Store, manifest: dict[str, ManifestEntry], results: list[Extracted]) -> list[str]:
    """Write each source's store file and its manifest entry; two sources may never share a file."""
    owners = {entry.file.casefold(): source for source, entry in manifest.items()}
    written = []
    for result in results:
        name = store_file_name(result.display)
        owner = owners.setdefault(name.casefold(), result.display)
        if owner != result.display:
            raise StoreError(
                f"{result.display} and {owner} would share the store file {name}: rename one of them"
            )
        manifest[result.display] = replace(
            store.write_jsonl(result.display, result.jsonl),
            sha256=result.sha256,
            published=result.published.isoformat() if result.published else None,
            date_inferred=result.date_inferred,
            claims=result.claims,
        )
        written.append(result.display)
    return written


def repair(store: Store, root: Path, waiting: Callable[[str], None] | None = None) -> Repair:
    """Make the store consistent with what is on disk, under the lock.

    A corrupt manifest is rebuilt from the store files; a store file that is
    corrupt or missing loses its entry and its source is read again; store
    files the manifest does not name are taken back in. Then the index is
    checked page by page and rebuilt if damaged. Claims whose store file was
    corrupt and whose source is gone cannot be recovered: the notes say so.
    """
    notes: list[str] = []
    reread: list[str] = []
    with store.writing(waiting), uninterrupted():
        try:
            manifest, problems = store.manifest_entries()
        except StoreError as exc:
            notes.append(f"{_unhinted(exc)}: rebuilt it from the store files")
            manifest, problems = {}, []
        for source, why in problems:  # never followed: a file outside the store is neither read nor deleted
            notes.append(f"{store.manifest_path}: the entry for {source} {why.removeprefix('an entry ')}: dropped")
            reread.append(source)
        for source, entry in sorted(manifest.items()):
            path = store.root / entry.file
            try:
                data = read_store_bytes(path)
                found = parse_store_file(path, data)
            except StoreError as exc:
                del manifest[source]
                path.unlink(missing_ok=True)
                reread.append(source)
                notes.append(f"{_unhinted(exc)}: removed")
                continue
            if not entry.holds(data):
                # Cut short, emptied, or renamed into place by a writer killed before the manifest: its claims
                # are kept (the source may be gone) for what they are, and the source is read again.
                what = (f"holds {len(found)} claims where the manifest says {entry.claims}" if len(found) != entry.claims
                        else "is not the file the manifest wrote")
                manifest[source] = replace(entry, sha256="", claims=len(found), claims_sha256=digest(data))
                notes.append(f"{path}: {what}: its source is read again")
        manifest = adopt(store, manifest, notes)
        reread += [source for source, entry in manifest.items() if not entry.sha256]
        store.write_manifest(manifest)
        store.sweep_orphans(manifest)
    from .index import verified

    verified(store, notes.append)
    outside = sorted(s for s in set(reread) if not _in_project(s))
    notes += [f"{s}: not a path inside the project: not read" for s in outside]
    again = tuple(s for s in dict.fromkeys(sorted(reread)) if s not in outside and (root / s).is_file())
    lost = sorted(set(reread) - set(again) - {s for s, e in manifest.items() if e.file})
    notes += [f"{s}: its claims were lost (store file corrupt, source gone)" for s in lost]
    return Repair(tuple(notes), again)


def _in_project(source: str) -> bool:
    """A source is named by its path in the project: never absolute, never climbing out with `..`."""
    path = Path(source)
    return bool(source) and not path.is_absolute() and ".." not in path.parts and "\0" not in source


def _unhinted(exc: StoreError) -> str:
    """A store error as a repair note: the repair is running, so without its `(run … --repair)` hint."""
    return str(exc).replace(f" {REPAIR}", "")


def adopt(store: Store, manifest: dict[str, ManifestEntry], notes: list[str]) -> dict[str, ManifestEntry]:
    """Store files on disk that no entry names, taken in with an empty hash, so their sources are read again."""
    named = {entry.file for entry in manifest.values()}
    for path in sorted(store.root.glob("*.jsonl")):
        if path.name in named:
            continue
        try:
            found = read_store_file(path)
        except StoreError as exc:
            path.unlink(missing_ok=True)
            notes.append(f"{_unhinted(exc)}: removed")
            continue
        source = found[0].source if found else source_of_store_file(path.name)
        if source in manifest:
            continue  # the source's current file is already named; this one is an old copy, swept later
        first = found[0] if found else None
        manifest[source] = ManifestEntry(
            file=path.name,
            published=first.published.isoformat() if first and first.published else None,
            date_inferred=bool(first and first.date_inferred),
            claims=len(found),
            claims_sha256=digest(path.read_bytes()),
        )
        notes.append(f"{path.name}: taken back into the manifest as {source}")
    return manifest
