"""Score our numeral parser and quantity extractor against Recognizers-Text's Chinese specs.

Peer data: the Chinese ``NumberModel``, ``PercentModel`` and ``CurrencyModel`` records
of Microsoft Recognizers-Text (MIT), copied in ``../shared/external/recognizers-text``
(see its README for the record format). Run from anywhere:

    .venv/bin/python bench/peer_numbers.py [--specs DIR] [--verbose]

How a record is judged (it is right only when every expected result is right):

* NumberModel, a record with results: ``numerals.number`` on each expected ``Text``
  must give ``Resolution.value``. ``find_quantities`` is a claim extractor and
  deliberately drops bare numbers (两百, 1991), so the parser is what is measured.
  The span is normalised first the way the spec itself reads it: whitespace
  removed (一百 五 十 二), except between two digits (1 3/5), and the approximate markers 余/多/几 dropped
  (十余万 → 100000, as the spec resolves it; find_quantities keeps the step as
  the upper bound instead).
* NumberModel, a record with no results (一切, 四川, 陆地上有许多动物, 两两):
  ``find_quantities`` on the Input must return nothing except currency/percent
  figures, which the CurrencyModel/PercentModel records own (the spec lists
  苹果折扣一美元 as a non-number here and as 1 USD there).
* PercentModel / CurrencyModel: ``find_quantities`` on the Input must return, for
  each expected result, a distinct quantity overlapping the expected span with
  the expected value (relative tolerance 1e-9) and unit: ``pp`` when the span is
  个百分点, ``%`` otherwise; the ``isoCurrency`` code for currency (any currency
  code when the spec gives none, as for ``$20``). A record with no results must
  yield no percent (or no currency) quantity. Whitespace between characters is
  removed from the Input first (PDF and OCR copy is full of it: 注册资本 170万美元);
  offsets are mapped back for the span check.

Out of scope, each for a stated reason (counted and printed per reason):

* flagged ``NotSupported``/``NotSupportedByDesign`` for the python port: the
  peer's own Python implementation does not meet them;
* exponent notation (2e5, 2^5, 1.1^+23) and Latin magnitude suffixes (40k,
  -2.5 M, 百分之15Ｋ): English/engineering notation, not Chinese news copy;
* 兆 as 10^12 (五兆六十二亿, 四十九兆…億元): Taiwan/Japanese usage; in mainland
  copy 兆 is 10^6 (兆瓦, 兆帕), so we give it no numeral value rather than guess;
* 打 = a dozen (五十打): a measure word, not a numeral; in news 打 is a verb (打造);
* financial capitals (大写 壹贰叁肆伍陆柒捌玖拾佰仟) in running text for
  find_quantities: 陆/伍/拾/肆 are everyday words (陆地, 队伍, 拾起, 肆意), so the
  extractor reads only ordinary numerals (the numeral parser does read them, and
  the NumberModel records with them stay in scope);
* spec negatives that are digit-pair ranges (二三十个百分点): by design we extract
  them as a range (七八十名 → 70–80, as news means), the spec drops them;
* unit-only currency mentions (人民币 美元, value null): not figures;
* sub-unit compounds (五元三毛, 两美元又三美分, 10日元5日本銭): shop-counter speech;
  news prints 5.3元;
* crypto-asset amounts (20个比特币): no ISO 4217 code, no unit in our store.

Slashed fractions (1/2, ３／５, 1 4/3) are in scope since the parser reads them
(the extractor reads 1/3以上 as a share; 1/2决赛 stays a round).

Traditional script: the suite has no Traditional or zh-TW folder; its
traditional records are mixed into the Chinese specs (80 of NumberModel's
365 inputs, 37 of PercentModel's 152, 1 of CurrencyModel's 35). They are
scored with the rest, and counted apart in the table by kind, beside the
other kinds issue #13 taught the extractor: spelled-out decimals (五十五点五七九),
fractions (三分之二, 1/3), compound figures (25万6千) and bare powers of ten (千亿).

The last line printed is ``N/M records right (P%)`` over the in-scope records.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from factcheck.data import load_data
from factcheck.extract import numerals
from factcheck.extract.quantity import Quantity, find_quantities

DEFAULT_SPECS = ROOT.parent / "shared" / "external" / "recognizers-text"
FILES = {
    "NumberModel": "Specs/Number/Chinese/NumberModel.json",
    "PercentModel": "Specs/Number/Chinese/PercentModel.json",
    "CurrencyModel": "Specs/NumberWithUnit/Chinese/CurrencyModel.json",
}
TOLERANCE = Decimal("1e-9")
CAPITALS = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟"
TRADITIONAL = load_data("script.toml")["traditional"]  # what factcheck.script folds


# Kinds of numeral counted apart in the report: what issue #13 taught the extractor to read.
KINDS: dict[str, Callable[[str], bool]] = {
    "traditional script": lambda text: bool(re.search(f"[{TRADITIONAL}]", text)),
    "spelled-out decimal": lambda text: bool(re.search(r"[零〇一二两三四五六七八九十][点點][零〇一二三四五六七八九]", text)),
    "fraction": lambda text: "分之" in text or bool(re.search(r"\d\s*[/／]\s*\d", text)),
    "compound": lambda text: bool(re.search(r"[\d０-９][万萬亿億][\d０-９]", text)),
    # 千亿 alone, at the start or after a threshold word (超百万, 突破千亿): not 百分之, not 三千
    "power of ten": lambda text: bool(
        re.search(r"(?:^|[超破上近逾约])[十百千万萬亿億]{1,3}(?![\d０-９零〇一二两三四五六七八九十百千万萬亿億分点點])", text)
    ),
}


@dataclass
class Tally:
    right: int = 0
    wrong: int = 0
    out: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)  # in-scope records of each kind
    kinds_right: Counter[str] = field(default_factory=Counter)


# ---------------------------------------------------------------- scope


def _texts(record: dict) -> str:
    return " ".join(r.get("Text", "") for r in record["Results"])


def _flagged_python(record: dict, kind: str) -> bool:
    flags = f"{record.get('NotSupported', '')},{record.get('NotSupportedByDesign', '')}"
    return "python" in flags.lower()


def _exponent_or_suffix(record: dict, kind: str) -> bool:
    return bool(re.search(r"\d\s*[eE][-+－]?\d|\^|\d\s*[kKＫ]|\d\s*[mM]\b", _texts(record)))


def _zhao(record: dict, kind: str) -> bool:
    return "兆" in _texts(record)


def _dozen(record: dict, kind: str) -> bool:
    return kind == "NumberModel" and "打" in _texts(record)


def _capitals_in_text(record: dict, kind: str) -> bool:
    return kind != "NumberModel" and any(ch in CAPITALS for ch in _texts(record))


def _range_negative(record: dict, kind: str) -> bool:
    return not record["Results"] and bool(re.search(r"[一二三四五六七八九]{2}[十百千万亿]", record["Input"]))


def _unit_only(record: dict, kind: str) -> bool:
    return any(r["Resolution"].get("value") is None for r in record["Results"])


def _sub_unit(record: dict, kind: str) -> bool:
    return kind == "CurrencyModel" and bool(re.search(r"[元币]\S*[角毛分銭]|美分", _texts(record)))


def _crypto(record: dict, kind: str) -> bool:
    return "比特币" in _texts(record)


SCOPE: list[tuple[str, Callable[[dict, str], bool]]] = [
    ("flagged NotSupported for the python port", _flagged_python),
    ("exponent notation / Latin k, M suffix (English notation)", _exponent_or_suffix),
    ("兆 as 10^12 (10^6 in mainland usage)", _zhao),
    ("打 = dozen (a measure word, not a numeral)", _dozen),
    ("financial capitals in running text (陆地, 队伍, 拾起)", _capitals_in_text),
    ("digit-pair range negative (we extract 二三十 as a range)", _range_negative),
    ("unit-only currency mention (no figure)", _unit_only),
    ("sub-unit compound (五元三毛)", _sub_unit),
    ("crypto-asset amount (no ISO code)", _crypto),
]


def out_of_scope(record: dict, kind: str) -> str | None:
    """The first stated reason that puts the record out of scope, if any."""
    for reason, test in SCOPE:
        if test(record, kind):
            return reason
    return None


# ---------------------------------------------------------------- judging


def close(a: Decimal, b: Decimal) -> bool:
    """Equal within a relative 1e-9 (the spec prints 15 significant digits for 1/3)."""
    if a == b:
        return True
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


def expected_value(resolution: dict) -> Decimal:
    return Decimal(str(resolution["value"]).rstrip("%"))


def _fold_spaces(text: str) -> tuple[str, list[int]]:
    """Drop whitespace unless it separates two ASCII letters/digits; keep each char's original index."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            left = out[-1] if out else ""
            right = next((c for c in text[i + 1 :] if not c.isspace()), "")
            if not (left.isascii() and left.isalnum() and right.isascii() and right.isalnum()):
                continue  # also drops the rest of a run: `left` is then the kept space
        out.append(ch)
        index.append(i)
    return "".join(out), index


