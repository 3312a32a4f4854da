"""The store never lies and never reaches outside: what an attacker's manifest, a kill and a cut file cannot do.

A manifest names files inside the store and nothing else; a writer killed at
any step of a write is made whole by one re-run, whatever the sources are by
then; a claims file cut short or emptied is found, and its source read again.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck.app.ingest import ingest
from factcheck.errors import StoreError
from factcheck.store.files import FileStorage, repair
from factcheck.store.folder import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def contents(store: Path) -> dict[str, bytes]:
    """The store as git sees it: every file but the derived index and the writers' lock."""
    return {p.name: p.read_bytes() for p in sorted(store.iterdir()) if p.is_file() and p.name != ".lock"}


def write_sources(project: Path, version: str) -> None:
    """The seeds as the project's sources; version B rewords one sentence in three of them."""
    news = project / "news"
    news.mkdir(parents=True, exist_ok=True)
    for i, seed in enumerate(SEEDS):
        text = seed.read_text(encoding="utf-8")
        if version == "B" and i % 2 == 0:
            text = text + f"\n新闻{i}：本报记者补充，园区新增企业{i + 3}家。\n"
        (news / seed.name).write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "seeds" / "sources.toml", news / "sources.toml")


def ingest_into(project: Path, store: str = "claims") -> None:
    ingest([project / "news"], FileStorage(project / store), project, workers=1)


def clean_store(tmp_path: Path, version: str) -> dict[str, bytes]:
    """What an uninterrupted ingest of these sources into an empty store writes."""
    project = tmp_path / f"clean-{version}"
    write_sources(project, version)
    ingest_into(project)
    return contents(project / "claims")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    write_sources(project, "A")
    ingest_into(project)
    return project


def _manifest(store: Path) -> dict:
    return json.loads((store / "manifest.json").read_text(encoding="utf-8"))


