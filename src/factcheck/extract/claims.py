"""Claim extraction: every numeric assertion in a document, with subject, metric and period.

Sources and drafts go through the same extractor, so a draft sentence copied
from a source yields the same claim, and matching compares like with like.
"""

from __future__ import annotations

import bisect
import copy
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from ..reading import layout, script, table
from ..reading.source import Document
from ..record.claim import Claim, claim_id
from ..record.period import Period
from . import subject
from .measure import (
    CHANGE_WORDS,
    METRIC_DELIMS,
    RATES,
    RECKONING,
    Run,
    change_of,
    changes_to,
    clause_start,
    context_of,
    equivalent_of,
    from_neighbours,
    indicator,
    linked_rate,
    measure,
    of_indicator,
    respectively,
    with_counted,
)
from .metric import BASIS, daily_measure, metric_key
from .period import PeriodMention, find_periods
from .quantity import Quantity, find_quantities
from .story import Stated, StoryState, full_pairs, named_in, note_year, period_of, remember, subject_of, when

# Bump when extraction changes, so ingest re-reads unchanged sources.
EXTRACTOR_VERSION = 159

# A paragraph longer than this is not a paragraph but a file without line breaks; the longest
# in 1,691 days of news is 1,978 characters. Each figure in it is given the sentences around
# it (see `_Stretches`), so a claim does not carry megabytes that every report repeats.
PARAGRAPH_MAX = 4_000
STRETCH = 1_000

_PART = re.compile(r"^[\s“”]*(?:其中|这其中|在此之中)")
_MID_PART = re.compile(r"[，,；;](?:其中|这其中)")
_FRAME = re.compile(r"^[\s“”]*在(?P<whole>[^，。；,;]{2,30}?)(?:之中|当中|中)[，,]")
_FLOW = re.compile(r"(?:新建|改建|新增|改造|建成|解决|淘汰|新开工|开工|累计)")
BARE_PART_MAX = 3  # a part this short once its change is gone (出口, 进口) is named only by its whole


def extract(
    document: Document,
    markdown: bool | None = None,
    known_names: dict[str, str] | None = None,
    names: subject.Gazetteer | None = None,
) -> list[Claim]:
    """Every numeric assertion in a document, in reading order.

    `known_names` (the organisations the store names, by whole name) lets a
    draft name a body without its legal suffix; `names` is the gazetteer
    with the bodies the newsroom configured (津上精密 for 津上精密机床).
    """
    return list(claims_in(document, markdown, known_names, names))


