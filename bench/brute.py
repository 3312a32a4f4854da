"""The brute-force baseline: `factcheck check` as it was before the index.

    .venv/bin/python bench/brute.py check DRAFT --store STORE [--format json]

The same command line, the same verdict rules and the same start-up; only
the store is opened the old way, Store.load() parsing every store file, so
that matching scores every comparable claim with rapidfuzz.
"""

from __future__ import annotations

import sys
from pathlib import Path

from factcheck import cli, gate
from factcheck.errors import StoreError
from factcheck.store import Store


def load_whole_store(path: Path) -> list:
    claims = Store(path).load()
    if not claims:
        raise StoreError(f"{path}: the claims store is empty (run `factcheck ingest`)")
    return claims


if __name__ == "__main__":
    gate.load_store = load_whole_store
    raise SystemExit(cli.main(sys.argv[1:]))
