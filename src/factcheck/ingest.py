"""Ingesting source articles into the store: discover, read, extract, write atomically."""

from __future__ import annotations

import datetime as dt
import os
import time
import tomllib
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from . import claims as claims_mod
from .errors import InputError
from .source import SOURCE_SUFFIXES, read_document
from .store import Store, content_hash, store_file_name, to_jsonl
from .subject import gazetteer

METADATA_FILE = "sources.toml"


@dataclass(frozen=True, slots=True)
class IngestReport:
    sources: int
    claims: int
    skipped: int
    errors: tuple[str, ...] = ()
    written: tuple[str, ...] = field(default_factory=tuple)
    extracted: int = 0  # claims read from the sources read this run (skipped ones not counted)
    seconds: float = 0.0  # wall time of the whole run, index included

    @property
    def claims_per_second(self) -> float:
        return self.extracted / self.seconds if self.seconds else 0.0


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
    bodies: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class _Extracted:
    """One source's claims, already serialised: a worker sends back one string, not thousands of objects."""

    display: str
    sha256: str
    jsonl: str
    claims: int
    published: dt.date | None
    date_inferred: bool


def _extract(job: _Job) -> _Extracted | str:
    """A source's claims, or the one-line reason it cannot be read."""
    try:
        doc = read_document(job.path, display=job.display, date=job.date, meta=job.meta)
    except InputError as exc:
        return str(exc)
    found = claims_mod.extract(doc, names=gazetteer(dict(job.bodies)))
    sha = content_hash(doc.text, doc.published, job.bodies)
    return _Extracted(job.display, sha, to_jsonl(found), len(found), doc.published, doc.date_inferred)


def _extract_all(jobs: list[_Job], workers: int, tick: Callable[[], None]) -> list[_Extracted | str]:
    """Extract on `workers` processes, biggest sources first so no core idles at the end; results in job order."""
    if workers <= 1:
        out = []
        for job in jobs:
            out.append(_extract(job))
            tick()
        return out
    order = sorted(range(len(jobs)), key=lambda i: -_size(jobs[i].path))
    results: dict[int, _Extracted | str] = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(_extract, jobs[i]): i for i in order}
        for fut in as_completed(futures):
            results[futures[fut]] = fut.result()
            tick()
    return [results[i] for i in range(len(jobs))]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def ingest(
    paths: list[Path],
    store: Store,
    root: Path,
    date: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    force: bool = False,
    bodies: tuple[tuple[str, tuple[str, ...]], ...] = (),
) -> IngestReport:
    """Read sources, extract claims, and write changed sources to the store; unchanged ones are skipped.

    Nothing is written unless every source reads cleanly, so a bad file never
    leaves the store half-updated. The candidate index is brought up to date
    afterwards, so the first check after an ingest is as fast as any other.
    """
    started = time.perf_counter()
    files = discover(paths)
    manifest = store.manifest()
    meta_cache: dict[Path, dict[str, dict[str, str]]] = {}
    jobs: list[_Job] = []
    skipped = 0
    for path in files:
        meta = _metadata(path, meta_cache)
        display = display_path(path, root)
        jobs.append(_Job(path, display, date, meta, bodies))

    def tick() -> None:
        if progress:
            progress(1, len(jobs))

    errors: list[str] = []
    todo = []
    for job in jobs:
        entry = manifest.get(job.display)
        if entry and not force and (store.root / str(entry.get("file", ""))).exists():
            # Cheap skip: the hash covers text and date; re-read the text only.
            try:
                doc = read_document(job.path, display=job.display, date=date, meta=job.meta)
            except InputError as exc:
                errors.append(str(exc))
                continue
            if content_hash(doc.text, doc.published, bodies) == entry.get("sha256"):
                skipped += 1
                tick()
                continue
        todo.append(job)
    workers = workers if workers is not None else (min(os.cpu_count() or 1, 4) if len(todo) > 20 else 1)
    results = []
    for outcome in _extract_all(todo, workers, tick):
        if isinstance(outcome, str):
            errors.append(outcome)
        else:
            results.append(outcome)
    if errors:
        return IngestReport(len(files), 0, skipped, tuple(errors))
    written = []
    for result in results:
        manifest[result.display] = {
            "file": store.write_jsonl(result.display, result.jsonl),
            "sha256": result.sha256,
            "published": result.published.isoformat() if result.published else None,
            "date_inferred": result.date_inferred,
            "claims": result.claims,
        }
        written.append(result.display)
    if results or not store.manifest_path.exists():
        store.write_manifest(manifest)
    _refresh_index(store)
    claims_total = sum(int(str(e.get("claims", 0))) for e in manifest.values())
    extracted = sum(r.claims for r in results)
    return IngestReport(
        len(files), claims_total, skipped, (), tuple(written), extracted, time.perf_counter() - started
    )


def _refresh_index(store: Store) -> None:
    from .index import open_index  # sqlite3 and the index only for the commands that need them

    open_index(store).close()


__all__ = ["IngestReport", "discover", "ingest", "display_path", "store_file_name"]
