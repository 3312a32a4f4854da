"""Are two claims the same fact? Subject, metric and period, each checked on its own and explained.

A figure agreeing or disagreeing with a source means something only when
both speak of one fact: the same body, the same measure, the same period.
Fuzzy similarity finds candidates (matching.py); these checks decide, and a
candidate that fails one is a near miss whose reason names the check
("about 长三角, not 中部地区"; "for 上半年, not 前三季度"). Uncertain is
never the same: an unnamed subject or an undated figure is `unknown`, which
can support an `ok` only for a sentence copied near word for word, and never
raises an alarm.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from rapidfuzz import fuzz

from ..extract import numerals
from ..extract.metric import (
    RELATED,
    SIMILAR,
    company_measure,
    compare_metrics,
    contested_measure,
    daily_measure,
    metric_key,
    standing_measure,
    why_different,
)
from ..extract.period import DAY_RANGE, day_of_month, find_periods
from ..extract.quantity import VALUE_BEFORE, Quantity, find_quantities, is_currency, unit_group
from ..extract.subject import (
    COUNTRY,
    COUNTRY_WIDE,
    KNOWN,
    LOCAL_LEVEL_KINDS,
    NATIONAL,
    ORGANISATION,
    PAIR,
    PLACE,
    REGION,
    against_country,
    canonical,
    counter,
    find_mentions,
    gazetteer,
    same_body,
)
from ..i18n import _
from ..record.claim import ABOVE, AT_LEAST, AT_MOST, EXACT, Claim, mask_numbers
from ..record.period import Period
from .compare import NEIGHBOURHOOD, round_zeros


class Relation(StrEnum):
    """How two figures' subjects or periods relate (a metric's relation is metric.MetricRelation)."""

    SAME = "same"
    DIFFERENT = "different"
    UNKNOWN = "unknown"  # only one side says
    UNDATED = "undated"  # neither side gives a period
    RUNNING = "running"  # one running total, the draft's as of a later day (今年以来, 截至目前)


SAME, DIFFERENT, UNKNOWN, UNDATED = Relation.SAME, Relation.DIFFERENT, Relation.UNKNOWN, Relation.UNDATED
RUNNING = Relation.RUNNING
# Bodies whose undated figures are facts about the body as it is (员工2000余名, 化解125起纠纷),
# so two undated figures about one of them can contradict. A country's or a province's undated
# figure is a running count as of its broadcast, and a later one is an update, not a correction.
STANDING_KINDS = (ORGANISATION, KNOWN)


@dataclass(frozen=True, slots=True)
class Check:
    name: str  # subject, metric or period
    outcome: str  # same, different, unknown (or undated, for periods)
    reason: str = ""  # for a near miss: why this check did not pass


READING_DAYS = 31  # a month still to come (美联储6月…概率) names what a day's reading is about; a year (CPI涨幅) does not
AFTER_SLACK = 30  # days a dated period may run past an undated figure's article and still be what it meant
DAY_COUNT_MAX = 10  # a period this short (a day, a holiday) is a day's count: an undated figure may be any day's


@dataclass(frozen=True, slots=True)
class Identity:
    subject: Check
    metric: Check
    period: Check
    modality: Check = Check("modality", SAME)  # both outcomes, or both forecasts (预计, 目标, 力争)
    period_is_a_day: bool = False  # the one side that is dated gives a day's count (今天, 春运第11天, 五一假期)
    metric_named: bool = True  # both sides name what they measure (not only the clause around the figure)
    specific: bool = True  # the metric says enough, or the clauses around it agree (see specific())
    running: bool = False  # the same period, still running when one side was published, and published apart
    # The draft names no body and the source is the whole country's: what an unqualified statement of a
    # national measure (减免社保费1.7万亿元) reads as, when nothing in the draft says otherwise.
    unnamed_national: bool = False
    # Each side names a body of its own, and not the same one, though too weakly to rule the pair out
    # (好利科技's 停牌 and 阿科力's, each in the wire's same template sentence): no wording vouches for either.
    named_apart: bool = False
    # Predicted in so many words (预计, 预测) on one side: a prediction is its maker's, so an unnamed one is
    # anyone's (the ECB's 预计2026年通胀率为3% is not the German council's 3.0%).
    prediction: bool = False
    # The draft gives as today's (目前, 眼下) a figure its source dates more than a year before: the source
    # vouches for it then, not now (眼下…市场主体9800多万户 in 2021, from the 2018 report).
    aged: bool = False
    # Each side's body carried from an earlier paragraph or headline, and not the same one (石家庄's 比上年末增加
    # 1.88万人 and 西部地区's 2万人, in one statistics bureau's sentence): a copied sentence vouches only for the
    # very same value.
    carried_apart: bool = False
    # Carried apart, and bodies of a template: two pairs of countries (中阿, 中乌), or the country and one of its
    # places (a work report's 居民消费价格涨幅3%左右, national and Beijing's alike).
    template_apart: bool = False

    @property
    def checks(self) -> tuple[Check, Check, Check, Check]:
        return (self.subject, self.metric, self.period, self.modality)

    @property
    def named_fact(self) -> bool:
        """The same named body, measure and modality: one fact, whatever the periods say."""
        return self.subject.outcome == self.metric.outcome == self.modality.outcome == SAME

    def why_not(self) -> str:
        """The check that decided, said for the editor: a difference first, then what is not known."""
        for outcomes in ((DIFFERENT,), (SIMILAR, RELATED), (UNKNOWN, UNDATED, RUNNING)):
            for check in self.checks:
                if check.outcome in outcomes and check.reason:
                    return check.reason
        return ""


def _written_in(named: Claim, other: Claim) -> bool:
    """美团第一季度实现营收…: the company the source's figure is about is written in the other's sentence,
    though the recogniser did not take it for a name there, and no other body is named."""
    name = named.subject or ""
    return (named.subject_kind in STANDING_KINDS and len(name) >= 2 and _as_a_word(name, other.plain_sentence)
            and not other.paragraph_bodies and not find_periods(name, named.published or dt.date.today()))


# 京东物流涨近3%: 京东 with more of a name after it (物流, 健康, 科技…) is another company, its subsidiary.
_NAME_RUNS_ON = re.compile(r"物流|健康|科技|金融|集团|汽车|控股|能源|地产|资本|云|智能|国际|工业|产业|医药|电子|银行|证券")


def _as_a_word(name: str, sentence: str) -> bool:
    """`name` is written in `sentence` as itself, not as the start of a longer company name."""
    return any(not _NAME_RUNS_ON.match(sentence, m.end()) for m in re.finditer(re.escape(name), sentence))


def _firm(c: Claim) -> bool:
    """Named in the figure's own sentence or paragraph, not inherited from an earlier paragraph."""
    return c.subject_from in ("clause", "sentence", "attribution", "paragraph", "metric")


def _named_nearby(a: Claim, b: Claim) -> bool:
    """b inherited its subject, and a's body is named in b's paragraph: the figure may well be a's.

    三宏也提出了…；…平湖经开推荐的厂房…；他们…租赁了面积约2000平方米: the story is 三宏's,
    though the last body named before the figure is the zone's.
    """
    return b.subject_from in ("paragraph", "story") and a.subject in b.paragraph_bodies


_PLACE_KINDS = (REGION, PLACE, COUNTRY, PAIR)


@lru_cache(maxsize=1 << 14)
def _places_named(sentence: str) -> frozenset[str]:
    return frozenset(m.canonical for m in find_mentions(sentence) if m.kind in _PLACE_KINDS)


# A contract, bond or rate by its code (PS2706, AG2705, DR007), and a document by its title (《…》): two
# sentences that each name one, and not the same, are about two of them, however alike the wording.
_CODE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{1,6}\d{3,}(?![0-9])")
_TITLE = re.compile(r"《([^》]{2,40})》")


@lru_cache(maxsize=1 << 14)
def _codes(text: str) -> frozenset[str]:
    return frozenset(m.upper() for m in _CODE.findall(text))


@lru_cache(maxsize=1 << 14)
def _titles(text: str) -> tuple[str, ...]:
    return tuple(_TITLE.findall(text))


def _titles_apart(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Each names documents, and none of one's is (inside) one of the other's: 《办法》 may be 《管理办法》."""
    return bool(a and b) and not any(x in y or y in x for x in a for y in b)


# A village, township or town by its name (十八洞村, 楠木桥村, 乌镇); not a kind of one (贫困村, 行政村, 特色小镇).
_LOCALITY = re.compile(r"[\u4e00-\u9fff]{2,3}?(?:村|镇|乡)(?![民里子庄落级委干务镇乡村])")
_NOT_A_LOCALITY = re.compile(
    r"(?:贫困|示范|重点|行政|自然|美丽|文明|特色|传统|小康|农|城|乡|每个|全|各|该|本|边境|中心|建制|试点|名|古|小|集|"
    r"城乡|新农|和美|宜居|样板|先进|富裕|空心|移民|少数民族)(?:村|镇|乡)$")


@lru_cache(maxsize=1 << 14)
def _localities(sentence: str) -> frozenset[str]:
    return frozenset(m.group() for m in _LOCALITY.finditer(sentence) if not _NOT_A_LOCALITY.search(m.group()))


def _named_apart(draft: Claim, stored: Claim) -> str:
    a, b = _codes(draft.plain_sentence), _codes(stored.plain_sentence)
    if a and b and not a & b:
        return f"the source is about {'、'.join(sorted(b))}, the draft about {'、'.join(sorted(a))}"
    la, lb = _localities(draft.plain_sentence), _localities(stored.plain_sentence)
    if la and lb and not la & lb:
        # 楠木桥村…贫困发生率高达30% and 十八洞村…贫困发生率…1.28%: two villages of one province.
        return f"the source is about {'、'.join(sorted(lb))}, the draft about {'、'.join(sorted(la))}"
    ta = tuple(t for t in _titles(draft.plain_paragraph) if len(t) > 4)  # full titles, not 《办法》
    tb = tuple(t for t in _titles(stored.plain_paragraph) if len(t) > 4)
    if _titles_apart(ta, tb):
        return f"the source is about 《{tb[0]}》, the draft about 《{ta[0]}》"
    return ""


def _company_measure_of_a_place(c: Claim) -> bool:
    """A company's measure under a place carried from elsewhere, or a market share under the country (安踏…全国
    市场占有率16.2%, 国产盾构机在国内市场占有率超过九成): whose it is, no name the recogniser knows says. (全国文化
    产业营业收入 is the country's series.)"""
    return ((c.subject_from in ("paragraph", "story") or (c.subject_kind == NATIONAL and bool(_MARKET_SHARE.search(c.metric))))
            and c.subject_kind not in STANDING_KINDS and company_measure(c.metric))


_MARKET_SHARE = re.compile(r"市场占有率|市场份额|市占率")  # always some company's or product's, never the country's own


def subject_check(draft: Claim, stored: Claim) -> Check:
    apart = _named_apart(draft, stored)
    if apart:
        # 白银AG2706合约…保证金比例为18% is not AG2705's, though the exchange's notice reads the same.
        return Check("subject", DIFFERENT, apart)
    a, b = _places_named(draft.plain_sentence), _places_named(stored.plain_sentence)
    if a and b and not a & b and draft.subject_kind in (NATIONAL, "") and stored.subject_kind in (NATIONAL, ""):
        # 安排5000万元支持陕西 / …支持广西: the country pays, but the places differ.
        return Check("subject", DIFFERENT, f"the source names {'、'.join(sorted(b))}, the draft {'、'.join(sorted(a))}")
    if not draft.subject and not stored.subject:
        return Check("subject", UNKNOWN, "neither names whom the figure is about")
    if not stored.subject:
        if _written_in(draft, stored):
            return Check("subject", SAME, f"{draft.subject} is named in the source's sentence")
        return Check("subject", UNKNOWN, _("the source does not say it is about {subject}").format(subject=draft.subject))
    if not draft.subject:
        if _written_in(stored, draft):
            return Check("subject", SAME, f"{stored.subject} is named in the draft's sentence")
        return Check("subject", UNKNOWN, _("about {subject}; the draft does not say whom").format(subject=stored.subject))
    if same_body(draft.subject, stored.subject):
        carried = next((c for c in (draft, stored) if _company_measure_of_a_place(c)), None)
        if carried is not None:
            # 近年来，中国网约车市场…。平台方面，据滴滴财报显示，…净利润5.35亿元: a place carried from an earlier
            # paragraph has no 净利润; some company the recogniser does not know has.
            where = "carried from an earlier paragraph" if carried.subject_from in ("paragraph", "story") else "with no company named"
            return Check("subject", UNKNOWN, f"{carried.metric}: a company's measure, under {carried.subject} {where}")
        longer = _longer_named_here(draft, stored) or _longer_named_here(stored, draft)
        if longer:
            return Check("subject", UNKNOWN, longer)
        return Check("subject", SAME)
    reason = _("about {source_subject}, not {draft_subject}").format(source_subject=stored.subject, draft_subject=draft.subject)
    if not (_firm(draft) and _firm(stored)):
        return Check("subject", UNKNOWN, reason + " (inherited from an earlier paragraph)")
    if draft.subject_kind in STANDING_KINDS and stored.subject_kind in STANDING_KINDS:
        if _named_nearby(draft, stored) or _named_nearby(stored, draft):
            return Check("subject", SAME)
        if not (draft.subject_strong and stored.subject_strong):
            # 平湖经开 and its 钟溪汇国际青年社区, a 社区 and its 工作室: bodies inside bodies,
            # named without a registered name, are no evidence of two different facts.
            return Check("subject", UNKNOWN, reason)
    return Check("subject", DIFFERENT, reason)


def _longer_named_here(x: Claim, y: Claim) -> str:
    """京东, carried from its story, against 京东物流涨近3%，三季度收入416.63亿元: a longer name written where the
    figure is may be another company (a group's listed arm); a short name carried from afar does not say."""
    if (x.subject_from in ("paragraph", "story") and y.subject_from in ("sentence", "clause")
            and y.subject and x.subject and len(y.subject) > len(x.subject) and y.subject.startswith(x.subject)
            and canonical(x.subject) != canonical(y.subject)):
        return f"{x.subject} carried from an earlier paragraph, {y.subject} named with the figure"
    return ""


_GOVERNMENT_LEVEL = re.compile(r"中央|地方")


def _level_of_government(metric: str) -> str:
    found = {m.group() for m in _GOVERNMENT_LEVEL.finditer(metric)}
    return found.pop() if len(found) == 1 else ("both" if found else "")


def metric_check(draft: Claim, stored: Claim, parts: bool = False) -> Check:
    """`parts`: also refuse a bare measure whose paragraph gives the longer one a figure elsewhere — for
    conflicts, where a part and its whole must not pair; a check's draft often repeats its own headline."""
    if not draft.metric and not stored.metric:
        # 16岁学艺: nothing names the measure; the clause around the figure has to.
        same = bool(draft.context) and draft.context == stored.context
        return Check("metric", SAME if same else DIFFERENT, "" if same else "no metric named on either side")
    outcome = compare_metrics(draft.metric, stored.metric, so_far_said(draft), so_far_said(stored),
                              _elsewhere(draft) if parts else None, _elsewhere(stored) if parts else None)
    kinds = _counted_with(draft), _counted_with(stored)
    if outcome in (SAME, SIMILAR) and kinds[0] != kinds[1]:
        # 与170多个国家和国际组织签署… against 与149个国家、32个国际组织…: a count of both kinds, not of 国家 alone
        return Check("metric", DIFFERENT, f"a count of {draft.counted or stored.counted} and {kinds[0] or kinds[1]} on one side only")
    if outcome in (SAME, SIMILAR) and draft.unit not in ("%", "pp", "x") and _at_constant_prices(draft) != _at_constant_prices(stored):
        # 按不变价计算2019年GDP总量约为78.04万亿元 is GDP at 2010's prices, not the year's 990865亿元.
        return Check("metric", DIFFERENT, "at constant prices (按不变价计算) on one side only")
    if outcome in (SAME, SIMILAR) and {_gdp_scope(draft), _gdp_scope(stored)} == {"国内", "地区"}:
        # 国内生产总值增长5%左右 (the country's target) against 北京's 地区生产总值增长5%左右: the word says whose.
        return Check("metric", DIFFERENT, "地区生产总值 (a region's) on one side, 国内生产总值 (the country's) on the other")
    if outcome in (SAME, SIMILAR) and {_domestic_part(draft), _domestic_part(stored)} == {True, None}:
        # 我国国内发明专利有效量达532万件 against 我国发明专利有效量达631.8万件: the country's own applicants'
        # patents, a part of all it holds. Not against 国内出游人次, which says 国内 too (domestic trips).
        return Check("metric", DIFFERENT, "domestic (我国国内) on one side only")
    levels = _level_of_government(draft.metric), _level_of_government(stored.metric)
    if outcome in (SAME, SIMILAR) and levels[0] != levels[1] and "" in levels:
        # 全国政府债务余额61万亿元 against 地方政府债务余额35万亿元: the local governments' part, not all government
        return Check("metric", DIFFERENT, f"{levels[0] or levels[1]} (a level of government) on one side only")
    rounds = _ordinal(draft), _ordinal(stored)
    if outcome in (SAME, SIMILAR) and all(rounds) and rounds[0] != rounds[1]:
        # 第9个工作日参考原油变化率-9.37% against 第8个工作日…-9.15%: the count of a round is its name.
        return Check("metric", DIFFERENT, f"of the {rounds[1]} in the source, the {rounds[0]} in the draft")
    terms = _term(draft), _term(stored)
    if outcome in (SAME, SIMILAR) and all(terms) and not terms[0] & terms[1]:
        # 1年期和5年期以上LPR分别为3.55%和4.20% against 5年期以上LPR报4.2%: a rate of each term, named by its number.
        return Check("metric", DIFFERENT, f"of the {'、'.join(sorted(terms[1]))} term in the source, "
                                          f"the {'、'.join(sorted(terms[0]))} in the draft")
    products = products_apart(draft, stored) if outcome in (SAME, SIMILAR) else ""
    if products:
        return Check("metric", DIFFERENT, products)
    partner = partner_apart(draft, stored) if outcome in (SAME, SIMILAR) else ""
    if partner:
        # 广东省对APEC其他经济体进出口…。其中，出口机电产品2.62万亿元 is not the province's whole 出口机电产品.
        return Check("metric", DIFFERENT, f"trade with {partner} (named before the figure), which the source never names")
    for x, y in ((draft, stored), (stored, draft)) if outcome == SAME else ():
        joined = _joined(x)
        if joined and (joined[-2:] not in y.plain_paragraph or _given_apart(y, joined[-2:])):
            # 网上商品和服务零售额 read as 服务零售额 is not the 服务零售额 a source gives alone; nor is
            # 代表建议和委员提案1.4万多件 the 委员提案5865件 of a sentence that gives 代表建议8721件 apart.
            return Check("metric", DIFFERENT, f"{joined}和{x.metric}: a measure joined to another")
        # Conflicts only (a draft may well name less than its source), and not for one organisation's figures:
        # 津上精密机床's staff are its own whatever industry its paragraph names.
        sector = _sector_apart(x, y) if parts and not (x.subject_kind in STANDING_KINDS and x.subject == y.subject) else ""
        if sector:
            return Check("metric", DIFFERENT, f"of {sector} (named before the figure), which the other never names")
    return Check("metric", outcome, "" if outcome == SAME else why_different(draft.metric, stored.metric))


# A loan's, a bond's or a deposit's term (1年期, 5年期以上, 10年期国债, 3个月期): the number is part of the
# measure's name, which a metric (its figures masked) does not keep. 10年和30年期: both terms, 期 said once.
_TERM = re.compile(r"(\d+|[一二两三五七十]+)(年|个月|月|天|日)(?:期|(?=[和、及与](?:\d+|[一二两三五七十]+)\2期))")
_TERMS_JOINED = re.compile(r"[和、及与]")
# The round a figure is of, counted in its name: 第8个工作日, 第三批, 第十届 (not a quarter or a week: periods).
_ORDINAL = re.compile(r"第(\d+|[一二两三四五六七八九十]+)个?(工作日|交易日|批|届|轮)")


def _ordinal(c: Claim) -> str:
    found = list(_ORDINAL.finditer(c.plain_sentence, _clause_start(c.plain_sentence, c.at()), c.at()))
    if not found:
        return ""
    number, kind = found[-1].groups()
    return f"第{_count(number)}{kind}"


def _count(number: str) -> str:
    """A number in a name, in digits: 十 and 10 (第十个工作日, 10年期) name one thing."""
    return number if number.isdigit() else str(int(numerals.chinese(number)))



def _term(c: Claim) -> frozenset[str]:
    """The terms the figure's clause names before it; in 1年期和5年期以上LPR分别为3.55%和4.20%, each figure's own."""
    sentence, at = c.plain_sentence, c.at()
    start = _clause_start(sentence, at)
    found = list(_TERM.finditer(sentence, start, at))
    if not found:
        return frozenset()
    listed = sentence.rfind("分别", found[-1].end(), at)
    if listed >= 0 and len(found) >= 2:
        index = sum(1 for q in find_quantities(sentence) if listed <= q.start < at)
        return frozenset([_term_name(found[index])]) if index < len(found) else frozenset()
    joined = [found[-1]]
    for m in reversed(found[:-1]):
        if not _TERMS_JOINED.fullmatch(sentence, m.end(), joined[-1].start()):
            break
        joined.append(m)
    return frozenset(_term_name(m) for m in joined)


def _term_name(m: re.Match[str]) -> str:
    number, span = m.groups()
    return f"{_count(number)}{'个月' if span == '月' else span}期"


_GDP_SCOPE = re.compile(r"(国内|地区)生产总值")


def _gdp_scope(c: Claim) -> str:
    found = _GDP_SCOPE.search(c.metric)
    return found.group(1) if found else ""


_DOMESTIC = re.compile(r"(?:我国|中国|全国)国内(?!生产总值)")


def _domestic_part(c: Claim) -> bool | None:
    """国内 said after the country is named (True): perhaps not where but whose, its own firms' or people's;
    None when the sentence says no 国内 before the figure, False when it says it otherwise."""
    if _DOMESTIC.search(c.plain_sentence, 0, c.at()):
        return True
    return False if "国内" in c.plain_sentence[: c.at()] else None


_CONSTANT_PRICES = re.compile(r"按(?:不变价格?|可比价格?|\d{4}年价格?)(?:计算|折算)|以\d{4}年为基期")


def _at_constant_prices(c: Claim) -> bool:
    """A level the sentence gives at constant prices (按不变价计算): a real-terms measure, another than the
    level at the year's own prices."""
    return bool(_CONSTANT_PRICES.search(c.plain_sentence, 0, c.at()))


def _counted_with(c: Claim) -> str:
    """The second kind a count's noun is joined to right after it (170多个国家和国际组织: 国际组织), else ""."""
    end = c.at() + len(c.plain_text)
    if not c.counted or not c.plain_sentence.startswith(c.counted, end):
        return ""
    m = _JOINED_KIND.match(c.plain_sentence, end + len(c.counted))
    if m is None:
        # 制裁13个中国实体与个人: the noun counted runs on past a name (中国) before the second kind
        m = _JOINED_AFTER_NAME.match(c.plain_sentence, end + len(c.counted))
    return m.group(1) if m else ""


# One pattern for every noun: a pattern a noun (re.escape(noun) + …) cost a compile per noun, ~1 ms each,
# a tenth of a one-day check.
_JOINED_KIND = re.compile(r"(?:和|及|与|以及)([\u4e00-\u9fff]{2,6}?)(?=[签达参共的在，。、；]|$)")
_JOINED_AFTER_NAME = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:和|及|与|以及)([\u4e00-\u9fff]{2,6}?)(?=[签达参共的在，。、；]|$)")


