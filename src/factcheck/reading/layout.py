"""Undoing the page layout: width, doubled print, column breaks, captions.

Newspaper pages arrive as PDF text: columns broken mid-sentence and
mid-number, headings printed twice, captions dropped between the halves of a
sentence. We rebuild clean paragraphs but keep, for every character, its
offset in the original file, so a citation still points at what the editor
sees when they open the source.

Text travels with its offsets as a string and an `array('I')` of the same
length (`Chars`): four bytes a character, where a (character, offset) pair
per character cost some 90 bytes and made a one-line draft of a few
megabytes need gigabytes before any figure was read.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

TERMINAL = "。！？…”」』"
_SENTENCE_PUNCT = re.compile(r"[，。！？；：]")
# Markdown furniture: heading marks, emphasis, link-only lines.
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_MD_LINK_LINE = re.compile(r"^\s*\[[^\]]*\]\([^)]*\)\s*$")
# A line in bold alone is a story's headline in broadcast transcripts (**1—3月国有企业营业总收入同比增长3.2%**).
_MD_BOLD_LINE = re.compile(r"^\s*\*\*[^*]+\*\*\s*$")
# 1. / 1、/ （1）/ - / * : a list item, whose figures belong to it alone (a news summary's headlines).
_MD_ITEM = re.compile(r"^\s*(?:\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[）)]|[-*+]\s)")
STANDALONE = ("title", "item", "cell")  # kinds that never join the sentence before or after them
DOUBLED_MAX = 30  # the longest chunk of doubled print looked for
_DOUBLED = re.compile(rf"(.{{1,{DOUBLED_MAX}}}?)\1+")
_TWINS = re.compile(r"(.)(?=\1)")  # a character and the same one next to it
_YEAR = re.compile(r"(?:19|20)\d\d")
# A numbered section of a long document (一、2020年工作回顾, （三）…, 第二部分): a heading of its own,
# never the start of the sentence after it (过去一年… begins with 过, which can continue a broken line).
# 一、, （二）, 第三部分, and 02 二零二三年上半年度业绩摘要 (a release's numbered part)
SECTION = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[部章节]"
                     r"|0[1-9](?=\s*[\u4e00-\u9fff]))")
HEADING_MAX = 30  # a block this short with no sentence punctuation is a heading or caption


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Clean paragraph text; `origin[i]` is the offset of `text[i]` in the original file."""

    text: str
    origin: Sequence[int]  # an array('I'): four bytes a character, not a tuple of int objects
    # "body"; "heading" (short, unpunctuated); "title" (a new story: a markdown heading, a line
    # in bold alone, or a long unpunctuated line); "item" (a list item: a scope of its own);
    # "cell" (a table's figure, as the sentence its headers make of it: reading/table.py).
    kind: str
    shown: str = ""  # for a cell: its row under the table's headers, which a claim quotes as its paragraph


# Full-width digits and letters become ASCII; ASCII sentence punctuation becomes Chinese.
_WIDTH = str.maketrans(
    {
        **{chr(c): chr(c - 0xFEE0) for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)) for c in range(r[0], r[1] + 1)},
        "％": "%", "﹪": "%", "｡": "。", "＋": "+", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）",
    }
)
# Marks that are a decimal point or thousands separator between digits and punctuation elsewhere.
_IN_FIGURE = {"．": ".", "，": ",", ",": ",", ":": ":"}
_IN_TEXT = {"．": "。", "，": "，", ",": "，", ":": "："}
_FIGURE_MARK = re.compile("[．，,:]")
_SPACES = " \t\u3000\u00a0\u2002\u2003\u2009"
_SPACE_RUN = re.compile(f"[{_SPACES}]+")

# Text and, for each of its characters, the offset in the original file.
Chars = tuple[str, array]


def _offsets(start: int, count: int) -> array:
    return array("I", range(start, start + count))


def _join(pieces: list[Chars]) -> Chars:
    """One piece of text from several, offsets concatenated in C."""
    if len(pieces) == 1:
        return pieces[0]
    origin = array("I")
    for _, o in pieces:
        origin.extend(o)
    return "".join([t for t, _ in pieces]), origin


def _cut(chars: Chars, drops: Iterable[tuple[int, int]]) -> Chars:
    """The text without the (start, end) spans in `drops` (in order, not overlapping), offsets kept."""
    text, origin = chars
    pieces: list[Chars] = []
    pos = 0
    for start, end in drops:
        pieces.append((text[pos:start], origin[pos:start]))
        pos = end
    if not pieces:
        return chars
    pieces.append((text[pos:], origin[pos:]))
    return _join(pieces)


def _without(chars: Chars, mark: str) -> Chars:
    """Markdown emphasis (*) is not article text."""
    if mark not in chars[0]:
        return chars
    return _cut(chars, ((m.start(), m.end()) for m in re.finditer(re.escape(mark), chars[0])))


