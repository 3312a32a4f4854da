"""Querying the index: the stored claims worth scoring against a figure, read from a bounded number of postings."""

from __future__ import annotations

import bisect
import heapq
import math
import sqlite3
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any

from ...extract.quantity import unit_group
from ...memo import MB, Bounded, args_bytes
from ...record.claim import Claim
from .keys import claim_keys, is_measure_key
from .schema import BY_ID, FILE, IN_ORDER, PARAGRAPH, ROWID, SEQ, meta, row_claim

TOP_K = 20  # claims handed to rapidfuzz per figure (bench: more brings in unrelated stories, not better verdicts)
SCAN_BELOW = 2_000  # a store this small is cheaper to score whole than to query (and then exactly brute force)
GATHER = 400  # candidates gathered from the rarest keys; commoner keys only re-rank them
POSTINGS_BUDGET = 5_000  # postings read per figure, rarest keys first: the cost is bounded at any store size
NAMES_MAX = 200_000
# What a reader keeps between figures, in bytes: a 20 MB draft against a million claims once kept every
# claim, paragraph and postings list it had read (hundreds of MB); now the oldest go past these.
CACHE_BYTES = {"df": 4 * MB, "near": 16 * MB, "postings": 32 * MB, "claims": 32 * MB, "paragraphs": 16 * MB,
               "positions": 2 * MB}


def claim_bytes(claim: Claim) -> int:
    """About what a Claim object holds: its texts (two bytes a character) and ~1 KB of other fields."""
    return 1024 + 2 * (len(claim.sentence) + len(claim.paragraph) + len(claim.context) + len(claim.metric))


def ids_bytes(key: object, ids: Sequence[int]) -> int:
    """A postings list: an array holds 4 or 8 bytes an id, a list a pointer and an int object."""
    return args_bytes((key,)) + (sys.getsizeof(ids) if isinstance(ids, array) else 64 + 36 * len(ids))


def _claims_bytes(key: object, claims: Sequence[Claim]) -> int:
    return 200 + 8 * len(claims) + sum(map(claim_bytes, claims))


class PostingsStore(Sequence[Claim]):
    """A store that finds candidates by postings, whatever keeps them (the SQLite index, a database).

    `near()` memoised by keys, the whole-store scan below `scan_below`, the
    Sequence of every claim and the subject names are one piece of code, so
    both stores answer alike; a store gives its `_every`, `_frequencies`,
    `_read` and `_fetch`. `conn` runs `SELECT subject FROM subjects`.
    """

    def __init__(
        self,
        conn: Any,
        size: int,
        top_k: int = TOP_K,
        gather: int = GATHER,
        budget: int = POSTINGS_BUDGET,
        scan_below: int = SCAN_BELOW,
    ) -> None:
        self.conn = conn
        self.size = size
        self.top_k, self.gather, self.budget, self.scan_below = top_k, gather, budget, scan_below
        self._df: Bounded[str, int] = Bounded(CACHE_BYTES["df"], lambda key, _: args_bytes((key,)) + 32)
        self._near: Bounded[frozenset[tuple[str, float]], list[Claim]] = Bounded(CACHE_BYTES["near"], _claims_bytes)
        self._all: list[Claim] | None = None
        self._groups: dict[str, list[Claim]] | None = None

    def close(self) -> None:
        self.conn.close()

    def pause(self) -> None:
        """Nothing held between reads (see storage.OpenClaims)."""

    def resume(self) -> bool:
        return True

    # Sequence: what Store.load() would give, for commands that need every claim.
    def __len__(self) -> int:
        return self.size

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        return self.all()[i]

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.all())

    def all(self) -> list[Claim]:
        if self._all is None:
            self._all = self._every()
        return self._all

    def _every(self) -> list[Claim]:
        """Every claim, in store order."""
        raise NotImplementedError

    def _of_group(self, group: str) -> list[Claim]:
        """Every claim of one unit group, in store order: the callers skip the other groups anyway."""
        if self._groups is None:
            self._groups = {}
            for c in self.all():
                self._groups.setdefault(unit_group(c.unit), []).append(c)
        return self._groups.get(group, [])

    def subject_names(self) -> dict[str, str]:
        """Short and full names of the bodies the store knows, so a draft may say 津上精密.

        The store keeps a count of claims per subject as sources come and go,
        but turning the subjects into names is still one step per body on
        every check, so above NAMES_MAX claims it is skipped: a check's cost
        must not grow with the archive.
        """
        from ...extract.subject import names_from_subjects

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
            ids = self._rank(keys)
            measure = {k: w for k, w in keys.items() if is_measure_key(k)} if same_metric else {}
            if measure:
                # Thirty reports' 国内生产总值, worded as this one is, would fill the top places: the latest
                # figures of the very measure in store order join them, which a later or fuller one is among.
                wide = self._rank(measure, self.gather)
                keep = {c.id for c in self._fetch(ids)} | {c.id for c in self._fetch(wide)[-self.top_k:]}
                found = [c for c in self._fetch(list(dict.fromkeys(ids + wide))) if c.id in keep]
            else:
                found = self._fetch(ids)
            self._near[memo] = found
        return found

    def _rank(self, keys: dict[str, float], top_k: int | None = None) -> list[int]:
        return rank(keys, self._frequencies(keys), self.size, self._read, top_k or self.top_k, self.gather, self.budget)

    def _frequencies(self, keys: Iterable[str]) -> dict[str, int]:
        """How many claims have each key, cached in `_df`."""
        raise NotImplementedError

    def _read(self, keys: list[str]) -> Mapping[str, Sequence[int]]:
        """Each key's claim ids in store order, at most `budget` of them."""
        raise NotImplementedError

    def _fetch(self, ids: list[int]) -> list[Claim]:
        """The claims of these ids, in store order."""
        raise NotImplementedError


