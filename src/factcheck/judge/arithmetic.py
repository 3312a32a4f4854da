"""Figures of one draft that cannot all be right: no source needed.

The headline says 98亿元 and the body 89亿元; 出口 and 进口 do not make the
进出口 printed above them; a share or a growth rate does not follow from the
figures printed beside it. Each is found from the draft's own figures, read
by the same extraction and identity rules as `check`:

- restated: one fact (subject, measure, period, modality, scope: identity.py)
  stated in two sentences of the draft that say the same thing, with values
  that do not agree;
- parts: a whole and its parts (其中出口…，进口…) where the parts are all of
  it (出口 and 进口 of 进出口) and do not add up, or add up to more than it;
- share: 出口…占进出口总额的59.5%, with both figures in the draft;
- growth, points, multiple: 从X增加到Y，增长P%; 由a%提高到b%，提高N个百分点;
  增长N倍, 翻一番.

Tolerance is policy, not luck (`Tolerance`): official growth rates are
computed on a comparable basis and often differ from the ratio of the two
printed values, and the printed precision limits what can be recomputed. Only
gross inconsistencies are flagged, and the message says the tolerance.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher
from fractions import Fraction

from ..data import load_data
from ..extract.metric import an_average, bases_apart, measures_apart, metric_key, same_metric
from ..extract.numerals import number
from ..extract.quantity import find_quantities, is_currency, unit_group
from ..extract.subject import COUNTRY, NATIONAL, PAIR, PLACE, REGION
from ..i18n import _
from ..record.claim import ABOUT, ABOVE, AT_LEAST, AT_MOST, EXACT, Claim, mask_numbers
from ..record.finding import Computation
from .compare import PRINTED_DIGITS, agree, round_zeros, rounded_or_cut
from .identity import (
    PREVIOUS,
    SAME,
    a_change,
    a_reading,
    identify,
    letters_apart,
    lists_apart,
    modality,
    partner_apart,
    products_apart,
    reading_day,
    reading_of,
    rising,
    same_range,
    same_scope,
    so_far_said,
)

RESTATED, PARTS, SHARE, GROWTH, POINTS, MULTIPLE = "restated", "parts", "share", "growth", "points", "multiple"
DIFFERENCE = "difference"


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far a recomputed figure may be from the printed one before it is flagged; `[tool.factcheck]` sets it.

    growth: percentage points a growth rate may differ from the ratio of its two values (official rates are
    on a comparable basis); share and points: percentage points beyond the printed precision; multiple: the
    share of the ratio (翻一番 is 1.9 to 2.1 times).
    """

    growth: Decimal = Decimal(1)
    share: Decimal = Decimal(0)
    points: Decimal = Decimal(0)
    multiple: Decimal = Decimal("0.1")


@dataclass(frozen=True, slots=True)
class Inconsistency:
    figure: Claim  # the figure the others do not bear out
    others: tuple[Claim, ...]  # the figures it was computed from, or stated against
    computation: Computation


def inconsistencies(
    claims: Sequence[Claim], tolerance: Tolerance = Tolerance(), tally: Counter[str] | None = None
) -> list[Inconsistency]:
    """Every relation among one draft's figures that fails, in the order of the flagged figures.

    `tally`, when given, counts the relations computed by kind, the ones that hold too (a benchmark's
    question: how many computations does the checker make on thirty years of reports?).
    """
    draft = _Draft(claims)
    found = [*_restated(draft, tally), *_changes(draft, tolerance, tally), *_level_changes(draft, tolerance, tally),
             *_doubled(draft, tolerance, tally), *_gaps(draft, tolerance, tally), *_shares(draft, tolerance, tally),
             *_parts(draft, tally)]
    seen: set[str] = set()
    out = []
    for i in sorted(found, key=lambda i: (i.figure.line, i.figure.column)):
        if i.figure.id not in seen:
            seen.add(i.figure.id)
            out.append(i)
    return out


