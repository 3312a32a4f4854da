"""`check --format html`: the page's structure without a browser (escaping, counts, anchors, sections, TOC).

tests/test_html_browser.py opens the same page in headless Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.app.check import judge_drafts, read_drafts
from factcheck.app.config import load_config
from factcheck.cli import main
from factcheck.report.formats import FORMATS
from factcheck.report.html import FONTS, SCRIPT, highlighted, to_html

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = "examples/draft_pinghu_review.md"

# A draft that tries to run script three ways; every one must come out as text.
HOSTILE = (
    "---\ndate: 2026-02-10\n---\n\n"
    "# <script>window.__pwned = 1; alert(1)</script> 平湖经开\n\n"
    '平湖经开数控机床产业基金规模达20亿元。<img src=x onerror="window.__pwned = 2"> & "quotes" \'single\'\n\n'
    '<a href="javascript:window.__pwned = 3">津上精密</a>现有员工1900名。\n'
)


class Page(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> elements."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data

    def all(self, tag: str, cls: str = "") -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and (not cls or cls in a.get("class", "").split())]

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if "id" in a}


def check(capsys, *args: str) -> tuple[int, str]:
    code = main(["check", *args])
    return code, capsys.readouterr().out


@pytest.fixture
def at_root(monkeypatch) -> Path:
    monkeypatch.chdir(ROOT)
    return ROOT


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def test_html_is_a_format_of_check():
    assert "html" in FORMATS


def test_the_page_goes_to_stdout_and_the_exit_code_is_the_text_reports(at_root, capsys):
    text_code, _ = check(capsys, EXAMPLE)
    code, out = check(capsys, EXAMPLE, "--format", "html")
    assert code == text_code == 1
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")


def test_output_writes_the_file_and_nothing_to_stdout(at_root, capsys, tmp_path):
    target = tmp_path / "out" / "report.html"
    code, out = check(capsys, EXAMPLE, "--format", "html", "-o", str(target))
    assert code == 1 and out == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]  # no temporary file left beside it


def test_output_works_for_the_streamed_formats_too(at_root, capsys, tmp_path):
    target = tmp_path / "report.json"
    code, out = check(capsys, EXAMPLE, "--format", "json", "--output", str(target))
    assert code == 1 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["numbers"] == 16


def test_a_check_that_fails_leaves_the_old_report(at_root, capsys, tmp_path):
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    assert main(["check", "no-such-draft.md", "--format", "html", "-o", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_every_finding_has_a_marked_figure_linked_to_its_panel_and_back(at_root, capsys):
    findings = json.loads(check(capsys, EXAMPLE, "--format", "json")[1])["findings"]
    page = Page(check(capsys, EXAMPLE, "--format", "html")[1])
    figures, panels = page.all("a", "fig"), page.all("li", "finding")
    assert len(figures) == len(panels) == len(findings) == 16
    panel_ids = {p["id"] for p in panels}
    assert {f["href"].removeprefix("#") for f in figures} == panel_ids
    assert sorted(f["data-code"] for f in figures) == sorted(f["code"] for f in findings)
    backs = page.all("a", "back")
    assert {b["href"].removeprefix("#") for b in backs} == {f["id"] for f in figures}
    ids = [a["id"] for _, a in page.tags if "id" in a]
    assert len(ids) == len(set(ids)), "anchors are unique"
    assert all(f.get("tabindex") == "0" for f in figures) and all(p.get("tabindex") == "-1" for p in panels)


def test_figures_sit_in_the_draft_text_where_the_draft_has_them(at_root, capsys):
    out = check(capsys, EXAMPLE, "--format", "html")[1]
    # 98.2% is contradicted: its figure, with a text mark, in its sentence as written.
    sentence = re.search(r"毕业生就业率连续多年稳定在(<a class=\"fig v-contradicted\"[^>]*>.*?</a>)。", out)
    assert sentence, "the figure is marked inside its sentence"
    assert '<span class="figure">98.2%</span>' in sentence[1] and "✗FC001" in sentence[1]


def test_the_summary_counts_are_the_json_summary(at_root, capsys):
    summary = json.loads(check(capsys, EXAMPLE, "--format", "json")[1])["summary"]
    page = Page(check(capsys, EXAMPLE, "--format", "html")[1])
    counts = {a["data-verdict"]: int(a["data-count"]) for a in page.all("a", "count")}
    assert counts == {v: summary[v] for v in ("ok", "contradicted", "stale", "unsupported", "inconsistent")}
    index = {a["id"] for a in page.all("details")}
    assert {a["href"].removeprefix("#") for a in page.all("a", "count")} <= index


def test_each_finding_shows_verdict_reason_evidence_and_near_misses(at_root, capsys):
    out = check(capsys, EXAMPLE, "--format", "html")[1]
    panel = re.search(r'<li class="finding v-contradicted"[^>]*>.*?</li>', out, re.DOTALL)
    assert panel
    text = panel[0]
    assert "contradicted [FC001]" in text and "98.2% — the source says 96.2%" in text
    assert "seeds/001_09746f9734a70c8c.txt:25 · published 2026-01-20" in text
    assert "<mark>96.2%</mark>" in text
    unsupported = re.search(r'<li class="finding v-unsupported[^"]*"[^>]*>.*?</li>', out, re.DOTALL)
    assert unsupported and "Near misses" in unsupported[0]
    assert "measures 规模以上数控机床产值, not 数控机床基金规模" in unsupported[0]


def test_evidence_quotes_the_paragraph_the_sentence_or_no_text_of_the_source(at_root, capsys):
    def contradicted(*options: str) -> str:
        out = check(capsys, EXAMPLE, "--format", "html", *options)[1]
        panel = re.search(r'<li class="finding v-contradicted"[^>]*>.*?</li>', out, re.DOTALL)
        assert panel
        return panel[0]

    sentence = "1500余名，毕业生就业率连续多年稳定在<mark>96.2%</mark>"
    whole = contradicted()
    assert sentence in whole and "<blockquote>" in whole
    one = contradicted("--evidence", "sentence")
    quote = re.search(r"<blockquote>(.*?)</blockquote>", one, re.DOTALL)
    assert quote and sentence in quote[1] and len(quote[1]) < len(re.search(r"<blockquote>(.*?)</blockquote>", whole,
                                                                           re.DOTALL)[1])
    bare = contradicted("--evidence", "none")
    assert "<blockquote>" not in bare and "就业率连续多年" not in bare
    assert "seeds/001_09746f9734a70c8c.txt:25 · 96.2% · published 2026-01-20" in bare


def test_one_section_per_draft_and_a_table_of_contents(at_root, capsys, hostile):
    page = Page(check(capsys, EXAMPLE, str(hostile), "--format", "html")[1])
    sections = page.all("section", "draft-section")
    assert [s["data-path"] for s in sections] == [EXAMPLE, str(hostile)]  # outside the project: its full path
    toc = [a["href"] for t, a in page.tags if t == "a" and a.get("href", "").startswith("#draft-")]
    assert toc == [f"#{s['id']}" for s in sections]


def test_a_draft_with_markup_renders_as_text(at_root, capsys, hostile):
    out = check(capsys, str(hostile), "--format", "html")[1]
    page = Page(out)
    assert len(page.all("script")) == 1 and page.scripts == [SCRIPT]  # ours, and only ours
    assert page.all("img") == [] and "javascript:" not in {a.get("href", "")[:11] for a in page.all("a")}
    assert "&lt;script&gt;window.__pwned = 1; alert(1)&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=&quot;window.__pwned = 2&quot;&gt; &amp; &quot;quotes&quot; &#x27;single&#x27;" in out
    assert len(page.all("a", "fig")) == 2  # the figures around the markup are still found and marked


def test_evidence_from_the_store_is_escaped_too(at_root):
    cfg = load_config()
    report = judge_drafts(read_drafts([EXAMPLE], cfg, None), cfg, None)
    f = next(f for f in report.findings if f.evidence)
    e = f.evidence[0]
    bad = replace(e, source="<i>seeds</i>", paragraph=f"<script>x()</script>{e.text}<b>", sentence="")
    out = to_html(report.with_findings([replace(f, evidence=(bad,), reasons=("<u>why</u>",))]))
    assert "<i>seeds" not in out and "<script>x()" not in out and "<u>why" not in out
    assert f"&lt;script&gt;x()&lt;/script&gt;<mark>{e.text}</mark>&lt;b&gt;" in out


def test_highlighted_marks_the_figure_in_its_sentence():
    paragraph = "去年产值88亿元。今年产值98亿元，比去年的88亿元多。"
    assert highlighted(paragraph, "88亿元", "今年产值98亿元，比去年的88亿元多。").count("<mark>") == 1
    assert highlighted(paragraph, "88亿元", "今年产值98亿元，比去年的88亿元多。").endswith("去年的<mark>88亿元</mark>多。")
    assert highlighted("a<b", "x") == "a&lt;b"


def test_the_page_is_self_contained(at_root, capsys):
    out = check(capsys, EXAMPLE, "--format", "html")[1]
    page = Page(out)
    assert not page.all("link") and not page.all("img") and not [a for t, a in page.tags if "src" in a]
    assert "@import" not in out and "url(" not in out
    csp = next(a["content"] for a in page.all("meta") if a.get("http-equiv") == "Content-Security-Policy")
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp


def test_chinese_uses_the_systems_cjk_fonts_and_the_page_fits_a_phone(at_root, capsys):
    out = check(capsys, EXAMPLE, "--format", "html")[1]
    for font in ("PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei"):
        assert font in FONTS
    assert f"font-family: {FONTS};" in out
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in out
    assert '<html lang="zh-CN">' in out


def card(out: str, figure: str) -> str:
    """The finding panel of `figure` on the page."""
    for panel in re.findall(r'<li class="finding [^"]*"[^>]*>.*?\n</li>', out, re.DOTALL):
        if f"<b>{figure}</b>" in panel:
            return panel
    raise AssertionError(f"no finding for {figure}")


def test_unsupported_figures_are_warnings_counted_apart_from_the_findings(at_root, capsys):
    """The example draft: 2 contradicted and 4 stale fail the check; its 2 unsupported figures do not."""
    out = check(capsys, EXAMPLE, "--format", "html")[1]
    page = Page(out)
    # once on top for the page, once in the contents for the draft
    assert [a["data-count"] for a in page.all("span", "problems")] == ["6", "6"]
    assert [a["data-count"] for a in page.all("span", "unverified")] == ["2", "2"]
    assert re.search(r'<p class="tally"><span class="problems" data-count="6">6 findings</span> · '
                     r'<span class="unverified" data-count="2">2 unverified</span>', out)
    assert "flagged" not in out
    muted = {a["data-verdict"] for a in page.all("a", "warn")}
    assert muted == {"unsupported"}, "only unsupported figures, chips and cards are muted"
    assert {a["data-verdict"] for a in page.all("li", "warn")} == {"unsupported"}
    assert re.search(r'<span class="apart"[^>]*><a class="count v-unsupported warn"', out), "its chip stands apart"
    toggle = page.all("input")
    assert [(t["type"], t["id"], "checked" in t) for t in toggle] == [("checkbox", "show-warnings", True)]


def test_a_newsroom_that_fails_on_unsupported_sees_them_as_findings(at_root, capsys):
    out = check(capsys, EXAMPLE, "--format", "html", "--fail-on", "contradicted,stale,unsupported,inconsistent")[1]
    page = Page(out)
    assert [a["data-count"] for a in page.all("span", "problems")] == ["8", "8"]
    assert not page.all("span", "unverified") and not page.all("input") and not page.all("a", "warn")


def test_the_stale_card_says_which_figure_to_use_now_and_which_is_superseded(at_root, capsys):
    out = check(capsys, EXAMPLE, "--format", "html")[1]
    stale = card(out, "88亿元")
    now = re.search(r'<p class="use-now"[^>]*>(.*?)</p>', stale)
    old = re.search(r'<p class="superseded"[^>]*>(.*?)</p>', stale)
    assert now and old and stale.index(now[0]) < stale.index(old[0])
    assert re.sub("<[^>]+>", "", now[1]) == (
        "Use now: 98亿元 (2025年) · seeds/001_09746f9734a70c8c.txt:5 · published 2026-01-20")
    assert re.sub("<[^>]+>", "", old[1]) == (
        "Superseded: 88亿元 (2025年前11个月) · seeds/000_c16f9ac0725775b3.txt:5 · published 2025-12-20")


def test_the_unsupported_card_quotes_each_paragraph_once_with_its_reasons_after_it(at_root, capsys):
    """20亿元 (a fund's size): two of its three near misses, 88亿元 and 120.41亿元, are in one paragraph of seed 000."""
    out = check(capsys, EXAMPLE, "--format", "html")[1]
    unsupported = card(out, "20亿元")
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", unsupported, re.DOTALL)
    assert len(quotes) == len(set(quotes)) == 2
    first = re.search(r"seeds/000_c16f9ac0725775b3.txt:5 · published 2025-12-20</p>\n<blockquote>(.*?)</blockquote>\n"
                      r'<ul class="reasons">(.*?)</ul>', unsupported, re.DOTALL)
    assert first, "the paragraph, then the reasons about its figures"
    assert first[1].count("<mark>") == 2 and "<mark>88亿元</mark>" in first[1] and "<mark>120.41亿元</mark>" in first[1]
    assert re.findall(r"<li>(.*?)</li>", first[2]) == [
        "88亿元: measures 规模以上数控机床产值, not 数控机床基金规模",
        "120.41亿元: measures 规模以上产值, not 数控机床基金规模",
    ]


def test_the_drafts_path_is_relative_to_the_project_wherever_the_check_runs(at_root, capsys, monkeypatch):
    monkeypatch.chdir(ROOT / "src" / "factcheck" / "report")
    out = check(capsys, f"../../../{EXAMPLE}", "--format", "html")[1]
    page = Page(out)
    assert [s["data-path"] for s in page.all("section", "draft-section")] == [EXAMPLE]
    assert "../" not in out
    assert f"{EXAMPLE}:12:40" in card(out, "98.2%")
