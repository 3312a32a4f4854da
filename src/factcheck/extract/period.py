"""Periods a figure is about, resolved to first and last day against a publication date.

"今年前11个月" in an article published 2025-12-20 is 2025-01-01..2025-11-30;
the same words in a draft dated 2026-03-05 mean 2026. A figure's period is
what makes 88亿元 (Jan–Nov) and 98亿元 (full year) different facts rather
than a contradiction.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ..record.period import WINDOW, Period
from .numerals import SHORT_YEAR, NotANumber, number


@dataclass(frozen=True, slots=True)
class PeriodMention:
    period: Period
    start: int  # offsets in the sentence
    end: int
    base: str = ""  # 比/较/由…: a comparison base (比上年全年加快), not the period the figures are about


_N = r"\d{1,2}|[一二两三四五六七八九十]{1,3}"
_MONTH_N = r"\d{1,2}|(?<!两)[一二三四五六七八九十]{1,3}"  # 两月 is two months (创两月新高), never February
_YEAR = rf"(?P<year>(?:19|20)\d\d|{SHORT_YEAR})(?!\d)(?:年度|全年度|年|(?=全年))|(?P<rel>今年|去年|明年|前年|上年(?!结转|结余|滚存|执行数|预算数|末累计)|本年|当年|次年|过去一年|刚刚过去的一年)"
# 上年结转收入, 上年执行数: last year's carry-over or outturn, a measure's name or a base, not a period
_SPAN = (
    rf"(?:前(?P<first>{_N})个?月"
    rf"|(?P<from>{_N})(?:月份?)?[至到\-—~～](?P<to>{_N})月(?:份)?"
    rf"|(?P<qfrom>[一二三四1234])(?:季度)?[至到\-—~～](?P<qto>[一二三四1234])季度"
    rf"|(?:第)?(?<!上)(?<!下)(?<!这)(?<!该)(?<!同)(?<!每)(?P<q>[一二三四1234])季度|前(?P<qs>[二三两23])(?:个)?季度|(?P<half>上半年|下半年|(?<=年)半年度)"
    rf"|(?P<month>{_MONTH_N})月(?:份)?(?:(?P<day>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})日|(?P<monthend>末|底))?"
    rf"|(?P<full>全年度|全年)|(?P<yearend>底|末)|(?P<yearstart>初)(?![步次级中选心衷见审赛稿]))"
)
# Every part of _PERIOD is optional, so without the lookahead it matches the
# empty string at almost every character and find_periods skips a match object
# for each. A period starts with 截至, a year or relative year, 前/第/上/下/全/
# 底/末 or a numeral; trying only there finds the same periods in a seventh of the time.
_PERIOD_START = r"(?=[\d截上本今去明前当次过刚第全底末下一二两三四五六七八九十昨年至到])"
# A day said relative to the broadcast (今天, 昨天) is a figure of that day: 196次 today
# and 178次 yesterday are two days' counts, not a contradiction.
_DAY = r"(?P<relday>今天|今日|今晨|今早|昨天|昨日|昨晚|前天|当天|当日)"
# 今年以来 runs from 1 January to the day of writing; 截至目前 is a running total as of that day.
_TO_DATE = r"(?P<ytd>今年以来|年初以来|今年年初以来)|(?P<now>截至目前|截止目前|截至今天|截止今天|到目前为止|至今(?![天日年晚早]))"
_PERIOD = re.compile(
    _PERIOD_START
    + rf"(?:{_TO_DATE}|(?:截至|截止到|截止)?(?:{_DAY}|(?P<lastmonth>上月|上个月|本月)|(?P<week>本周|上周|上一周)(?P<weekday>[一二三四五六日天](?![度季]))?|(?:{_YEAR})?(?:{_SPAN})?))"
)
# Words that make the period after them a comparison base: 比上年全年加快1.5个百分点 is about
# the figure's own period, compared with last year. After 由/从 the base is the figure's own
# period only for the figure right after it (利润由上年全年下降2.3%转为增长10.2%).
_SINCE = re.compile(r"(?:开始|起|以来|来(?=[最新首])|至今)")  # 2020年11月来最低
# …and 去年12月13日美联储议息会议首日以来高位: the day of an event, then its span; not 一季度净利润创上市以来新高,
# where the record is the quarter's own (创 says so).
_RECORD_SINCE = re.compile(r"(?:年?中|底|末|初|[^\d，。；,;创刷达为是增降涨跌]{1,12}?)?(?:以来|来)的?(?:历史)?"
                           r"(?:新高|新低|最高|最低|高位|低位|低谷|高点|低点|峰值|最大|最小|最快|最慢|最多|最少)")
_SINCE_PART = re.compile(r"(?:上旬|中旬|下旬|初|底|末)?以来")
_BASE_BEFORE = ("比", "较", "高于", "低于", "快于", "慢于", "同", "与", "相比", "由", "从", "是",
                "创", "刷新")  # 5月4日创2020年10月来最低: the span a record is set over, not the figure's period
_DAYS_BACK = {"今天": 0, "今日": 0, "今晨": 0, "今早": 0, "昨天": 1, "昨日": 1, "昨晚": 1, "前天": 2}


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
        year = int(m["year"])
        return year + 2000 if year < 100 else year  # 22年10月
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
        # Not a year something started in (是该公司2008年开始相关调查以来最大涨幅): 截至2月19日 is this year's.
        explicit = [m for m in re.finditer(r"(?<!\d)((?:19|20)\d\d)年", sentence)
                    if not _base(sentence, m.start()) and not _SINCE.match(sentence, m.end())]
        context_year = int(explicit[0][1]) if explicit else None  # 比2023年提前32天 dates nothing
    for m in _PERIOD.finditer(sentence):
        if not m.group().strip() or m.group() in ("截至", "截止"):
            continue
        if ((m["relday"] or m["day"]) or sentence.endswith(_AT_A_TIME, 0, m.start())) and _RELEASED.match(sentence, m.end()):
            continue  # 此前恒大集团曾在2023年3月份披露，…交付数量为900多辆: when it was told, not what it covers
        if m["relday"] or m["ytd"] or m["now"]:
            day = _relative(m, published, out)
            if day is not None:
                out.append(PeriodMention(day, m.start(), m.end(), _base(sentence, m.start())))
            continue
        # 去年同期 names a comparison base, not the period a figure is about.
        if sentence[m.end() : m.end() + 2] == "同期":
            continue
        # 财联社6月1日电, 本报北京4月2日电: the day a report was filed, not its figures' period.
        if m["day"] and _DATELINE.match(sentence, m.end()):
            continue
        # 8月交货的原油期货, 9月合约: a contract's month, not the figure's period.
        if m["month"] and not m["day"] and _CONTRACT.match(sentence, m.end()):
            continue
        # 2026年第四期国债, 2024年第3批: the year is part of a name, not the figure's period.
        if (m["year"] or m["rel"]) and not has_span(m) and _ISSUE.match(sentence, m.end()):
            continue
        # A year inside a number (120.41) or a duration (30年) is not a period.
        if m["year"] and (m.start() > 0 and sentence[m.start() - 1].isdigit()):
            continue
        bare_full_year = m["full"] and not (m["year"] or m["rel"]) and context_year is None
        period = _resolve(m, published, story_year if bare_full_year and story_year else context_year)
        if period is None:
            continue
        if (not (m["year"] or m["rel"]) and context_year is None and period.start > published
                and not _FUTURE.search(sentence, 0, m.start()) and not _CHANCE.match(sentence, m.end())):
            # 截至11月末 in a February article means last November, not a future one.
            period = _resolve(m, published, published.year - 1)
            if period is None:
                continue
        elif (bare_full_year and not story_year and period.end > published and published.month <= BARE_YEAR_LAST_MONTH
              and not _FUTURE.search(sentence, 0, m.start()) and not _CHANCE.match(sentence, m.end())):
            # 全年国内生产总值990865亿元 in a February bulletin, 全年…增长10.7% in May: the year just ended, told as
            # done; this year's 全年 is still to come (将, 预计, 目标 say so).
            period = _resolve(m, published, published.year - 1) or period
        if m["year"] or m["rel"]:
            context_year = period.start.year
        if not has_span(m) and out and out[-1].period.days == 1 and out[-1].period.label.startswith(("截至", "截止")):
            as_of = out[-1]
            if m.start() - as_of.end <= 2 and as_of.period.start.year == period.start.year:
                # 截至4月29日，今年…已达500亿件: the year so far, as of that day, one period (the day alone
                # would be read as the more specific one).
                out.pop()
                out.append(PeriodMention(Period(period.start, as_of.period.start, as_of.period.label + m.group()),
                                         as_of.start, m.end(), as_of.base))
                continue
        elif (not has_span(m) and period.start <= published < period.end and period.days > 300
              and _SO_FAR.search(sentence, m.end())):
            # 今年全国铁路累计完成货物发送量17.27亿吨 in June: the year so far, not the whole year.
            period = Period(period.start, published, m.group())
        base = _base(sentence, m.start())
        if not base and _RECORD_SINCE.match(sentence, m.end()):
            base = "创"  # 逼近1990年来低谷, 1990年中以来高位: the span a record is measured over, whatever the verb
        if not base and out and out[-1].base and out[-1].end == m.start() - 1 and sentence[m.start() - 1] in "到至—-～~":
            base = out[-1].base  # 是1950年到2002年53年的总和: both ends of a compared span are the comparison's
        if not base and out and out[-1].base and _BASE_LISTED.fullmatch(sentence, out[-1].end, m.start()):
            base = out[-1].base  # 相比2022年第二季度的22%和2023年第一季度的23%: a list of bases, each a base
        if not base and out and _ASIDE.match(sentence, m.end()) and sentence[max(0, m.start() - 1)] in "，,；;":
            base = "为"  # 5月份…下降2.2%，4月份为增长1.9%；日均产量…: the month before, for its own figure only
        as_at = _AS_AT.search(sentence, 0, m.start())
        if (period.days == 1 and not base and as_at and (as_at["year"] or _YEAR_NAMED.search(m.group()))
                and sentence.startswith(("，", ","), m.end())):
            # 于二零二三年九月三十日，本公司的现金净额为…: a balance sheet's "as at", a stock as of that day.
            period = Period(period.start, period.end, "截至" + period.label)
        out.append(PeriodMention(period, m.start(), m.end(), base))
    out = _spans_between_days(sentence, published, _that_day(_with_bare_days(sentence, published, out)))
    plans = _plan_periods(sentence)
    if plans:
        out = sorted([p for p in out if not any(q.start <= p.start < q.end for q in plans)] + plans, key=lambda p: p.start)
    cutoff = next((p.start for p in out if p.period.days == 1 and p.period.label.startswith(("截至", "截止"))), None)
    if cutoff is not None:
        # 截至6月18日上午，…8日发生的强震已导致78人死亡: the day before 的 names the event, the count is as of the 18th.
        out = [p for p in out if p.start <= cutoff or not _ATTRIBUTE.match(sentence, p.end)]
    # 9日消息称，菲律宾南部8日发生的地震已造成37人死亡: the day the quake struck names the event; its toll is as
    # of the day it was reported, which a later report moves on from.
    out = [PeriodMention(p.period, p.start, p.end, EVENT) if p.period.days == 1 and not p.base
           and _HAPPENED.match(sentence, p.end) else p for p in out]
    out = _attributive_years(sentence, _windows(sentence, _days_of_a_month(
        sentence, _spans_between_months(sentence, _spans_between_years(sentence, out)))))
    # 2013至2017年这五年间: the five years are the ones just named, not the five before the article.
    past = [p for p in _past_years(sentence, published)
            if not any(q.start <= p.start < q.end or 0 <= p.start - q.end <= 1 for q in out)]
    if past:
        out = sorted(out + past, key=lambda p: p.start)
    holidays = _holidays(sentence, published, context_year)
    if holidays:
        # A holiday inside a 今年 names the figure's days; drop the year it sits in.
        out = [p for p in out if not any(h.start <= p.end + 1 and p.period.contains(h.period) and p.period.days > 300
                                         for h in holidays if h.start >= p.start)]
        counted_to = next((p for p in out if p.period.label.startswith(("截至", "截止"))), None)
        if counted_to is not None and any(_counted_so_far(counted_to, h, sentence) for h in holidays):
            # 截至6月9日19时59分，2026年暑期档总票房（含预售）突破4亿元: the season's total so far, as counted that
            # day (presales before it opens), which a later day's count replaces; not the season's final total.
            to = counted_to
            holidays = [_so_far(to, h) if _counted_so_far(to, h, sentence) else h for h in holidays]
            out = [p for p in out if p is not to]
        out = sorted(out + holidays, key=lambda p: p.start)
    return out


EVENT = "发生"  # the base of a day that names an event (8日发生的地震), not the period of the figures after it
ATTRIBUTIVE = "的"  # the base of a year that describes a noun (上年价格变动的翘尾影响), not the figures' period
_DESCRIBES = re.compile(r"(?![全我本该各])[\u4e00-\u9fff]{1,6}?的(?!话)")  # not 去年全省的CPI: a scope, then the measure


def _attributive_years(sentence: str, found: list[PeriodMention]) -> list[PeriodMention]:
    """在6月份的CPI同比变动中，上年价格变动的翘尾影响约为0.5个百分点; 5月份，去年新开工项目的投资增长…: a year
    that describes a noun (the price changes of last year) leaves the month named before it in force."""
    out: list[PeriodMention] = []
    for p in found:
        narrower = next((q for q in reversed(out) if not q.base and q.period.days < 300), None)
        if (narrower is not None and not p.base and p.period.days > 300 and _DESCRIBES.match(sentence, p.end)
                and not re.search(r"[。！？]", sentence[narrower.end : p.start])):
            p = PeriodMention(p.period, p.start, p.end, ATTRIBUTIVE)
        out.append(p)
    return out


def _counted_so_far(as_of: PeriodMention, season: PeriodMention, sentence: str) -> bool:
    return (as_of.end <= season.start and as_of.period.end <= season.period.end
            and not re.search(r"[。；;！？]", sentence[as_of.end : season.start]))


def _so_far(as_of: PeriodMention, season: PeriodMention) -> PeriodMention:
    day = as_of.period.end
    period = Period(min(season.period.start, day), day, as_of.period.label + season.period.label)
    return PeriodMention(period, as_of.start, season.end, as_of.base)


# Five-year plans: “十三五”时期 is 2016–2020, 到“十四五”末 the end of 2025. The sixth plan is 1981–85, and from
# the third (1966–70) on they follow each other every five years.
# Quoted, or followed by a word that makes it a plan: 十五天 is fifteen days.
_PLAN = re.compile(
    r"(?:[“\"](?P<q>十[一二三四五六七八九]?|[三四五六七八九])五[”\"]|(?P<n>十[一二三四五六七八九]?|[三四五六七八九])五(?=时期|期间|末|期末|规划|计划))"
    r"(?P<part>时期|期间|末|期末|以来|规划期)?"
    r"|第(?P<ordinal>十[一二三四五六七八九]?|[三四五六七八九])个五年规划(?P<part2>时期|期间|期末|末)?"
)


def _plan_periods(sentence: str) -> list[PeriodMention]:
    if "五" not in sentence:
        return []
    out = []
    for m in _PLAN.finditer(sentence):
        n = _n(m["q"] or m["n"] or m["ordinal"])
        if not 3 <= n <= 20:
            continue
        start = 1966 + 5 * (n - 3)
        part = m["part"] or m["part2"] or ""
        if part in ("末", "期末"):
            end = dt.date(start + 4, 12, 31)
            period = Period(end, end, m.group())  # 到“十四五”末: as of the plan's last day
        else:
            period = Period(dt.date(start, 1, 1), dt.date(start + 4, 12, 31), m.group())
        out.append(PeriodMention(period, m.start(), m.end(), _base(sentence, m.start())))
    return out


# 美联储3日宣布, 苏丹卫生部2日宣布: a day of the month without the month, in news the
# month of the broadcast (or the one before, for a day still to come this month).
# (Not 此前3日, 近5日, 连续3日: a count of days.)
_BARE_DAY = re.compile(r"(?<![\d月年号前近续去共约满])(\d{1,2})日(?![元本内])")


THAT_DAY = ("当天", "当日")  # the day named before, in the sentence (or, extract/story.py, its paragraph)


def _that_day(found: list[PeriodMention]) -> list[PeriodMention]:
    """据巴勒斯坦媒体27日报道，以军当天空袭…: 当天 is the bare day named before it (read after the dated ones)."""
    out: list[PeriodMention] = []
    for p in found:
        if p.period.label in THAT_DAY:
            days = [q.period for q in out if q.period.days == 1 and q.period.label not in THAT_DAY]
            if days and days[-1].start != p.period.start:
                p = replace(p, period=Period(days[-1].start, days[-1].start, p.period.label))
        out.append(p)
    return out


def day_of_month(day: int, published: dt.date) -> dt.date | None:
    """The date a bare 29日 names in an article of `published`: this month's, or last month's when that day is
    still to come (29日 told on the 2nd); None for a day the month lacks."""
    month = published.replace(day=1)
    if day > published.day:
        month = (month - dt.timedelta(days=1)).replace(day=1)
    try:
        return month.replace(day=day)
    except ValueError:
        return None


def _with_bare_days(sentence: str, published: dt.date, found: list[PeriodMention]) -> list[PeriodMention]:
    taken = [(p.start, p.end) for p in found]
    extra = []
    for m in _BARE_DAY.finditer(sentence):
        if any(s <= m.start() < e for s, e in taken):
            continue
        date = day_of_month(int(m[1]), published)
        if date is None:
            continue
        extra.append(PeriodMention(Period(date, date, m.group()), m.start(), m.end(), _base(sentence, m.start())))
    return sorted(found + extra, key=lambda p: p.start) if extra else found


# 广交会将于10月15日至11月4日举办: a day still to come this year, not last year's.
_FUTURE = re.compile(r"将于|将在|将|计划于|拟于|预计|定于|即将|下月|下个月")
# A year still running, said to be so far: 今年…累计完成, 今年…已达.
# 美联储7月降息25个基点的概率 in May: the chance of something still to come, this year's July.
_CHANCE = re.compile(r"[^，。；,;：:]{0,30}?(?:概率|可能性|几率)")
_ATTRIBUTE = re.compile(r"(?:发生|举行|召开|开始|爆发)?的(?![\d一二三四五六七八九十])")
# …and 5月4日曾创2020年10月来最低: the day a record was set, not the day of the moves told after it
_HAPPENED = re.compile(r"(?:[（(][^）)]{1,12}[）)])?(?:(?:发生|爆发)的|曾?(?:创下?|刷新)(?!造|建|作|办|业|新(?!高|低)))")
_SO_FAR = re.compile(r"累计|已(?:经|达|有|完成|实现|突破|超过?)")
# 电 after a day ends a dateline, unless it starts a word (6月1日电力负荷, 电网, 电商…).
_DATELINE = re.compile(r"电(?![力网量价池子影视商动站厂器话梯费能气信脑源线机台车路缆荷竞磁流压解镀])")
_ASIDE = re.compile(r"份?为(?=[\d增下减上])")
# 国家统计局今天（6月27日）发布的数据显示，2024年…: the day the data came out, not the period it covers.
_RELEASED = re.compile(r"(?:[（(][^）)]{1,8}[）)]|[）)])?(?:发布|公布|披露|通报|宣布)")
_AT_A_TIME = ("在", "于")
_CONTRACT = re.compile(r"份?(?:交货|交割|合约|期货|到期)")
_ISSUE = re.compile(r"第[\d一二三四五六七八九十]{1,3}[期批届次轮号]")
_RANGE_SEP = re.compile(r"[至到—\-~～]")


_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)年?(?:至|到|—|－|-|～|~)((?:19|20)\d\d)年(?!\d)")


_MONTH_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)年(\d{1,2})月份?(?:至|到|—|－|-|～|~)((?:19|20)\d\d)年(\d{1,2})月份?(?![\d日])")


DAY_RANGE = re.compile(r"(?<!\d)(\d{1,2})月(\d{1,2})日?[-—~～至到](\d{1,2})日")


def _spanning(found: list[PeriodMention], span: PeriodMention) -> list[PeriodMention]:
    """The periods with `span` in place of those it covers (2016年至2020年 for 2016年 and 2020年), in order."""
    return sorted([p for p in found if not (span.start <= p.start < span.end)] + [span], key=lambda p: p.start)


def _days_of_a_month(sentence: str, found: list[PeriodMention]) -> list[PeriodMention]:
    """5月1-31日 is the days of May between, a month's count so far (not 31日, nor all of May)."""
    for m in DAY_RANGE.finditer(sentence):
        month = next((p for p in found if p.start == m.start() and p.period.start.month == int(m[1])), None)
        if month is None:
            continue
        try:
            first, last = month.period.start.replace(day=int(m[2])), month.period.start.replace(day=int(m[3]))
        except ValueError:
            continue
        if first > last:
            continue
        span = PeriodMention(Period(first, last, m.group()), m.start(), m.end(), month.base)
        found = _spanning(found, span)
    return found


