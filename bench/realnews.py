"""Real-news regression: how often does `factcheck check` raise an alarm on news that is right?

    .venv/bin/python bench/realnews.py --store-days 20230101:20230430 --draft-days 20230501:20230507 \
        [--corpus DIR] [--workdir DIR] [--show ok|alarms|all] [--json FILE]

Builds a store from a run of 新闻联播 days (../shared/external/cctv-xwlb-yuekcc,
kept outside this repository: its text is not ours to ship), checks the days
after it as drafts, and prints every alarm (contradicted, stale) with the
draft sentence and the evidence sentence, so each can be judged by hand, then
the alarms per 100 figures. Broadcast news is almost always right, so nearly
every alarm here is a false one: the target is under 1 per 100 figures, each
explained. `--show ok` prints the `ok` verdicts too, to judge whether each
cites the same fact.

The store is cached in the workdir under a hash of the source code, so a run
after a change to the extractor re-ingests and a run after a change to the
verdict rules does not.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "external" / "cctv-xwlb-yuekcc" / "news"
# What a store's claims depend on: the stages up to extraction, and the store's own files and data.
EXTRACTION = ("reading", "record", "extract", "data", "store/folder.py", "store/manifest.py")


def _days(corpus: Path, span: str) -> list[Path]:
    first, last = span.split(":")
    return sorted(p for p in corpus.glob("*.md") if first <= p.name[:8] <= last)


def _with_date(path: Path) -> str:
    day = path.name[:8]
    return f"---\ndate: {day[:4]}-{day[4:6]}-{day[6:]}\n---\n\n" + path.read_text(encoding="utf-8")


def _factcheck(*args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "factcheck", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if done.returncode not in (0, 1):
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr[-2000:]}")
    return done


def build_store(corpus: Path, span: str, workdir: Path) -> Path:
    code = hashlib.sha256()
    for name in EXTRACTION:
        place = ROOT / "src" / "factcheck" / name
        for path in sorted(place.rglob("*.py")) + sorted(place.rglob("*.toml")) if place.is_dir() else [place]:
            if path.exists():
                code.update(path.read_bytes())
    home = workdir / f"store-{span.replace(':', '-')}-{code.hexdigest()[:12]}"
    if (home / ".done").exists():
        return home / "claims"
    sources = home / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    for path in _days(corpus, span):
        (sources / path.name).write_text(_with_date(path), encoding="utf-8")
    _factcheck("ingest", str(sources), "--store", str(home / "claims"))
    (home / ".done").touch()
    return home / "claims"


def check(corpus: Path, span: str, store: Path, workdir: Path) -> dict:
    drafts = workdir / f"drafts-{span.replace(':', '-')}"
    drafts.mkdir(parents=True, exist_ok=True)
    paths = []
    for path in _days(corpus, span):
        target = drafts / path.name
        target.write_text(_with_date(path), encoding="utf-8")
        paths.append(str(target))
    return json.loads(_factcheck("check", "--format", "json", "--store", str(store), *paths).stdout)


def _evidence(f: dict) -> str:
    if not f["evidence"]:
        return ""
    e = f["evidence"][0]
    return f"      ← {Path(e['source']).name}:{e['line']} {e['text']} [{e.get('subject')}|{e.get('metric')}]: {e['sentence'][:160]}"


def show(f: dict) -> None:
    c = f["claim"]
    period = (c.get("period") or {}).get("label", "")
    print(f"  {Path(f['path']).name}:{f['line']} {f['verdict']} {f['text']} [{c.get('subject')}|{c.get('metric')}|{period}]")
    print(f"      {c['sentence'][:160]}")
    if f["evidence"] and f["verdict"] != "unsupported":
        print(_evidence(f))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--store-days", required=True, help="FIRST:LAST, YYYYMMDD")
    ap.add_argument("--draft-days", required=True, help="FIRST:LAST, YYYYMMDD")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-realnews")
    ap.add_argument("--show", choices=("alarms", "ok", "all"), default="alarms")
    ap.add_argument("--json", type=Path, help="write the check's JSON here")
    a = ap.parse_args()
    if not a.corpus.is_dir():
        sys.exit(f"no corpus at {a.corpus} (pass --corpus)")
    store = build_store(a.corpus, a.store_days, a.workdir)
    report = check(a.corpus, a.draft_days, store, a.workdir)
    if a.json:
        a.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    findings = report["findings"]
    alarms = [f for f in findings if f["verdict"] in ("contradicted", "stale")]
    for f in findings:
        if f in alarms or a.show == "all" or (a.show == "ok" and f["verdict"] == "ok"):
            show(f)
    s = report["summary"]
    figures = max(s["numbers"], 1)
    print(
        f"{s['drafts']} drafts, {s['numbers']} figures: {s['ok']} ok, {s['contradicted']} contradicted, "
        f"{s['stale']} stale, {s['unsupported']} unsupported; {100 * len(alarms) / figures:.2f} alarms per 100 figures"
    )
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUTF8", "1")
    raise SystemExit(main())
