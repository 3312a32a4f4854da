"""What a story has established as its figures are read: its subject, its period, the short names of its bodies.

A story ends at a heading (### in a transcript, a line in bold, a long
unpunctuated title); a list item is a story of its own. Nothing carries
across, so a subject named in one story is never the subject of the next.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ..record.period import Period
from . import subject
from .measure import ITEM_SEP
from .period import THAT_DAY, PeriodMention, is_base, period_for
from .quantity import Quantity

# 党的十八大以来, 新中国成立以来, 疫情发生以来: since an event the words name, up to the article's day.
_SINCE_EVENT = re.compile(r"(?:^|(?<=[，。；：,;:]))(?P<since>(?:自|从)?[\u4e00-\u9fff“”]{2,12}?以来)[，,]")
# Words that date a figure to the article's day (最新数据显示…: the newest there is, as of that day).
# 本季度…占比93.4% in a results release: the quarter it reports, as of the article (not the calendar's).
_EARLIER_SAID = re.compile(r"上一?季度|上个?月|上一年|前一年|去年同期|上年同期")
# not 主要表现在, 体现在; not 从目前的10%提高至20%, the start of a change (the figure after 提高至 is 2030's);
# 现报4.265%: a market's quote now.
_NOW = re.compile(r"(?<![从由较比])(?:如今|目前|(?<!表|体|实|出|发)现在|当前|现有|眼下|最新|本季度|(?<![\u4e00-\u9fff])现报)")


# 微软股价上涨1.39%，市值达到28844亿美元，而苹果股价跌0.50%，市值28813亿美元: a clause that opens on
# 而 or 但 and a name turns the sentence to that body.
_TURN = re.compile(r"(?:^|[，,；;])(?:而|但|但是)$")


def _subject_for(mentions: list[subject.Mention], position: int, clause_start: int, text: str = "") -> subject.Mention | None:
    """The body a figure is about: named in its own clause, else the sentence's topic before it."""
    before = [m for m in mentions if m.end <= position]
    in_clause = [m for m in before if m.start >= clause_start and m.topical]
    if in_clause:
        return in_clause[-1]
    topical = [m for m in before if m.topical]
    turned = [m for m in topical if _TURN.search(text, 0, m.start)]
    return turned[-1] if turned else _head(topical)


def _head(topical: list[subject.Mention]) -> subject.Mention | None:
    """The first body named, or the innermost of names written together (平湖经开区钟溪汇国际青年社区)."""
    if not topical:
        return None
    head = topical[0]
    for m in topical[1:]:
        if m.start - head.end > 1:
            break
        head = m
    return head


def _bracketed_after(mentions: list[subject.Mention], q: Quantity, text: str) -> subject.Mention | None:
    """分别是：上海（9.7%）、海南（8.6%）: a figure in brackets right after a body's name is that body's."""
    if q.start < 1 or text[q.start - 1] not in "（(" or not text.startswith(("）", ")"), q.end):
        return None
    return next((replace(m, topical=True) for m in mentions if m.end == q.start - 1 and m.kind in _PLACE_KINDS + (
        subject.ORGANISATION, subject.KNOWN)), None)


def _described(mentions: list[subject.Mention], q: Quantity, text: str) -> subject.Mention | None:
    """总投资102亿元的独山能源三期项目: a figure before 的 describes the body named right after it."""
    if text[q.end : q.end + 1] != "的":
        return None
    return next((m for m in mentions if m.start == q.end + 1), None)


@dataclass(slots=True)
class Stated:
    """Something a story said earlier (a subject, a period), and the line where it said it."""

    value: object
    line: int
    paragraph: int = -1  # index of the paragraph that said it