def _windows(sentence: str, found: list[PeriodMention]) -> list[PeriodMention]:
    """截至3月19日的四周内, 截至5月14日的过去12周 (record.period.WINDOW): a rolling rate over the four weeks to a
    day is that window's figure, not a running total as of the day; the next window's is another period's."""
    out = []
    for p in found:
        m = WINDOW.match(sentence, p.end)
        if m is None or p.period.days != 1 or not p.period.label.startswith(("截至", "截止")):
            out.append(p)
            continue
        try:
            n = int(number(m["n"]))
        except NotANumber:
            out.append(p)
            continue
        end = p.period.end
        if m["unit"] == "月":
            months = end.year * 12 + end.month - 1 - n
            start = _same_day_or_last(months // 12, months % 12 + 1, end.day) + dt.timedelta(days=1)
        else:
            start = end - dt.timedelta(days=(7 if m["unit"] in ("周", "星期") else 1) * n - 1)
        out.append(PeriodMention(Period(start, end, sentence[p.start : m.end()]), p.start, m.end(), p.base))
    return out


def _same_day_or_last(year: int, month: int, day: int) -> dt.date:
    for d in range(day, 27, -1):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    return dt.date(year, month, min(day, 28))


def _spans_between_years(sentence: str, found: list[PeriodMention]) -> list[PeriodMention]:
    """2016年至2020年, 2020—2023年年均: the years between, one span (not its first and last year apart)."""
    for m in _YEAR_RANGE.finditer(sentence):
        first, last = int(m[1]), int(m[2])
        if not first < last <= first + 30:
            continue
        span = PeriodMention(Period(dt.date(first, 1, 1), dt.date(last, 12, 31), m.group()), m.start(), m.end(),
                             _base(sentence, m.start()))
        found = _spanning(found, span)
    return found


def _spans_between_months(sentence: str, found: list[PeriodMention]) -> list[PeriodMention]:
    """从2017年8月至2023年6月 is the months between, one span: read as its last month, two people's counts over
    different years looked like one month's figure."""
    for m in _MONTH_RANGE.finditer(sentence):
        first, last = (int(m[1]), int(m[2])), (int(m[3]), int(m[4]))
        if not (1 <= first[1] <= 12 and 1 <= last[1] <= 12 and first < last and last[0] <= first[0] + 30):
            continue
        end = dt.date(last[0] + last[1] // 12, last[1] % 12 + 1, 1) - dt.timedelta(days=1)
        span = PeriodMention(Period(dt.date(first[0], first[1], 1), end, m.group()), m.start(), m.end(),
                             _base(sentence, m.start()))
        found = _spanning(found, span)
    return found


def _spans_between_days(sentence: str, published: dt.date, found: list[PeriodMention]) -> list[PeriodMention]:
    """10月15日至11月4日 is the days between; 自3月2日以来 runs from that day to the day of writing.

    Read as one day each, the death toll since 3月2日 on 14 March and on 11 May
    looked like two figures for one day.
    """
    out: list[PeriodMention] = []
    for p in found:
        prev = out[-1] if out else None
        gap = sentence[prev.end : p.start] if prev else ""
        if prev and prev.period.days == 1 and p.period.days == 1 and _RANGE_SEP.fullmatch(gap) and not prev.base:
            end = p.period.start
            if p.period.label.endswith("日") and re.fullmatch(r"\d{1,2}日", p.period.label):
                try:
                    end = prev.period.start.replace(day=int(p.period.label[:-1]))  # 10月15日至25日: the same month
                except ValueError:
                    pass
            if end >= prev.period.start:
                label = sentence[prev.start : p.end]
                out[-1] = PeriodMention(Period(prev.period.start, end, label), prev.start, p.end, prev.base)
                continue
        since = _SINCE_PART.match(sentence, p.end)  # 以来, and 自4月中旬以来: from a part of that month
        if since and p.period.start <= published and not p.period.as_of:
            label = sentence[p.start : since.end()]
            p = PeriodMention(Period(p.period.start, published, label), p.start, since.end(), p.base)
        out.append(p)
    return out


def has_span(m: re.Match[str]) -> bool:
    return any(
        m[g] for g in ("first", "from", "qfrom", "q", "qs", "half", "month", "full", "yearend", "yearstart", "lastmonth")
    )


# Holidays: a figure for the 五一 holiday is not one for the Spring Festival, though both are 今年.
# Lunar dates (the first day of each festival) for the years the news archive covers.
_SPRING_FESTIVAL = {
    2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29),
    2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13), 2030: (2, 3),
}
_DRAGON_BOAT = {
    2020: (6, 25), 2021: (6, 14), 2022: (6, 3), 2023: (6, 22), 2024: (6, 10), 2025: (5, 31),
    2026: (6, 19), 2027: (6, 9), 2028: (5, 28), 2029: (6, 16), 2030: (6, 5),
}
_MID_AUTUMN = {
    2020: (10, 1), 2021: (9, 21), 2022: (9, 10), 2023: (9, 29), 2024: (9, 17), 2025: (10, 6),
    2026: (9, 25), 2027: (9, 15), 2028: (10, 3), 2029: (9, 22), 2030: (9, 12),
}
_HOLIDAY = re.compile(
    r"(?P<name>春运|暑运|暑期|[“\"]?(?:五一|十一)[”\"]?|劳动节|国庆中秋|中秋国庆|国庆节?|春节|新春|元旦|清明节?|端午节?|中秋节?)"
    r"(?P<kind>假期|长假|小长假|黄金周|期间|档|(?<=春运)|(?<=暑运)|(?<=暑期))"
    r"(?P<part>前(?P<first>\d{1,2}|[一二两三四五六七八九十]{1,2})天|首日|第一天|最后一天|第(?P<nth>\d{1,2}|[一二三四五六七八九十]{1,3})天)?"
)


