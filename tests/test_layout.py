"""Undoing the page layout: doubled print, width, stray spaces, column breaks, captions, and citations.

The seeds are newspaper pages pulled out of PDFs. Whatever the layout stage
rebuilds, every character keeps its offset in the original file, so a claim
cited as (line, column) is where the editor finds it.
"""

from __future__ import annotations

import dataclasses
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.claims import extract
from factcheck.reading import layout

SEEDS = ("000", "001", "002", "003", "004")
LAYOUT_SPACE = " \t\u3000\u00a0\r\n"


def clean(raw: str) -> str:
    """Page text as the extractor reads it: the paragraphs rebuilt, joined."""
    return "".join(p.text for p in layout.paragraphs(raw))


def same_glyph(a: str, b: str) -> bool:
    """Equal once width is folded (１ and 1, ％ and %, ， and ,)."""
    return unicodedata.normalize("NFKC", a) == unicodedata.normalize("NFKC", b)


# --- doubled print ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "page, reads",
    [
        # seed 004, line 260: every run printed twice
        ("比如比如，，20222022年年，，区内企业尼区内企业尼", "比如，2022年，区内企业尼"),
        # seed 003, line 305: a quoted figure printed twice is one figure, once
        ("打造打造““1515分钟分钟””托育服务圈托育服务圈", "打造“15分钟”托育服务圈"),
        # seed 004, line 5: printed three times
        ("创新奋进创新奋进创新奋进，，，构筑高质量发展新优势构筑高质量发展新优势构筑高质量发展新优势", "创新奋进，构筑高质量发展新优势"),
        # seed 004, line 152: a doubled month
        ("今年今年66月月，，嘉吉新项目盛大开业嘉吉新项目盛大开业", "今年6月，嘉吉新项目盛大开业"),
        # seed 003, line 305: doubled brackets
        ("（（照片由受访者提供照片由受访者提供））", "（照片由受访者提供）"),
        # seed 004, line 293: doubled words and enumeration commas
        ("法治法治、、市场市场、、经济经济", "法治、市场、经济"),
        ("津上精密生产正酣津上精密生产正酣", "津上精密生产正酣"),
        ("1212月月1212日日", "12月12日"),
        ("55月月99日日", "5月9日"),
        ("增长增长15.815.8%%", "增长15.8%"),
    ],
)
def test_doubled_print_is_read_once(page, reads):
    assert clean(page) == reads


@pytest.mark.parametrize(
    "page, reads",
    [
        ("20202020年年", "2020年"),  # the year 2020 printed twice is not 20年
        ("今年今年1111月月", "今年11月"),  # November printed twice is not 今年1月
        ("截至截至1111月末月末，，", "截至11月末，"),
        ("8888亿元亿元", "88亿元"),  # 88亿元 printed twice is not 8亿元
    ],
)
def test_a_doubled_number_made_of_repeated_digits_is_halved_not_shrunk(page, reads):
    assert clean(page) == reads


def spans(matches):
    return [m.span() for m in matches]


@pytest.mark.parametrize(
    "page",
    [
        "ababbb",  # a run starts inside the pair of twins that ends the run before it
        "打造打造““1515分钟分钟””托育服务圈托育服务圈",
        "轩田半年时间产值超过去一整年轩田半年时间产值超过去一整年",  # a 14-character chunk
        "x" + "".join(map(chr, range(0x4E00, 0x4E1E))) * 2,  # the longest chunk, 30 characters, twice
        "高高兴兴地回家",
    ],
)
def test_doubled_runs_are_found_where_the_plain_pattern_finds_them(page):
    assert spans(layout._doubled_runs(page)) == spans(layout._DOUBLED.finditer(page))


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="ab1，年", max_size=40))
def test_trying_only_possible_starts_finds_every_doubled_run(page):
    assert spans(layout._doubled_runs(page)) == spans(layout._DOUBLED.finditer(page))


