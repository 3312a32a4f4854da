"""The command line: parse, call the library, render, exit. No checking logic lives here.

Help is in the reader's language too. typer fixes every help text when this module is imported, before
--lang or a config has spoken; click writes them out only when help is asked for, through the context's
HelpFormatter. So the texts are written in English and marked N_() for the catalogue, and HelpFormatter
translates each one as it writes it (see "help in the reader's language" below).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import typer
import typer.core

try:  # typer ≥ 0.22 vendors click; older releases depend on it
    from typer import _click as click  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import click  # type: ignore[no-redef]

from . import i18n
from .api import Checker, configured_language, parse_date
from .errors import ExitCode, FactcheckError, InputError, closest, shown
from .i18n import N_, _

# --- help in the reader's language ---------------------------------------------------------------
# Every help text below is English marked N_(), and HelpFormatter looks each up as click writes it: a
# command's help and epilog, each line of Options and Commands, click's own words. A text is looked up
# exactly as click writes it (cleaned of indentation, never cut short), so each command has its
# short_help, and none is a docstring: tests/test_i18n.py holds every one to the catalogue. English
# is the msgids themselves, so English help is what click writes, byte for byte, but that a line with
# Chinese in it (十余名) is measured in the columns it takes.

CLICK_WORDS = (  # what click and typer write on a help page themselves, marked for the catalogue
    N_("Options"), N_("Arguments"), N_("Positional arguments"), N_("Commands"), N_("Show this message and exit."),
)
_OPENING = "（「『《“‘【〈(["  # no line ends with one of these
_CLOSING = "）」』》”’】〉，。、；：？！…)].,;:!?"  # nor starts with one of these


def _words(text: str) -> list[str]:
    """`text` cut where a line may break: at spaces (kept as " ") and around each Chinese character, but
    never inside a Latin word or number, between a number and the character after it (10余名), before a
    closing mark (，。）) or after an opening one (（「)."""
    words: list[str] = []
    for char in text:
        if char.isspace():
            if words and words[-1] != " ":
                words.append(" ")
        elif words and words[-1] != " " and (
            char in _CLOSING or words[-1][-1] in _OPENING or i18n.cells(char + words[-1][-1]) == 2
            or words[-1][-1].isdigit()
        ):
            words[-1] += char
        else:
            words.append(char)
    return words


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    """`text` in lines of `width` columns at most, each after `indent`, counting a Chinese character as the
    two columns it takes (click's wrap counts one, and lines of Chinese ran twice too long); paragraphs kept."""
    lines: list[str] = []
    for n, paragraph in enumerate(text.split("\n\n")):
        if n:
            lines.append("")
        line = ""
        for word in _words(paragraph):
            if word == " ":
                line += " " if line else ""
            elif line and i18n.cells(indent + line + word) > width:
                lines.append(indent + line.rstrip())
                line = word
            else:
                line += word
        if line:
            lines.append(indent + line.rstrip())
    return lines


def _wide(text: str) -> bool:
    return i18n.cells(text) != len(text)


def _said(text: str) -> str:
    """`text` in the reader's language; nothing stays nothing (gettext's "" is the catalogue's header)."""
    return _(text) if text else text


def _lines(text: str, width: int) -> list[str]:
    """One entry of a definition list in lines: click's own wrapping, unless a character takes two columns."""
    if _wide(text):
        return _wrap(text, width)
    return click.wrap_text(text, width, preserve_paragraphs=True).splitlines()


def _help_line(text: str) -> str:
    """An option's or a command's help as click writes it ("Report format.  [default: text]") in the
    reader's language: the help is a message of the catalogue, and so is each of click's notes."""
    help_text, notes = text, ""
    if text.endswith("]"):
        head, bracket, tail = text.rpartition("  [")
        if bracket:
            help_text, notes = head, tail[:-1]
        elif text.startswith("["):  # no help, only notes
            help_text, notes = "", text[1:-1]
    if not notes:
        return _said(text)
    said = []
    for note in notes.split("; "):
        if note.startswith("default: "):
            note = _("default: {default}").format(default=note.removeprefix("default: "))
        elif note == "required":
            note = _("required")
        said.append(note)
    return (f"{_said(help_text)}  " if help_text else "") + f"[{'; '.join(said)}]"


class HelpFormatter(click.HelpFormatter):
    """click's help page, each text looked up in the catalogue as it is written, and wrapped by the columns
    its characters take. Usage lines, option names, metavars and choices are written as they are."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            usage = _("Usage:")
            prefix = usage if usage.endswith("：") else f"{usage} "  # a full-width colon has its space in it
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        text = _(heading)
        self.write(f"{'':>{self.current_indent}}{text}{'：' if _wide(text) else ':'}\n")

    def write_text(self, text: str) -> None:
        text = _said(text)
        if not _wide(text):
            return super().write_text(text)
        self.write("\n".join(_wrap(text, self.width, " " * self.current_indent)) + "\n")

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(term, _help_line(text)) for term, text in rows]
        if not any(_wide(text) for _, text in rows):
            return super().write_dl(rows, col_max, col_spacing)
        # click's layout, with each entry wrapped by _lines
        first_col = min(max(i18n.cells(term) for term, _text in rows), col_max) + col_spacing
        for term, text in rows:
            self.write(f"{'':>{self.current_indent}}{term}")
            if not text:
                self.write("\n")
                continue
            if i18n.cells(term) <= first_col - col_spacing:
                self.write(" " * (first_col - i18n.cells(term)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = _lines(text, max(self.width - first_col - 2, 10)) or [""]
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


_config_named: Path | None = None  # --config as main() found it: help is written before the line is parsed


class HelpContext(click.Context):
    formatter_class = HelpFormatter

    def make_formatter(self) -> click.HelpFormatter:
        """Help is about to be written: in the project's `lang` too, as the commands speak it, unless --lang said."""
        _project_language(_config_named)
        return super().make_formatter()


class _Command(typer.core.TyperCommand):
    context_class = HelpContext


class _Group(typer.core.TyperGroup):
    context_class = HelpContext


class _Typer(typer.Typer):
    """A typer.Typer whose groups and commands write their help through HelpContext."""

    def __init__(self, **settings: Any) -> None:
        super().__init__(cls=_Group, **settings)

    def command(self, *args: Any, **settings: Any) -> Any:
        return super().command(*args, cls=_Command, **settings)


app = _Typer(
    add_completion=False,
    no_args_is_help=True,
    help=N_("Check the figures in Chinese news drafts against a store of claims from trusted sources."),
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    # Plain click help: typer's rich help imports rich.markdown and markdown-it,
    # which doubled the time of `factcheck --help` (0.29 s median, 0.12 s plain).
    rich_markup_mode=None,
)

ConfigOpt = typer.Option(None, "--config", help=N_("Config file (default: factcheck.toml or pyproject.toml found upward)."))
StoreOpt = typer.Option(
    None, "--store", help=N_("Claims store: a directory, or a postgresql://user@host/db URL (default: the configured one).")
)
VERDICT_LIST = "VERDICT"  # shown for options that take a comma-separated list of them; the help names each
ColourOpt = typer.Option(
    "auto", "--color", "--colour", click_type=click.Choice(["auto", "always", "never"]),
    help=N_("Colour the text report: auto (a terminal, not TERM=dumb; FORCE_COLOR forces, NO_COLOR forbids and wins), always or never."),
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            print(f"factcheck {version('factcheck')}")
        except PackageNotFoundError:  # run from a source tree that was never installed
            print("factcheck (not installed)")
        raise typer.Exit(ExitCode.OK)


@app.callback()
def _app(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True, help=N_("Print the version and exit.")),
    lang: str | None = typer.Option(
        None, "--lang", metavar="zh|en",
        help=N_("Language of reports, messages and help, before or after the command (default: the config's `lang`, else "
                "the locale: LC_ALL, LC_MESSAGES, LANG zh_* is Chinese). JSON and SARIF keys, verdicts and codes stay English."),
    ),
) -> None:
    """The options before any command (--lang is taken out by main() before click parses the line)."""


def _project_language(config: Path | None = None) -> None:
    """The project's `lang`, for what opens no project (--help, `factcheck rule`), unless --lang chose one.

    A config that cannot be read is the error of the commands that use it; help is given all the same.
    """
    if i18n.chosen_by() == "option":
        return
    with contextlib.suppress(FactcheckError):
        lang = configured_language(config)
        if lang:
            i18n.use(lang, "config")


def _date(value: str | None) -> dt.date | None:
    return parse_date(value) if value else None


def _console(stderr: bool = False):  # rich is imported only by the commands that print tables
    from rich.console import Console

    # NO_COLOR wins over FORCE_COLOR (which rich reads itself): no escape codes at all, not even bold.
    # rich already gives TERM=dumb none.
    plain = bool(os.environ.get("NO_COLOR"))
    return Console(stderr=stderr, no_color=plain, color_system=None if plain else "auto", highlight=False)


@app.command(
    short_help=N_("Record every numeric claim of source articles in the store."),
    help=N_("Read source articles and record every numeric claim in the store.\n\n"
            "PATHS are source files (.txt, .md, .docx, .html, .pdf) or folders of them; none: the configured `sources`."),
)
def ingest(
    paths: list[Path] = typer.Argument(None, help=N_("Source files or folders (.txt, .md, .docx, .html, .pdf); default: the configured sources.")),
    store: str | None = StoreOpt,
    date: str | None = typer.Option(None, "--date", help=N_("Publication date for sources that carry none (YYYY-MM-DD).")),
    force: bool = typer.Option(False, "--force", help=N_("Re-read sources even when unchanged.")),
    repair: bool = typer.Option(
        False, "--repair", help=N_("First make the store consistent with what is on disk (corrupt manifest, store files or index).")
    ),
    config: Path | None = ConfigOpt,
) -> None:
    checker = Checker.for_project(config, store)
    targets = list(paths or [])
    err = _console(stderr=True)

    def say(text: str) -> None:
        print(f"factcheck: {text}", file=sys.stderr, flush=True)

    if repair:
        repaired = checker.repair(lambda why: say(f"{why}…"))
        for note in repaired.notes:
            say(note)
        if repaired.reread:
            targets = (targets or list(checker.config.sources)) + [checker.root / s for s in repaired.reread]
        say(f"repair: {len(repaired.notes)} problem(s) fixed, {len(repaired.reread)} source(s) to read again")
    with _ingest_progress(err) as (tick, phase):
        report = checker.ingest(targets, _date(date), force, tick, waiting=lambda why: say(f"{why}…"), phase=phase)
    for note in report.notes:
        say(note)
    for line in report.errors:  # each bad source in one line; the others were ingested
        print(f"factcheck: {line}", file=sys.stderr)
    if report.errors and not (report.written or report.skipped):  # nothing else read: the error lines say it all
        raise typer.Exit(ExitCode.ERROR)
    from rich.table import Table

    table = Table(title=f"claims store {checker.store_name}")
    for col in ("sources", "claims", "written", "skipped", "errors", "seconds", "claims/s"):
        table.add_column(col, justify="right")
    rate = f"{report.claims_per_second:,.0f}" if report.extracted else "-"
    table.add_row(
        str(report.sources), str(report.claims), str(len(report.written)), str(report.skipped),
        str(len(report.errors)), f"{report.seconds:.1f}", rate,
    )
    err.print(table)
    if report.errors:
        raise typer.Exit(ExitCode.ERROR)


# The ingest phases that count sources (app/ingest.py's PHASES[:2]; tests/test_store_cli.py keeps them in step):
# written out, not imported, so that `factcheck --help` never loads the extractor.
COUNTED_PHASES = ("reading sources", "extracting claims")


@contextlib.contextmanager
def _ingest_progress(console):  # type: ignore[no-untyped-def]
    """A progress bar for someone watching a terminal, labelled with each phase; no callbacks in a pipe or CI.

    Sources are counted while they are read and extracted; the writing and
    the index that follow have no count, so the bar pulses under their name
    rather than sitting at 100%.
    """
    if not console.is_terminal:
        yield None, None
        return
    from rich.progress import Progress

    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("ingesting", total=None)
        counting = True

        def tick(n: int, total: int) -> None:
            bar.update(task, advance=n, total=total)

        def phase(name: str) -> None:
            nonlocal task, counting
            if counting and name in COUNTED_PHASES:
                bar.update(task, description=name)
            else:  # no count from here on: a pulsing bar, not a full one
                counting = False
                bar.remove_task(task)
                task = bar.add_task(name, total=None)
            bar.refresh()

        yield tick, phase


@app.command(
    "claims",
    short_help=N_("Browse and search the claims store."),
    help=N_("Browse and search the claims store.\n\nQUERY is text to look for in the claim, its metric or its sentence."),
)
def claims_cmd(
    query: str | None = typer.Argument(None, help=N_("Text to look for in the claim, its metric or sentence.")),
    source: str | None = typer.Option(None, "--source", help=N_("Only claims from sources whose path contains this.")),
    subject: str | None = typer.Option(None, "--subject", help=N_("Only claims about this subject (short or full name).")),
    fmt: str = typer.Option("table", "--format", click_type=click.Choice(["table", "jsonl"]), help=N_("Output format.")),
    store: str | None = StoreOpt,
    config: Path | None = ConfigOpt,
) -> None:
    from .api import claim_to_record

    if fmt not in ("table", "jsonl"):
        raise InputError(f"unknown format {fmt!r} (use table or jsonl)")
    found = Checker.for_project(config, store).claims(query, source, subject)
    if fmt == "jsonl":
        out = sys.stdout
        for c in found:
            out.write(json.dumps(claim_to_record(c), ensure_ascii=False) + "\n")
        return
    from rich.cells import cell_len
    from rich.table import Table

    rows = [
        (f"{c.source}:{c.line}", c.text, format(c.value.normalize(), "f"), c.unit, c.subject or "",
         c.metric, c.period.label if c.period else "")
        for c in found
    ]
    table = Table(show_lines=False)
    # The citation is never cut ("seeds/00…" cites nothing): on a narrow terminal the other columns fold.
    widest = max((cell_len(row[0]) for row in rows), default=0)
    table.add_column("source:line", no_wrap=True, min_width=widest)
    for col in ("text", "value", "unit", "subject", "metric", "period"):
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*row)
    console = _console()
    if not console.is_terminal:  # a pipe: one line a claim, whole, for grep and sort
        console.width = max(console.width, console.measure(table, options=console.options.update_width(10**6)).maximum)
    console.print(table)
    _console(stderr=True).print(f"{len(found)} claims")


