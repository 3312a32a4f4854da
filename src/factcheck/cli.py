"""The command line: parse, call the library, render, exit. No checking logic lives here."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
from pathlib import Path

import typer

try:  # typer ≥ 0.22 vendors click; older releases depend on it
    from typer import _click as click  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import click  # type: ignore[no-redef]

from . import i18n
from .api import Checker, configured_language, parse_date
from .errors import ExitCode, FactcheckError, InputError, closest, shown

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Check the figures in Chinese news drafts against a store of claims from trusted sources.",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    # Plain click help: typer's rich help imports rich.markdown and markdown-it,
    # which doubled the time of `factcheck --help` (0.29 s median, 0.12 s plain).
    rich_markup_mode=None,
)

ConfigOpt = typer.Option(None, "--config", help="Config file (default: factcheck.toml or pyproject.toml found upward).")
StoreOpt = typer.Option(
    None, "--store", help="Claims store: a directory, or a postgresql://user@host/db URL (default: the configured one)."
)
VERDICT_LIST = "[ok,contradicted,stale,unsupported]"  # shown for options that take a comma-separated list of them
ColourOpt = typer.Option(
    "auto", "--color", "--colour", click_type=click.Choice(["auto", "always", "never"]),
    help="Colour the text report: auto (a terminal, not TERM=dumb; FORCE_COLOR forces, NO_COLOR forbids and wins), always or never.",
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
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."),
    lang: str | None = typer.Option(
        None, "--lang", metavar="zh|en",
        help="Language of reports and messages, before or after the command (default: the config's `lang`, else "
        "the locale: LC_ALL, LC_MESSAGES, LANG zh_* is Chinese). JSON and SARIF keys, verdicts and codes stay English.",
    ),
) -> None:
    """Check the figures in Chinese news drafts against a store of claims from trusted sources."""


def _project_language(config: Path | None = None) -> None:
    """The project's `lang`, for what opens no project (`factcheck rule`), unless --lang chose one.

    A config that cannot be read is the error of the commands that use it; a rule is explained all the same.
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


@app.command(short_help="Record every numeric claim of source articles in the store.")
def ingest(
    paths: list[Path] = typer.Argument(None, help="Source files or folders (.txt, .md); default: the configured sources."),
    store: str | None = StoreOpt,
    date: str | None = typer.Option(None, "--date", help="Publication date for sources that carry none (YYYY-MM-DD)."),
    force: bool = typer.Option(False, "--force", help="Re-read sources even when unchanged."),
    repair: bool = typer.Option(
        False, "--repair", help="First make the store consistent with what is on disk (corrupt manifest, store files or index)."
    ),
    config: Path | None = ConfigOpt,
) -> None:
    """Read source articles and record every numeric claim in the store.

    PATHS are source files (.txt, .md) or folders of them; none: the configured `sources`.
    """
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
    if report.errors:
        for line in report.errors:
            print(f"factcheck: {line}", file=sys.stderr)
        raise typer.Exit(ExitCode.ERROR)
    from rich.table import Table

    table = Table(title=f"claims store {checker.store_name}")
    for col in ("sources", "claims", "written", "skipped", "errors", "seconds", "claims/s"):
        table.add_column(col, justify="right")
    rate = f"{report.claims_per_second:,.0f}" if report.extracted else "-"
    table.add_row(
        str(report.sources), str(report.claims), str(len(report.written)), str(report.skipped), "0",
        f"{report.seconds:.1f}", rate,
    )
    err.print(table)


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