class _Draft:
    """A draft's claims, grouped once by id, paragraph and sentence: each relation is looked for among the
    figures near it, so a draft of megabytes is not searched figure by figure."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.claims = claims
        self.by_id = {c.id: c for c in claims}
        self.index = {c.id: i for i, c in enumerate(claims)}
        self.by_paragraph: dict[str, list[Claim]] = {}
        self.by_sentence: dict[str, list[Claim]] = {}
        for c in claims:
            self.by_paragraph.setdefault(c.paragraph, []).append(c)
            self.by_sentence.setdefault(c.sentence, []).append(c)


def _n(value: Decimal) -> str:
    """A computed value as an editor writes it: no exponent, no trailing zeros."""
    text = f"{value.quantize(Decimal('0.01')) if abs(value) < 1000 else value.quantize(Decimal(1)):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _printed(c: Claim) -> tuple[Decimal, str] | None:
    """How many base units one printed unit of the figure is (万亿元: 10¹²), and the words after its digits."""
    m = PRINTED_DIGITS.search(c.text)
    written = Decimal(m.group().replace(",", "")) if m else Decimal(0)
    if m is None or not written or not c.value:
        return None
    return c.value / written, c.text[m.end() :]


def _rounded_to(c: Claim) -> Decimal:
    """Half a unit of the figure's last printed digit, a round figure's zeros counted as rounding: 750万吨 may be
    754万吨 (285万吨, 占比37.8%), which a share computed from it must allow."""
    zeros, unit = round_zeros(c)
    return max(c.precision, unit * Decimal(10) ** zeros / 2) if zeros else c.precision


def _like(value: Decimal, c: Claim) -> str:
    """A computed amount in the units a figure of the draft is written in (17.94万亿元, not 17940000000000)."""
    printed = _printed(c)
    return _n(value / printed[0]) + printed[1] if printed else _n(value)


def _said(c: Claim) -> str:
    return f"{c.metric or '?'} {c.text}"


# --- one fact told twice -------------------------------------------------------------------------------

def _within(x: str, y: str) -> bool:
    """The shorter text says nothing the longer does not (前5个月我国货物贸易进出口 within 前5个月，我国货物贸易
    进出口…，同比增长…)."""
    shorter, longer = sorted((_bigrams(x), _bigrams(y)), key=len)
    return not shorter - longer


# 财联社6月22日电，… / 新华社北京4月2日电 / 本报讯 / 央视网消息: a paragraph opening an item of its own
_DATELINE = re.compile(r"\s*(?:\*\*)?(?:[^，。；,;\s]{2,12}?\d{1,2}月\d{1,2}日电|本报讯|[^，。；,;\s]{2,8}消息[）)]?)")


class _Figures:
    """The figures each paragraph of the draft prints, to be taken out of its text: only its own (a 3 of
    another story would turn 货币供应M3 into M#, the same words as M2's)."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.by_paragraph: dict[str, set[str]] = {}
        starts: dict[str, int] = {}
        for c in claims:
            self.by_paragraph.setdefault(c.paragraph, set()).add(c.plain_text)
            if c.plain_paragraph.lstrip().startswith(("#", "【")) or _DATELINE.match(c.plain_paragraph) or _headline(c):
                starts.setdefault(c.paragraph, c.line)  # a headline with a figure in it opens a story too
        self.story_starts = sorted(starts.values())

    def apart(self, a: Claim, b: Claim) -> bool:
        """A heading or a newswire item's 【title】 stands between the two figures: two stories."""
        first, last = sorted((a.line, b.line))
        at = bisect.bisect_right(self.story_starts, first)
        return at < len(self.story_starts) and self.story_starts[at] <= last

    def of(self, c: Claim) -> list[str]:
        return sorted(self.by_paragraph.get(c.paragraph, ()), key=len, reverse=True)


def _masked(text: str, figures: list[str]) -> str:
    for figure in figures:
        text = text.replace(figure, "#")
    return text


def _told(c: Claim, figures: list[str]) -> str:
    """What the paragraph has said up to the figure's sentence, the draft's figures taken out (not its dates:
    较2023年11月末 is not 较2022年12月末): a sentence carries what its paragraph said before it (在共建"一带一路"
    国家…。完成营业额…: the Belt and Road's, not the country's)."""
    paragraph, sentence = c.plain_paragraph, c.plain_sentence
    at = paragraph.find(sentence)
    return _masked(paragraph[: at + len(sentence)] if at >= 0 else sentence, figures)


def _restated(draft: _Draft, tally: Counter[str] | None = None) -> list[Inconsistency]:
    """A headline, a summary line or a lead restating a figure of the body, with another value.

    Only two sentences that say the same thing: within a story, one measure worded alike is often another
    body's or another base's (收案…结案…同比分别增长 for two courts; 较上个月下降 for two parties). Where the
    figure is told three times, the one the others do not bear out is flagged.
    """
    claims, by_id = draft.claims, draft.by_id
    figures = _Figures(claims)
    out = []
    for a, b in _nearby_pairs(draft):
        same_value = agree(a, b) or _rounded(a, b)
        if same_value and tally is not None and _told_alike(a, b, figures):
            tally[RESTATED] += 1
        if same_value or a.qualifier != b.qualifier or a.qualifier in (AT_LEAST, AT_MOST, ABOVE):
            # 超20% and 142.51%: a bound told beside a figure past it is no figure told twice; 超2500万人次 in the
            # headline and 超2524.4万人次 in the body are two bounds that may both hold
            continue
        if not _told_alike(a, b, figures):
            continue
        if _listed_beside(a, b, claims) or _listed_beside(b, a, claims):
            # 2022年2.68万名员工 over 蔚来拥有2.68万名员工，理想拥有1.94万名员工: the subhead restates the list's item of
            # its own value; the item beside it is another body's.
            continue
        if a.qualifies or b.qualifies:
            # 乘用车零售销量402591辆同比增23.25% in the headline, 车辆零售销量…同比增9.55% in the body: a rate is
            # the same fact only where the figures it qualifies are.
            x, y = by_id.get(a.qualifies or ""), by_id.get(b.qualifies or "")
            if x is None or y is None or not agree(x, y) or not _told_alike(x, y, figures):
                continue
        backing = {x: sum(1 for c in claims if c is not a and c is not b and agree(c, x) and _told_alike(c, y, figures))
                   for x, y in ((a, b), (b, a))}
        if backing[a] != backing[b]:
            odd, other = (a, b) if backing[a] < backing[b] else (b, a)
        elif not _title_and_body(a, b) and _clause_repeated(a, b):
            odd, other = (b, a) if (a.line, a.column) < (b.line, b.column) else (a, b)  # the quote, not the statement
        else:
            # A headline or a summary line restates the body, the fuller statement: it is the one to check.
            odd, other = (a, b) if len(a.plain_sentence) < len(b.plain_sentence) else (b, a)
        if tally is not None:
            tally[RESTATED] += 1
        out.append(restated(odd, other))
    return out


_CLOCK = re.compile(r"(?<![\d.])(?:[01]?\d|2[0-4])(?:时|点)(?:\d{1,2}分|半)?")


def _clock(c: Claim) -> str:
    """The hour the figure's sentence gives before it (15时50分, 17时), or ""."""
    found = _CLOCK.findall(c.plain_sentence, 0, c.at())
    return found[-1] if found else ""


_ADJUSTMENT = re.compile(r"(?:考虑|剔除|扣除|除去|不考虑|不含|排除)[^，。；]{1,24}?(?:因素|影响)?(?:后|之后|以外)")


def _adjusted(c: Claim) -> str:
    """The adjustment the figure's sentence names before it (剔除价格因素后, 考虑…调剂资金因素后), or ""."""
    found = _ADJUSTMENT.search(c.plain_sentence, 0, c.at())
    return found.group() if found else ""


def _listed_beside(a: Claim, b: Claim, claims: Sequence[Claim]) -> bool:
    """`b`'s own sentence also gives `a`'s value, for the same measure: `b` is one item of a list `a` restates
    another of."""
    return any(c is not b and c.sentence == b.sentence and c.line == b.line and agree(c, a)
               and c.qualifier == a.qualifier  # not 历史同期首次突破1万亿元, a mark beside the body's own figure
               and c.unit == a.unit and same_metric(c.metric, a.metric) for c in claims)


def _listed_as_a_part(c: Claim) -> bool:
    """其中 opens the full sentence (to the last 。, past its ；) the figure stands in: a part of a total before it."""
    paragraph = c.plain_paragraph
    at = paragraph.find(c.plain_sentence)
    if at < 0:
        return "其中" in c.plain_sentence[: c.at()]
    start = max(paragraph.rfind(end, 0, at) for end in "。！？") + 1
    return "其中" in paragraph[start : at + c.at()]


def restated(odd: Claim, other: Claim) -> Inconsistency:
    """`odd` told otherwise by `other`, the figure to go by."""
    return Inconsistency(odd, (other,), Computation(
        RESTATED, _("{first} (line {first_line}) ≠ {second} (line {second_line})").format(
            first=_said(other), first_line=other.line, second=_said(odd), second_line=odd.line),
        odd.text, other.text, _("the printed precision and bounds")))


def _bigrams(text: str) -> set[str]:
    """Two-character pieces of a sentence without its punctuation: 前5个月我国 in a headline is in 前5个月，我国."""
    plain = re.sub(r"[^\w#]", "", text)
    return {plain[i : i + 2] for i in range(len(plain) - 1) if "#" not in plain[i : i + 2]}


STORY_LINES = 400  # a figure is restated within its story: pairs further apart than this are not tried


def _nearby_pairs(draft: _Draft) -> Iterator[tuple[Claim, Claim]]:
    """Pairs of one dimension and head noun, near enough to be one story's: a draft of megabytes is not
    compared figure by figure."""
    claims = draft.claims
    blocks: dict[tuple[str, str], list[Claim]] = {}
    for c in claims:
        key = metric_key(c.metric)
        blocks.setdefault((unit_group(c.unit), key[-2:]), []).append(c)
    seen: set[tuple[str, str]] = set()
    for block in blocks.values():
        block.sort(key=lambda c: (c.line, c.column))
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if b.line - a.line > STORY_LINES:
                    break
                seen.add((a.id, b.id))
                yield a, b
    # A title and its body: the title's wording may leave the measure's head out (…1794万吨 同比增长…).
    for c in claims:
        if _in_title(c):
            for other in draft.by_paragraph[c.paragraph]:
                if not _in_title(other) and (c.id, other.id) not in seen and (other.id, c.id) not in seen:
                    yield c, other
    by_lead: dict[str, list[Claim]] = {}
    for c in claims:
        lead = _lead(c)
        if len(lead) >= LEAD_MIN:
            by_lead.setdefault(lead[-LEAD_MIN:], []).append(c)
    for c in claims:
        if _headline(c):
            for other in by_lead.get(_lead(c)[-LEAD_MIN:], ()):
                if (other is not c and not _headline(other) and abs(other.line - c.line) <= STORY_LINES
                        and (c.id, other.id) not in seen and (other.id, c.id) not in seen):
                    seen.add((c.id, other.id))
                    yield c, other


def _rounded(a: Claim, b: Claim) -> bool:
    """连板股晋级率36% in the headline, 36.36% in the body: a whole number may be the other rounded, or cut off
    (26% for 26.67%)."""
    if a.qualifier != EXACT or b.qualifier != EXACT:
        return False
    coarse, fine = (a, b) if _half_unit(a) >= _half_unit(b) else (b, a)
    return rounded_or_cut(coarse.value, _half_unit(coarse), fine.value, _half_unit(fine))


def _half_unit(c: Claim) -> Decimal:
    """Half a unit of the figure's last printed digit, in the measure's base units (36% → 0.5; 2.6万元 → 500)."""
    if c.precision:
        return c.precision
    printed = _printed(c)
    return printed[0] / 2 if printed else Decimal(0)


_EARLIER = re.compile(r"上一|前一|上季度|上期|前期|此前|之前|上年|去年|上月")
_BARE = re.compile(r"同比|环比|同期|较|比|增长|增加|下降|减少|上涨|下跌|增|降|涨|跌|为|达|是")


def _named_measure(c: Claim) -> bool:
    """A figure whose measure the draft names, not only its change (同比增9.55% after 车辆零售销量…，)."""
    return len(_BARE.sub("", metric_key(c.metric))) >= 2


_TITLE = re.compile(r"^【([^】]{4,80})】")
LEAD_CHARS = 6  # a title and its body name a figure alike: the same characters right before it (一般贸易进出口, not
LEAD_MIN = 4  # 加工贸易进出口), at least this many where the title starts close to the figure


def _in_title(c: Claim) -> bool:
    """The figure stands in the item's bracketed title (【国家统计局：4月份规上工业原油产量1794万吨…】)."""
    m = _TITLE.match(c.plain_sentence)
    return m is not None and c.at() < m.end()


def _lead(c: Claim) -> str:
    """The characters right before the figure, punctuation and spaces aside (原油产量 in …原油产量1794万吨)."""
    before = re.sub(r"[^\u4e00-\u9fffA-Za-z]", "", c.plain_sentence[max(0, c.at() - 16) : c.at()])
    return before[-LEAD_CHARS:]


HEADLINE_MAX = 60  # a paragraph this short is a headline or a summary line (### 1—5月…收入86739亿元; 6.1—5月…；)


def _headline(c: Claim) -> bool:
    """A headline or a summary line: short, one sentence, and not ended as a sentence of the body is (。)."""
    paragraph = c.plain_paragraph.strip()
    return (len(paragraph) <= HEADLINE_MAX and c.plain_sentence.strip() == paragraph
            and not paragraph.endswith(("。", "！", "？", ".")))


def _title_and_body(a: Claim, b: Claim) -> bool:
    """A title restating its body's figure, named alike: a newswire item's 【…】 and the text after it, or a
    headline or summary line and a paragraph of the body."""
    if a.paragraph == b.paragraph:
        if _in_title(a) == _in_title(b):
            return False
    elif _headline(a) == _headline(b):
        return False
    x, y = _lead(a), _lead(b)
    n = min(len(x), len(y))
    if n < LEAD_MIN or x[-n:] != y[-n:]:
        return False
    # The title's whole phrase for the figure is the body's (规上工业原油产量), not only its last words: 一线城市
    # …销售价格同比下降 in the title is not the body's 三线城市…同比下降.
    title, body = (a, b) if (_in_title(a) if a.paragraph == b.paragraph else _headline(a)) else (b, a)
    if measures_apart(title.metric, body.metric):
        return False  # CPI同比上涨0.8% in the headline, 扣除食品和能源的核心CPI同比上涨1.2% in the body
    phrase = _phrase(title)
    if len(phrase) < LEAD_MIN or not _words(body.plain_sentence[: body.at()]).endswith(phrase):
        return False
    # 开展3000亿元隔夜逆回购操作 in the title, 开展1575亿元7天期逆回购操作 in the body: what follows names it too.
    x, y = _after(title), _after(body)
    return not (x and y and x != y)


_AFTER = re.compile(r"[^，。；,;：:】\s]{0,12}")


def _after(c: Claim) -> str:
    """The words right after the figure, up to the clause's end (隔夜逆回购操作)."""
    m = _AFTER.match(c.plain_sentence, c.at() + len(c.plain_text))
    return _words(m.group()) if m else ""


_PHRASE_START = re.compile(r".*[：:，,；;、\s】]")
_NOT_WORDS = re.compile(r"[^\u4e00-\u9fffA-Za-z]|(?<![\u4e00-\u9fff])[年月日]|季度|上半年|下半年|今年|去年|前|累计|份")


def _words(text: str) -> str:
    """The words of a phrase without its periods and figures (4月份规上工业原油产量 → 规上工业原油产量); a figure
    in a name stays (M2余额 is not M1余额)."""
    return _NOT_WORDS.sub("", re.sub(r"(?<![A-Za-z])\d+[年月日]?", "", text))


def _phrase(c: Claim) -> str:
    """The words a title or a headline gives the figure: from its clause's start up to the figure."""
    before = c.plain_sentence[: c.at()]
    m = _PHRASE_START.match(before)
    return _words(before[m.end() :] if m else before.lstrip("#* 0123456789.（）()"))


def _heads(a: Claim, b: Claim) -> bool:
    """A headline printed right above the item it heads (### 中国中冶：…2480.3亿元, then 【中国中冶：…】…)."""
    return _headline(a) and not _headline(b) and 0 < b.line - a.line <= 2


CLAUSE_MIN = 6  # a clause told again word for word, at least this many characters of words


def _clause_repeated(a: Claim, b: Claim) -> bool:
    """The figure's whole clause told again word for word, figures aside, where the draft explains it (目标…：…
    居民消费价格涨幅控制在4%左右；… then 提出居民消费价格涨幅控制在4%左右，综合考虑了…): a long clause repeated is
    one statement quoted back, wherever it stands."""
    if _leans_on(a) or _leans_on(b) or any(_BREAKDOWN.search(c.plain_sentence) for c in (a, b)):
        return False
    if _opening(a) == _opening(b):
        # 资助金额共计34.58亿元，其中，中央财政资金… then 资助金额共计32.66亿元，其中，中央财政资金…: a report's
        # sections told on one template, each about what its own section names; a statement quoted back opens
        # on the words that quote it (提出…).
        return False
    x, y = _FRAMING.sub("", _clause_words(a)), _FRAMING.sub("", _clause_words(b))
    if len(x) < CLAUSE_NAMES and (_follows_a_figure(a) or _follows_a_figure(b)):
        return False  # 增开旅客列车230列，开行总量达到13028列: a short clause is about what the clause before named
    return len(x) >= CLAUSE_MIN and x == y  # 销售收入同比增长 is not 高技术产业销售收入同比增长


def _opening(c: Claim) -> str:
    """The words of the sentence's first two clauses, figures masked: a template's (资助金额共计#亿元，其中), not a
    statement's, which goes on to say something else (城镇调查失业率5.5%左右，体现了…)."""
    text = c.plain_sentence
    ends = [m.start() for m in _CLAUSE_END.finditer(text)][:2]
    return mask_numbers(text[: ends[1] if len(ends) > 1 else len(text)])


CLAUSE_NAMES = 8  # a clause this long names its own measure (居民消费价格涨幅控制在…), whatever stands before it


def _follows_a_figure(c: Claim) -> bool:
    """The clause before the figure's, within its sentence and after a comma, holds a figure of its own."""
    previous = _previous_clause(c)
    return previous is not None and previous[1].group() in "，," and bool(PRINTED_DIGITS.search(previous[0]))


# 提出居民消费价格涨幅控制在…左右: the words that quote a statement back, not what it measures
_FRAMING = re.compile(r"^(?:这里要着重说明|提出|把|将|要|使|确保|力争|努力|争取)+")


# …利润同比增长44.8%，拉动全部规模以上工业企业利润增长7.8个百分点: a clause opening on a verb tells what the
# figure before it did; whose, only that figure's clause says
_LEANING = re.compile(r"[，,]\s*(?:并|又|也|还|从而|进而)?(?:拉动|带动|贡献|占|比|较|高于|低于|快于|慢于|超过|同比|环比|增长|"
                      r"下降|增加|减少|提高|上升|分别|其中)")


# 分经济类型看，民营经济纳税人…新增减税降费及退税缓费13371亿元: a breakdown's figure is a part's, worded as the whole's
_BREAKDOWN = re.compile(r"^[^，。；,;]{0,6}?(?:分[^，。；,;]{1,8}看|按[^，。；,;]{1,8}分|从[^，。；,;]{1,8}看|其中|在[^，。；,;]{1,16}中)")


def _leans_on(c: Claim) -> bool:
    """The figure's clause follows a clause with a figure of its own, and opens on a verb (…，拉动…增长7.8个百分点)."""
    previous = _previous_clause(c)
    return (previous is not None and bool(PRINTED_DIGITS.search(previous[0]))
            and bool(_LEANING.match(c.plain_sentence, previous[1].start())))


_CLAUSE_END = re.compile(r"[，。；,;：:！？\n]")


def _breaks(c: Claim) -> list[re.Match[str]]:
    """The clause marks of the figure's sentence before it."""
    return list(_CLAUSE_END.finditer(c.plain_sentence, 0, c.at()))


def _previous_clause(c: Claim) -> tuple[str, re.Match[str]] | None:
    """The clause before the figure's in its sentence, and the mark that ends it; None in a sentence's first."""
    breaks = _breaks(c)
    if not breaks:
        return None
    return c.plain_sentence[breaks[-2].end() if len(breaks) > 1 else 0 : breaks[-1].start()], breaks[-1]


def _clause_words(c: Claim) -> str:
    """The words of the figure's clause, figures, periods and punctuation aside."""
    text, breaks = c.plain_sentence, _breaks(c)
    m = _CLAUSE_END.search(text, c.at() + len(c.plain_text))
    clause = text[breaks[-1].end() if breaks else 0 : m.start() if m else len(text)].replace(c.plain_text, "#")
    # a figure in a name stays (货币供应M3 is not M2): its digits kept as words; the figure's own unit and a period's
    # words (前7个月进出口2.2万亿元) are no words of what it measures
    words = _words(_IN_NAME.sub(lambda n: n[1] + n[2].translate(_AS_WORDS), clause))
    return _PERIOD_WORDS.sub("", words)


_PERIOD_WORDS = re.compile(r"个月|季度|月份|上半年|下半年|全年|年度|今年|去年|同期")


_IN_NAME = re.compile(r"([A-Za-z])(\d+)")
_AS_WORDS = str.maketrans("0123456789", "零一二三四五六七八九")


def _rates_titled(a: Claim, b: Claim) -> bool:
    """A rate in the title and one in the body, each right after its own level (…1794万吨 同比增长1.2%)."""
    return _when(a) == _when(b) and bool(a.qualifies) and bool(b.qualifies)


_PLACE_KINDS = (NATIONAL, REGION, PLACE, COUNTRY, PAIR, "")  # bodies that carry well across paragraphs
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _lead_words(c: Claim) -> str:
    """The words a figure's sentence opens with, before its first figure (蔚来, 小鹏汽车): where a name stands."""
    text = c.plain_sentence
    first = PRINTED_DIGITS.search(text)
    return "".join(_CJK.findall(text[: first.start() if first else c.at()]))


_ITEM_TAIL = 12  # CJK characters
# …and a scope of consolidation (在合并口径存续的公司信用类债券中, 合并报表范围内): the group's, not the parent's alone.
_BASIS_SAID = re.compile(r"(?:不按照?|按照?|以|在)[\u4e00-\u9fffA-Za-z（）()\-]{1,20}?(?:准则|计价|口径)|合并报表范围")


_CLAUSE_BREAK = re.compile(r"[，。；,;：:]")


def _basis_before(c: Claim) -> str:
    """The accounting standard, currency or set of firms the figure's paragraph names before it, "" if none."""
    found = _BASIS_SAID.findall(so_far_said(c))
    return found[-1] if found else ""


_ITEM_MARK = re.compile(r"^\s*[（(]?\d{1,2}[）)]|[；。;！!\s]+$")


def _core(c: Claim, upto: int | None = None) -> str:
    """The sentence without its list number and closing mark (（3）…； and the same line as a headline), up to
    `upto` if given: a line printed twice, each figure where it stood."""
    text = c.plain_sentence if upto is None else c.plain_sentence[:upto]
    return _ITEM_MARK.sub("", text)


def _nth_in_clause(c: Claim) -> int:
    """How many figures its clause gives before it: 普通住房70%、非普通住房80% pairs 70% with 70%, never with 80%."""
    text = c.plain_sentence
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, c.at())), default=0)
    return len(PRINTED_DIGITS.findall(text, start, c.at()))


