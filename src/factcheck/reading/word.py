"""Word drafts and sources (.docx): the document rendered to text, and each line's place in Word.

Everything downstream reads text, so a .docx is rendered once: one Word
paragraph a line (a heading as `# …`, a list item as `- …`), each table as
Markdown rows (`| 指标 | 2025年 |`, the first row its header), which the one
table reader (reading/table.py) turns into sentences as it does a Markdown
draft's. Tracked changes are read as accepted: inserted text in, deleted
and moved-away text out. A Word comment that says `factcheck: ignore`
becomes the `<!-- factcheck: ignore -->` marker at the end of its
paragraph's line, as an editor could also type it in the paragraph itself.

`WordMap` keeps, for every rendered line, where it came from (paragraph N,
or table T row R cell C), so every report cites what an editor can find in
Word, not a line of a text nobody sees.

python-docx is imported only for a .docx (`pip install 'factcheck[docx]'`):
the Markdown path installs nothing more.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from ..errors import InputError
from ..i18n import _

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: a .doc, or an encrypted .docx
WORD_MAIN = "wordprocessingml.document.main"
INSTALL = "pip install 'factcheck[docx]'"

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Text an accepted revision removes: deleted runs (w:delText is never read), text moved away.
_NOT_ACCEPTED = {_W + "del", _W + "moveFrom", _MC_FALLBACK}  # a text box's Fallback repeats its Choice
_DIRECTIVE = re.compile(r"factcheck\s*:?\s*\S")


@dataclass(frozen=True, slots=True)
class Place:
    """Where a figure is in the file an editor has: a Word paragraph (body paragraphs with text, counted from 1)
    or table cell, a web page's paragraph or table cell (with the page's address), or a PDF's page."""

    paragraph: int = 0
    table: int = 0
    row: int = 0
    cell: int = 0
    character: int = 0  # the figure's first character in its paragraph or cell, from 1
    page: int = 0  # a PDF's page, from 1
    url: str = ""  # a web page's address, the citation an editor can open
    kind: str = "docx"  # what the place is in: docx, html or pdf

    def describe(self) -> str:
        cell = _("table {table}, row {row}, cell {cell}").format(table=self.table, row=self.row, cell=self.cell)
        if self.page:
            page = _("page {page}").format(page=self.page)
            return _(", ").join((page, cell)) if self.table else page
        if self.table:
            return cell
        return _("paragraph {paragraph}").format(paragraph=self.paragraph)

    def qualified_name(self) -> str:
        """paragraph[4] or table[1]/row[2]/cell[3] (page[2]/… in a PDF): the place as a path, for machines (SARIF)."""
        path = f"table[{self.table}]/row[{self.row}]/cell[{self.cell}]" if self.table else ""
        if self.page:
            return f"page[{self.page}]" + (f"/{path}" if path else "")
        return path or f"paragraph[{self.paragraph}]"

    def to_json(self) -> dict[str, int | str]:
        names = ("table", "row", "cell") if self.table else () if self.page else ("paragraph",)
        out: dict[str, int | str] = {n: getattr(self, n) for n in (("page",) if self.page else ()) + names}
        out["character"] = self.character
        if self.url:
            out["url"] = self.url
        return out


@dataclass(frozen=True, slots=True)
class WordMap:
    """For each rendered line (from 1), the columns where its pieces start and the place each came from."""

    lines: tuple[tuple[tuple[int, Place], ...], ...]
    kind: str = "docx"  # docx, html or pdf: a PDF's lines are page lines, rejoined into paragraphs downstream

    @property
    def url(self) -> str:
        """A web page's address, from the first place that has it."""
        return next((p.url for pieces in self.lines for _, p in pieces if p.url), "")

    def place(self, line: int, column: int) -> Place | None:
        """The place of (line, column) in the rendered text, with the character counted in its piece."""
        if not 0 < line <= len(self.lines):
            return None
        found: tuple[int, Place] | None = None
        for start, place in self.lines[line - 1]:
            if start <= column:
                found = (start, place)
        if found is None:
            return None
        start, place = found
        return replace(place, character=column - start + 1)