def claims_in(
    document: Document,
    markdown: bool | None = None,
    known_names: dict[str, str] | None = None,
    names: subject.Gazetteer | None = None,
) -> Iterator[Claim]:
    """`extract`, paragraph by paragraph: a check of a big draft judges and drops each claim in turn."""
    if markdown is None:
        markdown = document.markdown
    published = document.published or dt.date.today()
    known = subject.ShortNames(known_names) if known_names else None  # built once, shared by every story
    story = StoryState(known, names or subject.gazetteer())
    written = document.text
    text = script.simplified(written)  # 前11個月 read as 前11个月, one character for one: offsets hold
    folded = _folded_at(text, written)
    lines = layout.LineIndex(written)
    seen: dict[tuple[str, str], int] = {}
    lead: Stated | None = None
    list_lead: Stated | None = None  # the period of the words that open a list, for its items
    said_before: tuple[str, dt.date, int | None, int, int] | None = None  # the last paragraph, for its period
    opening: tuple[layout.Paragraph, int | None, int] | None = None  # the last paragraph that may open a list
    # A Word document and a web page are rendered a paragraph a line; a PDF's lines are its pages' lines, rejoined here.
    one_per_line = document.word is not None and document.word.kind != "pdf"
    paragraphs = layout.paragraphs(text, document.body_start, markdown, one_per_line=one_per_line)
    for p_index, para in enumerate(paragraphs):
        if para.kind == "title":
            story = story.fresh()
        if para.kind == "item":
            scope = story.fresh()  # a list item neither inherits nor passes on…
            scope.lead = list_lead  # …but the period of the words that introduce its list (…情况如下：)
        elif para.kind == "cell":
            # A table's cell is about whom its caption or the story names (表1 平湖经开主要经济指标), unless
            # its row names another; what its row names is not the next cell's.
            scope = copy.copy(story)
        elif _POINT.match(para.text) and para.kind != "heading":  # （五）2020年…预算: a section, not a point
            # ——三大攻坚战开局良好…: one point of a report's review, under the story's lead (过去一年, 我国)
            # like the others, but what it names (海南自贸试验区) is not the next point's subject.
            scope = copy.copy(story)
            if opening is not None:  # read for its period only once a point follows it, not every paragraph
                before, year, index = opening
                lead, opening = _lead_period(before.text, published, year, _first_line(before, lines), index), None
            scope.lead = lead
            if scope.subject is not None and getattr(scope.subject.value, "kind", "") == subject.PAIR:
                # 面对中美经贸摩擦，我们主要做了以下工作: two countries the list's opening names for what passed
                # between them, not whom its points (七是…城乡居民基础养老金) are about.
                scope.subject = None
        else:
            scope = story
            opening, lead = (para, story.year, p_index), None
            # 2023年，全国一般公共预算支出274574亿元…。主要支出科目情况如下：then 1.教育支出41242亿元: the year
            # is the list's, said in the paragraph that opens it or the one before that.
            list_lead = None
            if para.text.rstrip().endswith(("：", ":")):  # read only where a list opens: a period a paragraph
                list_lead = _lead_period(para.text, published, story.year, _first_line(para, lines), p_index)
                if list_lead is None and said_before is not None:
                    list_lead = _lead_period(*said_before)
            said_before = (para.text, published, story.year, _first_line(para, lines), p_index)
        scope.period = None  # a period carries to the next sentence, not to the next paragraph
        kept_basis = None
        head = para.text.lstrip(" *#\u3000")
        basis = BASIS.match(head)
        if basis and _LEADS_IN.match(head, basis.end()):
            # 按国际财务报告准则：, 按非国际财务报告准则，撇除…以体现核心业务的业绩：: a basis that leads in sets the
            # measure of the paragraphs after it; 以美元计价，出口增长… is one sentence's, read as its words are.
            scope.basis = story.basis = re.sub(r"\s", "", basis.group())
        elif basis and para.kind == "body" and basis.group().endswith(("准则", "口径")):
            # 基于非美国通用会计准则，运营利润为111亿元…。运营利润率为4.5%: a basis at a paragraph's head is every
            # sentence's there, not only the first's; the next paragraph is on its own. (以美元计价，: the unit says so.)
            kept_basis = scope.basis
            scope.basis = re.sub(r"\s", "", basis.group())
        elif para.kind == "title" or (para.kind == "heading" and layout.SECTION.match(para.text)):
            story.basis = ""  # 02 二零二三年上半年度业绩摘要: a new section, on no basis yet
        scope.whole = scope.part = ""
        sentences = layout.sentences(para, p_index)
        # Names first, sentence by sentence as a reader meets them: a figure's record lists every
        # body its paragraph names, later sentences' included.
        named = full_pairs([named_in(sent.text, scope) for sent in sentences], scope)
        said = _as_written(para, written, folded) if folded else para.text
        near = _Stretches(said, sentences, named) if len(said) > PARAGRAPH_MAX else None
        whole = (para.shown or said, _bodies(named))  # a cell's claim quotes its row under the headers
        lead_subject = scope.subject
        for sent, mentions in zip(sentences, named):
            around = near.around(sent) if near is not None else whole
            found = _sentence_claims(document, para, said, sent, mentions, around, published, scope, seen, lines)
            if para.kind == "cell":  # the cell's figure is its last (五倍籽产量121吨: 五倍 is a name)
                found = [_cell_metric(c) for c in found[-1:]]
            yield from found
            if scope is not story and _POINT.match(para.text):
                # ——改革开放取得新突破。海南自贸试验区启动建设。实际使用外资1383亿美元: each sentence of a point
                # is an achievement of its own, the lead's (我国), not the sentence before's.
                scope.subject = lead_subject
        if kept_basis is not None:
            scope.basis = kept_basis
        lead_in = _PERIOD_LEAD.match(head) if scope is story else None
        if lead_in:
            # 第四季度业绩：…, 2023年全年业绩：…: a paragraph that leads in with a period dates the paragraphs after
            # it, as a section's heading does, until the next one.
            led = [p for p in find_periods(lead_in.group(), published, None, story.year) if not p.base]
            if led:
                story.headline = Stated(led[0].period, _first_line(para, lines))
        if para.kind == "title":
            # The period a headline names is its figures' (### 前三季度我国海洋生产总值…), not when the
            # headline names a document: 2021年政府工作报告 dates the report, whose review is of 2020.
            story.headline = None if _DOCUMENT.search(para.text.strip("#* ")) else story.period
        elif para.kind == "heading" and layout.SECTION.match(para.text):
            # 一、2020年工作回顾: the section's figures are 2020's, until the next. A section that names no period
            # (01 二零二三年第二季业绩摘要: 第二季 is no period read) stays under the story's title.
            story.headline = story.period or story.headline
            # 二、3月份工业生产者价格环比变动情况: the section's changes are month on month, though its sentences
            # read as the 同比 section's (生产资料价格下降0.1%) with other figures.
            story.reckoning = "环比" if "环比" in para.text and "同比" not in para.text else ""
            sector = _SECTOR_INDEX.search(para.text)
            story.sector = sector["sector"] if sector else ""


