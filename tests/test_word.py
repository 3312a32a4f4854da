"""Word drafts and sources (.docx): read by content, cited by paragraph and cell, checked as Markdown is.

The tables they hold are read as Markdown's are (tests/test_table.py, which needs no python-docx)."""

from __future__ import annotations

import copy
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, checked_verdicts, run
from test_table import TABLE
from wordfiles import docx, from_markdown

from factcheck.errors import ExitCode, InputError
from factcheck.extract.claims import extract
from factcheck.reading.source import document_from_bytes, read_document
from factcheck.reading.word import Place

EXAMPLE = ROOT / "examples" / "draft_pinghu_review.md"
WRONG = "平湖技师学院毕业生就业率连续多年稳定在98.2%。"  # the source says 96.2%



def word(data: bytes, name: str = "draft.docx"):  # type: ignore[no-untyped-def]
    return document_from_bytes(data, name, require_date=False)


# --- reading a Word document --------------------------------------------------------------------------

def test_headings_list_items_paragraphs_and_tables_are_read_in_document_order_each_with_its_place():
    doc = word(from_markdown("# 标题\n\n第一段。\n\n- 一项\n\n| 指标 | 2025年 |\n|---|---|\n| 产值 | 98 |\n\n末段。\n"))
    assert doc.text.split("\n")[:7] == ["# 标题", "第一段。", "- 一项", "| 指标 | 2025年 |", "|---|---|", "| 产值 | 98 |", "末段。"]
    assert doc.word is not None
    assert doc.word.place(2, 1) == Place(paragraph=2, character=1)
    assert doc.word.place(1, 3) == Place(paragraph=1, character=1)  # after the `# ` the heading was given
    assert doc.word.place(6, 8) == Place(table=1, row=2, cell=2, character=1)  # | 产值 | 98 |
    assert doc.word.place(7, 2) == Place(paragraph=4, character=2)  # a table's rows are no paragraphs


def test_a_word_document_is_known_by_its_bytes_whatever_it_is_called():
    doc = word(from_markdown(WRONG), "稿件.txt")
    assert doc.word is not None and doc.text == WRONG + "\n"


def test_tracked_changes_are_read_as_accepted_inserted_text_in_deleted_text_out():
    document = docx.Document()
    paragraph = document.add_paragraph("就业率稳定在")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    run_ = paragraph.runs[0]._r
    deleted = copy.deepcopy(run_)
    deleted.find(f"{{{w}}}t").tag = f"{{{w}}}delText"
    deleted.find(f"{{{w}}}delText").text = "98.2%"
    inserted = copy.deepcopy(run_)
    inserted.find(f"{{{w}}}t").text = "96.2%"
    for tag, child in (("del", deleted), ("ins", inserted)):
        change = paragraph._p.makeelement(f"{{{w}}}{tag}", {f"{{{w}}}id": "1", f"{{{w}}}author": "编辑"})
        change.append(child)
        paragraph._p.append(change)
    out = io.BytesIO()
    document.save(out)
    assert word(out.getvalue()).text == "就业率稳定在96.2%\n"


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"PK\x03\x04 not a zip at all", "not a readable Word document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"), "encrypted (password-protected)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "Word 97-2003 (.doc)"),
        (b"just text that is called .docx", "not a Word document"),
        (b"\x01\x00owner\x00" * 10, "not a Word document"),  # Word's lock file, ~$draft.docx, 162 bytes of it
    ],
)
def test_a_docx_that_cannot_be_read_is_one_line_saying_why(data: bytes, said: str):
    with pytest.raises(InputError) as caught:
        word(data)
    assert said in str(caught.value) and "\n" not in str(caught.value)


def test_a_zip_that_is_not_word_is_refused_when_called_docx():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError, match=r"a ZIP without word/document\.xml"):
        word(out.getvalue())


def test_without_python_docx_a_word_draft_is_one_line_naming_the_extra_and_exit_2(newsroom, capsys, monkeypatch):
    Path("draft.docx").write_bytes(from_markdown(WRONG))
    monkeypatch.setitem(sys.modules, "docx", None)  # as if python-docx were not installed
    code, _out, err = run(capsys, "check", "draft.docx")
    assert code == ExitCode.ERROR
    assert err.strip().splitlines() == ["factcheck: draft.docx: reading Word documents needs python-docx: "
                                        "pip install 'factcheck[docx]'"]


