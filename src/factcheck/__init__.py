"""factcheck: check the figures in Chinese news drafts against trusted sources.

The library API (see api.py and the README): `open_store`, `check_text`,
`read_text`, and the records `Claim`, `Finding`, `Report`, `Period`,
`Document`, with `claim_to_record` for the JSON record. Loaded on first use,
so `factcheck --help` does not pay for the matcher.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "open_store": "api", "check_text": "api", "read_text": "api",
    "Claim": "record.claim", "Finding": "record.finding", "Report": "record.finding", "Period": "record.period",
    "Document": "reading.source", "claim_to_record": "record.codec",
}
__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
