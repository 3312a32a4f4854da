"""The candidate index: which stored claims are worth scoring against a figure.

Scoring every stored claim with rapidfuzz is fine for five seed articles and
hopeless for a million-claim archive. `claims/.index/` keeps an inverted
index from (unit group, character bigram) to claims, over each claim's
metric, clause, counted noun, subject, period, value and sentence. A check
reads a bounded number of postings, rarest keys first, and hands only the
twenty best-overlapping claims to rapidfuzz, so its cost does not grow
with the store. A store of a few thousand claims is simply scored whole.

The index is derived data, like a compiled file: it is rebuilt from the
store files whenever one of them changes (size, mtime, and a content hash
when the mtime is too recent to trust), is never committed, and can be
deleted at any time.
"""

from __future__ import annotations

import contextlib
import hashlib
import heapq
import math
import os
import sqlite3
import sys
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import TypeVar

from .claims import Claim, mask_numbers
from .errors import StoreError, shown
from .quantity import unit_group
from .record import quote
from .store import CLAIM, MANIFEST, Store, atomic_replace, parse_store_file, read_store_bytes

T = TypeVar("T")

INDEX_DIR = ".index"
INDEX_FILE = "claims.sqlite3"
# Bump when the schema or the keys change: an index of another version is rebuilt.
INDEX_VERSION = "11"
TOP_K = 20  # claims handed to rapidfuzz per figure (bench: more brings in unrelated stories, not better verdicts)
SCAN_BELOW = 2_000  # a store this small is cheaper to score whole than to query (and then exactly brute force)
GATHER = 400  # candidates gathered from the rarest keys; commoner keys only re-rank them
POSTINGS_BUDGET = 5_000  # postings read per figure, rarest keys first: the cost is bounded at any store size
CLAUSE_WEIGHT = 2.0  # a key from the figure's own clause counts more than one from elsewhere in its sentence
RACY_NS = 2_000_000_000  # a file modified this close to when we read it may change again within the same mtime
COMPACT_RATIO = 0.25  # rebuild from scratch once this share of postings points at deleted claims

_SEP = "\x1f"  # between the unit group and the gram in a key
# Marks for whole-field keys, so they never collide with a gram.
_SUBJECT, _VALUE, _PERIOD = "\x1e", "\x1d", "\x1c"

# The claims table: the row's own key, file and place in it, then a column per stored field of
# the claim record (record.py), named as in the JSON Lines record. The paragraph is kept once per
# paragraph, in its own table, and the claims table holds its id.
_CLAIM_OWN = ("id", "file", "seq")
_SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE files(id INTEGER PRIMARY KEY, name TEXT UNIQUE, position INTEGER, size INTEGER, mtime_ns INTEGER,
                   verified_ns INTEGER, sha256 TEXT, claims INTEGER);
