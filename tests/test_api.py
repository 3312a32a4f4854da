"""The library API, called as a newsroom's own tool would call it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import factcheck
from factcheck.errors import StoreError

ROOT = Path(__file__).resolve().parent.parent


def test_check_text_gives_each_figure_its_verdict_and_evidence() -> None:
    with factcheck.open_store(ROOT / "claims") as store:
        found = factcheck.check_text("平湖技师学院毕业生就业率连续多年稳定在98.2%。", store, published=dt.date(2026, 3, 5))
    assert [(f.text, f.verdict, f.code) for f in found] == [("98.2%", "contradicted", "FC001")]
    evidence = found[0].evidence[0]
    assert isinstance(evidence, factcheck.Claim) and evidence.source.startswith("seeds/") and "96.2%" in evidence.sentence
    record = factcheck.claim_to_record(evidence)
    assert json.loads(json.dumps(record, ensure_ascii=False))["text"] == "96.2%"


def test_check_text_reads_front_matter_like_any_draft() -> None:
    text = "---\ndate: 2023-07-15\n---\n津上精密机床（浙江）有限公司经过10次增资，现有员工1900名。\n"
    with factcheck.open_store(ROOT / "claims") as store:
        assert {f.verdict for f in factcheck.check_text(text, store)} == {"stale"}
    assert factcheck.read_text(text).published == dt.date(2023, 7, 15)


def test_the_same_verdicts_as_the_command_line(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.cli import main

    draft = ROOT / "examples" / "draft_pinghu_review.md"
    monkeypatch.chdir(ROOT)
    main(["check", str(draft), "--format", "json"])
    cli = [(f["line"], f["column"], f["verdict"]) for f in json.loads(capsys.readouterr().out)["findings"]]
    with factcheck.open_store(ROOT / "claims") as store:
        api = [(f.line, f.column, f.verdict) for f in factcheck.check_text(draft.read_text("utf-8"), store)]
    assert api == cli


def test_opening_a_missing_store_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no claims store here"), factcheck.open_store(tmp_path / "nowhere"):
        pass


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        _ = factcheck.check_everything


def test_a_plain_list_of_claims_is_a_store_too() -> None:
    with factcheck.open_store(ROOT / "claims") as store:
        claims = list(store)
    found = factcheck.check_text("平湖技师学院毕业生就业率连续多年稳定在98.2%。", claims, published=dt.date(2026, 3, 5))
    assert [f.verdict for f in found] == ["contradicted"]


# --- a Checker: a project's configuration, its store, and its caches ---------------------------

def test_a_checker_finds_its_project_by_its_config_and_checks_a_sentence_against_its_store() -> None:
    with factcheck.Checker.for_project(cwd=ROOT / "examples") as checker:
        assert checker.root == ROOT
        found = checker.check_text("平湖技师学院毕业生就业率连续多年稳定在98.2%。", published=dt.date(2026, 3, 5))
    assert [(f.text, f.verdict) for f in found] == [("98.2%", "contradicted")]


def test_a_checker_applies_the_drafts_ignore_comments_as_the_command_line_does() -> None:
    text = "平湖技师学院毕业生就业率连续多年稳定在98.2%。<!-- factcheck: ignore -->"
    with factcheck.Checker.for_project(cwd=ROOT) as checker:
        (finding,) = checker.check_text(text, published=dt.date(2026, 3, 5))
    assert finding.verdict == "contradicted" and finding.suppressed == "ignore comment"


def test_a_checkers_report_is_the_command_lines(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.cli import main

    monkeypatch.chdir(ROOT)
    main(["check", "examples/draft_pinghu_review.md", "--format", "json"])
    cli = [(f["line"], f["column"], f["verdict"], f["message"]) for f in json.loads(capsys.readouterr().out)["findings"]]
    report = factcheck.Checker.for_project(cwd=ROOT).report(["examples/draft_pinghu_review.md"])
    assert [(f.line, f.column, f.verdict, f.message) for f in report.findings] == cli


def test_a_checker_keeps_its_store_open_between_checks_and_lets_go_when_closed() -> None:
    checker = factcheck.Checker.for_project(cwd=ROOT)
    first = checker.check_buffer("平湖技师学院毕业生就业率连续多年稳定在98.2%。", "draft.md")
    opened = checker._live().store()
    second = checker.check_buffer("平湖技师学院毕业生就业率连续多年稳定在96.2%。", "draft.md")
    assert checker._live().store() is opened, "the store is opened once, not at every check"
    assert [f.verdict for f in first.findings] == ["contradicted"] and [f.verdict for f in second.findings] == ["ok"]
    checker.close()
    assert checker._session is None


def test_a_checker_lists_claims_and_conflicts_from_its_store() -> None:
    checker = factcheck.Checker.for_project(cwd=ROOT)
    found = checker.claims("就业率", subject="平湖技师学院")
    assert found and all("就业率" in (c.metric + c.sentence) for c in found)
    assert all(c.source.startswith("seeds/") for c in checker.claims(source="seeds/001"))
    assert isinstance(checker.conflicts(), list)


def test_a_checker_ingests_into_the_store_it_was_given(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text('sources = ["news"]\n', encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("---\ndate: 2026-01-20\n---\n平湖技师学院毕业生就业率连续多年稳定在96.2%。\n",
                                             encoding="utf-8")
    checker = factcheck.Checker.for_project(cwd=tmp_path)
    done = checker.ingest()
    assert (done.sources, done.claims, done.written) == (1, 1, ("news/a.txt",))
    assert [c.text for c in checker.claims()] == ["96.2%"]
    assert checker.ingest().skipped == 1, "an unchanged source is skipped by its hash"


def test_a_checker_without_sources_that_exist_says_so(tmp_path: Path) -> None:
    from factcheck.errors import InputError

    (tmp_path / "factcheck.toml").write_text('sources = ["news"]\n', encoding="utf-8")
    with pytest.raises(InputError, match="no sources configured that exist"):
        factcheck.Checker.for_project(cwd=tmp_path).ingest()
