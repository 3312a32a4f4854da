"""Claims from the seed articles: the committed store and a fresh extraction say the same things.

Each pinned claim is checked twice: as `Store.load()` reads it from claims/,
and as the extractor produces it from seeds/ now.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.extract.claims import extract
from factcheck.extract.metric import metric_key
from factcheck.extract.subject import gazetteer
from factcheck.store.folder import content_hash, store_file_name, to_jsonl

SEEDS = ("000", "001", "002", "003", "004")
CONTRACT = (
    "id", "source", "published", "line", "column", "text", "value", "low", "high",
    "unit", "qualifier", "subject", "metric", "period", "sentence", "paragraph",
)
QUALIFIERS = {"exact", "at_least", "at_most", "about", "above", "range"}
WHERE = pytest.mark.parametrize("where", ["store", "fresh"])


@pytest.fixture
def claims_of(where, seed_claims, store_claims):
    """The claims of a seed, from the committed store or from a fresh extraction."""
    return (store_claims if where == "store" else seed_claims).__getitem__


def span(claim) -> tuple[dt.date, dt.date] | None:
    return (claim.period.start, claim.period.end) if claim.period else None


# --- pinned claims ---------------------------------------------------------------------------

@WHERE
def test_seed_000_jan_to_nov_output_of_the_zone(claims_of, pick):
    c = pick(claims_of("000"), "88亿元")
    assert (c.value, c.unit, c.qualifier, c.subject) == (Decimal(8_800_000_000), "CNY", "exact", "平湖经开")
    assert span(c) == (dt.date(2025, 1, 1), dt.date(2025, 11, 30))
    # 规上数控机床产业产值 here, 规模以上数控机床企业产值 in seed 001: one measure, qualifiers kept.
    assert c.metric == "规上数控机床产业产值"
    assert metric_key(c.metric) == metric_key(pick(claims_of("001"), "98亿元").metric) == "规模以上数控机床产值"
    assert c.published == dt.date(2025, 12, 20)


@WHERE
def test_seed_001_full_year_output_of_the_zone(claims_of, pick):
    c = pick(claims_of("001"), "98亿元")
    assert (c.value, c.unit, c.subject) == (Decimal(9_800_000_000), "CNY", "平湖经开")
    assert span(c) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert c.published == dt.date(2026, 1, 20)


@WHERE
def test_a_growth_rate_qualifies_the_figure_it_follows(claims_of, pick):
    output = pick(claims_of("001"), "98亿元")
    growth = pick(claims_of("001"), "8.1%")
    assert growth.qualifies == output.id
    assert growth.unit == "%" and growth.value == Decimal("8.1")
    assert span(growth) == span(output)
    jan_to_nov = pick(claims_of("000"), "88亿元")
    assert pick(claims_of("000"), "9%", "88亿元").qualifies == jan_to_nov.id


@WHERE
def test_seed_002_jinshang_employs_1900(claims_of, pick):
    c = pick(claims_of("002"), "1900名")
    assert c.subject.startswith("津上精密")
    assert c.metric == "员工"
    assert (c.value, c.unit, c.qualifier) == (Decimal(1900), "名", "exact")


@WHERE
def test_seed_004_jinshang_employs_more_than_2000(claims_of, pick):
    c = pick(claims_of("004"), "2000余名")
    assert c.subject.startswith("津上精密")
    assert (c.value, c.low, c.high, c.qualifier, c.unit) == (2000, 2000, 3000, "above", "名")


@WHERE
def test_seed_004_registered_capital_across_a_column_break(claims_of, pick):
    c = pick(claims_of("004"), "11370万美元")
    assert (c.value, c.unit, c.line, c.column) == (Decimal(113_700_000), "USD", 94, 14)
    assert c.subject.startswith("津上精密")
    total = pick(claims_of("004"), "30850万美元")
    assert (total.value, total.unit) == (Decimal(308_500_000), "USD")


@WHERE
def test_seed_000_the_shaoxing_bank_story_is_about_the_bank_not_the_zone(claims_of, pick):
    loans = pick(claims_of("000"), "近200亿元")
    assert loans.subject == "工行绍兴分行"
    assert (loans.qualifier, loans.low, loans.high) == ("at_most", None, Decimal(20_000_000_000))
    assert span(loans) == (dt.date(2025, 11, 30), dt.date(2025, 11, 30))
    bank = [c for c in claims_of("000") if "工行绍兴分行" in c.sentence]
    assert len(bank) >= 10
    assert all(c.subject != "平湖经开" for c in bank), [(c.text, c.subject) for c in bank if c.subject == "平湖经开"]


@WHERE
def test_seed_002_the_signing_conference_of_5_may(claims_of, pick):
    c = pick(claims_of("002"), "28个")
    assert span(c) == (dt.date(2023, 5, 9), dt.date(2023, 5, 9))


@pytest.mark.parametrize(
    "seed, text, value, low, high, qualifier",
    [
        ("000", "十余名", 10, 10, 20, "above"),
        ("001", "10余名", 10, 10, 20, "above"),
        ("000", "1500余名", 1500, 1500, 1600, "above"),
        ("000", "超10家", 10, 10, None, "at_least"),
        ("000", "近90%", 90, None, 90, "at_most"),
        ("000", "超百万方", 1_000_000, 1_000_000, None, "at_least"),
        ("001", "超百万平方米", 1_000_000, 1_000_000, None, "at_least"),
        ("003", "约2000平方米", 2000, 1800, 2200, "about"),
        ("003", "七八十名", 70, 70, 80, "range"),
        ("002", "三分之二", Decimal("66.67"), Decimal("66.67"), Decimal("66.67"), "exact"),
    ],
)
@WHERE
def test_bounds_in_the_seeds(seed, text, value, low, high, qualifier, claims_of, pick):
    c = pick(claims_of(seed), text)
    assert (c.value, c.low, c.high, c.qualifier) == (value, low, high, qualifier)


def test_seed_001_全年_in_a_january_article_is_the_year_just_ended(seed_claims, pick):
    c = pick(seed_claims["001"], "超千项")
    assert span(c) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


# --- what never becomes a claim ----------------------------------------------------------------

@WHERE
@pytest.mark.parametrize("seed", SEEDS)
def test_doubled_print_years_and_page_furniture_never_become_claims(seed, claims_of):
    for c in claims_of(seed):
        assert c.value not in (20222022, 1515, 2424), c.text
        assert not re.fullmatch(r"(?:19|20)\d\d年?(?:度)?", c.text), c.text
        assert not (c.unit in ("年", "") and (1949 <= c.value <= 2100) and c.value == int(c.value)), c.text


@WHERE
def test_seed_004_doubled_2022_is_a_year_not_a_figure(claims_of):
    sentence = next(c.sentence for c in claims_of("004") if c.text == "24年")
    assert "2022年" in sentence and "20222022" not in sentence
    values = {c.value for c in claims_of("004") if c.sentence == sentence}
    assert 24 in values and not values & {2022, 20222022}


@WHERE
def test_seed_003_the_doubled_caption_15分钟_is_not_a_claim(claims_of):
    assert not [c for c in claims_of("003") if "15" in c.text]


# --- identity and the record contract ---------------------------------------------------------------

@pytest.mark.parametrize("seed", SEEDS)
def test_claim_ids_are_stable_across_extractions(seed, seed_document, seed_claims, project_bodies):
    again = extract(seed_document(seed), names=gazetteer(dict(project_bodies)))
    assert [c.id for c in again] == [c.id for c in seed_claims[seed]]
    assert again == seed_claims[seed]


def test_claim_ids_are_unique_in_the_store(store_claims):
    ids = [c.id for claims in store_claims.values() for c in claims]
    assert len(ids) == len(set(ids)) > 200


def test_claim_ids_survive_an_edit_elsewhere_in_the_file(seed_document):
    doc = seed_document("001")
    edited = dataclasses.replace(doc, text="编者按：本文有删改。\n\n" + doc.text)
    before = {c.id: c for c in extract(doc)}
    after = {c.id: c for c in extract(edited)}
    assert before.keys() == after.keys()
    moved = next(c for c in before.values() if c.text == "98亿元")
    assert after[moved.id].line == moved.line + 2


@pytest.mark.parametrize("seed", SEEDS)
def test_the_committed_store_is_what_the_extractor_says_now(seed, seed_claims, store_claims):
    fresh = [(c.id, c.text, c.line, c.column) for c in seed_claims[seed]]
    stored = [(c.id, c.text, c.line, c.column) for c in store_claims[seed]]
    assert stored == fresh, "claims/ is stale: run `factcheck ingest`"


@pytest.mark.parametrize("seed", SEEDS)
def test_each_committed_store_file_is_the_extractors_claims_byte_for_byte(seed, seed_claims, project_root):
    """Pins the extraction steps (_measure, _linked_rate, _with_counted, _from_neighbours, _where) as one."""
    claims = seed_claims[seed]
    stored = (project_root / "claims" / store_file_name(claims[0].source)).read_text(encoding="utf-8")
    assert to_jsonl(claims) == stored


def test_a_sentences_figures_take_metric_and_rate_from_the_figure_before(extract_claims, pick):
    claims = extract_claims("2024年，平湖经开亩均税收达28.9万元，增长57.4%。", published="2025-01-10")
    tax, rate = pick(claims, "28.9万元"), pick(claims, "57.4%")
    assert rate.qualifies == tax.id and rate.metric.startswith(tax.metric)  # _linked_rate
    listed = extract_claims("2024年，平湖经开实现产值98亿元，同比分别增长6.4%和10.6%。", published="2025-01-10")
    assert pick(listed, "10.6%").metric == pick(listed, "6.4%").metric  # _from_neighbours: one list of rates
    counted = extract_claims("平湖经开经过10次增资，注册资本达到1亿元。", published="2025-01-10")
    assert pick(counted, "10次").metric == "增资"  # _with_counted: the noun after the measure word


@pytest.mark.parametrize("seed", SEEDS)
def test_the_manifest_hash_covers_the_seed_text_date_and_configured_bodies(seed, seed_document, project_root, project_bodies):
    doc = seed_document(seed)
    manifest = json.loads((project_root / "claims" / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest["sources"][doc.path]
    assert entry["sha256"] == content_hash(doc.text, doc.published, project_bodies)
    assert entry["sha256"] != content_hash(doc.text, doc.published), "a change of bodies must re-read the source"
    assert entry["published"] == doc.published.isoformat()
    assert entry["date_inferred"] is False


def store_records(root: Path):
    for path in sorted((root / "claims").glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            yield f"{path.name}:{number}", json.loads(line)


def test_every_record_has_the_contract_fields_with_their_types(project_root):
    records = list(store_records(project_root))
    assert len(records) > 200
    for where, rec in records:
        assert set(CONTRACT) <= set(rec), where
        assert re.fullmatch(r"[0-9a-f]{16}", rec["id"]), where
        assert rec["source"].startswith("seeds/") and Path(project_root, rec["source"]).is_file(), where
        dt.date.fromisoformat(rec["published"])
        assert isinstance(rec["line"], int) and isinstance(rec["column"], int) and rec["line"] >= 1 and rec["column"] >= 1
        assert isinstance(rec["value"], (int, float)) and not isinstance(rec["value"], bool), where
        for bound in ("low", "high"):
            assert rec[bound] is None or isinstance(rec[bound], (int, float)), where
        assert rec["qualifier"] in QUALIFIERS, where
        assert isinstance(rec["unit"], str) and isinstance(rec["metric"], str), where
        assert rec["subject"] is None or isinstance(rec["subject"], str), where
        assert rec["text"] and rec["text"] in rec["sentence"] and rec["sentence"] in rec["paragraph"], where
        if rec["period"] is not None:
            assert set(rec["period"]) == {"start", "end", "label"}, where
            assert dt.date.fromisoformat(rec["period"]["start"]) <= dt.date.fromisoformat(rec["period"]["end"]), where
        # Where subject and period came from: an editor can see a subject was carried, and from which line.
        assert rec["subject_from"] in ("clause", "sentence", "attribution", "paragraph", "story", ""), where
        assert (rec["subject_from"] == "") == (rec["subject"] is None), where
        assert rec["period_from"] in ("sentence", "paragraph", "heading", ""), where
        assert (rec["period_from"] == "") == (rec["period"] is None), where
        assert isinstance(rec["subject_line"], int) and isinstance(rec["period_line"], int), where
        if rec["subject_from"] in ("paragraph", "story"):
            assert 1 <= rec["subject_line"] <= rec["line"], where
        assert isinstance(rec["paragraph_bodies"], list) and isinstance(rec["part_of"], str), where


@WHERE
@pytest.mark.parametrize("seed", SEEDS)
def test_bounds_agree_with_the_qualifier(seed, claims_of):
    for c in claims_of(seed):
        if c.qualifier == "exact":
            assert c.low == c.value == c.high, c.text
        elif c.qualifier == "at_least":
            assert (c.low, c.high) == (c.value, None), c.text
        elif c.qualifier == "at_most":
            assert (c.low, c.high) == (None, c.value), c.text
        else:
            assert c.low <= c.value < c.high or c.low < c.value <= c.high, c.text


@WHERE
@pytest.mark.parametrize("seed", SEEDS)
def test_a_qualifying_rate_points_at_a_claim_of_the_same_sentence(seed, claims_of):
    by_id = {c.id: c for c in claims_of(seed)}
    for c in claims_of(seed):
        if c.qualifies:
            target = by_id[c.qualifies]
            assert c.unit in ("%", "pp", "x") and target.sentence == c.sentence, c.text


@pytest.mark.parametrize(
    "text, figure, metric",
    [
        # the letters before the figure are its measure: GDP is 生产总值, as 地区生产总值 is
        ("2024年，安徽省GDP259.7亿元，同比增长5.1%。", "259.7亿元", "生产总值"),
        ("2024年，安徽省GDP 259.7亿元，同比增长5.1%。", "259.7亿元", "生产总值"),
        ("3月份，制造业PMI为49.8%，比上月上升0.7个百分点。", "49.8%", "制造业采购经理指数"),
        # 20240123: 首次/突破 say nothing about what is measured
        ("2023年广东GDP突破13万亿元。", "突破13万亿元", "生产总值"),
        ("2021年，湖北全社会研发投入首次突破千亿元。", "突破千亿元", "全社会研发投入"),
    ],
)
def test_a_figure_after_a_latin_letter_metric_is_read_with_it(extract_claims, pick, text, figure, metric):
    assert metric_key(pick(extract_claims(text), figure).metric) == metric


def test_a_basis_that_leads_in_sets_the_measure_after_it_and_one_in_a_sentence_does_not(extract_claims, pick):
    claims = extract_claims("按国际财务报告准则：\n期内盈利为人民币270亿元（37亿美元），同比增长41%。\n\n"
                            "每股基本盈利为人民币2.761元。", "2023-08-16")
    assert pick(claims, "2.761元").metric.startswith("按国际财务报告准则")
    claims = extract_claims("以美元计价，前4个月进出口2.01万亿美元，同比下降0.6%。\n\n前4个月，我国对东盟进出口2.3万亿元，增长5%。",
                            "2026-05-10")
    assert pick(claims, "2.01万亿美元").metric == "进出口" and pick(claims, "2.3万亿元").metric == "东盟进出口"