CREATE TABLE paragraphs(id INTEGER PRIMARY KEY, file INTEGER, text TEXT);
{CLAIM.table("claims", "id INTEGER PRIMARY KEY, file INTEGER, seq INTEGER", {"paragraph": "INTEGER"})}
CREATE TABLE postings(key TEXT, n INTEGER, ids BLOB);
CREATE TABLE subjects(subject TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID;
"""
_INDEXES = """
CREATE INDEX claims_file ON claims(file);
CREATE INDEX paragraphs_file ON paragraphs(file);
CREATE INDEX postings_key ON postings(key, n);
"""
_INSERT_CLAIM = (
    f"INSERT INTO claims({', '.join((*_CLAIM_OWN, *map(quote, CLAIM.column_names)))})"
    f" VALUES ({', '.join('?' * (len(_CLAIM_OWN) + len(CLAIM.columns)))})"
)
# A claim row as _row_claim reads it: row id, place in the file, file, then the record's fields.
# Checking fetches claims by id without joins (a join per row costs more than the row) and
# resolves file positions and paragraphs through small caches.
_ROWID, _SEQ, _FILE, _FIELDS = 0, 1, 2, 3
_PARAGRAPH = _FIELDS + CLAIM.position("paragraph")
_CLAIM_COLUMNS = "c.id, c.seq, {file}, " + ", ".join(
    "{paragraph}" if name == "paragraph" else f"c.{quote(column)}" for name, column in zip(CLAIM.names, CLAIM.column_names)
)
_BY_ID = _CLAIM_COLUMNS.format(file="c.file", paragraph="c.paragraph")
_IN_ORDER = (
    f"SELECT {_CLAIM_COLUMNS.format(file='f.position', paragraph='p.text')} FROM claims c"
    " JOIN files f ON f.id = c.file JOIN paragraphs p ON p.id = c.paragraph ORDER BY f.position, c.seq"
)


# --- keys -----------------------------------------------------------------------------------


def _grams(text: str) -> set[str]:
    if len(text) < 2:
        return {text} if text else set()
    return {text[i : i + 2] for i in range(len(text) - 1)}


@lru_cache(maxsize=4096)
def _sentence_keys(group: str, sentence: str) -> tuple[str, ...]:
    """Figures in one sentence share its bigrams: computed once per sentence, not once per figure.

    Read in simplified script, as the rules read it: a traditional source's
    sentence meets a simplified draft's paraphrase.
    """
    from .script import plain

    return tuple(group + g for g in _grams(mask_numbers(plain(sentence))))


def claim_keys(claim: Claim, same_metric: bool = False) -> dict[str, float]:
    """Index keys of a claim and how much each says about it.

    Keys carry the unit group, so only figures that can agree or disagree
    meet. The clause, metric and counted noun say what is measured; single
    characters of a short metric catch 成员 against 员工; the subject, the
    period and the exact value pull up the source that states this very
    figure; the sentence's bigrams (numbers masked) catch a paraphrase that
    moved the words around. `same_metric` keeps only what strict matching
    (clause and metric) looks at: the keys for finding a newer figure.
    """
    group = unit_group(claim.unit) + _SEP
    clause = _grams(claim.metric) | _grams(claim.context) | _grams(claim.counted)
    clause |= set(claim.metric) | set(claim.counted)
    if claim.subject:
        clause.add(_SUBJECT + claim.subject)
    if same_metric:
        return {group + g: CLAUSE_WEIGHT for g in clause}
    clause.add(_VALUE + str(claim.value.normalize()))
    if claim.period:
        clause.add(f"{_PERIOD}{claim.period.start}/{claim.period.end}")
    keys = dict.fromkeys(_sentence_keys(group, claim.sentence), 1.0)
    keys.update((group + g, CLAUSE_WEIGHT) for g in clause)
    return keys


# --- records --------------------------------------------------------------------------------


def _claim_row(claim: Claim, file_id: int, seq: int, paragraph: int) -> tuple[object, ...]:
    """The claims table's values after the row id: file, seq, then the record's fields (the paragraph by id)."""
    values = list(CLAIM.to_row(claim))
    values[_PARAGRAPH - _FIELDS] = paragraph
    return (file_id, seq, *values)


def _row_claim(row: Sequence[object]) -> Claim:
    """The Claim that Store.load() gives for the same record (Decimals round-trip exactly through str)."""
    return CLAIM.from_row(row[_FIELDS:])


# --- freshness ------------------------------------------------------------------------------


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


_Known = dict[str, tuple[int, int, int, int, int]]  # name → size, mtime_ns, verified_ns, claims, position


def _listing(store: Store, known: _Known) -> tuple[str, ...]:
    """The store's files in store order; the manifest is only parsed when it has changed."""
    manifest = known.get(MANIFEST)
    try:
        trusted = manifest is not None and _unchanged(*manifest[:3], store.manifest_path.stat())
    except FileNotFoundError:
        trusted = False  # no manifest: every *.jsonl, as Store.load() reads them
    if trusted:
        return tuple(sorted((name for name, state in known.items() if state[4] >= 0), key=lambda n: known[n][4]))
    return _store_files(store)


def _store_files(store: Store) -> tuple[str, ...]:
    return tuple(os.path.relpath(p, store.root) for p in store.files())


def _sha256(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def detect_changes(store: Store, conn: sqlite3.Connection) -> Changes:
    """One stat per store file (a million-claim store has some 15,000); a hash only where the stat cannot vouch."""
    known: _Known = {row[0]: row[1:] for row in conn.execute(
        "SELECT name, size, mtime_ns, verified_ns, claims, position FROM files")}
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
            digest = _sha256(os.path.join(store.root, name))
            if state is not None and digest == _recorded_sha256(conn, name):
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


def _recorded_sha256(conn: sqlite3.Connection, name: str) -> str:
    return str(conn.execute("SELECT sha256 FROM files WHERE name = ?", (name,)).fetchone()[0])


# --- building -------------------------------------------------------------------------------


class _Writer:
    """Adds store files to an index: claims as rows, postings as one new segment per key.

    Ids (of files, paragraphs and claims alike) count up from `first_id`, so
    parts built in parallel from disjoint ranges merge without renumbering.
    An update starts above every id ever given, not just those still in use:
    a removed claim's postings linger until compaction, and must not come to
    point at a new claim that took its id.
    """

    def __init__(self, conn: sqlite3.Connection, first_id: int | None = None) -> None:
        self.conn = conn
        self.postings: dict[str, array[int]] = {}
        self.subjects: dict[str, int] = {}
        if first_id is None:
            in_use = max(conn.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0] for t in _ID_TABLES)
            first_id = max(1 + in_use, int(_meta(conn).get("next_id", 0)))
        self.next_id = first_id

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def add_file(self, store: Store, name: str) -> None:
        path = store.root / name
        data = read_store_bytes(path)
        st = path.stat()
        claims = parse_store_file(path, data)
        file_id = self._id()
        self.conn.execute(
            "INSERT INTO files(id, name, position, size, mtime_ns, verified_ns, sha256, claims)"
            " VALUES (?, ?, -1, ?, ?, ?, ?, ?)",
            (file_id, name, st.st_size, st.st_mtime_ns, time.time_ns(), hashlib.sha256(data).hexdigest(), len(claims)),
        )
        paragraphs: dict[str, int] = {}
        rows = []
        postings = self.postings
        for seq, claim in enumerate(claims):
            paragraph = paragraphs.get(claim.paragraph)
            if paragraph is None:
                paragraph = paragraphs[claim.paragraph] = self._id()
            rowid = self._id()
            rows.append((rowid, *_claim_row(claim, file_id, seq, paragraph)))
            if claim.subject:
                self.subjects[claim.subject] = self.subjects.get(claim.subject, 0) + 1
            for key in claim_keys(claim):
                ids = postings.get(key)
                if ids is None:
                    ids = postings[key] = array("I")
                ids.append(rowid)
        self.conn.executemany(
            "INSERT INTO paragraphs(id, file, text) VALUES (?, ?, ?)", [(i, file_id, t) for t, i in paragraphs.items()])
        self.conn.executemany(_INSERT_CLAIM, rows)

    def flush(self) -> None:
        self.conn.executemany(
            "INSERT INTO postings(key, n, ids) VALUES (?, ?, ?)",
            ((key, len(ids), ids.tobytes()) for key, ids in self.postings.items()),
        )
        self.postings.clear()
        _count_subjects(self.conn, self.subjects.items())
        self.subjects.clear()


def _count_subjects(conn: sqlite3.Connection, counts: Iterable[tuple[str, int]]) -> None:
    """Claims per subject, kept as files come and go: listing the store's bodies must not scan every claim."""
    conn.executemany(
        "INSERT INTO main.subjects(subject, n) VALUES (?, ?) ON CONFLICT(subject) DO UPDATE SET n = n + excluded.n",
        counts,
    )
    conn.execute("DELETE FROM main.subjects WHERE n <= 0")


_ID_TABLES = ("files", "paragraphs", "claims")
PART_IDS = 1 << 26  # ids each part of a parallel build may use: 67M claims per part
MAX_PARTS = 32  # 32 parts use half of the 32-bit ids in the postings; incremental updates take the rest
PARALLEL_BYTES = 32 << 20  # stores smaller than this build faster in one process


def _build_part(root: Path, names: tuple[str, ...], first_id: int, path: str) -> None:
    """One worker's share of a parallel build: its files into a database of its own."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
        writer = _Writer(conn, first_id)
        for name in names:
            writer.add_file(Store(root), name)
        writer.flush()
        conn.commit()
    finally:
        conn.close()


def _build_part_job(job: tuple[Path, tuple[str, ...], int, str]) -> None:
    _build_part(*job)


def _parts(store: Store, listing: tuple[str, ...], count: int) -> list[tuple[str, ...]]:
    """Consecutive runs of files of about equal size, so store order survives the merge."""
    sizes = [(store.root / name).stat().st_size if (store.root / name).exists() else 0 for name in listing]
    share = sum(sizes) / count
    parts: list[tuple[str, ...]] = []
    start, filled = 0, 0
    for i, size in enumerate(sizes):
        filled += size
        if filled >= share * (len(parts) + 1) and len(parts) < count - 1:
            parts.append(listing[start : i + 1])
            start = i + 1
    parts.append(listing[start:])
    return [p for p in parts if p]


def _add_files(store: Store, conn: sqlite3.Connection, listing: tuple[str, ...], scratch: Path | None) -> None:
    """Index the listed files; on every core (parts built in `scratch`) when the store is big enough to pay."""
    workers = os.cpu_count() or 1
    total = sum(st.st_size for name in listing if (st := _stat(store.root / name)) is not None)
    if scratch is None or workers < 2 or total < PARALLEL_BYTES or len(listing) < 2:
        writer = _Writer(conn, 1)
        for name in listing:
            writer.add_file(store, name)
        writer.flush()
        return
    from .workers import run_parallel

    parts = _parts(store, listing, min(workers, MAX_PARTS))  # one postings segment per part: fewer is faster to read
    import tempfile  # here, not at the top: a check never writes, and tempfile imports random
    with tempfile.TemporaryDirectory(prefix=".parts.", dir=scratch) as tmp:
        paths = [os.path.join(tmp, f"{i}.sqlite3") for i in range(len(parts))]
        jobs = [(store.root, names, 1 + i * PART_IDS, path) for i, (names, path) in enumerate(zip(parts, paths))]
        run_parallel(_build_part_job, jobs, workers, lambda i, result: None)  # Ctrl-C ends the workers too
        for path in paths:  # in order: postings segments stay in claim order
            conn.execute("ATTACH DATABASE ? AS part", (path,))
            for table in (*_ID_TABLES, "postings"):
                conn.execute(f"INSERT INTO main.{table} SELECT * FROM part.{table}")
            _count_subjects(conn, conn.execute("SELECT subject, n FROM part.subjects").fetchall())
            conn.commit()
            conn.execute("DETACH DATABASE part")


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        return None


def _remove_file(conn: sqlite3.Connection, name: str) -> None:
    """Its rows go; its postings stay until the next compaction and are skipped when read."""
    row = conn.execute("SELECT id FROM files WHERE name = ?", (name,)).fetchone()
    if row is not None:
        gone = conn.execute(
            "SELECT subject, -count(*) FROM claims WHERE file = ? AND subject IS NOT NULL GROUP BY subject", row)
        _count_subjects(conn, gone.fetchall())
        conn.execute("DELETE FROM claims WHERE file = ?", row)
        conn.execute("DELETE FROM paragraphs WHERE file = ?", row)
        conn.execute("DELETE FROM files WHERE id = ?", row)


def _set_meta(conn: sqlite3.Connection, **values: object) -> None:
    conn.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [(k, str(v)) for k, v in values.items()])


def _meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


def _finish(conn: sqlite3.Connection, changes: Changes) -> None:
    """Store order, re-verified stats, the manifest's state and the claim count, after any change."""
    conn.executemany(
        "UPDATE files SET size = ?, mtime_ns = ?, verified_ns = ?, sha256 = ? WHERE name = ?",
        [(s.size, s.mtime_ns, s.verified_ns, s.sha256, s.name) for s in changes.rehashed if s.name != MANIFEST],
    )
    for s in changes.rehashed:
        if s.name == MANIFEST:
            conn.execute("DELETE FROM files WHERE name = ?", (MANIFEST,))
            conn.execute(
                "INSERT INTO files(name, position, size, mtime_ns, verified_ns, sha256, claims)"
                " VALUES (?, -2, ?, ?, ?, ?, 0)",
                (MANIFEST, s.size, s.mtime_ns, s.verified_ns, s.sha256),
            )
    # Only the positions that moved: an article added to a 15,000-file archive moves one.
    wanted = {name: position for position, name in enumerate(changes.listing)}
    moved = [(wanted.get(name, -1), name) for name, position in conn.execute(
        "SELECT name, position FROM files WHERE name != ?", (MANIFEST,)) if wanted.get(name, -1) != position]
    conn.executemany("UPDATE files SET position = ? WHERE name = ?", moved)
    # From the per-file counts: a count(*) over a million claims would cost more than the update.
    _set_meta(conn, claims=conn.execute("SELECT coalesce(sum(claims), 0) FROM files").fetchone()[0])


def _build_into(store: Store, conn: sqlite3.Connection, scratch: Path | None = None) -> None:
    """A complete index of the store into an empty database."""
    conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
    listing = _store_files(store)
    _add_files(store, conn, listing, scratch)
    conn.executescript(_INDEXES)
    _finish(conn, _with_manifest(store, Changes(listing, listing, (), ())))
    _set_meta(conn, version=INDEX_VERSION, dead=0)
    conn.commit()


def _with_manifest(store: Store, changes: Changes) -> Changes:
    """Remember the manifest's state at build time, so an unchanged manifest is not parsed again."""
    try:
        st = store.manifest_path.stat()
    except FileNotFoundError:
        return changes
    state = FileState(MANIFEST, st.st_size, st.st_mtime_ns, time.time_ns(), _sha256(str(store.manifest_path)), 0)
    return Changes(changes.listing, changes.changed, changes.removed, (*changes.rehashed, state))


def _update(store: Store, conn: sqlite3.Connection, changes: Changes) -> None:
    """Apply changed files in place: delete their rows, append them again with a new postings segment."""
    dead = int(_meta(conn).get("dead", 0)) + changes.replaced
    writer = _Writer(conn)
    for name in (*changes.changed, *changes.removed):
        _remove_file(conn, name)
    for name in changes.changed:
        writer.add_file(store, name)
    writer.flush()
    _finish(conn, changes)
    _set_meta(conn, dead=dead, next_id=writer.next_id, generation=_generation(conn) + 1)


def _generation(conn: sqlite3.Connection) -> int:
    """How many updates the index has had: a writer that finds it unmoved need not look at the store twice."""
    return int(_meta(conn).get("generation", 0))


# --- opening --------------------------------------------------------------------------------


def index_path(store: Store) -> Path:
    return store.root / INDEX_DIR / INDEX_FILE


def _needs_rebuild(conn: sqlite3.Connection, changes: Changes) -> bool:
    """Compact when too many postings would point at replaced claims."""
    meta = _meta(conn)
    return int(meta.get("dead", 0)) + changes.replaced > COMPACT_RATIO * max(int(meta.get("claims", 0)), 1)


def _valid(conn: sqlite3.Connection) -> bool:
    """An index of this version; a damaged file raises (the caller says so and rebuilds)."""
    try:
        return _meta(conn).get("version") == INDEX_VERSION
    except sqlite3.OperationalError:  # no meta table: an empty or zeroed file
        return False


def _rebuild_file(store: Store, target: Path) -> None:
    """Build beside the old index and swap it in: readers never see half an index."""
    _sweep(target.parent)
    with atomic_replace(target) as tmp:
        conn = sqlite3.connect(tmp)
        try:
            _build_into(store, conn, target.parent)
        finally:
            conn.close()


DEBRIS_AGE = 3600  # seconds: a build takes minutes at most, so older temporaries are a killed builder's


def _sweep(folder: Path) -> None:
    """Temporaries of a builder killed mid-build; a live builder's (another check, now) are younger and kept."""
    import shutil

    cutoff = time.time() - DEBRIS_AGE
    for path in (*folder.glob(".parts.*"), *folder.glob(".*.tmp")):
        with contextlib.suppress(OSError):
            if path.lstat().st_mtime < cutoff:
                shutil.rmtree(path) if path.is_dir() else path.unlink()


def _refresh(store: Store, target: Path) -> sqlite3.Connection:
    """An open connection to an index that matches the store as it is now."""
    if target.exists():
        conn = sqlite3.connect(target, timeout=60)
        if _valid(conn):
            seen = _generation(conn)
            changes = detect_changes(store, conn)
            if not changes.stale and not changes.rehashed:
                return conn
            try:
                conn.execute("BEGIN IMMEDIATE")  # one writer at a time
                if _generation(conn) != seen:  # another writer got there first: look again
                    changes = detect_changes(store, conn)
                if not _needs_rebuild(conn, changes):
                    _update(store, conn, changes)
                    conn.commit()
                    return conn
                conn.rollback()
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.rollback()  # a corrupt store file: leave the index as it was, and unlocked
                conn.close()
                raise
        conn.close()
    _rebuild_file(store, target)
    return sqlite3.connect(target, timeout=60)


def damaged(exc: BaseException) -> bool:
    """A malformed index (bad pages, not a database), as opposed to a busy or read-only one."""
    return isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError)


