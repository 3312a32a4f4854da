"""Who a figure is about: short names a story or the store has taught, found in a sentence."""

from __future__ import annotations

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
