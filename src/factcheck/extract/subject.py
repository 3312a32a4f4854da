"""Who a figure is about: the country, a province, a city, a foreign country or a pair of them, a company.

A page can carry unrelated stories (seed 000 carries a Shaoxing bank story
beside the Pinghu zone's), so the subject comes from the sentence itself
first and is inherited only within a story. Names come from three places
only: the gazetteer (`data/bodies.toml`), the bodies a newsroom configures,
and a bounded recogniser for organisations (a name ends in 公司, 银行, 学院…
and never runs back across a verb or a clause).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..data import load_data

_ORG_SUFFIX = (
    "股份有限公司", "有限责任公司", "有限公司", "集团", "公司", "分行", "支行", "银行", "学院", "大学",
    "研究院", "工作室", "社区", "开发区", "产业园", "直播基地", "生产基地", "协会", "联盟", "法院", "检察院",
    "投资局",  # 科威特投资局, 阿布扎比投资局: a sovereign fund, not its country
    "医院",  # 湖南省中西医结合医院: a hospital, not its province
)
_LEGAL_SUFFIX = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|集团有限公司|集团|公司)$")
_PAREN = re.compile(r"（[^（）]{1,6}）")
_STOP = set("，。、；：“”‘’（）《》的在于为由与和及是对向从将把被让使经了也都还已并等其该这那据")
_STOP_WORDS = (
    "项目", "整个", "全体", "各类", "其中", "目前", "如今", "今年", "去年", "随着", "通过", "作为", "围绕", "走进", "位于",
    "比如", "例如", "像", "包括",
    # 习近平总书记曾来到民主村社区: the name is 民主村社区, not the sentence before it.
    "来到", "考察", "视察", "调研", "参观", "看望", "慰问", "前往", "总书记", "主席", "总理", "同志", "走访", "深入",
    "组建", "成立", "设立", "合资", "通过", "推动", "依托", "引进", "打造", "培育",
    # 支持银行定向增加贷款, 建设世界一流大学, 强化金融控股公司监管: a policy verb before a generic noun.
    "支持", "鼓励", "引导", "要求", "建设", "启动", "强化", "加强", "完善", "深化", "推进", "实施", "促进", "加快",
    "健全", "规范", "督促", "指导", "帮助", "扩大", "提高", "发展", "回购", "收购", "增持", "减持", "持有",
    "补充", "优化", "保障", "提升", "降低", "继续",
    # 港股PCB概念股走强建滔集团涨超8%, 业绩变动主要系公司…: a market's move or a cause before the name.
    "概念股", "板块", "走强", "走弱", "走高", "走低", "拉升", "跳水", "异动", "飙升", "大涨", "大跌", "涨停", "跌停",
    "领涨", "领跌", "冲高", "反弹", "主要系", "均系", "主要是",
    # 维持阿里巴巴-SW（09988.HK）的“买入”评级, 首次覆盖…, 上调…目标价: a broker's view of the company.
    "维持", "给予", "首次覆盖", "覆盖", "上调", "下调", "予以",
    # 公司点评 高测股份（688556.SH）: a research note's kind before the company it is on.
    "点评", "研究报告", "深度报告",
    # 前30个交易日公司股票交易均价, 即不超过公司总股本的2.5%: a company's, not a name.
    "交易日", "不超过", "不低于", "不超", "超过", "低于", "高于",
    # 微软市值周四一度超越苹果公司: one company's value overtaking another's; the name is 苹果公司.
    "市值", "股价", "一度", "超越",
    # 此前恒大集团曾在…披露: a time word before the name.
    "此前", "此后", "随后", "之前", "近日", "日前",
    # 我们需要另一家初创公司, 齐齐哈尔一家建筑公司: a count or a kind of firm, no name (what is left is too short).
    "一家", "另一家", "第一家", "多家", "某家",
    # 如遇中国人民银行…, 财政部会同人民银行, 三人直奔秦农银行, 前者来自皮克斯动画工作室, 第一大股东中山火炬…:
    # a verb or a role before the name.
    "如遇", "会同", "直奔", "来自", "需要", "找到", "卖掉", "出售", "坦言", "希望", "记得", "伪造", "诉至", "占到",
    "上扬", "股东",
)
_ORG_SUFFIX_RE = re.compile("|".join(_ORG_SUFFIX))
_ORG_RE = re.compile(
    r"[\u4e00-\u9fff]{1,14}(?:（[\u4e00-\u9fff]{1,6}）[\u4e00-\u9fff]{0,6})?(?:"
    + "|".join(sorted(_ORG_SUFFIX, key=len, reverse=True))
    + ")"
)
_ORG_REACH = 14 + len("（）") + 6 + 6  # the most _ORG_RE reads before its suffix
_GENERIC_BODY = re.compile(
    r"(?:大型|中型|小型|中小|中小微|小微|微型|各类|各级|商业|国有|民营|私营|地方|农村|城市|城商|政策性|股份制|外资|"
    r"全国性|区域性|开发性|金融|科技型|龙头|骨干|重点|上市|头部|大中型)+(?:商业)?(?:银行|企业|公司|集团|学校|大学|医院|机构|协会)"
)
_PERIOD_HEAD = re.compile(r"(?:第?[一二三四]季度|前[二三两]季度|上半年|下半年|全年|今年|去年|年内|当年|本年|前[一二三四五六七八九十\d]{1,2}个?月)+")
_SUBSIDIARY = re.compile(r"(?:子|母|分|上市|该|本|各|多家|相关|关联)公司$")
# A listed company is named before its code (海螺水泥（600585.SH）) or as the one that announces
# (百利天恒公告称): in company news, the company. (A wire item's head, 【X：…】, is not enough: 主力资金监控：…)
_STOCK_CODE = re.compile(
    r"(?P<name>[\u4e00-\u9fffA-Za-z·]{2,12})(?:-[A-Z]{1,3})?[（(](?:\d{6}\.(?:SH|SZ|BJ)|\d{4,5}\.HK|\d{6}|[A-Z]{1,5}\.[A-Z]{1,2})[）)]"
)
# 华健未来在港交所公告: the company announces; the exchange is only where.
_ANNOUNCES = re.compile(
    r"(?P<name>[\u4e00-\u9fffA-Za-z·]{2,10}?)(?:晚间|早间|盘后|日前|近日)?(?:在[\u4e00-\u9fff]{1,6}?(?:所|官网|网站))?"
    r"(?:发布)?(?:公告|披露)(?:称|显示|，)"
)
# 拼多多美股盘前直线拉升, 拼多多四季报全面超预期: a company named by its shares or its report, at a clause's head
# (而苹果股价跌0.50%: after a conjunction).
_CLAUSE_HEAD = r"(?:^|(?<=[，。；：,;:\s]))"
_ITS_SHARES = re.compile(
    _CLAUSE_HEAD + r"(?:而|但|同时|此外|另外|其中)?(?P<name>[\u4e00-\u9fffA-Za-z]{2,6}?)"
    r"(?:美股|港股|A股|股价|财报|[一二三四]?季报|年报|中报|半年报|季度业绩|年度业绩)"
)
_WHEN_TOLD = re.compile(r"(?:月份?|日|年|季度|周[一二三四五六日])$")
# 中国铁建涨0.43%，上半年营收…: a 中国 company named by its move in a market wrap (not the country, which the
# gazetteer then leaves alone).
_CHINA_LISTED = re.compile(_CLAUSE_HEAD + r"(?P<name>中国[\u4e00-\u9fff]{2,4}?)[涨跌]{1,2}[超逾近]?\d")
# 瑞安房地产涨1.3%，上半年收入64.31亿元…: in a market wrap, a sentence that opens with a name, its share move
# and then results is a listed company's, whatever the name (not an index's or a sector's move, 恒指跌0.16%).
_LISTED_MOVE = re.compile(
    r"^(?P<name>[\u4e00-\u9fffA-Za-z]{2,8}?)(?:-[A-Z]{1,2})?(?:涨|跌|高开|低开|收涨|收跌)[超逾近]?\d[\d.]*[%％][，,]"
    r"(?=[^。]*(?:收入|营收|净利润|利润|营业额|业绩))")
_NOT_A_MOVER = re.compile(r"指|板块|概念|ETF|基金|行业|市场|价|汇|债|金|油")
# 小米集团, 恒大集团: two characters before 集团 name a group (not 企业集团, 该集团, 两大集团, nor an agency that
# counts for the country, 国铁集团; 大型集团, 国有集团 and the like are _GENERIC_BODY, refused before this is asked).
_TWO_CHARACTER_GROUP = re.compile(
    r"(?![各该本其这那每某两多几数])(?!企业|央企|国企|产业|中央|省属|市属|一家)"
    r"(?!诈骗|犯罪|贩毒|走私|传销|赌博|黑恶|涉黑|恐怖|盗窃|电诈)"  # 诈骗集团: a ring, no company
    r"(?![一二三四五六七八九十]大)[\u4e00-\u9fff]{2}集团")
_NOT_A_SHARE_NAME = re.compile(r"[日天周年月股市季第]|^(?:隔夜|盘前|盘中|盘后|受|据|因|在|其|该|本|全|前|上|下)")
# Who speaks is not what the figure is about: 据海关统计, 汽车工业协会数据显示, 人民银行发布. Bodies that
# report on others do; a company announcing its own results (美团发布公告称…营收) is its figures' subject.
_REPORTER = re.compile(r"(?:协会|联合会|学会|研究院|研究所|研究中心|监测中心|统计局|调查总队|海关|分署|交易所|联盟|智库|人民银行|央行)$")
# 人民银行13日发布, 中国汽车工业协会今天（5月12日）公布: the day between the speaker and its verb.
_WHEN = re.compile(r"^(?:\d{1,2}日|今天|今日|近日|日前|昨天|最新)?(?:[（(][^）)]{1,10}[）)])?")
_LEARNED = ("了解到", "获悉", "得知", "获得")  # 记者从…协会了解到: a reporter learned it from the body
_SPEAKS = re.compile(r"数据显示|统计显示|统计|监测|发布|公布|表示|称|介绍|预计|预测|测算|指出|消息|披露"
                     r"|(?:微信)?公众号|官网|官方微博|官方账号|官微")  # 贵州茅台公众号发布的《茅台集团…报告》: who publishes
# 本报北京4月2日电, 新华社上海6月1日电, 财联社5月20日电: where a report was filed, not its subject.
_DATELINE = re.compile(r"\d{1,2}月\d{1,2}日电|日电")
_RANK = re.compile(r"第[\d一二三四五六七八九十]+(?!产业|次产业)|首个|排名|排第|居第")  # not 我国第二产业
_NAMES_AN_INDEX = re.compile(r"[\u4e00-\u9fff]{0,8}指数")
_AGENCY_AFTER_PLACE = re.compile(
    r"(?:省|市|自治区)?(?:海关|统计局|调查总队|发改委|发展改革委|商务厅|商务局|税务局|分署|人民政府|气象台|气象局"
    r"|证监局|证券交易所|交易所|金融监管局|监管局)"  # 深圳证监局, 深圳证券交易所: who regulates or lists, not what
)


@dataclass(frozen=True, slots=True)
class Home:
    """The newsroom's home (data/home.toml): its own bodies, its city written bare, the places names start with."""

    bodies: dict[str, tuple[str, ...]]  # canonical name -> the names it goes by
    aliases: tuple[tuple[str, str], ...]  # (name, canonical), longest name first
    city: str  # 平湖, written bare
    city_canonical: str
    bare_city: re.Pattern[str]  # the city written bare, standing alone
    region_prefix: re.Pattern[str]  # a place a registered name starts with (浙江轩田…有限公司)


