"""Periods resolved to first and last day against the publication date.

The same words mean different days in different articles: 今年前10个月 in
an article of 2025-12-20 is 2025-01-01..2025-10-31. A figure's period is what
makes 88亿元 (Jan–Nov) and 98亿元 (the full year) two facts, not a contradiction.
"""

from __future__ import annotations

import calendar
import datetime as dt

import pytest

from factcheck.extract import period
from factcheck.extract.period import find_periods, period_for
from factcheck.record.period import Period


def periods(sentence: str, published: str) -> list[tuple[str, str, str]]:
    """(start, end, label as written) for every period in the sentence."""
    found = find_periods(sentence, dt.date.fromisoformat(published))
    return [(m.period.start.isoformat(), m.period.end.isoformat(), m.period.label) for m in found]


@pytest.mark.parametrize(
    "sentence, published, start, end, label",
    [
        ("2025年前11个月，仅平湖经开区24家规上数控机床产业就实现产值88亿元", "2025-12-20", "2025-01-01", "2025-11-30", "2025年前11个月"),
        ("今年前10个月已突破2.5亿元", "2025-12-20", "2025-01-01", "2025-10-31", "今年前10个月"),
        ("前11个月，全区实现规上工业产值88亿元", "2025-12-20", "2025-01-01", "2025-11-30", "前11个月"),
        ("去年，平湖经开完成实到外资1.66亿美元", "2025-02-15", "2024-01-01", "2024-12-31", "去年"),
        ("今年一季度，平湖全市完成实际外资1.59亿美元", "2023-05-20", "2023-01-01", "2023-03-31", "今年一季度"),
        ("一季度，平湖市“无感监测”营商指数以94.9分的高分位列全省第四", "2023-05-20", "2023-01-01", "2023-03-31", "一季度"),
        ("今年四季度动工", "2023-07-15", "2023-10-01", "2023-12-31", "今年四季度"),
        ("2023年第二季度", "2024-07-15", "2023-04-01", "2023-06-30", "2023年第二季度"),
        ("今年1至6月实现产值1.5亿元", "2023-07-15", "2023-01-01", "2023-06-30", "今年1至6月"),
        ("1-11月，全区实现规上工业产值88亿元", "2025-12-20", "2025-01-01", "2025-11-30", "1-11月"),
        ("今年1月单月，公司国内订单创造了历史最高纪录", "2025-02-15", "2025-01-01", "2025-01-31", "今年1月"),
        ("上月，由该校牵头的浙江省双元制职业教育联盟正式成立", "2026-01-20", "2025-12-01", "2025-12-31", "上月"),
        ("上个月，由该校牵头的联盟正式成立", "2025-03-31", "2025-02-01", "2025-02-28", "上个月"),
        ("截至11月末，工行绍兴分行科技型企业贷款余额近200亿元", "2025-12-20", "2025-11-30", "2025-11-30", "截至11月末"),
        ("截至11月末，工行绍兴分行科技型企业贷款余额近200亿元", "2026-02-10", "2025-11-30", "2025-11-30", "截至11月末"),
        ("2025全年度协调解决重点路段停车难等困难诉求300余件", "2026-01-20", "2025-01-01", "2025-12-31", "2025全年度"),
        ("2025年全年，平湖经开实现产值98亿元", "2026-01-20", "2025-01-01", "2025-12-31", "2025年全年"),
        ("今年全年预计实现产值3.5亿元", "2023-07-15", "2023-01-01", "2023-12-31", "今年全年"),
        ("上半年，全区实现规上工业产值50亿元", "2023-07-15", "2023-01-01", "2023-06-30", "上半年"),
        ("今年上半年，全区实现规上工业产值50亿元", "2023-07-15", "2023-01-01", "2023-06-30", "今年上半年"),
        ("下半年，全区力争实现规上工业产值60亿元", "2023-07-15", "2023-07-01", "2023-12-31", "下半年"),
        ("前三季度，全区实现规上工业产值80亿元", "2023-10-20", "2023-01-01", "2023-09-30", "前三季度"),
        ("今年前三季度，全区实现规上工业产值80亿元", "2023-10-20", "2023-01-01", "2023-09-30", "今年前三季度"),
        ("2024年实现产值1.6亿元", "2025-12-20", "2024-01-01", "2024-12-31", "2024年"),
        ("2023年度，平湖经开实现产值", "2025-12-20", "2023-01-01", "2023-12-31", "2023年度"),
        ("过去一年，平湖经开全力构建“1+3+N”涉企服务体系", "2025-02-15", "2024-01-01", "2024-12-31", "过去一年"),
        ("刚刚过去的一年，对平湖经开来说，是机遇与挑战并存的一年", "2025-02-15", "2024-01-01", "2024-12-31", "刚刚过去的一年"),
        ("前年，平湖经开实现产值", "2025-12-20", "2023-01-01", "2023-12-31", "前年"),
        ("于去年6月落地", "2025-02-15", "2024-06-01", "2024-06-30", "去年6月"),
        ("2022年6月，长城汽车首台新能源汽车下线", "2023-05-20", "2022-06-01", "2022-06-30", "2022年6月"),
        ("12月12日，绍兴市政府举办全市共建研究院高质量发展推进会", "2025-12-20", "2025-12-12", "2025-12-12", "12月12日"),
        ("今年8月8日，工行绍兴分行举办领军企业家研修班", "2025-12-20", "2025-08-08", "2025-08-08", "今年8月8日"),
        ("2月29日", "2024-03-15", "2024-02-29", "2024-02-29", "2月29日"),
        ("上交所本周对22起上市公司重大事项进行专项核查", "2026-06-12", "2026-06-08", "2026-06-14", "本周"),
        ("2016年至2020年，我国城镇累计新增就业超过6000万人", "2021-04-01", "2016-01-01", "2020-12-31", "2016年至2020年"),
        ("2020—2023年年均增长5.2%", "2024-03-05", "2020-01-01", "2023-12-31", "2020—2023年"),
        ("2013至2017年这五年间，我国城镇新增就业6600万人以上", "2021-04-01", "2013-01-01", "2017-12-31", "2013至2017年"),
        ("上周，上交所对20起上市公司重大事项进行专项核查", "2026-06-12", "2026-06-01", "2026-06-07", "上周"),
    ],
)
def test_periods_resolve_against_the_publication_date(sentence, published, start, end, label):
    assert periods(sentence, published)[0] == (start, end, label)