@app.command(
    short_help=N_("Give every number in a draft a verdict."),
    help=N_("Give every number in a draft a verdict: ok, contradicted, stale, unsupported or inconsistent.\n\n"
            "DRAFTS are files, folders (the drafts in them), globs (drafts/**/*.md), or - for standard input; "
            "none: the configured `drafts`."),
    # Written out, not read from the registry: `--help` must not load it. tests/test_rules.py keeps them in step.
    epilog=N_("Verdict codes: FC000 ok, FC001 contradicted, FC002 stale, FC003 unsupported, FC004 inconsistent; "
              "`factcheck rule CODE` "
              "explains one. <!-- factcheck: ignore[CODE] --> silences a line, <!-- factcheck: off --> ... "
              "<!-- factcheck: on --> a block."),
)
def check(
    drafts: list[str] = typer.Argument(None, show_default=False),
    date: str | None = typer.Option(None, "--date", help=N_("Publication date of the draft (YYYY-MM-DD); front matter wins.")),
    store: str | None = StoreOpt,
    fmt: str = typer.Option("text", "--format", click_type=click.Choice(["text", "json", "sarif", "github", "html"]), help=N_("Report format.")),
    output: Path | None = typer.Option(
        None, "--output", "-o", dir_okay=False, help=N_("Write the report to FILE (replaced whole), not stdout.")
    ),
    fail_on: str | None = typer.Option(
        None, "--fail-on", metavar=f"{VERDICT_LIST},...",
        help=N_("Verdicts that fail the run, of ok, contradicted, stale, unsupported and inconsistent "
                "(default contradicted,stale,inconsistent; unsupported is a warning)."),
    ),
    show_all: bool = typer.Option(False, "--all", help=N_("List ok numbers with their citations too.")),
    evidence: str = typer.Option(
        "paragraph", "--evidence", click_type=click.Choice(["paragraph", "sentence", "none"]),
        help=N_("JSON and HTML: how much of each source a finding quotes."),
    ),
    colour: str = ColourOpt,
    stdin_filename: str | None = typer.Option(
        None, "--stdin-filename", help=N_("The name findings give the draft read from - (an editor's buffer).")
    ),
    force_exclude: bool = typer.Option(
        False, "--force-exclude",
        help=N_("Check a file named here only if it is a draft by the config (drafts, sources, exclude): for pre-commit."),
    ),
    jobs: int = typer.Option(
        0, "--jobs", "-j", min=0, help=N_("Processes to share a long draft among (the same findings); 0: one per core, up to 4.")
    ),
    config: Path | None = ConfigOpt,
) -> None:
    from .api import CheckOptions

    options = CheckOptions(fmt, fail_on, show_all, evidence, colour, force_exclude, stdin_filename, output, jobs)
    raise typer.Exit(Checker.for_project(config, store).check(drafts or [], _date(date), options))