@lru_cache(maxsize=1)
def home() -> Home:
    data = load_data("home.toml")
    bodies = {canon: tuple(names) for canon, names in data["bodies"].items()}  # type: ignore[attr-defined]
    city: dict[str, str] = data["city"]  # type: ignore[assignment]
    prefixes: dict[str, list[str]] = data["prefixes"]  # type: ignore[assignment]
    places = (
        [f"{re.escape(p)}省?" for p in prefixes["provinces"]]
        + [f"{re.escape(c)}市?" for c in prefixes["cities"]]
        + [re.escape(c) for c in prefixes["countries"]]
    )
    return Home(
        bodies=bodies,
        aliases=tuple(sorted(((alias, canon) for canon, names in bodies.items() for alias in names), key=lambda x: -len(x[0]))),
        city=city["name"],
        city_canonical=city["canonical"],
        bare_city=re.compile(rf"{re.escape(city['name'])}(?=[{re.escape(city['before'])}])"),
        region_prefix=re.compile(rf"^(?:{'|'.join(places)})"),
    )


NATIONAL, REGION, PLACE, COUNTRY, PAIR, KNOWN, ORGANISATION, INTERNATIONAL = (
    "national", "region", "place", "country", "pair", "known", "organisation", "international")
ATTRIBUTION = "attribution"  # 国家统计局数据显示…: a national source cited, so the figure is about 全国
# 全省, 全市, 本县: a local whole, by its last character, and the kinds of body that can be it (the speaker an
# agency's 全省 means, when extracting; the subject a bare 全县 may stand for, when judging).
LOCAL_LEVEL_KINDS = {"省": (REGION,), "市": (PLACE, KNOWN), "县": (PLACE, KNOWN), "州": (PLACE, KNOWN),
                     "区": (PLACE, KNOWN, REGION)}
