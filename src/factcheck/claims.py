"""Claim extraction: every numeric assertion in a document, with subject, metric and period.

Sources and drafts go through the same extractor, so a draft sentence copied
from a source yields the same claim, and matching compares like with like.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal

from . import layout, script, subject
from .metric import metric_key
from .period import Period, PeriodMention, find_periods, period_for
from .quantity import Qualifier, Quantity, find_quantities, unit_group
from .source import Document

# Bump when extraction changes, so ingest re-reads unchanged sources.
EXTRACTOR_VERSION = 16

# A paragraph longer than this is not a paragraph but a file without line breaks; the longest
# in 1,691 days of news is 1,978 characters. Each figure in it is given the sentences around
# it (see `_Stretches`), so a claim does not carry megabytes that every report repeats.
PARAGRAPH_MAX = 4_000
STRETCH = 1_000

_CLAUSE_DELIMS = "，。；：、！？（）“”‘’「」,;"
# Quotes inside a noun phrase do not end it: 专精特新“小巨人”企业增加值 is one measure.
_METRIC_DELIMS = _CLAUSE_DELIMS.replace("“”‘’「」", "") + "和及与"
# Verbs and adverbs around a figure that say nothing about what it measures:
# 实现产值 and 产值 name the same metric. Stripped only at the edges of the
# phrase (or split on unambiguous verbs), since 就 is also inside 就业率.
_TRAILING_NOISE = re.compile(
    r"(?:达到了|达到|高达|稳定在|连续多年|多年|增加到|增至|再次|首次|已经|已|共计|累计|共|就|将|仅|约|近|超过|超|突破|逾|"
    r"为|是|在|至|到|有|了|的|实现了|实现|完成了|完成|新增|增设|提供|拥有|形成|贡献|力争|预计|达|从|由)$"
)
_LEADING_NOISE = re.compile(
    r"^(?:仅|在|由|从|对|其中|这个|该|共|已|全年|当年|今年|去年|目前|如今|现有|同时|此外|并|还|也|都|则|就|经过|到后面|后面|先后|前后|"
    r"他们|我们|它们|她们|他|她|其)"
)
_NO_QUOTES = str.maketrans("", "", "“”‘’「」")
# 他们在项目工地不远的地方租赁了面积…: where something happened is not what is measured.
_LOCATIVE = re.compile(r"^.*?在[^在]{1,12}?(?:地方|附近|旁边|周边|一带|里|内|上)(?=.)")
# Light verbs between who acts and what is measured say nothing about the measure
# (全国铁路完成固定资产投资 is 铁路固定资产投资); they are dropped, and what stands on
# either side of them is kept: 铁路 is what tells this investment from all of 全国's.
_LIGHT_VERBS = re.compile(r"实现了?|完成了?|达到|拥有|累计|形成|就实现|共有|组建由?|现有|共计|合计")
_COUNT_UNITS = ("个", "家", "人", "条", "批", "台", "套", "处", "所", "幢", "户", "艘", "架", "辆", "列", "只")
_SPAN_WORDS = "来前后里间内"
_RUNNING = re.compile(r"连续|持续|累计|历时|用时")
_FROM_TO = re.compile(r"(?:增长|增加|提高|提升|上升|下降|减少|降低|扩大|缩小)?(?:到了|到|至)")
_PART = re.compile(r"^[\s“”]*(?:其中|这其中|在此之中)")
_NOW = re.compile(r"如今|目前|现在|当前|现有|眼下")
_TOTAL = re.compile(r"总(?:投资|额|产值|规模|面积|金额|收入|价值)")
# Units of rates and of time: 10年来, 为期5天 measure a span, and what follows is not what they count.
_NOT_COUNTS = ("%", "pp", "x", "年", "天", "个月", "小时", "分钟", "周", "周年", "岁", "日")
_QUALIFIES_COUNT = re.compile(r"新增|新建|新开|新设|累计|引进|签约|培养|化解|惠及|吸纳|建成|开工|投产")
_RATE_WORDS = re.compile(r"同比|环比|比上年|较上年|比上月|较上月|增长|下降|增加|减少|提高|提升|上升|回落|增速|占比|占")
_RIGHT_STOP = re.compile(
    r"[，。；：、！？（）“”的就实现共已将在和与及到\d]|成功|成立|完成|达到|获得|参加|参与|进行|开展|覆盖|落户|入驻|建成|投入|带动|正|均"
    r"|增长|下降|上升|增加|减少|提高"
)


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
    qualifier: Qualifier = field(metadata={"missing": Qualifier.EXACT})  # a record without one: exactly
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
    # Where the figure sits in a draft's line, for reports; not stored (a source's claims are cited by line).
    end_column: int = field(default=0, metadata={"stored": False})
    number_column: int = field(default=0, metadata={"stored": False})
    # Where the subject and period came from: an editor can see that a
    # figure's 全国 was carried from the story's first line, not written beside it.
    subject_kind: str = ""  # national, region, place, country, pair, known, organisation
    # clause, sentence, attribution (a national source cited), paragraph or story (carried from
    # subject_line, in the same paragraph or an earlier one), or "" (none)
    subject_from: str = ""
    subject_line: int = 0
    # sentence; paragraph (carried from period_line, earlier in it); heading (the story's headline
    # names it: ### 前三季度我国海洋生产总值…); or "" (undated)
    period_from: str = ""
    period_line: int = 0
    # Every body its paragraph names: an inherited subject may be any of them (三宏 … 平湖经开推荐的厂房).
    paragraph_bodies: tuple[str, ...] = ()
    # For a part of an earlier figure (服务进出口总额…。其中，出口26015亿元): what it is a part of.
    part_of: str = ""
    encoding: str = ""  # the source file's: utf-8, utf-16, gb18030 or big5

    @property
    def plain_sentence(self) -> str:
        """The sentence in simplified script, as the rules read it; the record keeps the author's script."""
        return script.plain(self.sentence)

    @property
    def plain_paragraph(self) -> str:
        return script.plain(self.paragraph)

    @property
    def plain_text(self) -> str:
        return script.plain(self.text)

    def interval(self) -> tuple[Decimal | None, Decimal | None]:
        """What the figure asserts; an exact figure is widened by its printed precision.

        A threshold (超2亿美元) is not rounded: 1.59亿美元 is below it.
        """
        widen = self.precision if self.qualifier == Qualifier.EXACT else Decimal(0)
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
    return _head(topical)


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


