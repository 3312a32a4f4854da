"""The library's front door: open a store, check a text, read the records. The CLI is built on these.

    import factcheck
    with factcheck.open_store("claims") as store:
        for finding in factcheck.check_text("平湖技师学院毕业生就业率连续多年稳定在98.2%。", store,
                                            published=datetime.date(2026, 3, 5)):
            print(finding.verdict, finding.text, finding.message)

A finding carries the draft's claim and the evidence claims (source, line,
sentence, paragraph); `factcheck.claim_to_record` gives the JSON record the
claims store and `check --format json` use.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from .extract.subject import Gazetteer
from .judge.draft import check_document
from .reading.source import Document, document_from_bytes
from .record.claim import Claim
from .record.finding import Finding
from .store.protocol import ClaimList, ClaimStore, require_claims


@contextlib.contextmanager
def open_store(path: str | Path = "claims") -> Iterator[ClaimStore]:
    """The claims store at `path`: a claims/ folder, through its candidate index (built or brought up to
    date, rebuilt if damaged), or a postgresql:// URL (needs `pip install 'factcheck[postgresql]'`).

    A sequence of every claim, in store order, that also finds the claims near a figure; closed on exit.
    """
    from .store import is_url, open_storage

    opened = open_storage(path if is_url(path) else Path(path)).open()
    try:
        require_claims(opened, path)
        yield opened
    finally:
        opened.close()


def read_text(
    text: str,
    path: str = "<text>",
    published: dt.date | None = None,
    configured: dt.date | None = None,
    today: dt.date | None = None,
) -> Document:
    """A draft from a string, dated as any draft is: its front matter, else `published`, else the config's
    date (`configured`), else today."""
    return document_from_bytes(text.encode("utf-8"), path, published, None, False, configured, today or dt.date.today())


def check_text(
    text: str,
    store: ClaimStore | list[Claim] | tuple[Claim, ...],
    published: dt.date | None = None,
    path: str = "<text>",
    bodies: Gazetteer | None = None,
) -> list[Finding]:
    """Every figure in `text` with its verdict, in reading order (ignore comments and accept files not applied).

    `store` is an opened store, or any claims (a list of them is wrapped in a store that scans them).
    """
    if isinstance(store, (list, tuple)):
        store = ClaimList.of(store)
    return check_document(read_text(text, path, published), store, bodies=bodies)
