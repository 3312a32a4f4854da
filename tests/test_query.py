"""`factcheck claims QUERY`: an editor's query joins a name and a metric."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from factcheck.cli import main
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


@pytest.mark.parametrize("terminal", [False, True], ids=["a-pipe", "an-80-column-terminal"])
def test_the_claims_table_never_cuts_a_citation(terminal, monkeypatch, capsys):
    """seeds/004_bbd399b75d63cd0b.txt:94 was shown as `seeds/00…`, which cites nothing; the words fold instead."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("NO_COLOR", raising=False)
    if terminal:  # rich takes FORCE_COLOR for a terminal, COLUMNS wide
        monkeypatch.setenv("FORCE_COLOR", "1")
    else:
        monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert main(["claims", "--source", "004", "--format", "jsonl"]) == 0
    cited = {f"{r['source']}:{r['line']}" for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert main(["claims", "--source", "004"]) == 0
    table = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().out)
    shown = set(re.findall(r"seeds/[^\s│]+", table))
    assert shown == cited and len(cited) >= 30  # a table of many rows, each cited in full
    if terminal:
        assert max(cell_len(line) for line in table.splitlines()) <= 80
    else:  # a pipe: one line a claim, for grep
        assert len([line for line in table.splitlines() if "seeds/" in line]) == len(
            [line for line in table.splitlines() if line.startswith("│")]
        )
