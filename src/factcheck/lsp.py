"""factcheck in an editor: the Language Server Protocol over stdio (pygls).

Each open draft is checked as it is typed, with the verdicts and suppressions
of `factcheck check`: a diagnostic per flagged figure, pointing at its
evidence; a hover with the verdict, the reason and the evidence paragraph; a
quick fix that puts the source's figure (and for a stale one its period) in
place of a stale or contradicted one, offered only when the draft it leaves
checks ok. The store is opened once and reopened only when its files change, so a
keystroke costs a check, not a store load.

`Session` does the checking and knows nothing of the protocol; `serve` wires
it to pygls, which is imported only by `factcheck lsp`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .api import CONTRADICTED, INCONSISTENT, OK, STALE, UNSUPPORTED, Checked, Checker, find_config

if TYPE_CHECKING:
    from lsprotocol import types as lsp

    from .api import Claim, Finding, Fix

DEBOUNCE = 0.2  # seconds of quiet after a keystroke before the draft is checked again
SOURCE = "factcheck"
Units = Callable[[str], int]  # code units of a string in the position encoding agreed with the client


def utf16_units(s: str) -> int:
    """LSP's default: a Chinese character of the BMP is one unit, an astral one (𠮷, an emoji) two."""
    return len(s.encode("utf-16-le", "surrogatepass")) // 2  # in C: a Python loop per character cost more than the check


UNITS: dict[str, Units] = {
    "utf-8": lambda s: len(s.encode("utf-8", "surrogatepass")),
    "utf-16": utf16_units,
    "utf-32": len,
}


class Projects:
    """Each document's checker: its project found as `factcheck check` run in the document's folder finds it.

    An editor starts one server for a window, from whatever folder it likes;
    each draft is checked against the config and store of its own project
    (the nearest factcheck.toml or pyproject.toml upward), or the workspace's
    when it has none. `--config` or `--store` on the command line fix one
    checker for every document.
    """

    def __init__(self, fixed: Checker | None = None, folder: Path | None = None) -> None:
        self.fixed = fixed
        self.folder = folder or Path.cwd()  # the workspace: for untitled documents and drafts outside any project
        self._configs: dict[Path, Path | None] = {}
        self._checkers: dict[Path | None, Checker] = {}

    def workspace(self, folder: Path) -> None:
        """The client's root folder (initialize's rootUri), in place of the folder the server started in."""
        self.folder = folder

    def _config(self, folder: Path) -> Path | None:
        if folder not in self._configs:  # one look upward per folder, not per keystroke
            self._configs[folder] = find_config(folder)
        return self._configs[folder]

    def checker(self, document: Path | None) -> Checker:
        if self.fixed is not None:
            return self.fixed
        config = (self._config(document.parent) if document is not None else None) or self._config(self.folder)
        found = self._checkers.get(config)
        if found is None:
            found = self._checkers[config] = Checker.for_project(config, cwd=self.folder)
        return found

    def close(self) -> None:
        for checker in (self.fixed, *self._checkers.values()):
            if checker is not None:
                checker.close()


def finding_at(checked: Checked, line: int, character: int, units: Units) -> Finding | None:
    """The finding whose figure covers an LSP position (0-based line, code units)."""
    for f in checked.findings:
        r = figure_range(f, checked.lines, units)
        if r[0] == line and r[1] <= character <= r[2]:
            return f
    return None


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

    if verdict in (CONTRADICTED, STALE, INCONSISTENT):
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


SourceLine = Callable[[str, int], str | None]  # a source's line (1-based) as ingest read it, if it can be read


def no_source_line(source: str, line: int) -> str | None:
    return None


def evidence_range(e: Claim, text: str | None, units: Units) -> tuple[int, int, int]:
    """0-based line, start and end of the evidence's figure in its source, in code units.

    A claim's column counts characters; the editor counts in the agreed encoding, so the columns are
    measured on the source's line. When that line cannot be read, or no longer holds the figure where
    the store says (edited since ingest), the range is the line's start: the right line, never a wrong column.
    """
    row, start = max(e.line - 1, 0), max(e.column - 1, 0)
    end = start + len(e.text)
    if text is None or text[start:end] != e.text:
        return row, 0, 0
    return row, units(text[:start]), units(text[:end])


def evidence_location(e: Claim, root: Path, units: Units, source_line: SourceLine = no_source_line) -> lsp.Location:
    """Where the evidence stands in its source, in the position encoding agreed with the client."""
    from lsprotocol import types as lsp

    return lsp.Location(uri=source_uri(root, e.source),
                        range=_range(*evidence_range(e, source_line(e.source, e.line), units)))


