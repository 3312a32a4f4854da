"""Ingesting source articles into the store: discover, read, extract, write atomically."""

from __future__ import annotations

import datetime as dt
import os
import time
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..extract import claims as claims_mod
from ..extract.subject import gazetteer
from ..reading.source import SOURCE_SUFFIXES, read_document
from ..record.claim import Claim
from ..store.files import FileStorage
from ..store.folder import Store, content_hash, to_jsonl
from ..store.index.build import prepare
from ..store.protocol import BUILDING_INDEX, Extracted, Storage
from ..workers import usable_cores
from .config import inside

METADATA_FILE = "sources.toml"
# What an ingest is doing, named for its progress display, in order.
READING = "reading sources"  # finding them, and re-reading the ones whose hash may show them unchanged
EXTRACTING = "extracting claims"
WRITING = "writing the store"
PHASES = (READING, EXTRACTING, WRITING, BUILDING_INDEX)


@dataclass(frozen=True, slots=True)
class IngestReport:
    sources: int
    claims: int
    skipped: int
    errors: tuple[str, ...] = ()
    written: tuple[str, ...] = field(default_factory=tuple)
    extracted: int = 0  # claims read from the sources read this run (skipped ones not counted)
    seconds: float = 0.0  # wall time of the whole run, index included
    notes: tuple[str, ...] = ()  # what was skipped and why (symlinks out of the project)

    @property
    def claims_per_second(self) -> float:
        return self.extracted / self.seconds if self.seconds else 0.0


def display_path(path: Path, root: Path) -> str:
    """Paths in the store are relative to the project root, so a clone elsewhere cites the same file.

    A symlink is named by where it sits, not where it points: its target
    may be on another machine's disk, the link is what the project has.
    """
    here = Path(os.path.normpath(path.absolute()))
    for candidate in (here, path.resolve()):
        for base in (root.absolute(), root.resolve(), Path.cwd().absolute()):
            try:
                return candidate.relative_to(base).as_posix()
            except ValueError:
                continue
    return here.as_posix()


def discover(paths: Iterable[Path], root: Path | None = None, notes: list[str] | None = None) -> list[Path]:
    """Source files named or found in the folders named (hidden ones skipped).

    Symlinked folders are followed when they lead inside the project `root`
    (and each real folder read once); one leading elsewhere is skipped, and
    `notes` says so.
    """
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
        if path.is_dir():
            files = _walk(path, (root or path).resolve(), notes if notes is not None else [])
            if not files:
                raise InputError(f"{path}: no .txt or .md sources in this directory")
            found.extend(files)
        else:
            found.append(path)
    return found