def so_far_said(c: Claim) -> str:
    """The paragraph up to the figure: a topic that qualifies a bare measure (软件和信息技术服务业…业务收入)
    comes before it; 知识密集型服务…占服务进出口总额的43.9% after 服务进出口总额15840.1亿元, or 其中免签入境
    外国人… after 外国人…同比上升27.8%, is a part of that whole, not its qualifier."""
    paragraph, sentence = c.plain_paragraph, c.plain_sentence
    at = paragraph.find(sentence)
    return paragraph if at < 0 else paragraph[: at + c.at() + len(c.plain_text)]


# An industry or a kind of firm the sentence names before its figure (电子信息制造业效益稳步改善，营业收入同比增长
# 9.4%; 中央企业研发投入增长约6.5%): the measure is that sector's, not the economy's 营业收入 or 研发投入.
# Also a trading partner (中国与中亚国家…贸易额同比增长22%): the trade with them, not the country's.
# Not an association's name (中国汽车工业协会 speaks of the car industry, and so does its count).
_SECTOR = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:制造业|服务业|工业|产业|行业|企业)(?!协会|联合会|学会|联盟|信息化部)|(?<=[与同对])[\u4e00-\u9fff]{2,6}?(?:国家|地区)")
_NOT_A_SECTOR = re.compile(r"^(?:全国|我国|全省|全市|各类|相关|重点|有关|广大|各地|各级)")


def _sector_apart(x: Claim, y: Claim) -> str:
    """A sector x's paragraph names before the figure that y's paragraph never names, "" if none: 全国规模以上
    文化及相关产业企业实现营业收入…；实现利润总额…增长14.2% is that industry's profit, past the ；."""
    for m in _SECTOR.finditer(so_far_said(x)):
        name = _NOT_A_SECTOR.sub("", m.group())
        if len(name) >= 4 and name not in y.plain_paragraph and name not in (y.subject or ""):
            return name
    return ""


# 我国机械工业…, 规模以上电子信息制造业…: a sector of the country's economy named at the head of the sentence
_COUNTRY_SECTOR = re.compile(r"(?:我国|全国|中国|规模以上)([\u4e00-\u9fff]{2,8}?(?:制造业|服务业|工业|产业|行业))(?!协会|联合会|学会|联盟)")


def _country_sector_apart(x: Claim, y: Claim) -> str:
    """The country's sector x's sentence names before the figure (我国机械工业), which y's paragraph never names."""
    for m in _COUNTRY_SECTOR.finditer(x.plain_sentence, 0, x.at()):
        if m.group(1) not in y.plain_paragraph:
            return m.group(1)
    return ""


# 我国对中东欧国家进出口…, 广东省对APEC其他经济体进出口…。其中，出口机电产品…: the trade with a partner, named
# right before the trade it measures; not the country's or the province's whole trade.
_PARTNER = re.compile(r"(?:(?<![相针绝面应核])对|(?<![参给赋])与|同(?![期比样时步类等]))"
                      r"((?:[A-Za-z]{2,8})?[\u4e00-\u9fff“”\"]{1,12}?)(?:的)?(?:双边)?(?:货物)?(?:贸易|进出口|出口|进口)")
_ONE_CHARACTER_PARTNERS = frozenset("美欧日俄英法德韩印澳加非拉亚")  # 对美出口, 对欧贸易
# 对外贸易, 与上年相比, …: no partner; and the country itself is the one trading (占同期我国外贸进出口总值的10.1%)
_NOT_A_PARTNER = re.compile(r"^(?:外|上年|去年|全年|此|其|这)|我国|全国|中国|本市|全省|全市")


def _names_partner(paragraph: str, name: str) -> bool:
    """美 is named in 对美出口 and 美国, not in 1361.7亿美元; 日 not in every date."""
    if len(name) >= 2:
        return name in paragraph
    return re.search(f"(?:对|与|同|自|向|中){name}|{name}(?:国|方|盟|洲)", paragraph) is not None


def partner_apart(x: Claim, y: Claim) -> str:
    """The trading partner x's paragraph names before the figure that y's paragraph never names, "" if none."""
    for m in _PARTNER.finditer(so_far_said(x)):
        name = m.group(1).strip("“”\"")
        if ((len(name) >= 2 or name in _ONE_CHARACTER_PARTNERS) and not _NOT_A_PARTNER.search(name)
                and not _names_partner(y.plain_paragraph, name)):
            return name
    return ""


# 据海关数据，…汽车已出口277.8万辆 against 中汽协数据显示，…汽车出口253.3万辆: whose count it is
_COUNTED_BY = re.compile(r"(?:据|根据)([\u4e00-\u9fffA-Za-z]{2,10}?)(?:(?:发布的|公布的|的)?(?:最新)?(?:统计)?数据|的?统计)"
                         r"|(?:^|[，。；：,;:\s])([\u4e00-\u9fffA-Za-z]{2,16}?)(?:今天|今日|昨天|日前|近日)?(?:[（(][^）)]{0,12}[）)])?"
                         r"(?:发布的?|公布的?)?(?:最新)?(?:统计)?数据(?:显示|表明)"
                         # 1月12日，海关总署发布全年汽车出口数据。
                         r"|(?:^|[，。；：,;:\s])([\u4e00-\u9fffA-Za-z]{2,16}?)(?:今天|今日|昨天|日前|近日)?(?:发布|公布)了?[^，。；]{0,10}?数据")


def _counted_by(c: Claim) -> str:
    """Whose data the figure's paragraph last cites before it (海关, 中汽协, 国家统计局), else ""."""
    found = [m.group(1) or m.group(2) or m.group(3) for m in _COUNTED_BY.finditer(so_far_said(c))]
    return found[-1] if found else ""


def named_counters_apart(draft: Claim, stored: Claim) -> str:
    """Each names whose count it gives, and they are two agencies (海关, 中汽协): two counts, "" if not."""
    a, b = _counted_by(draft), _counted_by(stored)
    if a and b and a not in b and b not in a and counter(a) != counter(b):
        return f"counted by {b} in the source, by {a} in the draft"
    return ""


def counted_apart(old: Claim, new: Claim) -> bool:
    """Two agencies' counts, named as such or told for a measure several count: no update of one another
    (海关's 上半年 car exports are not replaced by 中汽协's 1-7月)."""
    return bool(_counters_apart(old, new))


def _counters_apart(draft: Claim, stored: Claim) -> str:
    named = named_counters_apart(draft, stored)
    if named:
        return named
    a, b = _counted_by(draft), _counted_by(stored)
    # 市场监管总局…发布数据显示，一季度…新设外商投资企业同比增长7.6% against 25.5% in a paragraph whose story
    # opened with 商务部最新数据显示: one side names whose count it is, the other's is told in another paragraph.
    # So, for a measure several agencies count (汽车出口: 海关, 中汽协), is one whose counter its paragraph never names.
    for named, other, side in ((a, stored, "draft"), (b, draft, "source")):
        if named and not _counted_by(other) and other.subject_from == "story":
            return f"counted by {named} in the {side}; whose count the other is, its story says elsewhere"
        if named and not _counted_by(other) and contested_measure(other.metric) and not _transposed(draft.text, stored.text):
            return f"counted by {named} in the {side}; several agencies count {other.metric}, and the other does not say which"
    if (not a and not b and contested_measure(draft.metric) and contested_measure(stored.metric)
            and draft.published != stored.published and not _transposed(draft.text, stored.text)
            and not slip(draft.text, stored.text)):
        # (48.1% for 40.1%, one digit slipped, is still caught.)
        # 新能源汽车产量…增长22.5% (the statistics bureau's output) against 新能源汽车产销量…增长27.7% (中汽协's), neither
        # saying whose: several agencies count it, each by its own rules.
        return f"several agencies count {draft.metric}, and neither side says whose count it gives"
    return ""


def _elsewhere(c: Claim) -> str:
    """The figure's paragraph without its own sentence: what else the paragraph gives figures for."""
    return c.plain_paragraph.replace(c.plain_sentence, " ")


def _joined(c: Claim) -> str:
    """The word a metric is joined to by 和/及/与 right before it (网上商品 in 网上商品和服务零售额), else ""."""
    sentence = c.plain_sentence
    at = sentence.rfind(c.metric[:2], 0, c.at()) if len(c.metric) >= 2 else -1  # 实现 may sit inside it
    if at < 3 or sentence[at - 1] not in "和及与":
        return ""
    head = re.search(r"[\u4e00-\u9fff]{2,4}$", sentence[:at - 1])
    return head.group() if head else ""


def _given_apart(c: Claim, partner: str) -> bool:
    """`c`'s sentence gives `partner` a figure of its own (人大代表建议8721件，政协委员提案5865件)."""
    return bool(re.search(re.escape(partner) + r"[^，。；、和及与\d]{0,4}\d", c.plain_sentence))


def _span(p: Period) -> str:
    return p.label or f"{p.start}..{p.end}"


_CLOCK_TIME = re.compile(r"(\d{1,2})[时点:：](\d{1,2})分?")


def _clock(c: Claim) -> str:
    """The time of day the figure's sentence names before it (22时57分), if any."""
    found = _CLOCK_TIME.search(c.plain_sentence, 0, c.at())
    return f"{int(found[1])}:{int(found[2]):02d}" if found else ""


def as_of_article(c: Claim) -> bool:
    """目前, 截至目前, 最新: dated to the article's own day in so many words, and no other day named; a running
    total up to that day too (截至目前今年, 今年以来)."""
    p = c.period
    return (p is not None and p.end == c.published and p.as_of
            and (not any(ch.isdigit() for ch in p.label) or bool(_NOW.search(p.label))))


_NOW = re.compile(r"目前|当前|现在|最新|迄今")  # 截至目前2026年: the year so far, up to the article's day


def a_reading(c: Claim) -> bool:
    """A price per unit or a day's move (14.64元/公斤, 比昨天下降0.7%, 跌破66美元/盎司): taken on a day, of that day."""
    return "/" in (c.unit or "") or daily_measure(c.metric)


