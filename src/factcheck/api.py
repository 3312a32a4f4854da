"""The front door: a `Checker` for a project, and the calls a newsroom tool makes on it.

    import factcheck
    with factcheck.Checker.for_project() as checker:          # factcheck.toml or pyproject.toml, found upward
        for finding in checker.check_text("平湖技师学院毕业生就业率连续多年稳定在98.2%。",
                                          published=datetime.date(2026, 3, 5)):
            print(finding.verdict, finding.text, finding.message)

The command line, the git hook and the editor's server all go through a
Checker and nothing deeper, so a draft gets the same verdicts whichever way
it arrives. A Checker holds the project's configuration, where its store is,
and what is worth keeping between checks (the store opened, the accept file,
each figure's judgement); it opens nothing until a call needs it.

`open_store`, `check_text` and `read_text` are the same calls without a
project: a store by its path, any claims, a string as a dated draft.
Imports are made where a call needs them: `factcheck --help` loads none of
the checker.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .app.config import Config, configured_language, find_config, load_config
from .errors import InputError

if TYPE_CHECKING:
    from .app.check import CheckOptions
    from .app.fix import Fix
    from .app.ingest import IngestReport
    from .app.session import Checked, Session
    from .extract.subject import Gazetteer
    from .judge.conflicts import Conflict
    from .judge.suppress import Accepted, Pruned
    from .reading.source import Document, parse_date
    from .record.claim import Claim
    from .record.codec import claim_to_record
    from .record.finding import CONTRADICTED, INCONSISTENT, OK, STALE, UNSUPPORTED, DirectiveWarning, Finding, Report
    from .record.period import Period
    from .store.protocol import ClaimStore, Repair

# The records, for callers that read findings (their fields are the JSON's).
_RECORDS = {
    "Claim": "record.claim", "Finding": "record.finding", "Report": "record.finding", "Period": "record.period",
    "Document": "reading.source", "DirectiveWarning": "record.finding", "Checked": "app.session",
    "CheckOptions": "app.check", "Fix": "app.fix", "claim_to_record": "record.codec", "parse_date": "reading.source",
    "CONTRADICTED": "record.finding", "STALE": "record.finding", "UNSUPPORTED": "record.finding", "OK": "record.finding",
    "INCONSISTENT": "record.finding",
}
__all__ = [
    "CONTRADICTED",
    "INCONSISTENT",
    "OK",
    "STALE",
    "UNSUPPORTED",
    "CheckOptions",
    "Checked",
    "Checker",
    "Claim",
    "DirectiveWarning",
    "Document",
    "Finding",
    "Fix",
    "Period",
    "Report",
    "check_text",
    "claim_to_record",
    "configured_language",
    "describe_rule",
    "find_config",
    "open_store",
    "parse_date",
    "read_text",
]


def __getattr__(name: str) -> Any:
    if name not in _RECORDS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{_RECORDS[name]}", __package__), name)


class Checker:
    """A project's checks: its configuration, its store, and the caches worth keeping between calls."""

    def __init__(
        self,
        config: Config,
        store: str | Path | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """`store` overrides the configured store (a folder or a postgresql:// URL); `today` dates undated drafts."""
        self.config = config
        if config.lang:  # the project's language, unless --lang chose one
            from .i18n import use

            use(config.lang, "config")
        self.store = config.store_dir(store)
        self.own_store = store is None  # the project's: it takes in the project's files only
        self.today = today
        self.clock = clock
        self._session: Session | None = None

    @classmethod
    def for_project(cls, config: Path | None = None, store: str | Path | None = None, cwd: Path | None = None) -> Checker:
        """The project whose config is `config`, else the one found upward from `cwd` (default: here)."""
        return cls(load_config(config, cwd), store)

    @property
    def root(self) -> Path:
        return self.config.root

    @property
    def store_name(self) -> str:
        """The store as messages name it: a folder, or a URL without its password."""
        from .store import open_storage

        return str(open_storage(self.store))

    def __enter__(self) -> Checker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Let go of the store a live session keeps open."""
        if self._session is not None:
            self._session.close()
            self._session = None

    # --- checking drafts ---------------------------------------------------------------------

    def check(self, drafts: Sequence[str], date: dt.date | None = None, options: CheckOptions | None = None) -> int:
        """Check drafts (files, folders, globs, `-`) and write the report as `options` say; the exit code."""
        from .app.check import CheckOptions, run_check

        return run_check(list(drafts), self.config, date, self.store, options or CheckOptions())

    def report(self, drafts: Sequence[str], date: dt.date | None = None) -> Report:
        """Every figure's verdict in these drafts, ignore comments and accepted findings marked, held whole."""
        from .app.check import build_report

        return build_report(list(drafts), self.config, date, self.store)

    def check_documents(self, docs: Sequence[Document], out: TextIO | None = None) -> int:
        """Drafts already read (git's staged copies): the text report to `out`, and the exit code."""
        from .app.check import default_workers, exit_code, judge_drafts
        from .report.formats import render

        report = judge_drafts(list(docs), self.config, self.store, default_workers())
        render(report, "text", self.root, out=out)
        return exit_code(report, self.config.fail_on)

    def check_text(self, text: str, path: str = "<text>", published: dt.date | None = None) -> list[Finding]:
        """Every figure in `text` with its verdict, in reading order, against the store kept open."""
        doc = read_text(text, path, published, self.config.date, self.today())
        return list(self._live().findings_of(doc))

    def check_buffer(self, text: str, path: str, version: int | None = None) -> Checked:
        """An editor's buffer, checked as it is typed: flagged and ok figures, suppressions applied, store kept open."""
        return self._live().check(text, path, version)

    def fixes(self, checked: Checked, path: str, among: Iterable[Finding] | None = None) -> list[Fix]:
        """Quick fixes for the stale and contradicted figures of a checked buffer (those `among`, default all):
        each edit checked again first, and offered only if the draft it leaves is one the checker accepts."""
        from .app.fix import fixes

        return fixes(checked, lambda text: self.check_buffer(text, path), among)

    def _live(self) -> Session:
        if self._session is None:
            from .app.session import Session

            self._session = Session(self.config, self.store, today=self.today, clock=self.clock)
        return self._session

    def read_draft(self, data: bytes, name: str, date: dt.date | None = None) -> Document:
        """A draft from bytes (a staged copy), dated by its front matter, else `date`, else the config's, else today."""
        from .judge.draft import read_draft

        return read_draft(None, name, date, data, self.config.date)

    def is_draft(self, path: Path) -> bool:
        """Whether the config calls this file a draft (drafts, sources, exclude)."""
        from .app.selection import Selection

        return Selection.of(self.config).is_draft(path)

    def relative(self, path: Path) -> str:
        """A file's name in findings: relative to the project root, as `factcheck check` run there names it."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)

    def source_line(self, source: str, line: int) -> str | None:
        """Line `line` (1-based) of a claim's source in the project, as ingest read it; None when the file is
        gone, unreadable or outside the project (a store never sends a reader elsewhere)."""
        from .app.config import inside
        from .errors import FactcheckError
        from .reading.source import source_lines

        path = self.root / source
        if not inside(path, self.root):
            return None
        try:
            lines = source_lines(path)
        except (OSError, FactcheckError):
            return None
        return lines[line - 1] if 0 < line <= len(lines) else None

    # --- the store -----------------------------------------------------------------------------

    def ingest(
        self,
        paths: Sequence[Path] = (),
        date: dt.date | None = None,
        force: bool = False,
        progress: Callable[[int, int], None] | None = None,
        waiting: Callable[[str], None] | None = None,
        phase: Callable[[str], None] | None = None,
    ) -> IngestReport:
        """Read sources (default: the configured ones) into the store; unchanged ones are skipped by hash.

        `progress(n, total)` counts sources read; `phase(name)` names each step as it starts."""
        from .app.config import inside
        from .app.ingest import ingest
        from .store import open_storage

        targets = list(paths) or list(self.config.sources)
        if self.own_store:
            # The project's store cites its sources by their place in the project, and --repair reads them
            # there again: a file elsewhere would make the store reach outside (a store of your own may).
            for p in targets:
                if not inside(p, self.root):
                    raise InputError(f"{p}: outside the project ({self.root}); copy it in, or pass --store "
                                     "for a store of your own")
        if not paths and not any(p.exists() for p in targets):
            raise InputError(f"no sources configured that exist: {', '.join(str(p) for p in targets)}")
        return ingest(targets, open_storage(self.store), self.root, date, progress, force=force,
                      bodies=self.config.bodies, waiting=waiting, phase=phase)

    def repair(self, waiting: Callable[[str], None] | None = None) -> Repair:
        """Make the store consistent with what is on disk; `reread` names the sources to ingest again."""
        from .store import open_storage

        return open_storage(self.store).repair(self.root, waiting)

    def claims(self, query: str | None = None, source: str | None = None, subject: str | None = None) -> list[Claim]:
        """The store's claims, in store order: those whose source path has `source`, about `subject`, matching `query`."""
        from .extract.subject import canonical, same_body

        with open_store(self.store) as opened:  # through the index: no full parse of a big store
            found = list(opened)
        if source:
            found = [c for c in found if source in c.source]
        if subject:
            want = canonical(subject)
            found = [c for c in found if c.subject and (same_body(c.subject, want) or subject in c.subject)]
        if query:
            from .store.search import search

            found = search(found, query)
        return found

    def conflicts(
        self,
        include_reconciled: bool = False,
        kinds: Sequence[str] = (),
        since: dt.date | None = None,
        subject: str = "",
        metric: str = "",
    ) -> list[Conflict]:
        """Where the store's sources differ about one fact: disagreements first, then revisions, updates and
        superseded figures; only the kinds asked for, with a figure published since `since`, about `subject`
        or `metric` (each a substring)."""
        from .app.check import using_store
        from .judge.conflicts import KINDS, RECONCILED, find_conflicts, select

        unknown = [k for k in kinds if k not in KINDS]
        if unknown:
            raise InputError(f"unknown conflict kind {unknown[0]!r} (use {', '.join(KINDS)})")
        found = using_store(self.store, lambda claims: find_conflicts(claims, include_reconciled or RECONCILED in kinds))
        return select(found, kinds, since, subject, metric)

    def write_conflicts(
        self,
        out: TextIO,
        fmt: str = "text",
        include_reconciled: bool = False,
        colour: str = "auto",
        kinds: Sequence[str] = (),
        since: dt.date | None = None,
        subject: str = "",
        metric: str = "",
    ) -> None:
        """The conflicts as text (a timeline per fact), JSON, or one HTML page of timelines."""
        from .report import text
        from .report.formats import wants_colour

        if fmt not in ("text", "json", "html"):
            raise InputError(f"unknown format {fmt!r} (use text, json or html)")
        found = self.conflicts(include_reconciled, kinds, since, subject, metric)
        if fmt == "json":
            out.write(text.conflicts_to_json(found) + "\n")
        elif fmt == "html":
            from .report.html import conflicts_to_html

            out.write(conflicts_to_html(found, include_reconciled=include_reconciled))
        else:
            text.write_lines(text.conflict_lines(found, include_reconciled), out, wants_colour(out, colour))

    def accept(
        self, drafts: Sequence[str], verdict: str | None = None, accept_all: bool = False, date: dt.date | None = None
    ) -> Accepted:
        """Record the drafts' flagged findings (by `verdict`, or all of them) as reviewed, by content."""
        from .app.check import verdicts_to_accept
        from .judge.suppress import accept, load_accepted

        chosen = verdicts_to_accept(verdict, accept_all, self.config)
        return accept(self.report(drafts, date), chosen, load_accepted(self.config.accept_path), self.root)

    def prune(self, drafts: Sequence[str], date: dt.date | None = None) -> Pruned:
        """Forget accepted findings gone from these drafts, and those of drafts that are gone."""
        from .judge.suppress import load_accepted, prune

        return prune(self.report(drafts, date), load_accepted(self.config.accept_path), self.root)

    def init_store(self) -> str:
        """Create a database store's tables or migrate them; says what it did."""
        from .store import open_storage

        return open_storage(self.store).init()

    def export(self, folder: Path) -> int:
        """Write every source of the store to a new claims/ folder; how many."""
        from .store import open_storage
        from .store.files import FileStorage

        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise InputError(f"{folder}: not an empty folder (export writes a whole store)")
        return FileStorage(folder).load(open_storage(self.store).dump())

    def import_folder(self, folder: Path) -> int:
        """Put a claims/ folder's sources into the store, replacing those of the same name; how many."""
        from .store import open_storage
        from .store.files import FileStorage
        from .store.manifest import plain_source_name

        if not (folder / "manifest.json").is_file():
            raise InputError(f"{folder}: not a claims folder (no manifest.json)")
        incoming = FileStorage(folder)
        for source in incoming.store.manifest():  # all of them before any is written: all or nothing
            if not plain_source_name(source):
                raise InputError(f"{folder}: source {source!r} is not a path inside a project; nothing imported")
        return open_storage(self.store).load(incoming.dump())


def describe_rule(code: str | None = None) -> str:
    """What `factcheck rule CODE` prints, in the chosen language (i18n); without a code, a line for every rule."""
    from .record.rules import describe, listing, lookup

    return describe(lookup(code)) if code else listing()


@contextlib.contextmanager
def open_store(path: str | Path = "claims") -> Iterator[ClaimStore]:
    """The claims store at `path`: a claims/ folder, through its candidate index (built or brought up to
    date, rebuilt if damaged), or a postgresql:// URL (needs `pip install 'factcheck[postgresql]'`).

    A sequence of every claim, in store order, that also finds the claims near a figure; closed on exit.
    """
    from .store import is_url, open_storage
    from .store.protocol import require_claims

    opened = open_storage(path if is_url(path) else Path(path)).open()
    try:
        require_claims(opened, path)
        yield opened
    finally:
        opened.close()


def read_text(
    text: str,
    path: str = "<text>",
    published: dt.date | None = None,
    configured: dt.date | None = None,
    today: dt.date | None = None,
) -> Document:
    """A draft from a string, dated as any draft is: its front matter, else `published`, else the config's
    date (`configured`), else today."""
    from .reading.source import document_from_bytes, utf8

    return document_from_bytes(utf8(text), path, published, None, False, configured, today or dt.date.today())


def check_text(
    text: str,
    store: ClaimStore | Iterable[Claim],
    published: dt.date | None = None,
    path: str = "<text>",
    bodies: Gazetteer | None = None,
) -> list[Finding]:
    """Every figure in `text` with its verdict, in reading order (ignore comments and accept files not applied).

    `store` is an opened store, or any claims (a list of them is wrapped in a store that scans them).
    """
    from .judge.draft import check_document
    from .store.protocol import ClaimList

    if isinstance(store, (list, tuple)):
        store = ClaimList.of(store)
    return check_document(read_text(text, path, published), store, bodies=bodies)  # type: ignore[arg-type]
