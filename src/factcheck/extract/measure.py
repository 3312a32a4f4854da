"""What a figure measures: the metric from the words before it, the noun it counts, the figure a rate qualifies.

Verbs, fillers, names and periods are taken out of the phrase before the
figure; what is left is compared across sources (metric.py keys it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from ..record.claim import Claim, mask_numbers
from ..record.period import Period
from . import subject
from .metric import metric_key
from .period import ATTRIBUTIVE, EVENT, PeriodMention
from .quantity import INDEX_FAMILIES, NOT_TOP_BEFORE, PER_UNIT_FIRST, VALUE_BEFORE, Quantity, unit_group

CLAUSE_DELIMS = "，。；：、！？（）“”‘’「」,;"


# Quotes inside a noun phrase do not end it: 专精特新“小巨人”企业增加值 is one measure.
METRIC_DELIMS = CLAUSE_DELIMS.replace("“”‘’「」", "") + "和及与"


# Verbs and adverbs around a figure that say nothing about what it measures:
# 实现产值 and 产值 name the same metric. Stripped only at the edges of the
# phrase (or split on unambiguous verbs), since 就 is also inside 就业率.
_TRAILING_NOISE = re.compile(
    r"(?:达到了|达到|高达|稳定在|连续多年|多年|增加到|增至|再次|首次|已经|已|共计|累计|共|就|将|仅|约|近|超过|超|突破|逾|"
    r"为|是|在|至|到|有|了|的|实现了|实现|完成了|完成|新增|增设|提供|拥有|形成|贡献|力争|预计|达|从|由|"
    # How a figure is given, not what it measures: a forecast (预期), the previous release (前值), the
    # reading (初值, 终值, 公布值), a revision (修正为), a target (目标定在): identity.modality reads them.
    r"预期目标定在|预期目标是|预期目标为|预期目标|预期值|预期|预估值|预估|市场预估|预测|目标定在|目标是|目标为|目标|前值由|前值|修正为|修正至|初值|终值|"
    r"公布值|录得|定在|要|拟|计划|设定为|设定在|设定|设为|定为|确定为|确定在|确定|安排为|拟按|按照|按|"
    # 之前为5000美元, 先前预估为2.9%: the value replaced (identity.modality); 每盎司: the price's unit (quantity).
    rf"{VALUE_BEFORE}|{PER_UNIT_FIRST}|"
    # 黄金储备报7496万盎司: reported at, said of the level; not 收报, a day's close (data/metrics.toml daily).
    r"(?<!收)报)$"
)
# 失业率降到5.2%, 城镇化率提高到65%: the verb says the figure is the new level, not a change; what is
# measured is the rate itself (城镇调查失业率), as a source that writes 为5.2% says.
_TO_LEVEL = re.compile(
    r"(?:回落|下降|降低|下调|降|上升|上调|升|提高|提升|增加|增长|减少|扩大|缩小|跃升|攀升|回升|跌|涨)(?:到了|到|至)$"
)


_LEADING_NOISE = re.compile(
    r"^(?:的|仅|在|由|从(?!业)|对|其中|这个|该|共|已经|已|全年|当年|今年|去年|目前|如今|现有|同时|此外|并|还|也|都|则|就|经过|到后面|后面|先后|前后|"
    r"他们|我们|它们|她们|他|她|其|将|要|把|同(?![比期时样])|与|向|计划|拟|预计|安排|预期|预估|前值|初值|终值)"
)
# 社会物流总额即物流运行中实物商品价值总和: what follows 即 explains the measure, it is not another.
_APPOSITION = re.compile(r"(?<=..)即.*$")
# 起征点由月销售额10万元提高到15万元: what changes is the 起征点; 由/从 opens what it is counted in.
_FROM = re.compile(r"(?<=.)(?:由|从)[^由从]{0,6}$")
# 最低标准从每月70元提高到88元, 补助标准由每人每年120元: an amount per month or per head is another measure
# than one per year, and a source that writes 为每月70元 keeps the 每月; so the 从 phrase keeps it too.
_PER_TIME = re.compile(r"(?:人均|每人)?每(?:人|户|月|年|天|日|周)(?:每(?:年|月|天|日))?$")


_LINKS = frozenset({"的", "为", "是", "达", "达到", "约"})


def _without_from(phrase: str) -> str:
    found = _FROM.search(phrase)
    if found is None:
        return phrase
    per = _PER_TIME.search(found.group())
    return phrase[: found.start()] + (per.group() if per else "")


_NO_QUOTES = str.maketrans("", "", "“”‘’「」")
_FUNDING = re.compile(r"(?:拿出|出资|斥资|耗资|动用|拟以)$")


# 他们在项目工地不远的地方租赁了面积…: where something happened is not what is measured.
_LOCATIVE = re.compile(r"^.*?在[^在]{1,12}?(?:地方|附近|旁边|周边|一带|里|内|上)(?=.)")


# Light verbs between who acts and what is measured say nothing about the measure
# (全国铁路完成固定资产投资 is 铁路固定资产投资); they are dropped, and what stands on
# either side of them is kept: 铁路 is what tells this investment from all of 全国's.
_LIGHT_VERBS = re.compile(r"实现了?|完成了?|达到|拥有|累计|形成|就实现|共有|组建由?|现有|共计|合计")


_COUNT_UNITS = ("个", "家", "人", "条", "批", "台", "套", "处", "所", "幢", "户", "艘", "架", "辆", "列", "只")


_SPAN_WORDS = "来前后里间内"


_RUNNING = re.compile(r"连续|持续|累计|历时|用时")


# 从不足70万亿元跃升至超过100万亿元, 由10万元提高到15万元, 前值由6.2%修正为6.3%: one measure, at two times.
_FROM_TO = re.compile(
    r"(?:增长|增加|提高|提升|上升|下降|减少|降低|扩大|缩小|跃升|攀升|回升|回落|上调|下调|调高|调低|升|降|涨|跌)?(?:到了|到|至)"
    r"|修正为|修正至|改为|调整为"
)


_TOTAL = re.compile(r"总(?:投资|额|产值|规模|面积|金额|收入|价值)")


# Units of rates and of time: 10年来, 为期5天 measure a span, and what follows is not what they count.
_NOT_COUNTS = ("%", "pp", "x", "年", "天", "个月", "小时", "分钟", "周", "周年", "岁", "日")


_QUALIFIES_COUNT = re.compile(r"新增|新建|新开|新设|累计|引进|签约|培养|化解|惠及|吸纳|建成|开工|投产|减少|增加|裁减|裁员|减员|净增|净减|流失")


_RATE_WORDS = re.compile(r"同比|环比|比上年|较上年|比上月|较上月|增长|下降|增加|减少|提高|提升|上升|回落|加快|放缓|收窄|增速|[升降增涨跌]幅|占比|占")


_RIGHT_STOP = re.compile(
    r"[，。；：、！？（）“”【】的就实现共已将在和与及到\d]|成功|成立|完成|达到|获得|参加|参与|进行|开展|覆盖|落户|入驻|建成|投入|带动|正|(?<![人亩户日年月])均"
    r"|增长|下降|上升|增加|减少|提高"
    # A verb that ends the noun counted (5575万农村贫困人口摆脱贫困, 2.8万亿元中央财政资金被纳入…).
    r"|被|纳入|列入|摆脱|用于|享受|受益"
)


def clause_start(sentence: str, pos: int, floor: int, delims: str = CLAUSE_DELIMS) -> int:
    i = pos
    while i > floor:
        ch = sentence[i - 1]
        if ch == "）" and i < len(sentence):
            # 津上精密机床（浙江）有限公司, 世界500强企业（项目）40余家: a short bracket is not a clause break.
            j = sentence.rfind("（", max(floor, i - 8), i - 1)
            if j < 0:
                # 自由现金流（一项非公认会计准则财务流动性指标）为…: a longer aside, words only, is none either.
                j = sentence.rfind("（", max(floor, i - ASIDE_MAX), i - 1)
                if j >= 0 and not _ASIDE.fullmatch(sentence, j, i):
                    j = -1
            if j >= 0:
                i = j
                continue
        if ch in delims and not (ch in "和及与" and _inside_word(sentence, i - 1)):
            break
        i -= 1
    return i


# Words with 和, 及 or 与 inside them: 普及率 is one word, not 普 and 率 joined by 及; 60岁及以上 is one bound.
_CONJUNCTION_WORDS = frozenset(
    ["及以", "普及", "以及", "涉及", "及时", "波及", "危及", "及其", "及早", "和平", "和谐", "温和", "总和", "共和", "缓和", "饱和", "调和", "平和", "祥和", "和睦", "参与", "与会", "给与", "赋予"]
)


def _inside_word(sentence: str, at: int) -> bool:
    return sentence[at - 1 : at + 1] in _CONJUNCTION_WORDS or sentence[at : at + 2] in _CONJUNCTION_WORDS


# Dates and bare numbers, which are no part of a measure's name; an index's number is (标普500周跌0.31%),
# and so is a set's first few (前10名股东) and an age band (25-29岁年龄段).
_DATES_AND_NUMBERS = re.compile(
    r"(?:19|20)\d\d年(?:度|末|底|初)?|前?\d{1,2}个?月(?:份)?(?:末|底)?|[一二三四]季度|上半年|下半年|"
    + "".join(f"(?<!{family})" for family in INDEX_FAMILIES)
    # 前10名股东持股比例: the first ten of a set are part of what is measured (not 目前50家, 此前3次).
    + rf"(?<![^{NOT_TOP_BEFORE}]前)" + r"(?<![A-Za-z\d.])\d+(?:\.\d+)?(?![A-Za-z\d])"
    # …and so is an age band (25-29岁年龄段未婚率, 60岁及以上人口): 25-29's rate is not 30-34's.
    + r"(?!(?:[-—至到~～]\d+)?岁)")


def _metric(left: str, mentions: list[subject.Mention], left_offset: int, periods: list[PeriodMention] = ()) -> str:  # type: ignore[assignment]
    """What the figure measures: the phrase before it in its clause, without names, periods, verbs and fillers."""
    # A comparison base (比上年增长) is part of the measure's wording, not a break in it; so is a partner
    # (我国对东盟进出口 is not 我国进出口), which is not whom the figure is about.
    names = [(m.start, m.end) for m in mentions if m.topical or m.kind != subject.COUNTRY]
    # An aside's own period (4月末为7464万盎司) is the figure's, not part of what it measures.
    # So is the day an event named happened on (8日发生的地震已造成37人死亡).
    dated: list[tuple[int, int]] = []  # where a period stood, in `left`
    for span in names + [(p.start, p.end) for p in periods if p.base in ("", "为", EVENT, ATTRIBUTIVE)]:
        if left_offset <= span[0] < left_offset + len(left) or left_offset < span[1] <= left_offset + len(left):
            a, b = max(span[0] - left_offset, 0), min(span[1] - left_offset, len(left))
            left = left[:a] + " " * (b - a) + left[b:]
            if span not in names:
                dated.append((a, b))
    left = _DATES_AND_NUMBERS.sub(" ", left)
    # …but a figure glued to letters names the thing: N95口罩, PM2.5浓度, 5G基站.
    # 中嘉华宸能源公司530亩: a figure right after a name has no measure before it.
    # 自由现金流（一项非公认会计准则财务流动性指标）为人民币452.20亿元: an aside between the measure and its figure.
    plain = _SAME_BELOW.sub("", _ASIDE.sub("", left))
    tokens = plain.split() if not plain[-1:].isspace() else []
    phrase = tokens[-1] if tokens else ""
    if len(tokens) >= 2 and tokens[-1] in _LINKS:
        # 涉农贷款余额从2007年末的6.12万亿元: a period between the measure and the figure, only 的 after it.
        phrase = tokens[-2] + tokens[-1]
    elif len(tokens) >= 2 and _SECTOR_TAIL.search(tokens[-2]) and _period_between(left, dated, tokens[-2], tokens[-1]):
        # 全国铁路国庆黄金周运输发送旅客1.95亿人次: the sector before the period is the measure's (not all transport's).
        phrase = tokens[-2] + tokens[-1]
    elif len(tokens) == 2 and _owner(tokens[0]) and _period_between(left, dated, tokens[0], tokens[1]):
        # 而比亚迪纯电车型全年销量为157.48万辆: what the clause opens with, before its period, is whose sales these are
        # (特斯拉's 180.9万辆 are not BYD's), whether or not the recogniser knows the name.
        phrase = tokens[0].lstrip("而但且") + tokens[1]
    elif len(tokens) >= 2 and tokens[-2].endswith("在") and tokens[-1].startswith("的"):
        # 韩国ICT产品在4月的出口额为127.7亿美元: what is measured is ICT products' exports, the month between.
        phrase = tokens[-2][:-1] + tokens[-1][1:]
    phrase = _LOCATIVE.sub("", phrase).translate(_NO_QUOTES)
    phrase = _APPOSITION.sub("", _without_from(_TO_LEVEL.sub("", phrase)))
    for _ in range(4):
        # 价格预测下调至每盎司4800美元: the level's verb shows once the price's unit (每盎司) is gone.
        stripped = _TO_LEVEL.sub("", _TRAILING_NOISE.sub("", phrase))
        if stripped == phrase:
            break
        phrase = stripped
    if _FUNDING.search(phrase):
        return ""  # 拿出11亿元回购股份, 以自有资金出资5亿元回购A股: how it is paid for; what for follows the figure
    # 7.城乡社区支出: the item's number is gone, and its dot with it.
    phrase = _LIGHT_VERBS.sub("", phrase).lstrip(".．、").lstrip("家个名项位户所座条次")
    for _ in range(3):
        stripped = _LEADING_NOISE.sub("", phrase)
        if stripped == phrase:
            break
        phrase = stripped
    if _ONE_OF.fullmatch(phrase):
        return ""  # 她是一个四十多岁的老师, 一个14岁女孩: a person's age, counted by 一个, is no measure of a body
    return phrase


def _period_between(left: str, dated: list[tuple[int, int]], before: str, after: str) -> bool:
    """`before` ends right where a period stood in `left`, and `after` follows it (全国铁路|国庆黄金周|运输…)."""
    return any(left[a - len(before) : a] == before and left[b:].lstrip(" ").startswith(after) for a, b in dated)


def _owner(words: str) -> bool:
    """Words opening a clause that name what owns its measure (比亚迪纯电车型), not a filler, a verb or the body
    the story is about (公司, 我国)."""
    core = _LIGHT_VERBS.sub("", _LEADING_NOISE.sub("", words.lstrip("而但且")))
    return len(core) >= 2 and core == words.lstrip("而但且") and not _GENERIC_OWNER.search(core)


_GENERIC_OWNER = re.compile(
    r"公司|集团|企业|我国|全国|本市|全市|全省|本省|各地|全球|世界|国内|海外|境内|境外|截至|截止|至|于|在|从|自|到"
    # 2019年政府工作报告将当年…目标设定为: a document or a speaker that sets or tells the figure, a verb's word
    r"|报告|规划|纲要|方案|计划|公报|白皮书|数据|统计|显示|表示|指出|文件|决定|意见|通知|会议"
    r"|[将把对为是由向被让使称说及和与了着过]")
_ASIDE = re.compile(r"[（(][^（）()\d，。；：,;:]{6,40}[）)]")
# 同比（下同）增长0.1%, （以人民币计，下同）: a note that the reckoning holds on, no word of the measure's
_SAME_BELOW = re.compile(r"[（(][^（）()，。；]{0,10}?[，,]?下同[）)]")
ASIDE_MAX = 42
_SECTOR_TAIL = re.compile(r"(?:铁路|民航|公路|水路|港口|快递|邮政|外贸|业)$")
_ONE_OF = re.compile(r"(?:是|为|有|像)?[一这那每该某][个位名只家条项]")


def context_of(text: str, start: int, end: int, counted: str, mentions: list[subject.Mention]) -> str:
    """The clause around a figure without names or numbers: what is measured, not about whom."""
    chars = list(text[start:end])
    for m in mentions:
        for i in range(max(m.start, start), min(m.end, end)):
            chars[i - start] = ""
    return mask_numbers("".join(chars) + counted)


def _counted(sentence: str, end: int) -> str:
    """What a count counts: the noun after the measure word (16个小区成功成立… → 小区), up to a verb or a stop.

    A quoted word is part of it: 24家“链主”企业 counts 链主企业.
    """
    quoted = _QUOTED.match(sentence, end)
    if quoted:
        return quoted[1] + _counted(sentence, quoted.end())
    m = _RIGHT_STOP.search(sentence, end)
    stop = m.start() if m else len(sentence)
    counted = sentence[end : min(stop, end + 8)]
    served = _SERVED.search(counted)
    if served:
        # 488家认证机构为7.9万余家企业实施精准帮扶: the bodies that did this, not every 认证机构 there is.
        return counted[: served.start()] + _NUMBERS.sub("", _predicate(sentence, end + served.start()))
    # 8个省份前三季度人均可支配收入: the period inside says when, not what is counted, and took its room.
    return _PERIOD_INSIDE.sub("", sentence[end:stop])[:8]


_SERVED = re.compile(r"(?<=..)(?:为|向|给|帮助)(?=[\d一二三四五六七八九十几数上]|$)")
_NUMBERS = re.compile(r"[\d.]+[万亿千百]?[余多]?")


def _predicate(sentence: str, end: int) -> str:
    """What follows a span up to the end of its clause (连续五年|保持全球最大锂电池市场), at most 12 characters."""
    m = re.search(r"[，。；：！？、]", sentence[end:])
    return sentence[end : end + min(m.start() if m else len(sentence), 12)]


_WITH_OTHERS = re.compile(r"^联合[^，。]{0,10}?(?=设立|新设|推出|创设|增设|设置)")  # who joined in, not what was set up
_SET_UP = re.compile(r"(?:联合[^，。]{0,10}?)?(?:设立|新设|推出|创设|增设|设置)了?")
_TIMES = ("次", "趟", "回")
_ACTED = re.compile(r"到|赴|来|去|就|在|同|与|对|向|为|主持|出席|考察|视察|召开|会见|访问|通话")
_PERIOD_INSIDE = re.compile(r"前[一二三四五六七八九十\d]+(?:个月|季度)|[一二三四]季度|[上下]半年|全年|今年|去年|当年")
_QUOTED = re.compile(r"[“‘「]([^”’」，。]{1,8})[”’」]")


@dataclass(slots=True)
class Run:
    """The figures of one sentence so far: a figure's metric and rate may come from the one before it."""

    claims: list[Claim] = field(default_factory=list)
    previous: Claim | None = None  # the last figure that is not a rate
    previous_q: Quantity | None = None  # the last figure of any kind
    previous_rate: Claim | None = None  # the last rate (%, pp, x)

    def add(self, q: Quantity, claim: Claim) -> None:
        self.claims.append(claim)
        if q.unit not in RATES:
            self.previous = claim
        else:
            self.previous_rate = claim
        self.previous_q = q


