"""Ingesting source articles into the store: discover, read, extract, write atomically."""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import claims as claims_mod
from .errors import InputError
from .source import SOURCE_SUFFIXES, read_document
from .store import Store, content_hash, store_file_name

METADATA_FILE = "sources.toml"


@dataclass(frozen=True, slots=True)
class IngestReport:
    sources: int
    claims: int
    skipped: int
    errors: tuple[str, ...] = ()
    written: tuple[str, ...] = field(default_factory=tuple)


def display_path(path: Path, root: Path) -> str:
    """Paths in the store are relative to the project root, so a clone elsewhere cites the same file."""
    resolved = path.resolve()
    for base in (root.resolve(), Path.cwd().resolve()):
        try:
            return resolved.relative_to(base).as_posix()
        except ValueError:
            continue
    return resolved.as_posix()


def discover(paths: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES)
            files = [p for p in files if not any(part.startswith(".") for part in p.relative_to(path).parts)]
            if not files:
                raise InputError(f"{path}: no .txt or .md sources in this directory")
            found.extend(files)
        else:
            found.append(path)
    return found


def _metadata(path: Path, cache: dict[Path, dict[str, dict[str, str]]]) -> dict[str, str]:
    folder = path.parent
    if folder not in cache:
        meta_file = folder / METADATA_FILE
        table: dict[str, dict[str, str]] = {}
        if meta_file.exists():
            try:
                table = tomllib.loads(meta_file.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise InputError(f"{meta_file}: not valid TOML ({exc})") from None
        cache[folder] = table
    return {k: str(v) for k, v in cache[folder].get(path.name, {}).items()}


@dataclass(frozen=True, slots=True)
class _Job:
    path: Path
    display: str
    date: dt.date | None
    meta: dict[str, str]


def _extract(job: _Job) -> tuple[str, str, list[claims_mod.Claim], dt.date | None, bool]:
    doc = read_document(job.path, display=job.display, date=job.date, meta=job.meta)
    return job.display, content_hash(doc.text, doc.published), claims_mod.extract(doc), doc.published, doc.date_inferred


def ingest(
    paths: list[Path],
    store: Store,
    root: Path,
    date: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    force: bool = False,
) -> IngestReport:
    """Read sources, extract claims, and write changed sources to the store; unchanged ones are skipped.

    Nothing is written unless every source reads cleanly, so a bad file never
    leaves the store half-updated.
    """
    files = discover(paths)
    manifest = store.manifest()
    meta_cache: dict[Path, dict[str, dict[str, str]]] = {}
    jobs: list[_Job] = []
    skipped = 0
    for path in files:
        meta = _metadata(path, meta_cache)
        display = display_path(path, root)
        jobs.append(_Job(path, display, date, meta))
    results: list[tuple[str, str, list[claims_mod.Claim], dt.date | None, bool]] = []
    errors: list[str] = []
    todo = []
    for job in jobs:
        entry = manifest.get(job.display)
        if entry and not date and not force and (store.root / str(entry.get("file", ""))).exists():
            # Cheap skip: the hash covers text and date; re-read the text only.
            try:
                doc = read_document(job.path, display=job.display, date=None, meta=job.meta)
            except InputError as exc:
                errors.append(str(exc))
                continue
            if content_hash(doc.text, doc.published) == entry.get("sha256"):
                skipped += 1
                if progress:
                    progress(1, len(jobs))
                continue
        todo.append(job)
    workers = workers if workers is not None else (min(os.cpu_count() or 1, 4) if len(todo) > 20 else 1)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(_extract, job) for job in todo]
            for fut in futures:
                try:
                    results.append(fut.result())
                except InputError as exc:
                    errors.append(str(exc))
                if progress:
                    progress(1, len(jobs))
    else:
        for job in todo:
            try:
                results.append(_extract(job))
            except InputError as exc:
                errors.append(str(exc))
            if progress:
                progress(1, len(jobs))
    if errors:
        return IngestReport(len(files), 0, skipped, tuple(errors))
    written = []
    total = 0
    for display, sha, found, published, inferred in results:
        name = store.write_source(display, found)
        manifest[display] = {
            "file": name,
            "sha256": sha,
            "published": published.isoformat() if published else None,
            "date_inferred": inferred,
            "claims": len(found),
        }
        written.append(display)
        total += len(found)
    if results or not store.manifest_path.exists():
        store.write_manifest(manifest)
    claims_total = sum(int(str(e.get("claims", 0))) for e in manifest.values())
    return IngestReport(len(files), claims_total, skipped, (), tuple(written))


__all__ = ["IngestReport", "discover", "ingest", "display_path", "store_file_name"]
