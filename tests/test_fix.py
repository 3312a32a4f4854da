"""Quick fixes (#26 item 5): one edit per stale or contradicted figure, offered only when the draft it leaves checks ok."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from factcheck import Checker
from factcheck.app.config import load_config
from factcheck.app.fix import Fix, accepted

ROOT = Path(__file__).resolve().parents[1]
DRAFT = "examples/draft_pinghu_review.md"
ELEVEN_MONTHS = "2025年前11个月，平湖经开区24家规上数控机床企业实现产值88亿元，同比增长9%。"  # the draft's line 8


def checker() -> Checker:
    return Checker(load_config(cwd=ROOT), today=lambda: dt.date(2026, 2, 10))


def test_a_period_stale_figure_is_fixed_with_its_period_and_the_figures_that_share_it() -> None:
    with checker() as c:
        text = f"---\ndate: 2026-02-10\n---\n\n{ELEVEN_MONTHS}\n"
        checked = c.check_buffer(text, "draft.md")
        (fix,) = c.fixes(checked, "draft.md")
        assert sorted(f.text for f in fix.findings) == ["88亿元", "9%"]
        assert fix.apply(text).split("\n")[4] == "2025年，平湖经开区24家规上数控机床企业实现产值98亿元，同比增长8.1%。"
        assert fix.title.startswith("Use 2025年: 2025年前11个月 → 2025年, 88亿元 → 98亿元, 9% → 8.1%")
        assert {f.verdict for f in c.check_text(fix.apply(text), "draft.md")} == {"ok"}


def test_a_period_written_after_the_figure_is_replaced_where_it_stands() -> None:
    with checker() as c:
        text = "---\ndate: 2026-02-10\n---\n\n平湖经开区24家规上数控机床企业2025年前11个月实现产值88亿元。\n"
        (fix,) = c.fixes(c.check_buffer(text, "draft.md"), "draft.md")
        assert fix.apply(text).split("\n")[4] == "平湖经开区24家规上数控机床企业2025年实现产值98亿元。"


def test_no_fix_when_the_period_is_carried_from_an_earlier_sentence() -> None:
    """The period words date other sentences too: changing them is no quick fix, and the figure alone is wrong."""
    with checker() as c:
        text = ("---\ndate: 2026-02-10\n---\n\n2025年前11个月，平湖经开区经济运行稳中有进。"
                "平湖经开区24家规上数控机床企业实现产值88亿元。\n")
        checked = c.check_buffer(text, "draft.md")
        assert [f.verdict for f in checked.findings if f.text == "88亿元"] == ["stale"]
        assert c.fixes(checked, "draft.md") == []


def test_a_fix_is_not_accepted_when_another_figure_s_verdict_moves() -> None:
    with checker() as c:
        text = (ROOT / DRAFT).read_text(encoding="utf-8")
        before = c.check_buffer(text, DRAFT)
        (wrong,) = [f for f in before.findings if f.text == "98.2%"]
        fix = Fix("Replace 98.2% with 96.2%", wrong.line, wrong.column, wrong.claim.end_column, "96.2%", (wrong,))
        assert accepted(fix, before, c.check_buffer(fix.apply(text), DRAFT))
        # The same edit, had it also changed 1500余名 on that line into a figure no source gives, is refused.
        worse = fix.apply(text).replace("1500余名", "1900余名")
        assert [f.verdict for f in c.check_buffer(worse, DRAFT).findings if f.text == "1900余名"] != ["ok"]
        assert not accepted(fix, before, c.check_buffer(worse, DRAFT))