RATES = ("%", "pp", "x")


def measure(
    text: str,
    q: Quantity,
    left: str,
    mstart: int,
    mentions: list[subject.Mention],
    periods: list[PeriodMention],
    previous_q: Quantity | None,
) -> tuple[str, str]:
    """What the figure measures (the words before it) and what it counts (the noun after it)."""
    metric = _metric(left, mentions, mstart, periods)
    counted = _counted(text, q.end)
    if not counted and not metric and text[q.end : q.end + 1] == "的" and q.unit not in _NOT_COUNTS:
        counted = _counted(text, q.end + 1)  # 530亩的地块: what the figure measures follows 的
    elif not metric and q.unit == "%" and text[q.end : q.end + 1] == "的":
        metric = _counted(text, q.end + 1)  # 仅有20%的火势得到控制: a share of what follows 的, not of the figure before
    if q.is_currency and _SET_UP.fullmatch(metric_key(metric)) and text[q.end : q.end + 1] not in "，。；、）":
        # 设立5000亿元科技创新和技术改造再贷款, 设立3000亿元保障性住房再贷款: the size of what is set up, named after it.
        metric = _WITH_OTHERS.sub("", metric) + _NUMBERS.sub("", _predicate(text, q.end))
    if q.unit in _TIMES and counted != _predicate(text, q.end) and _ACTED.match(text, q.end):
        # 两次到海南考察 and 两次就中华文明探源工程主持召开集体学习: what was done so often is what is counted.
        counted = _NUMBERS.sub("", _predicate(text, q.end))
    if q.unit in _NOT_COUNTS:
        counted = ""  # 10年来: what follows a span is not what it counts
        if q.unit in ("年", "周年", "天", "个月") and q.end < len(text) and text[q.end] in _SPAN_WORDS:
            metric = metric + text[q.end]  # 10年来, 60年前: the span and its direction are the measure
        elif q.unit in ("年", "天", "个月", "周") and _RUNNING.search(metric):
            # 连续五年保持全球最大锂电池市场: what went on for the span is the measure.
            metric = metric + _predicate(text, q.end)
    if previous_q is not None and previous_q.unit in ("年", "天", "个月") and left[:1] and left[0] in _SPAN_WORDS:
        metric = metric[1:] if metric[:1] and metric[0] in _SPAN_WORDS else metric  # 10年来累计公益服务: not 来公益服务
    return metric, counted


