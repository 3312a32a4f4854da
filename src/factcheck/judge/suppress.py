"""Suppressions: an editor's `<!-- factcheck: ... -->` comments and the accept file of reviewed findings.

A suppressed finding stays in the report (marked, so JSON and SARIF can show
it) but no longer fails the run. The accept file names findings by content
fingerprint, never by line, so an accepted figure stays accepted while the
draft is edited around it, and comes back when its sentence, figure or
evidence changes.

The comments, modelled on ruff's `# noqa: CODE`: `ignore` silences its line
(at the line's end) or the next (alone on a line), `ignore[FC001,FC003]` only
those rules, and `off` … `on` everything between. A comment we cannot read
silences nothing and is a warning naming the draft and line, returned as data
for the gate to print: an editor who typed `ignore FC001` must not believe
the figure is silenced.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import atomic_write
from ..errors import InputError
from ..reading.source import Document
from ..record.finding import DirectiveWarning, Finding, Report

IGNORE_COMMENT = "ignore comment"
OFF_COMMENT = "off comment"  # inside <!-- factcheck: off --> … <!-- factcheck: on -->
IN_SOURCE = (IGNORE_COMMENT, OFF_COMMENT)  # what an editor wrote in the draft, as SARIF's inSource suppressions
ACCEPTED = "accepted"
ACCEPT_VERSION = 1
USAGE = "use ignore, ignore[CODE,...], off, on"

_DIRECTIVE = re.compile(r"<!--\s*factcheck\s*(:?)\s*(.*?)\s*-->")
_IGNORE = re.compile(r"ignore(?:\[([^\]]*)\])?")
_FINGERPRINT = re.compile(r"[0-9a-f]{64}")
_END = (float("inf"), 0)  # an `off` never turned back on runs to the end of the draft
Position = tuple[float, int]  # (line, column), both 1-based; comparable, so "between" is two comparisons


class AcceptFileError(InputError):
    """The accept file exists but is not what `factcheck accept` writes."""


@dataclass(frozen=True, slots=True)
class Directives:
    """What one draft's factcheck comments silence, and the comments that could not be read."""

    lines: Mapping[int, frozenset[str] | None] = field(default_factory=dict)  # line → codes silenced; None: all
    blocks: tuple[tuple[Position, Position], ...] = ()  # where each `off` is and its `on`
    warnings: tuple[DirectiveWarning, ...] = ()

    def silences(self, f: Finding) -> str | None:
        """Why the comments silence this finding (IGNORE_COMMENT, OFF_COMMENT), or None."""
        if f.line in self.lines:
            codes = self.lines[f.line]
            if codes is None or f.code in codes:
                return IGNORE_COMMENT
        at = (f.line, f.column)
        if any(off < at < on for off, on in self.blocks):
            return OFF_COMMENT
        return None


def read_directives(text: str, path: str = "") -> Directives:
    """Every factcheck comment of a draft, read line by line; lines and columns count as findings do."""
    from ..record.rules import CODES

    lines: dict[int, frozenset[str] | None] = {}
    blocks: list[tuple[Position, Position]] = []
    warnings: list[DirectiveWarning] = []
    off: tuple[int, Position] | None = None  # the open `off`: its line and position

    def warn(number: int, message: str) -> None:
        warnings.append(DirectiveWarning(path, number, message))

    for number, line in enumerate(text.split("\n"), start=1):  # split on \n only: that is how findings count lines
        if "factcheck" not in line:
            continue
        line = line.rstrip("\r")
        for m in _DIRECTIVE.finditer(line):
            colon, body, at = m.group(1), m.group(2), (number, m.start() + 1)
            ignore = _IGNORE.fullmatch(body)
            if not colon:  # <!-- factcheck ignore --> is meant as a directive; other notes about factcheck are not
                if ignore or body in ("off", "on"):
                    warn(number, f"factcheck directive without ':' (write <!-- factcheck: {body} -->)")
                continue
            if body == "off":
                if off is not None:
                    warn(number, f"'off' while already off since line {off[0]}")
                else:
                    off = (number, at)
            elif body == "on":
                if off is None:
                    warn(number, "'on' without an 'off' before it")
                else:
                    blocks.append((off[1], at))
                    off = None
            elif ignore:
                codes, problems = _codes(ignore.group(1), CODES)
                for problem in problems:
                    warn(number, problem)
                if codes == frozenset():
                    continue
                target = _ignore_target(line, m)
                if target is None:
                    warn(number, "'ignore' silences nothing here: put it at the end of the line, or alone on the line before")
                    continue
                target += number
                had = lines.get(target, frozenset())
                lines[target] = None if codes is None or had is None else had | codes
            else:
                warn(number, f"unknown factcheck directive {body!r} ({USAGE})")
    if off is not None:
        warn(off[0], "'off' is never turned back on: everything after it to the end of the draft is suppressed")
        blocks.append((off[1], _END))
    return Directives(lines, tuple(blocks), tuple(warnings))


