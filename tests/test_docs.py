"""Every command has help text and is documented in the README, as sqlite-utils does it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from factcheck.cli import app, main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_the_cli_has_the_commands_the_issues_ask_for():
    assert {"ingest", "claims", "check", "conflicts", "accept", "hook"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(name):
    command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    assert (command.help or "").strip(), f"{name} has no help text"
    assert f"factcheck {name}" in README, f"README does not document `factcheck {name}`"


def test_the_readme_quick_start_checks_the_bundled_example_draft():
    assert "factcheck check examples/draft_pinghu_review.md" in README
    assert (ROOT / "examples" / "draft_pinghu_review.md").is_file()
    assert "python -m pytest" in README and "python -m pytest" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _modules_after(*argv: str) -> set[str]:
    """The modules a fresh `factcheck ARGV` has imported by the time it exits."""
    code = (
        "import sys, contextlib, io\n"
        "from factcheck.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({list(argv)!r})\n"
        "print('\\n'.join(sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_help_is_plain_click_help_without_rich_markdown():
    """typer's rich help imports rich.markdown and markdown-it: twice the time of `--help`, for boxes."""
    loaded = _modules_after("--help")
    assert "click" in loaded
    assert not {"rich.markdown", "markdown_it", "typer.rich_utils"} & loaded


def test_a_check_never_loads_jieba_or_the_editor_server():
    loaded = _modules_after("check", "examples/draft_pinghu_review.md")
    assert not {"jieba", "factcheck.lsp", "pygls", "lsprotocol"} & loaded


def test_a_simplified_draft_never_loads_opencc():
    """OpenCC is for text with traditional characters; the simplified draft's check does without it."""
    assert "opencc" not in _modules_after("check", "examples/draft_pinghu_review.md")


@pytest.mark.parametrize("argv", [[], ["hook"]])
def test_a_command_group_given_no_command_shows_its_help_and_exits_2(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"Usage: factcheck {' '.join(argv)}".rstrip() + " [OPTIONS] COMMAND")


def _table_blocks(text: str) -> list[tuple[int, list[str], bool]]:
    """Runs of `|` lines outside code fences: (first line number, lines, whether only blank lines precede)."""
    blocks: list[tuple[int, list[str], bool]] = []
    fenced, after_table_gap, last_was_row = False, False, False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("```"):
            fenced = not fenced
        if fenced:
            continue
        if line.startswith("|"):
            if last_was_row:
                blocks[-1][1].append(line)
            else:
                blocks.append((number, [line], after_table_gap))
            last_was_row = True
            continue
        after_table_gap = (last_was_row or after_table_gap) and not line.strip()
        last_was_row = False
    return blocks


def split_tables(text: str) -> list[int]:
    """Lines where table rows continue after a blank line without a header of their own: a table split in two."""
    return [
        number for number, rows, after_gap in _table_blocks(text)
        if after_gap and not (len(rows) >= 2 and rows[1].replace(" ", "").startswith("|---"))
    ]


def test_no_table_in_the_readme_is_split_by_a_blank_line():
    """A blank line inside a Markdown table ends it: the rows after it render as a paragraph of pipes."""
    assert split_tables(README) == [], "README.md: table rows after a blank line (a split table)"


def test_a_split_table_is_caught_and_a_second_table_is_not():
    text = "| command | what |\n|---|---|\n| `a` | x |\n\n| `b` | y |\n\ntext\n\n| t | u |\n|---|---|\n"
    assert split_tables(text) == [5]


def test_ci_lints_and_type_checks_before_the_tests() -> None:
    steps = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines() if line.startswith(".venv/bin/")]
    assert [s.split()[0] for s in steps[-3:]] == [".venv/bin/ruff", ".venv/bin/mypy", ".venv/bin/python"]
    assert steps[-1].startswith(".venv/bin/python -m pytest -q -n auto")  # the README's command, and more
