"""Restatement sets: copy that re-quotes an outlet's own facts, faithfully or not, judged against that outlet.

    .venv/bin/python bench/restate.py bench/restatements/cls.json [--workdir DIR] [--show failures|all]

A set is a JSON file written by a person from the outlet's text (our own wording,
never the outlet's copied whole; the outlet stays in ../shared/external):

    {"outlet": "cls", "store_days": "20260514:20260620",
     "items": [{"id": "cls-f01", "kind": "faithful", "date": "2026-06-28",
                "text": "the draft: one or a few sentences", "figure": "3.2%",
                "source": "20260609.md", "note": "what the source says and why this is faithful"}]}

Kinds and what a careful checker answers:
  faithful  the fact as the source states it, reworded, reordered, subject shortened or period made explicit: ok
  wrong     the fact with a wrong figure: contradicted
  older     an older figure of a fact the store has newer, presented as current: stale
  swapped   a figure given to another subject (another province, company, indicator): never ok

Each item is its own draft, dated `date`, checked against a store of the outlet's
files within `store_days` (built as bench/outlets.py builds it). Prints each item
whose verdict misses, then per kind the rate asked for and, for faithful copy,
the alarms raised.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from outlets import build_store, factcheck

WANTED = {"faithful": "ok", "wrong": "contradicted", "older": "stale", "swapped": "not ok"}
TARGETS = {"faithful": 0.85, "wrong": 0.8, "older": 0.8, "swapped": 1.0}


def hit(verdict: str | None, kind: str) -> bool:
    if kind == "swapped":
        return verdict != "ok"
    return verdict == WANTED[kind]


def run(spec_path: Path, workdir: Path) -> tuple[dict, list[dict]]:
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    store = build_store(spec["outlet"], spec["store_days"], workdir)
    drafts = workdir / f"restate-{spec_path.stem}"
    drafts.mkdir(parents=True, exist_ok=True)
    for old in drafts.glob("*.md"):
        old.unlink()
    paths = []
    for item in spec["items"]:
        path = drafts / f"{item['id']}.md"
        path.write_text(f"---\ndate: {item['date']}\n---\n\n{item['text']}\n", encoding="utf-8")
        paths.append(str(path))
    report = json.loads(factcheck("check", "--format", "json", "--store", str(store), *paths).stdout)
    by_draft: dict[str, list[dict]] = {}
    for f in report["findings"]:
        by_draft.setdefault(Path(f["path"]).stem, []).append(f)
    results = []
    for item in spec["items"]:
        findings = by_draft.get(item["id"], [])
        # The figure as the item names it, or a finding that holds it whole: one end of a range
        # (31.30亿元-33.71亿元), or with a unit the item left off (119万 of 119万股).
        whole = re.compile(rf"(?<![\d.]){re.escape(item['figure'])}(?![\d.])")
        found = [f for f in findings if f["text"] == item["figure"]] or [f for f in findings if whole.search(f["text"])]
        finding = found[0] if found else None
        results.append({**item, "verdict": finding["verdict"] if finding else None, "finding": finding,
                        "alarms": sum(f["verdict"] in ("contradicted", "stale") for f in by_draft.get(item["id"], []))})
    return spec, results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("spec", type=Path, nargs="+")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-outlets")
    ap.add_argument("--show", choices=("failures", "all", "none"), default="failures")
    a = ap.parse_args()
    for spec_path in a.spec:
        spec, results = run(spec_path, a.workdir)
        print(f"== {spec_path.name} ({spec['outlet']}, store {spec['store_days']}, {len(results)} items)")
        for r in results:
            ok = hit(r["verdict"], r["kind"])
            if a.show == "all" or (a.show == "failures" and not ok):
                f = r["finding"]
                why = f["message"] if f else "the figure was not read"
                print(f"  {'✓' if ok else '✗'} {r['id']} {r['kind']}: {r['figure']} → {r['verdict']} (wanted {WANTED[r['kind']]})")
                print(f"      {r['text'][:150]}")
                print(f"      {why[:200]}")
                for reason in (f or {}).get("reasons", [])[:2]:
                    print(f"        - {reason[:200]}")
        for kind, wanted in WANTED.items():
            mine = [r for r in results if r["kind"] == kind]
            if not mine:
                continue
            rate = sum(hit(r["verdict"], kind) for r in mine) / len(mine)
            extra = ""
            if kind == "faithful":
                alarms = sum(r["verdict"] in ("contradicted", "stale") for r in mine)
                extra = f", alarms {alarms}"
            mark = "meets" if rate >= TARGETS[kind] and not (kind == "faithful" and extra != ", alarms 0") else "misses"
            print(f"  {kind}: {len(mine)} items, {wanted} {rate:.2f} (target {TARGETS[kind]:.2f}){extra}: {mark}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUTF8", "1")
    raise SystemExit(main())
