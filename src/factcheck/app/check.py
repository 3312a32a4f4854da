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
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from ..atomic import atomic_replace
from ..errors import EmptyText, ExitCode, InputError
from ..extract.subject import Gazetteer, gazetteer
from ..i18n import _
from ..judge import suppress
from ..judge.arithmetic import Tolerance
from ..judge.draft import Judged, judge_documents, read_draft
from ..reading.source import Document
from ..record.finding import OK, VERDICTS, Finding, Report, Tally
from ..report.formats import COLOURS, STREAMED, check_format, render, report_writer
from ..store.protocol import ClaimStore
from .config import Config

if TYPE_CHECKING:
    pass

T = TypeVar("T")


def expand_drafts(patterns: list[str], cfg: Config, force_exclude: bool = False) -> list[str]:
    """The drafts the arguments name (see selection.py: one glob language for check, hook and pre-commit)."""
    from .selection import Selection

    return Selection.of(cfg).expand(patterns, force_exclude)


def parse_fail_on(value: str | None, cfg: Config) -> tuple[str, ...]:
    if value is None:
        return cfg.fail_on
    return parse_verdicts(value, "--fail-on")


def parse_verdicts(value: str, option: str) -> tuple[str, ...]:
    items = tuple(v.strip() for v in value.split(",") if v.strip())
    unknown = [v for v in items if v not in VERDICTS]
    if unknown:
        raise InputError(_("{option}: unknown verdict {verdict!r} (use {choices})").format(
            option=option, verdict=unknown[0], choices=", ".join(VERDICTS)))
    return items


def verdicts_to_accept(verdict: str | None, accept_all: bool, cfg: Config) -> tuple[str, ...]:
    """--verdict picks; --all takes every flagged verdict; neither takes what would fail the run."""
    if verdict is not None and accept_all:
        raise InputError("--all and --verdict: pass one or the other")
    if accept_all:
        return tuple(v for v in VERDICTS if v != OK)
    chosen = parse_verdicts(verdict, "--verdict") if verdict is not None else cfg.fail_on
    return tuple(v for v in chosen if v != OK)


def using_store(path: Path | str, work: Callable[[ClaimStore], T]) -> T:
    """Run `work` on the store, a claims/ folder or a PostgreSQL URL (store/__init__.py), which must hold claims.

    No full parse of a folder store: it is read through its candidate index,
    and an index found damaged is rebuilt from claims/ (saying so on stderr)
    and the work done again.
    """
    from ..store import open_storage

    return open_storage(path).reading(work)


def read_drafts(
    drafts: list[str],
    cfg: Config,
    date: dt.date | None,
    stdin: TextIO | None = None,
    force_exclude: bool = False,
    stdin_name: str | None = None,
) -> list[Document]:
    """`stdin_name` names the draft read from `-` in findings (an editor's buffer has a file name).

    An empty draft has no figures: one of several (a folder, a glob, the
    files pre-commit passes) is clean, said in one line on stderr, and the
    others are checked; the one draft named alone is bad input.
    """
    names = expand_drafts(drafts, cfg, force_exclude)
    alone = not force_exclude and len(drafts) == 1 and names == drafts
    docs = []
    for name in names:
        try:
            if name == "-":
                data = (stdin or sys.stdin).buffer.read()
                docs.append(read_draft(None, stdin_name or "<stdin>", date, data, cfg.date))
            else:
                docs.append(read_draft(Path(name), _display(name), date, configured=cfg.date))
        except EmptyText as exc:
            if alone:
                raise
            _to_stderr(exc.skipped())
    return docs


def judge_drafts(docs: list[Document], cfg: Config, store_path: Path | str | None, workers: int = 1) -> Report:
    """Every number's verdict, then the editor's ignore comments and the project's accepted findings."""
    found: list[Finding] = []
    warnings: list[suppress.DirectiveWarning] = []
    stored = judge_into(docs, cfg, store_path, found.append, warn=warnings.append, workers=workers)
    return Report(tuple(d.path for d in docs), tuple(found), stored, tuple(warnings))


def judge_into(
    docs: list[Document],
    cfg: Config,
    store_path: Path | str | None,
    take: Callable[[Finding], None],
    bar: bool = True,
    warn: Callable[[suppress.DirectiveWarning], None] | None = None,
    workers: int = 1,
) -> int:
    """Hand each finding, suppressed or not, to `take` as soon as it is judged; return the store's size.

    A report written this way never holds a big draft's findings at once. An
    index found damaged mid-check is rebuilt and the drafts judged again
    (`using_store`): the findings `take` already has are not handed over twice,
    so a report half written stays one document. `bar` False: no progress bar
    (a report streaming to the terminal shows the progress, and a bar redrawn
    under it would garble it). Each factcheck comment that could not be read
    (`draft.md:12: unknown factcheck directive 'of' …`) goes to stderr before
    any finding, and to `warn`, for a report that lists them. `workers`:
    processes to share a long draft among (`judge.draft.judge_document`).
    """
    accepted = suppress.load_accepted(cfg.accept_path)  # before the slow part: a corrupt file fails fast
    directives = suppress.read_all(docs)
    for d in directives.values():
        for problem in d.warnings:
            _to_stderr(str(problem))
            if warn is not None:
                warn(problem)
    bodies = gazetteer(dict(cfg.bodies))
    given = 0

    def judge(store: ClaimStore) -> int:
        nonlocal given
        with progress(len(docs) if bar else 0, "checking") as tick:
            found = judge_marked(docs, store, bodies, accepted.fingerprints, directives, tick, workers=workers,
                                 tolerance=tolerance_of(cfg), root=cfg.root)
            for f in itertools.islice(found, given, None):
                take(f)
                given += 1
        return len(store)

    return using_store(cfg.store_dir(store_path), judge)


