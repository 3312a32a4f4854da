"""Index keys: (unit group, text fragment) pairs that say what a claim is about, weighted by how much."""

from __future__ import annotations

import sys

from ...extract.metric import metric_key
from ...extract.quantity import unit_group
from ...memo import MB, args_bytes, memo
from ...record.claim import Claim, mask_numbers

CLAUSE_WEIGHT = 2.0  # a key from the figure's own clause counts more than one from elsewhere in its sentence
# The measure as identity compares it (经济总量 = 国内生产总值总量 = 生产总值): a wrong or newer figure must reach
# the source it contradicts or replaces however each is worded, among thirty years of one measure's figures.
MEASURE_WEIGHT = 2 * CLAUSE_WEIGHT

_SEP = "\x1f"  # between the unit group and the gram in a key
# Marks for whole-field keys, so they never collide with a gram.
_SUBJECT, _VALUE, _PERIOD, _MEASURE = "\x1e", "\x1d", "\x1c", "\x1b"


MEASURE_MIN = 3  # a measure this short (增长, 产值) is shared by too many figures to find the newest of one fact


def is_measure_key(key: str) -> bool:
    """A key of the measure as identity compares it (see claim_keys), long enough to name one."""
    at = key.find(_MEASURE)
    return at >= 0 and len(key) - at - 1 >= MEASURE_MIN


def _grams(text: str) -> set[str]:
    if len(text) < 2:
        return {text} if text else set()
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _keys_bytes(args: tuple[str, ...], keys: tuple[str, ...]) -> int:
    return args_bytes(args) + sys.getsizeof(keys) + sum(map(sys.getsizeof, keys))


@memo(8 * MB, _keys_bytes)
def _sentence_keys(group: str, sentence: str) -> tuple[str, ...]:
    """Figures in one sentence share its bigrams: computed once per sentence, not once per figure.

    Read in simplified script, as the rules read it: a traditional source's
    sentence meets a simplified draft's paraphrase.
    """
    from ...reading.script import plain

    return tuple(group + g for g in _grams(mask_numbers(plain(sentence))))


def claim_keys(claim: Claim, same_metric: bool = False) -> dict[str, float]:
    """Index keys of a claim and how much each says about it.

    Keys carry the unit group, so only figures that can agree or disagree
    meet. The clause, metric and counted noun say what is measured; single
    characters of a short metric catch 成员 against 员工; the subject, the
    period and the exact value pull up the source that states this very
    figure; the sentence's bigrams (numbers masked) catch a paraphrase that
    moved the words around. `same_metric` keeps only what strict matching
    (clause and metric) looks at: the keys for finding a newer figure.
    """
    group = unit_group(claim.unit) + _SEP
    clause = _grams(claim.metric) | _grams(claim.context) | _grams(claim.counted)
    clause |= set(claim.metric) | set(claim.counted)
    if claim.subject:
        clause.add(_SUBJECT + claim.subject)
    measure = metric_key(claim.metric)
    if same_metric:
        keys = {group + g: CLAUSE_WEIGHT for g in clause}
    else:
        clause.add(_VALUE + str(claim.value.normalize()))
        if claim.period:
            clause.add(f"{_PERIOD}{claim.period.start}/{claim.period.end}")
        keys = dict.fromkeys(_sentence_keys(group, claim.sentence), 1.0)
        keys.update((group + g, CLAUSE_WEIGHT) for g in clause)
    if measure:
        keys[group + _MEASURE + measure] = MEASURE_WEIGHT
    return keys

