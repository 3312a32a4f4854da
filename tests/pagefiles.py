"""Web pages and PDFs for the tests, built from Markdown articles: the same article in each form.

A page is what a government site serves: a navigation bar, a list of related
stories, the article in its content block and a footer, its date and address in
the head. A PDF is written by hand (no PDF library writes Chinese without a
font file): each character drawn as a glyph of an unembedded CID font whose
ToUnicode map says which character it is, which is all a text layer is.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_SEPARATOR = re.compile(r"\|?(\s*:?-+:?\s*\|)+\s*")

NAV = ("首页", "政务公开", "政务服务", "互动交流", "走进平湖")
RELATED = ("平湖经开区召开2024年度工作总结会", "我区5家企业入选省级专精特新名单", "2023年平湖经开区GDP增长12%")
FOOTER = "主办单位：平湖经济技术开发区管委会　版权所有　浙ICP备12345678号"


def markdown_blocks(text: str) -> Iterator[tuple[str, str, list[list[str]]]]:
    """A Markdown article's blocks in order, front matter aside: ("heading", its text, []), ("table", "", its
    rows of cells), or ("line", the line as written, []) for any other line that is not blank."""
    rows: list[list[str]] = []
    for line in [*_FRONT_MATTER.sub("", text).splitlines(), ""]:
        line = line.strip()
        if line.startswith("|"):
            if not _SEPARATOR.fullmatch(line):
                rows.append([c.strip() for c in line.strip("|").split("|")])
            continue
        if rows:
            yield "table", "", rows
            rows = []
        if line.startswith("#"):
            yield "heading", line.lstrip("#").strip(), []
        elif line:
            yield "line", line, []


def html_from_markdown(text: str, head: str = "", url: str = "") -> bytes:
    """A government page holding the article: `#` a heading, `| a | b |` a table, every other line a paragraph."""
    body: list[str] = []
    for kind, line, rows in markdown_blocks(text):
        if kind == "table":
            cells = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows)
            body.append(f'<table class="MsoNormalTable" border="1">{cells}</table>')
        elif kind == "heading":
            body.append(f"<h1>{html.escape(line)}</h1>")
        elif line.startswith("<!--"):
            body.append(line)
        else:
            body.append(f"<p>{html.escape(line)}</p>")
    nav = "".join(f'<li><a href="/{i}/">{n}</a></li>' for i, n in enumerate(NAV))
    related = "".join(f'<li><a href="/news/{i}.html">{t}</a></li>' for i, t in enumerate(RELATED))
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>平湖经开区 新闻</title>"
        f"{canonical}{head}</head><body>"
        f'<div class="header"><ul class="nav">{nav}</ul></div>'
        '<div class="main"><div class="TRS_Editor">' + "\n".join(body) + "</div></div>"
        f'<div class="related"><h3>相关新闻</h3><ul>{related}</ul></div>'
        f'<div class="footer"><p>{FOOTER}</p></div>'
        "</body></html>"
    ).encode("utf-8")


Item = str | list[list[str]]  # a line of text, or a table's rows (the first its header)


def pdf_from_pages(pages: list[list[Item]], encrypt: bool = False) -> bytes:
    """A PDF of these pages: each line drawn at 12 pt from the top down, each table as a ruled grid."""
    chars = sorted({ch for page in pages for item in page for ch in _texts(item)})
    cid = {ch: i + 1 for i, ch in enumerate(chars)}
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def show(text: str, x: float, y: float) -> bytes:
        glyphs = "".join(f"{cid[ch]:04X}" for ch in text)
        return f"BT /F1 12 Tf {x:.1f} {y:.1f} Td <{glyphs}> Tj ET\n".encode("ascii")

    catalog = add(b"")  # filled in once the pages are numbered
    page_tree = add(b"")
    cmap = _to_unicode(cid)
    to_unicode = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    descriptor = add(b"<< /Type /FontDescriptor /FontName /FCSong /Flags 4 /FontBBox [0 -200 1000 900] "
                     b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
    cid_font = add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /FCSong /CIDSystemInfo << /Registry (Adobe) "
                   b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 >>" % descriptor)
    font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /FCSong /Encoding /Identity-H "
               b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid_font, to_unicode))
    kids = []
    for page in pages:
        content = b""
        y = 800.0
        for item in page:
            if isinstance(item, str):
                content += show(item, 50, y)
                y -= 20
                continue
            widths = [max(len(row[j]) if j < len(row) else 0 for row in item) * 12 + 12 for j in range(len(item[0]))]
            for row in item:
                x = 50.0
                for j, w in enumerate(widths):
                    content += f"{x:.1f} {y - 5:.1f} {w:.1f} 20 re S\n".encode("ascii")
                    if j < len(row) and row[j]:
                        content += show(row[j], x + 6, y)
                    x += w
                y -= 20
            y -= 20
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (page_tree, stream, font)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % page_tree
    objects[page_tree - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                              + b"] /Count %d >>" % len(kids))
    trailer_extra = b""
    if encrypt:  # a password nobody gave: the owner and user keys of the standard handler, made up
        encryption = add(b"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <" + b"41" * 32 + b"> /U <"
                         + b"42" * 32 + b"> >>")
        trailer_extra = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (encryption, b"00" * 16, b"00" * 16)
    out = b"%PDF-1.7\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, trailer_extra, xref)
    return out


def _texts(item: Item) -> str:
    return item if isinstance(item, str) else "".join("".join(row) for row in item)


def _to_unicode(cid: dict[str, int]) -> bytes:
    entries = [f"<{n:04X}> <{ch.encode('utf-16-be').hex().upper()}>" for ch, n in cid.items()]
    blocks = "".join(
        f"{len(entries[i:i + 100])} beginbfchar\n" + "\n".join(entries[i:i + 100]) + "\nendbfchar\n"
        for i in range(0, len(entries), 100)
    )
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
        "/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n" + blocks
        + "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode("ascii")


def pdf_from_markdown(text: str, per_page: int = 30) -> bytes:
    """The article as a PDF: its lines (headings as plain lines) and tables, `per_page` lines to a page."""
    items: list[Item] = [rows if kind == "table" else line for kind, line, rows in markdown_blocks(text)]
    pages = [items[i : i + per_page] for i in range(0, len(items), per_page)]
    return pdf_from_pages(pages)
