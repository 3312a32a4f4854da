"""Real-text regression on any outlet: how often does `factcheck check` raise an alarm on copy that is right?

    .venv/bin/python bench/outlets.py --outlet cls --store-days 20260514:20260605 --draft-days 20260606:20260609 \
        [--workdir DIR] [--show alarms|ok|all] [--json FILE]

Outlets (kept outside this repository in ../shared/external; their text is not ours to ship):
  cctv  新闻联播 transcripts, a file a day (news/YYYYMMDD.md, dated by name)
  cls   财联社电报, a financial newswire, a file a day (news/YYYYMMDD.md, front matter)
  gov   政府工作报告, a report a year (corpus/YYYYMMDD.md, front matter)

Any other outlet kept as a folder of the same form (YYYYMMDD*.md, a front matter date or the
name's) is read with --corpus DIR; --outlet then only names it. --store-days may list several
spans, comma-separated (20191001:20191031,20200101:20200229).

One outlet's copy against another's store, as a newsroom re-quotes the wire or the broadcast:
--store-outlet (with --store-corpus for a folder) builds the store from that outlet instead.

    .venv/bin/python bench/outlets.py --outlet cls --store-outlet cctv \
        --store-days 20260114:20260513 --draft-days 20260514:20260518

Builds a store from the outlet's files dated within --store-days, checks the files
within --draft-days as drafts, prints every alarm (contradicted, stale, inconsistent) with the
draft sentence and its evidence, so each can be judged by hand, then the alarms
per 100 figures. Published copy is almost always right, so nearly every alarm is a
false one. `--show ok` prints the `ok` verdicts too, to judge whether each cites the
same fact.

The store is cached in the workdir under a hash of the code it depends on, so a run
after a change to extraction re-ingests and one after a change to judging does not.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTERNAL = ROOT.parent / "shared" / "external"
OUTLETS = {
    "cctv": EXTERNAL / "cctv-xwlb-yuekcc" / "news",
    "cls": EXTERNAL / "cls-telegraph" / "news",
    "gov": EXTERNAL / "gov-work-reports" / "corpus",
}
# What a store's claims depend on: the stages up to extraction, and the store's own files and data.
EXTRACTION = ("reading", "record", "extract", "data", "store/folder.py", "store/manifest.py")
_FRONT = re.compile(r"\A---\s*\n")


def days(corpus: Path, spans: str) -> list[Path]:
    bounds = [span.split(":") for span in spans.split(",")]
    return sorted(p for p in corpus.glob("*.md") if any(first <= p.name[:8] <= last for first, last in bounds))


def dated(path: Path) -> str:
    """The file's text with a front matter date: its own, or its name's (YYYYMMDD)."""
    text = path.read_text(encoding="utf-8")
    if _FRONT.match(text):
        return text
    day = path.name[:8]
    return f"---\ndate: {day[:4]}-{day[4:6]}-{day[6:]}\n---\n\n" + text


def factcheck(*args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "factcheck", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if done.returncode not in (0, 1):
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr[-2000:]}")
    return done


def code_hash() -> str:
    code = hashlib.sha256()
    for name in EXTRACTION:
        place = ROOT / "src" / "factcheck" / name
        for path in sorted(place.rglob("*.py")) + sorted(place.rglob("*.toml")) if place.is_dir() else [place]:
            if path.exists():
                code.update(path.read_bytes())
    return code.hexdigest()[:12]


def build_store(outlet: str, span: str, workdir: Path) -> Path:
    home = workdir / f"{outlet}-store-{span.replace(':', '-').replace(',', '_')}-{code_hash()}"
    if (home / ".done").exists():
        return home / "claims"
    sources = home / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    for path in days(OUTLETS[outlet], span):
        (sources / path.name).write_text(dated(path), encoding="utf-8")
    factcheck("ingest", str(sources), "--store", str(home / "claims"))
    (home / ".done").touch()
    return home / "claims"


def check(outlet: str, span: str, store: Path, workdir: Path) -> dict:
    drafts = workdir / f"{outlet}-drafts-{span.replace(':', '-')}"
    drafts.mkdir(parents=True, exist_ok=True)
    paths = []
    for path in days(OUTLETS[outlet], span):
        target = drafts / path.name
        target.write_text(dated(path), encoding="utf-8")
        paths.append(str(target))
    return json.loads(factcheck("check", "--format", "json", "--store", str(store), *paths).stdout)


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
    ap.add_argument("--outlet", default="cctv", help=f"{', '.join(sorted(OUTLETS))}, or a name for --corpus")
    ap.add_argument("--corpus", type=Path, help="another outlet's folder of YYYYMMDD*.md files")
    ap.add_argument("--store-outlet", help="build the store from this outlet instead (as --outlet)")
    ap.add_argument("--store-corpus", type=Path, help="the store outlet's folder of YYYYMMDD*.md files")
    ap.add_argument("--store-days", required=True, help="FIRST:LAST, YYYYMMDD")
    ap.add_argument("--draft-days", required=True, help="FIRST:LAST, YYYYMMDD")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-outlets")
    ap.add_argument("--show", choices=("alarms", "ok", "all"), default="alarms")
    ap.add_argument("--json", type=Path, help="write the check's JSON here")
    a = ap.parse_args()
    if a.corpus is not None:
        OUTLETS[a.outlet] = a.corpus.resolve()
    elif a.outlet not in OUTLETS:
        ap.error(f"unknown outlet {a.outlet!r}: give its folder with --corpus")
    source = a.store_outlet or a.outlet
    if a.store_corpus is not None:
        OUTLETS[source] = a.store_corpus.resolve()
    elif source not in OUTLETS:
        ap.error(f"unknown outlet {source!r}: give its folder with --store-corpus")
    for outlet in {a.outlet, source}:
        if not OUTLETS[outlet].is_dir():
            sys.exit(f"no corpus at {OUTLETS[outlet]}")
    store = build_store(source, a.store_days, a.workdir)
    report = check(a.outlet, a.draft_days, store, a.workdir)
    if a.json:
        a.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    findings = report["findings"]
    alarms = [f for f in findings if f["verdict"] in ("contradicted", "stale", "inconsistent")]
    for f in findings:
        if f in alarms or a.show == "all" or (a.show == "ok" and f["verdict"] == "ok"):
            show(f)
    s = report["summary"]
    figures = max(s["numbers"], 1)
    print(
        f"{a.outlet}{'' if source == a.outlet else ' against ' + source}: {s['drafts']} drafts, {s['numbers']} figures: {s['ok']} ok, {s['contradicted']} contradicted, "
        f"{s['stale']} stale, {s['unsupported']} unsupported, {s.get('inconsistent', 0)} inconsistent; "
        f"{100 * len(alarms) / figures:.2f} alarms per 100 figures"
    )
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUTF8", "1")
    raise SystemExit(main())
