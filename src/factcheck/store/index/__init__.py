"""The candidate index: which stored claims are worth scoring against a figure.

Scoring every stored claim with rapidfuzz is fine for five seed articles and
hopeless for a million-claim archive. `claims/.index/` keeps an inverted
index from (unit group, character bigram) to claims, over each claim's
metric, clause, counted noun, subject, period, value and sentence. A check
reads a bounded number of postings, rarest keys first, and hands only the
twenty best-overlapping claims to rapidfuzz, so its cost does not grow
with the store. A store of a few thousand claims is simply scored whole.

The index is derived data, like a compiled file: it is rebuilt from the
store files whenever one of them changes (size, mtime, and a content hash
when the mtime is too recent to trust), is never committed, and can be
deleted at any time.

The package, by concern: `keys` (what a claim is indexed under), `schema`
(tables and the claim row), `freshness` (has the store changed?), `build`
(from scratch, in parallel, or in place), `query` (`ClaimIndex`) and
`opening` (bring it up to date, heal a damaged one).
"""

from __future__ import annotations

from .build import DEBRIS_AGE, MAX_PARTS, PARALLEL_BYTES, PART_IDS
from .freshness import RACY_NS, Changes, FileState, detect_changes
from .keys import CLAUSE_WEIGHT, claim_keys
from .opening import (
    COMPACT_RATIO,
    INDEX_DIR,
    INDEX_FILE,
    damaged,
    discard,
    index_path,
    open_index,
    verified,
    with_index,
)
from .query import GATHER, NAMES_MAX, POSTINGS_BUDGET, SCAN_BELOW, TOP_K, ClaimIndex
from .schema import INDEX_VERSION

__all__ = [
    "CLAUSE_WEIGHT",
    "COMPACT_RATIO",
    "DEBRIS_AGE",
    "GATHER",
    "INDEX_DIR",
    "INDEX_FILE",
    "INDEX_VERSION",
    "MAX_PARTS",
    "NAMES_MAX",
    "PARALLEL_BYTES",
    "PART_IDS",
    "POSTINGS_BUDGET",
    "RACY_NS",
    "SCAN_BELOW",
    "TOP_K",
    "Changes",
    "ClaimIndex",
    "FileState",
    "claim_keys",
    "damaged",
    "detect_changes",
    "discard",
    "index_path",
    "open_index",
    "verified",
    "with_index",
]
