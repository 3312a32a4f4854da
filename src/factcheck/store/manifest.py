"""The manifest entry: what the store records of one source, written and read here and nowhere else.

The claims/ folder keeps one entry a source in `manifest.json`; the
database keeps one row a source in `sources`. Both are this record.

An entry names a file inside the store, nothing else: a manifest that says
`"file": "../../victim.txt"` is corrupt, never followed, so no command reads
or deletes a file outside the store because a manifest said so. The claims
file's own hash is kept too, so a file changed behind the manifest's back (a
writer killed between renaming files and writing the manifest, a file cut
short) is seen, and its source read again, instead of being trusted.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field

MANIFEST = "manifest.json"
CLAIMS_SUFFIX = ".jsonl"


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    """One source as the store holds it."""

    file: str  # its claims file, a plain name inside the store
    sha256: str = ""  # the source's content hash (content_hash); empty: taken back by repair, to be read again
    published: str | None = None  # YYYY-MM-DD
    date_inferred: bool = False
    claims: int = 0  # how many claims its file holds
    # sha256 of the claims file's bytes; empty in entries written before it was kept. The database
    # writes a source's rows in one transaction and keeps no claims file, so it has no column for it.
    claims_sha256: str = field(default="", metadata={"database": False})

    def to_json(self) -> dict[str, object]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: object) -> ManifestEntry:
        """An entry from manifest.json; anything but an object naming a claims file in the store is a ValueError."""
        if not isinstance(data, dict) or not isinstance(data.get("file"), str):
            raise ValueError("an entry names no store file")
        file = data["file"]
        if not plain_claims_file(file):
            raise ValueError(f"an entry names {file!r}, not a claims file in the store")
        published = data.get("published")
        claims = data.get("claims", 0)
        return cls(
            file=file,
            sha256=str(data.get("sha256") or ""),
            published=None if published is None else str(published),
            date_inferred=bool(data.get("date_inferred")),
            claims=claims if isinstance(claims, int) and not isinstance(claims, bool) and claims >= 0 else 0,
            claims_sha256=str(data.get("claims_sha256") or ""),
        )

    def holds(self, data: bytes) -> bool:
        """Whether these are the bytes this entry was written with: by hash, or for an older entry by count."""
        if self.claims_sha256:
            return hashlib.sha256(data).hexdigest() == self.claims_sha256
        return sum(1 for line in data.splitlines() if line.strip()) == self.claims


def plain_claims_file(name: str) -> bool:
    """A name a claims file may have: one component inside the store, not hidden, ending in .jsonl."""
    return (
        bool(name)
        and name.endswith(CLAIMS_SUFFIX)
        and not name.startswith(".")
        and not any(c in name for c in "/\\\0")
    )


def plain_source_name(name: str) -> bool:
    """A name a source may have in a store: a path inside the project, relative, with no `..` and no NUL."""
    parts = name.replace("\\", "/").split("/")
    drive = len(parts[0]) == 2 and parts[0][1] == ":"  # C:/…, C:\…
    return bool(name) and not name.startswith("/") and not drive and "\0" not in name and ".." not in parts


def digest(data: bytes) -> str:
    """The claims_sha256 of a claims file's bytes."""
    return hashlib.sha256(data).hexdigest()


# The database's `sources` columns, in this order.
COLUMNS = tuple(f.name for f in dataclasses.fields(ManifestEntry) if f.metadata.get("database", True))
