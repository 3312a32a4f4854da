"""The package's tables (the gazetteer, the metric tables, the verdict rules): prose and lists a newsroom can read."""

from __future__ import annotations

from pathlib import Path


def load_data(name: str) -> dict[str, object]:
    """A table from this folder (the gazetteer, the metric tables)."""
    import tomllib  # here, not at the top: 10 ms of imports that `--help` and a store query never need

    return tomllib.loads((Path(__file__).parent / name).read_text(encoding="utf-8"))