class ClaimIndex(PostingsStore):
    """The store, opened through its index: `near()` for checking, and every claim, in order, for the rest."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        top_k: int = TOP_K,
        gather: int = GATHER,
        budget: int = POSTINGS_BUDGET,
        scan_below: int = SCAN_BELOW,
    ) -> None:
        super().__init__(conn, int(meta(conn).get("claims", 0)), top_k, gather, budget, scan_below)
        self._postings: Bounded[str, array[int]] = Bounded(CACHE_BYTES["postings"], ids_bytes)
        self._claims: Bounded[int, tuple[tuple[int, int], Claim]] = Bounded(
            CACHE_BYTES["claims"], lambda _, found: 100 + claim_bytes(found[1]))
        self._positions: Bounded[int, object] = Bounded(CACHE_BYTES["positions"], lambda _, __: 120)
        self._paragraphs: Bounded[int, object] = Bounded(
            CACHE_BYTES["paragraphs"], lambda _, text: 120 + sys.getsizeof(text))
        self._id_order: IdOrder | None = None

    def fork_point(self) -> Callable[[], None]:
        """In the parent, just before forking: what a child runs to read this very index on its own.

        SQLite's connection may not cross a fork, so a child opens the file
        again, read-only. Another check may have replaced the file by then (a
        rebuild after a big ingest, a damaged index healed), while this
        connection reads the one it opened: the child's must show the same
        metadata (claims, ids, generation), or the child gives up and the
        parent judges its share. An in-memory index has no file, and the
        child's copy of it is its own.
        """
        path = self.conn.execute("PRAGMA database_list").fetchone()[2]
        seen = meta(self.conn)

        def reopen() -> None:
            if not path:
                return
            conn = sqlite3.connect(f"{Path(path).as_uri()}?mode=ro", uri=True, timeout=60)
            if meta(conn) != seen:
                raise sqlite3.DatabaseError(f"{path}: replaced since the check opened it")
            self.conn = conn  # the inherited one is left alone, never closed

        return reopen

    def _every(self) -> list[Claim]:
        return [row_claim(row) for row in self.conn.execute(IN_ORDER)]

    def _frequencies(self, keys: Iterable[str]) -> dict[str, int]:
        """How many live claims have each key: postings of replaced claims linger, but are counted as dead."""
        out = {k: n for k in keys if (n := self._df.get(k)) is not None}
        missing = [k for k in keys if k not in out]
        for chunk in _chunks(missing, 500):
            marks = ", ".join("?" * len(chunk))
            found = dict(self.conn.execute(
                f"SELECT key, sum(n) FROM postings WHERE key IN ({marks}) GROUP BY key", chunk).fetchall())
            dead = dict(self.conn.execute(f"SELECT key, n FROM dead_keys WHERE key IN ({marks})", chunk).fetchall())
            for key in chunk:
                self._df[key] = out[key] = max(int(found.get(key) or 0) - int(dead.get(key) or 0), 0)
        return out

    def _read(self, keys: list[str]) -> dict[str, array[int]]:
        """Each key's live claim ids in store order; a key too common to read whole keeps its last in store order.

        Postings are kept in the order claims were added, which is store order only for a store written
        in one go; in store order, a store's answers do not depend on the batches it was written in.
        """
        out = {key: ids for key in keys if (ids := self._postings.get(key)) is not None}
        missing = [k for k in keys if k not in out]
        order = self._order() if missing else None
        for chunk in _chunks(missing, 500):
            found: dict[str, array[int]] = {key: array("I") for key in chunk}
            rows = self.conn.execute(
                f"SELECT key, ids FROM postings WHERE key IN ({', '.join('?' * len(chunk))}) ORDER BY rowid", chunk)
            for key, blob in rows:
                found[key].frombytes(blob)
            for key, ids in found.items():
                assert order is not None
                ordered = order.arrange(ids)
                self._postings[key] = out[key] = ordered[-self.budget :] if len(ordered) > self.budget else ordered
        return {key: out[key] for key in keys}

    def _order(self) -> IdOrder:
        """Store order over ids: as the last build or update left it (a read of three blobs), or, for an
        index another version wrote, from the files table (a row a file: ~70 ms at 3M claims)."""
        if self._id_order is None:
            self._id_order = IdOrder.kept(self.conn) or IdOrder(self.conn.execute(
                "SELECT id, last_id, position FROM files WHERE position >= 0 ORDER BY id").fetchall())
        return self._id_order

    def _fetch(self, rowids: list[int]) -> list[Claim]:
        """Claims by rowid, in store order; a deleted claim's lingering postings find nothing."""
        got = {r: found for r in rowids if (found := self._claims.get(r)) is not None}
        missing = [r for r in rowids if r not in got]
        rows = [row for chunk in _chunks(missing, 500) for row in self.conn.execute(
            f"SELECT {BY_ID} FROM claims c WHERE c.id IN ({', '.join('?' * len(chunk))})", chunk)]
        positions = self._lookup(self._positions, "SELECT id, position FROM files", {row[FILE] for row in rows})
        paragraphs = self._lookup(self._paragraphs, "SELECT id, text FROM paragraphs", {row[PARAGRAPH] for row in rows})
        for found_row in rows:
            row = list(found_row)
            row[FILE], row[PARAGRAPH] = positions[row[FILE]], paragraphs[row[PARAGRAPH]]
            self._claims[row[ROWID]] = got[row[ROWID]] = ((row[FILE], row[SEQ]), row_claim(row))
        ordered = [got[r] for r in rowids if r in got]
        ordered.sort(key=itemgetter(0))
        return [claim for _, claim in ordered]

    def _lookup(self, cache: Bounded[int, object], select: str, ids: set[int]) -> dict[int, object]:
        """Rows by id, through `cache`; the answer is whole even when the cache lets some go meanwhile."""
        out = {i: found for i in ids if (found := cache.get(i)) is not None}
        missing = [i for i in ids if i not in out]
        for chunk in _chunks(missing, 500):
            for i, value in self.conn.execute(f"{select} WHERE id IN ({', '.join('?' * len(chunk))})", chunk):
                cache[i] = out[i] = value
        return out