_MARKET_MOVE = re.compile(r"(?:指|指数|股|板块)(?:收?[涨跌]|高开|低开)|日内")
_SECTOR_INDEX = re.compile(r"(?P<sector>非制造业|制造业|服务业|建筑业)[^，。；：]{0,12}?指数")
_PERIOD_LEAD = re.compile(r"[^，。；,;：:\d]{0,4}(?:(?:19|20)\d\d年)?[^，。；,;：:\d]{1,12}[：:]")
# What follows a basis that sets one for the paragraphs after it: a colon, at once or closing its clause.
_LEADS_IN = re.compile(r"\s*(?:[（(][^）)]{0,24}[）)])?\s*(?:[：:]|[，,][^。；;：:]{0,30}[：:])")


_OVER_A_SPAN = re.compile(r"累计|全月|全年|以来|年内|月内|季内|周内")


_RELEASE_NAMED = re.compile(r"[^，。；,;]{0,12}?(?:数据|报告|纪要|决议)")
_SAID_OF = re.compile(r"(?:称|表示|暗示|预计|表态|认为|指出)[^，。；,;]{0,8}$")


def _released(periods: Sequence[PeriodMention], period: Period, text: str, clause: int) -> bool:
    """The period was said in an earlier clause, of a release it dates (10月CPI数据) or of what someone said of it
    (暗示明年或降息3次, 称今年某个时候降息)."""
    said = [p for p in periods if p.period == period and p.end <= clause]
    if not said:
        return False
    p = said[-1]
    return bool(_RELEASE_NAMED.match(text, p.end)) or bool(_SAID_OF.search(text, max(0, p.start - 12), p.start))


def _cell_metric(claim: Claim) -> Claim:
    """A row header is one name: 社会保障和就业 is the metric, not the 就业 that prose would split off at 和.

    The cell's sentence is its period, its headers and its figure: what stands between the period and
    the figure is the measure, unless the row names whom the figure is about (平湖市 | 地区生产总值).
    """
    head = claim.plain_sentence[: claim.at()]
    head = head.removeprefix("预计")  # 预计2022年…: a forecast column's (2022E), which modality reads
    dated = table.PERIOD.match(head)
    head = head[dated.end() :] if dated else head
    metric = script.plain(claim.metric)
    if not metric or head == metric or not head.endswith(metric) or claim.subject_from in ("clause", "sentence"):
        return claim
    return replace(claim, metric=head)


_LEAD_AT = 1  # how far into its paragraph a lead's period may start: after an opening quote (“十四五”时期是…)


def _first_line(para: layout.Paragraph, lines: layout.LineIndex) -> int:
    return lines.line_column(para.origin[0])[0] if para.origin else 0


def _lead_period(text: str, published: dt.date, year: int | None, line: int, p_index: int) -> Stated | None:
    """The period a paragraph opens with, which the —— points after it inherit: “十四五”时期是开启…的第一个五年,
    then ——…城镇化率提高到65% is a target for 2021–25. Only a paragraph that begins with its period leads."""
    first = find_periods(text[:40], published, None, year)
    if not first or first[0].start > _LEAD_AT or first[0].base:
        return None
    return Stated(first[0].period, line, p_index)