class StoryState:
    """What a story has established so far: its last subject and period, the short names of its companies.

    A story ends at a heading (### in a transcript, a line in bold, a long
    unpunctuated title); a list item is a story of its own. Nothing carries
    across, so a subject named in one story is never the subject of the next.
    """

    def __init__(self, known: subject.ShortNames | None = None, names: subject.Gazetteer | None = None) -> None:
        self.known = known
        self.names = names
        self.subject: Stated | None = None  # value: subject.Mention
        self.period: Stated | None = None  # value: Period
        self.periods_listed: Stated | None = None  # value: tuple[Period, ...], a sentence's closing list (2020年、2021年及2022年)
        self.whole: str = ""  # the metric of the paragraph's last figure, which a 其中 sentence breaks down
        self.part: str = ""  # the whole that the sentence before, ending in ；, was breaking down
        self.indicator: str = ""  # the indicator whose rate the sentence before, ending in ；, gave (PPI同比…；环比…)
        self.headline: Stated | None = None  # the period the story's heading names (### 前三季度我国…)
        self.lead: Stated | None = None  # the period a list's opening paragraph begins with (“十四五”时期是…)
        # 环比 where the section's heading says its changes are month on month (二、3月份…价格环比变动情况)
        self.reckoning: str = ""
        # 二、中国非制造业采购经理指数运行情况: the sector whose indexes the section's sub-indexes are (新订单指数)
        self.sector: str = ""
        # 按国际财务报告准则：, 以美元计价：: the basis a line of its own sets for the figures after it
        self.basis: str = ""
        self.countries: list[str] = []  # foreign countries the story has named, in order
        self.short_names = subject.ShortNames(parent=known)
        self.year: int | None = None
        self.aliases: dict[str, str] = {}  # short names the story gave its bodies: 上铁集团 → 中国铁路上海局

    def fresh(self) -> StoryState:
        return StoryState(self.known, self.names)

    def learn(self, mention: subject.Mention) -> None:
        if mention.alias:
            self.aliases.setdefault(mention.name, mention.canonical)
            self.short_names.add(mention.name, mention.canonical)
            return
        if mention.strong and subject._LEGAL_SUFFIX.search(mention.name):
            core = mention.canonical
            for n in range(2, min(len(core), 5)):
                prefix = core[:n]
                if not subject.home().region_prefix.match(prefix):  # 浙江轩田: 浙江 is no company's short name
                    self.short_names.add(prefix, core)
            self.short_names.add(core, core)


def full_pairs(named: list[list[subject.Mention]], story: StoryState) -> list[list[subject.Mention]]:
    """瑞中建交 with 瑞典 named in the story is 中瑞典, not 中瑞士: a one-character form read by the full name."""
    for ms in named:
        story.countries.extend(m.canonical for m in ms if m.kind == subject.COUNTRY)
    if not story.countries:
        return named
    out = []
    for ms in named:
        fixed = []
        for m in ms:
            if m.kind == subject.PAIR and len(m.canonical) == 2:
                full = next((c for c in reversed(story.countries) if c.startswith(m.canonical[1])), None)
                m = replace(m, canonical="中" + full) if full else m
            fixed.append(m)
        out.append(fixed)
    return out


_PLACE_KINDS = (subject.NATIONAL, subject.COUNTRY, subject.REGION, subject.PLACE)


def named_in(text: str, story: StoryState) -> list[subject.Mention]:
    """Bodies named in the sentence, by full or short name; a national source cited with no body named is 全国."""
    mentions = subject.find_mentions(text, story.names)
    if story.aliases:
        # 上铁集团 after （简称上铁集团）: the body named in full, not a company called 上铁.
        mentions = [replace(m, canonical=story.aliases[m.name]) if m.name in story.aliases else m for m in mentions]
    for m in mentions:
        if not subject.acted_on(text, m):
            story.learn(m)
    taken = [(m.start, m.end) for m in mentions]
    # 国家能源局数据显示: the agency's name, not 国家能源 (a group's short name the store knows) inside it.
    taken += [a.span() for a in (story.names or subject.gazetteer()).agency_re.finditer(text)]
    for m in sorted(subject.short_name_mentions(text, story.short_names), key=lambda x: x.start - x.end):
        inside = [p for p in mentions if m.start <= p.start and p.end <= m.end and p.end - p.start < m.end - m.start
                  and p.kind in _PLACE_KINDS]
        if inside:
            # 中国西电, a company the store names in full: not 中国 (the country) followed by 西电.
            mentions = [p for p in mentions if p not in inside]
            taken = [t for t in taken if not any(t == (p.start, p.end) for p in inside)]
        if not any(s < m.end and m.start < e for s, e in taken):
            mentions.append(m)
            taken.append((m.start, m.end))
    if "两国" in text and not any(m.kind == subject.PAIR for m in mentions):
        mentions += _two_countries(text, mentions, story, taken)
    if not any(m.topical for m in mentions):
        own = subject.agency_itself(text, story.names)
        if own is not None:
            mentions.append(own)
    if not any(m.topical for m in mentions):
        cited = subject.attribution(text, story.names)
        if cited is not None:
            start, end = cited
            mentions.append(subject.Mention(text[start:end], subject.COUNTRY_WIDE, start, end, True, kind=subject.ATTRIBUTION))
    mentions.sort(key=lambda x: x.start)
    return mentions