def _walk(top: Path, root: Path, notes: list[str]) -> list[Path]:
    files: list[Path] = []
    seen: set[str] = set()
    for folder, dirs, names in os.walk(top, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:  # a link back up the tree, or two links to one folder
            dirs[:] = []
            continue
        seen.add(real)
        keep = []
        for d in sorted(dirs):
            if d.startswith(".") or _saved_page_parts(folder, d, names):
                continue
            link = os.path.join(folder, d)
            if os.path.islink(link) and not inside(Path(link), root):
                notes.append(f"{link}: skipped, a symlink to a folder outside the project ({os.path.realpath(link)})")
                continue
            if os.path.islink(link) and inside(top, Path(link)):
                # Followed, it would take in the folders around the sources: drafts vouching for themselves.
                notes.append(f"{link}: skipped, a symlink back up to a folder that holds these sources")
                continue
            keep.append(d)
        dirs[:] = keep
        files += [Path(folder) / n for n in sorted(names)
                  if not n.startswith(".") and Path(n).suffix.lower() in SOURCE_SUFFIXES and os.path.isfile(os.path.join(folder, n))]
    return sorted(files)


def _saved_page_parts(folder: str, name: str, files: list[str]) -> bool:
    """A browser's "web page, complete" puts its scripts, styles and frames (more .html, none the article) in
    `page_files` (`page.files` in Chinese Windows) beside `page.html`: that folder is the page's, not a source."""
    for tail in ("_files", ".files"):
        stem = name[: -len(tail)] if name.endswith(tail) else ""
        if stem and any(stem + suffix in files for suffix in (".html", ".htm", ".shtml")):
            return True
    return False


def _metadata(path: Path, cache: dict[Path, dict[str, dict[str, str]]]) -> dict[str, str]:
    folder = path.parent
    if folder not in cache:
        meta_file = folder / METADATA_FILE
        table: dict[str, dict[str, str]] = {}
        if meta_file.exists():
            try:
                table = tomllib.loads(meta_file.read_text(encoding="utf-8-sig"))
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
    index: bool = False  # prepare the claims' rows and keys too, for a store that takes them (`PREPARED`)


# The busiest source in the outlets we measured (a newswire's day) holds 1,870 figures. A source
# with ten times that is a dump, not an article: its claims, each carrying its paragraph, would
# take gigabytes to write (a 5 MB line of figures: 165,000 claims, a 0.9 GB claims file).
MAX_FIGURES = 20_000

_Extracted = Extracted  # one source's claims, serialised: a worker sends back one string, not thousands of objects


def _extract(job: _Job) -> _Extracted | str:
    """A source's claims, or the one-line reason it cannot be read."""
    try:
        doc = read_document(job.path, display=job.display, date=job.date, meta=job.meta)
    except InputError as exc:
        return str(exc)
    found: list[Claim] = []
    for claim in claims_mod.claims_in(doc, names=gazetteer(dict(job.bodies))):
        if len(found) == MAX_FIGURES:  # stop before its records (each with its paragraph) outgrow memory
            return f"{job.display}: more than {MAX_FIGURES:,} figures, more than any article holds; split it into articles"
        found.append(claim)
    sha = content_hash(doc.text, doc.published, job.bodies)
    jsonl = to_jsonl(found)
    # The index's rows and keys too, here on every core, not in the parent after the write (~55 keys a claim).
    index = prepare(jsonl) if job.index else b""
    return _Extracted(job.display, sha, jsonl, len(found), doc.published, doc.date_inferred, index)


def _extract_all(jobs: list[_Job], workers: int, tick: Callable[[], None]) -> list[_Extracted | str]:
    """Extract on `workers` processes, biggest sources first so no core idles at the end; results in job order."""
    if workers <= 1:
        out = []
        for job in jobs:
            out.append(_extract(job))
            tick()
        return out
    from ..workers import run_parallel

    order = sorted(range(len(jobs)), key=lambda i: -_size(jobs[i].path))
    results: dict[int, _Extracted | str] = {}

    def done(i: int, result: _Extracted | str) -> None:
        results[order[i]] = result
        tick()

    run_parallel(_extract, [jobs[i] for i in order], workers, done)
    return [results[i] for i in range(len(jobs))]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def ingest(
    paths: list[Path],
    store: Storage | Store,
    root: Path,
    date: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    force: bool = False,
    bodies: tuple[tuple[str, tuple[str, ...]], ...] = (),
    waiting: Callable[[str], None] | None = None,
    phase: Callable[[str], None] | None = None,
) -> IngestReport:
    """Read sources, extract claims, and write changed sources to the store; unchanged ones are skipped.

    `phase` hears each step by name as it starts (PHASES, in order; the
    store may add its own), so a progress display never sits at 100%
    without saying what it is doing.

    Extraction runs unlocked; the store writes each source whole (the folder
    under its lock, `waiting` hearing when another writer has it; the
    database in a transaction), and Ctrl-C cannot cut a write short.

    A source that cannot be read (corrupt, encrypted, undecodable) is reported in `errors` and left
    as the store had it; every other source is written, so one bad file in a folder does not hold
    back the rest, and nothing already in the store is lost.
    """
    started = time.perf_counter()
    say = phase or (lambda name: None)
    say(READING)
    storage = FileStorage(store.root) if isinstance(store, Store) else store
    notes: list[str] = []
    files = discover(paths, root, notes)
    meta_cache: dict[Path, dict[str, dict[str, str]]] = {}
    jobs: list[_Job] = []
    skipped = 0
    seen: set[str] = set()
    for path in files:
        display = display_path(path, root)
        if display in seen:
            continue  # named twice (a folder and a file in it): read once
        seen.add(display)
        jobs.append(_Job(path, display, date, _metadata(path, meta_cache), bodies, getattr(storage, "PREPARED", False)))

    def tick() -> None:
        if progress:
            progress(1, len(jobs))

    errors: list[str] = []
    todo = []
    stored = {} if force else storage.hashes(job.display for job in jobs)
    for job in jobs:
        if job.display in stored:
            # Cheap skip: the hash covers text and date; re-read the text only.
            try:
                doc = read_document(job.path, display=job.display, date=date, meta=job.meta)
            except InputError as exc:
                errors.append(str(exc))
                continue
            if content_hash(doc.text, doc.published, bodies) == stored[job.display]:
                skipped += 1
                tick()
                continue
        todo.append(job)
    workers = workers if workers is not None else (min(usable_cores(), 4) if len(todo) > 20 else 1)
    results = []
    if todo:
        say(EXTRACTING)
    for outcome in _extract_all(todo, workers, tick):
        if isinstance(outcome, str):
            errors.append(outcome)
        else:
            results.append(outcome)
    if errors and not results:  # nothing readable to write: the store is left exactly as it was
        return IngestReport(len(files), 0, skipped, tuple(errors), notes=tuple(notes))
    say(WRITING)
    done = storage.write(results, waiting, phase)
    extracted = sum(r.claims for r in results)
    return IngestReport(
        len(files), done.claims, skipped, tuple(errors), done.sources, extracted, time.perf_counter() - started,
        tuple(notes)
    )


__all__ = ["IngestReport", "discover", "display_path", "ingest"]