def _bodies(named: list[list[subject.Mention]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.canonical for ms in named for m in ms if m.kind != subject.ATTRIBUTION))


class _Stretches:
    """A huge paragraph read in stretches of STRETCH characters: a figure's paragraph is the whole
    sentences that overlap its stretch and half a stretch either side, with the bodies they name.

    Figures in one stretch share one string, so the claims of a one-line draft hold about twice
    its text, not its text once per figure; the figure's own sentence is always inside.
    """

    def __init__(self, text: str, sentences: list[layout.Sentence], named: list[list[subject.Mention]]) -> None:
        self.text = text
        self.sentences = sentences
        self.named = named
        self.starts = [s.start for s in sentences]
        self.ends = [s.start + len(s.text) for s in sentences]
        self.cache: dict[int, tuple[str, tuple[str, ...]]] = {}

    def around(self, sentence: layout.Sentence) -> tuple[str, tuple[str, ...]]:
        cell = sentence.start // STRETCH
        if cell not in self.cache:
            lo, hi = cell * STRETCH - STRETCH // 2, (cell + 1) * STRETCH + STRETCH // 2
            first = bisect.bisect_right(self.ends, lo)
            last = bisect.bisect_left(self.starts, hi)
            self.cache[cell] = (self.text[self.starts[first] : self.ends[last - 1]], _bodies(self.named[first:last]))
        return self.cache[cell]


def _folded_at(folded: str, written: str, block: int = 4096) -> list[int]:
    """The offsets where folding changed a character, in order; blocks it left alone are skipped whole."""
    if folded is written:
        return []
    out: list[int] = []
    for start in range(0, len(written), block):
        if folded[start : start + block] != written[start : start + block]:
            out.extend(i for i in range(start, min(start + block, len(written))) if folded[i] != written[i])
    return out


def _as_written(para: layout.Paragraph, written: str, folded_at: list[int]) -> str:
    """The paragraph in the author's script: what folding changed is put back, what layout cleaned stays clean.

    Only the characters at `folded_at` are put back, by slices: rebuilt a character at a time,
    a paragraph of megabytes took half a gigabyte of one-character strings.
    """
    origin = para.origin
    if not origin:
        return para.text
    first = bisect.bisect_left(folded_at, min(origin))
    last = bisect.bisect_right(folded_at, max(origin))
    if first == last:
        return para.text
    wanted = set(folded_at[first:last])
    pieces, pos = [], 0
    for i in (i for i, o in enumerate(origin) if o in wanted):
        pieces += [para.text[pos:i], written[origin[i]]]
        pos = i + 1
    return "".join(pieces) + para.text[pos:]


def _level_subject(run: Run, level_id: str, mentions: list[subject.Mention], q: Quantity,
                   rate_subject: str | None) -> tuple[subject.Mention, str] | None:
    """A rate whose clause names no body is the change of its level's body, when that level's own clause named it:
    贵州茅台公众号发布的…显示，2023年度茅台集团营收1644.8亿元，同比增长20.5% is 茅台集团's growth, not the
    sentence's head's."""
    level = next((c for c in run.claims if c.id == level_id), None)
    if level is None or level.subject_from != "clause" or not level.subject or level.subject == rate_subject:
        return None
    named = [m for m in mentions if m.canonical == level.subject and m.end <= q.start]
    return (named[-1], "clause") if named else None


@dataclass(frozen=True, slots=True)
class _Where:
    """A figure's place in its file: line and column of its start, of its first digit and of its end."""

    line: int
    column: int
    number_column: int
    end_column: int


