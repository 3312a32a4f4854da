"""Benchmark the PostgreSQL store against the claims/ folder store, and load it.

    .venv/bin/python bench/postgres.py [--workdir DIR] [--markdown FILE] [--skip-load] [--quick]

Needs a server: FACTCHECK_TEST_DATABASE_URL, or a throwaway cluster this
script starts (.ci/postgres, with fsync on: FACTCHECK_PG_DURABLE=1) and stops.
Every store is a schema of its own (the URL's search_path). Everything runs
as fresh `factcheck` processes, as an editor, a hook or cron would run it:

1. ingest the 新闻联播 corpus into a folder and into PostgreSQL, taking turns
   (the folder's time includes its index; PostgreSQL's its postings);
2. grow stores of 100,000 and 1,000,000 claims from the folder (bench/stores.py),
   build the folder's index, and `factcheck store import` each into PostgreSQL;
3. check the 5,000-character draft of bench/run.py against each, taking turns,
   and compare `check --format json` byte for byte;
4. load, on the 1M store: 8 checkers (fresh `factcheck check` processes, one
   after another each) and 1 ingester (one news day a run, under a new folder)
   for 60 s; p50/p99 check latency, errors, and every committed source present
   afterwards, claim for claim;
5. ten ingests killed with SIGKILL inside their write transaction: no source
   half written.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT / "src"))

from run import CORPUS, claims_in, run, spread, write_draft

PY = sys.executable
FACTCHECK = [str(Path(PY).with_name("factcheck"))] if Path(PY).with_name("factcheck").exists() else [PY, "-m", "factcheck"]
LOAD_SECONDS = 60
CHECKERS = 8
KILL_ROUNDS = 10


def schema_url(base: str, schema: str) -> str:
    return base + ("&" if "?" in base else "?") + urlencode({"options": f"-csearch_path={schema}"})


def sql(base: str, statement: str, params: tuple = ()) -> list[tuple]:
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        cur = conn.execute(statement, params or None)  # type: ignore[arg-type]
        return cur.fetchall() if cur.description else []


def fresh_store(base: str, schema: str) -> str:
    """An empty schema with a factcheck store in it."""
    sql(base, f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    sql(base, f"CREATE SCHEMA {schema}")
    url = schema_url(base, schema)
    done = subprocess.run([*FACTCHECK, "store", "init", "--store", url], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"store init failed: {done.stderr}")
    return url


def has_store(base: str, schema: str) -> bool:
    return bool(sql(base, "SELECT 1 FROM pg_tables WHERE schemaname = %s AND tablename = 'store_state'", (schema,)))


def pg_claims(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT claims FROM store_state").fetchone()
        return int(row[0]) if row else 0


def median(runs: list) -> float:
    return statistics.median(r.wall for r in runs)


# --- 1. ingest ------------------------------------------------------------------------------------

def bench_ingest(base: str, work: Path, sources: list[Path], rounds: int) -> tuple[list[str], Path]:
    folder_runs, pg_runs = [], []
    real = work / "corpus"
    for i in range(rounds):
        target = work / f"ingest-{i}"
        subprocess.run(["rm", "-rf", str(target)], check=True)
        print(f"ingest round {i + 1}: folder …", file=sys.stderr, flush=True)
        folder_runs.append(run([*FACTCHECK, "ingest", *map(str, sources), "--store", str(target)]))
        url = fresh_store(base, "bench_ingest")
        print(f"ingest round {i + 1}: PostgreSQL …", file=sys.stderr, flush=True)
        pg_runs.append(run([*FACTCHECK, "ingest", *map(str, sources), "--store", url]))
        if folder_runs[-1].code or pg_runs[-1].code:
            raise SystemExit("an ingest failed")
        if i == 0:
            found = claims_in(target)
            if pg_claims(url) != found:
                raise SystemExit(f"PostgreSQL holds {pg_claims(url)} claims, the folder {found}")
            if not real.exists():
                target.rename(real)
        subprocess.run(["rm", "-rf", str(target)], check=True)
    ratio = median(pg_runs) / median(folder_runs)
    lines = [
        f"## Ingest of the corpus ({len(sources)} files, {claims_in(real):,} claims), fresh process, {rounds} rounds taking turns",
        "", "| store | wall s | CPU s (the process) | peak RSS MB |", "|---|---:|---:|---:|",
        f"| folder (store files and SQLite index) | {spread(folder_runs)} | {spread(folder_runs, 'cpu')} | {max(r.rss_mb for r in folder_runs):.0f} |",
        f"| PostgreSQL (one transaction, postings in tables) | {spread(pg_runs)} | {spread(pg_runs, 'cpu')} | {max(r.rss_mb for r in pg_runs):.0f} |",
        "", f"PostgreSQL / folder: **{ratio:.2f}×** (median wall; target ≤ 1.5×)", "",
    ]
    return lines, real


# --- 2. and 3. grown stores and checks ---------------------------------------------------------------

def build_stores(
    base: str, work: Path, real: Path, sizes: tuple[int, ...], keep_index: bool = False
) -> tuple[list[str], list[tuple[int, Path, str]]]:
    lines = ["## Grown stores: folder index build and `factcheck store import` into PostgreSQL", "",
             "| claims | folder index build s | import into PostgreSQL s | import peak RSS MB | PostgreSQL size MB |",
             "|---:|---:|---:|---:|---:|"]
    stores = []
    for size in sizes:
        folder = work / f"store-{size}"
        schema = f"bench_{size}"
        if not folder.exists():
            print(f"growing {size:,} claims …", file=sys.stderr, flush=True)
            if run([PY, str(BENCH / "stores.py"), str(real), str(folder), str(size)]).code:
                raise SystemExit("growing failed")
        print(f"{size:,}: folder index …", file=sys.stderr, flush=True)
        if not keep_index:
            subprocess.run(["rm", "-rf", str(folder / ".index")], check=True)
        build = run([PY, "-c", "import sys; from pathlib import Path; from factcheck.store.index import open_index; "
                               "from factcheck.store.folder import Store; open_index(Store(Path(sys.argv[1])))", str(folder)])
        url = schema_url(base, schema)
        if has_store(base, schema) and pg_claims(url) == size:
            imported = None
        else:
            url = fresh_store(base, schema)
            print(f"{size:,}: import into PostgreSQL …", file=sys.stderr, flush=True)
            imported = run([*FACTCHECK, "store", "import", str(folder), "--store", url])
            if imported.code:
                raise SystemExit("import failed")
        mb = sql(base, "SELECT sum(pg_total_relation_size(c.oid)) / 1048576 FROM pg_class c JOIN pg_namespace n"
                       " ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relkind = 'r'", (schema,))[0][0]
        lines.append(f"| {size:,} | {build.wall:.1f} | {f'{imported.wall:.1f}' if imported else '(kept)'} "
                     f"| {f'{imported.rss_mb:.0f}' if imported else '-'} | {float(mb or 0):,.0f} |")
        stores.append((size, folder, url))
    return lines + [""], stores


def bench_checks(work: Path, draft: Path, stores: list[tuple[int, Path, str]], times: int) -> list[str]:
    lines = [f"## Check of the {draft.stat().st_size // 1000}k-byte 5,000-character draft, fresh process each time "
             f"(median, min–max of {times}, the two stores taking turns)", "",
             "| claims | folder s | PostgreSQL s | PostgreSQL / folder | PostgreSQL peak RSS MB | check --format json |",
             "|---:|---:|---:|---:|---:|---|"]
    for size, folder, url in stores:
        print(f"{size:,}: checks …", file=sys.stderr, flush=True)
        folder_cmd = [*FACTCHECK, "check", str(draft), "--store", str(folder)]
        pg_cmd = [*FACTCHECK, "check", str(draft), "--store", url]
        run(folder_cmd), run(pg_cmd)  # warm: bytecode, page cache, the server's buffers
        by_folder, by_pg = [], []
        for _ in range(times):
            by_folder.append(run(folder_cmd))
            by_pg.append(run(pg_cmd))
        run([*folder_cmd, "--format", "json"], out=work / "folder.json")
        run([*pg_cmd, "--format", "json"], out=work / "pg.json")
        same = (work / "folder.json").read_bytes() == (work / "pg.json").read_bytes()
        numbers = json.loads((work / "pg.json").read_text(encoding="utf-8"))["summary"]["numbers"]
        lines.append(f"| {size:,} | {spread(by_folder)} | {spread(by_pg)} | {median(by_pg) / median(by_folder):.2f}× "
                     f"| {max(r.rss_mb for r in by_pg):.0f} | {'byte-identical' if same else 'DIFFERENT'} ({numbers} figures) |")
    return lines + [""]


# --- 4. load ------------------------------------------------------------------------------------------

def expected_jsonl(path: Path, display: str) -> str:
    """A source's store file as a separate extraction gives it, to hold what the store kept against."""
    from factcheck.extract import claims as claims_mod
    from factcheck.extract.subject import gazetteer
    from factcheck.reading.source import read_document
    from factcheck.store.folder import to_jsonl

    doc = read_document(path, display=display)
    return to_jsonl(claims_mod.extract(doc, names=gazetteer({})))