@app.command(
    short_help=N_("Record reviewed findings so they stop failing the check."),
    help=N_("Record the findings an editor has reviewed, so they stop failing the check (by content, not line).\n\n"
            "DRAFTS are files, folders, globs, or - for standard input, as for `check`."),
)
def accept(
    drafts: list[str] = typer.Argument(None, help=N_("Draft files, globs, or - for standard input.")),
    verdict: str | None = typer.Option(None, "--verdict", help=N_("Accept only these verdicts (comma-separated).")),
    accept_all: bool = typer.Option(False, "--all", help=N_("Accept every flagged finding, whatever --fail-on says.")),
    prune: bool = typer.Option(
        False, "--prune", help=N_("Accept nothing; forget entries whose finding is gone from the drafts checked, or whose draft is.")
    ),
    date: str | None = typer.Option(None, "--date", help=N_("Publication date of the draft (YYYY-MM-DD); front matter wins.")),
    store: str | None = StoreOpt,
    config: Path | None = ConfigOpt,
) -> None:
    checker = Checker.for_project(config, store)
    if prune:
        pruned = checker.prune(drafts or [], _date(date))
        print(f"factcheck: forgot {pruned.removed} accepted finding(s) in {shown(pruned.path)} "
              f"({pruned.kept} kept)", file=sys.stderr)
        return
    done = checker.accept(drafts or [], verdict, accept_all, _date(date))
    print(f"factcheck: accepted {done.added} finding(s) in {shown(done.path)} ({done.already} already accepted)",
          file=sys.stderr)


