"""Arithmetic sets: figures of one draft that cannot all be right (FC004 inconsistent), planted in real copy.

    .venv/bin/python bench/arithmetic.py bench/arithmetic/planted.json [--workdir DIR] [--show failures|all|none]

A set holds references into the outlets' own files, never their text (the outlets
stay in ../shared/external, see bench/outlets.py):

    {"items": [{"id": "cctv-p01", "kind": "planted", "relation": "restated", "outlet": "cctv",
                "file": "20220616.md", "line": 146, "figure": "86739亿元", "occurrence": 0,
                "replacement": "87639亿元", "related": [{"line": 17, "figure": "86739亿元"}],
                "note": "our own words: what the relation is"}]}

`line` is 1-based in the outlet's file; `occurrence` counts the figure's whole
matches on that line (8% is not counted inside 4.8%). Relations: restated (one fact
stated twice), parts (a total and its exhaustive parts), share, growth, points
(percentage-point change) and multiple (倍, 翻番).

  planted  one figure of a relation mistyped (the replacement); the file is checked
           with that one change and the checker should call it inconsistent
  control  the same kinds of relation left as printed, where the figures agree; no
           inconsistent finding should touch them

Every planted item is its own draft; controls share one unmodified draft per file.
All drafts are checked in one run against a store of one unrelated claim (a check
needs a store, and inconsistency needs no source). A finding touches an item when
it is inconsistent and names the item's figure (the replacement, for a planted one)
as its own text, in its evidence or in its computation, from the item's line or a
line of the relation. Prints every miss and false alarm, then per outlet and per
relation: planted caught (recall), controls flagged, and precision = caught /
(caught + false alarms), against the targets.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from outlets import OUTLETS, dated, factcheck

KINDS = ("planted", "control")
RELATIONS = ("restated", "parts", "share", "growth", "points", "multiple")
TARGETS = {"precision": 0.95, "recall": 0.8}
# A store needs a claim; this one matches nothing in any outlet.
BLANK = "---\ndate: 2000-01-01\n---\n\n2000年，某虚构试验站共有3台测试设备。\n"


def whole(figure: str) -> re.Pattern[str]:
    """The figure as a whole number: 8% not inside 4.8%, 1.5 not inside 21.5 or 1.55."""
    tail = r"(?![\d.])" if figure[-1].isdigit() else ""
    return re.compile(rf"(?<![\d.．]){re.escape(figure)}{tail}")


def source_lines(item: dict) -> list[str]:
    return (OUTLETS[item["outlet"]] / item["file"]).read_text(encoding="utf-8").split("\n")


def problems(items: list[dict]) -> list[str]:
    """Every reference that does not hold: the figure must be on its line, at its occurrence."""
    found, seen = [], set()
    for item in items:
        where = f"{item.get('id')}: {item.get('outlet')}/{item.get('file')}:{item.get('line')}"
        if item.get("id") in seen:
            found.append(f"{where}: id used twice")
        seen.add(item.get("id"))
        if item.get("kind") not in KINDS or item.get("relation") not in RELATIONS or item.get("outlet") not in OUTLETS:
            found.append(f"{where}: kind, relation or outlet unknown")
            continue
        if (item["kind"] == "planted") != bool(item.get("replacement")) or item.get("replacement") == item["figure"]:
            found.append(f"{where}: a planted item needs a replacement that differs, a control none")
        path = OUTLETS[item["outlet"]] / item["file"]
        if not path.exists():
            found.append(f"{where}: no such file")
            continue
        lines = source_lines(item)
        for line, figure, occurrence in [(item["line"], item["figure"], item["occurrence"])] + [
                (r["line"], r["figure"], 0) for r in item.get("related", [])]:
            if not 1 <= line <= len(lines) or len(whole(figure).findall(lines[line - 1])) <= occurrence:
                found.append(f"{where}: {figure} (occurrence {occurrence}) is not on line {line}")
    return found


def draft_text(item: dict | None, path: Path) -> tuple[str, int]:
    """The file as a draft, with the planted figure changed; and how many lines front matter added."""
    original = path.read_text(encoding="utf-8")
    front = dated(path)[: -len(original)]
    lines = original.split("\n")
    if item is not None:
        line = lines[item["line"] - 1]
        match = list(whole(item["figure"]).finditer(line))[item["occurrence"]]
        lines[item["line"] - 1] = line[: match.start()] + item["replacement"] + line[match.end():]
    return front + "\n".join(lines), front.count("\n")


def touches(finding: dict, item: dict, figure: str) -> bool:
    """Whether an inconsistent finding is about this item's figure, seen from a line of its relation."""
    if finding["verdict"] != "inconsistent":
        return False
    pattern = whole(unicodedata.normalize("NFKC", figure))  # 9％ in the file is 9% in the finding's text
    computation = finding.get("computation") or {}
    named = [(finding["line"], finding["text"])] + [(e.get("line"), e.get("text", "")) for e in finding["evidence"]]
    named += [(finding["line"], str(value)) for value in computation.values()]
    lines = {item["line"]} | {r["line"] for r in item.get("related", [])}
    return any(line in lines and pattern.search(unicodedata.normalize("NFKC", text)) for line, text in named)