def linked_rate(text: str, q: Quantity, left: str, metric: str, run: Run) -> tuple[str, str | None]:
    """A growth rate is the rate of the figure it follows in its clause: its metric, and that figure's id."""
    qualifies = None
    base = run.previous
    previous_q, previous_rate = run.previous_q, run.previous_rate
    if q.unit == "pp" and previous_rate is not None and previous_q is not None and previous_q.unit == "%":
        base = previous_rate  # 物流业景气指数为50.6%，较上月上升0.3个百分点: the change of that index
    if (
        q.unit in RATES
        and base is not None
        and _RATE_WORDS.search(left)
        and not metric.startswith(("占", "占比"))
        and _own_clause(text, previous_q, q)
        and not _names_own_measure(metric)
    ):
        qualifies = base.id  # 亩均税收达28.9万元，增长57.4%: the rate of the figure it follows
        metric = f"{base.metric}{metric}" if base.metric else metric
    if changes_to(text, q, run):
        metric, qualifies = run.claims[-1].metric, run.claims[-1].qualifies  # 本科以上学历从32.6%增长到70.3%: one measure
    return metric, qualifies


def changes_to(text: str, q: Quantity, run: Run) -> bool:
    """The figure is where the one before it changed to: 由10万元提高到15万元, 前值由6.2%修正为6.3%."""
    previous_q = run.previous_q
    if not run.claims or previous_q is None:
        return False
    gap = text[previous_q.end : q.start]
    if _FROM_TO.fullmatch(gap):
        return True
    # 从每周的8个班次增加到12班次, 从8个小区增加到12个小区: the start names what it counts, which the end repeats.
    verb = _FROM_TO.search(gap)
    counted = gap[: verb.start()] if verb is not None and verb.end() == len(gap) else ""
    return bool(_COUNTED_NOUN.fullmatch(counted)) and (counted == q.unit or text.startswith(counted, q.end))


