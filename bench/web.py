"""Real web pages and PDFs as sources (issue #28): which extractor, what each page yields, one table by hand.

    .venv/bin/python bench/web.py --compare PAGE.html ...        # trafilatura against selectolax, page by page
    .venv/bin/python bench/web.py FILE.html|FILE.pdf ...         # a line per file as factcheck reads it
    .venv/bin/python bench/web.py FILE --table 2                 # that table's cells beside the claims read there
    .venv/bin/python bench/web.py --pdf-compare FILE.pdf ...     # pdfplumber against pypdfium2: text, tables, time
    .venv/bin/python bench/web.py --page-of FILE.pdf OUT.html    # the bulletin as its statistics bureau's page

The comparisons also need the two libraries not chosen (`pip install selectolax pypdfium2`).
The pages and PDFs are other people's (public repositories; bench/RESULTS.md
says where each came from) and stay out of this repository.

How the extractors are compared, with no hand-made gold text: the page's
*article sentences* are its visible text blocks that hold a 。 and at least 15
Chinese characters and are not a link's text; *kept* is the share of their
characters an extractor's output holds. *Boilerplate* is the share of the
output's characters in lines that are, whole, a link's text on the page (a
menu, a list of related stories, a footer's links) or a line of the page's
furniture (版权所有, ICP备, 主办单位, 分享到, 上一篇/下一篇).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from factcheck.errors import InputError
from factcheck.extract.claims import extract
from factcheck.reading.source import document_from_bytes

CJK = re.compile(r"[\u4e00-\u9fff]")
FURNITURE = re.compile(r"版权所有|ICP备|主办单位|承办单位|分享到|上一篇|下一篇|网站地图|联系我们|扫一扫|打印本页|关闭窗口|责任编辑")
NUMBER = re.compile(r"^[-−]?\d+(?:,\d{3})*(?:\.\d+)?$")
DROP = ("script", "style", "noscript", "iframe", "nav", "header", "footer", "aside", "form", "select", "button")


def _visible_blocks(html: bytes) -> tuple[list[str], set[str]]:
    """The page's text blocks (one per block element) and the text of every link, with selectolax."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for tag in ("script", "style", "noscript"):
        for node in tree.css(tag):
            node.decompose()
    links = {" ".join(a.text(deep=True).split()) for a in tree.css("a")}
    blocks = []
    for node in tree.css("p, li, td, h1, h2, h3, div"):
        if _holds_blocks(node):  # only leaves: a block's own text once
            continue
        text = " ".join(node.text(deep=True).split())
        if text:
            blocks.append(text)
    return blocks, {t for t in links if t}


BLOCKS = {"p", "div", "li", "td", "table", "h1", "h2", "h3"}


def _holds_blocks(node) -> bool:  # type: ignore[no-untyped-def]
    return any(d.tag in BLOCKS for d in node.traverse() if d.mem_id != node.mem_id)


def article_sentences(blocks: list[str], links: set[str]) -> list[str]:
    return [b for b in blocks if "。" in b and len(CJK.findall(b)) >= 15 and b not in links]


def by_trafilatura(html: bytes) -> str:
    import trafilatura

    from factcheck.reading.web import _config

    return trafilatura.extract(html, include_tables=True, include_comments=False, config=_config()) or ""