def _sentence_claims(
    document: Document,
    para: layout.Paragraph,
    said: str,
    sent: layout.Sentence,
    mentions: list[subject.Mention],
    around: tuple[str, tuple[str, ...]],
    published: dt.date,
    story: StoryState,
    seen: dict[tuple[str, str], int],
    lines: layout.LineIndex,
) -> list[Claim]:
    """`around` is the figure's paragraph as a claim records it (in the author's script), and the bodies it names."""
    text = sent.text  # read in simplified script; `said` is the paragraph as the author wrote it
    sentence = said[sent.start : sent.start + len(text)]
    note_year(text, story)
    sentence_line, _ = lines.line_column(para.origin[sent.start])
    quantities = find_quantities(text)
    periods = find_periods(text, published, None, story.year) if quantities or _MAY_DATE.search(text) else []
    # 预计开工时间2026年6月3日: a day told as when something happens dates no figure of the sentence
    periods = [p for p in periods if not when(text, p.start, p.end)]
    # WTI3月原油期货收跌2.67%: a contract's delivery month names the contract, and dates no figure.
    periods = [p for p in periods if not _CONTRACT_MONTH.match(text, p.end)]
    if not quantities:
        remember(story, mentions, periods, sentence_line, sent.paragraph, text)
        story.part = ""
        return []
    run = Run()
    part_of = story.whole if _PART.match(text) else story.part  # 其中，出口…；进口…: one breakdown past the ；
    frame = _FRAME.match(text)
    framed = _framed_whole(frame, quantities, periods) if frame else ""
    for q in quantities:
        where = _where(para, sent, q, lines)
        cstart = clause_start(text, q.start, 0)
        whole_here = run.claims[0].metric if not part_of and run.claims and _MID_PART.search(text, 0, q.start) else ""
        mention, subject_from, subject_line = subject_of(mentions, q, cstart, story, where.line, sent.paragraph, text)
        period, period_from, period_line = period_of(periods, q, story, where.line, text, document.published)
        mstart = clause_start(text, q.start, run.previous_q.end if run.previous_q else 0, METRIC_DELIMS)
        left = text[mstart : q.start]
        metric, counted = measure(text, q, left, mstart, mentions, periods, run.previous_q)
        metric, qualifies = linked_rate(text, q, left, metric, run)
        metric = with_counted(metric, counted, q)
        metric, qualifies = from_neighbours(text, q, metric, qualifies, run)
        if not run.claims and story.whole:
            metric = change_of(metric, q, story.whole)  # …余额152.21万亿元…；上半年增加9.68万亿元: past the ；
        if qualifies and subject_from == "sentence":
            mention, subject_from = (_level_subject(run, qualifies, mentions, q, mention.canonical if mention else None)
                                     or (mention, subject_from))
        if not run.claims:
            metric = of_indicator(metric, q, story.indicator)
        if framed and frame is not None and q.start >= frame.end() and not part_of:
            # 在2023年出口的522万辆汽车中，新能源汽车177万辆，同比增长67%: the frame names the whole the figures
            # after it are parts of (exported cars), however fully each names its own kind.
            part_of = framed
        if whole_here and len(CHANGE_WORDS.sub("", metric_key(metric))) <= BARE_PART_MAX:
            # 旅行服务进出口2094.3亿元，增长39.8%，其中出口增长12%: a bare part (出口) of the sentence's own whole;
            # not 其中，新增光伏装机1.05亿千瓦, a measure named in full that other sources give alone.
            part_of = whole_here
        elif whole_here:
            metric = _kind_of_whole(metric, whole_here)
        if q.unit == "%" and period is not None and not _RECKONED_IN.search(metric):
            # (not 比去年四季度加快2.6个百分点: points between two growth rates, each reckoned as its own)
            base = next((p.period for p in reversed(periods)
                         if p.base in ("比", "较") and cstart <= p.start and p.end <= q.start), None)
            if base is not None and base.end + dt.timedelta(days=1) == period.start:
                # 今年一季度…同比增长4.5%，比上年四季度增长2.2%: a change on the period just before is 环比, whatever
                # words it takes; the 同比 of the clause before is another figure's.
                metric = _reckoned(metric, "环比")
        if story.reckoning and q.unit in ("%", "pp") and not _RECKONED_IN.search(text):
            metric = _reckoned(metric, story.reckoning)
        elif q.unit in ("%", "pp") and not _RECKONED_IN.search(metric):
            lead = max(_RECKONING_LEAD.finditer(text, 0, q.start), key=lambda m: m.start(), default=None)
            if lead is not None and not _RECKONED_IN.search(text, lead.end(), q.start):
                # 环比来看，三季度GDP增长1.3%: the sentence's lead says how its changes are reckoned.
                metric = _reckoned(metric, lead["reckoning"])
        if story.sector and "指数" in metric and not _SECTOR_INDEX.search(metric + "指数"):
            # 二、中国非制造业采购经理指数运行情况 … 新订单指数为47.2%: the non-manufacturing index, not the
            # manufacturing 新订单指数 (49.4%) of section 一.
            metric = story.sector + metric
        if story.basis and metric and story.basis not in metric:
            # 按非国际财务报告准则 then 按国际财务报告准则, each a line over the same sentences with other
            # figures: two measures, not one company's profit told twice.
            metric = story.basis + metric
        if (period is not None and period_from in ("paragraph", "story") and period.as_of and period.days == 1
                and _FLOW.match(metric)):
            # 涉农贷款余额…增加到2012年末的17.63万亿元。…新建改建农村公路146.5万公里: what was built over the
            # years is no stock as of the day an earlier sentence named.
            period, period_from, period_line = None, "", 0
        if (period is not None and period.days > 1 and daily_measure(metric) and _MARKET_MOVE.search(metric)
                and period_from == "paragraph" and not _OVER_A_SPAN.search(text, 0, q.start)):
            # 美国3月非农就业人数激增30.3万人…。美股三大指数齐涨，道指涨0.57%: the month the sentence before named is
            # the jobs report's; the day's move told after it has none.
            period, period_from, period_line = None, "", 0
        if (period is not None and period_from == "sentence" and period.days > 1 and daily_measure(metric)
                and _released(periods, period, text, cstart) and not _OVER_A_SPAN.search(text, cstart, q.start)):
            # 美国10月CPI数据低于预期，美股三大指数集体高开，道指涨0.95%; 鲍威尔称今年某个时候降息…，金龙指数涨3%: a month
            # or a year an earlier clause names dates a release or what someone said, not the day's move told after
            # it. (10月，道指累计上涨5%: a move over the span, which says so.)
            period, period_from, period_line = None, "", 0
        if (subject_from in ("", "paragraph", "story") and _NATIONAL_MEASURE.match(metric)
                and not (mention is not None and mention.kind == subject.COUNTRY)):
            # 国内生产总值, 全国城镇调查失业率: the measure names the whole country, whoever the story named before;
            # but 国内 is the country the story is about (委内瑞拉央行代理行长表示，…国内生产总值增长2.51%), not ours.
            mention, subject_from, subject_line = _country_wide(q), "metric", where.line
        written = sentence[q.start : q.end]
        occurrence = seen.get((sentence, written), 0)
        seen[(sentence, written)] = occurrence + 1
        claim = Claim(
            id=claim_id(document.path, sentence, written, occurrence),
            source=document.path,
            published=document.published,
            line=where.line,
            column=where.column,
            text=written,
            value=q.value,
            low=q.low,
            high=q.high,
            unit=q.unit,
            qualifier=q.qualifier,
            subject=mention.canonical if mention else None,
            metric=metric,
            period=period,
            sentence=sentence,
            paragraph=around[0],
            context=context_of(text, mstart, q.end, counted, mentions),
            counted=counted,
            # Only a name in the figure's own clause is firm enough to rule a source out.
            subject_strong=bool(mention and mention in mentions and mention.strong and mention.start >= cstart),
            qualifies=qualifies,
            precision=q.precision,
            date_inferred=document.date_inferred,
            end_column=where.end_column,
            number_column=where.number_column,
            subject_kind=(subject.NATIONAL if mention.kind == subject.ATTRIBUTION else mention.kind) if mention else "",
            subject_from=subject_from,
            subject_line=subject_line,
            period_from=period_from,
            period_line=period_line,
            part_of=part_of,
            paragraph_bodies=around[1],
            encoding=document.encoding,
            offset=q.start,
        )
        same = equivalent_of(text, q, run)
        if same is not None and same.unit != claim.unit:
            claim = replace(claim, metric=same.metric, period=same.period, period_from=same.period_from,
                            period_line=same.period_line)
        if changes_to(text, q, run):
            # The start value is the same measure at an earlier time, and this figure replaces it.
            start_claim, claim = _ends_of_span(run.claims[-1], claim)
            run.claims[-1] = replace(start_claim, changed_to=claim.id)
        elif _reached(text, q, cstart):
            claim = _level_at_end(claim)
        run.add(q, claim)
    # 【谷歌股价下跌5%市值蒸发2200亿美元上周诺奖科学家John Jumper离开谷歌】: a period after the sentence's last figure
    # dates a clause with none, not the next sentence's figures.
    last = quantities[-1].end
    listed = story.periods_listed
    carried = listed.value if listed is not None and listed.paragraph == sent.paragraph and isinstance(listed.value, tuple) else ()
    remember(story, mentions, [p for p in periods if p.start < last], sentence_line, sent.paragraph, text)
    story.part = part_of if text.rstrip().endswith("；") else ""
    story.indicator = indicator(run.previous_rate) if text.rstrip().endswith("；") else ""
    if not part_of:
        story.whole = run.claims[0].metric if run.claims else story.whole
    return respectively(text, run.claims, mentions, periods, carried)


