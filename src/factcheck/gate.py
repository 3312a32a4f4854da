"""The check as a library call: resolve drafts, load the store, judge, suppress, render, pick the exit code.

`factcheck check`, `factcheck accept` and the git hook all go through here,
so a draft gets the same verdicts and suppressions whichever way it arrives.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO, TypeVar

from . import suppress
from .check import Report, check_documents, read_draft
from .claims import Claim
from .subject import gazetteer
from .config import Config
from .errors import ExitCode, InputError, StoreError
from .source import Document
from .store import Store
from .verdict import OK, VERDICTS

FORMATS = ("text", "json", "sarif", "github")
T = TypeVar("T")


def expand_drafts(patterns: list[str], cfg: Config) -> list[str]:
    if not patterns:
        patterns = [str(cfg.root / d) for d in cfg.drafts]
        if not patterns:
            raise InputError("no drafts given (pass a path, a glob, or - for standard input)")
    out: list[str] = []
    for pattern in patterns:
        if pattern == "-":
            out.append("-")
            continue
        if any(ch in pattern for ch in "*?[") and not os.path.lexists(pattern):  # 草稿[终].md is a file, not a glob
            import glob  # only globs need it
            matched = sorted(glob.glob(pattern, recursive=True))
            if not matched:
                raise InputError(f"{pattern}: no drafts match this pattern")
            out.extend(matched)
        else:
            out.append(pattern)
    return out


def parse_fail_on(value: str | None, cfg: Config) -> tuple[str, ...]:
    if value is None:
        return cfg.fail_on
    return parse_verdicts(value, "--fail-on")


def parse_verdicts(value: str, option: str) -> tuple[str, ...]:
    items = tuple(v.strip() for v in value.split(",") if v.strip())
    unknown = [v for v in items if v not in VERDICTS]
    if unknown:
        raise InputError(f"{option}: unknown verdict {unknown[0]!r} (use {', '.join(VERDICTS)})")
    return items


def verdicts_to_accept(verdict: str | None, accept_all: bool, cfg: Config) -> tuple[str, ...]:
    """--verdict picks; --all takes every flagged verdict; neither takes what would fail the run."""
    if verdict is not None and accept_all:
        raise InputError("--all and --verdict: pass one or the other")
    if accept_all:
        return tuple(v for v in VERDICTS if v != OK)
    chosen = parse_verdicts(verdict, "--verdict") if verdict is not None else cfg.fail_on
    return tuple(v for v in chosen if v != OK)


def using_store(path: Path, work: Callable[[Sequence[Claim]], T]) -> T:
    """Run `work` on the store opened through its candidate index (claims/.index/, refreshed first).

    No full parse of the store; an index found damaged is rebuilt from
    claims/ (saying so on stderr) and the work done again.
    """
    from .index import with_index

    def on_store(claims: Sequence[Claim]) -> T:
        if not len(claims):
            raise StoreError(f"{path}: the claims store is empty (run `factcheck ingest`)")
        return work(claims)

    return with_index(Store(path), on_store)


def read_drafts(drafts: list[str], cfg: Config, date: dt.date | None, stdin: TextIO | None = None) -> list[Document]:
    docs = []
    for name in expand_drafts(drafts, cfg):
        if name == "-":
            data = (stdin or sys.stdin).buffer.read()
            docs.append(read_draft(None, "<stdin>", date or cfg.date, data))
        else:
            docs.append(read_draft(Path(name), _display(name), date or cfg.date))
    return docs


def judge_drafts(docs: list[Document], cfg: Config, store_path: Path | None) -> Report:
    """Every number's verdict, then the editor's ignore comments and the project's accepted findings."""
    accepted = suppress.load_accepted(cfg.accept_path)  # before the slow part: a corrupt file fails fast
    bodies = gazetteer(dict(cfg.bodies))

    def judge(store: Sequence[Claim]) -> Report:
        with progress(len(docs), "checking") as tick:
            return check_documents(docs, store, tick, bodies)

    return suppress.apply(using_store(cfg.store_dir(store_path), judge), docs, accepted.fingerprints)


def build_report(drafts: list[str], cfg: Config, date: dt.date | None, store_path: Path | None) -> Report:
    return judge_drafts(read_drafts(drafts, cfg, date), cfg, store_path)


@contextlib.contextmanager
def progress(total: int, what: str, stream: TextIO | None = None) -> Iterator[Callable[[], None]]:
    """A progress bar for someone watching a terminal; nothing at all in a pipe, a hook log or CI."""
    stream = stream or sys.stderr
    if total < 2 or not stream.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(file=stream), transient=True) as bar:
        task = bar.add_task(what, total=total)
        yield lambda: bar.advance(task)


def _display(name: str) -> str:
    try:
        return os.path.relpath(name)
    except ValueError:
        return name


def render(report: Report, fmt: str, cfg: Config, show_all: bool = False, out: TextIO | None = None) -> None:
    """Machine formats and the text report alike go to stdout; renderers never pick the exit code."""
    from . import report as text

    out = out or sys.stdout
    if fmt == "json":
        out.write(text.to_json(report) + "\n")
    elif fmt == "sarif":
        from .sarif import to_sarif

        out.write(to_sarif(report, cfg.root) + "\n")
    elif fmt == "github":
        from .sarif import to_github

        out.write(to_github(report, cfg.root))
    else:
        text.render_text(report, out, show_all, colour=wants_colour(out))


def wants_colour(out: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return not os.environ.get("NO_COLOR") and hasattr(out, "isatty") and out.isatty()


def exit_code(report: Report, fail_on: tuple[str, ...]) -> int:
    return ExitCode.FINDINGS if report.failing(fail_on) else ExitCode.OK


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")


def run_check(
    drafts: list[str],
    cfg: Config,
    date: dt.date | None,
    store_path: Path | None,
    fmt: str,
    fail_on: str | None,
    show_all: bool,
) -> int:
    check_format(fmt)
    failing_verdicts = parse_fail_on(fail_on, cfg)
    report = build_report(drafts, cfg, date, store_path)
    render(report, fmt, cfg, show_all)
    return exit_code(report, failing_verdicts)