_COUNTED_NOUN = re.compile(r"[\u4e00-\u9fff]{1,3}")  # 班次, 小区: a word, never the comma of 减少了X，至Y


def with_counted(metric: str, counted: str, q: Quantity) -> str:
    """The counted noun joins the metric: 经过10次增资 measures 增资, 新增16个小区 measures 新增小区."""
    if len(counted) >= 2 and not q.is_currency and q.unit not in _NOT_COUNTS:
        # 经过10次增资, 已有16个小区: the noun after the measure word is what is counted,
        # and the words before it (辖区范围内, 新增) qualify it.
        metric = counted if len(metric) <= 2 and not _QUALIFIES_COUNT.search(metric) else metric + counted
    return metric or counted


_OCCASION = re.compile(r"^(?:(?:19|20)\d\d年|今年|明年|去年|当年|这一年)?(?:也|还|又|同时)?(?:是|为|迎来|恰逢|正值|适逢|纪念)?")
_FOUNDED = re.compile(r"^(?:成立|建立|创立|诞生|解放)$")  # a bare verb: what was founded is before it


def _occasion(text: str, q: Quantity, metric: str) -> str:
    """What an anniversary is of, in its own clause's words, names and all: 台湾光复回归中国 in 也是台湾光复回归中国
    80周年, 新中国成立 for 新中国成立75周年. Each anniversary is an event of its own; it never takes the figure
    before it's (今年是世界反法西斯战争胜利80周年，也是台湾光复回归中国80周年)."""
    if metric_key(metric) and not _FOUNDED.match(metric):
        return metric
    start = clause_start(text, q.start, 0)
    own = _OCCASION.sub("", text[start : q.start]).strip()
    return own if len(own) > len(metric) else metric


