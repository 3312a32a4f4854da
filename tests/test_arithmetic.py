"""Figures of one draft that cannot all be right (FC004, `inconsistent`): no source needed.

Each test is a kind of sentence real copy has, from the seeds or the news the checker was tried on: a
headline restating the body, parts and their whole, a share, a change told with its rate. The ones that
must not be flagged matter as much: a rate on a comparable basis a little off the naive ratio, 其中 parts
that are examples, siblings worded alike, a headline rounding the body's figure.
"""

from __future__ import annotations

import json
from decimal import Decimal

from conftest import news, store_of
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.extract.claims import extract
from factcheck.judge.arithmetic import Tolerance, inconsistencies
from factcheck.judge.draft import check_document
from factcheck.store.protocol import ClaimList

EMPTY = ClaimList.of([])
DEFAULT = Tolerance()


def flagged(draft: str, published: str = "2025-07-15", tolerance: Tolerance = DEFAULT) -> dict[str, str]:
    """The figures the draft's own arithmetic flags, each with the kind of relation it fails."""
    return {i.figure.text: i.computation.kind for i in inconsistencies(extract(news(draft, published)), tolerance)}


def findings(draft: str, published: str = "2025-07-15", store: ClaimList = EMPTY) -> dict[str, object]:
    return {f.text: f for f in check_document(news(draft, published, "draft.md"), store)}


TRADE = "海关总署今天发布，前5个月，我国货物贸易进出口17.94万亿元，同比增长2.5%。"


# --- one fact told twice -------------------------------------------------------------------------------

def test_a_headline_that_mistypes_the_bodys_figure_is_inconsistent_with_it():
    draft = f"### 前5个月我国货物贸易进出口17.49万亿元\n\n{TRADE}"
    found = findings(draft)["17.49万亿元"]
    assert found.verdict == "inconsistent" and found.code == "FC004"
    assert [c.text for c in found.evidence] == ["17.94万亿元"] and found.evidence[0].source == "draft.md"
    assert found.computation.kind == "restated" and found.computation.expected == "17.94万亿元"
    assert findings(draft)["17.94万亿元"].verdict == "unsupported"  # the body is not the one at fault


def test_where_a_figure_is_told_three_times_the_odd_one_is_flagged():
    draft = f"### 前5个月我国货物贸易进出口17.94万亿元\n\n{TRADE}\n\n前5个月，我国货物贸易进出口17.49万亿元。"
    assert flagged(draft) == {"17.49万亿元": "restated"}


def test_a_headline_rounding_the_bodys_figure_is_no_inconsistency():
    draft = ("### 6月4日连板股分析：连板股晋级率36% 存储芯片板块反复活跃\n\n"
             "今日共79股涨停，连板股总数10只，上一交易日共11只连板股，连板股晋级率36.36%（不含ST股、退市股）。")
    assert flagged(draft, "2026-06-04") == {}


def test_siblings_worded_alike_are_not_one_fact_told_twice():
    draft = ("其中，北侧地块成交总价21.3亿，溢价率30.8%，成交楼面价26153元/平方米；南侧地块成交总价17.6亿，溢价率39.7%。\n\n"
             "财联社5月14日电，日本4月货币供应M3年率为1.6%。\n\n财联社5月14日电，日本4月货币供应M2年率为2.3%。")
    assert flagged(draft, "2026-05-15") == {}


def test_a_part_of_the_paragraph_before_is_not_the_whole_told_again():
    draft = ("我国企业在共建“一带一路”国家新签对外承包工程项目合同额4520.1亿元人民币，增长18.2%，"
             "完成营业额3187.2亿元人民币，增长16%。\n\n"
             "2026年1-4月，我国对外承包工程业务完成营业额3752.5亿元人民币，同比增长10.9%。")
    assert flagged(draft, "2026-05-26") == {}


