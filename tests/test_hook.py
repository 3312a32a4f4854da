"""The git pre-commit hook, with real git in a scratch repository checked against the committed store."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import project_store

from factcheck.api import Checker
from factcheck.app.selection import glob_regex
from factcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]

WRONG = "平湖技师学院毕业生就业率连续多年稳定在98.2%。"  # the source says 96.2%
FIXED = "平湖技师学院毕业生就业率连续多年稳定在96.2%。"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def draft(text: str) -> str:
    return f"---\ndate: 2026-03-05\n---\n\n{text}\n"


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=check)


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A fresh repository that no user or system git config reaches, with factcheck.toml pointing at claims/."""
    for name in [n for n in os.environ if n.startswith("GIT_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    repo = tmp_path / "newsroom"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.name", "Fact Desk")
    git(repo, "config", "user.email", "desk@example.com")
    git(repo, "config", "commit.gpgsign", "false")
    (repo / "factcheck.toml").write_text(f"store = {project_store(repo)}\n", encoding="utf-8")
    git(repo, "add", "factcheck.toml")
    git(repo, "commit", "-q", "-m", "factcheck config")
    monkeypatch.chdir(repo)
    return repo


def hooks(repo: Path) -> list[str]:
    return sorted(p.name for p in (repo / ".git" / "hooks").iterdir() if not p.name.endswith(".sample"))


def commit(repo: Path, path: str, text: str) -> subprocess.CompletedProcess[str]:
    """Write, add and commit one file; git sends a hook's output to stderr, so `stdout` here holds both.

    The commit runs in a session of its own: a hook that calls itself without end (issue 26) is ended,
    all of it, instead of forking until the machine gives out.
    """
    (repo / path).parent.mkdir(parents=True, exist_ok=True)
    (repo / path).write_text(text, encoding="utf-8")
    git(repo, "add", path)
    proc = subprocess.Popen(
        ["git", "commit", "-m", f"add {path}"], cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )
    try:
        out, _ = proc.communicate(timeout=120)  # a bound on a hang, not a measure of speed
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise AssertionError(f"committing {path} never ended: a hook runs without end") from None
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, "")


# --- committing through the hook ---------------------------------------------------------------------

def test_a_wrong_figure_blocks_the_commit_and_the_corrected_one_goes_through(repo, capsys):
    assert main(["hook", "install"]) == 0
    assert "pre-commit hook installed at .git/hooks/pre-commit" in capsys.readouterr().err

    blocked = commit(repo, "drafts/school.md", draft(WRONG))
    assert blocked.returncode != 0
    assert "drafts/school.md:5:20: contradicted [FC001] 98.2% — the source says 96.2%" in blocked.stdout
    assert "commit blocked" in blocked.stdout and "Traceback" not in blocked.stdout
    assert git(repo, "rev-list", "--count", "HEAD").stdout.strip() == "1"

    passed = commit(repo, "drafts/school.md", draft(FIXED))
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "1 draft(s), 1 numbers: 1 ok" in passed.stdout
    assert git(repo, "rev-list", "--count", "HEAD").stdout.strip() == "2"


def test_the_hook_checks_what_is_staged_not_the_working_tree(repo):
    assert main(["hook", "install"]) == 0
    (repo / "school.md").write_text(draft(WRONG), encoding="utf-8")
    git(repo, "add", "school.md")
    (repo / "school.md").write_text(draft(FIXED), encoding="utf-8")  # fixed on disk, never added
    assert git(repo, "commit", "-m", "school", check=False).returncode != 0

    git(repo, "add", "school.md")
    (repo / "school.md").write_text(draft(WRONG), encoding="utf-8")  # broken on disk after adding the fix
    assert git(repo, "commit", "-m", "school", check=False).returncode == 0


def test_only_drafts_are_checked(repo):
    (repo / "factcheck.toml").write_text(
        f"store = {project_store(repo)}\ndrafts = [\"drafts/**/*.md\"]\n", encoding="utf-8"
    )
    assert main(["hook", "install"]) == 0
    # Not under drafts/: the configured globs leave it alone, wrong figure and all.
    assert commit(repo, "notes/school.md", draft(WRONG)).returncode == 0
    assert commit(repo, "drafts/2026/03/school.md", draft(WRONG)).returncode != 0


