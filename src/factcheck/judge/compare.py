"""Do two figures agree? Exact arithmetic on base units, bounds and printed precision.

30850万美元 equals 3.085亿美元; 十余名 equals 10余名; 1.6亿元 is consistent
with 1.63亿元 (printed to one decimal); 超55亿元 is not 超45亿元 even though
both bounds overlap, because the writer copied a threshold and changed it.

Two printed figures agree when their rounding intervals overlap: 7.2 stands
for [7.15, 7.25) and 7.3 for [7.25, 7.35), so they do not, while 1.6 and
1.63 do. Intervals that only touch are a mistyped last digit, not rounding.
A coarser figure may also be the finer one cut off at its last digit (13.26亿
for 13.2662亿): statistics offices often print it so.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..record.claim import AT_LEAST, AT_MOST, EXACT, RANGE, Claim

OPEN = {AT_LEAST, AT_MOST}
RATES = ("%", "pp")
NEIGHBOURHOOD = Decimal("1.5")  # 超1000项 agrees with 1400项, not with 5000项


def _overlap(a: tuple[Decimal | None, Decimal | None], b: tuple[Decimal | None, Decimal | None]) -> bool:
    lo = max((x for x in (a[0], b[0]) if x is not None), default=None)
    hi = min((x for x in (a[1], b[1]) if x is not None), default=None)
    return lo is None or hi is None or lo <= hi


def rounded_or_cut(coarse: Decimal, coarse_half: Decimal, fine: Decimal, fine_half: Decimal) -> bool:
    """`fine` printed coarser, rounded (± half its last unit) or cut off at its last digit (up to one unit
    more): 13.26 for 13.2662. Each figure's half unit is its printed precision."""
    return coarse - coarse_half - fine_half <= fine < coarse + 2 * coarse_half + fine_half


def rounded_rate(a: Claim, b: Claim) -> bool:
    """Rates printed to other digits (4% and 3.7%), which `agree` only by rounding one to the other: enough for
    one period's figure, not to say a later period's is the same."""
    return a.unit in RATES and a.precision != b.precision


def agree(a: Claim, b: Claim) -> bool:
    if a.qualifier == b.qualifier == RANGE:
        # 12%-35% against 12%-40%: a range is both its ends.
        return all((x is not None and y is not None and abs(x - y) < a.precision + b.precision) or x == y
                   for x, y in ((a.low, b.low), (a.high, b.high)))
    if a.qualifier == b.qualifier == EXACT and a.precision != b.precision:
        # 13.26亿人 for 132662.08万人, 2.97万亿元 for 29764.03亿元: a coarser figure is the finer one rounded, or cut
        # off at its last digit, as statistics offices often print it; two figures printed alike must match.
        coarse, fine = (a, b) if a.precision > b.precision else (b, a)
        if a.unit in RATES:
            # 增长25% for 25.3%: a rate is rounded to the percent it is printed to, never cut off (6% is not 6.6%).
            return abs(coarse.value - fine.value) <= coarse.precision + fine.precision
        return rounded_or_cut(coarse.value, coarse.precision, fine.value, fine.precision)
    if a.qualifier == b.qualifier:
        # Same wording (both exact, or 超/近/约/余 on both sides): the printed figures must match.
        return abs(a.value - b.value) < a.precision + b.precision or a.value == b.value
    if not _overlap(a.interval(), b.interval()):
        return False
    if OPEN & {a.qualifier, b.qualifier}:
        # 近200亿元 and 超8亿元 overlap as intervals but say different things:
        # an open bound agrees only with a figure in its neighbourhood.
        lo, hi = sorted((abs(a.value), abs(b.value)))
        return hi <= lo * NEIGHBOURHOOD if lo else hi == 0
    return True


PRINTED_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")  # a figure's digits as printed (1,109 and 5.11)


def round_zeros(c: Claim) -> tuple[int, Decimal]:
    """A whole figure's trailing zeros and what one printed unit of it is worth (750万吨: 1 zero, 1万吨 a unit),
    which may be rounding; (0, 0) for a decimal, a figure of zeros alone, or one without."""
    m = PRINTED_DIGITS.search(c.text)
    if m is None or "." in m.group() or not c.value:
        return 0, Decimal(0)
    digits = m.group().replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0"))
    if not zeros or zeros == len(digits):
        return 0, Decimal(0)
    return zeros, c.value / Decimal(digits)