COUNTRY_WIDE = "全国"  # the canonical name of the whole country


@dataclass(frozen=True, slots=True)
class Mention:
    name: str  # as written
    canonical: str  # one key per body
    start: int
    end: int
    strong: bool  # a known body or a registered company name: safe to tell apart from another
    topical: bool = True  # in subject position, not the object of a verb (落实平湖市…, 与绍兴市科技局)
    kind: str = ORGANISATION  # national, region, place, country, pair, known, organisation or international
    alias: bool = False  # a short name the text gives the body before it: （简称上铁集团）


@lru_cache(maxsize=1)
def _firms() -> dict[str, str]:
    """Banks and brokers by every name the news gives them (data/bodies.toml [firms])."""
    table: dict[str, list[str]] = _data()["firms"]  # type: ignore[assignment]
    return {alias: canon for canon, aliases in table.items() for alias in aliases}


@lru_cache(maxsize=1)
def _counters() -> tuple[tuple[str, str], ...]:
    table: dict[str, list[str]] = _data()["counters"]  # type: ignore[assignment]
    return tuple(sorted(((alias, canon) for canon, aliases in table.items() for alias in aliases),
                        key=lambda pair: -len(pair[0])))


def counter(name: str) -> str:
    """Whose count a cited name is (央行 → 中国人民银行; data/bodies.toml [counters]), else the name itself."""
    return next((canon for alias, canon in _counters() if alias in name), name)


COUNTRY_PREFIX = "中国"


def canonical(name: str) -> str:
    """One key per body: 津上精密机床（浙江）有限公司 and 津上精密 share the key's prefix."""
    known = home()
    for alias, canon in known.aliases:
        if name == alias:
            return canon
    firm = _firms().get(name)
    if firm is not None:
        return firm  # 德商银行 is 德国商业银行
    core = _PAREN.sub("", name)
    core = _LEGAL_SUFFIX.sub("", core)
    if core.startswith(COUNTRY_PREFIX):
        return core  # 中国西电, 中国平安, 中国银行: the country is part of the name, not where it is registered
    stripped = known.region_prefix.sub("", core)
    return stripped if len(stripped) >= 2 else core


def same_body(a: str | None, b: str | None) -> bool | None:
    """True or False when both are known; None when either is unknown."""
    if not a or not b:
        return None
    if a == b:
        return True
    if a in home().bodies or b in home().bodies:
        return False
    short, long = sorted((a, b), key=len)
    if _pair(short) and _pair(long):
        # 中法 is 中法国 (法 starts one country's name), but 中印 may be 中印度尼西亚, and 中印度 is not.
        return len(short) == 2 and long.startswith(short) and len(_by_initial().get(short[1], ())) == 1
    if short in _places():
        return False  # 美国 is not 美国西部联盟银行: a place's name starts many bodies' names
    if canonical(a) == canonical(b):
        return True  # 平湖技师学院 (a configured body) and 技师学院 (the recogniser's key for the same name)
    return long.startswith(short) and len(short) >= 2