def test_an_ignore_comment_or_an_accept_lets_a_reviewed_figure_through(repo, capsys):
    assert main(["hook", "install"]) == 0
    assert commit(repo, "a.md", draft(WRONG + "<!-- factcheck: ignore -->")).returncode == 0
    (repo / "b.md").write_text(draft(WRONG), encoding="utf-8")
    assert main(["accept", "b.md"]) == 0
    git(repo, "add", ".factcheck-accept.json")
    assert commit(repo, "b.md", draft(WRONG)).returncode == 0


def test_an_empty_staged_draft_never_blocks_and_the_others_are_checked(repo):
    assert main(["hook", "install"]) == 0
    headed = commit(repo, "drafts/headed.md", "---\ndate: 2026-03-05\n---\n\n")  # front matter, no text yet
    assert headed.returncode == 0, headed.stdout
    assert "drafts/headed.md: empty draft, no figures to check" in headed.stdout.splitlines()

    (repo / "drafts" / "blank.md").write_text("", encoding="utf-8")
    git(repo, "add", "drafts/blank.md")
    blocked = commit(repo, "drafts/school.md", draft(WRONG))
    assert blocked.returncode != 0 and "drafts/school.md:5:20: contradicted [FC001] 98.2%" in blocked.stdout
    assert "drafts/blank.md: empty draft, no figures to check" in blocked.stdout.splitlines()
    assert commit(repo, "drafts/school.md", draft(FIXED)).returncode == 0


def test_a_commit_without_drafts_is_not_slowed_or_blocked(repo):
    assert main(["hook", "install"]) == 0
    done = commit(repo, "build.py", "RATE = 98.2\n")
    assert done.returncode == 0 and "draft(s)" not in done.stdout


# --- installing --------------------------------------------------------------------------------------

def test_installing_twice_leaves_one_hook(repo, capsys):
    assert main(["hook", "install"]) == 0
    first = (repo / ".git" / "hooks" / "pre-commit").read_text(encoding="utf-8")
    assert main(["hook", "install"]) == 0
    assert hooks(repo) == ["pre-commit"]
    hook = repo / ".git" / "hooks" / "pre-commit"
    assert hook.read_text(encoding="utf-8") == first
    assert hook.stat().st_mode & stat.S_IXUSR
    assert first.startswith("#!/bin/sh\n") and "factcheck hook run" in first


def test_a_config_given_at_install_is_the_one_the_hook_uses(repo, capsys):
    elsewhere = repo / "ci" / "factcheck.toml"
    elsewhere.parent.mkdir()
    elsewhere.write_text(f"store = {project_store(elsewhere.parent)}\nfail-on = []\n", encoding="utf-8")
    assert main(["hook", "install", "--config", "ci/factcheck.toml"]) == 0
    assert f"hook run --config {elsewhere}" in (repo / ".git" / "hooks" / "pre-commit").read_text(encoding="utf-8")
    assert commit(repo, "school.md", draft(WRONG)).returncode == 0  # that config fails on nothing


def test_an_existing_hook_is_kept_and_runs_first(repo, capsys):
    theirs = repo / ".git" / "hooks" / "pre-commit"
    theirs.write_text('#!/bin/sh\necho "style check ran"\n', encoding="utf-8")
    theirs.chmod(0o755)
    assert main(["hook", "install"]) == 0
    assert "kept as pre-commit.legacy" in capsys.readouterr().err
    assert main(["hook", "install"]) == 0  # still one legacy, not a chain of them
    assert hooks(repo) == ["pre-commit", "pre-commit.legacy"]
    assert "style check ran" in (repo / ".git" / "hooks" / "pre-commit.legacy").read_text(encoding="utf-8")

    done = commit(repo, "school.md", draft(FIXED))
    assert done.returncode == 0
    assert done.stdout.index("style check ran") < done.stdout.index("1 draft(s)")


def test_a_failing_kept_hook_still_blocks_the_commit(repo):
    theirs = repo / ".git" / "hooks" / "pre-commit"
    theirs.write_text('#!/bin/sh\necho "no commits on Fridays" >&2\nexit 1\n', encoding="utf-8")
    theirs.chmod(0o755)
    assert main(["hook", "install"]) == 0
    done = commit(repo, "school.md", draft(FIXED))
    assert done.returncode != 0 and "no commits on Fridays" in done.stdout


def test_force_replaces_an_existing_hook(repo, capsys):
    theirs = repo / ".git" / "hooks" / "pre-commit"
    theirs.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    theirs.chmod(0o755)
    assert main(["hook", "install", "--force"]) == 0
    assert hooks(repo) == ["pre-commit"]
    assert commit(repo, "school.md", draft(FIXED)).returncode == 0


