"""What the checker and ingest need of a store, and the records that cross into one.

Two stores serve the checker: the SQLite candidate index over claims/
(`index.ClaimIndex`), which hands over the few claims near a figure, and a
`ClaimList` held in memory, which hands over every claim of the figure's
dimension (tests, brute-force baselines, small stores). The database store
(postgres.py) is a third `ClaimStore`, with nothing in the checker to change.
`Storage` is what keeps the claims: a claims/ folder or a database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar
from urllib.parse import parse_qs, urlsplit, urlunsplit

from ..errors import StoreError
from ..extract.quantity import unit_group
from ..i18n import _
from ..record.claim import Claim
from .manifest import ManifestEntry

T = TypeVar("T")
BUILDING_INDEX = "building the index"  # the folder store's last step of an ingest, after its writes


class ClaimStore(Protocol):
    """A store the checker can judge figures against."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[Claim]: ...

    def near(self, claim: Claim, same_metric: bool = False) -> Sequence[Claim]:
        """The stored claims worth scoring against `claim`, in store order: only those of its dimension
        (unit group), since only they can agree or disagree. `same_metric` asks only for claims that may
        share its clause and metric (what supersession needs), so a store may look at fewer."""
        ...

    def subject_names(self) -> dict[str, str]:
        """Short and full names of the bodies the store knows: 津上精密 in a draft is 津上精密机床（浙江）有限公司."""
        ...


@dataclass(frozen=True, slots=True)
class ClaimList:
    """Claims in memory, scored whole: every claim of a figure's dimension is a candidate."""

    claims: tuple[Claim, ...]
    _groups: dict[str, list[Claim]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, claims: Iterable[Claim]) -> ClaimList:
        return cls(tuple(claims))

    def __len__(self) -> int:
        return len(self.claims)

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims)

    def near(self, claim: Claim, same_metric: bool = False) -> Sequence[Claim]:
        group = unit_group(claim.unit)
        found = self._groups.get(group)
        if found is None:
            found = self._groups[group] = [c for c in self.claims if unit_group(c.unit) == group]
        return found

    def subject_names(self) -> dict[str, str]:
        from ..extract.subject import names_from_subjects

        return names_from_subjects({c.subject for c in self.claims if c.subject})

    def fork_point(self) -> Callable[[], None]:
        """Nothing to reopen: a forked process has its own copy of the claims."""
        return lambda: None


def require_claims(store: ClaimStore, where: object) -> None:
    """An empty store supports nothing: every figure would be unsupported, so it is an error naming the fix."""
    if not len(store):
        raise StoreError(_("{store}: the claims store is empty (run `factcheck ingest`)").format(store=where))


URL_SCHEMES = ("postgresql://", "postgres://")


Where = Path | str  # a claims/ folder, or a PostgreSQL URL


def is_url(where: object) -> bool:
    return isinstance(where, str) and where.startswith(URL_SCHEMES)


def redacted(url: str) -> str:
    """The URL as messages show it: never its password, in the user part or the query (?password=)."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        user, _, where = netloc.rpartition("@")
        netloc = f"{user.split(':', 1)[0]}@{where}" if ":" in user else netloc  # not .port: 'h:abc' is no port
    query = "&".join(
        f"{key}=***" if key.lower() == "password" else f"{key}={value}" if sep else key
        for key, sep, value in (item.partition("=") for item in parts.query.split("&") if item)
    ) if "password" in parts.query.lower() else parts.query
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def has_password(url: str) -> bool:
    parts = urlsplit(url)
    return parts.password is not None or "password" in parse_qs(parts.query)


@dataclass(frozen=True, slots=True)
class Extracted:
    """One source's claims as ingest hands them to a store, serialised: a worker sends back one string."""

    display: str
    sha256: str
    jsonl: str
    claims: int
    published: dt.date | None
    date_inferred: bool
    # What the folder index needs of these claims, made by the worker (index.build.prepare): the parent
    # writes it without parsing the JSON Lines again or computing ~55 keys a claim on one core. Empty:
    # the index reads the file, as for any other change.
    index: bytes = b""


@dataclass(frozen=True, slots=True)
class Written:
    """What an ingest's write did: the sources it wrote, and the claims the store holds afterwards."""

    sources: tuple[str, ...]
    claims: int


@dataclass(frozen=True, slots=True)
class StoredSource:
    """One source as a store holds it, manifest entry and claims: what export and import carry across."""

    source: str
    entry: ManifestEntry
    claims: tuple[Claim, ...]


class OpenClaims(ClaimStore, Protocol):
    """A store opened for checking, until closed."""

    def close(self) -> None: ...

    def pause(self) -> None:
        """Between checks of a long-lived reader (the editor's server): let go of what must not be held
        while idle, such as a database snapshot, which would keep the server from vacuuming."""
        ...

    def resume(self) -> bool:
        """Before the next check: False when the store has changed since it was opened (then reopen it)."""
        ...


class Storage(Protocol):
    """A claims store, whatever keeps it. `str()` names it for messages (a URL without its password)."""

    def open(self, notice: Callable[[str], None] | None = None, full_look: bool = False) -> OpenClaims:
        """Opened for reading, claims or not (see `reading` for the usual way). `full_look`: the caller
        saw the store change (its `signature` moved), so derived data is checked against all of it."""
        ...

    def reading(self, work: Callable[[ClaimStore], T], notice: Callable[[str], None] | None = None) -> T:
        """Run `work` on the store, which must hold claims; a damaged derived index is healed on the way."""
        ...

    def heal(self, exc: BaseException) -> bool:
        """After `exc` broke a read: True when derived data was discarded and a second try may work."""
        ...

    def signature(self) -> Hashable:
        """Changes whenever the store's claims change: an editor's session reopens the store then."""
        ...

    def glimpse(self) -> Hashable:
        """A cheaper look that changes with every write of factcheck (the editor's look between full ones)."""
        ...

    def hashes(self, sources: Iterable[str]) -> dict[str, str]:
        """The content hash of each of these sources whose claims the store holds whole (ingest skips them)."""
        ...

    def write(
        self,
        results: list[Extracted],
        waiting: Callable[[str], None] | None = None,
        phase: Callable[[str], None] | None = None,
    ) -> Written:
        """Put each source's claims in place of its old ones; a source is never half written.

        `phase` hears the name of each further step that takes time (the folder's "building the index").
        """
        ...

    def repair(self, root: Path, waiting: Callable[[str], None] | None = None) -> Repair:
        """Make the store consistent with what it holds (`ingest --repair`)."""
        ...

    def init(self) -> str:
        """Create the store, or bring its schema up to this version; says what it did."""
        ...

    def dump(self) -> Iterator[StoredSource]:
        """Every source, in store order (export)."""
        ...

    def load(self, sources: Iterable[StoredSource]) -> int:
        """Put these sources in, replacing any of the same name (import); returns how many."""
        ...

    def close(self) -> None:
        """Let go of what `signature` keeps open."""
        ...


@dataclass(frozen=True, slots=True)
class Repair:
    """What `ingest --repair` found and did, and which sources must be read again."""

    notes: tuple[str, ...]
    reread: tuple[str, ...]  # sources (project-relative) whose claims are missing or unverified
