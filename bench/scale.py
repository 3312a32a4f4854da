"""Issue #29's measures: a check of one real day against 100k to 10M claims, ingest on 1, 2 and all cores.

    .venv/bin/python bench/scale.py [--sizes 100000,1000000,3000000,10000000] [--runs 7] [--src OLD_SRC]
                                    [--postgres URL] [--ingest-cores 1,2] [--workdir DIR] [--draft DAY.md]
                                    [--drafts 0.25,2 [--drafts-store 1000000] [--draft-runs 3]]

Stores are grown from a store of the real 新闻联播 claims (ingested once into
WORKDIR/corpus) by bench/stores.py, a generator that writes the JSON Lines
files and the manifest directly (~70 claims a file, as the news gives); the
folder index is then built by factcheck, timed. With --postgres each store is
also imported into a schema of its own (`factcheck store import`; only the
--postgres-sizes, if given: an import holds its postings in memory, ~4 GB at
1M claims). Stores are kept in WORKDIR between runs; delete them when done (a
1M-claim folder store with its index is ~2.5 GB, 10M ~23 GB).

For each size, fresh `factcheck check DAY --format json` processes, reaped
with wait4 for wall time and peak RSS, median of --runs; with --src the same
command from an older source tree. Every store (each size, folder and
PostgreSQL) and both codes take turns within each of the --runs rounds, so
the machine's slow spells hit all alike and ratios between sizes are fair. Also, in one process, what bringing the index up
to date costs when nothing changed: the store-wide glance this code takes
against a stat of every store file (`detect_changes`, what every check did
before).

Ingest: the corpus into a fresh store under `taskset -c` of 1, 2, … cores,
claims a second.

Drafts (--drafts 0.25,2): drafts of that many MB cut from the newest news
days (bench/large_drafts.py's), checked against the store of --drafts-store
claims (and its PostgreSQL import with --postgres), the sizes taking turns,
--draft-runs rounds: time against figures, the issue's 2 MB ÷ 0.25 MB ≤ 9×.

Prints markdown for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import Run, run  # one way to run and reap a process for every benchmark (as bench/postgres.py does)

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CORPUS = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.is_dir()), ROOT.parent / "shared") / (
    "external/cctv-xwlb-yuekcc/news")  # kept outside the repository; a worktree elsewhere finds the main one's
DAY = CORPUS / "20250701.md"  # 9,927 characters, 75 figures: the "real day"


def median(runs: list[Run], field: str = "wall") -> float:
    return statistics.median(getattr(r, field) for r in runs)


def cell(runs: list[Run]) -> str:
    walls = [r.wall for r in runs]
    return f"{statistics.median(walls):.3f} ({min(walls):.3f}–{max(walls):.3f})"


def claims_in(store: Path) -> int:
    manifest = json.loads((store / "manifest.json").read_text(encoding="utf-8"))["sources"]
    return sum(int(e.get("claims", 0)) for e in manifest.values())


def real_store(work: Path, py: str) -> Path:
    real = work / "corpus"
    if not (real / "manifest.json").exists():
        print(f"ingesting {CORPUS} …", file=sys.stderr, flush=True)
        shutil.rmtree(real, ignore_errors=True)
        done = run([py, "-m", "factcheck", "ingest", *map(str, sorted(CORPUS.glob("*.md"))), "--store", str(real)])
        if done.code:
            raise SystemExit(f"ingest of the corpus failed (exit {done.code})")
    return real


def grown(work: Path, real: Path, size: int, py: str) -> tuple[Path, float | None, float | None]:
    """The store of `size` claims and its folder index; (store, seconds to write it, seconds to index it) when made now."""
    store = work / f"store-{size}"
    wrote = indexed = None
    if not (store / "manifest.json").exists():
        print(f"writing a store of {size:,} claims …", file=sys.stderr, flush=True)
        shutil.rmtree(store, ignore_errors=True)
        started = time.perf_counter()
        if run([py, str(BENCH / "stores.py"), str(real), str(store), str(size)]).code:
            raise SystemExit(f"growing the store of {size} claims failed")
        wrote = time.perf_counter() - started
    if not (store / ".index" / "current").exists():
        print(f"indexing {size:,} claims …", file=sys.stderr, flush=True)
        settle(store)
        build = run([py, "-c", "import sys; from pathlib import Path; from factcheck.store.index import open_index; "
                               "from factcheck.store.folder import Store; open_index(Store(Path(sys.argv[1]))).close()",
                     str(store)])
        if build.code:
            raise SystemExit(f"index build of {store} failed")
        indexed = build.wall
    return store, wrote, indexed


FRESHNESS = """
import statistics, sys, time
from pathlib import Path
from factcheck.store.folder import Store
from factcheck.store.index import index_path
from factcheck.store.index.freshness import detect_changes, glance
import sqlite3
store = Store(Path(sys.argv[1]))
conn = sqlite3.connect(index_path(store))
def timed(f):
    out = []
    for _ in range(int(sys.argv[2])):
        t = time.perf_counter(); f(); out.append(time.perf_counter() - t)
    return statistics.median(out) * 1000