@pytest.mark.parametrize(
    "sentence, published, start, end, label",
    [
        # One sentence for each word a period can start with: the pattern is only tried there.
        ("明年一季度投产", "2025-12-20", "2026-01-01", "2026-03-31", "明年一季度"),
        ("本年累计完成投资", "2025-06-10", "2025-01-01", "2025-06-10", "本年"),
        ("本月，平湖经开新增企业", "2025-06-10", "2025-06-01", "2025-06-30", "本月"),
        ("第三季度，全区实现产值", "2023-10-20", "2023-07-01", "2023-09-30", "第三季度"),
        ("截至2024年底，平湖经开累计引进项目", "2025-02-15", "2024-12-31", "2024-12-31", "截至2024年底"),
        ("截止到去年末，累计引进项目", "2025-02-15", "2024-12-31", "2024-12-31", "截止到去年末"),
        ("2019年，该公司落户平湖，次年投产", "2025-02-15", "2020-01-01", "2020-12-31", "次年"),
        ("2019年成立，当年实现产值", "2025-02-15", "2019-01-01", "2019-12-31", "当年"),
        ("三至四季度", "2025-02-15", "2024-07-01", "2024-12-31", "三至四季度"),
        ("十月份", "2025-11-02", "2025-10-01", "2025-10-31", "十月份"),
    ],
)
def test_a_period_is_found_whatever_word_it_starts_with(sentence, published, start, end, label):
    assert (start, end, label) in periods(sentence, published)


@pytest.mark.parametrize(
    "sentence, published",
    [
        ("是去年同期的320%", "2023-05-20"),  # 去年同期 is a comparison base, not the figure's period
        ("与去年同期相比增长15%", "2023-05-20"),
        ("过去16年是嘉吉不断融入平湖经开", "2023-07-15"),  # a duration
        ("做了30年上门剃头师傅", "2026-01-20"),
        ("实现规上产值120.41亿元", "2025-12-20"),  # digits inside a figure
        ("2月30日", "2024-03-15"),  # not a day
        ("13月", "2024-03-15"),
    ],
)
def test_comparison_bases_durations_and_impossible_dates_are_not_periods(sentence, published):
    assert periods(sentence, published) == []


