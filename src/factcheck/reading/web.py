"""Web pages as sources (.html, .htm, .shtml): the article without the page's furniture, its date and its address.

A ministry's release or a city's 要闻 is read as the article an editor sees
on the page, not as the page's menus, related stories and footers:
trafilatura finds the article (chosen over selectolax by measurement on real
Chinese government and news pages: bench/web.py, bench/RESULTS.md). Its
paragraphs are rendered one a line, headings as `# …`, list items as `- …`
and data tables as Markdown rows, so the one table reader
(reading/table.py) makes claims of a bulletin's cells as it does of a Word
table's. A table that only lays the page out (a cell holding paragraphs, or
one column) is read as the paragraphs it holds.

The page's own metadata dates it (`<meta name="PubDate">` and `publishdate`
on government sites, `article:published_time`, JSON-LD's `datePublished`,
else a labelled date line such as `发布时间：2022-04-17`), and its address
(the canonical link, `og:url`, a government site's `<meta name="Url">`, or
the `saved from url=` comment a browser writes) is kept as the citation.

trafilatura is imported only for a web page (`pip install 'factcheck[web]'`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..i18n import _
from .word import Place, WordMap

INSTALL = "pip install 'factcheck[web]'"
_SNIFF = re.compile(rb"^(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>]|head[\s>])", re.IGNORECASE | re.DOTALL)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
_DATE = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_COMPACT = re.compile(r"^((?:19|20)\d\d)(\d\d)(\d\d)")
_DATE_LINE = re.compile(r"(?:发布(?:时间|日期)|发稿时间|日期|时间)\s*[:：]\s*((?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})")
# Where a page says when it was published, first what government sites and news sites set.
_DATE_META = ("pubdate", "publishdate", "article:published_time", "og:published_time", "datepublished",
              "publish_date", "dc.date", "firstpublishedtime", "og:release_date")
_BLOCK = {"p", "head", "list", "table", "quote", "code"}


@dataclass(frozen=True, slots=True)
class Page:
    """A web page rendered: the article's text, each line's place, and what the page says about itself."""

    text: str
    where: WordMap
    published: dt.date | None
    title: str


def is_html(data: bytes) -> bool:
    """An HTML page by its opening (a doctype, `<html` or `<head`, after comments), whatever the file is called."""
    head = data[:2048]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    return bool(_SNIFF.match(head))


def render(data: bytes, name: str) -> Page:
    """The page's article as text (a paragraph a line, tables as Markdown rows), its places, date and title."""
    try:
        import trafilatura
        from trafilatura.utils import load_html
    except ImportError:
        raise InputError(_("{path}: reading web pages needs trafilatura: {install}").format(path=name, install=INSTALL)) from None
    try:
        tree = load_html(data)
        if tree is None:
            raise ValueError("no HTML document in it")
        meta = _metadata(tree, data)
        found = trafilatura.bare_extraction(tree, include_tables=True, include_comments=False, with_metadata=False,
                                            config=_config())
    except InputError:
        raise
    except Exception as exc:  # lxml and trafilatura each raise their own on a damaged page
        why = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise InputError(_("{path}: not a readable web page ({why})").format(path=name, why=why)) from None
    body = getattr(found, "body", None) if found is not None else None
    renderer = _Renderer(meta.url)
    if body is not None:
        renderer.blocks(body)
    text = "\n".join(renderer.lines) + "\n"
    return Page(text, WordMap(tuple(renderer.places), kind="html"), meta.published, meta.title)


def _config() -> Any:
    """trafilatura's settings for Chinese news: a 200-character release is an article (its default wants 250
    characters before it trusts what it found, and otherwise reads the whole page, menus and all), and no alarm
    signal (its timeout needs the main thread; the editor's server reads sources elsewhere)."""
    from trafilatura.settings import use_config

    config = use_config()
    config["DEFAULT"]["MIN_EXTRACTED_SIZE"] = "20"
    config["DEFAULT"]["EXTRACTION_TIMEOUT"] = "0"
    return config


@dataclass(frozen=True, slots=True)
class _Meta:
    url: str
    published: dt.date | None
    title: str