def _described(mentions: list[subject.Mention], q: Quantity, text: str) -> subject.Mention | None:
    """总投资102亿元的独山能源三期项目: a figure before 的 describes the body named right after it."""
    if text[q.end : q.end + 1] != "的":
        return None
    return next((m for m in mentions if m.start == q.end + 1), None)


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
        if ch in delims and not (ch in "和及与" and _inside_word(sentence, i - 1)):
            break
        i -= 1
    return i


# Words with 和, 及 or 与 inside them: 普及率 is one word, not 普 and 率 joined by 及.
_CONJUNCTION_WORDS = frozenset(
    ["普及", "以及", "涉及", "及时", "波及", "危及", "及其", "及早", "和平", "和谐", "温和", "总和", "共和", "缓和", "饱和", "调和", "平和", "祥和", "和睦", "参与", "与会", "给与", "赋予"]
)


def _inside_word(sentence: str, at: int) -> bool:
    return sentence[at - 1 : at + 1] in _CONJUNCTION_WORDS or sentence[at : at + 2] in _CONJUNCTION_WORDS


def _metric(left: str, mentions: list[subject.Mention], left_offset: int, periods: list[PeriodMention] = ()) -> str:  # type: ignore[assignment]
    """What the figure measures: the phrase before it in its clause, without names, periods, verbs and fillers."""
    for span in [(m.start, m.end) for m in mentions] + [(p.start, p.end) for p in periods]:
        if left_offset <= span[0] < left_offset + len(left) or left_offset < span[1] <= left_offset + len(left):
            a, b = max(span[0] - left_offset, 0), min(span[1] - left_offset, len(left))
            left = left[:a] + " " * (b - a) + left[b:]
    left = re.sub(r"(?:19|20)\d\d年(?:度)?|前?\d{1,2}个?月(?:份)?|[一二三四]季度|上半年|下半年|\d+(?:\.\d+)?", " ", left)
    # 中嘉华宸能源公司530亩: a figure right after a name has no measure before it.
    phrase = left.split()[-1] if left.split() and not left[-1:].isspace() else ""
    phrase = _LOCATIVE.sub("", phrase).translate(_NO_QUOTES)
    for _ in range(4):
        stripped = _TRAILING_NOISE.sub("", phrase)
        if stripped == phrase:
            break
        phrase = stripped
    phrase = _LIGHT_VERBS.sub("", phrase).lstrip("家个名项位户所座条次")
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
    """What a count counts: the noun after the measure word (16个小区成功成立… → 小区), up to a verb or a stop.

    A quoted word is part of it: 24家“链主”企业 counts 链主企业.
    """
    quoted = _QUOTED.match(sentence, end)
    if quoted:
        return quoted[1] + _counted(sentence, quoted.end())
    m = _RIGHT_STOP.search(sentence, end)
    stop = m.start() if m else len(sentence)
    return sentence[end : min(stop, end + 8)]


