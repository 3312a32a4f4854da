"""PDFs as sources (统计公报, 年报, 公告): the text layer in reading order, each line's page, the tables as tables.

pdfplumber reads the text layer (chosen over pypdfium2 because it finds
tables, where a bulletin keeps most of its figures: bench/web.py,
bench/RESULTS.md). Each page is read top to bottom: its text lines as the
page has them (broken where the page breaks them; the layout rejoins them
into paragraphs downstream, as it does a page of pasted text) and each
table it finds, at its place on the page, as Markdown rows, so the one
table reader (reading/table.py) makes claims of the cells. Every line keeps
its page, which every report cites: a PDF has no paragraph numbers an
editor could find, but it has pages.

There is no OCR: a scanned PDF (no text layer) is refused in one line that
says so, and so are an encrypted or a damaged one. pdfplumber is imported
only for a PDF (`pip install 'factcheck[pdf]'`).
"""

from __future__ import annotations

import io
import re
from typing import Any

from ..errors import InputError
from ..i18n import _
from .word import Place, WordMap

MAGIC = b"%PDF-"
_FIGURE = re.compile(r"^[-−]?\d[\d,.]*$")
INSTALL = "pip install 'factcheck[pdf]'"


def is_pdf(data: bytes) -> bool:
    """A PDF by its header (`%PDF-` first, after blank bytes at most), whatever the file is called; an article
    that only mentions %PDF- somewhere is no PDF."""
    return data[:1024].lstrip(b"\x00\t\n\r\f ").startswith(MAGIC)


def render(data: bytes, name: str) -> tuple[str, WordMap]:
    """The text layer, page by page (tables as Markdown rows), and each line's page."""
    try:
        import pdfplumber
    except ImportError:
        raise InputError(_("{path}: reading PDFs needs pdfplumber: {install}").format(path=name, install=INSTALL)) from None
    lines: list[str] = []
    places: list[tuple[tuple[int, Place], ...]] = []
    chars = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            tables = 0
            for number, page in enumerate(pdf.pages, start=1):
                chars += len(page.chars)
                for kind, item in _page_items(page):
                    if kind == "break":
                        lines.append("")
                        places.append(())
                        continue
                    if kind == "text":
                        lines.append(item)
                        places.append(((1, Place(page=number, kind="pdf")),))
                        continue
                    tables += 1
                    for r, row in enumerate(item, start=1):
                        line = "|"
                        cells: list[tuple[int, Place]] = []
                        for c, cell in enumerate(row, start=1):
                            line += " "
                            cells.append((len(line) + 1, Place(page=number, table=tables, row=r, cell=c, kind="pdf")))
                            line += cell + " |"
                        lines.append(line)
                        places.append(tuple(cells))
                        if r == 1:
                            lines.append("|" + "---|" * len(row))
                            places.append(())
                    lines.append("")  # a table ends its block: the text after it is not its row
                    places.append(())
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises its own for a damaged or encrypted file
        if b"/Encrypt" in data:
            raise InputError(_("{path}: an encrypted (password-protected) PDF; save it without a password").format(
                path=name)) from None
        why = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise InputError(_("{path}: not a readable PDF ({why})").format(path=name, why=why)) from None
    if not chars:
        raise InputError(_("{path}: a PDF with no text layer (a scan?); factcheck reads text, it does no OCR").format(
            path=name))
    return "\n".join(lines) + "\n", WordMap(tuple(places), kind="pdf")


def _page_items(page: Any) -> list[tuple[str, Any]]:
    """The page's text lines and tables, top to bottom; a table's text is read once, as the table."""
    found = [t for t in page.find_tables() if len(t.rows) >= 2 and max(len(r.cells) for r in t.rows) >= 2]
    # A bulletin's table is often ruled only above and below its header and at its foot: the page's width at
    # the table's height is read as the table, its text's rows and columns found by their gaps.
    boxes = [(0, t.bbox[1], page.width, t.bbox[3]) for t in found]

    def outside(obj: dict[str, Any]) -> bool:
        x = (obj.get("x0", 0) + obj.get("x1", 0)) / 2
        y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    items: list[tuple[float, str, Any]] = []
    lines = [line for line in page.filter(outside).extract_text_lines(return_chars=False) if line["text"].strip()]
    if lines:
        left, right = min(line["x0"] for line in lines), max(line["x1"] for line in lines)
        em = sorted((line["x1"] - line["x0"]) / max(len(line["text"]), 1) for line in lines)[len(lines) // 2]
    for line in lines:
        # A paragraph's first line is indented, its last stops short of the margin: where the page's paragraphs
        # begin and end, which the layout needs to rejoin the lines between (a title or a caption is one short line).
        if line["x0"] > left + 1.5 * em:
            items.append((line["top"] - 0.1, "break", None))
        items.append((line["top"], "text", " ".join(line["text"].split())))
        if line["x1"] < right - 2 * em:
            items.append((line["top"] + 0.1, "break", None))
    for table, box in zip(found, boxes):
        rows = [[_cell(c) for c in row] for row in _rows(page, table, box)]
        rows = [r for r in rows if any(r)]
        if len(rows) >= 2:
            items.append((table.bbox[1], "table", rows))
    items.sort(key=lambda item: item[0])
    return [(kind, item) for _, kind, item in items]


def _rows(page: Any, table: Any, box: tuple[float, float, float, float]) -> list[list[str | None]]:
    """The table's rows by its rules; where its rules leave several lines in one cell (rows ruled off only at the
    header), by where its words stand instead."""
    rows: list[list[str | None]] = table.extract()
    if len(rows) >= 3 and not any(c and c.count("\n") >= 2 for row in rows for c in row):
        return rows
    by_words = _rows_by_words(page.crop(box).extract_words(x_tolerance=1.5))
    return by_words if len(by_words) > len(rows) else rows


def _rows_by_words(words: list[dict[str, Any]]) -> list[list[str | None]]:
    """Rows are words at one height; columns are the spans of the page no word crosses (a row header wider than
    the header above it, 农林牧渔业总产值 under 指标名称, widens its column rather than being cut); the lines above
    the first row with a figure are the header, a header cell written on two lines (产量 / 比上年增长) read as one."""
    if not words:
        return []
    spans: list[list[float]] = []
    for w in sorted(words, key=lambda w: w["x0"]):
        if spans and w["x0"] <= spans[-1][1] + 4:
            spans[-1][1] = max(spans[-1][1], w["x1"])
        else:
            spans.append([w["x0"], w["x1"]])
    lines: list[list[dict[str, Any]]] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and w["top"] - lines[-1][0]["top"] <= 3:
            lines[-1].append(w)
        else:
            lines.append([w])
    rows = []
    for line in lines:
        cells = ["" for _ in spans]
        for w in sorted(line, key=lambda w: w["x0"]):
            j = next(i for i, (a, b) in enumerate(spans) if a <= w["x0"] <= b)
            cells[j] += w["text"]
        rows.append(cells)
    first = next((i for i, r in enumerate(rows) if any(_FIGURE.match(c) for c in r[1:])), 0)
    header: list[str | None] = ["".join(r[j] for r in rows[: first or 1]) for j in range(len(spans))]
    body: list[list[str | None]] = [list(r) for r in rows[first or 1 :]]
    return [header, *body]


def _cell(text: str | None) -> str:
    """A cell's text on one line: its lines joined (a CJK cell wraps mid-word), `|` kept out of the row."""
    return "".join((text or "").split("\n")).strip().replace("|", "｜")
