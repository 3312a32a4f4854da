"""Web pages as sources (.html): the article without the page's furniture, dated by its metadata, cited by address.

Pages are built from the project's own articles (tests/pagefiles.py) in a government site's layout; the real
pages measured are bench/web.py's (bench/RESULTS.md)."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

pytest.importorskip("trafilatura", reason="trafilatura is not installed: pip install 'factcheck[web]'")

from conftest import ROOT, SEEDS, checked_verdicts, run
from pagefiles import FOOTER, NAV, RELATED, html_from_markdown
from test_table import TABLE

from factcheck.errors import EmptyText, ExitCode, InputError
from factcheck.extract.claims import extract
from factcheck.reading.source import document_from_bytes
from factcheck.reading.word import Place

EXAMPLE = ROOT / "examples" / "draft_pinghu_review.md"
WRONG = "平湖技师学院毕业生就业率连续多年稳定在98.2%。"  # the source says 96.2%
URL = "https://www.pinghu.gov.cn/art/2026/1/20/art_1229_3645.html"


def page(data: bytes, name: str = "page.html"):  # type: ignore[no-untyped-def]
    return document_from_bytes(data, name, require_date=False)


# --- reading a page --------------------------------------------------------------------------------------

def test_the_article_is_read_without_the_pages_menus_related_stories_and_footer():
    doc = page(html_from_markdown(f"# 标题\n\n第一段没有数字。\n\n{WRONG}\n\n{TABLE}", url=URL))
    assert doc.text.split("\n")[:3] == ["# 标题", "第一段没有数字。", WRONG]
    assert "| 规上工业总产值 | 1066.5 | 8.1 |" in doc.text.split("\n")
    for furniture in (*NAV, *RELATED, FOOTER):
        assert furniture not in doc.text
    assert doc.encoding == "html"


def test_each_line_keeps_its_paragraph_or_table_cell_and_the_pages_address():
    doc = page(html_from_markdown(f"第一段没有数字。\n\n{WRONG}\n\n{TABLE}", url=URL))
    assert doc.word is not None
    assert doc.word.place(2, 20) == Place(paragraph=2, character=20, url=URL, kind="html")
    line = doc.text.split("\n").index("| 规上工业总产值 | 1066.5 | 8.1 |") + 1
    assert doc.word.place(line, 13) == Place(table=1, row=2, cell=2, character=1, url=URL, kind="html")


def test_a_tables_cells_become_claims_with_their_row_and_column_headers():
    claims = {c.text: c for c in extract(page(html_from_markdown(TABLE)))}
    assert set(claims) == {"1066.5亿元", "8.1%", "3.2亿元", "1.5%"}
    assert (claims["1066.5亿元"].metric, claims["1066.5亿元"].period.label) == ("规上工业总产值", "2025年")
    assert claims["1.5%"].metric == "社会保障和就业支出比上年下降"


def test_a_table_that_only_lays_the_page_out_is_read_as_its_paragraphs():
    data = ("<!DOCTYPE html><html><body><table><tr><td><p>" + WRONG + "</p><p>第二段。</p></td></tr>"
            "<tr><td>发布日期：2019-03-06</td></tr></table></body></html>").encode("utf-8")
    doc = page(data)
    assert WRONG in doc.text.split("\n") and "|" not in doc.text


def test_a_web_page_is_known_by_its_bytes_whatever_it_is_called():
    doc = page(html_from_markdown(WRONG), "稿件.txt")
    assert doc.word is not None and doc.text == WRONG + "\n"


def test_a_page_in_gbk_as_many_government_sites_still_serve_is_read():
    data = html_from_markdown(WRONG).decode("utf-8").replace('charset="utf-8"', 'charset="gbk"').encode("gbk")
    assert page(data).text == WRONG + "\n"


@pytest.mark.parametrize(
    "head",
    [
        '<meta name="PubDate" content="2022-04-17 14:46:00">',  # the government sites' template
        '<meta name="publishdate" content="2022-04-17">',
        '<meta property="article:published_time" content="2022-04-17T08:30:00+08:00">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2022-04-17T08:30"}</script>',
    ],
)
def test_the_page_is_dated_by_its_metadata(head: str):
    doc = page(html_from_markdown(WRONG, head=head))
    assert (doc.published.isoformat(), doc.date_inferred) == ("2022-04-17", False)


def test_without_metadata_a_labelled_date_line_on_the_page_dates_it():
    data = html_from_markdown(WRONG).replace(b"<div class=\"footer\">", "<p>发布时间：2022年4月17日</p><div class=\"footer\">".encode())
    assert page(data).published.isoformat() == "2022-04-17"


@pytest.mark.parametrize(
    ("head", "saved"),
    [
        (f'<link rel="canonical" href="{URL}">', ""),
        (f'<meta property="og:url" content="{URL}">', ""),
        (f'<meta name="Url" content="{URL}">', ""),  # the government sites' template
        ("", f"<!-- saved from url=(0058){URL} -->\n"),  # what a browser writes into a saved page
    ],
)
def test_the_pages_address_is_kept_as_its_citation(head: str, saved: str):
    data = saved.encode() + html_from_markdown(WRONG, head=head)
    doc = page(data)
    assert doc.word is not None and doc.word.url == URL


def test_a_page_with_no_article_text_is_one_line():
    with pytest.raises(EmptyText, match="a web page with no article text in it"):
        page(b"<!DOCTYPE html><html><head><title>x</title></head><body><script>var a = 1;</script></body></html>")


def test_without_trafilatura_a_web_page_is_one_line_naming_the_extra_and_exit_2(newsroom, capsys, monkeypatch):
    Path("page.html").write_bytes(html_from_markdown(WRONG))
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if it were not installed
    code, _out, err = run(capsys, "check", "page.html")
    assert code == ExitCode.ERROR
    assert err.strip().splitlines() == ["factcheck: page.html: reading web pages needs trafilatura: "
                                        "pip install 'factcheck[web]'"]


# --- the same article as Markdown and as a page ----------------------------------------------------------------

def test_the_same_article_as_markdown_and_as_a_web_page_gets_the_same_verdicts(newsroom, capsys):
    shutil.copy(EXAMPLE, "review.md")
    Path("review.html").write_bytes(html_from_markdown(EXAMPLE.read_text(encoding="utf-8")))
    as_markdown, as_page = checked_verdicts(capsys, "review.md"), checked_verdicts(capsys, "review.html")
    assert len(as_page) == 16
    assert as_page == as_markdown


def test_a_table_in_markdown_and_on_a_web_page_gets_the_same_verdicts(newsroom, capsys):
    Path("table.md").write_text(f"---\ndate: 2026-02-10\n---\n{TABLE}", encoding="utf-8")
    Path("table.html").write_bytes(html_from_markdown(TABLE))
    assert checked_verdicts(capsys, "table.html") == checked_verdicts(capsys, "table.md")


# --- ingesting pages -------------------------------------------------------------------------------------------

def test_evidence_from_a_web_page_is_cited_by_its_address_and_table_cell(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("factcheck.toml").write_text('store = "claims"\nsources = ["sources"]\n', encoding="utf-8")
    Path("sources").mkdir()
    head = '<meta name="PubDate" content="2026-01-20 09:30">'
    Path("sources/bulletin.html").write_bytes(html_from_markdown(TABLE, head=head, url=URL))
    assert run(capsys, "ingest")[0] == ExitCode.OK  # dated by the page itself: no --date needed
    Path("draft.md").write_text("---\ndate: 2026-02-01\n---\n平湖经开2025年规上工业总产值1068.5亿元。\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "draft.md")
    assert code == ExitCode.FINDINGS
    assert "the source says 1066.5亿元" in out
    assert ("    evidence: sources/bulletin.html:6 (published 2026-01-20)\n"
            f"      on the web page {URL}: table 1, row 2, cell 2, character 1\n") in out
    _, out, _ = run(capsys, "check", "draft.md", "--format", "json")
    (finding,) = json.loads(out)["findings"]
    assert finding["evidence"][0]["word"] == {"table": 1, "row": 2, "cell": 2, "character": 1, "url": URL}


def test_a_folder_of_saved_pages_is_ingested_beside_the_seeds(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, "seeds")
    Path("seeds/news.shtml").write_bytes(html_from_markdown(TABLE, head='<meta name="publishdate" content="2026-01-20">'))
    Path("seeds/broken.html").write_bytes(b"<!DOCTYPE html><html><body></body></html>")
    code, _, err = run(capsys, "ingest", "seeds", "--date", "2026-01-20")
    assert code == ExitCode.ERROR  # the empty page is named; the rest is ingested
    assert [line for line in err.splitlines() if line.startswith("factcheck:")] == [
        "factcheck: seeds/broken.html: a web page with no article text in it"]
    code, out, _ = run(capsys, "claims", "--source", "news.shtml", "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert {r["text"] for r in records} == {"1066.5亿元", "8.1%", "3.2亿元", "1.5%"}
    assert {r["encoding"] for r in records} == {"html"}


def test_a_damaged_page_named_alone_is_one_line_and_exit_2(newsroom, capsys):
    Path("page.html").write_bytes(b"<!DOCTYPE html>\n")
    code, _out, err = run(capsys, "check", "page.html")
    assert code == ExitCode.ERROR
    assert len(err.strip().splitlines()) == 1 and "page.html" in err and "Traceback" not in err


def test_an_input_error_names_the_page():
    with pytest.raises(InputError, match=r"page\.html"):
        page(b"<!DOCTYPE html>\n")


def test_a_page_saved_complete_is_read_without_the_frames_and_scripts_saved_beside_it(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("pages/稿件_files").mkdir(parents=True)
    Path("pages/稿件.html").write_bytes(html_from_markdown(TABLE, head='<meta name="PubDate" content="2026-01-20">'))
    Path("pages/稿件_files/ad.html").write_text("<!DOCTYPE html><html><body><a href='/'>广告</a></body></html>")
    Path("pages/稿件_files/share.htm").write_bytes(html_from_markdown("分享到微博"))
    code, _out, err = run(capsys, "ingest", "pages", "--store", "claims")
    assert (code, err.count("factcheck:")) == (ExitCode.OK, 0)
    _, out, _ = run(capsys, "claims", "--store", "claims", "--format", "jsonl")
    assert {json.loads(line)["source"] for line in out.splitlines()} == {"pages/稿件.html"}