def diagnostics(
    checked: Checked, root: Path, units: Units, show_ok: bool = False, source_line: SourceLine = no_source_line
) -> list[lsp.Diagnostic]:
    from lsprotocol import types as lsp

    out = []
    for f in checked.findings:
        if f.verdict == OK and not show_ok:
            continue
        related = [
            lsp.DiagnosticRelatedInformation(location=evidence_location(e, root, units, source_line),
                                             message=e.sentence or e.text)
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
    if checked.refused is not None:  # the CLI refuses this draft: the editor must not look as if all were well
        out.append(lsp.Diagnostic(range=_range(0, 0, units(checked.lines[0]) if checked.lines else 0),
                                  message=f"factcheck cannot check this draft: {checked.refused}",
                                  severity=lsp.DiagnosticSeverity.Error, source=SOURCE))
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


def fixable_in(checked: Checked, wanted: lsp.Range, units: Units) -> list[Finding]:
    """The stale and contradicted figures the requested range touches."""
    out = []
    for f in checked.findings:
        if f.verdict not in (STALE, CONTRADICTED) or not f.evidence:
            continue
        row, start, end = figure_range(f, checked.lines, units)
        if not (wanted.start.line <= row <= wanted.end.line):
            continue
        if row == wanted.start.line == wanted.end.line and (end < wanted.start.character or start > wanted.end.character):
            continue
        out.append(f)
    return out


def code_actions(uri: str, checked: Checked, fixes: list[Fix], units: Units) -> list[lsp.CodeAction]:
    """Each fix as a quick fix: one text edit, its range in the agreed encoding."""
    from lsprotocol import types as lsp

    out = []
    for fix in fixes:
        line = checked.lines[fix.line - 1]
        where = _range(fix.line - 1, units(line[: fix.column - 1]), units(line[: fix.end_column - 1]))
        out.append(
            lsp.CodeAction(
                title=fix.title,
                kind=lsp.CodeActionKind.QuickFix,
                edit=lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(range=where, new_text=fix.text)]}),
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
    from urllib.parse import unquote

    from lsprotocol import types as lsp
    from pygls.lsp.server import LanguageServer
    from pygls.uris import to_fs_path

    from .errors import FactcheckError, NoStoreError

    server = LanguageServer(SOURCE, _version())
    checked: dict[str, Checked] = {}
    pending: dict[str, asyncio.TimerHandle] = {}
    settings = {"show_ok": False}
    said: set[str] = set()  # what the user was told: each trouble once, not at every pause in typing
    offered: dict[str, tuple[int | None, dict[tuple[tuple[int, int], ...], list[Fix]]]] = {}  # fixes by version

    def units() -> Units:
        return UNITS.get(str(server.workspace.position_encoding or "utf-16"), utf16_units)

    def path_of(uri: str) -> Path | None:
        path = to_fs_path(uri) if uri.startswith("file:") else None
        return Path(path) if path else None

    def checker_of(uri: str) -> Checker:
        return projects.checker(path_of(uri))

    def name_of(uri: str, checker: Checker) -> str:
        """The draft's path in findings: relative to its project, as `factcheck check` names it."""
        path = path_of(uri)
        return checker.relative(path) if path else uri

    def current(uri: str) -> Checked | None:
        """The document's findings, checked now if it changed since the last check."""
        doc = server.workspace.text_documents.get(unquote(uri))
        if doc is None:  # never opened: its file is not ours to read (it may be outside the workspace, or gone)
            return None
        known = checked.get(uri)
        if known is not None and known.version == doc.version:
            return known
        try:
            checker = checker_of(uri)
            checked[uri] = checker.check_buffer(doc.source, name_of(uri, checker), doc.version)
        except NoStoreError as exc:
            # A Markdown file outside any project (the editor starts the server for every one): nothing to
            # check against is no error to pop up; the log says why there are no diagnostics, once.
            tell(f"factcheck: {exc}; no diagnostics here", lsp.MessageType.Info, quietly=True)
            return None
        except FactcheckError as exc:
            tell(f"factcheck: {exc}", lsp.MessageType.Error)
            return None
        return checked[uri]

    def tell(message: str, kind: lsp.MessageType, quietly: bool = False) -> None:
        """Once per message: to the log when `quietly`, else shown to the user."""
        if message in said:
            return
        said.add(message)
        if quietly:
            server.window_log_message(lsp.LogMessageParams(type=kind, message=message))
        else:
            server.window_show_message(lsp.ShowMessageParams(type=kind, message=message))

    def publish(uri: str) -> None:
        pending.pop(uri, None)
        done = current(uri)
        if done is not None:
            checker = checker_of(uri)
            found = diagnostics(done, checker.root, units(), settings["show_ok"], checker.source_line)
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
        offered.pop(uri, None)
        server.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: LanguageServer, params: lsp.HoverParams) -> lsp.Hover | None:
        done = current(params.text_document.uri)
        f = finding_at(done, params.position.line, params.position.character, units()) if done else None
        if f is None or done is None:
            return None
        return lsp.Hover(
            contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=hover_text(f)),
            range=_range(*figure_range(f, done.lines, units())),
        )

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
    def code_action(ls: LanguageServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
        uri = params.text_document.uri
        done = current(uri)
        if done is None:
            return None
        among = fixable_in(done, params.range, units())
        if not among:
            return []
        version, memo = offered.get(uri, (None, {}))
        if version != done.version or uri not in offered:  # each fix is checked again: once per version and figure
            memo = {}
            offered[uri] = (done.version, memo)
        key = tuple((f.line, f.column) for f in among)
        if key not in memo:
            checker = checker_of(uri)
            try:
                memo[key] = checker.fixes(done, name_of(uri, checker), among)
            except FactcheckError as exc:
                tell(f"factcheck: {exc}", lsp.MessageType.Error)
                return []
        return code_actions(uri, done, memo[key], units())

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
