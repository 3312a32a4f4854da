"""Real Word files (issue #28): does each read, what does it yield, and one table's cells against their claims.

    .venv/bin/python bench/word.py FILE.docx ...                 # a line per file: read or refused, why, what it holds
    .venv/bin/python bench/word.py FILE.docx --table 3           # that table's numeric cells beside the claims read there
    .venv/bin/python bench/word.py --seeds                       # each seed as .txt and as .docx: the same claims?

The files are other people's (public repositories; see bench/RESULTS.md for
where each came from) and stay out of this repository. For a table, each
numeric cell as python-docx reads it directly (not through factcheck's
renderer) is printed beside the claim ingested at that cell: its value, unit,
metric and period, for checking by hand. Value agreement is counted here; the
metric and the period are for the person reading.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import time
import zipfile
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from factcheck.errors import InputError
from factcheck.extract.claims import extract
from factcheck.reading import layout
from factcheck.reading.source import document_from_bytes

NUMBER = re.compile(r"^[-−]?\d+(?:,\d{3})*(?:\.\d+)?$")


def survey(path: Path) -> str:
    data = path.read_bytes()
    layout = ""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            xml = z.read("word/document.xml").decode("utf-8", "replace")
            layout = (f"tables {xml.count('<w:tbl>')}, insertions {xml.count('<w:ins ')}, deletions "
                      f"{xml.count('<w:del ')}, comments {'word/comments.xml' in z.namelist()}")
    except (zipfile.BadZipFile, KeyError) as exc:
        layout = f"not a ZIP of Word ({type(exc).__name__})"
    started = time.perf_counter()
    try:
        doc = document_from_bytes(data, path.name, require_date=False)
    except InputError as exc:
        return f"{path.name}: {len(data):,} bytes; {layout}; refused: {exc}"
    claims = list(extract(doc))
    seconds = time.perf_counter() - started
    cjk = sum(1 for ch in doc.text if "\u4e00" <= ch <= "\u9fff")
    in_tables = sum(1 for c in claims if doc.word and (p := doc.word.place(c.line, c.column)) and p.table)
    return (f"{path.name}: {len(data):,} bytes; {layout}; {doc.text.count(chr(10))} lines, {cjk:,} CJK characters, "
            f"{len(claims)} claims ({in_tables} in tables), {seconds:.2f} s")


def table(path: Path, number: int) -> None:
    import docx

    data = path.read_bytes()
    doc = document_from_bytes(data, path.name, require_date=False)
    assert doc.word is not None
    by_cell = {}
    for c in extract(doc):
        p = doc.word.place(c.line, c.column)
        if p is not None and p.table == number:
            by_cell[(p.row, p.cell)] = c
    word_table = docx.Document(io.BytesIO(data)).tables[number - 1]
    cells = right = 0
    print("| row | cell | in Word | claim | unit | metric | period |")
    print("|---|---|---|---|---|---|---|")
    for r, row in enumerate(word_table.rows, start=1):
        for k, cell in enumerate(row.cells, start=1):
            text = "".join(cell.text.split())
            if not NUMBER.match(text) or k == 1:
                continue
            cells += 1
            c = by_cell.get((r, k))
            if c is None:
                print(f"| {r} | {k} | {text} | — | | | |")
                continue
            # The figure as the claim wrote it, its digits only (a fall is written 下降1.5%, the cell -1.5).
            same = abs(Decimal(text.replace(",", "").replace("−", "-"))) == Decimal(re.sub(r"[^\d.]", "", c.text))
            right += same
            period = c.period.label if c.period else "—"
            print(f"| {r} | {k} | {text} | {c.text} | {c.unit} | {c.metric} | {period} |" + ("" if same else " value differs"))
    print(f"\n{cells} numeric cells, {len(by_cell)} claims in the table, {right} with the cell's value")


def seeds_as_word() -> None:
    """Each seed article built as a Word document (a paragraph a line, a Word comment on one paragraph and a
    tracked change, deleted text and inserted text, in another, as an editor leaves them): are its claims the
    .txt's? The comment and the deletion must change nothing; the insertion is an added sentence's figure."""
    import copy

    import docx

    from factcheck.reading.source import read_document

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        as_text = read_document(path, display=path.name, require_date=False)
        document = docx.Document()
        # The article's paragraphs as the layout rebuilds them (the seeds are page text, broken mid-sentence
        # by columns): what a Word file of the article holds, one paragraph each.
        body = [p.text for p in layout.paragraphs(text, as_text.body_start)]
        paragraphs = [document.add_paragraph(line) for line in body]
        document.add_comment(paragraphs[1].runs, text="请再核对一下这段的数字", author="编辑")
        last = paragraphs[-1]._p
        run = last.findall(w + "r")[-1]
        deleted = copy.deepcopy(run)
        deleted.find(w + "t").tag = w + "delText"
        inserted = copy.deepcopy(run)
        inserted.find(w + "t").text = "（编者注：全文共计3处修改。）"
        for tag, child in (("del", deleted), ("ins", inserted)):
            change = last.makeelement(w + tag, {w + "id": "9", w + "author": "编辑"})
            change.append(child)
            last.append(change)
        out = io.BytesIO()
        document.save(out)
        as_word = document_from_bytes(out.getvalue(), path.with_suffix(".docx").name, date=as_text.published)

        def facts(claims: list) -> list[tuple]:
            return sorted((c.text, c.unit, c.metric, c.period.label if c.period else "", c.subject or "") for c in claims)

        txt, word = facts(extract(as_text)), facts(extract(as_word))
        extra = [f for f in word if f not in txt]
        missing = [f for f in txt if f not in word]
        print(f"{path.name}: {len(txt)} claims as .txt, {len(word)} as .docx; only in .docx {extra}; only in .txt "
              f"{len(missing)}{' ' + str(missing[:5]) if missing else ''}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--table", type=int, help="print this table's cells beside their claims (1 is the first)")
    parser.add_argument("--seeds", action="store_true", help="each seed as .txt and as .docx, claims compared")
    args = parser.parse_args()
    if args.seeds:
        seeds_as_word()
    for path in args.files:
        if args.table:
            table(path, args.table)
        else:
            print(survey(path))


if __name__ == "__main__":
    main()