def stored_sources(url: str, prefix: str) -> dict[str, tuple[int, str]]:
    """Each source under `prefix`: its manifest count and its claims as JSON Lines, from one snapshot."""
    import psycopg

    from factcheck.record.codec import CLAIM
    from factcheck.store.folder import to_jsonl
    from factcheck.store.postgres import _C_FIELDS

    found: dict[str, tuple[int, list]] = {}
    with psycopg.connect(url) as conn:
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        for name, count in conn.execute("SELECT name, claims FROM sources WHERE name LIKE %s", (prefix + "%",)):
            found[name] = (count, [])
        for name, sid in conn.execute("SELECT name, id FROM sources WHERE name LIKE %s", (prefix + "%",)).fetchall():
            for row in conn.execute(f"SELECT {_C_FIELDS} FROM claims c WHERE ref >= %s AND ref < %s ORDER BY ref",
                                    (sid << 24, (sid + 1) << 24)):
                found[name][1].append(CLAIM.from_row(row))
    return {name: (count, to_jsonl(claims)) for name, (count, claims) in found.items()}


def bench_load(work: Path, draft: Path, url: str, news: list[Path], seconds: int) -> list[str]:
    project = work / "load"
    subprocess.run(["rm", "-rf", str(project)], check=True)
    (project / "incoming").mkdir(parents=True)
    latencies: list[float] = []
    errors: list[str] = []
    committed: list[tuple[Path, str]] = []
    stop = time.monotonic() + seconds
    lock = threading.Lock()

    def checker() -> None:
        while time.monotonic() < stop:
            start = time.perf_counter()
            done = subprocess.run([*FACTCHECK, "check", str(draft), "--store", url], capture_output=True, cwd=project)
            took = time.perf_counter() - start
            with lock:
                if done.returncode in (0, 1):
                    latencies.append(took)
                else:
                    errors.append(f"check exit {done.returncode}: {done.stderr.decode()[:200]}")

    def ingester() -> None:
        for i, source in enumerate(news):
            if time.monotonic() >= stop:
                return
            target = project / "incoming" / f"{i:03d}_{source.name}"
            target.write_bytes(source.read_bytes())
            done = subprocess.run([*FACTCHECK, "ingest", str(target.relative_to(project)), "--store", url],
                                  capture_output=True, cwd=project)
            with lock:
                if done.returncode == 0:
                    committed.append((target, f"incoming/{target.name}"))
                else:
                    errors.append(f"ingest exit {done.returncode}: {done.stderr.decode()[:200]}")

    threads = [threading.Thread(target=checker) for _ in range(CHECKERS)] + [threading.Thread(target=ingester)]
    print(f"load: {CHECKERS} checkers and 1 ingester for {seconds} s …", file=sys.stderr, flush=True)
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stored = stored_sources(url, "incoming/")
    missing = [display for path, display in committed if stored.get(display, (0, ""))[1] != expected_jsonl(path, display)]
    cuts = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else [0.0] * 99
    return [
        f"## Load: {CHECKERS} checkers and 1 ingester for {seconds} s against the 1M store (loopback, 2 cores)", "",
        "| checks | checks/s | p50 s | p99 s | max s | ingests committed | errors | committed sources not whole afterwards |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {len(latencies)} | {len(latencies) / seconds:.2f} | {statistics.median(latencies):.2f} | {cuts[98]:.2f} | {max(latencies):.2f} "
        f"| {len(committed)} | {len(errors)} | {len(missing)} |", "",
        *(f"- error: {e}" for e in errors[:5]),
        "Each checker is a fresh `factcheck check` process, so eight of them share two cores with the ingester "
        "and the server: the latency is the machine's queue, not the store's.", "",
    ]