_PROVISION = re.compile(r"不得|应当|原则上|之日起|不超过|不低于|不少于|最高不|最低不")


def _tail_words(c: Claim) -> str:
    """The words of the clauses after the figure's (凌云股份连续两日涨停): where a list of items may name each one's."""
    text = c.plain_sentence
    end = _CLAUSE_BREAK.search(text, c.at() + len(c.plain_text))
    return "".join(_CJK.findall(text[end.end():])) if end else ""


_ANOTHER_SOURCE = re.compile(r"另据|另一项(?:民调|调查|统计)|另一家")


def _told_alike(a: Claim, b: Claim, figures: _Figures) -> bool:
    """Two sentences of one draft stating one fact: worded alike, figures aside, and one fact by identity."""
    if a.period is None or b.period is None or unit_group(a.unit) != unit_group(b.unit):
        return False
    titled = _title_and_body(a, b)
    if a.sentence == b.sentence and not titled:
        return False
    if a.changed_to or b.changed_to or a.part_of != b.part_of:
        return False
    if ("环比" in a.metric) != ("环比" in b.metric):
        return False  # a month-on-month change and a year-on-year one, though their clauses read alike
    clocks = _clock(a), _clock(b)
    if all(clocks) and clocks[0] != clocks[1]:
        return False  # 15时50分…动用152人27台车 and 17时…动用150人25台车: two dispatches, at two hours
    if _adjusted(a) != _adjusted(b):
        return False  # 考虑全国统筹调剂资金因素后，本年收支结余10661.49亿元 and 本年收支结余10667.72亿元: two bases
    if a.paragraph != b.paragraph and any(_ANOTHER_SOURCE.search(so_far_said(c)) for c in (a, b)):
        # 日本《每日新闻》…民调显示…不支持率上升5个百分点 then 另据日本共同社…最新民调结果…上升8.7个百分点: another
        # source's count of its own, not one told twice.
        return False
    guessed = [(x, y) for x, y in ((a, b), (b, a))
               if x.subject_from in ("sentence", "story") and x.subject_kind not in _PLACE_KINDS]
    if guessed:
        # 零跑汽车1月交付12277台，哪吒汽车1月交付10032台 (哪吒汽车 unknown to the recogniser), 蔚来2月交付新车…
        # against 小鹏汽车：2月交付新车…: a company carried from another clause is a guess, and the words where
        # a name stands say it is another.
        heads = _lead_words(a), _lead_words(b)
        if all(len(h) >= 2 for h in heads) and heads[0] != heads[1]:
            return False
        for x, y in guessed:
            extra = x.context[: len(x.context) - len(y.context)] if x.context.endswith(y.context) else ""
            if len(_CJK.findall(extra)) >= 2:
                return False
    carried = {a.subject_from, b.subject_from} & {"paragraph", "story"}  # a place carried over a market wrap, too
    if guessed or carried or not a.subject or not b.subject:
        tails = _tail_words(a), _tail_words(b)
        if all(2 <= len(t) <= _ITEM_TAIL for t in tails) and tails[0][:2] != tails[1][:2]:
            # 预计上半年净利同比增长107%到128%，凌云股份连续两日涨停 and …，三角轮胎涨停: a short last clause that
            # opens with each item's own name (a long one goes on about the figure: 城镇调查失业率5.5%左右，体现了…;
            # one opening alike, 净利润率由去年同期…, is the same clause told again).
            return False
    if "分别" in a.plain_sentence or "分别" in b.plain_sentence:
        return False  # …投资分别增长11%、24.9%: which figure is which item's, only the list's order says
    if reading_of(a) != reading_of(b):
        return False  # 修正值为5.2%…初值为4.9%: the flash and the revision of one quarter, two readings
    if any(a_reading(c) and reading_day(c) is not None for c in (a, b)) or PREVIOUS in (modality(a), modality(b)):
        return False  # a market's reading moves within the day (数据公布前为98.4%); each item has its own 前值
    if partner_apart(a, b) or partner_apart(b, a):
        return False  # 2月对美出口…进口… and 2月日本对欧贸易…进口达到8901亿日元: trade with two partners
    if products_apart(a, b):
        return False  # - iPhone 15 Pro：…当前起售价为999美元 and - iPhone 15 Pro Max：…当前起售价为1099美元: two models
    if _basis_before(a) != _basis_before(b):
        # 不按美国通用会计准则（Non-GAAP），…“百度核心”第三季度净利润为70亿元 against the GAAP paragraph's 64亿元
        return False
    if all(_PROVISION.search(c.plain_sentence) for c in (a, b)):
        # 不得超过本企业净资产的50% and …的40%, 自受理之日起2个月内 and 4个月内: a rulebook's provisions, each for its
        # own matter (the article heading says which), not one limit told twice.
        return False
    for c in (a, b):
        if _EARLIER.search(c.plain_sentence, max(0, c.at() - 12), c.at()):
            return False  # 上一季度逆差为25亿美元: another period than the one the sentence opened with
        if not c.qualifies and not _named_measure(c):
            return False  # 同比增9.55%: whose growth, only the figure before it says
    if a.paragraph == b.paragraph and not titled:
        return False  # 其中，北侧地块…溢价率30.8%；南侧地块…溢价率39.7%: one paragraph's parallel sentences are siblings
    if figures.apart(a, b) and rising(a) and rising(b):
        return False  # 遇难人数升至19人 in one story, 升至26人 in a later one: a toll told as it rises, two moments
    if titled and (a.paragraph == b.paragraph or _heads(a, b) or _heads(b, a)):
        # One item: the title names the body's figure by the body's words, for the body's period; whom it is
        # about is the item's (a title often names only the agency that released it).
        return (_when(a) == _when(b) and a.qualifies is None and b.qualifies is None) or _rates_titled(a, b)
    if _core(a) == _core(b) and _core(a, a.at()) != _core(b, b.at()):
        return False  # 批准上市76款创新药30款已纳入医保, a headline printed twice: 30款 is the second figure, not the first
    worded = titled or (_within(_masked(a.plain_sentence, figures.of(a)), _masked(b.plain_sentence, figures.of(b)))
                        and _within(_told(a, figures.of(a)), _told(b, figures.of(b))))
    # …but a clause repeated after two lists' different heads is each list's own (给予党纪政务处分 in two campaigns).
    # …and a clause repeated under two indicators named in letters (在…CPI同比变动中，…新影响约为… / …PPI…) is each one's.
    repeated = (not worded and _clause_repeated(a, b) and not figures.apart(a, b) and not lists_apart(a, b)
                and not letters_apart(a, b) and not bases_apart(a.metric, b.metric)
                and not measures_apart(a.metric, b.metric)  # 制造业 and 非制造业 新订单指数: two sections' clauses alike
                and _nth_in_clause(a) == _nth_in_clause(b))
    if not worded and not repeated:
        return False  # 日本4月货币供应M3年率 and …M2年率: one word apart is another indicator
    identity = identify(b, a)
    # A clause quoted back word for word measures what it measured (提出居民消费价格总水平涨幅控制在…): the
    # framing verb around it (提出) does not make another measure; whom it is about must still agree.
    fact = identity.named_fact or (repeated and identity.modality.outcome == SAME and (
        identity.subject.outcome == SAME or a.subject == b.subject))
    return (fact and identity.specific and identity.period.outcome == SAME
            and identity.modality.outcome == SAME and same_scope(b, a) and same_range(a, b))