def _predicate(sentence: str, end: int) -> str:
    """What follows a span up to the end of its clause (连续五年|保持全球最大锂电池市场), at most 12 characters."""
    m = re.search(r"[，。；：！？、]", sentence[end:])
    return sentence[end : end + min(m.start() if m else len(sentence), 12)]


_QUOTED = re.compile(r"[“‘「]([^”’」，。]{1,8})[”’」]")


@dataclass(slots=True)
class _Stated:
    """Something a story said earlier (a subject, a period), and the line where it said it."""

    value: object
    line: int
    paragraph: int = -1  # index of the paragraph that said it


class _StoryState:
    """What a story has established so far: its last subject and period, the short names of its companies.

    A story ends at a heading (### in a transcript, a line in bold, a long
    unpunctuated title); a list item is a story of its own. Nothing carries
    across, so a subject named in one story is never the subject of the next.
    """

    def __init__(self, known: subject.ShortNames | None = None, names: subject.Gazetteer | None = None) -> None:
        self.known = known
        self.names = names
        self.subject: _Stated | None = None  # value: subject.Mention
        self.period: _Stated | None = None  # value: Period
        self.whole: str = ""  # the metric of the paragraph's last figure, which a 其中 sentence breaks down
        self.part: str = ""  # the whole that the sentence before, ending in ；, was breaking down
        self.headline: _Stated | None = None  # the period the story's heading names (### 前三季度我国…)
        self.countries: list[str] = []  # foreign countries the story has named, in order
        self.short_names = subject.ShortNames(parent=known)
        self.year: int | None = None

    def fresh(self) -> _StoryState:
        return _StoryState(self.known, self.names)

    def learn(self, mention: subject.Mention) -> None:
        if mention.strong and subject._LEGAL_SUFFIX.search(mention.name):
            core = mention.canonical
            for n in range(2, min(len(core), 5)):
                prefix = core[:n]
                if not subject.home().region_prefix.match(prefix):  # 浙江轩田: 浙江 is no company's short name
                    self.short_names.add(prefix, core)
            self.short_names.add(core, core)


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
        markdown = document.path.endswith((".md", ".markdown"))
    published = document.published or dt.date.today()
    known = subject.ShortNames(known_names) if known_names else None  # built once, shared by every story
    story = _StoryState(known, names or subject.gazetteer())
    written = document.text
    text = script.simplified(written)  # 前11個月 read as 前11个月, one character for one: offsets hold
    folded = _folded_at(text, written)
    lines = layout.LineIndex(written)
    seen: dict[tuple[str, str], int] = {}
    for p_index, para in enumerate(layout.paragraphs(text, document.body_start, markdown)):
        if para.kind == "title":
            story = story.fresh()
        scope = story.fresh() if para.kind == "item" else story  # a list item neither inherits nor passes on
        scope.period = None  # a period carries to the next sentence, not to the next paragraph
        scope.whole = scope.part = ""
        sentences = layout.sentences(para, p_index)
        # Names first, sentence by sentence as a reader meets them: a figure's record lists every
        # body its paragraph names, later sentences' included.
        named = _full_pairs([_mentions(sent.text, scope) for sent in sentences], scope)
        said = _as_written(para, written, folded) if folded else para.text
        near = _Stretches(said, sentences, named) if len(said) > PARAGRAPH_MAX else None
        whole = (said, _bodies(named))
        for sent, mentions in zip(sentences, named):
            around = near.around(sent) if near is not None else whole
            yield from _sentence_claims(document, para, said, sent, mentions, around, published, scope, seen, lines)
        if para.kind == "title":
            story.headline = story.period


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