def run(items: list[dict], workdir: Path) -> dict[str, list[dict]]:
    """Check every draft once; the inconsistent findings of each item's draft, lines as in the outlet's file."""
    home = workdir / "arithmetic"
    if not (home / "store" / ".done").exists():
        (home / "blank").mkdir(parents=True, exist_ok=True)
        (home / "blank" / "blank.md").write_text(BLANK, encoding="utf-8")
        factcheck("ingest", str(home / "blank"), "--store", str(home / "store"))
        (home / "store" / ".done").touch()
    drafts = home / "drafts"
    drafts.mkdir(parents=True, exist_ok=True)
    for old in drafts.glob("*.md"):
        old.unlink()
    name_of, offsets = {}, {}
    for item in items:
        planted = item["kind"] == "planted"
        name = f"{item['id']}.md" if planted else f"{item['outlet']}-{item['file']}"
        name_of[item["id"]] = name
        if not (drafts / name).exists():
            text, offsets[name] = draft_text(item if planted else None, OUTLETS[item["outlet"]] / item["file"])
            (drafts / name).write_text(text, encoding="utf-8")
    report = json.loads(factcheck("check", "--format", "json", "--store", str(home / "store"), str(drafts)).stdout)
    by_draft = defaultdict(list)
    for f in report["findings"]:
        if f["verdict"] != "inconsistent":
            continue
        name = Path(f["path"]).name
        shift = offsets.get(name, 0)
        evidence = [{**e, "line": e.get("line", 0) - shift} for e in f.get("evidence", [])
                    if Path(str(e.get("source", name))).name == name]  # the draft's own lines only
        by_draft[name].append({**f, "line": f["line"] - shift, "evidence": evidence})
    return {item["id"]: by_draft[name_of[item["id"]]] for item in items}


def tally(results: list[dict]) -> tuple[str, bool]:
    """Recall, false alarms and precision of some results, and whether they meet the targets."""
    planted = [r for r in results if r["kind"] == "planted"]
    controls = [r for r in results if r["kind"] == "control"]
    caught = sum(r["hit"] for r in planted)
    alarms = sum(r["hit"] for r in controls)
    recall = caught / len(planted) if planted else 0.0
    precision = caught / (caught + alarms) if caught + alarms else 0.0
    text = (f"planted caught {caught}/{len(planted)} (recall {recall:.2f}), "
            f"controls flagged {alarms}/{len(controls)}, precision {precision:.2f}")
    return text, precision >= TARGETS["precision"] and recall >= TARGETS["recall"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("spec", type=Path)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-outlets")
    ap.add_argument("--show", choices=("failures", "all", "none"), default="failures")
    a = ap.parse_args()
    items = json.loads(a.spec.read_text(encoding="utf-8"))["items"]
    if bad := problems(items):
        sys.exit("bad references in {}:\n  {}".format(a.spec, "\n  ".join(bad)))
    findings = run(items, a.workdir)
    results = []
    for item in items:
        figure = item.get("replacement") or item["figure"]
        mine = [f for f in findings[item["id"]] if touches(f, item, figure)]
        results.append({**item, "hit": bool(mine), "findings": mine})
        wrong = bool(mine) != (item["kind"] == "planted")
        if a.show == "all" or (a.show == "failures" and wrong):
            label = "false alarm" if item["kind"] == "control" and mine else "missed" if wrong else "ok"
            change = f"{item['figure']} → {item['replacement']}" if item["kind"] == "planted" else item["figure"]
            print(f"  {'✗' if wrong else '✓'} {item['id']} {item['relation']} {label}: "
                  f"{item['outlet']}/{item['file']}:{item['line']} {change}")
            print(f"      {item['note'][:160]}")
            for f in mine[:2]:
                print(f"      line {f['line']} {f['text']}: {f['message'][:160]}")
    print(f"== {a.spec.name}: {len(items)} items")
    for field in ("outlet", "relation"):
        for value in sorted({r[field] for r in results}):
            print(f"  {field} {value}: {tally([r for r in results if r[field] == value])[0]}")
    text, meets = tally(results)
    print(f"  all: {text}; targets precision {TARGETS['precision']:.2f}, recall {TARGETS['recall']:.2f}: "
          f"{'meets' if meets else 'misses'}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUTF8", "1")
    raise SystemExit(main())