def _codes(listed: str | None, known: tuple[str, ...]) -> tuple[frozenset[str] | None, list[str]]:
    """The codes of `ignore[…]` (None: a bare `ignore`, every rule), and what was wrong with the list.

    An unknown code is dropped with a warning; the known ones in the same list still apply.
    """
    if listed is None:
        return None, []
    codes = [c.strip().upper() for c in listed.split(",") if c.strip()]
    problems = [] if codes else [f"'ignore[]' names no rule ({USAGE})"]
    problems += [f"unknown rule {c!r} in ignore[...] (use {', '.join(known)})" for c in codes if c not in known]
    return frozenset(c for c in codes if c in known), problems


def _ignore_target(line: str, m: re.Match[str]) -> int | None:
    """0 when the comment ends its line, 1 when it stands alone (it means the next line), None otherwise."""
    if line[m.end():].strip():
        return None  # text after it: which sentence is meant?
    return 1 if not line[: m.start()].strip() else 0


def ignored_lines(text: str) -> frozenset[int]:
    """1-based lines whose every finding the editor silenced: `ignore` at the line's end, or alone on the line before."""
    return frozenset(line for line, codes in read_directives(text).lines.items() if codes is None)


def read_all(docs: Iterable[Document]) -> dict[str, Directives]:
    """Each draft's directives, by path; their warnings are for the caller to show."""
    return {doc.path: read_directives(doc.text, doc.path) for doc in docs}


def apply(report: Report, docs: Iterable[Document], accepted: Iterable[str] = ()) -> Report:
    """Mark findings the comments silence and findings whose fingerprint is accepted; the rest are untouched."""
    return report.with_findings(list(mark(report.findings, docs, accepted)))


def mark(
    findings: Iterable[Finding],
    docs: Iterable[Document],
    accepted: Iterable[str] = (),
    directives: Mapping[str, Directives] | None = None,
) -> Iterator[Finding]:
    """`apply` one finding at a time, for a report streamed as the draft is judged.

    `directives`, when the caller has read them already (for their warnings), saves reading each draft twice.
    """
    if directives is None:
        directives = read_all(docs)
    accepted = frozenset(accepted)
    none = Directives()
    for f in findings:
        if f.verdict != "ok" and not f.suppressed:
            why = directives.get(f.path, none).silences(f)
            if why is not None:
                f = f.suppress(why)
            elif f.fingerprint in accepted:
                f = f.suppress(ACCEPTED)
        yield f


@dataclass(frozen=True, slots=True)
class AcceptFile:
    """The reviewed findings of a project, by fingerprint; entries carry enough to read the file in review."""

    path: Path
    entries: dict[str, dict[str, object]]

    @property
    def fingerprints(self) -> frozenset[str]:
        return frozenset(self.entries)


