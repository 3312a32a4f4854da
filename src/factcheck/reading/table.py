"""Tables: every cell with a number read as the sentence its row and column headers make of it.

A statistical bulletin keeps most of its figures in tables, and a table is
no prose: `| 地区生产总值 | 98 | 8.1 |` under `| 指标 | 2025年 | 比上年增长（%） |`,
captioned `表1 2025年平湖市主要经济指标（单位：亿元）`. The one reader here, for
Markdown tables and Word tables alike (reading/word.py renders those as
Markdown rows), makes of each number a sentence a reporter might have
written — `2025年地区生产总值98亿元。`, `2025年地区生产总值比上年增长8.1%。` — so
the claim extractor gives it a metric, a period and a subject by the same
rules as prose, and a draft's sentence and a source's cell meet as one fact.

Each character of the sentence keeps the offset in the file of the character
it was taken from (the header's, the cell's), as every paragraph does
(reading/layout.py): the figure is cited at its cell. The claim's evidence is
the row under its headers, as the table shows it.
"""

from __future__ import annotations

import itertools
import re
from array import array
from dataclasses import dataclass

Chars = tuple[str, array]  # text and each character's offset in the file (layout.Chars)

ROW = re.compile(r"^\s*\|.*\|\s*$")
_SEPARATOR = re.compile(r"^\|?(?::?-+:?\|)*:?-+:?\|?$")  # spaces are gone by the time a row is read
CAPTION_MAX = 80  # a line before the table this long or shorter may be its caption
_UNIT_LINE = re.compile(r"单位[:：]\s*([^\s，,。；;）)】]+)")
# The period a caption or header names: 2025年, 2025年1-11月, 2025年上半年, 前三季度, 1-11月.
PERIOD = re.compile(
    r"(?:(?:19|20)\d\d年(?:\d{1,2}[-—–~至]\d{1,2}月|前?\d{1,2}个?月(?:份|末|底)?|[一二三四1-4]季度|上半年|下半年|前三季度|全年|末|底)?"
    r"|\d{1,2}[-—–~至]\d{1,2}月|前三季度|上半年|下半年|[一二三四]季度)"
)
_BARE_YEAR = re.compile(r"(?:19|20)\d\d[EAF]?")  # 2022E, 2022F: a forecast's year; 2021A: an actual's
_PAREN_UNIT = re.compile(r"[（(]([^（）()]{1,8})[）)]$")
_UNIT_WORD = re.compile(r"元|%|‰|人|个|家|吨|亩|米|辆|台|件|户|次|瓦|万|亿|倍|项|套|座|公里|平方|千克|公斤|立方|升|架|艘|所|张|篇|部|条")
_RATE = re.compile(r"增长|增速|增幅|下降|比重|占比|率|同比|环比")
_UNIT_HEADER = ("单位", "计量单位")
_GENERIC = re.compile(r"^(?:绝对数|绝对值|数值|总量|金额|数量|本期|本年|指标值|完成值|数据|合计数)$")
_FALLS_AS = {"增长": "下降", "上涨": "下降", "增加": "减少", "提高": "下降", "上升": "下降"}
_FALLS = tuple(_FALLS_AS)
_ROW_LEAD = re.compile(r"^(?:其中[:：]?|#|\d{1,2}[.、．]|[（(]\d{1,2}[）)])")
# A number alone in its cell, or with a unit of a few characters after it (98亿元, 8.1%).
_NUMBER = re.compile(r"^([-−+]?\d+(?:,\d{3})*(?:\.\d+)?)([^\d]{0,4})$")


@dataclass(frozen=True, slots=True)
class CellSentence:
    """One numeric cell as a sentence (with the file offset of every character) and the row it stands in."""

    chars: Chars
    shown: str  # the caption, the header row and the cell's row, as the table shows them, on one line


_DAY = re.compile(r"\d{1,2}月\d{1,2}日")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")


def dating(line: Chars) -> bool:
    """A heading that dates the tables under it: short, no sentence, a period in it, and not the day it was
    published (2017年3月16日 under a bulletin's title dates the bulletin, not its tables)."""
    # 人口（2020年底） in a page's infobox: a label's own period, in brackets, dates that label only.
    unbracketed = _BRACKETED.sub("", line[0])
    return (_is_caption(line[0]) and len(line[0]) <= 40 and not _DAY.search(line[0])
            and _caption_period([(unbracketed, array("I", range(len(unbracketed))))]) is not None)


