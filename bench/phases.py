"""Where a seeds' check spends its time: start-up, imports, extraction, judging, rendering.

    .venv/bin/python bench/phases.py DRAFT [--runs N] [--store DIR]

Each run is a fresh process (the child below) that times its own phases with
perf_counter, as `factcheck check DRAFT` would go through them; the table is
the median over the runs, so it says which part a start-up target is lost in.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r'''
import io, json, sys, time
from pathlib import Path
t0 = time.perf_counter()
import typer
t1 = time.perf_counter()
from factcheck.app import check as gate
from factcheck.app.config import load_config
from factcheck.extract import claims
from factcheck.judge.verdict import judge
from factcheck.report.formats import render
from factcheck.store.folder import Store
from factcheck.store.index import open_index
t2 = time.perf_counter()
cfg = load_config()
store_path = Path(sys.argv[2]) if sys.argv[2] else None
store = open_index(Store(cfg.store_dir(store_path)))
names = store.subject_names()
docs = gate.read_drafts([sys.argv[1]], cfg, None)
t3 = time.perf_counter()
found = claims.extract(docs[0], known_names=names)
t4 = time.perf_counter()
successors = {}
verdicts = [judge(c, store, successors) for c in found]
t5 = time.perf_counter()
report = gate.judge_drafts(docs, cfg, store_path)  # again, only to have a report to render
t6 = time.perf_counter()
render(report, "text", cfg.root, out=io.StringIO())
t7 = time.perf_counter()
print(json.dumps({"typer import": t1 - t0, "factcheck import": t2 - t1, "config, store, draft": t3 - t2,
                  "extract": t4 - t3, "judge": t5 - t4, "render (text)": t7 - t6, "figures": len(found)}))
'''


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("draft", type=Path)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--store", type=Path, help="default: the project's claims/")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cmd = [sys.executable, "-c", CHILD, str(args.draft), str(args.store or "")]
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)  # warm the bytecode cache
    runs = [json.loads(subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout)
            for _ in range(args.runs)]
    bare = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
        bare.append(time.perf_counter() - start)
    print(f"| phase (median of {args.runs} fresh processes, {runs[0]['figures']} figures) | ms |")
    print("|---|---:|")
    print(f"| interpreter start and exit (`python -c pass`) | {statistics.median(bare) * 1000:.0f} |")
    for phase in runs[0]:
        if phase != "figures":
            print(f"| {phase} | {statistics.median(r[phase] for r in runs) * 1000:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