# --- a change told in one sentence ---------------------------------------------------------------------

_DOWN = re.compile(r"下降|减少|降低|回落|下滑|缩小|收窄|减|降幅|降至|跌")


def _changes(draft: _Draft, tolerance: Tolerance, tally: Counter[str] | None = None) -> list[Inconsistency]:
    """从X增加到Y，增长P%; 由a%提高到b%，提高N个百分点; 增长N倍: the rate after a change must follow from its ends."""
    by_id = draft.by_id
    starts = {c.changed_to: c for c in draft.claims if c.changed_to}
    out = []
    for rate in draft.claims:
        if rate.unit not in ("%", "pp", "x"):
            continue
        if rate.changed_to or rate.id in starts:
            continue  # 增幅将由5.2%提高到7.4%: a rate that itself changes is a level, each over its own base
        sentence = draft.by_sentence[rate.sentence]
        qualified = by_id.get(rate.qualifies or "")
        if qualified is not None and qualified.unit in _SPANS:
            qualified = None  # 三年增长超过5倍: the rate is the change's, told over the years it took
        end = qualified or _end_before(rate, sentence, starts)
        start = (starts.get(end.id) or _start_of(end, draft.by_sentence[end.sentence])) if end is not None else None
        if end is None or start is None or rate.qualifier not in _RATE_BOUNDS or rate.sentence != end.sentence:
            continue
        if start.qualifier not in _ENDS or end.qualifier not in _ENDS or unit_group(start.unit) != unit_group(end.unit):
            continue
        if "分别" in rate.plain_sentence[max(0, end.at()) : rate.at()]:
            continue  # 营收从594.92亿元增长到1305.58亿元，增长率分别为97.37%、57.92%、38.97%: each year's rate
        if _names_another_measure(end, rate):
            continue  # …生产总值从158.9亿元增长到303.4亿元，城镇和农村居民人均可支配收入分别…增长了107.1%: the incomes' rate
        if start.sentence == end.sentence and _RANGE.fullmatch(_between(start, end)) and not _FROM.search(
                start.plain_sentence, max(0, start.at() - 10), start.at()):
            continue  # 营业收入约为10.52亿元至11.28亿元: a range's two ends, not a change from one to the other
        found = _change(start, end, rate, tolerance, tally)
        if found is not None:
            out.append(found)
    return out


_NOT_A_MEASURE = re.compile(r"[^\u4e00-\u9fff]|同比|比上年|较上年|比去年|比\d{4}年|较\d{4}年|年均|平均|分别|累计|总体|增长|增加|"
                            r"提高|上升|下降|减少|降低|增幅|降幅|涨幅|升幅|[了达为约共超过到]")


def _names_another_measure(end: Claim, rate: Claim) -> bool:
    """Words naming a measure stand between a change's end and the rate after it: the rate is that measure's."""
    if end.sentence != rate.sentence or rate.at() <= end.at():
        return False
    between = rate.plain_sentence[end.at() + len(end.plain_text) : rate.at()]
    return len(_NOT_A_MEASURE.sub("", between)) >= ANOTHER_MEASURE


ANOTHER_MEASURE = 4  # characters of a measure's name (人均可支配收入); 年均, 全年 and the like are fewer


_RANGE = re.compile(r"\s*[至到\-－~～—]+\s*")
_SPANS = frozenset({"年", "月", "天", "日"})
_ENDS = frozenset({EXACT, ABOUT})  # 由约105.6亿增至约121.5亿: an approximate end is read to its printed digits
_RATE_BOUNDS = frozenset({EXACT, ABOUT, AT_LEAST, AT_MOST, ABOVE})
_RATE_AFTER = re.compile(r"^[^。；;，,]{0,2}[，,]?(?:(?:\d+|[一二三四五六七八九十两]+)(?:年|个月)(?:来|间|内|里)?)?"
                         r"(?:同比|累计|总体|共)?(?:增长|增加|提高|上升|下降|减少|降低|增幅|降幅|涨幅|升幅)(?:了|达|为|约|超过)?"
                         r"(?:达到|约为)?$")


def _end_before(rate: Claim, claims: Sequence[Claim], starts: dict[str, Claim]) -> Claim | None:
    """The end of a change right before a rate that names no figure of its own (…增长到2021年的1844.4万人，增幅达26%),
    among the rate's sentence's `claims`: one the extraction tied a start to (`starts`, by end), or one whose
    start its sentence tells (asked only of the figure right before the rate)."""
    sentence = rate.plain_sentence
    for end in claims:
        if end.sentence == rate.sentence:
            after = end.at() + len(end.plain_text)
            if (0 <= rate.at() - after <= 12 and _RATE_AFTER.match(sentence[after : rate.at()])
                    and (end.id in starts or _start_of(end, claims) is not None)):
                return end
    return None


_FROM = re.compile(r"[从由](?:\d{4}年(?:底|末)?的?)?$")
_TO = re.compile(r"^(?:[^，。；,;]{0,12}?)(?:(?:增长|增加|提高|提升|上升|扩大|下降|减少|降低|回落|缩小|跃升|攀升)[到至]|[增升降减]至|到)"
                 r"(?:\d{4}年(?:底|末)?的?)?$")


def _start_of(end: Claim, claims: Sequence[Claim]) -> Claim | None:
    """从2012年的1462.9万人增长到2021年的1844.4万人, 由42.07亿增至52.07亿: the start told with the end, among
    `claims`, the end's sentence's."""
    sentence = end.plain_sentence
    for start in claims:
        if start.sentence != end.sentence or start.at() >= end.at() or unit_group(start.unit) != unit_group(end.unit):
            continue
        after = start.at() + len(start.plain_text)
        if _FROM.search(sentence, max(0, start.at() - 10), start.at()) and _TO.match(sentence[after : end.at()]):
            return start
    return None


_AVERAGE = re.compile(r"年均|平均|每年")


def _change(
    start: Claim, end: Claim, rate: Claim, tolerance: Tolerance, tally: Counter[str] | None = None
) -> Inconsistency | None:
    clause = rate.plain_sentence[max(0, rate.at() - 12) : rate.at()]
    if _AVERAGE.search(_clause_before(rate)):
        return None  # 年均增长, 年均增速分别达到7.3%、8.3%: compounded over years the sentence may not give
    down = bool(_DOWN.search(clause))
    if rate.unit == "pp":
        if start.unit != "%" or end.unit != "%":
            return None
        if tally is not None:
            tally[POINTS] += 1
        moved = end.value - start.value
        allowed = start.precision + end.precision + rate.precision + tolerance.points
        if not _beyond(-moved if down else moved, rate, allowed):
            return None
        return Inconsistency(rate, (start, end), Computation(
            POINTS, f"{end.text} − {start.text} = {_n(moved)}个百分点", rate.text, f"{_n(abs(moved))}个百分点",
            _("the printed precision (±{allowed} of a point)").format(allowed=_n(allowed))))
    if start.value <= 0 or end.unit == "%":
        return None
    ratio = end.value / start.value
    if rate.unit == "%":
        if tally is not None:
            tally[GROWTH] += 1
        grown = (ratio - 1) * 100
        # The ends' rounding moves the ratio too: 2.1万 may be 2.05万.
        slack = ratio * (start.precision / start.value + end.precision / end.value) * 100
        approximate = sum(1 for c in (start, end, rate) if c.qualifier == ABOUT)  # 约: a point more each
        allowed = tolerance.growth * (1 + approximate) + rate.precision + slack
        if not _beyond(-grown if down else grown, rate, allowed):
            return None
        return Inconsistency(rate, (start, end), Computation(
            GROWTH, f"{end.text} ÷ {start.text} − 1 = {_n(grown)}%", rate.text, f"{_n(grown)}%",
            _("{points} percentage point(s), and the printed precision").format(points=_n(tolerance.growth))))
    if rate.unit == "x" and not down:
        if tally is not None:
            tally[MULTIPLE] += 1
        stated = rate.value + 1  # 增长1.5倍: 2.5 times as much
        if not _beyond(ratio - 1, rate, stated * tolerance.multiple + rate.precision):
            return None
        return Inconsistency(rate, (start, end), Computation(
            MULTIPLE, f"{end.text} ÷ {start.text} = {_n(ratio)}", f"{_n(stated)}×", f"{_n(ratio)}×",
            _("{share} of the multiple").format(share=f"{_n(tolerance.multiple * 100)}%")))
    return None


# 3.69万亿元，比上年增加1.97万亿元; 达2424.18万千瓦，较去年最高负荷（2401.12万千瓦）增加23万千瓦
_BY = re.compile(r"^[，,]?\s*(?:比|较|同比)(?P<base>[^，。；,;]{0,24}?)(?P<way>增加|增长|多|提高|上升|增|减少|下降|少|降低|减)了?$")
_LESS = ("减少", "下降", "少", "降低", "减")


