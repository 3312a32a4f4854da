"""The candidate index: the same findings as scoring the whole store, and never stale."""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from factcheck.app.check import using_store
from factcheck.errors import StoreError
from factcheck.extract.quantity import unit_group
from factcheck.extract.subject import names_from_subjects
from factcheck.judge.conflicts import find_conflicts
from factcheck.judge.draft import check_document
from factcheck.judge.matching import _bigrams, sentence_similarity
from factcheck.reading.source import read_document
from factcheck.record.claim import mask_numbers
from factcheck.store import index as index_mod
from factcheck.store.folder import Store
from factcheck.store.index import ClaimIndex, build, index_path, open_index, opening, query
from factcheck.store.protocol import ClaimList

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "draft_pinghu_review.md"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A copy of the committed seeds' store: indexes are built in it, never in claims/."""
    root = tmp_path / "claims"
    root.mkdir()
    for path in (ROOT / "claims").iterdir():
        if path.is_file():
            shutil.copy2(path, root / path.name)
    return Store(root)


def _retrieving(index: ClaimIndex) -> ClaimIndex:
    """The index as a big store uses it: retrieval, not the small-store scan."""
    index.scan_below = 0
    return index


def _meta(index: ClaimIndex) -> dict[str, str]:
    return dict(index.conn.execute("SELECT key, value FROM meta").fetchall())


