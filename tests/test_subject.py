"""Who a figure is about: short names a story or the store has taught, found in a sentence."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import subject
from factcheck.extract.subject import ShortNames, short_name_mentions

STORE_NAMES = {"津上精密机床（浙江）": "津上精密机床（浙江）", "津上精密": "津上精密机床（浙江）", "易达": "易达（平湖）"}


def test_a_store_name_is_found_wherever_a_sentence_uses_it():
    found = short_name_mentions("如今的津上精密，现有员工2000余名。", ShortNames(STORE_NAMES))
    assert [(m.name, m.canonical, m.start, m.end) for m in found] == [("津上精密", "津上精密机床（浙江）", 3, 7)]


def test_a_story_adds_its_own_names_on_top_of_the_store_and_the_first_body_keeps_a_name():
    store = ShortNames(STORE_NAMES)
    story = ShortNames(parent=store)
    story.add("易达", "另一家易达")  # the store gave 易达 away already
    story.add("轩田", "轩田科技")
    found = short_name_mentions("易达和轩田签约，易达投资1亿元。", story)
    assert [(m.name, m.canonical, m.start) for m in found] == [
        ("易达", "易达（平湖）", 0), ("易达", "易达（平湖）", 8), ("轩田", "轩田科技", 3)
    ]  # name by name, in the order they were learnt, each in reading order
    assert "轩田" not in store and len(story) == len(store) + 1


def test_one_name_never_overlaps_itself():
    names = ShortNames({"嘉嘉": "嘉嘉公司"})
    assert [m.start for m in short_name_mentions("嘉嘉嘉嘉嘉", names)] == [0, 2]


def test_thousands_of_store_names_still_find_the_one_a_sentence_uses():
    many = {f"公司{i:05d}号": f"公司{i:05d}号有限" for i in range(5000)}
    names = ShortNames({**many, **STORE_NAMES})
    found = short_name_mentions("据介绍，公司04321号和津上精密的产值都有增长。", names)
    assert [m.name for m in found] == ["公司04321号", "津上精密"]


def spans(matches):
    return [m.span() for m in matches]


@pytest.mark.parametrize(
    "sentence",
    [
        "浙江轩田智能科技有限公司",
        "在平湖经开，浙江三宏智能装备股份有限公司、嘉吉饲料（平湖）有限公司都增了资",  # 002, 004
        # the longest name _ORG_RE reads: 14 characters, a bracket of 6, 6 more, then the suffix
        "据悉，" + "甲" * 14 + "（乙乙乙乙乙乙）" + "丙" * 6 + "有限公司",
        "公司",
        "",
    ],
)
def test_organisation_names_are_found_where_a_scan_from_the_start_finds_them(sentence):
    assert spans(subject._org_names(sentence)) == spans(subject._ORG_RE.finditer(sentence))


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="平湖甲乙（）公司集团，", max_size=50))
def test_scanning_from_the_first_suffix_finds_every_organisation_name(sentence):
    assert spans(subject._org_names(sentence)) == spans(subject._ORG_RE.finditer(sentence))


# --- the gazetteer: places, countries, pairs and the whole country -----------------------------------

def mentions(sentence: str) -> list[tuple[str, str, str, bool]]:
    return [(m.name, m.canonical, m.kind, m.topical) for m in subject.find_mentions(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("今年前两个月，广东外贸进出口1.35万亿元。", [("广东", "广东", "region", True)]),
        ("2023年吉林全省GDP增长6.3％，高于全国1.1个百分点。",
         [("吉林", "吉林", "region", True), ("全国", "全国", "national", False)]),
        ("今年是中法建交60周年。", [("中法", "中法", "pair", True)]),
        ("今年是中巴建立战略伙伴关系30周年。", [("中巴", "中巴", "pair", True)]),
        ("中马签署合作文件20份。", [("中马", "中马", "pair", True)]),
        ("舒尤克表示，今年是匈中建交75周年。", [("匈中", "中匈", "pair", True)]),
        ("拉乌利表示，萨中建交50周年是两国关系重要里程碑。", [("萨中", "中萨", "pair", True)]),
        ("此次航班北京时间12时26分从吉达起飞。", []),  # 北京时间 is a clock, not Beijing
        ("中国队以3比1战胜印度尼西亚队。", [("印度尼西亚", "印度尼西亚", "country", False)]),
        ("中欧班列累计开行2928列。", []),  # a train service, not the pair 中欧
        ("湖州市、德清县一季度GDP增长。", [("湖州市", "湖州", "place", True), ("德清县", "德清", "place", True)]),
        ("在该市，城市建设提速。", []),
        ("西部地区拥有全国72%的国土面积。", [("西部地区", "西部地区", "region", True), ("全国", "全国", "national", False)]),
        # Two regions said as one: their sum, not the west alone.
        ("2023年，中西部地区生产总值为53.9万亿元。", [("中西部地区", "中西部地区", "region", True)]),
    ],
)
def test_the_gazetteer_names_places_countries_pairs_and_the_country(sentence, expected):
    assert mentions(sentence) == expected


COUNTRIES: dict[str, list[str]] = subject._data()["countries"]  # type: ignore[assignment]


@pytest.mark.parametrize(("country", "alias"), [(c, a) for c, names in COUNTRIES.items() for a in names])
def test_every_country_of_the_gazetteer_is_named_by_each_of_its_names(country, alias):
    assert mentions(f"{alias}总统表示，两国贸易额增长10%。")[0][1:3] == (country, "country")


CITIES: list[str] = [*subject._data()["cities"]["names"], *subject._data()["cities"]["at_a_boundary"]]  # type: ignore[index]


@pytest.mark.parametrize("city", CITIES)
def test_every_city_of_the_gazetteer_is_a_place(city):
    """伊春's 森林覆盖率83.8%, its name unknown, was read as the country's against 24.02%."""
    assert any(m[1].startswith(city) and m[2] in ("place", "known") for m in mentions(f"六年来，{city}森林覆盖率达到83.8%。"))


@pytest.mark.parametrize("sentence", ["保持均衡水平。", "推广安全生产经验。", "未开封的产品。", "建设新乡村。", "国内江河治理。"])
def test_a_less_known_city_hidden_inside_a_word_is_no_place(sentence):
    """衡水 in 均衡水平 read the 2021 work report's figures as 衡水's (the reports' restatement set: 0.65)."""
    assert mentions(sentence) == []


def test_two_countries_a_longer_name_holds_are_not_read_inside_it():
    assert [m[1] for m in mentions("赤道几内亚、几内亚比绍和巴布亚新几内亚代表出席。")] == ["赤道几内亚", "几内亚比绍", "巴布亚新几内亚"]
    assert mentions("沿海地区经济增长。") == []  # 海地 is left out of the list on purpose


def test_a_pair_of_countries_is_the_same_body_only_as_itself():
    assert subject.same_body("中印度", "中印度尼西亚") is False  # 2025: 75 years with India and with Indonesia
    assert subject.same_body("中法", "中法国") is True  # 法 starts one country's name
    assert subject.same_body("中马", "中马来西亚") is False  # …马 starts several (马来西亚, 马尔代夫, 马达加斯加)


def test_a_place_is_the_same_body_only_as_itself():
    assert subject.same_body("美国", "美国西部联盟银行") is False  # a bank whose name starts with its country
    assert subject.same_body("津上精密", "津上精密机床") is True  # a company's short and full names
    assert subject.same_body("平湖技师学院", "技师学院") is True  # a configured name and the recogniser's key


def test_an_organisation_referred_back_to_is_not_a_new_body():
    assert mentions("该生产基地包括一条风味糖浆生产线。") == []


def test_configured_bodies_are_recognised_by_every_name_they_go_by():
    names = subject.gazetteer({"海优新材": ["海优"], "三宏汽车零部件": ["三宏汽车零部件（嘉兴）有限公司", "三宏"]})
    found = [(m.name, m.canonical, m.kind) for m in subject.find_mentions("海优新材盘活土地80亩，三宏也提出了想法。", names)]
    assert found == [("海优新材", "海优新材", "known"), ("三宏", "三宏汽车零部件", "known")]
    assert subject.find_mentions("海优新材盘活土地80亩。") == []  # only where configured


def test_a_national_source_cited_is_found_only_with_a_word_of_citing():
    assert subject.attribution("国家统计局今天（4月16日）公布的主要经济指标显示，一季度生产需求稳中有升。") == (0, 5)
    assert subject.attribution("记者从国铁集团获悉，今年1至2月，中欧班列累计开行2928列。") == (3, 7)
    assert subject.attribution("商务部部长会见了来访的客人。") is None


def _code_strings(path: Path) -> list[str]:
    """String constants in a module's code, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]


def test_the_newsrooms_home_is_data_not_code() -> None:
    """平湖经开, 平湖市 and the places around them live in data/home.toml; the code names no newsroom's home."""
    package = Path(subject.__file__).parent
    for path in package.rglob("*.py"):
        assert not [s for s in _code_strings(path) if "平湖" in s or "嘉兴" in s], path
    own = subject.home()
    assert own.bodies == {k: tuple(v) for k, v in subject.load_data("home.toml")["bodies"].items()}  # type: ignore[attr-defined]
    assert subject.canonical("嘉兴平湖") == "平湖市" and subject.canonical("浙江轩田智能科技有限公司") == "轩田智能科技"
    (city,) = [m for m in subject.find_mentions("平湖共引进项目28个。") if m.kind == subject.KNOWN]
    assert (city.name, city.canonical) == ("平湖", "平湖市")
    assert not [m for m in subject.find_mentions("平湖技师学院培养人才1500余名。") if m.canonical == "平湖市"]
    assert subject.same_body("平湖经开", "平湖市") is False


@pytest.mark.parametrize("text, name", [
    ("受财报消息影响，拼多多美股盘前直线拉升，一度涨超16%。", "拼多多"),
    ("阿里巴巴美股盘前拉升，一度涨超5%。", "阿里巴巴"),
    ("拼多多四季报全面超预期，营收同比增123%至889亿元。", "拼多多"),
])
def test_a_company_named_by_its_shares_or_its_report_is_named(text, name):
    """拼多多's 经调整净利润 took 阿里巴巴 from the paragraph before: names the recogniser did not know."""
    assert [m.name for m in subject.find_mentions(text)] == [name]


@pytest.mark.parametrize("text", ["今日美股三大指数集体收涨", "中概股股价大涨", "第一季度业绩显示，经调整净利润61亿元", "公司财报显示营收增长"])
def test_a_day_a_market_or_a_period_before_its_shares_is_no_company(text):
    assert [m for m in subject.find_mentions(text) if m.kind == "organisation"] == []


@pytest.mark.parametrize("text", ["不按美国通用会计准则（Non-GAAP），运营利润为657.776亿元", "每股美国存托股（ADS）基本收益17.00元"])
def test_a_country_inside_a_securitys_or_a_standards_name_is_no_subject(text):
    """美国 of 美国存托股 made two companies' results the United States'."""
    assert [m for m in subject.find_mentions(text) if m.kind == "country"] == []


@pytest.mark.parametrize(("sentence", "name"), [
    ("如遇中国人民银行调整利率，公司将相应调整。", "中国人民银行"),
    ("三人直奔秦农银行，取走存款20万元。", "秦农银行"),
    ("近日兰州市中级人民法院开庭审理此案。", "兰州市中级人民法院"),
    ("财政部会同人民银行发布通知。", "人民银行"),
])
def test_a_verb_or_a_time_word_before_a_name_is_no_part_of_it(sentence, name):
    """如遇中国人民银行, 此前恒大集团: round 53's portal copy learned these whole as companies."""
    assert name in [m[1] for m in mentions(sentence)]


def test_a_firm_counted_by_its_kind_is_no_name():
    """我们需要另一家初创公司, 齐齐哈尔一家建筑公司: a firm of some kind, not one named."""
    assert not any("初创" in m[1] for m in mentions("我们需要另一家初创公司。"))
    assert not any("建筑" in m[1] for m in mentions("齐齐哈尔一家建筑公司承建了体育馆。"))

