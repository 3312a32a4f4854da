"""Quantities in a sentence: the number as written, its exact value, bounds and unit.

A quantity is only a claim candidate; calendar years, dates, ordinals,
labels (“1+3+N”, 世界500强) and identifiers (3号楼, G60) are refused here so
they never reach the store.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from ..record.claim import ABOUT, ABOVE, AT_LEAST, AT_MOST, EXACT, RANGE, Qualifier
from . import numerals

# Currency words → ISO 4217; the value is then in base units (yuan, dollars).
CURRENCIES = {
    "美元": "USD", "美金": "USD", "美圆": "USD", "欧元": "EUR", "日元": "JPY", "日圆": "JPY",
    "港元": "HKD", "港币": "HKD", "英镑": "GBP", "瑞士法郎": "CHF", "瑞郎": "CHF", "新台币": "TWD", "台币": "TWD",
    "澳门元": "MOP", "澳门币": "MOP", "韩元": "KRW", "卢布": "RUB", "澳元": "AUD", "加元": "CAD",
    "新加坡元": "SGD", "泰铢": "THB", "奈拉": "NGN",
    "人民币": "CNY", "元": "CNY",
}
# Symbols written before the figure: ￥300, $20, HK$1.95.
SYMBOLS = {"US$": "USD", "HK$": "HKD", "$": "USD", "¥": "CNY", "￥": "CNY", "€": "EUR", "£": "GBP"}
# 三成 = 30%, 八五折 = 85%; the lookaheads keep the verbs and nouns 成/折 start (成为, 成员, 折合, 折旧),
# and 七成六, 三成半 (76%, 35%) are left alone rather than read as 70% and 30%.
SHARES = {
    "成": r"成(?![员为立功本果交绩都就长熟型品效片人色分像材群真语事全败形文药器衣何份行规不一二两三四五六七八九半])",
    "折": r"折(?![合旧扣算叠价让返现射线损腾中服纸磨断页])",
}
# Measure words and units → the name the store uses (aliases unified).
MEASURES = {
    "个百分点": "pp", "百分点": "pp", "%": "%", "倍": "x",
    # 人口出生率为6.39‰: per mille, read as the per cent it is (0.639%), as 千分之六点三九 is.
    "‰": "%",
    # 方 in a factory article is floor space (超百万方标准厂房 = 超百万平方米).
    "平方米": "平方米", "平米": "平方米", "㎡": "平方米", "方": "平方米",
    "平方公里": "平方公里", "平方千米": "平方公里", "公顷": "公顷", "亩": "亩",
    "公里": "公里", "千米": "公里", "米": "米",
    "吨": "吨", "公斤": "千克", "千克": "千克", "斤": "斤", "盎司": "盎司",
    # A company's shares (回购119万股), a market's points (收报3050.12点).
    "股": "股", "点": "点",
    # Transport and energy statistics: 349.3亿吨公里, 10486列, 31.7万标箱, 9.3万亿千瓦时, 43微克/立方米.
    "吨公里": "吨公里", "人公里": "人公里", "标箱": "标箱", "标准箱": "标箱", "列": "列", "架次": "架次", "班次": "班次", "车次": "车次",
    "千瓦时": "kWh", "立方米": "立方米", "微克/立方米": "微克/立方米", "吨标准煤": "吨标准煤", "桶": "桶",
    "千升": "千升",  # beverages in a bulletin's table of products (饮料酒 11.91万千升)
    "GW": "GW", "吉瓦": "GW", "MW": "MW", "兆瓦": "MW", "千瓦": "kW", "kW": "kW",
    "人次": "人次", "人": "人", "名": "名", "位": "位", "家": "家", "户": "户",
    "个月": "个月", "个半月": "个月", "个多月": "个月", "个": "个", "项": "项", "件": "件", "套": "套", "台": "台", "辆": "辆",
    "座": "座", "幢": "幢", "栋": "栋", "层": "层", "所": "所", "条": "条", "次": "次",
    "场": "场", "起": "起", "处": "处", "批": "批", "课时": "课时", "小时": "小时",
    # 周年 counts anniversaries (建交60周年), not weeks; 个小时 is hours, not a count of 个.
    "个小时": "小时", "周年": "周年",
    "分钟": "分钟", "天": "天", "周": "周", "年": "年", "周岁": "岁", "岁": "岁", "分": "分", "只": "只",
    "张": "张", "部": "部", "篇": "篇", "支": "支", "艘": "艘", "架": "架", "笔": "笔",
    "宗": "宗", "款": "款", "种": "种", "类": "类", "间": "间", "株": "株", "棵": "棵",
    "头": "头", "单": "单", "期": "期", "例": "例",
}
# Measure words that name the same dimension, so 员工1900名 and 员工1900人 agree.
UNIT_GROUPS = {"名": "人", "人": "人", "位": "人", "个": "个", "项": "个", "件": "个", "幢": "幢", "栋": "幢", "座": "幢"}
# Counters a bare small Chinese numeral (两家, 三名) may take; 三大, 四群八链 are labels.
SMALL_CN_COUNTERS = {
    "个百分点", "百分点", "家", "名", "位", "项", "所", "座", "幢", "栋", "条", "次", "倍", "年", "人", "户", "台", "套", "个月", "个半月", "个多月",
}
# Units a bare 一 or 两…九 is a figure with: 一个百分点, 两成, 一美元. Not 元 alone: 二元结构, 三元桥, 一元化.
_FOREIGN_MONEY = {w for w in CURRENCIES if w != "元"}
_ONE_OK = {"个百分点", "百分点", "个半月", *SHARES, *_FOREIGN_MONEY}
_SMALL_OK = SMALL_CN_COUNTERS | _ONE_OK
_TEN_OK = _ONE_OK | set(CURRENCIES)  # 十个百分点, 十元, 十成; not 十年 (几十年) or 十家 (数十家)

# Units a whole and a fraction (一又二分之一个月) is a figure in.
_DURATIONS = {"个月", "年", "天", "周", "小时", "个小时", "分钟", "倍"}

_PRE = {
    "超过了": AT_LEAST, "超过": AT_LEAST, "超出": AT_LEAST, "超": AT_LEAST, "突破了": AT_LEAST, "突破": AT_LEAST,
    "逾": AT_LEAST, "多于": AT_LEAST, "高于": AT_LEAST, "不低于": AT_LEAST, "不少于": AT_LEAST, "上": AT_LEAST,
    # 破千亿, 首破600万标准箱, 再破百亿: a threshold passed; 跌破 is one fallen below.
    "破": AT_LEAST, "首破": AT_LEAST, "再破": AT_LEAST, "又破": AT_LEAST, "跌破": AT_MOST,
    "将近": AT_MOST, "接近": AT_MOST, "近": AT_MOST, "不到": AT_MOST, "不足": AT_MOST, "低于": AT_MOST,
    "少于": AT_MOST, "不超过": AT_MOST,
    # 回购资金总额不超10亿元, 募资不高于5亿元: a cap, not a threshold passed (不 before 超/高于 reverses it).
    "不超": AT_MOST, "不高于": AT_MOST, "不多于": AT_MOST, "不大于": AT_MOST, "不小于": AT_LEAST,
    "约为": ABOUT, "约": ABOUT, "大约": ABOUT, "大概": ABOUT,
}
# 多 after the measure word (长2米多、) widens like 余/多 before it; not 3家多元化企业.
_POST = {"以上": AT_LEAST, "以下": AT_MOST, "以内": AT_MOST, "之内": AT_MOST, "左右": ABOUT, "上下(?!游)": ABOUT, "之多": AT_LEAST, "多(?=[、，。；的）]|$)": ABOVE}

def _ALT(words: Iterable[str]) -> str:
    return "|".join(sorted((w if "(" in w else re.escape(w) for w in words), key=len, reverse=True))

# 打破3项纪录, 击破, 冲破 are not thresholds: a bare 破 qualifies a figure only after other words.
_PRE_WORDS = [p if p != "破" else "(?<![打击冲攻爆识看说点道戳捅撞划刺])破" for p in _PRE if p != "上"]
_AR = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# 千 before 米/克/瓦 is the unit's prefix (50千瓦, 10千克), not a scale.
_CN = r"(?:[零〇一二两三四五六七八九十百万亿]|千(?![米克瓦]))+(?:点[零〇一二三四五六七八九]+)?"
_CN_PCT = r"(?:[零〇一二两三四五六七八九十万亿]|千(?![米克瓦])|百(?!分))+(?:点[零〇一二三四五六七八九]+)?"  # 百分之七十|百分位
_SCALE = r"万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千(?![米克瓦升])|百"
_CN_WHOLE = "[一二三四五六七八九十]+"
# The rest of a compound figure after its 万 or 亿: 3万4千元, 3万4000元, 3亿5000万元 are one figure each.
_TAIL = r"(?<=万)(?:[1-9][千百](?![米克瓦])|\d{4}(?![\d.]))|(?<=亿)(?:\d{1,4}万|[1-9]千万?)"
# What a price is per (14.43元/公斤, 6.60元/股, 4800美元/盎司, 3.5万元/㎡): a price, not an amount.
_EACH = r"公斤|千克|斤|吨|克|股|盎司|桶|平方米|平米|㎡|千瓦时|度|人|月|年|天|晚|张|件|台|辆|头|只"
# 每盎司4800美元, 每股0.5元, 每吨3000元: a price said per unit first. Not 每人, 每月, 每年, an amount in time.
# Shared with the measure (where these words are not what is measured) and with identity's modality.
PER_UNIT_FIRST = r"每(公斤|千克|斤|吨|克|股|盎司|桶|平方米|平米|㎡|千瓦时|度)"
VALUE_BEFORE = r"(?:之前|此前|先前)(?:预[期估测计])?为"  # 之前为5000美元, 先前预估为2.9%: the value replaced
_EACH_BEFORE = re.compile(PER_UNIT_FIRST + "$")
_REPLACED_BEFORE = re.compile(rf"(?:{VALUE_BEFORE}|原(?:预[期估测计])?为)$")
# An index's points, not a time of day (10点30分, 8点半, 三点钟).
_POINTS = r"点(?![\d零〇一二三四五六七八九十半钟整])"
_UNITS = _ALT(list(CURRENCIES) + [m for m in MEASURES if m != "点"] + [_POINTS] + list(SHARES.values()))
# What a figure can start with: a qualifier (超, 近, 约…), a sign, a currency
# symbol or a numeral. Tried only there, the long pattern below skips the
# other characters in one test instead of a dozen: half the scanning time.
_STARTS = "".join(sorted({w[0] for w in _PRE} | {s[0] for s in SYMBOLS} | set("-负零〇一二两三四五六七八九十百千万亿")))
_QUANTITY = re.compile(
    rf"(?=[\d{re.escape(_STARTS)}])"
    rf"(?P<pre>{_ALT(_PRE_WORDS)}|上(?=[百千万亿]))?"
    r"(?P<sign>(?<!正)[-负](?=[\d.零〇一二两三四五六七八九十百千]))?"
    rf"(?P<sym>{_ALT(SYMBOLS)})?"
    # 千分之二点四 = 0.24%, 十万分之十六点一 = 0.0161%; not 五百分之一, which is a fraction of 500.
    rf"(?:(?<![零〇一二两三四五六七八九十百千万亿\d])(?P<per>十万|[百千万]{{1,3}})分之(?P<pct>{_AR}|{_CN_PCT})"
    # 一又二分之一个月 is a month and a half, not 二分之一 = 50%.
    rf"|(?P<mixed>{_CN_WHOLE}又{_CN_WHOLE}分之{_CN_WHOLE})"
    rf"|(?P<frac>{_CN_WHOLE}分之{_CN_WHOLE})"
    rf"|(?<![\d/.])(?P<afrac>[1-9]/(?:10|[2-9]))(?![\d/])"  # 1/3以上, 约1/4的: a share
    rf"|(?P<num>{_AR})(?P<ap1>余|多)?(?P<scale>{_SCALE})?(?P<tail>{_TAIL})?"
    rf"|(?P<cn>{_CN})(?:(?P<ap3>余|多|几)?(?P<cnscale>万亿|亿|万))?)"  # 十余万, 一千多万, 十二点五亿
    rf"(?P<ap2>余|多|几)?(?P<unit>{_UNITS})?(?:/(?P<each>{_EACH}))?(?P<post>{_ALT(_POST)})?"
)
_URL = re.compile(r"(?:https?://|www\.)[!-~]+")
# Short quotes are names (“1515分钟”); a title in 《》 is a name whatever its length (《…胜利80周年主题展览》).
_QUOTE = re.compile(r"“[^“”]{0,14}”|‘[^‘’]{0,14}’|「[^「」]{0,14}」|《[^《》]{0,60}》")
_CLAUSE_END = "，。；、！？）：”,;"
_ROUND_THE_CLOCK = re.compile(r"不间断|全天候|巡逻|值守|值班|服务|营业|在线|监测|开放|待命|热线|运转|运行|无休|轮班")
_CLOCK = re.compile(r"(?:\d{1,2}|[零〇一二两三四五六七八九十]{1,3})[时点]$")
# 按震级大小前50次历史地震, 前10名股东: 前 before a count picks the first of a set; not 目前50家, 此前3次, 提前5天.
NOT_TOP_BEFORE = "目此之当日提空以从面"  # 前 after these is a time (目前, 此前, 提前), not a set's first few
_TOP_OF_A_SET = re.compile(rf"(?<![{NOT_TOP_BEFORE}])前$")
_PICKED = ("次", "名", "位", "家", "个", "只", "条", "座")
_AGE_BAND = re.compile(r"(?:年龄段|年龄组|人口|人群|群体|组|及以上|以上|以下)")
_AGE_GROUP = re.compile(r"(?:的)?(?:农民工|人口|人群|老人|老年人|居民|职工|员工|群体|儿童|青年|劳动力)")  # 50岁以上农民工
_AGE_CLASS = re.compile(r"(?:及以上|及以下|以上|以下)[\u4e00-\u9fff]")
_BAND_START = re.compile(r"\d+[-—至到~～]$")
_TENOR_PAIRED = re.compile(r"[和、及与至-](?:\d+|[一二三五十]+)年期")
_SCENARIO = re.compile(r"[^，。；]{0,3}的(?:概率|可能性)")
_DAYTIME = re.compile(r"(?:上午|下午|晚上|凌晨|早上|中午|傍晚|早晨|夜里|夜间|时间|当天|今天|明天|次日|日)$")
_YEAR_TAIL = re.compile(r"(?:19|20)\d\d")
# Letters that name the measure written straight before its figure: GDP259.7亿元, 人均GDP超过1.2万美元.
_METRIC_ACRONYM = re.compile(r"(?<![A-Za-z0-9&])(?:GDP|GNP|GNI|CPI|PPI|PMI|FDI|R&D|EPS|ROE|ROA|PE|PB|M2|M1|M0)$")
# A page's furniture, not the story's: 阅读 53318, 浏览量：1234.
_COUNTER = re.compile(r"(?:阅读|浏览|点击|访问|播放)(?:量|数|次数|人数)?\s*[：:]?\s*$")
_BARE_VERBS = ("达到", "达", "为", "是", "至", "到", "超过", "突破", "约", "近", "增至", "降至", "：")
_MONEY_WORDS = (
    "产值", "收入", "营收", "投资", "销售额", "贷款", "资金", "税收", "利润", "支出", "规模", "资本", "额",
    "增加值", "总值", "GDP", "进出口", "票房",
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as written in a sentence, resolved to a value, bounds and unit."""

    text: str  # as written, qualifier and unit included: 超10家, 1500余名, 98亿元
    start: int  # offsets of `text` in the sentence
    end: int
    number_start: int  # where the figure itself begins (after 超/近…)
    value: Decimal
    low: Decimal | None
    high: Decimal | None
    unit: str  # ISO currency code, %, pp, x, or the measure word
    qualifier: Qualifier
    precision: Decimal  # half a unit of the last printed digit, in base units (0 when exact)

    @property
    def is_currency(self) -> bool:
        return is_currency(self.unit)


