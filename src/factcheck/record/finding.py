"""The finding: one figure of a draft with its verdict and evidence; the report that collects them."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace
from enum import StrEnum

from ..reading.word import Place
from .claim import Claim
from .rules import RULES


class Verdict(StrEnum):
    """A figure's verdict; reports and the accept file write it as the plain string."""

    OK = "ok"
    CONTRADICTED = "contradicted"
    STALE = "stale"
    UNSUPPORTED = "unsupported"
    INCONSISTENT = "inconsistent"  # figures of one draft that cannot all be right, whatever the store says


OK, CONTRADICTED, STALE, UNSUPPORTED = Verdict.OK, Verdict.CONTRADICTED, Verdict.STALE, Verdict.UNSUPPORTED
INCONSISTENT = Verdict.INCONSISTENT


VERDICTS = tuple(Verdict)


@dataclass(frozen=True, slots=True)
class Computation:
    """Why figures of one draft do not add up: the relation, the formula with the values used, the tolerance.

    An editor must be able to redo it by hand, so the formula names every figure it used as written.
    """

    kind: str  # restated, parts, share, growth, difference, points, multiple
    formula: str  # 出口26015亿元 + 进口17970亿元 = 43985亿元
    stated: str  # what the draft says the result is (进出口43880亿元)
    expected: str  # what the other figures make it (43985亿元)
    tolerance: str  # what difference was allowed (the printed precision, 1 percentage point)

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind, "formula": self.formula, "stated": self.stated, "expected": self.expected,
                "tolerance": self.tolerance}


@dataclass(frozen=True, slots=True)
class Finding:
    """One number in a draft with its verdict and the evidence for it."""

    path: str
    line: int
    column: int
    text: str
    verdict: Verdict
    message: str
    claim: Claim
    evidence: tuple[Claim, ...]
    reasons: tuple[str, ...] = ()
    suppressed: str | None = None  # why it is not reported: "ignore comment" or "accepted"
    computation: Computation | None = None  # for an inconsistent figure: how the draft's figures disagree
    place: Place | None = None  # in a Word draft: the paragraph or table cell, which `line` and `column` are not
    evidence_places: tuple[Place | None, ...] = ()  # the same for each evidence claim from a Word source, in order

    @property
    def code(self) -> str:
        return RULES[self.verdict].code

    @property
    def fingerprint(self) -> str:
        """Who the finding is, by content: survives edits around it, changes when the figure or evidence does."""
        return fingerprint(self)

    def suppress(self, why: str) -> Finding:
        return replace(self, suppressed=why)


FINGERPRINT_VERSION = "factcheck-finding/1"  # bump when the recipe changes, so old accepts stop matching


def normalise(text: str) -> str:
    """Width and whitespace do not change a claim: 98.2％ in a re-typed sentence is still 98.2%."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def fingerprint(f: Finding) -> str:
    """sha256 over the sentence with the figure, the figure, the verdict and the evidence (source and text).

    No path and no line number: an accepted finding stays accepted when the
    draft is edited around it, renamed, or the sentence moves.
    """
    parts = [FINGERPRINT_VERSION, normalise(f.claim.sentence), normalise(f.text), f.verdict]
    for e in f.evidence:
        parts += [e.source, normalise(e.text)]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Report:
    drafts: tuple[str, ...]
    findings: tuple[Finding, ...]
    store_claims: int = 0
    warnings: tuple[DirectiveWarning, ...] = ()  # factcheck comments in the drafts that could not be read

    def counts(self, include_suppressed: bool = False) -> dict[str, int]:
        out: dict[str, int] = dict.fromkeys(VERDICTS, 0)
        for f in self.findings:
            if f.suppressed and not include_suppressed:
                continue
            out[f.verdict] += 1
        return out

    def failing(self, fail_on: tuple[str, ...]) -> list[Finding]:
        return [f for f in self.findings if f.verdict in fail_on and not f.suppressed]

    def with_findings(self, findings: list[Finding]) -> Report:
        return replace(self, findings=tuple(findings))


class Tally:
    """The summary of findings that stream past without being kept: counts for the last line, the exit code.

    A draft of megabytes has tens of thousands of findings, each holding its
    claim and evidence; a streamed report writes each and lets it go.
    """

    def __init__(self, drafts: int) -> None:
        self.drafts = drafts
        self.numbers = 0
        self.suppressed = 0
        self.verdicts: dict[str, int] = dict.fromkeys(VERDICTS, 0)  # not suppressed, as Report.counts()

    def add(self, f: Finding) -> None:
        self.numbers += 1
        if f.suppressed:
            self.suppressed += 1
        else:
            self.verdicts[f.verdict] += 1

    def failing(self, fail_on: tuple[str, ...]) -> bool:
        return any(self.verdicts[v] for v in fail_on)


@dataclass(frozen=True, slots=True)
class DirectiveWarning:
    """A factcheck comment that was not understood, and so silences nothing."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"