def _set_manifest(store: Path, manifest: dict) -> None:
    (store / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


# --- a manifest names files inside the store, and nothing else ------------------------------------

@pytest.mark.parametrize("named", ["../../victim.txt", "/{victim}", "sub/dir.jsonl", "..jsonl", ".hidden.jsonl"])
def test_a_manifest_entry_naming_a_file_outside_the_store_is_corrupt_and_never_followed(project, named, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("an editor's notes, not ours to read or delete\n", encoding="utf-8")
    store = project / "claims"
    manifest = _manifest(store)
    source = sorted(manifest["sources"])[0]
    manifest["sources"][source]["file"] = named.format(victim=victim)
    _set_manifest(store, manifest)

    with pytest.raises(StoreError, match=r"corrupt manifest .*not a claims file in the store"):
        Store(store).load()
    done = repair(Store(store), project)
    assert victim.read_text(encoding="utf-8").startswith("an editor's notes"), "repair deleted a file outside the store"
    assert source in done.reread and any("dropped" in note for note in done.notes)
    ingest([project / s for s in done.reread], FileStorage(store), project, workers=1)
    assert all(e["file"].endswith(".jsonl") and "/" not in e["file"] for e in _manifest(store)["sources"].values())


def test_repair_never_reads_a_source_named_outside_the_project(project, tmp_path):
    store = project / "claims"
    manifest = _manifest(store)
    entry = manifest["sources"].pop(sorted(manifest["sources"])[0])
    entry["sha256"] = ""  # taken back: its source must be read again
    manifest["sources"]["../outside.txt"] = entry
    _set_manifest(store, manifest)
    (tmp_path / "outside.txt").write_text("平湖经开区新增企业99家。\n", encoding="utf-8")
    done = repair(Store(store), project)
    assert "../outside.txt" not in done.reread
    assert any("not a path inside the project" in note for note in done.notes)


# --- a claims file cut short or emptied is found ----------------------------------------------------

@pytest.mark.parametrize("cut", ["a line short", "emptied"], ids=["line-boundary", "emptied"])
def test_a_claims_file_cut_at_a_line_boundary_is_found_by_repair_and_read_again(project, tmp_path, cut):
    store = project / "claims"
    whole = contents(store)
    victim = store / sorted(_manifest(store)["sources"].values(), key=lambda e: e["file"])[1]["file"]
    lines = victim.read_bytes().splitlines(keepends=True)
    victim.write_bytes(b"".join(lines[:-1]) if cut == "a line short" else b"")
    done = repair(Store(store), project)
    assert any(victim.name in note and "read again" in note for note in done.notes), done.notes
    ingest([project / s for s in done.reread], FileStorage(store), project, workers=1)
    assert contents(store) == whole


def test_an_ingest_reads_again_a_source_whose_claims_file_was_cut_short(project):
    store = project / "claims"
    whole = contents(store)
    victim = store / sorted(_manifest(store)["sources"].values(), key=lambda e: e["file"])[2]["file"]
    victim.write_bytes(b"".join(victim.read_bytes().splitlines(keepends=True)[:-2]))
    ingest_into(project)
    assert contents(store) == whole


def test_an_entry_written_before_claims_files_were_hashed_is_checked_by_its_count(project):
    store = project / "claims"
    manifest = _manifest(store)
    for entry in manifest["sources"].values():
        del entry["claims_sha256"]
    _set_manifest(store, manifest)
    assert set(FileStorage(store).hashes(manifest["sources"])) == set(manifest["sources"])
    victim = store / sorted(manifest["sources"].values(), key=lambda e: e["file"])[0]["file"]
    victim.write_bytes(b"".join(victim.read_bytes().splitlines(keepends=True)[:-1]))
    assert len(FileStorage(store).hashes(manifest["sources"])) == len(manifest["sources"]) - 1


# --- a writer killed at any step of its write --------------------------------------------------------

def _steps_of(work: Callable[[], None]) -> int:
    """How many file operations (renames and deletions) a write makes: each is a point it can be killed at."""
    counted = [0]
    real_replace, real_unlink = os.replace, os.unlink

    def replace(*a, **k):  # type: ignore[no-untyped-def]
        counted[0] += 1
        return real_replace(*a, **k)

    def unlink(*a, **k):  # type: ignore[no-untyped-def]
        counted[0] += 1
        return real_unlink(*a, **k)

    os.replace, os.unlink = replace, unlink
    try:
        work()
    finally:
        os.replace, os.unlink = real_replace, real_unlink
    return counted[0]


def _killed_at(step: int, work: Callable[[], None]) -> None:
    """Run `work` in a forked process that dies, as under kill -9, just before its `step`th file operation."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        counted = [0]
        real_replace, real_unlink = os.replace, os.unlink

        def maybe_die() -> None:
            counted[0] += 1
            if counted[0] == step:
                os._exit(137)  # no finally, no cleanup: what SIGKILL leaves

        def replace(*a, **k):  # type: ignore[no-untyped-def]
            maybe_die()
            return real_replace(*a, **k)

        def unlink(*a, **k):  # type: ignore[no-untyped-def]
            maybe_die()
            return real_unlink(*a, **k)

        os.replace, os.unlink = replace, unlink
        try:
            work()
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) in (0, 137)


@pytest.mark.slow
@pytest.mark.parametrize("then", ["A", "B"], ids=["sources-back-to-the-old-version", "sources-as-written"])
def test_an_ingest_killed_at_every_step_of_its_write_is_made_whole_by_one_rerun(tmp_path, then):
    """The store holds version A; an ingest of version B is killed before each of its file operations in turn;
    the sources are then A again (or still B), and one ingest gives what an uninterrupted one gives."""
    expected = clean_store(tmp_path, then)
    reference = tmp_path / "reference"
    write_sources(reference, "A")
    ingest_into(reference)
    write_sources(reference, "B")
    probe = tmp_path / "probe"
    shutil.copytree(reference, probe)
    steps = _steps_of(lambda: ingest_into(probe))
    assert steps >= 4, "the write renames each changed file and the manifest"
    for step in range(1, steps + 1):
        project = tmp_path / f"killed-{step}"
        shutil.copytree(reference, project)
        _killed_at(step, lambda p=project: ingest_into(p))  # type: ignore[misc]
        write_sources(project, then)
        ingest_into(project)
        assert contents(project / "claims") == expected, f"killed before file operation {step} of {steps}"


# --- checks and ingests at once ----------------------------------------------------------------------

def test_a_rebuilt_index_never_shares_a_journal_with_the_file_a_reader_still_has_open(project):
    """A check reads the index while another process rebuilds it and a third writes to the new one.

    SQLite names a rollback journal after the database's path: had the rebuild been renamed over the
    old file, the reader would take the writer's journal for a hot journal of its own file and roll
    the wrong pages back ("disk I/O error", or a corrupt index). Each build has a file of its own.
    """
    import sqlite3

    from factcheck.store.index import index_path, open_index
    from factcheck.store.index.build import rebuild_file

    store = Store(project / "claims")
    reader = open_index(store)
    expected = store.load()
    assert list(reader) == expected
    old = index_path(store)
    new = rebuild_file(store, old)  # another check compacting the index
    writer = sqlite3.connect(new or old, timeout=1)
    writer.execute("PRAGMA cache_size = 2")  # pages spill before commit: the journal is synced, hot to a stranger
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE paragraphs SET text = text || ' '")
    journal = Path(f"{new or old}-journal")
    assert journal.exists()
    reader._claims.clear()
    reader._paragraphs.clear()
    assert [c.id for c in reader._every()] == [c.id for c in expected]
    assert journal.exists(), "the reader took the writer's journal for a hot one of its own file and rolled it back"
    writer.rollback()
    writer.close()
    reader.close()
    assert list(open_index(store)) == expected
    assert new != old and index_path(store) == new


def test_an_index_row_another_process_removed_meanwhile_is_no_internal_error(project):
    """A look at the store reads what the index knows once: an update landing between two reads of it
    ('NoneType' object is not subscriptable) cannot break the check."""
    import sqlite3

    from factcheck.store.index import index_path, open_index
    from factcheck.store.index.freshness import detect_changes

    store = Store(project / "claims")
    open_index(store).close()
    conn = sqlite3.connect(index_path(store))
    victim = sorted(store.root.glob("*.jsonl"))[0]
    os.utime(victim, ns=(victim.stat().st_atime_ns, victim.stat().st_mtime_ns + 10_000_000_000))  # a stat that cannot vouch
    real_execute = sqlite3.Connection.execute
    removed = []

    class Racing(sqlite3.Connection):
        def execute(self, sql, *args):  # type: ignore[no-untyped-def, override]
            cursor = real_execute(self, sql, *args)
            if sql.startswith("SELECT name, size") and not removed:  # another process's update lands now
                rows = cursor.fetchall()
                other = sqlite3.connect(index_path(store))
                other.execute("DELETE FROM files WHERE name = ?", (victim.name,))
                other.commit()
                other.close()
                removed.append(victim.name)
                return iter(rows)
            return cursor

    conn.close()
    racing = sqlite3.connect(index_path(store), factory=Racing)
    changes = detect_changes(store, racing)
    assert removed and victim.name not in changes.changed
    racing.close()


# --- the same claims, whatever the order they were written in -----------------------------------------

def _cut_seeds(folder: Path, copies: int = 4) -> list[Path]:
    """The seeds as many short articles, each printed by several papers: figures that tie for a place
    among a figure's candidates, so which of them a store hands over is down to its order."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for copy in range(copies):
        for seed in SEEDS:
            lines = [line for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
            for start in range(0, len(lines), 5):
                path = folder / f"{copy}_{seed.stem[:3]}_{start:03d}.txt"
                path.write_text(f"---\ndate: 2025-0{copy + 3}-30\n---\n" + "\n".join(lines[start : start + 5]) + "\n",
                                encoding="utf-8")
                made.append(path)
    return made


def _findings(project: Path, draft: Path, monkeypatch) -> list[tuple]:
    import factcheck.store.index.query as query
    from factcheck.api import Checker

    # Rank through the postings, as a store of thousands of claims does, and keep few: the copies of a
    # figure then compete for the last places, as thousands of near figures do in an archive.
    made = query.PostingsStore.__init__

    def few(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        made(self, *args, **kwargs)
        self.scan_below, self.top_k = 0, 3

    monkeypatch.setattr(query.PostingsStore, "__init__", few)
    report = Checker.for_project(cwd=project).report([str(draft)])
    return [(f.line, f.column, f.verdict, f.message, tuple((e.source, e.line, e.column) for e in f.evidence), f.reasons)
            for f in report.findings]


@pytest.mark.slow
@pytest.mark.parametrize("history", ["reverse-batches", "replaced-and-restored"])
def test_the_same_claims_give_the_same_findings_however_the_store_was_written(tmp_path, history, monkeypatch):
    draft = tmp_path / "draft.md"
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in SEEDS)
    draft.write_text("---\ndate: 2026-03-05\n---\n\n" + seeds.replace("98亿元", "89亿元").replace("1900", "2000"),
                     encoding="utf-8")
    results = []
    for way in ("at-once", history):
        project = tmp_path / way
        (project / "factcheck.toml").parent.mkdir(parents=True)
        (project / "factcheck.toml").write_text('sources = ["news"]\n', encoding="utf-8")
        files = _cut_seeds(project / "news")
        if way == "at-once":
            ingest_into(project)
        elif way == "reverse-batches":
            keep = {p: p.read_bytes() for p in files}
            for p in files:
                p.unlink()
            ordered = sorted(keep, reverse=True)
            for batch in (ordered[:40], ordered[40:100], ordered[100:]):
                for p in batch:
                    p.write_bytes(keep[p])
                ingest_into(project)
        else:
            ingest_into(project)
            keep = {p: p.read_bytes() for p in files[::7]}
            for p in keep:
                p.write_text(p.read_text(encoding="utf-8") + "园区今年新增企业12家，完成投资3.5亿元。\n", encoding="utf-8")
            ingest_into(project)
            for p, data in keep.items():
                p.write_bytes(data)
            ingest_into(project)
        results.append(_findings(project, draft, monkeypatch))
    assert len(results[0]) > 100
    assert results[1] == results[0]


# --- crashes on hostile input (#30 item 6) ---------------------------------------------------------

def test_a_claim_record_with_a_number_no_column_holds_is_corrupt_and_repair_reads_its_source_again(project):
    store = project / "claims"
    whole = contents(store)
    victim = store / sorted(_manifest(store)["sources"].values(), key=lambda e: e["file"])[0]["file"]
    lines = victim.read_text(encoding="utf-8").splitlines(keepends=True)
    record = json.loads(lines[0])
    record["line"] = 1 << 63  # one past what SQLite's INTEGER (and PostgreSQL's bigint) holds
    lines[0] = json.dumps(record, ensure_ascii=False) + "\n"
    victim.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(StoreError, match="corrupt claim record"):
        Store(store).load()
    done = repair(Store(store), project)
    ingest([project / s for s in done.reread], FileStorage(store), project, workers=1)
    assert contents(store) == whole


def test_a_lone_surrogate_in_a_draft_reads_as_a_replacement_character_not_a_crash():
    import datetime as dt

    from factcheck.api import check_text
    from factcheck.store.protocol import ClaimList

    found = check_text("增长\ud800 5%，平湖经开区产值98亿元\udfff。", ClaimList.of([]), dt.date(2026, 1, 1))
    assert [f.text for f in found] == ["5%", "98亿元"]


# --- secrets (#30 item 11) ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "url, shown",
    [
        ("postgresql://editor:s3cret@db.example:5432/news", "postgresql://editor@db.example:5432/news"),
        ("postgresql://editor:s3cret@db.example:abc/news", "postgresql://editor@db.example:abc/news"),
        ("postgresql://db.example/news?sslmode=require&password=s3cret", "postgresql://db.example/news?sslmode=require&password=***"),
    ],
)
def test_a_store_url_is_shown_without_its_password_wherever_it_is_written(url, shown):
    from factcheck.store.protocol import redacted

    assert redacted(url) == shown and "s3cret" not in redacted(url)


# --- every path the project's config or store names stays inside the project (#30 item 10) ----------

def test_a_configured_accept_file_outside_the_project_is_refused_before_anything_is_written(tmp_path, monkeypatch, capsys):
    from factcheck.cli import main

    project = tmp_path / "project"
    project.mkdir()
    (project / "factcheck.toml").write_text('accept-file = "../victim.toml"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["accept", "draft.md"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'accept-file' = '../victim.toml' is outside the project" in err
    assert not (tmp_path / "victim.toml").exists()


def test_the_projects_store_takes_in_no_source_from_outside_the_project_unless_a_store_is_named(project, tmp_path, monkeypatch, capsys):
    from factcheck.cli import main

    elsewhere = tmp_path / "elsewhere.txt"
    shutil.copy(SEEDS[0], elsewhere)
    monkeypatch.chdir(project)
    before = contents(project / "claims")
    for named in (str(elsewhere), "../elsewhere.txt"):
        assert main(["ingest", named]) == 2
        assert "outside the project" in capsys.readouterr().err
    assert contents(project / "claims") == before
    assert main(["ingest", str(elsewhere), "--store", str(tmp_path / "mine")]) == 0  # a store of one's own may


@pytest.mark.parametrize("source", ["../../victim.txt", "/etc/passwd", "news/../../x.txt", "C:\\\\x.txt"])
def test_an_import_naming_a_source_outside_a_project_is_refused_whole(project, tmp_path, monkeypatch, capsys, source):
    from factcheck.cli import main

    incoming = tmp_path / "incoming"
    shutil.copytree(project / "claims", incoming, ignore=shutil.ignore_patterns(".index", ".lock"))
    manifest = _manifest(incoming)
    first = next(iter(manifest["sources"]))
    manifest["sources"][source] = manifest["sources"].pop(first)
    _set_manifest(incoming, manifest)
    monkeypatch.chdir(project)
    before = contents(project / "claims")
    assert main(["store", "import", str(incoming)]) == 2
    assert "is not a path inside a project; nothing imported" in capsys.readouterr().err
    assert contents(project / "claims") == before


def test_a_figure_of_more_digits_than_a_decimal_holds_with_a_fraction_is_reported_not_a_crash(capsys):
    """Hypothesis found it in a fresh clone's run: 25 digits and a fraction broke the report's rounding."""
    from decimal import Decimal

    from factcheck.record.codec import _num

    assert _num(Decimal("10000100002310110001100.01")) == float("10000100002310110001100.01")
    assert _num(Decimal("12.3456789")) == 12.345679
