"""The claims store through the command line: ingest, browse, and every bad input as one line and exit 2.

Every test works in a scratch project (a copy of seeds/ under tmp_path);
the committed claims/ is only ever read.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, run

from factcheck.app.config import load_config
from factcheck.app.ingest import ingest
from factcheck.cli import main
from factcheck.errors import ExitCode
from factcheck.reading.source import read_document
from factcheck.record.codec import claim_to_record
from factcheck.store.folder import Store

JINSHANG = "津上精密机床（浙江）有限公司经过10次增资，形成总投资超2亿美元、用地213亩、员工1900名的经营规模，是国内最大的外资机床企业。"
ZONE_2025 = "2025年，平湖经开24家规模以上数控机床企业实现产值98亿元，同比增长8.1%。"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in a store folder, by name, as bytes (not the writers' lock: it is no part of the store)."""
    if not folder.is_dir():
        return {}
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.name != ".lock"}


def identities(folder: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime) per file: an atomic rewrite changes both, even with the same bytes."""
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="session")
def ingested_once(tmp_path_factory) -> Path:
    """The seeds' project after one `factcheck ingest`, made once per test session."""
    folder = tmp_path_factory.mktemp("ingested")
    shutil.copytree(SEEDS, folder / "seeds")
    shutil.copy(ROOT / "pyproject.toml", folder / "pyproject.toml")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        assert main(["ingest"]) == ExitCode.OK
    return folder


@pytest.fixture
def project(seed_project, ingested_once, monkeypatch, capsys) -> Path:
    """A scratch project whose claims/ already holds the five seeds (a copy of one ingest: copy2 keeps the
    sizes and mtimes the index's freshness reads)."""
    shutil.copytree(ingested_once, seed_project, dirs_exist_ok=True)
    monkeypatch.chdir(seed_project)
    capsys.readouterr()
    return seed_project


def test_the_committed_store_is_read_only_while_tests_run(readonly_claims):
    for path in [readonly_claims, *(p for p in readonly_claims.iterdir() if p.is_file())]:
        assert not stat.S_IMODE(path.stat().st_mode) & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH), path


# --- the store ------------------------------------------------------------------------------------

def test_every_seed_claim_survives_a_round_trip_through_the_store(tmp_store, seed_claims):
    for claims in seed_claims.values():
        tmp_store.write_source(claims[0].source, claims)
    loaded = tmp_store.load()  # no manifest: every .jsonl file, in name order
    written = [c for seed in sorted(seed_claims) for c in seed_claims[seed]]
    assert [claim_to_record(c) for c in loaded] == [claim_to_record(c) for c in written]
    # values come back exact: 1.59亿美元 is 159000000, 8.1% is 8.1
    assert [(c.value, c.low, c.high, c.period) for c in loaded] == [(c.value, c.low, c.high, c.period) for c in written]


def test_the_library_ingest_reports_what_it_wrote_and_skipped(seed_project, tmp_store):
    first = ingest([seed_project / "seeds"], tmp_store, seed_project)
    assert (first.sources, first.skipped, first.errors) == (5, 0, ())
    assert sorted(first.written) == [f"seeds/{p.name}" for p in sorted((seed_project / "seeds").glob("*.txt"))]
    assert first.claims == len(tmp_store.load())
    again = ingest([seed_project / "seeds"], tmp_store, seed_project)
    assert (again.skipped, again.written, again.claims) == (5, (), first.claims)


def test_ingest_reports_its_speed_in_claims_read_per_second(seed_project, tmp_store):
    first = ingest([seed_project / "seeds"], tmp_store, seed_project)
    assert first.extracted == first.claims > 0 and first.seconds > 0
    assert first.claims_per_second == first.extracted / first.seconds
    again = ingest([seed_project / "seeds"], tmp_store, seed_project)
    assert (again.extracted, again.claims_per_second) == (0, 0.0)  # nothing read, no rate to speak of


def test_ingest_names_each_phase_as_it_starts_and_counts_sources_while_reading(seed_project, tmp_store):
    """The bar sat at 100% for the last 5 s of 12 (building the index) with no label: each step has a name."""
    from factcheck.app.ingest import PHASES

    heard: list[object] = []
    ingest([seed_project / "seeds"], tmp_store, seed_project, progress=lambda n, total: heard.append((n, total)),
           phase=heard.append)
    assert [h for h in heard if isinstance(h, str)] == list(PHASES) == [
        "reading sources", "extracting claims", "writing the store", "building the index"
    ]
    counted = heard[heard.index("extracting claims") + 1:heard.index("writing the store")]
    assert counted == [(1, 5)] * 5  # the five seeds, counted while they are extracted

    heard.clear()  # nothing changed: the sources are read, none extracted, and the index is checked
    ingest([seed_project / "seeds"], tmp_store, seed_project, progress=lambda n, total: None, phase=heard.append)
    assert heard == ["reading sources", "writing the store", "building the index"]