def reading_day(c: Claim) -> dt.date | None:
    """The day a reading was taken: its one stated day, else its article's when undated or given as up to now
    (3月24日以来新低); None for a reading over a longer period (5月均价)."""
    p = c.period
    if p is None or (c.published is not None and p.end >= c.published and (p.as_of or p.days == 1)):
        return c.published
    # 今年居民消费价格涨幅3%左右 in a March report: the year's, still to come, not a reading of that day.
    return p.end if p.days == 1 else None


_SPAN_UNITS = ("年", "个月", "天")  # a span of time (过去五年, 近10年来), not an anniversary (周年)


# 截至当地时间7日晚, 18日: a day named by its day of the month alone, as a story tells an event's toll or its
# progress (过火面积, 死亡人数, 火势得到控制). A reading of that event; a month on, another event's.
_EVENT_DAY = re.compile(r"^(?:截至|截止)?(?:当地时间)?(?:\d{1,2}日|今天|今日|当天|当日|昨天|昨日)")
EVENT_DAYS = 30


def event_reading(c: Claim) -> bool:
    p = c.period
    return p is not None and p.days == 1 and bool(_EVENT_DAY.match(p.label))


_RISES_TO = re.compile(r"(?:升|增|上升|增加|攀升|升高)(?:至|到)$")


def rising(c: Claim) -> bool:
    """Told as a count that has risen to the figure (遇难人数已增至24人): that report's moment of it."""
    return bool(_RISES_TO.search(c.plain_sentence, max(0, c.at() - 4), c.at()))


THIS_ONE_DAYS = 7  # a summit, a session, a fair told of over several days is still "this one"


RECENT_DAYS = 31  # 日前, 近日: days before the article, a month at the most


def _told_as_recent(c: Claim) -> bool:
    """The figure's sentence dates it only by 日前/近日 (days before its article), with no period of its own."""
    return c.period is None and bool(_RECENT.search(c.plain_sentence, 0, c.at()))


_RECENT = re.compile(r"日前|近日|前不久")


def _this_one(c: Claim) -> bool:
    """The figure is of the event its article reports (本次震中, 此次会议): named by 本次/此次 in its clause."""
    return bool(_THIS_EVENT.search(c.plain_sentence, _clause_start(c.plain_sentence, c.at()), c.at()))


_TENURE = re.compile(r"工作|任职|就职|执教|服役|从业|从教|从警|从医|效力")
_AGE_OF = re.compile(r"的([\u4e00-\u9fff·]{2,6}?)(?=[，。、；在于曾是已将也还就与和对从被]|表示|称|说|$)")


def _age_owner(c: Claim) -> str | None:
    """The person an age belongs to, named right after it (现年59岁的贝索斯)."""
    m = _AGE_OF.match(c.plain_sentence, c.at() + len(c.plain_text))
    return m.group(1) if m else None


def _one_persons_age(a: Claim, b: Claim) -> bool:
    """Both ages are one person's: the same name after each, or, with none, each read from its own clause."""
    owner_a, owner_b = _age_owner(a), _age_owner(b)
    if owner_a is not None or owner_b is not None:
        return owner_a == owner_b
    return a.subject_from == b.subject_from == "clause"


_FROM_BEFORE = re.compile(r"[由从](?:[^，。；\d]{0,6})$")
_TO_AFTER = re.compile(r"^(?:[^，。；\d]{0,4})(?:降至|降到|减至|减少到|跌至|增至|增加到|增长到|提高到|提高至|升至|上升到|上调至|下调至|调整为|[到至])$")


def start_of_change(c: Claim) -> Quantity | None:
    """The figure a change told in the claim's sentence started from (股份由逾70%降至40%: 逾70% for 40%)."""
    sentence, at = c.plain_sentence, c.at()
    for q in reversed(find_quantities(sentence[:at])):
        if _TO_AFTER.match(sentence[q.end : at]) and _FROM_BEFORE.search(sentence, max(0, q.start - 7), q.start):
            return q
        break
    return None


_HELD_BY = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,12}?)(?:由[\u4e00-\u9fffA-Za-z]{2,12}?)(?:持股|持有)")
_HOLDS = re.compile(r"持有([\u4e00-\u9fffA-Za-z]{2,12}?)(?:的)?(?:股份|股权|股票|\d)")
_STAKE = re.compile(r"持股|股权比例|股份|持有")


def held(c: Claim) -> str:
    """The company a stake is in, as its sentence names it (新达盟由X持股, X持有珠海万达商管的股权), or ""."""
    if not _STAKE.search(c.metric):
        return ""
    sentence = c.plain_sentence
    found = [(m.start(), m.group(1)) for m in _HELD_BY.finditer(sentence, 0, c.at())]
    found += [(m.start(), m.group(1)) for m in _HOLDS.finditer(sentence, 0, c.at())]
    return max(found)[1] if found else ""


def holdings_apart(a: Claim, b: Claim) -> bool:
    """Two stakes whose sentences name the companies held, and not the same one."""
    x, y = held(a), held(b)
    return bool(x and y) and x != y and not (x in y or y in x)


_DEMONSTRATIVE = re.compile(r"(?:这|此|该|上述|前述|以上|这些|那)$")


def named_just_before(c: Claim) -> bool:
    """A count pointed back at (这5家, 此两家, 上述3人): the set is whatever its own text named before it."""
    return bool(_DEMONSTRATIVE.search(c.plain_sentence, max(0, c.at() - 2), c.at()))


_PENALTY = re.compile(r"(?:有期徒刑|拘役|管制|缓刑|无期徒刑|死刑缓期|缓期)(?:执行)?$")
_DEFENDANT = re.compile(r"(?:被告人|罪犯|被告)(?P<name>[\u4e00-\u9fff]{2,4}?)(?:以[^，。；]{1,12}?罪)?(?:分别)?(?:判处|被判|有期徒刑|拘役|无期)")


def a_term(c: Claim) -> bool:
    """A court's penalty (判处有期徒刑三年, 缓刑四年): a fact of its own case."""
    return bool(_PENALTY.search(c.plain_sentence, max(0, c.at() - 6), c.at()))


def defendant(c: Claim) -> str | None:
    """Whom a sentence names as sentenced before the figure (判处被告人杨某…), if anyone."""
    named = [m["name"] for m in _DEFENDANT.finditer(c.plain_sentence, 0, c.at())]
    return named[-1] if named else None


_AFTER_AN_EVENT = re.compile(r"(?:之后|以后|之前|以前|后|前)(?![值期台端续者])")


_THRESHOLD_AGE = re.compile(r"(?:不满|未满|已满|年满|满|超过|低于)$")


def an_age_threshold(c: Claim) -> bool:
    """An age a rule or a group turns on (不满18周岁的人, 60周岁以上), not someone's age."""
    return c.unit == "岁" and (c.qualifier != EXACT or bool(_THRESHOLD_AGE.search(c.plain_sentence, 0, c.at())))


def from_an_event(c: Claim) -> bool:
    """A span counted from an event (7个多月后, 两年前): when, told from a moment its text names; no measure."""
    return c.unit in _SPAN_UNITS and bool(_AFTER_AN_EVENT.match(c.plain_sentence, c.at() + len(c.plain_text)))


_REACHED_BEFORE = re.compile(r"(?:降至|降到|跌至|跌破|减至|升至|升到|涨至|增至|达到|超过|突破)$")
_WHEN_AFTER = re.compile(r"(?:以后|之后|以前|之前|后(?!续)|前(?![值期])|时|的时候)")


def at_a_moment(c: Claim) -> bool:
    """A level named as the moment something happened (降至5%以后, 突破1万点时): a point the story passes, no day's."""
    sentence, at = c.plain_sentence, c.at()
    return bool(_REACHED_BEFORE.search(sentence, max(0, at - 3), at)
                and _WHEN_AFTER.match(sentence, at + len(c.plain_text)))


def events_apart(a: Claim, b: Claim) -> bool:
    """One side is an event's reading of a day (仅有5%的火势得到控制 on the 7th), the other more than a month
    away from it: two fires, two quakes, whatever the wording shares."""
    for x, y in ((a, b), (b, a)):
        day = _event_day(x)
        if day is not None:
            other = _event_day(y) or (y.period.end if y.period is not None else y.published)
            if other is not None and abs((other - day).days) > EVENT_DAYS:
                return True
    return False


# 当地时间29日，美国佛罗里达州好莱坞海滩发生枪击事件…。目前，1名嫌疑人被捕: the story's event day, named in a
# sentence before the figure's own (which may say 目前, or nothing).
_EVENT_TOLD = re.compile(r"(?:^|[。！？])当地时间(\d{1,2})日")


def _event_day(c: Claim) -> dt.date | None:
    """The day of the event a figure is a reading of: its own period's, or the day its paragraph's story opens with."""
    if event_reading(c) and c.period is not None:
        return c.period.end
    if c.published is None or (c.period is not None and not c.period.as_of):
        return None
    paragraph = c.plain_paragraph
    at = paragraph.find(c.plain_sentence)
    told = list(_EVENT_TOLD.finditer(paragraph, 0, at if at >= 0 else len(paragraph)))
    if not told:
        return None
    return day_of_month(int(told[-1][1]), c.published)


_CUMULATIVE = re.compile(r"累计|历年|总计|迄今")
# 十年来, 近5年, 过去三年: years counted back from the article (not 2026年, a year)
_SPAN_BACK = re.compile(r"(?:近|过去)[\d一二两三四五六七八九十]{1,2}多?年(?:来|以来)?|[\d一二两三四五六七八九十]{1,2}多?年(?:来|以来)")


def _since_its_start(c: Claim) -> bool:
    """累计开行突破2万列 with only a year carried from the sentence before: a total since the start, not that year's.
    So is a count since a day (自去年7月开启加息进程以来，…已连续加息九次): as of its article, not of that July."""
    if c.period is None:
        return False
    if "以来" not in c.period.label and _SINCE_THEN.search(c.plain_sentence, 0, c.at()):
        return True
    if _SPAN_BACK.fullmatch(c.period.label) and _CUMULATIVE.search(clause_of(c)):
        return True  # 十年来…累计完成造林9.6亿亩: a total since a start counted back from its own article's day
    # …but a total as of a day the paragraph set (截至2023年12月末…。同时，未能清偿的到期债务累计近2978.1亿元) is as of it.
    return (c.period_from not in ("sentence", "clause") and not c.period.as_of
            and bool(_CUMULATIVE.search(clause_of(c))))


_FROM_YEAR_TO_YEAR = re.compile(r"[从由](\d{4})年[^，。；]{0,16}?(?:到|至)(\d{4})年")


def _over_the_years(c: Claim) -> str:
    """The years a rate's change ran over, when its sentence gives both ends (从2015年…到2023年…，增幅达41.9%)."""
    if c.unit not in ("%", "x"):
        return ""
    found = None
    for m in _FROM_YEAR_TO_YEAR.finditer(c.plain_sentence, 0, c.at()):
        found = m
    return f"{found[1]}–{found[2]}" if found else ""


_SINCE_THEN = re.compile(r"[自从][^，。；]{1,20}以来")


MONTH_DAYS = 31
_COUNTED_BACK = re.compile(r"(?:过去|这|近)[\d一二两三四五六七八九十]+年|[\d二两三四五六七八九十]+年(?:来|以来|间)")


