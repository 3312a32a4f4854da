"""Building the index from the store files, on every core for a big store, and updating it in place."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import time
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from ...atomic import atomic_replace, atomic_write
from ...record.codec import CLAIM
from ...workers import usable_cores
from ..folder import Store, parse_store_file, read_store_bytes
from ..manifest import MANIFEST
from .freshness import Changes, Glance, glance, store_files, with_manifest
from .keys import claim_keys
from .schema import (
    BY_ID,
    CURRENT,
    FIELDS,
    ID_TABLES,
    INDEX_FILE,
    INDEX_VERSION,
    INDEXES,
    INSERT_CLAIM,
    PARAGRAPH,
    SCHEMA,
    generation,
    meta,
    row_claim,
    set_meta,
)

KEYS_SEP = "\0"  # between a claim's keys in a prepared index: no key holds a NUL (a source with one is refused)
Prepared = Mapping[str, bytes]  # store file name → prepare() of the text written there
SUBJECT = CLAIM.position("subject")  # in a row's values


def prepare(jsonl: str) -> bytes:
    """What the index writes for a store file of this text, made where the claims were extracted.

    The claims are read back from the very text the store will hold (so rows and keys are those a reader
    of the file would make), each as its row's values and its keys; pickled, so the parent holds bytes,
    not objects, until it writes them. Paragraphs are shared, so pickle writes each once.
    """
    import pickle

    from ...record.codec import CLAIM, claim_from_line

    paragraphs: dict[object, object] = {}
    rows, keys = [], []
    # "\n" only: str.splitlines also breaks at U+0085, U+2028 and U+2029, which JSON keeps raw in a string.
    for line in jsonl.split("\n"):
        if not line.strip():
            continue
        claim = claim_from_line(line)
        values = list(CLAIM.to_row(claim))
        text = values[PARAGRAPH - FIELDS]
        values[PARAGRAPH - FIELDS] = paragraphs.setdefault(text, text)
        rows.append(tuple(values))
        keys.append(KEYS_SEP.join(claim_keys(claim)))
    return pickle.dumps((jsonl.encode("utf-8"), rows, keys), pickle.HIGHEST_PROTOCOL)


def prepared_rows(ready: bytes, data: bytes) -> list[tuple[Sequence[object], Sequence[str]]] | None:
    """What `prepare` made, each claim's row values and keys, if it was made from exactly `data`."""
    import pickle

    text, rows, keys = pickle.loads(ready)
    if text != data:
        return None
    return [(values, joined.split(KEYS_SEP) if joined else ()) for values, joined in zip(rows, keys)]


class Writer:
    """Adds store files to an index: claims as rows, postings as one new segment per key.

    Ids (of files, paragraphs and claims alike) count up from `first_id`, so
    parts built in parallel from disjoint ranges merge without renumbering.
    An update starts above every id ever given, not just those still in use:
    a removed claim's postings linger until compaction, and must not come to
    point at a new claim that took its id.
    """

    def __init__(self, conn: sqlite3.Connection, first_id: int | None = None, prepared: Prepared | None = None) -> None:
        self.conn = conn
        self.prepared = prepared or {}
        self.postings: dict[str, array[int]] = {}
        self.subjects: dict[str, int] = {}
        if first_id is None:
            in_use = max(conn.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0] for t in ID_TABLES)
            first_id = max(1 + in_use, int(meta(conn).get("next_id", 0)))
        self.next_id = first_id

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def add_file(self, store: Store, name: str) -> None:
        """A file's ids run from its own to `last_id`, unbroken: which file an id is in (and so where in
        store order it stands, or that it is gone) is a look at the files' ranges (query.IdOrder)."""
        path = store.root / name
        data = read_store_bytes(path)
        st = path.stat()
        file_id = self._id()
        paragraphs: dict[str, int] = {}
        rows = []
        postings = self.postings
        for seq, (values, keys) in enumerate(self._claims_of(path, data, self.prepared.get(name))):
            text = values[PARAGRAPH - FIELDS]
            paragraph = paragraphs.get(text)  # type: ignore[call-overload]
            if paragraph is None:
                paragraph = paragraphs[text] = self._id()  # type: ignore[index]
            rowid = self._id()
            row = [rowid, file_id, seq, *values]
            row[PARAGRAPH] = paragraph
            rows.append(row)
            subject = values[SUBJECT]
            if subject:
                self.subjects[subject] = self.subjects.get(subject, 0) + 1  # type: ignore[call-overload, index]
            for key in keys:
                ids = postings.get(key)
                if ids is None:
                    ids = postings[key] = array("I")
                ids.append(rowid)
        self.conn.execute(
            "INSERT INTO files(id, name, position, size, mtime_ns, verified_ns, sha256, claims, last_id)"
            " VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)",
            (file_id, name, st.st_size, st.st_mtime_ns, time.time_ns(), hashlib.sha256(data).hexdigest(), len(rows),
             self.next_id - 1),
        )
        self.conn.executemany(
            "INSERT INTO paragraphs(id, file, text) VALUES (?, ?, ?)", [(i, file_id, t) for t, i in paragraphs.items()])
        self.conn.executemany(INSERT_CLAIM, rows)

    @staticmethod
    def _claims_of(path: Path, data: bytes, ready: bytes | None) -> Iterator[tuple[Sequence[object], Iterable[str]]]:
        """Each claim's row values and keys: from what the ingest worker prepared when the file holds just
        what it prepared them from, else read from the file."""
        rows = prepared_rows(ready, data) if ready is not None else None
        if rows is not None:
            yield from rows
            return
        for claim in parse_store_file(path, data):
            yield CLAIM.to_row(claim), claim_keys(claim)

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