def by_selectolax(html: bytes) -> str:
    """The best a plain parser does: drop the page's furniture elements, take the element whose own paragraphs
    hold the most text, and read its paragraphs, headings, list items and table rows."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for tag in DROP:
        for node in tree.css(tag):
            node.decompose()
    best, best_score = None, 0
    for node in tree.css("div, article, section, td"):
        score = sum(len(CJK.findall(p.text(deep=True))) for p in node.iter() if p.tag in ("p", "br", "span", "font"))
        score += len(CJK.findall(node.text(deep=False)))
        if score > best_score:
            best, best_score = node, score
    root = best or tree.body
    if root is None:
        return ""
    lines = []
    for node in root.css("p, h1, h2, h3, h4, li, tr"):
        if node.tag == "tr":
            lines.append(" | ".join(" ".join(td.text(deep=True).split()) for td in node.css("td, th")))
        elif not any(d.tag in ("p", "li", "tr") for d in node.traverse() if d.mem_id != node.mem_id):
            lines.append(" ".join(node.text(deep=True).split()))
    if not lines:
        lines = [" ".join(root.text(deep=True).split())]
    return "\n".join(line for line in lines if line)


def _score(output: str, sentences: list[str], links: set[str]) -> tuple[float, float]:
    flat = "".join(output.split())
    want = sum(len(s) for s in sentences)
    kept = sum(len(s) for s in sentences if "".join(s.split()) in flat)
    lines = [" ".join(line.split()) for line in output.splitlines() if line.strip()]
    junk = sum(len(line) for line in lines if line in links or (FURNITURE.search(line) and len(line) < 60))
    total = sum(len(line) for line in lines) or 1
    return (kept / want if want else 1.0), junk / total


def compare(paths: list[Path]) -> None:
    print("| page | article sentences (chars) | trafilatura kept | boilerplate | ms | selectolax kept | boilerplate | ms |")
    print("|---|---|---|---|---|---|---|---|")
    sums = {"t": [0.0, 0.0, 0.0], "s": [0.0, 0.0, 0.0]}
    for path in paths:
        html = path.read_bytes()
        blocks, links = _visible_blocks(html)
        sentences = article_sentences(blocks, links)
        row = [path.name, f"{len(sentences)} ({sum(len(s) for s in sentences):,})"]
        for key, fn in (("t", by_trafilatura), ("s", by_selectolax)):
            fn(html)  # warm: imports and first-call caches are not the page's cost
            started = time.perf_counter()
            for _ in range(3):
                out = fn(html)
            ms = (time.perf_counter() - started) / 3 * 1000
            kept, junk = _score(out, sentences, links)
            sums[key][0] += kept
            sums[key][1] += junk
            sums[key][2] += ms
            row += [f"{kept:.0%}", f"{junk:.1%}", f"{ms:.0f}"]
        print("| " + " | ".join(row) + " |")
    n = len(paths) or 1
    t, s = sums["t"], sums["s"]
    print(f"| **mean** | | **{t[0] / n:.0%}** | **{t[1] / n:.1%}** | {t[2] / n:.0f} | **{s[0] / n:.0%}** | "
          f"**{s[1] / n:.1%}** | {s[2] / n:.0f} |")


def pdf_compare(paths: list[Path]) -> None:
    import pdfplumber
    import pypdfium2

    print("| file | pages | pdfplumber chars | tables found | s | pypdfium2 chars | s |")
    print("|---|---|---|---|---|---|---|")
    for path in paths:
        started = time.perf_counter()
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
            chars = sum(len(CJK.findall(p.extract_text() or "")) for p in pdf.pages)
            tables = sum(len(p.find_tables()) for p in pdf.pages)
        plumber = time.perf_counter() - started
        started = time.perf_counter()
        doc = pypdfium2.PdfDocument(str(path))
        pchars = sum(len(CJK.findall(doc[i].get_textpage().get_text_range())) for i in range(len(doc)))
        doc.close()
        pdfium = time.perf_counter() - started
        print(f"| {path.name} | {pages} | {chars:,} | {tables} | {plumber:.2f} | {pchars:,} | {pdfium:.2f} |")


def page_of(pdf_path: Path, out: Path) -> None:
    """A real bulletin published as a web page, as statistics bureaus publish the PDF's text beside it: a menu, the
    bulletin's lines as paragraphs and its tables as HTML tables (cells as factcheck's PDF reader finds them), a
    footer. No real saved page with a data table turned up; this one's text and figures are real."""
    import html

    import pdfplumber

    from factcheck.reading.pdf import _rows

    parts = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            tables = [t for t in page.find_tables() if len(t.rows) >= 2]
            boxes = [(0, t.bbox[1], page.width, t.bbox[3]) for t in tables]

            def outside(obj, boxes=boxes):  # type: ignore[no-untyped-def]
                y = (obj.get("top", 0) + obj.get("bottom", 0)) / 2
                return not any(b[1] <= y <= b[3] for b in boxes)

            items = [(line["top"], "<p>" + html.escape(line["text"]) + "</p>")
                     for line in page.filter(outside).extract_text_lines()]
            for table, box in zip(tables, boxes):
                rows = _rows(page, table, box)
                cells = "".join("<tr>" + "".join(f"<td>{html.escape(c or '')}</td>" for c in row) + "</tr>"
                                for row in rows if any(row))
                items.append((box[1], f'<table class="MsoNormalTable" border="1">{cells}</table>'))
            parts += [text for _, text in sorted(items)]
    nav = "".join(f'<li><a href="/{i}/">{n}</a></li>' for i, n in enumerate(("首页", "统计数据", "统计公报", "统计分析")))
    out.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>统计公报</title>'
        '<meta name="PubDate" content="2024-05-07 10:00"></head><body>'
        f'<ul class="nav">{nav}</ul><div class="TRS_Editor">' + "\n".join(parts) + "</div>"
        '<div class="footer"><p>主办单位：统计局 版权所有</p></div></body></html>', encoding="utf-8")
    print(f"{out}: {len(parts)} blocks")


