"""Reading source articles and drafts from disk: encodings, front matter, dates.

Everything downstream works on `Document.text`, the decoded file exactly as
written, so that citations (line, column) point into the original file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

SOURCE_SUFFIXES = (".txt", ".md", ".markdown")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
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
    outlet: str = ""
    encoding: str = "utf-8"


def parse_date(value: str) -> dt.date:
    m = _ISO_DATE.fullmatch(value.strip().strip("'\""))
    if not m:
        raise InputError(f"not a date (want YYYY-MM-DD): {value!r}")
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise InputError(f"not a date: {value!r} ({exc})") from None


def decode(data: bytes, name: str) -> tuple[str, str]:
    """UTF-8 (with or without BOM) first; GB18030 (a superset of GBK) when that fails."""
    if not data.strip():
        raise InputError(f"{name}: empty file")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (contains NUL bytes), not a text article")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(f"{name}: cannot decode as UTF-8 or GB18030/GBK") from None
    # A Latin-1 or random binary file can decode as GB18030 by accident; real
    # Chinese text is mostly CJK once decoded.
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    if cjk < 0.2 * len(text.strip()):
        raise InputError(f"{name}: cannot decode as UTF-8, and it does not read as GB18030/GBK Chinese")
    return text, "gb18030"


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """Simple `key: value` front matter; returns the fields and where the body starts."""
    m = _FRONT_MATTER.match(text)
    if not m:
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


def read_document(
    path: Path,
    display: str | None = None,
    date: dt.date | None = None,
    meta: dict[str, str] | None = None,
    require_date: bool = True,
) -> Document:
    """Read one article. Front matter `date:` wins, then metadata, then `date`, then inference."""
    name = display or str(path)
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if path.is_dir():
        raise InputError(f"{name}: is a directory, expected a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    text, encoding = decode(data, name)
    fields, body_start = front_matter(text)
    if not text[body_start:].strip():
        raise InputError(f"{name}: empty file (no text after front matter)")
    meta = meta or {}
    published: dt.date | None = None
    inferred = False
    for where, raw in (("front matter", fields.get("date")), ("sources.toml", meta.get("date"))):
        if raw:
            try:
                published = parse_date(str(raw)[:10])
            except InputError as exc:
                raise InputError(f"{name}: {where}: {exc}") from None
            break
    if published is None and date is not None:
        published = date
    if published is None:
        published = infer_date(text[body_start:], name)
        inferred = published is not None
        if published is None and require_date:
            raise InputError(f"{name}: no publication date (add front matter `date:` or pass --date)")
    return Document(
        path=name,
        text=text,
        body_start=body_start,
        published=published,
        date_inferred=inferred,
        title=fields.get("title") or meta.get("title", ""),
        outlet=fields.get("outlet") or meta.get("outlet", ""),
        encoding=encoding,
    )