def is_currency(unit: str) -> bool:
    """An ISO currency code (CNY, USD) is how a figure's unit says it is money."""
    return len(unit) == 3 and unit.isupper()


def unit_group(unit: str) -> str:
    return UNIT_GROUPS.get(unit, unit)


def _inside_quote_start(sentence: str, start: int) -> bool:
    """“八项行动”: a count that opens a quoted name."""
    return start > 0 and sentence[start - 1] in "“‘「"


# …的主动权益类基金共有101只, …的省份有10个: a bound followed by what it bounds, then that set's count.
_THRESHOLD_OF_A_SET = re.compile(r"的[^，。；,;、\d]{1,16}?(?:已经|已)?(?:共有|有|达到?|为|超过|突破|合计|总计|累计)[^，。；,;\d]{0,3}\d")
_CODE = re.compile(r"(?:代码|编号|编码|代号|邮编|证号)[：:]?\s*$")
_PRONOUN_NEXT = "均都愿同表一共分此曾在将还也就已是的会称"


def _inside_short_quote(sentence: str, start: int, end: int) -> bool:
    return any(m.start() < start and end < m.end() for m in _QUOTE.finditer(sentence))


# Every place name in jieba's dictionary (tagged ns) whose opening this reader takes for a figure, found by
# reading each of them: 七台河 is not 七台, nor 五家渠市 五家.
_NUMERAL_PLACE = re.compile(r"七台河|[五三]台山|[五三九]台[县区市]|九台|五家渠|三家店|二台子|三座门")


