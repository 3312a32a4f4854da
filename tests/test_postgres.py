"""The PostgreSQL store against a real server: the same verdicts as claims/, whole sources, one-line errors.

Every test gets a schema of its own in the database FACTCHECK_TEST_DATABASE_URL
names (see conftest.py); without that variable they are skipped, saying why.
The 100,000-claim comparison is a benchmark (bench/postgres.py); here a store
grown to 6,000 claims takes the candidate lookup past the small-store scan.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from factcheck.app.config import load_config
from factcheck.errors import ExitCode, StoreError
from factcheck.store import open_storage, postgres
from factcheck.store.files import FileStorage
from factcheck.store.folder import Store
from factcheck.store.index import claim_keys, open_index
from factcheck.store.postgres import PostgresStorage

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = "examples/draft_pinghu_review.md"
sys.path.insert(0, str(ROOT / "bench"))
from conftest import ON_SCHEMA, run, schema_of  # noqa: E402
from stores import grow  # noqa: E402  (the benchmark's grown stores)

STORES = ("folder", "postgresql")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.name != ".lock"}


def _sql(url: str, statement: str, *params: object) -> list[tuple]:
    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(statement, params or None)  # type: ignore[arg-type]
        return cur.fetchall() if cur.description else []


@pytest.fixture
def seeded(store_url) -> str:
    """A PostgreSQL store holding the committed claims/, imported."""
    PostgresStorage(store_url).load(FileStorage(ROOT / "claims").dump())
    return store_url


@pytest.fixture(params=STORES)
def seeds_store(request, tmp_path) -> str:
    """The seeds' store, as a claims/ folder and as a PostgreSQL database: every test here runs on both."""
    if request.param == "folder":
        shutil.copytree(ROOT / "claims", tmp_path / "claims", ignore=shutil.ignore_patterns(".index", ".lock"))
        return str(tmp_path / "claims")
    return request.getfixturevalue("seeded")


# --- the same check on both stores ----------------------------------------------------------------

