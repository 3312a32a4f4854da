"""Suppressions: an editor's `<!-- factcheck: ignore -->` and the accept file of reviewed findings.

A suppressed finding stays in the report (marked, so JSON and SARIF can show
it) but no longer fails the run. The accept file names findings by content
fingerprint, never by line, so an accepted figure stays accepted while the
draft is edited around it, and comes back when its sentence, figure or
evidence changes.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .check import Finding, Report
from .errors import InputError
from .source import Document
from .store import atomic_write

IGNORE_COMMENT = "ignore comment"
ACCEPTED = "accepted"
ACCEPT_VERSION = 1

_MARKER = re.compile(r"<!--\s*factcheck:\s*ignore\s*-->")
_FINGERPRINT = re.compile(r"[0-9a-f]{64}")


class AcceptFileError(InputError):
    """The accept file exists but is not what `factcheck accept` writes."""


def ignored_lines(text: str) -> frozenset[int]:
    """1-based lines whose findings the editor silenced: marker at the line's end, or alone on the line before."""
    lines = [line.rstrip("\r") for line in text.split("\n")]  # split on \n only: that is how findings count lines
    out: set[int] = set()
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        marker = _MARKER.search(stripped)
        if not marker or marker.end() != len(stripped):
            continue
        out.add(number + 1 if marker.start() == 0 else number)
    return frozenset(out)


def apply(report: Report, docs: Iterable[Document], accepted: Iterable[str] = ()) -> Report:
    """Mark findings on ignored lines and findings whose fingerprint is accepted; the rest are untouched."""
    return report.with_findings(list(mark(report.findings, docs, accepted)))


def mark(findings: Iterable[Finding], docs: Iterable[Document], accepted: Iterable[str] = ()) -> Iterator[Finding]:
    """`apply` one finding at a time, for a report streamed as the draft is judged."""
    ignored = {doc.path: ignored_lines(doc.text) for doc in docs}
    accepted = frozenset(accepted)
    for f in findings:
        if f.verdict != "ok" and not f.suppressed:
            if f.line in ignored.get(f.path, ()):
                f = f.suppress(IGNORE_COMMENT)
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
