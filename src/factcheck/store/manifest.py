"""The manifest entry: what the store records of one source, written and read here and nowhere else.

The claims/ folder keeps one entry a source in `manifest.json`; the
database keeps one row a source in `sources`. Both are this record.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

MANIFEST = "manifest.json"


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    """One source as the store holds it."""

    file: str  # its claims file, a plain name inside the store
    sha256: str = ""  # the source's content hash (content_hash); empty: taken back by repair, to be read again
    published: str | None = None  # YYYY-MM-DD
    date_inferred: bool = False
    claims: int = 0  # how many claims its file holds

    def to_json(self) -> dict[str, object]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: object) -> ManifestEntry:
        """An entry from manifest.json; anything but an object naming a store file is a ValueError."""
        if not isinstance(data, dict) or not isinstance(data.get("file"), str):
            raise ValueError("an entry names no store file")
        published = data.get("published")
        claims = data.get("claims", 0)
        return cls(
            file=data["file"],
            sha256=str(data.get("sha256") or ""),
            published=None if published is None else str(published),
            date_inferred=bool(data.get("date_inferred")),
            claims=claims if isinstance(claims, int) and not isinstance(claims, bool) else 0,
        )


COLUMNS = tuple(f.name for f in dataclasses.fields(ManifestEntry))  # the database's `sources` columns, in this order
