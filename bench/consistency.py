"""Figures that disagree within one text (FC004), on real days of an outlet: how many computations, how many flags.

    .venv/bin/python bench/consistency.py --outlet gov [--days 19920101:20251231] [--show]

Each file of the outlet (../shared/external, never copied here) within --days is read as a draft,
published on its file's date, and judge/arithmetic.py looks for the relations among its own figures
(a figure told twice, parts and their whole, a share, a change and its rate). Prints the computations
made by kind, the flags per 200 figures, and with --show every flag with its sentence and the
figures it used, for a person to judge. No store is needed: these verdicts need no source.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from outlets import OUTLETS

from factcheck.api import read_text
from factcheck.extract.claims import claims_in
from factcheck.judge.arithmetic import inconsistencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outlet", choices=sorted(OUTLETS), required=True)
    parser.add_argument("--days", default="19000101:29991231", help="FIRST:LAST, as YYYYMMDD")
    parser.add_argument("--show", action="store_true", help="print every flag with what it used")
    a = parser.parse_args()
    first, last = a.days.split(":")
    files = sorted(p for p in Path(OUTLETS[a.outlet]).glob("*.md") if p.stem[:8].isdigit() and first <= p.stem[:8] <= last)
    if not files:
        sys.exit(f"no files of {a.outlet} within {a.days}")
    figures, tally, flags = 0, Counter[str](), Counter[str]()
    for path in files:
        day = dt.date(int(path.stem[:4]), int(path.stem[4:6]), int(path.stem[6:8]))
        claims = list(claims_in(read_text(path.read_text(encoding="utf-8"), path.name, day)))
        figures += len(claims)
        for found in inconsistencies(claims, tally=tally):
            flags[found.computation.kind] += 1
            if a.show:
                c = found.computation
                print(f"{path.name}:{found.figure.line} {found.figure.text} [{c.kind}] {c.formula} | says {c.stated}")
                print(f"    {found.figure.sentence[:200]}")
                for other in found.others:
                    print(f"    < {other.line} {other.text}: {other.sentence[:160]}")
    total = sum(flags.values())
    print(f"{a.outlet}: {len(files)} files, {figures} figures; computations "
          + ", ".join(f"{k} {n}" for k, n in sorted(tally.items())) + f" ({sum(tally.values())} in all); "
          + f"flags {total} ({', '.join(f'{k} {n}' for k, n in sorted(flags.items())) or 'none'}), "
          + f"{200 * total / max(figures, 1):.2f} per 200 figures")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUTF8", "1")
    raise SystemExit(main())