def _refused(sentence: str, m: re.Match[str], unit_word: str) -> bool:
    """Dates, years, ordinals, labels and identifiers are not claims."""
    start, end = m.start(), m.end()
    before = sentence[max(0, start - 2) : start]
    after = sentence[end : end + 2]
    num = m["num"] or ""
    head = sentence[m.start("num") if m["num"] else m.start("cn") if m["cn"] else start :]
    prev = sentence[start - 1] if start else ""
    nxt = sentence[end] if end < len(sentence) else ""
    if unit_word in ("个月", "月") and _DURATION_HEAD.search(sentence, 0, start):
        return True  # 有期徒刑十年六个月: the months of a term in years, no figure alone (another's 五年六个月)
    if prev == "每" and unit_word:
        return True  # 每100公里少花1.6元, 每100元营业收入中的成本: the basis a rate is per, no figure of its own
    glued = prev and prev.isascii() and (prev.isalnum() or prev in "+-/×*")
    if glued and not _METRIC_ACRONYM.search(sentence, 0, start):
        return True  # G60, C3, 4+2+3+N; not GDP259.7亿元, whose letters name the measure
    if nxt and (nxt in "+×*/" or (nxt.isascii() and nxt.isalpha())):
        return True  # 3+X, 415X
    if before.endswith("第") or (before.endswith("前") and unit_word in ("个月", "季度", "年")):
        return True  # ordinals (第10个年头) and periods (前11个月, “十四五”前四年)
    if unit_word == "年" and (after.startswith(("规划", "计划", "期", "制")) or sentence.startswith(("奋斗目标", "行动计划", "义务教育", "一贯制"), end)):
        return True  # 第十五个五年规划, 3年期国债, 建军一百年奋斗目标, 九年义务教育: names, not figures
    if unit_word == "类" and before.endswith(("药品", "中药", "器械")):
        return True  # 化学药品4类: a drug's registration class, a label
    if unit_word == "位" and nxt == "数":
        return True  # 保持两位数增长, 个位数: how many digits a rate has, not a count of people
    if unit_word == "倍" and sentence.startswith(("做多", "做空", "杠杆", "反向"), end):
        return True  # 南方两倍做多海力士: a leveraged fund's name, not a multiple
    if _CODE.search(sentence, max(0, start - 6), start):
        return True  # 证券代码：501225, 编号2024-031: a label, not a quantity
    if unit_word == "人" and m["cn"] in ("两", "二", "三") and prev in ("", "，", ",", "。", "；", "：") and nxt and nxt in _PRONOUN_NEXT:
        return True  # 他与普京、泽连斯基分别通话，两人愿意…: "the two of them", not a count
    if _NUMERAL_PLACE.match(sentence, len(sentence) - len(head)):
        return True  # 七台河交警支队, 五台山景区: a place whose name opens with a numeral and a measure word
    if unit_word == "人" and sentence.startswith("论坛", end):
        return True  # 中国经济50人论坛, 中国数实融合50人论坛: a forum's name, not a count of people
    if unit_word == "年" and (sentence.endswith(("过去的", "以来的"), 0, start)
                              or (prev == "的" and sentence.find(sentence[start:end], 0, start) >= 0)):
        return True  # 过去的五年是极不平凡的五年, 十九大以来的五年: the years a sentence speaks of, no count to check
    if unit_word == "岁" and ((_AGE_BAND.match(sentence, end) and _BAND_START.search(sentence, max(0, start - 4), start))
                             or _AGE_CLASS.match(sentence, end)
                             or ((m["post"] or "") in ("以上", "以下") and _AGE_GROUP.match(sentence, end))):
        return True  # 30至34岁年龄段未婚率, 60岁及以上人口: the band a figure is of, not someone's age
    if unit_word == "周年" and nxt == "时":
        return True  # 建交40周年时，卡特总统撰文表示…: when something was said, a past anniversary, no claim of now
    if unit_word == "期" and nxt == "间":
        return True  # 今年618期间, 双11期间: a shopping festival's name and 期间 (during), no 618 issues
    if unit_word == "年" and _TENOR_PAIRED.match(sentence, end):
        return True  # 10年和30年期收益率: a bond's tenor, like the 30年期 it is paired with
    if unit_word == "年" and nxt == "代":
        return True  # 上世纪70年代, 90年代初: a decade, when something happened, not a count of years
    if unit_word == "年" and (before.endswith(("未来", "今后", "近", "过去")) or sentence.endswith(("下一个", "下个", "新的"), 0, start)):
        return True  # 未来五年, 今后5年, 近10年, 过去五年, 开启下一个50年: a horizon, not a figure
    if unit_word == "年" and prev in ("这", "那"):
        return True  # 说说“十四五”这五年, 这十年: the years a text points to, no count to check
    if unit_word in ("年", "个月") and (m["pre"] or "").startswith("近") and _OVER_A_HORIZON.match(sentence, end):
        return True  # 处于近三年中位数以下, 近三年日均成交量: the span a comparison runs over, not a figure
    if _EXAMPLE_BEFORE.search(sentence, max(0, start - 10), start) and _EXAMPLE_AFTER.match(sentence, end):
        return True  # 对满载50吨的大型物流运输车辆而言: the example a notice reckons with, the same in every notice
    if unit_word == "年" and _STATUTE_BEFORE.search(sentence, max(0, start - 12), start) and _STATUTE_AFTER.match(sentence, end):
        return True  # 处三年以上十年以下有期徒刑: a statute's range, the same words in many articles of the law
    if unit_word in ("小时", "天", "日", "周") and (sentence[: m.start()] + (m["pre"] or "")).endswith(("最近", "过去", "近")):
        return True  # 最近24小时涨近2%, 过去7天: the window a market's move is read over, the same every day
    if unit_word == "套" and m["cn"] in ("一", "二", "两", "三", "首") and _HOME_CLASS.match(sentence, end):
        return True  # 二套住房…贷款利率下限: the class of a home loan, not a count of homes
    if unit_word in _SPANS and _RECORD_OVER.match(sentence, end):
        return True  # 创5月31日以来的四个半月最低, 刷新一年最低: the span a record is set over, that day's, no figure
    if unit_word in ("年", "个月", "天") and before.endswith(("比", "较", "与")) and nxt == "前":
        return True  # 比五年前增加5800多亿元: a comparison's base, a point in time, not a figure
    if _THRESHOLD_OF_A_SET.match(sentence, end) and (
            (m["post"] or "").startswith(("以上", "以下", "以内")) or (m["pre"] or "").startswith(("超", "逾", "不足", "低于", "高于", "不到"))):
        return True  # 复权单位净值达到10元以上的主动权益类基金共有101只: the threshold of what is counted, not a figure
    if unit_word == "人" and nxt == "口":
        return True  # 20万人口以上城市: 人口 is a word; the figure is a threshold in a class of cities
    if unit_word == "项" and (after in ("原则", "规定", "基本", "制度", "行动") or _inside_quote_start(sentence, start)):
        return True  # 和平共处五项原则, 中央八项规定: names
    if unit_word == "次" and sentence.startswith(("会议", "全会", "全体会议", "常委会", "审议稿", "审稿", "修订稿", "征求意见稿"), end):
        return True  # 十届全国人大二次会议, 草案二次审议稿: a session, a reading, an ordinal
    if unit_word == "小时" and m["num"] == "24" and _ROUND_THE_CLOCK.match(sentence, end):
        return True  # 24小时巡逻: round the clock, not a duration measured
    if after[:1] in ("强", "级", "号", "届") or (after.startswith("大") and not after.startswith("大关")):
        return True  # 世界500强, 300亿级, 3号楼, 三大主导产业; not 突破4900万标准箱大关, a milestone
    if num and re.fullmatch(r"(?:19|20)\d\d", num) and (unit_word in ("年", "") and not m["scale"]):
        return True  # a calendar year
    if _INDEX_FAMILY.search(sentence, max(0, start - 4), start):
        return True  # 标普500周跌0.31%, 沪深300指数, 中证1000: the number is part of an index's name
    if unit_word == "所" and nxt and nxt in "创做作说述称提指谓属得需用":
        return True  # 上测152.00所创的高位: 所 before a verb is a particle, not a count of institutions
    if unit_word == "年" and _SHORT_YEAR.match(sentence, start):
        return True  # 从22年10月的高位: a date, not 22 years
    if num.isdigit() and len(num) > 4 and unit_word == "年" and _YEAR_TAIL.fullmatch(num[-4:]):
        return True  # 533182023年: a page-view count or list number glued to the next line's year
    if m["afrac"] and not m["post"] and nxt and nxt not in "的，。；、）：”":
        return True  # 1/2决赛, 8/9号: a round or a label, not a share
    if unit_word == "" and head[len(num or m["cn"] or ""):][:1] in ("月", "日", "时", "点", "季", "号", "年"):
        return True
    if m["cn"] and m["cn"][0] in "十百千万亿" and prev in ("几", "数"):
        return True  # 几十年, 数百万元: an order of magnitude, not a figure
    if unit_word == "分" and nxt == "之":
        return True  # 五百分之一 is a fraction, not 500 points
    if unit_word in ("分", "秒", "分钟") and _CLOCK.search(sentence, 0, start):
        return True  # 0时33分, 7时26分: a clock time, not a score
    if unit_word in _PICKED and _TOP_OF_A_SET.search(before) and nxt and nxt not in _CLAUSE_END:
        return True  # 按震级大小前50次历史地震分布如图: how many of a set are shown, not a figure
    if _SCENARIO.match(sentence, end):
        return True  # 累计加息25个基点的概率为30.5%: the size of a scenario weighed, not a figure reported
    if unit_word == "点" and _DAYTIME.search(sentence, max(0, start - 4), start):
        return True  # 下午3点: a time of day, not an index's points
    if num and "." in num and _YEAR_TAIL.fullmatch(num.split(".", 1)[1]) and unit_word == "年":
        return True  # "7.2025年世界互联网大会": a list number glued to a year
    if unit_word == "日元" and (prev == "月" or nxt in ("旦", "宵")):
        return True  # 1月1日元旦: a date, not 1 yen
    if _inside_short_quote(sentence, start, end):
        return True  # “1515分钟”, “十一个” are names, not figures
    return any(u.start() <= start < u.end() for u in _URL.finditer(sentence))  # ?q=30%25 is a link