def _pair(name: str) -> bool:
    """中法, 中印度: China and one country, as the pair recogniser names them."""
    return name.startswith("中") and (len(name) == 2 or name[1:] in _countries())


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(canon for canon, kind in gazetteer().names.values() if kind == COUNTRY)


@lru_cache(maxsize=1)
def _by_initial() -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for country in sorted(_countries()):
        found[country[0]] = (*found.get(country[0], ()), country)
    return found


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Canonical names of the gazetteer's places, countries and pairs, which match only themselves."""
    return frozenset(canon for canon, kind in gazetteer().names.values() if kind != KNOWN) | {COUNTRY_WIDE}


def _trim_start(name: str, by_words_only: bool = False) -> str:
    """Cut a greedy match back to the name: 为工行绍兴分行 → 工行绍兴分行.

    `by_words_only` for a name a stock code vouches for: 太和 in ST太和（605081.SH） is a name, not 和.
    """
    for word in _STOP_WORDS:
        idx = name.rfind(word)
        if idx >= 0:
            name = name[idx + len(word) :]
    if by_words_only:
        return name
    i = len(name)
    # Walk back from the suffix while characters can be part of a name;
    # a short bracketed region (（浙江）) is part of a registered name.
    while i > 0:
        if name[i - 1] == "）":
            j = name.rfind("（", 0, i - 1)
            if j < 0:
                break
            i = j
            continue
        if name[i - 1] in _STOP:
            break
        i -= 1
    return name[i:]


def _org_names(text: str) -> Iterator[re.Match[str]]:
    """What `_ORG_RE.finditer(text)` finds, scanned from the first suffix's reach, not from the start.

    Most sentences name no organisation, and _ORG_RE tries up to 14 lengths at
    every character: a tenth of all extraction time, spent before the first
    公司 or 集团 is even in sight.
    """
    suffix = _ORG_SUFFIX_RE.search(text)
    return _ORG_RE.finditer(text, max(0, suffix.start() - _ORG_REACH)) if suffix else iter(())


class Gazetteer:
    """The names the recogniser knows, compiled once: the data file's, the seeds' and a newsroom's own."""

    def __init__(self, data: Mapping[str, object], bodies: Mapping[str, Sequence[str]] | None = None) -> None:
        national = data["national"]
        self.agencies: tuple[str, ...] = tuple(national["agencies"])  # type: ignore[index]
        self.attribution_words: tuple[str, ...] = tuple(national["attribution_words"])  # type: ignore[index]
        self.not_places = frozenset(data["cities"]["not_places"])  # type: ignore[index]
        self.not_place_names = frozenset(data["cities"]["not_place_names"])  # type: ignore[index]
        names: dict[str, tuple[str, str]] = {}  # alias -> (canonical, kind)
        for canon, home_aliases in home().bodies.items():
            for alias in home_aliases:
                names[alias] = (canon, KNOWN)
        for canon, configured in (bodies or {}).items():
            for alias in (canon, *configured):
                names[alias] = (canon, KNOWN)
        for table, kind in (("regions", REGION), ("countries", COUNTRY), ("international", INTERNATIONAL)):
            for canon, aliases in data[table].items():  # type: ignore[attr-defined]
                for alias in aliases:
                    names.setdefault(alias, (canon, kind))
        cities = data["cities"]  # type: ignore[index]
        for city in (*cities["names"], *cities.get("at_a_boundary", ())):  # type: ignore[index, attr-defined]
            known = names.get(city + "市")  # 绍兴 is the known body 绍兴市, not a second one
            names.setdefault(city, known or (city, PLACE))
            names.setdefault(city + "市", (city, PLACE))
        self.at_a_boundary = frozenset(cities.get("at_a_boundary", ()))  # type: ignore[attr-defined]
        for alias in national["names"]:  # type: ignore[index]
            names.setdefault(alias, (COUNTRY_WIDE, NATIONAL))
        self.names = names
        not_china = "|".join(re.escape(w) for w in national["not_after_china"])  # type: ignore[index]
        alternatives = "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True))
        # Tried only where a name can start: hundreds of alternatives at every character were a
        # third of all extraction time. 中国 is the country only where no other body's name goes
        # on after it (中国队, 中国人民银行).
        starts = re.escape("".join(sorted({a[0] for a in names} | {"中"})))
        # 中国中冶：, 中国平安： at the head of an item, 中国铁建涨0.43% in a market wrap: a listed company's short
        # name, not the country.
        # 其中国内销量: 其中 then 国内, not the country.
        self.name_re = re.compile(
            rf"(?=[{starts}])(?:(?:{alternatives})(?<!中国)|(?<!其)中国(?!{not_china})(?![\u4e00-\u9fff]{{2}}(?:[：:]|[涨跌]{{1,2}}[超逾近]?\d)))")
        pairs = data["pairs"]
        abbr = "".join(pairs["abbreviations"])  # type: ignore[index]
        context = "|".join(re.escape(w) for w in pairs["context"])  # type: ignore[index]
        # 建交 makes any 中X or X中 a pair (萨中建交, 中莫建交): no other word fits there.
        self.pair_re = re.compile(
            rf"中([{abbr}])(?=(?:两国)?(?:{context}))|([{abbr}])中(?=(?:两国)?(?:{context}))"
            rf"|中([^\W\d\s国央方外间心部华东西南北])(?=建交)|([^\W\d\s国央方外间心部华集期])中(?=建交)"
        )
        # 湖州市, 桐乡市, 德清县: a two-character place before 市/县/州/盟, after a boundary.
        # Not 各类市场主体, 汇率市场化: 市场 is a market, not a city.
        # 长江流域, 黄河流域: a river's basin is a region of its own, not the country its figures are set in.
        self.suffix_place_re = re.compile(
            r"(?:^|(?<=[，。；：、（“”省区在据从对向与和及]))([\u4e00-\u9fff]{2})(市(?!场)|[县州盟]|流域)")
        self.agency_re = re.compile("|".join(re.escape(a) for a in sorted(self.agencies, key=len, reverse=True)))