PART_IDS = 1 << 26  # ids each part of a parallel build may use: 67M claims per part
MAX_PARTS = 32  # 32 parts use half of the 32-bit ids in the postings; incremental updates take the rest
PARALLEL_BYTES = 32 << 20  # stores smaller than this build faster in one process


def _build_part(root: Path, names: tuple[str, ...], first_id: int, path: str) -> None:
    """One worker's share of a parallel build: its files into a database of its own."""
    conn = sqlite3.connect(path)
    try:
        conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
        writer = Writer(conn, first_id)
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


def _add_files(
    store: Store, conn: sqlite3.Connection, listing: tuple[str, ...], scratch: Path | None, prepared: Prepared | None = None
) -> None:
    """Index the listed files; on every core (parts built in `scratch`) when the store is big enough to pay,
    unless an ingest's workers prepared them all (then writing them here is cheaper than reading them again)."""
    workers = usable_cores()  # the cores this process may use (taskset, a container's CPU set), not the machine's
    total = sum(st.st_size for name in listing if (st := _stat(store.root / name)) is not None)
    ready = prepared is not None and all(name in prepared for name in listing)
    if ready or scratch is None or workers < 2 or total < PARALLEL_BYTES or len(listing) < 2:
        writer = Writer(conn, 1, prepared)
        for name in listing:
            writer.add_file(store, name)
        writer.flush()
        return
    from ...workers import run_parallel

    parts = _parts(store, listing, min(workers, MAX_PARTS))  # one postings segment per part: fewer is faster to read
    import tempfile  # here, not at the top: a check never writes, and tempfile imports random
    with tempfile.TemporaryDirectory(prefix=".parts.", dir=scratch) as tmp:
        paths = [os.path.join(tmp, f"{i}.sqlite3") for i in range(len(parts))]
        jobs = [(store.root, names, 1 + i * PART_IDS, path) for i, (names, path) in enumerate(zip(parts, paths))]
        run_parallel(_build_part_job, jobs, workers, lambda i, result: None)  # Ctrl-C ends the workers too
        for path in paths:  # in order: postings segments stay in claim order
            conn.execute("ATTACH DATABASE ? AS part", (path,))
            for table in (*ID_TABLES, "postings"):
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
    """Its rows go; its postings stay until the next compaction and are skipped when read.

    The keys of its claims are counted as dead, so a key's frequency is its live claims' whatever the
    store's history: the same claims ingested at once or in batches are ranked alike.
    """
    row = conn.execute("SELECT id FROM files WHERE name = ?", (name,)).fetchone()
    if row is not None:
        gone = conn.execute(
            "SELECT subject, -count(*) FROM claims WHERE file = ? AND subject IS NOT NULL GROUP BY subject", row)
        _count_subjects(conn, gone.fetchall())
        dead: dict[str, int] = {}
        for claim_row_ in conn.execute(f"SELECT {BY_ID} FROM claims c WHERE c.file = ?", row):
            for key in claim_keys(row_claim(claim_row_)):
                dead[key] = dead.get(key, 0) + 1
        conn.executemany(
            "INSERT INTO dead_keys(key, n) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET n = n + excluded.n",
            sorted(dead.items()))
        conn.execute("DELETE FROM claims WHERE file = ?", row)
        conn.execute("DELETE FROM paragraphs WHERE file = ?", row)
        conn.execute("DELETE FROM files WHERE id = ?", row)