def test_a_running_total_to_date_is_as_of_the_day_of_writing():
    # seed 002: 截至目前 is the store of 40余家 on the day the page was printed, which a later count replaces.
    assert periods("截至目前，平湖共引进世界500强企业（项目）40余家", "2023-05-20") == [
        ("2023-05-20", "2023-05-20", "截至目前")
    ]


def test_the_year_later_in_the_sentence_dates_a_bare_day(extract_claims, pick):
    # seed 002, line 21: the signing conference of 5月9日 was in 2023, and 28个 were signed that day
    claims = extract_claims("5月9日，平湖市举行2023年产业链高质量发展签约大会，集中签约项目28个，总投资122亿元。", "2023-05-20")
    signed = pick(claims, "28个")
    assert (signed.period.start, signed.period.end) == (dt.date(2023, 5, 9), dt.date(2023, 5, 9))
    assert signed.period.label == "5月9日"


def test_a_rate_against_last_years_same_period_keeps_this_years_period(extract_claims, pick):
    claims = extract_claims("今年一季度，平湖全市完成实际外资1.59亿美元，是去年同期的320%。", "2023-05-20")
    rate = pick(claims, "320%")
    assert (rate.period.start, rate.period.end) == (dt.date(2023, 1, 1), dt.date(2023, 3, 31))


def test_the_same_words_mean_another_year_in_another_article(extract_claims, pick):
    sentence = "今年前10个月，企业实现产值2.5亿元。"
    in_2025 = pick(extract_claims(sentence, "2025-12-20"), "2.5亿元").period
    in_2026 = pick(extract_claims(sentence, "2026-12-20"), "2.5亿元").period
    assert (in_2025.start, in_2025.end) == (dt.date(2025, 1, 1), dt.date(2025, 10, 31))
    assert (in_2026.start, in_2026.end) == (dt.date(2026, 1, 1), dt.date(2026, 10, 31))


def test_the_period_in_force_is_the_nearest_before_the_figure_or_a_narrower_one_it_contains():
    mentions = find_periods("5月9日，平湖市举行2023年产业链高质量发展签约大会，集中签约项目28个", dt.date(2023, 5, 20))
    assert period_for(mentions, 0) is None
    day = period_for(mentions, len("5月9日，平湖市举行2023年产业链高质量发展签约大会，集中签约项目"))
    assert (day.start, day.end) == (dt.date(2023, 5, 9), dt.date(2023, 5, 9))


def test_a_period_round_trips_through_json():
    period = Period(dt.date(2025, 1, 1), dt.date(2025, 11, 30), "2025年前11个月")
    assert period.to_json() == {"start": "2025-01-01", "end": "2025-11-30", "label": "2025年前11个月"}
    assert Period.from_json(period.to_json()) == period
    assert Period.from_json(None) is None
    assert period.days == 334
    assert Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31), "2025年").contains(period)


def test_a_range_of_quarters_runs_from_the_first_to_the_last():
    assert periods("一至三季度，全区实现规上工业产值80亿元", "2023-10-20")[0][:2] == ("2023-01-01", "2023-09-30")


def test_截至_year_end_is_an_as_of_figure_like_截至_month_end():
    assert periods("截至2024年底，工行绍兴分行科技型企业贷款余额150亿元", "2025-02-15")[0][:2] == ("2024-12-31", "2024-12-31")
    assert periods("截至去年底，工行绍兴分行科技型企业贷款余额150亿元", "2025-02-15")[0][:2] == ("2024-12-31", "2024-12-31")


def test_a_month_ends_on_its_last_day_leap_years_and_december_included():
    for year in range(1900, 2101):
        for month in range(1, 13):
            assert period._month_end(year, month) == dt.date(year, month, calendar.monthrange(year, month)[1])


# --- the periods of broadcast news: quarters, days, holidays, running totals --------------------------

