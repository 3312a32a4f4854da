"""Claim extraction: every numeric assertion in a document, with subject, metric and period.

Sources and drafts go through the same extractor, so a draft sentence copied
from a source yields the same claim, and matching compares like with like.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal

from . import layout, subject
from .period import Period, find_periods, period_for
from .quantity import Quantity, find_quantities
from .source import Document

# Bump when extraction changes, so ingest re-reads unchanged sources.
EXTRACTOR_VERSION = 13

_CLAUSE_DELIMS = "，。；：、！？（）“”‘’「」,;"
_METRIC_DELIMS = _CLAUSE_DELIMS + "和及与"
# Verbs and adverbs around a figure that say nothing about what it measures:
# 实现产值 and 产值 name the same metric. Stripped only at the edges of the
# phrase (or split on unambiguous verbs), since 就 is also inside 就业率.
_TRAILING_NOISE = re.compile(
    r"(?:达到了|达到|高达|稳定在|连续多年|多年|增加到|增至|再次|已经|已|共计|累计|共|就|将|仅|约|近|超过|超|突破|逾|"
    r"为|是|在|至|到|有|了|的|实现了|实现|完成了|完成|新增|增设|提供|拥有|形成|贡献|力争|预计|达)$"
)
_LEADING_NOISE = re.compile(
    r"^(?:仅|在|由|从|对|其中|这个|该|共|已|全年|当年|今年|去年|目前|如今|现有|同时|此外|并|还|也|都|则|就|经过|到后面|后面|先后|前后)"
)
_SPLIT_VERBS = re.compile(r"实现了?|完成了?|达到|拥有|累计|形成|就实现|共有|引进了?|培养|组建由?|建造了?|吸纳|化解|惠及|设立了?")
_RATE_WORDS = re.compile(r"同比|环比|比上年|较上年|增长|下降|增加|减少|提高|提升|增速|占比|占")
_RIGHT_STOP = re.compile(r"[，。；：、！？（）“”的就实现共已将在和与及]")


@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric assertion, as stored in claims/ and as found in a draft."""

    id: str
    source: str
    published: dt.date | None
    line: int
    column: int
    text: str
    value: Decimal
    low: Decimal | None
    high: Decimal | None
    unit: str
    qualifier: str
    subject: str | None
    metric: str
    period: Period | None
    sentence: str
    paragraph: str
    context: str = ""  # the clause with figures masked, for matching
    counted: str = ""  # what the figure counts (885套人才住房 → 人才住房)
    subject_strong: bool = False
    qualifies: str | None = None  # for a growth rate: the id of the figure it qualifies
    precision: Decimal = Decimal(0)
    date_inferred: bool = False
    end_column: int = 0
    number_column: int = 0
    extras: dict[str, object] = field(default_factory=dict, compare=False)

    def interval(self) -> tuple[Decimal | None, Decimal | None]:
        """What the figure asserts; an exact figure is widened by its printed precision.

        A threshold (超2亿美元) is not rounded: 1.59亿美元 is below it.
        """
        widen = self.precision if self.qualifier == "exact" else Decimal(0)
        lo = self.low - widen if self.low is not None else None
        hi = self.high + widen if self.high is not None else None
        return lo, hi


def claim_id(source: str, sentence: str, text: str, occurrence: int) -> str:
    """Stable across re-ingests and edits elsewhere in the file: content, not line numbers."""
    digest = hashlib.sha1(f"{source}\0{sentence}\0{text}\0{occurrence}".encode()).hexdigest()
    return digest[:16]


def mask_numbers(text: str) -> str:
    return re.sub(r"\d+(?:[.,]\d+)*", "#", text)


def _subject_for(mentions: list[subject.Mention], position: int, clause_start: int) -> subject.Mention | None:
    """The body a figure is about: named in its own clause, else the sentence's topic before it."""
    before = [m for m in mentions if m.end <= position]
    in_clause = [m for m in before if m.start >= clause_start and m.topical]
    if in_clause:
        return in_clause[-1]
    topical = [m for m in before if m.topical]
    return topical[0] if topical else None


def _clause_start(sentence: str, pos: int, floor: int, delims: str = _CLAUSE_DELIMS) -> int:
    i = pos
    while i > floor:
        ch = sentence[i - 1]
        if ch == "）" and i < len(sentence):
            # 津上精密机床（浙江）有限公司, 世界500强企业（项目）40余家: a short bracket is not a clause break.
            j = sentence.rfind("（", max(floor, i - 8), i - 1)
            if j >= 0:
                i = j
                continue
        if ch in delims:
            break
        i -= 1
    return i


def _metric(left: str, mentions: list[subject.Mention], left_offset: int) -> str:
    for m in mentions:
        if left_offset <= m.start < left_offset + len(left):
            a, b = m.start - left_offset, min(m.end - left_offset, len(left))
            left = left[:a] + " " * (b - a) + left[b:]
    left = re.sub(r"(?:19|20)\d\d年(?:度)?|前?\d{1,2}个?月(?:份)?|[一二三四]季度|上半年|下半年|\d+(?:\.\d+)?", " ", left)
    phrase = left.split()[-1] if left.split() else ""
    for _ in range(4):
        stripped = _TRAILING_NOISE.sub("", phrase)
        if stripped == phrase:
            break
        phrase = stripped
    parts = [p for p in _SPLIT_VERBS.split(phrase) if p]
    phrase = parts[-1] if parts else ""
    for _ in range(3):
        stripped = _LEADING_NOISE.sub("", phrase)
        if stripped == phrase:
            break
        phrase = stripped
    return phrase