class IdOrder:
    """Store order (by file position, then place) over the index's claim ids, cheaply; ids no file holds
    (a replaced file's, lingering in postings until compaction) left out.

    A file's ids are one unbroken run. Files written in store order (a store
    ingested in one go, news filed day after day) have runs that rise with
    their position: their ids sort as the store does (the head). Only ids of
    files written out of order (a source written again, a batch of older
    days) are placed one by one.
    """

    def __init__(self, files: list[tuple[int, int, int]]) -> None:  # (first id, last id, position), by first id
        firsts = array("q", [first for first, _, _ in files])
        lasts = array("q", [last for _, last, _ in files])
        positions = array("q", [position for _, _, position in files])
        k = 0
        while k + 1 < len(files) and positions[k + 1] > positions[k]:
            k += 1
        whole = all(firsts[i + 1] == lasts[i] + 1 for i in range(len(files) - 1))
        self._set(firsts, lasts, positions, k, whole)

    def _set(self, firsts: array[int], lasts: array[int], positions: array[int], k: int, whole: bool) -> None:
        self.firsts, self.lasts, self.positions, self._k = firsts, lasts, positions, k
        self.head_end = lasts[k] + 1 if firsts else 0
        self.head_firsts = firsts[: k + 1]
        self.head_positions = positions[: k + 1]
        self.whole = whole

    # Kept in the index by the build or update that last moved a file (`keep`), with the index's update
    # count then: an index another version of factcheck updated since has another count, and is read anew.
    TABLE = "CREATE TABLE IF NOT EXISTS id_order(generation INTEGER, firsts BLOB, lasts BLOB, positions BLOB, k INTEGER, whole INTEGER)"

    def keep(self, conn: sqlite3.Connection, generation: int) -> None:
        conn.execute(self.TABLE)
        conn.execute("DELETE FROM id_order")
        conn.execute("INSERT INTO id_order VALUES (?, ?, ?, ?, ?, ?)", (
            generation, self.firsts.tobytes(), self.lasts.tobytes(), self.positions.tobytes(), self._k, int(self.whole)))

    @classmethod
    def kept(cls, conn: sqlite3.Connection) -> IdOrder | None:
        """The order `keep` stored, if it is this index's as it now is."""
        try:
            row = conn.execute("SELECT generation, firsts, lasts, positions, k, whole FROM id_order").fetchone()
        except sqlite3.OperationalError:  # no such table: an index written before it was kept
            return None
        if row is None or row[0] != int(meta(conn).get("generation", 0)):
            return None
        order = cls.__new__(cls)
        firsts, lasts, positions = array("q"), array("q"), array("q")
        for values, blob in zip((firsts, lasts, positions), row[1:4]):
            values.frombytes(blob)
        order._set(firsts, lasts, positions, row[4], bool(row[5]))
        return order

    def place(self, rowid: int) -> tuple[int, int] | None:
        """(position, id), or None for an id no file holds."""
        j = bisect.bisect_right(self.firsts, rowid) - 1
        if j < 0 or rowid > self.lasts[j]:
            return None
        return (self.positions[j], rowid)

    def arrange(self, ids: Sequence[int]) -> array[int]:
        """These ids, live ones only, in store order."""
        ids = sorted(ids)
        if ids and not (self.whole and self.firsts and self.firsts[0] <= ids[0] and ids[-1] <= self.lasts[-1]):
            ids = [i for i in ids if self.place(i) is not None]  # replaced files' ids linger until compaction
        cut = bisect.bisect_left(ids, self.head_end)
        if cut == len(ids):
            return array("I", ids)
        head, tail = ids[:cut], sorted(ids[cut:], key=self.place)  # type: ignore[arg-type]
        ordered: list[int] = []
        i = 0
        for rowid in tail:
            place = self.place(rowid)
            assert place is not None
            j = bisect.bisect_left(head, self._boundary(place[0]), i)
            ordered += head[i:j]
            ordered.append(rowid)
            i = j
        ordered += head[i:]
        return array("I", ordered)

    def _boundary(self, position: int) -> int:
        """The first id of the head file a file at `position` comes before in store order."""
        j = bisect.bisect_left(self.head_positions, position)
        return self.head_firsts[j] if j < len(self.head_firsts) else 1 << 62