def _full_pairs(named: list[list[subject.Mention]], story: _StoryState) -> list[list[subject.Mention]]:
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


def _mentions(text: str, story: _StoryState) -> list[subject.Mention]:
    """Bodies named in the sentence, by full or short name; a national source cited with no body named is 全国."""
    mentions = subject.find_mentions(text, story.names)
    for m in mentions:
        story.learn(m)
    taken = [(m.start, m.end) for m in mentions]
    for m in sorted(subject.short_name_mentions(text, story.short_names), key=lambda x: x.start - x.end):
        if not any(s < m.end and m.start < e for s, e in taken):
            mentions.append(m)
            taken.append((m.start, m.end))
    if not any(m.topical for m in mentions):
        cited = subject.attribution(text, story.names)
        if cited is not None:
            start, end = cited
            mentions.append(subject.Mention(text[start:end], subject.COUNTRY_WIDE, start, end, True, kind=subject.ATTRIBUTION))
    mentions.sort(key=lambda x: x.start)
    return mentions


def _subject(
    mentions: list[subject.Mention],
    q: Quantity,
    clause_start: int,
    story: _StoryState,
    line: int,
    paragraph: int,
    text: str = "",
) -> tuple[subject.Mention | None, str, int]:
    """The body a figure is about and where that was said: its clause, its sentence, its paragraph or its story."""
    mention = _described(mentions, q, text) or _subject_for(mentions, q.number_start, clause_start)
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
        return carried, "paragraph" if story.subject.paragraph == paragraph else "story", story.subject.line
    return None, "", 0


def _period(
    periods: list[PeriodMention], q: Quantity, story: _StoryState, line: int, text: str = ""
) -> tuple[Period | None, str, int]:
    """The period a figure is about: stated in its sentence, else the last one its paragraph stated.

    如今/目前 before the figure says it is today's, whatever year the sentence before was about.
    """
    period = period_for(periods, q.start)
    if period is not None:
        return period, "sentence", line
    if _NOW.search(text, 0, q.start):
        return None, "", 0
    if story.period is not None:
        assert isinstance(story.period.value, Period)
        return story.period.value, "paragraph", story.period.line
    if story.headline is not None:
        assert isinstance(story.headline.value, Period)
        return story.headline.value, "heading", story.headline.line
    return None, "", 0


def _remember(
    story: _StoryState, mentions: list[subject.Mention], periods: list[PeriodMention], line: int, paragraph: int
) -> None:
    """What later sentences of the story inherit: the sentence's first topical body and its last own period."""
    head = _head([m for m in mentions if m.topical])
    if head is not None:
        story.subject = _Stated(head, line, paragraph)
    own = [p for p in periods if not p.base]
    if own:
        story.period = _Stated(own[-1].period, line)


@dataclass(slots=True)
class _Run:
    """The figures of one sentence so far: a figure's metric and rate may come from the one before it."""

    claims: list[Claim] = field(default_factory=list)
    previous: Claim | None = None  # the last figure that is not a rate
    previous_q: Quantity | None = None  # the last figure of any kind
    previous_rate: Claim | None = None  # the last rate (%, pp, x)

    def add(self, q: Quantity, claim: Claim) -> None:
        self.claims.append(claim)
        if q.unit not in _RATES:
            self.previous = claim
        else:
            self.previous_rate = claim
        self.previous_q = q


@dataclass(frozen=True, slots=True)
class _Where:
    """A figure's place in its file: line and column of its start, of its first digit and of its end."""

    line: int
    column: int
    number_column: int
    end_column: int