def _context(text: str, start: int, end: int, counted: str, mentions: list[subject.Mention]) -> str:
    """The clause around a figure without names or numbers: what is measured, not about whom."""
    chars = list(text[start:end])
    for m in mentions:
        for i in range(max(m.start, start), min(m.end, end)):
            chars[i - start] = ""
    return mask_numbers("".join(chars) + counted)


def _counted(sentence: str, end: int) -> str:
    m = _RIGHT_STOP.search(sentence, end)
    stop = m.start() if m else len(sentence)
    return sentence[end : min(stop, end + 8)]


class _StoryState:
    """What a story has established so far: its last subject, the short names of its companies."""

    def __init__(self, known: subject.ShortNames | None = None) -> None:
        self.subject: subject.Mention | None = None
        self.short_names = subject.ShortNames(parent=known)
        self.year: int | None = None

    def learn(self, mention: subject.Mention) -> None:
        if mention.strong and subject._LEGAL_SUFFIX.search(mention.name):
            core = mention.canonical
            for n in range(2, min(len(core), 5)):
                prefix = core[:n]
                if prefix not in ("平湖", "浙江", "嘉兴", "中国", "上海") and not subject._REGION_PREFIX.match(prefix):
                    self.short_names.add(prefix, core)
            self.short_names.add(core, core)


def extract(document: Document, markdown: bool | None = None, known_names: dict[str, str] | None = None) -> list[Claim]:
    """Every numeric assertion in a document, in reading order.

    `known_names` (short and full names of bodies the store knows) lets a
    draft say 津上精密 without ever spelling out the registered name.
    """
    if markdown is None:
        markdown = document.path.endswith((".md", ".markdown"))
    published = document.published or dt.date.today()
    claims: list[Claim] = []
    known = subject.ShortNames(known_names) if known_names else None  # built once, shared by every story
    story = _StoryState(known)
    seen: dict[tuple[str, str], int] = {}
    for p_index, para in enumerate(layout.paragraphs(document.text, document.body_start, markdown)):
        if para.kind == "title":
            story = _StoryState(known)
        for sent in layout.sentences(para, p_index):
            claims.extend(_sentence_claims(document, para, sent, published, story, seen))
    return claims


def _sentence_claims(
    document: Document,
    para: layout.Paragraph,
    sent: layout.Sentence,
    published: dt.date,
    story: _StoryState,
    seen: dict[tuple[str, str], int],
) -> list[Claim]:
    text = sent.text
    mentions = subject.find_mentions(text)
    for m in mentions:
        story.learn(m)
    taken = [(m.start, m.end) for m in mentions]
    for m in sorted(subject.short_name_mentions(text, story.short_names), key=lambda x: x.start - x.end):
        if not any(s < m.end and m.start < e for s, e in taken):
            mentions.append(m)
            taken.append((m.start, m.end))
    mentions.sort(key=lambda x: x.start)
    explicit = re.findall(r"(?<!\d)((?:19|20)\d\d)(?:年|全年)", text)
    if explicit:
        story.year = int(explicit[-1])
    quantities = find_quantities(text)
    if not quantities:
        topical = [m for m in mentions if m.topical]
        if topical:
            story.subject = topical[0]
        return []
    periods = find_periods(text, published, None, story.year)
    out: list[Claim] = []
    previous: Claim | None = None
    previous_q: Quantity | None = None
    for q in quantities:
        period = period_for(periods, q.start)
        floor = previous_q.end if previous_q else 0
        cstart = _clause_start(text, q.start, 0)
        mention = _subject_for(mentions, q.number_start, cstart) or story.subject
        mstart = _clause_start(text, q.start, floor, _METRIC_DELIMS)
        left = text[mstart : q.start]
        metric = _metric(left, mentions, mstart)
        counted = _counted(text, q.end)
        qualifies = None
        if q.unit in ("%", "pp", "x") and previous is not None and _RATE_WORDS.search(left) and not metric.startswith(("占", "占比")):
            qualifies = previous.id
            metric = f"{previous.metric}{metric}" if previous.metric else metric
        if len(metric) <= 2 and counted and not q.is_currency and q.unit not in ("%", "pp", "x"):
            metric = counted  # 经过10次增资: the noun after the measure word is what is counted
        if not metric:
            metric = counted
        if not metric and previous is not None:
            metric = previous.metric  # 2024年实现产值1.6亿元，今年前10个月已突破2.5亿元: the same metric
        key = (text, q.text)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        origin_start = para.origin[sent.start + q.start]
        origin_number = para.origin[sent.start + q.number_start]
        origin_end = para.origin[sent.start + q.end - 1]
        line, column = layout.line_column(document.text, origin_start)
        _, number_column = layout.line_column(document.text, origin_number)
        _, end_column = layout.line_column(document.text, origin_end)
        claim = Claim(
            id=claim_id(document.path, text, q.text, occurrence),
            source=document.path,
            published=document.published,
            line=line,
            column=column,
            text=q.text,
            value=q.value,
            low=q.low,
            high=q.high,
            unit=q.unit,
            qualifier=q.qualifier,
            subject=mention.canonical if mention else None,
            metric=metric,
            period=period,
            sentence=text,
            paragraph=para.text,
            context=_context(text, mstart, q.end, counted, mentions),
            counted=counted,
            # Only a name in the figure's own clause is firm enough to rule a source out.
            subject_strong=bool(mention and mention in mentions and mention.strong and mention.start >= cstart),
            qualifies=qualifies,
            precision=q.precision,
            date_inferred=document.date_inferred,
            end_column=end_column + 1,
            number_column=number_column,
        )
        out.append(claim)
        if q.unit not in ("%", "pp", "x"):
            previous = claim
        previous_q = q
    topical = [m for m in mentions if m.topical]
    if topical:
        story.subject = topical[0]
    return out

