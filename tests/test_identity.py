"""Trust on real news: an alarm or an `ok` only when both sides state the same fact.

Each test pins one cause of the false alarms measured on 新闻联播 copy (issue
#12) with sentences written in the style of that corpus (the corpus itself is
not ours to ship): subjects that leaked across stories, periods lost between
sentences, values one unit of the last digit apart, numbers that are not
claims, and metrics attached to the wrong figure.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import claim, news, store_of

from factcheck.extract.claims import extract
from factcheck.judge.draft import check_document
from factcheck.judge.identity import DIFFERENT, SAME, UNKNOWN, identify
from factcheck.store.protocol import ClaimList


def findings(draft: str, published: str, store: ClaimList) -> dict[str, tuple[str, str]]:
    """Figure as written → (verdict, message) for a markdown draft."""
    return {f.text: (f.verdict, f.message) for f in check_document(news(draft, published, "draft.md"), store)}


def verdicts(draft: str, published: str, store: ClaimList) -> dict[str, str]:
    return {text: verdict for text, (verdict, _) in findings(draft, published, store).items()}


# --- 1. subjects: a story's body stays in its story ------------------------------------------------

TWO_STORIES = """### 习近平总书记在民主村社区考察

习近平总书记曾来到民主村社区，看望慰问居民。

### 前三季度我国服务贸易稳步增长