def survey(path: Path) -> str:
    data = path.read_bytes()
    started = time.perf_counter()
    try:
        doc = document_from_bytes(data, path.name, require_date=False)
    except InputError as exc:
        return f"{path.name}: {len(data):,} bytes; refused: {exc}"
    claims = list(extract(doc))
    seconds = time.perf_counter() - started
    cjk = len(CJK.findall(doc.text))
    where = doc.word
    in_tables = sum(1 for c in claims if where and (p := where.place(c.line, c.column)) and p.table)
    url = where.url if where is not None else ""
    return (f"{path.name}: {len(data):,} bytes, {doc.encoding}; published {doc.published}"
            f"{' (inferred)' if doc.date_inferred else ''}; url {url or '—'}; {doc.text.count(chr(10))} lines, "
            f"{cjk:,} CJK characters, {len(claims)} claims ({in_tables} in tables), {seconds:.2f} s")


def table(path: Path, number: int) -> None:
    """Each numeric cell of table `number`, as the rendered table row holds it, beside the claim read there."""
    data = path.read_bytes()
    doc = document_from_bytes(data, path.name, require_date=False)
    where = doc.word
    assert where is not None
    by_cell = {}
    for c in extract(doc):
        p = where.place(c.line, c.column)
        if p is not None and p.table == number:
            by_cell[(p.row, p.cell)] = c
    cells_by_place: dict[tuple[int, int], str] = {}
    lines = doc.text.split("\n")
    for i, pieces in enumerate(where.lines):
        for k, (start, place) in enumerate(pieces):
            if place.table != number:
                continue
            end = pieces[k + 1][0] - 1 if k + 1 < len(pieces) else len(lines[i]) + 1
            cells_by_place[(place.row, place.cell)] = lines[i][start - 1 : end - 1].strip().strip("|").strip()
    cells = right = 0
    print("| row | cell | in the table | claim | unit | metric | period |")
    print("|---|---|---|---|---|---|---|")
    for (r, k), text in sorted(cells_by_place.items()):
        text = "".join(text.split())
        if not NUMBER.match(text) or k == 1:
            continue
        cells += 1
        c = by_cell.get((r, k))
        if c is None:
            print(f"| {r} | {k} | {text} | — | | | |")
            continue
        same = abs(Decimal(text.replace(",", "").replace("−", "-"))) == Decimal(re.sub(r"[^\d.]", "", c.text) or "0")
        right += same
        period = c.period.label if c.period else "—"
        print(f"| {r} | {k} | {text} | {c.text} | {c.unit} | {c.metric} | {period} |" + ("" if same else " value differs"))
    print(f"\n{cells} numeric cells, {len(by_cell)} claims in the table, {right} with the cell's value")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--compare", action="store_true", help="trafilatura against selectolax on these pages")
    parser.add_argument("--pdf-compare", action="store_true", help="pdfplumber against pypdfium2 on these PDFs")
    parser.add_argument("--page-of", nargs=2, type=Path, metavar=("PDF", "OUT"), help="write the PDF as a web page")
    parser.add_argument("--table", type=int, help="print this table's cells beside their claims (1 is the first)")
    args = parser.parse_args()
    if args.page_of:
        page_of(*args.page_of)
    elif args.compare:
        compare(args.files)
    elif args.pdf_compare:
        pdf_compare(args.files)
    else:
        for path in args.files:
            if args.table:
                table(path, args.table)
            else:
                print(survey(path))


if __name__ == "__main__":
    main()