def _two_countries(text: str, mentions: list[subject.Mention], story: StoryState,
                   taken: list[tuple[int, int]]) -> list[subject.Mention]:
    """同法国总统马克龙互致贺电，庆祝两国建交60周年: 两国 are China and the one foreign country the sentence (or
    else the story) names; with two or more named, which two is not said."""
    foreign = {m.canonical for m in mentions if m.kind == subject.COUNTRY} or set(story.countries)
    if len(foreign) != 1:
        return []
    pair = "中" + foreign.pop()
    return [subject.Mention("两国", pair, m.start(), m.end(), True, kind=subject.PAIR)
            for m in re.finditer("两国", text) if not any(s < m.end() and m.start() < e for s, e in taken)]


_LOCAL_WHOLE = re.compile(r"[全本]([省市区县州])")


def _jurisdiction(mentions: list[subject.Mention], q: Quantity, text: str) -> subject.Mention | None:
    """甘肃省统计局数据显示，…全省常住人口2492万人: 全省 is the province whose agency speaks, named only as the
    speaker (a speaker is no subject, cause 4 of #23, but the whole it reports on is its own)."""
    local = [m for m in _LOCAL_WHOLE.finditer(text, 0, q.start)]
    if not local:
        return None
    level, at = local[-1][1], local[-1].start()
    speakers = [m for m in mentions if not m.topical and m.end <= at and _can_be(m, level)
                and (m.name.endswith(level) or text.startswith(level, m.end))]
    return speakers[-1] if speakers else None


def _can_be(m: subject.Mention, level: str) -> bool:
    # 重庆市统计局…全市: a city under the central government is a region, and its 全市 is all of it
    return m.kind in subject.LOCAL_LEVEL_KINDS[level] or (level == "市" and m.kind == subject.REGION and m.name.endswith("市"))


# 重庆市统计局公布的数据显示, 山西省统计局发布的…公报显示: a place's statistics office reports on the place, so the
# figures after it are the place's, not those of a place the story named before.
_STATISTICS_OFFICE = re.compile(r"(?:省|市|自治区|区|县)?(?:统计局|调查总队)")


def statistics_office(mentions: list[subject.Mention], text: str, end: int | None = None) -> subject.Mention | None:
    """The place whose statistics office speaks in the sentence (before `end`), when no body is its topic."""
    if any(m.topical for m in mentions if end is None or m.end <= end):
        return None
    offices = [m for m in mentions if not m.topical and m.kind in _PLACE_KINDS and (end is None or m.end <= end)
               and _STATISTICS_OFFICE.match(text, m.end)]
    return replace(offices[-1], topical=True) if offices else None


def subject_of(
    mentions: list[subject.Mention],
    q: Quantity,
    clause_start: int,
    story: StoryState,
    line: int,
    paragraph: int,
    text: str = "",
) -> tuple[subject.Mention | None, str, int]:
    """The body a figure is about and where that was said: its clause, its sentence, its paragraph or its story."""
    bracketed = _bracketed_after(mentions, q, text)
    if bracketed is not None:
        return bracketed, "clause", line
    mention = _described(mentions, q, text) or _subject_for(mentions, q.number_start, clause_start, text)
    if mention is None or mention.kind == subject.ATTRIBUTION:
        speaking = _jurisdiction(mentions, q, text)
        if speaking is not None:
            return replace(speaking, topical=True), "sentence", line
    if mention is None:
        office = statistics_office(mentions, text, q.start)
        if office is not None:
            return office, "sentence", line
    if "两国" in text[clause_start : q.start] and (mention is None or mention.kind != subject.PAIR):
        return None, "", 0  # 以明年两国建交70周年为契机: two countries, which the clause does not say
    if mention is not None:
        how = "clause" if mention.start >= clause_start else "sentence"
        if mention.kind == subject.ATTRIBUTION:
            how = "attribution"
        return mention, how, line
    if story.subject is not None:
        carried = story.subject.value
        assert isinstance(carried, subject.Mention)
        if carried.canonical == subject.COUNTRY_WIDE and subject.against_country(text):
            # 商务部…显示，自贸试验区…。…同比增长22.1%，高出全国17.2个百分点: the part the agency spoke of,
            # not the country it is set against.
            return None, "", 0
        return carried, "paragraph" if story.subject.paragraph == paragraph else "story", story.subject.line
    return None, "", 0