def _level_changes(draft: _Draft, tolerance: Tolerance, tally: Counter[str] | None = None) -> list[Inconsistency]:
    """A level, its change on a base and the change's rate, told together (投入5955亿元，比上年增加1637亿元，增长
    37.9%): the base is the level less the change, or the figure the sentence gives for it (较去年最高负荷（2401.12
    万千瓦）增加23万千瓦), and the rate is the change over the base."""
    out = []
    for change in draft.claims:
        if change.unit in ("%", "pp", "x") or change.qualifier != EXACT or change.value <= 0:
            continue
        sentence = draft.by_sentence[change.sentence]
        before = [c for c in sentence if c.at() < change.at() and unit_group(c.unit) == unit_group(change.unit)]
        told = next(((c, m) for c in reversed(before) if c.at() + len(c.plain_text) <= change.at()
                     and c.qualifier == EXACT and c.value > 0 and (m := _BY.match(_between(c, change)))), None)
        if told is None:
            continue
        level, m = told
        sign = -1 if m["way"] in _LESS else 1
        bases = [c for c in sentence if level.at() < c.at() < change.at() and unit_group(c.unit) == unit_group(level.unit)]
        base = bases[0] if len(bases) == 1 and bases[0].qualifier == EXACT else None
        if len(bases) > 1 or (bases and base is None):
            continue
        if base is not None:
            if tally is not None:
                tally[DIFFERENCE] += 1
            moved = level.value - base.value
            allowed = level.precision + base.precision + change.precision
            if abs(moved - sign * change.value) > allowed:
                out.append(Inconsistency(change, (level, base), Computation(
                    DIFFERENCE, f"{level.text} − {base.text} = {_like(moved, change)}", change.text,
                    _like(abs(moved), change), _("the printed precision (±{allowed})").format(
                        allowed=_like(allowed, change)))))
                continue
        start = base.value if base is not None else level.value - sign * change.value
        rate = next((c for c in sentence if c.qualifies == change.id and c.unit == "%"), None)
        if rate is None or start <= 0 or rate.qualifier not in _RATE_BOUNDS or _AVERAGE.search(_clause_before(rate)):
            continue
        reckoned = _base_named(_clause_before(rate))
        if reckoned and reckoned != _base_named(m.group()):
            # 达到2040万，较上一季度增加260万，较去年同期增长51%: the rate names a base of its own, not the change's.
            continue
        if tally is not None:
            tally[GROWTH] += 1
        grown = sign * change.value / start * 100
        start_precision = base.precision if base is not None else level.precision + change.precision
        slack = abs(grown) * (change.precision / change.value + start_precision / start)
        allowed = tolerance.growth + rate.precision + slack + (tolerance.growth if rate.qualifier == ABOUT else 0)
        said = rate.plain_sentence[max(0, rate.at() - 6) : rate.at()]
        # 下降6微克/立方米，降幅达10%: a rate told as a fall's size is that fall's; a rise's words against a fall
        # (增长10%) are a wrong sign
        way = -1 if _DOWN.search(said) else 1 if _UP.search(said) else sign
        if _beyond(grown * way, rate, allowed):
            written = f"{level.text} − {base.text}" if base is not None else (
                f"{level.text} {'+' if sign < 0 else '−'} {change.text}")
            out.append(Inconsistency(rate, (level, change, *((base,) if base else ())), Computation(
                GROWTH, f"{change.text} ÷ ({written}) = {_n(grown)}%", rate.text, f"{_n(grown)}%",
                _("{points} percentage point(s), and the printed precision").format(points=_n(tolerance.growth)))))
    return out


_UP = re.compile(r"增长|增加|提高|上升|增幅|涨幅|升幅|上涨")
_BASE_NAMED = re.compile(r"同比|(?:比|较)([^，。；,;]{1,12}?)(?=增加|增长|提高|上升|多|下降|减少|降低|少|减|增)")


def _base_named(text: str) -> str:
    """The base a clause reckons its change against, as one word for one base (同比, 较去年同期: 同期), else ""."""
    m = _BASE_NAMED.search(text)
    if m is None:
        return ""
    base = m.group(1) or "同期"
    return "同期" if "同期" in base else "上年" if base.endswith(("上年", "去年")) else base


def _between(a: Claim, b: Claim) -> str:
    """The words between two figures of one sentence, figures and all."""
    return a.plain_sentence[a.at() + len(a.plain_text) : b.at()]


_DOUBLED = re.compile(r"[，,]?\s*(?:实现了?|已经?|基本|规模)?翻了?一番(?P<more>多|还多|以上)?")


def _doubled(draft: _Draft, tolerance: Tolerance, tally: Counter[str] | None = None) -> list[Inconsistency]:
    """从1985年931.9万人增长至2023年1891.8万人，翻了一番: the end is twice the start (a tenth either way, the
    multiple's tolerance; 翻了一番多 more)."""
    out = []
    for end in draft.claims:
        if end.unit in ("%", "pp", "x") or end.qualifier != EXACT:
            continue
        m = _DOUBLED.match(end.plain_sentence, end.at() + len(end.plain_text))
        start = _start_of(end, draft.by_sentence[end.sentence]) if m else None
        if m is None or start is None or start.qualifier != EXACT or start.value <= 0:
            continue
        if tally is not None:
            tally[MULTIPLE] += 1
        ratio = end.value / start.value
        allowed = 2 * tolerance.multiple
        if ratio >= 2 - allowed and (m["more"] or ratio <= 2 + allowed):
            continue
        out.append(Inconsistency(end, (start,), Computation(
            MULTIPLE, f"{end.text} ÷ {start.text} = {_n(ratio)}", "2×", f"{_n(ratio)}×",
            _("{share} of the multiple").format(share=f"{_n(tolerance.multiple * 100)}%"))))
    return out


# 高技术制造业增加值同比增长9.6%，快于全部规模以上工业6.2个百分点; 进口增速高于出口8.7个百分点
_GAP = re.compile(r"(?P<own>[^，。；,;：:]{0,8}?)(?:增速|增幅|涨幅|降幅)?(?P<way>快于|高于|超过|领先|低于|慢于|落后于?)"
                  r"(?P<other>[^，。；,;：:\d]{1,16}?)(?:增速|增幅|涨幅|降幅)?(?:约|达)?$")
# 占进口总量的53.1%，占比较去年同期的65.2%下滑12.1个百分点: a rate, the same rate at a base, and the move between
_AGAINST = re.compile(r"^[，,]\s*[^，。；,;\d]{0,6}?(?:比|较)[^，。；,;\d]{0,10}?的?$")
_MOVED = re.compile(r"^(?P<way>下滑|下降|回落|减少|降低|收窄|缩小|提高|上升|增加|提升|扩大|回升)了?(?:约|达)?$")
_ALL = re.compile(r"^(?:全部|所有|整体|全国|全体|平均|总体)")
_GAP_UP = ("快于", "高于", "超过", "领先")


def _gaps(draft: _Draft, tolerance: Tolerance, tally: Counter[str] | None = None) -> list[Inconsistency]:
    """A gap in points between two rates the draft prints: 快于全部规模以上工业6.2个百分点, or a rate against its own
    base (占比较去年同期的65.2%下滑12.1个百分点): the difference of the two rates."""
    out = []
    for gap in draft.claims:
        if gap.unit != "pp" or gap.qualifier not in _ENDS:
            continue
        sentence = draft.by_sentence[gap.sentence]
        rates = [c for c in draft.by_paragraph[gap.paragraph] if c.unit == "%" and c.qualifier in _ENDS
                 and (c.line, c.column) < (gap.line, gap.column)]
        pair = _gap_pair(gap, rates, sentence)
        if pair is None:
            continue
        first, second, up, based = pair
        if first.period != second.period and not based:
            continue  # 快于全部…: two rates of one period
        if tally is not None:
            tally[POINTS] += 1
        moved = first.value - second.value
        allowed = _half_unit(first) + _half_unit(second) + _half_unit(gap) + tolerance.points
        if abs(moved - (gap.value if up else -gap.value)) <= allowed:
            continue
        out.append(Inconsistency(gap, (first, second), Computation(
            POINTS, f"{first.text} − {second.text} = {_n(moved)}个百分点", gap.text, f"{_n(abs(moved))}个百分点",
            _("the printed precision (±{allowed} of a point)").format(allowed=_n(allowed)))))
    return out


def _gap_pair(gap: Claim, rates: list[Claim], sentence: Sequence[Claim]) -> tuple[Claim, Claim, bool, bool] | None:
    """The two rates a gap is between, the one it is of first; whether the first is the higher, and whether
    the second is the first's own base (较去年同期的65.2%)."""
    text = gap.plain_sentence
    m = _GAP.search(text, max(0, gap.at() - 32), gap.at())
    if m is not None:
        other = _ALL.sub("", _words(m["other"]))
        other = _words(metric_key(other) or other)  # 文化产业 as the measures are keyed (文化营业收入)
        if len(other) < 2:
            return None
        named = [r for r in rates if other in _measure_of(r) and _a_share(r) == _a_share(gap)]
        shortest = min((len(_measure_of(r)) for r in named), default=0)
        seconds = [r for r in named if len(_measure_of(r)) == shortest]
        own = _words(m["own"])
        if own and own not in ("其", "增速", "增幅"):
            firsts = [r for r in rates if _measure_of(r).startswith(own) or _measure_of(r) == own]
            firsts = [r for r in firsts if len(_measure_of(r)) == min(len(_measure_of(x)) for x in firsts)]
        else:
            # …同比增长9.6%，快于…: the rate right before, in the gap's own sentence
            firsts = [r for r in rates if r.sentence == gap.sentence and r.at() < m.start()
                      and re.fullmatch(r"[，,]\s*", text[r.at() + len(r.plain_text) : m.start() + len(m["own"])] or "，")]
            firsts = firsts[-1:]
        if len(seconds) != 1 or len(firsts) != 1 or seconds[0] is firsts[0]:
            return None
        return firsts[0], seconds[0], m["way"] in _GAP_UP, False
    # 占比较去年同期的65.2%下滑12.1个百分点
    base = next((r for r in reversed(rates) if r.sentence == gap.sentence and r.at() < gap.at()), None)
    if base is None:
        return None
    moved = _MOVED.match(text[base.at() + len(base.plain_text) : gap.at()])
    current = next((r for r in reversed(rates) if r.sentence == gap.sentence and r.at() < base.at()), None)
    if moved is None or current is None or not _AGAINST.match(_between(current, base)):
        return None
    return current, base, moved["way"] not in ("下滑", "下降", "回落", "减少", "降低", "收窄", "缩小"), True


_SHARE_KIND = re.compile(r"贡献率|比重|占比|份额|渗透率")


def _a_share(c: Claim) -> bool:
    """A rate that is a share of something (贡献率, 比重), not a change: 高于经济增速0.7个百分点 is between growth rates,
    never against 服务业对经济增长贡献率63% however much 经济 the two share."""
    return bool(_SHARE_KIND.search(c.metric))


def _measure_of(rate: Claim) -> str:
    """What a rate is of, in words: its metric without the words of change (规模以上工业增加值 for 全国规模以上工业
    增加值同比增长)."""
    return _words(re.sub(r"(?:同比|环比|比上年|比去年|较上年)?(?:增长|增加|下降|减少|上涨|下跌|提高|降低|增速|增幅)+$", "",
                         metric_key(rate.metric) or rate.metric))


def _beyond(computed: Decimal, rate: Claim, allowed: Decimal) -> bool:
    """The recomputed change is not what the rate says, by more than `allowed`: either way for a rate told
    exactly or about, only past the bound for one told as a bound (三年增长超过5倍)."""
    if rate.qualifier in (AT_LEAST, ABOVE):
        return computed < rate.value - allowed
    if rate.qualifier == AT_MOST:
        return computed > rate.value + allowed
    return abs(computed - rate.value) > allowed


# --- a year's rate against the year before's level in the store ------------------------------------------

# 同比增长, 比上年增长: a rate on the same period a year before; not 环比, 年均, a base year named apart
_YEAR_ON_YEAR = re.compile(r"同比|比上年|较上年|比去年|较去年|比上年同期|较上年同期|比去年同期")
_OTHER_BASE = re.compile(r"环比|年均|平均|两年|三年|比\d{4}年|较\d{4}年|比[一二三四1-4]季度|较上月|比上月|比上季")
# A rate reckoned in real terms or on a comparable basis is not the ratio of two printed levels: output and
# value added at constant prices, profits of a changing sample, incomes' real growth; and any measure of the
# firms above a size (规模以上, 限额以上), a set that changes every year and is compared on the same firms
_CHANGE_WORDS = re.compile(r"增长|下降|增加|减少")
_COMPARABLE = re.compile(
    r"生产总值|GDP|增加值|实际|不变价|可比|扣除价格|剔除|同口径|利润|可支配收入|消费支出|工资|规模以上|规上|限额以上|限上")