def _slack(known: Period) -> int:
    """Days a dated period may run past an undated figure's article: a year's total may be told in
    December, but a month's index told on the 5th is the month before's (业务活动预期指数保持在55%以上 on
    5 August is July's, not 8月份's)."""
    return min(AFTER_SLACK, max(known.days // 4, 1))


def _as_dated(c: Claim) -> Period | None:
    """The figure's period, but not a single day carried from another sentence weeks before its article
    (约旦河西岸已有144人死亡 on 5 November under 10月7日): that day is when the events began; the count is as of
    the article."""
    p = c.period
    if (p is not None and p.days == 1 and not p.as_of and c.period_from in ("paragraph", "story")
            and c.published is not None and (c.published - p.end).days > DAY_COUNT_MAX):
        return None
    return p


def period_check(draft: Claim, stored: Claim) -> Check:
    a, b = _as_dated(draft), _as_dated(stored)
    spans = _over_the_years(draft), _over_the_years(stored)
    if any(spans) and spans[0] != spans[1]:
        # 进出口额从2015年的886.6亿元增长到2023年的1257.8亿元，增幅达41.9%: growth over eight years, not 2023's
        return Check("period", DIFFERENT, f"a change over the years {spans[0] or spans[1]}, on one side only")
    if _since_its_start(draft) or _since_its_start(stored):
        return Check("period", UNKNOWN, "a total since a start (累计…, 自…以来), as of its own article, not of that year or day")
    if (draft.changed_to or stored.changed_to) and a is None and b is None and draft.published != stored.published:
        # 将基准利率从4%上调至4.25% on 23 March, 从3.5%上调至4% on 2 February: each start is the level the day
        # before its own change, two days, two facts (however standing the bank).
        return Check("period", DIFFERENT, f"the level before a change: as of {stored.published} in the source, "
                                          f"{draft.published} in the draft")
    if draft.unit == stored.unit == "周年" and _in_its_year(draft) and _in_its_year(stored) and timeless(draft, stored):
        # 1月27日…互致贺电，庆祝两国建交60周年 and 5月…庆祝中法建交60周年: the day is the message's; the
        # anniversary is the year's, whichever day of it tells it.
        return Check("period", SAME)
    if draft.published != stored.published and rising(draft) and rising(stored) and not (
            draft.period is not None and stored.period is not None and draft.period.as_of and stored.period.as_of
            and draft.period.end == stored.period.end):
        # 遇难人数已增至24人 on 1 January, 已增至22人 in the 31 December report: a toll told as it rises, each
        # report's count at its hour; neither contradicts the other. (截至5月末…升至139家 is as of one day: one count.)
        return Check("period", UNKNOWN, "a count told as it rises (增至, 升至), in two reports")
    if _told_as_recent(draft) and _told_as_recent(stored) and draft.published and stored.published:
        apart = abs((draft.published - stored.published).days)
        if apart > RECENT_DAYS:
            # 日前，中央纪委国家监委对7起…典型问题进行公开通报 in September and in January: a template of notices, each
            # 日前 its own article's days; two notices, whatever they count.
            return Check("period", DIFFERENT, f"told as of recent days (日前, 近日) {apart} days apart: two events")
    if _this_one(draft) or _this_one(stored):
        apart = abs((draft.published - stored.published).days) if draft.published and stored.published else 0
        if apart > THIS_ONE_DAYS:
            # 距离本次震中103公里 in two automatic quake reports, 1 and 19 December: each 本次 is its own quake.
            return Check("period", DIFFERENT, f"本次/此次 (this one) told {apart} days apart: another event")
    if (draft.published != stored.published and (a_term(draft) or a_term(stored))
            and (defendant(draft) is None or defendant(draft) != defendant(stored))):
        # 依法判处被告人有期徒刑三年 of a rape case against 判处被告人杨某有期徒刑三年三个月 of a fake-drug case: a
        # sentence is its own case's, and only the same defendant named makes two the same.
        return Check("period", DIFFERENT, "a court's sentence of its own case, its defendant not named alike")
    if (an_age_threshold(draft) or an_age_threshold(stored)) and clause_of(draft) != clause_of(stored):
        # 犯罪时不满18周岁的人不得适用死刑 and 对…不满18周岁的人，应当从轻或者减轻处罚: two rules' one threshold.
        return Check("period", DIFFERENT, "an age a rule turns on (不满18周岁), which many rules share")
    if ((from_an_event(draft) or from_an_event(stored)) and draft.plain_sentence != stored.plain_sentence
            and not (draft.subject and draft.subject == stored.subject)):
        # 7个多月后，彭女士遇害一案… and 7个多月后，中植的问题浮出水面: each counts from an event its own text tells,
        # unless both tell it of one body (60年前，中法两国…建交 and 60年前，戴高乐…决定同新中国建交).
        return Check("period", DIFFERENT, "a span counted from an event its own text tells (…后, …前)")
    if at_a_moment(draft) or at_a_moment(stored):
        # 在持股比例降至5%以后也一言不发: the level the story passed through on the way, at a moment it does not
        # date, not the level of its day.
        return Check("period", UNKNOWN, "a level at a moment the story passes through (降至…以后), not of a day")
    if events_apart(draft, stored):
        return Check("period", DIFFERENT, f"an event's reading of {b.end if b else stored.published} in the source, "
                                          f"{a.end if a else draft.published} in the draft: another event")
    if (draft.unit in _SPAN_UNITS and stored.unit in _SPAN_UNITS
            and (a is None or as_of_article(draft)) and (b is None or as_of_article(stored))
            and draft.published and stored.published and draft.published.year != stored.published.year):
        # 过去五年 in the 2013 report and in the 2018 one: each counts back from its own day.
        return Check("period", DIFFERENT,
                     f"a span counted back from its article: {stored.published.year}'s, not {draft.published.year}'s")
    if a_reading(draft) or a_reading(stored):
        day_a, day_b = reading_day(draft), reading_day(stored)
        if day_a is not None and day_b is not None and day_a != day_b:
            # 猪肉平均价格为14.64元/公斤 on 8 and on 18 June: the same price twice, two readings, two facts.
            return Check("period", DIFFERENT, f"a reading of its day: {day_b} in the source, {day_a} in the draft")
    now_a, now_b = as_of_article(draft), as_of_article(stored)
    if (now_a or now_b) and (a is None or now_a) and (b is None or now_b):
        # 目前…为57.5% against the same measure undated in an earlier article: both facts as of their
        # article's day. The draft's, said to be today's, is the later one: an out-of-date figure there
        # is stale. Standing measures (an organisation's staff) are compared as undated figures are.
        if draft.published == stored.published or timeless(draft, stored):
            return Check("period", UNDATED, "undated on both sides: a count as of different days")
        if (now_a and draft.published and stored.published and draft.published > stored.published
                and not (daily_measure(draft.metric) or daily_measure(stored.metric))):
            return Check("period", RUNNING,
                         f"the draft's is as of {draft.published} ({a.label if a else ''}), the source's as of {stored.published}")
        return Check("period", DIFFERENT, f"as of {stored.published} in the source, {draft.published} in the draft")
    if a is None and b is None:
        # An undated figure is a fact as of its article: a market close, a day's count, a running total.
        # Two of them from different days are different facts, unless they measure a body as it is.
        if draft.published and stored.published and draft.published != stored.published and not timeless(draft, stored):
            return Check("period", DIFFERENT,
                         f"undated: as of {stored.published} in the source, {draft.published} in the draft")
        return Check("period", UNDATED, "undated on both sides: a count as of different days")
    if a is None or b is None:
        known = a or b
        assert known is not None
        side = "the source" if b is not None else "the draft"
        if (known.days > 1 and draft.published != stored.published
                and (daily_measure(draft.metric) or daily_measure(stored.metric))):
            # 纳指收涨…涨幅0.54% under a carried 8月 against 道指's 0.54% of 24 August: a day's move, whichever
            # month the paragraph names, is its own day's.
            return Check("period", DIFFERENT, f"a day's reading: {stored.published} in the source, {draft.published} in the draft")
        undated = draft if a is None else stored
        if (undated.published and known.end > undated.published + dt.timedelta(days=_slack(known))
                and not timeless(draft, stored)):
            # 参保率稳定在95% in January against 截至今年5月底…95%: the undated figure was as of its day,
            # before the dated one's period ended; two facts, however alike.
            return Check("period", DIFFERENT,
                         f"undated, as of {undated.published} in {'the draft' if a is None else 'the source'}, before "
                         f"{_span(known)} ({known.start}..{known.end}) ended")
        if (a is None and b is not None and draft.published and not timeless(draft, stored)
                and (draft.published - b.end).days > max(b.days, MONTH_DAYS)):
            # 水产品价格下降1.2%，影响CPI下降约0.02个百分点 in July, undated (its 6月份 is a paragraph before) against
            # March's: an undated figure is as of its article, and by then the source's period was well past,
            # another one (April's, May's) having come since.
            return Check("period", DIFFERENT, f"undated, as of {draft.published} in the draft, long after "
                                              f"{_span(b)} ({b.start}..{b.end}) ended")
        return Check("period", UNKNOWN, f"only {side} gives a period ({_span(known)})")
    if (draft.published != stored.published and not (a.days == b.days == 1) and max(a.days, b.days) <= READING_DAYS
            and not (draft.published and stored.published and a.end < draft.published and b.end < stored.published)
            and (daily_measure(draft.metric) or daily_measure(stored.metric))):
        # 美联储6月维持利率不变的概率为98.5% on 12 and on 15 June: the meeting's month names the question,
        # each day's reading is that day's.
        return Check("period", DIFFERENT, f"a day's reading: {stored.published} in the source, {draft.published} in the draft")
    if a.days == b.days == 1 and a.end == b.end and _clock(draft) and _clock(stored) and _clock(draft) != _clock(stored):
        # 当地时间6月5日22时57分…6.0级地震 and 6时28分…5.6级地震: two events of one day.
        return Check("period", DIFFERENT, f"{b.label} {_clock(stored)} in the source, {_clock(draft)} in the draft")
    if now_a != now_b and a.days == b.days == 1 and a.end == b.end:
        # 目前…77.53% in the morning's article, 截至6月12日17时…82.01% in the next: a running figure
        # within one day, and 目前 does not say the hour.
        return Check("period", UNKNOWN, f"{(a if now_a else b).label} on {a.end}, which hour is not said")
    if a.start == b.start and a.end == b.end:
        return Check("period", SAME)
    if a.end == b.end and ((a.as_of and a.days == 1) or (b.as_of and b.days == 1)):
        if _COUNTED_BACK.match(a.label) or _COUNTED_BACK.match(b.label):
            # 这十年…市场主体总量从2012年的5500万户增长到1.58亿户 in May 2022 against 截至2021年底1.54亿户: the years
            # counted back from an article end where it pleases; the stock's own day is not said.
            return Check("period", UNKNOWN, f"{a.label if _COUNTED_BACK.match(a.label) else b.label}: years counted "
                                            "back from the article, which leave the day of the stock unsaid")
        return Check("period", SAME)  # 2月末外汇储备 and 2月外汇储备: a stock as of the month's end
    # 今年以来, 截至目前, 今年…累计: as of the draft's own day, not 截至4月底.
    now = a.end == draft.published and (a.as_of or (a.days > 1 and (a.start.month, a.start.day) == (1, 1)))
    to_day = b.as_of and b.days == 1  # 截至今天, 截至5月18日: a running total as of that day
    # …but not a rate read on a day (截至10月10日第十个工作日…变化率为-1.45%, and -1.45% on 13 June): each day's own.
    read_on_a_day = a.days == 1 and b.days == 1 and draft.unit in ("%", "pp")
    if now and a.end > b.end and (a.start == b.start or (to_day and (a.days == 1 or a.as_of))) and not read_on_a_day:
        # 今年以来 in a July draft against 今年前4个月, 截至目前 against 截至4月27日: one running total, the
        # draft's as of a later day. The same figure may be out of date (stale); another is no alarm.
        return Check("period", RUNNING, f"a running total: the source's is as of {b.end}, the draft's as of {a.end}")
    if as_of_article(draft) and b.end < a.end and (stored.published or b.end) <= a.end:
        # 目前经济总量突破90万亿元 against 2018年…突破90万亿元: the draft gives the latest figure as today's;
        # it is out of date if a later period's is known.
        return Check("period", RUNNING, f"the draft's is as of {a.end} ({a.label}), the source's for {_span(b)}")
    return Check("period", DIFFERENT, _("for {source_period}, not {draft_period}").format(
        source_period=f"{_span(b)} ({b.start}..{b.end})", draft_period=f"{_span(a)} ({a.start}..{a.end})"))


# How a figure is given. Words that give it as expected, planned or aimed at: 预计全社会跨区域人员流动量约
# 19.4亿人次 is not the 20.03亿人次 that moved. 前值 is the previous release's value (前值由6.2%修正为6.3%:
# both), not this one's. The nearest such word before the figure decides: in 公布值3.1%，预期2.9%，前值3.0%
# each figure has its own.
# 好于预期, 超预期, 不及预期 compare an outcome with what was expected: no forecast.
# 目标顺利实现, 目标任务全面完成: a target met is an outcome.
_FORECAST = (r"预计|(?<![于超及合出])预[期估]|预测|目标价|计划(?!单列)|目标(?!区间)(?![^，。；]{0,3}(?:顺利|全面|如期|圆满|基本|已经?)(?:实现|完成))"
             # A budget's 安排 allocates: a plan, restated or not; 制度性安排, 作出的安排 are arrangements, nouns.
             r"|力争|有望|拟|将(?:达|超|突破|实现|提高|提升|增加|增长|降低|下降|减少|扩大|缩小|上升|回升|升至|降至|新增)|争取|(?:报告|会议|规划|纲要|方案|计划|意见|决定)(?:中)?提出|(?<![性的出])安排(?!相|[的上]|[^，。；]{0,2}结合)")
# 之前为5000美元, (先前预估为2.9%): the value the figure beside it replaced, a forecast's or a reading's.
_PREVIOUS = rf"前值|修正为|修正至|{VALUE_BEFORE}"
_OUTCOME = r"公布值|初值|终值|录得"
_MODALITY = re.compile(f"(?P<previous>{_PREVIOUS})|(?P<outcome>{_OUTCOME})|(?P<forecast>{_FORECAST})")
OUTCOME, FORECAST, PREVIOUS, ASKED = "outcome", "forecast", "previous", "asked"
_MET = re.compile(r"实现|完成|达成|达到|超过|超额")
_PLANNED_AS = re.compile(r"(?:左右)?(?:安排|确定|设定|编制)")
_ITEM_READING = re.compile(rf"预[期估]|{_PREVIOUS}|{_OUTCOME}")  # words of one indicator's reading, not a plan's verb
PREVIOUS_REACH = 6  # 前值由6.2%修正为6.3%, 前值：-0.3%: a previous value follows its word closely
# A period still to come when the article was written cannot have an outcome yet (2030年服务业增加值达到
# 6万亿元左右, 2021年计划新开工改造5.3万个 in a March report), unless the words say it already has.
# Not a bare 完成: 今年…完成易地扶贫搬迁280万人 in a March report is the year's task (完成了 is done).
_ALREADY = re.compile(r"已|累计|完成了|实现了|达到了|截至|以来")
# 河南省投入了20万台联合收割机 on 4 June: a verb's 了 in the figure's own clause says it has happened (not
# 为了, 除了, 了解).
_DONE = re.compile(r"(?<![为除])了(?![解结])")
# Days still to run in a stated period beyond which a figure for it is a target, not an outcome so far:
# 今年 in a March report, 2030年 anywhere; not 2026年年度票房超172亿元 on 29 June, a running total.
FUTURE_SLACK = 200
_DURATIONS = ("年", "周年", "岁", "天", "个月", "小时")  # 今年是中法建交60周年: an anniversary, not a target


@lru_cache(maxsize=1 << 15)
def _said_as(sentence: str, at: int) -> tuple[str, str] | None:
    """The nearest word before the figure that says how it is given (预计, 前值, 公布值…) and its kind
    (previous, outcome or forecast), if the sentence has one: every reader of modality asks this."""
    found = None
    for m in _MODALITY.finditer(sentence, 0, at):
        if m.lastgroup == "previous" and at - m.end() > PREVIOUS_REACH:
            continue  # 2027年为3.1%(先前预估为3.0%): the word before 3.0% says nothing of the next figure
        if m.group() == "目标" and _MET.search(sentence, _clause_start(sentence, m.start()), m.start()):
            continue  # 全面实现年初确定的主要目标，国内生产总值增长7.8%: a target met, the figure an outcome
        if _ITEM_READING.fullmatch(m.group()) and "；" in sentence[m.end() : at]:
            continue  # 同比增长6.5%，预估为6.4%；环比增长1.1%: a release's 预估 is of its own item
        found = m
    return (found.group(), found.lastgroup or "") if found is not None else None


def _modality_word(c: Claim) -> tuple[str, str] | None:
    return _said_as(c.plain_sentence, c.at())


def modality(c: Claim, written: dt.date | None = None) -> str:
    """outcome, forecast or previous; `written` is when the fact was first stated, for the future rule
    (a plan re-quoted after its year is still the plan), by default the claim's own publication."""
    sentence = c.plain_sentence
    at = c.at()
    if sentence.rstrip().endswith(("？", "?")):
        return ASKED  # 您刚刚谈到，2022年…数字经济规模已经达到52.2万亿…您怎么看？: an interviewer's premise, no one's statement
    found = _said_as(sentence, at)
    if found is not None:
        return {"previous": PREVIOUS, "outcome": OUTCOME}.get(found[1], FORECAST)
    if _PLANNED_AS.match(sentence, at + len(c.text)) and sentence[max(0, at - 1) : at] == "按":
        return FORECAST  # 赤字率按2.8%安排: a budget's figure, planned
    if _forecast_before(c.plain_paragraph, sentence):
        return FORECAST  # 公司预计2026年上半年实现营业收入…；实现归母净利润500亿元至570亿元: one sentence, past its ；
    p = c.period
    written = written or c.published
    if (p is not None and written is not None and not p.as_of and c.period_from in ("sentence", "paragraph", "heading", "lead")
            and c.unit not in _DURATIONS
            and p.end > written + dt.timedelta(days=FUTURE_SLACK) and not _ALREADY.search(sentence, 0, at)
            and not _DONE.search(sentence, _clause_start(sentence, at), at)):
        return FORECAST
    return OUTCOME


def forecast(c: Claim) -> bool:
    """Said to be a forecast or target in so many words (力争, 计划, 预计): a statement made once."""
    found = _modality_word(c)
    return found is not None and found[1] == "forecast"


_SAID = {OUTCOME: "an outcome", FORECAST: "a forecast or target", PREVIOUS: "a previous release's value (前值)",
         ASKED: "a question's premise"}


@lru_cache(maxsize=1 << 14)
def _forecast_before(paragraph: str, sentence: str) -> bool:
    """A forecast word earlier in the full sentence (to the last 。) that a ；split off the figure's part."""
    at = paragraph.find(sentence)
    if at <= 0 or paragraph[at - 1] not in "；;":
        return False
    start = max(paragraph.rfind(end, 0, at) for end in "。！？") + 1
    # Not 预估 or 预期: a release's forecast is of its own item (同比增长6.5%，预估为6.4%；环比增长1.1%).
    return any(m.lastgroup == "forecast" and m.group() not in ("目标", "安排") and not _ITEM_READING.fullmatch(m.group())
               for m in _MODALITY.finditer(paragraph, start, at))


# 据检方指控：…收受财物折合人民币4832万余元 at the trial, 经审理查明：…4832万余元 at the verdict: the charge
# does not vouch for what the court found, nor the finding for the charge.
_ALLEGED = r"指控|被控|涉嫌|起诉书|公诉机关"
_FOUND = r"查明|认定|判决|判处|裁定|宣判"
_STANCE = re.compile(f"(?P<alleged>{_ALLEGED})|(?P<found>{_FOUND})")


def _legal_stance(c: Claim) -> str:
    """alleged or found, by the last such word before the figure in its sentence; "" when none."""
    said = list(_STANCE.finditer(c.plain_sentence, 0, c.at()))
    return (said[-1].lastgroup or "") if said else ""


def modality_check(draft: Claim, stored: Claim) -> Check:
    # Each read as of its own day: 2018年国内生产总值增长6.8% written in 2019 is an outcome, and the 6.5%左右
    # the March 2018 report set for the year a target. A plan re-quoted later says so (计划, 目标, 拟).
    stances = _legal_stance(draft), _legal_stance(stored)
    if all(stances) and stances[0] != stances[1]:
        return Check("modality", DIFFERENT, f"{stances[1]} in the source (a charge or a court's finding), {stances[0]} in the draft")
    a, b = modality(draft), modality(stored)
    if (a == b == FORECAST and draft.published != stored.published and (predicted(draft) or predicted(stored))
            and (draft.value, draft.qualifier) != (stored.value, stored.qualifier)):
        # 实现今年经济增长5%左右的预期目标 against the IMF's 预期至5.2% a month before: a prediction is its
        # maker's, on its day; another day's, or another's target, near in value, vouches for nothing.
        return Check("modality", DIFFERENT, f"a prediction made on {stored.published} in the source, another in the draft")
    if a == b == FORECAST and predicted(draft) != predicted(stored) and (planned(draft) or planned(stored)):
        # 苹果计划到2025年在印度生产四分之一的iPhone against 根据摩根大通的预计…苹果将在印度生产四分之一: a maker's
        # plan is not someone's forecast of it, however alike.
        return Check("modality", DIFFERENT, "a plan on one side, a prediction on the other")
    named_apart = bool(predictor(draft) and predictor(stored))  # each side names its maker
    if (a == b == FORECAST and draft.published != stored.published and not same_predictor(draft, stored)
            and ((made(draft) and made(stored)) or (named_apart and (made(draft) or made(stored))))):
        # …and 经合组织…调高了…的预期，认为今年中国经济将增长5.2% against 国际货币基金组织预测…5.2%: two makers named.
        # 花旗…的预测：…分别降息25个基点 against 该券商此前曾预测…分别降息25个基点: the same value, another maker;
        # one broker's forecast does not vouch for another's.
        return Check("modality", DIFFERENT, f"a prediction by another, or by a maker not named (the source's "
                                            f"{predictor(stored) or '?'}, the draft's {predictor(draft) or '?'})")
    if a == b:
        in_draft, in_source = reading_of(draft), reading_of(stored)
        if in_source == "初值" and not in_draft and draft.published != stored.published and release(draft):
            # 德国5月CPI环比下降0.2%，预期下降0.2% on 12 June against the 初值 of 29 May: a later release of
            # the month, the final, which the flash does not vouch for.
            return Check("modality", DIFFERENT, f"the 初值 in the source ({stored.published}), a later release in the draft")
        if {in_draft, in_source} == {"初值", "终值"}:
            # 日本5月制造业PMI终值54.5 against its 初值54.5: the final reading may differ from the flash; equal
            # by chance, the flash does not vouch for it.
            return Check("modality", DIFFERENT, f"the {in_source} in the source, the {in_draft} in the draft")
        return Check("modality", SAME)
    return Check("modality", DIFFERENT, f"{_SAID[b]} in the source, {_SAID[a]} in the draft")


def reading_of(c: Claim) -> str:
    """Which release of a figure the sentence gives it as: 初值 (flash), 终值 (final), or "" when it says not."""
    found = _modality_word(c)
    if found is not None and found[0] in ("初值", "终值"):
        return found[0]
    # 【德国5月CPI初值同比增长2.6%】…德国5月CPI环比下降0.2%: the item's headline says which release it is.
    said = {w for w in ("初值", "终值") if w in c.plain_paragraph}
    return said.pop() if len(said) == 1 else ""


def identify(draft: Claim, stored: Claim, parts: bool = False) -> Identity:
    dated = draft.period or stored.period
    short = dated is not None and dated.days <= DAY_COUNT_MAX and not dated.as_of
    named = bool(draft.metric and stored.metric)
    checks = subject_check(draft, stored), metric_check(draft, stored, parts), period_check(draft, stored)
    running = draft.published != stored.published and (still_running(stored, draft) or still_running(draft, stored))
    unnamed_national = not draft.subject and stored.subject_kind == NATIONAL and not draft.paragraph_bodies
    if checks[0].outcome == UNKNOWN and unnamed_alike(draft, stored, checks[1], checks[2]):
        checks = (Check("subject", SAME, "neither names whom: one measure, named in full, for one period"),
                  checks[1], checks[2])
    # Each names its body in its own paragraph (not one carried from an earlier story), neither names the other's.
    named_apart = bool(
        draft.subject and stored.subject and not same_body(draft.subject, stored.subject)
        and "story" not in (draft.subject_from, stored.subject_from)
        and draft.subject not in stored.plain_paragraph and stored.subject not in draft.plain_paragraph
    )
    carried_apart = bool(draft.subject and stored.subject and checks[0].outcome == UNKNOWN
                         and not same_body(draft.subject, stored.subject))
    return Identity(*checks, modality_check(draft, stored), short, named, specific(draft, stored), running,
                    unnamed_national, named_apart and checks[0].outcome != SAME, predicted(draft) or predicted(stored),
                    aged(draft, stored), carried_apart,
                    carried_apart and (draft.subject_kind == stored.subject_kind == PAIR
                                       or (NATIONAL in (draft.subject_kind, stored.subject_kind)
                                           and draft.subject_kind != stored.subject_kind)))


AGED_DAYS = 365  # a figure given as today's whose source is older than this may have moved since


def aged(draft: Claim, stored: Claim) -> bool:
    if not as_of_article(draft) or draft.published is None or timeless(draft, stored):
        return False
    then = stored.period.end if stored.period is not None else stored.published
    return then is not None and (draft.published - then).days > AGED_DAYS


UNNAMED_METRIC_MIN = 4  # a measure named this fully (人民币存款, 中央本级基础研究支出) is one fact even unnamed


def _unnamed(c: Claim) -> bool:
    """Names no place or body of its own: none written, one carried from an earlier story, or the whole
    country (央行数据显示…, 我国…), which is what an outlet's unnamed national figures are about."""
    return (not c.subject or (c.subject_from == "story" and c.subject_kind in STANDING_KINDS)
            or c.subject_kind == NATIONAL)


def unnamed_alike(draft: Claim, stored: Claim, metric: Check, period: Check) -> bool:
    """Neither names whom, but both name the same measure in full for the same stated period: 今年中央本级基础
    研究支出增长10.6% re-quoted without its report. A measure any place has (增长, 城镇新增就业) is not enough."""
    if not (_unnamed(draft) and _unnamed(stored)) or set(draft.paragraph_bodies) - {COUNTRY_WIDE}:
        return False
    if draft.subject and stored.subject and not same_body(draft.subject, stored.subject):
        return False  # two stories' companies (兴业股份, 福达合金), each carried from its headline
    if metric.outcome != SAME or draft.period is None or stored.period is None:
        return False
    if period.outcome not in (SAME, RUNNING) and draft.period.start != stored.period.start:
        return False  # one period, or one series of running totals (前四个月, 前五个月, 今年以来)
    if not (_over(draft) or as_of_article(draft) or period.outcome == RUNNING) or not _over(stored) \
            or daily_measure(draft.metric) or daily_measure(stored.metric):
        # 8月交货的原油收于每桶70.34美元, 7月维持利率不变的概率65.8%, a plan for the year: every day's
        # figure, or anyone's forecast, for a period still to come. Only an outcome of a period that is over
        # is one fact by its measure alone.
        return False
    if _places_named(draft.plain_sentence) or _places_named(stored.plain_sentence):
        return False
    if against_country(draft.plain_sentence) or against_country(stored.plain_sentence):
        return False  # …同比增长22.1%，高出全国17.2个百分点: a part, which the sentence does not name
    if company_measure(draft.metric) or company_measure(stored.metric):
        return False  # 经调整净利润达到34亿元: every company reports one, and the recogniser may not know the name
    if letters_apart(draft, stored):
        return False  # 在3月份0.1%的CPI同比变动中…新影响约为0.4个百分点 is not the PPI's: the indicator, named in letters
    key = _CHANGE.sub("", metric_key(draft.metric))
    return len(key) >= UNNAMED_METRIC_MIN and _heads_shared(draft, stored) and _heads_shared(stored, draft)


_LETTERED = re.compile(r"[A-Za-z][A-Za-z0-9]+")


def letters_apart(a: Claim, b: Claim) -> bool:
    """Each sentence names, in Latin letters before the figure, other indicators (CPI against PPI, M2 against M1)."""
    x, y = (frozenset(_LETTERED.findall(c.plain_sentence, 0, c.at())) for c in (a, b))
    return bool(x) and bool(y) and x != y


_LETTERED_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[ -]?[A-Za-z0-9]+)*")


def _lettered_last(c: Claim) -> str:
    """The last name in Latin letters before the figure in its sentence (Model Y, CPI), as one word."""
    names = [m.group() for m in _LETTERED_NAME.finditer(c.plain_sentence, 0, c.at())]
    return names[-1] if names and len(_one_word(names[-1])) >= 2 else ""


def products_apart(draft: Claim, stored: Claim) -> str:
    """其中Model3…涨价1500元，调整后26.14万元起售，Model Y…调整后起售价为26.64万元: 调整后起售价 is the price of the
    model named last before it; two models, two prices ("" when not)."""
    products = _lettered_last(draft), _lettered_last(stored)
    if all(products) and _one_word(products[0]) != _one_word(products[1]):
        return f"of {products[1]} (named last before the figure) in the source, of {products[0]} in the draft"
    return ""


def _one_word(name: str) -> str:
    return name.replace(" ", "").replace("-", "").casefold()  # Model Y, model-y, ModelY


# 全省, 我市: a province's or a city's figure, its body unnamed in the sentence but not the whole country's.
_LOCAL = re.compile(r"全[省市区县州]|[本我][省市区县州]")
_PAIR_UNNAMED = re.compile(r"两国|双方|两岸|双边")
_FIRM_REFERENT = re.compile(r"该(?:公司|企业|集团|平台|项目)")


def unnamed_same_measure(a: Claim, b: Claim, identity: Identity) -> bool:
    """全国 or nobody on each side, one measure named in full and given the same way: one series at two times, as
    a later report's 科技进步贡献率58.5% follows the 57.5% an earlier one gave 我国. For finding the figure that
    replaced another (verdict.latest_since); the values and periods decide nothing here."""
    if identity.subject.outcome != UNKNOWN or identity.metric.outcome != SAME or identity.modality.outcome != SAME:
        return False
    if not (_unnamed(a) and _unnamed(b)) or a.subject_kind in STANDING_KINDS or b.subject_kind in STANDING_KINDS:
        return False
    if a.unit in _DURATIONS or b.unit in _DURATIONS or any(_PAIR_UNNAMED.search(c.plain_sentence) for c in (a, b)):
        return False  # 以两国建交30周年为契机: two countries' anniversary, each pair's own, not one series
    if any(_places_named(c.plain_sentence) or _LOCAL.search(c.plain_sentence) or against_country(c.plain_sentence)
           for c in (a, b)):
        return False  # 全省, 浙江, 高出全国1.8个百分点: a part of the country, named or not
    if any(_FIRM_REFERENT.search(c.plain_paragraph) for c in (a, b)):
        return False  # 该公司累计筹集资金…形成新增隐性债务4.32亿元: some company's, not the country's series
    key = _CHANGE.sub("", metric_key(a.metric))
    return (len(key) >= UNNAMED_METRIC_MIN and not company_measure(a.metric) and not daily_measure(a.metric)
            and not a_change(a) and not a_change(b))


# 目标价180港元: an analyst's target price, a prediction its broker makes, like any 预测.
_PREDICTION = re.compile(r"预计|预测|有望|目标价|(?<![于超及合出])预[期估]")


def _over(c: Claim) -> bool:
    """An outcome of a period over when it was written, or a plan (安排, 计划, a March report's year): not a
    prediction anyone may make (预计, 有望, 预期), nor a figure of a period still running."""
    if c.period is None or c.published is None:
        return False
    kind = modality(c)
    if kind == OUTCOME:
        return c.period.end <= c.published
    if kind != FORECAST:
        return False
    found = _modality_word(c)
    return found is None or not _PREDICTION.fullmatch(found[0])


_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,}")