@app.command("claims")
def claims_cmd(
    query: str | None = typer.Argument(None, help="Text to look for in the claim, its metric or sentence."),
    source: str | None = typer.Option(None, "--source", help="Only claims from sources whose path contains this."),
    subject: str | None = typer.Option(None, "--subject", help="Only claims about this subject (short or full name)."),
    fmt: str = typer.Option("table", "--format", click_type=click.Choice(["table", "jsonl"]), help="Output format."),
    store: str | None = StoreOpt,
    config: Path | None = ConfigOpt,
) -> None:
    """Browse and search the claims store.

    QUERY is text to look for in the claim, its metric or its sentence.
    """
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
    short_help="Give every number in a draft a verdict.",
    # Written out, not read from the registry: `--help` must not load it. tests/test_rules.py keeps them in step.
    epilog="Verdict codes: FC000 ok, FC001 contradicted, FC002 stale, FC003 unsupported; `factcheck rule CODE` "
    "explains one. <!-- factcheck: ignore[CODE] --> silences a line, <!-- factcheck: off --> ... "
    "<!-- factcheck: on --> a block.",
)
def check(
    drafts: list[str] = typer.Argument(None, show_default=False),
    date: str | None = typer.Option(None, "--date", help="Publication date of the draft (YYYY-MM-DD); front matter wins."),
    store: str | None = StoreOpt,
    fmt: str = typer.Option("text", "--format", click_type=click.Choice(["text", "json", "sarif", "github", "html"]), help="Report format."),
    output: Path | None = typer.Option(
        None, "--output", "-o", dir_okay=False, help="Write the report to FILE (replaced whole), not stdout."
    ),
    fail_on: str | None = typer.Option(
        None, "--fail-on", metavar=f"{VERDICT_LIST},...",
        help="Verdicts that fail the run (default contradicted,stale; unsupported is a warning).",
    ),
    show_all: bool = typer.Option(False, "--all", help="List ok numbers with their citations too."),
    evidence: str = typer.Option(
        "paragraph", "--evidence", click_type=click.Choice(["paragraph", "sentence", "none"]),
        help="JSON and HTML: how much of each source a finding quotes.",
    ),
    colour: str = ColourOpt,
    stdin_filename: str | None = typer.Option(
        None, "--stdin-filename", help="The name findings give the draft read from - (an editor's buffer)."
    ),
    force_exclude: bool = typer.Option(
        False, "--force-exclude",
        help="Check a file named here only if it is a draft by the config (drafts, sources, exclude): for pre-commit.",
    ),
    jobs: int = typer.Option(
        0, "--jobs", "-j", min=0, help="Processes to share a long draft among (the same findings); 0: one per core, up to 4."
    ),
    config: Path | None = ConfigOpt,
) -> None:
    """Give every number in a draft a verdict: ok, contradicted, stale or unsupported.

    DRAFTS are files, folders (the drafts in them), globs (drafts/**/*.md), or - for standard input;
    none: the configured `drafts`.
    """
    from .api import CheckOptions

    options = CheckOptions(fmt, fail_on, show_all, evidence, colour, force_exclude, stdin_filename, output, jobs)
    raise typer.Exit(Checker.for_project(config, store).check(drafts or [], _date(date), options))


@app.command(short_help="Record reviewed findings so they stop failing the check.")
def accept(
    drafts: list[str] = typer.Argument(None, help="Draft files, globs, or - for standard input."),
    verdict: str | None = typer.Option(None, "--verdict", help="Accept only these verdicts (comma-separated)."),
    accept_all: bool = typer.Option(False, "--all", help="Accept every flagged finding, whatever --fail-on says."),
    prune: bool = typer.Option(
        False, "--prune", help="Accept nothing; forget entries whose finding is gone from the drafts checked, or whose draft is."
    ),
    date: str | None = typer.Option(None, "--date", help="Publication date of the draft (YYYY-MM-DD); front matter wins."),
    store: str | None = StoreOpt,
    config: Path | None = ConfigOpt,
) -> None:
    """Record the findings an editor has reviewed, so they stop failing the check (by content, not line).

    DRAFTS are files, folders, globs, or - for standard input, as for `check`.
    """
    checker = Checker.for_project(config, store)
    if prune:
        pruned = checker.prune(drafts or [], _date(date))
        print(f"factcheck: forgot {pruned.removed} accepted finding(s) in {shown(pruned.path)} "
              f"({pruned.kept} kept)", file=sys.stderr)
        return
    done = checker.accept(drafts or [], verdict, accept_all, _date(date))
    print(f"factcheck: accepted {done.added} finding(s) in {shown(done.path)} ({done.already} already accepted)",
          file=sys.stderr)


hook_app = typer.Typer(
    no_args_is_help=True, help="The git pre-commit hook that checks staged drafts.", rich_markup_mode=None
)
app.add_typer(hook_app, name="hook")


@hook_app.command("install", short_help="Install the git pre-commit hook.")
def hook_install(
    force: bool = typer.Option(False, "--force", help="Replace an existing hook instead of keeping it as pre-commit.legacy."),
    config: Path | None = ConfigOpt,
) -> None:
    """Install a git pre-commit hook that blocks commits of drafts with flagged figures."""
    from .hook import install

    Checker.for_project(config)  # a broken config should fail now, not at the first commit
    done = install(Path.cwd(), force=force, config=config)
    kept = f"; the previous hook is kept as {done.legacy.name} and runs first" if done.legacy else ""
    if done.runner:
        kept = f", which {done.runner}'s hook runs first"
    print(f"factcheck: pre-commit hook installed at {os.path.relpath(done.hook)}{kept}", file=sys.stderr)