def test_doubled_print_keeps_the_offsets_of_the_first_copy():
    page = "比如比如，，20222022年年，，"
    (para,) = layout.paragraphs(page)
    assert para.text == "比如，2022年，"
    year = para.text.index("2022年")
    assert tuple(para.origin[year : year + 5]) == (6, 7, 8, 9, 14)


@pytest.mark.parametrize(
    "words",
    [
        "一次次的增资是企业扎根平湖经开",  # 004
        "周大爷，菜都上齐了，看看今天吃点什么。",  # 003
        "这位天天到食堂“报到”的老人",  # 003
        "高高兴兴地回家",
        "到后面11次增资，注册资本达到11370万美元",  # 004
        "总投资1000000元",
        "一桩桩、一件件，标注着平湖经开发展的高度",  # 003
        "一辆辆智能小车往来穿梭运送原料，一只只机械手臂有序作业。",  # 000
        "外资企业深深扎根地方",  # 004
        "刚刚过去的一年",  # 003
        "他们就早早地预订下来了。",  # 003
        "短短数月，接连抛出硬核成果",  # 000
        "流浪汉摸了摸空空的口袋",  # 001
        "只有日复一日的践行",  # 001
        "炎炎夏日，走进浙江轩田智能科技有限公司",  # 004
        "一个个高能级平台成为“引得金凤凰”的最大吸引力",  # 004
        "能帮一把就帮一把",  # 001
        "1266套安置房，2725户群众，142987万美元",  # 003, 004
        "8888元",
        "1111次",
    ],
)
def test_reduplicated_words_and_repeated_digits_are_language_not_layout(words):
    assert clean(words) == words


@pytest.mark.parametrize(
    "words",
    [
        "仅用半年时间就远超去年一整年的产值……",  # 004: the Chinese ellipsis is two characters
        "打造了浙江省首个“产业大脑”——“电机产业大脑”。",  # 000: so is the Chinese dash
        "远超去年一整年的产值……炎炎夏日，走进车间。",  # and 炎炎 beside it is a word
    ],
)
def test_chinese_ellipsis_and_dash_are_punctuation_not_doubled_print(words):
    assert clean(words) == words


def test_a_sentence_ends_at_a_chinese_ellipsis(seed_path):
    # seed 004, lines 160-162: otherwise 炎炎夏日… runs on and inherits 去年 from the sentence before
    paragraph = next(p for p in layout.paragraphs(seed_path("004").read_text(encoding="utf-8")) if "炎炎夏日" in p.text)
    texts = [s.text for s in layout.sentences(paragraph, 0)]
    assert texts[0] == "今年1至6月实现产值1.5亿元，仅用半年时间就远超去年一整年的产值……"
    assert texts[1].startswith("炎炎夏日")


# --- width and spaces ------------------------------------------------------------------------

@pytest.mark.parametrize(
    "page, reads",
    [
        ("列全省第２２位", "列全省第22位"),  # full-width digits
        ("同比增长１５．８％", "同比增长15.8%"),  # full-width point and percent
        ("实现规上产值１２０．４１亿元", "实现规上产值120.41亿元"),
        ("投资１，０００万元", "投资1,000万元"),  # a full-width thousands separator
        ("走进平湖经济技术开发区,只见现代化厂房鳞次栉比", "走进平湖经济技术开发区，只见现代化厂房鳞次栉比"),  # 000
        ("整机企业产值规模稳居全省第一;2025年前11个月", "整机企业产值规模稳居全省第一；2025年前11个月"),  # 000
        ("易达精密机床(平湖)有限公司", "易达精密机床（平湖）有限公司"),  # 000
        ("投资1,000万元", "投资1,000万元"),  # a comma inside a figure stays a separator
        ("年产值1,200.5万元", "年产值1,200.5万元"),
        ("上午10:30开园", "上午10:30开园"),
    ],
)
def test_width_is_normalised_and_ascii_punctuation_between_chinese_becomes_chinese(page, reads):
    assert clean(page) == reads