def judge_marked(
    docs: list[Document],
    store: ClaimStore,
    bodies: Gazetteer,
    accepted: frozenset[str],
    directives: Mapping[str, suppress.Directives],
    on_draft: Callable[[], None] | None = None,
    judged: Judged | None = None,
    workers: int = 1,
    tolerance: Tolerance | None = None,
    root: Path | None = None,
) -> Iterator[Finding]:
    """Each figure's verdict, marked when an ignore comment or the accept file silences it; with the project's
    `root`, evidence from a Word source is placed in it too (paragraph, or table cell).

    One rule for the command line, the hook and the editor (app/session.py), which
    keeps its store open and so cannot go through `judge_into`; `judged` is
    the editor's memo of judgements (see `judge.draft.judge_document`).
    """
    found = judge_documents(docs, store, on_draft, bodies, judged, workers, tolerance)
    marked = suppress.mark(found, docs, accepted, directives)
    return marked if root is None else (_evidence_placed(f, root) for f in marked)


def _evidence_placed(f: Finding, root: Path) -> Finding:
    """The finding with each rendered source's evidence placed in its file (Word, a web page, a PDF's page), as the
    source reads now."""
    from ..reading.source import RENDERED_SUFFIXES, word_place

    if not any(e.source.lower().endswith(RENDERED_SUFFIXES) for e in f.evidence):
        return f

    return replace(f, evidence_places=tuple(word_place(root / e.source, e.line, e.column) for e in f.evidence))


def tolerance_of(cfg: Config) -> Tolerance:
    """The config's tolerances for figures that must add up (`growth-tolerance = 0.5`), the defaults otherwise."""
    return Tolerance(**dict(cfg.tolerances))


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def build_report(drafts: list[str], cfg: Config, date: dt.date | None, store_path: Path | str | None) -> Report:
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


def exit_code(report: Report, fail_on: tuple[str, ...]) -> int:
    return ExitCode.FINDINGS if report.failing(fail_on) else ExitCode.OK


MAX_JOBS = 4  # past four processes, the parent's own share and the children's cold caches gain little


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """How `factcheck check` reports: everything but what to check and against what."""

    fmt: str = "text"
    fail_on: str | None = None  # comma-separated verdicts; None: the config's
    show_all: bool = False
    evidence: str = "paragraph"
    colour: str = "auto"
    force_exclude: bool = False  # files named on the command line must be drafts too (the pre-commit framework)
    stdin_name: str | None = None
    output: Path | None = None  # the report goes there, replaced in one rename; None: stdout
    jobs: int = 0  # processes a long draft is shared among; 0: one per core, at most MAX_JOBS

    def workers(self) -> int:
        return self.jobs or default_workers()


def default_workers() -> int:
    """One process per core this run may use, up to MAX_JOBS."""
    from ..workers import usable_cores

    return min(usable_cores(), MAX_JOBS)


def run_check(
    drafts: list[str], cfg: Config, date: dt.date | None, store_path: Path | str | None, options: CheckOptions = CheckOptions()
) -> int:
    """Text and JSON are written as the figures are judged, so a draft of megabytes is never held whole."""
    fmt = options.fmt
    check_format(fmt, options.evidence)
    if options.colour not in COLOURS:
        raise InputError(f"--color: {options.colour!r} is not one of {', '.join(COLOURS)}")
    failing_verdicts = parse_fail_on(options.fail_on, cfg)
    docs = read_drafts(drafts, cfg, date, force_exclude=options.force_exclude, stdin_name=options.stdin_name)
    if not docs:  # every file the pre-commit framework passed is a source, a README, or excluded
        return ExitCode.OK
    output = options.output
    if output is None:
        return _check_into(sys.stdout, docs, cfg, store_path, options, failing_verdicts)
    if options.colour == "auto":  # a file is read later, not by this terminal: no escape codes, FORCE_COLOR or not
        options = replace(options, colour="never")
    # A check that fails half way leaves the old report, not half a new one.
    with atomic_replace(output) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as out:
        code = _check_into(out, docs, cfg, store_path, options, failing_verdicts)
        out.flush()
        os.fsync(out.fileno())
    return code


def _check_into(
    out: TextIO,
    docs: list[Document],
    cfg: Config,
    store_path: Path | str | None,
    options: CheckOptions,
    failing_verdicts: tuple[str, ...],
) -> int:
    fmt = options.fmt
    if fmt not in STREAMED:
        report = judge_drafts(docs, cfg, store_path, options.workers())
        render(report, fmt, cfg.root, options.show_all, out, evidence=options.evidence, colour=options.colour, docs=docs,
               fail_on=failing_verdicts)
        return exit_code(report, failing_verdicts)
    tally = Tally(len(docs))
    writer = report_writer(fmt, out, tally, options.show_all, options.evidence, options.colour, cfg.root)
    judge_into(docs, cfg, store_path, writer.add, bar=not out.isatty(), warn=writer.warning, workers=options.workers())
    writer.close()
    return ExitCode.FINDINGS if tally.failing(failing_verdicts) else ExitCode.OK
