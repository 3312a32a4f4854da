"""Conflicts an editor can act on (#24): a disagreement, a revision, an update and a fuller period told apart,
by the same identity decision `check` makes. Fixtures are short sentences in the style of the outlets
(a broadcast, a report, a wire), reworded.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import store_of
from typer.testing import CliRunner

from factcheck.cli import app, main
from factcheck.judge import conflicts as conflicts_module
from factcheck.judge.conflicts import (
    DISAGREEMENT,
    REVISION,
    SUPERSEDED,
    UPDATE,
    counts,
    find_conflicts,
    select,
)

TWO_MINISTRIES = (
    ("2025-04-20", "商务部数据显示，一季度全国新设立外商投资企业12000家，同比增长5.8%。"),
    ("2025-04-25", "国家统计局数据显示，一季度全国新设立外商投资企业12000家，同比增长7.1%。"),
)
CENSUS = (
    ("2005-03-05", "过去一年，我国经济平稳较快发展。2004年国内生产总值达到136515亿元。"),
    ("2006-03-05", "过去一年，我国经济平稳较快发展。经第一次全国经济普查核实，2004年国内生产总值为159878亿元。"),
)
TOLL = (
    ("2025-01-08", "截至目前，西藏定日县6.8级地震已造成126人遇难。"),
    ("2025-01-09", "截至目前，西藏定日县6.8级地震已造成128人遇难。"),
)
QUARTERS = (
    ("2025-04-16", "一季度，全国规模以上工业增加值同比增长6.5%。"),
    ("2025-07-15", "上半年，全国规模以上工业增加值同比增长6.4%。"),
)


def kinds(*sources: tuple[str, str]) -> list[str]:
    return [g.kind for g in find_conflicts(store_of(*sources))]


def test_two_ministries_giving_one_quarters_growth_apart_disagree_and_each_is_named():
    (found,) = find_conflicts(store_of(*TWO_MINISTRIES))
    assert found.kind == DISAGREEMENT
    assert "商务部" in found.why and "国家统计局" in found.why
    assert {c.text for c in found.claims} == {"5.8%", "7.1%"}


def test_a_years_gdp_restated_after_a_census_is_a_revision_and_the_later_figure_stands():
    (found,) = find_conflicts(store_of(*CENSUS))
    assert found.kind == REVISION
    assert found.current.text == "159878亿元"


def test_one_series_restating_a_closed_periods_figure_is_a_revision_not_a_disagreement():
    restated = (
        ("2019-03-05", "过去一年，我国经济运行平稳。2018年国内生产总值达到90.03万亿元。"),
        ("2020-05-22", "过去一年，我国经济运行平稳。2018年国内生产总值为91.93万亿元。"),
    )
    assert kinds(*restated) == [REVISION]


def test_a_toll_counted_on_two_days_is_an_update():
    (found,) = find_conflicts(store_of(*TOLL))
    assert found.kind == UPDATE
    assert found.current.text == "128人"


def test_a_fuller_period_supersedes_a_shorter_one():
    (found,) = find_conflicts(store_of(*QUARTERS))
    assert found.kind == SUPERSEDED
    assert "一季度 → 上半年" in found.why


def test_forecasts_made_on_other_days_and_other_bodies_figures_are_no_conflict():
    assert kinds(("2026-05-15", "中金公司维持阿里巴巴-SW（09988.HK）评级，目标价172港元。"),
                 ("2026-05-22", "高盛维持阿里巴巴-SW（09988.HK）评级，目标价180港元。")) == []
    assert kinds(("2025-04-16", "一季度，浙江规模以上工业增加值同比增长6.5%。"),
                 ("2025-04-16", "一季度，江苏规模以上工业增加值同比增长7.5%。")) == []


def test_disagreements_come_first_and_every_kind_is_counted_apart():
    found = find_conflicts(store_of(*QUARTERS, *TOLL, *TWO_MINISTRIES, *CENSUS))
    assert [g.kind for g in found] == [DISAGREEMENT, REVISION, UPDATE, SUPERSEDED]
    assert counts(found) == {DISAGREEMENT: 1, "inconsistent": 0, REVISION: 1, UPDATE: 1, SUPERSEDED: 1, "reconciled": 0}


def test_disagreements_rank_by_how_far_apart_then_how_recent():
    wide = (("2025-05-20", "商务部数据显示，前4个月全国实际使用外资金额下降10%。"),
            ("2025-05-22", "国家统计局数据显示，前4个月全国实际使用外资金额下降15%。"))
    found = find_conflicts(store_of(*TWO_MINISTRIES, *wide))
    assert [g.kind for g in found] == [DISAGREEMENT, DISAGREEMENT]
    assert found[0].gap > found[1].gap
    assert found[0].claims[0].text == "10%"


def test_filters_keep_the_kind_the_day_the_body_and_the_measure_asked_for():
    found = find_conflicts(store_of(*QUARTERS, *TOLL, *TWO_MINISTRIES, *CENSUS))
    assert [g.kind for g in select(found, kinds=[UPDATE, SUPERSEDED])] == [UPDATE, SUPERSEDED]
    assert [g.kind for g in select(found, since=dt.date(2025, 4, 21))] == [DISAGREEMENT, SUPERSEDED]
    assert [g.kind for g in select(found, subject="西藏")] == [UPDATE]
    assert [g.kind for g in select(found, metric="国内生产总值")] == [REVISION]


def test_blocks_by_dimension_and_head_noun_hide_no_pair_identity_would_join(monkeypatch):
    store = store_of(*QUARTERS, *TOLL, *TWO_MINISTRIES, *CENSUS, ("2025-07-15", "上半年，全国规上工业增加值增长6.4%。"))
    blocked = find_conflicts(store, include_reconciled=True)
    monkeypatch.setattr(conflicts_module, "_block", lambda c: ("all", "all"))
    assert find_conflicts(store, include_reconciled=True) == blocked


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck]\nsources = ['news']\n", encoding="utf-8")
    news = tmp_path / "news"
    news.mkdir()
    for i, (day, text) in enumerate((*QUARTERS, *TOLL, *TWO_MINISTRIES, *CENSUS)):
        (news / f"{i:02d}.md").write_text(f"---\ndate: {day}\n---\n\n{text}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(app, ["ingest", "news"]).exit_code == 0
    return tmp_path


def test_the_command_labels_each_kind_in_text_json_and_html(project):
    runner = CliRunner()
    text = runner.invoke(app, ["conflicts", "--color", "never"])
    assert text.exit_code == 0
    assert text.stdout.splitlines()[-1] == "1 disagreement, 0 inconsistent, 1 revision, 1 update, 1 superseded"
    data = json.loads(runner.invoke(app, ["conflicts", "--format", "json"]).stdout)
    assert [g["kind"] for g in data["conflicts"]] == [DISAGREEMENT, REVISION, UPDATE, SUPERSEDED]
    assert data["counts"][REVISION] == 1
    assert {"kind", "subject", "metric", "current", "claims"} <= set(data["conflicts"][0])
    page = runner.invoke(app, ["conflicts", "--format", "html"]).stdout
    assert page.startswith("<!DOCTYPE html>")
    assert page.count('<ol class="timeline">') == 4
    assert "≠ disagreement" in page and "<mark>159878亿元</mark>" in page


def test_the_command_filters_and_refuses_an_unknown_kind_or_day_in_one_line(project, capsys):
    runner = CliRunner()
    only = runner.invoke(app, ["conflicts", "--kind", "revision", "--format", "json"])
    assert [g["kind"] for g in json.loads(only.stdout)["conflicts"]] == [REVISION]
    since = runner.invoke(app, ["conflicts", "--since", "2025-04-21", "--subject", "全国", "--format", "json"])
    assert [g["kind"] for g in json.loads(since.stdout)["conflicts"]] == [DISAGREEMENT, SUPERSEDED]
    for bad in (["--kind", "error"], ["--since", "yesterday"]):
        assert main(["conflicts", *bad]) == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_one_text_never_disagrees_with_itself():
    report = ("2023-03-05", "国内生产总值增加到121万亿元，五年年均增长5.2%，十年年均增长6.2%。普惠小微贷款余额年均增长24%。")
    assert kinds(report) == []


def test_a_change_on_the_month_before_is_that_months_not_a_stock_a_later_month_replaces():
    months = (("2023-04-07", "3月末，我国外汇储备规模为31839亿美元，较2月末上升506亿美元。"),
              ("2023-05-07", "4月末，我国外汇储备规模为32048亿美元，较3月末上升209亿美元。"))
    found = find_conflicts(store_of(*months))
    assert [g.kind for g in found] == [SUPERSEDED]
    assert {c.text for c in found[0].claims} == {"31839亿美元", "32048亿美元"}


def test_two_parts_shares_of_one_whole_are_not_one_fact():
    shares = (("2025-08-07", "海关总署数据显示，前7个月，民营企业进出口14.68万亿元，增长7.4%，占我国进出口总值的57.1%。"),
              ("2025-08-14", "海关总署数据显示，前7个月，长三角地区进出口9.59万亿元，同比增长5.4%，占同期全国进出口总值的37.3%。"))
    assert kinds(*shares) == []


def test_a_part_told_after_its_whole_in_one_sentence_is_that_wholes_part():
    store = store_of(("2023-03-07", "海关统计，今年前2个月，我国出口3.5万亿元，同比增长0.9%。"),
                     ("2023-04-08", "1—2月，旅行服务进出口2094.3亿元，增长39.8%，其中出口增长12%，进口增长41.8%。"))
    assert [g.kind for g in find_conflicts(store)] == []
    assert {c.text: c.part_of for c in store.claims}["12%"] == "旅行服务进出口"


def test_a_running_total_that_falls_is_flagged_not_taken_for_an_update():
    fell = (("2025-09-14", "“十四五”以来，内蒙古累计完成防沙治沙6500多万亩。"),
            ("2025-10-21", "“十四五”以来，内蒙古累计完成防沙治沙5000万亩。"))
    (found,) = find_conflicts(store_of(*fell))
    assert found.kind == DISAGREEMENT and "fell" in found.why


def test_when_nobody_is_said_to_speak_two_months_figures_are_no_disagreement():
    unnamed = (("2023-04-10", "一季度，全国汽车出口增长70%。"), ("2023-05-10", "一季度，全国汽车出口增长58%。"))
    assert kinds(*unnamed) == []
    named = (("2023-04-10", "中国汽车工业协会数据显示，一季度，全国汽车出口增长70%。"),
             ("2023-05-10", "中国汽车工业协会数据显示，一季度，全国汽车出口增长58%。"))
    assert kinds(*named) == [REVISION]


def test_a_years_level_then_todays_is_a_later_figure_not_a_running_total():
    review = ("2013-03-05", "一、过去五年工作回顾\n\n我们保持经济平稳较快发展，国内生产总值从26.6万亿元增加到51.9万亿元。")
    assert UPDATE not in kinds(review, ("2025-03-05", "目前，我国国内生产总值达到134.9万亿元。"))
    # 主要表现在 is "shows itself in", not 现在 (now): the figure is undated, and no running total.
    assert kinds(review, ("2025-03-05", "主要表现在，经济规模稳步扩大，国内生产总值达到134.9万亿元。")) == []


def test_a_part_whose_paragraph_gives_it_its_own_figure_is_not_the_whole():
    store = store_of(("2023-03-18", "前两个月，全国高技术产业实际使用外资增长32%。"),
                     ("2023-05-08", "一季度，全国实际使用外资同比增长4.9%。引资质量持续提升，1至3月，高技术产业实际使用外资同比增长18%。"))
    assert all(not {"32%", "4.9%"} <= {c.text for c in g.claims} for g in find_conflicts(store))


def test_a_rise_in_an_unnamed_growth_rate_names_no_measure():
    rises = (("2023-03-15", "我国1—2月份规模以上工业增加值同比增长2.4%，比上年12月回升了1.1个百分点。"),
             ("2023-05-07", "一季度，我国住宿和餐饮业用电量同比增长4.1%，比上年四季度增速回升7.1个百分点。"))
    assert kinds(*rises) == []


def test_a_plan_periods_summary_given_before_it_ends_does_not_supersede_a_stock():
    shares = (("2025-07-20", "截至6月末，青海清洁能源装机占比达94.2%。"),
              ("2025-08-20", "“十四五”期间，青海清洁能源装机占比达94%。"))
    assert SUPERSEDED not in kinds(*shares)


def test_a_named_parts_share_of_the_whole_is_that_parts_fact():
    store = store_of(("2025-06-10", "海关总署数据显示，今年前5个月，粤港澳大湾区内地9市进出口3.61万亿元，占全国进出口总值的20.1%。"))
    from conftest import news

    from factcheck.judge.draft import check_document
    draft = news("今年前5个月，粤港澳大湾区内地9市进出口3.61万亿元，同比增长4.4%，占全国进出口总值的20.1%。", "2025-06-24", "d.md")
    assert {f.text: f.verdict for f in check_document(draft, store)}["20.1%"] == "ok"


def test_progress_as_of_one_day_then_another_is_a_running_count_moving_on_not_a_fuller_period():
    store = store_of(("2023-04-08", "截至目前，全国已春播粮食1亿亩，完成意向面积的10.5%。"),
                     ("2023-05-06", "农业农村部最新农情调度显示，目前全国已春播粮食4.1亿亩，完成意向面积的43.9%。"))
    found = find_conflicts(store)
    assert [c.kind for c in found if "43.9%" in {x.text for x in c.claims}] == [UPDATE]


def test_a_sectors_measure_named_before_its_figure_is_not_the_economys():
    store = store_of(("2025-07-02", "工业和信息化部数据显示，今年前5个月，我国电子信息制造业生产增长较快。"
                                    "今年1—5月，电子信息制造业效益稳步改善，营业收入同比增长9.4%，利润总额同比增长11.9%。"),
                     ("2025-08-27", "国家统计局今天发布数据，1—7月份，全国规模以上工业企业实现利润总额40203.5亿元。"
                                    "实现营业收入78.07万亿元，同比增长2.3%。"))
    assert find_conflicts(store) == []


def test_trade_with_a_group_of_partners_is_not_the_countrys_trade():
    store = store_of(("2023-04-13", "据海关统计，今年一季度，我国外贸进出口总值9.89万亿元，同比增长4.8%。"),
                     ("2023-05-12", "商务部数据显示，2022年，中国与中亚国家提前实现700亿美元贸易目标，今年1—3月贸易额同比增长22%。"))
    assert [c.kind for c in find_conflicts(store)] == []


def test_how_much_sooner_a_milestone_came_is_no_running_figure():
    store = store_of(("2025-07-10", "截至7月9日，今年以来我国快递业务量已突破1000亿件，比2024年达到千亿件提前了35天。"),
                     ("2025-10-12", "截至10月11日，今年以来我国快递业务量已突破1500亿件，比2024年达到1500亿件提前了27天。"))
    assert not [c for c in find_conflicts(store) if any(x.unit == "天" for x in c.claims)]


def test_a_part_named_after_its_whole_does_not_qualify_the_whole():
    store = store_of(
        ("2023-04-08", "商务部公布的数据显示，2023年1—2月，我国服务进出口总额9612.4亿元，同比增长1.5%。\n\n"
                       "1—2月，知识密集型服务进出口4011.7亿元，增长6.2%，占服务进出口总额的比重达到41.7%。"),
        ("2023-05-10", "商务部公布的数据显示，2023年一季度，服务进出口总额15702.3亿元，同比增长8.5%。"
                       "知识密集型服务贸易占比提升，占服务进出口总额的43.6%。"),
    )
    chains = [{c.metric for c in k.claims} for k in find_conflicts(store)]
    assert {"服务进出口总额"} in chains  # 1—2月 → 一季度: the whole, on its own
    assert not [m for m in chains if len(m) > 1], "the part (知识密集型) is not chained with its whole"


# --- listing 12: what a second reader judged wrong ----------------------------------------------------

def _chained(store) -> list[set[str]]:
    return [{c.text for c in k.claims} for k in find_conflicts(store)]


def test_the_whole_before_its_qizhong_part_is_not_that_part():
    store = store_of(
        ("2025-09-16", "仅今年上半年，我国免签入境外国人1320万人次，同比上升52.9%。"),
        ("2025-09-18", "国家移民管理局今天发布，今年1至8月，入境外国人5087.2万人次，同比上升26.8%，"
                       "其中免签入境外国人1560万人次，同比上升51.1%。"),
    )
    assert not [c for c in _chained(store) if "26.8%" in c], "the whole's rate is not the part's"
    assert {"52.9%", "51.1%"} in _chained(store)


def test_a_kind_named_after_qizhong_is_no_topic_of_the_paragraph():
    store = store_of(
        ("2025-08-12", "记者今天从中国汽车工业协会获悉，汽车市场总体平稳。在汽车出口方面，1至7月，新能源汽车出口128.4万辆。"),
        ("2025-09-11", "记者今天从中国汽车工业协会获悉，今年1—8月份，汽车产销量首次双超2000万辆。其中，新能源汽车产销"
                       "分别完成962.5万辆和962万辆。在出口方面，1—8月份，汽车出口425.1万辆。"),
    )
    assert not [c for c in _chained(store) if {"128.4万辆", "425.1万辆"} <= c]


def test_a_fuller_periods_figure_out_of_reach_is_another_scope():
    store = store_of(
        ("2025-07-05", "商务部最新数据显示，前5个月，我国服务进出口总额32100.5亿元。"
                       "1—5月，旅行服务继续快速增长，进出口达9110.2亿元，增长12.1%。"),
        ("2025-08-07", "据海关统计，今年前7个月，我国货物贸易进出口25.5万亿元，同比增长3.4%。"
                       "今年前7个月，进出口总值达到25.5万亿元。"),
    )
    assert not [c for c in _chained(store) if "9110.2亿元" in c]


def test_an_industrys_profit_past_the_semicolon_is_that_industrys():
    store = store_of(
        ("2025-10-09", "工业和信息化部数据显示，前8个月，全国软件业务收入95400亿元，同比增长12.4%，利润总额同比增长12.9%。"),
        ("2025-10-30", "国家统计局今天发布的数据显示：今年前三季度，全国规模以上文化及相关产业企业实现营业收入108500亿元，"
                       "比上年同期增长7.7%；实现利润总额9010亿元，比上年同期增长14.1%。"),
    )
    assert not [c for c in _chained(store) if {"12.9%", "14.1%"} <= c]


def test_ships_held_in_port_for_two_typhoons_are_two_events():
    store = store_of(("2025-07-06", "截至今天中午12时，福建沿海共有76条客渡运航线、190艘客渡船停航。"),
                     ("2025-08-12", "福建海事局在今天9时启动防台风应急响应，沿海共有11条客渡运航线、35艘客渡船停航。"))
    assert not [c for c in _chained(store) if {"190艘", "35艘"} <= c]


def test_a_window_of_days_does_not_replace_a_running_total():
    store = store_of(("2025-07-03", "记者从北京边检总站了解到，截至7月2日，北京口岸今年出入境人员已突破990万人次。"),
                     ("2025-07-13", "数据显示，7月1日至10日，北京口岸出入境人员超63万人次。"))
    assert find_conflicts(store) == []


def test_a_toll_as_of_one_day_then_another_is_an_update():
    store = store_of(("2023-04-19", "根据苏丹卫生部紧急行动中心发布的数据，截至目前，苏丹冲突已造成264人死亡。"),
                     ("2023-05-03", "苏丹卫生部2日宣布，苏丹冲突已造成528人死亡。"))
    assert [c.kind for c in find_conflicts(store)] == [UPDATE]


# --- listing 13 ----------------------------------------------------------------------------------------

def test_the_other_years_milestone_a_lead_is_measured_against_is_no_figure_of_this_year():
    store = store_of(("2025-07-10", "截至7月9日，今年以来我国快递业务量已突破1000亿件，比2024年达到千亿件提前了35天。"),
                     ("2025-10-12", "截至10月11日，今年以来我国快递业务量已突破1500亿件，比2024年达到1500亿件提前了37天。"))
    chains = [{c.text for c in k.claims} for k in find_conflicts(store)]
    assert chains == [{"突破1000亿件", "突破1500亿件"}]


def test_a_count_of_what_has_been_done_so_far_that_falls_is_a_disagreement():
    store = store_of(("2023-03-23", "近日，住房城乡建设部发布，全国已有8150个传统村落列入国家级保护名录。"),
                     ("2023-06-01", "目前，我国已公布国家历史文化名城140座、中国传统村落6810个。"))
    assert [c.kind for c in find_conflicts(store)] == [DISAGREEMENT]


def test_a_toll_since_the_middle_of_a_month_is_a_running_toll():
    store = store_of(("2023-04-19", "根据苏丹卫生部的数据，截至目前，苏丹冲突已造成264人死亡。"),
                     ("2023-05-03", "苏丹卫生部2日宣布，苏丹冲突已造成528人死亡。"),
                     ("2023-05-09", "苏丹武装部队和快速支援部队自4月中旬以来发生武装冲突，根据世界卫生组织数据，苏丹冲突已造成超过590人死亡。"))
    assert [c.kind for c in find_conflicts(store)] == [UPDATE]


def test_a_toll_of_a_strike_dated_after_the_first_toll_is_another_strikes():
    store = store_of(("2025-09-14", "以色列10日空袭也门。据也门卫生部门的最新统计，袭击已造成46人死亡、160人受伤。"),
                     ("2025-09-26", "据也门胡塞武装卫生部门消息，以色列军队25日对也门首都萨那发动大规模空袭，已造成9人死亡、170人受伤。"))
    assert not [k for k in find_conflicts(store) if any(c.text == "170人" for c in k.claims)]


# --- listing 14 ----------------------------------------------------------------------------------------

def test_who_took_part_on_a_day_is_not_the_standing_count_moving_on():
    store = store_of(("2023-03-04", "十四届全国人大现有代表2977人。"),
                     ("2023-03-10", "今天（3月10日），2952名全国人大代表在人民大会堂投下庄严一票。"))
    assert find_conflicts(store) == []


def test_a_rolling_four_week_rate_is_that_windows_not_a_running_rate_moving_on():
    store = store_of(("2023-03-22", "凯度公司发布的报告称，截至2月19日的四周内，英国食品价格较去年同期上涨17.1%。"),
                     ("2023-04-01", "凯度公司近日发布报告称，截至3月19日的四周内，英国食品价格同比上涨17.5%。"))
    assert UPDATE not in [c.kind for c in find_conflicts(store)]


def test_a_headline_restating_a_fallen_count_adds_no_update_to_its_disagreement():
    store = store_of(("2023-03-23", "全国8150个传统村落列入国家级保护名录\n\n近日，住房城乡建设部发布，全国已有8150个传统村落列入国家级保护名录。"),
                     ("2023-06-01", "目前，我国已公布国家历史文化名城140座、中国传统村落6810个。"))
    assert [c.kind for c in find_conflicts(store)] == [DISAGREEMENT]


def test_two_series_figures_for_one_quarter_make_no_chain_to_a_fuller_period():
    store = store_of(("2023-04-11", "今年一季度，我国新能源汽车产销量分别完成165万辆和158.6万辆，同比分别增长27.7%和26.2%。"),
                     ("2023-05-05", "今年一季度，我国太阳能电池、新能源汽车产量分别增长53.2%、22.5%。"),
                     ("2023-06-17", "最新统计数据显示，前5个月，我国高技术制造业投资同比增长12.8%。\n\n"
                                   "与此同时，绿色转型也加大力度。前5个月，新能源汽车、太阳能电池、充电桩产品产量同比分别增长37%、53.6%和57.7%。"))
    assert not [k for k in find_conflicts(store) if any(c.text == "37%" for c in k.claims)]


def test_a_sibling_in_a_chain_is_left_out_and_the_rest_of_the_chain_stands():
    store = store_of(("2025-07-05", "商务部最新数据显示，前5个月，我国服务进出口总额32543.6亿元人民币，同比增长7.7%。"
                                    "1—5月，旅行服务继续快速增长，进出口达9200.5亿元，增长12.2%，为服务贸易第一大领域。"),
                     ("2025-08-05", "商务部今天发布，今年上半年，我国服务进出口总额38872.6亿元人民币，同比增长8.0%。"),
                     ("2025-10-01", "商务部最新数据显示，今年前8个月，我国服务贸易稳步增长，服务进出口总额52476.9亿元人民币，同比增长7.4%。"))
    chains = [sorted(c.text for c in k.claims) for k in find_conflicts(store) if k.kind == SUPERSEDED and k.claims[0].unit == "%"]
    assert ["7.4%", "8.0%"] in chains and not any("12.2%" in chain for chain in chains)


# --- listing 15 ----------------------------------------------------------------------------------------

def test_a_change_against_an_earlier_period_is_that_pairs_not_a_series_a_fuller_period_moves_on():
    store = store_of(("2025-07-15", "国家统计局今天发布数据显示，上半年，全国网上零售额同比增长8.5%，增速比一季度加快0.6个百分点。"),
                     ("2025-09-15", "国家统计局今天发布数据显示，1—8月份，全国网上零售额同比增长9.6%，增速比1—7月份加快0.4个百分点，再创年内新高。"))
    assert not [k for k in find_conflicts(store) if any(c.unit == "pp" for c in k.claims)]


def test_the_level_before_a_days_change_chains_with_nothing():
    store = store_of(("2023-03-24", "英国中央银行英格兰银行23日宣布，将基准利率从4%上调至4.25%。"),
                     ("2023-06-23", "英国中央银行英格兰银行22日宣布，将基准利率从4.5%上调至5%。"))
    assert not [k for k in find_conflicts(store) if any(c.text in ("4%", "4.5%") for c in k.claims)]


# A source whose own figures do not add up: check's FC004 arithmetic, run on each source of the store.
RETAIL = ("2026-05-18", "1—4月份，社会消费品零售总额164941亿元，同比增长1.9%。按消费类型分，1—4月份，商品零售额146058亿元，"
          "同比增长1.7%；餐饮收入18833亿元，增长3.8%。")


def test_a_sources_figures_that_do_not_add_up_are_listed_with_the_computation():
    found = [g for g in find_conflicts(store_of(RETAIL)) if g.kind == "inconsistent"]
    assert len(found) == 1
    entry = found[0]
    assert entry.current.text == "164941亿元"  # the whole its parts do not make
    assert [c.text for c in entry.claims] == ["164941亿元", "146058亿元", "18833亿元"]
    assert entry.computation is not None and entry.computation.expected == "164891亿元"
    assert "商品零售额 146058亿元 + 餐饮收入 18833亿元" in entry.why
    # the same parts adding up, in another source, are no entry
    right = (RETAIL[0], RETAIL[1].replace("18833亿元", "18883亿元"))
    assert [g.kind for g in find_conflicts(store_of(right))] == []


def test_the_command_lists_an_inconsistent_source_in_text_json_and_html(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck]\nsources = ['news']\n", encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "retail.md").write_text(f"---\ndate: {RETAIL[0]}\n---\n\n{RETAIL[1]}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", "news"]).exit_code == 0
    data = json.loads(runner.invoke(app, ["conflicts", "--kind", "inconsistent", "--format", "json"]).stdout)
    (entry,) = data["conflicts"]
    assert entry["kind"] == "inconsistent" and entry["computation"]["kind"] == "parts"
    assert entry["computation"]["stated"] == "164941亿元" and entry["computation"]["expected"] == "164891亿元"
    assert [c["current"] for c in entry["claims"]] == [True, False, False]
    text = runner.invoke(app, ["conflicts", "--color", "never"]).stdout
    assert "(does not add up)" in text and "0 disagreement, 1 inconsistent" in text
    page = runner.invoke(app, ["conflicts", "--format", "html"]).stdout
    assert "∑ inconsistent" in page and "<mark>164941亿元</mark>" in page


def test_a_months_first_estimate_then_its_figure_is_a_revision_not_a_fall():
    found = find_conflicts(store_of(
        ("2025-09-13", "美国密歇根大学12日发布的初步调查数据显示，美国9月份消费者信心指数初值为55.4。"),
        ("2025-09-27", "美国密歇根大学26日发布调查数据显示，9月份美国消费者信心指数为55.1。"),
    ))
    assert [g.kind for g in found] == [REVISION]