_CONVERTED = re.compile(r"(?:约|大约)?(?:合|折合|合计约|相当于)(?:人民币|美元)?")
_STREAK = re.compile(r"(?:已经?|已)?连续[\u4e00-\u9fff]{0,4}")  # 连续下降, 已经连续增长: a run of years, no measure
_STREAK_UNITS = ("年", "个月", "季度", "天", "周", "日")


def from_neighbours(text: str, q: Quantity, metric: str, qualifies: str | None, run: Run) -> tuple[str, str | None]:
    """A figure that names no measure of its own takes the one of the figure before it."""
    if q.unit == "周年":
        return _occasion(text, q, metric), qualifies
    previous, previous_q, previous_rate = run.previous, run.previous_q, run.previous_rate
    if previous is not None and _CONVERTED.fullmatch(metric) and previous_q is not None and previous.metric:
        # 现金…为2172亿元（约合306亿美元）: the same figure in another currency, of the same measure
        return previous.metric, previous.qualifies
    if previous is not None and q.unit in _STREAK_UNITS and _STREAK.fullmatch(metric) and previous.metric:
        # 初婚人数…2022年下降到1051.756万人，连续九年下降: the streak is the measure's just named, not every
        # measure's that fell nine years running (结婚率…连续9年下降).
        return CHANGE_WORDS.sub("", previous.metric) + metric, qualifies
    if previous is not None and _TOTAL.match(metric) and unit_group(previous.unit) in _COUNT_UNITS:
        # 共谋划重点建设项目101个，总投资4049亿元: the total of the projects just counted.
        metric = previous.metric + metric
    if not metric and q.unit in RATES and previous_rate is not None and previous_q is not None and (
        previous_q.unit == q.unit and re.fullmatch(r"[和、及与]|以及", text[previous_q.end : q.start])
    ):
        metric, qualifies = previous_rate.metric, previous_rate.qualifies  # 同比分别增长6.4%和10.6%: one list
    if (metric.startswith("占") and q.unit == "%" and previous is not None and _names_own_measure(previous.metric)
            and _own_clause(text, previous_q, q) and not _SEPARATE.search(text, previous_q.end if previous_q else 0, q.start)):
        # 国内生产总值…增加到82.7万亿元，年均增长7.1%，占世界经济比重从11.4%…: the share is the figure's before it.
        metric = previous.metric + metric
    bare = not metric_key(metric)  # 总量突破90万亿元: a word for "all of it", of the measure just named
    if bare and previous is not None and (not metric or unit_group(q.unit) == unit_group(previous.unit)):
        # 2024年实现产值1.6亿元，今年前10个月已突破2.5亿元: the same metric. Not 过火面积达到1664公顷，仅有20%的
        # 火势得到控制: a share of something else, which 仅有 does not name.
        listed = previous_q is not None and ITEM_SEP.fullmatch(text, previous_q.end, q.start)
        # 比4月分别减少16个和21个: the second of a list of changes is a change too, not the level before them
        metric = (previous.metric if equivalent_of(text, q, run) or listed else _level_of(previous, run)) + metric
    elif (bare and metric and q.unit not in RATES and previous_rate is not None and previous_q is not None
          and _own_clause(text, previous_q, q)):
        # 国内生产总值增长6.6%，总量突破90万亿元: the total of what grew.
        metric = CHANGE_WORDS.sub("", previous_rate.metric) + metric
    elif not metric and q.unit in RATES and previous_rate is not None and previous_rate.unit == q.unit:
        metric = previous_rate.metric  # 2023年经济增长5.2%，2024年的目标是5%左右: the same rate, a target
    elif (q.unit == "%" and previous_rate is not None and previous_q is not None and previous_rate.unit == "%"
          and _CHANGE_ONLY.fullmatch(metric) and not _READING.search(text, previous_q.end, q.start)):
        # 美国5月CPI同比上涨2.9%，环比上涨0.3%: the same indicator, reckoned on the month before.
        metric = indicator(previous_rate) + metric if indicator(previous_rate) else metric
    elif (_DIRECTION.fullmatch(metric) and q.unit in RATES and previous_rate is not None
          and previous_rate.unit == q.unit and _READING.search(text, previous_q.end if previous_q else 0, q.start)):
        # 德国5月零售销售同比增长1.8%，预期下降0.5%，前值下降0.3%: the indicator's, in the other direction.
        metric = _DIRECTION.sub("", previous_rate.metric) + metric
    if previous is not None and unit_group(previous.unit) == unit_group(q.unit):
        metric = change_of(metric, q, previous.metric)
    if _REST.search(text, max(0, q.start - 3), q.start) and metric and not metric.startswith("其他"):
        # 辽宁省已有6名省部级官员被查，其他5人分别是: the rest of a set counted before, a part of it, not the set
        # told again (nor an older count the 6名 replaces).
        metric = "其他" + metric
    return _sibling_qualified(_with_contributor(text, q, metric, run), run), qualifies