def _bare_ok(sentence: str, m: re.Match[str]) -> bool:
    """A figure with no unit is a claim only when the sentence asserts it: 指数已达114.29，

    An index's reading in a release (制造业PMI终值50.1，预期49.9，前值49.9) is one too, when it is
    printed with decimals in a sentence about an index.
    """
    nxt = sentence[m.end() : m.end() + 1]
    if nxt and nxt not in _CLAUSE_END:
        return False
    if _COUNTER.search(sentence, max(0, m.start() - 8), m.start()):
        return False
    before = sentence[: m.start()]
    if _RATIO_TERM.search(before):
        return False  # 竞争比高达3572：1: the ratio's 1 is every ratio's, no figure of its own
    if before.endswith(_BARE_VERBS):
        return True
    return "." in m.group() and before.endswith(_INDEX_READINGS) and bool(_INDEX.search(sentence))


_DURATION_HEAD = re.compile(r"(?<![\d一二两三四五六七八九十〇零])(?:\d{1,2}|[一二两三四五六七八九十]{1,3})年$")
_RATIO_TERM = re.compile(r"\d\s*[:：∶]\s*$")
_EXAMPLE_BEFORE = re.compile(r"(?:对|以|按)(?:一[辆台个位家户名])?[^，。；,;\d]{0,6}$")
_EXAMPLE_AFTER = re.compile(r"[^，。；,;]{0,3}的[^，。；,;]{1,20}?(?:而言|来说|为例|计算)")
_STATUTE_BEFORE = re.compile(r"(?<![判被])处(?:[\d一二三四五六七八九十]+年以[上下])?(?:、|或者)?$")
_STATUTE_AFTER = re.compile(r"(?:以[上下])?(?:[\d一二三四五六七八九十]+年以[上下])?(?:有期徒刑|拘役)")
_HOME_CLASS = re.compile(r"(?:及以上)?(?:住房|房|商品房|房贷|商贷|公积金|贷款)")
_SPANS = ("年", "个月", "个半月", "个多月", "月", "周", "天", "日", "个交易日", "交易日")
_RECORD_OVER = re.compile(r"(?:以来|来)?的?(?:最低|最高|新低|新高|低点|高点|低位|高位|最大|最小)")
_SHORT_YEAR = re.compile(numerals.SHORT_YEAR)
_OVER_A_HORIZON = re.compile(r"的?(?:中位数|日均|平均|均值|同期)")  # not 近40年来新低: a record's span is said
# Index families whose members are named by a number: 标普500, 沪深300, 中证1000, 科创50, 罗素2000.
INDEX_FAMILIES = ("标普", "富时", "日经", "沪深", "中证", "上证", "深证", "国证", "北证", "科创", "创业板", "纳斯达克",
                  "纳指", "罗素", "斯托克", "道琼斯")
