"""Checking drafts: extract every figure, judge it against the store, collect findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from ..errors import EmptyText
from ..extract import claims as claims_mod
from ..extract.subject import Gazetteer
from ..i18n import _
from ..reading.source import Document, document_from_bytes, read_document
from ..record.claim import Claim
from ..record.finding import CONTRADICTED, INCONSISTENT, OK, STALE, Finding, Report
from ..store.protocol import ClaimStore
from .arithmetic import RESTATED, Inconsistency, Tolerance, against_the_store, inconsistencies, restated
from .verdict import Judgement, judge


def read_draft(
    path: Path | None,
    display: str,
    date: dt.date | None,
    stdin_bytes: bytes | None = None,
    configured: dt.date | None = None,
) -> Document:
    """A draft, from its file or from bytes (standard input, git's staged copy), dated by `publication_date`.

    Front matter, else --date (`date`), else the config's (`configured`), else today: relative periods
    (今年, 上月) resolve against it.
    """
    try:
        if path is None:
            assert stdin_bytes is not None
            return document_from_bytes(stdin_bytes, display, date, None, False, configured, dt.date.today())
        return read_document(path, display, date, None, False, configured, dt.date.today())
    except EmptyText as exc:
        raise EmptyText(str(exc).replace("empty file", "empty draft"), exc.name) from None


def check_document(
    doc: Document,
    store: ClaimStore,
    names: dict[str, str] | None = None,
    successors: dict[str, Claim | None] | None = None,
    bodies: Gazetteer | None = None,
) -> list[Finding]:
    """`bodies` is the gazetteer with the newsroom's configured bodies, as the store was ingested with."""
    return list(judge_document(doc, store, names, successors, bodies))


SHARE_FROM = 24  # figures in a draft worth a fork: below, the fork and the children's cold caches cost more than they save
Judged = dict[Claim, Judgement]  # judgements by the figure's claim without its place in the draft (`unplaced`)


def unplaced(claim: Claim) -> Claim:
    """The claim without where it sits: a verdict reads what a figure says, never its line or column."""
    return replace(claim, line=0, column=0, end_column=0, number_column=0, subject_line=0, period_line=0)


def judge_document(
    doc: Document,
    store: ClaimStore,
    names: dict[str, str] | None = None,
    successors: dict[str, Claim | None] | None = None,
    bodies: Gazetteer | None = None,
    judged: Judged | None = None,
    workers: int = 1,
    tolerance: Tolerance | None = None,
) -> Iterator[Finding]:
    """Each figure's finding as soon as it is judged, so a report can be written while the draft is read.

    `judged`, kept by a caller that re-checks one draft against one store as it is edited (the editor's
    server), holds the judgements of figures seen before: an edit re-judges only the figures it changed.
    `workers` above 1 shares a draft of SHARE_FROM figures or more among forked processes (a judgement
    depends on the figure and the store alone, so the findings are the same, in the same order), where
    the store can be reopened in a child.
    """
    if names is None:
        names = store.subject_names()
    if successors is None:
        successors = {}
    claims = list(claims_mod.claims_in(doc, known_names=names, names=bodies))
    prefetch = getattr(store, "prefetch", None)  # a database store reads every figure's keys at once
    if prefetch is not None:
        prefetch([c for c in claims if judged is None or unplaced(c) not in judged])

    def judged_alone(claim: Claim) -> Judgement:
        if judged is None:
            return judge(claim, store, successors)
        key = unplaced(claim)
        known = judged.get(key)
        return known if known is not None else judged.setdefault(key, judge(claim, store, successors))

    early: dict[str, Judgement] = {}  # judged before the rest: the figures an inconsistency turns on
    flagged = _flagged(claims, tolerance or Tolerance(), early, judged_alone,
                       lambda c: store.near(c, same_metric=True))
    fork_point = getattr(store, "fork_point", None)  # a store that can be read from a forked process
    if judged is None and workers > 1 and fork_point is not None and len(claims) >= SHARE_FROM:
        from ..workers import forked_map

        todo = [c for c in claims if c.id not in early]  # the ones an inconsistency turned on are judged already
        shared = forked_map(lambda c: judge(c, store, successors), todo, workers, in_child=fork_point())
        judgements = early | dict(zip((c.id for c in todo), shared))
        for claim in claims:
            yield found_in(doc, claim, judgements[claim.id], flagged.get(claim.id))
        return
    for claim in claims:
        j = early.get(claim.id) or judged_alone(claim)
        yield found_in(doc, claim, j, flagged.get(claim.id))


def _flagged(
    claims: list[Claim], tolerance: Tolerance, early: dict[str, Judgement], judged: Callable[[Claim], Judgement],
    earlier: Callable[[Claim], Sequence[Claim]] | None = None,
) -> dict[str, Inconsistency]:
    """The draft's inconsistent figures by id. Where a source bears out the figure the arithmetic points at
    and not exactly one of the others, that other is the one to flag (the headline's 17.49万亿元 when the
    store has the body's 17.94万亿元; the one part no source gives, when the store has the whole)."""
    out: dict[str, Inconsistency] = {}
    for found in inconsistencies(claims, tolerance):
        for c in (found.figure, *found.others):
            early.setdefault(c.id, judged(c))
        unborne = [c for c in found.others if early[c.id].verdict != OK]
        if early[found.figure.id].verdict == OK and len(unborne) == 1:
            other = unborne[0]
            if found.computation.kind == RESTATED:
                found = restated(other, found.figure)
            else:
                found = Inconsistency(other, tuple(c for c in (found.figure, *found.others) if c is not other),
                                      found.computation)
        out.setdefault(found.figure.id, found)
    for found in against_the_store(claims, earlier, tolerance) if earlier is not None else ():
        rate, level = found.figure, found.others[0]
        if rate.id in out:
            continue
        early.setdefault(rate.id, judged(rate))
        early.setdefault(level.id, judged(level))
        if early[rate.id].verdict == OK or early[level.id].verdict in (CONTRADICTED, STALE):
            continue  # a source gives the rate or share (on its own basis); or the level's or part's alarm says more
        out[rate.id] = found
    return out


def found_in(doc: Document, claim: Claim, j: Judgement, inconsistent: Inconsistency | None = None) -> Finding:
    """The figure's finding where it sits in the draft (in a Word draft, its paragraph or cell too)."""
    found = _found_in(doc, claim, j, inconsistent)
    return replace(found, place=doc.word.place(claim.line, claim.column)) if doc.word is not None else found


def _found_in(doc: Document, claim: Claim, j: Judgement, inconsistent: Inconsistency | None = None) -> Finding:
    """A figure its own draft does not bear out is inconsistent, unless a source already contradicts it or
    has a newer figure: that alarm says more."""
    if inconsistent is None:
        return Finding(doc.path, claim.line, claim.column, claim.text, j.verdict, j.message, claim, j.evidence, j.reasons)
    said = inconsistent_message(claim, inconsistent)
    if j.verdict in (CONTRADICTED, STALE):
        return Finding(doc.path, claim.line, claim.column, claim.text, j.verdict, j.message, claim, j.evidence,
                       (*j.reasons, said), computation=inconsistent.computation)
    store_said = (j.message,) if j.verdict == OK else ()  # a source for it: the draft's other figures are at fault
    return Finding(doc.path, claim.line, claim.column, claim.text, INCONSISTENT, said, claim, inconsistent.others,
                   store_said, computation=inconsistent.computation)


def inconsistent_message(claim: Claim, found: Inconsistency) -> str:
    c = found.computation
    return _("{figure}: the draft's own figures do not bear it out — {formula}, where it says {stated} "
             "(allowed: {tolerance})").format(figure=claim.text, formula=c.formula, stated=c.stated,
                                              tolerance=c.tolerance)


def check_documents(
    docs: list[Document],
    store: ClaimStore,
    on_draft: Callable[[], None] | None = None,
    bodies: Gazetteer | None = None,
    tolerance: Tolerance | None = None,
) -> Report:
    """`on_draft` is called after each draft, for a progress bar."""
    findings = tuple(judge_documents(docs, store, on_draft, bodies, tolerance=tolerance))
    return Report(tuple(d.path for d in docs), findings, len(store))


def judge_documents(
    docs: list[Document],
    store: ClaimStore,
    on_draft: Callable[[], None] | None = None,
    bodies: Gazetteer | None = None,
    judged: Judged | None = None,
    workers: int = 1,
    tolerance: Tolerance | None = None,
) -> Iterator[Finding]:
    names = store.subject_names()
    successors: dict[str, Claim | None] = {}  # a stored claim's successor does not depend on the draft
    for doc in docs:
        yield from judge_document(doc, store, names, successors, bodies, judged, workers, tolerance)
        if on_draft is not None:
            on_draft()