def _with_contributor(text: str, q: Quantity, metric: str, run: Run) -> str:
    """食品价格同比上涨1.4%，影响CPI上涨约0.26个百分点; 内需对中国经济增长的贡献率达到110.8%: a contribution to a
    whole is its contributor's (蛋类价格's 0.02 points, 服务业's 66.1% are others'), named before it in its clause
    or, when the clause opens on the contribution, by the figure before it."""
    start = max(text.rfind(c, 0, q.start) for c in "，。；,;") + 1
    m = _CONTRIBUTION.search(text, start, q.start)
    if m is None:
        return metric
    # 鲜菜、鸡蛋和水产品价格分别下降…，合计影响CPI下降: 合计 is how, not whose
    own = _LEADING_NOISE.sub("", _DATES_AND_NUMBERS.sub("", text[start : m.start()]).strip()).removeprefix("合计").removeprefix("共同")
    contributor = _CONTRIBUTOR_END.split(own, maxsplit=1)[0]
    for before in reversed(run.claims if not contributor else ()):
        # …带动经济增长3.6个百分点，比上年同期提高2.6个百分点，对经济增长的贡献率: past the change of the change
        contributor = _CONTRIBUTOR_END.split(_LEADING_NOISE.sub("", before.metric), maxsplit=1)[0]
        if len(contributor) >= 2:
            break
    if len(contributor) < 2 or contributor in metric:
        return metric
    return contributor + metric


def change_of(metric: str, q: Quantity, level: str) -> str:
    """企事业单位贷款余额152.21万亿元…；上半年增加9.68万亿元，同比多增3.45万亿元: an amount's bare change (增加,
    同比多增) is of the level named before it (not 人民币贷款's 同比多增2.02万亿元 of the month's release)."""
    if q.unit in RATES or not level or not _AMOUNT_CHANGE_ONLY.fullmatch(metric):
        return metric
    if not (_MORE_OR_LESS.search(metric) or _BALANCE.search(level)):
        return metric  # 销售彩票540.73亿元，同比减少36.72亿元: a flow's change, read with its level by qualifies
    whose = _BALANCE.sub("", _AMOUNT_CHANGE.sub("", CHANGE_WORDS.sub("", level)))
    return whose + metric if len(whose) >= 2 else metric


_AMOUNT_CHANGE = re.compile(r"(?:同比|比上年|较上年|环比|比年初|较年初)?(?:多增|少增|多减|少减|增加|减少|新增|净增)了?")
_AMOUNT_CHANGE_ONLY = re.compile(f"(?:{_AMOUNT_CHANGE.pattern})+")
_BALANCE = re.compile(r"余额$")
_MORE_OR_LESS = re.compile(r"多增|少增|多减|少减")  # a change of a change: 同比多增 names no measure at all
_REST = re.compile(r"(?:其他|其余|剩下的?|剩余的?|另外|另有)$")


# What a figure contributes to a whole, its contributor named in a clause before: 影响CPI上涨, 拉动经济增长,
# 对经济增长的贡献率.
_CONTRIBUTION = re.compile(r"(?:影响|拉动|带动)(?:[^，。；、（(]|[（(][^）)]{0,12}[）)]){0,12}?(?:上涨|下降|上升|下跌|增长|回落)"
                           r"|对[^，。；、]{0,12}?贡献")
_CONTRIBUTOR_END = re.compile(r"同比|环比|比上年|较上年|增长|上涨|下降|上升|下跌|增加|减少|带动|拉动|影响|对")


_EQUIVALENT = re.compile(r"[（(](?:约|合|折合|即|相当于)?")


def equivalent_of(text: str, q: Quantity, run: Run) -> Claim | None:
    """7496万盎司（约2331.52吨）: the figure before, in other units, so of its measure and period."""
    if run.claims and run.previous_q is not None and _EQUIVALENT.fullmatch(text[run.previous_q.end : q.start]):
        return run.claims[-1]
    return None


