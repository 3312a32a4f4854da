"""Numerals as news copy writes them, to exact decimals: Chinese, Arabic, and Arabic with a Chinese scale.

cn2an is not a runtime dependency; here it is an independent oracle for the
plain integers both can read.
"""

from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

from factcheck.extract import numerals
from factcheck.extract.numerals import NotANumber


@pytest.mark.parametrize(
    "written, value",
    [
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("一十五", 15),
        ("一百零五", 105),
        ("三百零五", 305),
        ("两百", 200),
        ("一千零一", 1001),
        ("两千零二十三", 2023),
        ("一万二千", 12_000),
        ("九万九千九百九十九", 99_999),
        ("十万", 100_000),
        ("十一万", 110_000),
        ("三十万零五", 300_005),
        ("一百万", 1_000_000),
        ("三千五百万", 35_000_000),
        ("四千万", 40_000_000),
        ("三亿五千万", 350_000_000),
        ("一亿二千万", 120_000_000),
        ("一亿零一", 100_000_001),
        ("一万亿", 10**12),
        ("零", 0),
        ("二〇二三", 2023),  # digit by digit, as years are written
        ("五十五点五七九", Decimal("55.579")),
        ("五点五", Decimal("5.5")),
        ("百分之五十", Decimal("0.5")),
        ("百分之三十点五", Decimal("0.305")),
    ],
)
def test_chinese_numerals(written, value):
    assert numerals.chinese(written) == Decimal(value)
    assert numerals.number(written) == Decimal(value)


def test_a_fraction_is_exact_to_the_precision_decimal_carries():
    assert numerals.chinese("三分之二") == Decimal(2) / Decimal(3)
    assert numerals.chinese("四分之一") == Decimal("0.25")


@pytest.mark.parametrize(
    "written, value",
    [
        ("一万二", 12_000),  # 一万二千 with the last unit left off
        ("两千五", 2_500),
        ("三百五", 350),
        ("一百一", 110),
    ],
)
def test_a_trailing_digit_after_a_unit_is_the_next_place_down(written, value):
    assert numerals.chinese(written) == value


@pytest.mark.parametrize("written", ["十四五", "", "三点", "点", "零分之一", "abc", "G60"])
def test_labels_and_fragments_are_not_numbers(written):
    with pytest.raises(NotANumber):
        numerals.number(written)


@pytest.mark.parametrize(
    "written, value",
    [
        ("1.5万", 15_000),
        ("11370万", 113_700_000),  # seed 004
        ("30850万", 308_500_000),  # seed 004
        ("3.085亿", 308_500_000),  # the same figure in 亿
        ("98亿", 9_800_000_000),  # seed 001
        ("120.41亿", 12_041_000_000),  # seed 000
        ("1.59亿", 159_000_000),  # seed 002
        ("12.2万", 122_000),  # seed 002
        ("0.5亿", 50_000_000),
        ("1,200.5", Decimal("1200.5")),
        ("1,000", 1000),
        ("114.29", Decimal("114.29")),  # seed 002: an index
        ("1,200.5万", 12_005_000),
    ],
)
def test_arabic_numerals_with_and_without_a_chinese_scale(written, value):
    assert numerals.number(written) == Decimal(value)


def test_scaled_figures_compare_exactly_with_no_float_surprises():
    assert numerals.number("30850万") == numerals.number("3.085亿")
    assert numerals.number("0.1亿") + numerals.number("0.2亿") == numerals.number("3000万")


@pytest.mark.parametrize("written", ["1,2", "1.2.3", "1,00"])
def test_malformed_arabic_is_not_a_number(written):
    with pytest.raises(NotANumber):
        numerals.number(written)


@pytest.mark.parametrize(
    "written, bounds",
    [("七八十", (70, 80)), ("三四百", (300, 400)), ("十", None), ("一百", None)],
)
def test_two_adjacent_digits_before_a_unit_name_a_range(written, bounds):
    assert numerals.range_pair(written) == (None if bounds is None else tuple(map(Decimal, bounds)))


@pytest.mark.parametrize(
    "written, step",
    [("1500", 100), ("2000", 1000), ("380", 10), ("10", 10), ("30850", 10), ("十", 10), ("1.5", Decimal("0.1"))],
)
def test_one_step_of_the_last_significant_digit_bounds_余_and_多(written, step):
    # 1500余名 is 1500..1600, 2000余名 is 2000..3000, 十余名 is 10..20
    assert numerals.last_digit_step(written) == Decimal(step)


@pytest.mark.parametrize("written, half", [("7.58", Decimal("0.005")), ("96.2", Decimal("0.05")), ("98", 0), ("1,200", 0)])
def test_half_a_unit_of_the_last_printed_decimal_is_the_printed_precision(written, half):
    assert numerals.half_unit_of_precision(written) == Decimal(half)


# --- cn2an as an oracle -------------------------------------------------------------------------

def _oracle(written: str) -> Decimal:
    """cn2an's reading, or a rejected example when cn2an cannot read its own rendering."""
    try:
        return Decimal(str(cn2an.cn2an(written, "normal")))
    except (ValueError, KeyError):
        reject()  # e.g. an2cn(116700002244) drops the 零 its own parser then requires
        raise AssertionError("unreachable") from None


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.integers(0, 10_000), st.integers(0, 10**16 - 1)))
def test_chinese_integers_read_as_cn2an_reads_them(n):
    written = cn2an.an2cn(n)
    assert numerals.chinese(written) == _oracle(written) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**8), st.integers(1, 999))
def test_chinese_decimals_read_as_cn2an_reads_them(whole, fraction):
    written = cn2an.an2cn(f"{whole}.{fraction:03d}".rstrip("0"))
    assert numerals.chinese(written) == _oracle(written)


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 10**12))
def test_两_reads_as_二_before_a_unit(n):
    written = cn2an.an2cn(n)
    colloquial = written.replace("二百", "两百").replace("二千", "两千").replace("二万", "两万").replace("二亿", "两亿")
    assert numerals.chinese(colloquial) == numerals.chinese(written)


@pytest.mark.parametrize(
    "written, value",
    [("1/3", Decimal(1) / 3), ("2/3", Decimal(2) / 3), ("1/4", Decimal("0.25")), ("３／５", Decimal("0.6")), ("1 3/5", Decimal("1.6"))],
)
def test_a_slashed_fraction_is_its_quotient(written, value):
    assert numerals.number(written) == value
