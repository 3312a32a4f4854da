"""Which files are drafts: one glob language and one rule for `check`, the hook and the pre-commit framework."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest
from conftest import project_store

from factcheck.app.config import load_config
from factcheck.app.selection import Selection, glob_regex
from factcheck.cli import main
from factcheck.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
WRONG = "---\ndate: 2026-03-05\n---\n\n平湖技师学院毕业生就业率连续多年稳定在98.2%。\n"
RIGHT = "---\ndate: 2026-03-05\n---\n\n平湖技师学院毕业生就业率连续多年稳定在96.2%。\n"


@pytest.mark.parametrize(
    "pattern, path, matches",
    [
        ("drafts/*.md", "drafts/school.md", True),
        ("drafts/*.md", "drafts/.wip.md", False),  # a leading dot is never matched by a wildcard
        ("drafts/.*.md", "drafts/.wip.md", True),
        ("drafts/*.md", "drafts/2026/school.md", False),
        ("drafts/**", "drafts/2026/03/school.md", True),
        ("drafts/**", "drafts/.git/HEAD", False),
        ("drafts/**/*.md", "drafts/school.md", True),
        ("drafts/**/*.md", "drafts/2026/03/school.md", True),
        ("**/*.txt", "稿件/平湖经开.txt", True),
        ("drafts/?.md", "drafts/a.md", True),
        ("drafts/[!_]*.md", "drafts/_template.md", False),
        ("drafts/[!_]*.md", "drafts/school.md", True),
        ("drafts/*.md", "drafts/school.md.bak", False),
        ("./drafts/*.md", "drafts/school.md", True),
    ],
)
def test_one_glob_language(pattern: str, path: str, matches: bool) -> None:
    assert bool(glob_regex(pattern).match(path)) is matches


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "factcheck.toml").write_text(
        f'store = {project_store(tmp_path)}\nsources = ["sources"]\ndrafts = ["drafts/**/*.md"]\nexclude = ["drafts/templates/**"]\n',
        encoding="utf-8",
    )
    for name, text in {
        "drafts/school.md": WRONG,
        "drafts/2026/03/ok.md": RIGHT,
        "drafts/.wip.md": WRONG,
        "drafts/templates/blank.md": WRONG,
        "sources/001.txt": WRONG,
        "README.md": WRONG,
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_config_decides_what_is_a_draft(newsroom: Path) -> None:
    selection = Selection.of(load_config(cwd=newsroom))
    drafts = {p for p in ("drafts/school.md", "drafts/2026/03/ok.md", "drafts/.wip.md", "drafts/templates/blank.md",
                          "sources/001.txt", "README.md") if selection.is_draft(newsroom / p)}
    assert drafts == {"drafts/school.md", "drafts/2026/03/ok.md"}


def test_a_folder_argument_expands_to_the_drafts_in_it(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "drafts", "--format", "json"]) == 1
    paths = sorted({f["path"] for f in json.loads(capsys.readouterr().out)["findings"]})
    assert paths == ["drafts/2026/03/ok.md", "drafts/school.md"]


def test_a_double_star_glob_works_in_check_as_in_the_hook(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "drafts/**", "--format", "json"]) == 1
    paths = sorted({f["path"] for f in json.loads(capsys.readouterr().out)["findings"]})
    assert paths == ["drafts/2026/03/ok.md", "drafts/school.md", "drafts/templates/blank.md"]


def test_no_arguments_checks_the_configured_drafts_minus_the_excluded(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "json"]) == 1
    paths = sorted({f["path"] for f in json.loads(capsys.readouterr().out)["findings"]})
    assert paths == ["drafts/2026/03/ok.md", "drafts/school.md"]


def test_force_exclude_checks_only_the_drafts_among_the_files_pre_commit_passes(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    staged = ["README.md", "sources/001.txt", "drafts/templates/blank.md", "drafts/2026/03/ok.md"]
    assert main(["check", "--force-exclude", *staged]) == 0  # the wrong figures are all in files that are not drafts
    assert "1 draft(s), 1 numbers: 1 ok" in capsys.readouterr().out
    assert main(["check", "--force-exclude", *staged, "drafts/school.md"]) == 1


def test_force_exclude_with_no_draft_among_the_files_passes_quietly(newsroom: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--force-exclude", "README.md", "sources/001.txt"]) == 0
    assert capsys.readouterr() == ("", "")


def test_a_file_named_without_force_exclude_is_checked_as_named(newsroom: Path) -> None:
    assert main(["check", "README.md"]) == 1


def test_a_glob_that_matches_nothing_is_one_line(newsroom: Path) -> None:
    with pytest.raises(InputError, match="no drafts match this pattern"):
        Selection.of(load_config(cwd=newsroom)).expand(["drafts/*.txt"])


# --- command-line conventions -------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("factcheck ")


@pytest.mark.parametrize("command, shown", [
    (["check"], ["[text|json|sarif|github|html]", "-o, --output FILE", "VERDICT,...", "[auto|always|never]",
                 "[paragraph|sentence|none]", "DRAFTS are files, folders", "--stdin-filename", "--force-exclude"]),
    (["conflicts"], ["[text|json|html]", "[auto|always|never]", "KIND"]),
    (["claims"], ["[table|jsonl]", "QUERY is text"]),
    (["ingest"], ["PATHS are source files"]),
    (["accept"], ["DRAFTS are files, folders"]),
])
def test_help_shows_choices_and_what_the_arguments_are(command: list[str], shown: list[str], capsys) -> None:  # type: ignore[no-untyped-def]
    os.environ["COLUMNS"] = "200"
    try:
        assert main([*command, "--help"]) == 0
    finally:
        del os.environ["COLUMNS"]
    out = capsys.readouterr().out
    for text in shown:
        assert text in out, text


def test_colour_always_never_and_force_color(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    draft = "examples/draft_pinghu_review.md"
    main(["check", draft, "--color", "always"])
    assert "\x1b[" in capsys.readouterr().out
    monkeypatch.setenv("FORCE_COLOR", "1")
    main(["check", draft])
    assert "\x1b[" in capsys.readouterr().out
    main(["check", draft, "--color", "never"])
    assert "\x1b[" not in capsys.readouterr().out
    monkeypatch.setenv("FORCE_COLOR", "0")
    main(["check", draft])
    assert "\x1b[" not in capsys.readouterr().out


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "env, coloured",
    [
        ({}, True),
        ({"NO_COLOR": "1"}, False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),  # NO_COLOR wins, as the README says
        ({"TERM": "dumb"}, False),
        ({"TERM": "dumb", "FORCE_COLOR": "1"}, True),  # asked for by name
        ({"TERM": "xterm-256color"}, True),
        ({"NO_COLOR": ""}, True),  # empty is unset (no-color.org)
    ],
    ids=["terminal", "no-color", "no-color-beats-force-color", "dumb-terminal", "dumb-but-forced", "xterm", "empty-no-color"],
)
def test_colour_on_a_terminal_follows_no_color_force_color_and_term(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], coloured: bool
) -> None:
    from factcheck.report.formats import wants_colour

    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert wants_colour(Terminal()) is coloured


@pytest.mark.parametrize("command", [["check", "examples/draft_pinghu_review.md"], ["claims", "就业率"], ["conflicts"]])
def test_no_color_beside_force_color_leaves_no_escape_codes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    main(command)
    out, err = capsys.readouterr()
    assert out.strip() and "\x1b[" not in out + err


def test_findings_from_stdin_carry_the_name_given(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(WRONG.encode())))
    assert main(["check", "-", "--stdin-filename", "drafts/school.md", "--format", "json"]) == 1
    assert {f["path"] for f in json.loads(capsys.readouterr().out)["findings"]} == {"drafts/school.md"}