def finish(conn: sqlite3.Connection, changes: Changes) -> None:
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
    set_meta(conn, claims=conn.execute("SELECT coalesce(sum(claims), 0) FROM files").fetchone()[0])


def build_into(
    store: Store,
    conn: sqlite3.Connection,
    scratch: Path | None = None,
    seen: Glance | None = None,
    prepared: Prepared | None = None,
) -> None:
    """A complete index of the store into an empty database; `seen`, the store-wide glance taken before it."""
    seen = seen or glance(store)
    conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
    listing = store_files(store)
    _add_files(store, conn, listing, scratch, prepared)
    conn.executescript(INDEXES)
    finish(conn, with_manifest(store, Changes(listing, listing, (), ())))
    set_meta(conn, version=INDEX_VERSION, dead=0, glance=seen.token, looked_ns=seen.taken_ns)
    keep_order(conn)
    conn.commit()


def update(store: Store, conn: sqlite3.Connection, changes: Changes, prepared: Prepared | None = None) -> None:
    """Apply changed files in place: delete their rows, append them again with a new postings segment."""
    dead = int(meta(conn).get("dead", 0)) + changes.replaced
    writer = Writer(conn, prepared=prepared)
    for name in (*changes.changed, *changes.removed):
        _remove_file(conn, name)
    for name in changes.changed:
        writer.add_file(store, name)
    writer.flush()
    finish(conn, changes)
    set_meta(conn, dead=dead, next_id=writer.next_id, generation=generation(conn) + 1)
    keep_order(conn)


def keep_order(conn: sqlite3.Connection) -> None:
    """Store order over ids, computed once here rather than from every file's row by every check."""
    from .query import IdOrder

    order = IdOrder(conn.execute("SELECT id, last_id, position FROM files WHERE position >= 0 ORDER BY id").fetchall())
    order.keep(conn, generation(conn))


def rebuild_file(store: Store, target: Path, seen: Glance | None = None, prepared: Prepared | None = None) -> Path:
    """Build a new index file beside the old one, point `current` at it, and let the old one go.

    Readers never see half an index; a reader of the old file keeps reading
    it, since it is never replaced in place (see opening.py). `target` is the
    file being replaced; the new one is returned.
    """
    import secrets

    folder = target.parent
    _sweep(folder)
    built = folder / f"claims.{secrets.token_hex(6)}.sqlite3"
    with atomic_replace(built) as tmp:
        conn = sqlite3.connect(tmp)
        try:
            build_into(store, conn, folder, seen, prepared)
        finally:
            conn.close()
    atomic_write(folder / CURRENT, built.name + "\n")
    if target != built:
        with contextlib.suppress(OSError):  # gone already; on Windows, open elsewhere (swept later)
            os.unlink(target)
    return built


DEBRIS_AGE = 3600  # seconds: a build takes minutes at most, so older temporaries are a killed builder's


def _sweep(folder: Path) -> None:
    """Temporaries of a builder killed mid-build, and index files no longer in use (a reader's is gone from
    the folder as soon as it is replaced; one left behind is a killed builder's, or one Windows kept open).
    A live builder's temporaries (another check, now) are younger than DEBRIS_AGE and kept."""
    import shutil

    cutoff = time.time() - DEBRIS_AGE
    try:
        current = (folder / CURRENT).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, UnicodeDecodeError):
        current = INDEX_FILE
    old = [p for p in folder.glob("claims.*.sqlite3*") if not p.name.startswith(current)]
    for path in (*folder.glob(".parts.*"), *folder.glob(".*.tmp"), *old):
        with contextlib.suppress(OSError):
            if path.lstat().st_mtime < cutoff:
                shutil.rmtree(path) if path.is_dir() else path.unlink()