def test_a_rate_is_the_same_fact_only_where_the_figures_it_qualifies_are():
    draft = ("### 印度5月乘用车零售销量402591辆同比增23.25%\n\n"
             "财联社6月8日电，印度5月车辆零售销量2531067辆，同比增9.55%，乘用车零售销量402591辆，同比增23.25%。")
    assert flagged(draft, "2026-06-08") == {}


# --- parts and their whole -----------------------------------------------------------------------------

def test_exports_and_imports_that_do_not_make_the_trade_total_are_inconsistent():
    draft = TRADE + "其中，出口10.67万亿元，增长7.2%；进口7.72万亿元，下降3.8%。"
    found = findings(draft)["17.94万亿元"]
    assert found.verdict == "inconsistent" and found.computation.kind == "parts"
    assert found.computation.expected == "18.39万亿元" and {c.text for c in found.evidence} == {"10.67万亿元", "7.72万亿元"}
    assert flagged(TRADE + "其中，出口10.67万亿元，增长7.2%；进口7.27万亿元，下降3.8%。") == {}


def test_parts_of_a_toll_told_as_one_set_may_not_make_more_than_it():
    line = "以色列军队对该国南部多地发动空袭，造成10人死亡，其中阿拉布萨利姆镇6人死亡和哈鲁夫镇6人死亡。"
    assert flagged(line, "2026-05-14") == {"10人": "parts"}
    # …the same counts, told town by town in their own sentences, make 10: nothing to flag.
    line = ("以色列军队对该国南部多地发动空袭，造成10人死亡、27人受伤。其中，以军空袭阿拉布萨利姆镇，造成6人死亡，"
            "另有12人受伤；以军空袭哈鲁夫镇，造成1人死亡，5人受伤；在鲁明镇，以军空袭造成3人死亡。")
    assert flagged(line, "2026-05-14") == {}


def test_a_part_of_a_part_is_not_counted_twice_against_the_whole():
    line = ("第二产业用电量5584亿千瓦时，同比增长5.3%；其中，工业用电量5538亿千瓦时，同比增长5.5%，"
            "高技术装备制造业用电量1050亿千瓦时，同比增长10.1%。")
    assert flagged(line, "2026-05-19") == {}


# --- a share -------------------------------------------------------------------------------------------

def test_a_share_that_is_not_its_part_over_its_whole_is_inconsistent():
    parts = "其中，出口10.67万亿元，增长7.2%；进口7.27万亿元，下降3.8%。"
    found = findings(TRADE + parts + "出口占进出口总额的65.5%。")["65.5%"]
    assert found.verdict == "inconsistent" and found.computation.kind == "share"
    assert found.computation.expected == "59.48%"
    assert flagged(TRADE + parts + "出口占进出口总额的59.5%。") == {}


# --- a change told with its rate -----------------------------------------------------------------------

def test_a_growth_rate_that_does_not_follow_from_its_two_values_is_inconsistent():
    line = "2025年，易达精密机床产值从1.6亿元增加到2.9亿元，增长18%。"
    found = findings(line, "2026-02-10")["18%"]
    assert found.verdict == "inconsistent" and found.computation.kind == "growth"
    assert found.computation.formula == "2.9亿元 ÷ 1.6亿元 − 1 = 81.25%"
    assert "1 percentage point" in found.computation.tolerance


def test_a_rate_on_a_comparable_basis_a_little_off_the_naive_ratio_is_not_flagged():
    # 46.9 ÷ 38.2 − 1 = 22.8%: official rates are on a comparable basis, so 22.5% is within the tolerance.
    assert flagged("城镇居民人均可支配收入从38.2万元增加到46.9万元，增长22.5%。") == {}
    assert flagged("城镇居民人均可支配收入从2.1万元增加到2.6万元，年均增长4.5%。") == {}  # compounded: not recomputed


def test_the_tolerance_is_the_newsrooms_to_set():
    line = "城镇居民人均可支配收入从38.2万元增加到46.9万元，增长21%。"  # 22.8%: 1.8 points off
    assert flagged(line) == {"21%": "growth"}
    assert flagged(line, tolerance=Tolerance(growth=Decimal(5))) == {}


