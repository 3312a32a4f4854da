"""Reading source articles and drafts from disk: encodings, front matter, dates.

Everything downstream works on `Document.text`, the decoded file exactly as
written, so that citations (line, column) point into the original file.
"""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EmptyText, InputError
from ..i18n import _

if TYPE_CHECKING:
    from .word import Place, WordMap

SOURCE_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".html", ".htm", ".shtml", ".pdf")
# Files read by rendering them to text (a Word document, a web page, a PDF), whose claims are placed in the file.
RENDERED_SUFFIXES = (".docx", ".html", ".htm", ".shtml", ".pdf")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FM_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_COMPACT_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_CN_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?")


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded article: the text as written plus what we know about it."""

    path: str  # as the caller named it (relative to the project where possible)
    text: str  # decoded, BOM removed, otherwise untouched
    body_start: int  # offset where the article starts (after front matter)
    published: dt.date | None
    date_inferred: bool
    title: str = ""
    encoding: str = "utf-8"
    # A rendered file's map (a Word document, a web page, a PDF: reading/word.py, web.py, pdf.py): `text` is then
    # the rendered text, this each line's place in the file.
    word: WordMap | None = None

    @property
    def markdown(self) -> bool:
        """Read with Markdown's furniture (headings, list items, tables, comments): a Word document is rendered so."""
        return self.word is not None or self.path.endswith((".md", ".markdown"))


def parse_date(value: str) -> dt.date:
    m = _ISO_DATE.fullmatch(value.strip().strip("'\""))
    if not m:
        raise InputError(_("not a date (want YYYY-MM-DD): {value!r}").format(value=value))
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise InputError(f"not a date: {value!r} ({exc})") from None


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig", "utf-8"), (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16", "utf-16"))
LEGACY = ("gb18030", "big5")  # the mainland's GBK family and the Big5 of Hong Kong, Taiwan and Macau outlets


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text and the encoding it was in: a BOM says; else UTF-8; else GB18030 or Big5, as a detector judges.

    GB18030 and Big5 share most byte pairs, so trying one and then the
    other would read Big5 as garbage GB text: charset-normalizer scores each
    decoding for how much it reads like language and picks the better.
    """
    if not data.strip():
        raise EmptyText(_("{path}: empty file").format(path=name), name)
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: starts with a {label.upper()} byte-order mark but is not {label.upper()} ({exc.reason})") from None
            if "\x00" in text or not _readable(text):
                raise InputError(f"{name}: binary file (a {label.upper()} byte-order mark, then no text), not a text article")
            if not text.strip():
                raise EmptyText(_("{path}: empty file").format(path=name), name)
            return text, label
    if b"\x00" in data[:8192]:
        raise InputError(_("{path}: binary file (contains NUL bytes), not a text article (UTF-16 needs a byte-order mark)")
                         .format(path=name))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        bad = exc
    from charset_normalizer import from_bytes  # only a file that is not UTF-8 pays for the detector

    best = from_bytes(data, cp_isolation=list(LEGACY)).best()
    encoding = str(best.encoding) if best is not None else ""
    if encoding not in LEGACY:
        raise InputError(f"{name}: cannot tell its encoding (not UTF-8, UTF-16, GB18030/GBK or Big5; {_where(data, bad)})")
    text = data.decode(encoding, errors="replace")
    # A Latin-1 or random binary file can decode as either by accident; real Chinese text is mostly CJK.
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    if cjk < 0.2 * len(text.strip()) or text.count("\ufffd") > 0.01 * len(text):
        raise InputError(f"{name}: cannot tell its encoding (not UTF-8, and it does not read as GB18030/GBK or Big5 Chinese; "
                         f"{_where(data, bad)})")
    return text, encoding


def _where(data: bytes, exc: UnicodeDecodeError) -> str:
    """Where UTF-8 reading failed, as an editor counts: one stray byte in a long file is otherwise a hunt."""
    before = data[: exc.start]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
    return f"byte 0x{data[exc.start]:02x} at line {line}, column {column} is not UTF-8"


_OPENING = re.compile(r"\A---[ \t]*\r?\n")


def _readable(text: str) -> bool:
    """Mostly letters, digits, punctuation and spaces: what any article is, and random bytes are not."""
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
    return "\ufffe" not in text and "\uffff" not in text and printable >= 0.95 * len(text)


def front_matter(text: str, name: str = "") -> tuple[dict[str, str], int]:
    """Simple `key: value` front matter; returns the fields and where the body starts.

    An opening `---` with no closing one is an error, not a body: read as
    body, the draft would lose its date and be judged as of today.
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        if _OPENING.match(text):
            raise InputError(_("{path}:1: front matter opened with --- is never closed (add a --- line after it)")
                             .format(path=name or "<text>"))
        return {}, 0
    fields: dict[str, str] = {}
    for line in m.group(1).splitlines():
        fm = _FM_LINE.match(line)
        if fm:
            fields[fm[1].lower()] = fm[2].strip().strip("'\"")
    return fields, m.end()


