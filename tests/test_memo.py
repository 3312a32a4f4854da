"""Caches bounded by the bytes they hold: a long draft against a big store must not fill memory with them."""

from __future__ import annotations

import sys
import tracemalloc
from pathlib import Path

from factcheck.judge import matching
from factcheck.memo import MB, Bounded, memo
from factcheck.store.folder import Store

ROOT = Path(__file__).resolve().parents[1]


def _seed_sentences() -> list[str]:
    return sorted({c.sentence for c in Store(ROOT / "claims").load()})


def test_a_cache_forgets_its_oldest_entries_past_its_budget_in_bytes() -> None:
    paragraphs = sorted({c.paragraph for c in Store(ROOT / "claims").load()}, key=len)
    cache: Bounded[str, str] = Bounded(64 * 1024, lambda key, value: sys.getsizeof(value))
    for i, text in enumerate(paragraphs * 20):
        cache[f"{i}"] = text
        assert cache.used <= 64 * 1024
    assert "0" not in cache and f"{len(paragraphs) * 20 - 1}" in cache  # the oldest went, the newest stayed
    short: Bounded[str, str] = Bounded(64 * 1024, lambda key, value: sys.getsizeof(value))
    for i, text in enumerate(paragraphs[:5] * 200):
        short[f"{i}"] = text
    assert len(short) > len(cache)  # by bytes, not entries: short entries, more of them


def test_a_memo_gives_what_the_function_gives_whatever_it_forgot() -> None:
    calls: list[str] = []

    @memo(1024, lambda args, result: sys.getsizeof(result))
    def masked_length(sentence: str) -> int:
        calls.append(sentence)
        return len(sentence)

    sentences = _seed_sentences()
    for sentence in sentences * 2:
        assert masked_length(sentence) == len(sentence)
    assert len(calls) > len(sentences)  # forgotten entries were computed again, not wrong
    assert masked_length.cache.used <= 1024  # type: ignore[attr-defined]


def test_the_sentence_token_cache_holds_its_budget_not_sixty_thousand_sentences() -> None:
    """A 2 MB draft against 100,000 claims held ~250 MB in this one cache: 37,300 sentences at ~6.7 KB each."""
    matching._sentence_tokens.cache_clear()  # type: ignore[attr-defined]
    sentences = _seed_sentences()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for k in range(40_000 // len(sentences) + 1):
            for sentence in sentences:
                matching._sentence_tokens(f"{sentence}（{k}）")  # as many distinct sentences as a long draft meets
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
        matching._sentence_tokens.cache_clear()  # type: ignore[attr-defined]
    assert held < 48 * MB, f"{held / MB:.0f} MB"


def test_scores_are_the_same_with_every_token_forgotten_at_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    sentences = _seed_sentences()[:60]
    expected = {(a, b): matching.sentence_similarity(a, b) for a in sentences for b in sentences}
    for cached in (matching._sentence_tokens, matching.sentence_similarity, matching._pairs):
        monkeypatch.setattr(cached.cache, "max_bytes", 1)  # type: ignore[attr-defined]
        cached.cache_clear()  # type: ignore[attr-defined]
    assert {(a, b): matching.sentence_similarity(a, b) for a in sentences for b in sentences} == expected
