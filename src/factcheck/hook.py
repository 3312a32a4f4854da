"""The git pre-commit hook: install it beside any hook already there, and check what is about to be committed.

What is committed is the index, not the working tree: an editor may fix a
figure on disk and forget to `git add` it, so the hook reads every staged
draft with `git show :path`.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .atomic import atomic_write
from .errors import ExitCode, FactcheckError

if TYPE_CHECKING:
    from .api import Checker, Document

MARKER = "# factcheck-hook: v1"  # how install recognises its own hook (and replaces it rather than stacking)
BLOCKED_HINT = (
    "factcheck: commit blocked; fix the figure and `git add` it, or mark a reviewed line"
    " `<!-- factcheck: ignore -->`, or record it with `factcheck accept DRAFT`"
)
HOOKS_PATH_HINT = "hint: `git config --unset-all core.hooksPath`, or call `factcheck hook run` from a hook there"


class HookError(FactcheckError):
    """Git is missing, this is not a repository, or the hook cannot be put in place."""


def git(cwd: Path, *args: str) -> bytes:
    """Run git and return its output; a failure is one line naming the command."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise HookError("git is not installed (or not on PATH)") from None
    if done.returncode != 0:
        why = " ".join(done.stderr.decode("utf-8", "replace").split()) or f"exit {done.returncode}"
        raise HookError(f"git {' '.join(args[:2])}: {why}")
    return done.stdout


def toplevel(cwd: Path) -> Path:
    return Path(git(cwd, "rev-parse", "--show-toplevel").decode().strip())


def hooks_path_setting(cwd: Path) -> str | None:
    """core.hooksPath, if set: git then ignores .git/hooks, so a hook installed there would never run."""
    done = subprocess.run(["git", "config", "--get", "core.hooksPath"], cwd=cwd, capture_output=True, check=False)
    value = done.stdout.decode("utf-8", "replace").strip()
    return value if done.returncode == 0 and value else None


def hook_file(cwd: Path) -> Path:
    """The pre-commit hook path as git sees it (worktrees share the main repository's hooks)."""
    return cwd / git(cwd, "rev-parse", "--git-path", "hooks/pre-commit").decode().strip()


def is_ours(path: Path) -> bool:
    try:
        return MARKER in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def hook_script(python: str, config: Path | None = None) -> str:
    """A POSIX sh hook: the kept hook first (as pre-commit does), then `factcheck hook run`."""
    args = " hook run" + (f" --config {shlex.quote(str(config))}" if config else "")
    return f"""#!/bin/sh
# factcheck pre-commit hook, written by `factcheck hook install` (running it again replaces this file).
{MARKER}
# Checks the staged version of every staged draft; a flagged figure blocks the commit.
legacy="$(dirname "$0")/pre-commit.legacy"
if [ -x "$legacy" ]; then
    "$legacy" "$@" || exit $?
fi
python={shlex.quote(python)}
if [ -x "$python" ]; then
    exec "$python" -m factcheck{args}
elif command -v factcheck >/dev/null 2>&1; then
    exec factcheck{args}
fi
echo "factcheck: $python is gone and factcheck is not on PATH; reinstall with \\`factcheck hook install\\`" >&2
exit 1
"""


@dataclass(frozen=True, slots=True)
class Installed:
    hook: Path
    legacy: Path | None  # the hook that was there before, kept and run first


def install(cwd: Path, force: bool = False, python: str | None = None, config: Path | None = None) -> Installed:
    """Write the pre-commit hook; idempotent, keeps a foreign hook as pre-commit.legacy unless forced."""
    setting = hooks_path_setting(cwd)
    if setting:
        raise HookError(f"core.hooksPath is set ({setting}), so git ignores .git/hooks; {HOOKS_PATH_HINT}")
    hook = hook_file(cwd)
    legacy = hook.with_name(hook.name + ".legacy")
    foreign = hook.exists() and not is_ours(hook)
    if foreign and legacy.exists() and not force:
        raise HookError(f"{legacy} already exists and {hook} is not factcheck's; move one aside or pass --force")
    try:
        hook.parent.mkdir(parents=True, exist_ok=True)
        if force:
            legacy.unlink(missing_ok=True)
        elif foreign:
            os.replace(hook, legacy)
        atomic_write(hook, hook_script(python or sys.executable, config.absolute() if config else None), mode=0o755)
    except OSError as exc:
        raise HookError(f"{hook}: cannot install the hook ({exc.strerror})") from None
    return Installed(hook, legacy if legacy.exists() else None)


def staged_paths(top: Path) -> list[str]:
    """Files added, copied or modified in the index, NUL-separated so any file name survives."""
    out = git(top, "diff", "--cached", "--name-only", "-z", "--diff-filter=ACM")
    return [name for name in out.decode("utf-8", "surrogateescape").split("\0") if name]


def staged_drafts(cwd: Path, checker: Checker, date: dt.date | None = None) -> list[Document]:
    """Each staged draft as the commit will have it; empty files have nothing to check."""
    top = toplevel(cwd)
    docs = []
    for name in staged_paths(top):
        path = top / name
        if not checker.is_draft(path):
            continue
        data = git(top, "show", f":{name}")
        if data.strip():
            docs.append(checker.read_draft(data, _display(path, cwd), date))
    return docs


def _display(path: Path, cwd: Path) -> str:
    try:
        return os.path.relpath(path, cwd)
    except ValueError:
        return str(path)


def run(cwd: Path, checker: Checker) -> int:
    """What the installed hook calls: check the staged drafts, print the report, exit 1 to block the commit."""
    docs = staged_drafts(cwd, checker)
    if not docs:
        return ExitCode.OK
    code = checker.check_documents(docs)
    if code == ExitCode.FINDINGS:
        print(BLOCKED_HINT, file=sys.stderr)
    return code
