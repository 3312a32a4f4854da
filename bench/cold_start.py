"""Cold check of one real news day against four months of that news, as a ratio to a do-nothing typer CLI.

    .venv/bin/python bench/cold_start.py [--corpus DIR] [--workdir DIR] [--runs 15]
        [--store-days 20250301:20250630] [--day 20250701]

Issue #16's realistic cold target: `factcheck check` of one 新闻联播 day
(about 9,600 characters, 75 figures) against a store of four months of the
same news (about 9,000 claims) within 3× a typer no-op. Each run is a fresh
process; the two commands take turns so a busy machine slows both alike.
The store is built once in the workdir (the corpus stays outside the repo).
Runs with bytecode cached, as an installed tool does. The check runs as a user
runs it (the draft shared among one process per core) and with `--jobs 1`.
Prints the medians, the ratios, and where a cold check's time goes: the ten
slowest imports of our own modules (`-X importtime`) and the time spent
importing against judging.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "external" / "cctv-xwlb-yuekcc" / "news"
NOOP = """import typer
app = typer.Typer()
@app.command()
def main() -> None: pass
@app.command()
def other() -> None: pass
app()
"""


# As an installed tool runs: with its bytecode cached. PYTHONDONTWRITEBYTECODE (set on some CI machines)
# would make every run compile every module from source again, some 80 ms of a cold check here.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-cold")
    parser.add_argument("--store-days", default="20250301:20250630")
    parser.add_argument("--day", default="20250701")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    first, last = args.store_days.split(":")
    sources = work / f"sources-{first}-{last}"
    if not sources.is_dir():
        sources.mkdir()
        for path in sorted(args.corpus.glob("*.md")):
            if first <= path.name[:8] <= last:
                (sources / path.name).write_bytes(path.read_bytes())
    store = work / f"store-{first}-{last}"
    python = sys.executable
    subprocess.run([python, "-m", "factcheck", "ingest", str(sources), "--store", str(store)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    day = args.corpus / f"{args.day}.md"
    noop = work / "noop.py"
    noop.write_text(NOOP, encoding="utf-8")
    check = [python, "-m", "factcheck", "check", str(day), "--store", str(store), "--format", "json"]
    subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "src" / "factcheck")], env=ENV, check=False)
    one = [*check, "--jobs", "1"]
    _timed(check, work)  # the index is built on the first check; then every run is a plain cold check
    checks, singles, noops = [], [], []
    for _ in range(args.runs):
        checks.append(_timed(check, work))
        singles.append(_timed(one, work))
        noops.append(_timed([python, str(noop), "main"], work))
    n = statistics.median(noops)
    print(f"cold check of {day.name} ({len(day.read_text(encoding='utf-8')):,} characters) against {store.name}:")
    for what, times in ((f"one process per core ({os.cpu_count()})", checks), ("--jobs 1", singles)):
        c = statistics.median(times)
        print(f"  {what}: median {c * 1000:.0f} ms (min {min(times) * 1000:.0f}); {c / n:.1f}x the no-op (target <= 3x)")
    print(f"typer no-op: median {n * 1000:.0f} ms (min {min(noops) * 1000:.0f})")
    trace = subprocess.run([python, "-X", "importtime", *check[1:]], cwd=work, env=ENV, capture_output=True, text=True).stderr
    rows = []
    for line in trace.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if m:
            rows.append((int(m[1]), int(m[2]), len(m[3]), m[4]))
    ours = sorted((r for r in rows if r[3].startswith("factcheck")), reverse=True)[:10]
    total = sum(r[1] for r in rows if r[2] == 1)
    print(f"imports: {total / 1000:.0f} ms in all; our slowest modules by their own time:")
    for own, cumulative, _, name in ours:
        print(f"  {own / 1000:6.1f} ms own, {cumulative / 1000:6.1f} ms with imports  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