def _holiday(m: re.Match[str], year: int) -> Period | None:
    """The days of a named holiday in a year, or of the part of it named (假期前三天, 春运第11天)."""
    name = m["name"].strip("“”\"")
    if name in ("春运", "春节", "新春"):
        if year not in _SPRING_FESTIVAL:
            return None
        first = dt.date(year, *_SPRING_FESTIVAL[year])
        start, end = (first - dt.timedelta(days=15), first + dt.timedelta(days=24)) if name == "春运" else (
            first - dt.timedelta(days=1), first + dt.timedelta(days=6))
    elif name in ("端午", "端午节", "中秋", "中秋节"):
        table = _DRAGON_BOAT if name.startswith("端午") else _MID_AUTUMN
        if year not in table:
            return None
        day = dt.date(year, *table[year])
        start, end = day - dt.timedelta(days=1), day + dt.timedelta(days=1)
    else:
        fixed = {
            "五一": (5, 1, 5), "劳动节": (5, 1, 5), "十一": (10, 1, 7), "国庆": (10, 1, 7), "国庆节": (10, 1, 7),
            "国庆中秋": (10, 1, 8), "中秋国庆": (10, 1, 8), "元旦": (1, 1, 3), "清明": (4, 4, 3), "清明节": (4, 4, 3),
            "暑运": (7, 1, 62), "暑期": (7, 1, 62),
        }[name]
        start = dt.date(year, fixed[0], fixed[1])
        end = start + dt.timedelta(days=fixed[2] - 1)
    if m["first"]:
        n = _n(m["first"])
        end = min(end, start + dt.timedelta(days=max(n, 1) - 1))
    elif m["nth"]:
        start = end = start + dt.timedelta(days=max(_n(m["nth"]), 1) - 1)
    elif m["part"] in ("首日", "第一天"):
        end = start
    elif m["part"] == "最后一天":
        start = end
    return Period(start, end, m.group())


