"""Editors' factcheck comments: ignore a line, ignore one rule, switch checking off and on, and say what was not understood."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.judge.suppress import read_directives

WRONG = "平湖技师学院毕业生就业率连续多年稳定在98.2%。"  # FC001: the source says 96.2%
STALE = "津上精密机床（浙江）有限公司经过10次增资，现有员工1900名。"  # FC002 twice: superseded in 2023
UNSUPPORTED = "平湖经开数控机床产业基金规模达20亿元。"  # FC003
OK = "平湖经开钟溪汇国际青年社区共有885套人才住房。"
HEAD = "---\ndate: 2026-03-05\n---\n\n"  # four lines: the draft's first paragraph is line 5


@pytest.fixture
def project(strict_project: Path) -> Path:
    """A newsroom that wants every figure sourced, so a silenced FC003 shows in the exit code too."""
    return strict_project


def check(project: Path, body: str, capsys, fmt: str = "json") -> tuple[int, str, str]:
    (project / "draft.md").write_text(HEAD + body + "\n", encoding="utf-8")
    code = main(["check", "draft.md", "--format", fmt])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def by_figure(out: str) -> dict[str, tuple[str, str | None]]:
    return {f["text"]: (f["verdict"], f["suppressed"]) for f in json.loads(out)["findings"]}


# --- ignore[CODE] --------------------------------------------------------------------------------

def test_ignore_with_a_code_silences_only_that_rule_on_the_line(project, capsys):
    code, out, err = check(project, f"{WRONG}{UNSUPPORTED}<!-- factcheck: ignore[FC003] -->", capsys)
    assert by_figure(out) == {"98.2%": ("contradicted", None), "20亿元": ("unsupported", "ignore comment")}
    assert code == 1 and err == ""


def test_ignore_takes_several_codes_and_alone_on_a_line_means_the_next(project, capsys):
    code, out, _ = check(project, f"<!-- factcheck: ignore[FC001, FC002] -->\n{STALE}{UNSUPPORTED}", capsys)
    assert by_figure(out) == {
        "10次": ("stale", "ignore comment"),
        "1900名": ("stale", "ignore comment"),
        "20亿元": ("unsupported", None),
    }
    assert code == 1


def test_codes_may_be_written_in_lower_case():
    assert read_directives(f"{WRONG}<!-- factcheck: ignore[fc001] -->").lines == {1: frozenset({"FC001"})}


# --- off … on ------------------------------------------------------------------------------------

def test_off_and_on_silence_everything_between(project, capsys):
    body = f"{OK}\n\n<!-- factcheck: off -->\n\n{WRONG}\n\n{STALE}\n\n<!-- factcheck: on -->\n\n{UNSUPPORTED}"
    code, out, err = check(project, body, capsys)
    assert by_figure(out) == {
        "885套": ("ok", None),
        "98.2%": ("contradicted", "off comment"),
        "10次": ("stale", "off comment"),
        "1900名": ("stale", "off comment"),
        "20亿元": ("unsupported", None),
    }
    assert code == 1 and err == ""


def test_off_and_on_within_a_line_silence_only_the_figures_between_them():
    d = read_directives(f"{STALE[:16]}<!-- factcheck: off -->{STALE[16:]}<!-- factcheck: on -->")
    ((off, on),) = d.blocks
    assert off == (1, 17) and on[0] == 1 and on[1] > off[1]


def test_an_off_never_turned_on_runs_to_the_end_and_says_so(project, capsys):
    code, out, err = check(project, f"{OK}\n\n<!-- factcheck: off -->\n\n{WRONG}\n\n{UNSUPPORTED}", capsys)
    assert by_figure(out) == {
        "885套": ("ok", None), "98.2%": ("contradicted", "off comment"), "20亿元": ("unsupported", "off comment"),
    }
    assert code == 0
    assert err == (
        "draft.md:7: 'off' is never turned back on: everything after it to the end of the draft is suppressed\n"
    )


def test_a_suppressed_finding_from_an_off_block_is_in_source_in_sarif(project, capsys):
    code, out, _ = check(project, f"<!-- factcheck: off -->\n{WRONG}\n<!-- factcheck: on -->", capsys, "sarif")
    (result,) = json.loads(out)["runs"][0]["results"]
    assert result["suppressions"] == [{"kind": "inSource", "justification": "off comment"}]
    assert code == 0


# --- what was not understood: a warning naming the draft and line, and the findings stay -----------

@pytest.mark.parametrize(
    "comment, warning",
    [
        ("<!-- factcheck: ignore FC001 -->",
         "unknown factcheck directive 'ignore FC001' (use ignore, ignore[CODE,...], off, on)"),
        ("<!-- factcheck: of -->", "unknown factcheck directive 'of' (use ignore, ignore[CODE,...], off, on)"),
        ("<!-- factcheck: ignore[FC009] -->", "unknown rule 'FC009' in ignore[...] (use FC000, FC001, FC002, FC003, FC004)"),
        ("<!-- factcheck: ignore[] -->", "'ignore[]' names no rule (use ignore, ignore[CODE,...], off, on)"),
        ("<!-- factcheck ignore -->", "factcheck directive without ':' (write <!-- factcheck: ignore -->)"),
        ("<!-- factcheck: on -->", "'on' without an 'off' before it"),
    ],
)
def test_a_directive_not_understood_is_a_warning_and_the_finding_stays(comment, warning, project, capsys):
    code, out, err = check(project, f"{OK}\n\n{WRONG}{comment}", capsys)
    assert by_figure(out)["98.2%"] == ("contradicted", None)
    assert code == 1
    assert err == f"draft.md:7: {warning}\n"


def test_an_ignore_with_text_after_it_is_a_warning_since_no_line_is_meant(project, capsys):
    _, out, err = check(project, f"<!-- factcheck: ignore -->{WRONG}", capsys)
    assert by_figure(out)["98.2%"] == ("contradicted", None)
    assert err == (
        "draft.md:5: 'ignore' silences nothing here: put it at the end of the line, or alone on the line before\n"
    )


def test_a_known_code_beside_an_unknown_one_still_applies(project, capsys):
    _, out, err = check(project, f"{WRONG}<!-- factcheck: ignore[FC001,FC01] -->", capsys)
    assert by_figure(out)["98.2%"] == ("contradicted", "ignore comment")
    assert err == "draft.md:5: unknown rule 'FC01' in ignore[...] (use FC000, FC001, FC002, FC003, FC004)\n"


def test_a_second_off_is_a_warning_and_the_block_still_ends_at_on():
    d = read_directives("<!-- factcheck: off -->\n<!-- factcheck: off -->\n98.2%\n<!-- factcheck: on -->", "d.md")
    assert [str(w) for w in d.warnings] == ["d.md:2: 'off' while already off since line 1"]
    assert d.blocks == (((1, 1), (4, 1)),)


def test_an_editors_note_that_mentions_factcheck_is_not_a_directive():
    assert read_directives(f"{UNSUPPORTED}<!-- factcheck 这个数据明天再核 -->\n<!-- 20亿元待核实 -->").warnings == ()


MISREAD = "unknown factcheck directive 'of' (use ignore, ignore[CODE,...], off, on)"


def test_the_json_report_lists_the_comments_it_could_not_read(project, capsys):
    _, out, err = check(project, f"{OK}\n\n{WRONG}<!-- factcheck: of -->", capsys)
    assert json.loads(out)["warnings"] == [{"path": "draft.md", "line": 7, "message": MISREAD}]
    assert err == f"draft.md:7: {MISREAD}\n"  # and a person watching still reads it
    _, clean, _ = check(project, f"{OK}\n\n{WRONG}", capsys)
    assert json.loads(clean)["warnings"] == []


def test_sarif_gives_each_comment_it_could_not_read_as_a_configuration_notification_at_its_line(project, capsys):
    _, out, _ = check(project, f"{OK}\n\n{WRONG}<!-- factcheck: of -->", capsys, "sarif")
    (invocation,) = json.loads(out)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is True
    (note,) = invocation["toolConfigurationNotifications"]
    assert note["level"] == "warning" and note["message"] == {"text": MISREAD}
    where = note["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"] == "draft.md" and where["region"] == {"startLine": 7}
    _, clean, _ = check(project, f"{OK}\n\n{WRONG}", capsys, "sarif")
    assert "invocations" not in json.loads(clean)["runs"][0]


def test_github_annotates_the_line_of_a_comment_it_could_not_read(project, capsys):
    _, out, _ = check(project, f"{OK}\n\n{WRONG}<!-- factcheck: of -->", capsys, "github")
    first, *findings = out.splitlines()
    assert first == ("::warning file=draft.md,line=7,title=factcheck comment::unknown factcheck directive 'of'"
                     " (use ignore, ignore[CODE,...], off, on)")
    assert [line.split(" ", 1)[0] for line in findings] == ["::error"]


def test_the_html_report_shows_the_comments_it_could_not_read_in_their_drafts_section(project, capsys):
    _, out, _ = check(project, f"{OK}\n\n{WRONG}<!-- factcheck: <b>of</b> -->", capsys, "html")
    assert ("factcheck comments that silence nothing:</p><ul><li>line 7: unknown factcheck directive "
            "&#x27;&lt;b&gt;of&lt;/b&gt;&#x27;") in out  # escaped: a draft's markup never runs in the report
    _, clean, _ = check(project, f"{OK}\n\n{WRONG}", capsys, "html")
    assert 'class="warnings"' not in clean


def test_the_warnings_go_to_stderr_and_the_text_report_is_unchanged(project, capsys):
    _, clean, _ = check(project, f"{OK}\n\n{WRONG}", capsys, "text")
    _, out, err = check(project, f"{OK}\n\n{WRONG}<!-- factcheck: of -->", capsys, "text")
    assert out == clean
    assert err.startswith("draft.md:7: unknown factcheck directive 'of'")