def _metadata(tree: Any, data: bytes) -> _Meta:
    """The page's address, publication date and title, from its head (and a date line in its text)."""
    names: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("name") or m.get("property") or m.get("itemprop") or "").strip().lower()
        if key and key not in names and m.get("content"):
            names[key] = m.get("content").strip()
    url = ""
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href", "").startswith("http"):
            url = link.get("href").strip()
            break
    url = url or _http(names.get("og:url")) or _http(names.get("url"))
    if not url:
        m = _SAVED_FROM.search(data[:4096].decode("utf-8", "replace"))
        url = _http(m[1]) if m else ""
    published = None
    for key in _DATE_META:
        published = _date(names.get(key, ""))
        if published is not None:
            break
    if published is None:
        published = _json_ld_date(tree)
    if published is None:
        m = _DATE_LINE.search(" ".join(tree.xpath("//body//text()")))
        published = _date(m[1]) if m else None
    title = names.get("articletitle") or names.get("og:title") or " ".join("".join(tree.xpath("//title//text()")).split())
    return _Meta(url, published, title)


def _http(value: str | None) -> str:
    return value.strip() if value and value.strip().startswith(("http://", "https://")) else ""


def _date(value: str) -> dt.date | None:
    m = _DATE.search(value) or _COMPACT.match(value.strip())
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _json_ld_date(tree: Any) -> dt.date | None:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            found = json.loads(script.text or "")
        except ValueError:
            continue
        for item in found if isinstance(found, list) else [found]:
            if isinstance(item, dict) and isinstance(item.get("datePublished"), str):
                day = _date(item["datePublished"])
                if day is not None:
                    return day
    return None


LAYOUT_CELL = 40  # characters: a cell holding paragraphs this long lays a page out; a header's 面积<p>（平方公里）</p> does not


def _lays_out(cell: Any) -> bool:
    """A cell that holds the article's blocks (its paragraphs, a table of its own), not a short label in a <p>."""
    blocks = [c for c in cell if isinstance(c.tag, str) and c.tag in _BLOCK]
    return bool(blocks) and (any(c.tag in ("table", "list", "head") for c in blocks) or len(_text(cell)) > LAYOUT_CELL)


def _text(element: Any) -> str:
    """An element's text on one line, its own line breaks as spaces."""
    return " ".join("".join(element.itertext()).split())


class _Renderer:
    """trafilatura's article (p, head, list/item, table/row/cell, lb) as lines, each with its place on the page."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.lines: list[str] = []
        self.places: list[tuple[tuple[int, Place], ...]] = []
        self.paragraph = 0
        self.table = 0

    def blocks(self, parent: Any) -> None:
        for child in parent:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "table":
                self._table(child)
            elif tag == "list":
                for item in child.iter("item"):
                    self._line("- ", _text(item))
            elif tag == "head":
                self._line("# ", _text(child))
            elif tag in ("p", "quote", "code"):
                self._paragraph(child)
            elif tag:
                self.blocks(child)

    def _paragraph(self, p: Any) -> None:
        """A paragraph; a line break in it (`<br>`, which pages use between paragraphs) starts another."""
        if any(isinstance(c.tag, str) and c.tag in _BLOCK for c in p):
            self.blocks(p)
            return
        pieces = [p.text or ""]
        for child in p:
            if child.tag == "lb":
                pieces.append("\n")
            else:
                pieces.append("".join(child.itertext()))
            pieces.append(child.tail or "")
        for line in "".join(pieces).split("\n"):
            self._line("", " ".join(line.split()))

    def _line(self, prefix: str, text: str) -> None:
        if not text:
            return
        self.paragraph += 1
        self.lines.append(prefix + text)
        self.places.append(((len(prefix) + 1, Place(paragraph=self.paragraph, url=self.url, kind="html")),))

    def _table(self, table: Any) -> None:
        rows = [[cell for cell in row if cell.tag == "cell"] for row in table.iter("row")]
        layout = all(len(r) <= 1 for r in rows) or any(_lays_out(cell) for r in rows for cell in r)
        if layout:  # a table that lays the page out: its paragraphs are the article's
            for row in rows:
                for cell in row:
                    if any(isinstance(c.tag, str) and c.tag in _BLOCK for c in cell):
                        self.blocks(cell)
                    else:
                        self._paragraph(cell)
            return
        rows = [r for r in rows if any(_text(c) for c in r)]
        if not rows:
            return
        self.table += 1
        for r, cells in enumerate(rows, start=1):
            line = "|"
            places: list[tuple[int, Place]] = []
            for c, cell in enumerate(cells, start=1):
                line += " "
                places.append((len(line) + 1, Place(table=self.table, row=r, cell=c, url=self.url, kind="html")))
                line += _text(cell).replace("|", "｜") + " |"
            self.lines.append(line)
            self.places.append(tuple(places))
            if r == 1:  # the first row is the header, as a Markdown table's separator says
                self.lines.append("|" + "---|" * len(cells))
                self.places.append(())