# 过去五年, 五年来, 这五年, 近十年, 五年累计: the years before the article's own, counted back from it (a government
# report's review). Not 新中国成立75年来 (an anniversary's span) nor 未来五年 (a plan).
_PAST_YEARS = re.compile(
    r"(?:过去|这|近)(?P<a>[二两三四五六七八九十]|\d)年(?:来|间|里|的)?|(?<![\d一二三四五六七八九十成立续])(?P<b>[二两三四五六七八九十])年(?:来|以来|累计|间)"
)


def _past_years(sentence: str, published: dt.date) -> list[PeriodMention]:
    out = []
    for m in _PAST_YEARS.finditer(sentence):
        n = _n(m["a"] or m["b"])
        if 2 <= n <= 10:
            first, last = published.year - n, published.year - 1
            out.append(PeriodMention(Period(dt.date(first, 1, 1), dt.date(last, 12, 31), m.group()), m.start(), m.end(),
                                     _base(sentence, m.start())))
    return out


def _holidays(sentence: str, published: dt.date, context_year: int | None) -> list[PeriodMention]:
    out = []
    for m in _HOLIDAY.finditer(sentence):
        year = context_year or published.year
        period = _holiday(m, year)
        if period is not None and context_year is None and period.start > published + dt.timedelta(days=30):
            period = _holiday(m, year - 1)  # 国庆假期 in a January story is last October's
        if period is not None:
            out.append(PeriodMention(period, m.start(), m.end(), _base(sentence, m.start())))
    return out