@pytest.mark.parametrize(
    "sentence, published, start, end, label",
    [
        ("今年前三季度，我国服务贸易稳步增长", "2025-11-05", "2025-01-01", "2025-09-30", "今年前三季度"),
        ("1—9月份，全国固定资产投资", "2025-10-20", "2025-01-01", "2025-09-30", "1—9月份"),
        ("1至9月，全国新设立外商投资企业", "2025-10-20", "2025-01-01", "2025-09-30", "1至9月"),
        ("据中物联统计，今年前两个月全国社会物流总额", "2024-03-29", "2024-01-01", "2024-02-29", "今年前两个月"),
        ("9月末，广义货币余额", "2025-10-15", "2025-09-30", "2025-09-30", "9月末"),
        ("截至9月底，全国累计发电装机容量", "2025-10-20", "2025-09-30", "2025-09-30", "截至9月底"),
        ("今天，铁路预计发送旅客1600万人次", "2024-05-01", "2024-05-01", "2024-05-01", "今天"),
        ("昨天，全国铁路发送旅客1500万人次", "2024-05-01", "2024-04-30", "2024-04-30", "昨天"),
        ("苏丹卫生部2日宣布", "2023-05-03", "2023-05-02", "2023-05-02", "2日"),
        ("美联储22日宣布加息", "2023-05-03", "2023-04-22", "2023-04-22", "22日"),  # a day still to come: last month's
        ("今年以来全国快递业务量突破400亿件", "2023-05-05", "2023-01-01", "2023-05-05", "今年以来"),
        ("今年“五一”假期，全国国内旅游出游2.95亿人次", "2024-05-06", "2024-05-01", "2024-05-05", "“五一”假期"),
        ("“五一”假期前三天，全国发送旅客近1.6亿人次", "2023-05-02", "2023-05-01", "2023-05-03", "“五一”假期前三天"),
        ("今年春节假期，全国国内旅游出游4.74亿人次", "2024-02-18", "2024-02-09", "2024-02-16", "春节假期"),
        ("春运第11天，全国铁路预计发送旅客840万人次", "2024-02-06", "2024-02-05", "2024-02-05", "春运第11天"),
        ("国庆假期，全国国内出游8.26亿人次", "2024-01-10", "2023-10-01", "2023-10-07", "国庆假期"),  # last autumn's
    ],
)
def test_the_periods_broadcast_news_uses(sentence, published, start, end, label):
    assert (start, end, label) in periods(sentence, published)


def test_a_running_total_as_of_a_day_this_year_runs_from_new_year_to_that_day():
    # 比2023年提前32天 is a comparison: it dates nothing.
    found = periods("记者从国家邮政局获悉，截至4月29日，今年我国快递业务量已达500亿件，比2023年提前32天。", "2024-04-30")
    assert ("2024-01-01", "2024-04-29", "截至4月29日今年") in found
    assert find_periods("截至4月29日，今年我国快递业务量已达500亿件", dt.date(2024, 4, 30))[0].period.as_of


def test_a_comparison_base_is_not_the_figures_period(extract_claims, pick):
    claims = extract_claims("一季度，全国固定资产投资10万亿元，同比增长4.5%，比上年全年加快1.5个百分点。", "2024-04-16")
    assert pick(claims, "1.5个百分点").period.label == "一季度"


def test_after_由_the_base_is_the_period_of_the_figure_right_after_it(extract_claims, pick):
    claims = extract_claims("1—2月份，全国规模以上工业企业利润由上年全年下降2.3%转为增长10.2%。", "2024-03-27")
    assert pick(claims, "2.3%").period.label == "上年全年"
    assert pick(claims, "10.2%").period.label == "1—2月份"


def test_a_stock_on_a_day_is_as_of_and_a_days_own_count_is_not():
    (month_end,) = find_periods("2月末，我国外汇储备规模为32258亿美元", dt.date(2024, 3, 7))
    (today,) = find_periods("今天，铁路预计发送旅客1600万人次", dt.date(2024, 5, 1))
    assert month_end.period.as_of and not today.period.as_of


@pytest.mark.parametrize(
    "sentence, published, start, end, label",
    [
        ("第134届广交会将于10月15日至11月4日在广州举办", "2023-09-28", "2023-10-15", "2023-11-04", "10月15日至11月4日"),
        ("活动将于5月24日至25日在福州举行", "2024-05-10", "2024-05-24", "2024-05-25", "5月24日至25日"),
        ("自3月2日以来，以军袭击已导致黎巴嫩2869人死亡", "2026-05-12", "2026-03-02", "2026-05-12", "3月2日以来"),
    ],
)
def test_a_span_between_two_days_and_a_span_since_a_day(sentence, published, start, end, label):
    assert (start, end, label) in periods(sentence, published)


