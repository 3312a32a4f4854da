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
