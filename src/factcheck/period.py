"""Periods a figure is about, resolved to first and last day against a publication date.

"今年前11个月" in an article published 2025-12-20 is 2025-01-01..2025-11-30;
the same words in a draft dated 2026-03-05 mean 2026. A figure's period is
what makes 88亿元 (Jan–Nov) and 98亿元 (full year) different facts rather
than a contradiction.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .numerals import NotANumber, number


@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date
    end: dt.date
    label: str  # as written

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def to_json(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "label": self.label}

    @classmethod
    def from_json(cls, data: dict[str, str] | None) -> Period | None:
        if not data:
            return None
        return cls(dt.date.fromisoformat(data["start"]), dt.date.fromisoformat(data["end"]), data.get("label", ""))


@dataclass(frozen=True, slots=True)
class PeriodMention:
    period: Period
    start: int  # offsets in the sentence
    end: int


_N = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)(?:年度|全年度|年|(?=全年))|(?P<rel>今年|去年|明年|前年|上年|本年|当年|次年|过去一年|刚刚过去的一年)"
_SPAN = (
    rf"(?:前(?P<first>{_N})个?月"
    rf"|(?P<from>{_N})(?:月)?[至到\-—~～](?P<to>{_N})月(?:份)?"
    rf"|(?P<qfrom>[一二三四1234])(?:季度)?[至到\-—~～](?P<qto>[一二三四1234])季度"
    rf"|(?:第)?(?P<q>[一二三四1234])季度|前(?P<qs>[二三两23])(?:个)?季度|(?P<half>上半年|下半年)"
    rf"|(?P<month>{_N})月(?:份)?(?:(?P<day>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})日|(?P<monthend>末|底))?"
    rf"|(?P<full>全年度|全年)|(?P<yearend>底|末))"
)
# Every part of _PERIOD is optional, so without the lookahead it matches the
# empty string at almost every character and find_periods skips a match object
# for each. A period starts with 截至, a year or relative year, 前/第/上/下/全/
# 底/末 or a numeral; trying only there finds the same periods in a seventh of the time.
_PERIOD_START = r"(?=[\d截上本今去明前当次过刚第全底末下一二三四五六七八九十])"
_PERIOD = re.compile(
    _PERIOD_START + rf"(?:截至|截止到|截止)?(?:(?P<lastmonth>上月|上个月|本月)|(?:{_YEAR})?(?:{_SPAN})?)"
)


def _n(text: str) -> int:
    try:
        return int(number(text))
    except NotANumber:
        return 0


def _month_end(year: int, month: int) -> dt.date:
    """The day before the next month's first (not calendar.monthrange: importing calendar costs a check 1.5 ms)."""
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def _year_of(m: re.Match[str], published: dt.date, context_year: int | None) -> int | None:
    if m["year"]:
        return int(m["year"])
    rel = m["rel"]
    if rel:
        base = published.year
        return {
            "今年": base, "本年": base, "去年": base - 1, "上年": base - 1, "过去一年": base - 1,
            "刚刚过去的一年": base - 1, "明年": base + 1, "前年": base - 2,
            "当年": context_year or base, "次年": (context_year or base) + 1,
        }[rel]
    return context_year if context_year is not None else published.year