商务部数据显示，前三季度，服务进出口总额5.9万亿元，同比增长7.6%。
"""


def test_a_body_named_in_one_story_is_not_the_subject_of_the_next():
    claims = extract(news(TWO_STORIES, "2025-11-05"))
    assert {(c.text, c.subject, c.subject_from) for c in claims} == {
        ("5.9万亿元", "全国", "attribution"), ("7.6%", "全国", "attribution"),
    }


def test_a_name_does_not_run_back_across_the_verb_before_it():
    from factcheck.extract.subject import find_mentions

    assert [m.name for m in find_mentions("习近平总书记曾来到民主村社区，看望慰问居民。")] == ["民主村社区"]


def test_a_national_source_cited_with_no_body_named_makes_the_subject_the_country():
    story = "### 一季度国民经济开局良好\n\n国家统计局今天发布数据。\n\n从消费看，一季度，社会消费品零售总额12.03万亿元。\n"
    (c,) = extract(news(story, "2024-04-16"))
    assert (c.subject, c.subject_kind, c.subject_from, c.subject_line) == ("全国", "national", "story", 3)
    assert claim("一季度，我国国内生产总值29.6万亿元。", "29.6万亿元").subject == "全国"


def test_a_list_item_neither_inherits_a_subject_nor_passes_one_on():
    summary = "1.广东前三季度外贸进出口6.8万亿元；\n\n2.前三季度服务进出口总额5.9万亿元；\n"
    first, second = extract(news(summary, "2025-11-05"))
    assert (first.subject, second.subject) == ("广东", None)


def test_comparisons_and_rankings_do_not_make_a_body_the_subject():
    # 高于全国, 居全国第二: the figure is the province's, not the country's.
    c = claim("今年一季度，吉林地区生产总值增长6.5%，高于全国1.2个百分点。", "1.2个百分点")
    assert c.subject == "吉林"


@pytest.mark.parametrize(
    "source, draft, figure",
    [
        # 全国 → 广东省: the country's figure is no support for a province.
        ("一季度，全国规模以上工业增加值同比增长6.1%。", "一季度，广东省规模以上工业增加值同比增长6.1%。", "6.1%"),
        # Two provinces.
        ("今年前两个月，广东外贸进出口1.35万亿元，同比增长24.9%。", "今年前两个月，浙江外贸进出口1.35万亿元，同比增长24.9%。", "1.35万亿元"),
        # Two companies.
        ("一季度，国家电网公司完成电网投资1000亿元。", "一季度，南方电网公司完成电网投资1000亿元。", "1000亿元"),
        # Two anniversaries: 中沙建交35年 is not 中新建交35年.
        ("今年是中新建交35周年。", "今年是中沙建交35周年。", "35周年"),
        ("舒尤克表示，今年是匈中建交75周年。", "今年是中罗建交75周年。", "75周年"),
    ],
)
def test_a_true_figure_moved_to_another_body_is_unsupported(source, draft, figure):
    store = store_of(("2024-04-16", source))
    verdict, message = findings(draft, "2024-05-08", store)[figure]
    assert verdict == "unsupported", message
    (c,) = [c for c in extract(news(draft, "2024-05-08")) if c.text == figure]
    stored = next(s for s in store if s.text == figure)
    assert identify(c, stored).subject.outcome == DIFFERENT


def test_an_anniversary_of_another_event_the_same_year_is_unsupported():
    # 1949 founded both: the anniversary of one is no support for the other's
    store = store_of(("2023-12-29", "全国政协举行新年茶话会。习近平指出，明年也是人民政协成立75周年。"))
    draft = "全国政协召开主席会议。王沪宁表示，今年是人民政协成立75周年，要以实际行动迎接新中国成立75周年、人民政协成立75周年。"
    told = [f for f in check_document(news(draft, "2024-03-27", "draft.md"), store) if f.text == "75周年"]
    assert [f.verdict for f in told] == ["ok", "unsupported", "ok"], [f.message for f in told]
    # 1945 ended the war and returned Taiwan: the second anniversary is not the first's
    store = store_of(("2025-02-24", "今年是世界反法西斯战争胜利80周年。"))
    draft = "中方表示，今年是世界反法西斯战争胜利80周年，也是台湾光复回归中国80周年。"
    told = [f for f in check_document(news(draft, "2025-05-19", "draft.md"), store) if f.text == "80周年"]
    assert told[-1].verdict == "unsupported", told[-1].message
    # …and the same event's anniversary in a year's words and in 今年's is one fact
    store = store_of(("2023-12-29", "习近平强调，2024年是新中国成立75周年，是实现“十四五”规划目标任务的关键一年。"))
    told = findings("会议指出，今年是新中国成立75周年。", "2024-03-27", store)["75周年"]
    assert told[0] == "ok", told[1]


def test_the_same_figure_of_another_crop_is_another_metric():
    store = store_of(("2024-07-20", "今年全国早稻总产量2817万吨，比上年增长0.2%。"))
    assert verdicts("今年全国晚稻总产量2817万吨。", "2024-11-20", store)["2817万吨"] == "unsupported"


# --- 2. periods: carried within the paragraph, resolved to intervals --------------------------------

def test_a_period_stated_in_the_sentence_before_carries_to_the_figure():
    c = claim("今年前三季度，我国服务贸易稳步增长。服务进出口总额5.9万亿元。", "5.9万亿元", "2025-11-05")
    assert (c.period.start, c.period.end, c.period_from) == (dt.date(2025, 1, 1), dt.date(2025, 9, 30), "paragraph")


def test_a_year_that_opens_the_paragraph_dates_the_figures_after_it():
    c = claim("2021年，全市工业经济稳中向好。规上工业亩均税收达28.9万元，增长57.4%。", "28.9万元", "2023-04-20")
    assert (c.period.label, c.period_from) == ("2021年", "paragraph")


def test_a_period_does_not_carry_into_the_next_paragraph():
    (c,) = extract(news("2017年，公司在香港上市。\n\n公司员工2000余名。\n", "2023-07-15"))
    assert c.period is None


def test_如今_dates_the_figure_to_the_article_day_not_the_year_before_it():
    (c,) = extract(news("2017年，公司在香港上市。如今，公司员工2000余名。", "2023-07-15"))
    assert (c.period.start, c.period.end, c.period.label) == (dt.date(2023, 7, 15), dt.date(2023, 7, 15), "如今")
    assert c.period.as_of


def test_the_story_headline_dates_the_figures_that_give_no_period():
    story = "### 前三季度我国海洋生产总值达7.9万亿元\n\n海洋新兴产业加速发展。\n\n国内海洋水产品产量同比增长4.8%。\n"
    c = next(c for c in extract(news(story, "2025-11-04")) if c.text == "4.8%")
    assert (c.period.label, c.period_from) == ("前三季度", "heading")


def test_a_figure_for_another_half_of_the_year_is_unsupported_and_says_which():
    store = store_of(("2025-08-04", "上半年，国内海洋水产品产量同比增长4.8%。"))
    verdict, _ = findings("前三季度，国内海洋水产品产量同比增长4.8%。", "2025-11-04", store)["4.8%"]
    assert verdict == "unsupported"
    (f,) = check_document(news("前三季度，国内海洋水产品产量同比增长4.8%。", "2025-11-04", "draft.md"), store)
    assert any("for 上半年" in r and "not 前三季度" in r for r in f.reasons)


@pytest.mark.parametrize(
    "older, newer, draft",
    [
        # 1—2月 → 一季度: a fuller period of the same year, same body and metric.
        ("1—2月份，全国规模以上工业增加值同比增长7.0%。", "一季度，全国规模以上工业增加值同比增长6.1%。",
         "1—2月份，全国规模以上工业增加值同比增长7.0%。"),
        # 2月末 → 3月末: a newer stock.
        ("2月末，我国外汇储备规模为32258亿美元。", "3月末，我国外汇储备规模为32457亿美元。",
         "国家外汇管理局数据显示，2月末，我国外汇储备规模为32258亿美元。"),
    ],
)
def test_a_figure_since_replaced_by_a_fuller_or_newer_one_is_stale(older, newer, draft):
    store = store_of(("2024-03-18", older), ("2024-04-16", newer))
    assert set(verdicts(draft, "2024-05-08", store).values()) == {"stale"}


def test_a_year_not_yet_over_does_not_supersede_its_first_quarter():
    # 一季度 371.1亿件, then 今年…已达500亿件 in April: a running total, not the full year.
    store = store_of(
        ("2024-04-20", "一季度，我国快递业务量累计完成371.1亿件。"),
        ("2024-04-30", "记者从国家邮政局获悉，截至4月29日，今年我国快递业务量已达500亿件。"),
    )
    assert verdicts("一季度，我国快递业务量累计完成371.1亿件。", "2024-05-08", store)["371.1亿件"] == "ok"


def test_a_newer_larger_running_total_is_an_update_not_a_contradiction():
    store = store_of(("2023-04-21", "世界卫生组织21日称，苏丹武装冲突已造成至少413人死亡。"))
    got = verdicts("苏丹卫生部2日宣布，苏丹武装冲突已造成550人死亡。", "2023-05-03", store)
    assert got["550人"] == "unsupported"


def test_daily_counts_of_different_days_do_not_contradict_each_other():
    store = store_of(("2024-02-05", "春运第11天，全国铁路预计发送旅客840万人次。"))
    assert verdicts("今天，全国铁路预计发送旅客1600万人次。", "2024-05-01", store)["1600万人次"] == "unsupported"


def test_one_holiday_is_not_another():
    store = store_of(("2024-02-18", "今年春节假期，全国国内旅游出游4.74亿人次。"))
    assert verdicts("今年“五一”假期，全国国内旅游出游2.95亿人次。", "2024-05-06", store)["2.95亿人次"] == "unsupported"


# --- 3. values: one unit of the last digit apart is a different figure -----------------------------

@pytest.mark.parametrize("stored, written", [("5.2%", "5.3%"), ("33.61万亿元", "33.62万亿元"), ("4.5%", "4.6%")])
def test_a_figure_one_unit_of_its_last_digit_off_is_contradicted(stored, written):
    store = store_of(("2024-01-17", f"2023年，我国国内生产总值增长{stored}。"))
    assert verdicts(f"2023年，我国国内生产总值增长{written}。", "2024-05-08", store)[written] == "contradicted"


def test_figures_printed_to_different_precision_still_agree_when_their_rounding_overlaps():
    store = store_of(("2026-01-20", "2024年，易达精密机床公司实现产值1.63亿元。"))
    assert verdicts("2024年，易达精密机床公司实现产值1.6亿元。", "2026-02-10", store)["1.6亿元"] == "ok"


# --- 4. not claims ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence",
    [
        "乌云其木格同志于2024年4月30日0时33分在北京逝世。",  # a clock time
        "神舟二十一号载人飞船于23时44分发射。",
        "7.2025年世界互联网大会乌镇峰会开幕；",  # a list number glued to a year
        "我国第三艘航空母舰福建舰入列，这是撤离行动的第37天。",  # ordinals
        "党的二十届四中全会审议通过“十五五”规划建议。",  # a session and a plan
        "国民经济和社会发展第十五个五年规划的建议；“十四五”前四年成就显著。",
        "5G网络覆盖所有地级市，神舟二十一号发射成功。",  # names with numbers
        "本期发行3年期和5年期两个品种。",  # bond terms
        "参观《纪念中国人民抗日战争胜利80周年主题展览》。",  # a title in 《》
        "坚持和平共处五项原则，严格落实中央八项规定。",  # names with a count in them
        "十届全国人大二次会议在京举行。",  # a session
        "对未来5年发展作出顶层设计，民警24小时巡逻。",  # a horizon; round the clock
        "双方签署新的五年行动计划，推进“八项行动”。",  # a plan's name, a package's name
    ],
)
def test_clock_times_list_numbers_ordinals_sessions_plans_and_names_get_no_verdict(sentence):
    assert verdicts(sentence, "2025-11-01", ClaimList(())) == {}


# --- 5. metrics: attached to the right figure, compared on a key ----------------------------------

def test_a_growth_rate_belongs_to_the_figure_it_follows_in_its_clause():
    claims = extract(news("2021年，规上工业产值增长12%，规上工业亩均税收达28.9万元，增长57.4%。", "2023-04-20"))
    tax = next(c for c in claims if c.text == "28.9万元")
    growth = next(c for c in claims if c.text == "57.4%")
    assert growth.qualifies == tax.id and growth.metric == "规上工业亩均税收增长"


def test_a_list_of_rates_after_分别_pairs_each_rate_with_its_own_measure():
    # Cause 15: 产销量分别…同比分别增长6.4%和10.6% is production's rate and sales' rate, not one measure twice.
    claims = extract(news("一季度，我国汽车产销量分别完成660.6万辆和672万辆，同比分别增长6.4%和10.6%。", "2024-04-10"))
    rates = [c for c in claims if c.unit == "%"]
    assert [r.metric.replace("分别", "") for r in rates] == ["汽车产量同比增长", "汽车销量同比增长"] and rates[0].qualifies


def test_a_count_before_a_quoted_word_counts_that_word():
    assert claim("全区24家“链主”企业带动上下游协同发展。", "24家").metric == "链主企业"


def test_the_words_that_qualify_a_metric_are_kept():
    rail = claim("一季度，全国铁路完成固定资产投资1248亿元。", "1248亿元")
    total = claim("一季度，全国固定资产投资10.0万亿元。", "10.0万亿元")
    assert (rail.subject, total.subject, rail.metric) == ("全国", "全国", "铁路固定资产投资")
    assert identify(rail, total).metric.outcome != SAME
    store = store_of(("2024-04-16", "一季度，全国固定资产投资10.0万亿元，同比增长4.5%。"))
    assert verdicts("一季度，全国铁路完成固定资产投资10.0万亿元。", "2024-05-08", store)["10.0万亿元"] == "unsupported"


def test_a_breakdown_is_compared_only_with_a_breakdown_of_the_same_whole():
    store = store_of((
        "2025-10-13",
        "据海关统计，今年前三季度，我国货物贸易进出口33.61万亿元。其中，出口19.95万亿元，同比增长7.1%。",
    ))
    draft = "商务部数据显示，今年前三季度，服务进出口总额59362.2亿元。其中，出口26015亿元，增长14.4%。"
    got = verdicts(draft, "2025-11-05", store)
    assert got["26015亿元"] == got["14.4%"] == "unsupported"


def test_a_two_character_metric_needs_the_clauses_around_it_to_agree():
    store = store_of(("2025-09-12", "今年共有来自17个国家的35名护理人员获得南丁格尔奖。"))
    assert verdicts("今年，我国对76个国家实行单方面免签。", "2025-11-05", store)["76个"] == "unsupported"


# --- uncertain is unsupported, with the reason -----------------------------------------------------

def test_two_unnamed_bodies_with_different_figures_are_not_a_contradiction():
    store = store_of(("2023-01-10", "64岁的村民韩玉山一度出现休克。"))
    assert verdicts("25岁的樊译阳负责着油井的设计。", "2023-05-04", store)["25岁"] == "unsupported"


def test_a_near_miss_names_the_check_it_failed():
    store = store_of(("2024-04-16", "一季度，全国规模以上工业增加值同比增长6.1%。"))
    (f,) = check_document(news("一季度，广东省规模以上工业增加值同比增长6.1%。", "2024-05-08", "draft.md"), store)
    assert f.verdict == "unsupported"
    assert any("about 全国, not 广东" in r for r in f.reasons)


def test_an_unnamed_body_supports_an_ok_only_in_a_sentence_copied_word_for_word():
    store = store_of(("2024-04-30", "乌云其木格同志因病于2024年4月30日在北京逝世，享年81岁。"))
    assert verdicts("乌云其木格同志因病于2024年4月30日在北京逝世，享年81岁。", "2024-05-06", store)["81岁"] == "ok"
    launch = store_of(("2025-07-15", "5时34分，运载火箭点火起飞，约10分钟后，货运飞船与火箭成功分离并进入预定轨道。"))
    assert verdicts("约10分钟后，飞船与火箭成功分离，进入预定轨道。", "2025-11-01", launch)["约10分钟"] == "unsupported"


def test_identity_checks_report_same_unknown_and_different():
    a = claim("一季度，浙江社会消费品零售总额12.03万亿元。", "12.03万亿元")
    b = claim("从消费看，一季度，社会消费品零售总额12.03万亿元。", "12.03万亿元")
    checks = identify(a, b)
    assert (checks.subject.outcome, checks.metric.outcome, checks.period.outcome) == (UNKNOWN, SAME, SAME)
    # 全国 is what an unnamed national measure is about: one measure named in full, for one period.
    national = identify(claim("一季度，全国社会消费品零售总额12.03万亿元。", "12.03万亿元"), b)
    assert national.subject.outcome == SAME and "neither names whom" in national.subject.reason


def test_from_one_value_to_another_is_one_measure_at_two_times():
    claims = extract(news("十年来，小学教师本科以上学历从32.6%增长到70.3%。", "2022-09-06"))
    assert [c.metric for c in claims] == ["小学教师本科以上学历", "小学教师本科以上学历"]
    store = store_of(("2022-08-22", "同样是这十年，全国接入宽带的农村家庭从4076万户增长到了15770万户，增长287%。"))
    assert verdicts("其中，小学教师本科以上学历从32.6%增长到70.3%。", "2022-09-06", store)["70.3%"] == "unsupported"


def test_a_change_in_points_belongs_to_the_index_it_follows():
    claims = extract(news("6月份中国物流业景气指数为50.6%，较上月上升0.3个百分点。", "2026-07-06"))
    index, change = claims
    assert (change.qualifies, change.metric) == (index.id, "物流业景气指数较上月上升")
    store = store_of(("2026-06-30", "6月份高技术制造业采购经理指数为53.5%，较上月上升0.6个百分点。"))
    assert verdicts("6月份中国物流业景气指数为50.6%，较上月上升0.3个百分点。", "2026-07-06", store) == {
        "50.6%": "unsupported", "0.3个百分点": "unsupported",
    }


def test_a_two_character_metric_supports_an_ok_only_when_the_clauses_agree_too():
    # 31个省 that set up data agencies are not the 31个省 that issued trade-in rules.
    store = store_of(("2024-09-23", "在地方层面，31个省（自治区、直辖市）以及5个计划单列市均已出台新一轮实施细则。"))
    assert verdicts("目前，31个省（区、市）均已组建数据管理机构。", "2024-10-10", store)["31个"] == "unsupported"


def test_an_undated_running_count_is_a_fact_as_of_its_article_not_of_a_later_one():
    # 超9476万例 (September) is consistent with 超过9千万 (July), but it is not that figure; and the July
    # count repeated in September is a claim about September, which a July source cannot vouch for.
    store = store_of(("2022-07-20", "美国累计新冠确诊病例超过9千万例。"))
    assert verdicts("美国累计新冠确诊病例超9476万例。", "2022-09-06", store)["超9476万例"] == "unsupported"
    found = check_document(news("美国累计新冠确诊病例超过9千万例。", "2022-09-06"), store)
    assert [f.verdict for f in found] == ["unsupported"]
    assert "undated: as of 2022-07-20 in the source, 2022-09-06 in the draft" in found[0].reasons[0]
    assert verdicts("美国累计新冠确诊病例超过9千万例。", "2022-07-20", store)["超过9千万例"] == "ok"  # the same day


def test_a_span_that_goes_on_is_measured_by_what_goes_on():
    battery = claim("我国已连续五年保持全球最大锂电池市场。", "五年", "2022-09-06")
    assert battery.metric == "连续保持全球最大锂电池市场"
    store = store_of(("2022-07-01", "我国已连续五年修订外资准入负面清单。"))
    assert verdicts("我国已连续五年保持全球最大锂电池市场。", "2022-09-06", store)["五年"] == "unsupported"


def test_a_toll_since_a_day_runs_to_the_day_of_writing_and_a_later_one_is_an_update():
    store = store_of(("2026-03-14", "据黎巴嫩卫生部称，自3月2日以来，以军空袭已导致黎巴嫩773人死亡、1933人受伤。"))
    got = verdicts("根据黎巴嫩公共卫生部11日公布的数据，自3月2日以来，以军袭击已导致黎巴嫩2869人死亡。", "2026-05-12", store)
    assert got["2869人"] == "unsupported"


def test_a_forecast_is_not_the_outcome():
    store = store_of(("2024-09-27", "今年国庆假期，预计全社会跨区域人员流动量约19.4亿人次，日均比去年同期增长0.7%。"))
    draft = "交通运输部统计数据显示，10月1日至7日，全社会跨区域人员流动量达20.03亿人次，日均同比增长3.9%。"
    (f,) = [f for f in check_document(news(draft, "2024-10-08", "draft.md"), store) if f.text == "3.9%"]
    assert f.verdict == "unsupported"
    assert any("a forecast or target in the source" in r for r in f.reasons)


def test_a_plan_does_not_vouch_for_what_was_done():
    # A province's plan in May for the harvest, and in June what it put in: 投入了 says done, though the year runs on.
    store = store_of(("2024-05-14", "河南今年计划投入各类农业机械400万台（套）以上，其中联合收割机20万台，播种机械80万台以上。"))
    (f,) = [f for f in check_document(news("今年麦收，河南省投入了20万台联合收割机。", "2024-06-04", "draft.md"), store)
            if f.text == "20万台"]
    assert f.verdict == "unsupported"
    assert any("a forecast or target in the source, an outcome in the draft" in r for r in f.reasons)
    assert verdicts("河南今年计划投入联合收割机20万台。", "2024-06-04", store)["20万台"] == "ok"  # the plan, re-quoted


def test_the_country_s_own_applicants_patents_are_a_part_of_all_it_holds():
    # 我国国内发明专利: 国内 after the country is named says whose (its own applicants'), not where.
    store = store_of(("2026-01-23", "截至2025年底我国国内发明专利有效量达532万件。"))
    (f,) = [f for f in check_document(news("截至2025年底，我国发明专利有效量达631.8万件。", "2026-05-07", "draft.md"), store)]
    assert f.verdict == "unsupported"
    assert any("domestic (我国国内) on one side only" in r for r in f.reasons)
    assert verdicts("截至2025年底，我国国内发明专利有效量达523万件。", "2026-05-07", store)["523万件"] == "contradicted"
    trips = store_of(("2024-04-30", "今年一季度，我国国内出游人次14.19亿，同比增长16.7%。"))
    assert verdicts("一季度国内出游人次达到14.19亿。", "2024-05-08", trips)["14.19亿"] == "ok"  # 国内 on both sides


def test_a_rate_of_one_term_is_not_the_rate_of_another():
    # The loan prime rate of each term: 1年期 and 5年期以上 name two rates, whose metrics read alike once the
    # numbers are masked.
    store = store_of(("2023-07-20", "7月20日，5年期以上LPR报4.2%，上月为4.2%。"))
    draft = "6月，1年期和5年期以上LPR分别为3.55%和4.20%，均较上年12月下降0.1个百分点。"
    (f,) = [f for f in check_document(news(draft, "2023-08-21", "draft.md"), store) if f.text == "3.55%"]
    assert f.verdict == "unsupported"
    assert any("of the 5年期 term in the source, the 1年期 in the draft" in r for r in f.reasons)
    bonds = store_of(("2024-03-01", "美国10年期国债收益率涨3个基点，报4.25%。"))
    assert verdicts("美国2年期国债收益率涨3个基点，报4.62%。", "2024-03-01", bonds)["4.62%"] == "unsupported"


def test_the_same_words_for_a_scope_ten_times_smaller_are_another_scope_not_a_typo():
    # 参展企业超4900家 were the new sections' exhibitors; the fair had 超2.8万家 in all.
    store = store_of(("2023-11-05", "第134届广交会于10月15日至11月4日在广州举办，扩展了新能源汽车等内容，参展企业超4900家。"))
    got = verdicts("第134届广交会于10月15日—11月4日在广州举办。参展企业超2.8万家。", "2023-11-10", store)
    assert got["超2.8万家"] == "unsupported"
    assert verdicts("第134届广交会于10月15日至11月4日在广州举办，参展企业超4600家。", "2023-11-10", store)[
        "超4600家"
    ] == "contradicted"  # within the range of a slip, the same wording still raises the alarm


def test_a_qualifier_the_paragraph_narrows_is_not_the_same_qualifier():
    # 利润总额 after 规模以上工业中小企业增加值… is the smaller firms' profit, not all industry's.
    store = store_of(("2026-04-27", "国家统计局数据显示，一季度，全国规模以上工业企业利润总额同比增长15.5%。"))
    draft = "一季度，我国规模以上工业中小企业增加值同比增长7.1%，利润总额同比增长16.0%。"
    assert verdicts(draft, "2026-05-11", store)["16.0%"] == "unsupported"
    quoted = "一季度，规模以上工业专精特新“小巨人”企业增加值同比增长10.2%。"
    assert claim(quoted, "10.2%", "2026-05-11").metric == "规模以上工业专精特新小巨人企业增加值同比增长"


def test_a_stock_unchanged_at_a_later_date_is_not_superseded():
    store = store_of(
        ("2026-03-18", "截至2025年底，农村自来水普及率达96%。"),
        ("2026-03-22", "2022年以来，全国农村自来水普及率达96%。"),
    )
    assert verdicts("截至2025年底，全国农村自来水普及率达到96%。", "2026-05-12", store)["96%"] == "ok"


def test_a_word_with_a_conjunction_inside_is_one_word():
    assert claim("全国农村自来水普及率达到96%。", "96%").metric == "农村自来水普及率"


def test_a_span_alone_in_its_clause_needs_its_sentence_to_agree():
    store = store_of(("2023-09-20", "10年来，构建人类命运共同体理念得到国际社会广泛认同。"))
    assert verdicts("10年来，中非合作论坛成果丰硕，双边贸易持续增长。", "2023-10-11", store)["10年"] == "unsupported"


def test_两国_without_the_pair_named_is_no_known_body():
    c = claim("尼方愿以明年两国建交70周年为契机，同中方进一步密切高层往来。", "70周年", "2024-12-03")
    assert c.subject is None
    store = store_of(("2024-11-26", "萨方愿以明年两国建交50周年为契机，同中方密切高层往来。"))
    assert verdicts("尼方愿以明年两国建交70周年为契机，同中方进一步密切高层往来。", "2024-12-03", store)["70周年"] == "unsupported"


def test_a_figure_for_a_period_still_running_when_printed_may_have_changed_since():
    store = store_of(("2025-04-29", "2025年成都世运会共设34个大项、60个分项、255个小项的比赛。"))
    got = verdicts("2025年成都世运会共设置34个大项、60个分项、256个小项。", "2025-08-07", store)
    assert got["256个"] == "unsupported"
    # …but a target is a statement made once: 力争 8000万 against 力争 5000万 is still an alarm.
    targets = store_of(("2025-02-15", "三宏汽车零部件（嘉兴）有限公司今年力争贡献5000万元产值。"))
    assert verdicts("三宏汽车零部件（嘉兴）有限公司2025年力争贡献8000万元产值。", "2026-03-05", targets)["8000万元"] == "contradicted"


def test_a_population_threshold_is_read_as_人口_not_as_a_count_of_people():
    assert [c.text for c in extract(news("铁路已覆盖全国99%的20万人口以上城市。", "2024-12-04"))] == ["99%"]


def test_a_one_character_pair_is_read_by_the_full_name_its_story_gives():
    sweden = "### 习近平同瑞典国王互致贺电\n\n瑞典国王表示，值此瑞中建交75周年之际，期待瑞中友好关系不断发展。\n"
    (c,) = extract(news(sweden, "2025-05-09"))
    assert c.subject == "中瑞典"
    store = store_of(("2025-01-23", "### 习近平会见瑞士联邦主席\n\n今年是中瑞建交75周年，双方要深化政治互信。\n"))
    assert verdicts(sweden, "2025-05-09", store)["75周年"] == "unsupported"


def test_the_same_sum_for_another_place_is_another_fact():
    store = store_of(("2026-08-05", "国家发展改革委安排5000万元支持广西灾后应急恢复。"))
    assert verdicts("国家发展改革委安排5000万元支持陕西灾后应急恢复。", "2026-08-06", store)["5000万元"] == "unsupported"


def test_this_years_running_total_on_two_days_is_two_figures():
    store = store_of(("2026-06-29", "2026年年度票房超172亿元。"))
    assert verdicts("2026年年度票房近238亿元。", "2026-08-07", store)["近238亿元"] == "unsupported"
