"""Opening the index: brought up to date with the store first, and rebuilt from it when damaged.

Each build of the index is a file of its own (`claims.<token>.sqlite3`), and
`.index/current` names the one in use. A rebuild writes a new file and then
points `current` at it; it never renames over a file another process may
have open. SQLite names its rollback journal after the database's path, so a
file swapped in under the same name would share a journal path with the one
it replaced: a reader of the old file could take the new file's journal for
a hot journal of its own and "roll back" the wrong pages (SQLite's own "How
To Corrupt" note warns of exactly this). A file name per build keeps every
journal with its own database.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ...errors import NoStoreError, StoreError, shown
from ..folder import Store
from .build import Prepared, build_into, keep_order, rebuild_file, update
from .freshness import Changes, Glance, detect_changes, glance
from .query import ClaimIndex
from .schema import CURRENT, INDEX_DIR, INDEX_FILE, INDEX_VERSION, generation, meta, set_meta

T = TypeVar("T")

COMPACT_RATIO = 0.25  # rebuild from scratch once this share of postings points at deleted claims


def index_path(store: Store) -> Path:
    """The index file in use (it may not exist yet)."""
    folder = store.root / INDEX_DIR
    try:
        name = (folder / CURRENT).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError, UnicodeDecodeError):
        return folder / INDEX_FILE
    return folder / name if _own_name(name) else folder / INDEX_FILE


def _own_name(name: str) -> bool:
    return name.startswith("claims.") and name.endswith(".sqlite3") and "/" not in name and "\\" not in name


def _needs_rebuild(conn: sqlite3.Connection, changes: Changes) -> bool:
    """Compact when too many postings would point at replaced claims."""
    known = meta(conn)
    return int(known.get("dead", 0)) + changes.replaced > COMPACT_RATIO * max(int(known.get("claims", 0)), 1)


def _valid(conn: sqlite3.Connection) -> bool:
    """An index of this version; a damaged file raises (the caller says so and rebuilds)."""
    try:
        return meta(conn).get("version") == INDEX_VERSION
    except sqlite3.OperationalError:  # no meta table: an empty or zeroed file
        return False


def _refresh(store: Store, target: Path, full_look: bool = False, prepared: Prepared | None = None) -> sqlite3.Connection:
    """An open connection to an index that matches the store as it is now.

    The store-wide glance first (three small reads): unmoved since the index last looked at every
    file, the index is trusted as it is. `full_look` looks at every file whatever the glance says
    (the editor's session does when its own look saw a file change).
    """
    seen_now = glance(store)  # before any look: a write that lands during it moves it again
    if target.exists():
        conn = sqlite3.connect(target, timeout=60)
        if _valid(conn):
            known = meta(conn)
            if not full_look and seen_now.vouches_for(known):
                _order_kept(conn, int(known.get("generation", 0)))
                return conn
            seen = int(known.get("generation", 0))
            changes = detect_changes(store, conn)
            if not changes.stale and not changes.rehashed:
                _remember(conn, seen_now)
                _order_kept(conn, seen)
                return conn
            try:
                conn.execute("BEGIN IMMEDIATE")  # one writer at a time
                if generation(conn) != seen:  # another writer got there first: look again
                    changes = detect_changes(store, conn)
                if not _needs_rebuild(conn, changes):
                    update(store, conn, changes, prepared)
                    set_meta(conn, glance=seen_now.token, looked_ns=seen_now.taken_ns)
                    conn.commit()
                    return conn
                conn.rollback()
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.rollback()  # a corrupt store file: leave the index as it was, and unlocked
                conn.close()
                raise
        conn.close()
    return sqlite3.connect(rebuild_file(store, target, seen_now, prepared), timeout=60)


def _order_kept(conn: sqlite3.Connection, generation_now: int) -> None:
    """An index built before store order was kept in it gets it now, once, if it may be written."""
    try:
        row = conn.execute("SELECT generation FROM id_order").fetchone()
    except sqlite3.OperationalError:
        row = None
    if row is not None and row[0] == generation_now:
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return
    try:
        keep_order(conn)
        conn.commit()
    except sqlite3.OperationalError:
        with contextlib.suppress(sqlite3.Error):
            conn.rollback()


def _remember(conn: sqlite3.Connection, seen: Glance) -> None:
    """The glance a look found the index current under, so the next check may skip the look.

    Only when nobody is writing and the file may be written: a read-only index (a mounted archive)
    stays usable, and simply gets looked at again next time.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return
    try:
        set_meta(conn, glance=seen.token, looked_ns=seen.taken_ns)
        conn.commit()
    except sqlite3.OperationalError:
        with contextlib.suppress(sqlite3.Error):
            conn.rollback()


def damaged(exc: BaseException) -> bool:
    """A malformed index (bad pages, not a database), as opposed to a busy or read-only one."""
    return isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError)