def read_first(keys: Mapping[str, float], df: Mapping[str, int], budget: int = POSTINGS_BUDGET) -> list[str]:
    """The keys `rank` reads: rarest first, until their postings would pass the budget."""
    chosen: list[str] = []
    spent = 0
    for key in sorted((k for k in keys if df[k]), key=lambda k: (df[k], k)):
        if chosen and spent + df[key] > budget:
            break
        chosen.append(key)
        spent += df[key]
    return chosen


def rank(
    keys: dict[str, float],
    df: Mapping[str, int],
    size: int,
    read: Callable[[list[str]], Mapping[str, Sequence[int]]],
    top_k: int = TOP_K,
    gather: int = GATHER,
    budget: int = POSTINGS_BUDGET,
) -> list[int]:
    """The top claims by idf-weighted key overlap: one rule for every store that keeps postings.

    Keys are read rarest first until the postings budget is spent. The
    rarest keys gather candidates; once there are enough, commoner keys
    only re-rank those (a set intersection, not a Python loop). `read` gives
    each key's claim ids in store order; ties keep the order of first sight.
    """
    chosen = read_first(keys, df, budget)
    scores: dict[int, float] = {}
    get = scores.get
    for key, ids in read(chosen).items():
        weight = keys[key] * math.log(1 + size / df[key])
        if len(scores) < gather:
            for rowid in ids:
                scores[rowid] = get(rowid, 0.0) + weight
        else:
            for rowid in scores.keys() & ids:
                scores[rowid] += weight
    if len(scores) <= top_k:
        return list(scores)  # few claims share a key with this one: all of them
    return [rowid for rowid, _ in heapq.nlargest(top_k, scores.items(), key=itemgetter(1))]


def _chunks(items: list[str] | list[int], size: int) -> Iterator[list]:  # type: ignore[type-arg]
    for i in range(0, len(items), size):
        yield items[i : i + size]