def _drafts(seed_document) -> list:
    seeds = [seed_document(p.name[:3]) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return [read_document(EXAMPLE, display="examples/draft_pinghu_review.md", require_date=False), *seeds]


def test_the_index_holds_the_claims_store_load_gives(store: Store) -> None:
    assert list(open_index(store)) == store.load()


def test_retrieval_gives_the_findings_of_brute_force_on_the_example_and_the_seeds(store: Store, seed_document) -> None:
    whole = ClaimList.of(store.load())
    index = _retrieving(open_index(store))
    for draft in _drafts(seed_document):
        assert check_document(draft, index) == check_document(draft, whole), draft.path


def test_retrieval_hands_rapidfuzz_a_few_claims_not_the_store(store: Store, seed_document) -> None:
    index = _retrieving(open_index(store))
    index.top_k = 5
    claims = list(index)
    for claim in claims:
        near = index.near(claim)
        assert len(near) <= 5
        assert claim in near, f"{claim.source}:{claim.line} {claim.text} is not among its own nearest claims"
        assert all(unit_group(c.unit) == unit_group(claim.unit) for c in near)  # matching relies on it


def test_figures_that_ask_with_the_same_keys_are_looked_up_once(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    index = _retrieving(open_index(store))
    ranked = []
    rank = index._rank
    # One ranking by the keys a lookup asks with (a wider one, of the measure's latest, goes with it).
    monkeypatch.setattr(index, "_rank", lambda keys, top_k=None: (None if top_k else ranked.append(keys)) or rank(keys, top_k))
    first = index[0]
    # Another figure of the same clause, metric and subject, in another sentence: its successors are the same.
    twin = dataclasses.replace(first, id="twin", value=first.value + 1, sentence=first.sentence + "同比增长。")
    assert index.near(twin, same_metric=True) == index.near(first, same_metric=True)
    assert len(ranked) == 1
    index.near(twin)  # the full keys hold its value and sentence: a lookup of its own
    assert len(ranked) == 2


def test_the_index_caches_keep_to_their_budgets_and_answer_as_before(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 2 MB draft against 100,000 claims kept every claim, paragraph and postings list it read (~45 MB)."""
    claims = store.load()
    expected = [[c.id for c in _retrieving(open_index(store)).near(claim)] for claim in claims]
    small = {name: 8 * 1024 for name in query.CACHE_BYTES}
    monkeypatch.setattr(query, "CACHE_BYTES", small)
    index = _retrieving(open_index(store))
    assert [[c.id for c in index.near(claim)] for claim in claims] == expected
    for name in ("_df", "_near", "_postings", "_claims", "_positions", "_paragraphs"):
        cache = getattr(index, name)
        assert cache.used <= 8 * 1024 or len(cache) == 1, name  # one entry bigger than the budget is kept alone


def test_the_small_store_scan_is_brute_force(store: Store, seed_document) -> None:
    whole = ClaimList.of(store.load())
    index = open_index(store)
    assert index.size < index.scan_below
    draft = _drafts(seed_document)[0]
    assert check_document(draft, index) == check_document(draft, whole)


def test_the_small_store_scan_hands_over_every_claim_of_the_figures_dimension(store: Store) -> None:
    index = open_index(store)
    every = store.load()
    for claim in every:
        same_dimension = [c for c in every if unit_group(c.unit) == unit_group(claim.unit)]
        assert index.near(claim) == same_dimension, claim.text
        assert index.near(claim, same_metric=True) == same_dimension, claim.text


def test_the_store_is_opened_through_the_index_and_conflicts_still_see_every_claim(store: Store) -> None:
    opened = using_store(store.root, lambda claims: (isinstance(claims, ClaimIndex), find_conflicts(claims)))
    assert opened == (True, find_conflicts(store.load()))
    assert index_path(store).exists()


def test_sentence_similarity_is_rapidfuzz_token_set_ratio(store: Store) -> None:
    sentences = sorted({c.sentence for c in store.load()})[:120] + ["", "一", "MES system 的 数字", "一 二　三"]
    for a, b in itertools.product(sentences, repeat=2):
        expected = fuzz.token_set_ratio(_bigrams(mask_numbers(a)), _bigrams(mask_numbers(b)))
        assert sentence_similarity(a, b) == expected, (a, b)


# --- freshness ------------------------------------------------------------------------------


def _rewrite(path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    edit(records)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def _first_file(store: Store) -> Path:
    return store.files()[0]


def _drop_first_source(store: Store) -> str:
    """Drop a source from the manifest, as a re-ingest without it would."""
    manifest = json.loads(store.manifest_path.read_text(encoding="utf-8"))
    dropped = min(manifest["sources"])
    del manifest["sources"][dropped]
    store.manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return dropped


def test_an_edited_store_file_is_reindexed(store: Store) -> None:
    open_index(store)

    def double_first_value(records: list[dict]) -> None:
        records[0]["value"] = records[0]["value"] * 2

    _rewrite(_first_file(store), double_first_value)
    assert list(open_index(store)) == store.load()


def test_a_same_size_rewrite_within_the_same_mtime_is_still_seen(store: Store) -> None:
    """A file rewritten in the same clock tick keeps size and mtime: a recent mtime is never trusted."""
    path = _first_file(store)
    os.utime(path)  # just written, as by an ingest a moment ago
    open_index(store)
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    swapped = text.replace("亿元", "万元", 1)
    assert swapped != text and len(swapped.encode()) == len(text.encode())
    path.write_text(swapped, encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert list(open_index(store)) == store.load()


def test_added_and_removed_sources_are_updated_in_place(store: Store) -> None:
    open_index(store)
    dropped = _drop_first_source(store)
    opened = open_index(store)
    assert list(opened) == store.load()
    assert not any(c.source == dropped for c in opened)
    meta = dict(opened.conn.execute("SELECT key, value FROM meta").fetchall())
    assert int(meta["dead"]) > 0  # an update, not a rebuild: the dropped claims' postings wait for compaction


def test_a_dropped_claims_id_never_comes_to_mean_another_claim(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A dropped claim's postings linger until compaction: were its id reused, they would pull up the new claim."""
    monkeypatch.setattr(opening, "COMPACT_RATIO", 10.0)  # updates only, never a rebuild
    ids_ever = {i for (i,) in open_index(store).conn.execute("SELECT id FROM claims")}
    manifest = json.loads(store.manifest_path.read_text(encoding="utf-8"))
    last, entry = max(manifest["sources"].items())  # indexed last: its claims hold the highest ids
    del manifest["sources"][last]
    store.manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    open_index(store)
    manifest["sources"][last] = entry  # the source comes back, as after a re-ingest
    store.manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    opened = open_index(store)
    returned = {i for (i,) in opened.conn.execute(
        "SELECT c.id FROM claims c JOIN files f ON f.id = c.file WHERE f.name = ?", (entry["file"],))}
    assert returned and not returned & ids_ever
    assert list(opened) == store.load()


def test_a_lone_writer_looks_at_the_store_once(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stat-ing a 15,000-file archive twice made the first check after an ingest slower than it need be."""
    before = store.load()
    open_index(store).close()
    dropped = _drop_first_source(store)
    looks = []
    detect = index_mod.detect_changes
    monkeypatch.setattr(opening, "detect_changes", lambda *a: looks.append(1) or detect(*a))
    opened = open_index(store)
    assert len(looks) == 1
    assert list(opened) == store.load() == [c for c in before if c.source != dropped]


def test_a_writer_that_waited_for_another_looks_again(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two checks start after one ingest; the second to take the lock must not apply the change again."""
    # Not a test of compaction: the seeds' first file is a fifth of the store, near the 25% that triggers it.
    monkeypatch.setattr(opening, "COMPACT_RATIO", 1.0)
    open_index(store).close()
    claims_before = store.load()
    dropped = _drop_first_source(store)
    replaced = sum(c.source == dropped for c in claims_before)
    detect = index_mod.detect_changes
    others = []

    def another_check_gets_in_first(*args):  # type: ignore[no-untyped-def]
        changes = detect(*args)
        if not others:
            others.append(None)  # first, so the other check's own looks come back through here as plain looks
            others[0] = open_index(store)  # between our look and our lock
        return changes

    monkeypatch.setattr(opening, "detect_changes", another_check_gets_in_first)
    opened = open_index(store)
    others[0].close()
    assert list(opened) == store.load()
    assert int(_meta(opened)["dead"]) == replaced  # counted once, not once per writer


def _settled(store: Store) -> None:
    """As an archive is between writes: the folder and the manifest last changed a minute ago."""
    past = os.stat(store.root).st_mtime_ns - 60 * 10**9
    for path in (store.root, store.manifest_path):
        os.utime(path, ns=(past, past))


def _trusted_index(store: Store) -> None:
    """Built, then looked at once more after the store settled: the look it remembers is an old glance."""
    open_index(store).close()
    _settled(store)
    open_index(store).close()


def _counting_looks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    looks: list[int] = []
    detect = index_mod.detect_changes
    monkeypatch.setattr(opening, "detect_changes", lambda *a: looks.append(1) or detect(*a))
    return looks


def test_a_settled_store_is_trusted_without_a_stat_of_every_file(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A check against 10M claims stat-ed ~150,000 store files (about 0.6 s) to find nothing had changed."""
    _trusted_index(store)
    looks = _counting_looks(monkeypatch)
    opened = open_index(store)
    assert looks == []
    assert list(opened) == store.load()


def test_every_write_moves_the_store_wide_generation(store: Store) -> None:
    """Before the first file changes and after the last, so neither a look before nor one during is trusted."""
    seen = [store.generation()]
    with store.writing():
        seen.append(store.generation())
    seen.append(store.generation())
    assert len(set(seen)) == 3 and all(seen[1:])


def test_a_check_after_a_write_sees_the_new_claims(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even when the folder's and the manifest's times say nothing (put back, or one clock tick): the generation does."""
    _trusted_index(store)
    root, manifest = os.stat(store.root), os.stat(store.manifest_path)
    with store.writing():
        dropped = _drop_first_source(store)  # the manifest rewritten in place: same inode
    for path, st in ((store.root, root), (store.manifest_path, manifest)):
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    looks = _counting_looks(monkeypatch)
    opened = open_index(store)
    assert looks == [1]
    assert list(opened) == store.load() and not any(c.source == dropped for c in opened)


def test_a_store_file_git_replaced_is_seen_without_a_write_of_factcheck(store: Store) -> None:
    """git checks a file out by unlinking and creating it: the folder's mtime moves, and the index looks."""
    _trusted_index(store)
    path = _first_file(store)
    text = path.read_text(encoding="utf-8")
    path.unlink()
    path.write_text(text.replace("亿元", "万元", 1), encoding="utf-8")
    assert list(open_index(store)) == store.load()


def test_a_store_file_edited_in_place_is_seen_by_a_full_look_and_after_a_repair(store: Store, tmp_path: Path) -> None:
    """In place, by hand, nothing store-wide moves: the editor's session asks for a full look, a repair is a write."""
    from factcheck.store.files import FileStorage

    _trusted_index(store)
    path = _first_file(store)
    _rewrite(path, lambda records: records[0].update(value=records[0]["value"] * 2))
    assert list(open_index(store, full_look=True)) == store.load()

    _trusted_index(store)
    _rewrite(path, lambda records: records[0].update(value=records[0]["value"] * 2))
    FileStorage(store.root).repair(tmp_path)
    assert list(open_index(store)) == store.load()


def test_the_bodies_a_check_knows_follow_the_store(store: Store) -> None:
    """The index lists the store's subjects when it changes; a check must never see an old list."""

    def subjects(s: Store) -> dict[str, str]:
        return names_from_subjects({c.subject for c in s.load() if c.subject})

    assert open_index(store).subject_names() == subjects(store)
    assert open_index(store).subject_names()["津上精密机床"] == "津上精密机床"
    assert "津上精密" not in open_index(store).subject_names()  # whole names only: no matching by first characters

    def rename_first_body(records: list[dict]) -> None:
        records[0]["subject"] = "新嘉精工科技"

    _rewrite(_first_file(store), rename_first_body)
    names = open_index(store).subject_names()
    assert names == subjects(store)
    assert names["新嘉精工科技"] == "新嘉精工科技"


def test_a_body_named_only_in_a_dropped_source_is_forgotten_without_a_rebuild(store: Store) -> None:
    names_before = open_index(store).subject_names()
    named_in: dict[str, set[str]] = {}
    for c in store.load():
        if c.subject in names_before.values():
            named_in.setdefault(c.subject, set()).add(c.source)
    dropped = min(next(iter(sources)) for sources in named_in.values() if len(sources) == 1)
    own = {body for body, sources in named_in.items() if sources == {dropped}}
    manifest = json.loads(store.manifest_path.read_text(encoding="utf-8"))
    del manifest["sources"][dropped]
    store.manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")

    opened = open_index(store)
    assert int(_meta(opened)["dead"]) > 0  # updated in place, not rebuilt
    assert len(opened) == len(store.load())
    assert opened.subject_names() == names_from_subjects({c.subject for c in store.load() if c.subject})
    assert own and not own & set(opened.subject_names().values()), f"{sorted(own)} were named only in {dropped}"


def test_no_manifest_means_every_jsonl_file(store: Store) -> None:
    open_index(store)
    store.manifest_path.unlink()
    assert list(open_index(store)) == store.load()


def test_a_corrupt_claim_line_is_a_store_error_naming_file_and_line(store: Store) -> None:
    path = _first_file(store)
    path.write_text(path.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    with pytest.raises(StoreError, match=rf"{path.name}:\d+: corrupt claim record"):
        open_index(store)


def test_a_missing_store_is_the_usual_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no claims store here"):
        open_index(Store(tmp_path / "nowhere"))


def test_a_corrupt_or_outdated_index_is_rebuilt(store: Store) -> None:
    open_index(store).close()
    index_path(store).write_bytes(b"not a database at all")
    assert list(open_index(store)) == store.load()
    conn = sqlite3.connect(index_path(store))
    conn.execute("UPDATE meta SET value = 'old' WHERE key = 'version'")
    conn.commit()
    conn.close()
    assert list(open_index(store)) == store.load()


def test_an_unwritable_index_directory_falls_back_to_memory(store: Store) -> None:
    (store.root / index_mod.INDEX_DIR).write_text("a file where the index directory should be")
    assert list(open_index(store)) == store.load()


def test_a_parallel_build_equals_a_serial_one(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = open_index(store)
    expected = [(c, [n.id for n in serial.near(c)]) for c in serial]
    shutil.rmtree(store.root / index_mod.INDEX_DIR)
    monkeypatch.setattr(build, "PARALLEL_BYTES", 0)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    parallel = open_index(store)
    assert parallel.subject_names() == serial.subject_names()
    assert [(c, [n.id for n in parallel.near(c)]) for c in parallel] == expected


def test_the_index_package_keeps_the_names_its_callers_import() -> None:
    """index.py became a package by concern; callers still import from factcheck.store.index."""
    from factcheck.store import index as package

    for name in ("open_index", "with_index", "verified", "discard", "damaged", "ClaimIndex", "index_path",
                 "INDEX_DIR", "claim_keys", "detect_changes"):
        assert name in package.__all__ and getattr(package, name) is not None
    assert package.open_index is opening.open_index and package.ClaimIndex.__module__ == "factcheck.store.index.query"


def test_an_ingest_writes_the_index_from_what_its_workers_prepared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parent re-read the JSON Lines it had just written and computed ~55 keys a claim, on one core."""
    from factcheck.app.ingest import ingest

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    read_again: list[Path] = []
    parse = build.parse_store_file
    monkeypatch.setattr(build, "parse_store_file", lambda path, data: read_again.append(path) or parse(path, data))
    store = Store(tmp_path / "claims")
    ingest(seeds[:2], store, ROOT)  # a new index
    ingest(seeds[2:], store, ROOT)  # an update of it
    assert read_again == []
    monkeypatch.undo()
    ingested = _retrieving(open_index(store))
    conn = sqlite3.connect(":memory:")
    build.build_into(store, conn)
    rebuilt = _retrieving(ClaimIndex(conn))
    assert list(ingested) == list(rebuilt) == store.load()
    assert [[c.id for c in ingested.near(claim)] for claim in store.load()] == [
        [c.id for c in rebuilt.near(claim)] for claim in store.load()]


def test_store_order_is_kept_by_the_build_and_each_update_not_read_from_every_file_by_each_check(store: Store) -> None:
    """Each check read a row of every store file to order ids (~70 ms at 3M claims, ~230 ms at 10M)."""

    def order_of(index: ClaimIndex) -> tuple[list[int], list[int], list[int], int, bool]:
        statements: list[str] = []
        index.conn.set_trace_callback(statements.append)
        order = index._order()
        index.conn.set_trace_callback(None)
        assert not any("FROM files" in sql for sql in statements), statements
        return list(order.firsts), list(order.lasts), list(order.positions), order.head_end, order.whole

    def from_files(index: ClaimIndex) -> tuple[list[int], list[int], list[int], int, bool]:
        order = query.IdOrder(index.conn.execute(
            "SELECT id, last_id, position FROM files WHERE position >= 0 ORDER BY id").fetchall())
        return list(order.firsts), list(order.lasts), list(order.positions), order.head_end, order.whole

    built = open_index(store)
    assert order_of(built) == from_files(built)
    _drop_first_source(store)
    updated = open_index(store)
    assert order_of(updated) == from_files(updated)
    updated.conn.execute("UPDATE meta SET value = value + 1 WHERE key = 'generation'")  # as another version's update
    assert query.IdOrder.kept(updated.conn) is None


def test_a_newer_figure_for_a_measure_worded_another_way_is_found_among_many_of_that_measure(tmp_path: Path) -> None:
    """Thirty reports' GDP in one wording, and the newest in another: finding the figure that replaced the
    2018 level (经济总量…突破90万亿元) must not depend on the wording, nor on how many figures share it."""
    import factcheck
    from factcheck.judge.verdict import latest_since

    (tmp_path / "factcheck.toml").write_text('sources = ["news"]\n', encoding="utf-8")
    news = tmp_path / "news"
    news.mkdir()
    for year in range(1989, 2018):
        (news / f"{year + 1}0305.md").write_text(
            f"---\ndate: {year + 1}-03-05\n---\n\n——经济运行保持在合理区间。{year}年国内生产总值增长7%，总量{year - 1900}万亿元。\n",
            encoding="utf-8")
    (news / "20190305.md").write_text(
        "---\ndate: 2019-03-05\n---\n\n——经济运行保持在合理区间。国内生产总值增长6.6%，总量突破90万亿元。\n", encoding="utf-8")
    (news / "20210305.md").write_text(
        "---\ndate: 2021-03-05\n---\n\n过去五年，我国经济社会发展取得新的历史性成就。经济运行总体平稳，国内生产总值从不到70万亿元"
        "增加到超过100万亿元。\n", encoding="utf-8")
    checker = factcheck.Checker.for_project(cwd=tmp_path)
    checker.ingest()
    index = _retrieving(open_index(Store(tmp_path / "claims")))
    index.top_k = 5  # fewer candidates than figures of the measure, as in an archive of decades
    old = next(c for c in index if c.text == "突破90万亿元")
    newer = latest_since(old, index)
    assert newer is not None and newer.text == "超过100万亿元"
