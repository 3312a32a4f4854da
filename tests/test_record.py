"""The claim record is defined once: the JSON Lines record and the index row follow `Claim`'s fields."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.record.claim import Claim
from factcheck.record.codec import CLAIM, claim_to_record, quote, record_to_claim, shape_of
from factcheck.store.folder import Store
from factcheck.store.index import ClaimIndex, open_index

ROOT = Path(__file__).resolve().parents[1]


def _seed_lines() -> list[str]:
    return [line for path in sorted((ROOT / "claims").glob("*.jsonl")) for line in path.read_text("utf-8").splitlines()]


@dataclass(frozen=True, slots=True)
class WiderClaim(Claim):
    """The claim record with one field more, as a future version might add."""

    confidence: Decimal | None = None


def test_the_record_is_the_claims_stored_fields_in_declaration_order() -> None:
    stored = [f.name for f in dataclasses.fields(Claim) if f.metadata.get("stored", True)]
    assert list(CLAIM.names) == stored
    first = json.loads(_seed_lines()[0])
    assert list(first) == stored  # the committed store's key order is the record's


def test_every_seed_claim_round_trips_through_the_record_and_the_index_row() -> None:
    lines = _seed_lines()
    assert len(lines) > 200
    conn = sqlite3.connect(":memory:")
    conn.execute(CLAIM.table("claims"))
    insert = f"INSERT INTO claims VALUES ({', '.join('?' * len(CLAIM.columns))})"
    for line in lines:
        claim = record_to_claim(json.loads(line))
        assert json.dumps(claim_to_record(claim), ensure_ascii=False) == line  # byte for byte
        conn.execute("DELETE FROM claims")
        conn.execute(insert, CLAIM.to_row(claim))
        (row,) = conn.execute("SELECT * FROM claims").fetchall()
        assert CLAIM.from_row(row) == claim


def test_the_index_gives_the_claims_the_store_gives(tmp_path: Path) -> None:
    root = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", root, ignore=shutil.ignore_patterns(".index", ".lock"))
    store = Store(root)
    index = open_index(store)
    try:
        claims = store.load()
        assert list(index) == claims
        by_id = ClaimIndex(index.conn, scan_below=0)  # fetched by row id, paragraphs and file positions resolved
        assert all(c in by_id.near(c) for c in claims[::10])
    finally:
        index.close()


def test_a_field_added_to_the_record_is_in_the_record_the_columns_and_the_round_trip() -> None:
    wider = shape_of(WiderClaim)
    assert wider.names == (*CLAIM.names, "confidence")
    assert "confidence" in wider.column_names
    assert quote("confidence") + " TEXT" in wider.table("claims")
    base = record_to_claim(json.loads(_seed_lines()[0]))
    claim = WiderClaim(**{f.name: getattr(base, f.name) for f in dataclasses.fields(Claim)}, confidence=Decimal("0.75"))
    record = wider.to_json(claim)
    assert record["confidence"] == 0.75 and list(record)[-1] == "confidence"
    assert wider.from_json(record) == claim
    conn = sqlite3.connect(":memory:")
    conn.execute(wider.table("claims"))
    conn.execute(f"INSERT INTO claims VALUES ({', '.join('?' * len(wider.columns))})", wider.to_row(claim))
    assert wider.from_row(conn.execute("SELECT * FROM claims").fetchone()) == claim
    old = {k: v for k, v in record.items() if k != "confidence"}  # a record written before the field existed
    assert wider.from_json(old).confidence is None


def test_a_row_of_the_wrong_width_is_refused_not_misread() -> None:
    claim = record_to_claim(json.loads(_seed_lines()[0]))
    row = CLAIM.to_row(claim)
    with pytest.raises(ValueError):
        CLAIM.from_row(row[:-1])


def test_an_old_record_without_the_added_fields_reads_as_their_defaults() -> None:
    record = json.loads(_seed_lines()[0])
    oldest = {k: record[k] for k in ("id", "source", "line", "column", "text", "value")}
    claim = record_to_claim(oldest)
    assert claim.qualifier == "exact" and claim.unit == "" and claim.subject is None and claim.period is None
    assert claim.precision == 0 and claim.paragraph_bodies == () and claim.subject_line == 0
    for required in ("id", "value"):
        with pytest.raises((KeyError, ValueError)):
            record_to_claim({k: v for k, v in oldest.items() if k != required})


def test_the_records_carry_no_unused_fields() -> None:
    """Claim.extras, Report.extra and Document.outlet were written and never read: gone, so a field means something."""
    from factcheck.reading.source import Document
    from factcheck.record.finding import Report

    assert "extras" not in {f.name for f in dataclasses.fields(Claim)}
    assert "extra" not in {f.name for f in dataclasses.fields(Report)}
    assert "outlet" not in {f.name for f in dataclasses.fields(Document)}
    stored = {f.name for f in dataclasses.fields(Claim) if f.metadata.get("stored", True)}
    assert {f.name for f in dataclasses.fields(Claim)} - stored == {"end_column", "number_column"}  # a draft's, for reports