def is_base(sentence: str, start: int) -> bool:
    """The period starting at `start` is a comparison base (比2021年, 较上年), not what a figure is about."""
    return _base(sentence, start) not in ("", "由", "从")


def _base(sentence: str, start: int) -> str:
    before = sentence[max(0, start - 2) : start]
    found = next((w for w in _BASE_BEFORE if before.endswith(w)), "")
    if found == "是" and before.endswith(_CLEFT):
        found = ""  # 9.6%，这是今年上半年…增长的速度: the figure's own period, said after it
    if found == "从" and _VIEWED.match(sentence, start):
        found = ""  # 从12月当月看，CPI同比上涨1.8%: the period the figures are viewed over, no start of a change
    if not found and before.endswith("在") and _ON_THE_BASIS.match(sentence, start):
        found = "在"  # 今年在去年的基础上，新增减税降费超过2.5万亿元: last year is the base, this year the period
    if not found and before.endswith(("和", "跟")) and _LEVEL_WITH.match(sentence, start):
        found = before[-1]  # 一季度网络零售规模和去年基本持平: last year is what the quarter is set against
    if not found and _SHARE_OF.search(sentence, max(0, start - SHARE_REACH), start):
        return "占"  # 占公司2025年营业总收入的31.75%: the whole a share is of, not the period of the sentence's figures
    return found


