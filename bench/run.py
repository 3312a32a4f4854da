"""Benchmark factcheck: ingest speed, index build, check latency by store size, start-up, against brute force.

    .venv/bin/python bench/run.py [--quick] [--corpus DIR] [--workdir DIR] [--markdown FILE]

Everything runs in fresh processes, as an editor or a git hook would run it,
with Python's bytecode cache on (as after any install). Stores are built in a
temporary directory, never in claims/:

1. ingest the news corpus (--quick: every eighth file) into a store of real claims;
2. grow stores of 10k, 100k and (not --quick) 1M claims from it (bench/stores.py);
3. time the index build of each store, then `factcheck check` of a 5,000-character
   draft against the seeds' store and each grown store;
4. time the same check by brute force (bench/brute.py: the same command with the
   store loaded whole and rapidfuzz over every claim) and compare the verdicts
   number by number;
5. time the check right after one file of the biggest store changed (an in-place index update);
6. time `factcheck --help` and a typer CLI that does nothing, the floor for any check.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent

CORPUS = ROOT.parent / "shared" / "external" / "cctv-xwlb-yuekcc" / "news"
NEWS_FOR_DRAFT = ("20250103.md", "20250104.md", "20240118.md")
DRAFT_CHARS = 5_000
NOOP_CLI = '''import typer

app = typer.Typer()


@app.command()
def main(draft: str = "") -> None:
    """Do nothing: the start-up floor of a typer CLI."""


app()
'''


@dataclass(frozen=True, slots=True)
class Run:
    """One fresh process: wall time, CPU time and peak resident memory."""

    wall: float
    cpu: float
    rss_mb: float
    code: int


# The command runs under a small launcher that reports its child's usage (bench/large_drafts.py uses it too):
# Linux counts in a child's peak RSS the memory of the process it was forked from, so every check that
# bench/scale.py ran after reading a 3M store's manifest "peaked" at that process's ~101 MB.
LAUNCHER = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.call(sys.argv[2:], stderr=subprocess.DEVNULL)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as f:
    f.write(f"{time.perf_counter() - start} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss} {code}")
"""