@pytest.mark.parametrize(
    "page, reads",
    [
        ("总投资 10亿元", "总投资10亿元"),  # 003, line 92
        ("新上了占地面积 75亩、总投资 3 亿元的产业项目", "新上了占地面积75亩、总投资3亿元的产业项目"),  # 003, lines 16-17
        ("注册资本达到 55475 万美元", "注册资本达到55475万美元"),  # 004, line 267
        ("上午 10时，家住红建小区的周金祥", "上午10时，家住红建小区的周金祥"),  # 003
        ("■ 孔玉叶 宋美恩 杨润月", "■孔玉叶宋美恩杨润月"),  # 000: a byline
        ("总投资\u300010亿元", "总投资10亿元"),  # an ideographic space
        ("将引入全景式MES system检测", "将引入全景式MES system检测"),  # a space between ASCII words is a space
    ],
)
def test_layout_spaces_inside_figures_and_chinese_text_are_dropped(page, reads):
    assert clean(page) == reads


def test_a_figure_split_by_a_layout_space_is_one_claim(seed_claims, pick):
    assert pick(seed_claims["003"], "10亿元", "总投资10亿元").value == 1_000_000_000
    three = pick(seed_claims["003"], "3亿元", "总投资3亿元")
    assert (three.value, three.unit, three.line, three.column) == (300_000_000, "CNY", 17, 7)


# --- column breaks and captions ----------------------------------------------------------------

def test_a_number_broken_across_columns_is_rejoined_with_its_unit(seed_claims, pick):
    # seed 004, lines 94-95: 注册资本达到11370 | 万美元
    capital = pick(seed_claims["004"], "11370万美元")
    assert (capital.value, capital.unit, capital.line, capital.column) == (113_700_000, "USD", 94, 14)


def test_a_count_broken_by_a_blank_line_is_rejoined_with_its_measure_word(seed_claims, pick):
    # seed 000, lines 65-67: 分别设立了5 | (blank) | 家科创重点支行
    branches = pick(seed_claims["000"], "5家")
    assert (branches.value, branches.unit, branches.line, branches.column) == (5, "家", 65, 99)
    assert "分别设立了5家科创重点支行" in branches.sentence


@pytest.mark.parametrize(
    "seed, sentence",
    [
        ("000", "分别设立了5家科创重点支行"),
        ("000", "作为机床产业高质量发展的核心要素，人才供给的量与质"),  # a caption between the halves
        ("000", "每年为学生提供超过500课时的实训课程"),
        ("000", "绍兴某实验室是绍兴集成电路高能级科创支撑平台。"),
        ("001", "紧密追踪行业展会与项目线索"),
        ("001", "推动物业管理从自主运营向专业化、市场化升级。"),
        ("001", "即使镇上的理发店纷纷涨价"),
        ("001", "朱云观的脚步遍布林埭的每一个村落，"),
        ("002", "汽车产业链正横向拓展、纵向延伸，并向高端迈进"),
        ("002", "持续构建完善的本地供应链体系"),
        ("003", "形成了年产4000台高精密数控刀塔车床和400台高精密数控磨床的新增产能。"),
        ("003", "新上了占地面积75亩、总投资3亿元的产业项目"),
        ("003", "受新能源汽车产业不断发展的影响，公司目前订单情况很好。"),
        ("003", "并引进资质全、实力强的第三方团队进行运营，为周边居民提供3岁以下婴幼儿养育照护服务"),
        ("004", "注册资本达到11370万美元、投资总额达到30850万美元"),
        ("004", "再新租了面积约800平方米的空间"),
    ],
)
def test_a_sentence_broken_by_a_column_or_page_break_is_whole_again(seed, sentence, seed_path):
    paragraphs = [p.text for p in layout.paragraphs(seed_path(seed).read_text(encoding="utf-8"))]
    assert any(sentence in p for p in paragraphs)