def is_row(line: str) -> bool:
    return bool(ROW.match(line))


def cell_sentences(rows: list[Chars], before: list[Chars], dated: Chars | None = None) -> list[CellSentence]:
    """The sentences of a table's numeric cells, row by row; `before` is what came just before it (its caption),
    `dated` the last heading before it that names a period (2016年国民经济和社会发展统计公报), for a table whose
    caption names none."""
    table = [_cells(r) for r in rows if not _SEPARATOR.match(r[0])]
    if len(table) < 2:
        return []
    # The header is the last row before the first that holds a figure: rows above it title the table (a
    # page's 雄安新区 / 地图 rows above 行政区划 | 面积（平方公里） | 人口（万人）).
    first = next((i for i, r in enumerate(table) if any(_figure(c) for c in r[1:])), 1)
    top = max(first - 1, 0)
    header, body = [_without_notes(c) for c in table[top]], table[top + 1 :]
    titles = [_joined(r) for r in table[:top]]
    captions = [c for c in [*before, *titles] if c[0] and _is_caption(c[0])]
    unit = _caption_unit(captions)
    period = _caption_period(captions) or (_caption_period([dated]) if dated is not None else None)
    unit_column = next((j for j, h in enumerate(header) if h[0] in _UNIT_HEADER), None)
    # One line, rows apart by " / ", as every report quotes a paragraph on a line of its own.
    shown_head = " ".join(c[0] for c in captions) + (" / " if captions else "") + _shown(header)
    out: list[CellSentence] = []
    # 货物运输总量 | 亿吨 | 2.92, then #铁路 | 亿吨 | 0.80, 水运, 公路: the rows under a total that name only a
    # kind of it (where the value columns name no measure) are that total's parts, 铁路货物运输量
    generic = all(_GENERIC.match(h[0]) or _RATE.search(h[0]) or _is_period(h[0]) or j == unit_column
                  for j, h in enumerate(header) if j > 0)
    parent: Chars | None = None
    previous_heads: dict[int, Chars] = {}  # the last measure's label in each column a label stands in
    carrying = False
    for row in body:
        years = [j for j, c in enumerate(row) if _BARE_YEAR.fullmatch(c[0])]
        if len(years) >= 2 and years == list(range(years[0], years[-1] + 1)):
            # 2020 | 2021 | 2022E over the columns of a table set beside another on the page: those columns'
            # header from here on; what the row has before them is the other table's
            header = [row[j] if j in years else (header[j] if j < len(header) else ("", array("I")))
                      for j in range(max(len(header), len(row)))]
            row = row[: years[0]]
        row = _label_apart(row, len(header))
        start = next((j for j in range(1, len(row)) if _figure(row[j])), len(row))
        # The row's label is the last cell with words before its figures: 保定市 | 安新县 | | 724 is 安新县's; a
        # label spanning rows (保定市) is printed once, and the rows under it start with an empty cell.
        at, label = next(((j, c) for j, c in reversed(list(enumerate(row[:start]))) if c[0] and j != unit_column),
                         (0, None))
        if label is None:
            continue
        glued = None
        m = _LABEL_AND_FIGURE.match(label[0]) if at > 0 else None
        if m and not _is_period(m.group(2)):
            # 营业收入(百万元)746 where the page's columns ran together: the label, and the figure of its column
            label, glued = (m.group(1), label[1][: m.end(1)]), (at, (label[0][m.start(2) :], label[1][m.start(2) :]))
        head, row_unit_given = _unit_apart(_strip_lead(_without_notes(label)))
        above = previous_heads.get(at)
        if _GROWTH_ROW.fullmatch(head[0]) and above is not None:
            # (+/-)YOY under 营业收入(百万元), in the same column: that row's measure's growth
            head = (above[0] + "同比增长", above[1] + array("I", above[1][-1:]) * 4)
            row_unit_given = ("%", array("I", head[1][-1:]))
        else:
            previous_heads[at] = head
        if generic and _TOTAL_ROW.search(head[0]):
            parent, carrying = head, False
        elif generic and parent is not None and (head is not row[0] or carrying) and _A_KIND.fullmatch(head[0]):
            carrying = True
            head = _kind_of(head, parent)
        else:
            parent, carrying = None, False
        row_period = head if _is_period(head[0]) else None
        shown = shown_head + " / " + _shown(row)
        cells = [(j, row[j]) for j in range(max(start, 1), len(row))]
        if glued is not None:
            cells.insert(0, glued)
        for j, cell in cells:
            if j == unit_column:
                continue
            m = _number(cell)
            if m is None:
                continue
            column = header[j] if j < len(header) else ("", array("I"))
            row_unit = row[unit_column] if unit_column is not None and unit_column < len(row) else row_unit_given
            chars = _sentence(head, column, cell, m, row_period or period, unit, row_unit)
            if chars is not None:
                out.append(CellSentence(chars, shown))
    return out