_INDEX_FAMILY = re.compile(f"(?:{'|'.join(INDEX_FAMILIES)})$")
_INDEX_READINGS = ("终值", "初值", "预期", "前值", "修正为", "公布值", "录得", "报", "为")
_INDEX = re.compile(r"指数|PMI|景气|信心|指标")


def find_quantities(sentence: str) -> list[Quantity]:
    """The claim-worthy figures of a sentence; full-width and traditional forms are read as plain ones."""
    return list(_quantities(sentence))


@functools.lru_cache(maxsize=4096)
def _quantities(sentence: str) -> tuple[Quantity, ...]:
    """Remembered: the editor's server reads every sentence of a draft again after each keystroke."""
    folded = numerals.fold(sentence)  # one char for one, so offsets and `text` refer to `sentence`
    out: list[Quantity] = []
    for m in _QUANTITY.finditer(folded):
        q = _quantity(folded, m)
        if q is not None:
            out = _share_the_unit(folded, m, out)
            if out and out[-1].unit.startswith(q.unit + "/") and _REPLACED_BEFORE.search(folded, 0, q.start):
                q = replace(q, unit=out[-1].unit)  # 下调至每盎司4800美元，之前为5000美元: per ounce too
            out.append(replace(q, text=sentence[q.start : q.end]))
    return tuple(replace(q, text=sentence[q.start : q.end]) for q in _ranges(folded, out))


