"""The HTML report in a real browser: headless Chromium, driven by Playwright.

Playwright drives the system's `chromium` (Debian's package; `.ci/run` installs
it), never a browser of its own download. Without Chromium, or when it cannot
start, the tests are skipped and say why.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_htmlreport import EXAMPLE, HOSTILE, ROOT

from factcheck.cli import main

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed: pip install -e '.[test]'")

PHONE = 375


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.skip("chromium not installed: apt-get install chromium")
    with sync_api.sync_playwright() as p:
        try:
            # --no-sandbox: CI containers run as root, where Chromium's sandbox will not start.
            browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        except Exception as exc:  # any failure to start is a reason to skip, with its message
            pytest.skip(f"chromium ({executable}) could not be started: {str(exc).splitlines()[0]}")
        yield browser
        browser.close()


@pytest.fixture
def report(tmp_path: Path, monkeypatch, capsys) -> tuple[Path, dict]:
    """The example draft and a hostile one, as one HTML page and as JSON."""
    monkeypatch.chdir(ROOT)
    hostile = tmp_path / "hostile.md"
    hostile.write_text(HOSTILE, encoding="utf-8")
    page = tmp_path / "report.html"
    assert main(["check", EXAMPLE, str(hostile), "--format", "html", "-o", str(page)]) == 1
    capsys.readouterr()
    assert main(["check", EXAMPLE, str(hostile), "--format", "json"]) == 1
    return page, json.loads(capsys.readouterr().out)


def open_page(browser: Any, path: Path, width: int) -> tuple[Any, list[str]]:
    page = browser.new_page(viewport={"width": width, "height": 800})
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(path.as_uri())
    return page, dialogs


def test_every_figure_opens_its_finding(browser, report, tmp_path):
    path, data = report
    page, _ = open_page(browser, path, 1280)
    figures = page.locator("a.fig")
    assert figures.count() == len(data["findings"])
    for i in range(figures.count()):
        figure = figures.nth(i)
        target = figure.get_attribute("href")
        figure.click()
        assert page.evaluate("location.hash") == target
        panel = page.locator(f"li.finding{target}")
        assert panel.is_visible() and panel.get_attribute("data-code") == figure.get_attribute("data-code")
        page.wait_for_function("id => document.activeElement && document.activeElement.id === id", arg=target[1:])
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)


def test_a_figure_is_reached_and_opened_by_keyboard(browser, report):
    path, _ = report
    page, _ = open_page(browser, path, 1280)
    first = page.locator("a.fig").first
    for _ in range(200):  # Tab through the summary and contents to the first figure
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('fig')"):
            break
    else:
        pytest.fail("no figure is reachable with Tab")
    assert page.evaluate("document.activeElement.id") == first.get_attribute("id")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == first.get_attribute("href")


def test_the_summary_counts_what_the_page_shows(browser, report):
    path, data = report
    page, _ = open_page(browser, path, 1280)
    shown = page.eval_on_selector_all(".summary a.count", "els => els.map(e => [e.dataset.verdict, +e.dataset.count])")
    assert dict(shown) == {v: data["summary"][v] for v in ("ok", "contradicted", "stale", "unsupported", "inconsistent")}
    for verdict, count in shown:
        assert page.locator(f"a.fig[data-verdict={verdict}]:not(.suppressed)").count() == count
    assert page.locator("section.draft-section").count() == 2 == page.locator(".toc a").count()


def test_the_hostile_draft_is_text_and_none_of_its_script_runs(browser, report):
    path, _ = report
    page, dialogs = open_page(browser, path, 1280)
    assert page.evaluate("window.__pwned") is None and dialogs == []
    hostile = page.locator("section.draft-section").nth(1).locator("pre.draft")
    assert "<script>window.__pwned = 1; alert(1)</script>" in hostile.inner_text()
    assert '<img src=x onerror="window.__pwned = 2">' in hostile.inner_text()
    hostile.get_by_text("津上精密", exact=False).first.click()  # the javascript: link is text, not a link
    assert page.evaluate("window.__pwned") is None and dialogs == []


def test_the_page_fits_a_phone_without_sideways_scrolling(browser, report, tmp_path):
    path, _ = report
    page, _ = open_page(browser, path, PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    page.locator("a.fig[data-verdict=contradicted]").first.click()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    page.screenshot(path=str(tmp_path / f"report-{PHONE}px.png"), full_page=True)
    assert (tmp_path / f"report-{PHONE}px.png").stat().st_size > 0


def test_the_switch_hides_the_unverified_figures_and_keeps_the_findings(browser, report):
    path, data = report
    page, _ = open_page(browser, path, 1280)
    unverified = sum(1 for f in data["findings"] if f["verdict"] == "unsupported")
    failing = sum(1 for f in data["findings"] if f["verdict"] in ("contradicted", "stale"))
    assert unverified and failing
    switch = page.locator("#show-warnings")
    assert switch.is_checked(), "shown at first"
    assert page.locator("li.finding.warn:visible").count() == unverified
    switch.click()
    assert page.locator("li.finding.warn:visible").count() == 0
    assert page.locator("a.fig.warn .mark:visible").count() == 0
    assert page.locator("a.fig.warn").first.get_attribute("tabindex") == "-1", "out of the Tab order"
    assert page.locator("li.finding:not(.warn):visible").count() == len(data["findings"]) - unverified
    assert page.locator("li.finding.v-contradicted:visible, li.finding.v-stale:visible").count() == failing
    switch.click()
    assert page.locator("li.finding.warn:visible").count() == unverified


# Eight distinct characters from the example draft's first finding. In a font that has them, each is its own
# picture; with no CJK font, Chromium draws every one as the same .notdef box (tofu), a page of blank boxes.
DISTINCT_HANZI = "平湖经开数控机床"


def test_chinese_characters_render_as_glyphs_not_blank_boxes(browser):
    from factcheck.report.html import FONTS

    page = browser.new_page(viewport={"width": 200, "height": 800})
    # Each character in a box of its own at a whole-pixel place, so only the glyph can make two pictures differ.
    boxes = "".join(f'<div class="g">{ch}</div>' for ch in DISTINCT_HANZI)
    style = f".g {{ font: 48px/64px {FONTS}; width: 64px; height: 64px; text-align: left; }}"
    page.set_content(f'<html lang="zh-CN"><head><style>{style}</style></head><body>{boxes}</body></html>')
    pictures = [box.screenshot() for box in page.locator("div.g").all()]
    assert len(pictures) == len(DISTINCT_HANZI)
    distinct = len(set(pictures))
    assert distinct == len(DISTINCT_HANZI), (
        f"{len(DISTINCT_HANZI)} different characters drew only {distinct} different picture(s): the page's fonts "
        "have no CJK glyphs and every character is a blank box (install one: apt-get install fonts-wqy-zenhei)"
    )
