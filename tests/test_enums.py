"""Verdicts, qualifiers and relations are StrEnums: named in code, the same plain strings in every output."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import pytest

from factcheck.extract.metric import MetricRelation
from factcheck.judge.identity import Relation
from factcheck.record.claim import Qualifier
from factcheck.record.codec import claim_to_record
from factcheck.record.finding import VERDICTS, Verdict
from factcheck.record.rules import RULES
from factcheck.store.folder import Store

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("enum", [Verdict, Qualifier, Relation, MetricRelation])
def test_each_is_a_str_enum_whose_json_is_its_plain_string(enum: type[StrEnum]) -> None:
    for member in enum:
        assert member == member.value and str(member) == member.value and f"{member}" == member.value
        assert json.dumps(member) == json.dumps(member.value)
        assert json.dumps({member: 1}) == json.dumps({member.value: 1})


def test_the_verdicts_keep_their_strings_and_order() -> None:
    assert VERDICTS == ("ok", "contradicted", "stale", "unsupported", "inconsistent")
    assert set(RULES) == set(Verdict) and RULES["stale"] is RULES[Verdict.STALE]


def test_the_qualifiers_are_the_ones_the_store_writes() -> None:
    assert [q.value for q in Qualifier] == ["at_least", "at_most", "about", "above", "exact", "range"]
    claims = Store(ROOT / "claims").load()
    assert {type(c.qualifier) for c in claims} == {Qualifier}  # read back as members
    assert {type(claim_to_record(c)["qualifier"]) for c in claims} == {str}  # written as plain strings
    assert {c.qualifier for c in claims} <= set(Qualifier)