def _base_in_brackets(periods: list[PeriodMention], q: Quantity, text: str) -> Period | None:
    """较2022年底参加人数（1954万人）, 相比2022年第二季度的22%: the figure in brackets or right after a comparison
    base is the base's, of its period."""
    for p in periods:
        if p.base and p.end < q.start and _BASES_OWN.fullmatch(text, p.end, q.start):
            # 相比2022年第二季度的22%, 比2010年的平均初婚年龄24.89岁: the base's own figure, of its period
            return p.period
    bracket = max(text.rfind("（", 0, q.start), text.rfind("(", 0, q.start))
    if bracket < 0 or q.start - bracket > 2:
        return None
    bases = [p for p in periods if p.end <= bracket and p.base in ("较", "比")]
    if not bases or bracket - bases[-1].end > BRACKET_REACH or _CLAUSE_BREAK.search(text, bases[-1].end, bracket):
        return None
    return bases[-1].period


_BASES_OWN = re.compile(r"的(?:[^，。；、\d增减降升提高低多少涨跌快慢超]{2,12})?[（(]?")
BRACKET_REACH = 12  # 较2022年底参加人数（: the base's noun before its figure in brackets is short
_CLAUSE_BREAK = re.compile(r"[，。；,;]")


def period_of(
    periods: list[PeriodMention], q: Quantity, story: StoryState, line: int, text: str = "",
    published: dt.date | None = None,
) -> tuple[Period | None, str, int]:
    """The period a figure is about: stated in its sentence, else the last one its paragraph stated.

    如今/目前 before the figure says it is the article's day's, whatever year the sentence before was
    about: 目前我国黄金储备为7464万盎司 is a figure as of that day, which a later one replaces.
    """
    base = _base_in_brackets(periods, q, text)
    if base is not None:
        return base, "sentence", line
    period = period_for(periods, q.start)
    now = max(_NOW.finditer(text, 0, q.start), key=lambda m: m.start(), default=None)
    said = [p.end for p in periods if p.end <= q.start and not p.base]
    if (period is not None and not period.as_of and period.days > 1 and now is not None and said
            and now.start() >= max(said) and published is not None):
        # 4月正式组建了AI实验室大模型团队，目前AI领域相关人员超3000人: 目前 nearer the figure than the month says
        # when it is counted. (Not a day: 5日遭遇龙卷风袭击，目前已造成1人死亡 is that day's event, counted now.)
        return Period(published, published, now.group()), "sentence", line
    if period is not None:
        that_day = _that_day_carried(period, story, published, periods)
        if that_day is not None:
            return that_day, "paragraph", story.period.line  # type: ignore[union-attr]
        return period, "sentence", line
    since = max(_SINCE_EVENT.finditer(text, 0, q.start), key=lambda m: m.start(), default=None)
    if since is not None and published is not None:
        # 党的十八大以来，习近平总书记两次到甘肃考察调研: a running count since an event, as of the article's day;
        # not the year the sentence before named (2012年农村贫困人口…).
        return Period(published, published, since["since"]), "sentence", line
    carried = story.period.value if story.period is not None else None
    if now is not None and now.group() == "现有" and isinstance(carried, Period) and carried.days == 1:
        # 截至5月14日24时…现有确诊病例91例；现有疑似病例4例: 现有 is as of the moment the sentence before named
        return carried, "paragraph", story.period.line  # type: ignore[union-attr]
    if now is not None:
        if published is None or _EARLIER_SAID.search(text, now.end(), q.start):
            # 本季度…93.4%，上一季度和去年同期该占比分别为93.7%和91.8%: not this quarter's, some earlier one's
            return None, "", 0
        return Period(published, published, now.group()), "sentence", line
    if story.period is not None:
        assert isinstance(story.period.value, Period)
        return story.period.value, "paragraph", story.period.line
    if story.lead is not None:
        assert isinstance(story.lead.value, Period)
        return story.lead.value, "lead", story.lead.line
    if story.headline is not None:
        assert isinstance(story.headline.value, Period)
        return story.headline.value, "heading", story.headline.line
    return None, "", 0


