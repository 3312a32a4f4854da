"""Renderers: turn a Report into text, JSON, SARIF or GitHub annotations. They never decide exit codes."""

from __future__ import annotations

import io
import itertools
import json
import math
from collections.abc import Callable, Iterable
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any, Protocol

from ..i18n import _
from ..reading.word import Place
from ..record.claim import Claim
from ..record.codec import claim_to_record
from ..record.finding import Finding, Report, Tally
from ..record.rules import verdict_name

if TYPE_CHECKING:
    from ..record.finding import DirectiveWarning

JSON_VERSION = 1
# How much text each finding carries in the JSON (`check --evidence`): the paragraphs (the
# default), only the sentences, or neither. The fields stay, as null, so readers need no second shape.
EVIDENCE = ("paragraph", "sentence", "none")


def _evidence_record(c: Claim) -> dict[str, Any]:
    rec = claim_to_record(c)
    return {
        "source": c.source,
        "line": c.line,
        "column": c.column,
        "text": c.text,
        "value": rec["value"],
        "unit": c.unit,
        "subject": c.subject,
        "metric": c.metric,
        "period": rec["period"],
        "published": rec["published"],
        "sentence": c.sentence,
        "paragraph": c.paragraph,
    }


def finding_record(f: Finding, evidence: str = "paragraph") -> dict[str, Any]:
    records = [claim_to_record(f.claim)] + [_evidence_record(c) for c in f.evidence]
    for rec, place in itertools.zip_longest(records[1:], f.evidence_places[: len(f.evidence)]):
        rec["word"] = place.to_json() if place is not None else None  # a Word source's paragraph or cell
    for rec in records:
        if evidence != "paragraph":
            rec["paragraph"] = None
        if evidence == "none":
            rec["sentence"] = None
    return {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "text": f.text,
        "verdict": f.verdict,
        "code": f.code,
        "message": f.message,
        "claim": records[0],
        "evidence": records[1:],
        "reasons": list(f.reasons),
        "suppressed": f.suppressed,
        "computation": f.computation.to_json() if f.computation else None,
        # In a Word draft, where an editor finds the figure: {"paragraph", "character"} or {"table", "row",
        # "cell", "character"}; `line` and `column` count in the text factcheck rendered it to. null otherwise.
        "word": f.place.to_json() if f.place else None,
    }


def warning_record(w: DirectiveWarning) -> dict[str, Any]:
    """A factcheck comment that silences nothing because it could not be read."""
    return {"path": w.path, "line": w.line, "message": w.message}


def summary_record(tally: Tally) -> dict[str, int]:
    return {"drafts": tally.drafts, "numbers": tally.numbers, **tally.verdicts, "suppressed": tally.suppressed}


class ReportWriter(Protocol):
    """A report written as the findings come (`add`), finished by `close`; what it counts goes into its Tally."""

    def add(self, f: Finding) -> None: ...

    def warning(self, w: DirectiveWarning) -> None:
        """A factcheck comment that could not be read (shown on stderr already)."""
        ...

    def close(self) -> None: ...


class JsonReport:
    """The report as `json.dumps(..., indent=2)` writes it, one finding at a time.

    A draft of megabytes has tens of thousands of findings: built whole, the
    document and its string took several times the memory of the findings.
    Nothing is written before the first finding or `close`, so a check that
    fails early (a corrupt store) leaves stdout empty.
    """

    def __init__(self, out: Any, tally: Tally, evidence: str = "paragraph") -> None:
        self.out, self.tally, self.evidence = out, tally, evidence
        self.separator = ""  # before the next finding; "" until the head is written
        self.warnings: list[dict[str, Any]] = []

    def warning(self, w: DirectiveWarning) -> None:
        self.warnings.append(warning_record(w))

    def add(self, f: Finding) -> None:
        self.tally.add(f)
        if not self.separator:
            self.out.write(f'{{\n  "version": {JSON_VERSION},\n  "findings": [')
            self.separator = "\n    "
        self.out.write(self.separator + json_nested(finding_record(f, self.evidence), 2))
        self.separator = ",\n    "

    def close(self) -> None:
        if self.separator:
            self.out.write("\n  ]")
        else:
            self.out.write(f'{{\n  "version": {JSON_VERSION},\n  "findings": []')
        self.out.write(',\n  "warnings": ' + json_nested(self.warnings, 1))
        self.out.write(',\n  "summary": ' + json_nested(summary_record(self.tally), 1) + "\n}\n")