# 出生人口分别为1640、1687、1655万人, 分别为1640万、1687万、1655万人: a list printed with its unit (and scale)
# once, at its end; every item is in it. Only after 分别, where the items are one measure's values.
_LIST_ITEM = rf"\d+(?:\.\d+)?(?:{_SCALE})?"
_LIST_BEFORE = re.compile(rf"分别(?:为|是|达到?|有|约为?|增长|下降|增加|减少)?((?:{_LIST_ITEM}[、和及])+)$")


def _share_the_unit(sentence: str, last: re.Match[str], found: list[Quantity]) -> list[Quantity]:
    """The items before a list's last figure, read with the unit (and scale) printed after it."""
    if not (last["num"] and last["unit"]) or last["pre"] or last["sign"] or last["tail"]:
        return found
    run = _LIST_BEFORE.search(sentence, 0, last.start())
    if run is None:
        return found
    items = list(re.finditer(_LIST_ITEM, sentence[: last.start()]))
    items = [i for i in items if i.start() >= run.start(1)]
    kept = [q for q in found if q.end <= run.start(1)]
    for item in items:
        scaled = re.search(_SCALE, item.group())
        suffix = ("" if scaled else (last["scale"] or "")) + last["unit"]
        said = sentence[: item.end()] + suffix + "。"
        m = _QUANTITY.match(said, item.start())
        q = _quantity(said, m) if m is not None and m.end() == item.end() + len(suffix) else None
        if q is None:
            return found
        kept.append(replace(q, end=item.end()))
    return kept