@pytest.mark.parametrize(
    "seed, sentence",
    [
        # 002, lines 34-52: four captions stand between the halves; only three are stepped over
        pytest.param("002", "将服务覆盖到企业发展全生命周期各阶段。", id="002-four-captions"),
        # 003, lines 38-42: a short middle piece of the sentence is taken for a caption
        pytest.param("003", "创新布局“3+X”产业体系，即智能装备、汽车及零部件、生命健康三大主导产业", id="003-3+X"),
        # 003, lines 119-121: a sentence's short first half is taken for a heading
        pytest.param("003", "三宏也提出了“租赁厂房早日生产”的想法。", id="003-三宏"),
        # 004, lines 105-108
        pytest.param("004", "正如津上精密落户以来，已与嘉兴区域内40多家企业建立了长期协作关系", id="004-正如"),
        # 004, lines 139-141
        pytest.param("004", "生产留在外地，在“走出去”之时实现凤凰涅槃。", id="004-走出去"),
    ],
)
def test_short_pieces_of_a_broken_sentence_are_not_mistaken_for_captions(seed, sentence, seed_path):
    paragraphs = [p.text for p in layout.paragraphs(seed_path(seed).read_text(encoding="utf-8"))]
    assert any(sentence in p for p in paragraphs)


def test_a_caption_between_the_halves_of_a_sentence_is_kept_apart_as_a_heading(seed_path):
    # seed 000, lines 25-31: …作为机床产业高质量发展 | 国家级平湖经济技术开发区 | 的核心要素…
    paragraphs = layout.paragraphs(seed_path("000").read_text(encoding="utf-8"))
    texts = [p.text for p in paragraphs]
    body = next(i for i, t in enumerate(texts) if "作为机床产业高质量发展的核心要素" in t)
    assert "国家级平湖经济技术开发区" not in texts[body]
    caption = texts.index("国家级平湖经济技术开发区")
    assert paragraphs[caption].kind == "heading"
    assert caption == body + 1


@pytest.mark.parametrize(
    "page, kind",
    [
        ("精准招商补短板", "heading"),
        ("图片由平湖经开区提供", "heading"),
        ("从“资金支持”到“生态共建”工行绍兴分行科技金融赋能绍兴打造长三角新质生产力重要增长极", "title"),
        ("平湖技师学院10年前开启的双元制办学探索，如今已结出累累硕果。", "body"),
    ],
)
def test_blocks_are_told_apart_as_body_heading_or_a_new_storys_title(page, kind):
    (para,) = layout.paragraphs(page)
    assert para.kind == kind


def test_a_closing_quote_stays_with_its_sentence():
    (para,) = layout.paragraphs("“2022年实现产值43.5亿元，实现税收4.55亿元，同比增加29.9%。”该企业相关负责人表示。")
    assert [s.text for s in layout.sentences(para, 0)] == [
        "“2022年实现产值43.5亿元，实现税收4.55亿元，同比增加29.9%。”",
        "该企业相关负责人表示。",
    ]


# --- citations point into the original file -------------------------------------------------------

def line_column_offset(text: str, line: int, column: int) -> int:
    lines = text.split("\n")
    return sum(len(x) + 1 for x in lines[: line - 1]) + column - 1


def written_at(raw: str, offset: int, length: int) -> str:
    """`length` characters of the file from `offset`, stepping over layout spaces and line breaks."""
    out = []
    for ch in raw[offset:]:
        if len(out) == length:
            break
        if ch not in LAYOUT_SPACE:
            out.append(ch)
    return "".join(out)