@lru_cache(maxsize=8)
def _data() -> dict[str, object]:
    return load_data("bodies.toml")


@lru_cache(maxsize=8)
def _gazetteer(bodies: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Gazetteer:
    return Gazetteer(_data(), dict(bodies))


def gazetteer(bodies: Mapping[str, Sequence[str]] | None = None) -> Gazetteer:
    """The default gazetteer, or one that also knows a newsroom's configured bodies (built once per set)."""
    key = tuple(sorted((canon, tuple(aliases)) for canon, aliases in (bodies or {}).items()))
    return _gazetteer(key)


_PLACE_SUFFIX = re.compile("[市县州盟]|流域")
# 县域, 县级, 县城, 县乡, 市民: the suffix begins the next word, so the two characters before it (扩大县乡消费,
# 吸引市民) are a place only when they are one already known (北京市民).
_SUFFIX_STARTS_WORD = frozenset("域级城乡民")


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in taken)


def find_mentions(text: str, names: Gazetteer | None = None) -> list[Mention]:
    """Every body named in a sentence, each span once: known bodies, organisations, places, pairs, the country.

    Remembered by sentence: an editor's server reads every sentence of the draft again after each
    keystroke, and the stored sentences of a store are read again for every figure near them.
    """
    return list(_find_mentions(text, names or gazetteer()))


@lru_cache(maxsize=1 << 14)
def _find_mentions(text: str, names: Gazetteer) -> tuple[Mention, ...]:
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    places: list[re.Match[str]] = []
    for m in names.name_re.finditer(text):
        canon, kind = names.names.get(m.group(), (COUNTRY_WIDE, NATIONAL))
        if kind == KNOWN:
            mentions.append(Mention(m.group(), canon, m.start(), m.end(), True, kind=KNOWN))
            taken.append((m.start(), m.end()))
        else:
            places.append(m)
    city = home()
    for m in city.bare_city.finditer(text):
        if not _overlaps(taken, m.start(), m.end()):
            mentions.append(Mention(city.city, city.city_canonical, m.start(), m.end(), True, kind=KNOWN))
            taken.append((m.start(), m.end()))
    for m in _org_names(text):
        name = _trim_start(m.group())
        start = m.end() - len(name)
        for s_, e_ in taken:
            if s_ <= start < e_ < m.end():
                start = e_  # 平湖经开钟溪汇国际青年社区: the community inside the zone is a name of its own
                name = text[start : m.end()]
        head = _PERIOD_HEAD.match(name)
        if head:
            # 前三季度上汽集团实现营收: when, then the name; 一季度公司综合毛利率: when, then 公司 (the company the
            # item is about), no name. Learned whole, 前三季度上汽 became a name that other companies' figures shared.
            start, name = start + head.end(), name[head.end() :]
        if len(name) < 4 or _overlaps(taken, start, m.end()):
            continue
        if name in names.names:
            continue  # 欧洲联盟, 非洲联盟: a name the gazetteer knows whole (as 欧盟, 非盟), read as it is there
        if text[max(0, start - 1) : start] in ("该", "此", "其", "本") or text[max(0, start - 2) : start] in ("这个", "这家", "这所"):
            continue  # 该生产基地: the body the story is already about, not a new one
        if start > 0 and text[start - 1].isdigit() and name[0] in "年月日季岁家个名所只位":
            continue  # 5月份银行结汇, 6月密歇根大学, 0岁至大学, 20家上市银行: what is left of a date, an age or a count
        if _SUBSIDIARY.search(name):
            continue  # 全资子公司, 旗下多家子公司: some company's subsidiary, which the sentence names apart
        if _GENERIC_BODY.fullmatch(name):
            continue  # 大型商业银行, 中小银行, 国有企业: a kind of body, not one
        if _LONGER_NAME.match(text, m.end()):
            continue  # 政策银行部, 中国银行保险监督管理委员会, 中国银行业协会: a department or a body whose name goes on
        legal = _LEGAL_SUFFIX.search(name)
        group = _TWO_CHARACTER_GROUP.fullmatch(name) and counter(name) == name and not names.agency_re.search(name)
        if legal and len(_PAREN.sub("", name[: legal.start()])) < 3 and not group:
            continue  # 知道公司的想法: a verb before 公司, not a company name
        strong = bool(legal) or name.endswith(("分行", "支行", "银行"))
        mentions.append(Mention(name, canonical(name), start, m.end(), strong))
        taken.append((start, m.end()))
    for name, start, end in _listed_companies(text):
        if not _overlaps(taken, start, end) and name not in names.names and not names.agency_re.fullmatch(name):
            mentions.append(Mention(name, canonical(name), start, end, True))
            taken.append((start, end))
    # A place inside an organisation's name (浙江大学, 北京银行) is part of that name.
    for m in places:
        if m.group() in names.at_a_boundary and not _at_a_boundary(text, m):
            continue  # 均衡水平 is no 衡水, 推广安全 no 广安
        if not _overlaps(taken, m.start(), m.end()) and not _inside_word(text, m):
            canon, kind = names.names.get(m.group(), (COUNTRY_WIDE, NATIONAL))
            mentions.append(Mention(m.group(), canon, m.start(), m.end(), True, kind=kind))
            taken.append((m.start(), m.end()))
    for m in names.pair_re.finditer(text) if "中" in text else ():
        if not _overlaps(taken, m.start(), m.end()):
            other = m[1] or m[2] or m[3] or m[4]
            mentions.append(Mention(m.group(), "中" + other, m.start(), m.end(), True, kind=PAIR))
            taken.append((m.start(), m.end()))
    for m in names.suffix_place_re.finditer(text) if _PLACE_SUFFIX.search(text) else ():
        word = m.group()
        if word in names.not_places or word[-2:] in names.not_places or _overlaps(taken, m.start(), m.end()):
            continue
        if any(ch in _STOP for ch in m[1]) or m[1] in names.not_place_names:
            continue  # 随着县域商业设施…: a function word before 县域, not 随着县
        if text[m.end() : m.end() + 1] in _SUFFIX_STARTS_WORD and m[1] not in names.names:
            continue
        mentions.append(Mention(word, m[1], m.start(), m.end(), True, kind=PLACE))
        taken.append((m.start(), m.end()))
    region_lists = list(_REGIONS_LISTED.finditer(text)) if "地区" in text else []
    for name, start, end in _regions_sharing_a_tail(region_lists):
        if not _overlaps(taken, start, end):
            mentions.append(Mention(text[start:end], name, start, end, True, kind=REGION))
            taken.append((start, end))
    mentions = _aliased(text, mentions)
    mentions.sort(key=lambda x: x.start)
    return tuple(_region_list_roles(region_lists, _listed_roles(text, [_with_role(text, m) for m in mentions])))