@pytest.mark.parametrize(
    "sentence, published, start, end, label",
    [
        ("截至3月19日的四周内，英国食品价格同比上涨17.5%", "2023-04-01", "2023-02-20", "2023-03-19", "截至3月19日的四周内"),
        ("截至2月14日的过去12周，销量下降3%", "2023-04-01", "2022-11-23", "2023-02-14", "截至2月14日的过去12周"),
        ("截至3月31日的一个月内，价格上涨2%", "2023-04-01", "2023-03-01", "2023-03-31", "截至3月31日的一个月内"),
    ],
)
def test_a_window_of_set_length_to_a_day_is_that_window_not_a_figure_as_of_the_day(sentence, published, start, end, label):
    (window,) = find_periods(sentence, dt.date.fromisoformat(published))
    assert (window.period.start.isoformat(), window.period.end.isoformat(), window.period.label) == (start, end, label)
    assert not window.period.as_of
    (as_of,) = find_periods("截至3月19日，已有5人", dt.date.fromisoformat(published))
    assert as_of.period.as_of


def test_a_year_in_the_name_of_an_issue_is_not_a_period():
    # 2026年第四期国债: the name of the bond, not the year the rates that follow are for.
    assert [p[2] for p in periods("今天（8月5日），财政部在香港发行2026年第四期150亿元人民币国债。", "2026-08-05")] == [
        "今天", "8月5日"
    ]


def test_a_running_span_named_after_a_month_dates_the_figures_after_it(extract_claims, pick):
    line = "4月太阳能电池（光伏电池）产量6494万千瓦，同比下降25.6%，1-4月太阳能电池（光伏电池）产量24150万千瓦，同比下降15.3%。"
    claims = extract_claims(line, "2026-05-18")
    assert pick(claims, "6494万千瓦").period.label == "4月"
    assert pick(claims, "24150万千瓦").period.label == "1-4月"


def test_a_period_in_the_reason_given_for_a_figure_does_not_date_the_next_sentence(extract_claims, pick):
    claims = extract_claims(
        "4月份，全国共销售彩票540.73亿元，同比减少36.72亿元，主要原因是去年同期即开型彩票销量基数较高，以及今年有关"
        "体育赛事活动减少。其中，福利彩票机构销售179.58亿元；体育彩票机构销售361.16亿元。", "2026-05-25")
    assert pick(claims, "179.58亿元").period.label == "4月份"
    assert pick(claims, "361.16亿元").period.label == "4月份"


def test_a_day_told_as_when_something_happens_dates_no_figure(extract_claims, pick):
    claims = extract_claims(
        "项目总投资252.83亿元。该项目建设期24个月，预计开工时间2026年6月3日，预计财务内部收益率为8.01%。"
        "项目资金中，企业自有资金80亿元，占比31.64%。", "2026-05-14")
    assert pick(claims, "8.01%").period is None
    assert pick(claims, "80亿元").period is None


def test_each_anniversary_is_of_its_own_event(extract_claims):
    claims = extract_claims("中方表示，今年是世界反法西斯战争胜利80周年，也是台湾光复回归中国80周年。", "2025-05-19")
    assert [c.metric for c in claims] == ["是世界反法西斯战争胜利", "台湾光复回归中国"]
    # what was founded is named before the verb: 新中国成立75周年 is not 人民政协成立75周年
    claims = extract_claims("会议指出，今年是新中国成立75周年。王沪宁表示，今年是人民政协成立75周年。", "2024-03-27")
    assert [c.metric for c in claims] == ["新中国成立", "是人民政协成立"]


def test_a_span_qualifying_a_noun_dates_no_figure(extract_claims, pick):
    claims = extract_claims("上半年，我国轻工业延续去年四季度以来的回升向好态势，规模以上轻工业增加值同比增长7.0%，"
                            "营业收入达11.3万亿元。", "2025-08-10")
    assert pick(claims, "11.3万亿元").period.label == "上半年"


def test_months_between_two_years_are_one_span_not_the_last_month():
    """Read as its last month, two people's counts over different spans looked like one month's figure."""
    assert periods("从2017年8月至2023年6月，他在13个中标项目中担任项目经理", "2024-04-11") == [
        ("2017-08-01", "2023-06-30", "2017年8月至2023年6月")]
    assert periods("2022年12月至2023年11月，全省新增就业13万人", "2024-01-11") == [
        ("2022-12-01", "2023-11-30", "2022年12月至2023年11月")]


