"""The check as a library call: resolve drafts, load the store, judge, suppress, render, pick the exit code.

`factcheck check`, `factcheck accept` and the git hook all go through here,
so a draft gets the same verdicts and suppressions whichever way it arrives.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from . import suppress
from .check import Finding, Report, Tally, judge_documents, read_draft
from .claimstore import ClaimStore
from .config import Config
from .errors import ExitCode, InputError, StoreError
from .source import Document
from .store import Store
from .subject import gazetteer
from .verdict import OK, VERDICTS

if TYPE_CHECKING:
    from .report import ReportWriter

FORMATS = ("text", "json", "sarif", "github")
STREAMED = ("text", "json")  # written finding by finding; SARIF and annotations are built from the whole report
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


def using_store(path: Path, work: Callable[[ClaimStore], T]) -> T:
    """Run `work` on the store opened through its candidate index (claims/.index/, refreshed first).

    No full parse of the store; an index found damaged is rebuilt from
    claims/ (saying so on stderr) and the work done again.
    """
    from .index import with_index

    def on_store(claims: ClaimStore) -> T:
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
    found: list[Finding] = []
    stored = judge_into(docs, cfg, store_path, found.append)
    return Report(tuple(d.path for d in docs), tuple(found), stored)


def judge_into(
    docs: list[Document], cfg: Config, store_path: Path | None, take: Callable[[Finding], None], bar: bool = True
) -> int:
    """Hand each finding, suppressed or not, to `take` as soon as it is judged; return the store's size.

    A report written this way never holds a big draft's findings at once. An
    index found damaged mid-check is rebuilt and the drafts judged again
    (`using_store`): the findings `take` already has are not handed over twice,
    so a report half written stays one document. `bar` False: no progress bar
    (a report streaming to the terminal shows the progress, and a bar redrawn
    under it would garble it).
    """
    accepted = suppress.load_accepted(cfg.accept_path)  # before the slow part: a corrupt file fails fast
    bodies = gazetteer(dict(cfg.bodies))
    given = 0

    def judge(store: ClaimStore) -> int:
        nonlocal given
        with progress(len(docs) if bar else 0, "checking") as tick:
            found = suppress.mark(judge_documents(docs, store, tick, bodies), docs, accepted.fingerprints)
            for f in itertools.islice(found, given, None):
                take(f)
                given += 1
        return len(store)

    return using_store(cfg.store_dir(store_path), judge)


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


def render(
    report: Report, fmt: str, cfg: Config, show_all: bool = False, out: TextIO | None = None, evidence: str = "paragraph"
) -> None:
    """Machine formats and the text report alike go to stdout; renderers never pick the exit code."""
    out = out or sys.stdout
    if fmt in STREAMED:
        writer = report_writer(fmt, out, Tally(len(report.drafts)), show_all, evidence)
        for f in report.findings:
            writer.add(f)
        writer.close()
    elif fmt == "sarif":
        from .sarif import to_sarif

        out.write(to_sarif(report, cfg.root) + "\n")
    else:
        from .sarif import to_github

        out.write(to_github(report, cfg.root))


def report_writer(
    fmt: str, out: TextIO, tally: Tally, show_all: bool = False, evidence: str = "paragraph"
) -> ReportWriter:
    """The text or JSON report, written as findings are added and counted into `tally`."""
    from . import report as text

    if fmt == "json":
        return text.JsonReport(out, tally, evidence)
    return text.TextReport(out, tally, show_all, colour=wants_colour(out))


def wants_colour(out: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return not os.environ.get("NO_COLOR") and hasattr(out, "isatty") and out.isatty()


def exit_code(report: Report, fail_on: tuple[str, ...]) -> int:
    return ExitCode.FINDINGS if report.failing(fail_on) else ExitCode.OK


def check_format(fmt: str, evidence: str = "paragraph") -> None:
    from .report import EVIDENCE

    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    if evidence not in EVIDENCE:
        raise InputError(f"--evidence: unknown value {evidence!r} (use {', '.join(EVIDENCE)})")


def run_check(
    drafts: list[str],
    cfg: Config,
    date: dt.date | None,
    store_path: Path | None,
    fmt: str,
    fail_on: str | None,
    show_all: bool,
    evidence: str = "paragraph",
) -> int:
    """Text and JSON are written as the figures are judged, so a draft of megabytes is never held whole."""
    check_format(fmt, evidence)
    failing_verdicts = parse_fail_on(fail_on, cfg)
    docs = read_drafts(drafts, cfg, date)
    if fmt not in STREAMED:
        report = judge_drafts(docs, cfg, store_path)
        render(report, fmt, cfg, show_all)
        return exit_code(report, failing_verdicts)
    tally = Tally(len(docs))
    writer = report_writer(fmt, sys.stdout, tally, show_all, evidence)
    judge_into(docs, cfg, store_path, writer.add, bar=not sys.stdout.isatty())
    writer.close()
    return ExitCode.FINDINGS if tally.failing(failing_verdicts) else ExitCode.OK