def against_the_store(
    claims: Sequence[Claim], earlier: Callable[[Claim], Sequence[Claim]], tolerance: Tolerance = Tolerance(),
    tally: Counter[str] | None = None,
) -> list[Inconsistency]:
    """The relations a draft's figures hold with the store's: a year's rate against last year's level, a
    share against a whole the store gives. `earlier` gives a figure's candidates in the store (the same
    measure)."""
    draft = _Draft(claims)
    return [*_year_on_year(draft, earlier, tolerance, tally), *_shares_of_stored_wholes(draft, earlier, tolerance, tally)]


def _year_on_year(
    draft: _Draft, earlier: Callable[[Claim], Sequence[Claim]], tolerance: Tolerance, tally: Counter[str] | None
) -> list[Inconsistency]:
    """营业收入9.27万亿元，同比增长5.8%, and last year's same months' 营业收入 in the store: the rate must follow
    from the two levels. Only the same fact (identity.py) of the same period a year before counts, the newest
    release of it. Rates in real terms or on a comparable basis (GDP, value added, profits, real incomes) are
    not recomputed."""
    out = []
    for rate in draft.claims:
        level = draft.by_id.get(rate.qualifies or "")
        if (rate.unit != "%" or rate.qualifier not in _ENDS or level is None or level.qualifier != EXACT
                or level.value <= 0 or level.period is None or level.unit in ("%", "pp", "x")):
            continue
        said = rate.metric + _clause_before(rate)
        whole_year = (level.period.start.month, level.period.start.day, level.period.end.month,
                      level.period.end.day) == (1, 1, 12, 31) and _CHANGE_WORDS.search(said)
        if not (_YEAR_ON_YEAR.search(said) or whole_year) or _OTHER_BASE.search(said) or _COMPARABLE.search(
                level.metric + said + level.plain_sentence):
            continue  # a year's 增长 is on the year before; a shorter period's only when it says 同比
        base = _a_year_before(level, earlier(level))
        if base is None:
            continue
        if tally is not None:
            tally[GROWTH] += 1
        grown = (level.value / base.value - 1) * 100
        slack = (level.value / base.value) * (level.precision / level.value + base.precision / base.value) * 100
        allowed = tolerance.growth * (2 if rate.qualifier == ABOUT else 1) + _half_unit(rate) + slack
        down = bool(_DOWN.search(rate.plain_sentence, max(0, rate.at() - 6), rate.at()))
        stated = -rate.value if down else rate.value
        # A base from another release may be of another scope (共建"一带一路"国家 grew in number between the
        # two years; 19.47 → 22.07万亿元 is 13.35%, the customs' rate on the same countries 6.4%): only a
        # rate of the wrong sign is flagged against the store.
        if stated * grown > 0 or not _beyond(grown if not down else -grown, rate, allowed):
            continue
        out.append(Inconsistency(rate, (level, base), Computation(
            GROWTH, f"{level.text} ÷ {base.text} ({base.source}, {base.period.label if base.period else ''}) − 1 = "
                    f"{_n(grown)}%", rate.text, f"{_n(grown)}%",
            _("the wrong sign, beyond {points} percentage point(s) and the printed precision").format(
                points=_n(tolerance.growth)))))
    return out


def _a_year_before(level: Claim, candidates: Sequence[Claim]) -> Claim | None:
    """The store's figure of the same fact for the same days a year before, its newest release."""
    assert level.period is not None
    if level.published is not None and level.period.end > level.published + dt.timedelta(days=1) and not level.period.as_of:
        # 奔驰前三季度…累计交付57.87万辆 in January read as this year's 前三季度: a period not yet over has no level
        # to set against the year before (the store's 57.87万辆 is the very figure, of last year).
        return None
    try:
        start, end = level.period.start.replace(year=level.period.start.year - 1), level.period.end.replace(
            year=level.period.end.year - 1)
    except ValueError:
        return None  # 2月29日
    found = [c for c in candidates if c.period is not None and (c.period.start, c.period.end) == (start, end)
             and c.qualifier == EXACT and c.value > 0 and unit_group(c.unit) == unit_group(level.unit)
             and not c.period.as_of]
    found = [c for c in found if _one_fact(level, c)]
    if not found:
        return None
    newest = max(found, key=lambda c: (c.published or dt.date.min, c.source, c.line))
    return newest


def _one_fact(level: Claim, stored: Claim) -> bool:
    identity = identify(level, stored)
    return (identity.named_fact and identity.specific and identity.subject.outcome == SAME
            and same_scope(level, stored) and modality(level) == modality(stored))


def _shares_of_stored_wholes(
    draft: _Draft, earlier: Callable[[Claim], Sequence[Claim]], tolerance: Tolerance, tally: Counter[str] | None
) -> list[Inconsistency]:
    """民营企业进出口7.05万亿元，占我国外贸总值的52.9%, the whole not in the draft but in the store: the one
    figure of that period, about the same body, told in the store with the very words the share names it by
    (我国外贸进出口总值13.32万亿元)."""
    out = []
    for share in draft.claims:
        told = _part_of_share(draft, share) if share.period is not None else None
        if told is None:
            continue
        named, part = told
        if named is None or _named(draft, share, part, named) is not None:
            continue  # a bare 占比, or a whole the draft gives itself
        words = _words(_TOTAL_WORDS.sub("", named))
        if len(words) < NAMED_MIN:
            continue
        wholes = [c for c in earlier(part) if c.qualifier == EXACT and _when(c) == _when(share) and c.value > part.value
                  and unit_group(c.unit) == unit_group(part.unit) and words in _words(_clause_before(c))
                  and (c.subject in (part.subject, share.subject) or (c.subject == "全国" and _NATIONAL.match(words)))]
        if not wholes or len({c.value for c in wholes}) != 1:
            continue
        whole = max(wholes, key=lambda c: (c.published or dt.date.min, c.source, c.line))
        found = _share_off(share, part, whole, tolerance, tally)
        if found is not None:
            out.append(found)
    return out


_NATIONAL = re.compile(r"我国|全国|中国")  # 占我国外贸总值的: the country's, whoever the part's sentence names


def _share_off(share: Claim, part: Claim, whole: Claim, tolerance: Tolerance,
               tally: Counter[str] | None = None) -> Inconsistency | None:
    """The share against its part over its whole: beyond the printed precision (a bound's share one way only,
    a share cut off rather than rounded allowed)."""
    if tally is not None:
        tally[SHARE] += 1
    computed = part.value / whole.value * 100
    slack = computed * (_rounded_to(part) / part.value + _rounded_to(whole) / whole.value) if part.value else Decimal(0)
    allowed = _fraction_half_gap(share) or _half_unit(share)
    allowed += slack + tolerance.share  # 76% may be 76.31%
    low = computed - allowed if part.qualifier in (EXACT, AT_LEAST, ABOVE) else None
    high = computed + allowed if part.qualifier in (EXACT, AT_MOST) else None
    if (low is None or share.value >= low) and (high is None or share.value <= high):
        return None
    if part.qualifier == EXACT and computed - 2 * _half_unit(share) < share.value <= computed:
        return None  # 61部 of 197部 is 30.96%, printed 30.9: cut off, not rounded
    return Inconsistency(share, (part, whole), Computation(
        SHARE, f"{part.text} ÷ {whole.text} = {_n(computed)}%", share.text, f"{_n(computed)}%",
        _("the printed precision (±{allowed} of a point)").format(allowed=_n(allowed))))


_FRACTION = re.compile(r"(?P<den>[\d一二两三四五六七八九十百]+)分之(?P<num>[\d一二两三四五六七八九十]+)|(?P<n>\d+)/(?P<d>\d+)")


def _fraction_half_gap(share: Claim) -> Decimal:
    """A share told as a fraction (五分之一, 1/3) is the nearest fraction of its denominator's: it stands for every
    share nearer to it than to a neighbour with no larger denominator (五分之一 for 10%–22.5%, as 21.26% is)."""
    m = _FRACTION.search(share.plain_text)
    if m is None:
        return Decimal(0)
    den, num = (number(m["den"]), number(m["num"])) if m["den"] else (Decimal(m["d"]), Decimal(m["n"]))
    if not (0 < num < den <= FRACTION_DENOMINATOR_MAX) or den != int(den) or num != int(num):
        return Decimal(0)
    here = Fraction(int(num), int(den))
    others = {Fraction(a, b) for b in range(1, int(den) + 1) for a in range(0, b + 1)} - {here}
    below = max(f for f in others if f < here)
    above = min(f for f in others if f > here)
    gap = min(here - below, above - here) / 2
    return Decimal(gap.numerator) / Decimal(gap.denominator) * 100


FRACTION_DENOMINATOR_MAX = 12  # 五分之一, 三分之二, 十分之一: a fraction said for a rough share


# --- a share of a whole in the draft -------------------------------------------------------------------

_SHARE_OF = re.compile(r"占(?P<whole>[^，。；、的]{2,16}?)(?:的)?(?:比重|比例|份额)?(?:为|达到?|约为?)?$")
_PART_BOUNDS = frozenset({EXACT, AT_MOST, AT_LEAST, ABOVE})  # 近9500亿元，占比42.6%: a bound bounds its share


def _shares(draft: _Draft, tolerance: Tolerance, tally: Counter[str] | None = None) -> list[Inconsistency]:
    """出口10.67万亿元…占进出口总额的59.5%: the share of the part in the whole, both printed in the draft."""
    out = []
    for share in draft.claims:
        told = _part_of_share(draft, share)
        if told is None:
            continue
        named, part = told
        # a whole named after 占 is that whole or none: 占入境外国人总数的… is not the 入出境外国人 its 其中 divides
        whole = _named(draft, share, part, named) if named is not None else _whole_before(draft, part)
        if whole is None or part is whole or unit_group(part.unit) != unit_group(whole.unit):
            continue
        group = _GROUP_AMONG.search(part.plain_sentence, 0, part.at()) if named is None else None
        if group is not None and _shared(group[1], _clause_before(whole) or whole.metric) < GROUP_SHARED:
            # 持普通护照免签入境人员中…共计9.1万人次，占比77.3%: the share is of the group named before 中 (11.8万人次
            # entered visa-free), not of the story's 21.4万人次 of all six countries' visitors.
            continue
        if named is None and _given_a_share(draft, whole, share):
            # 60岁及以上人口为940716人，占5.36%，其中65岁及以上人口为565217人，占3.22%: the part's share is of
            # the base the whole's own share is of (the city's people), not of the whole.
            continue
        if whole.value <= 0 or whole.qualifier != EXACT:
            continue
        found = _share_off(share, part, whole, tolerance, tally)
        if found is not None:
            out.append(found)
    return out


_GROUP_AMONG = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:人员|人口|企业|群体|用户|学生|游客)中")
GROUP_SHARED = 4  # characters the group before 中 and a whole's own words share (免签入境)