def _say(notice: Callable[[str], None] | None, text: str) -> None:
    if notice is None:
        print(f"factcheck: {text}", file=sys.stderr)
    else:
        notice(text)


def open_index(
    store: Store, notice: Callable[[str], None] | None = None, full_look: bool = False, prepared: Prepared | None = None
) -> ClaimIndex:
    """The store's candidate index, brought up to date first (built on first use, rebuilt when damaged).

    `full_look`: look at every store file even when the store-wide glance has not moved (see _refresh).
    `prepared`: what an ingest's workers made of the files it just wrote (build.prepare), by file name.
    """
    if not store.root.is_dir():
        raise NoStoreError(f"{store.root}: no claims store here (run `factcheck ingest` first)")
    target = index_path(store)
    try:
        try:
            conn = _refresh(store, target, full_look, prepared)
        except sqlite3.DatabaseError as exc:
            if not damaged(exc):
                raise
            _say(notice, f"{shown(target)}: the index was damaged ({exc}); rebuilt it from {shown(store.root)}")
            discard(store)
            conn = _refresh(store, target)
    except (OSError, sqlite3.OperationalError):
        # A read-only store (a CI checkout, a mounted archive): index in memory for this run only.
        conn = sqlite3.connect(":memory:")
        build_into(store, conn)
    return ClaimIndex(conn)


def discard(store: Store) -> None:
    """Delete the index (it is derived data): the next open builds it afresh, under a name of its own."""
    target = index_path(store)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(target.parent / CURRENT)
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(OSError):  # FileNotFoundError; on Windows, a file another process has open
            os.unlink(f"{target}{suffix}")


def verified(store: Store, notice: Callable[[str], None] | None = None) -> bool:
    """Read every page of the index (`PRAGMA quick_check`); a damaged one is rebuilt. True when it was sound."""
    target = index_path(store)
    if target.exists():
        try:
            conn = sqlite3.connect(target, timeout=60)
            try:
                problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
            finally:
                conn.close()
            if problems == ["ok"]:
                return True
            why = problems[0]
        except sqlite3.DatabaseError as exc:
            if not damaged(exc):
                raise
            why = str(exc)
        _say(notice, f"{shown(target)}: the index was damaged ({why}); rebuilt it from {shown(store.root)}")
        discard(store)
    open_index(store, notice).close()
    return False


def with_index(store: Store, work: Callable[[ClaimIndex], T], notice: Callable[[str], None] | None = None) -> T:
    """Run `work` on the store's index. Damage found on the way (a bad page the open did not read)
    rebuilds the index from claims/ and runs `work` once more: the index is derived, the answer is not lost."""
    for attempt in (1, 2):
        index = open_index(store, notice)
        try:
            return work(index)
        except sqlite3.DatabaseError as exc:
            if not damaged(exc) or attempt == 2:
                raise StoreError(f"{shown(index_path(store))}: cannot read the index ({exc}); delete it and retry") from None
            _say(notice, f"{shown(index_path(store))}: the index was damaged ({exc}); rebuilt it from {shown(store.root)}")
            index.close()
            discard(store)
        finally:
            index.close()
    raise AssertionError("unreachable")