hook_app = _Typer(
    no_args_is_help=True, help=N_("The git pre-commit hook that checks staged drafts."),
    short_help=N_("The git pre-commit hook that checks staged drafts."), rich_markup_mode=None,
)
app.add_typer(hook_app, name="hook")


@hook_app.command(
    "install", short_help=N_("Install the git pre-commit hook."),
    help=N_("Install a git pre-commit hook that blocks commits of drafts with flagged figures."),
)
def hook_install(
    force: bool = typer.Option(False, "--force", help=N_("Replace an existing hook instead of keeping it as pre-commit.legacy.")),
    config: Path | None = ConfigOpt,
) -> None:
    from .hook import install

    Checker.for_project(config)  # a broken config should fail now, not at the first commit
    done = install(Path.cwd(), force=force, config=config)
    kept = f"; the previous hook is kept as {done.legacy.name} and runs first" if done.legacy else ""
    if done.runner:
        kept = f", which {done.runner}'s hook runs first"
    print(f"factcheck: pre-commit hook installed at {os.path.relpath(done.hook)}{kept}", file=sys.stderr)


@hook_app.command(
    "run", short_help=N_("Check every staged draft (what the hook calls)."),
    help=N_("Check the staged version of every staged draft (what the installed hook calls)."),
)
def hook_run(config: Path | None = ConfigOpt) -> None:
    from .hook import run

    raise typer.Exit(run(Path.cwd(), Checker.for_project(config)))


