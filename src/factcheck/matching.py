"""Finding the store claims that speak about the same thing as a draft claim.

Fuzzy matching only finds candidates; whether a candidate supports or
contradicts is decided on exact values (see compare.py and verdict.py).
Similarity is rapidfuzz over the clause around the figure (numbers masked),
the metric, what is counted, and the sentence's character bigrams.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from .claims import Claim, mask_numbers
from .period import Period
from .quantity import unit_group
from .subject import same_body

SAME_PERIOD = "same"
NESTED_PERIOD = "nested"
OTHER_PERIOD = "different"
UNKNOWN_PERIOD = "unknown"


@dataclass(frozen=True, slots=True)
class Match:
    """A store claim scored against a draft claim."""

    claim: Claim
    support: float  # how likely both speak of the same fact, lenient: for `ok`
    strict: float  # clause and metric only, strict: for `contradicted` and supersession
    period: str  # same, nested, different, unknown
    subject: bool | None  # same body, different body, or unknown


def _bigrams(text: str) -> str:
    return " ".join(text[i : i + 2] for i in range(len(text) - 1)) or text


def period_relation(a: Period | None, b: Period | None) -> str:
    if a is None or b is None:
        return UNKNOWN_PERIOD
    if a.start == b.start and a.end == b.end:
        return SAME_PERIOD
    if a.contains(b) or b.contains(a):
        return NESTED_PERIOD
    return OTHER_PERIOD


def strict_score(a: Claim, b: Claim) -> float:
    """Clause context and metric: 集中签约项目#个 against 集中签约项目#个."""
    ctx = fuzz.ratio(a.context, b.context)
    if a.metric and b.metric:
        return 0.4 * ctx + 0.6 * fuzz.ratio(a.metric, b.metric)
    return ctx


def support_score(a: Claim, b: Claim, strict: float) -> float:
    """Lenient: a paraphrase (人才住房 counted in both, the sentence mostly shared) still matches."""
    best = max(strict, fuzz.ratio(a.context, b.context))
    if len(a.counted) >= 2 and len(b.counted) >= 2:
        best = max(best, fuzz.ratio(a.counted, b.counted) * 0.9)
    sentence = fuzz.token_set_ratio(_bigrams(mask_numbers(a.sentence)), _bigrams(mask_numbers(b.sentence)))
    return max(best, 0.85 * sentence)


def comparable(a: Claim, b: Claim) -> bool:
    """Only figures of one dimension can agree or disagree: 亿元 with 万元, never 元 with 美元 or 家 with 名."""
    return unit_group(a.unit) == unit_group(b.unit)


def score(draft: Claim, stored: Claim) -> Match:
    strict = strict_score(draft, stored)
    subject = same_body(draft.subject, stored.subject)
    if subject is False and not (draft.subject_strong and stored.subject_strong):
        subject = None  # a weakly recognised name is no evidence of a different body
    return Match(stored, support_score(draft, stored, strict), strict, period_relation(draft.period, stored.period), subject)


def candidates(draft: Claim, store: list[Claim], floor: float = 35.0) -> list[Match]:
    """Store claims of the same dimension, best first; brute force over what the index hands us."""
    out = [score(draft, c) for c in store if comparable(draft, c)]
    out = [m for m in out if m.support >= floor]
    out.sort(key=lambda m: (-m.support, -m.strict))
    return out
