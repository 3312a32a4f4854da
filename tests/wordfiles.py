"""Word documents for the tests, built with python-docx from Markdown: the same article in both forms."""

from __future__ import annotations

import io

import pytest
from pagefiles import markdown_blocks

docx = pytest.importorskip("docx", reason="python-docx is not installed: pip install 'factcheck[docx]'")


def from_markdown(text: str, comments: dict[str, str] | None = None) -> bytes:
    """A .docx of a Markdown article: `#` headings, `- ` list items, `| a | b |` tables, paragraphs.

    `comments` puts a Word comment (its text) on the paragraph holding each key, as an editor would in Word.
    """
    document = docx.Document()
    for kind, line, rows in markdown_blocks(text):
        if kind == "table":
            t = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
            continue
        if kind == "heading":
            paragraph = document.add_heading(line, 1)
        elif line.startswith("- "):
            paragraph = document.add_paragraph(line[2:], style="List Bullet")
        else:
            paragraph = document.add_paragraph(line)
        for key, note in (comments or {}).items():
            if key in line:
                document.add_comment(paragraph.runs, text=note, author="编辑")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