def test_a_change_in_points_must_be_the_difference_of_its_two_rates():
    assert flagged("科技进步贡献率由52.2%提高到57.5%，提高3.5个百分点。") == {"3.5个百分点": "points"}
    assert flagged("科技进步贡献率由52.2%提高到57.5%，提高5.3个百分点。") == {}


def test_a_multiple_must_follow_from_its_two_values():
    assert flagged("新能源汽车产量从100万辆增加到350万辆，增长1.5倍。") == {"1.5倍": "multiple"}
    assert flagged("新能源汽车产量从100万辆增加到250万辆，增长1.5倍。") == {}


def test_the_start_of_a_years_change_is_the_year_befores_level_not_a_second_figure_for_the_year():
    (start,) = [c for c in extract(news("2025年，企业产值从1.6亿元增加到2.9亿元，增长81%。", "2026-02-10"))
                if c.text == "1.6亿元"]
    assert start.period is not None and start.period.start.year == 2024


# --- with a store, and on the command line --------------------------------------------------------------

def test_where_a_source_bears_out_the_flagged_figure_the_other_one_is_at_fault():
    store = store_of(("2025-06-20", TRADE))
    draft = f"### 前5个月我国货物贸易进出口17.49万亿元\n\n{TRADE}"
    found = findings(draft, store=store)
    assert found["17.94万亿元"].verdict == "ok"
    assert found["17.49万亿元"].verdict == "contradicted"  # a source's alarm says more; the computation goes with it
    assert found["17.49万亿元"].computation is not None