# Who reports the figure (央行数据显示，, 据海关统计，): not what it is about.
_REPORTED = re.compile(r"(?:^|(?<=[，。；：]))[^，。；：]{0,16}?(?:数据显示|统计显示|消息|表示|介绍|指出|称|获悉)[，：:]?|据[^，。；]{0,16}[，]")


_COUNTRY_WORDS = re.compile(r"全国|我国|国内")
_FROM_PER = re.compile(r"[从由](?=(?:人均|每人)?每)")
FULL_MEASURE_MIN = 6  # a measure named this fully (农村贫困人口减少, 中央本级基础研究支出) in its own clause


def _heads_shared(a: Claim, b: Claim) -> bool:
    """What a's sentence says before its figure, its measure, period and attribution aside, b's paragraph
    says too: 岚图汽车5月交付新车 is not 理想汽车5月交付新车, nor 王文浩位列兴业股份第三大股东，持股比例为
    another holder's 持股比例, though the recogniser knows none of these names."""
    sentence, at = a.plain_sentence, a.at()
    start = _clause_start(sentence, at)
    if len(_CHANGE.sub("", metric_key(a.metric))) >= FULL_MEASURE_MIN and not company_measure(a.metric):
        # 精准脱贫有力推进，农村贫困人口减少1386万: a national measure named this fully in the figure's own
        # clause leaves no room for another body; the clauses before are the report's heading or its
        # other points. Not a company's (快手第一季度总营业收入达到337亿元，经调整净利润…): every company has one.
        sentence, at = sentence[start:], at - start
    head = _FROM_PER.sub("", _REPORTED.sub(" ", sentence[:at]))  # 最低标准从每月70元: the metric drops 从
    for said in (a.metric, a.period.label if a.period else "", a.counted):
        if said:
            head = head.replace(said, " ")
    # 计划, 预计, 前值: how, not whose (after the metric, which may hold them: …转移支付将增长)
    head = _MODALITY.sub(" ", head)
    if a.subject_kind == NATIONAL:
        head = _COUNTRY_WORDS.sub(" ", head)  # 眼下全国各类市场主体: whom is the subject check's question
    return all(not key or key in b.plain_paragraph for key in map(metric_key, _RUN.findall(head)))


def standing(a: Claim, b: Claim) -> bool:
    """Both about one organisation or a body the newsroom configured, so undated figures are comparable."""
    return a.subject_kind in STANDING_KINDS and b.subject_kind in STANDING_KINDS


_SPANS = ("年", "周年")
# 中法建交60周年 (or a pair of countries' 60年来) all year; not 近40年来新低, which another day's low may equal.
_ANNIVERSARY = re.compile(r"周年|建交|外交关系|成立|诞辰|纪念|解放|胜利|回归|建党|建国|建院|建校")


def _in_its_year(c: Claim) -> bool:
    """Undated, or dated within the year it was published in; not one still to come (即将迎来中俄建交75周年 in
    December: next year's)."""
    if c.unit == "周年" and _COMING.search(c.plain_sentence, max(0, c.at() - COMING_REACH), c.at()):
        return False
    p = c.period
    return p is None or (c.published is not None and p.start.year == p.end.year == c.published.year)


COMING_REACH = 20
_COMING = re.compile(r"(?:即将|将要|将|明年)(?:迎来|到来|迎接)[^，。；]*$")


_RESULTS = re.compile(r"财报|业绩|季报|年报|中报|半年报|季度|营收|净利润|经营利润|现金流|会计准则")


def _results_told(c: Claim) -> bool:
    """The figure's paragraph reads as a results release: a period's flows, not the body as it is."""
    return bool(_RESULTS.search(c.plain_paragraph))


def timeless(a: Claim, b: Claim) -> bool:
    """Undated figures that hold beyond their article's day: an organisation's, a measure of a body as it
    is (员工, 面积, 全长), or a span of years within one year (中法建交60周年 in February and in May);
    any other undated figure is a fact as of its article."""
    if standing_measure(a.metric) and standing_measure(b.metric):
        return True
    if daily_measure(a.metric) or daily_measure(b.metric):
        return False  # 东山精密净卖出超31亿, 回购654.8万股: a day's trading, whoever trades
    if (company_measure(a.metric) or company_measure(b.metric)) and _results_told(a) and _results_told(b):
        # 阿里巴巴…经营利润335.84亿元 in November's results, 225.11亿元 in February's: each release's quarter.
        return False
    if standing(a, b):
        return True
    if {a.subject_kind, b.subject_kind} & set(STANDING_KINDS) and not (a.subject and b.subject):
        return True  # 毕业生就业率连续多年稳定在96.2% copied without its 学院: the organisation's standing figure
    return (a.unit in _SPANS and b.unit in _SPANS and a.published is not None and b.published is not None
            and a.published.year == b.published.year
            and all(c.unit == "周年" or c.subject_kind == PAIR or _ANNIVERSARY.search(c.plain_paragraph) for c in (a, b)))


def supports(
    identity: Identity, verbatim: bool, equal_value: bool = False, reworded: bool = False, both_standing: bool = False
) -> bool:
    """Enough to call the figures one fact when they agree: same metric, no other subject or period.

    An unnamed subject passes only in a sentence copied near word for word
    (`verbatim`), or `reworded` from the source's paragraph with the very
    same value. A metric worded differently (增设老街…充电点 for 老街新增…充电点)
    passes only for one organisation (`both_standing`), beside the very same
    value: an organisation has few figures of a kind, where a country's 早稻总产量
    and 晚稻总产量 are one character apart.
    """
    if identity.period.outcome == DIFFERENT or (identity.period.outcome == UNKNOWN and identity.period_is_a_day):
        return False
    if identity.modality.outcome != SAME or identity.aged:
        return False
    if not both_standing:
        if not (identity.specific or verbatim):
            return False  # 31个省 组建数据管理机构 is not 31个省 出台实施细则
        if identity.period.outcome in (UNKNOWN, UNDATED, RUNNING) and not equal_value:
            return False  # 超9476万例 and 超过9千万: a running count on two days, not one figure rounded
        if identity.period.outcome == SAME and identity.running and not equal_value:
            return False  # 年度票房近238亿元 on 7 August, 超172亿元 on 28 June: this year's running total twice
    metric = identity.metric.outcome
    if identity.subject.outcome == SAME:
        # 早稻总产量 and 晚稻总产量 are one character apart: for a country, worded apart is different.
        return metric == SAME or (equal_value and both_standing and metric in (SIMILAR, RELATED))
    if identity.subject.outcome != UNKNOWN or identity.named_apart:
        return False
    if identity.period.outcome == RUNNING:
        return False  # 截至目前，南向资金净卖出额达20亿港元 on two days: only a named body's figure carries over
    if identity.prediction and not verbatim:
        return False  # 预计2026年通胀率为3%: whose prediction, the draft does not say
    if metric == SAME:
        # A paraphrase vouches for the body only where it names a measure: 约10分钟后，飞船与火箭
        # 成功分离 is in every launch story.
        if identity.unnamed_national and equal_value and identity.metric_named and identity.period.outcome == SAME:
            return True  # 2020年减免社保费1.7万亿元: a national measure, for the very period, stated alike
        if identity.carried_apart and not equal_value:
            return False
        if identity.carried_apart and identity.template_apart and not verbatim:
            # 建交30年来，中阿关系… and 建交30年来，中乌关系…, each under its story's pair of countries: a template of
            # bilateral stories, one fact only in a sentence copied word for word.
            return False
        return verbatim or (reworded and equal_value and identity.metric_named)
    return metric == SIMILAR and equal_value and reworded and both_standing


