"""`factcheck claims QUERY`: an editor's query joins a name and a metric."""

from __future__ import annotations

from pathlib import Path

from factcheck.store.folder import Store
from factcheck.store.search import cache_dir, search, words

ROOT = Path(__file__).resolve().parents[1]


def test_a_query_that_is_a_substring_finds_its_claims_without_segmentation():
    found = search(Store(ROOT / "claims").load(), "98亿元")
    assert "98亿元" in {c.text for c in found}
    assert all("98亿元" in c.sentence for c in found)  # the figure and its neighbours in that sentence


def test_a_query_joining_a_company_and_a_metric_finds_both_headcounts():
    found = search(Store(ROOT / "claims").load(), "津上精密员工")
    texts = {c.text for c in found}
    assert {"1900名", "2000余名"} <= texts
    assert all("员工" in c.sentence for c in found)


def test_query_words_drop_punctuation():
    assert words("津上精密，员工") == ["津上", "精密", "员工"]


def test_jieba_caches_its_dictionary_under_the_users_cache_not_tmp(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "factcheck"
