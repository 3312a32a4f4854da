"""Traditional script: read as simplified, shown as written.

The example draft and the seeds converted by OpenCC (s2t, s2tw, s2hk) must
give the verdicts the simplified text gives, at the same lines and columns,
with every figure still quoted in the script the author used.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import opencc
import pytest

from factcheck.app.config import load_config
from factcheck.data import load_data
from factcheck.extract.claims import extract
from factcheck.extract.subject import gazetteer
from factcheck.judge.draft import check_document, read_draft
from factcheck.reading import script
from factcheck.store.folder import Store
from factcheck.store.protocol import ClaimList

ROOT = Path(__file__).resolve().parents[1]
DRAFT = ROOT / "examples" / "draft_pinghu_review.md"
BODIES = gazetteer(dict(load_config(cwd=ROOT).bodies))
CONVERSIONS = ("s2t", "s2tw", "s2hk")


@pytest.fixture(scope="module")
def store():
    return ClaimList.of(Store(ROOT / "claims").load())


def _verdicts(doc, store):
    return [(f.verdict, f.claim.value, f.line, f.column, f.text) for f in check_document(doc, store, bodies=BODIES)]


def test_the_table_of_traditional_characters_is_the_installed_opencc_s():
    assert load_data("script.toml")["traditional"] == script.derive(), "regenerate: python -m factcheck.reading.script"


@pytest.mark.parametrize(
    "sentence, traditional",
    [
        ("2025年前11個月，平湖經開區24家規上數控機床企業實現產值88億元。", True),
        ("中國臺灣地區領導人", True),
        ("2025年前11个月，平湖经开区24家规上数控机床企业实现产值88亿元。", False),
        # Written in both scripts: a simplified text with them is left alone.
        ("著名的乾隆御碑，显著提升", False),
    ],
)
def test_traditional_text_is_told_from_simplified_by_its_characters(sentence, traditional):
    assert script.has_traditional(sentence) is traditional


def test_folding_keeps_every_offset():
    written = "前11個月產值88億元，兩個項目，1500餘名"
    folded = script.simplified(written)
    assert folded == "前11个月产值88亿元，两个项目，1500余名"
    assert len(folded) == len(written)


def test_simplified_text_is_returned_as_it_is():
    text = "平湖技师学院累计培养高素质技术技能人才1500余名。"
    assert script.simplified(text) is text


@pytest.mark.parametrize("conversion", CONVERSIONS)
def test_a_traditional_draft_gets_the_simplified_draft_s_verdicts(conversion, store, tmp_path):
    """前11個月 is a period, 98.2% is contradicted, 88億元 stale, 1500餘名 about 平湖技师学院: as in simplified."""
    converted = tmp_path / f"draft_{conversion}.md"
    converted.write_text(opencc.OpenCC(conversion).convert(DRAFT.read_text(encoding="utf-8")), encoding="utf-8")
    simplified = _verdicts(read_draft(DRAFT, "draft.md", None), store)
    traditional = _verdicts(read_draft(converted, "draft.md", None), store)
    assert [v[:4] for v in traditional] == [v[:4] for v in simplified]
    assert len(simplified) == 16
    written = {v[2:4]: v[4] for v in traditional}
    assert written[(8, 32)] == "88億元"
    assert written[(12, 20)] == "1500餘名"


def test_a_traditional_draft_s_sentence_is_shown_as_written(store, tmp_path):
    converted = tmp_path / "draft.md"
    converted.write_text(opencc.OpenCC("s2tw").convert(DRAFT.read_text(encoding="utf-8")), encoding="utf-8")
    found = check_document(read_draft(converted, "draft.md", None), store, bodies=BODIES)
    stale = next(f for f in found if f.text == "88億元")
    assert stale.verdict == "stale"
    assert stale.claim.sentence == "2025年前11個月，平湖經開區24家規上數控機床企業實現產值88億元，同比增長9%。"
    assert stale.claim.metric == "规上数控机床企业产值"  # read in simplified, so it meets the source's


@pytest.mark.parametrize("conversion", CONVERSIONS)
def test_traditional_sources_support_a_simplified_draft(conversion, seed_document, store):
    """The seeds ingested in traditional script: the simplified draft's verdicts do not change."""
    convert = opencc.OpenCC(conversion).convert
    prefixes = sorted({Path(c.source).name[:3] for c in store})
    traditional = []
    for prefix in prefixes:
        doc = seed_document(prefix)
        traditional += extract(dataclasses.replace(doc, text=convert(doc.text)), names=BODIES)
    assert any("億" in c.text for c in traditional)
    draft = read_draft(DRAFT, "draft.md", None)
    assert [v[:4] for v in _verdicts(draft, ClaimList.of(traditional))] == [v[:4] for v in _verdicts(draft, store)]


def test_a_traditional_source_s_claims_are_its_simplified_twin_s(seed_document):
    """Same value, unit, subject, metric, period and place; the text and sentence as the source wrote them."""
    doc = seed_document("001")
    twin = dataclasses.replace(doc, text=opencc.OpenCC("s2t").convert(doc.text))
    plain, traditional = extract(doc, names=BODIES), extract(twin, names=BODIES)
    keys = ("value", "unit", "qualifier", "subject", "metric", "period", "line", "column")
    assert [[getattr(c, k) for k in keys] for c in traditional] == [[getattr(c, k) for k in keys] for c in plain]
    assert "98億元" in {c.text for c in traditional}


def test_the_index_reads_a_traditional_sentence_as_simplified() -> None:
    from factcheck.store.index.keys import _sentence_keys

    simplified = "2025年，平湖经开24家规模以上数控机床企业实现产值98亿元，同比增长8.1%。"
    traditional = "2025年，平湖經開24家規模以上數控機床企業實現產值98億元，同比增長8.1%。"
    assert set(_sentence_keys("CNY\x1f", traditional)) == set(_sentence_keys("CNY\x1f", simplified))