def infer_date(text: str, path: str) -> dt.date | None:
    """A best guess for an undated article: a date in its file name, else the latest full date it mentions."""
    m = _COMPACT_DATE.search(Path(path).name) or _COMPACT_DATE.search(text[:300])
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    latest: dt.date | None = None
    for m in _CN_DATE.finditer(text):
        try:
            d = dt.date(int(m[1]), int(m[2]), int(m[3] or 1))
        except ValueError:
            continue
        latest = d if latest is None or d > latest else latest
    return latest


def publication_date(
    name: str,
    fields: dict[str, str],
    meta: dict[str, str] | None = None,
    given: dt.date | None = None,
    configured: dt.date | None = None,
    today: dt.date | None = None,
    body: str | None = None,
) -> tuple[dt.date | None, bool]:
    """When an article was published, and whether that was guessed: the one rule for sources and drafts alike.

    The article's own front matter `date:` wins, then its entry in
    sources.toml, then --date, then the config's `date`. After that a draft
    (`today` given) is dated today, and a source (`body` given) by a date in
    its file name or text, marked as inferred.
    """
    for where, raw in (("front matter", fields.get("date")), ("sources.toml", (meta or {}).get("date"))):
        if raw:
            try:
                return parse_date(str(raw)[:10]), False
            except InputError as exc:
                raise InputError(f"{name}: {where}: {exc}") from None
    for chosen in (given, configured, today):
        if chosen is not None:
            return chosen, False
    if body is not None:
        guessed = infer_date(body, name)
        return guessed, guessed is not None
    return None, False


def read_document(
    path: Path,
    display: str | None = None,
    date: dt.date | None = None,
    meta: dict[str, str] | None = None,
    require_date: bool = True,
    configured: dt.date | None = None,
    today: dt.date | None = None,
) -> Document:
    """Read one article, dated by `publication_date` (`date` is --date, `configured` the config's)."""
    name = display or str(path)
    if not path.exists():
        raise InputError(_("{path}: no such file").format(path=name))
    if path.is_dir():
        raise InputError(_("{path}: is a directory, expected a file").format(path=name))
    if not path.is_file():  # a FIFO would block the read forever, a device never end
        raise InputError(_("{path}: not a regular file (a pipe, socket or device)").format(path=name))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(_("{path}: cannot read ({why})").format(path=name, why=exc.strerror)) from None
    return document_from_bytes(data, name, date, meta, require_date, configured, today)


def document_from_bytes(
    data: bytes,
    name: str,
    date: dt.date | None = None,
    meta: dict[str, str] | None = None,
    require_date: bool = True,
    configured: dt.date | None = None,
    today: dt.date | None = None,
) -> Document:
    """An article from its bytes (a file, standard input, git's staged copy), decoded and dated.

    The reader is picked by content: a Word document, a PDF or a web page is one whatever it is called. A web
    page's own date and title (its metadata) count as front matter's.
    """
    word = None
    text, encoding = read_text(data, name)
    page_fields: dict[str, str] = {}
    if encoding in RENDERED:
        text, word, page_fields = _render(data, name, encoding)
    if "\r" in text and "\n" not in text:  # CR alone ends lines (old Mac files, some CMS exports): same length, offsets hold
        text = text.replace("\r", "\n")
    fields, body_start = front_matter(text, name) if word is None else (page_fields, 0)
    if not text[body_start:].strip():
        raise EmptyText(_("{path}: empty file (no text after front matter)").format(path=name), name)
    meta = meta or {}
    published, inferred = publication_date(name, fields, meta, date, configured, today, text[body_start:])
    if published is None and require_date:
        raise InputError(_("{path}: no publication date (add front matter `date:` or pass --date)").format(path=name))
    return Document(
        path=name,
        text=text,
        body_start=body_start,
        published=published,
        date_inferred=inferred,
        title=fields.get("title") or meta.get("title", ""),
        encoding=encoding,
        word=word,
    )