def _region_list_roles(region_lists: list[re.Match[str]], mentions: list[Mention]) -> list[Mention]:
    """东、中、西部和东北地区投资分别增长…: one list, one role; the 和 before its last item joins, it marks no object."""
    for listed in region_lists:
        inside = [i for i, m in enumerate(mentions) if listed.start() <= m.start and m.end <= listed.end()]
        if inside and mentions[inside[0]].topical:
            for i in inside[1:]:
                mentions[i] = replace(mentions[i], topical=True)
    return mentions


_REGION_STEM = r"(?:东北|[东中西]部?)"
_REGIONS_LISTED = re.compile(rf"(?:{_REGION_STEM}(?:、|和|与|及|以及))+{_REGION_STEM}地区")
_REGION_ITEM = re.compile(_REGION_STEM)


def _regions_sharing_a_tail(region_lists: list[re.Match[str]]) -> Iterator[tuple[str, int, int]]:
    """东部、中部、西部地区, 东、中、西部和东北地区: the last item's 地区 is every item's, each a region of its own."""
    for listed in region_lists:
        for item in _REGION_ITEM.finditer(listed.group()[:-2]):
            stem = item.group()
            name = stem + "地区" if stem.endswith(("部", "北")) else stem + "部地区"
            yield name, listed.start() + item.start(), listed.start() + item.end()


# 中国铁路上海局集团有限公司（简称上铁集团）, 国家电网有限公司（以下简称“国家电网”）: a second name for the body before.
_ALIAS = re.compile(r"[（(](?:以下|下文)?(?:简称|下称|统称)[为：:]?[“\"「]?(?P<alias>[^（）()“”\"「」，,、。；]{2,16}?)[”\"」]?[）)]")


def _aliased(text: str, mentions: list[Mention]) -> list[Mention]:
    """A bracketed short name is the body named just before it, not a body of its own (简称上铁 is no name)."""
    if "称" not in text:
        return mentions
    for m in _ALIAS.finditer(text):
        inside = [x for x in mentions if m.start() <= x.start < m.end()]
        mentions = [x for x in mentions if x not in inside]
        named = next((x for x in mentions if x.end == m.start()), None)
        if named is not None:
            mentions.append(replace(named, name=m["alias"], start=m.start("alias"), end=m.end("alias"), alias=True))
    return mentions