@app.command(
    short_help=N_("List where the store's sources differ: disagreements, revisions, updates."),
    help=N_("List where the store's sources differ about one fact: disagreements first, then a source's figures "
            "that do not add up, revisions, updates and superseded figures, each as a timeline with the current "
            "figure marked."),
)
def conflicts(
    fmt: str = typer.Option(
        "text", "--format", click_type=click.Choice(["text", "json", "html"]),
        help=N_("Output format (html: one page, a timeline per fact)."),
    ),
    kind: list[str] = typer.Option(
        None, "--kind", metavar="KIND", show_default=False,
        help=N_("Only this kind (disagreement, inconsistent, revision, update, superseded, reconciled); repeat for more."),
    ),
    since: str | None = typer.Option(None, "--since", help=N_("Only facts with a figure published on or after this day (YYYY-MM-DD).")),
    subject: str = typer.Option("", "--subject", help=N_("Only facts about a body whose name contains this.")),
    metric: str = typer.Option("", "--metric", help=N_("Only facts whose measure contains this.")),
    show_all: bool = typer.Option(False, "--all", help=N_("Also list differences that reconcile (十余名 and 10余名).")),
    colour: str = ColourOpt,
    store: str | None = StoreOpt,
    config: Path | None = ConfigOpt,
) -> None:
    Checker.for_project(config, store).write_conflicts(
        sys.stdout, fmt, show_all, colour, kind or (), _date(since), subject, metric
    )