def _level_of(previous: Claim, run: Run) -> str:
    """The measure a bare figure after a change states the level of: 销售额增加3亿元，达到20亿元 is 销售额; 黄金储备报
    7496万盎司，环比增加32万盎司，4月末为7464万盎司 is 黄金储备, the level named before the change."""
    if not CHANGE_WORDS.search(previous.metric):
        return previous.metric
    level = CHANGE_WORDS.sub("", previous.metric)
    if metric_key(level):
        return level
    group = unit_group(previous.unit)
    for c in reversed(run.claims):
        if unit_group(c.unit) == group and metric_key(c.metric) and not CHANGE_WORDS.search(c.metric):
            return c.metric
    return previous.metric


_SIBLINGS = (("进口", "出口"), ("出口", "进口"), ("产量", "销量"), ("销量", "产量"), ("收入", "支出"), ("支出", "收入"))


def _sibling_qualified(metric: str, run: Run) -> str:
    """美国4月份商品进口环比增长1.9%，出口环比增长4.0%: the 出口 is the goods', as the 进口 before it; the words
    that narrow one of a pair narrow the other said right after it."""
    before = run.claims[-1].metric if run.claims else ""
    for one, other in _SIBLINGS:
        if metric.startswith(other):
            rest = metric[len(other):]
            tail = one + rest
            qualifier = before[: -len(tail)] if before.endswith(tail) else ""
            if len(qualifier) >= 2 and not qualifier.endswith(("和", "与", "及", "、")):
                return qualifier + metric
    return metric


_DIRECTION = re.compile(r"(?:增长|下降|上升|回落|增加|减少|上涨|下跌)$")
CHANGE_WORDS = re.compile(r"同比|环比|比上年|较上年|年均|增长|下降|增加|减少|上升|提高")
_CHANGE_ONLY = re.compile(r"(?:同比|环比|比上年|较上年|较上月|比上月)(?:增长|下降|上涨|下跌|上升|回落)")
_SEPARATE = re.compile(r"其中|分别")  # 其中出口…，占…: a part's share, not the whole's
_READING = re.compile(r"预期|预估|前值|初值|终值|公布值")


def indicator(rate: Claim | None) -> str:
    """The indicator a rate is of (生产者价格指数 in 生产者价格指数（PPI）同比增长), if it names one."""
    if rate is None or rate.unit != "%" or not _names_own_measure(rate.metric):
        return ""
    return CHANGE_WORDS.sub("", metric_key(rate.metric))


def of_indicator(metric: str, q: Quantity, named: str) -> str:
    """环比增长1.1% after 美国5月PPI同比增长6.5%…；: a change reckoned another way, of the indicator just named."""
    if named and q.unit == "%" and _CHANGE_ONLY.fullmatch(metric):
        return named + metric
    return metric


def _own_clause(text: str, previous: Quantity | None, rate: Quantity) -> bool:
    """A rate qualifies the figure before it only within one clause run: not across ；or 。"""
    if previous is None:
        return False
    return not re.search(r"[；。！？]", text[previous.end : rate.start])


# What a rate's clause may say without naming a measure of its own: 增速比上年全年加快13.9个百分点 is the
# change of the rate before it.
_NOT_A_MEASURE = re.compile(
    r"增长|下降|增加|减少|提高|提升|上升|回落|加快|放缓|扩大|收窄|缩小|增速|增幅|涨幅|降幅|升幅|跌幅|"
    # 从54万亿元增加到82.7万亿元，年均增长7.1%: an average over the years, of the figure before.
    r"年均|年平均|平均|"
    r"(?:比|较)(?:上年全年|上年同期|去年同期|去年全年|上年|去年|上月|上季度|前值|上季)"
)


def _names_own_measure(metric: str) -> bool:
    """利润增长10%: a rate whose clause names its own measure is not the rate of the figure before it."""
    return len(_NOT_A_MEASURE.sub("", metric_key(metric))) >= 2


# A、B分别增长X、Y: X is A's and Y is B's. The items before 分别 and the figures after it pair off in order,
# each item a body (东盟、欧盟分别增长16.9%、3.9%) or a measure (新能源汽车、太阳能电池产量分别增长…).
_RESPECTIVELY = re.compile(r"分别")
ITEM_SEP = re.compile(r"[、和与及]|以及")  # what joins the items of a list (2020年、2021年及2022年)
_CLAUSE_STOP = "，。；：！？,;"
# 汽车产销量分别为1282.6万辆和1274.8万辆: 产销 is 产量 and 销量.
_PAIRED_WORDS = {"产销量": ("产量", "销量"), "产销": ("产量", "销量"), "进出口": ("进口", "出口")}
# The measure a list shares, written once after its last item: 新能源汽车、太阳能电池产量.
_SHARED_HEAD = re.compile(
    r"(?:产量|销量|产值|增加值|投资|进出口|出口|进口|利润|收入|营收|销售额|零售额|成交额|用电量|发电量|规模|余额|价格|指数|人数|数量)$"
)


