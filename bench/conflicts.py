"""Conflicts on a real outlet's store: every disagreement, and a sample of each other kind, for a person to judge.

    .venv/bin/python bench/conflicts.py --outlet cctv --store-days 20230301:20230630 [--sample 40] [--seed 1]
        [--workdir DIR] [--json FILE]

Builds (or reuses) the outlet's store as bench/outlets.py does, runs
`factcheck conflicts --format json` on it, and prints the count of each kind,
the time the command took, every `disagreement` and a seeded sample of each
other kind: each entry with its claims (figure, period, source, published
date) and the sentence that gives it. The outlets stay in ../shared/external.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from outlets import OUTLETS, build_store, factcheck


def show(n: int, g: dict) -> None:
    print(f"[{n}] {g['kind']}  {g['subject'] or '(no subject)'} · {g['metric']}")
    if g.get("why"):
        print(f"    {g['why']}")
    for c in g["claims"]:
        period = (c.get("period") or {}).get("label", "undated")
        mark = "→" if c["current"] else " "
        sentence = c.get("sentence") or (c.get("paragraph") or "")[:160]
        print(f"  {mark} {c['text']}  {period}  {Path(c['source']).name}:{c['line']}  {c['published']}")
        print(f"      {sentence[:160]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--outlet", choices=sorted(OUTLETS), default="cctv")
    ap.add_argument("--store-days", required=True, help="FIRST:LAST, YYYYMMDD")
    ap.add_argument("--sample", type=int, default=40, help="entries shown of each kind but disagreement")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-outlets")
    ap.add_argument("--json", type=Path, help="write the command's JSON here")
    a = ap.parse_args()
    if not OUTLETS[a.outlet].is_dir():
        sys.exit(f"no corpus at {OUTLETS[a.outlet]}")
    store = build_store(a.outlet, a.store_days, a.workdir)
    started = time.perf_counter()
    report = json.loads(factcheck("conflicts", "--format", "json", "--store", str(store)).stdout)
    took = time.perf_counter() - started
    if a.json:
        a.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    rng = random.Random(a.seed)
    n = 0
    for kind in ("disagreement", "revision", "update", "superseded"):
        found = [g for g in report["conflicts"] if g["kind"] == kind]
        shown = found if kind == "disagreement" else rng.sample(found, min(a.sample, len(found)))
        print(f"== {kind}: {len(found)} (showing {len(shown)})")
        for g in shown:
            n += 1
            show(n, g)
    counts = ", ".join(f"{v} {k}" for k, v in report["counts"].items() if k != "reconciled")
    print(f"{a.outlet} {a.store_days}: {counts}; `factcheck conflicts` took {took:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