def is_word(data: bytes) -> bool:
    """A ZIP whose content types or parts say it is a Word document (whatever the file is called)."""
    if not data.startswith(ZIP_MAGIC):
        return False
    import zipfile  # only a ZIP pays for it: the Markdown path (and the hook's budget) never does

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "word/document.xml" in names:
                return True
            if "[Content_Types].xml" in names:
                return WORD_MAIN in z.read("[Content_Types].xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return False
    return False


def refusal(data: bytes, name: str) -> str | None:
    """Why a file that is no text article cannot be read as Word either, for a .docx name or a compound file."""
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            return _("{path}: an encrypted (password-protected) Word document; save it without a password").format(path=name)
        return _("{path}: a Word 97-2003 (.doc) or other compound file, not .docx; save it as .docx").format(path=name)
    if name.lower().endswith(".docx"):
        if data.startswith(ZIP_MAGIC):
            return _("{path}: not a readable Word document (a ZIP without word/document.xml, or a damaged one)").format(path=name)
        return _("{path}: not a Word document (a .docx is a ZIP file; this one is not)").format(path=name)
    return None


def render(data: bytes, name: str) -> tuple[str, WordMap]:
    """The document as text (one paragraph a line, tables as Markdown rows) and each line's place in Word."""
    try:
        import docx
    except ImportError:
        raise InputError(_("{path}: reading Word documents needs python-docx: {install}").format(
            path=name, install=INSTALL)) from None
    try:
        document = docx.Document(io.BytesIO(data))
        comments = _comments(document)
        styles = {s.style_id: (s.name or "") for s in document.styles if s.style_id}
        return _Renderer(comments, styles).render(document.element.body)
    except InputError:
        raise
    except Exception as exc:  # python-docx, lxml and zipfile each raise their own on a damaged file
        why = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise InputError(_("{path}: not a readable Word document ({why})").format(path=name, why=why)) from None


def _comments(document: Any) -> dict[str, str]:
    """Each Word comment's text by its id; only those about factcheck matter."""
    out: dict[str, str] = {}
    try:
        found = list(document.comments)
    except Exception:  # no comments part, or a python-docx without comments (before 1.2)
        return out
    for comment in found:
        text = " ".join(p.text for p in comment.paragraphs).strip()
        if _DIRECTIVE.match(text):
            out[str(comment.comment_id)] = text
    return out


def _text_of(element: Any) -> str:
    """The text of a paragraph as Word shows it with every tracked change accepted."""
    pieces: list[str] = []
    for node in _accepted(element):
        tag = node.tag
        if tag == _W + "t":
            pieces.append(node.text or "")
        elif tag == _W + "tab":
            pieces.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            pieces.append(" ")
        elif tag == _W + "noBreakHyphen":
            pieces.append("-")
    return " ".join("".join(pieces).split("\n"))


def _accepted(element: Any) -> Iterator[Any]:
    for child in element:
        if not isinstance(child.tag, str) or child.tag in _NOT_ACCEPTED:
            continue
        yield child
        yield from _accepted(child)


class _Renderer:
    def __init__(self, comments: dict[str, str], styles: dict[str, str]) -> None:
        self.comments = comments
        self.styles = styles
        self.lines: list[str] = []
        self.places: list[tuple[tuple[int, Place], ...]] = []
        self.paragraph = 0
        self.table = 0

    def render(self, body: Any) -> tuple[str, WordMap]:
        self._blocks(body)
        return "\n".join(self.lines) + "\n", WordMap(tuple(self.places))

    def _blocks(self, parent: Any) -> None:
        for child in parent:
            if child.tag == _W + "p":
                self._paragraph(child)
            elif child.tag == _W + "tbl":
                self._table(child)
            elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):  # content controls hold blocks too
                self._blocks(child)

    def _paragraph(self, p: Any) -> None:
        text = _text_of(p).strip()
        if not text:
            return
        self.paragraph += 1
        prefix = _prefix(p, self.styles)
        self.lines.append(prefix + text + self._marks(p))
        self.places.append(((len(prefix) + 1, Place(paragraph=self.paragraph)),))

    def _marks(self, p: Any) -> str:
        """A factcheck comment anchored in the paragraph, as the marker an editor could type at its end."""
        ids = dict.fromkeys(_comment_ids(p))
        return "".join(f" <!-- {self.comments[i]} -->" for i in ids if i in self.comments)

    def _table(self, tbl: Any) -> None:
        rows = [r for r in tbl.iterchildren(_W + "tr")]
        if not rows:
            return
        self.table += 1
        for r, tr in enumerate(rows, start=1):
            cells = [tc for tc in tr.iterchildren(_W + "tc")]
            line = "|"
            places: list[tuple[int, Place]] = []
            marks = ""
            for c, tc in enumerate(cells, start=1):
                text = " ".join(_text_of(p).strip() for p in tc.iter(_W + "p")).strip().replace("|", "｜")
                marks += "".join(self._marks(p) for p in tc.iter(_W + "p"))
                line += " "
                places.append((len(line) + 1, Place(table=self.table, row=r, cell=c)))
                line += text + " |"
            self.lines.append(line + marks)
            self.places.append(tuple(places))
            if r == 1:  # the header row ends where a Markdown table's separator says so
                self.lines.append("|" + "---|" * len(cells))
                self.places.append(())


def _prefix(p: Any, styles: dict[str, str]) -> str:
    """`# ` for a heading or title, `- ` for a list item: the kinds the layout reads from Markdown.

    Judged by the style's name (Word keeps the built-in English names, `heading 1`, under a Chinese
    interface, whose style ids are `1`, `2`), or by an outline level or list numbering set by hand.
    """
    ppr = p.find(_W + "pPr")
    style = ""
    if ppr is not None and (ps := ppr.find(_W + "pStyle")) is not None:
        sid = ps.get(_W + "val") or ""
        style = styles.get(sid, sid).lower().replace(" ", "")
    if style.startswith(("heading", "title", "标题")) or (ppr is not None and ppr.find(_W + "outlineLvl") is not None):
        return "# "
    if style.startswith(("list", "列表")) or (ppr is not None and ppr.find(_W + "numPr") is not None):
        return "- "
    return ""


def _comment_ids(p: Any) -> list[str]:
    return [str(el.get(_W + "id")) for el in p.iter(_W + "commentRangeStart", _W + "commentReference")]