WORD = "docx"  # the `encoding` of a Word document: its text is rendered, not decoded
PDF = "pdf"
HTML = "html"
RENDERED = (WORD, PDF, HTML)


def read_text(data: bytes, name: str) -> tuple[str, str]:
    """`decode`, but a Word document, a PDF or a web page (by its bytes) is named as one, to be rendered; and a file
    Word would not open either is refused."""
    from . import pdf, web, word

    if word.is_word(data):
        return "", WORD
    if pdf.is_pdf(data):
        return "", PDF
    refused = word.refusal(data, name)
    if refused:
        raise InputError(refused)
    if web.is_html(data):
        return "", HTML
    return decode(data, name)


def _render(data: bytes, name: str, kind: str) -> tuple[str, WordMap, dict[str, str]]:
    """A Word document, PDF or web page as text and its map; a web page's date and title as front matter's."""
    fields: dict[str, str] = {}
    if kind == WORD:
        from .word import render

        text, where = render(data, name)
    elif kind == PDF:
        from . import pdf

        text, where = pdf.render(data, name)
    else:
        from . import web

        page = web.render(data, name)
        text, where = page.text, page.where
        if page.published is not None:
            fields["date"] = page.published.isoformat()
        if page.title:
            fields["title"] = page.title
    if not text.strip():
        if kind == HTML:
            raise EmptyText(_("{path}: a web page with no article text in it").format(path=name), name)
        raise EmptyText(_("{path}: empty file").format(path=name), name)
    return text, where, fields


_SURROGATE = re.compile("[\ud800-\udfff]")


def utf8(text: str) -> bytes:
    """A string as UTF-8, a lone surrogate (half a pair, from a broken paste or an editor's buffer) as U+FFFD."""
    if _SURROGATE.search(text):
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")  # a whole pair joins up
    return text.encode("utf-8")


def source_lines(path: Path) -> tuple[str, ...]:
    """A source's lines as ingest numbered them (decoded, CR alone read as a line end), for measuring a claim's
    column in another unit: an editor counts UTF-8 bytes or UTF-16 units, a claim characters.

    Remembered while the file's size and mtime stay the same: the editor asks at every pause in typing.
    """
    st = path.stat()
    return _lines(str(path), st.st_size, st.st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _lines(path: str, size: int, mtime_ns: int) -> tuple[str, ...]:
    data = Path(path).read_bytes()
    text, encoding = read_text(data, path)
    if encoding in RENDERED:
        text = _render(data, path, encoding)[0]
    if "\r" in text and "\n" not in text:
        text = text.replace("\r", "\n")
    return tuple(text.split("\n"))


def word_place(path: Path, line: int, column: int) -> Place | None:
    """Where a claim of a rendered source sits in its file (a Word paragraph or table cell, a web page's paragraph
    with its address, a PDF's page), for citing its evidence; None for any other source, or one gone or
    unreadable. Rendered again only when the file's size or mtime changes."""
    if path.suffix.lower() not in RENDERED_SUFFIXES:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    where = _word_map(str(path), st.st_size, st.st_mtime_ns)
    return where.place(line, column) if where is not None else None


@functools.lru_cache(maxsize=8)
def _word_map(path: str, size: int, mtime_ns: int) -> WordMap | None:
    try:
        data = Path(path).read_bytes()
        kind = read_text(data, path)[1]
        if kind not in RENDERED:
            return None
        return _render(data, path, kind)[1]
    except (OSError, InputError):
        return None