def test_a_two_digit_year_before_a_month_is_that_year_and_no_count_of_years(extract_claims):
    """Read as 10月 of the year before the article, a reading's starting point dated the reading itself."""
    assert periods("美元指数从22年10月的高位持续回落", "2024-01-17") == [("2022-10-01", "2022-10-31", "22年10月")]
    claims = extract_claims("美元指数从22年10月的高位持续回落，期间有所反弹，收涨0.73%，报103.34。", "2024-01-17")
    assert "22年" not in [c.text for c in claims]
    assert all(c.period is None for c in claims)
    assert periods("他已服刑22年6个月", "2024-01-17") == []


def test_a_year_that_describes_a_noun_leaves_the_month_named_before_it_in_force(extract_claims, pick):
    """Read as last year's, a month's carry-over effect met the next month's under one period."""
    claims = extract_claims("据测算，在6月份的CPI同比变动中，上年价格变动的翘尾影响约为0.5个百分点，与上月相同。", "2023-07-10")
    assert pick(claims, "约为0.5个百分点").period.label == "6月份"
    assert pick(claims, "约为0.5个百分点").metric == "价格变动的翘尾影响"
    assert pick(extract_claims("5月份，去年新开工项目的投资增长8%。", "2023-07-10"), "8%").period.label == "5月份"
    assert pick(extract_claims("5月份，全省CPI上涨0.2%，去年全省的CPI上涨2%。", "2023-07-10"), "2%").period.label == "去年"


def test_a_record_and_the_day_it_was_set_date_no_move_told_after_them(extract_claims, pick):
    """The span of 2020年11月来最低, and 5月11日, carried to the next clause's move, made two days' moves one fact."""
    claims = extract_claims("KBW纳斯达克地区银行指数（KRX）涨超1%，5月11日创2020年11月来最低；"
                            "SPDR标普地区银行ETF（KRE）涨超1%，5月4日创2020年10月来最低。", "2023-07-12")
    assert [c.period for c in claims] == [None, None]
    assert periods("KRE涨2.3%，创2020年10月以来最低", "2023-06-14")[0][2] == "2020年10月以来"
    assert period_for(find_periods("KRE涨2.3%，创2020年10月以来最低", dt.date(2023, 6, 14)), 20) is None


def test_the_span_a_record_is_measured_over_dates_no_figure_whatever_the_verb(extract_claims, pick):
    """Read as 1990, a day's move met another day's move under one period."""
    claims = extract_claims("日元连跌两日，逼近1990年来低谷，美元兑日元在美股早盘曾接近151.80，向上周四上测152.00所创的"
                            "1990年中以来高位靠近，日内涨近0.3%，美股收盘时处于151.60上方；", "2024-04-02")
    assert "152.00所" not in [c.text for c in claims]  # 所创的: a particle, not a count of institutions
    assert pick(claims, "近0.3%").period.label != "1990年"
    assert periods("上周四上测152.00", "2024-04-02") == [("2024-03-28", "2024-03-28", "上周四")]
    assert periods("上周累涨14.5%", "2024-04-02") == [("2024-03-25", "2024-03-31", "上周")]


def test_the_day_of_an_event_then_its_span_dates_no_move(extract_claims, pick):
    claims = extract_claims("2年期美债收益率较上周五刷新的去年12月13日美联储议息会议首日以来高位回落近15个基点，"
                            "日内降约3个基点。", "2024-02-21")
    assert pick(claims, "约3个").period is None
    # …but a record the period's own figure sets (创上市以来新高) leaves the period the figure's
    assert pick(extract_claims("2023年一季度净利润创上市以来新高，达10亿元。", "2024-04-20"), "10亿元").period.label == "2023年一季度"


def test_a_count_since_an_event_is_as_of_the_article_not_the_year_before_it(extract_claims, pick):
    """The 2012年 of the sentence before dated 党的十八大以来…两次, so June's 两次到重庆 and May's 两次到甘肃 met."""
    claims = extract_claims("甘肃革命老区人口443万，2012年农村贫困人口超过118万。党的十八大以来，习近平总书记两次到甘肃考察调研。",
                            "2022-05-01")
    period = pick(claims, "两次").period
    assert (period.start, period.end, period.label) == (dt.date(2022, 5, 1), dt.date(2022, 5, 1), "党的十八大以来")
    assert period.as_of