@pytest.mark.parametrize("seed", SEEDS)
def test_every_paragraph_character_comes_from_its_recorded_offset(seed, seed_path):
    raw = seed_path(seed).read_text(encoding="utf-8")
    for para in layout.paragraphs(raw):
        assert len(para.origin) == len(para.text)
        for ch, offset in zip(para.text, para.origin):
            assert same_glyph(raw[offset], ch), (para.text[:20], ch, offset)


@pytest.mark.parametrize("where", ["fresh", "store"])
@pytest.mark.parametrize("seed", SEEDS)
def test_every_claim_is_cited_where_the_editor_finds_it(seed, where, seed_path, seed_claims, store_claims):
    raw = seed_path(seed).read_text(encoding="utf-8")
    claims = (seed_claims if where == "fresh" else store_claims)[seed]
    assert claims
    for claim in claims:
        offset = line_column_offset(raw, claim.line, claim.column)
        assert same_glyph(raw[offset], claim.text[0]), (claim.text, claim.line, claim.column)
        found = written_at(raw, offset, len(claim.text))
        assert all(same_glyph(a, b) for a, b in zip(found, claim.text, strict=True)), (claim.text, found)


def test_citations_are_the_same_with_windows_line_endings(seed_document):
    doc = seed_document("000")
    crlf = dataclasses.replace(doc, text=doc.text.replace("\n", "\r\n"))
    assert [(c.id, c.line, c.column) for c in extract(crlf)] == [(c.id, c.line, c.column) for c in extract(doc)]


# --- markdown stories: where one ends and the next begins ----------------------------------------------

TRANSCRIPT = """## 新闻摘要

1.习近平同斐济总统就中斐建交50周年互致贺电；

2.前三季度我国服务贸易同比增长7.6%；
3.丁薛祥访问乌拉圭；

### 一季度多项交通运输指标创新高

**央视网消息**（新闻联播）：今年一季度，交通运输生产开局良好。

**一季度非化石能源发电新增装机占比超九成**

记者从中国电力企业联合会获悉，今年一季度，全国新增发电装机容量6943万千瓦。
"""


def test_headings_lines_in_bold_alone_and_list_items_are_scopes_of_their_own():
    kinds = [(p.kind, p.text[:6]) for p in layout.paragraphs(TRANSCRIPT, 0, markdown=True)]
    assert kinds == [
        ("title", "新闻摘要"),
        ("item", "1.习近平同"), ("item", "2.前三季度"), ("item", "3.丁薛祥访"),  # not one run-on sentence
        ("title", "一季度多项交"),
        ("body", "央视网消息（"),  # bold inside a line is emphasis, not a heading
        ("title", "一季度非化石"),
        ("body", "记者从中国电"),
    ]


@pytest.mark.parametrize(
    "raw, reads",
    [
        ("研发费用 117 276 379 431", "研发费用117 276 379 431"),  # a table's row printed as text: four figures
        ("税号为7213 91 10 00", "税号为7213 91 10 00"),  # a code's groups
        ("总投资 2 0 2 3 万元", "总投资2023万元"),  # letter-spaced print: one figure
        ("表1 2025年主要经济指标", "表1 2025年主要经济指标"),  # a table's number is not the year's first digit
    ],
)
def test_a_space_between_figures_is_kept_only_letter_spacing_inside_one_is_dropped(raw, reads):
    assert clean(raw) == reads


def test_a_lead_in_answered_by_sections_is_not_joined_to_the_body_after_them():
    """财政部公布…财政收支情况： then 一、… and （一）…: the sections answer the lead-in; the body after them is its own
    paragraph, whose 1-11月累计 dates the list that follows (not the lead's 12月15日)."""
    text = ("据财政部网站，12月15日，财政部公布2023年11月财政收支情况：\n\n一、全国一般公共预算收支情况\n\n"
            "（一）一般公共预算收入情况。\n\n1-11月累计，全国一般公共预算收入200131亿元，同比增长7.9%。\n\n")
    assert [p.kind for p in layout.paragraphs(text, 0, True)] == ["body", "heading", "heading", "body"]