SHORT_METRIC = 2  # a metric this short (国家, 项目) says little: the clauses around must agree as well
CONTEXT_MIN = 70.0  # …this much (rapidfuzz ratio of the clauses, figures masked)
SHORT_CLAUSE = 8  # a clause shorter than this is compared by its whole sentence


def same_scope(a: Claim, b: Claim) -> bool:
    """Neither is a part of a larger figure, or both are parts of the same one.

    服务进出口总额…。其中，出口26015亿元 and 货物贸易进出口…。其中，出口19.95万亿元 are
    both 出口, of different wholes.
    """
    if not a.part_of and not b.part_of:
        return True
    if not (a.part_of and b.part_of):
        return False
    relation = compare_metrics(a.part_of, b.part_of)
    if relation == SIMILAR:
        # 服务进出口总额 against 外贸进出口总值 (进出口): a kind of the other whole, so another whole.
        short, long = sorted((metric_key(a.part_of), metric_key(b.part_of)), key=len)
        return not (len(long) > len(short) and long.endswith(short))
    return relation == SAME and not wholes_apart(a, b)


def _whole_given(c: Claim) -> Quantity | None:
    """The whole a part's own sentence gives before its 其中 (造成3人死亡，其中包括2名儿童: 3人)."""
    sentence, at = c.plain_sentence, c.at()
    cut = sentence.rfind("其中", 0, at)
    return _last_level(find_quantities(sentence[:cut])) if cut >= 0 else None


def _last_level(quantities: Iterable[Quantity]) -> Quantity | None:
    """The last of the figures that is a level, not a rate (%, points, a multiple)."""
    levels = [q for q in quantities if q.unit not in ("%", "pp", "x")]
    return levels[-1] if levels else None


def _values_apart(x: Quantity, y: Quantity) -> bool:
    """Two levels of one kind of unit whose values differ past either's printed precision."""
    return unit_group(x.unit) == unit_group(y.unit) and abs(x.value - y.value) > max(x.precision, y.precision)


def wholes_apart(a: Claim, b: Claim) -> bool:
    """Parts of wholes their sentences give with other values: 3人死亡，其中包括2名儿童 in one town and 8人死亡，
    其中包括两名儿童 across the country are two breakdowns, whatever their parts say."""
    x, y = _whole_given(a), _whole_given(b)
    return x is not None and y is not None and _values_apart(x, y)


def corroborated(draft: Claim, stored: Claim) -> bool:
    """The draft states the part the source breaks out: another figure of its sentence is one of the source's
    clause run (我国进口7.27万亿元，同比下降8.3% against 其中…进口7.27万亿元，下降3.8%), so the unqualified
    进口 of the draft is that part, and not a sibling of another whole (服务进口)."""
    mine = {(q.value, unit_group(q.unit)) for q in find_quantities(draft.plain_sentence) if q.text != draft.plain_text}
    if not mine:
        return False
    sentence, at = stored.plain_sentence, stored.at()
    start = max(sentence.rfind(ch, 0, at) for ch in "。；;") + 1
    end = min((i for i in (sentence.find(ch, at) for ch in "。；;") if i >= 0), default=len(sentence))
    theirs = {(q.value, unit_group(q.unit)) for q in find_quantities(sentence[start:end]) if q.text != stored.plain_text}
    return bool(mine & theirs)

_CHANGE = re.compile(r"增长|下降|上升|增加|减少|提高|提升|回落|加快|放缓|扩大|缩小|收窄|收缩|较上月|比上月|环比|同比|名义|实际")


_SHARE_OF = re.compile(r"占.*$")


# 采矿业、制造业分别增长26.0%、20.4%: a sector is what is measured about, not the measure (利润? 销售收入?).
_SECTOR_ONLY = re.compile(
    r"^.{0,6}?(?:工业|制造业|采矿业|服务业|农业|林业|牧业|渔业|建筑业|批发业|零售业|餐饮业|住宿业|金融业|房地产业|产业|行业)$"
)


# How a change is reckoned (比上年, 平均每年, 扣除物价因素), which names no measure of its own.
_RECKONED = re.compile(
    r"[比较][上前]一年|比上年|较上年|比去年|较去年|比上月|较上月|同期|平均每年|每年平均|年均|扣除物价因素|按可比价格计算|实际|名义"
    # 与去年春节相比增长, 较年初增长, 比上年末: a change against a base, of what the clause before names
    r"|[与和同][^，。；与和同]{0,8}?相比|^[^，。；]{0,4}相比|[比较](?:年初|上年末|上月末|去年末|上年底|去年底)"
    r"|回升|回暖|反弹|下滑|增速"  # 增速回升1.1个百分点: which growth rate rose?
    # 约为去年同期的95%, 恢复到去年同期的87%: a level against its base, of the measure the clause before named
    r"|(?:约为|约|为|相当于|恢复到|恢复至|达到|达|是)?(?:去年|上年|往年)同期(?:水平)?"
)


_ON_PERIOD_BEFORE = re.compile(
    r"环比|(?:比|较)(?:上月|上周|上季|前一|(?:\d{1,2}|#)月|[一二三四]季度)末?(?:上升|下降|增加|减少|增长|回落|扩大|收窄)"
)


def a_change(c: Claim) -> bool:
    """A change on the period before (较2月末上升506亿美元, 环比): of that month only, never a stock a later
    one replaces; a year-on-year rate of a stock (余额同比增长24.41%) moves on with the stock."""
    if _ON_PERIOD_BEFORE.search(c.metric) or _ON_PERIOD_BEFORE.search(clause_of(c)):
        return True
    # 较5月末上升322亿美元，升幅为0.98%: the rate of the change just stated.
    return bool(_AMPLITUDE.search(c.metric) and _ON_PERIOD_BEFORE.search(c.plain_sentence, 0, c.at()))


_AMPLITUDE = re.compile(r"[升降增涨跌]幅")


def _names_a_measure(metric: str) -> bool:
    """Something is named besides a change (增长), the whole a share is of (占GDP的比重 of what?), how the
    change is reckoned (比上年增加, 平均每年增长: of what?) or a sector."""
    rest = _RECKONED.sub("", _CHANGE.sub("", _SHARE_OF.sub("", metric_key(metric))))
    rest = _A_RUN.sub("", rest)  # 连续下降: a run of years of what?
    if _PROGRESS_ONLY.fullmatch(rest):
        return False  # 进度已过四成: the autumn harvest's or the wheat's, only the clause before says
    return len(rest) >= 1 and rest != "比" and not _SECTOR_ONLY.match(rest)  # 同比分别增长: a list's change of what?


_A_RUN = re.compile(r"^(?:已经?|已)?连续|持续|逐年")
_PROGRESS_ONLY = re.compile(r"(?:整体|总体|总)?(?:进度|进展|完成率)(?:已经?)?(?:过|超过?|达到?|为)?")
_SPAN_ONLY = re.compile(r"间|来|前|里|以来|之间")  # 9年间, 60年来: a span and its direction, no measure


def still_running(stored: Claim, draft: Claim) -> bool:
    """The source printed a figure for a period not yet over, and the draft is later: an update.

    成都世运会共设…255个小项 in April, 256个 in August: the count for 2025 changed while
    2025 ran. A target (力争, 计划) is a statement made once, so it is not exempt.
    """
    p = stored.period
    if p is None or stored.published is None or draft.published is None or forecast(stored):
        return False  # a plan or target (力争, 安排) is stated once
    if p.start > stored.published and modality(stored) == FORECAST:
        return False  # 到2030年…年均增长5.2%以上: a target for a period not yet begun, stated once too
    if forecast(draft) and modality(stored) == FORECAST:
        return False  # 2021年计划新开工改造…3.5万个 against a March report's year ahead: the plan, stated once
    return p.end > stored.published and draft.published > stored.published


RANGE_MAX = 3  # a level figure this many times another is another scope, not a slip of the keyboard


def same_range(a: Claim | Quantity, b: Claim | Quantity) -> bool:
    """超2.8万家 exhibitors against the 超4900家 of the new sections: a mistyped or outdated figure is
    within a factor of three of the right one (98→89, 1900→2000余), another scope seldom is.
    Rates are exempt: 37.7%→27.7% is a typo, and growth rates range widely anyway."""
    if a.unit in ("%", "pp", "x") or not a.value or not b.value:
        return True
    lo, hi = sorted((abs(a.value), abs(b.value)))
    return hi <= lo * RANGE_MAX


# 新中国成立75年来, 协会成立70年来: a span since an event, which 成立来 does not name.
_SINCE = re.compile(r"(?:成立|建立|创立|创办|召开|实施|开展|发表|以来|来|前|后)$")


def _measure_key(c: Claim) -> str:
    key = metric_key(c.metric)
    if c.unit in _SPAN_UNITS:
        for _ in range(3):
            key = _SINCE.sub("", key)
    return key


def _share_of_whole(c: Claim) -> bool:
    """The figure is a share (占…的57.1%) whose metric names the whole it is a share of, and no body is named
    for the part (民营企业…占我国进出口总值的57.1%); 粤港澳大湾区…占全国进出口总值的20.1% names its part."""
    clause = clause_of(c)
    return ("占" in clause and "占" not in c.metric and c.unit == "%" and bool(c.metric)
            and c.metric in clause.split("占", 1)[-1] and c.subject_kind in (NATIONAL, ""))


def specific(a: Claim, b: Claim) -> bool:
    """The metric says enough, or the clauses around it agree: 76个国家 免签 is not 17个国家 获奖.

    For one organisation a short metric is enough (津上精密's 增资, 易达精密's 产值): it has few
    figures of a kind, where a country has thousands.
    """
    if not (_names_a_measure(a.metric) and _names_a_measure(b.metric)):
        return False  # 上升, 增长: a change of something the clause never names
    if (any(_SPAN_ONLY.fullmatch(metric_key(c.metric)) for c in (a, b))
            and not a.subject_kind == b.subject_kind == PAIR):
        # 9年间，他把所有精力投入盒马 and 10年间，俞永福在阿里管过…: two people's years, under one company; only
        # two countries' 60年来 is one relation's span.
        return False
    if any(_PAIR_UNNAMED.search(c.metric) and c.subject_kind != PAIR for c in (a, b)):
        return False  # 庆祝两国建交40周年 with 玻利维亚 unknown to the gazetteer: which two, the measure does not say
    if _share_of_whole(a) or _share_of_whole(b):
        return False  # 占我国进出口总值的57.1%: a part's share, and the metric names only the whole
    if standing(a, b) or a.subject_kind == b.subject_kind == PAIR:
        return True  # an organisation's 产值, 中法's 60 years: the body narrows the metric enough
    if len(_measure_key(a)) > SHORT_METRIC and len(_measure_key(b)) > SHORT_METRIC:
        return True
    if _qualified_by_its_paragraph(a, b) or _qualified_by_its_paragraph(b, a):
        return True  # 出口13166台 in a paragraph on 挖掘机, against 挖掘机出口13616台: the paragraph names the rest
    ca, cb = clause_of(a), clause_of(b)
    if min(len(ca), len(cb)) < SHORT_CLAUSE or _ANAPHORIC.match(a.metric) or _ANAPHORIC.match(b.metric):
        # 10年来， alone before the comma says nothing: the sentences must agree instead.
        ca, cb = mask_numbers(a.plain_sentence), mask_numbers(b.plain_sentence)
    return fuzz.ratio(ca, cb) >= CONTEXT_MIN


def _qualified_by_its_paragraph(short: Claim, long: Claim) -> bool:
    """`short`'s bare measure (出口) is `long`'s (挖掘机出口) less a qualifier its own paragraph names before it."""
    ks, kl = _measure_key(short), _measure_key(long)
    return (len(ks) == SHORT_METRIC and len(kl) > len(ks) + 1 and kl.endswith(ks)
            and compare_metrics(short.metric, long.metric, so_far_said(short), "") == SAME)


_CLAUSE_END = re.compile(r"[，。；！？,;]")
# 行业总产值, 该行业…, 其产值: the measure points back to an industry or body named earlier in the sentence
# (锂电池产业…行业总产值 is not 多晶硅、硅片…行业总产值), so the sentences must agree, not only the clauses.
_ANAPHORIC = re.compile(r"(?:全?行业|产业|该|其|此)")


def _clause_start(sentence: str, at: int) -> int:
    return max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, at)), default=0)


@lru_cache(maxsize=1 << 14)
def _clause(sentence: str, text: str, at: int) -> str:
    end = _CLAUSE_END.search(sentence, at + len(text))
    return mask_numbers(sentence[_clause_start(sentence, at) : end.start() if end else len(sentence)])


def clause_of(c: Claim) -> str:
    """The whole clause a figure stands in, both sides of it, figures masked: 31个省…组建数据管理机构."""
    return _clause(c.plain_sentence, c.plain_text, c.at())


_CONSENSUS = re.compile(r"(?<![于超及合出])预[期估]")
# A data release, which may revise an earlier one: its previous reading, or the consensus it is set against
# (预估为1.4%); not an outcome compared with the consensus (高于市场预估, 符合预期).
_REPORT_OUT = re.compile(r"(?:公布|发布|发表)了?[^。，]{0,12}?(?:半年报|年报|季报|公报|统计报告|白皮书)")
_RELEASE = re.compile(
    r"前值|修正|初值|终值|(?<![超于合及])(?<!不及)(?<!超出)(?<!于市场)(?<!合市场)(?<!及市场)(?<!超市场)(?<!出市场)预[期估]"
)


# 初步统计结果显示…降幅为2.0%, 初步核算, 快报: a first estimate, which a later release may revise.
_PRELIMINARY = re.compile(r"初值|初步(?:统计|核算|测算|估算|估计|数据|结果)|快报|预估值|初次(?:公布|发布|估算)")


def preliminary(c: Claim) -> bool:
    """Given as a first estimate (初步统计, 初值, 快报): a later release of the same figure may revise it."""
    return bool(_PRELIMINARY.search(c.plain_sentence))


def speaker(c: Claim) -> str:
    """Who the figure's paragraph cites (国家统计局, 海关总署…), "" when it names no agency: one series."""
    m = gazetteer().agency_re.search(c.plain_paragraph)
    return m.group() if m else ""


def release(c: Claim) -> bool:
    """A data release that may revise an earlier one (its 前值, a consensus it is set against)."""
    return bool(_RELEASE.search(c.plain_sentence))


def consensus(c: Claim) -> bool:
    """A market's forecast of a release (预期1.1%, 预估为3.0%), made afresh before each release."""
    found = _modality_word(c)
    return found is not None and bool(_CONSENSUS.fullmatch(found[0]))


_ANAPHOR = re.compile(r"^(?:该|其|此|这|上述|他|她|它)")
_DATELINE = re.compile(r"^.*?电[，,]?|^据")


_ACCORDING_TO = re.compile(r"^(?:根据|依据|按照|据)|的$")


def predictor(c: Claim) -> str:
    """Who makes the prediction: the first words of its clause before 预计/预测 (花旗, 高盛), "" when the clause
    names none or points back (该券商, 其)."""
    sentence, at = c.plain_sentence, c.at()
    found = None
    for m in _PREDICTION.finditer(sentence, 0, at):
        found = m
    if found is None:
        return ""
    who = _DATELINE.sub("", sentence[_clause_start(sentence, found.start()) : found.start()]).strip()
    who = _ACCORDING_TO.sub("", who)  # 根据摩根大通的预计, 据花旗预测: the maker, after the word that cites it
    if not who and c.subject and c.subject_kind in STANDING_KINDS:
        return c.subject[:2]  # 亿纬锂能（300014.SZ）公告，预计上半年…: the company forecasts its own results
    return "" if not who or _ANAPHOR.match(who) else who[:2]


def made(c: Claim) -> bool:
    """Predicted by someone in so many words (预计, 预测): not a release's consensus (预期, 预估), which is one
    for everyone who quotes it."""
    found = _modality_word(c)
    if found is not None and found[0] in ("预计", "预测", "有望", "目标价"):
        return True
    # 报告预计中国经济将增长5.2%: the nearest word (将) says it is ahead; the clause's 预计 says someone made it.
    sentence, at = c.plain_sentence, c.at()
    return found is not None and bool(_MADE.search(sentence, _clause_start(sentence, at), at))


_MADE = re.compile(r"预计|预测")


def same_predictor(a: Claim, b: Claim) -> bool:
    return bool(predictor(a)) and predictor(a) == predictor(b)