def json_nested(value: Any, depth: int) -> str:
    """`value` as json.dumps(value, ensure_ascii=False, indent=2) writes it `depth` levels inside a document.

    With an indent, json encodes in Python through a generator per container,
    a tenth of a big draft's check; this writes the same bytes with fewer calls
    (strings in C), and leaves anything but plain JSON types to json itself.
    """
    if type(value) is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return int.__repr__(value)
    if type(value) is float and math.isfinite(value):
        return float.__repr__(value)
    if type(value) is dict and all(type(k) is str for k in value):
        if not value:
            return "{}"
        inner = "\n" + "  " * (depth + 1)
        items = [encode_basestring(k) + ": " + json_nested(v, depth + 1) for k, v in value.items()]
        return "{" + inner + ("," + inner).join(items) + "\n" + "  " * depth + "}"
    if type(value) is list:
        if not value:
            return "[]"
        inner = "\n" + "  " * (depth + 1)
        return "[" + inner + ("," + inner).join([json_nested(v, depth + 1) for v in value]) + "\n" + "  " * depth + "]"
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


def replay(report: Report, writer: ReportWriter) -> None:
    """A whole report through a streaming writer, in the order a check streams it: the comments not read first."""
    for w in report.warnings:
        writer.warning(w)
    for f in report.findings:
        writer.add(f)
    writer.close()


def to_json(report: Report, evidence: str = "paragraph") -> str:
    out = io.StringIO()
    replay(report, JsonReport(out, Tally(len(report.drafts)), evidence))
    return out.getvalue().removesuffix("\n")


# A report line is a list of (text, style) segments: rich colours them on a
# terminal, and a plain writer joins them everywhere else, without paying
# for rich's import in a pipe, a hook log or CI.
Line = list[tuple[str, str]]


def _highlight(text: str, needle: str, style: str) -> Line:
    idx = text.find(needle)
    if idx < 0:
        return [(text, "")]
    return [(text[:idx], ""), (needle, style), (text[idx + len(needle) :], "")]