def _figure_mark(m: re.Match[str]) -> str:
    line, i = m.string, m.start()
    between = 0 < i < len(line) - 1 and line[i - 1].isdigit() and line[i + 1].isdigit()
    return (_IN_FIGURE if between else _IN_TEXT)[m.group()]


def _normalise_line(line: str, start: int) -> Chars:
    """Width-normalise one line and drop spaces that layout put inside figures and words.

    Every mapping is one character to one character, so the line is
    translated whole (str.translate, not a Python loop per character) and
    only spaces change the offsets.
    """
    text = _FIGURE_MARK.sub(_figure_mark, line).translate(_WIDTH)
    if not _SPACE_RUN.search(text):
        return text, _offsets(start, len(text))
    pieces: list[Chars] = []
    prev = ""  # the last character kept so far
    pos = 0
    for m in _SPACE_RUN.finditer(text):
        if pos < m.start():
            pieces.append((text[pos : m.start()], _offsets(start + pos, m.start() - pos)))
            prev = text[m.start() - 1]
        pos = m.end()
        # Keep a space only between two ASCII words ("MES system"); in
        # Chinese text it is layout ("总投资 10亿元", "占地面积 75").
        nxt = text[pos] if pos < len(text) else ""
        if prev and nxt and prev.isascii() and prev.isalpha() and nxt.isascii() and nxt.isalpha():
            pieces.append((" ", _offsets(start + m.start(), 1)))
            prev = " "
        elif prev.isdigit() and nxt.isdigit() and not (_digits_before(text, m.start()) == _digits_after(text, pos) == 1):
            # A table's row printed as text (研发费用 117 276 379 431), a code (7213 91 10 00), a date and a
            # time: figures side by side, not one. Only a letter-spaced figure (2 0 2 3) is one.
            pieces.append((" ", _offsets(start + m.start(), 1)))
            prev = " "
    pieces.append((text[pos:], _offsets(start + pos, len(text) - pos)))
    return _join(pieces)


def _digits_before(text: str, end: int) -> int:
    i = end
    while i > 0 and text[i - 1].isdigit():
        i -= 1
    return end - i


def _digits_after(text: str, start: int) -> int:
    i = start
    while i < len(text) and text[i].isdigit():
        i += 1
    return i - start