def _framed_whole(frame: re.Match[str], quantities: Sequence[Quantity], periods: Sequence[PeriodMention]) -> str:
    """The whole a 在…中 frame names, with its figure and its period taken out (2023年出口的522万辆汽车: 出口汽车);
    "" when the frame holds no figure of its own (在此过程中, 在全国范围中: no whole to be a part of)."""
    start, end = frame.span("whole")
    inside = [(q.start, q.end) for q in quantities if start <= q.start and q.end <= end]
    if not inside:
        return ""
    spans = sorted(inside + [(p.start, p.end) for p in periods if start <= p.start and p.end <= end])
    words, at = [], start
    for a, b in spans:
        words.append(frame.string[at:a])
        at = max(at, b)
    words.append(frame.string[at:end])
    whole = "".join(words).replace("的", "")
    return whole if len(whole) >= 2 else ""


def _kind_of_whole(part: str, whole: str) -> str:
    """铁路营业里程达到12.1万公里，其中高速铁路超过1.9万公里: a kind of what the whole counts (高速铁路 of 铁路)
    measures what the whole measures, for that kind: 高速铁路营业里程."""
    for k in range(min(len(part), len(whole) - 1), 1, -1):
        if part.endswith(whole[:k]) and len(part) > k:
            # …unless what is left of the whole is a second measure beside the first, not what it counts:
            # 减税降费2.36万亿元，其中新增减税1.93万亿元 is tax cuts alone, not 新增减税降费.
            return part + whole[k:] if _COUNTS.search(whole[k:]) else part
    return part