def test_each_base_of_a_list_is_a_base_and_dates_its_own_figure(extract_claims, pick):
    """Read as the quarter the sentence compared against, Baidu's second-quarter ad revenue met the first quarter's."""
    claims = extract_claims("第二季度，百度核心收入264亿元。经营利润率为25%，相比2022年第二季度的22%和2023年第一季度的23%有所提升。"
                            "百度核心的在线营销收入为196亿元，同比增长15%。", "2023-08-22")
    assert pick(claims, "196亿元").period.label == "第二季度"
    assert pick(claims, "22%").period.label == "2022年第二季度"
    assert pick(claims, "23%").period.label == "2023年第一季度"


def test_a_period_after_this_is_is_the_figures_own_not_a_base(extract_claims, pick):
    """9.6%，这是今年上半年…的速度: undated, the half-year's 20.2% met January–August's 20.2%."""
    claims = extract_claims("9.6%，这是今年上半年我国高技术制造业增加值同比增长的速度，高技术产业投资增长20.2%。", "2022-08-11")
    assert pick(claims, "20.2%").period.label == "今年上半年"
    assert [p.base for p in find_periods("是1950年到2002年53年的总和", dt.date(2022, 8, 11))] == ["是", "是"]  # compared


def test_that_day_is_the_bare_day_named_before_it(extract_claims, pick):
    """据巴勒斯坦媒体27日报道，以军当天空袭…: 当天 is the 27th, not the article's 28th, when the next night's raid was."""
    claims = extract_claims("据巴勒斯坦媒体27日报道，以军当天空袭加沙地带南部和中部多个地区，造成至少16人死亡。", "2024-04-28")
    assert pick(claims, "16人").period.start == dt.date(2024, 4, 27)


def test_that_day_in_a_sentence_naming_none_is_the_day_its_paragraph_named(extract_claims, pick):
    """Round 63: two nights' drone counts met as one. 当天 is the 23rd the ministry spoke of, not the 24th the
    broadcast aired, so the next evening's 172架 (24日) is another night's count; a day the sentence names wins."""
    claims = extract_claims("俄罗斯国防部23日称，俄军控制了两个重要居民点。俄防空部队当天还击落了160架乌军无人机。", "2025-08-24")
    assert pick(claims, "160架").period.start == dt.date(2025, 8, 23)
    assert pick(claims, "160架").period_from == "paragraph"
    claims = extract_claims("俄罗斯国防部22日称，俄军控制了两个重要居民点。24日，俄防空部队当天还击落了160架乌军无人机。", "2025-08-24")
    assert pick(claims, "160架").period.start == dt.date(2025, 8, 24)


def test_a_month_range_written_with_both_months_in_full_is_the_span(extract_claims, pick):
    """Round 65: 1月份—8月份 is January to August, not August (against a month's 0.02 points of CPI)."""
    claims = extract_claims("1月份—8月份食品价格同比上涨1.4%，影响CPI上涨约0.26个百分点。", "2023-09-22")
    assert (pick(claims, "1.4%").period.start, pick(claims, "1.4%").period.end) == (dt.date(2023, 1, 1), dt.date(2023, 8, 31))


def test_a_day_after_a_clocks_zone_is_the_quotes_own(extract_claims, pick):
    """Round 65: 北京时间9月23日4点59分 dates the quote (not 预计开工时间2026年6月3日, when something happens)."""
    claims = extract_claims("北京时间9月23日4点59分，离岸人民币兑美元报7.2990元，较周四纽约尾盘涨151点。", "2023-09-23")
    assert pick(claims, "7.2990元").period.start == dt.date(2023, 9, 23)
    assert pick(extract_claims("预计开工时间2026年6月3日，总投资5亿元。", "2026-06-01"), "5亿元").period is None


def test_this_years_running_total_as_of_a_day_runs_from_new_year(extract_claims, pick):
    """Round 65: 截至6月10日，中欧班列今年累计开行 is January 1 to June 10, not the day's own count."""
    found = pick(extract_claims("截至6月10日，中欧班列今年累计开行已突破万列，再创历史同期新高。", "2026-06-20"), "突破万列")
    assert (found.period.start, found.period.end, found.period.as_of) == (dt.date(2026, 1, 1), dt.date(2026, 6, 10), True)