def _say(notice: Callable[[str], None] | None, text: str) -> None:
    if notice is None:
        print(f"factcheck: {text}", file=sys.stderr)
    else:
        notice(text)


def open_index(store: Store, notice: Callable[[str], None] | None = None) -> ClaimIndex:
    """The store's candidate index, brought up to date first (built on first use, rebuilt when damaged)."""
    if not store.root.is_dir():
        raise StoreError(f"{store.root}: no claims store here (run `factcheck ingest` first)")
    target = index_path(store)
    try:
        try:
            conn = _refresh(store, target)
        except sqlite3.DatabaseError as exc:
            if not damaged(exc):
                raise
            _say(notice, f"{shown(target)}: the index was damaged ({exc}); rebuilt it from {shown(store.root)}")
            discard(store)
            conn = _refresh(store, target)
    except (OSError, sqlite3.OperationalError):
        # A read-only store (a CI checkout, a mounted archive): index in memory for this run only.
        conn = sqlite3.connect(":memory:")
        _build_into(store, conn)
    return ClaimIndex(conn)


def discard(store: Store) -> None:
    """Delete the index (it is derived data): the next open builds it afresh."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{index_path(store)}{suffix}")


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
    return not target.exists()


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


# --- querying -------------------------------------------------------------------------------


NAMES_MAX = 200_000


class ClaimIndex(Sequence[Claim]):
    """The store, opened through its index: `near()` for checking, and every claim, in order, for the rest."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        top_k: int = TOP_K,
        gather: int = GATHER,
        budget: int = POSTINGS_BUDGET,
        scan_below: int = SCAN_BELOW,
    ) -> None:
        self.conn = conn
        self.top_k, self.gather, self.budget, self.scan_below = top_k, gather, budget, scan_below
        self.size = int(_meta(conn).get("claims", 0))
        self._df: dict[str, int] = {}
        self._postings: dict[str, array[int]] = {}
        self._claims: dict[int, tuple[tuple[int, int], Claim]] = {}
        self._positions: dict[int, object] = {}
        self._paragraphs: dict[int, object] = {}
        self._near: dict[frozenset[tuple[str, float]], list[Claim]] = {}
        self._all: list[Claim] | None = None
        self._groups: dict[str, list[Claim]] | None = None

    def close(self) -> None:
        self.conn.close()

    # Sequence: what Store.load() would give, for commands that need every claim.
    def __len__(self) -> int:
        return self.size

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        return self.all()[i]

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.all())

    def all(self) -> list[Claim]:
        if self._all is None:
            self._all = [_row_claim(row) for row in self.conn.execute(_IN_ORDER)]
        return self._all

    def _of_group(self, group: str) -> list[Claim]:
        """Every claim of one unit group, in store order: the callers skip the other groups anyway."""
        if self._groups is None:
            self._groups = {}
            for c in self.all():
                self._groups.setdefault(unit_group(c.unit), []).append(c)
        return self._groups.get(group, [])

    def subject_names(self) -> dict[str, str]:
        """Short and full names of the bodies the store knows, so a draft may say 津上精密.

        The index keeps a count of claims per subject as files come and go,
        but turning the subjects into names is still one step per body on
        every check, so above NAMES_MAX claims it is skipped: a check's cost
        must not grow with the archive.
        """
        from .subject import names_from_subjects

        if self.size > NAMES_MAX:
            return {}
        return names_from_subjects({subject for (subject,) in self.conn.execute("SELECT subject FROM subjects")})

    def near(self, claim: Claim, same_metric: bool = False) -> list[Claim]:
        """The stored claims most likely to speak of the same thing, in store order (so ties break as brute force).

        `same_metric`: only claims that may share the figure's clause and
        metric, for supersession, which needs a strict match anyway. A small
        store (the seeds' is 250 claims) is handed over whole, one unit group
        at a time.
        """
        if self.size < self.scan_below:
            return self._of_group(unit_group(claim.unit))
        keys = claim_keys(claim, same_metric)
        # The answer depends on the keys alone: stored figures that share clause, metric and
        # subject (one story's 产值 in several files) ask for their successors once.
        memo = frozenset(keys.items())
        found = self._near.get(memo)
        if found is None:
            found = self._near[memo] = self._fetch(self._rank(keys))
        return found

    def _rank(self, keys: dict[str, float]) -> list[int]:
        """The top claims by idf-weighted key overlap.

        Keys are read rarest first until the postings budget is spent. The
        rarest keys gather candidates; once there are enough, commoner keys
        only re-rank those (a set intersection, not a Python loop).
        """
        df = self._frequencies(keys)
        chosen: list[str] = []
        spent = 0
        for key in sorted((k for k in keys if df[k]), key=lambda k: (df[k], k)):
            if chosen and spent + df[key] > self.budget:
                break
            chosen.append(key)
            spent += df[key]
        scores: dict[int, float] = {}
        get = scores.get
        for key, ids in self._read(chosen).items():
            weight = keys[key] * math.log(1 + self.size / df[key])
            if len(scores) < self.gather:
                for rowid in ids:
                    scores[rowid] = get(rowid, 0.0) + weight
            else:
                for rowid in scores.keys() & ids:
                    scores[rowid] += weight
        if len(scores) <= self.top_k:
            return list(scores)  # few claims share a key with this one: all of them
        return [rowid for rowid, _ in heapq.nlargest(self.top_k, scores.items(), key=itemgetter(1))]

    def _frequencies(self, keys: Iterable[str]) -> dict[str, int]:
        """How many claims have each key (deleted ones included until the next compaction)."""
        missing = [k for k in keys if k not in self._df]
        for chunk in _chunks(missing, 500):
            rows = self.conn.execute(
                f"SELECT key, sum(n) FROM postings WHERE key IN ({', '.join('?' * len(chunk))}) GROUP BY key", chunk)
            found = dict(rows.fetchall())
            for key in chunk:
                self._df[key] = int(found.get(key) or 0)
        return self._df

    def _read(self, keys: list[str]) -> dict[str, array[int]]:
        """Postings of each key, oldest segment first; a key too common to read whole keeps its newest claims."""
        missing = [k for k in keys if k not in self._postings]
        for chunk in _chunks(missing, 500):
            found: dict[str, array[int]] = {key: array("I") for key in chunk}
            rows = self.conn.execute(
                f"SELECT key, ids FROM postings WHERE key IN ({', '.join('?' * len(chunk))}) ORDER BY rowid", chunk)
            for key, blob in rows:
                found[key].frombytes(blob)
            for key, ids in found.items():
                self._postings[key] = ids[-self.budget :] if len(ids) > self.budget else ids
        return {key: self._postings[key] for key in keys}

    def _fetch(self, rowids: list[int]) -> list[Claim]:
        """Claims by rowid, in store order; a deleted claim's lingering postings find nothing."""
        missing = [r for r in rowids if r not in self._claims]
        rows = [row for chunk in _chunks(missing, 500) for row in self.conn.execute(
            f"SELECT {_BY_ID} FROM claims c WHERE c.id IN ({', '.join('?' * len(chunk))})", chunk)]
        positions = self._lookup(self._positions, "SELECT id, position FROM files", {row[_FILE] for row in rows})
        paragraphs = self._lookup(self._paragraphs, "SELECT id, text FROM paragraphs", {row[_PARAGRAPH] for row in rows})
        for found_row in rows:
            row = list(found_row)
            row[_FILE], row[_PARAGRAPH] = positions[row[_FILE]], paragraphs[row[_PARAGRAPH]]
            self._claims[row[_ROWID]] = ((row[_FILE], row[_SEQ]), _row_claim(row))
        found = [self._claims[r] for r in rowids if r in self._claims]
        found.sort(key=itemgetter(0))
        return [claim for _, claim in found]

    def _lookup(self, cache: dict[int, object], select: str, ids: set[int]) -> dict[int, object]:
        missing = [i for i in ids if i not in cache]
        for chunk in _chunks(missing, 500):
            cache.update(self.conn.execute(f"{select} WHERE id IN ({', '.join('?' * len(chunk))})", chunk).fetchall())
        return cache


def _chunks(items: list[str] | list[int], size: int) -> Iterator[list]:  # type: ignore[type-arg]
    for i in range(0, len(items), size):
        yield items[i : i + size]
