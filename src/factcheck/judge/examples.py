"""The verdict rules' examples, run: each rule's example draft checked against a store of its example sources.

The registry (record/rules.py) documents a rule; here its example is judged
as any draft is, so documentation and behaviour cannot drift apart.
"""

from __future__ import annotations

from ..errors import InputError
from ..extract.claims import extract
from ..extract.subject import gazetteer
from ..reading.source import Document
from ..record.finding import Finding
from ..record.rules import Rule
from ..store.protocol import ClaimList
from .draft import check_document


def example_finding(rule: Rule) -> Finding:
    """Check the rule's example draft against a store of its example sources: the finding for its figure."""
    if rule.example is None:
        raise InputError(f"{rule.code} has no example")
    ex, bodies = rule.example, gazetteer()
    store = ClaimList.of(
        claim
        for i, s in enumerate(ex.sources, start=1)
        for claim in extract(Document(f"source{i}.txt", s.text, 0, s.published, False), names=bodies)
    )
    findings = check_document(Document("draft.md", ex.draft, 0, ex.date, False), store, bodies=bodies)
    found = [f for f in findings if f.text == ex.figure]
    if not found:
        raise InputError(f"{rule.code}: the example draft has no figure {ex.figure!r}")
    return found[0]