def _number(cell: Chars) -> re.Match[str] | None:
    """A number alone in its cell, with a unit or none (98亿元, 8.1%), not one with other words after it."""
    m = _NUMBER.match(cell[0])
    return None if m is None or (m.group(2) and not _UNIT_WORD.search(m.group(2))) else m


def _figure(cell: Chars) -> bool:
    """A cell that is a figure the reader keeps: a number, not a year heading a column."""
    return _number(cell) is not None and not _is_period(cell[0])


def _joined(row: list[Chars]) -> Chars:
    """A title row's words on one line (its spanning cell, and the empty ones beside it)."""
    cells = [c for c in row if c[0]]
    origin = array("I")
    for c in cells:
        origin.extend(c[1])
    return "".join(c[0] for c in cells), origin


_NOTES = re.compile(r"\[(?:注\s*)?\d+\]")  # a reference mark: 安新县[71], 地图[注 1]


def _without_notes(chars: Chars) -> Chars:
    text, origin = chars
    keep = [i for i in range(len(text)) if not any(m.start() <= i < m.end() for m in _NOTES.finditer(text))]
    return "".join(text[i] for i in keep), array("I", (origin[i] for i in keep))


def _unit_apart(head: Chars) -> tuple[Chars, Chars | None]:
    """营业收入(百万元): the row's measure and its unit, which its cells are given in."""
    text, origin = head
    pm = _PAREN_UNIT.search(text)
    if not pm or not _UNIT_WORD.search(pm.group(1)):
        return head, None
    return (text[: pm.start()], origin[: pm.start()]), (pm.group(1), origin[pm.start(1) : pm.end(1)])


# 营业收入(百万元)746 when a page's columns run together: the label, then the row's first figure.
_LABEL_AND_FIGURE = re.compile(r"^(.*[^\d\s.,+\-−])\s*([-−+]?\d+(?:,\d{3})*(?:\.\d+)?%?)$")


def _label_apart(row: list[Chars], columns: int) -> list[Chars]:
    """A first cell holding the label and the first figure, in a row a cell short of its header, split in two."""
    if not row or len(row) >= columns:
        return row
    m = _LABEL_AND_FIGURE.match(row[0][0])
    if not m or _is_period(m.group(2)):
        return row
    text, origin = row[0]
    cut = m.start(2)
    return [(m.group(1), origin[: m.end(1)]), (text[cut:], origin[cut:]), *row[1:]]


# (+/-)YOY, YoY, 同比(%), 增长率: a row giving the growth of the measure in the row above it
_GROWTH_ROW = re.compile(r"[（(]?[+＋]?/?[-－]?[)）]?\s*(?:YOY|YoY|yoy|同比|增长率|增速)\s*[（(]?%?[)）]?")


_TOTAL_ROW = re.compile(r"[量额]$")  # 货物运输总量, 旅客运输周转量, 房地产开发投资额: a measure its kinds divide
# a kind of it, named alone (铁路, 水运, 内资企业), not another measure (短期贷款, 本年到位资金)
_A_KIND = re.compile(r"[\u4e00-\u9fff]{1,4}(?<![量额值数率积款金入出资])")


def _kind_of(head: Chars, parent: Chars) -> Chars:
    """A kind's row header with its total's measure: 铁路 under 货物运输总量 is 铁路货物运输量."""
    text, origin = parent
    m = re.search(r"总(?=[量额数]$)", text)
    if m:
        text, origin = text[: m.start()] + text[m.end() :], origin[: m.start()] + origin[m.end() :]
    return head[0] + text, head[1] + origin


def _cells(row: Chars) -> list[Chars]:
    """The cells of `| a | b |`, each with its offsets."""
    text, origin = row
    bounds = [-1] + [i for i, ch in enumerate(text) if ch == "|"] + [len(text)]
    cells = [_trim((text[a + 1 : b], origin[a + 1 : b])) for a, b in itertools.pairwise(bounds)]
    if text.lstrip().startswith("|"):
        cells = cells[1:]
    if text.rstrip().endswith("|"):
        cells = cells[:-1]
    return cells


