"""Where the store's sources disagree: contradictions, superseded figures, and differences that reconcile.

A conflict is a group of claims about one fact: the same named body, metric
and period (identity.py), or an earlier figure and the fuller or newer one
that replaced it. Different subjects (平湖市 vs 平湖经开), different metrics
(24家规上企业 vs 24家重点企业) and different periods of a recurring figure
(2024 vs 2025) are not conflicts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..record.claim import Claim
from .compare import agree
from .identity import DIFFERENT, SAME, UNDATED, identify, standing
from .matching import comparable, strict_score
from .verdict import replaces

CONFLICT_MIN = 80.0  # strict similarity (clause and metric) two sources need to be listed against each other

CONTRADICTION = "contradiction"
SUPERSEDED = "superseded"
RECONCILED = "reconciled"
KINDS = (CONTRADICTION, SUPERSEDED, RECONCILED)


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: str
    subject: str | None
    metric: str
    claims: tuple[Claim, ...]  # oldest first
    current: Claim  # the figure to use now

    @property
    def sources(self) -> set[str]:
        return {c.source for c in self.claims}


def _told_together(a: Claim, b: Claim, by_sentence: dict[tuple[str, str], list[Claim]]) -> bool:
    """从最初1家合作企业…成长为合作企业超10家: when a's own sentence also states b's figure, the two are a story, not a conflict."""
    for x, y in ((a, b), (b, a)):
        for other in by_sentence.get((x.source, x.sentence), ()):
            if other.id != x.id and comparable(other, y) and agree(other, y) and other.metric == x.metric:
                return True
    return False


def _relation(a: Claim, b: Claim) -> str | None:
    """How two claims about the same fact relate, or None when they are not one fact (identity.py decides)."""
    if a.source == b.source and a.sentence == b.sentence:
        return None  # 注册资本170万美元 … 到后面注册资本达到11370万美元: a story told on purpose
    if not comparable(a, b):
        return None
    identity = identify(a, b)
    if not identity.named_fact:
        return None
    if strict_score(a, b) < CONFLICT_MIN:
        return None
    period = identity.period.outcome
    if period == SAME or (period == UNDATED and standing(a, b)):
        if agree(a, b):
            return RECONCILED
        if period == UNDATED and a.published != b.published:
            return SUPERSEDED  # 员工1900名 (May) → 2000余名 (July): the organisation grew
        return CONTRADICTION
    old, new = sorted((a, b), key=lambda c: (c.published or dt.date.min, c.period.end if c.period else dt.date.min))
    if period == DIFFERENT and replaces(old, new):
        return SUPERSEDED
    if period == DIFFERENT and replaces(new, old):
        return SUPERSEDED
    return None


def _newest(claims: list[Claim]) -> Claim:
    def key(c: Claim) -> tuple[dt.date, dt.date, int]:
        end = c.period.end if c.period else dt.date.min
        return (end, c.published or dt.date.min, c.period.days if c.period else 0)

    return max(claims, key=key)


def find_conflicts(stored: Iterable[Claim], include_reconciled: bool = False) -> list[Conflict]:
    """Group related claims (union-find over pairwise relations) and name each group's worst relation."""
    store = list(stored)  # any ClaimStore; read once, then by position
    parent = list(range(len(store)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_sentence: dict[tuple[str, str], list[Claim]] = {}
    for c in store:
        by_sentence.setdefault((c.source, c.sentence), []).append(c)
    kinds: dict[tuple[int, int], str] = {}
    for i, a in enumerate(store):
        for j in range(i + 1, len(store)):
            rel = _relation(a, store[j])
            if rel is None or (rel != RECONCILED and _told_together(a, store[j], by_sentence)):
                continue
            kinds[(i, j)] = rel
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[rj] = ri
    groups: dict[int, list[int]] = {}
    for i, j in kinds:
        root = find(i)
        groups.setdefault(root, [])
        for k in (i, j):
            if k not in groups[root]:
                groups[root].append(k)
    out = []
    for root, members in groups.items():
        rels = {kinds[(i, j)] for (i, j) in kinds if find(i) == root}
        kind = next(k for k in KINDS if k in rels)
        if kind == RECONCILED and not include_reconciled:
            continue
        claims = sorted((store[k] for k in members), key=lambda c: (c.published or dt.date.min, c.source, c.line))
        current = _newest(claims)
        subject = next((c.subject for c in claims if c.subject_strong), None) or next(
            (c.subject for c in claims if c.subject), None
        )
        out.append(Conflict(kind, subject, current.metric, tuple(claims), current))
    out.sort(key=lambda g: (KINDS.index(g.kind), g.subject or "", g.metric))
    return out