# 同比增长12%-35%, 31.30亿元-33.71亿元, 6%－6.5%, 拟以1亿元至2亿元: one figure, a range with two positive ends,
# not a figure and a negative one. 由10万元提高到15万元 is a change, not a range.
_RANGE_DASH = re.compile(r"[-－—–~～]")
_RANGE_WORD = re.compile(r"至|到|—|－|～|~")  # 10%—40%: a dash between two figures of one unit
_RATE_VERB_BEFORE = re.compile(r"(?:增长|下降|增加|减少|变动|上涨|下跌)$")
_CHANGE_BEFORE = re.compile(r"(?:增长|增加|提高|提升|上升|下降|减少|降低|扩大|缩小|跃升|攀升|回升|回落|上调|下调|升|降|涨|跌|由|从)$")


def _ranges(sentence: str, found: list[Quantity]) -> list[Quantity]:
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.qualifier == EXACT and q.qualifier in (EXACT, ABOUT)
                and unit_group(prev.unit) == unit_group(q.unit)):
            between = sentence[prev.end : q.start]
            dashed = between == "" and q.value < 0 and _RANGE_DASH.match(sentence, q.start)
            # 由10万元提高到15万元 is a change; 同比增长2244.03%至2544.19% a range of growth rates.
            rates = prev.unit == "%" and _RATE_VERB_BEFORE.search(sentence, 0, prev.number_start)
            worded = _RANGE_WORD.fullmatch(between) and (rates or not _CHANGE_BEFORE.search(sentence, 0, prev.number_start))
            high = abs(q.value) if dashed else q.value
            if (dashed or worded) and prev.value < high:
                out[-1] = Quantity(prev.text, prev.start, q.end, prev.number_start, prev.value, prev.value, high,
                                   prev.unit, RANGE, max(prev.precision, q.precision))
                continue
        out.append(q)
    return out


def _lone_word(written: str, m: re.Match[str], unit_word: str) -> bool:
    """一流, 一处, 十分, 百强: a lone 一 or unit character is a word unless it is counted or qualified."""
    if written == "一":
        return unit_word not in _ONE_OK  # 近一年, 一家: an article; 一个百分点, 一美元: a figure
    if m["cnscale"] or m["pre"]:
        return False  # 十余万, 超百万
    if written == "十" and unit_word in _TEN_OK:
        return False
    if written in ("零", "〇", "十", "百", "千", "万", "亿"):
        return m["ap2"] != "余"
    return False


def _read_chinese(m: re.Match[str], unit_word: str) -> tuple[Decimal, bool] | None:
    """A Chinese numeral's value and whether it is a 七八十-style range; None when it is a word or label."""
    written = m["cn"]
    if _lone_word(written, m, unit_word):
        return None
    if unit_word == "折" and re.fullmatch(r"[一二三四五六七八九]{2}", written):
        return numerals.chinese(written), False  # 八五折: two digits read as a percent
    if len(written) > 1 and all(ch in numerals.CN_DIGITS for ch in written):
        return None  # 唯一一家, 二〇二三: not a count
    if re.fullmatch(r"[一二两三四五六七八九]", written) and unit_word not in _SMALL_OK:
        return None  # 三大, 四群八链, 二元结构: labels
    if not unit_word and not m["pre"]:
        return None
    pair = numerals.range_pair(written)
    if pair:
        return pair[0], True
    return numerals.chinese(written), False


def _share(written: str, value: Decimal, unit_word: str) -> Decimal | None:
    """三成 = 30%, 9.9折 = 99%, 75折/八五折 = 75%/85%; 十折 and 十五成 are not shares."""
    if unit_word == "成":
        return value * 10 if 0 < value <= 10 else None
    if 0 < value < 10:
        return value * 10
    two_digits = re.fullmatch(r"\d\d|[一二三四五六七八九]{2}", written)
    return value if two_digits and value % 10 else None


def _read(m: re.Match[str], unit_word: str) -> tuple[str, Decimal, str, bool] | None:
    """The figure as written, its value, its unit word and whether it is a range."""
    if m["sym"] and not m["num"]:
        return None
    if m["pct"]:
        value = numerals.number(m["pct"])
        if m["per"] != "百":  # 千分之二点四 = 0.24%
            value = value * 100 / numerals.number(m["per"])
        return m["pct"], value, "%", False
    if m["mixed"]:
        # 一又二分之一个月: a whole and a fraction of a unit; with no unit it is not a figure.
        return (m["mixed"], numerals.number(m["mixed"]), unit_word, False) if unit_word in _DURATIONS else None
    if m["frac"] or m["afrac"]:
        fraction = numerals.number(m["frac"] or m["afrac"])
        if unit_word or not 0 < fraction < 1:
            return None  # 三分之一个世纪, 4/3: not a share
        return m["frac"] or m["afrac"], (fraction * 100).quantize(Decimal("0.01")), "%", False
    scale = numerals.SCALES.get(m["scale"] or m["cnscale"] or "", Decimal(1))
    if m["tail"]:
        return m["num"], numerals.number(m["num"] + m["scale"] + m["tail"]), unit_word, False
    if m["num"]:
        written, value, is_range = m["num"], numerals.arabic(m["num"]) * scale, False
    else:
        read = _read_chinese(m, unit_word)
        if read is None:
            return None
        written, (value, is_range) = m["cn"], read
        value *= scale
    if unit_word == "个半月":  # 18个半月, 一个半月: half a month more
        return written, value + Decimal("0.5"), unit_word, is_range
    if unit_word == "‰":
        return written, value / 10, "%", is_range
    if unit_word in SHARES:
        if scale != 1 or is_range:
            return None
        share = _share(written, value, unit_word)
        return None if share is None else (written, share, "%", False)
    return written, value, unit_word, is_range