def test_the_example_draft_gets_the_readme_verdicts_from_either_store(seeds_store, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    code, out, err = run(capsys, "check", EXAMPLE, "--store", seeds_store)
    assert code == ExitCode.FINDINGS and err == ""
    assert "1 draft(s), 16 numbers: 8 ok, 2 contradicted, 4 stale, 2 unsupported, 0 inconsistent" in out
    assert "98.2% — the source says 96.2%" in out


def test_conflicts_and_claims_read_the_same_from_either_store(seeds_store, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "conflicts", "--store", seeds_store, "--format", "json")
    assert code == ExitCode.OK
    assert out == run(capsys, "conflicts", "--format", "json")[1]
    code, out, _ = run(capsys, "claims", "--store", seeds_store, "--format", "jsonl", "--subject", "津上精密")
    assert code == ExitCode.OK and out.count("\n") > 3
    assert out == run(capsys, "claims", "--format", "jsonl", "--subject", "津上精密")[1]


def test_check_json_is_byte_identical_on_the_seeds(seeded, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    folder = run(capsys, "check", EXAMPLE, "--format", "json", "--all")
    database = run(capsys, "check", EXAMPLE, "--format", "json", "--all", "--store", seeded)
    assert folder == database and json.loads(database[1])["summary"]["numbers"] == 16


@pytest.fixture
def grown(tmp_path, store_url) -> tuple[Path, str]:
    """6,000 claims (the seeds and regional copies of them, bench/stores.py): past the small-store scan."""
    folder = tmp_path / "grown"
    grow(ROOT / "claims", folder, 6_000)
    PostgresStorage(store_url).load(FileStorage(folder).dump())
    return folder, store_url


def test_check_json_is_byte_identical_on_a_grown_store(grown, tmp_path, monkeypatch, capsys):
    folder, url = grown
    draft = tmp_path / "draft.md"
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    draft.write_text("---\ndate: 2026-03-05\n---\n\n" + seeds.replace("98亿元", "89亿元"), encoding="utf-8")
    monkeypatch.chdir(ROOT)
    for path in (EXAMPLE, str(draft)):
        from_folder = run(capsys, "check", path, "--format", "json", "--store", str(folder), "--jobs", "1")
        for jobs in ("1", "2"):
            from_database = run(capsys, "check", path, "--format", "json", "--store", url, "--jobs", jobs)
            assert from_folder == from_database
        summary = json.loads(from_database[1])["summary"]
        assert summary["ok"] > 0 and summary["numbers"] > 10


def test_a_long_draft_is_shared_with_processes_that_read_the_parents_snapshot(grown, tmp_path, monkeypatch, capsys):
    """A child opens a connection of its own and takes up the parent's exported snapshot: what another
    writer adds meanwhile is not half seen by one process of the check."""
    _, url = grown
    reader = PostgresStorage(url).open()
    try:
        before = len(reader)
        reopen = reader.fork_point()
        inherited = reader.conn
        PostgresStorage(url).load([_renamed(next(FileStorage(ROOT / "claims").dump()), "news/later.md")])
        assert _sql(url, "SELECT claims FROM store_state")[0][0] > before  # the store has moved on
        reopen()
        assert reader.conn is not inherited  # the child's own connection: the parent's session is not touched
        assert reader.conn.execute("SELECT claims FROM store_state").fetchone()[0] == before
        assert inherited.execute("SELECT claims FROM store_state").fetchone()[0] == before
        inherited.close()  # here, in one process, the "parent's" connection is ours to close
    finally:
        reader.close()
    # And a check does share: each child that took up the snapshot leaves a mark.
    made = postgres.PostgresClaims.fork_point
    marks = tmp_path / "children"
    marks.mkdir()

    def marking(self):  # type: ignore[no-untyped-def]
        reopen = made(self)

        def in_child() -> None:
            reopen()
            (marks / str(len(list(marks.iterdir())))).touch()

        return in_child

    monkeypatch.setattr(postgres.PostgresClaims, "fork_point", marking)
    monkeypatch.chdir(ROOT)
    draft = tmp_path / "draft.md"
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    draft.write_text("---\ndate: 2026-03-05\n---\n\n" + seeds, encoding="utf-8")
    shared = run(capsys, "check", str(draft), "--format", "json", "--store", url, "--jobs", "2")
    assert list(marks.iterdir())
    assert shared == run(capsys, "check", str(draft), "--format", "json", "--store", url, "--jobs", "1")


def _renamed(source, name):  # type: ignore[no-untyped-def]
    from dataclasses import replace as changed

    from factcheck.store.folder import store_file_name

    return changed(source, source=name, entry=changed(source.entry, file=store_file_name(name)),
                   claims=tuple(changed(c, source=name, id=c.id[::-1]) for c in source.claims))


def test_a_drafts_figures_are_looked_up_in_a_few_queries_with_the_same_answers(grown, tmp_path, monkeypatch, capsys):
    """Every figure's key counts and postings asked for at once: over a network each round trip costs a
    millisecond or more, and three a figure were most of a check's waiting."""
    _, url = grown
    monkeypatch.chdir(ROOT)
    queries: list[str] = []
    execute = psycopg.Connection.execute
    monkeypatch.setattr(psycopg.Connection, "execute",
                        lambda conn, query, *a, **k: (queries.append(str(query)), execute(conn, query, *a, **k))[1])
    lookups = lambda: sum("FROM postings" in q or "FROM dead_keys" in q for q in queries)  # noqa: E731
    prefetched = run(capsys, "check", EXAMPLE, "--format", "json", "--store", url)
    asked = lookups()
    monkeypatch.setattr(postgres.PostgresClaims, "prefetch", lambda self, claims: None)
    queries.clear()
    one_by_one = run(capsys, "check", EXAMPLE, "--format", "json", "--store", url)
    assert prefetched == one_by_one and json.loads(prefetched[1])["summary"]["numbers"] == 16
    assert asked * 3 < lookups(), (asked, lookups())


def test_replaced_claims_leave_the_databases_answers_as_the_folders(grown, tmp_path, monkeypatch, capsys):
    """Sources written again leave their old refs in the postings until compaction: their keys are counted
    as dead, so every key's frequency is of live claims and the answers are those of a store written once."""
    folder, url = grown
    from dataclasses import replace as changed

    again = [s for s in FileStorage(folder).dump()][::10]  # a tenth of the sources, twice: below compaction
    reworded = [changed(s, claims=tuple(changed(c, metric=c.metric + "同比", sentence=c.sentence + "同比增长")
                                       for c in s.claims)) for s in again]
    PostgresStorage(url).load(reworded)  # an edition that said otherwise,
    PostgresStorage(url).load(again)  # then put back
    assert _sql(url, "SELECT dead FROM store_state")[0][0] > 0
    draft = tmp_path / "draft.md"
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    draft.write_text("---\ndate: 2026-03-05\n---\n\n" + seeds.replace("98亿元", "89亿元"), encoding="utf-8")
    import factcheck.store.index.query as query

    made = query.PostingsStore.__init__

    def few(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        made(self, *args, **kwargs)
        self.top_k = 3  # the figures compete for few places, as in an archive of millions: frequencies decide

    monkeypatch.setattr(query.PostingsStore, "__init__", few)
    monkeypatch.chdir(ROOT)
    from_folder = run(capsys, "check", str(draft), "--format", "json", "--store", str(folder), "--jobs", "1")
    assert run(capsys, "check", str(draft), "--format", "json", "--store", url) == from_folder


def test_the_database_finds_the_candidates_the_file_index_finds(grown, seed_claims):
    folder, url = grown
    with _both(folder, PostgresStorage(url)) as (index, opened):
        assert len(opened) == len(index) == 6_000
        _assert_same_candidates(index, opened, seed_claims)


@contextlib.contextmanager
def _both(folder, storage):
    """The folder store's index and the database store, opened side by side, closed after."""
    index, opened = open_index(Store(folder)), storage.open()
    try:
        yield index, opened
    finally:
        opened.close()
        index.close()


def _assert_same_candidates(index, opened, seed_claims):
    """Every seed figure gets the same candidates, in the same order, from both stores, for either question."""
    for claim in (c for claims in seed_claims.values() for c in claims):
        for same_metric in (False, True):
            assert [c.id for c in opened.near(claim, same_metric)] == [c.id for c in index.near(claim, same_metric)]


def test_small_writes_merge_their_segments_and_still_find_the_same_candidates(tmp_path, store_url, seed_claims):
    folder = tmp_path / "grown"
    grow(ROOT / "claims", folder, 3_000)
    storage = PostgresStorage(store_url)
    # One source at a time, as a newsroom ingests, and last name first: ids out of name order, so the
    # postings are put in store order by name, not by id.
    for found in reversed(list(FileStorage(folder).dump())):
        storage.load([found])
    levels = _sql(store_url, "SELECT level, count(*) FROM segments GROUP BY level ORDER BY level")
    sources = _sql(store_url, "SELECT count(*) FROM sources")[0][0]
    assert all(count < postgres.FANOUT for _, count in levels) and max(level for level, _ in levels) >= 1
    assert sum(count for _, count in levels) < sources / 4  # a key is a few rows, not one per write
    with _both(folder, storage) as (index, opened):
        _assert_same_candidates(index, opened, seed_claims)


class _Statements:
    """A reader's connection that notes each statement it runs."""

    def __init__(self, conn) -> None:
        self.conn, self.seen = conn, []

    def execute(self, statement, *args, **kwargs):  # type: ignore[no-untyped-def]
        self.seen.append(str(statement))
        return self.conn.execute(statement, *args, **kwargs)

    def __getattr__(self, name):  # type: ignore[no-untyped-def]
        return getattr(self.conn, name)


def _order_of(storage: PostgresStorage, kept: bool) -> tuple[list[int], list[int], int]:
    """A check's store order, which reads a row of every source only when not `kept` by the last write;
    as (ids, ranks by name, head end)."""
    opened = storage.open()
    try:
        spy = opened.conn = _Statements(opened.conn)
        order = opened._order()
        assert any("FROM sources" in sql for sql in spy.seen) is not kept, spy.seen
        return list(order.ids), list(order.ranks), order.head_end
    finally:
        opened.close()


def _order_by_name(url: str) -> tuple[list[int], list[int], int]:
    order = postgres.StoreOrder.by_name([sid for (sid,) in _sql(url, "SELECT id FROM sources ORDER BY name")])
    return list(order.ids), list(order.ranks), order.head_end


def test_store_order_is_kept_by_every_write_not_read_from_every_source_by_each_check(tmp_path, store_url, seed_claims):
    """Each check read every source's id to order refs (15,069 rows at 1M claims, 141,000 at 10M)."""
    from factcheck.store.folder import to_jsonl
    from factcheck.store.protocol import Extracted

    folder = tmp_path / "grown"
    grow(ROOT / "claims", folder, 3_000)
    storage = PostgresStorage(store_url)
    sources = list(FileStorage(folder).dump())
    storage.load(sources[len(sources) // 2 :])  # an import
    assert _order_of(storage, kept=True) == _order_by_name(store_url)
    for found in reversed(sources[: len(sources) // 2]):  # sources written out of name order: a tail
        storage.write([Extracted(found.source, found.entry.sha256, to_jsonl(list(found.claims)), len(found.claims),
                                 None, False)])  # an ingest's write
    storage.load([sources[-1]])  # a source written again: its old refs are dead, its new ones a tail
    assert _sql(store_url, "SELECT dead > 0 FROM store_state") == [(True,)]
    kept = _order_of(storage, kept=True)
    assert kept == _order_by_name(store_url) and kept[2] < max(kept[0]) << postgres.REF_BITS  # head and tail
    with _both(folder, storage) as (index, opened):
        _assert_same_candidates(index, opened, seed_claims)
    _sql(store_url, "UPDATE store_state SET generation = generation + 1")  # moved by no writer that keeps the order
    assert _order_of(storage, kept=False) == _order_by_name(store_url)


def test_replacing_a_third_of_the_claims_compacts_the_postings_without_them(tmp_path, store_url, seed_claims):
    folder = tmp_path / "grown"
    grow(ROOT / "claims", folder, 3_000)
    storage = PostgresStorage(store_url)
    storage.load(FileStorage(folder).dump())
    sources = list(FileStorage(folder).dump())
    again = sources[: len(sources) // 3]
    storage.load(again)  # the same sources again: their old claims are dead refs in the postings
    assert _sql(store_url, "SELECT dead FROM store_state") == [(0,)]
    assert _sql(store_url, "SELECT count(*) FROM segments") == [(1,)]
    (total,) = _sql(store_url, "SELECT sum(n) FROM postings")[0]
    with _both(folder, storage) as (index, opened):
        assert total == sum(len(claim_keys(c)) for c in index)  # no posting of a replaced claim is left
        _assert_same_candidates(index, opened, seed_claims)


def test_replaced_claims_are_never_candidates_before_compaction(tmp_path, store_url, seed_claims):
    import dataclasses

    folder = tmp_path / "grown"
    grow(ROOT / "claims", folder, 3_000)
    storage = PostgresStorage(store_url)
    storage.load(FileStorage(folder).dump())
    sources = [s for s in FileStorage(folder).dump() if s.source.startswith("seeds/")]
    storage.load([dataclasses.replace(s, claims=s.claims[1:]) for s in sources])  # each seed loses its first claim
    assert _sql(store_url, "SELECT dead > 0 FROM store_state") == [(True,)]  # too few for a compaction
    gone = {s.claims[0].id for s in sources}
    opened = storage.open()
    try:
        found = {c.id for claims in seed_claims.values() for claim in claims for c in opened.near(claim)}
        assert found and not found & gone
    finally:
        opened.close()


# --- export and import ----------------------------------------------------------------------------

def test_export_after_import_gives_the_committed_store_byte_for_byte(store_url, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    code, _, err = run(capsys, "store", "import", "claims", "--store", store_url)
    assert code == ExitCode.OK and "imported 5 source(s)" in err
    code, _, err = run(capsys, "store", "export", str(tmp_path / "out"), "--store", store_url)
    assert code == ExitCode.OK and "exported 5 source(s)" in err
    assert snapshot(tmp_path / "out") == snapshot(ROOT / "claims")


def test_a_grown_store_comes_back_as_the_folder_store_writes_it(grown, tmp_path):
    """bench/stores.py writes 12.0 where factcheck writes 12: the export is the store's own serialisation."""
    from factcheck.store.folder import read_store_file, to_jsonl

    folder, url = grown
    FileStorage(tmp_path / "back").load(PostgresStorage(url).dump())
    back = snapshot(tmp_path / "back")
    files = sorted(folder.glob("*.jsonl"))
    assert len(files) > 100 and set(back) == {p.name for p in files} | {"manifest.json", ".gitignore"}
    assert all(back[p.name] == to_jsonl(read_store_file(p)).encode() for p in files)
    entries = json.loads(back["manifest.json"])["sources"]
    assert all(e.pop("claims_sha256") == hashlib.sha256(back[e["file"]]).hexdigest() for e in entries.values())
    written = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["sources"]
    assert entries == {s: {k: v for k, v in e.items() if k != "claims_sha256"} for s, e in written.items()}


def _spy_writes(monkeypatch, note) -> None:
    """Call `note(batch)` at each of the store's writes, before it is made."""
    write = PostgresStorage._write
    monkeypatch.setattr(PostgresStorage, "_write", lambda self, conn, batch, waiting, postings=None: (
        note(batch), write(self, conn, batch, waiting, postings))[1])


def test_an_import_in_chunks_reads_its_folder_as_it_goes_and_checks_as_the_folder_does(
        tmp_path, store_url, monkeypatch, capsys):
    folder = tmp_path / "grown"
    grow(ROOT / "claims", folder, 6_000)
    monkeypatch.setattr(postgres, "IMPORT_SOURCES", 7)
    monkeypatch.setattr(postgres, "IMPORT_SEGMENT_CLAIMS", 1_000)  # the postings held, written every 1,000 claims
    pulled, at_writes = [0], []
    _spy_writes(monkeypatch, lambda batch: at_writes.append(pulled[0]))

    def sources():
        for source in FileStorage(folder).dump():
            pulled[0] += 1
            yield source

    transactions = []
    opened = psycopg.Connection.transaction
    monkeypatch.setattr(psycopg.Connection, "transaction",
                        lambda conn, *a, **k: (transactions.append(1), opened(conn, *a, **k))[1])
    count = PostgresStorage(store_url).load(sources())
    assert count == pulled[0] > 100 and at_writes[:3] == [7, 14, 21]  # a chunk read, a chunk written
    assert len(transactions) == 2  # the import's and the merge's: no savepoint a chunk
    [(segments, claims)] = _sql(store_url, "SELECT count(*), sum(claims) FROM segments")
    assert segments >= 5 and claims == _sql(store_url, "SELECT claims FROM store_state")[0][0]  # none held whole
    FileStorage(tmp_path / "back").load(PostgresStorage(store_url).dump())
    assert set(snapshot(tmp_path / "back")) == {p.name for p in folder.iterdir() if p.is_file()} | {".gitignore"}
    draft = tmp_path / "draft.md"
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    draft.write_text("---\ndate: 2026-03-05\n---\n\n" + seeds.replace("98亿元", "89亿元"), encoding="utf-8")
    monkeypatch.chdir(ROOT)
    assert run(capsys, "check", str(draft), "--format", "json", "--store", str(folder)) == run(
        capsys, "check", str(draft), "--format", "json", "--store", store_url)


def test_an_import_that_fails_after_some_chunks_leaves_the_store_as_it_was(seeded, tmp_path, monkeypatch):
    folder = tmp_path / "grown"
    grow(ROOT / "claims", folder, 3_000)
    monkeypatch.setattr(postgres, "IMPORT_CLAIMS", 100)  # a few sources a chunk, by their claims

    def torn():
        for n, source in enumerate(FileStorage(folder).dump()):
            if n == 23:
                raise StoreError(f"{source.source}: a torn claims file")
            yield source

    writes = []
    _spy_writes(monkeypatch, lambda batch: writes.append(len(batch)))
    before = _sql(seeded, "SELECT claims, generation FROM store_state")
    with pytest.raises(StoreError, match="torn"):
        PostgresStorage(seeded).load(torn())
    assert len(writes) >= 3  # chunks were written inside the transaction before the tear
    assert _sql(seeded, "SELECT claims, generation FROM store_state") == before
    assert _sql(seeded, "SELECT count(*) FROM sources")[0][0] == 5


def test_export_refuses_a_folder_with_files_in_it(seeded, tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "store", "export", str(tmp_path), "--store", seeded)
    assert code == ExitCode.ERROR and "not an empty folder" in err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_table_dropped_outside_factcheck_is_one_line_saying_the_store_is_damaged(seeded, monkeypatch, capsys):
    """Not the SQL that failed (#30 item 13): what happened, and what to do."""
    _sql(seeded, "DROP TABLE sources CASCADE")
    monkeypatch.chdir(ROOT)
    code, _, err = run(capsys, "check", "examples/draft_pinghu_review.md", "--store", seeded)
    assert code == ExitCode.ERROR and err.count("\n") == 1
    assert "the store is damaged: its table sources is missing" in err and "SELECT" not in err and "LINE" not in err


# --- ingest: whole sources, whatever happens --------------------------------------------------------

def test_ingest_into_the_database_gives_the_store_ingest_into_a_folder_gives(seed_project, store_url, tmp_path, monkeypatch, capsys):
    """From the rows and keys the ingest workers made: the parent parsed the JSON Lines again and computed
    ~55 keys a claim, on one core."""
    monkeypatch.chdir(seed_project)
    again: list[object] = []
    monkeypatch.setattr(postgres, "parse_store_file", lambda *args: again.append(args))
    monkeypatch.setattr(postgres, "claim_keys", lambda *args: again.append(args))
    code, _, err = run(capsys, "ingest", "--store", store_url)
    assert code == ExitCode.OK and "written" in err and again == []
    monkeypatch.undo()
    FileStorage(tmp_path / "out").load(PostgresStorage(store_url).dump())
    assert snapshot(tmp_path / "out") == snapshot(ROOT / "claims")
    monkeypatch.chdir(ROOT)
    assert run(capsys, "check", EXAMPLE, "--format", "json", "--store", store_url) == run(
        capsys, "check", EXAMPLE, "--format", "json")
    monkeypatch.chdir(seed_project)
    code, _, err = run(capsys, "ingest", "--store", store_url)  # unchanged sources are skipped by their hash
    seeds = sum(len(s.claims) for s in FileStorage(ROOT / "claims").dump())
    assert code == ExitCode.OK and f"│       5 │    {seeds} │       0 │       5 │" in err


def _ingest_process(project: Path, url: str, *paths: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "factcheck", "ingest", *paths, "--store", url], cwd=project,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _until(condition, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def _claims_in(url: str) -> int:
    opened = PostgresStorage(url).open()
    try:
        return len(opened)
    finally:
        opened.close()


def _writer_blocked(url: str) -> bool:
    """An ingest has written its claims and waits, mid-transaction, for the row it updates last."""
    return bool(_sql(url, "SELECT 1 FROM pg_stat_activity WHERE application_name = 'factcheck'"
                          f" AND wait_event_type = 'Lock' AND state = 'active' AND {ON_SCHEMA}", schema_of(url)))


def _no_writers(url: str) -> bool:
    return not _sql(url, "SELECT 1 FROM pg_stat_activity WHERE application_name = 'factcheck'"
                         f" AND pid <> pg_backend_pid() AND {ON_SCHEMA}", schema_of(url))


@pytest.fixture
def edited(seed_project, seeded) -> tuple[Path, str]:
    """The seeds' store in the database, and the project's seed 001 edited: 98亿元 is now 99亿元."""
    path = next((seed_project / "seeds").glob("001_*.txt"))
    path.write_text(path.read_text(encoding="utf-8").replace("98亿元", "99亿元"), encoding="utf-8")
    return seed_project, seeded


def test_a_killed_ingest_leaves_the_old_source_whole_and_the_next_one_lands(edited, tmp_path):
    project, url = edited
    before = list(PostgresStorage(url).dump())
    with psycopg.connect(url) as holder:
        holder.execute("SELECT * FROM store_state FOR UPDATE")  # the writer's last statement will wait for this
        writer = _ingest_process(project, url, "seeds")
        _until(lambda: _writer_blocked(url), "the ingest to block mid-transaction")
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        holder.rollback()
    _until(lambda: _no_writers(url), "the killed writer's backend to end")
    assert list(PostgresStorage(url).dump()) == before  # the old source, whole; none of the new
    writer = _ingest_process(project, url, "seeds")
    assert writer.wait(timeout=120) == 0
    after = {s.source: s for s in PostgresStorage(url).dump()}
    changed = next(s for s in after.values() if "/001_" in s.source)
    assert "99亿元" in {c.text for c in changed.claims} and "98亿元" not in {c.text for c in changed.claims}
    assert sum(len(s.claims) for s in after.values()) == _claims_in(url)


def test_a_check_during_an_ingest_sees_the_old_source_then_the_new_never_half(edited, monkeypatch, capsys):
    project, url = edited
    monkeypatch.chdir(ROOT)
    old = run(capsys, "check", EXAMPLE, "--format", "json", "--store", url)
    with psycopg.connect(url) as holder:
        holder.execute("SELECT * FROM store_state FOR UPDATE")
        writer = _ingest_process(project, url, "seeds")
        _until(lambda: _writer_blocked(url), "the ingest to block mid-transaction")
        during = run(capsys, "check", EXAMPLE, "--format", "json", "--store", url)
        holder.rollback()  # let the writer commit
        assert writer.wait(timeout=120) == 0
    new = run(capsys, "check", EXAMPLE, "--format", "json", "--store", url)
    assert during == old
    assert new != old and "99亿元" in new[1]
    stored = [c for s in PostgresStorage(url).dump() if "/001_" in s.source for c in s.claims]
    assert {c.text for c in stored} >= {"99亿元"} and "98亿元" not in {c.text for c in stored}


def test_concurrent_ingests_of_different_sources_both_land(seed_project, store_url, tmp_path):
    seeds = sorted(f"seeds/{p.name}" for p in (seed_project / "seeds").glob("*.txt"))
    writers = [_ingest_process(seed_project, store_url, *seeds[:3]), _ingest_process(seed_project, store_url, *seeds[3:])]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    FileStorage(tmp_path / "out").load(PostgresStorage(store_url).dump())
    assert snapshot(tmp_path / "out") == snapshot(ROOT / "claims")


# --- configuration, the library, the hook's path and the editor ----------------------------------------

def _project_with_store(folder: Path, store: str) -> Path:
    shutil.copytree(ROOT / "examples", folder / "examples")
    (folder / "factcheck.toml").write_text(f'store = "{store}"\ndrafts = ["examples/*.md"]\n', encoding="utf-8")
    return folder


def test_a_configured_database_store_serves_check_without_store(seeded, url_without_password, tmp_path, monkeypatch, capsys):
    project = _project_with_store(tmp_path, url_without_password)
    monkeypatch.chdir(project)
    code, out, err = run(capsys, "check")
    assert code == ExitCode.FINDINGS and "2 contradicted, 4 stale" in out and err == ""


def test_a_password_in_the_configured_url_is_refused(tmp_path, monkeypatch, capsys):
    project = _project_with_store(tmp_path, "postgresql://editor:secret@db.example/news")
    monkeypatch.chdir(project)
    code, out, err = run(capsys, "check")
    assert code == ExitCode.ERROR and out == ""
    assert err.count("\n") == 1 and "password" in err and "PGPASSWORD" in err and "secret" not in err


def test_the_hooks_judging_reads_the_configured_database(seeded, url_without_password, tmp_path, monkeypatch):
    from factcheck.app.check import judge_drafts
    from factcheck.judge.draft import read_draft

    project = _project_with_store(tmp_path, url_without_password)
    cfg = load_config(cwd=project)
    draft = read_draft(project / EXAMPLE, EXAMPLE, None)
    report = judge_drafts([draft], cfg, None)  # what `factcheck hook run` calls with the staged drafts
    assert sum(f.verdict == "contradicted" for f in report.findings) == 2


def test_the_library_opens_a_database_store(seeded):
    import datetime as dt

    import factcheck

    with factcheck.open_store(seeded) as store:
        found = factcheck.check_text("平湖技师学院毕业生就业率连续多年稳定在98.2%。", store, published=dt.date(2026, 3, 5))
    assert [(f.verdict, f.text) for f in found] == [("contradicted", "98.2%")]


WRONG = "平湖技师学院毕业生就业率连续多年稳定在98.2%。"  # the store says 96.2%


@pytest.fixture
def editor(seeded, monkeypatch):
    """The editor's session on the seeded database, as `factcheck lsp` keeps one open."""
    from factcheck.app.session import Session

    monkeypatch.chdir(ROOT)
    session = Session(load_config(cwd=ROOT), seeded, today=lambda: __import__("datetime").date(2026, 3, 5))
    yield session
    session.close()


def verdicts(session, text: str) -> list[str]:
    return [f.verdict for f in session.check(text, "draft.md").findings]


def _drop_figure(url: str, text: str) -> None:
    """An ingest that takes one figure out of the sources that give it."""
    from factcheck.store.folder import to_jsonl
    from factcheck.store.protocol import Extracted

    storage = open_storage(url)
    sources = [s for s in storage.dump() if any(c.text == text for c in s.claims)]
    storage.write([Extracted(s.source, "changed", to_jsonl([c for c in s.claims if c.text != text]), 0, None, False)
                   for s in sources])
    storage.close()


def test_the_editor_reopens_the_database_store_when_an_ingest_changes_it(editor, seeded):
    assert verdicts(editor, WRONG) == ["contradicted"]
    _drop_figure(seeded, "96.2%")
    assert verdicts(editor, WRONG) == ["unsupported"]


def _idle_in_transaction(url: str) -> int:
    return _sql(url, "SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%%'"
                     f" AND datname = current_database() AND pid <> pg_backend_pid() AND {ON_SCHEMA}",
                schema_of(url))[0][0]


def test_an_idle_editor_holds_no_snapshot_open_on_the_server(editor, seeded):
    """A snapshot held for hours keeps the server from vacuuming what every ingest replaces."""
    assert verdicts(editor, WRONG) == ["contradicted"]
    assert _idle_in_transaction(seeded) == 0
    assert verdicts(editor, "毕业生就业率连续多年稳定在96.2%。") == ["ok"]
    assert _idle_in_transaction(seeded) == 0


def test_an_editor_whose_connection_the_server_ended_while_idle_reconnects(editor, seeded):
    assert verdicts(editor, WRONG) == ["contradicted"]
    mine = [editor._index.conn.info.backend_pid, editor.storage._watch.info.backend_pid]  # reader and watcher
    ended = _sql(seeded, "SELECT pg_terminate_backend(pid) FROM unnest(%s::int[]) AS pid", mine)
    assert len(ended) == 2 and all(ok for (ok,) in ended)
    assert verdicts(editor, WRONG) == ["contradicted"]


def test_a_change_that_lands_between_the_look_and_the_check_is_still_seen(editor, seeded, monkeypatch):
    """The editor's cheap look comes first; the snapshot taken after it shows a write that landed between."""
    assert verdicts(editor, WRONG) == ["contradicted"]
    unchanged = editor._glimpse()
    monkeypatch.setattr(editor, "_glimpse", lambda: unchanged)  # the look saw the store as it was
    monkeypatch.setattr(editor, "_signature", lambda: editor._seen)
    _drop_figure(seeded, "96.2%")
    assert verdicts(editor, WRONG) == ["unsupported"]


# --- errors: one line, exit 2 -----------------------------------------------------------------------

def _one_line_error(capsys, *args: str) -> str:
    code, out, err = run(capsys, *args)
    assert (code, out) == (ExitCode.ERROR, "")
    assert err.count("\n") == 1 and err.startswith("factcheck: ") and "Traceback" not in err
    return err


def test_a_server_that_is_down_is_one_line(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    err = _one_line_error(capsys, "check", EXAMPLE, "--store", "postgresql://factcheck@127.0.0.1:1/factcheck")
    assert "cannot reach the PostgreSQL server" in err


def test_a_wrong_password_is_one_line_that_does_not_show_it(database, monkeypatch, capsys):
    from urllib.parse import urlsplit

    parts = urlsplit(database)
    wrong = database.replace(f":{parts.password}@", ":not-the-password@") if parts.password else database
    monkeypatch.setenv("PGPASSWORD", "not-the-password")
    monkeypatch.chdir(ROOT)
    err = _one_line_error(capsys, "check", EXAMPLE, "--store", wrong)
    assert "wrong password" in err and "not-the-password" not in err


def test_a_database_without_a_store_says_to_run_store_init(database, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    for args in (("check", EXAMPLE), ("ingest", "seeds"), ("claims",), ("conflicts",), ("store", "export", str(tmp_path / "x"))):
        err = _one_line_error(capsys, *args, "--store", database)
        assert "no factcheck store in this database (run `factcheck store init`)" in err
    assert not (tmp_path / "x").exists()
    code, _, err = run(capsys, "store", "init", "--store", database)
    assert code == ExitCode.OK and "created the factcheck store" in err


def test_an_empty_store_says_to_ingest(store_url, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert "the claims store is empty" in _one_line_error(capsys, "check", EXAMPLE, "--store", store_url)


def test_a_schema_newer_than_the_tool_is_refused_even_by_init(seeded, monkeypatch, capsys):
    _sql(seeded, "UPDATE factcheck_schema SET version = 99")
    monkeypatch.chdir(ROOT)
    for args in (("check", EXAMPLE), ("store", "init")):
        err = _one_line_error(capsys, *args, "--store", seeded)
        assert f"schema is version 99, newer than this factcheck knows ({postgres.SCHEMA_VERSION}); upgrade factcheck" in err


def test_an_older_schema_is_migrated_forward_by_init_and_keeps_its_claims(seeded, monkeypatch, capsys):
    """A release that adds a migration: the store at the version before must be migrated before use, then works."""
    now = postgres.SCHEMA_VERSION
    monkeypatch.setattr(postgres, "MIGRATIONS", (*postgres.MIGRATIONS, ('CREATE INDEX claims_subject ON claims("subject")',)))
    monkeypatch.setattr(postgres, "SCHEMA_VERSION", now + 1)
    monkeypatch.chdir(ROOT)
    err = _one_line_error(capsys, "check", EXAMPLE, "--store", seeded)
    assert f"older than this factcheck's ({now + 1}); run `factcheck store init` to migrate it" in err
    code, _, err = run(capsys, "store", "init", "--store", seeded)
    assert code == ExitCode.OK and f"migrated the store from schema version {now} to {now + 1}" in err
    assert _sql(seeded, "SELECT count(*) FROM pg_indexes WHERE indexname = 'claims_subject'") == [(1,)]
    assert run(capsys, "check", EXAMPLE, "--store", seeded)[0] == ExitCode.FINDINGS


def test_a_store_of_schema_1_is_migrated_to_count_its_replaced_claims_keys(database, seed_claims, monkeypatch, capsys):
    """Schema 2 counts the keys of replaced claims: a store of schema 1 with replaced claims is compacted on
    migration, so its frequencies are of live claims from then on."""
    storage = PostgresStorage(database)
    storage.init()
    storage.load(FileStorage(ROOT / "claims").dump())
    again = [s for s in FileStorage(ROOT / "claims").dump() if s.source.startswith("seeds/004")]
    storage.load(again)  # one source replaced: its old refs linger, dead (too few to compact)
    _sql(database, "DROP TABLE dead_keys, store_order")  # what a store of schema 1 looks like
    _sql(database, "UPDATE factcheck_schema SET version = 1")
    assert _sql(database, "SELECT dead FROM store_state") == [(len(again[0].claims),)]
    code, _, err = run(capsys, "store", "init", "--store", database)
    assert code == ExitCode.OK and f"migrated the store from schema version 1 to {postgres.SCHEMA_VERSION}" in err
    assert _sql(database, "SELECT dead FROM store_state") == [(0,)] and _sql(database, "SELECT count(*) FROM dead_keys") == [(0,)]
    monkeypatch.chdir(ROOT)
    folder = run(capsys, "check", EXAMPLE, "--format", "json")
    assert run(capsys, "check", EXAMPLE, "--format", "json", "--store", database) == folder


def test_a_store_made_before_the_record_gained_fields_gets_their_columns(database, monkeypatch, capsys):
    """Schema 3 adds the columns of fields the claim record gained (offset, changed_to) to an older store's
    table; its old rows read as each field's default until the sources are ingested again."""
    storage = PostgresStorage(database)
    storage.init()
    storage.load(FileStorage(ROOT / "claims").dump())
    _sql(database, 'ALTER TABLE claims DROP COLUMN "offset", DROP COLUMN "changed_to"')
    _sql(database, "DROP TABLE store_order")
    _sql(database, "UPDATE factcheck_schema SET version = 2")
    code, _, err = run(capsys, "store", "init", "--store", database)
    assert code == ExitCode.OK and f"migrated the store from schema version 2 to {postgres.SCHEMA_VERSION}" in err
    columns = _sql(database, "SELECT column_name FROM information_schema.columns WHERE table_name = 'claims'")
    assert {("offset",), ("changed_to",)} <= set(columns)
    assert _order_of(PostgresStorage(database), kept=True) == _order_by_name(database)  # schema 4's, of the sources there
    monkeypatch.chdir(ROOT)
    code, _, err = run(capsys, "check", EXAMPLE, "--format", "json", "--store", database)
    assert code == ExitCode.FINDINGS, err


def test_storage_errors_name_the_store_without_its_password(database):
    from urllib.parse import urlsplit

    with pytest.raises(StoreError) as caught:
        PostgresStorage(database).open()
    password = urlsplit(database).password
    assert "no factcheck store" in str(caught.value) and (not password or password not in str(caught.value))


def test_a_path_opens_the_folder_store_and_a_url_the_database(tmp_path):
    assert isinstance(open_storage(tmp_path), FileStorage) and isinstance(open_storage(str(tmp_path)), FileStorage)
    assert isinstance(open_storage("postgresql://h/db"), PostgresStorage)
    assert "needs no init" in FileStorage(tmp_path).init()


def test_a_check_of_a_folder_store_never_loads_psycopg():
    code = (
        "import sys, contextlib, io\n"
        "from factcheck.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['check', 'examples/draft_pinghu_review.md'])\n"
        "print('\\n'.join(sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split())
    assert "factcheck.app.check" in loaded and not {"psycopg", "factcheck.store.postgres"} & loaded
