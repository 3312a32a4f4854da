"""Benchmark stores of a given size, grown from a store of real claims.

The real news corpus gives about 110,000 claims; beyond that a store is
grown with perturbed copies of them, as a regional archive would hold the
same national figures re-reported: each copy moves its sources under
`synthetic/NNN/`, names another region in the subject and sentence, scales
the figures and shifts the publication date, so copies are near neighbours
that the index must tell apart, not exact duplicates.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from factcheck.store.folder import STORE_VERSION, store_file_name
from factcheck.store.manifest import MANIFEST, ManifestEntry, digest

REGIONS = (
    "江苏", "浙江", "广东", "山东", "河南", "四川", "湖北", "湖南", "福建", "安徽", "河北", "陕西", "江西", "辽宁",
    "云南", "广西", "山西", "贵州", "重庆", "天津", "吉林", "甘肃", "新疆", "海南", "宁夏", "青海", "西藏", "内蒙古",
)


def _scaled(value: object, factor: float) -> object:
    if value is None or isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    scaled = value * factor
    return round(scaled) if isinstance(value, int) and abs(scaled) >= 100 else round(scaled, 4)


def _copy(rec: dict[str, object], k: int) -> dict[str, object]:
    """Copy number k of a real claim: another region, another source, scaled figures, a later date."""
    region = REGIONS[(k - 1) % len(REGIONS)] + ("" if k <= len(REGIONS) else str(k // len(REGIONS)))
    factor = 1 + 0.03 * k
    out = dict(rec)
    out["id"] = hashlib.sha1(f"{k}\0{rec['id']}".encode()).hexdigest()[:16]
    out["source"] = f"synthetic/{k:03d}/{rec['source']}"
    out["subject"] = f"{region}{rec['subject']}" if rec.get("subject") else region
    out["sentence"] = f"{region}{rec['sentence']}"
    out["paragraph"] = f"{region}{rec['paragraph']}"
    for field in ("value", "low", "high"):
        out[field] = _scaled(rec.get(field), factor)
    if rec.get("published"):
        out["published"] = (dt.date.fromisoformat(str(rec["published"])) + dt.timedelta(days=7 * k)).isoformat()
    return out


def _sources(store: Path) -> list[tuple[str, Path]]:
    manifest = json.loads((store / MANIFEST).read_text(encoding="utf-8"))["sources"]
    return [(source, store / entry["file"]) for source, entry in sorted(manifest.items())]


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _batches(real: Path) -> Iterator[tuple[str, list[dict[str, object]]]]:
    """(source, records) of the real store, then of copy 1, copy 2, … without end."""
    sources = [(source, _records(path)) for source, path in _sources(real)]
    k = 0
    while True:
        for source, records in sources:
            if k == 0:
                yield source, records
            else:
                yield f"synthetic/{k:03d}/{source}", [_copy(r, k) for r in records]
        k += 1


def grow(real: Path, target: Path, size: int) -> int:
    """Write a store of exactly `size` claims into `target` (a new directory); returns the number of sources."""
    target.mkdir(parents=True)
    manifest: dict[str, dict[str, object]] = {}
    written = 0
    for source, records in _batches(real):
        records = records[: size - written]
        if not records:
            continue
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        name = store_file_name(source)
        (target / name).write_text(text, encoding="utf-8")
        manifest[source] = ManifestEntry(
            file=name, sha256=hashlib.sha256(text.encode()).hexdigest(), published=records[0].get("published"),
            claims=len(records), claims_sha256=digest(text.encode()),
        ).to_json()
        written += len(records)
        if written >= size:
            break
    body = {"version": STORE_VERSION, "sources": dict(sorted(manifest.items()))}
    text = json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    (target / MANIFEST).write_text(text, encoding="utf-8")
    return len(manifest)


if __name__ == "__main__":  # run.py grows stores in a process of their own, so its own memory stays small
    import sys

    grow(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