_VIEWED = re.compile(r"[^，。；,;从由到至]{1,12}?(?:来)?看[，,]")
_BASE_LISTED = re.compile(r"(?:的[^，。；,;比较]{0,12}?)?[和、及与]")
_CLEFT = ("这是", "那是", "正是", "就是", "也是", "都是")
_AS_AT = re.compile(r"(?:^|[，。；,;])于(?P<year>[二〇零一三四五六七八九]{4}年)?$")
_YEAR_NAMED = re.compile(r"(?:\d{4}|[二〇零一二三四五六七八九]{4})年")
_ON_THE_BASIS = re.compile(r"[^，。；,;]{1,8}?的?基础上")
BARE_YEAR_LAST_MONTH = 9  # until September a bare 全年 told as done is last year's; later it may be this year's, nearly over
_LEVEL_WITH = re.compile(r"[^，。；,;]{1,10}?(?:基本)?(?:持平|相比|相当|相同|一样|差不多)")
SHARE_REACH = 6
_SHARE_OF = re.compile(r"占[^，。；,;、\d]{0,4}$")


def _relative(m: re.Match[str], published: dt.date, earlier: list[PeriodMention]) -> Period | None:
    """今天/昨天 against the publication date; 当天/当日 is the day named before it, if any."""
    label = m.group()
    if m["ytd"]:
        return Period(dt.date(published.year, 1, 1), published, label)
    if m["now"]:
        return Period(published, published, label)
    word = m["relday"]
    if word in _DAYS_BACK:
        day = published - dt.timedelta(days=_DAYS_BACK[word])
        return Period(day, day, label)
    named = [p.period for p in earlier if p.period.days == 1]
    day = named[-1].start if named else published
    return Period(day, day, label)


