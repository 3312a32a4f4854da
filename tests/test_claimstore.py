"""The checker needs a ClaimStore, not a list: the index and a plain list serve it alike, through one interface."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

from factcheck.extract.quantity import unit_group
from factcheck.judge.draft import check_document, read_draft
from factcheck.record.claim import Claim
from factcheck.store.folder import Store
from factcheck.store.index import open_index
from factcheck.store.protocol import ClaimList, ClaimStore

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "draft_pinghu_review.md"


class CountingStore:
    """A third store, as a database store would be: only the interface, nothing the checker could probe for."""

    def __init__(self, claims: ClaimList) -> None:
        self.claims, self.asked = claims, 0

    def __len__(self) -> int:
        return len(self.claims)

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims)

    def near(self, claim: Claim, same_metric: bool = False) -> Sequence[Claim]:
        self.asked += 1
        return self.claims.near(claim, same_metric)

    def subject_names(self) -> dict[str, str]:
        return self.claims.subject_names()


def test_a_claim_list_hands_over_every_claim_of_the_figures_dimension_in_store_order() -> None:
    claims = Store(ROOT / "claims").load()
    store = ClaimList.of(claims)
    for claim in claims[::25]:
        assert list(store.near(claim)) == [c for c in claims if unit_group(c.unit) == unit_group(claim.unit)]
    assert len(store) == len(claims) and list(store) == claims


def test_the_index_and_a_list_are_the_same_store_to_the_checker(tmp_path: Path) -> None:
    root = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", root, ignore=shutil.ignore_patterns(".index", ".lock"))
    index = open_index(Store(root))
    whole = ClaimList.of(Store(root).load())
    stores: list[ClaimStore] = [index, whole]
    assert index.subject_names() == whole.subject_names()
    draft = read_draft(EXAMPLE, "draft.md", None)
    assert check_document(draft, stores[0]) == check_document(draft, stores[1])
    index.close()


def test_the_checker_asks_the_store_through_its_interface() -> None:
    store = CountingStore(ClaimList.of(Store(ROOT / "claims").load()))
    findings = check_document(read_draft(EXAMPLE, "draft.md", None), store)
    assert findings and store.asked >= len(findings)