def run(cmd: list[str], out: Path | None = None, src: Path | None = None, env_extra: dict[str, str] | None = None) -> Run:
    """Run and reap one process (under LAUNCHER), so its own wall time, peak RSS and CPU are measured;
    `src` runs another checkout's code (bench/scale.py's old-against-new)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if src is not None:
        env["PYTHONPATH"] = str(src)
    env.update(env_extra or {})
    fd, name = tempfile.mkstemp(suffix=".usage")
    os.close(fd)
    usage = Path(name)
    try:
        with open(out or os.devnull, "wb") as sink:
            subprocess.run([sys.executable, "-c", LAUNCHER, str(usage), *cmd], cwd=ROOT, env=env, stdout=sink,
                           stderr=subprocess.DEVNULL, check=False)
        wall, cpu, rss_kb, code = usage.read_text().split()
    finally:
        usage.unlink(missing_ok=True)
    return Run(float(wall), float(cpu), int(rss_kb) / 1024, int(code))


def repeat(cmd: list[str], times: int) -> list[Run]:
    run(cmd)  # warm: bytecode cache, page cache
    return [run(cmd) for _ in range(times)]


def spread(runs: list[Run], field: str = "wall") -> str:
    values = [getattr(r, field) for r in runs]
    if len(values) == 1:
        return f"{values[0]:.2f}"
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def peak(runs: list[Run]) -> str:
    return f"{max(r.rss_mb for r in runs):.0f}"


# --- inputs ---------------------------------------------------------------------------------


def write_draft(path: Path, corpus: Path) -> None:
    """5,000 characters: seed paragraphs between news paragraphs, every third news figure raised by a tenth."""
    seeds = [
        p.strip() for f in sorted((ROOT / "seeds").glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n")
        if len(p.strip()) > 40 and re.search(r"\d", p)
    ]
    news = []
    for name in NEWS_FOR_DRAFT:
        if (corpus / name).exists():
            for line in (corpus / name).read_text(encoding="utf-8").splitlines():
                line = line.strip().replace("**央视网消息**（新闻联播）：", "")
                if len(line) > 60 and re.search(r"\d", line) and not line.startswith(("#", "[", "（")):
                    news.append(line)
    count = iter(range(10**6))

    def nudge(m: re.Match[str]) -> str:
        return str(round(float(m[1]) * 1.1, 1)) if next(count) % 3 == 0 else m[1]

    news = [re.sub(r"(\d+(?:\.\d+)?)(?=亿|万|%|个|家)", nudge, p) for p in news]
    paragraphs, size = [], 0
    for pair in zip(seeds[::3], news + seeds[1::3]):
        for para in pair:
            if size < DRAFT_CHARS:
                paragraphs.append(para)
                size += len(para) + 2
    text = "---\ntitle: bench draft\ndate: 2026-02-10\n---\n\n" + "\n\n".join(paragraphs)
    path.write_text(text[:DRAFT_CHARS], encoding="utf-8")


def claims_in(store: Path) -> int:
    manifest = json.loads((store / "manifest.json").read_text(encoding="utf-8"))["sources"]
    return sum(int(e["claims"]) for e in manifest.values())


def verdicts(report: Path) -> list[tuple[int, int, str]]:
    findings = json.loads(report.read_text(encoding="utf-8"))["findings"]
    return [(f["line"], f["column"], f["verdict"]) for f in findings]


def agreement(index_json: Path, brute_json: Path) -> str:
    ours, theirs = verdicts(index_json), verdicts(brute_json)
    same = sum(a == b for a, b in zip(ours, theirs))
    return f"{same}/{len(theirs)}"


# --- the benchmark --------------------------------------------------------------------------


def machine() -> list[str]:
    model = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")), platform.processor() or "?")
    import sqlite3
    from importlib.metadata import version

    packages = ", ".join(f"{name} {version(name)}" for name in ("typer", "click", "rapidfuzz"))
    return [f"- nproc: {os.cpu_count()}", f"- CPU: {model}", f"- Python: {platform.python_version()}",
            f"- packages: {packages}, SQLite {sqlite3.sqlite_version}", f"- date: {time.strftime('%Y-%m-%d')}"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="an eighth of the corpus, stores of 10k and 100k, fewer runs"
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of news .md files (default: %(default)s)")
    parser.add_argument("--workdir", type=Path, help="keep the stores here instead of a temporary directory")
    parser.add_argument("--markdown", type=Path, help="also write the report to this file")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus}: no news corpus here (pass --corpus)")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        lines = bench(args, work)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    report = "\n".join(lines) + "\n"
    print(report)
    if args.markdown:
        args.markdown.write_text(report, encoding="utf-8")
    return 0


def bench(args: argparse.Namespace, work: Path) -> list[str]:
    py = sys.executable
    script = Path(py).with_name("factcheck")  # the installed command, as an editor runs it
    factcheck = [str(script)] if script.exists() else [py, "-m", "factcheck"]
    sizes = (10_000, 100_000) if args.quick else (10_000, 100_000, 1_000_000)
    checks = 5 if args.quick else 7
    sources = sorted(args.corpus.glob("*.md"))[:: 8 if args.quick else 1]
    draft = work / "draft.md"
    write_draft(draft, args.corpus)
    noop = work / "noop.py"
    noop.write_text(NOOP_CLI, encoding="utf-8")
    out = ["# factcheck benchmark", "", *machine(), f"- mode: {'--quick' if args.quick else 'full'}", ""]

    print(f"ingesting {len(sources)} news files …", file=sys.stderr, flush=True)
    real = work / "corpus"
    shutil.rmtree(real, ignore_errors=True)  # a store left by an earlier run would make ingest skip every source
    ingest = run([*factcheck, "ingest", *map(str, sources), "--store", str(real)])
    if ingest.code:
        raise SystemExit(f"ingest failed (exit {ingest.code})")
    found = claims_in(real)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in sources)
    out += [
        "## Ingest (extraction, store files and index, both cores)", "",
        "| sources | characters | claims | wall s | CPU s | claims/s | peak RSS MB |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {len(sources)} | {chars:,} | {found:,} | {ingest.wall:.1f} | {ingest.cpu:.1f} | {found / ingest.wall:,.0f} "
        f"| {ingest.rss_mb:.0f} |", "",
    ]

    stores = [("seeds", work / "seeds")]
    shutil.rmtree(stores[0][1], ignore_errors=True)
    shutil.copytree(ROOT / "claims", stores[0][1], ignore=shutil.ignore_patterns(".index"))
    for size in sizes:
        print(f"growing a store of {size:,} claims …", file=sys.stderr, flush=True)
        shutil.rmtree(work / f"store-{size}", ignore_errors=True)
        # A process of its own: children forked from a big parent would report its memory as theirs.
        if run([py, str(BENCH / "stores.py"), str(real), str(work / f"store-{size}"), str(size)]).code:
            raise SystemExit(f"growing the store of {size} claims failed")
        stores.append((f"{size:,}", work / f"store-{size}"))

    out += [
        f"## Check of a {DRAFT_CHARS:,}-character draft, fresh process each time (median, min–max of {checks})", "",
        "| store | claims | index build s | check wall s | check CPU s | peak RSS MB | check --format json s "
        "| brute force (json) s | brute RSS MB | brute / index | same verdicts |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, store in stores:
        print(f"store {label}: index, checks, brute force …", file=sys.stderr, flush=True)
        shutil.rmtree(store / ".index", ignore_errors=True)
        build = run([py, "-c", "import sys; from pathlib import Path; from factcheck.store.index import open_index; "
                               "from factcheck.store.folder import Store; open_index(Store(Path(sys.argv[1])))", str(store)])
        if build.code:
            raise SystemExit(f"index build of {store} failed (exit {build.code})")
        check = [*factcheck, "check", str(draft), "--store", str(store)]
        runs = repeat(check, checks)
        json_runs = [run([*check, "--format", "json"], out=work / "index.json") for _ in range(checks)]
        brute_runs = 1 if claims_in(store) >= 1_000_000 else (1 if args.quick else 3)
        brute_cmd = [py, str(BENCH / "brute.py"), *check[1:], "--format", "json"]  # JSON: its verdicts are compared
        brute = [run(brute_cmd, out=work / "brute.json") for _ in range(brute_runs)]
        ratio = statistics.median(r.wall for r in brute) / statistics.median(r.wall for r in json_runs)
        out.append(
            f"| {label} | {claims_in(store):,} | {build.wall:.1f} | {spread(runs)} | {spread(runs, 'cpu')} "
            f"| {peak(runs)} "
            f"| {spread(json_runs)} | {spread(brute)} | {peak(brute)} | {ratio:.1f}× "
            f"| {agreement(work / 'index.json', work / 'brute.json')} |"
        )

    # An archive grows an article at a time: the first check after a change updates the index in place.
    label, store = stores[-1]
    print(f"store {label}: checks right after one store file changed …", file=sys.stderr, flush=True)
    changed = sorted(p for p in store.rglob("*.jsonl") if ".index" not in p.parts)[-1]
    original = changed.read_bytes()
    check = [*factcheck, "check", str(draft), "--store", str(store)]
    updates = []
    for content in (original[: original.rstrip(b"\n").rfind(b"\n") + 1], original):  # a claim fewer, then back
        changed.write_bytes(content)
        updates.append(run(check))
    changed.write_bytes(original)
    out += [
        "", f"## Check right after one store file changed ({label} claims: the index is updated in place)", "",
        "| run | wall s | CPU s | peak RSS MB |", "|---|---:|---:|---:|",
        *(f"| {what} | {r.wall:.2f} | {r.cpu:.2f} | {r.rss_mb:.0f} |"
          for what, r in zip(("one claim removed", "claim restored"), updates)),
    ]

    print("start-up …", file=sys.stderr, flush=True)
    # Interleaved, so that a busy spell on a shared machine hits the floor and the check alike.
    commands = {"noop": [py, str(noop)], "help": [*factcheck, "--help"],
                "check": [*factcheck, "check", str(draft), "--store", str(stores[0][1])]}
    timed: dict[str, list[Run]] = {name: [] for name in commands}
    for cmd in commands.values():
        run(cmd)  # warm: bytecode cache, page cache
    for _ in range(10):
        for name, cmd in commands.items():
            timed[name].append(run(cmd))
    noops, helps, seeds_check = timed["noop"], timed["help"], timed["check"]
    floor = statistics.median(r.wall for r in noops)
    out += [
        "", "## Start-up (median, min–max of 10, the three commands taking turns)", "",
        "| command | wall s | CPU s | × typer no-op |", "|---|---:|---:|---:|",
        f"| typer CLI that does nothing | {spread(noops)} | {spread(noops, 'cpu')} | 1.0× |",
        f"| factcheck --help | {spread(helps)} | {spread(helps, 'cpu')} | "
        f"{statistics.median(r.wall for r in helps) / floor:.2f}× |",
        f"| factcheck check (draft, seeds' store) | {spread(seeds_check)} | {spread(seeds_check, 'cpu')} | "
        f"{statistics.median(r.wall for r in seeds_check) / floor:.2f}× |",
    ]
    return out


if __name__ == "__main__":
    raise SystemExit(main())