def _parse_span(text: str) -> Decimal:
    """The spec's reading of a NumberModel span: spaces gone, 余/多/几 dropped."""
    plain = re.sub(r"(?<![\d０-９])\s+|\s+(?![\d０-９])", "", text)
    plain = re.sub(r"(?<=[\w])[余多几幾](?=[\w])", "", plain)
    return numerals.number(plain)


def _percent_or_money(q: Quantity) -> bool:
    return q.unit in ("%", "pp") or q.is_currency


def judge_number(record: dict) -> str | None:
    """None when right, else why not."""
    if not record["Results"]:
        found = [q for q in find_quantities(_fold_spaces(record["Input"])[0]) if not _percent_or_money(q)]
        return f"found {[q.text for q in found]}" if found else None
    for r in record["Results"]:
        want = expected_value(r["Resolution"])
        try:
            got = _parse_span(r["Text"])
        except numerals.NotANumber:
            return f"{r['Text']!r}: not parsed, want {want}"
        if not close(got, want):
            return f"{r['Text']!r}: got {got}, want {want}"
    return None


def _want_unit(kind: str, result: dict) -> str | None:
    if kind == "PercentModel":
        return "pp" if re.search(r"百\s*分\s*[点點]", result["Text"]) else "%"
    return result["Resolution"].get("isoCurrency")


