"""factcheck: check the figures in Chinese news drafts against trusted sources.

The library is `factcheck.api` (see the README): a `Checker` for a project,
`open_store`, `check_text` and `read_text` without one, and the records
`Claim`, `Finding`, `Report`, `Period`, `Document`, with `claim_to_record`
for the JSON record. Loaded on first use, so `factcheck --help` does not pay
for the matcher.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_EXPORTS = ("Checker", "open_store", "check_text", "read_text", "Claim", "Finding", "Report", "Period", "Document",
            "claim_to_record")
__all__ = [*_EXPORTS, "__version__"]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    from . import api

    return getattr(api, name)
