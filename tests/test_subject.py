"""Who a figure is about: short names a story or the store has taught, found in a sentence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import subject
from factcheck.subject import ShortNames, short_name_mentions

STORE_NAMES = {"津上精密机床（浙江）": "津上精密机床（浙江）", "津上精密": "津上精密机床（浙江）", "易达": "易达（平湖）"}


def test_a_store_name_is_found_wherever_a_sentence_uses_it():
    found = short_name_mentions("如今的津上精密，现有员工2000余名。", ShortNames(STORE_NAMES))
    assert [(m.name, m.canonical, m.start, m.end) for m in found] == [("津上精密", "津上精密机床（浙江）", 3, 7)]


def test_a_story_adds_its_own_names_on_top_of_the_store_and_the_first_body_keeps_a_name():
    store = ShortNames(STORE_NAMES)
    story = ShortNames(parent=store)
    story.add("易达", "另一家易达")  # the store gave 易达 away already
    story.add("轩田", "轩田科技")
    found = short_name_mentions("易达和轩田签约，易达投资1亿元。", story)
    assert [(m.name, m.canonical, m.start) for m in found] == [
        ("易达", "易达（平湖）", 0), ("易达", "易达（平湖）", 8), ("轩田", "轩田科技", 3)
    ]  # name by name, in the order they were learnt, each in reading order
    assert "轩田" not in store and len(story) == len(store) + 1


def test_one_name_never_overlaps_itself():
    names = ShortNames({"嘉嘉": "嘉嘉公司"})
    assert [m.start for m in short_name_mentions("嘉嘉嘉嘉嘉", names)] == [0, 2]


def test_thousands_of_store_names_still_find_the_one_a_sentence_uses():
    many = {f"公司{i:05d}号": f"公司{i:05d}号有限" for i in range(5000)}
    names = ShortNames({**many, **STORE_NAMES})
    found = short_name_mentions("据介绍，公司04321号和津上精密的产值都有增长。", names)
    assert [m.name for m in found] == ["公司04321号", "津上精密"]


def spans(matches):
    return [m.span() for m in matches]


@pytest.mark.parametrize(
    "sentence",
    [
        "浙江轩田智能科技有限公司",
        "在平湖经开，浙江三宏智能装备股份有限公司、嘉吉饲料（平湖）有限公司都增了资",  # 002, 004
        # the longest name _ORG_RE reads: 14 characters, a bracket of 6, 6 more, then the suffix
        "据悉，" + "甲" * 14 + "（乙乙乙乙乙乙）" + "丙" * 6 + "有限公司",
        "公司",
        "",
    ],
)
def test_organisation_names_are_found_where_a_scan_from_the_start_finds_them(sentence):
    assert spans(subject._org_names(sentence)) == spans(subject._ORG_RE.finditer(sentence))


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="平湖甲乙（）公司集团，", max_size=50))
def test_scanning_from_the_first_suffix_finds_every_organisation_name(sentence):
    assert spans(subject._org_names(sentence)) == spans(subject._ORG_RE.finditer(sentence))
