"""What the checker needs of a store of claims, and the plain in-memory store that scans.

Two stores serve the checker today: the SQLite candidate index over claims/
(`index.ClaimIndex`), which hands over the few claims near a figure, and a
`ClaimList` held in memory, which hands over every claim of the figure's
dimension (tests, brute-force baselines, small stores). A database store is
a third `ClaimStore`, with nothing in the checker to change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from .claims import Claim
from .errors import StoreError
from .quantity import unit_group


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
        from .subject import names_from_subjects

        return names_from_subjects({c.subject for c in self.claims if c.subject})

    def fork_point(self) -> Callable[[], None]:
        """Nothing to reopen: a forked process has its own copy of the claims."""
        return lambda: None


def require_claims(store: ClaimStore, where: object) -> None:
    """An empty store supports nothing: every figure would be unsupported, so it is an error naming the fix."""
    if not len(store):
        raise StoreError(f"{where}: the claims store is empty (run `factcheck ingest`)")