@app.command(
    short_help=N_("Explain a verdict rule, or list them all."),
    help=N_("Explain a verdict rule: what it means, what to do, and an example; without a code, list every rule."),
)
def rule(code: str | None = typer.Argument(None, help=N_("A rule code such as FC002; none lists every rule."))) -> None:
    from .api import describe_rule

    _project_language()
    sys.stdout.write(describe_rule(code))


@app.command(
    short_help=N_("Check drafts as they are typed, in any editor (Language Server Protocol on stdio)."),
    help=N_("Speak the Language Server Protocol on stdin/stdout: diagnostics, hovers and quick fixes for every figure.\n\n"
            "Needs pygls (pip install 'factcheck[lsp]'). Started by the editor, not by hand: see the README, \"In an editor\"."),
)
def lsp(store: str | None = StoreOpt, config: Path | None = ConfigOpt) -> None:
    try:
        import pygls  # noqa: F401
    except ImportError:
        raise InputError("factcheck lsp needs pygls: pip install 'factcheck[lsp]'") from None
    from .lsp import Projects, serve

    # Named on the command line, the config or store serves every document; else each its own project's.
    serve(Projects(Checker.for_project(config, store)) if config or store else Projects())


store_app = _Typer(
    no_args_is_help=True, help=N_("Set up a PostgreSQL store and move claims between it and a claims/ folder."),
    # the whole sentence, which click would cut short in the list of commands ("… between it and a...")
    short_help=N_("Set up a PostgreSQL store and move claims between it and a claims/ folder."),
    rich_markup_mode=None,
)
app.add_typer(store_app, name="store")


@store_app.command(
    "init", short_help=N_("Create the PostgreSQL store's tables, or migrate them to this version."),
    help=N_("Create the factcheck tables in the database of --store (or the configured store), or migrate them forward."),
)
def store_init(store: str | None = StoreOpt, config: Path | None = ConfigOpt) -> None:
    print(f"factcheck: {Checker.for_project(config, store).init_store()}", file=sys.stderr)


@store_app.command(
    "export", short_help=N_("Write the store's claims to a new claims/ folder."),
    help=N_("Write every source of the store (--store, or the configured one) as a claims/ folder: JSON Lines and manifest."),
)
def store_export(
    folder: Path = typer.Argument(..., help=N_("A folder that does not exist yet, or is empty.")),
    store: str | None = StoreOpt,
    config: Path | None = ConfigOpt,
) -> None:
    count = Checker.for_project(config, store).export(folder)
    print(f"factcheck: exported {count} source(s) to {shown(folder)}", file=sys.stderr)


@store_app.command(
    "import", short_help=N_("Put the sources of a claims/ folder into the store."),
    help=N_("Put every source of a claims/ folder into the store (--store, or the configured one), replacing "
            "sources of the same name; in one transaction for a PostgreSQL store."),
)
def store_import(
    folder: Path = typer.Argument(..., help=N_("A claims/ folder (manifest.json and its JSON Lines files).")),
    store: str | None = StoreOpt,
    config: Path | None = ConfigOpt,
) -> None:
    count = Checker.for_project(config, store).import_folder(folder)
    print(f"factcheck: imported {count} source(s) from {shown(folder)}", file=sys.stderr)