# What a whole's measure counts, after the kind it divides (铁路 | 营业里程, 快递 | 业务量)
_COUNTS = re.compile(r"里程|[量额值数率]|面积|规模|收入|支出|投资|产值|人次|人数|总量|容量|长度|产能")


SPAN_DAYS_MIN = 700  # a span of two years or more (过去五年, “十三五”时期), whose change runs from its start to its end


_FROM_YEAR = re.compile(r"[由从]((?:19|20)\d\d)年")


def _ends_of_span(start: Claim, end: Claim) -> tuple[Claim, Claim]:
    """五年来，国内生产总值从54万亿元增加到82.7万亿元: 54万亿元 is the year before the span's (2012), 82.7万亿元
    its last year's (2017), not figures for the five years; so a later report's 2012 level can revise it."""
    span = end.period
    if span is None or span != start.period:
        return start, end
    if span.as_of:
        # 贫困人口从923万减少到2019年末的30.83万，贫困发生率从26.8%减少到0.85%: the start is a stock at an
        # earlier day the sentence does not give, not one at 2019年末.
        return replace(start, period=None, period_from="", period_line=0), end
    if span.days < SPAN_DAYS_MIN:
        # 2025年，企业产值从1.6亿元增加到2.9亿元: 1.6亿元 is 2024's, not a second figure for 2025; a quarter's or
        # a month's start may be the period before or a year before, so it is left undated.
        whole_year = span.start == dt.date(span.start.year, 1, 1) and span.end == dt.date(span.start.year, 12, 31)
        if not whole_year:
            return replace(start, period=None, period_from="", period_line=0), end
        # …由2002年7703元增加到2007年13786元，农村居民人均纯收入由2476元增加到4140元: a start the sentence dates
        # in a parallel clause is that year's, not the year before the end's.
        told = _FROM_YEAR.search(start.plain_sentence)
        first = int(told[1]) if told and int(told[1]) < span.start.year else span.start.year - 1
        return replace(start, period=Period(dt.date(first, 1, 1), dt.date(first, 12, 31), f"{first}年（{span.label}前一年）"
                                            if first == span.start.year - 1 else f"{first}年")), end
    first = span.start.year - 1
    return (
        # Labels without 末: a year's level, not a stock as of a day (record.period.as_of).
        replace(start, period=Period(dt.date(first, 1, 1), dt.date(first, 12, 31), f"{first}年（{span.label}前一年）")),
        _level_at_end(end),
    )