def _printed_unit(m: re.Match[str]) -> str:
    """What was printed twice: 1111 is 11 twice (not 1 four times), 20202020 is 2020 twice."""
    unit = m.group(1)
    copies = len(m.group()) // len(unit)
    if copies >= 4 and copies % 2 == 0:
        return unit * (copies // 2)
    return unit


def _strong(unit: str) -> bool:
    """A repeat this long, or of punctuation, is layout, not language (一次次, 看看 are language)."""
    if unit.isdigit() or unit in ("…", "—", "-", "·", "."):
        return False  # …… and —— are Chinese punctuation written double, not doubled print
    return len(unit) >= 2 or not ("\u4e00" <= unit <= "\u9fff" or unit.isalnum())


def undouble(chars: Chars) -> Chars:
    """Collapse runs printed twice (`20222022年年`, `““1515分钟分钟””`) keeping the first copy's offsets.

    A run of adjacent repeats is collapsed when it carries clear evidence of
    doubled print: a repeated chunk of two or more characters, repeated
    punctuation, or a repeated year; a lone digit pair (11) or a reduplicated
    word (看看, 一次次, 高高兴兴) is left alone.
    """
    text = chars[0]
    if len(text) < 2:
        return chars
    copies = _second_copies(text)
    return _cut(chars, copies) if copies else chars


@lru_cache(maxsize=1 << 14)
def _second_copies(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of `text` that repeat what was just printed; remembered by line, as an editor's
    server reads every line of the draft again after each keystroke."""
    regions: list[list[re.Match[str]]] = []
    for m in _doubled_runs(text):
        if regions and regions[-1][-1].end() == m.start():
            regions[-1].append(m)
        else:
            regions.append([m])
    return tuple(_copies(regions))


def _copies(regions: list[list[re.Match[str]]]) -> Iterator[tuple[int, int]]:
    """The spans that are a second copy, in the regions with evidence of doubled print."""
    for region in regions:
        units = [_printed_unit(m) for m in region]
        evidence = len(region) >= 3 or any(_strong(u) for u in units) or any(
            u.isdigit() and ((len(u) >= 2 and len(region) >= 2) or _YEAR.fullmatch(u)) for u in units
        )
        if not evidence:
            continue
        for m, unit in zip(region, units):
            yield m.start() + len(unit), m.end()


def _doubled_runs(text: str) -> Iterator[re.Match[str]]:
    """What `_DOUBLED.finditer(text)` finds, trying the pattern only where a run can start.

    Tried at every position, the pattern costs thirty attempts a character:
    a quarter of all extraction time, for text that is almost never doubled.
    A chunk of two or more characters printed twice repeats its first bigram
    at most DOUBLED_MAX characters later, and a one-character chunk is two
    equal neighbours; only those positions are tried, leftmost first, as
    finditer would.
    """
    starts = {m.start() for m in _TWINS.finditer(text)}
    last_seen: dict[str, int] = {}
    for j in range(len(text) - 1):
        bigram = text[j : j + 2]
        k = last_seen.get(bigram)
        if k is not None and j - k <= DOUBLED_MAX:
            starts.add(k)
        last_seen[bigram] = j
    end = 0
    for i in sorted(starts):
        if i >= end and (m := _DOUBLED.match(text, i)):
            yield m
            end = m.end()


def _lines(text: str, start: int) -> list[tuple[str, int]]:
    lines = []
    pos = start
    for raw in text[start:].splitlines(keepends=True):
        lines.append((raw.rstrip("\r\n"), pos))
        pos += len(raw)
    return lines


# A block that starts with one of these continues the sentence before it.
CONTINUATION = "了的地得着过、，。；：）」』”个件家名项亿万元台套亩吨次人户位所座条处"


def _kind(chars: Chars) -> str:
    text = chars[0]
    if SECTION.match(text) and text.endswith("。") and len(text) <= HEADING_MAX and not re.search(r"[。！？，；]", text[:-1]):
        return "heading"  # （五）2020年政府性基金预算收入预计和支出安排。: a report's section, its full stop and all
    if text[-1] in TERMINAL or re.search(r"[。！？]", text):
        return "body"  # a heading or caption never holds a full stop
    if text[-1] in "：:":
        return "body"  # 今年发展的主要预期目标是： opens into the next block, which it introduces
    if len(text) <= HEADING_MAX:
        return "heading"
    return "body" if _SENTENCE_PUNCT.search(text) else "title"


def paragraphs(text: str, start: int = 0, markdown: bool = False, one_per_line: bool = False) -> list[Paragraph]:
    """Rebuild the article's paragraphs from page text.

    `one_per_line`: each line is a paragraph already, as a Word document is rendered (reading/word.py);
    nothing is rejoined.
    """
    blocks: list[Chars] = []
    kinds: list[str | None] = []  # a kind markdown decides (heading, bold line, list item), else None
    shown: dict[int, str] = {}  # a table cell's block: the row it stands in
    current: list[Chars] = []  # the lines of the block being read
    current_kind: str | None = None
    table: list[Chars] = []  # the rows of the table being read
    before: list[Chars] = []  # the last lines before it, which may caption it
    dated: Chars | None = None  # the last heading that names a period (2016年…统计公报), for an undated caption

    def close() -> None:
        nonlocal current, current_kind
        if current:
            blocks.append(_join(current))
            kinds.append(current_kind)
        current, current_kind = [], None

    def keep(chars: Chars) -> None:
        nonlocal before, dated
        from .table import dating

        before = [*before[-1:], chars]
        if dating(chars):
            dated = chars

    def close_table() -> None:
        from .table import cell_sentences

        for cell in cell_sentences(table, before[-2:], dated):
            shown[len(blocks)] = cell.shown
            blocks.append(cell.chars)
            kinds.append("cell")
        table.clear()

    for line, offset in _lines(text, start):
        if markdown and "|" in line and table_row(line):
            close()
            table.append(_drop_comments(line, offset))
            continue
        if table:
            close_table()
            before.clear()
        if markdown:
            if _MD_LINK_LINE.match(line):
                line = ""
            else:
                m = _MD_HEADING.match(line)
                bold = m is None and _MD_BOLD_LINE.match(line)
                if m or bold:
                    close()
                    skip = m.end() if m else 0
                    chars = _without(undouble(_normalise_line(line[skip:], offset + skip)), "*")
                    if chars[0]:
                        blocks.append(chars)
                        kinds.append("title")
                        keep(chars)
                    continue
                if _MD_ITEM.match(line):
                    close()
                    current_kind = "item"
        if markdown and "<!--" in line:
            chars = undouble(_drop_comments(line, offset))
        else:
            chars = undouble(_normalise_line(line, offset))
        if markdown and "*" in line:
            chars = _without(chars, "*")
        if not chars[0]:
            close()
            continue
        if markdown:
            keep(chars)
        current.append(chars)
        if one_per_line:
            close()
    close()
    if table:
        close_table()
    if one_per_line:
        return [Paragraph(b[0], b[1], k or _kind(b), shown.get(i, "")) for i, (b, k) in enumerate(zip(blocks, kinds))]
    return _join_blocks(blocks, kinds, shown)


def table_row(line: str) -> bool:
    """A Markdown table's row (`| 指标 | 2025年 |`), an editor's comment after it or not."""
    from .table import is_row

    return is_row(re.sub(r"<!--.*?-->", "", line))


def _drop_comments(line: str, offset: int) -> Chars:
    """HTML comments (editor notes, `<!-- factcheck: ignore -->`) are not article text."""
    pieces: list[Chars] = []
    pos = 0
    for m in re.finditer(r"<!--.*?-->", line):
        pieces.append(_normalise_line(line[pos : m.start()], offset + pos))
        pos = m.end()
    pieces.append(_normalise_line(line[pos:], offset + pos))
    return _join(pieces)


def _join_blocks(
    blocks: list[Chars], forced: list[str | None] | None = None, shown: dict[int, str] | None = None
) -> list[Paragraph]:
    """Rejoin a sentence that a column or page break split, stepping over captions in between.

    A short unpunctuated block between the halves of a sentence is a caption
    and is kept apart; but a short block that the next block continues
    (三宏也提出 / 了“租赁厂房早日生产”的想法), or that carries the sentence's own
    punctuation (“3+X”产业体系，即智能装备、汽车及零部 / 件、…), is a piece of it.
    """
    kinds = [k or _kind(b) for b, k in zip(blocks, forced or [None] * len(blocks))]
    for i in range(len(blocks)):
        nxt = blocks[i + 1][0][0] if i + 1 < len(blocks) else ""
        prev_open = i > 0 and kinds[i - 1] == "body" and blocks[i - 1][0][-1] not in TERMINAL
        if kinds[i] == "heading" and nxt and nxt in CONTINUATION and not prev_open and not SECTION.match(blocks[i][0]):
            # Its sentence goes on in the next block. (After an open sentence, the
            # next block more likely continues that one, past a caption.)
            kinds[i] = "body"
    out: list[Paragraph] = []
    held: list[tuple[Chars, str]] = []  # short blocks met while a sentence is still open
    # The pieces of a sentence still open, joined once it closes: adding block to block
    # copied the paragraph so far each time, for a paragraph of many short lines.
    open_body: list[Chars] | None = None

    def close() -> None:
        """The open sentence ends here: it, then the short blocks held while it was open."""
        nonlocal open_body, held
        if open_body is not None:
            out.append(_para(open_body, "body"))
        out.extend(_para(b, k) for b, k in held)
        open_body, held = None, []

    for i, (block, kind) in enumerate(zip(blocks, kinds)):
        if kind in STANDALONE:
            close()
            out.append(_para(block, kind, (shown or {}).get(i, "")))
            continue
        if open_body is not None and kind == "heading" and open_body[-1][0][-1] in "：:" and SECTION.match(block[0]):
            # 财政部公布2023年11月财政收支情况： then 一、… and （一）…: a lead-in its sections answer, not a sentence
            # the body after them goes on with.
            close()
        if open_body is not None:
            if kind == "heading" and len(held) < 6:
                held.append((block, kind))
                continue
            if kind == "body" or not held:
                open_body.extend(piece for piece, _ in held if _is_fragment(piece))
                held = [(b, k) for b, k in held if not _is_fragment(b)]
                open_body.append(block)
                if block[0][-1] in TERMINAL:
                    close()
                continue
            close()
        if kind == "body" and block[0][-1] not in TERMINAL:
            open_body = [block]
            continue
        out.append(_para(block, kind))
    close()
    return out


def _is_fragment(block: Chars) -> bool:
    """A held short block with a sentence's inner punctuation (，、) and a quote is part of it, not a caption."""
    text = block[0]
    return bool(re.search(r"[，、]", text)) and "“" in text


def _para(chars: Chars | list[Chars], kind: str, shown: str = "") -> Paragraph:
    text, origin = _join(chars) if isinstance(chars, list) else chars
    return Paragraph(text, origin, kind, shown)


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int  # offset of text[0] within its paragraph
    paragraph: int  # index of the paragraph in the document


def sentences(paragraph: Paragraph, index: int) -> list[Sentence]:
    """Split a paragraph at sentence-final punctuation (a closing quote stays with its sentence)."""
    out: list[Sentence] = []
    pos = 0
    text = paragraph.text
    # 】 closes a bracketed headline (【…已致78人死亡】财联社6月18日电，…): the headline is a sentence of its own.
    for m in re.finditer(r"[。！？；]+[”’」』]?|…{2,}[”’」』]?|】(?=[^\s，。；、）)】])", text):
        if m.end() > pos:
            out.append(Sentence(text[pos : m.end()], pos, index))
            pos = m.end()
    if pos < len(text):
        out.append(Sentence(text[pos:], pos, index))
    return [s for s in out if s.text.strip()]


class LineIndex:
    """1-based line and column of an offset in the original file, by bisection over its line starts.

    Counting newlines from the start for every figure made a large file's
    extraction quadratic; the starts are found once per file.
    """

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_column(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1