_RATES = ("%", "pp", "x")


def _sentence_claims(
    document: Document,
    para: layout.Paragraph,
    said: str,
    sent: layout.Sentence,
    mentions: list[subject.Mention],
    around: tuple[str, tuple[str, ...]],
    published: dt.date,
    story: _StoryState,
    seen: dict[tuple[str, str], int],
    lines: layout.LineIndex,
) -> list[Claim]:
    """`around` is the figure's paragraph as a claim records it (in the author's script), and the bodies it names."""
    text = sent.text  # read in simplified script; `said` is the paragraph as the author wrote it
    sentence = said[sent.start : sent.start + len(text)]
    _note_year(text, story)
    sentence_line, _ = lines.line_column(para.origin[sent.start])
    quantities = find_quantities(text)
    periods = find_periods(text, published, None, story.year) if quantities or _MAY_DATE.search(text) else []
    if not quantities:
        _remember(story, mentions, periods, sentence_line, sent.paragraph)
        story.part = ""
        return []
    run = _Run()
    part_of = story.whole if _PART.match(text) else story.part  # 其中，出口…；进口…: one breakdown past the ；
    for q in quantities:
        where = _where(para, sent, q, lines)
        cstart = _clause_start(text, q.start, 0)
        mention, subject_from, subject_line = _subject(mentions, q, cstart, story, where.line, sent.paragraph, text)
        period, period_from, period_line = _period(periods, q, story, where.line, text)
        mstart = _clause_start(text, q.start, run.previous_q.end if run.previous_q else 0, _METRIC_DELIMS)
        left = text[mstart : q.start]
        metric, counted = _measure(text, q, left, mstart, mentions, periods, run.previous_q)
        metric, qualifies = _linked_rate(text, q, left, metric, run)
        metric = _with_counted(metric, counted, q)
        metric, qualifies = _from_neighbours(text, q, metric, qualifies, run)
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
            context=_context(text, mstart, q.end, counted, mentions),
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
        )
        run.add(q, claim)
    _remember(story, mentions, periods, sentence_line, sent.paragraph)
    story.part = part_of if text.rstrip().endswith("；") else ""
    if not part_of:
        story.whole = run.claims[0].metric if run.claims else story.whole
    return run.claims


def _note_year(text: str, story: _StoryState) -> None:
    """A year written out (2025年) is the year 今年 and bare months mean from here on in the story."""
    explicit = re.findall(r"(?<!\d)((?:19|20)\d\d)(?:年|全年)", text)
    if explicit:
        story.year = int(explicit[-1])


def _where(para: layout.Paragraph, sent: layout.Sentence, q: Quantity, lines: layout.LineIndex) -> _Where:
    """Offsets in the sentence as read, mapped back to the file as written (columns count from 1)."""
    line, column = lines.line_column(para.origin[sent.start + q.start])
    _, number_column = lines.line_column(para.origin[sent.start + q.number_start])
    _, end_column = lines.line_column(para.origin[sent.start + q.end - 1])
    return _Where(line, column, number_column, end_column + 1)


def _measure(
    text: str,
    q: Quantity,
    left: str,
    mstart: int,
    mentions: list[subject.Mention],
    periods: list[PeriodMention],
    previous_q: Quantity | None,
) -> tuple[str, str]:
    """What the figure measures (the words before it) and what it counts (the noun after it)."""
    metric = _metric(left, mentions, mstart, periods)
    counted = _counted(text, q.end)
    if not counted and not metric and text[q.end : q.end + 1] == "的" and q.unit not in _NOT_COUNTS:
        counted = _counted(text, q.end + 1)  # 530亩的地块: what the figure measures follows 的
    if q.unit in _NOT_COUNTS:
        counted = ""  # 10年来: what follows a span is not what it counts
        if q.unit in ("年", "周年", "天", "个月") and q.end < len(text) and text[q.end] in _SPAN_WORDS:
            metric = metric + text[q.end]  # 10年来, 60年前: the span and its direction are the measure
        elif q.unit in ("年", "天", "个月", "周") and _RUNNING.search(metric):
            # 连续五年保持全球最大锂电池市场: what went on for the span is the measure.
            metric = metric + _predicate(text, q.end)
    if previous_q is not None and previous_q.unit in ("年", "天", "个月") and left[:1] and left[0] in _SPAN_WORDS:
        metric = metric[1:] if metric[:1] and metric[0] in _SPAN_WORDS else metric  # 10年来累计公益服务: not 来公益服务
    return metric, counted