def _that_day_carried(period: Period, story: StoryState, published: dt.date | None,
                      periods: list[PeriodMention]) -> Period | None:
    """俄罗斯国防部23日称，…。俄防空部队当天还击落了160架乌军无人机: 当天 in a sentence that names no day is the
    day its paragraph named last, not the article's."""
    carried = story.period.value if story.period is not None else None
    named = any(p.period.days == 1 and p.period.label not in THAT_DAY for p in periods)
    if (period.label in THAT_DAY and period.start == published and not named and isinstance(carried, Period)
            and carried.days == 1 and carried.start != published):
        return Period(carried.start, carried.end, period.label)
    return None


_LISTED = re.compile(r"^[^，。；：]{0,12}?(?:、|和|与|及|以及)$")


def _listed(topical: list[subject.Mention], text: str) -> bool:
    """The sentence's first two topical bodies are items of one list (A、B, A和B…): it is about several."""
    if len(topical) < 2 or not text:
        return False
    first, second = topical[0], topical[1]
    gap = text[first.end : second.start]
    return second.start > first.end and bool(_LISTED.match(gap)) and second.kind == first.kind


# 落实2030年…目标, 制定2030年前碳排放达峰行动方案: the year names the plan acted on, not the period the next
# sentence's figures are about.
_NAMES_A_PLAN = re.compile(r"(?:落实|实现|完成|制定|编制|实施|出台|印发|发布|启动)$")
# …下降6.4%，主要原因是去年同期…基数较高，以及今年有关体育赛事活动减少: a period in the reason given for a
# figure is the reason's, not the period the next sentence's figures are about
_AN_ASIDE = re.compile(r"[，,；;](?:主要)?(?:原因是|是由于|由于|因为|得益于|受益于|主要受)")
# 预计开工时间2026年6月3日: a day that is when something happens, told as a fact of its own
# (北京时间9月23日4点59分，离岸人民币兑美元报7.2990元: a clock's zone, the quote's own day.)
_WHEN = re.compile(r"(?:(?<!北京|当地|美东|美西|东部|西部|纽约|伦敦|东京|本地|香港)时间|日期|时点)(?:为|是|定于|预计为)?$")


def when(text: str, at: int, end: int = -1) -> bool:
    """The period at `at` is a day told as when something happens (开工时间2026年6月3日), or a span qualifying a
    noun (延续去年四季度以来的回升向好态势), not a period of the sentence's figures."""
    return bool(_WHEN.search(text, max(0, at - 6), at)) or (end > at and text.startswith("以来的", end - 2))


def remember(
    story: StoryState, mentions: list[subject.Mention], periods: list[PeriodMention], line: int, paragraph: int,
    text: str = "",
) -> None:
    """What later sentences of the story inherit: the sentence's first topical body and its last own period."""
    topical = [m for m in mentions if m.topical]
    head = _head(topical) or statistics_office(mentions, text)
    if head is not None:
        story.subject = Stated(head, line, paragraph)
        if _listed(topical, text):
            # 京津冀协同发展、长江经济带建设取得重要进展。新建铁路…: several bodies, none the next sentence's.
            story.subject = None
    own = [p for p in periods if not p.base and not _NAMES_A_PLAN.search(text, max(0, p.start - 2), p.start)
           and not _AN_ASIDE.search(text, 0, p.start)]
    if own:
        story.period = Stated(own[-1].period, line)
        listed = [own[-1]]
        for p in reversed(own[:-1]):
            if not ITEM_SEP.fullmatch(text[p.end : listed[0].start]):
                break
            listed.insert(0, p)
        story.periods_listed = Stated(tuple(p.period for p in listed), line, paragraph) if len(listed) > 1 else None


def note_year(text: str, story: StoryState) -> None:
    """A year written out (2025年) is the year 今年 and bare months mean from here on in the story."""
    # Not a comparison base: after 2022年…比2021年增长44%, the story's 全年 is still 2022.
    explicit = [m[1] for m in re.finditer(r"(?<!\d)((?:19|20)\d\d)(?:年|全年)", text) if not is_base(text, m.start())]
    if explicit:
        story.year = int(explicit[-1])