def _resolve(m: re.Match[str], published: dt.date, context_year: int | None) -> Period | None:
    label = m.group()
    if m["week"]:
        # 上交所本周…上报案件线索1起: that week's count, Monday to Sunday, not every week's.
        monday = published - dt.timedelta(days=published.weekday() + (7 if m["week"] != "本周" else 0))
        if m["weekday"]:
            day = monday + dt.timedelta(days="一二三四五六日天".index(m["weekday"]) if m["weekday"] != "天" else 6)
            return Period(day, day, label)  # 上周四: that Thursday, a day
        return Period(monday, monday + dt.timedelta(days=6), label)
    if m["lastmonth"]:
        first = published.replace(day=1)
        if m["lastmonth"] != "本月":
            first = (first - dt.timedelta(days=1)).replace(day=1)
        return Period(first, _month_end(first.year, first.month), label)
    if (m["yearend"] or m["yearstart"]) and not (m["year"] or m["rel"]):
        return None
    if not (m["year"] or m["rel"]) and not has_span(m):
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
        if m["yearstart"]:
            start = dt.date(year, 1, 1)
            return Period(start, start, label)  # 2020年初尚未脱贫的551万: as of the year's first day
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
            if m["half"] in ("上半年", "半年度"):  # 2026年半年度: a company's half-year, January to June
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