def test_a_corrupt_docx_draft_is_one_line_and_exit_2_never_a_traceback(newsroom, capsys):
    good = from_markdown(WRONG)
    Path("draft.docx").write_bytes(good[: len(good) // 2])  # cut off mid-way, as a failed download is
    code, _out, err = run(capsys, "check", "draft.docx")
    assert code == ExitCode.ERROR
    assert len(err.strip().splitlines()) == 1 and "draft.docx: not a readable Word document" in err
    assert "Traceback" not in err


# --- checking a Word draft -----------------------------------------------------------------------------

def test_the_same_article_as_markdown_and_as_word_gets_the_same_verdicts(newsroom, capsys):
    shutil.copy(EXAMPLE, "review.md")
    Path("review.docx").write_bytes(from_markdown(EXAMPLE.read_text(encoding="utf-8")))
    as_markdown, as_word = checked_verdicts(capsys, "review.md"), checked_verdicts(capsys, "review.docx")
    assert len(as_word) == 16
    assert as_word == as_markdown


def test_a_table_in_markdown_and_in_word_gets_the_same_verdicts(newsroom, capsys):
    Path("table.md").write_text(f"---\ndate: 2026-02-10\n---\n{TABLE}", encoding="utf-8")
    Path("table.docx").write_bytes(from_markdown(TABLE))
    assert checked_verdicts(capsys, "table.docx") == checked_verdicts(capsys, "table.md")


def test_every_report_cites_the_paragraph_an_editor_finds_in_word(newsroom, capsys):
    Path("draft.docx").write_bytes(from_markdown(f"# 标题\n\n第一段没有数字。\n\n{WRONG}\n"))
    code, out, _ = run(capsys, "check", "draft.docx")
    assert code == ExitCode.FINDINGS
    assert "draft.docx:3:20: contradicted [FC001] 98.2%" in out
    assert "    in Word: paragraph 3, character 20\n" in out

    _, out, _ = run(capsys, "check", "draft.docx", "--format", "json")
    finding = json.loads(out)["findings"][0]
    assert (finding["line"], finding["word"]) == (3, {"paragraph": 3, "character": 20})

    _, out, _ = run(capsys, "check", "draft.docx", "--format", "sarif")
    location = json.loads(out)["runs"][0]["results"][0]["locations"][0]
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "paragraph[3]"
    assert location["physicalLocation"]["region"]["snippet"]["text"] == WRONG

    _, out, _ = run(capsys, "check", "draft.docx", "--format", "github")
    assert "(paragraph[3], character 20)" in out

    _, out, _ = run(capsys, "check", "draft.docx", "--format", "html")
    assert "第一段没有数字。" in out and "98.2%" in out

    _, out, _ = run(capsys, "--lang", "zh", "check", "draft.docx")
    assert "在 Word 中：第 3 段，第 20 个字" in out


def test_a_figure_in_a_word_table_is_cited_by_table_row_and_cell(newsroom, capsys):
    Path("table.docx").write_bytes(from_markdown(TABLE))
    _, out, _ = run(capsys, "check", "table.docx", "--format", "json", "--all")
    places = {f["text"]: f["word"] for f in json.loads(out)["findings"]}
    assert places["1066.5亿元"] == {"table": 1, "row": 2, "cell": 2, "character": 1}
    assert places["1.5%"] == {"table": 1, "row": 3, "cell": 3, "character": 2}  # after the minus sign


def test_an_ignore_marker_typed_in_a_paragraph_or_a_word_comment_silences_the_figure(newsroom, capsys):
    Path("typed.docx").write_bytes(from_markdown(WRONG + "<!-- factcheck: ignore -->"))
    Path("commented.docx").write_bytes(from_markdown(WRONG, comments={"98.2%": "factcheck: ignore[FC001]"}))
    Path("noted.docx").write_bytes(from_markdown(WRONG, comments={"98.2%": "请核实这个数字"}))
    assert run(capsys, "check", "typed.docx")[0] == ExitCode.OK
    assert run(capsys, "check", "commented.docx")[0] == ExitCode.OK
    assert run(capsys, "check", "noted.docx")[0] == ExitCode.FINDINGS  # a comment about something else silences nothing


def test_accept_records_a_word_drafts_finding_so_it_stops_failing(newsroom, capsys):
    Path("draft.docx").write_bytes(from_markdown(WRONG))
    assert run(capsys, "check", "draft.docx")[0] == ExitCode.FINDINGS
    assert run(capsys, "accept", "draft.docx")[0] == ExitCode.OK
    assert run(capsys, "check", "draft.docx")[0] == ExitCode.OK


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_hook_blocks_a_commit_of_a_word_draft_with_a_wrong_figure(newsroom, capsys, monkeypatch):
    for name in [n for n in os.environ if n.startswith("GIT_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", *args], capture_output=True, text=True, check=False)

    git("init", "-q")
    git("config", "user.name", "Fact Desk")
    git("config", "user.email", "desk@example.com")
    assert run(capsys, "hook", "install")[0] == ExitCode.OK
    Path("draft.docx").write_bytes(from_markdown(WRONG))
    git("add", "draft.docx")
    blocked = git("commit", "-m", "draft")
    assert blocked.returncode != 0
    assert "draft.docx:1:20: contradicted [FC001] 98.2%" in blocked.stderr + blocked.stdout
    assert "in Word: paragraph 1, character 20" in blocked.stderr + blocked.stdout


# --- ingesting Word sources ------------------------------------------------------------------------------

def test_a_bad_docx_in_a_folder_is_reported_and_the_rest_is_ingested_keeping_the_store(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, "seeds")
    assert run(capsys, "ingest", "seeds")[0] == ExitCode.OK
    before = {p.name: p.read_bytes() for p in Path("claims").glob("*.jsonl")}
    Path("seeds/table.docx").write_bytes(from_markdown(TABLE))
    Path("seeds/broken.docx").write_bytes(b"PK\x03\x04 cut off")
    code, _, err = run(capsys, "ingest", "seeds", "--date", "2026-01-20")
    assert code == ExitCode.ERROR
    assert [line for line in err.splitlines() if line.startswith("factcheck:")] == [
        "factcheck: seeds/broken.docx: not a readable Word document (a ZIP without word/document.xml, or a damaged one)"]
    assert "Traceback" not in err
    after = {p.name: p.read_bytes() for p in Path("claims").glob("*.jsonl")}
    assert all(after[name] == data for name, data in before.items())  # nothing already there lost or changed
    code, out, _ = run(capsys, "claims", "--source", "table.docx", "--format", "jsonl")
    assert {json.loads(line)["text"] for line in out.splitlines()} == {"1066.5亿元", "8.1%", "3.2亿元", "1.5%"}


def test_evidence_from_a_word_source_is_cited_by_its_table_cell(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("factcheck.toml").write_text('store = "claims"\nsources = ["sources"]\n', encoding="utf-8")
    Path("sources").mkdir()
    Path("sources/bulletin.docx").write_bytes(from_markdown(TABLE))
    assert run(capsys, "ingest", "--date", "2026-01-20")[0] == ExitCode.OK
    Path("draft.md").write_text("---\ndate: 2026-02-01\n---\n平湖经开2025年规上工业总产值1068.5亿元。\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "draft.md")
    assert code == ExitCode.FINDINGS
    assert "the source says 1066.5亿元" in out
    assert "    evidence: sources/bulletin.docx:6 (published 2026-01-20)\n      in Word: table 1, row 2, cell 2, character 1\n" in out
    assert "| 指标 | 2025年 | 比上年增长（%） | / | 规上工业总产值 | 1066.5 | 8.1 |" in out  # the row under its headers
    _, out, _ = run(capsys, "check", "draft.md", "--format", "json")
    (finding,) = json.loads(out)["findings"]
    assert (finding["word"], finding["evidence"][0]["word"]) == (None, {"table": 1, "row": 2, "cell": 2, "character": 1})


def test_a_seed_article_as_word_gives_the_claims_of_its_text(seed_path):
    """The seed's paragraphs (as the layout rebuilds its page text) each a Word paragraph: the same figures,
    with the same metric, period and subject, as the .txt gives."""
    from factcheck.reading import layout

    path = seed_path("002")
    as_text = read_document(path, display=path.name, require_date=False)
    document = docx.Document()
    for paragraph in layout.paragraphs(as_text.text, as_text.body_start):
        document.add_paragraph(paragraph.text)
    out = io.BytesIO()
    document.save(out)
    as_word = document_from_bytes(out.getvalue(), path.with_suffix(".docx").name, date=as_text.published)

    def facts(doc) -> list[tuple]:  # type: ignore[no-untyped-def]
        return [(c.text, c.unit, c.metric, c.period.label if c.period else "", c.subject) for c in extract(doc)]

    assert len(facts(as_text)) == 55
    assert facts(as_word) == facts(as_text)
