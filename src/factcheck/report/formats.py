"""Which writer renders a report: one place knows the formats, their options, and when to colour.

Writers take findings as they come and never choose the exit code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ..errors import InputError
from ..reading.source import Document
from ..record.finding import Report, Tally
from .text import EVIDENCE, JsonReport, ReportWriter, TextReport, replay

FORMATS = ("text", "json", "sarif", "github", "html")
# Written finding by finding; the HTML page is built from the whole report.
STREAMED = ("text", "json", "sarif", "github")


def render(
    report: Report,
    fmt: str,
    root: Path | None = None,
    show_all: bool = False,
    out: TextIO | None = None,
    evidence: str = "paragraph",
    colour: str = "auto",
    docs: Sequence[Document] = (),
    fail_on: Sequence[str] | None = None,
) -> None:
    """Machine formats and the text report alike go to `out` (stdout); renderers never pick the exit code.

    `docs` are the drafts checked: the HTML page shows their text; `root` places SARIF and GitHub paths and
    names the page's drafts; `fail_on` tells the page's findings from its warnings.
    """
    out = out or sys.stdout
    if fmt in STREAMED:
        replay(report, report_writer(fmt, out, Tally(len(report.drafts)), show_all, evidence, colour, root))
    else:
        from .html import FAIL_ON, to_html

        out.write(to_html(report, docs, evidence=evidence, root=root, fail_on=FAIL_ON if fail_on is None else fail_on))


def report_writer(
    fmt: str,
    out: TextIO,
    tally: Tally,
    show_all: bool = False,
    evidence: str = "paragraph",
    colour: str = "auto",
    root: Path | None = None,
) -> ReportWriter:
    """The report, written as findings are added and counted into `tally`; `root` places SARIF and GitHub paths."""
    if fmt == "json":
        return JsonReport(out, tally, evidence)
    if fmt in ("sarif", "github"):
        from .sarif import GithubReport, SarifReport

        return (SarifReport if fmt == "sarif" else GithubReport)(out, tally, root or Path.cwd())
    return TextReport(out, tally, show_all, colour=wants_colour(out, colour))


COLOURS = ("auto", "always", "never")


def wants_colour(out: TextIO, mode: str = "auto") -> bool:
    """--color always/never decide; on auto, NO_COLOR forbids it, even beside FORCE_COLOR; FORCE_COLOR forces
    it (CI logs); a terminal that says it is dumb (TERM=dumb: Emacs's shell, some CI) gets none; else a terminal.

    https://no-color.org ("regardless of its value", when not empty) and https://force-color.org.
    """
    if mode != "auto":
        return mode == "always"
    env = os.environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    if env.get("TERM") == "dumb":
        return False
    return hasattr(out, "isatty") and out.isatty()


def check_format(fmt: str, evidence: str = "paragraph") -> None:
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    if evidence not in EVIDENCE:
        raise InputError(f"--evidence: unknown value {evidence!r} (use {', '.join(EVIDENCE)})")