def respectively(
    text: str, claims: list[Claim], mentions: list[subject.Mention], periods: Sequence[PeriodMention] = (),
    carried: Sequence[Period] = (),
) -> list[Claim]:
    """Each figure after 分别 given the item of the list before it that it belongs to; `carried` is the list of
    periods the paragraph's sentence before closed on, which a list of as many figures here takes in turn."""
    if "分别" not in text or len(claims) < 2:
        return claims
    out = list(claims)
    for m in _RESPECTIVELY.finditer(text):
        after = _listed_figures(text, m.end(), out)
        if len(after) < 2:
            continue
        listed = _periods_listed(text, periods, m.start(), len(after))
        if listed:
            # 2018年和2019年，全国财政收入分别为18.3万亿元和19万亿元: each figure its own year's.
            for i, when in zip(after, listed):
                out[i] = replace(out[i], period=when.period, period_from="sentence")
        elif len(carried) == len(after) and all(out[i].period_from == "paragraph" for i in after):
            # 2020年、2021年及2022年，…收入分别为…。毛利分别为63.43亿元、105.21亿元和129.83亿元: the next sentence's
            # list is of the same years, in turn, not three of the last year's.
            for i, period in zip(after, carried):
                out[i] = replace(out[i], period=period)
        start = max(text.rfind(ch, 0, m.start()) for ch in _CLAUSE_STOP) + 1
        levels = _levels_listed(text, out, start, m.start(), len(after))
        if levels:
            # 累计开行4186列、运送货物45万标准箱，同比分别增长15%、28%: each rate the change of its level.
            last = out[levels[-1]].metric
            if last and all(out[i].metric.startswith(last) and len(out[i].metric) > len(last) for i in after):
                for i, j in zip(after, levels):
                    out[i] = replace(out[i], metric=out[j].metric + out[i].metric[len(last):], qualifies=out[j].id)
                continue
        before = [c for c in out if start <= c.offset < m.start()]
        if before:
            start = max(c.offset + len(c.text) for c in before)
        items = _items(text, start, m.start())
        bodies = [[b for b in mentions if s <= b.start and b.end <= e] for _, s, e in items]
        if len(items) == len(after) >= 2 and all(found and found[-1].topical for found in bodies):
            for i, found in zip(after, bodies):
                b = found[-1]
                out[i] = replace(out[i], subject=b.canonical, subject_kind=b.kind, subject_from="clause")
            continue
        if len(items) == len(after) >= 2:
            # 太阳能电池产量同比: how the change is reckoned is no part of the shared measure.
            last = _RECKONED_TAIL.sub("", items[-1][0])
            head = _SHARED_HEAD.search(last)
            shared = head.group() if head and not any(
                _SHARED_HEAD.search(_RECKONED_TAIL.sub("", item)) for item, _, _ in items[:-1]) else ""
            shared = shared or _parallel_tail(_RECKONED_TAIL.sub("", items[0][0]), last)
            for i, (item, _, _) in zip(after, items):
                item = _BEFORE_PARTNER.sub("", _RECKONED_TAIL.sub("", item))  # 我国对东盟: the item is 东盟
                own = item if item == last else item + shared
                if last in out[i].metric:
                    out[i] = replace(out[i], metric=out[i].metric.replace(last, own, 1))
            continue
        if len(after) == 2:
            word = next((w for w in _PAIRED_WORDS if w in out[after[0]].metric), None)
            if word:
                for i, part in zip(after, _PAIRED_WORDS[word]):
                    out[i] = replace(out[i], metric=out[i].metric.replace(word, part, 1))
    return out


def _periods_listed(text: str, periods: Sequence[PeriodMention], at: int, wanted: int) -> list[PeriodMention]:
    """The last list of `wanted` periods before `at` joined by nothing but 、和与及 (2018年和2019年), or none."""
    before = [p for p in periods if p.end <= at and not p.base]
    found = before[-wanted:]
    if len(found) < wanted or len({(p.period.start, p.period.end) for p in found}) < wanted:
        return []
    if any(not ITEM_SEP.fullmatch(text[a.end : b.start]) for a, b in pairwise(found)):
        return []
    if len(before) > wanted and ITEM_SEP.fullmatch(text[before[-wanted - 1].end : found[0].start]):
        return []  # a longer list than the figures: which is which, the list does not say
    return found


RECKONING = r"(?:同比|环比|比上月|较上月|[比较][上前]一年|比上年|较上年|比去年|较去年)"  # how a change is reckoned
_RECKONED_ONLY = re.compile(rf"{RECKONING}?")


def _levels_listed(text: str, claims: list[Claim], clause: int, at: int, wanted: int) -> list[int]:
    """The `wanted` figures just before the clause that ends at `at` (…开行4186列、运送货物45万标准箱，同比分别…),
    in order: only when that clause says nothing but how the change is reckoned, and they are levels of
    different measures, not rates."""
    if not _RECKONED_ONLY.fullmatch(text[clause:at].strip()):
        return []  # words of their own between the list and 分别: not this shape
    prior = [i for i, c in enumerate(claims) if c.offset < clause]
    found = prior[-wanted:] if len(prior) >= wanted else []
    if any(claims[i].unit in RATES for i in found) or len({claims[i].metric for i in found}) < wanted:
        return []
    return found


_BEFORE_PARTNER = re.compile(r"^.*(?:对|与|同(?!比)|向|自)(?=.)")
_RECKONED_TAIL = re.compile(rf"{RECKONING}$")


def _listed_figures(text: str, at: int, claims: list[Claim]) -> list[int]:
    """The figures listed right after 分别 (X、Y or X和Y), by their place in `claims`."""
    found: list[int] = []
    end = at
    for i, c in enumerate(claims):
        if c.offset < at:
            continue
        between = text[end : c.offset]
        if found and not ITEM_SEP.fullmatch(between):
            break
        if not found and any(ch in _CLAUSE_STOP for ch in between):
            break
        found.append(i)
        end = c.offset + len(c.text)
    return found


def _parallel_tail(first: str, last: str) -> str:
    """What the last item adds after the word it shares with the first: 新建商品住宅和二手住宅销售价格环比上涨城市 gives
    销售价格环比上涨城市, which 新建商品住宅 takes too."""
    for k in range(min(len(first), 4), 1, -1):
        at = last.find(first[-k:])
        if at >= 0 and at + k < len(last):
            tail = last[at + k :]
            return "" if tail in first else tail
    return ""


def _items(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The items of the list before 分别, each with its span."""
    out, pos = [], start
    for sep in ITEM_SEP.finditer(text, start, end):
        if sep.start() > pos:
            out.append((text[pos : sep.start()], pos, sep.start()))
        pos = sep.end()
    if end > pos:
        out.append((text[pos:end], pos, end))
    return out
