"""PDFs as sources: the text layer page by page, tables read as tables, every claim cited by its page.

The PDFs are written by tests/pagefiles.py from the project's own articles; the real bulletins measured are
bench/web.py's (bench/RESULTS.md)."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

pytest.importorskip("pdfplumber", reason="pdfplumber is not installed: pip install 'factcheck[pdf]'")

from conftest import ROOT, SEEDS, checked_verdicts, run
from pagefiles import pdf_from_markdown, pdf_from_pages

from factcheck.errors import ExitCode, InputError
from factcheck.extract.claims import extract
from factcheck.reading.source import document_from_bytes
from factcheck.reading.word import Place

EXAMPLE = ROOT / "examples" / "draft_pinghu_review.md"
WRONG = "平湖技师学院毕业生就业率连续多年稳定在98.2%。"  # the source says 96.2%
ROWS = [["指标", "2025年", "比上年增长（%）"], ["规上工业总产值", "1066.5", "8.1"], ["社会保障和就业支出", "3.2", "-1.5"]]
# A bulletin of two pages: prose broken where the page breaks it, a table on the second page under its caption.
BULLETIN = [
    ["平湖经开2025年国民经济和社会发展统计公报", "2025年，平湖经开24家规模以上数控机床企业实现产",
     "值98亿元，同比增长8.1%。"],
    ["表1 2025年平湖经开主要经济指标", "单位：亿元", ROWS, "注：增速按可比价格计算。"],
]


def pdf(data: bytes, name: str = "bulletin.pdf"):  # type: ignore[no-untyped-def]
    return document_from_bytes(data, name, require_date=False)


# --- reading a PDF ------------------------------------------------------------------------------------------

def test_the_text_layer_is_read_page_by_page_and_a_table_as_markdown_rows():
    doc = pdf(pdf_from_pages(BULLETIN))
    lines = [line for line in doc.text.split("\n") if line]  # a blank line where a paragraph ends
    assert lines[:3] == BULLETIN[0]
    assert lines[3:9] == ["表1 2025年平湖经开主要经济指标", "单位：亿元", "| 指标 | 2025年 | 比上年增长（%） |", "|---|---|---|",
                          "| 规上工业总产值 | 1066.5 | 8.1 |", "| 社会保障和就业支出 | 3.2 | -1.5 |"]
    assert "注：增速按可比价格计算。" in lines
    assert doc.encoding == "pdf"


def test_each_line_keeps_its_page_and_a_tables_cell_its_row_and_column():
    doc = pdf(pdf_from_pages(BULLETIN))
    assert doc.word is not None
    lines = doc.text.split("\n")

    def line(text: str) -> int:
        return lines.index(text) + 1

    assert doc.word.place(line(BULLETIN[0][1]), 3) == Place(page=1, character=3, kind="pdf")
    assert doc.word.place(line("单位：亿元"), 1) == Place(page=2, character=1, kind="pdf")
    row = line("| 规上工业总产值 | 1066.5 | 8.1 |")
    assert doc.word.place(row, 13) == Place(page=2, table=1, row=2, cell=2, character=1, kind="pdf")


def test_prose_broken_at_the_pages_line_ends_is_rejoined_into_its_sentence():
    claims = {c.text: c for c in extract(pdf(pdf_from_pages(BULLETIN)))}
    assert claims["98亿元"].sentence == "2025年，平湖经开24家规模以上数控机床企业实现产值98亿元，同比增长8.1%。"


def test_a_tables_cells_become_claims_with_their_row_and_column_headers_and_the_captions_unit():
    claims = [c for c in extract(pdf(pdf_from_pages(BULLETIN))) if c.paragraph.startswith("表1")]
    assert [(c.text, c.metric, c.period.label if c.period else "") for c in claims] == [
        ("1066.5亿元", "规上工业总产值", "2025年"), ("8.1%", "规上工业总产值比上年增长", "2025年"),
        ("3.2亿元", "社会保障和就业支出", "2025年"), ("1.5%", "社会保障和就业支出比上年下降", "2025年")]


def test_a_pdf_is_known_by_its_bytes_whatever_it_is_called():
    doc = pdf(pdf_from_pages([[WRONG]]), "公报.txt")
    assert doc.word is not None and doc.text == WRONG + "\n"


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (pdf_from_pages([[]]), "a PDF with no text layer (a scan?); factcheck reads text, it does no OCR"),
        (pdf_from_pages([[WRONG]], encrypt=True), "an encrypted (password-protected) PDF; save it without a password"),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n", "not a readable PDF"),
        (pdf_from_pages([[WRONG]])[:300], "not a readable PDF"),  # cut off mid-way, as a failed download is
    ],
    ids=["scanned", "encrypted", "no-pages", "truncated"],
)
def test_a_pdf_that_cannot_be_read_is_one_line_saying_why(data: bytes, said: str):
    with pytest.raises(InputError) as caught:
        pdf(data)
    assert said in str(caught.value) and "\n" not in str(caught.value)
    assert str(caught.value).startswith("bulletin.pdf: ")


def test_a_scanned_pdf_named_alone_is_one_line_and_exit_2(newsroom, capsys):
    Path("scan.pdf").write_bytes(pdf_from_pages([[]]))
    code, _out, err = run(capsys, "check", "scan.pdf")
    assert code == ExitCode.ERROR
    assert err.strip().splitlines() == [
        "factcheck: scan.pdf: a PDF with no text layer (a scan?); factcheck reads text, it does no OCR"]


def test_without_pdfplumber_a_pdf_is_one_line_naming_the_extra_and_exit_2(newsroom, capsys, monkeypatch):
    Path("bulletin.pdf").write_bytes(pdf_from_pages([[WRONG]]))
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # as if it were not installed
    code, _out, err = run(capsys, "check", "bulletin.pdf")
    assert code == ExitCode.ERROR
    assert err.strip().splitlines() == ["factcheck: bulletin.pdf: reading PDFs needs pdfplumber: "
                                        "pip install 'factcheck[pdf]'"]


# --- checking against a PDF source ---------------------------------------------------------------------------

def test_the_same_article_as_markdown_and_as_a_pdf_gets_the_same_verdicts(newsroom, capsys):
    shutil.copy(EXAMPLE, "review.md")
    Path("review.pdf").write_bytes(pdf_from_markdown(EXAMPLE.read_text(encoding="utf-8"), per_page=8))
    as_markdown, as_pdf = checked_verdicts(capsys, "review.md"), checked_verdicts(capsys, "review.pdf")
    assert len(as_pdf) == 16
    assert as_pdf == as_markdown


def test_evidence_from_a_pdf_is_cited_by_its_page_and_table_cell(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("factcheck.toml").write_text('store = "claims"\nsources = ["sources"]\n', encoding="utf-8")
    Path("sources").mkdir()
    Path("sources/bulletin.pdf").write_bytes(pdf_from_pages(BULLETIN))
    assert run(capsys, "ingest", "--date", "2026-01-20")[0] == ExitCode.OK
    Path("draft.md").write_text("---\ndate: 2026-02-01\n---\n平湖经开2025年规上工业总产值1068.5亿元。\n"
                                "2025年，平湖经开24家规模以上数控机床企业实现产值89亿元。\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "draft.md")
    assert code == ExitCode.FINDINGS
    assert re.search(r"    evidence: sources/bulletin\.pdf:\d+ \(published 2026-01-20\)\n"
                     r"      in the PDF: page 2, table 1, row 2, cell 2\n", out)
    assert "      in the PDF: page 1\n" in out  # the prose figure, 98亿元, on the first page
    _, out, _ = run(capsys, "check", "draft.md", "--format", "json")
    cited = [f["evidence"][0]["word"] for f in json.loads(out)["findings"]]
    assert {"page": 2, "table": 1, "row": 2, "cell": 2, "character": 1} in cited
    _, out, _ = run(capsys, "--lang", "zh", "check", "draft.md")
    assert "在 PDF 中：第 2 页，表 1，第 2 行，第 2 格" in out


def test_a_bad_pdf_in_a_folder_is_reported_and_the_rest_is_ingested(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, "seeds")
    Path("seeds/bulletin.pdf").write_bytes(pdf_from_pages(BULLETIN))
    Path("seeds/scan.pdf").write_bytes(pdf_from_pages([[]]))
    Path("seeds/locked.pdf").write_bytes(pdf_from_pages([[WRONG]], encrypt=True))
    code, _, err = run(capsys, "ingest", "seeds", "--date", "2026-01-20")
    assert code == ExitCode.ERROR
    assert sorted(line for line in err.splitlines() if line.startswith("factcheck:")) == [
        "factcheck: seeds/locked.pdf: an encrypted (password-protected) PDF; save it without a password",
        "factcheck: seeds/scan.pdf: a PDF with no text layer (a scan?); factcheck reads text, it does no OCR"]
    _, out, _ = run(capsys, "claims", "--source", "bulletin.pdf", "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert {r["text"] for r in records} >= {"98亿元", "8.1%", "1066.5亿元", "3.2亿元", "1.5%"}
    assert {r["encoding"] for r in records} == {"pdf"}
    _, out, _ = run(capsys, "claims", "--source", "001_09746f9734a70c8c.txt", "--format", "jsonl")
    assert out.strip()  # the seeds went in beside it


def test_a_table_ruled_only_at_its_header_is_read_by_where_its_words_stand():
    """黔东南州2023年统计公报, 表2, as pdfplumber gives its words: the rules leave every figure in one cell, and the
    row header 农林牧渔业总产值 is wider than 指标名称 above it (cut to 牧渔业总产值 when columns follow the header)."""
    from factcheck.reading.pdf import _rows_by_words

    def word(text: str, x0: float, top: float) -> dict[str, object]:
        return {"text": text, "x0": x0, "x1": x0 + 10.5 * len(text), "top": top}

    words = [word("指标名称", 168, 488), word("绝对数（亿元）", 294, 488), word("比上年增长（%）", 400, 488),
             word("农林牧渔业总产值", 105, 512), word("481.96", 316, 512), word("4.2", 432, 512),
             word("#种植业", 116, 528), word("282.41", 316, 528), word("3.8", 432, 528),
             word("林", 121, 545), word("业", 142, 545), word("86.95", 318, 545), word("4.2", 432, 545)]
    assert _rows_by_words(words) == [["指标名称", "绝对数（亿元）", "比上年增长（%）"], ["农林牧渔业总产值", "481.96", "4.2"],
                                     ["#种植业", "282.41", "3.8"], ["林业", "86.95", "4.2"]]


def test_a_header_written_on_two_lines_is_read_as_one():
    """周口市2023年统计公报, 表5: `产 量 | 比上年` over `| 增长`."""
    from factcheck.reading.pdf import _rows_by_words

    def word(text: str, x0: float, top: float) -> dict[str, object]:
        return {"text": text, "x0": x0, "x1": x0 + 10.5 * len(text), "top": top}

    words = [word("产品名称", 60, 100), word("单位", 200, 100), word("产量", 300, 100), word("比上年", 400, 100),
             word("增长", 405, 115), word("钢材", 60, 135), word("吨", 205, 135), word("1577693", 300, 135),
             word("48.8", 405, 135)]
    assert _rows_by_words(words) == [["产品名称", "单位", "产量", "比上年增长"], ["钢材", "吨", "1577693", "48.8"]]


def test_an_article_that_mentions_the_pdf_header_is_still_an_article():
    doc = pdf(f"排版说明：PDF 文件以 %PDF-1.7 开头。{WRONG}\n".encode(), "说明.md")
    assert doc.word is None and doc.encoding == "utf-8"