BASE_REACH = 4  # 由上年全年下降2.3%: how far after a 由/从 base its own figure may start


_THIS_YEAR = ("今年", "本年", "年内")


def period_for(mentions: list[PeriodMention], position: int) -> Period | None:
    """The period in force at `position`: the nearest mention before it, or a more specific one it contains.

    Comparison bases (比上年全年, 较去年同期) are skipped, except a 由/从 base
    for the figure right after it.
    """
    for p in reversed(mentions):
        if p.end <= position:
            if p.base in ("由", "从", "为") and position - p.end <= BASE_REACH:
                return p.period
            break
    before = [p for p in mentions if p.end <= position and not p.base]
    if not before:
        return None
    chosen = before[-1].period
    for p in reversed(before[:-1]):
        if chosen.label in _THIS_YEAR and p.period.as_of and p.period.days == 1 and chosen.contains(p.period):
            # 截至6月10日，中欧班列今年累计开行已突破万列: this year's running total as of the day, not the day's own
            # count nor one of all the years (13万列 since 2011).
            return Period(chosen.start, p.period.end, p.period.label + chosen.label)
        if chosen.contains(p.period) and p.period != chosen and chosen.days > p.period.days and chosen.days >= 365:
            # 5月9日，平湖市举行2023年…大会，签约项目28个: the day, not the year; but 4月…6494万千瓦，1-4月…24150万千瓦:
            # a running span named after a month is the figure's own.
            chosen = p.period
    return chosen