def test_the_terminal_bar_shows_each_phase_by_name(monkeypatch):
    import io

    from rich.console import Console

    from factcheck.app.ingest import PHASES
    from factcheck.cli import COUNTED_PHASES, _ingest_progress

    assert COUNTED_PHASES == PHASES[:2]
    screen = io.StringIO()
    with _ingest_progress(Console(file=screen, force_terminal=True, width=100)) as (tick, phase):
        for name in PHASES:
            phase(name)
            if name in COUNTED_PHASES:
                tick(1, 2)
    for name in PHASES:
        assert name in screen.getvalue()
    with _ingest_progress(Console(file=io.StringIO(), force_terminal=False)) as (tick, phase):
        assert (tick, phase) == (None, None)  # a pipe or CI: no bar, no callbacks


# --- ingest --------------------------------------------------------------------------------------

def test_ingesting_the_seeds_reproduces_the_committed_store_byte_for_byte(seed_project, monkeypatch, capsys, project_root):
    monkeypatch.chdir(seed_project)
    code, out, err = run(capsys, "ingest")
    assert (code, out) == (ExitCode.OK, "")
    assert "claims store" in err and "claims/s" in err
    assert snapshot(seed_project / "claims") == snapshot(project_root / "claims")


def test_a_second_ingest_skips_every_source_and_rewrites_nothing(project, capsys):
    before, written = snapshot(project / "claims"), identities(project / "claims")
    code, out, _ = run(capsys, "ingest")
    assert (code, out) == (ExitCode.OK, "")
    assert snapshot(project / "claims") == before
    assert identities(project / "claims") == written
    report = ingest([project / "seeds"], Store(project / "claims"), project, bodies=load_config(cwd=project).bodies)
    assert (report.sources, report.skipped, report.written, report.errors) == (5, 5, (), ())
    assert report.claims == sum(len(b.splitlines()) for name, b in before.items() if name.endswith(".jsonl"))


def test_force_rewrites_every_source_with_the_same_bytes(project, capsys):
    before = snapshot(project / "claims")
    assert run(capsys, "ingest", "--force")[0] == ExitCode.OK
    assert snapshot(project / "claims") == before


def test_an_edited_source_is_the_only_one_rewritten(project, capsys):
    seed = next((project / "seeds").glob("003_*.txt"))
    seed.write_text(seed.read_text(encoding="utf-8") + "\n去年，平湖经开新引进项目12个。\n", encoding="utf-8")
    before = identities(project / "claims")
    assert run(capsys, "ingest")[0] == ExitCode.OK
    after = identities(project / "claims")
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"seeds__003_3672568778ba32ba.txt.jsonl", "manifest.json"}
    added = [c for c in Store(project / "claims").load() if c.text == "12个" and c.source.startswith("seeds/003")]
    assert [(c.sentence, c.period.label) for c in added] == [("去年，平湖经开新引进项目12个。", "去年")]