def predicted(c: Claim) -> bool:
    """Predicted in so many words (预计, 预测, 有望, 预期): a statement of its day, not a plan's figure."""
    found = _modality_word(c)
    if found is not None and _PREDICTION.fullmatch(found[0]):
        return True
    # 国际货币基金组织预测今年中国经济将增长5.2%: the nearest word (将增长) says it is ahead; the clause's 预测 says
    # whose forecast it is, and a forecast on another day is made afresh.
    sentence, at = c.plain_sentence, c.at()
    return found is not None and bool(_PREDICTS.search(sentence, _clause_start(sentence, at), at))


_PLANS = re.compile(r"计划|规划|拟|力争|争取|目标")


def planned(c: Claim) -> bool:
    """Said as its maker's plan (计划, 拟, 力争, 目标): the nearest word of modality before the figure."""
    found = _modality_word(c)
    return found is not None and bool(_PLANS.fullmatch(found[0]))


_PREDICTS = re.compile(r"预计|预测")  # verbs of predicting; 预期 is also a plan's (预期目标)


_CENTRAL = re.compile(r"中央(?:一般公共预算|本级|政府性基金|国有资本经营|财政收入|财政支出)")


def _central(c: Claim) -> bool:
    """The figure's paragraph opens on the central government's budget (从中央一般公共预算…看), or its sentence
    names it before the figure (中央对地方…转移支付, 中央本级): a report's long paragraphs name 中央财政 in passing."""
    return bool(_CENTRAL.search(c.plain_paragraph, 0, CENTRAL_LEAD) or _CENTRAL_NAMED.search(c.plain_sentence, 0, c.at()))


_CENTRAL_NAMED = re.compile(r"中央(?:对地方|本级|一般公共预算)")


CENTRAL_LEAD = 12  # 从中央一般公共预算主要收入项目…看: a paragraph about the central budget says so at its head


_TOTAL_OF = re.compile(r"([\u4e00-\u9fff]{2,10}?)(?:数量)?(?:近|超过?|约|达|为|有)?[\d.]+万?(?:家|个|名|户|所|座)[，,]"
                       r"(?:合计|共计|总计)")


def _total_of(c: Claim) -> str:
    """What the figure totals, counted just before it (…民营企业数量近4.7万家，合计进出口…), else ""."""
    found = max(_TOTAL_OF.finditer(c.plain_sentence, 0, c.at()), key=lambda m: m.start(), default=None)
    if found is None or c.at() - found.end() > TOTAL_REACH or len(_CLAUSE_END.findall(c.plain_sentence, found.end(), c.at())) > 1:
        return ""
    return found.group(1).rsplit("的", 1)[-1]


TOTAL_REACH = 24  # 合计进出口3.16万亿元，同比增长24.2%: the total and the rate of its change, a clause apart at most


def scope_apart(draft: Claim, stored: Claim) -> str:
    """Why two figures of one named measure are of different scopes, though subject, metric and period agree
    ("" when nothing says so): what a list is of, an unnamed local whole, a campaign. No alarm rests on such a
    pair, and no newer figure makes the other stale.
    """
    heads = _list_head(draft), _list_head(stored)
    if all(heads) and _owners_apart(*heads):
        # 7项社保基金预算执行总收入8.1万亿元，总支出7.5万亿元 and 三项社会保险基金总收入…，总支出5.41万亿元: the
        # 总支出 of the fund each list is about, and the lists are about two sets of funds.
        return f"a list of {heads[1]}'s figures in the source, of {heads[0]}'s in the draft"
    if (len(metric_key(draft.metric)) <= SHORT_LIST_METRIC and not {draft.subject_kind, stored.subject_kind} & set(STANDING_KINDS)
            and lists_apart(draft, stored)):
        # 营养膳食补助惠及学生4060.82万人，投入资金290.28亿元 and 社会组织开展了6.2万个扶贫项目，投入资金超过600亿元:
        # a bare measure after other figures is of what its sentence opened on, and the two opened on different things.
        return "a bare measure after other figures, in sentences that open on different things"
    local = _unnamed_local(draft) or _unnamed_local(stored)
    if local:
        # 全县贫困发生率从…54.36%… in a story about 广西, 去年全省固定资产投资增长9.3% read as the country's: the
        # county, city or province the sentence means is not the body the figure was given.
        return f"about the {local[1:]} its sentence calls {local}, which it does not name"
    parents = _index_named_before(draft), _index_named_before(stored)
    if all(parents) and metric_key(parents[0]) != metric_key(parents[1]):
        # 物流业景气指数为53.5%…。新订单指数为53.3% against 制造业采购经理指数…新订单指数为50.5%: a sub-index is
        # of the index its paragraph named first.
        return f"a sub-index of {parents[1]} in the source, of {parents[0]} in the draft"
    central = _central(draft), _central(stored)
    if central[0] != central[1]:
        # 从中央一般公共预算主要收入项目…看，…个人所得税8865.28亿元 against the country's 个人所得税14775亿元: the
        # central government's budget is a part of the country's.
        return f"the central government's budget ({'draft' if central[0] else 'source'}), not the country's"
    for x, y, side in ((draft, stored, "draft"), (stored, draft, "source")):
        counted = _total_of(x)
        if counted and counted not in y.plain_sentence:
            # 民营企业数量近4.7万家，合计进出口3.16万亿元 against 深圳市进出口额…突破4万亿元: the firms' total, not
            # the city's.
            return f"the total of {counted} counted before it in the {side}, which the other does not name"
    stages = _stage(draft), _stage(stored)
    if all(stages) and stages[0] != stages[1]:
        # 上市前…合计控制98%的股份 against 发行上市完成后…仍将合计控制72.70%: before and after an event, two states.
        return f"{stages[1]} in the source, {stages[0]} in the draft"
    accused = _accused(draft), _accused(stored)
    if all(accused) and accused[0] != accused[1]:
        # 判处被告人王某某有期徒刑三年，并处罚金人民币五万元 and 判处吴某娟有期徒刑三年，并处罚金人民币五万元: a
        # sentence is its defendant's, however alike two courts word it.
        return f"the sentence of another defendant ({accused[1]}, {accused[0]})"
    if (draft.published and stored.published and draft.published != stored.published
            and _THIS_EVENT.search(draft.plain_sentence) and _THIS_EVENT.search(stored.plain_sentence)):
        # 震中周边200公里内近5年来发生3级以上地震共308次…（距离本次震中103公里） on 1 December, 135次 and 247公里
        # in September: each article's 本次 is its own event (two quakes), whatever the template shares.
        return "each article's own event (本次, 此次), told on different days"
    if (draft.published and stored.published and draft.published != stored.published
            and any(_RECENT_BATCH.search(c.plain_sentence, 0, c.at()) for c in (draft, stored))):
        # 近日，恒大地产…新增14则被执行人信息，被执行金额合计22亿余元 on 11 September, 36亿余元 on the 5th: each
        # article's batch of what was added of late, not one running total.
        return "what was added of late (近日…新增), told on different days: two batches"
    campaigns = _campaign(draft), _campaign(stored)
    if any(campaigns) and not (all(campaigns) and fuzz.partial_ratio(*campaigns) >= SIMILAR_CAMPAIGN):
        # 开展专项整治，严查保健品虚假宣传…，罚没金额1.035亿元 and 重点围绕化肥行业掺杂掺假…违法行为…，罚没金额
        # 5000余万元: one regulator's year, two campaigns; what a campaign counts is that campaign's.
        return f"the count of a campaign ({campaigns[1] or campaigns[0]}) the other does not name"
    return ""


def _within_bound(exact: Claim, bound: Claim) -> bool:
    """An exact figure on the open side of the other's lower or upper bound (53.1% and 30%以上)."""
    if exact.qualifier != EXACT or bound.qualifier not in (AT_LEAST, AT_MOST):
        return False
    lo, hi = bound.interval()
    return (lo is None or exact.value >= lo) and (hi is None or exact.value <= hi)


def _nested(coarse: Claim, fine: Claim) -> bool:
    """Both given as 余/多 (a little more than), the finer one's range inside the coarser one's."""
    if not (coarse.qualifier == fine.qualifier == ABOVE):
        return False
    c, f = coarse.interval(), fine.interval()
    if c[0] is None or c[1] is None or f[0] is None or f[1] is None:
        return False
    return c[0] <= f[0] and f[1] <= c[1] and c[1] - c[0] > f[1] - f[0]


CLOSE_ENOUGH = Decimal("0.0001")  # two printings of one figure this close differ in rounding, not in fact


ROUND_ZEROS = 2  # 200, 3000: zeros this many may be rounding; not 20% for 23%, a rate printed to its digit
ROUNDED_WITHIN = Decimal("0.02")  # …and only this close: 200 for 203, not for 210


def _rounded_off(draft: Claim, stored: Claim) -> bool:
    """The draft's round figure (200亿美元) is the source's exact one (203亿美元) rounded to its zeros."""
    if draft.qualifier != EXACT or stored.qualifier != EXACT or draft.unit != stored.unit or draft.unit == "%":
        return False
    zeros, unit = round_zeros(draft)
    if zeros < ROUND_ZEROS:
        return False
    step = unit * Decimal(10) ** zeros
    gap = abs(stored.value - draft.value)
    return gap < step / 2 and gap <= abs(draft.value) * ROUNDED_WITHIN  # not 3000 for 2500: a wrong figure


def _later_period_beside(c: Claim) -> bool:
    """The figure's sentence names a period after its own: it is restated in a later release."""
    if c.period is None or c.published is None:
        return False
    return any(m.period.start > c.period.end and not m.base for m in find_periods(c.plain_sentence, c.published))


def no_alarm(identity: Identity, draft: Claim, stored: Claim) -> str:
    """Why one named fact with another value raises no alarm, said for the editor ("" when it would)."""
    if draft.value == stored.value:
        # the very rate, told with another level: why it did not vouch (verdict's support), not why no alarm
        told, source = _level_changed(draft), _level_changed(stored)
        if told is not None and source is not None and _levels_disagree(told, source):
            return f"the levels told with the rates differ ({source.text} in the source, {told.text} in the draft): another total"
    if (draft.published != stored.published and identity.period.outcome == UNDATED
            and (as_of_article(draft) or as_of_article(stored))):
        # 目前已有来自97个国家的204家媒体 in October, 98 and 205 in February: a body's standing count, which a side
        # says is as of its own day, may have moved between the two.
        return f"a count as of its day ({stored.published} in the source, {draft.published} in the draft): it may have moved"
    if (draft.value and stored.value and draft.unit == stored.unit
            and abs(draft.value - stored.value) <= abs(stored.value) * CLOSE_ENOUGH):
        # 地方一般公共预算支出236354.42亿元 in March's budget report, 236355亿元 in January's release: a figure
        # restated to more digits, or revised in its last one; no slip of the pen lands this close.
        return f"{draft.text} and {stored.text} differ by less than {CLOSE_ENOUGH:%}: rounding or a revision"
    if draft.unit in _SPAN_UNITS and (_TENURE.search(draft.metric) or _TENURE.search(stored.metric)):
        # 先后在中国人民银行工作近12年 and 邢本秀曾在中国人民银行工作近15年: a career is its person's, and the body
        # worked at is where, not whose.
        return f"years someone served ({draft.text}, {stored.text}): each its own person's"
    if draft.unit == stored.unit == "岁" and not _one_persons_age(draft, stored):
        # 现年59岁的贝索斯 and 现年76岁的辛顿, both under a carried 人工智能初创: an age is its person's, named
        # beside it; a subject carried from elsewhere says nothing of whose it is.
        return f"ages of people named apart ({draft.text}, {stored.text})"
    start = start_of_change(stored)
    if start is not None and draft.unit == start.unit and start.value > 0:
        # an open bound (逾70%, 不到70%) reaches as far as its neighbourhood
        low = start.low if start.low is not None else start.value / NEIGHBOURHOOD
        high = start.high if start.high is not None else start.value * NEIGHBOURHOOD
        if low <= draft.value <= high:
            # 在此之前，大连万达商管持有珠海万达商管70.15%的股份 against 持有…股份由逾70%降至40%: the draft gives the
            # level the source's change started from, the state before it.
            return f"{draft.text} is the level {stored.text} changed from ({start.text}): the state before"
    if holdings_apart(draft, stored):
        # 新达盟由大连万达商管持股99.9938% and 大连万达商管持有珠海万达商管…总计持股60%: stakes in two companies.
        return f"stakes in different companies ({held(stored)}, {held(draft)})"
    if named_just_before(draft) or named_just_before(stored):
        # 这5家公司分别是… and 此两家公司正是…的主体: each counts a set its own text has just named; which set is
        # the text's, and two texts may mean two.
        return f"a count of a set its text has just named ({draft.text}, {stored.text}): the sets may differ"
    if _within_bound(draft, stored) or _within_bound(stored, draft):
        # 充电桩…产量分别增长…53.1% against 新能源汽车、充电桩等新能源产品产量增长30%以上: inside the bound, both hold.
        return f"{draft.text} and {stored.text}: one inside the other's bound, both may hold"
    if _nested(draft, stored) or _nested(stored, draft):
        # 一百余名师生 and 130余名师生 of one poisoning: 130-odd is one of the hundred-odd, printed finer.
        return f"{draft.text} and {stored.text}: one bound inside the other, both may hold"
    if _rounded_off(draft, stored):
        # 中国3月增持美债200亿美元 in a headline, 203亿美元 in the story: a round figure may be the other rounded.
        return f"{draft.text} may be {stored.text} rounded: a round figure, as headlines print them"
    if draft.qualifier == stored.qualifier == AT_LEAST and (_milestone(draft) or _milestone(stored)):
        # 双边贸易额再破1000亿美元 and 超过了1100亿美元: a mark passed and a figure past it both hold. (超55亿元
        # for 超45亿元, neither a mark, is a threshold copied and changed.)
        return f"two lower bounds, one a mark passed ({stored.text}, {draft.text}): both may hold"
    if draft.published != stored.published and (consensus(draft) or consensus(stored)):
        return "a forecast (预期) for another release: each release is forecast afresh"
    if draft.published != stored.published and (predicted(draft) or predicted(stored)):
        # 泰国商务部预计…1.5%-2.5% and 泰国央行…预计…3%: whoever predicts, on whatever day, predicts anew.
        return "a prediction (预计) made on another day, perhaps by another: not a figure to hold the draft to"
    if (draft.published and stored.published and draft.published > stored.published
            and (_RELEASE.search(draft.plain_sentence) or _REPORT_OUT.search(so_far_said(draft)))):
        # …还公布了跨境电商半年报。上半年…1.25万亿元 against customs' 1.22万亿元 in August: a formal release later.
        return f"a later release than the source's ({stored.published}): {stored.text} may since have been revised"
    if (draft.published and stored.published and draft.published > stored.published and draft.value and stored.value
            and (agency := speaker(draft)) and agency == speaker(stored)
            and abs(draft.value - stored.value) <= abs(stored.value) * REVISED_WITHIN and not slip(draft.text, stored.text)):
        # 国家外汇管理局…一季度经常账户顺差895亿美元 in April, 889亿美元 in June: the agency's later release of its
        # own figure, a little apart, is a revision (a slip of the pen is seldom this close and this late).
        return f"{agency}'s later release ({draft.published}) of its figure, {stored.text} on {stored.published}: a revision"
    if (draft.published and stored.published and draft.published > stored.published and draft.value and stored.value
            and abs(draft.value - stored.value) <= abs(stored.value) * REVISED_WITHIN and not slip(draft.text, stored.text)
            and _later_period_beside(draft)):
        # 5月净流出1682亿美元的…资金7月净流入1406亿美元 in September against 5月1676亿美元 in August's release: an
        # earlier month restated beside a later one, by a later release that may have revised it.
        return f"restated beside a later period's figure ({draft.published}): {stored.text} may since have been revised"
    if draft.published and stored.published and draft.published > stored.published and preliminary(stored):
        # 日本内阁府…初步统计结果显示…按年率计算降幅为2.0% on 16 May; the release of 10 June, 1.8%: revised.
        return f"a first estimate in the source ({stored.published}): a later release ({draft.published}) may have revised it"
    if _estimated_again(draft, stored):
        # 美国第一季度经济环比萎缩0.3% on 1 May (the advance estimate), 0.5% on 27 June (the third): another
        # country's quarter is estimated three times, a month apart.
        return (f"a first estimate of {stored.period.label if stored.period else '?'} in the source ({stored.published}); "
                f"a later estimate ({draft.published}) may have revised it")
    early = _early(stored)
    if early is not None and draft.published and stored.published and draft.published > stored.published:
        # 乘联分会 on 3 June: 5月1-31日 retail 154.5万辆; on 8 June, 151.0万辆: a tracker's count given days
        # after its month ended is an early estimate, and the later release may be the revised one.
        return (f"an early figure, given {early} days after {stored.period.label if stored.period else '?'} ended: "
                f"a later release ({draft.published}) may have revised it")
    if (draft.changed_to and draft.period is not None and draft.published and stored.published
            and stored.published < draft.published
            and (draft.published - draft.period.end).days > RESTATED_AFTER_DAYS):
        # 国内生产总值从26.6万亿元增加到51.9万亿元 in the 2013 report against the 24.66万亿元 of 2008: the
        # start of a change told years on is a base restated with today's data, revised since (a census).
        return f"the start of a change told years after {draft.period.label}: a base restated, perhaps revised since {stored.published}"
    if not same_scope(draft, stored) and not corroborated(draft, stored):
        if stored.part_of and not draft.part_of:
            return f"a part of {stored.part_of} in the source (其中…), the whole in the draft"
        if draft.part_of and not stored.part_of:
            return f"a part of {draft.part_of} in the draft (其中…), the whole in the source"
        return f"parts of different wholes ({stored.part_of}, {draft.part_of})"
    if not identity.specific:
        return f"the measure ({metric_key(draft.metric) or draft.metric or '?'}) says too little to tell it from another"
    sector = _country_sector_apart(draft, stored) or _country_sector_apart(stored, draft)
    if sector:
        # 我国机械工业…进出口总额同比增长5.1% against the country's trade with 东盟: for an alarm, the country's
        # sector only one side names makes two facts (for support, a draft may name less than its source).
        return f"of {sector} (named before the figure), which the other never names"
    partner = partner_apart(draft, stored) or partner_apart(stored, draft)
    if partner:
        return f"trade with {partner} (named before the figure), which the other never names"
    counters = _counters_apart(draft, stored)
    if counters:
        return counters  # two agencies' counts of one thing differ by their methods, not by a slip
    scope = scope_apart(draft, stored)
    if scope:
        return scope
    spent = _spent_on(draft), _spent_on(stored)
    if all(spent) and _apart(*spent):
        # 设立3000亿元保障性住房再贷款 and 设立5000亿元科技创新…再贷款; one bond's 1600亿元 投向地下管网 and its
        # 2500亿元 支持以旧换新: one instrument or one verb, funding two things.
        return f"money for another purpose ({spent[1]}, {spent[0]})"
    if not same_range(draft, stored):
        return f"{stored.text} and {draft.text} are too far apart to be one figure mistyped: another scope, most likely"
    levels = _level_changed(draft), _level_changed(stored)
    if levels[0] is not None and levels[1] is not None and _currencies_apart(levels[0], levels[1]):
        # 实际使用外资190亿美元，同比增长10% against 1276.9亿元人民币，同比增长14.5%: one inflow's growth reckoned
        # in dollars and in yuan, both right.
        return (f"changes of {levels[1].text} and {levels[0].text}: reckoned in different currencies "
                f"({levels[1].unit}, {levels[0].unit})")
    if levels[0] is not None and levels[1] is not None and _levels_apart(levels[0], levels[1]):
        # 进口17499.7亿元，增长18.9% (services) against 进口10.23万亿元，同比增长5.3% (goods): the changes of two
        # levels too far apart to be one figure are of two scopes too.
        return (f"changes of {levels[1].text} and {levels[0].text}, too far apart to be one figure: another scope, "
                "most likely")
    if still_running(stored, draft):
        return f"the source's period was still running when it was published ({stored.published}): it may have changed since"
    return ""