def find_periods(
    sentence: str, published: dt.date, context_year: int | None = None, story_year: int | None = None
) -> list[PeriodMention]:
    """Every period expression in the sentence; a bare 一季度 or 5月9日 takes the year in play.

    `story_year` is the year the story last named: a bare 全年 after 2025全年度…
    in a January 2026 article is 2025, not the year that has barely begun.
    """
    out: list[PeriodMention] = []
    if context_year is None:
        # 5月9日，平湖市举行2023年…大会: a year later in the sentence dates the day.
        explicit = re.search(r"(?<!\d)((?:19|20)\d\d)年", sentence)
        context_year = int(explicit[1]) if explicit else None
    for m in _PERIOD.finditer(sentence):
        if not m.group().strip() or m.group() in ("截至", "截止"):
            continue
        # 去年同期 names a comparison base, not the period a figure is about.
        if sentence[m.end() : m.end() + 2] == "同期":
            continue
        # A year inside a number (120.41) or a duration (30年) is not a period.
        if m["year"] and (m.start() > 0 and sentence[m.start() - 1].isdigit()):
            continue
        bare_full_year = m["full"] and not (m["year"] or m["rel"]) and context_year is None
        period = _resolve(m, published, story_year if bare_full_year and story_year else context_year)
        if period is None:
            continue
        if not (m["year"] or m["rel"]) and context_year is None and period.start > published:
            # 截至11月末 in a February article means last November, not a future one.
            period = _resolve(m, published, published.year - 1)
            if period is None:
                continue
        if m["year"] or m["rel"]:
            context_year = period.start.year
        out.append(PeriodMention(period, m.start(), m.end()))
    return out


def _resolve(m: re.Match[str], published: dt.date, context_year: int | None) -> Period | None:
    label = m.group()
    if m["lastmonth"]:
        first = published.replace(day=1)
        if m["lastmonth"] != "本月":
            first = (first - dt.timedelta(days=1)).replace(day=1)
        return Period(first, _month_end(first.year, first.month), label)
    has_span = any(m[g] for g in ("first", "from", "qfrom", "q", "qs", "half", "month", "full"))
    if m["yearend"] and not (m["year"] or m["rel"]):
        return None
    if not (m["year"] or m["rel"]) and not has_span:
        return None
    year = _year_of(m, published, context_year)
    if year is None:
        return None
    try:
        if m["first"]:
            last = _n(m["first"])
            return Period(dt.date(year, 1, 1), _month_end(year, last), label) if 1 <= last <= 12 else None
        if m["from"]:
            a, b = _n(m["from"]), _n(m["to"])
            if not (1 <= a <= b <= 12):
                return None
            return Period(dt.date(year, a, 1), _month_end(year, b), label)
        if m["yearend"]:
            end = dt.date(year, 12, 31)
            return Period(end, end, label)  # 截至2024年底: an as-of figure, like 截至11月末
        if m["qfrom"]:
            a, b = ("一二三四1234".index(m[g]) % 4 + 1 for g in ("qfrom", "qto"))
            if a > b:
                return None
            return Period(dt.date(year, 3 * a - 2, 1), _month_end(year, 3 * b), label)
        if m["q"]:
            q = "一二三四1234".index(m["q"]) % 4 + 1
            return Period(dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), label)
        if m["qs"]:
            q = {"二": 2, "两": 2, "三": 3, "2": 2, "3": 3}[m["qs"]]
            return Period(dt.date(year, 1, 1), _month_end(year, 3 * q), label)
        if m["half"]:
            if m["half"] == "上半年":
                return Period(dt.date(year, 1, 1), dt.date(year, 6, 30), label)
            return Period(dt.date(year, 7, 1), dt.date(year, 12, 31), label)
        if m["month"]:
            month = _n(m["month"])
            if not 1 <= month <= 12:
                return None
            if m["day"]:
                day = dt.date(year, month, _n(m["day"]))
                return Period(day, day, label)
            if m["monthend"]:
                end = _month_end(year, month)
                return Period(end, end, label)  # 截至11月末: an as-of figure
            return Period(dt.date(year, month, 1), _month_end(year, month), label)
    except ValueError:
        return None
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), label)


def period_for(mentions: list[PeriodMention], position: int) -> Period | None:
    """The period in force at `position`: the nearest mention before it, or a more specific one it contains."""
    before = [p for p in mentions if p.end <= position]
    if not before:
        return None
    chosen = before[-1].period
    for p in reversed(before[:-1]):
        if chosen.contains(p.period) and p.period != chosen and chosen.days > p.period.days:
            chosen = p.period  # 5月9日，平湖市举行2023年…大会，签约项目28个: the day, not the year
    return chosen
