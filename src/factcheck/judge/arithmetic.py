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

import itertools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher

from ..extract.metric import metric_key
from ..extract.quantity import unit_group
from ..i18n import _
from ..record.claim import ABOUT, EXACT, Claim
from ..record.finding import Computation
from .compare import agree, rounded_or_cut
from .identity import PREVIOUS, SAME, a_change, a_reading, identify, modality, same_range, same_scope

RESTATED, PARTS, SHARE, GROWTH, POINTS, MULTIPLE = "restated", "parts", "share", "growth", "points", "multiple"


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
    found = [*_restated(draft, tally), *_changes(draft, tolerance, tally), *_shares(draft, tolerance, tally),
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
        self.by_paragraph: dict[str, list[Claim]] = {}
        self.by_sentence: dict[str, list[Claim]] = {}
        for c in claims:
            self.by_paragraph.setdefault(c.paragraph, []).append(c)
            self.by_sentence.setdefault(c.sentence, []).append(c)


def _n(value: Decimal) -> str:
    """A computed value as an editor writes it: no exponent, no trailing zeros."""
    text = f"{value.quantize(Decimal('0.01')) if abs(value) < 1000 else value.quantize(Decimal(1)):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _printed(c: Claim) -> tuple[Decimal, str] | None:
    """How many base units one printed unit of the figure is (万亿元: 10¹²), and the words after its digits."""
    m = _DIGITS.search(c.text)
    written = Decimal(m.group().replace(",", "")) if m else Decimal(0)
    if m is None or not written or not c.value:
        return None
    return c.value / written, c.text[m.end() :]


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


class _Figures:
    """The figures each paragraph of the draft prints, to be taken out of its text: only its own (a 3 of
    another story would turn 货币供应M3 into M#, the same words as M2's)."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.by_paragraph: dict[str, set[str]] = {}
        for c in claims:
            self.by_paragraph.setdefault(c.paragraph, set()).add(c.plain_text)

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
        if same_value or a.qualifier != b.qualifier:
            continue  # 超20% and 142.51%: a bound told beside a figure past it is no figure told twice
        if not _told_alike(a, b, figures):
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
        else:
            # A headline or a summary line restates the body, the fuller statement: it is the one to check.
            odd, other = (a, b) if len(a.plain_sentence) < len(b.plain_sentence) else (b, a)
        if tally is not None:
            tally[RESTATED] += 1
        out.append(restated(odd, other))
    return out


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


def _rates_titled(a: Claim, b: Claim) -> bool:
    """A rate in the title and one in the body, each right after its own level (…1794万吨 同比增长1.2%)."""
    return a.period == b.period and bool(a.qualifies) and bool(b.qualifies)


def _told_alike(a: Claim, b: Claim, figures: _Figures) -> bool:
    """Two sentences of one draft stating one fact: worded alike, figures aside, and one fact by identity."""
    if a.period is None or b.period is None or unit_group(a.unit) != unit_group(b.unit):
        return False
    titled = _title_and_body(a, b)
    if a.sentence == b.sentence and not titled:
        return False
    if a.changed_to or b.changed_to or a.part_of != b.part_of:
        return False
    if "分别" in a.plain_sentence or "分别" in b.plain_sentence:
        return False  # …投资分别增长11%、24.9%: which figure is which item's, only the list's order says
    if a_reading(a) or a_reading(b) or PREVIOUS in (modality(a), modality(b)):
        return False  # a market's reading moves within the day (数据公布前为98.4%); each item has its own 前值
    for c in (a, b):
        if _EARLIER.search(c.plain_sentence, max(0, c.at() - 12), c.at()):
            return False  # 上一季度逆差为25亿美元: another period than the one the sentence opened with
        if not c.qualifies and not _named_measure(c):
            return False  # 同比增9.55%: whose growth, only the figure before it says
    if a.paragraph == b.paragraph and not titled:
        return False  # 其中，北侧地块…溢价率30.8%；南侧地块…溢价率39.7%: one paragraph's parallel sentences are siblings
    if titled and a.paragraph == b.paragraph:
        # One item: the title names the body's figure by the body's words, for the body's period; whom it is
        # about is the item's (a title often names only the agency that released it).
        return (a.period == b.period and a.qualifies is None and b.qualifies is None) or _rates_titled(a, b)
    if not titled and not (_within(_masked(a.plain_sentence, figures.of(a)), _masked(b.plain_sentence, figures.of(b)))
                           and _within(_told(a, figures.of(a)), _told(b, figures.of(b)))):
        return False  # 日本4月货币供应M3年率 and …M2年率: one word apart is another indicator
    identity = identify(b, a)
    return (identity.named_fact and identity.specific and identity.period.outcome == SAME
            and identity.modality.outcome == SAME and same_scope(b, a) and same_range(a, b))


# --- a change told in one sentence ---------------------------------------------------------------------

_DOWN = re.compile(r"下降|减少|降低|回落|下滑|缩小|收窄|减")


def _changes(draft: _Draft, tolerance: Tolerance, tally: Counter[str] | None = None) -> list[Inconsistency]:
    """从X增加到Y，增长P%; 由a%提高到b%，提高N个百分点; 增长N倍: the rate after a change must follow from its ends."""
    by_id = draft.by_id
    starts = {c.changed_to: c for c in draft.claims if c.changed_to}
    out = []
    for rate in draft.claims:
        if rate.unit not in ("%", "pp", "x"):
            continue
        sentence = draft.by_sentence[rate.sentence]
        end = by_id.get(rate.qualifies or "") or _end_before(rate, [c for c in sentence if c.id in starts])
        start = (starts.get(end.id) or _start_of(end, draft.by_sentence[end.sentence])) if end is not None else None
        if end is None or start is None or rate.qualifier not in (EXACT, ABOUT) or rate.sentence != end.sentence:
            continue
        if start.qualifier != EXACT or end.qualifier != EXACT or unit_group(start.unit) != unit_group(end.unit):
            continue
        found = _change(start, end, rate, tolerance, tally)
        if found is not None:
            out.append(found)
    return out


_RATE_AFTER = re.compile(r"^[^。；;，,]{0,2}[，,]?(?:同比|累计|总体|共)?(?:增长|增加|提高|上升|下降|减少|降低|增幅|降幅|涨幅|升幅)(?:了|达|为|约|超过)?"
                         r"(?:达到|约为)?$")


def _end_before(rate: Claim, ends: list[Claim]) -> Claim | None:
    """The end of a change right before a rate that names no figure of its own (…增长到2021年的1844.4万人，增幅达26%);
    `ends`: the ends of changes in the rate's sentence."""
    sentence = rate.plain_sentence
    for end in ends:
        if end.sentence == rate.sentence:
            after = end.at() + len(end.plain_text)
            if 0 <= rate.at() - after <= 12 and _RATE_AFTER.match(sentence[after : rate.at()]):
                return end
    return None


_FROM = re.compile(r"[从由](?:\d{4}年(?:底|末)?的?)?$")
_TO = re.compile(r"^(?:[^，。；,;]{0,12}?)(?:增长到|增加到|增至|提高到|提升到|上升到|升至|扩大到|降至|下降到|减少到|减至|降低到|回落到|到)"
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
    if _AVERAGE.search(clause):
        return None  # 年均增长: compounded over years the sentence may not give
    down = bool(_DOWN.search(clause))
    if rate.unit == "pp":
        if start.unit != "%" or end.unit != "%":
            return None
        if tally is not None:
            tally[POINTS] += 1
        moved = end.value - start.value
        stated = -rate.value if down else rate.value
        allowed = start.precision + end.precision + rate.precision + tolerance.points
        if abs(moved - stated) <= allowed:
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
        stated = -rate.value if down else rate.value
        # The ends' rounding moves the ratio too: 2.1万 may be 2.05万.
        slack = ratio * (start.precision / start.value + end.precision / end.value) * 100
        allowed = tolerance.growth + rate.precision + slack + (tolerance.growth if rate.qualifier == ABOUT else 0)
        if abs(grown - stated) <= allowed:
            return None
        return Inconsistency(rate, (start, end), Computation(
            GROWTH, f"{end.text} ÷ {start.text} − 1 = {_n(grown)}%", rate.text, f"{_n(grown)}%",
            _("{points} percentage point(s), and the printed precision").format(points=_n(tolerance.growth))))
    if rate.unit == "x" and not down:
        if tally is not None:
            tally[MULTIPLE] += 1
        stated = rate.value + 1  # 增长1.5倍: 2.5 times as much
        if abs(ratio - stated) <= stated * tolerance.multiple + rate.precision:
            return None
        return Inconsistency(rate, (start, end), Computation(
            MULTIPLE, f"{end.text} ÷ {start.text} = {_n(ratio)}", f"{_n(stated)}×", f"{_n(ratio)}×",
            _("{share} of the multiple").format(share=f"{_n(tolerance.multiple * 100)}%")))
    return None


# --- a share of a whole in the draft -------------------------------------------------------------------

_SHARE_OF = re.compile(r"占(?P<whole>[^，。；、的]{2,16}?)(?:的)?(?:比重|比例|份额)?(?:为|达到?|约为?)?$")


def _shares(draft: _Draft, tolerance: Tolerance, tally: Counter[str] | None = None) -> list[Inconsistency]:
    """出口10.67万亿元…占进出口总额的59.5%: the share of the part in the whole, both printed in the draft."""
    out = []
    for share in draft.claims:
        if share.unit != "%" or share.qualifier != EXACT:
            continue
        near = draft.by_paragraph[share.paragraph]  # 出口…，占进出口总额的…: the part and the whole its paragraph gives
        sentence, at = share.plain_sentence, share.at()
        m = _SHARE_OF.search(sentence, max(0, at - 24), at)
        bare = _BARE_SHARE.search(sentence, max(0, at - 8), at) if m is None else None
        if m is None and bare is None:
            continue
        said = sentence[: (m or bare).start()]  # type: ignore[union-attr]
        part = _part_before(near, share, said) or _named_part(near, share, said)
        if part is None:
            continue
        whole = _named(near, share, m["whole"]) if m is not None else _whole_before(draft, part)
        if whole is None or part is whole or unit_group(part.unit) != unit_group(whole.unit):
            continue
        if whole.value <= 0 or part.qualifier != EXACT or whole.qualifier != EXACT:
            continue
        if tally is not None:
            tally[SHARE] += 1
        computed = part.value / whole.value * 100
        slack = computed * (part.precision / part.value + whole.precision / whole.value) if part.value else Decimal(0)
        allowed = share.precision + slack + tolerance.share
        if abs(computed - share.value) <= allowed:
            continue
        out.append(Inconsistency(share, (part, whole), Computation(
            SHARE, f"{part.text} ÷ {whole.text} = {_n(computed)}%", share.text, f"{_n(computed)}%",
            _("the printed precision (±{allowed} of a point)").format(allowed=_n(allowed)))))
    return out


# 其中男性人口为71722万人，占51.03%; 企业自有资金80亿元，占比31.64%: a share whose whole is not named after 占.
_BARE_SHARE = re.compile(r"[，,]?占(?:比)?(?:为|达到?|约为?)?$")
WHOLE_LINES = 12  # how far back a bare share's whole may be told (the paragraph, or the lead just before it)


def _whole_before(draft: _Draft, part: Claim) -> Claim | None:
    """The whole of a share that does not name it: the figure the part's sentence divides (全国人口为140545万人，
    其中男性…，占51.03%), or the total its paragraph names (项目总投资252.83亿元…自有资金80亿元，占比31.64%).
    Not the nearest figure of the part's measure: that may be a sibling part (民营…13371亿元, then 7597.2亿元)."""
    sentence = part.plain_sentence
    split = sentence.rfind("其中", 0, part.at())
    near = {c.id: c for c in (*draft.by_sentence[part.sentence], *draft.by_paragraph[part.paragraph])}
    found = None
    for c in sorted(near.values(), key=lambda c: (c.line, c.column)):
        if (c is part or c.unit != part.unit or c.period != part.period or c.qualifier != EXACT
                or c.value <= part.value or not 0 <= part.line - c.line <= WHOLE_LINES
                or (c.line, c.column) >= (part.line, part.column)):
            continue
        divided = c.sentence == part.sentence and 0 <= c.at() < split
        if divided or (c.paragraph == part.paragraph and "总" in c.metric and "总" not in part.metric):
            found = c  # the last before the part
    return found


def _part_before(claims: Sequence[Claim], share: Claim, said: str) -> Claim | None:
    """The amount the share is of: the figure right before 占 in the share's own sentence, not a rate, and not
    one another part is named after (签约项目109个，其中投资5亿元以上的93个，制造业项目占69%: 制造业项目 is not
    the 93)."""
    before = [c for c in claims if c.sentence == share.sentence and c.at() < share.at() and c.unit not in ("%", "pp")]
    before = [c for c in before if c.at() + len(c.plain_text) <= len(said)]
    if not before or not _RIGHT_BEFORE.match(said[before[-1].at() + len(before[-1].plain_text) :]):
        return None
    return before[-1]


_RIGHT_BEFORE = re.compile(r"^[，,、\s]*(?:人民币|左右)?[，,、\s]*$")


def _named_part(claims: Sequence[Claim], share: Claim, said: str) -> Claim | None:
    """出口占进出口总额的59.5%, the amount of 出口 given a sentence before: the measure named right before 占."""
    m = re.search(r"[\u4e00-\u9fff]{2,8}$", said)
    if m is None:
        return None
    key = metric_key(m.group())
    found = [c for c in claims if c.paragraph == share.paragraph and c.at() >= 0 and c.unit not in ("%", "pp")
             and c.qualifier == EXACT and c.period == share.period and key and metric_key(c.metric) == key]
    return found[0] if len(found) == 1 else None


def _named(claims: Sequence[Claim], share: Claim, whole: str) -> Claim | None:
    """The one figure of the draft whose measure is the whole named after 占, of the share's period and body."""
    key = metric_key(whole)
    if not key:
        return None
    core = key.removesuffix("总额").removesuffix("总量").removesuffix("总值") or key
    alike = [c for c in claims if c.unit not in ("%", "pp") and c.qualifier == EXACT and c.period == share.period
             and c.subject == share.subject and metric_key(c.metric)]
    # 进出口总额 names 货物贸易进出口 (a measure ending in it), not 出口 (which only ends it)
    found = [c for c in alike if metric_key(c.metric).endswith(core)]
    return found[0] if len(found) == 1 else None


# --- parts that are all of a whole ---------------------------------------------------------------------

# Parts that are all of their whole when both are named (出口 and 进口 make 进出口; 税收收入 and 非税收入 the
# budget's revenue): each part's measure names one of a set, and the set is named whole.
_PARTITIONS = (
    ("出口", "进口"), ("税收收入", "非税收入"), ("商品零售", "餐饮收入"), ("中央", "地方"), ("城镇", "农村"),
    ("城镇", "乡村"), ("集中式", "分布式"), ("福利彩票", "体育彩票"), ("新房", "二手房"), ("国内", "国际"),
    ("第一产业", "第二产业", "第三产业"), ("沪市", "深市"), ("上交所", "深交所"), ("男性", "女性"), ("一手", "二手"),
    ("公共", "私人"),
)


def _a_partition(parts: list[Claim]) -> bool:
    keys = [metric_key(p.metric) for p in parts]
    for words in _PARTITIONS:
        if len(words) == len(keys) and all(sum(1 for k in keys if w in k) == 1 for w in words) and all(
                sum(1 for w in words if w in k) == 1 for k in keys):
            return True
    return False


def _parts(draft: _Draft, tally: Counter[str] | None = None) -> list[Inconsistency]:
    """其中，出口…；进口…: the parts of a whole in the draft, where they are all of it, must make it; parts
    of any kind may not make more than their whole."""
    by_paragraph = draft.by_paragraph
    out = []
    for whole in draft.claims:
        if (whole.unit in ("%", "pp") or whole.qualifier != EXACT or whole.value <= 0 or whole.part_of
                or a_change(whole) or _A_CHANGE.search(whole.metric)):
            continue  # 比去年预算增加4000亿元，其中中央财政赤字…: a change is not the whole its 其中 divides
        parts = [c for c in by_paragraph[whole.paragraph] if _part_of(c, whole) and c.period == whole.period
                 and c.subject == whole.subject and c.unit == whole.unit
                 and (c.line, c.column) > (whole.line, whole.column) and not a_change(c)]
        partition = _a_partition(parts)
        if not partition:
            # 全国一般公共预算支出94809亿元…分中央和地方看，中央…本级支出12910亿元；地方…支出81899亿元: parts a
            # known partition names, of the whole's measure, told after it without 其中.
            named = _partition_after(whole, by_paragraph[whole.paragraph])
            if named:
                parts, partition = named, True
        if not partition:
            # 造成10人死亡…其中…6人死亡…1人死亡…3人死亡: parts of the whole's own measure, not its 受伤 beside it
            head = metric_key(whole.metric)[-2:]
            parts = [p for p in parts if head and metric_key(p.metric).endswith(head)]
        if len(parts) < 2 or any(p.qualifier != EXACT for p in parts):
            continue
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


PARTS_ALIKE = 0.8  # the parts' measures, the partition's words aside, are this alike (difflib ratio)
SHARED_MIN = 4  # a part names its whole's measure: this many characters in a row of it (一般公共预算, 旅客运输量)


def _shared(a: str, b: str) -> int:
    """The longest run of characters two measures share (中央政府性基金预算收入 and 全国政府性基金预算收入: 9)."""
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size


def _partition_after(whole: Claim, paragraph: list[Claim]) -> list[Claim]:
    """The figures after a whole, of its unit, period and measure (the same last two characters), that a
    known partition names one each (中央…支出 and 地方…支出)."""
    head = metric_key(whole.metric)[-2:]
    after = [c for c in paragraph if (c.line, c.column) > (whole.line, whole.column) and c.unit == whole.unit
             and c.period == whole.period and c.qualifier == EXACT and not c.part_of and not a_change(c)
             and head and metric_key(c.metric).endswith(head) and metric_key(c.metric) != metric_key(whole.metric)
             and _shared(metric_key(c.metric), metric_key(whole.metric)) >= SHARED_MIN]
    for words in _PARTITIONS:
        picked = []
        for w in words:
            named = [c for c in after if w in metric_key(c.metric) and not any(o in metric_key(c.metric) for o in words if o != w)]
            if len(named) != 1:
                break
            picked.append(named[0])
        else:
            # 中央…本级支出 and 地方…支出 are one measure's parts; 集中式光伏装机 and 分布式新能源装机 are not
            rests = [metric_key(c.metric).replace(w, "") for c, w in zip(picked, words)]
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