def _given_a_share(draft: _Draft, whole: Claim, besides: Claim) -> bool:
    """Another share of the whole's sentence is the whole's own (…940716人，占5.36%)."""
    for c in draft.by_paragraph[whole.paragraph]:
        if c is besides or c.sentence != whole.sentence or c.unit != "%":
            continue
        told = _part_of_share(draft, c)
        if told is not None and told[1] is whole:
            return True
    return False


def _part_of_share(draft: _Draft, share: Claim) -> tuple[str | None, Claim] | None:
    """What a share is of: the whole named after 占 (None where it is bare, 占比31.64%), and its part, the amount
    its own paragraph gives (出口…，占进出口总额的…)."""
    if share.unit != "%" or share.qualifier != EXACT:
        return None
    sentence, at = share.plain_sentence, share.at()
    m = _SHARE_OF.search(sentence, max(0, at - 24), at)
    bare = _BARE_SHARE.search(sentence, max(0, at - 8), at) if m is None else None
    if m is None and bare is None:
        return None
    said = sentence[: (m or bare).start()]  # type: ignore[union-attr]
    near = draft.by_paragraph[share.paragraph]
    part = _part_before(near, share, said) or _named_part(near, share, said)
    if part is None or part.qualifier not in _PART_BOUNDS:
        return None
    return (m["whole"] if m is not None else None), part


# 其中男性人口为71722万人，占51.03%; 企业自有资金80亿元，占比31.64%: a share whose whole is not named after 占.
_BARE_SHARE = re.compile(r"[，,]?占(?:比)?(?:为|达到?|约为?)?$")
NAMED_MIN = 4
WHOLE_LINES = 12  # how far back a share's whole may be told (the paragraph, or the lead just before it)


def _story_before(draft: _Draft, c: Claim) -> Iterator[Claim]:
    """The figures told before one, nearest first, up to WHOLE_LINES lines back: its story's lead and its own
    paragraph."""
    for other in reversed(draft.claims[: draft.index[c.id]]):
        if c.line - other.line > WHOLE_LINES:
            break
        yield other


def _whole_before(draft: _Draft, part: Claim) -> Claim | None:
    """The whole of a share that does not name it: the figure the part's sentence divides (全国人口为140545万人，
    其中男性…，占51.03%), the one the sentence before 其中 gives (发明专利有效量达到532万件…。其中，高价值发明专利
    拥有量达到229.2万件，占…), the total its paragraph names (项目总投资252.83亿元…自有资金80亿元，占比31.64%), or
    the story's one figure of the part's very measure (全国新增减税降费及退税缓费18125.09亿元 … 分经济类型看，…新增减
    税降费及退税缓费13371亿元，占比73.8%). Not the nearest figure of the part's measure: that may be a sibling
    part (民营…13371亿元, then 7597.2亿元)."""
    sentence = part.plain_sentence
    split = sentence.rfind("其中", 0, part.at())
    opens = sentence.lstrip("#*（(【 ").startswith("其中") and 0 <= split < part.at()
    before = [c for c in _story_before(draft, part) if c.unit == part.unit and c.period == part.period
              and c.qualifier == EXACT and c.value > part.value]
    divided = [c for c in before if c.sentence == part.sentence and 0 <= c.at() < split]
    if divided:
        return divided[0]  # the last before the part
    if opens:
        # 其中 opening the sentence divides the one before it: its one figure larger than the part
        previous = [c for c in before if c.paragraph == part.paragraph and c.sentence != part.sentence]
        first = [c for c in previous if c.sentence == previous[0].sentence] if previous else []
        if len(first) == 1:
            return first[0]
    totals = [c for c in before if c.paragraph == part.paragraph and "总" in c.metric and "总" not in part.metric]
    if totals:
        return totals[0]
    key = metric_key(part.metric)  # a measure named in full (新增减税降费及退税缓费), not a bare verb (退税)
    same = [c for c in before if len(key) >= NAMED_MIN and metric_key(c.metric) == key and c.subject in (part.subject, None, "全国")]
    return same[-1] if same and len({c.value for c in same}) == 1 else None


def _part_before(claims: Sequence[Claim], share: Claim, said: str) -> Claim | None:
    """The amount the share is of: the figure right before 占 in the share's own sentence, not a rate, and not
    one another part is named after (签约项目109个，其中投资5亿元以上的93个，制造业项目占69%: 制造业项目 is not
    the 93)."""
    before = [c for c in claims if c.sentence == share.sentence and c.at() < share.at() and c.unit not in ("%", "pp")]
    before = [c for c in before if c.at() + len(c.plain_text) <= len(said)]
    if not before or not _RIGHT_BEFORE.match(said[before[-1].at() + len(before[-1].plain_text) :]):
        return None
    part = before[-1]
    if len(before) > 1 and _BY.match(said[before[-2].at() + len(before[-2].plain_text) : part.at()]):
        # 5G基站总数达500.9万个，比上年末净增17.1万个，占移动基站总数的38.7%: the share is the level's
        return before[-2]
    return part


# …449万吨，同比降幅37.3%，占…: the part's own rate of change may stand between it and 占
_RIGHT_BEFORE = re.compile(r"^[，,、\s]*(?:人民币|左右)?[，,、\s]*(?:(?:同比|环比)?(?:增长|下降|减少|增加|降幅|增幅|上升)"
                           r"(?:了|为|达)?\d+(?:\.\d+)?%[，,、\s]*)?$")


def _named_part(claims: Sequence[Claim], share: Claim, said: str) -> Claim | None:
    """出口占进出口总额的59.5%, the amount of 出口 given a sentence before: the measure named right before 占."""
    m = re.search(r"[\u4e00-\u9fff]{2,8}$", said)
    if m is None:
        return None
    key = metric_key(m.group())
    found = [c for c in claims if c.paragraph == share.paragraph and c.at() >= 0 and c.unit not in ("%", "pp")
             and c.qualifier == EXACT and c.period == share.period and key and metric_key(c.metric) == key
             # 北京、天津…海南7个主销区粮食产量仅占全国粮食总产量的4.3%: a count of the bodies whose measure it is,
             # told in the share's clause before the measure's name, is no amount of it
             and not (c.sentence == share.sentence and c.at() < m.start())]
    return found[0] if len(found) == 1 else None


# A part and its whole share a measure's words (实际使用外资, 进出口), or the part's measure is in the whole's (出口
# in 进出口); 用户 alone is any user count.
PART_OF_WHOLE = 3
def _clause_before(c: Claim) -> str:
    """The figure's clause up to it: the words that name it (我国外贸进出口总值 in …，我国外贸进出口总值13.32万亿元),
    not a clause before (我国外贸结构持续优化，一般贸易进出口6.46万亿元)."""
    breaks = _breaks(c)
    return c.plain_sentence[breaks[-1].end() if breaks else 0 : c.at()]


_TOTAL_WORDS = re.compile(r"(?:的)?(?:总额|总值|总量|总数|总和|总规模)$")


def _named(draft: _Draft, share: Claim, part: Claim, whole: str) -> Claim | None:
    """The one figure the story gives for the whole named after 占, of the share's period: told with those very
    words right before it (全国实际使用外资金额975.9亿元 for 占全国实际使用外资的12.5%, not 高技术制造业实际使用
    外资), or else the one whose measure is keyed alike (进出口总额 names 货物贸易进出口, not 出口, which only ends
    it)."""
    alike = [c for c in _story_before(draft, share) if c.unit not in ("%", "pp") and c.qualifier == EXACT
             and c.period == share.period and c is not part and unit_group(c.unit) == unit_group(part.unit)
             and c.value > part.value and not _a_share_of(c, whole)]
    words = _words(_TOTAL_WORDS.sub("", whole))
    if len(words) < NAMED_MIN:
        # 占用户总数21.7%: a short name (用户) names any count of users; the whole is one the part's measure is of
        alike = [c for c in alike if _shared(c.metric, part.metric) >= PART_OF_WHOLE
                 or (len(part.metric) >= 2 and part.metric in c.metric)]
    if _TOTAL_WORDS.search(whole):
        # 占进口总值的39.4%: not the 进口6.64万亿元 that 其中 gives as a part of 一般贸易, a part of another total
        alike = [c for c in alike if not _listed_as_a_part(c)]
    told = [c for c in alike if len(words) >= 2 and _told_as_whole(c, words)]
    if told and len({c.value for c in told}) == 1:
        return told[0]
    key = metric_key(whole)
    core = key.removesuffix("总额").removesuffix("总量").removesuffix("总值") or key
    found = [c for c in alike if c.paragraph == share.paragraph and c.subject == share.subject and core
             and metric_key(c.metric).endswith(core)
             and not _A_SECTOR.search(metric_key(c.metric).removesuffix(core))
             and not metric_key(c.metric).endswith("进" + core)]  # 进出口 ends with 出口, and is not it
    return found[0] if len(found) == 1 else None


# 服务业实际使用外资金额7087.0亿元 is a sector's part of the 实际使用外资金额 a share is of, not the whole
_A_SECTOR = re.compile(r"(?:业|领域)$")


def _told_as_whole(c: Claim, words: str) -> bool:
    """The whole's words name `c` in its clause, not after a sector's name (服务业实际使用外资金额)."""
    clause = _words(_clause_before(c))
    at = clause.find(words)
    return at >= 0 and not _A_SECTOR.search(clause[:at])


def _a_share_of(c: Claim, whole: str) -> bool:
    """`c` is itself given as a share of `whole` (服务类投诉323件，占投诉总量的58.8%): a sibling part, not the whole."""
    end = c.at() + len(c.plain_text)
    rest = c.plain_sentence[end:]
    if _BARE_SHARE_AFTER.match(rest):
        return True  # 地方财政资金87.94亿元，占77.41%: a part given its share of the whole just named
    share = re.search(r"占[^，。；]{0,4}" + re.escape(whole), rest)
    if share is None:
        return False
    # …later in its sentence, past its own change (共计303.27亿元，比上年增加11.30亿元，增幅3.87%，占资助资金总额的
    # 14.26%), but not past another part (进出口X亿元，其中出口Y亿元，占进出口总额的…: X is the whole).
    between = rest[: share.start()]
    return not any(unit_group(q.unit) == unit_group(c.unit) and not _A_CHANGE_BEFORE.search(between, 0, q.start)
                   for q in find_quantities(between))


_BARE_SHARE_AFTER = re.compile(r"[，,]\s*占(?:比)?(?:为|达)?\d")
_A_CHANGE_BEFORE = re.compile(r"(?:增加|减少|增长|下降|增幅|降幅|上升|提高)[^，。；\d]{0,2}$")


# --- parts that are all of a whole ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Partition:
    """Parts that are all of their whole when each is named (出口 and 进口 make 进出口): data/partitions.toml."""

    parts: tuple[str, ...]
    whole: tuple[str, ...] = ()  # words naming the whole where it is not the parts' measure (社会消费品零售)


@functools.cache
def partitions() -> tuple[Partition, ...]:
    entries: list[dict[str, list[str]]] = load_data("partitions.toml")["partition"]  # type: ignore[assignment]
    return tuple(Partition(tuple(entry["parts"]), tuple(entry.get("whole", ()))) for entry in entries)


def _when(c: Claim) -> tuple[object, object] | None:
    """The days a figure's period spans, however it was worded (今年5月 and 5月 are one month)."""
    return (c.period.start, c.period.end) if c.period is not None else None