# --- 5. killed ingests --------------------------------------------------------------------------------

def in_transaction(url: str) -> bool:
    return bool(sql(url, "SELECT 1 FROM pg_stat_activity WHERE application_name = 'factcheck'"
                         " AND xact_start IS NOT NULL AND query ILIKE '%%COPY%%'"))


def bench_kills(work: Path, url: str, news: list[Path], rounds: int) -> list[str]:
    project = work / "kills"
    subprocess.run(["rm", "-rf", str(project)], check=True)
    (project / "days").mkdir(parents=True)
    inside = half = landed = 0
    rng = random.Random(17)
    for r in range(rounds):
        batch = news[r * 3 : r * 3 + 3]
        names = []
        for source in batch:
            target = project / "days" / f"{r:02d}_{source.name}"
            target.write_bytes(source.read_bytes())
            names.append(str(target.relative_to(project)))
        proc = subprocess.Popen([*FACTCHECK, "ingest", *names, "--store", url], cwd=project,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while proc.poll() is None and not in_transaction(url) and time.monotonic() < deadline:
            time.sleep(0.002)
        time.sleep(rng.uniform(0, 0.05))
        was_inside = proc.poll() is None and in_transaction(url)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        inside += was_inside
        while sql(url, "SELECT 1 FROM pg_stat_activity WHERE application_name = 'factcheck'"):
            time.sleep(0.05)
        stored = stored_sources(url, "days/")
        for name in names:
            if name in stored:
                landed += 1
                if stored[name][1] != expected_jsonl(project / name, name):
                    half += 1
        got = sql(url, "SELECT count(*) FROM sources s LEFT JOIN (SELECT source_id, count(*) AS n FROM claims GROUP BY 1) c"
                       " ON c.source_id = s.id WHERE coalesce(c.n, 0) <> s.claims")
        half += int(got[0][0])  # any source, anywhere in the store, whose rows are not its manifest count
    return [
        f"## Ingests killed with SIGKILL ({rounds} rounds, three news days each, 1M store)", "",
        "| rounds | killed inside the write transaction | sources landed before the kill | half-written sources |",
        "|---:|---:|---:|---:|",
        f"| {rounds} | {inside} | {landed} | {half} |", "",
    ]


# --- main ---------------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, help="keep stores here (reused when present)")
    parser.add_argument("--markdown", type=Path, help="also write the report here")
    parser.add_argument("--quick", action="store_true", help="an eighth of the corpus, 100k only, no load")
    parser.add_argument("--skip-ingest", action="store_true", help="reuse the workdir's corpus store and folder indexes")
    parser.add_argument("--skip-load", action="store_true", help="no load and no kill rounds")
    parser.add_argument("--only-load", action="store_true", help="only the load and the kill rounds (stores kept)")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="factcheck-pgbench-"))
    work.mkdir(parents=True, exist_ok=True)
    base = os.environ.get("FACTCHECK_TEST_DATABASE_URL", "")
    cluster = ""
    if not base:
        started = subprocess.run([str(ROOT / ".ci" / "postgres"), "start"], capture_output=True, text=True,
                                 env={**os.environ, "FACTCHECK_PG_DURABLE": "1"}, check=True).stdout
        env = dict(line.removeprefix("export ").split("=", 1) for line in started.splitlines())
        base, cluster = env["FACTCHECK_TEST_DATABASE_URL"], env["FACTCHECK_PG_DIR"]
    try:
        bench(args, work, base)
    finally:
        if cluster:
            subprocess.run([str(ROOT / ".ci" / "postgres"), "stop", cluster], check=False)
    return 0


