"""What a figure measures: the metric tables in data/metrics.toml, each entry with its test."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from factcheck.extract.metric import (
    DIFFERENT,
    RELATED,
    SAME,
    SIMILAR,
    company_measure,
    compare_metrics,
    contested_measure,
    daily_measure,
    metric_key,
    same_metric,
    standing_measure,
)

TABLES = tomllib.loads(resources.files("factcheck").joinpath("data/metrics.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("wording, meant", sorted(TABLES["same"].items()))
def test_every_wording_in_the_synonym_table_is_compared_as_the_one_it_names(wording, meant):
    # In a metric, as newsrooms write them: 国内生产总值同比增长 and GDP增长 are one measure.
    assert metric_key(f"社会{wording}") == metric_key(f"社会{meant}")
    assert same_metric(f"全年{wording}", meant)


@pytest.mark.parametrize("a, b", [tuple(pair) for pair in TABLES["different"]["pairs"]])
def test_no_pair_in_the_different_table_is_ever_one_metric(a, b):
    assert not same_metric(a, b)
    assert not same_metric(f"货物贸易{a}", f"货物贸易{b}")
    assert not same_metric(f"{a}同比增长", f"{b}同比增长")


@pytest.mark.parametrize("word", TABLES["noise"]["words"])
def test_noise_words_say_nothing_about_the_measure(word):
    assert metric_key(f"利润总额{word}") == metric_key("利润总额")


@pytest.mark.parametrize("word", TABLES["standing"]["words"])
def test_a_standing_measure_describes_a_body_as_it_is(word):
    # 员工2000余名 in July and 1900名 in May are one fact as it stood on two days.
    assert standing_measure(f"公司{word}")
    assert not daily_measure(f"公司{word}")


@pytest.mark.parametrize("word", TABLES["daily"]["words"])
def test_a_daily_measure_is_a_new_figure_every_day(word):
    # 东山精密净卖出超31亿 on two days is two days' trading.
    assert daily_measure(f"东山精密{word}")


@pytest.mark.parametrize(
    "a, b",
    [
        ("规上数控机床产业就实现产值", "规模以上数控机床企业实现产值"),  # seeds 000 and 001: one measure
        ("固定资产投资比上年同期增长", "固定资产投资同比增长"),
        ("汽车产销量分别同比分别增长", "汽车产销量同比增长"),
        ("国内生产总值", "GDP"),
        ("产业规模", "产值"),  # the seeds write 数控机床产业规模 and 数控机床产值 for one figure
    ],
)
def test_wordings_of_one_measure_share_a_key(a, b):
    assert compare_metrics(a, b) == SAME


def test_an_abbreviation_inside_a_longer_latin_word_is_not_that_abbreviation():
    # PM2.5 holds the letters M2, and is no money supply.
    assert "广义货币" not in metric_key("PM2.5平均浓度下降")
    assert metric_key("M2余额") == metric_key("广义货币余额")


def test_a_qualifier_stated_elsewhere_in_the_paragraph_still_qualifies():
    paragraph = "今年一季度，我国软件和信息技术服务业运行态势良好，业务收入28020亿元，同比增长11.9%。"
    assert compare_metrics("软件和信息技术服务业业务收入", "业务收入", "", paragraph) == SAME
    # …but 铁路 said nowhere near the total is a different investment.
    assert compare_metrics("铁路固定资产投资", "固定资产投资", "", "从投资看，一季度，全国固定资产投资10万亿元。") != SAME


def test_worded_apart_is_similar_and_a_shared_head_is_related_not_the_same():
    assert compare_metrics("老街新增电动车集中充电点", "增设老街电动车集中充电点") == SIMILAR
    assert compare_metrics("租赁了面积", "一处面积") == RELATED
    assert compare_metrics("早稻总产量", "晚稻总产量") == SIMILAR  # never SAME: one character is the crop
    assert compare_metrics("旅客运输量", "货邮运输量") != SAME
    assert compare_metrics("", "产值") == DIFFERENT


@pytest.mark.parametrize("word", TABLES["narrowing"]["words"])
def test_a_qualifier_narrowed_in_the_paragraph_is_not_stated_there(word):
    narrowed = f"一季度，规模以上工业{word}企业增加值同比增长7.1%，利润总额同比增长16.0%。"
    plain = "一季度，规模以上工业增加值同比增长6.1%，利润总额同比增长16.0%。"
    assert compare_metrics("利润总额增长", "规模以上工业利润总额增长", narrowed, "") != SAME
    assert compare_metrics("利润总额增长", "规模以上工业利润总额增长", plain, "") == SAME


@pytest.mark.parametrize("word", TABLES["generic"]["words"])
def test_a_generic_head_in_the_paragraph_does_not_qualify_a_bare_metric(word):
    # 连续环比上升 beside 制造业采购经理指数 is no evidence that 指数连续环比上升 elsewhere is that index.
    assert compare_metrics(f"{word}连续上升", "连续上升", "", f"制造业{word}连续上升，企业信心增强") != "same"


def test_a_specific_qualifier_in_the_paragraph_still_qualifies():
    assert compare_metrics("绿电交易量增长", "交易量增长", "", "我国绿电交易规模快速增长，绿电交易量达到") == "same"


@pytest.mark.parametrize("word", TABLES["company"]["words"])
def test_a_measure_every_company_reports_needs_a_name(word):
    assert company_measure(f"第一季度{word}")
    assert not company_measure("农村贫困人口减少")


@pytest.mark.parametrize("word", TABLES["averages"]["words"])
def test_a_measure_per_head_or_per_day_is_never_the_total_it_divides(word):
    assert not same_metric(f"{word}国内生产总值比上年增长", "国内生产总值比上年增长")
    assert compare_metrics(f"{word}国内生产总值", "国内生产总值", "人均国内生产总值70892元。", "") == DIFFERENT
    assert same_metric(f"{word}国内生产总值比上年增长", f"{word}GDP同比增长")  # the word on both sides: one measure


@pytest.mark.parametrize("word", TABLES["contested"]["words"])
def test_a_contested_measure_is_counted_by_more_than_one_agency(word):
    # 海关's car exports (522.1万辆) and 中汽协's (491万辆) are two counts of 2023.
    assert contested_measure(f"我国{word}")
    assert not contested_measure("国内生产总值")


@pytest.mark.parametrize(("index", "name"), [(i, n) for i, names in TABLES["indexes"].items() for n in names])
def test_two_market_indexes_are_two_measures(index, name):
    other = "沪指" if index != "沪指" else "纳指"
    assert compare_metrics(f"{name}收涨涨幅", f"{other}收涨涨幅") == "different"
    assert compare_metrics(f"{name}收涨涨幅", f"{name}收涨涨幅") == "same"
    assert compare_metrics(f"{name}收涨涨幅", f"{index}收涨涨幅") != "different"  # one index by either name
