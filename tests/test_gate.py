"""The pre-publish gate: ignore comments, the accept file, and what counts toward the exit code."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path

import pytest
from conftest import project_store

from factcheck.app.check import build_report, progress
from factcheck.app.config import load_config
from factcheck.cli import main
from factcheck.judge import suppress
from factcheck.record.finding import fingerprint

ROOT = Path(__file__).resolve().parents[1]

WRONG = "平湖技师学院毕业生就业率连续多年稳定在98.2%。"  # contradicted: the source says 96.2%
FIXED = "平湖技师学院毕业生就业率连续多年稳定在96.2%。"
STALE = "津上精密机床（浙江）有限公司经过10次增资，现有员工1900名。"  # both figures superseded in 2023
UNSUPPORTED = "平湖经开数控机床产业基金规模达20亿元。"
OK = "平湖经开钟溪汇国际青年社区共有885套人才住房。"


@pytest.fixture
def project(strict_project: Path) -> Path:
    """A newsroom that wants every figure sourced, using the committed store; the accept file lands in it."""
    return strict_project


def write_draft(folder: Path, *paragraphs: str, name: str = "draft.md", date: str = "2026-03-05") -> Path:
    path = folder / name
    path.write_text(f"---\ndate: {date}\n---\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def check_json(*args: str, capsys) -> tuple[int, dict]:
    code = main(["check", *args, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def by_figure(out: dict) -> dict[str, tuple[str, str | None]]:
    return {f["text"]: (f["verdict"], f["suppressed"]) for f in out["findings"]}


# --- ignore comments ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, lines",
    [
        (f"{WRONG}<!-- factcheck: ignore -->", {1}),
        (f"{WRONG} <!--factcheck:ignore-->  ", {1}),
        (f"<!-- factcheck: ignore -->\n{WRONG}", {2}),
        (f"  <!-- factcheck: ignore -->\r\n{WRONG}\r\n", {2}),
        (f"{WRONG}\n\n<!-- factcheck: ignore -->", {4}),
        (f"<!-- factcheck: ignore -->{WRONG}", set()),  # not at the end, not alone: which sentence is meant?
        (f"{WRONG}<!-- 98.2%待核实 -->", set()),  # an ordinary editor's note silences nothing
        (WRONG, set()),
    ],
)
def test_the_ignore_marker_silences_its_own_line_or_the_next(text, lines):
    assert suppress.ignored_lines(text) == lines


def test_an_ignore_comment_keeps_the_finding_but_not_the_failure(project, capsys):
    write_draft(project, f"{WRONG}<!-- factcheck: ignore -->", OK)
    code, out = check_json("draft.md", capsys=capsys)
    assert code == 0
    assert by_figure(out) == {"98.2%": ("contradicted", "ignore comment"), "885套": ("ok", None)}
    assert out["summary"]["suppressed"] == 1 and out["summary"]["contradicted"] == 0


def test_an_ignore_comment_alone_on_a_line_covers_the_next_line_only(project, capsys):
    write_draft(project, f"<!-- factcheck: ignore -->\n{STALE}", UNSUPPORTED)
    code, out = check_json("draft.md", capsys=capsys)
    assert code == 1
    assert by_figure(out) == {
        "10次": ("stale", "ignore comment"),
        "1900名": ("stale", "ignore comment"),
        "20亿元": ("unsupported", None),
    }


def test_text_output_counts_what_was_suppressed(project, capsys):
    write_draft(project, f"{WRONG}<!-- factcheck: ignore -->", UNSUPPORTED)
    assert main(["check", "draft.md"]) == 1
    out = capsys.readouterr().out
    assert "98.2%" not in out and "20亿元" in out
    assert out.rstrip().endswith("1 draft(s), 2 numbers: 0 ok, 0 contradicted, 0 stale, 1 unsupported, 0 inconsistent (1 suppressed)")


def test_by_default_an_unsupported_figure_warns_and_an_alarm_fails(tmp_path, monkeypatch, capsys):
    (tmp_path / "factcheck.toml").write_text(f"store = {project_store(tmp_path)}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    write_draft(tmp_path, UNSUPPORTED, name="new.md")
    assert main(["check", "new.md"]) == 0
    assert "unsupported [FC003] 20亿元" in capsys.readouterr().out
    write_draft(tmp_path, WRONG, name="wrong.md")
    assert main(["check", "wrong.md"]) == 1


# --- the accept file ------------------------------------------------------------------------------

def test_accepted_findings_stop_failing_the_check(project, capsys):
    write_draft(project, STALE, OK)
    assert main(["check", "draft.md"]) == 1
    assert main(["accept", "draft.md"]) == 0
    assert "accepted 2 finding(s) in .factcheck-accept.json (0 already accepted)" in capsys.readouterr().err
    code, out = check_json("draft.md", capsys=capsys)
    assert code == 0
    assert by_figure(out) == {"10次": ("stale", "accepted"), "1900名": ("stale", "accepted"), "885套": ("ok", None)}


def test_the_accept_file_is_reviewable_and_names_findings_by_content(project, capsys):
    write_draft(project, STALE)
    main(["accept", "draft.md"])
    data = json.loads((project / ".factcheck-accept.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    entry = next(e for e in data["accepted"] if e["text"] == "1900名")
    assert entry["code"] == "FC002" and entry["verdict"] == "stale" and entry["sentence"] == STALE
    assert entry["path"] == "draft.md"
    assert any("2000余名" in e for e in entry["evidence"])
    assert "line" not in entry and len(entry["fingerprint"]) == 64


def test_an_accepted_finding_survives_edits_around_it(project, capsys):
    write_draft(project, STALE)
    main(["accept", "draft.md"])
    # Paragraphs added above move the sentence down three lines; it is still the reviewed claim.
    write_draft(project, "（本报讯）平湖经开持续优化营商环境。", OK, STALE)
    code, out = check_json("draft.md", capsys=capsys)
    assert code == 0
    assert by_figure(out)["1900名"] == ("stale", "accepted")


def test_changing_the_figure_brings_the_finding_back(project, capsys):
    write_draft(project, WRONG)
    main(["accept", "draft.md"])
    write_draft(project, WRONG.replace("98.2%", "97.2%"))
    code, out = check_json("draft.md", capsys=capsys)
    assert code == 1
    assert by_figure(out) == {"97.2%": ("contradicted", None)}


def test_accept_takes_only_the_verdicts_asked_for(project, capsys):
    write_draft(project, WRONG, STALE, UNSUPPORTED)
    assert main(["accept", "draft.md", "--verdict", "stale"]) == 0
    code, out = check_json("draft.md", capsys=capsys)
    assert code == 1
    assert {t: s for t, (_, s) in by_figure(out).items()} == {
        "98.2%": None, "10次": "accepted", "1900名": "accepted", "20亿元": None,
    }
    assert main(["accept", "draft.md", "--all"]) == 0
    assert "accepted 2 finding(s) in .factcheck-accept.json (2 already accepted)" in capsys.readouterr().err
    assert main(["check", "draft.md"]) == 0


def test_accept_without_a_choice_takes_what_fails_the_run(project, capsys):
    (project / "factcheck.toml").write_text(
        f"store = {project_store(project)}\nfail-on = ['contradicted']\n", encoding="utf-8"
    )
    write_draft(project, WRONG, UNSUPPORTED)
    assert main(["accept", "draft.md"]) == 0
    _, out = check_json("draft.md", "--fail-on", "contradicted,unsupported", capsys=capsys)
    assert by_figure(out) == {"98.2%": ("contradicted", "accepted"), "20亿元": ("unsupported", None)}


def test_accept_keeps_earlier_entries_and_writes_no_stray_files(project, capsys):
    write_draft(project, WRONG, name="a.md")
    write_draft(project, UNSUPPORTED, name="b.md")
    main(["accept", "a.md"])
    main(["accept", "b.md"])
    data = json.loads((project / ".factcheck-accept.json").read_text(encoding="utf-8"))
    assert sorted(e["text"] for e in data["accepted"]) == ["20亿元", "98.2%"]
    assert sorted(p.name for p in project.iterdir()) == [".factcheck-accept.json", "a.md", "b.md", "claims", "factcheck.toml"]


def test_the_accept_file_gets_the_umask_mode_and_keeps_its_own_when_rewritten(project, capsys):
    write_draft(project, WRONG, UNSUPPORTED)
    accept_file = project / ".factcheck-accept.json"
    old = os.umask(0o022)
    try:
        main(["accept", "draft.md", "--verdict", "contradicted"])
        assert stat.S_IMODE(accept_file.stat().st_mode) == 0o644  # committed with the drafts: not mkstemp's 0600
        accept_file.chmod(0o664)
        main(["accept", "draft.md", "--all"])
    finally:
        os.umask(old)
    assert stat.S_IMODE(accept_file.stat().st_mode) == 0o664


def test_an_interrupted_write_leaves_the_old_accept_file(project, monkeypatch, capsys):
    write_draft(project, WRONG, UNSUPPORTED)
    main(["accept", "draft.md", "--verdict", "contradicted"])
    before = (project / ".factcheck-accept.json").read_bytes()

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(suppress.os, "replace", disk_full)
    assert main(["accept", "draft.md", "--all"]) == 2
    assert "cannot write the accept file (No space left on device)" in capsys.readouterr().err
    assert (project / ".factcheck-accept.json").read_bytes() == before
    assert sorted(p.name for p in project.iterdir()) == [".factcheck-accept.json", "claims", "draft.md", "factcheck.toml"]


@pytest.mark.parametrize(
    "content, problem",
    [
        ("{not json", "corrupt accept file (Expecting property name"),
        ('["98.2%"]', "corrupt accept file (want"),
        ('{"version": 2, "accepted": []}', "corrupt accept file (want"),
        ('{"version": 1, "accepted": [{"text": "98.2%"}]}', "entry 1 has no sha256 fingerprint"),
    ],
)
def test_a_corrupt_accept_file_is_one_line_and_exit_2(project, capsys, content, problem):
    write_draft(project, WRONG)
    (project / ".factcheck-accept.json").write_text(content, encoding="utf-8")
    for command in ("check", "accept"):
        assert main([command, "draft.md"]) == 2
        err = capsys.readouterr().err
        assert problem in err and ".factcheck-accept.json" in err
        assert err.count("\n") == 1 and "Traceback" not in err


def test_accept_all_and_verdict_together_is_a_usage_error(project, capsys):
    write_draft(project, WRONG)
    assert main(["accept", "draft.md", "--all", "--verdict", "stale"]) == 2
    assert "--all and --verdict" in capsys.readouterr().err
    assert main(["accept", "draft.md", "--verdict", "wrong"]) == 2
    assert "--verdict: unknown verdict 'wrong'" in capsys.readouterr().err


# --- fingerprints ---------------------------------------------------------------------------------

def _findings(folder: Path, *paragraphs: str, name: str = "draft.md"):
    write_draft(folder, *paragraphs, name=name)
    return {f.text: f for f in build_report([name], load_config(), None, None).findings}


def test_a_fingerprint_is_the_claim_not_its_place(project):
    here = _findings(project, STALE)["1900名"]
    moved = _findings(project, OK, OK, STALE, name="renamed.md")["1900名"]
    assert (here.line, here.path) != (moved.line, moved.path)
    assert fingerprint(here) == fingerprint(moved) == here.fingerprint


def test_width_and_spacing_do_not_change_a_fingerprint(project):
    plain = _findings(project, WRONG)["98.2%"]
    retyped = _findings(project, "平湖技师学院毕业生就业率连续多年稳定在 98.2％。")["98.2%"]
    assert retyped.verdict == "contradicted"
    assert retyped.fingerprint == plain.fingerprint


def test_the_figure_and_the_verdict_are_part_of_a_fingerprint(project):
    stale = _findings(project, STALE)
    assert stale["10次"].fingerprint != stale["1900名"].fingerprint
    wrong, fixed = _findings(project, WRONG)["98.2%"], _findings(project, FIXED)["96.2%"]
    assert wrong.fingerprint != fixed.fingerprint


# --- progress ---------------------------------------------------------------------------------------

class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_drawn_only_on_a_terminal():
    pipe, terminal = io.StringIO(), _Terminal()
    for stream in (pipe, terminal):
        with progress(3, "checking", stream) as tick:
            for _ in range(3):
                tick()
    assert pipe.getvalue() == ""
    assert terminal.getvalue() != ""


def test_machine_output_is_alone_on_stdout(project, capsys):
    write_draft(project, WRONG, name="a.md")
    write_draft(project, OK, name="b.md")
    assert main(["check", "a.md", "b.md", "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["summary"]["drafts"] == 2
    assert captured.err == ""


def test_prune_forgets_accepted_findings_that_are_gone_and_keeps_the_rest(project, capsys):
    write_draft(project, WRONG, STALE, name="a.md")
    write_draft(project, UNSUPPORTED, name="b.md")
    write_draft(project, UNSUPPORTED.replace("20亿元", "30亿元"), name="c.md")
    assert main(["accept", "a.md", "b.md", "c.md", "--all"]) == 0
    def accepted():  # type: ignore[no-untyped-def]
        entries = json.loads((project / ".factcheck-accept.json").read_text("utf-8"))["accepted"]
        return sorted((e["path"], e["text"]) for e in entries)

    assert len(accepted()) == 5
    write_draft(project, FIXED, STALE, name="a.md")  # the wrong figure was corrected: its acceptance is stale
    (project / "c.md").unlink()  # the draft is gone
    capsys.readouterr()
    assert main(["accept", "--prune", "a.md"]) == 0  # b.md not checked now: its entry stays
    assert "forgot 2 accepted finding(s) in .factcheck-accept.json (3 kept)" in capsys.readouterr().err
    assert accepted() == [("a.md", "10次"), ("a.md", "1900名"), ("b.md", "20亿元")]
    assert main(["check", "a.md", "b.md"]) == 0  # what is still there stays accepted