@hook_app.command("run", short_help="Check every staged draft (what the hook calls).")
def hook_run(config: Path | None = ConfigOpt) -> None:
    """Check the staged version of every staged draft (what the installed hook calls)."""
    from .hook import run

    raise typer.Exit(run(Path.cwd(), Checker.for_project(config)))


@app.command(short_help="List where the store's sources differ: disagreements, revisions, updates.")
def conflicts(
    fmt: str = typer.Option(
        "text", "--format", click_type=click.Choice(["text", "json", "html"]),
        help="Output format (html: one page, a timeline per fact).",
    ),
    kind: list[str] = typer.Option(
        None, "--kind", metavar="KIND", show_default=False,
        help="Only this kind (disagreement, revision, update, superseded, reconciled); repeat for more.",
    ),
    since: str | None = typer.Option(None, "--since", help="Only facts with a figure published on or after this day (YYYY-MM-DD)."),
    subject: str = typer.Option("", "--subject", help="Only facts about a body whose name contains this."),
    metric: str = typer.Option("", "--metric", help="Only facts whose measure contains this."),
    show_all: bool = typer.Option(False, "--all", help="Also list differences that reconcile (十余名 and 10余名)."),
    colour: str = ColourOpt,
    store: str | None = StoreOpt,
    config: Path | None = ConfigOpt,
) -> None:
    """List where the store's sources differ about one fact: disagreements first, then revisions, updates and
    superseded figures, each as a timeline with the current figure marked."""
    Checker.for_project(config, store).write_conflicts(
        sys.stdout, fmt, show_all, colour, kind or (), _date(since), subject, metric
    )


@app.command(short_help="Explain a verdict rule, or list them all.")
def rule(code: str | None = typer.Argument(None, help="A rule code such as FC002; none lists every rule.")) -> None:
    """Explain a verdict rule: what it means, what to do, and an example; without a code, list every rule."""
    from .api import describe_rule

    _project_language()
    sys.stdout.write(describe_rule(code))


@app.command(short_help="Check drafts as they are typed, in any editor (Language Server Protocol on stdio).")
def lsp(store: str | None = StoreOpt, config: Path | None = ConfigOpt) -> None:
    """Speak the Language Server Protocol on stdin/stdout: diagnostics, hovers and quick fixes for every figure.

    Needs pygls (pip install 'factcheck[lsp]'). Started by the editor, not by hand: see the README, "In an editor".
    """
    try:
        import pygls  # noqa: F401
    except ImportError:
        raise InputError("factcheck lsp needs pygls: pip install 'factcheck[lsp]'") from None
    from .lsp import Projects, serve

    # Named on the command line, the config or store serves every document; else each its own project's.
    serve(Projects(Checker.for_project(config, store)) if config or store else Projects())


store_app = typer.Typer(
    no_args_is_help=True, help="Set up a PostgreSQL store and move claims between it and a claims/ folder.",
    rich_markup_mode=None,
)
app.add_typer(store_app, name="store")


@store_app.command("init", short_help="Create the PostgreSQL store's tables, or migrate them to this version.")
def store_init(store: str | None = StoreOpt, config: Path | None = ConfigOpt) -> None:
    """Create the factcheck tables in the database of --store (or the configured store), or migrate them forward."""
    print(f"factcheck: {Checker.for_project(config, store).init_store()}", file=sys.stderr)


@store_app.command("export", short_help="Write the store's claims to a new claims/ folder.")
def store_export(
    folder: Path = typer.Argument(..., help="A folder that does not exist yet, or is empty."),
    store: str | None = StoreOpt,
    config: Path | None = ConfigOpt,
) -> None:
    """Write every source of the store (--store, or the configured one) as a claims/ folder: JSON Lines and manifest."""
    count = Checker.for_project(config, store).export(folder)
    print(f"factcheck: exported {count} source(s) to {shown(folder)}", file=sys.stderr)


@store_app.command("import", short_help="Put the sources of a claims/ folder into the store.")
def store_import(
    folder: Path = typer.Argument(..., help="A claims/ folder (manifest.json and its JSON Lines files)."),
    store: str | None = StoreOpt,
    config: Path | None = ConfigOpt,
) -> None:
    """Put every source of a claims/ folder into the store (--store, or the configured one), replacing
    sources of the same name; in one transaction for a PostgreSQL store."""
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

    with contextlib.suppress(ValueError):  # not the main thread (a test runner's worker): leave signals be
        signal.signal(signal.SIGTERM, _terminated)
    i18n.reset()
    i18n.use_locale()
    try:
        argv = _take_lang(list(sys.argv[1:] if argv is None else argv))
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
