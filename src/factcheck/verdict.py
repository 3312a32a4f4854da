"""Verdict rules: each number in a draft is ok, contradicted, stale or unsupported.

Rules are data with stable codes so reports, suppressions and SARIF can
refer to them. Precision matters more than recall: a false alarm costs the
editor's trust, so `contradicted` needs a strong match about the same
subject, metric and period, and anything weaker is at most `unsupported`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .claims import Claim
from .compare import agree
from .matching import (
    NESTED_PERIOD,
    OTHER_PERIOD,
    SAME_PERIOD,
    UNKNOWN_PERIOD,
    ClaimSource,
    Match,
    candidates,
    nearby,
    period_relation,
    strict_score,
)
from .subject import KNOWN_BODIES, same_body

OK, CONTRADICTED, STALE, UNSUPPORTED = "ok", "contradicted", "stale", "unsupported"
VERDICTS = (OK, CONTRADICTED, STALE, UNSUPPORTED)


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    verdict: str
    summary: str


RULES = {
    OK: Rule("FC000", OK, "A source agrees with this figure."),
    CONTRADICTED: Rule("FC001", CONTRADICTED, "A source gives a different figure for the same subject, metric and period."),
    STALE: Rule("FC002", STALE, "The figure matches a source that a newer or fuller figure has superseded."),
    UNSUPPORTED: Rule("FC003", UNSUPPORTED, "No source speaks to this subject and metric for this period."),
}

SUPPORT_MIN = 60.0  # lenient similarity for a source to support a figure
CONTRADICT_MIN = 75.0  # strict similarity for a source to contradict it
CONTRADICT_UNDATED_MIN = 90.0  # …when only one side names its period
CONTRADICT_MARGIN = 10.0  # a contradiction must beat the best agreeing source by this much
SUPERSEDE_MIN = 80.0  # strict similarity for one stored figure to replace another


@dataclass(frozen=True, slots=True)
class Judgement:
    verdict: str
    message: str
    evidence: tuple[Claim, ...]
    reasons: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        return RULES[self.verdict].code


def _different_organisations(a: Claim, b: Claim) -> bool:
    """Two named companies or institutions (轩田 vs 津上精密) are never one figure, however the name was found.

    A zone or city (平湖经开, 平湖市) is often only the story's default
    subject, so it does not rule a contradiction out on its own.
    """
    if not a.subject or not b.subject or a.subject in KNOWN_BODIES or b.subject in KNOWN_BODIES:
        return False
    return same_body(a.subject, b.subject) is False


def _both_undated(a: Claim, b: Claim) -> bool:
    return a.period is None and b.period is None


def superseded_by(old: Claim, store: ClaimSource) -> Claim | None:
    """A newer or fuller figure about the same subject and metric, if the store has one."""
    best: tuple[float, Claim] | None = None
    for new in nearby(store, old, same_metric=True):
        if new.id == old.id or same_body(old.subject, new.subject) is False:
            continue
        relation = period_relation(old.period, new.period)
        fuller = (
            relation == NESTED_PERIOD
            and old.period is not None
            and new.period is not None
            and new.period.contains(old.period)
            and new.period.start == old.period.start  # 前11个月 → 全年, 1至6月 → 全年: same start, longer run
            and (new.published or old.published) >= (old.published or new.published)  # type: ignore[operator]
        )
        newer = (
            (relation == SAME_PERIOD or _both_undated(old, new))
            and new.published is not None
            and old.published is not None
            and new.published > old.published
            and not agree(old, new)
        )
        if not (fuller or newer):
            continue
        similarity = strict_score(old, new)
        if similarity < SUPERSEDE_MIN:
            continue
        if fuller and agree(old, new) and old.value == new.value:
            continue
        if best is None or (new.published, similarity) > (best[1].published, best[0]):  # type: ignore[operator]
            best = (similarity, new)
    return best[1] if best else None


def _why_not(draft: Claim, m: Match) -> str:
    c = m.claim
    where = f"{c.source}:{c.line} {c.text}"
    if m.subject is False:
        return f"{where}: about {c.subject}, not {draft.subject}"
    if m.period in (OTHER_PERIOD, NESTED_PERIOD):
        return f"{where}: different period ({c.period.label if c.period else '?'} {_span(c)} vs {_span(draft)})"
    if m.support < SUPPORT_MIN:
        return f"{where}: a different metric ({c.metric or c.counted}, similarity {m.support:.0f})"
    return f"{where}: value differs but the match is too weak to call a contradiction (similarity {m.strict:.0f})"


def _span(c: Claim) -> str:
    if c.period is None:
        return "undated"
    return f"{c.period.start.isoformat()}..{c.period.end.isoformat()}"


def judge(draft: Claim, store: ClaimSource, successors: dict[str, Claim | None] | None = None) -> Judgement:
    """`successors` remembers, across the figures of one check, which stored claims are superseded and by what."""
    matches = candidates(draft, store)
    usable = [m for m in matches if m.subject is not False]
    agreeing = [
        m for m in usable if m.period in (SAME_PERIOD, UNKNOWN_PERIOD) and m.support >= SUPPORT_MIN and agree(draft, m.claim)
    ]
    conflicting = [
        m
        for m in usable
        if not agree(draft, m.claim)
        and not _different_organisations(draft, m.claim)
        and (
            (m.period == SAME_PERIOD or _both_undated(draft, m.claim)) and m.strict >= CONTRADICT_MIN
            or m.period == UNKNOWN_PERIOD and m.strict >= CONTRADICT_UNDATED_MIN
        )
    ]
    best_agree = max(agreeing, key=lambda m: (m.period == SAME_PERIOD, m.strict, m.support), default=None)
    best_conflict = max(conflicting, key=lambda m: (m.strict, m.claim.published or draft.published), default=None)
    if best_conflict and (best_agree is None or best_conflict.strict > best_agree.strict + CONTRADICT_MARGIN):
        c = best_conflict.claim
        return Judgement(
            CONTRADICTED,
            f"{draft.text} — the source says {c.text}" + (f" ({c.period.label})" if c.period else ""),
            (c,),
        )
    if best_agree:
        # Agreeing with any figure still current is ok; stale only when every strong supporter is superseded.
        strong = [m for m in agreeing if m.strict >= best_agree.strict - CONTRADICT_MARGIN or m is best_agree]
        if successors is None:
            successors = {}
        for m in strong:
            if m.claim.id not in successors:
                successors[m.claim.id] = superseded_by(m.claim, store)
        current = [m for m in strong if successors[m.claim.id] is None]
        if current:
            cite = max(current, key=lambda m: (m.period == SAME_PERIOD, m.strict, m.support))
            return Judgement(OK, f"{draft.text} agrees with {cite.claim.source}:{cite.claim.line}", (cite.claim,))
        newer = successors[best_agree.claim.id]
        assert newer is not None
        label = f" ({newer.period.label})" if newer.period else ""
        return Judgement(
            STALE,
            f"{draft.text} has been superseded: {newer.text}{label} in {newer.source} ({newer.published})",
            (newer, best_agree.claim),
        )
    reasons = tuple(_why_not(draft, m) for m in matches[:3])
    return Judgement(
        UNSUPPORTED,
        f"{draft.text}: no source gives this figure for {draft.subject or 'this subject'}"
        + (f" ({draft.period.label})" if draft.period else ""),
        tuple(m.claim for m in matches[:3]),
        reasons,
    )
