"""Cases from Recognizers-Text's Chinese specs (NumberModel, PercentModel, CurrencyModel).

Inputs and expected values are copied from the spec records (MIT, Microsoft); the
whole set is scored by bench/peer_numbers.py. These pin the forms the parser and
the extractor learnt from it, and the news forms those changes must not disturb.
"""

from __future__ import annotations

import importlib.util
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from factcheck.extract import numerals
from factcheck.extract.quantity import find_quantities

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT.parent / "shared" / "external" / "recognizers-text"


def close(a: Decimal, b: Decimal) -> bool:
    return a == b or abs(a - b) <= Decimal("1e-9") * max(abs(a), abs(b))


# NumberModel.json: the expected Text and its Resolution.value.
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("两千四百五", "2450"),  # the last digit after a unit is the next place down
        ("九十二万四", "924000"),
        ("千三", "1300"),
        ("一百零十万", "1100000"),
        ("四万万", "400000000"),
        ("四千零四萬", "40040000"),  # traditional 萬
        ("壹佰伍拾", "150"),  # financial capitals
        ("负四十五亿零四百零四万", "-4504040000"),
        ("负10000", "-10000"),
        ("25万6千", "256000"),  # Arabic digits between Chinese units
        ("2千零30万", "20300000"),
        ("１１.92亿", "1192000000"),  # full-width digits
        ("４，５６５", "4565"),
        (".23456000", "0.23456"),
        ("四百亿点零五零", "40000000000.05"),
        ("一千六点五", "1600.5"),
        ("一万万分之七", "7E-08"),
        ("四千二分之三", "0.000714285714285714"),
        ("十一又十四分之一", "11.0714285714286"),
        ("负3分之负一百五十七", "52.3333333333333"),
        ("３分之一百五十七", "52.3333333333333"),
        ("-3/2", "-1.5"),  # slashed fractions, in scope since the parser reads them
        ("３／５", "0.6"),
        ("1 ３/5", "1.6"),
        ("4 6/3", "6"),
    ],
)
def test_numeral(text: str, value: str) -> None:
    assert close(numerals.number(text), Decimal(value))


@pytest.mark.parametrize("text", ["七十百", "十四五", "二三十", "三又四"])
def test_not_a_numeral(text: str) -> None:
    with pytest.raises(numerals.NotANumber):
        numerals.number(text)


# PercentModel.json / CurrencyModel.json: Input, then every expected (value, unit).
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("百分之２．４", [("2.4", "%")]),
        ("千分之２．４", [("0.24", "%")]),
        ("千分之一百一十一点一一二", [("11.1112", "%")]),
        ("２．４个百分点", [("2.4", "pp")]),
        ("六個百分點", [("6", "pp")]),
        ("百分之１，１２３", [("1123", "%")]),
        ("－1２２％", [("-122", "%")]),
        ("负3.9%", [("-3.9", "%")]),
        ("上升了百分之2.2", [("2.2", "%")]),
        ("股票十天收盘价的百分之七十百分位大于1", [("70", "%")]),
        ("百分之6酒精含量的啤酒和32.5%的白酒", [("6", "%"), ("32.5", "%")]),
        ("九折,五五折,八点五折", [("90", "%"), ("55", "%"), ("85", "%")]),
        ("2成,2.5成,２．１成，２成", [("20", "%"), ("25", "%"), ("21", "%"), ("20", "%")]),
        ("苹果折扣一折", [("10", "%")]),
        ("东芝重组另需1万亿日元 已向交易银行申请贷款", [("1000000000000", "JPY")]),
        ("兑换１．０７５３美元", [("1.0753", "USD")]),
        ("兑换1.0092瑞士法郎", [("1.0092", "CHF")]),
        ("央行到期定存单5306亿台币", [("530600000000", "TWD")]),
        ("这台电脑两美元", [("2", "USD")]),
        ("十美元", [("10", "USD")]),
        ("8亿元人民币", [("800000000", "CNY")]),
        ("在下面的价格中选一个，$20，300美圆, ￥300, ok?", [("20", "USD"), ("300", "USD"), ("300", "CNY")]),
    ],
)
def test_found(sentence: str, expected: list[tuple[str, str]]) -> None:
    got = [(q.value, q.unit) for q in find_quantities(sentence)]
    assert len(got) == len(expected)
    for (value, unit), (want, want_unit) in zip(got, expected):
        assert close(value, Decimal(want)) and unit == want_unit


def test_text_and_offsets_are_as_written() -> None:
    [q] = find_quantities("兑换１．０７５３美元")
    assert (q.text, q.start, q.end) == ("１．０７５３美元", 2, 10)


# Spec negatives (no result), and news forms that must stay refused.
@pytest.mark.parametrize(
    "sentence",
    [
        "一切", "四川", "陆地上有许多动物", "小明拾起石子", "两两", "对折", "五百分之2.2",
        "你可以访问一下 https://www.test.com/search?q=30%25%2020%",
        "发议时，订单号 A202107211321363588510367 可用作",
        "２０２３年", "1月1日元旦", "城乡二元结构", "一成不变", "通过几十年的深耕", "数百万元", "七成六",
        "深化“1+3+N”涉企服务体系", "世界500强", "“十四五”规划", "3号楼", "诸暨G60创新港", "一处", "一流",
    ],
)
def test_nothing_found(sentence: str) -> None:
    assert find_quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier", "low", "high"),
    [
        ("十余名技术骨干", "10", "above", "10", "20"),
        ("现有员工1500余名", "1500", "above", "1500", "1600"),
        ("十余万人", "100000", "above", "100000", "200000"),  # NumberModel: 十余万 -> 100000
        ("一千多万元", "10000000", "above", "10000000", "20000000"),
        ("超10家", "10", "at_least", "10", None),
        ("近90%", "90", "at_most", None, "90"),
        ("近三成", "30", "at_most", None, "30"),
    ],
)
def test_qualified(sentence: str, value: str, qualifier: str, low: str | None, high: str | None) -> None:
    [q] = find_quantities(sentence)
    assert (q.value, q.qualifier) == (Decimal(value), qualifier)
    assert q.low == (Decimal(low) if low else None) and q.high == (Decimal(high) if high else None)


@pytest.mark.skipif(not (SPECS / "Specs").is_dir(), reason="Recognizers-Text specs not checked out next to the repo")
def test_bench_meets_target(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("peer_numbers", ROOT / "bench" / "peer_numbers.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "peer_numbers", bench)  # its dataclass looks itself up there
    spec.loader.exec_module(bench)
    right, scored = bench.run(SPECS, verbose=False)
    assert right / scored >= 0.95
    assert capsys.readouterr().out.splitlines()[-1] == f"{right}/{scored} records right ({100 * right / scored:.1f}%)"