class Report(list):
    """The report's lines, printed and written to --markdown as each section is done (a later failure keeps them)."""

    def __init__(self, path: Path | None) -> None:
        super().__init__()
        self.path = path
        if path:
            path.write_text("", encoding="utf-8")

    def __iadd__(self, lines):  # type: ignore[no-untyped-def, override]
        text = "\n".join(lines) + "\n"
        print(text, flush=True)
        if self.path:
            with self.path.open("a", encoding="utf-8") as f:
                f.write(text)
        self.extend(lines)
        return self


def bench(args: argparse.Namespace, work: Path, base: str) -> list[str]:
    import platform

    version = sql(base, "SELECT version()")[0][0].split(" on ")[0]
    settings = sql(base, "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers')")
    out = Report(args.markdown)
    out += ["# factcheck on PostgreSQL", "", f"- nproc: {os.cpu_count()}, Python {platform.python_version()}, {version}",
           f"- settings: {', '.join(f'{k}={v}' for k, v in settings)} (shared_buffers in 8 kB pages)",
           f"- date: {time.strftime('%Y-%m-%d %H:%M')}", ""]
    sources = sorted(CORPUS.glob("*.md"))[:: 8 if args.quick else 1]
    draft = work / "draft.md"
    write_draft(draft, CORPUS)
    real = work / "corpus"
    if not args.only_load:
        if args.skip_ingest and real.exists():
            pass
        else:
            lines, real = bench_ingest(base, work, sources, 1 if args.quick else 2)
            out += lines
        sizes = (100_000,) if args.quick else (100_000, 1_000_000)
        lines, stores = build_stores(base, work, real, sizes, keep_index=args.skip_ingest)
        out += lines
        out += bench_checks(work, draft, stores, 5 if args.quick else 7)
    if not (args.skip_load or args.quick):
        url = schema_url(base, "bench_1000000")
        news = sorted(CORPUS.glob("*.md"))[1::8]
        out += bench_load(work, draft, url, news, LOAD_SECONDS)
        out += bench_kills(work, url, news[100:], KILL_ROUNDS)
    return out


if __name__ == "__main__":
    raise SystemExit(main())