def _names(c: Claim, word: str) -> bool:
    """The figure's measure names the word, as written or as keyed (公共 is written, 公 keyed)."""
    return word in c.metric or word in metric_key(c.metric)


def _one_each(parts: Sequence[Claim], words: Sequence[str]) -> bool:
    return all(sum(1 for p in parts if _names(p, w)) == 1 for w in words) and all(
        sum(1 for w in words if _names(p, w)) == 1 for p in parts)


def _a_partition(parts: list[Claim]) -> bool:
    return any(len(known.parts) == len(parts) and _one_each(parts, known.parts) for known in partitions())


_SO_MUCH_BEFORE = re.compile(r"\d(?:\.\d+)?(?:公斤|千克|克|斤|吨|升|毫升|件|箱|袋|瓶|盒)$")


def _priced(c: Claim) -> bool:
    """A sum of money right after another figure (5公斤39.9元, 每吨3000元): a price of so much of a thing."""
    return is_currency(c.unit) and bool(_SO_MUCH_BEFORE.search(c.plain_sentence, 0, c.at()))


def _parts(draft: _Draft, tally: Counter[str] | None = None) -> list[Inconsistency]:
    """其中，出口…；进口…: the parts of a whole in the draft, where they are all of it, must make it; parts
    of any kind may not make more than their whole. Where each is told with its change on one base (同比减少…),
    the parts' changes must make the whole's."""
    by_paragraph = draft.by_paragraph
    out = []
    for whole in draft.claims:
        if (whole.unit in ("%", "pp") or whole.qualifier != EXACT or whole.value <= 0 or whole.part_of
                or a_change(whole) or _A_CHANGE.search(whole.metric) or an_average(whole.metric)):
            # 比去年预算增加4000亿元，其中中央财政赤字…: a change is not the whole its 其中 divides; 人均消费支出
            # 21559元 is no sum of 城镇居民人均… and 农村居民人均…
            continue
        paragraph = by_paragraph[whole.paragraph]
        parts = [c for c in paragraph if _part_of(c, whole) and _when(c) == _when(whole)
                 and c.subject == whole.subject and c.unit == whole.unit and _named_measure(c)
                 and (c.line, c.column) > (whole.line, whole.column) and not a_change(c)]
        partition = _a_partition(parts)
        if not partition:
            # 全国一般公共预算支出94809亿元…分中央和地方看，中央…本级支出12910亿元；地方…支出81899亿元: parts a
            # known partition names, of the whole's measure, told after it without 其中; or before a total
            # that sums them (…；两市合计28438.86亿元).
            named = _partition_after(whole, paragraph) or _partition_before(whole, paragraph)
            if named:
                parts, partition = named, True
        if not partition:
            # 造成10人死亡…其中…6人死亡…1人死亡…3人死亡: parts of the whole's own measure, not its 受伤 beside it
            head = metric_key(whole.metric)[-2:]
            parts = [p for p in parts if head and metric_key(p.metric).endswith(head)]
        if len(parts) < 2 or any(p.qualifier != EXACT for p in parts):
            continue
        if any(_priced(p) for p in parts):
            continue  # 多卖了10元，其中5公斤39.9元和3公斤29.9元: each a pack's price, told by its size; no parts of a sum
        if partition:
            out.extend(_changes_of_parts(draft, whole, parts, tally))
        total = sum((p.value for p in parts), Decimal(0))
        allowed = whole.precision + sum((p.precision for p in parts), Decimal(0))
        if tally is not None and (partition or _joined(parts)):
            tally[PARTS] += 1
        if partition and abs(total - whole.value) > allowed:
            kind = _("the parts are all of it")
        elif total - whole.value > allowed and _joined(parts):
            kind = _("the parts make more than the whole")
        else:
            continue
        formula = " + ".join(_said(p) for p in parts) + f" = {_like(total, whole)}"
        out.append(Inconsistency(whole, tuple(parts), Computation(
            PARTS, f"{formula} ({kind})", whole.text, _like(total, whole),
            _("the printed precision (±{allowed})").format(allowed=_like(allowed, whole)))))
    return out


# 体育彩票机构销售361.16亿元，同比减少24.55亿元; 上交所融资余额报14523.54亿元，较前一交易日增加115.97亿元
_CHANGE_AFTER = re.compile(r"[，,]\s*(?P<base>(?:比|较|同比)[^，。；,;\d]{0,10}?)?(?P<way>增加|减少|多|少|下降|增长|上升)了?")


def _change_after(c: Claim, draft: _Draft) -> tuple[Claim, str, int] | None:
    """The change told right after a level (…，同比减少36.72亿元): the change, its base's words, and its sign."""
    sentence = draft.by_sentence[c.sentence]
    after = [x for x in sentence if x.at() > c.at()]
    if not after or unit_group(after[0].unit) != unit_group(c.unit) or after[0].qualifier != EXACT:
        return None
    m = _CHANGE_AFTER.fullmatch(_between(c, after[0]))
    if m is None:
        return None
    return after[0], m["base"] or "", -1 if m["way"] in ("减少", "少", "下降") else 1


def _changes_of_parts(draft: _Draft, whole: Claim, parts: Sequence[Claim],
                      tally: Counter[str] | None = None) -> list[Inconsistency]:
    """彩票540.73亿元，同比减少36.72亿元。其中，福利彩票…同比减少12.17亿元；体育彩票…同比减少24.55亿元: the
    changes of a partition's parts on one base make the whole's change."""
    told = _change_after(whole, draft)
    changes = [_change_after(p, draft) for p in parts]
    if told is None or any(c is None for c in changes):
        return []
    bases = {c[1] for c in changes if c is not None and c[1]} | ({told[1]} if told[1] else set())
    if len(bases) > 1:
        return []  # 同比 for one, 较上月 for another: changes on two bases do not add up
    if tally is not None:
        tally[PARTS] += 1
    total = sum((c[0].value * c[2] for c in changes if c is not None), Decimal(0))
    allowed = told[0].precision + sum((c[0].precision for c in changes if c is not None), Decimal(0))
    if abs(total - told[0].value * told[2]) <= allowed:
        return []
    used = tuple(c[0] for c in changes if c is not None)
    formula = " + ".join(("−" if c[2] < 0 else "") + _said(c[0]) for c in changes if c is not None)
    kind = _("the parts are all of it")
    return [Inconsistency(told[0], used, Computation(
        PARTS, f"{formula} = {_like(abs(total), told[0])} ({kind})", told[0].text, _like(abs(total), told[0]),
        _("the printed precision (±{allowed})").format(allowed=_like(allowed, told[0]))))]


PARTS_ALIKE = 0.8  # the parts' measures, the partition's words aside, are this alike (difflib ratio)
SHARED_MIN = 4  # a part names its whole's measure: this many characters in a row of it (一般公共预算, 旅客运输量)


def _shared(a: str, b: str) -> int:
    """The longest run of characters two measures share (中央政府性基金预算收入 and 全国政府性基金预算收入: 9)."""
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size


def _partition_after(whole: Claim, paragraph: list[Claim]) -> list[Claim]:
    """The figures after a whole, of its unit, period and measure (the same last two characters), that a
    known partition names one each (中央…支出 and 地方…支出); or of any measure, where the whole is named by
    the partition's own words for it (社会消费品零售总额: 商品零售额 and 餐饮收入)."""
    after = [c for c in paragraph if (c.line, c.column) > (whole.line, whole.column)]
    return _partition_among(whole, after)


_SUMMED = re.compile(r"(?:合计|共计|总计|加总|总共)(?:为|达|约)?[\s：:]*$")


def _partition_before(whole: Claim, paragraph: list[Claim]) -> list[Claim]:
    """The parts told before a total that sums them (上交所…；深交所…；两市合计28438.86亿元)."""
    if not _SUMMED.search(whole.plain_sentence, max(0, whole.at() - 6), whole.at()):
        return []
    before = [c for c in paragraph if (c.line, c.column) < (whole.line, whole.column)]
    return _partition_among(whole, before)


def _partition_among(whole: Claim, told: list[Claim]) -> list[Claim]:
    picked = _partition_of(whole, told)
    at = (whole.line, whole.column)
    if picked and at < (picked[0].line, picked[0].column):
        # 项目共6173个，其中风电项目27个，光伏发电项目6136个（集中式光伏发电项目39个，工商业分布式光伏发电项目
        # 6097个）: parts of a figure between them and the whole, whose measure each names, are that figure's
        first = min((p.line, p.column) for p in picked)
        keys = [metric_key(p.metric) for p in picked]
        if any(at < (c.line, c.column) < first and c.unit == whole.unit and len(metric_key(c.metric)) >= NAMED_MIN
               and all(metric_key(c.metric) in k for k in keys) for c in told):
            return []
    return picked


def _partition_of(whole: Claim, near: list[Claim]) -> list[Claim]:
    head = metric_key(whole.metric)[-2:]
    near = [c for c in near if c.unit == whole.unit and _when(c) == _when(whole) and c.qualifier == EXACT
            and not c.part_of and metric_key(c.metric) != metric_key(whole.metric)]
    if len(near) < 2:
        return []
    near = [c for c in near if not a_change(c)]
    measured = [c for c in near if head and metric_key(c.metric).endswith(head)
                and _shared(metric_key(c.metric), metric_key(whole.metric)) >= SHARED_MIN]
    for known in partitions():
        named_whole = any(w in whole.metric for w in known.whole)
        pool = near if named_whole else measured
        picked = []
        for w in known.parts:
            named = [c for c in pool if _names(c, w) and not any(_names(c, o) for o in known.parts if o != w)]
            if len(named) != 1:
                break
            picked.append(named[0])
        else:
            if named_whole:
                return picked
            # 中央…本级支出 and 地方…支出 are one measure's parts; 集中式光伏装机 and 分布式新能源装机 are not
            rests = [metric_key(c.metric).replace(w, "") for c, w in zip(picked, known.parts)]
            if all(SequenceMatcher(None, rests[0], r, autojunk=False).ratio() >= PARTS_ALIKE for r in rests[1:]):
                return picked
    return []


_A_CHANGE = re.compile(r"(?:比|较)[^，。；]{0,8}?(?:增加|减少|增长|下降|提高|降低|多|少)|同比(?:增加|减少|多|少)")


def _part_of(c: Claim, whole: Claim) -> bool:
    """A part the extraction tied to the whole (其中，出口…), or one its own sentence names after 其中 (造成10人
    死亡，其中阿拉布萨利姆镇6人死亡…)."""
    if c.part_of:
        return c.part_of == whole.metric
    if c.sentence != whole.sentence:
        return False
    sentence = c.plain_sentence
    at = sentence.find("其中", whole.at())
    return 0 <= at < c.at()


_AND = re.compile(r"和|与|及|以及")


def _joined(parts: list[Claim]) -> bool:
    """Parts told as one set (A和B分别为…, A…和B…), not a list that names a part of a part (其中，工业用电量…，
    高技术装备制造业用电量…: the second is within the first)."""
    if len({p.sentence for p in parts}) != 1:
        return False
    sentence = parts[0].plain_sentence
    if "分别" in sentence:
        return True
    ats = sorted(p.at() for p in parts)
    return all(_AND.search(sentence, x, y) for x, y in itertools.pairwise(ats))
