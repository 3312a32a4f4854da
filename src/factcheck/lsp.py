"""factcheck in an editor: the Language Server Protocol over stdio (pygls).

Each open draft is checked as it is typed, with the verdicts and suppressions
of `factcheck check`: a diagnostic per flagged figure, pointing at its
evidence; a hover with the verdict, the reason and the evidence paragraph; a
quick fix that puts the source's figure in place of a stale or contradicted
one. The store is opened once and reopened only when its files change, so a
keystroke costs a check, not a store load.

`Session` does the checking and knows nothing of the protocol; `serve` wires
it to pygls, which is imported only by `factcheck lsp`.
"""

from __future__ import annotations

import datetime as dt
import functools
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .api import read_text
from .app.check import judge_marked
from .app.config import Config, find_config, load_config
from .errors import InputError, StoreError
from .extract.subject import gazetteer
from .judge import suppress
from .judge.draft import Judged
from .reading.source import Document
from .record.claim import Claim
from .record.finding import CONTRADICTED, OK, STALE, UNSUPPORTED, Finding
from .store import open_storage
from .store.protocol import OpenClaims, require_claims

if TYPE_CHECKING:
    from lsprotocol import types as lsp

DEBOUNCE = 0.2  # seconds of quiet after a keystroke before the draft is checked again
SOURCE = "factcheck"
FIXABLE = (STALE, CONTRADICTED)  # the source has the right figure; an unsupported one has none to offer
# Seconds between looks at every store file. In between, a check looks only at the store folder and
# its manifest, which every write of factcheck (a rename) and of git changes; a file edited in
# place by hand is seen at the next full look. A full look at a million-claim store (18,000 files)
# is ~65 ms, more than the whole re-check after a keystroke.
FULL_LOOK_EVERY = 2.0
JUDGED_MAX = 50_000  # judgements remembered across edits; a session editing all day starts afresh past this
Units = Callable[[str], int]  # code units of a string in the position encoding agreed with the client


def utf16_units(s: str) -> int:
    """LSP's default: a Chinese character of the BMP is one unit, an astral one (𠮷, an emoji) two."""
    return len(s.encode("utf-16-le", "surrogatepass")) // 2  # in C: a Python loop per character cost more than the check


UNITS: dict[str, Units] = {
    "utf-8": lambda s: len(s.encode("utf-8")),
    "utf-16": utf16_units,
    "utf-32": len,
}


@dataclass(frozen=True, slots=True)
class Checked:
    """One version of a document and what the check found in it (suppressed findings left out)."""

    version: int | None
    lines: tuple[str, ...]  # split on \n only, as findings count lines
    findings: tuple[Finding, ...]
    warnings: tuple[suppress.DirectiveWarning, ...]  # factcheck comments that could not be read

    def at(self, line: int, character: int, units: Units) -> Finding | None:
        """The finding whose figure covers an LSP position (0-based line, code units)."""
        for f in self.findings:
            r = figure_range(f, self.lines, units)
            if r[0] == line and r[1] <= character <= r[2]:
                return f
        return None