def _level_changed(c: Claim) -> Quantity | None:
    """The level a growth rate qualifies (利润总额959.3亿元，同比增长18.2%), as its sentence gives it."""
    if not c.qualifies:
        return None
    sentence, at = c.plain_sentence, c.at()
    return _last_level(q for q in find_quantities(sentence) if q.end <= at)


def levels_disagree(a: Claim, b: Claim) -> bool:
    """Two rates of the levels their sentences give, and the levels differ: 中欧班列全年累计开行1.7万列…同比分别增长6%
    is not 共开行14562列…同比分别增长6%, whatever the rates say."""
    x, y = _level_changed(a), _level_changed(b)
    return x is not None and y is not None and _levels_disagree(x, y)


def _levels_disagree(x: Quantity, y: Quantity) -> bool:
    # 8362.5亿元 for 8262.5亿元, a slip of the pen in the level: the rate beside it is still the source's
    return _values_apart(x, y) and not slip(x.text, y.text)


def _currencies_apart(a: Quantity, b: Quantity) -> bool:
    return a.is_currency and b.is_currency and a.unit != b.unit


def _levels_apart(a: Quantity, b: Quantity) -> bool:
    return unit_group(a.unit) == unit_group(b.unit) and not same_range(a, b)


_THIS_EVENT = re.compile(r"本次|此次|这次")
_RECENT_BATCH = re.compile(r"(?:近日|日前|近期)[^。；;]{0,30}?新增")
# 中国物流业景气指数为53.5%, 制造业采购经理指数（PMI）为50.2%: an index given a value, which the sub-indices after it
# (新订单指数, 生产指数) belong to.
_INDEX_GIVEN = re.compile(r"([\u4e00-\u9fffA-Z]{2,14}?(?:指数|PMI))(?:（[A-Z]+）)?(?:为|是|达到?|录得)[\d.]+")
_SUB_INDEX = re.compile(r"(?:新订单|新出口订单|生产|从业人员|供应商配送时间|原材料库存|产成品库存|采购量|进口|业务活动预期|"
                        r"投入品价格|销售价格|出厂价格|主要原材料购进价格|积压订单|库存周转次数|设备利用率)指数$")


def _index_named_before(c: Claim) -> str:
    """For a sub-index (新订单指数), the index its paragraph gave a value before it, else ""."""
    if not _SUB_INDEX.search(metric_key(c.metric) or c.metric):
        return ""
    found = [_INDEX_HEAD.sub("", m[1]) for m in _INDEX_GIVEN.finditer(so_far_said(c)) if not _SUB_INDEX.search(m[1])]
    return found[0] if found else ""


_INDEX_HEAD = re.compile(r"^(?:[年月日]份?|季度|中国|我国|全国|的)+")  # 9月份中国物流业景气指数: the index, not its month


# 上市前, 发行上市完成后: a state before or after an event the sentence names
_STAGE = re.compile(r"(上市|发行|重组|并购|改制|收购|交割|合并)(?:完成)?(前|之前|后|之后|以后)")


def _stage(c: Claim) -> str:
    found = list(_STAGE.finditer(c.plain_sentence, 0, c.at()))
    if not found:
        return ""
    event, when = found[-1][1], found[-1][2]
    return f"after {event}" if when in ("后", "之后", "以后") else f"before {event}"


# Whom a court sentences: 判处被告人王某某有期徒刑三年, 以非法行医罪判处吴某娟有期徒刑三年.
_ACCUSED = re.compile(r"(?:被告人|罪犯|判处)([\u4e00-\u9fff]{2,4}?)(?=有期徒刑|无期徒刑|死刑|死缓|拘役|管制|罚金|，|。)")


def _accused(c: Claim) -> str:
    m = _ACCUSED.search(c.plain_sentence)
    return m[1].removeprefix("被告人") if m else ""


SHORT_LIST_METRIC = 4  # a measure this short (投入资金, 审结上升) says what it is of only through its sentence


def _unnamed_local(c: Claim) -> str:
    """全县/全市/全省 before the figure where its subject is no body of that level (a province for 全县, the
    country for 全省): the word, else ""."""
    found = None
    for m in _LOCAL.finditer(c.plain_sentence, 0, c.at()):
        found = m
    if found is None:
        return ""
    return "" if c.subject_kind in LOCAL_LEVEL_KINDS.get(found.group()[-1], ()) else found.group()


_PERIOD_WORDS = re.compile(r"\d{4}年(?:度|末|底|初)?|全年|今年|去年|上年|当年|[一二三四]季度|上半年|前\d{1,2}个?月|\d{1,2}月(?:份|末|底)?")


def _list_head(c: Claim) -> str:
    """The measure that opens the figure's list when the figure is a later item with a bare measure of its own
    (…基金总收入8.1万亿元，总支出7.5万亿元: 基金总收入 for 总支出); "" otherwise."""
    sentence, at = c.plain_sentence, c.at()
    group = unit_group(c.unit)
    first = next((q for q in find_quantities(sentence) if unit_group(q.unit) == group), None)
    if first is None or first.start >= at or len(metric_key(c.metric)) > 4:
        return ""
    head = _PERIOD_WORDS.sub("", sentence[_clause_start(sentence, first.start) : first.start])
    return metric_key(head)


def lists_apart(a: Claim, b: Claim) -> bool:
    """Figures in clauses after others whose sentences open on different things: 查处涉黑涉恶腐败…问题3.8万件，
    给予党纪政务处分3.2万人 and 查处违反中央八项规定精神问题6.1万起，…给予党纪政务处分6.6万人."""
    heads = []
    for c in (a, b):
        sentence = c.plain_sentence
        heads.append(mask_numbers(_PERIOD_WORDS.sub("", sentence[: _clause_start(sentence, c.at())])))
    # …after other figures on both sides (a list's), not after a lead (央行持续增持黄金，) or a dateline's day
    return all(_A_FIGURE.search(h) for h in heads) and _owners_apart(*heads)


_A_FIGURE = re.compile(r"#(?:万|亿|千|百)?[^\s#月日年时，。；、,;]")


def _owners_apart(a: str, b: str) -> bool:
    """Two list heads' owners (what comes before their shared last word) that are not one owner worded apart."""
    i = 0
    while i < min(len(a), len(b)) and a[-1 - i] == b[-1 - i]:
        i += 1
    owner_a, owner_b = a[: len(a) - i], b[: len(b) - i]
    j = 0  # and the words both start with (全国, the subject)
    while j < min(len(owner_a), len(owner_b)) and owner_a[j] == owner_b[j]:
        j += 1
    owner_a, owner_b = owner_a[j:], owner_b[j:]
    if len(owner_a) < 2 or len(owner_b) < 2 or owner_a in owner_b or owner_b in owner_a:
        return False
    return fuzz.ratio(owner_a, owner_b) < SIMILAR_OWNER


SIMILAR_OWNER = 60.0


# An operation the sentence counts the results of: 开展专项整治, 部署…执法行动, 围绕/严查…违法行为.
_CAMPAIGN = re.compile(
    r"(?:开展|部署|组织|启动|实施|深化|持续)[^，。；]{0,16}?(?:专项行动|专项整治|专项治理|专项检查|执法行动|整治行动|"
    r"集中整治|攻坚行动|百日行动)|(?:围绕|针对|聚焦|严查|严打|打击|整治)[^，。；]{2,30}?(?:违法行为|违法犯罪|犯罪|乱象)"
)
SIMILAR_CAMPAIGN = 70.0


def _campaign(c: Claim) -> str:
    """The operation whose results the figure counts, named in its sentence before it ("" if none)."""
    found = _CAMPAIGN.search(c.plain_sentence, 0, c.at())
    return found.group() if found else ""


_MILESTONE = re.compile(r"^(?:再次?|首次|一举|成功|历史性)?(?:突破|破|跨越|迈上|站上|跃上|越过)")


def _milestone(c: Claim) -> bool:
    """A mark passed: 突破, 破, 迈上…, or a round figure said to be passed already (已超过8000亿元, not 超过1100亿美元)."""
    if _MILESTONE.match(c.text):
        return True
    zeros, unit = round_zeros(c)  # one digit and its zeros: 8000, not 8100
    return (bool(zeros) and abs(c.value) < unit * Decimal(10) ** (zeros + 1)
            and c.plain_sentence[max(0, c.at() - 1) : c.at()] == "已")


_PURPOSE = re.compile(r"(?:专项用于|主要用于|重点用于|用于|用作|重点支持|支持|投向|投入到|投入)([^，。；;,、]{2,20})")
_FUNDING_VERB = re.compile(r"^(?:将|再|已|新)?(?:设立|设置|安排|下达|拿出|发行|提供|投入|新增|筹集)$")
PURPOSE_REACH = 40  # characters after a sum in which its purpose (用于…, 投向…) is said


def _spent_on(c: Claim) -> str:
    """What a sum of money is for: the purpose after it (…，密集投向地下管网建设), or, after a funding verb, the
    thing it funds (设立3000亿元保障性住房再贷款). "" for other figures, or when the sentence does not say."""
    if not is_currency(c.unit):
        return ""
    if c.counted and len(c.counted) >= 2 and _FUNDING_VERB.match(metric_key(c.metric) or c.metric):
        return c.counted
    sentence, end = c.plain_sentence, c.at() + len(c.plain_text)
    found = _PURPOSE.search(sentence, end, end + PURPOSE_REACH)
    return found.group(1) if found else ""


def _apart(a: str, b: str) -> bool:
    ka, kb = metric_key(a), metric_key(b)
    return ka not in kb and kb not in ka and fuzz.ratio(ka, kb) < SIMILAR_PURPOSE


SIMILAR_PURPOSE = 60.0


EARLY_DAYS = 5  # a tracker's count for a month's days, given this soon after, is an early estimate


def _early(c: Claim) -> int | None:
    """Days between the end of a tracker's month (5月1-31日) and its count's publication, if that soon. Not an
    agency's monthly release (韩国5月出口, 加拿大5月失业率), which days after the month is its final word."""
    p = c.period
    if (p is None or c.published is None or p.as_of or p.days < 28 or c.published < p.end
            or not DAY_RANGE.fullmatch(p.label)):  # 5月1-31日, a tracker's count over a month's days; not 5月份
        return None
    days = (c.published - p.end).days
    return days if days <= EARLY_DAYS else None


FIRST_ESTIMATE_DAYS = 35  # a foreign quarter's first estimate comes within this of its end (US advance: 30)
NEXT_ESTIMATE_DAYS = 25  # …and the next one about a month later
FIRST_REPORT_DAYS = 60  # a company's year told this soon after its end is a preliminary report (业绩快报)


def _estimated_again(draft: Claim, stored: Claim) -> bool:
    """A foreign country's quarter (or year), first estimated soon after it ended, told again after the next
    estimate was due: statistics offices abroad revise a quarter's figures monthly (advance, second, third).
    So does a company, whose quick report (业绩快报) comes weeks before its audited one."""
    p = stored.period
    kinds = {stored.subject_kind, draft.subject_kind}
    if (p is None or p.as_of or p.days < 89 or not (kinds == {COUNTRY} or kinds == {ORGANISATION})
            or stored.published is None or draft.published is None or stored.published < p.end):
        return False
    # A company's year told within weeks of its end is its 业绩快报 (中国中免 on 9 January: 净利润67.17亿元); the
    # audited report of March may differ (67.9亿元).
    first = FIRST_ESTIMATE_DAYS if kinds == {COUNTRY} or p.days < 365 else FIRST_REPORT_DAYS
    return ((stored.published - p.end).days <= first
            and (draft.published - stored.published).days >= NEXT_ESTIMATE_DAYS)


def _transposed(a: str, b: str) -> bool:
    """The same digits in another order (1282.6 → 1228.6): a slip, never two agencies' methods."""
    x, y = re.sub(r"\D", "", a), re.sub(r"\D", "", b)
    return x != y and sorted(x) == sorted(y)


def slip(a: str, b: str) -> bool:
    """Two printings of a figure a slip of the pen apart: the same digits in another order (19.69亿 → 19.96亿),
    or one digit changed (7.2 → 7.3). A revision usually moves more than one digit (895 → 889)."""
    x, y = re.sub(r"\D", "", a), re.sub(r"\D", "", b)
    if len(x) != len(y):
        return False
    return sorted(x) == sorted(y) or sum(p != q for p, q in zip(x, y)) <= 1


REVISED_WITHIN = Decimal("0.025")  # a revision moves a released figure by this much at most (895 → 889: 0.7%; 1691 → 1664: 1.6%)
RESTATED_AFTER_DAYS = 730  # a period closed this long before its figure is restated may have been revised since


def contradicts(identity: Identity, draft: Claim, stored: Claim) -> bool:
    """Enough to raise an alarm when the figures disagree: one named body, one metric, one period.

    Undated figures are compared only for organisations (their standing
    facts); a nation's undated count changes from day to day.
    """
    if not identity.named_fact or not identity.specific:
        return False
    if not (same_scope(draft, stored) or corroborated(draft, stored)) or not same_range(draft, stored):
        return False
    if still_running(stored, draft) or no_alarm(identity, draft, stored):
        return False
    if identity.period.outcome == SAME:
        return True
    if identity.period.outcome != UNDATED or not standing(draft, stored):
        return False
    if draft.published != stored.published and (deal(draft) or deal(stored)):
        # 中标金额5.57亿元 on 21 June, 2.25亿元 on 11 June: one company's two announcements, two bids. A deal's
        # amount is a fact of its deal, and a company makes many.
        return False
    return True


_TRANSACTION = re.compile(r"(?:合同|中标|订单|交易|签约|采购|成交)总?(?:金额|价款|额)")


def deal(c: Claim) -> bool:
    """The amount of a deal, named in the measure or before the figure in its sentence (合同总金额约1.56亿美元，
    折合人民币约10.69亿元): a fact of that one deal."""
    return bool(_TRANSACTION.search(c.metric) or _TRANSACTION.search(c.plain_sentence, 0, c.at()))
