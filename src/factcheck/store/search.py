"""Searching the store the way an editor types: 津上精密员工 finds 津上精密机床…员工1900名.

A substring search misses a query that joins a name and a metric; jieba
splits the query into words and a claim matches when it holds every word.
jieba's dictionary costs about a second to load, so it is loaded only here,
only for a query that a plain substring search does not answer, from a
cache file under the user's own cache directory (jieba's default in /tmp
breaks when another user owns that file), with its log silenced.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path

from ..record.claim import Claim

_PUNCT = set("，。、；：！？（）“”‘’《》 \t")
_tokenizer = None


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factcheck"


def _jieba():
    global _tokenizer
    if _tokenizer is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        folder = cache_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tokenizer.tmp_dir = str(folder)
        except OSError:
            pass  # an unwritable home: jieba still works, only slower
        _tokenizer = tokenizer
    return _tokenizer


def words(query: str) -> list[str]:
    """The query's words, without punctuation; single characters are kept only when the query is one."""
    found = [w for w in _jieba().lcut(query) if w.strip() and not set(w) <= _PUNCT]
    longer = [w for w in found if len(w) > 1]
    return longer or found


def _haystack(c: Claim) -> str:
    return " ".join(x for x in (c.text, c.subject or "", c.metric, c.counted, c.sentence) if x)


def search(claims: Iterable[Claim], query: str) -> list[Claim]:
    claims = list(claims)
    direct = [c for c in claims if query in _haystack(c)]
    if direct:
        return direct
    parts = words(query)
    return [c for c in claims if all(w in _haystack(c) for w in parts)]
