"""The brute-force baseline: `factcheck check` as it was before the index.

    .venv/bin/python bench/brute.py check DRAFT --store STORE [--format json]

The same command line, the same verdict rules and the same start-up; only
the store is opened the old way, Store.load() parsing every store file, so
that matching scores every comparable claim with rapidfuzz.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from factcheck import cli
from factcheck.app import check as gate
from factcheck.errors import StoreError
from factcheck.store.folder import Store
from factcheck.store.protocol import ClaimList, ClaimStore

T = TypeVar("T")


def using_whole_store(path: Path, work: Callable[[ClaimStore], T]) -> T:
    """The store as a ClaimList: every claim parsed, every comparable one scored."""
    claims = Store(path).load()
    if not claims:
        raise StoreError(f"{path}: the claims store is empty (run `factcheck ingest`)")
    return work(ClaimList.of(claims))


if __name__ == "__main__":
    gate.using_store = using_whole_store  # type: ignore[assignment]
    raise SystemExit(cli.main(sys.argv[1:]))
