"""Finding the store claims that speak about the same thing as a draft claim.

Fuzzy matching only finds candidates; whether a candidate supports or
contradicts is decided on exact values (see compare.py and verdict.py).
Similarity is rapidfuzz over the clause around the figure (numbers masked),
the metric, what is counted, and the sentence's character bigrams. Which
stored claims get scored at all is the store's business (store.protocol.ClaimStore): a
ClaimList is scored whole, the index hands over only the claims near a figure.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from ..extract.quantity import unit_group
from ..memo import MB, args_bytes, memo
from ..record.claim import Claim, mask_numbers
from ..store.protocol import ClaimStore


@dataclass(frozen=True, slots=True)
class Match:
    """A store claim scored against a draft claim."""

    claim: Claim
    support: float  # how likely both speak of the same fact, lenient: for `ok`
    strict: float  # clause and metric only, strict: for `contradicted` and supersession


_WHITESPACE = re.compile(r"\s")  # what str.split() splits on


def _bigrams(text: str) -> str:
    return " ".join(text[i : i + 2] for i in range(len(text) - 1)) or text


# Character pairs are shared among cached entries: a pair is an 80-byte str object, and one sentence's
# ~55 of them, made afresh by slicing, were most of the ~6.7 KB each cached sentence held.
_GRAMS: dict[str, str] = {}
GRAMS_MAX = 1 << 17  # distinct pairs shared at most (~20 MB); past it, sharing starts afresh


def _shared(grams: Iterable[str]) -> list[str]:
    """Each pair as the one str object every cached entry uses for it."""
    if len(_GRAMS) > GRAMS_MAX:
        _GRAMS.clear()
    get = _GRAMS.setdefault
    return [get(g, g) for g in grams]


def _tokens_bytes(args: tuple[str, ...], tokens: tuple[tuple[str, ...], frozenset[str]]) -> int:
    """The key's text, the sorted tuple and the set (the pairs themselves are shared: a pointer's worth each)."""
    return args_bytes(args) + sys.getsizeof(tokens[0]) + sys.getsizeof(tokens[1]) + 8 * len(tokens[0])


def _pairs_bytes(args: tuple[str, ...], pairs: frozenset[str]) -> int:
    return args_bytes(args) + sys.getsizeof(pairs) + 8 * len(pairs)


@memo(24 * MB, _tokens_bytes)
def _sentence_tokens(sentence: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The sentence's bigrams (numbers masked) as rapidfuzz's token functions split them, sorted once."""
    masked = mask_numbers(sentence)
    if len(masked) >= 2 and not _WHITESPACE.search(masked):
        tokens = frozenset(_shared([masked[i : i + 2] for i in range(len(masked) - 1)]))  # what the split gives, sooner
    else:
        tokens = frozenset(_shared(_bigrams(masked).split()))
    return tuple(sorted(tokens)), tokens


@memo(16 * MB, _pairs_bytes)
def _pairs(text: str) -> frozenset[str]:
    masked = mask_numbers(text)
    return frozenset(_shared(masked[i : i + 2] for i in range(len(masked) - 1) if not masked[i : i + 2].isspace()))


def containment(sentence: str, paragraph: str) -> float:
    """Share of the sentence's character pairs (figures masked) that the paragraph also has."""
    mine = _pairs(sentence)
    return len(mine & _pairs(paragraph)) / len(mine) if mine else 0.0


def _norm(dist: int, lensum: int) -> float:
    return 100 - 100 * dist / lensum if lensum else 100.0


@memo(16 * MB, lambda args, _: args_bytes(args) + 24)
def sentence_similarity(a: str, b: str) -> float:
    """fuzz.token_set_ratio of the two sentences' bigram strings, from tokens split and sorted once per sentence.

    Re-splitting and re-sorting both sentences for every pair was most of the
    cost of scoring; this is the same arithmetic (tests compare it with
    rapidfuzz pair by pair), and claims that share a sentence share the result.
    """
    sorted_a, tokens_a = _sentence_tokens(a)
    sorted_b, tokens_b = _sentence_tokens(b)
    if not tokens_a or not tokens_b:
        return 0.0
    common = tokens_a & tokens_b
    if common and (len(common) == len(tokens_a) or len(common) == len(tokens_b)):
        return 100.0  # one sentence's bigrams are a subset of the other's
    only_a = " ".join([t for t in sorted_a if t not in tokens_b])
    only_b = " ".join([t for t in sorted_b if t not in tokens_a])
    common_len = sum(map(len, common)) + len(common) - 1 if common else 0
    gap = 1 if common_len else 0
    with_a, with_b = common_len + gap + len(only_a), common_len + gap + len(only_b)
    result = _norm(Indel.distance(only_a, only_b), with_a + with_b)
    if not common_len:
        return result
    return max(result, _norm(gap + len(only_a), common_len + with_a), _norm(gap + len(only_b), common_len + with_b))


def strict_score(a: Claim, b: Claim) -> float:
    """Clause context and metric: 集中签约项目#个 against 集中签约项目#个."""
    return _strict(a, b, fuzz.ratio(a.context, b.context))


def _strict(a: Claim, b: Claim, context: float) -> float:
    if a.metric and b.metric:
        return 0.4 * context + 0.6 * fuzz.ratio(a.metric, b.metric)
    return context


def _scores(a: Claim, b: Claim) -> tuple[float, float]:
    """(support, strict): support is lenient, so a paraphrase (人才住房 counted in both, the
    sentence mostly shared) still matches; strict is strict_score(). Each ratio is computed
    once: this runs for every candidate of every figure."""
    context = fuzz.ratio(a.context, b.context)
    strict = _strict(a, b, context)
    best = max(strict, context)
    if len(a.counted) >= 2 and len(b.counted) >= 2:
        best = max(best, fuzz.ratio(a.counted, b.counted) * 0.9)
    return max(best, 0.85 * sentence_similarity(a.plain_sentence, b.plain_sentence)), strict


def comparable(a: Claim, b: Claim) -> bool:
    """Only figures of one dimension can agree or disagree: 亿元 with 万元, never 元 with 美元 or 家 with 名."""
    return unit_group(a.unit) == unit_group(b.unit)


def candidates(draft: Claim, store: ClaimStore, floor: float = 35.0) -> list[Match]:
    """Store claims of the same dimension, best first; brute force over what the index hands us.

    Two in three candidates fall below the floor, so a Match is only built for the rest.
    Whether a candidate is the same fact is identity.py's question, not this one's.
    """
    out = []
    for c in store.near(draft):
        support, strict = _scores(draft, c)
        if support >= floor:
            out.append(Match(c, support, strict))
    out.sort(key=lambda m: (-m.support, -m.strict))
    return out
