"""Whether the index still matches the store: a store-wide glance first, then one stat per file only if it moved.

The glance is the writers' generation (a token every write of factcheck
replaces, under the store's lock, before and after it changes anything),
the store folder's stat (every rename into it, factcheck's or git's,
moves its mtime) and the manifest's stat: three small reads, whatever the
store's size. The index remembers the glance it last looked at every file
under; while it is the same, and its times too old for a same-tick change
to hide behind them, the index is trusted. Otherwise every file is stat-ed
(a 10M-claim store has some 150,000), and hashed only where the stat
cannot vouch. A store file edited in place by hand moves none of the
three: the editor's session looks at every file every few seconds, and
`factcheck ingest --repair` (a write) makes the next check look too.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from dataclasses import dataclass

from ..folder import Store
from ..manifest import MANIFEST

RACY_NS = 2_000_000_000  # a file modified this close to when we read it may change again within the same mtime


@dataclass(frozen=True, slots=True)
class Glance:
    """The store as three small reads see it: the writers' generation, the folder's stat, the manifest's."""

    token: str
    newest_ns: int  # the later of the folder's and the manifest's mtime
    taken_ns: int  # when it was taken

    def vouches_for(self, known: dict[str, str]) -> bool:
        """Whether an index that last looked at every file under `known`'s glance may skip the look now."""
        try:
            looked_ns = int(known.get("looked_ns", 0))
        except ValueError:
            return False
        # A change in the same clock tick as the look would leave the folder's mtime as it was: trust only
        # a glance whose times were old, by RACY_NS, when the look was made.
        return bool(self.token) and known.get("glance") == self.token and self.newest_ns + RACY_NS < looked_ns


def glance(store: Store) -> Glance:
    """Taken before any look at the files: a write that lands during the look moves it again."""
    now = time.time_ns()
    try:
        folder = os.stat(store.root)
    except OSError:
        return Glance("", 0, now)
    try:
        m = store.manifest_path.stat()
        manifest, newest = f"{m.st_size}.{m.st_mtime_ns}.{m.st_ino}", max(folder.st_mtime_ns, m.st_mtime_ns)
    except OSError:
        manifest, newest = "-", folder.st_mtime_ns
    return Glance(f"{store.generation()}/{folder.st_mtime_ns}.{folder.st_ino}/{manifest}", newest, now)


@dataclass(frozen=True, slots=True)
class FileState:
    """What the index knows of one store file: enough to tell, cheaply, that it has not changed."""

    name: str
    size: int
    mtime_ns: int
    verified_ns: int  # when its content was last hashed
    sha256: str
    claims: int


def _unchanged(size: int, mtime_ns: int, verified_ns: int, st: os.stat_result) -> bool:
    """Same size and mtime, and the mtime old enough that a same-tick rewrite cannot hide behind it."""
    return st.st_size == size and st.st_mtime_ns == mtime_ns and mtime_ns + RACY_NS < verified_ns


@dataclass(frozen=True, slots=True)
class Changes:
    """How the store files differ from what the index holds."""

    listing: tuple[str, ...]  # the store's files, in store order
    changed: tuple[str, ...]  # new or different content: (re)index these
    removed: tuple[str, ...]
    rehashed: tuple[FileState, ...]  # same content, new mtime (and the manifest's state): remember the new stat
    replaced: int = 0  # claims the index holds for changed and removed files

    @property
    def stale(self) -> bool:
        return bool(self.changed or self.removed)


_Known = dict[str, tuple[int, int, int, int, int, str]]  # name → size, mtime_ns, verified_ns, claims, position, sha256


def _listing(store: Store, known: _Known) -> tuple[str, ...]:
    """The store's files in store order; the manifest is only parsed when it has changed."""
    manifest = known.get(MANIFEST)
    try:
        trusted = manifest is not None and _unchanged(*manifest[:3], store.manifest_path.stat())
    except FileNotFoundError:
        trusted = False  # no manifest: every *.jsonl, as Store.load() reads them
    if trusted:
        return tuple(sorted((name for name, state in known.items() if state[4] >= 0), key=lambda n: known[n][4]))
    return store_files(store)


def store_files(store: Store) -> tuple[str, ...]:
    return tuple(os.path.relpath(p, store.root) for p in store.files())


def sha256_of(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def detect_changes(store: Store, conn: sqlite3.Connection) -> Changes:
    """One stat per store file (a million-claim store has some 15,000); a hash only where the stat cannot vouch."""
    # One read of what the index knows: a second look, row by row, could find a row another
    # process's update has since removed.
    known: _Known = {row[0]: row[1:] for row in conn.execute(
        "SELECT name, size, mtime_ns, verified_ns, claims, position, sha256 FROM files")}
    listing = _listing(store, known)
    changed: list[str] = []
    rehashed: list[FileState] = []
    now = time.time_ns()
    root = os.open(store.root, os.O_RDONLY)
    try:
        for name in (*listing, MANIFEST):
            try:
                st = os.stat(name, dir_fd=root)
            except FileNotFoundError:
                if name != MANIFEST:
                    changed.append(name)  # reading it will say it is missing, as Store.load() does
                continue
            state = known.get(name)
            if state is not None and _unchanged(*state[:3], st):
                continue
            digest = sha256_of(os.path.join(store.root, name))
            if state is not None and digest == state[5]:
                rehashed.append(FileState(name, st.st_size, st.st_mtime_ns, now, digest, state[3]))
            elif name == MANIFEST:
                rehashed.append(FileState(name, st.st_size, st.st_mtime_ns, now, digest, 0))
            else:
                changed.append(name)
    finally:
        os.close(root)
    listed = set(listing)
    removed = tuple(
        name for name in known if name not in listed and (name != MANIFEST or not store.manifest_path.exists())
    )
    replaced = sum(known[name][3] for name in (*changed, *removed) if name in known)
    return Changes(listing, tuple(changed), removed, tuple(rehashed), replaced)


def with_manifest(store: Store, changes: Changes) -> Changes:
    """Remember the manifest's state at build time, so an unchanged manifest is not parsed again."""
    try:
        st = store.manifest_path.stat()
    except FileNotFoundError:
        return changes
    state = FileState(MANIFEST, st.st_size, st.st_mtime_ns, time.time_ns(), sha256_of(str(store.manifest_path)), 0)
    return Changes(changes.listing, changes.changed, changes.removed, (*changes.rehashed, state))