def _unit_ok(q: Quantity, kind: str, unit: str | None) -> bool:
    if unit is None:
        return q.is_currency
    return q.unit == unit


def judge_found(record: dict, kind: str) -> str | None:
    """None when every expected figure was found, at its span, with its value and unit."""
    text, index = _fold_spaces(record["Input"])
    found = find_quantities(text)
    if not record["Results"]:
        wrong = [q for q in found if (q.unit in ("%", "pp") if kind == "PercentModel" else q.is_currency)]
        return f"found {[q.text for q in wrong]}" if wrong else None
    pool = list(found)
    for r in record["Results"]:
        want, unit = expected_value(r["Resolution"]), _want_unit(kind, r)
        lo, hi = r["Start"], r["End"] + 1
        hit = next(
            (q for q in pool
             if close(q.value, want) and _unit_ok(q, kind, unit) and index[q.start] < hi and lo <= index[q.end - 1]),
            None,
        )
        if hit is None:
            got = [(q.text, str(q.value), q.unit) for q in found]
            return f"{r['Text']!r}: want {want} {unit}, found {got}"
        pool.remove(hit)
    return None


def judge(record: dict, kind: str) -> str | None:
    return judge_number(record) if kind == "NumberModel" else judge_found(record, kind)


# ---------------------------------------------------------------- main


def run(specs: Path, verbose: bool) -> tuple[int, int]:
    tallies: dict[str, Tally] = {}
    for kind, rel in FILES.items():
        tally = tallies[kind] = Tally()
        for record in json.loads((specs / rel).read_text(encoding="utf-8")):
            reason = out_of_scope(record, kind)
            if reason:
                tally.out[reason] += 1
                continue
            problem = judge(record, kind)
            kinds = [k for k, test in KINDS.items() if test(record["Input"])]
            tally.kinds.update(kinds)
            if problem is None:
                tally.kinds_right.update(kinds)
                tally.right += 1
            else:
                tally.wrong += 1
                tally.failures.append(f"{record['Input'][:40]!r}: {problem}")
    return report(tallies, verbose)


def report(tallies: dict[str, Tally], verbose: bool) -> tuple[int, int]:
    print(f"{'kind':<14}{'records':>8}{'in scope':>10}{'right':>7}{'wrong':>7}{'out':>5}")
    for kind, t in tallies.items():
        n_out = sum(t.out.values())
        total = t.right + t.wrong + n_out
        print(f"{kind:<14}{total:>8}{t.right + t.wrong:>10}{t.right:>7}{t.wrong:>7}{n_out:>5}")
    print("\nout of scope:")
    reasons: Counter[str] = Counter()
    for t in tallies.values():
        reasons.update(t.out)
    for reason, _ in SCOPE:
        if reasons[reason]:
            per_kind = ", ".join(f"{k} {t.out[reason]}" for k, t in tallies.items() if t.out[reason])
            print(f"  {reasons[reason]:>3}  {reason} ({per_kind})")
    print("\nby kind of numeral (in-scope records right / in scope):")
    for name in KINDS:
        cells = [f"{k} {t.kinds_right[name]}/{t.kinds[name]}" for k, t in tallies.items() if t.kinds[name]]
        total_right = sum(t.kinds_right[name] for t in tallies.values())
        total = sum(t.kinds[name] for t in tallies.values())
        print(f"  {name:<20} {total_right:>3}/{total:<3} ({', '.join(cells)})")
    failures = [(k, f) for k, t in tallies.items() for f in t.failures]
    if failures:
        print(f"\nwrong ({len(failures)}):" if verbose else f"\nwrong: {len(failures)} (--verbose lists them)")
        if verbose:
            for kind, f in failures:
                print(f"  [{kind}] {f}")
    right = sum(t.right for t in tallies.values())
    scored = sum(t.right + t.wrong for t in tallies.values())
    print(f"{right}/{scored} records right ({100 * right / scored:.1f}%)")
    return right, scored


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--specs", type=Path, default=DEFAULT_SPECS, help="the recognizers-text folder (holds Specs/)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every wrong record")
    args = parser.parse_args(argv)
    if not (args.specs / FILES["NumberModel"]).is_file():
        parser.error(f"no Recognizers-Text specs under {args.specs}")
    run(args.specs, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