def _listed_roles(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names listed together share a role: in 我国对东盟、欧盟进出口, 欧盟 is a partner as 东盟 is."""
    for i in range(1, len(mentions)):
        prev, m = mentions[i - 1], mentions[i]
        if not prev.topical and m.topical and m.kind == prev.kind and text[prev.end : m.start] in ("、", "和", "与", "及", "以及"):
            mentions[i] = replace(m, topical=False)
    return mentions


# A name with one of these right after it is part of a longer word, not the body itself:
# 北京时间, 上海合作组织, 美国式, 中国籍; 吉林 in 吉林市 is found as the city.
_NAME_GOES_ON = ("时间", "合作组织", "式", "籍", "舰", "号", "路", "大道", "街", "站", "港口", "方面",
                 # 每股美国存托股, 不按美国通用会计准则: a kind of security, an accounting standard
                 "存托股", "存托凭证", "通用会计准则", "会计准则", "财务报告准则")


# Where a less-known city's name can start: a clause's head, after a preposition, a province or a region.
_NAME_STARTS_AFTER = re.compile(r"(?:^|[，。；：、,;:\s（(“”\"]|在|于|从|到|至|与|和|及|赴|往|省|区|州|市|黑龙江|吉林|辽宁|河北|山西|内蒙古"
                                r"|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆)$")


def _at_a_boundary(text: str, m: re.Match[str]) -> bool:
    return bool(_NAME_STARTS_AFTER.search(text, 0, m.start())) or text.startswith("市", m.end())


def _inside_word(text: str, m: re.Match[str]) -> bool:
    return text.startswith(_NAME_GOES_ON, m.end())


_LONGER_NAME = re.compile(r"[部司处科局]|保险监督|业(?!绩|务)")
_NOT_A_COMPANY = frozenset(["公司", "本公司", "该公司", "上市公司", "财联社", "记者", "消息", "数据", "公告", "其中"])


def _listed_companies(text: str) -> Iterator[tuple[str, int, int]]:
    """Companies named as listed companies are named: by their code, an item's head, or announcing."""
    for pattern in (_STOCK_CODE, _ANNOUNCES, _ITS_SHARES, _CHINA_LISTED, _LISTED_MOVE):
        for m in pattern.finditer(text):
            if pattern in (_ITS_SHARES, _LISTED_MOVE) and _NOT_A_SHARE_NAME.search(m["name"]):
                continue  # 今日美股, 中概股股价: a day or a market, not a company
            if pattern is _LISTED_MOVE and _NOT_A_MOVER.search(m["name"]):
                continue  # 恒生科技指数跌0.28%, 金价涨1%: an index, a price, a market
            if pattern is _ANNOUNCES and _WHEN_TOLD.search(m["name"]):
                continue  # 曾在2023年3月份披露: when it was disclosed, not who
            name = _trim_start(m["name"])
            if pattern is _STOCK_CODE:
                # ST太和, 和邦生物（603077.SH）: a 和 at the name's edge is part of it; in 茅台和五粮液（…） it joins two.
                whole = _trim_start(m["name"], by_words_only=True)
                cut = len(whole) - len(name)
                if cut > 0 and whole[cut - 1] in "和与及" and (len(name) < 2 or cut <= 2):
                    name = _trim_start(whole[: cut - 1]) + whole[cut - 1 :]
            start = m.end("name") - len(name)
            if len(name) >= 2 and name not in _NOT_A_COMPANY and not name.endswith(("显示", "数据", "统计")):
                yield name, start, m.end("name")


# 高出全国1.8个百分点, 比全国平均水平高: a sentence that sets its figures against the country's is not about it.
_AGAINST_COUNTRY = re.compile(r"(?:高出|高于|低于|快于|慢于|超出|领先|落后于|比|较|占)全国")


def against_country(text: str) -> bool:
    return bool(_AGAINST_COUNTRY.search(text))


def attribution(text: str, names: Gazetteer | None = None) -> tuple[int, int] | None:
    """Where a sentence cites a national source (国家统计局数据显示, 记者从国铁集团获悉), if it does.

    Not where it sets its figures against the country's (自贸试验区…同比增长6.6%，高出全国1.8个百分点):
    the agency speaks for a part, which the sentence may not name in words the recogniser knows."""
    if against_country(text):
        return None
    names = names or gazetteer()
    m = names.agency_re.search(text)
    if m is None:
        return None
    rest = text[m.end() : m.end() + 24]
    return (m.start(), m.end()) if any(w in rest for w in names.attribution_words) else None


# 证监会内设19个正司局级机构，行政编制572名: an agency at the head of a sentence that cites nothing is what its
# figures are about (its staff, its departments), not a source for the country's.
_ITS_OWN = re.compile(r"(?:机关)?(?:内设|设|行政编制|事业编制|编制|人员|职数|领导职数|机构|下设|共有)")


def agency_itself(text: str, names: Gazetteer | None = None) -> Mention | None:
    names = names or gazetteer()
    for m in names.agency_re.finditer(text):
        if (m.start() == 0 or text[m.start() - 1] in "：:，,；;") and _ITS_OWN.match(text, m.end()):
            return Mention(m.group(), counter(m.group()), m.start(), m.end(), True, kind=ORGANISATION)
    return None


_OBJECT_MARKERS: tuple[str, ...] = (
    "落实", "对", "为", "向", "与", "和", "及", "同", "跟", "给", "帮助", "支持", "服务", "引进", "走进", "进入",
    "入驻", "入职", "入册达", "入册", "联合", "携手", "协助", "推动", "助力", "选择", "落户", "位于", "覆盖", "赴", "是",
    # 形成一张辐射全国18个省区市的物流网络: the network reaches the provinces; it is what the figure is about.
    "辐射", "遍及", "遍布", "涵盖", "通达", "连通", "联通",
    # 高于全国1.1个百分点, 居全国第二, 拥有全国72%的国土面积: the figure is not about 全国.
    "高于", "低于", "快于", "慢于", "比", "较", "占", "居", "拥有", "相当于", "战胜", "击败", "访问", "抵达",
    "高出", "低出", "超出", "领先", "落后于",
    # 社区通过合资组建城市服务公司: the company is what the 社区 set up, not the sentence's subject.
    "通过", "作为", "依托", "成立", "组建", "设立", "合资",
    # 海外投资者净买入美国长期证券, 中国增持美国国债: the country's assets are what is traded, not who trades.
    "买入", "购买", "购入", "卖出", "抛售", "增持", "减持", "持有",
)
# 强化金融控股公司监管, 推进成渝地区双城经济圈建设, 建设世界一流大学: what a policy acts on, a kind of body
# more than a body, and never the topic.
_POLICY_VERBS = (
    "鼓励", "引导", "要求", "建设", "启动", "强化", "加强", "完善", "深化", "推进", "实施", "促进", "加快",
    "健全", "规范", "督促", "指导", "扩大", "发展", "培育", "打造", "扶持", "整治", "治理",
    "补充", "优化", "保障", "提升", "降低",
)
_OBJECT_MARKERS += _POLICY_VERBS


def acted_on(text: str, m: Mention) -> bool:
    """The body is the object of a policy verb (强化金融控股公司监管): a kind, whose words are no short name."""
    return text[max(0, m.start - 4) : m.start].endswith(_POLICY_VERBS)


def _with_role(text: str, m: Mention) -> Mention:
    after = _WHEN.sub("", text[m.end : m.end + 12], count=1)[:6]  # 人民银行13日发布: the day between
    if (m.kind in (ORGANISATION, KNOWN) and _REPORTER.search(m.name)
            and (text[max(0, m.start - 1) : m.start] == "据" or _SPEAKS.match(after) or after.startswith(("：", ":"))
                 or (text[max(0, m.start - 1) : m.start] == "从" and after.startswith(_LEARNED)))):
        # 据深圳贝壳研究院监测, 期货业协会统计, 【中国工程机械工业协会：5月…】, 记者从中国汽车工业协会了解到: the one
        # who speaks for others
        return replace(m, topical=False)
    if m.kind == ORGANISATION and _NAMES_AN_INDEX.match(text, m.end):
        return replace(m, topical=False)  # 美国6月密歇根大学消费者信心指数: the index bears its maker's name
    if m.kind == NATIONAL and _RANK.match(text, m.end):
        return replace(m, topical=False)  # 福建也是全国第9个城镇化率超过70%的省份: where it ranks, not whom
    if m.kind in (PLACE, REGION, COUNTRY) and (_DATELINE.match(text, m.end) or _AGENCY_AFTER_PLACE.match(text, m.end)):
        return replace(m, topical=False)  # 本报北京4月2日电, 南宁海关统计: where a report was filed, who speaks
    before = text[max(0, m.start - 4) : m.start]
    if before.endswith(_OBJECT_MARKERS):
        if m.kind == PAIR or (before.endswith("是") and m.kind in (NATIONAL, COUNTRY, REGION)):
            return m  # 今年是中法建交60周年, 今年是新中国成立75周年: what the figure is about
        return replace(m, topical=False)
    return m


class ShortNames:
    """Names a story may use for a body once it (or the store) has named it in full: 津上精密 for 津上精密机床（浙江）.

    A store of 100,000 claims knows thousands of names; looking each one up in
    every sentence cost more than the rest of the check, so names are found by
    their first two characters: one dict lookup per character of the sentence.
    A story's own names sit on top of the store's (`parent`), which is built once.
    """

    def __init__(self, names: dict[str, str] | None = None, parent: ShortNames | None = None) -> None:
        self.parent = parent
        self._offset = len(parent) if parent is not None else 0  # a parent does not grow once it has children
        self._canon: dict[str, str] = {}
        self._order: dict[str, int] = {}
        self._by_start: dict[str, list[str]] = {}
        for name, canon in (names or {}).items():
            self.add(name, canon)

    def __len__(self) -> int:
        return self._offset + len(self._canon)

    def __contains__(self, name: object) -> bool:
        return name in self._canon or (self.parent is not None and name in self.parent)

    def add(self, name: str, canon: str) -> None:
        """Like dict.setdefault: the first body a name was given to keeps it."""
        if name and name not in self:
            self._order[name] = len(self)
            self._canon[name] = canon
            self._by_start.setdefault(name[:2], []).append(name)

    def hits(self, text: str) -> list[tuple[int, int, str, str]]:
        """(order, start, name, canonical) of every occurrence; one name's occurrences never overlap."""
        found = self.parent.hits(text) if self.parent is not None else []
        if not self._by_start:
            return found
        ends: dict[str, int] = {}
        for i in range(len(text)):
            for name in self._by_start.get(text[i : i + 2], ()):
                if i >= ends.get(name, 0) and text.startswith(name, i):
                    found.append((self._order[name], i, name, self._canon[name]))
                    ends[name] = i + len(name)
        return found


def short_name_mentions(text: str, known: ShortNames) -> list[Mention]:
    """Mentions of bodies already named in the story by a short name, name by name in the order they were learnt."""
    return [
        _with_role(text, Mention(name, canon, start, start + len(name), True))
        for _, start, name, canon in sorted(known.hits(text))
    ]


def names_from_subjects(subjects: set[str]) -> dict[str, str]:
    """The organisations the store names, by their whole key (津上精密机床), longest first.

    Only whole names: a draft that says 国家电网 is not about 国家电投 because both
    start with 国家. Short names a newsroom uses go in its configured `bodies`.
    """
    places = _places()
    own = home().bodies
    names = {canon: canon for canon in subjects if len(canon) >= 4 and canon not in own and canon not in places}
    return dict(sorted(names.items(), key=lambda kv: -len(kv[0])))