def _usage(exc: click.UsageError) -> str:
    """A usage mistake in one line: what was wrong, the one option it was near (if any), and where help is.

    click suggests by difflib over whole option names, so the `--` they all
    share made `--bogus` "mean" `--jobs`; `closest` compares the names alone.
    """
    ctx = exc.ctx
    message = exc.format_message()
    if isinstance(exc, click.NoSuchOption) and ctx is not None:
        options = [o for p in ctx.command.get_params(ctx) for o in (*p.opts, *p.secondary_opts) if o.startswith("--")]
        near = closest(exc.option_name, options) if exc.option_name.startswith("--") else None
        message = f"No such option {exc.option_name!r}" + (f"; did you mean {near!r}?" if near else ".")
    elif ctx is not None and isinstance(ctx.command, click.Group) and exc.message.startswith("No such command '"):
        # typer and click (8.4+) each append their own suggestion: say it once, from our rule
        name = getattr(exc, "command_name", None) or exc.message.split("'")[1]
        near = closest(name, ctx.command.list_commands(ctx))
        message = f"No such command {name!r}" + (f"; did you mean {near!r}?" if near else ".")
    where = ctx.command_path if ctx is not None else "factcheck"
    return f"{message} Try '{where} --help' for help."


def _terminated(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM stops a run as Ctrl-C does: workers ended, store as it was, exit 130


def _named_config(argv: list[str]) -> Path | None:
    """The file `--config` names before `--`, if any: for help, which is written before the line is parsed."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg.startswith("--config="):
            return Path(arg.partition("=")[2])
        if arg == "--config" and i + 1 < len(argv):
            return Path(argv[i + 1])
    return None


def _take_lang(argv: list[str]) -> list[str]:
    """`--lang zh` anywhere before `--`, chosen before anything is parsed, so every message is in it; the rest."""
    rest: list[str] = []
    it = iter(argv)
    for arg in it:
        if arg == "--":
            rest += [arg, *it]
            break
        if arg == "--lang" or arg.startswith("--lang="):
            value = arg.partition("=")[2] if "=" in arg else next(it, "")
            i18n.use(i18n.check_language(value), "option")
        else:
            rest.append(arg)
    return rest


def main(argv: list[str] | None = None) -> int:
    """One error boundary: every failure is one line on stderr and an exit code, never a traceback."""
    import signal

    global _config_named
    _config_named = None

    with contextlib.suppress(ValueError):  # not the main thread (a test runner's worker): leave signals be
        signal.signal(signal.SIGTERM, _terminated)
    i18n.reset()
    i18n.use_locale()
    try:
        argv = _take_lang(list(sys.argv[1:] if argv is None else argv))
        _config_named = _named_config(argv)
        rc = app(args=argv, prog_name="factcheck", standalone_mode=False)
    except FactcheckError as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return ExitCode.ERROR
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        return ExitCode.INTERRUPTED
    except click.exceptions.NoArgsIsHelpError as exc:
        exc.show()  # `factcheck` or `factcheck hook` alone: the help, not an error line that starts with it
        return ExitCode.ERROR
    except click.UsageError as exc:
        print(f"factcheck: {_usage(exc)}", file=sys.stderr)
        return ExitCode.ERROR
    except click.ClickException as exc:
        print(f"factcheck: {exc.format_message()}", file=sys.stderr)
        return ExitCode.ERROR
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK
    except MemoryError:
        print("factcheck: " + i18n._("out of memory (split the draft, or check it with --format text)"), file=sys.stderr)
        return ExitCode.ERROR
    except OSError as exc:  # a full disk, a read-only folder, a vanished file: the user's to fix, named
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"factcheck: {where}{exc.strerror or exc}", file=sys.stderr)
        return ExitCode.ERROR
    except Exception as exc:  # the last line of defence: a bug is still one line, not a traceback
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        if type(exc).__module__.startswith("psycopg"):  # a database error no store method turned into one line
            print(f"factcheck: PostgreSQL: {' '.join(str(exc).split())}", file=sys.stderr)
            return ExitCode.ERROR
        if type(exc).__module__ == "sqlite3":  # a busy or unreadable index the healing could not fix
            print(f"factcheck: the claims index: {exc} (delete the store's .index folder and retry)", file=sys.stderr)
            return ExitCode.ERROR
        print(f"factcheck: internal error: {type(exc).__name__}: {exc} (set FACTCHECK_DEBUG=1 for details)", file=sys.stderr)
        return ExitCode.ERROR
    return int(rc) if isinstance(rc, int) else ExitCode.OK