def _trim(chars: Chars) -> Chars:
    text, origin = chars
    lead = len(text) - len(text.lstrip())
    tail = len(text.rstrip())
    return text[lead:tail], origin[lead:tail]


def _strip_lead(chars: Chars) -> Chars:
    m = _ROW_LEAD.match(chars[0])
    return (chars[0][m.end():], chars[1][m.end():]) if m else chars


def _shown(cells: list[Chars]) -> str:
    return "| " + " | ".join(c[0] for c in cells) + " |"


def _is_caption(text: str) -> bool:
    """A line that may caption a table: short, and no sentence (1-12月，工业品…下降2.1%。 is prose)."""
    return len(text) <= CAPTION_MAX and "。" not in text


def _caption_unit(captions: list[Chars]) -> str:
    for text, _ in reversed(captions):
        m = _UNIT_LINE.search(text)
        if m:
            return m.group(1)
    return ""


def _caption_period(captions: list[Chars]) -> Chars | None:
    for text, origin in reversed(captions):
        m = None if _DAY.search(text) else PERIOD.search(text)
        if m:
            return text[m.start() : m.end()], origin[m.start() : m.end()]
    return None


def _is_period(text: str) -> bool:
    return bool(PERIOD.fullmatch(text) or _BARE_YEAR.fullmatch(text))


def _as_period(chars: Chars) -> Chars:
    """A header of a bare year (2025) is that year: 2025年, the 年 placed at the year's last digit."""
    text, origin = chars
    if _BARE_YEAR.fullmatch(text):
        if text[-1] in "EF":  # 2022E: the year a forecast is for (预计 makes it one to the claim's modality)
            return "预计" + text[:-1] + "年", array("I", origin[:1]) * 2 + origin[:-1] + array("I", origin[-1:])
        if text[-1] == "A":
            text, origin = text[:-1], origin[:-1]
        return text + "年", origin + array("I", origin[-1:])
    return chars


def _sentence(
    head: Chars, column: Chars, cell: Chars, m: re.Match[str], period: Chars | None, unit: str, row_unit: Chars | None
) -> Chars | None:
    """`{period}{row header}{column header}{figure}{unit}。` with each piece's offsets; None for a cell that is no figure."""
    col_text, col_origin = column
    col_unit = ""
    pm = _PAREN_UNIT.search(col_text)
    if pm and _UNIT_WORD.search(pm.group(1)):
        col_unit = pm.group(1)
        col_text, col_origin = col_text[: pm.start()], col_origin[: pm.start()]
    elif col_text.endswith(("%", "％")):
        col_unit, col_text, col_origin = "%", col_text[:-1], col_origin[:-1]
    pieces: list[Chars] = []
    if _is_period(col_text):
        pieces.append(_as_period((col_text, col_origin)))
        col_text, col_origin = "", array("I")
    elif period is not None and not _is_period(head[0]):
        pieces.append(period)
    if _GENERIC.match(col_text):
        col_text, col_origin = "", array("I")
    if head[0] and _is_period(head[0]):
        pieces.insert(0, _as_period(head))
    else:
        pieces.append(head)
    number, suffix = m.group(1), m.group(2)
    value_origin = cell[1]
    last = array("I", value_origin[-1:])
    negative = number[0] in "-−"
    if negative and col_text.endswith(_FALLS):  # 增长-3.2% is written 下降3.2%
        col_text = col_text[:-2] + _FALLS_AS[col_text[-2:]]
        number, value_origin = number[1:], value_origin[1:]
    pieces.append((col_text, col_origin))
    # A 单位 column gives the unit of the row's quantity, not of its growth beside it (吨 | 1577693 | 48.8 under
    # 单位 | 产量 | 增长): a rate column's cell is a percentage unless the cell or its header says otherwise.
    rate = "%" if _RATE.search(col_text) else ""
    given = suffix or col_unit or rate or (row_unit[0] if row_unit is not None and row_unit[0] else "") or unit
    if not given and not (col_text or head[0]):
        return None
    written = number + suffix
    pieces.append((written, value_origin[: len(written)]))
    tail = ("" if suffix else given) + "。"
    pieces.append((tail, last * len(tail)))
    text = "".join(p[0] for p in pieces)
    origin = array("I")
    for p in pieces:
        origin.extend(p[1])
    return text, origin