def _excerpt(paragraph: str, needle: str, width: int = 90) -> str:
    idx = paragraph.find(needle)
    if idx < 0 or len(paragraph) <= width:
        return paragraph[:width] + ("…" if len(paragraph) > width else "")
    start = max(0, idx - width // 2)
    end = min(len(paragraph), start + width)
    return ("…" if start else "") + paragraph[start:end] + ("…" if end < len(paragraph) else "")


STYLES = {"ok": "green", "contradicted": "bold red", "stale": "bold yellow", "unsupported": "bold magenta",
          "inconsistent": "bold red"}


def text_lines(report: Report, show_all: bool = False) -> list[Line]:
    """Per draft: each flagged number, its sentence, verdict, reason and the source paragraph."""
    tally = Tally(len(report.drafts))
    lines: list[Line] = []
    for f in report.findings:
        tally.add(f)
        lines.extend(finding_lines(f, show_all))
    return lines + [summary_line(tally)]


class TextReport:
    """`text_lines` written as the findings come; the summary line at `close`."""

    def __init__(self, out: Any, tally: Tally, show_all: bool = False, colour: bool = False) -> None:
        self.tally, self.show_all = tally, show_all
        self.show = line_printer(out, colour)

    def add(self, f: Finding) -> None:
        self.tally.add(f)
        for line in finding_lines(f, self.show_all):
            self.show(line)

    def warning(self, w: DirectiveWarning) -> None:
        """Nothing more: the warning is on stderr, where a reader of the text report sees it."""

    def close(self) -> None:
        self.show(summary_line(self.tally))


def finding_lines(f: Finding, show_all: bool = False) -> list[Line]:
    """A flagged number, its sentence, verdict and reasons, and the source paragraph; nothing for a quiet one."""
    if f.suppressed or (f.verdict == "ok" and not show_all):
        return []
    lines: list[Line] = [
        [(f"{f.path}:{f.line}:{f.column}: ", ""), (verdict_name(f.verdict), STYLES[f.verdict]), (f" [{f.code}] {f.message}", "")],
        [("    ", "")] + _highlight(_excerpt(f.claim.sentence, f.text), f.text, "reverse"),
    ]
    if f.place is not None:
        lines.insert(1, [("    " + word_place(f.place), "cyan")])
    for reason in f.reasons:
        lines.append([(f"    - {reason}", "dim")])
    if f.verdict == "inconsistent":
        # The draft's own figures the computation used, each where it stands: the editor redoes it by hand.
        for c in f.evidence:
            lines.append([("    " + _("used: {source}:{line} {figure}").format(
                source=c.source, line=c.line, figure=c.text), "cyan")] + [("  ", "")]
                + _highlight(_excerpt(c.sentence, c.text), c.text, "reverse"))
        return lines
    places = dict(zip(f.evidence, f.evidence_places))
    for c in f.evidence[: 1 if f.verdict != "unsupported" else 0] + (f.evidence[1:2] if f.verdict == "stale" else ()):
        lines.append([("    " + _("evidence: {source}:{line} (published {published})").format(
            source=c.source, line=c.line, published=c.published), "cyan")])
        if (place := places.get(c)) is not None:
            lines.append([("      " + word_place(place), "cyan")])
        lines.append([("      ", "")] + _highlight(_excerpt(c.paragraph, c.text), c.text, "reverse"))
    return lines


def word_place(place: Place) -> str:
    """in Word: paragraph 4, character 11 — what an editor looks for in the document, the PDF or on the web page."""
    if place.kind == "pdf":  # a PDF's lines are rejoined into paragraphs: the page is what a reader finds
        return _("in the PDF: {place}").format(place=place.describe())
    if place.kind == "html":
        return _("on the web page {url}: {place}, character {character}").format(
            url=place.url or "-", place=place.describe(), character=place.character)
    return _("in Word: {place}, character {character}").format(place=place.describe(), character=place.character)


def summary_line(tally: Tally) -> Line:
    summary = _(", ").join(f"{n} {verdict_name(v)}" for v, n in tally.verdicts.items())
    tail = _(" ({count} suppressed)").format(count=tally.suppressed) if tally.suppressed else ""
    return [(_("{drafts} draft(s), {numbers} numbers: {verdicts}").format(
        drafts=tally.drafts, numbers=tally.numbers, verdicts=summary) + tail, "")]


def write_lines(lines: Iterable[Line], out: Any, colour: bool) -> None:
    show = line_printer(out, colour)
    for line in lines:
        show(line)


# A line of the report is one line: a file named "x\n::error::…" must not start a line of its own that a CI
# runner reads as a workflow command, nor a carriage return overwrite what the editor sees.
_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x20), 0x7F) if c != 0x09} | {
    0x0A: "\\n", 0x0D: "\\r", 0x85: "\\x85", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def visible(text: str) -> str:
    """Control characters and line separators written as escapes."""
    return text.translate(_CONTROL)


def line_printer(out: Any, colour: bool) -> Callable[[Line], None]:
    """`colour` is decided by the caller (formats.wants_colour: --color, FORCE_COLOR, NO_COLOR, a terminal)."""
    if not colour:
        return lambda line: out.write(visible("".join([text for text, _ in line])) + "\n")
    from rich.console import Console
    from rich.text import Text

    # Decided already: rich must not second-guess it (a pipe under --color always, FORCE_COLOR in CI).
    console = Console(file=out, highlight=False, soft_wrap=True, force_terminal=True, no_color=False, color_system="standard")

    def show(line: Line) -> None:
        text = Text()
        for piece, style in line:
            text.append(visible(piece), style=style or None)
        console.print(text)

    return show


def render_text(report: Report, out: Any, show_all: bool = False, colour: bool = False) -> None:
    writer = TextReport(out, Tally(len(report.drafts)), show_all, colour)
    for f in report.findings:
        writer.add(f)
    writer.close()


def conflicts_to_json(conflicts: list) -> str:
    from ..judge.conflicts import counts

    body = {
        "version": JSON_VERSION,
        "counts": counts(conflicts),
        "conflicts": [
            {
                "kind": g.kind,
                "subject": g.subject,
                "metric": g.metric,
                "current": g.current.id,
                "why": g.why,
                "gap": round(g.gap, 4),
                "claims": [{"id": c.id, **_evidence_record(c), "current": c.id == g.current.id} for c in g.claims],
                **({"computation": g.computation.to_json()} if g.computation is not None else {}),
            }
            for g in conflicts
        ],
    }
    return json.dumps(body, ensure_ascii=False, indent=2)


CONFLICT_STYLES = {"disagreement": "bold red", "inconsistent": "bold red", "revision": "bold magenta",
                   "update": "bold cyan", "superseded": "bold yellow", "reconciled": "green"}


def conflict_lines(conflicts: list, include_reconciled: bool = False) -> list[Line]:
    """Each conflict as a timeline, oldest first, with the current figure marked, then the count of each kind."""
    from ..judge.conflicts import counts

    lines: list[Line] = []
    for g in conflicts:
        lines.append([(kind_name(g.kind), CONFLICT_STYLES[g.kind]), (f"  {g.subject or _('(no subject)')} · {g.metric}", "")])
        if g.why:
            lines.append([(f"    {g.why}", "dim")])
        for c in g.claims:
            current = c.id == g.current.id
            period = c.period.label if c.period else _("undated")
            said = _("published {day}").format(day=c.published)
            mark = _("(does not add up)") if g.kind == "inconsistent" else _("(current)")
            lines.append(
                [(f"  {'→' if current else ' '} {c.text}  {period}  {c.source}:{c.line}  {said}", "")]
                + ([("  " + mark, "bold")] if current else [])
            )
            lines.append([("      ", "")] + _highlight(_excerpt(c.paragraph, c.text, 70), c.text, "reverse"))
    found = counts(conflicts)
    lines.append([(", ".join(f"{n} {kind_name(k)}" for k, n in found.items() if k != "reconciled" or include_reconciled), "")])
    return lines


def kind_name(kind: str) -> str:
    """A conflict's kind as the editor reads it; JSON keeps the English key."""
    names = {"disagreement": _("disagreement"), "inconsistent": _("inconsistent"), "revision": _("revision"),
             "update": _("update"), "superseded": _("superseded"), "reconciled": _("reconciled")}
    return names.get(kind, kind)