print(f"{timed(lambda: glance(store)):.2f} {timed(lambda: detect_changes(store, conn)):.1f}")
"""


def freshness(store: Path, py: str) -> tuple[float, float]:
    """(ms for the glance, ms for a stat of every store file), in one process, median of 15."""
    out = subprocess.run([py, "-c", FRESHNESS, str(store), "15"], capture_output=True, text=True, check=True).stdout
    glance_ms, look_ms = out.split()
    return float(glance_ms), float(look_ms)


def settle(store: Path) -> None:
    """Every file as an archive's are, written an hour ago: a file written in the last 2 s is hashed, not
    trusted by its stat (freshness.RACY_NS), which a bench right after writing would measure instead."""
    past = time.time() - 3600
    with os.scandir(store) as entries:
        for entry in entries:
            if entry.is_file():
                os.utime(entry.path, (past, past))
    os.utime(store, (past, past))


def files_store(work: Path, files: int, real: Path, py: str) -> Path:
    """A store of `files` files of one claim each: what the freshness look costs at a 10M-claim archive's
    file count (~70 claims a file), without writing and indexing 10M claims."""
    store = work / f"files-{files}"
    if not (store / ".index" / "current").exists():
        shutil.rmtree(store, ignore_errors=True)
        store.mkdir()
        _, path = next(iter(json.loads((real / "manifest.json").read_text(encoding="utf-8"))["sources"].items()))
        line = (real / path["file"]).read_text(encoding="utf-8").splitlines()[0]
        record = json.loads(line)
        sources = {}
        for i in range(files):
            name = f"f{i:07d}.jsonl"
            record["source"] = f"synthetic/{i:07d}.md"
            text = json.dumps(record, ensure_ascii=False) + "\n"
            (store / name).write_text(text, encoding="utf-8")
            sources[record["source"]] = {"file": name, "claims": 1}
        (store / "manifest.json").write_text(json.dumps({"version": 1, "sources": sources}), encoding="utf-8")
        settle(store)
        code = run([py, "-c", "import sys; from pathlib import Path; from factcheck.store.index import open_index; "
                              "from factcheck.store.folder import Store; open_index(Store(Path(sys.argv[1]))).close()",
                    str(store)]).code
        if code:
            raise SystemExit(f"index build of {store} failed")
    return store


def check_cmd(store: str, args: argparse.Namespace, py: str) -> list[str]:
    return [py, "-m", "factcheck", "check", str(args.draft), "--store", store, "--format", "json"]


def checks(stores: list[str], args: argparse.Namespace, py: str, work: Path) -> list[tuple[list[Run], list[Run], bool | None]]:
    """Per store, this code's runs and --src's, and whether their JSON is byte-identical. Every store and
    both codes take turns within each round, so a slow spell of the shared machine hits them all alike."""
    mine = [work / f"mine-{i}.json" for i in range(len(stores))]
    theirs = [work / f"theirs-{i}.json" for i in range(len(stores))]
    for i, store in enumerate(stores):
        print(f"warming {store} …", file=sys.stderr, flush=True)
        run(check_cmd(store, args, py), mine[i])  # bytecode cache, page cache, the index brought up to date once
        if args.src:
            run(check_cmd(store, args, py), theirs[i], args.src)
    new: list[list[Run]] = [[] for _ in stores]
    old: list[list[Run]] = [[] for _ in stores]
    for round_ in range(args.runs):
        print(f"round {round_ + 1} of {args.runs} …", file=sys.stderr, flush=True)
        for i, store in enumerate(stores):
            new[i].append(run(check_cmd(store, args, py), mine[i]))
            if args.src:
                old[i].append(run(check_cmd(store, args, py), theirs[i], args.src))
    return [(new[i], old[i], mine[i].read_bytes() == theirs[i].read_bytes() if args.src else None)
            for i in range(len(stores))]


def ratios(new: list[Run], old: list[Run]) -> str:
    """--src's CPU cell, then its wall and CPU medians over this code's."""
    if not old:
        return "- | -"
    return (f"{median(old, 'cpu'):.3f} | {median(old) / median(new):.2f}×, "
            f"{median(old, 'cpu') / median(new, 'cpu'):.2f}×")


def postgres_store(url: str, store: Path, size: int, py: str) -> tuple[str, float | None]:
    """The store imported into a schema of its own (kept: the import takes minutes)."""
    schema = f"scale_{size}"
    target = f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM information_schema.schemata WHERE schema_name = %s", (schema,)).fetchone()
        if exists and conn.execute(f"SELECT to_regclass('{schema}.sources') IS NOT NULL").fetchone()[0]:  # type: ignore[index]
            if conn.execute(f"SELECT EXISTS (SELECT 1 FROM {schema}.sources)").fetchone()[0]:  # type: ignore[index]
                return target, None  # imported by an earlier run
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.execute(f"CREATE SCHEMA {schema}")
    print(f"importing {size:,} claims into PostgreSQL …", file=sys.stderr, flush=True)
    if run([py, "-m", "factcheck", "store", "init", "--store", target]).code:
        raise SystemExit("store init failed")
    copy = relative_copy(store)
    imported = run([py, "-m", "factcheck", "store", "import", str(copy), "--store", target])
    shutil.rmtree(copy)
    if imported.code:
        raise SystemExit(f"import of {store} failed (exit {imported.code})")
    return target, imported.wall


def relative_copy(store: Path) -> Path:
    """The store with its sources named inside a project (news/20250701.md), as `store import` requires:
    the corpus store names them by their absolute paths outside this repository."""
    import re

    absolute = re.compile(r'"(synthetic/\d+/)?/[^"\s]*?/news/')  # "/…/news/d.md", "synthetic/001//…/news/d.md"
    copy = store.with_name(store.name + ".relative")
    shutil.rmtree(copy, ignore_errors=True)
    copy.mkdir()
    for path in store.iterdir():
        if path.is_file() and (path.suffix == ".jsonl" or path.name == "manifest.json"):
            text = path.read_text(encoding="utf-8")
            (copy / path.name).write_text(absolute.sub(r'"\1news/', text), encoding="utf-8")
    return copy


def ingest_rows(args: argparse.Namespace, py: str, work: Path) -> list[str]:
    """Each core count, this code and --src taking turns (a busy spell on a shared machine hits both)."""
    sources = sorted(CORPUS.glob("*.md"))[:: args.ingest_every]
    codes = (("this", None), ("--src", args.src)) if args.src else (("this", None),)
    found: dict[tuple[str, int], list[Run]] = {}
    claims = 0
    for _ in range(args.ingest_runs):
        for cores in args.ingest_cores:
            for label, src in codes:
                target = Path(tempfile.mkdtemp(prefix="ingest.", dir=work))
                cpus = ",".join(str(c) for c in sorted(os.sched_getaffinity(0))[:cores])
                found.setdefault((label, cores), []).append(run(
                    ["taskset", "-c", cpus, py, "-m", "factcheck", "ingest", *map(str, sources), "--store", str(target)],
                    src=src))
                claims = claims_in(target)
                shutil.rmtree(target)
    rows = ["| cores (taskset) | code | sources | claims | wall s | CPU s | claims/s | × one core |",
            "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for label, _ in codes:
        base = median(found[(label, args.ingest_cores[0])])
        for cores in args.ingest_cores:
            runs = found[(label, cores)]
            wall = median(runs)
            rows.append(f"| {cores} | {label} | {len(sources)} | {claims:,} | {wall:.1f} | {median(runs, 'cpu'):.1f} "
                        f"| {claims / wall:,.0f} | {base / wall:.2f}× |")
    return rows


def draft_rows(args: argparse.Namespace, py: str, work: Path) -> list[str]:
    """Each draft size against one store, the sizes taking turns; wall, CPU, peak RSS and figures."""
    from large_drafts import MB, corpus_text, cut

    texts, date = corpus_text(CORPUS, int(max(args.drafts) * MB) + MB)
    text = "".join(texts)
    drafts = []
    for mb in args.drafts:
        path = work / f"draft_{mb:g}MB.md"
        path.write_text(f"---\ndate: {date}\n---\n" + cut(text, int(mb * MB)), encoding="utf-8")
        drafts.append((mb, path))
    real = real_store(work, py)
    store, _, _ = grown(work, real, args.drafts_store, py)
    places = [("folder", str(store))]
    if args.postgres:
        places.append(("PostgreSQL", postgres_store(args.postgres, store, args.drafts_store, py)[0]))
    rows = [f"Drafts against {args.drafts_store:,} claims, `check DRAFT --format json {' '.join(args.draft_args)}`, "
            f"median of {args.draft_runs} (the sizes taking turns):", "",
            "| store | draft MB | figures | wall s (min–max) | CPU s | peak RSS MB | wall / smallest's | CPU / smallest's "
            "| figures / smallest's |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for label, where in places:
        found: dict[float, list[Run]] = {mb: [] for mb, _ in drafts}
        figures: dict[float, int] = {}
        for _ in range(args.draft_runs):
            for mb, path in drafts:
                print(f"checking a {mb:g} MB draft ({label}) …", file=sys.stderr, flush=True)
                out = work / f"draft_{mb:g}MB.json"
                found[mb].append(run([py, "-m", "factcheck", "check", str(path), "--store", where, "--format", "json",
                                      *args.draft_args], out))
                figures[mb] = int(json.loads(out.read_text(encoding="utf-8"))["summary"]["numbers"])
        first = args.drafts[0]
        for mb, _ in drafts:
            runs = found[mb]
            rows.append(f"| {label} | {mb:g} | {figures[mb]:,} | {cell(runs)} | {median(runs, 'cpu'):.1f} "
                        f"| {max(r.rss_mb for r in runs):.0f} | {median(runs) / median(found[first]):.2f}× "
                        f"| {median(runs, 'cpu') / median(found[first], 'cpu'):.2f}× | {figures[mb] / figures[first]:.2f}× |")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100000,1000000,3000000,10000000")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--src", type=Path, help="an older source tree (git archive … src) to run beside this one")
    parser.add_argument("--postgres", help="a PostgreSQL URL: the stores are imported and checked there too")
    parser.add_argument("--draft", type=Path, default=DAY)
    parser.add_argument("--postgres-sizes", default="", help="e.g. 100000,1000000,3000000: the sizes imported (default: all)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-scale")
    parser.add_argument("--files", default="", help="e.g. 141000: freshness alone, at a store's file count")
    parser.add_argument("--ingest-cores", default="", help="e.g. 1,2: ingest the corpus under taskset of that many cores")
    parser.add_argument("--ingest-every", type=int, default=1, help="every n-th corpus file (1: all 1,691)")
    parser.add_argument("--ingest-runs", type=int, default=1)
    parser.add_argument("--drafts", default="", help="e.g. 0.25,2: drafts of that many MB against --drafts-store")
    parser.add_argument("--drafts-store", type=int, default=1_000_000, help="claims in the store the drafts are checked against")
    parser.add_argument("--draft-runs", type=int, default=3)
    parser.add_argument("--draft-args", default="", help="more arguments for those checks, e.g. '--jobs 1'")
    args = parser.parse_args()
    args.ingest_cores = [int(c) for c in args.ingest_cores.split(",") if c]
    args.files = [int(c) for c in args.files.split(",") if c]
    args.postgres_sizes = [int(c) for c in args.postgres_sizes.split(",") if c]
    args.drafts = [float(c) for c in args.drafts.split(",") if c]
    args.draft_args = args.draft_args.split()
    if args.src:
        args.src = args.src.resolve()
    py = sys.executable
    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    from factcheck.store.protocol import redacted

    shown = " ".join(redacted(a) if a.startswith("postgres") else a for a in sys.argv[1:])  # no password in RESULTS.md
    out = [f"`python bench/scale.py {shown}`, {time.strftime('%Y-%m-%d %H:%M')}, "
           f"{len(os.sched_getaffinity(0))} cores; draft {args.draft.name}", ""]
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if sizes:
        real = real_store(work, py)
        out += ["| store | claims | files | written s | indexed s | glance ms | stat of every file ms "
                "| check s, this code | CPU s | peak RSS MB | ÷ the first folder's | check s, --src | CPU s "
                "| --src / this (wall, CPU) | JSON (against --src, else PostgreSQL's against the folder's) |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
        rows = []  # (label, size, files, wrote, indexed, glance ms, stat ms, where)
        for size in sizes:
            store, wrote, indexed = grown(work, real, size, py)
            files = len(json.loads((store / "manifest.json").read_text(encoding="utf-8"))["sources"])
            glance_ms, look_ms = freshness(store, py)
            rows.append(("folder", size, files, wrote, indexed, glance_ms, look_ms, str(store)))
            if args.postgres and (not args.postgres_sizes or size in args.postgres_sizes):
                rows.append(("PostgreSQL", size, files, None, None, None, None,
                             postgres_store(args.postgres, store, size, py)[0]))
        found = checks([row[-1] for row in rows], args, py, work)
        # The database's sources are named inside a project (relative_copy): the folder's JSON named alike.
        folder_json = {row[1]: (work / f"mine-{i}.json").read_bytes().replace(f"{CORPUS}/".encode(), b"news/")
                       for i, row in enumerate(rows) if row[0] == "folder"}
        base = next((median(new) for row, (new, _, _) in zip(rows, found) if row[0] == "folder"), None)
        for i, ((label, size, files, wrote, indexed, glance_ms, look_ms, _), (new, old, same)) in enumerate(zip(rows, found)):
            folder = label == "folder"
            if not folder:  # the database's JSON against the folder's, of the same claims
                same = (work / f"mine-{i}.json").read_bytes() == folder_json[size] if same is None else same
            out.append(
                f"| {label} | {size:,} | {files:,} | {f'{wrote:.0f}' if wrote else '-'} "
                f"| {f'{indexed:.0f}' if indexed else '-'} | {glance_ms if folder else '-'} "
                f"| {look_ms if folder else '-'} | {cell(new)} | {median(new, 'cpu'):.3f} | {max(r.rss_mb for r in new):.0f} "
                f"| {f'{median(new) / base:.2f}×' if base else '-'} | {cell(old) if old else '-'} | {ratios(new, old)} "
                f"| {'byte-identical' if same else 'differs' if same is False else '-'} |")
        out.append("")
    if args.files:
        out += ["| files of one claim each | as for a store of | glance ms | stat of every file ms |", "|---:|---:|---:|---:|"]
        for files in args.files:
            glance_ms, look_ms = freshness(files_store(work, files, real_store(work, py), py), py)
            out.append(f"| {files:,} | {files * 71:,} claims | {glance_ms} | {look_ms} |")
        out.append("")
    if args.drafts:
        out += draft_rows(args, py, work) + [""]
    if args.ingest_cores:
        out += ingest_rows(args, py, work) + [""]
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