# 各类市场主体达到9800多万户 in a review of five years: the level the span ended at, not a sum over it. Not a
# count of what the years added (新增, 累计, 共, 建成) nor an average over them (年均).
_REACHED = re.compile(r"(?:达到了?|增加到|增至|提高到|提升到|上升到|升至)$")
_OVER_THE_SPAN = re.compile(r"累计|共|合计|总计|新增|新建|新开|新设|建成|建设|完成|投产|开工|改造|年均|平均|每年|全年|减少|脱贫|搬迁|转移|培训|吸引")


# 高速公路通车里程超过12万公里: a length passed; not 贡献率超过30%, a rate over the five years.
_PASSED = re.compile(r"超过|突破")


def _reached(text: str, q: Quantity, cstart: int) -> bool:
    left = text[cstart : q.start]
    reached = _REACHED.search(left) or (q.unit not in RATES and _PASSED.match(text, q.start))
    return bool(reached) and not _OVER_THE_SPAN.search(left)


def _level_at_end(claim: Claim) -> Claim:
    """The span's last year's, for a figure the span ended at (also the end of a 从X增加到Y)."""
    span = claim.period
    if span is None or span.as_of or span.days < SPAN_DAYS_MIN:
        return claim
    last = span.end.year
    return replace(claim, period=Period(dt.date(last, 1, 1), span.end, f"{last}年（{span.label}最后一年）"))


def _where(para: layout.Paragraph, sent: layout.Sentence, q: Quantity, lines: layout.LineIndex) -> _Where:
    """Offsets in the sentence as read, mapped back to the file as written (columns count from 1)."""
    line, column = lines.line_column(para.origin[sent.start + q.start])
    _, number_column = lines.line_column(para.origin[sent.start + q.number_start])
    _, end_column = lines.line_column(para.origin[sent.start + q.end - 1])
    return _Where(line, column, number_column, end_column + 1)


# A measure that is the whole country's by its name.
_NATIONAL_MEASURE = re.compile(r"国内生产总值|全国|国家铁路")  # 国家铁路累计发送货物: the national rail network's


def _country_wide(q: Quantity) -> subject.Mention:
    return subject.Mention(subject.COUNTRY_WIDE, subject.COUNTRY_WIDE, q.start, q.start, True, kind=subject.NATIONAL)


_RECKONED_IN = re.compile(RECKONING)
_RECKONING_LEAD = re.compile(r"(?:从|按)?(?P<reckoning>同比|环比)(?:来|上)?看[，,]")
_CHANGE_VERB = re.compile(r"(?:下降|上涨|增长|上升|下跌|回落|减少|增加|持平)")


def _reckoned(metric: str, reckoning: str) -> str:
    """生活资料价格下降 under a 环比 section's heading: 生活资料价格环比下降, the change its section reckons."""
    verb = _CHANGE_VERB.search(metric)
    return metric[: verb.start()] + reckoning + metric[verb.start() :] if verb else metric


# WTI3月原油期货, NYMEX2月天然气期货: any commodity's contract, named by its delivery month
_CONTRACT_MONTH = re.compile(r"(?:[^，。；]{0,4}?(?:原油|天然气|燃料油|汽油|取暖油|黄金|白银|铜|铝|镍|铁矿石|螺纹钢|大豆|豆粕|"
                             r"玉米|小麦|棉花|白糖|咖啡|可可|生猪))?(?:期货|合约|期权)")
# A headline that names a document (a report, a communiqué, a plan) dates the document, not its figures.
# A paragraph that opens with a dash or an ordinal (——, 七是, （三）): one point of a list of a report's
# achievements or tasks, under the list's lead.
_POINT = re.compile(r"——|--|[一二三四五六七八九十]{1,3}是|[(（][一二三四五六七八九十]{1,3}[)）]")
_DOCUMENT = re.compile(r"(?:报告|公报|规划|纲要|决定|决议|意见|通知|方案|办法|条例|白皮书|年鉴)$")

# A sentence with no figure can still set the story's period (今年前三季度，…。 then the figure).
_MAY_DATE = re.compile(r"[年月季日天]|以来|目前|至今")