def _linked_rate(text: str, q: Quantity, left: str, metric: str, run: _Run) -> tuple[str, str | None]:
    """A growth rate is the rate of the figure it follows in its clause: its metric, and that figure's id."""
    qualifies = None
    base = run.previous
    previous_q, previous_rate = run.previous_q, run.previous_rate
    if q.unit == "pp" and previous_rate is not None and previous_q is not None and previous_q.unit == "%":
        base = previous_rate  # 物流业景气指数为50.6%，较上月上升0.3个百分点: the change of that index
    if (
        q.unit in _RATES
        and base is not None
        and _RATE_WORDS.search(left)
        and not metric.startswith(("占", "占比"))
        and _own_clause(text, previous_q, q)
        and not _names_own_measure(metric)
    ):
        qualifies = base.id  # 亩均税收达28.9万元，增长57.4%: the rate of the figure it follows
        metric = f"{base.metric}{metric}" if base.metric else metric
    if run.claims and previous_q is not None and _FROM_TO.fullmatch(text[previous_q.end : q.start]):
        metric, qualifies = run.claims[-1].metric, run.claims[-1].qualifies  # 本科以上学历从32.6%增长到70.3%: one measure
    return metric, qualifies


def _with_counted(metric: str, counted: str, q: Quantity) -> str:
    """The counted noun joins the metric: 经过10次增资 measures 增资, 新增16个小区 measures 新增小区."""
    if len(counted) >= 2 and not q.is_currency and q.unit not in _NOT_COUNTS:
        # 经过10次增资, 已有16个小区: the noun after the measure word is what is counted,
        # and the words before it (辖区范围内, 新增) qualify it.
        metric = counted if len(metric) <= 2 and not _QUALIFIES_COUNT.search(metric) else metric + counted
    return metric or counted


def _from_neighbours(text: str, q: Quantity, metric: str, qualifies: str | None, run: _Run) -> tuple[str, str | None]:
    """A figure that names no measure of its own takes the one of the figure before it."""
    previous, previous_q, previous_rate = run.previous, run.previous_q, run.previous_rate
    if previous is not None and _TOTAL.match(metric) and unit_group(previous.unit) in _COUNT_UNITS:
        # 共谋划重点建设项目101个，总投资4049亿元: the total of the projects just counted.
        metric = previous.metric + metric
    if not metric and q.unit in _RATES and previous_rate is not None and previous_q is not None and (
        previous_q.unit == q.unit and re.fullmatch(r"[和、及与]|以及", text[previous_q.end : q.start])
    ):
        metric, qualifies = previous_rate.metric, previous_rate.qualifies  # 同比分别增长6.4%和10.6%: one list
    if not metric and previous is not None:
        metric = previous.metric  # 2024年实现产值1.6亿元，今年前10个月已突破2.5亿元: the same metric
    return metric, qualifies


# A sentence with no figure can still set the story's period (今年前三季度，…。 then the figure).
_MAY_DATE = re.compile(r"[年月季日天]|以来|目前|至今")


def _own_clause(text: str, previous: Quantity | None, rate: Quantity) -> bool:
    """A rate qualifies the figure before it only within one clause run: not across ；or 。"""
    if previous is None:
        return False
    return not re.search(r"[；。！？]", text[previous.end : rate.start])


def _names_own_measure(metric: str) -> bool:
    """利润增长10%: a rate whose clause names its own measure is not the rate of the figure before it."""
    core = metric_key(metric)
    for word in ("增长", "下降", "增加", "减少", "提高", "提升", "上升", "回落", "加快", "放缓"):
        core = core.replace(word, "")
    return len(core) >= 2