class Session:
    """The project's config and store, kept open between checks; the store reopened when its files change."""

    def __init__(
        self,
        cfg: Config,
        store_path: Path | str | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.cfg = cfg
        self.store_dir = cfg.store_dir(store_path)
        self.storage = open_storage(self.store_dir)
        self.bodies = gazetteer(dict(cfg.bodies))
        self.today = today
        self._index: OpenClaims | None = None
        self._seen: Hashable | None = None
        self._glance: Hashable | None = None
        self._looked_at = -FULL_LOOK_EVERY
        self.clock = clock
        self._accepted: tuple[tuple[int, int] | None, frozenset[str]] | None = None
        self.judged: Judged = {}  # each figure's judgement against the store as it is open (check.judge_document)

    def close(self) -> None:
        self._let_go()
        self.storage.close()

    def _let_go(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None

    def _signature(self) -> Hashable:
        """What changes when the store does: its files' names, sizes and mtimes, or a database's generation."""
        return self.storage.signature()

    def _glimpse(self) -> Hashable:
        """A cheap look between full ones: a folder's mtime and manifest, or a database's generation."""
        return self.storage.glimpse()

    def store(self) -> OpenClaims:
        """The store, reopened (a folder's index so brought up to date) when its claims have changed since."""
        glance, now = self._glimpse(), self.clock()
        kept = self._index
        if kept is not None and glance == self._glance and now - self._looked_at < FULL_LOOK_EVERY and kept.resume():
            return self._kept(kept)
        seen = self._signature()
        self._looked_at = now
        if self._index is None or seen != self._seen or not self._index.resume():
            self._let_go()
            index = self.storage.open(notice=lambda _: None)
            try:
                require_claims(index, self.store_dir)
            except StoreError:
                index.close()
                raise
            self._index, self._seen = index, seen
            self.judged.clear()  # judged against the store as it was
            # Opening may add the index folder or the lock; a change made meanwhile is in `seen`'s
            # difference from the files, so the next full look finds it.
            glance = self._glimpse()
        self._glance = glance
        return self._kept(self._index)

    def _kept(self, index: OpenClaims) -> OpenClaims:
        if len(self.judged) > JUDGED_MAX:
            self.judged.clear()
        return index

    def accepted(self) -> frozenset[str]:
        """The accept file's fingerprints, read again only when the file changes."""
        path = self.cfg.accept_path
        try:
            st = path.stat()
            stamp: tuple[int, int] | None = (st.st_size, st.st_mtime_ns)
        except FileNotFoundError:
            stamp = None
        if self._accepted is None or self._accepted[0] != stamp:
            self._accepted = (stamp, suppress.load_accepted(path).fingerprints)
        return self._accepted[1]

    def document(self, text: str, path: str) -> Document:
        """Dated as `factcheck check` dates a draft: front matter, else the config's date, else today."""
        return read_text(text, path, configured=self.cfg.date, today=self.today())

    def check(self, text: str, path: str, version: int | None = None) -> Checked:
        """Every flagged figure of a document (ok ones too), with ignore comments and accepted findings left out."""
        lines = tuple(text.split("\n"))
        try:
            doc = self.document(text, path)
        except InputError:  # nothing after the front matter yet: nothing to check
            return Checked(version, lines, (), ())
        directives = suppress.read_all([doc])
        accepted = self.accepted()
        for attempt in (1, 2):
            try:
                store = self.store()
                found = judge_marked([doc], store, self.bodies, accepted, directives, judged=self.judged)
                findings = tuple(f for f in found if not f.suppressed)
                store.pause()  # the editor may now sit idle for hours
                break
            except Exception as exc:  # a damaged index under us: rebuilt from claims/ once, as `with_index` does
                self.close()
                if not self.storage.heal(exc):
                    raise
                if attempt == 2:
                    raise StoreError(f"{self.store_dir}: cannot read the index ({exc})") from None
        return Checked(version, lines, findings, directives[doc.path].warnings)

    def relative(self, path: Path) -> str:
        """A document's name in findings: relative to the project root, as `factcheck check` run there names it."""
        try:
            return path.resolve().relative_to(self.cfg.root.resolve()).as_posix()
        except ValueError:
            return str(path)


class Projects:
    """Each document's session: its project found as `factcheck check` run in the document's folder finds it.

    An editor starts one server for a window, from whatever folder it likes;
    each draft is checked against the config and store of its own project
    (the nearest factcheck.toml or pyproject.toml upward), or the workspace's
    when it has none. `--config` or `--store` on the command line fix one
    session for every document.
    """

    def __init__(self, fixed: Session | None = None, folder: Path | None = None) -> None:
        self.fixed = fixed
        self.folder = folder or Path.cwd()  # the workspace: for untitled documents and drafts outside any project
        self._configs: dict[Path, Path | None] = {}
        self._sessions: dict[Path | None, Session] = {}

    def workspace(self, folder: Path) -> None:
        """The client's root folder (initialize's rootUri), in place of the folder the server started in."""
        self.folder = folder

    def _config(self, folder: Path) -> Path | None:
        if folder not in self._configs:  # one look upward per folder, not per keystroke
            self._configs[folder] = find_config(folder)
        return self._configs[folder]

    def session(self, document: Path | None) -> Session:
        if self.fixed is not None:
            return self.fixed
        config = (self._config(document.parent) if document is not None else None) or self._config(self.folder)
        found = self._sessions.get(config)
        if found is None:
            cfg = load_config(config) if config is not None else load_config(cwd=self.folder)
            found = self._sessions[config] = Session(cfg)
        return found

    def close(self) -> None:
        for session in (self.fixed, *self._sessions.values()):
            if session is not None:
                session.close()


# What a finding looks like in the protocol: plain functions over records, tested without a server.


def figure_range(f: Finding, lines: tuple[str, ...], units: Units) -> tuple[int, int, int]:
    """0-based line, start and end in code units; a figure broken across lines ends at its first line's end."""
    row = f.line - 1
    text = lines[row] if row < len(lines) else ""
    start = f.column - 1
    end = f.claim.end_column - 1 if f.claim.end_column > f.column else min(len(text), start + len(f.text))
    return row, units(text[:start]), units(text[:end])


def severity_of(verdict: str) -> lsp.DiagnosticSeverity:
    from lsprotocol import types as lsp

    if verdict in (CONTRADICTED, STALE):
        return lsp.DiagnosticSeverity.Error
    if verdict == UNSUPPORTED:
        return lsp.DiagnosticSeverity.Warning
    return lsp.DiagnosticSeverity.Hint


def _range(row: int, start: int, end: int) -> lsp.Range:
    from lsprotocol import types as lsp

    return lsp.Range(start=lsp.Position(line=row, character=start), end=lsp.Position(line=row, character=end))


@functools.lru_cache(maxsize=4096)
def source_uri(root: Path, source: str) -> str:
    """A source's file URI; remembered, as resolving a path (a stat per component) every keystroke adds up."""
    return (root / source).resolve().as_uri()


def evidence_location(e: Claim, root: Path) -> lsp.Location:
    """Where the evidence stands in its source; columns count characters (the source is not open to measure)."""
    from lsprotocol import types as lsp

    start = max(e.column - 1, 0)
    return lsp.Location(uri=source_uri(root, e.source), range=_range(max(e.line - 1, 0), start, start + len(e.text)))


def diagnostics(checked: Checked, root: Path, units: Units, show_ok: bool = False) -> list[lsp.Diagnostic]:
    from lsprotocol import types as lsp

    out = []
    for f in checked.findings:
        if f.verdict == OK and not show_ok:
            continue
        related = [
            lsp.DiagnosticRelatedInformation(location=evidence_location(e, root), message=e.sentence or e.text)
            for e in f.evidence
        ]
        out.append(
            lsp.Diagnostic(
                range=_range(*figure_range(f, checked.lines, units)),
                message=f.message,
                severity=severity_of(f.verdict),
                code=f.code,
                source=SOURCE,
                related_information=related or None,
            )
        )
    for w in checked.warnings:  # a comment that silences nothing must not look like it silences something
        row = w.line - 1
        width = units(checked.lines[row]) if row < len(checked.lines) else 0
        out.append(lsp.Diagnostic(range=_range(row, 0, width), message=w.message, severity=lsp.DiagnosticSeverity.Warning,
                                  source=SOURCE))
    return out


def hover_text(f: Finding) -> str:
    """Markdown: the verdict and why, then each piece of evidence with its paragraph, source:line and date."""
    parts = [f"**{f.verdict}** ({f.code}) `{f.text}`: {f.message}"]
    parts += [f"- {reason}" for reason in f.reasons]
    for e in f.evidence:
        published = e.published.isoformat() if e.published else "undated"
        quoted = "\n".join(f"> {line}" for line in (e.paragraph or e.sentence or e.text).split("\n"))
        parts.append(f"{quoted}\n\n`{e.source}:{e.line}` · published {published}")
    return "\n\n".join(parts)


def quick_fixes(uri: str, checked: Checked, wanted: lsp.Range, units: Units) -> list[lsp.CodeAction]:
    """For each stale or contradicted figure in `wanted`: put the source's figure in its place."""
    from lsprotocol import types as lsp

    out = []
    for f in checked.findings:
        if f.verdict not in FIXABLE or not f.evidence:
            continue
        row, start, end = figure_range(f, checked.lines, units)
        if not (wanted.start.line <= row <= wanted.end.line):
            continue
        if row == wanted.start.line == wanted.end.line and (end < wanted.start.character or start > wanted.end.character):
            continue
        figure = f.evidence[0].text
        edit = lsp.TextEdit(range=_range(row, start, end), new_text=figure)
        out.append(
            lsp.CodeAction(
                title=f"Replace {f.text} with {figure} ({f.evidence[0].source}:{f.evidence[0].line})",
                kind=lsp.CodeActionKind.QuickFix,
                edit=lsp.WorkspaceEdit(changes={uri: [edit]}),
                is_preferred=True,
            )
        )
    return out


def _show_ok(options: object) -> bool | None:
    """`showOk` from initializationOptions or settings, bare or under "factcheck"; None when not said."""
    if not isinstance(options, dict):
        return None
    inner = options.get("factcheck")
    if isinstance(inner, dict) and "showOk" in inner:
        return bool(inner["showOk"])
    return bool(options["showOk"]) if "showOk" in options else None


def serve(projects: Projects) -> None:
    """Speak LSP on stdin/stdout until the client says exit."""
    import asyncio

    from lsprotocol import types as lsp
    from pygls.lsp.server import LanguageServer
    from pygls.uris import to_fs_path

    from .errors import FactcheckError

    server = LanguageServer(SOURCE, _version())
    checked: dict[str, Checked] = {}
    pending: dict[str, asyncio.TimerHandle] = {}
    settings = {"show_ok": False}

    def units() -> Units:
        return UNITS.get(str(server.workspace.position_encoding or "utf-16"), utf16_units)

    def path_of(uri: str) -> Path | None:
        path = to_fs_path(uri) if uri.startswith("file:") else None
        return Path(path) if path else None

    def session_of(uri: str) -> Session:
        return projects.session(path_of(uri))

    def current(uri: str) -> Checked | None:
        """The document's findings, checked now if it changed since the last check."""
        doc = server.workspace.get_text_document(uri)
        known = checked.get(uri)
        if known is not None and known.version == doc.version:
            return known
        try:
            session = session_of(uri)
            path = path_of(uri)
            checked[uri] = session.check(doc.source, session.relative(path) if path else uri, doc.version)
        except FactcheckError as exc:
            server.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"factcheck: {exc}"))
            return None
        return checked[uri]

    def publish(uri: str) -> None:
        pending.pop(uri, None)
        done = current(uri)
        if done is not None:
            found = diagnostics(done, session_of(uri).cfg.root, units(), settings["show_ok"])
            server.text_document_publish_diagnostics(
                lsp.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=done.version)
            )

    def later(uri: str) -> None:
        if uri in pending:
            pending.pop(uri).cancel()
        pending[uri] = asyncio.get_running_loop().call_later(DEBOUNCE, publish, uri)

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: LanguageServer, params: lsp.InitializeParams) -> None:
        root = path_of(params.root_uri) if params.root_uri else None
        if root is not None and root.is_dir():
            projects.workspace(root)
        said = _show_ok(params.initialization_options)
        if said is not None:
            settings["show_ok"] = said

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configuration(ls: LanguageServer, params: lsp.DidChangeConfigurationParams) -> None:
        said = _show_ok(params.settings)
        if said is not None and said != settings["show_ok"]:
            settings["show_ok"] = said
            for uri in list(checked):
                publish(uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LanguageServer, params: lsp.DidOpenTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LanguageServer, params: lsp.DidChangeTextDocumentParams) -> None:
        later(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: LanguageServer, params: lsp.DidSaveTextDocumentParams) -> None:
        if params.text_document.uri in pending:
            pending.pop(params.text_document.uri).cancel()
        publish(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LanguageServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri in pending:
            pending.pop(uri).cancel()
        checked.pop(uri, None)
        server.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: LanguageServer, params: lsp.HoverParams) -> lsp.Hover | None:
        done = current(params.text_document.uri)
        f = done.at(params.position.line, params.position.character, units()) if done else None
        if f is None or done is None:
            return None
        return lsp.Hover(
            contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=hover_text(f)),
            range=_range(*figure_range(f, done.lines, units())),
        )

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
    def code_action(ls: LanguageServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
        done = current(params.text_document.uri)
        return quick_fixes(params.text_document.uri, done, params.range, units()) if done else None

    @server.feature(lsp.SHUTDOWN)
    def shutdown(ls: LanguageServer, params: None) -> None:
        for handle in pending.values():
            handle.cancel()
        pending.clear()
        projects.close()

    server.start_io()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("factcheck")
    except PackageNotFoundError:
        return "0"
