"""A long-lived check: the store kept open between checks and reopened when it changes, judgements remembered.

The editor's server checks a draft at every pause in typing; a keystroke
should cost a check, not a store load. The session keeps the store open
(pausing it while idle), the accept file's fingerprints until the file
changes, and each figure's judgement against the store as it is open.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, StoreError
from ..extract.subject import gazetteer
from ..judge import suppress
from ..judge.draft import Judged
from ..reading.source import Document, document_from_bytes, utf8
from ..record.finding import DirectiveWarning, Finding
from ..store import open_storage
from ..store.protocol import OpenClaims, require_claims
from .check import judge_marked, tolerance_of
from .config import Config

# Seconds between looks at every store file. In between, a check looks only at the store folder and
# its manifest, which every write of factcheck (a rename) and of git changes; a file edited in
# place by hand is seen at the next full look. A full look at a million-claim store (18,000 files)
# is ~65 ms, more than the whole re-check after a keystroke.
FULL_LOOK_EVERY = 2.0


JUDGED_MAX = 50_000  # judgements remembered across edits; a session editing all day starts afresh past this


@dataclass(frozen=True, slots=True)
class Checked:
    """One version of a document and what the check found in it (suppressed findings left out)."""

    version: int | None
    lines: tuple[str, ...]  # split on \n only, as findings count lines
    findings: tuple[Finding, ...]
    warnings: tuple[DirectiveWarning, ...]  # factcheck comments that could not be read
    refused: str | None = None  # why `factcheck check` would refuse this draft (bad front matter, NUL), if it would


class Session:
    """The project's config and store, kept open between checks; the store reopened when its files change."""

    def __init__(
        self,
        cfg: Config,
        store_path: Path | str | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.cfg = cfg
        self.store_dir = cfg.store_dir(store_path)
        self.storage = open_storage(self.store_dir)
        self.bodies = gazetteer(dict(cfg.bodies))
        self.today = today
        self._index: OpenClaims | None = None
        self._seen: Hashable | None = None
        self._glance: Hashable | None = None
        self._looked_at = -FULL_LOOK_EVERY
        self.clock = clock
        self._accepted: tuple[tuple[int, int] | None, frozenset[str]] | None = None
        self.judged: Judged = {}  # each figure's judgement against the store as it is open (judge.draft.judge_document)

    def close(self) -> None:
        self._let_go()
        self.storage.close()

    def _let_go(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None

    def _signature(self) -> Hashable:
        """What changes when the store does: its files' names, sizes and mtimes, or a database's generation."""
        return self.storage.signature()

    def _glimpse(self) -> Hashable:
        """A cheap look between full ones: a folder's mtime and manifest, or a database's generation."""
        return self.storage.glimpse()

    def store(self) -> OpenClaims:
        """The store, reopened (a folder's index so brought up to date) when its claims have changed since."""
        glance, now = self._glimpse(), self.clock()
        kept = self._index
        if kept is not None and glance == self._glance and now - self._looked_at < FULL_LOOK_EVERY and kept.resume():
            return self._kept(kept)
        seen = self._signature()
        self._looked_at = now
        if self._index is None or seen != self._seen or not self._index.resume():
            self._let_go()
            # A file edited in place moves no store-wide glance: what this look saw, the index must see too
            # (a long-lived session can afford a look at every file when it opens the store).
            index = self.storage.open(notice=lambda _: None, full_look=True)
            try:
                require_claims(index, self.store_dir)
            except StoreError:
                index.close()
                raise
            self._index, self._seen = index, seen
            self.judged.clear()  # judged against the store as it was
            # Opening may add the index folder or the lock; a change made meanwhile is in `seen`'s
            # difference from the files, so the next full look finds it.
            glance = self._glimpse()
        self._glance = glance
        return self._kept(self._index)

    def _kept(self, index: OpenClaims) -> OpenClaims:
        if len(self.judged) > JUDGED_MAX:
            self.judged.clear()
        return index

    def accepted(self) -> frozenset[str]:
        """The accept file's fingerprints, read again only when the file changes."""
        path = self.cfg.accept_path
        try:
            st = path.stat()
            stamp: tuple[int, int] | None = (st.st_size, st.st_mtime_ns)
        except FileNotFoundError:
            stamp = None
        if self._accepted is None or self._accepted[0] != stamp:
            self._accepted = (stamp, suppress.load_accepted(path).fingerprints)
        return self._accepted[1]

    def document(self, text: str, path: str) -> Document:
        """Dated as `factcheck check` dates a draft: front matter, else the config's date, else today."""
        return document_from_bytes(utf8(text), path, None, None, False, self.cfg.date, self.today())

    def check(self, text: str, path: str, version: int | None = None) -> Checked:
        """Every flagged figure of a document (ok ones too), with ignore comments and accepted findings left out."""
        lines = tuple(text.split("\n"))
        try:
            doc = self.document(text, path)
        except InputError as exc:  # nothing after the front matter yet is nothing to check; anything else is said
            said = None if "empty file" in str(exc) else str(exc).removeprefix(f"{path}: ")
            return Checked(version, lines, (), (), said)
        found, warnings = self.judged_findings(doc)
        return Checked(version, lines, tuple(f for f in found if not f.suppressed), warnings)

    def findings_of(self, doc: Document) -> list[Finding]:
        """Every figure of a draft with its verdict, those an ignore comment or the accept file silences marked."""
        return self.judged_findings(doc)[0]

    def judged_findings(self, doc: Document) -> tuple[list[Finding], tuple[DirectiveWarning, ...]]:
        directives = suppress.read_all([doc])
        accepted = self.accepted()
        for attempt in (1, 2):
            try:
                store = self.store()
                found = list(judge_marked([doc], store, self.bodies, accepted, directives, judged=self.judged,
                                          tolerance=tolerance_of(self.cfg), root=self.cfg.root))
                store.pause()  # the editor may now sit idle for hours
                return found, directives[doc.path].warnings
            except Exception as exc:  # a damaged index under us: rebuilt from claims/ once, as `with_index` does
                self.close()
                if not self.storage.heal(exc):
                    raise
                if attempt == 2:
                    raise StoreError(f"{self.store_dir}: cannot read the index ({exc})") from None
        raise AssertionError("unreachable")