def test_a_hooks_path_setting_is_refused_with_a_hint(repo, capsys):
    git(repo, "config", "core.hooksPath", ".githooks")
    assert main(["hook", "install"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "core.hooksPath is set (.githooks)" in err and "git config --unset-all core.hooksPath" in err
    assert hooks(repo) == [] and not (repo / ".githooks").exists()


def test_a_husky_hooks_path_is_refused_with_the_line_for_husky(repo, capsys):
    git(repo, "config", "core.hooksPath", ".husky/_")
    assert main(["hook", "install"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "add `factcheck hook run` to .husky/pre-commit" in err


def test_outside_a_repository_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    for command in (["hook", "install"], ["hook", "run"]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert "not a git repository" in err.lower() and err.count("\n") == 1


# --- which staged files are drafts ------------------------------------------------------------------

@pytest.mark.parametrize(
    "pattern, path, matches",
    [
        ("drafts/*.md", "drafts/school.md", True),
        ("drafts/*.md", "drafts/2026/school.md", False),
        ("drafts/**/*.md", "drafts/school.md", True),
        ("drafts/**/*.md", "drafts/2026/03/school.md", True),
        ("**/*.txt", "稿件/平湖经开.txt", True),
        ("drafts/?.md", "drafts/a.md", True),
        ("drafts/[!_]*.md", "drafts/_template.md", False),
        ("drafts/*.md", "drafts/school.md.bak", False),
    ],
)
def test_draft_globs(pattern, path, matches):
    assert bool(glob_regex(pattern).match(path)) is matches


def test_without_globs_drafts_are_text_files_that_are_not_sources(tmp_path):
    (tmp_path / "factcheck.toml").write_text('sources = ["seeds"]\n', encoding="utf-8")
    checker = Checker.for_project(cwd=tmp_path)
    assert checker.is_draft(tmp_path / "review.md")
    assert checker.is_draft(tmp_path / "wire" / "平湖.txt")
    assert not checker.is_draft(tmp_path / "seeds" / "001_09746f9734a70c8c.txt")
    assert not checker.is_draft(tmp_path / "build.py")


# --- the pre-commit framework --------------------------------------------------------------------------

def test_the_pre_commit_manifest_declares_the_hook():
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    lines = [line.strip().removeprefix("- ") for line in text.splitlines() if not line.startswith("#")]
    fields = dict(line.split(": ", 1) for line in lines if ": " in line)
    assert fields["id"] == "factcheck"
    assert fields["entry"] == "factcheck check --force-exclude"
    assert fields["language"] == "python"
    assert fields["types_or"] == "[markdown, text]"
    assert fields["require_serial"] == "true"


# --- beside a hook manager: pre-commit (the real one), lefthook, husky --------------------------------------

@pytest.fixture
def framework(repo, monkeypatch) -> Path:
    """The repository with the pre-commit framework at hand: its cache inside the test, `factcheck` on PATH."""
    pytest.importorskip("pre_commit")
    monkeypatch.setenv("PRE_COMMIT_HOME", str(repo.parent / "pre-commit-cache"))
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    return repo


def pre_commit(repo: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=repo, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def pre_commit_config(repo: Path, text: str) -> None:
    (repo / ".pre-commit-config.yaml").write_text(text, encoding="utf-8")
    git(repo, "add", ".pre-commit-config.yaml")
    git(repo, "commit", "-q", "--no-verify", "-m", "pre-commit config")


def test_pre_commit_installed_after_us_runs_our_hook_once_and_never_itself(framework, capsys):
    assert main(["hook", "install"]) == 0
    pre_commit_config(framework, "repos: []\n")
    assert "migration mode" in pre_commit(framework, "install")  # ours is now its pre-commit.legacy
    assert hooks(framework) == ["pre-commit", "pre-commit.legacy"]

    blocked = commit(framework, "school.md", draft(WRONG))
    assert blocked.returncode != 0
    assert blocked.stdout.count("school.md:5:20: contradicted [FC001] 98.2%") == 1, blocked.stdout
    passed = commit(framework, "school.md", draft(FIXED))
    assert passed.returncode == 0, passed.stdout
    assert passed.stdout.count("1 draft(s), 1 numbers: 1 ok") == 1

    capsys.readouterr()
    assert main(["hook", "install"]) == 0  # brings that copy up to date and leaves pre-commit's hook in front
    assert "pre-commit.legacy, which pre-commit's hook runs first" in capsys.readouterr().err
    assert hooks(framework) == ["pre-commit", "pre-commit.legacy"]
    assert "File generated by pre-commit" in (framework / ".git" / "hooks" / "pre-commit").read_text(encoding="utf-8")


def test_installing_over_the_pre_commit_framework_refuses_with_the_lines_for_its_config(framework, capsys):
    pre_commit_config(framework, "repos: []\n")
    pre_commit(framework, "install")
    theirs = (framework / ".git" / "hooks" / "pre-commit").read_text(encoding="utf-8")

    assert main(["hook", "install"]) == 2
    why, *lines = capsys.readouterr().err.splitlines()
    assert why == (
        "factcheck: .git/hooks/pre-commit is pre-commit's; add factcheck to .pre-commit-config.yaml instead"
        " (or pass --force to replace pre-commit's hook):"
    )
    assert hooks(framework) == ["pre-commit"]
    assert (framework / ".git" / "hooks" / "pre-commit").read_text(encoding="utf-8") == theirs

    # The lines, added as printed, are a working hook: pre-commit then checks the staged drafts.
    pre_commit_config(framework, "repos:\n" + "\n".join(lines) + "\n")
    blocked = commit(framework, "school.md", draft(WRONG))
    assert blocked.returncode != 0 and "school.md:5:20: contradicted [FC001] 98.2%" in blocked.stdout
    assert "migration mode" not in blocked.stdout
    assert commit(framework, "school.md", draft(FIXED)).returncode == 0


def test_pre_commits_hook_an_older_install_moved_aside_is_put_back(framework, capsys):
    pre_commit_config(framework, "repos: []\n")
    pre_commit(framework, "install")
    hook = framework / ".git" / "hooks" / "pre-commit"
    theirs = hook.read_text(encoding="utf-8")
    os.replace(hook, hook.with_name("pre-commit.legacy"))  # what `factcheck hook install` did before issue 26
    hook.write_text("#!/bin/sh\n# factcheck-hook: v1\nexec factcheck hook run\n", encoding="utf-8")

    assert main(["hook", "install"]) == 2
    assert "put back what an older factcheck kept aside as pre-commit.legacy" in capsys.readouterr().err
    assert hooks(framework) == ["pre-commit"] and hook.read_text(encoding="utf-8") == theirs


LEFTHOOK = """#!/bin/sh
if [ "$LEFTHOOK" = "0" ]; then
  exit 0
fi
call_lefthook()
{
  if lefthook -h >/dev/null 2>&1; then
    lefthook "$@"
  fi
}
call_lefthook run "pre-commit" "$@"
"""
HUSKY_4 = """#!/bin/sh
# husky

# Created by Husky v4.3.8 (https://github.com/typicode/husky#readme)
. "$(dirname "$0")/husky.sh"
"""


@pytest.mark.parametrize(
    "script, config, line",
    [(LEFTHOOK, "lefthook.yml", "      run: factcheck hook run"), (HUSKY_4, ".husky/pre-commit", "factcheck hook run")],
    ids=["lefthook", "husky"],
)
def test_another_hook_managers_hook_is_left_in_place(repo, capsys, script, config, line):
    theirs = repo / ".git" / "hooks" / "pre-commit"
    theirs.write_text(script, encoding="utf-8")
    theirs.chmod(0o755)
    assert main(["hook", "install"]) == 2
    err = capsys.readouterr().err
    assert f"add factcheck to {config} instead" in err.splitlines()[0] and line in err.splitlines()
    assert hooks(repo) == ["pre-commit"] and theirs.read_text(encoding="utf-8") == script


def test_our_hook_kept_behind_lefthook_is_not_taken_for_installed(repo, capsys):
    """pre-commit runs the hook it kept as pre-commit.legacy; lefthook does not, so ours there would never run."""
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text(LEFTHOOK, encoding="utf-8")
    hook.with_name("pre-commit.legacy").write_text("#!/bin/sh\n# factcheck-hook: v2\nexec factcheck hook run\n", encoding="utf-8")
    assert main(["hook", "install"]) == 2
    assert "add factcheck to lefthook.yml instead" in capsys.readouterr().err
    assert hook.read_text(encoding="utf-8") == LEFTHOOK