def test_a_new_publication_date_re_extracts_the_source(project, capsys):
    toml = project / "seeds" / "sources.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('date = "2023-07-15"', 'date = "2024-07-15"'), encoding="utf-8")
    assert run(capsys, "ingest")[0] == ExitCode.OK
    manifest = json.loads((project / "claims" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["sources"]["seeds/004_bbd399b75d63cd0b.txt"]["published"] == "2024-07-15"
    output = next(c for c in Store(project / "claims").load() if c.text == "1.5亿元" and c.source.endswith("004_bbd399b75d63cd0b.txt"))
    assert (output.period.start.isoformat(), output.period.end.isoformat()) == ("2024-01-01", "2024-06-30")


def test_a_deleted_store_file_is_rewritten_by_the_next_ingest(project, capsys):
    before = snapshot(project / "claims")
    (project / "claims" / "seeds__002_0bfc2728c4c24ec3.txt.jsonl").unlink()
    assert run(capsys, "ingest")[0] == ExitCode.OK
    assert snapshot(project / "claims") == before


def test_a_second_ingest_with_the_same_date_skips_too(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("article.txt").write_text(ZONE_2025, encoding="utf-8")
    assert run(capsys, "ingest", "article.txt", "--date", "2026-01-20")[0] == ExitCode.OK
    written = identities(tmp_path / "claims")
    assert run(capsys, "ingest", "article.txt", "--date", "2026-01-20")[0] == ExitCode.OK
    assert identities(tmp_path / "claims") == written


def test_store_files_get_the_usual_permissions(seed_project, monkeypatch, capsys):
    monkeypatch.chdir(seed_project)
    old = os.umask(0o022)
    try:
        assert run(capsys, "ingest")[0] == ExitCode.OK
    finally:
        os.umask(old)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in (seed_project / "claims").iterdir() if p.is_file()}
    assert set(modes.values()) == {0o644}, modes


def test_a_gbk_source_is_read_as_chinese(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("gbk.txt").write_text("平湖日报\n\n" + JINSHANG + "\n", encoding="gbk")
    assert read_document(Path("gbk.txt"), date=None, require_date=False).encoding == "gb18030"
    assert run(capsys, "ingest", "gbk.txt", "--date", "2023-05-20")[0] == ExitCode.OK
    claims = {c.text: c for c in Store(tmp_path / "claims").load()}
    staff = claims["1900名"]
    assert (staff.value, staff.unit, staff.sentence) == (1900, "名", JINSHANG)
    assert staff.subject.startswith("津上精密")
    assert (staff.line, staff.column) == (3, JINSHANG.index("1900名") + 1)
    assert claims["超2亿美元"].unit == "USD"


def test_a_markdown_source_takes_its_date_from_front_matter(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("review.md").write_text(
        "---\ntitle: 平湖经开年度回顾\ndate: 2026-01-20\n---\n\n# 平湖经开数控机床产业实现链式跃升\n\n"
        + ZONE_2025
        + "\n\n今年1月，津上精密实现产值3.22亿元。\n",
        encoding="utf-8",
    )
    # front matter wins over --date
    assert run(capsys, "ingest", "review.md", "--date", "2020-01-01")[0] == ExitCode.OK
    manifest = json.loads((tmp_path / "claims" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["sources"]["review.md"]["published"] == "2026-01-20"
    assert manifest["sources"]["review.md"]["date_inferred"] is False
    claims = {c.text: c for c in Store(tmp_path / "claims").load()}
    output = claims["98亿元"]
    assert (output.published.isoformat(), output.line, output.column) == ("2026-01-20", 8, ZONE_2025.index("98亿元") + 1)
    assert output.period.label == "2025年"
    january = claims["3.22亿元"].period
    assert (january.start.isoformat(), january.end.isoformat()) == ("2026-01-01", "2026-01-31")
    assert "#" not in output.paragraph


# --- an interrupted write ---------------------------------------------------------------------------

def _edit_two_seeds(project: Path) -> None:
    for prefix, line in (("000", "今年，平湖经开新增规上企业15家。"), ("001", "2025年，平湖经开新增规上企业18家。")):
        seed = next((project / "seeds").glob(f"{prefix}_*.txt"))
        seed.write_text(seed.read_text(encoding="utf-8") + "\n" + line + "\n", encoding="utf-8")


def _replace_failing_at(monkeypatch, call: int, error: BaseException) -> None:
    real = os.replace
    calls = 0

    def replace(src, dst):
        nonlocal calls
        calls += 1
        if calls == call:
            raise error
        return real(src, dst)

    monkeypatch.setattr(os, "replace", replace)


def test_an_interrupted_write_leaves_the_old_store_whole(project, monkeypatch, capsys):
    old, old_claims = snapshot(project / "claims"), Store(project / "claims").load()
    _edit_two_seeds(project)
    _replace_failing_at(monkeypatch, 1, KeyboardInterrupt())
    code, _, err = run(capsys, "ingest")
    assert code == ExitCode.INTERRUPTED
    assert "Traceback" not in err
    assert snapshot(project / "claims") == old  # no temporary file left behind either
    assert Store(project / "claims").load() == old_claims
    monkeypatch.undo()
    monkeypatch.chdir(project)
    assert run(capsys, "ingest")[0] == ExitCode.OK
    assert {"15家", "18家"} <= {c.text for c in Store(project / "claims").load()}


@pytest.mark.parametrize("failing_call", [1, 2, 3])
def test_a_write_interrupted_anywhere_leaves_every_store_file_old_or_new_never_torn(project, failing_call, monkeypatch, capsys):
    old = snapshot(project / "claims")
    _edit_two_seeds(project)
    _replace_failing_at(monkeypatch, failing_call, KeyboardInterrupt())
    assert run(capsys, "ingest")[0] == ExitCode.INTERRUPTED
    interrupted = snapshot(project / "claims")
    Store(project / "claims").load()  # readable
    monkeypatch.undo()
    monkeypatch.chdir(project)
    assert run(capsys, "ingest")[0] == ExitCode.OK  # and the next ingest finishes the job
    new = snapshot(project / "claims")
    assert interrupted.keys() == old.keys() == new.keys()
    for name, content in interrupted.items():
        assert content in (old[name], new[name]), name


def test_a_failing_disk_is_one_line_exit_2_and_the_old_store(project, monkeypatch, capsys):
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    old = snapshot(project / "claims")
    _edit_two_seeds(project)
    target = str(project / "claims" / "seeds__000_c16f9ac0725775b3.txt.jsonl")
    _replace_failing_at(monkeypatch, 1, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), target))
    code, out, err = run(capsys, "ingest")
    assert (code, out) == (ExitCode.ERROR, "")
    assert len(err.splitlines()) == 1 and err.startswith("factcheck: ") and "Traceback" not in err
    assert "seeds__000_c16f9ac0725775b3.txt.jsonl" in err
    assert snapshot(project / "claims") == old


# --- claims ----------------------------------------------------------------------------------------

def test_claims_jsonl_prints_every_claim_as_one_json_object_per_line(project_root, monkeypatch, capsys):
    monkeypatch.chdir(project_root)
    code, out, err = run(capsys, "claims", "--format", "jsonl")
    assert (code, err) == (ExitCode.OK, "")
    records = [json.loads(line) for line in out.splitlines()]
    assert all(isinstance(r, dict) for r in records)
    assert [r["id"] for r in records] == [c.id for c in Store(project_root / "claims").load()]
    assert out.endswith("\n") and out.count("\n") == len(records)


def test_claims_filters_by_source_and_subject(project_root, monkeypatch, capsys):
    monkeypatch.chdir(project_root)
    code, out, _ = run(capsys, "claims", "--source", "004", "--subject", "津上精密", "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == ExitCode.OK and records
    assert all("004" in r["source"] and r["subject"].startswith("津上精密") for r in records)
    assert {"11370万美元", "30850万美元", "2000余名"} <= {r["text"] for r in records}


def test_claims_query_finds_a_figure_and_the_table_counts_what_jsonl_prints(project_root, monkeypatch, capsys):
    monkeypatch.chdir(project_root)
    monkeypatch.setenv("COLUMNS", "200")
    _, out, _ = run(capsys, "claims", "98亿元", "--source", "001", "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert "98亿元" in {r["text"] for r in records}
    assert all("98亿元" in r["text"] + r["sentence"] for r in records)
    code, table, err = run(capsys, "claims", "98亿元", "--source", "001")
    assert code == ExitCode.OK
    assert err.strip() == f"{len(records)} claims"
    assert "98亿元" in table and "9800000000" in table and "平湖经开" in table


# --- bad input: one line, exit 2, the store untouched -------------------------------------------------

SEED_001_FILE = "seeds__001_09746f9734a70c8c.txt.jsonl"
SEED_002_FILE = "seeds__002_0bfc2728c4c24ec3.txt.jsonl"


def _corrupt_line(project: Path, line: int, text: str) -> None:
    path = project / "claims" / SEED_002_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[line - 1] = text
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _write(files: dict[str, bytes]):
    def setup(project: Path) -> None:
        for name, content in files.items():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            (project / name).write_bytes(content)

    return setup


DATED = ["--date", "2025-01-01"]
BAD_INPUT = [
    pytest.param(_write({}), ["ingest", "nowhere.txt"], "nowhere.txt", id="missing-path"),
    pytest.param(_write({"scans/page1.pdf": b"%PDF-1.7"}), ["ingest", "scans"], "scans", id="folder-without-sources"),
    pytest.param(_write({"page.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}), ["ingest", "page.txt", *DATED], "page.txt", id="binary"),
    pytest.param(_write({"empty.txt": b""}), ["ingest", "empty.txt", *DATED], "empty.txt", id="empty"),
    pytest.param(_write({"blank.txt": b" \n\n\t\n"}), ["ingest", "blank.txt", *DATED], "blank.txt", id="blank"),
    pytest.param(_write({"only.md": b"---\ndate: 2025-01-01\n---\n\n"}), ["ingest", "only.md"], "only.md", id="front-matter-only"),
    pytest.param(_write({"garbled.txt": b"\xff\xfe\x80\x81\xfe\xff"}), ["ingest", "garbled.txt", *DATED], "garbled.txt", id="undecodable"),
    pytest.param(
        _write({"latin1.txt": "café résumé naïve, déjà vu".encode("latin-1")}), ["ingest", "latin1.txt", *DATED], "latin1.txt",
        id="latin-1",
    ),
    pytest.param(
        _write({"undated.txt": ZONE_2025.replace("2025年，", "").encode()}), ["ingest", "undated.txt"], "undated.txt",
        id="no-date",
    ),
    pytest.param(
        _write({"more/sources.toml": b"[oops\n", "more/a.txt": ZONE_2025.encode()}), ["ingest", "more"], "sources.toml",
        id="bad-sources-toml",
    ),
    pytest.param(
        lambda p: _corrupt_line(p, 3, '{"id": "x", "text": '), ["claims", "--format", "jsonl"], f"{SEED_002_FILE}:3",
        id="corrupt-store-line",
    ),
    pytest.param(lambda p: _corrupt_line(p, 2, "[1, 2]"), ["claims"], f"{SEED_002_FILE}:2", id="store-line-not-an-object"),
    pytest.param(lambda p: _corrupt_line(p, 4, '{"id": "x"}'), ["claims"], f"{SEED_002_FILE}:4", id="store-line-missing-fields"),
    pytest.param(
        lambda p: (p / "claims" / "manifest.json").write_text("{", encoding="utf-8"), ["ingest"], "manifest.json",
        id="corrupt-manifest",
    ),
    pytest.param(
        lambda p: (p / "claims" / SEED_001_FILE).unlink(), ["claims"], SEED_001_FILE,
        id="store-file-missing",
    ),
    pytest.param(_write({}), ["claims", "--store", "no-store-here"], "no-store-here", id="no-store"),
    pytest.param(_write({}), ["ingest", "--bogus"], "--bogus", id="unknown-option"),
    pytest.param(_write({}), ["claims", "--format", "xml"], "xml", id="unknown-format"),
    pytest.param(_write({}), ["ingest", "seeds", "--date", "yesterday"], "yesterday", id="bad-date-option"),
]


@pytest.mark.parametrize("setup, args, named", BAD_INPUT)
def test_bad_input_is_one_line_naming_it_exit_2_and_the_store_untouched(setup, args, named, project, monkeypatch, capsys):
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    setup(project)
    before = snapshot(project / "claims")
    code, out, err = run(capsys, *args)
    assert code == ExitCode.ERROR
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert err.startswith("factcheck: ") and "Traceback" not in err
    assert named in err
    assert snapshot(project / "claims") == before


def test_one_bad_file_in_a_folder_is_named_and_the_rest_is_ingested_keeping_the_store(project, monkeypatch, capsys):
    """Issue #28: an unreadable source is one line and exit 2, and does not hold back the folder's others."""
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    _write({"batch/a_good.txt": ZONE_2025.encode(), "batch/b_bad.txt": b"\x00\x01"})(project)
    before = snapshot(project / "claims")
    code, out, err = run(capsys, "ingest", "batch", *DATED)
    assert code == ExitCode.ERROR and out == ""
    assert [line for line in err.splitlines() if line.startswith("factcheck: ")] == [
        "factcheck: batch/b_bad.txt: binary file (contains NUL bytes), not a text article (UTF-16 needs a byte-order mark)"]
    assert "Traceback" not in err
    after = snapshot(project / "claims")
    assert {k: v for k, v in after.items() if k in before and k != "manifest.json"} == {
        k: v for k, v in before.items() if k != "manifest.json"}  # nothing already there lost or changed
    assert {c.source for c in Store(project / "claims").load()} >= {"batch/a_good.txt"}


@pytest.mark.parametrize(
    "record_change",
    [
        pytest.param({"value": "abc"}, id="value-not-a-number"),
        pytest.param({"value": None}, id="value-null"),
        pytest.param({"value": "Infinity"}, id="value-infinite"),
        pytest.param({"value": "NaN"}, id="value-nan"),
    ],
)
def test_a_record_with_a_bad_value_is_a_corrupt_line_named_by_file_and_line(record_change, project, monkeypatch, capsys):
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    path = project / "claims" / SEED_002_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = json.dumps(json.loads(lines[2]) | record_change, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "claims", "--format", "jsonl")
    assert (code, out) == (ExitCode.ERROR, "")
    assert f"{SEED_002_FILE}:3" in err and len(err.splitlines()) == 1


def test_a_bad_front_matter_date_names_the_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("review.md").write_text("---\ndate: 2026-13-45\n---\n\n" + ZONE_2025 + "\n", encoding="utf-8")
    code, _, err = run(capsys, "ingest", "review.md")
    assert code == ExitCode.ERROR
    assert "review.md" in err