def load_accepted(path: Path) -> AcceptFile:
    """A missing file accepts nothing; a file we cannot read back is an error, never silently ignored."""
    if not path.exists():
        return AcceptFile(path, {})
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        why = _one_line(exc)
        raise AcceptFileError(f"{path}: corrupt accept file ({why}); fix it or delete it and re-accept") from None
    entries = data.get("accepted") if isinstance(data, dict) else None
    if not isinstance(entries, list) or data.get("version") != ACCEPT_VERSION:
        raise AcceptFileError(f"{path}: corrupt accept file (want {{\"version\": 1, \"accepted\": [...]}})")
    out: dict[str, dict[str, object]] = {}
    for i, entry in enumerate(entries):
        fp = entry.get("fingerprint") if isinstance(entry, dict) else None
        if not isinstance(fp, str) or not _FINGERPRINT.fullmatch(fp):
            raise AcceptFileError(f"{path}: corrupt accept file (entry {i + 1} has no sha256 fingerprint)")
        out[fp] = entry
    return AcceptFile(path, out)


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def entry_for(f: Finding, root: Path) -> dict[str, object]:
    """What a reviewer sees in the accept file; only `fingerprint` is read back."""
    return {
        "fingerprint": f.fingerprint,
        "code": f.code,
        "verdict": f.verdict,
        "text": f.text,
        "sentence": f.claim.sentence,
        "path": _relative(f.path, root),
        "evidence": [f"{e.source}:{e.line} {e.text}" for e in f.evidence],
    }


def _relative(path: str, root: Path) -> str:
    if path.startswith("<"):
        return path
    try:
        return Path(os.path.abspath(path)).relative_to(root.absolute()).as_posix()
    except ValueError:
        return Path(path).as_posix()


@dataclass(frozen=True, slots=True)
class Accepted:
    path: Path
    added: int
    already: int


def accept(report: Report, verdicts: tuple[str, ...], accept_file: AcceptFile, root: Path) -> Accepted:
    """Record every unsuppressed finding with one of `verdicts`; earlier entries are kept."""
    entries = dict(accept_file.entries)
    added = already = 0
    for f in report.findings:
        if f.verdict == "ok" or f.verdict not in verdicts:
            continue
        if f.fingerprint in entries or f.suppressed == ACCEPTED:
            already += 1
            continue
        if f.suppressed:  # an ignore comment already silences it; recording it too would outlive the comment
            continue
        entries[f.fingerprint] = entry_for(f, root)
        added += 1
    if added:
        write_accepted(accept_file.path, entries.values())
    return Accepted(accept_file.path, added, already)


@dataclass(frozen=True, slots=True)
class Pruned:
    path: Path
    removed: int
    kept: int


def prune(report: Report, accept_file: AcceptFile, root: Path) -> Pruned:
    """Forget accepted findings that are gone: of a draft checked now and no longer found in it, or of a deleted draft.

    Entries of drafts not checked in this run (and still on disk) are kept:
    their findings were not looked for.
    """
    checked = {_relative(d, root) for d in report.drafts}
    present = {f.fingerprint for f in report.findings}
    kept: dict[str, dict[str, object]] = {}
    for fingerprint, entry in accept_file.entries.items():
        where = str(entry.get("path", ""))
        gone_draft = bool(where) and not where.startswith("<") and not (root / where).exists()
        if gone_draft or (where in checked and fingerprint not in present):
            continue
        kept[fingerprint] = entry
    removed = len(accept_file.entries) - len(kept)
    if removed:
        write_accepted(accept_file.path, kept.values())
    return Pruned(accept_file.path, removed, len(kept))


def write_accepted(path: Path, entries: Iterable[dict[str, object]]) -> None:
    """Temp file and rename: an interrupted write leaves the old file, never half a file.

    The accept file is committed, so a rewrite keeps its mode (or the umask's, when new).
    """
    ordered = sorted(entries, key=lambda e: (str(e.get("path", "")), str(e.get("sentence", "")), str(e["fingerprint"])))
    body = json.dumps({"version": ACCEPT_VERSION, "accepted": ordered}, ensure_ascii=False, indent=2) + "\n"
    try:
        atomic_write(path, body, path.stat().st_mode & 0o777 if path.exists() else None)
    except OSError as exc:
        raise InputError(f"{path}: cannot write the accept file ({exc.strerror})") from None