def test_the_check_fails_on_an_inconsistency_and_its_json_carries_the_computation(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.md").write_text("---\ndate: 2026-01-20\n---\n平湖技师学院毕业生就业率稳定在96.2%。\n",
                                              encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest"]).exit_code == 0
    (tmp_path / "d.md").write_text("---\ndate: 2026-02-10\n---\n2025年，企业产值从1.6亿元增加到2.9亿元，增长18%。\n",
                                   encoding="utf-8")
    result = runner.invoke(app, ["check", "--format", "json", "d.md"])
    assert result.exit_code == 1
    (finding,) = [f for f in json.loads(result.stdout)["findings"] if f["verdict"] == "inconsistent"]
    assert finding["code"] == "FC004" and finding["computation"]["kind"] == "growth"
    assert [e["text"] for e in finding["evidence"]] == ["1.6亿元", "2.9亿元"]
    sarif = json.loads(runner.invoke(app, ["check", "--format", "sarif", "d.md"]).stdout)
    assert [r["ruleId"] for r in sarif["runs"][0]["results"] if r["level"] == "error"] == ["FC004"]


# --- titles, summary lines, parts told without 其中, shares that do not name their whole ------------------

def test_a_newswire_title_restating_its_bodys_figure_otherwise_is_inconsistent():
    line = ("【国家统计局：4月份规上工业原油产量1794万吨 同比增长1.2%】财联社5月18日电，国家统计局数据显示，4月份，"
            "规上工业原油产量1749万吨，同比增长1.2%。")
    assert set(flagged(line, "2026-05-18").values()) == {"restated"}
    # …and a title and body alike in all but the measure's first words are two measures.
    line = ("【海关总署：前5个月一般贸易进出口12.47万亿元】财联社6月9日电，前5个月，我国一般贸易进出口12.47万亿元，"
            "加工贸易进出口3.95万亿元。")
    assert flagged(line, "2026-06-09") == {}


def test_a_summary_line_restated_otherwise_in_the_body_is_inconsistent():
    draft = ("6.1—5月全国一般公共预算收入86739亿元；\n\n### 1—5月全国一般公共预算收入86739亿元\n\n"
             "财政部最新数据显示，今年1—5月累计，全国一般公共预算收入87639亿元，扣除留抵退税因素后增长2.9%。")
    assert flagged(draft, "2022-06-16") == {"87639亿元": "restated"}


def test_parts_a_known_partition_names_after_their_whole_must_make_it():
    line = ("财政部数据显示，1—4月，全国一般公共预算支出94809亿元，同比增长1.3%。分中央和地方看，中央一般公共预算本级支出"
            "12190亿元，同比增长5.1%；地方一般公共预算支出81899亿元，同比增长0.7%。")
    assert flagged(line, "2026-05-20") == {"94809亿元": "parts"}
    assert flagged(line.replace("12190亿元", "12910亿元"), "2026-05-20") == {}


def test_a_share_of_the_whole_its_sentence_divides_must_be_the_part_over_it():
    line = "全国人口为140545万人，其中男性人口为71722万人，占53.01%；女性人口为68823万人，占48.97%。"
    assert flagged(line, "2026-05-22") == {"53.01%": "share"}
    # …not a share guessed from a sibling of the same measure (13371亿元, then 7597.2亿元 of another whole).
    line = ("1—11月，全国新增减税降费及退税缓费18125.09亿元。民营经济纳税人新增减税降费及退税缓费13371亿元，占比73.8%。"
            "制造业新增减税降费及退税缓费7597.2亿元，占比41.9%。")
    assert flagged(line, "2023-12-27") == {}


def test_a_rate_told_after_a_change_from_one_years_level_to_anothers_must_follow_from_them():
    assert flagged("我国专任教师总数从2012年的1462.9万人增长到2021年的1844.4万人，增幅达62%。", "2022-09-06") == {
        "62%": "growth"}
    assert flagged("注册资本由42.07亿人民币增至52.07亿人民币，增幅约24%。", "2026-06-09") == {}


def test_a_start_its_sentence_dates_in_a_parallel_clause_is_that_years():
    line = "城镇居民人均可支配收入由2002年7703元增加到2007年13786元，农村居民人均纯收入由2476元增加到4140元。"
    (start,) = [c for c in extract(news(line, "2008-03-05")) if c.text == "2476元"]
    assert start.period is not None and start.period.start.year == 2002


def test_a_share_whose_part_is_named_after_another_figure_is_not_that_figures():
    line = "本届大会共签约项目109个，其中投资5亿元以上的93个，制造业项目占69%。"
    assert flagged(line, "2024-09-28") == {}


def test_a_titles_m2_is_not_the_bodys_m1():
    line = ("【央行：5月末广义货币(M2)余额353.67万亿元 同比增长8.6%】财联社6月12日电，央行数据显示，5月末，广义货币(M2)"
            "余额353.67万亿元，同比增长8.6%。狭义货币(M1)余额114.89万亿元,同比增长5.5%。")
    assert flagged(line, "2026-06-12") == {}


def test_a_headline_cutting_off_the_bodys_rate_or_a_bound_beside_a_figure_past_it_is_no_inconsistency():
    draft = "### 6月11日连板股分析：连板股晋级率26%\n\n今日连板股晋级率26.67%（不含ST股、退市股）。"
    assert flagged(draft, "2026-06-11") == {}
    draft = ("### 南向资金持股量环比增长超20%\n\n南向资金持股量环比增长超20%的个股有15只。\n\n"
             "其中，某公司获南向资金持股量环比增长142.51%。")
    assert "超20%" not in flagged(draft, "2026-06-28")


def test_the_change_before_a_qizhong_is_not_the_whole_it_divides():
    line = "今年拟安排财政赤字1.2万亿元，比去年预算增加4000亿元，其中中央财政赤字8500亿元，代地方发债3500亿元。"
    assert flagged(line, "2013-03-05") == {}
    assert flagged(line.replace("3500亿元", "5300亿元"), "2013-03-05") == {"1.2万亿元": "parts"}


def test_a_title_naming_one_operation_is_not_the_bodys_other_operation_of_the_day():
    line = ("【央行今日开展3000亿元隔夜逆回购操作】财联社6月29日电，央行今日开展1575亿元7天期逆回购操作，操作利率为1.40%。"
            "同时，开展了3000亿元隔夜逆回购操作。")
    assert flagged(line, "2026-06-29") == {}
