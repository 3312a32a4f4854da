"""Word documents for the tests, built with python-docx from Markdown: the same article in both forms."""

from __future__ import annotations

import io
import re

import pytest

docx = pytest.importorskip("docx", reason="python-docx is not installed: pip install 'factcheck[docx]'")

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def from_markdown(text: str, comments: dict[str, str] | None = None) -> bytes:
    """A .docx of a Markdown article: `#` headings, `- ` list items, `| a | b |` tables, paragraphs.

    `comments` puts a Word comment (its text) on the paragraph holding each key, as an editor would in Word.
    """
    document = docx.Document()
    rows: list[list[str]] = []

    def table() -> None:
        if rows:
            t = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
            rows.clear()

    for line in _FRONT_MATTER.sub("", text).splitlines():
        line = line.strip()
        if line.startswith("|"):
            if not re.fullmatch(r"\|?(\s*:?-+:?\s*\|)+\s*", line):
                rows.append([c.strip() for c in line.strip("|").split("|")])
            continue
        table()
        if not line:
            continue
        if line.startswith("#"):
            paragraph = document.add_heading(line.lstrip("# "), 1)
        elif line.startswith("- "):
            paragraph = document.add_paragraph(line[2:], style="List Bullet")
        else:
            paragraph = document.add_paragraph(line)
        for key, note in (comments or {}).items():
            if key in line:
                document.add_comment(paragraph.runs, text=note, author="编辑")
    table()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