def _quantity(sentence: str, m: re.Match[str]) -> Quantity | None:
    unit_word = m["unit"] or ""
    qualifier = _PRE.get(m["pre"] or "", EXACT)
    post = m["post"]
    if post:
        qualifier = _POST.get(post) or (ABOVE if post == "多" else ABOUT)
    scale = numerals.SCALES.get(m["scale"] or m["cnscale"] or "", Decimal(1))
    try:
        read = _read(m, unit_word)
    except numerals.NotANumber:
        return None
    if read is None:
        return None
    written, value, unit_word, is_range = read
    if _refused(sentence, m, unit_word):
        return None
    if is_range:
        qualifier = RANGE
    unit = _unit(sentence, m, unit_word)
    if not unit_word and not m["scale"] and not m["sym"] and not _bare_ok(sentence, m) and not (unit and _power_of_ten(m)):
        return None  # 产业规模破万亿 is money; 提前10天破万 is no figure a reader can check
    if m["pre"] == "上" and qualifier == EXACT:
        qualifier = AT_LEAST
    approx = m["ap1"] or m["ap2"] or m["ap3"] or unit_word == "个多月"  # 7个多月: more than seven months
    if approx and qualifier == EXACT:
        qualifier = ABOVE
    if m["sign"]:
        value = -value
    if m["tail"]:  # 3万4千元 is printed to the 千, and 3万4千多元 runs to 3万5千
        written, scale = _tail_step(m["tail"])
    low, high = _bounds(value, qualifier, written, scale, m)
    precision = _precision(written, scale, m, m["unit"] or "")
    number_start = m.end("pre") if m["pre"] else m.start()
    text = sentence[m.start() : m.end()]
    return Quantity(text, m.start(), m.end(), number_start, value, low, high, unit, qualifier, precision)


def _power_of_ten(m: re.Match[str]) -> bool:
    """突破千亿, 破万亿, 超百万: a bare power of ten after a threshold word."""
    return bool(m["pre"] and m["cn"] and re.fullmatch(r"[十百千万亿]+", m["cn"]))


def _tail_step(tail: str) -> tuple[str, Decimal]:
    """The last printed part of a compound figure and its scale: 4千 → ('4', 1000), 5000万 → ('5000', 10000)."""
    digits = re.match(r"\d+", tail)
    assert digits
    return digits[0], numerals.SCALES.get(tail[digits.end() :], Decimal(1))


def _unit(sentence: str, m: re.Match[str], unit_word: str) -> str:
    """ISO code for money (from the word or the ￥/$ symbol), else the store's name for the unit."""
    if m["sym"] and unit_word not in CURRENCIES:
        return SYMBOLS[m["sym"]]
    unit = CURRENCIES.get(unit_word) or MEASURES.get(unit_word, unit_word)
    if m["each"]:
        return f"{unit}/{MEASURES.get(m['each'], m['each'])}"  # a price per unit: compared only with prices per the same
    each = _EACH_BEFORE.search(sentence, max(0, m.start() - 5), m.start()) if unit in CURRENCIES.values() else None
    if each is not None:
        return f"{unit}/{MEASURES.get(each[1], each[1])}"  # 每盎司4800美元 is 4800美元/盎司, as a wire writes it
    before = sentence[max(0, m.start() - 12) : m.start()]
    if not unit and (m["scale"] or _power_of_ten(m)) and any(w in before for w in _MONEY_WORDS):
        unit = "CNY"  # 产值突破40亿: newspaper shorthand for 亿元
    return unit


def _precision(written: str, scale: Decimal, m: re.Match[str], unit_word: str) -> Decimal:
    """Half a unit of the last printed digit, in base units; 98亿元 is printed to the 亿, 三成 to the 成."""
    if m["frac"] or m["afrac"]:
        return Decimal("0.005")  # 三分之二 is 66.67% to the printed hundredth
    if unit_word in SHARES:
        return _share_precision(written, unit_word)
    if unit_word == "‰":
        return (numerals.half_unit_of_precision(written) or Decimal("0.5")) / 10  # 6.39‰ is 0.639% ±0.0005
    if m["cn"] and "点" in written:  # 十二点五亿 is printed to the tenth, as 12.5亿 is
        return Decimal(5) * Decimal(10) ** -(len(written.split("点", 1)[1]) + 1) * scale
    if m["tail"]:
        return scale / 2 if scale > 1 else Decimal(0)
    if not m["num"]:
        return Decimal(0)
    precision = numerals.half_unit_of_precision(written) * scale
    if m["scale"] and precision == 0:
        precision = scale / 2
    if precision == 0 and (m["sym"] or unit_word) in ("%", "％", "百分点", "个百分点"):
        precision = Decimal("0.5")  # 增长25% for the 25.3% of a release: a whole percent is printed to the percent
    return precision


def _share_precision(written: str, unit_word: str) -> Decimal:
    """三成 is printed to the 成 (±5%), 9.9折 to a tenth of a 折 (±0.5%); 75折 is a price, exact."""
    decimals = re.split(r"[.点]", written)[1] if re.search(r"[.点]", written) else ""
    if decimals:
        return Decimal(5) * Decimal(10) ** -len(decimals)
    return Decimal(5) if unit_word == "成" else Decimal(0)


def _bounds(value: Decimal, qualifier: Qualifier, written: str, scale: Decimal, m: re.Match[str]) -> tuple[Decimal | None, Decimal | None]:
    if qualifier == AT_LEAST:
        return value, None
    if qualifier == AT_MOST:
        return None, value
    if qualifier == ABOUT:
        return value * Decimal("0.9"), value * Decimal("1.1")
    if qualifier == RANGE:
        pair = numerals.range_pair(written)
        assert pair
        return pair
    if qualifier == ABOVE:
        # 10余万, 十余万: the step belongs to the digits before the scale
        try:
            return value, value + numerals.last_digit_step(written) * scale
        except numerals.NotANumber:
            return value, None  # 1/3余: more than a fraction, by no digit's step
    return value, value
