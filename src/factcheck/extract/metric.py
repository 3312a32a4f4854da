"""What a figure measures, as a key two sources can share: 实现产值 and 产值 are one metric, 出口 and 进出口 are two.

Two figures are the same fact only when they measure the same thing, so the
metric is compared on a normalised key (data/metrics.toml says which
wordings are one metric), never on fuzzy similarity alone: 装备制造业利润
and 原材料制造业利润 differ by three characters and are different facts.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from ..data import load_data
from ..i18n import _

QUALIFIER_MIN = 2  # a qualifier shorter than this (进 in 进出口) is part of a word, not a qualifier


@lru_cache(maxsize=1)
def _data() -> dict[str, object]:
    return load_data("metrics.toml")


@lru_cache(maxsize=1)
def _narrowing() -> tuple[str, ...]:
    return tuple(_data()["narrowing"]["words"])  # type: ignore[index]


_INDEXES = "indexes"


@lru_cache(maxsize=8)
def _any_word(table: str) -> re.Pattern[str]:
    """Any of a table's words (its `words`, or every name of a table of names), the longest first."""
    entry: dict[str, Any] = _data()[table]  # type: ignore[assignment]
    words = entry["words"] if "words" in entry else [w for names in entry.values() for w in names]
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _tables() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], tuple[tuple[str, str], ...]]:
    data: dict[str, Any] = _data()  # type: ignore[assignment]
    same: dict[str, str] = data["same"]
    # 增加值 is value added, not an increase: only whole wordings are replaced, longest first.
    # M2 is money only as a word of its own: never inside PM2.5.
    same_re = re.compile("|".join(_whole(w) for w in sorted(same, key=len, reverse=True)))
    noise_re = re.compile("|".join(re.escape(w) for w in sorted(data["noise"]["words"], key=len, reverse=True)))
    different = tuple((a, b) for a, b in data["different"]["pairs"])
    return same_re, same, noise_re, different


def _whole(word: str) -> str:
    """The word as a pattern, kept from matching inside a longer Latin word or number at an end that is one."""
    before = r"(?<![A-Za-z0-9.])" if word[:1].isascii() and word[:1].isalnum() else ""
    after = r"(?![A-Za-z0-9.])" if word[-1:].isascii() and word[-1:].isalnum() else ""
    return before + re.escape(word) + after


# 广义货币（M2）, 采购经理指数（PMI）: an abbreviation in brackets repeats the measure it follows.
_ABBREVIATION = re.compile(r"[(（][A-Za-z0-9&]{1,8}[)）]")


@lru_cache(maxsize=1 << 14)
def metric_key(metric: str) -> str:
    """The metric as compared: synonyms unified, verbs and fillers dropped (规上企业实现产值 → 规模以上企业产值)."""
    same_re, same, noise_re, _ = _tables()
    text = _ABBREVIATION.sub("", unicodedata.normalize("NFKC", metric))
    for _ in range(2):  # 同比分别增长: the filler 分别 hides 同比增长 until it is gone
        text = same_re.sub(lambda m: same[m.group()], text)
        text = noise_re.sub("", text)
    return text.lstrip("家个名项位户所座条次")


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(_data()["generic"]["words"])  # type: ignore[index]


def _qualifier_stated(extra: str, context: str) -> bool:
    """软件和信息技术服务业 before a bare 业务收入: the qualifier is in the paragraph, just not in the clause.

    Not where the paragraph narrows it: 规模以上工业中小企业 names 规模以上工业 only in passing.
    """
    if len(extra) < QUALIFIER_MIN or extra in _generic():
        return False
    # …汽车产销量首次双超2000万辆。其中，新能源汽车产销…: a part named after 其中 is not the paragraph's topic.
    # 运输、旅行等服务出口: examples listed with 等 are not the topic either.
    text = metric_key(_EXAMPLES.sub("", _PART_CLAUSE.sub("", context)))
    at = text.find(extra)
    while at >= 0:
        if not text.startswith(_narrowing(), at + len(extra)):
            return True
        at = text.find(extra, at + 1)
    return False


_PART_CLAUSE = re.compile(r"其中[^。；;]*")
_EXAMPLES = re.compile(r"[\u4e00-\u9fff]{1,8}(?:、[\u4e00-\u9fff]{1,8})+等")


@lru_cache(maxsize=1)
def _averages() -> tuple[str, ...]:
    return tuple(_data()["averages"]["words"])  # type: ignore[index]


def an_average(metric: str) -> bool:
    """A measure per head, per day or on average (人均消费支出, 平均价格): its parts do not add up to it."""
    return any(word in metric for word in _averages()) or "平均" in metric or "均价" in metric


@lru_cache(maxsize=1)
def _index_names() -> dict[str, str]:
    """Every name of a market index → the index (道琼斯 → 道指, 恒生指数 → 恒指)."""
    indexes: dict[str, list[str]] = _data()["indexes"]  # type: ignore[assignment]
    return {alias: canon for canon, aliases in indexes.items() for alias in aliases}


def indexes_apart(a: str, b: str) -> bool:
    """Each names a market index, and not the same one (纳指收涨 against 道指收涨)."""
    names = _index_names()
    x, y = ({names[found] for found in _any_word(_INDEXES).findall(metric)} for metric in (a, b))
    return bool(x) and bool(y) and not x & y


def measures_apart(a: str, b: str) -> bool:
    """A pair of the [different] table tells the two apart (出口 and 进出口, CPI and 核心CPI)."""
    return _never_same(a, b)


def _never_same(a: str, b: str) -> bool:
    _, _, _, different = _tables()
    for x, y in different:
        for p, q in ((a, b), (b, a)):
            # 出口 is inside 进出口: a metric with 进出口 still differs from one with only 出口.
            if x in p and y in q and x not in q and (y not in p or y in x):
                return True
    return False


class MetricRelation(StrEnum):
    """How two metrics relate: the same key, worded alike, sharing a head noun, or different."""

    SAME = "same"
    SIMILAR = "similar"
    RELATED = "related"
    DIFFERENT = "different"


SAME, SIMILAR, RELATED, DIFFERENT = (
    MetricRelation.SAME, MetricRelation.SIMILAR, MetricRelation.RELATED, MetricRelation.DIFFERENT
)
# 中央对地方转移支付 against 对地方转移支付 in a paragraph that opens with 中央本级支出: the qualifier is the
# payer (中央), and 对 only links it to whom it pays.
_PAYER = re.compile(r"(?<=.)[对向给]$")
SIMILAR_MIN = 75.0  # rapidfuzz ratio of two keys worded differently (老街新增…充电点 / 增设老街…充电点)


@lru_cache(maxsize=1 << 16)
def compare_metrics(
    a: str, b: str, a_context: str = "", b_context: str = "", a_elsewhere: str | None = None, b_elsewhere: str | None = None
) -> str:
    """same: equal keys, or one is the other with a qualifier its own paragraph states (`a_context`);
    similar: worded apart but close, enough only beside an equal value and a named body; related: the
    same head noun (…面积, …投资), enough only for one organisation's very same figure; else different."""
    ka, kb = metric_key(a), metric_key(b)
    if indexes_apart(a, b):
        return DIFFERENT  # 纳指收涨 is not 道指收涨
    if not ka or not kb or any((word in a or word in ka) != (word in b or word in kb) for word in _averages()):
        return DIFFERENT  # 人均国内生产总值 is not 国内生产总值, 年均增长 not 增长
    if ka == kb:
        return SAME
    if _never_same(ka, kb):
        return DIFFERENT
    (short, short_context, elsewhere), (long, _, _) = sorted(
        ((ka, a_context, a_elsewhere), (kb, b_context, b_elsewhere)), key=lambda x: len(x[0])
    )
    if (len(short) >= 2 and long.endswith(short) and _qualifier_stated(_PAYER.sub("", long[: -len(short)]), short_context)
            and (elsewhere is None or long not in metric_key(elsewhere))):
        # …unless the paragraph, outside the figure's own sentence (`elsewhere`), gives the longer measure a
        # figure of its own (全国实际使用外资增长4.9%。…高技术产业实际使用外资增长18%): then the bare one is the
        # whole, not that part.
        return SAME
    if fuzz.ratio(ka, kb) >= SIMILAR_MIN:
        return SIMILAR
    return RELATED if len(ka) >= 2 and len(kb) >= 2 and ka[-2:] == kb[-2:] else DIFFERENT


def same_metric(a: str, b: str, a_context: str = "", b_context: str = "") -> bool:
    return compare_metrics(a, b, a_context, b_context) == SAME


@lru_cache(maxsize=1)
def _standing() -> tuple[str, ...]:
    return tuple(_data()["standing"]["words"])  # type: ignore[index]


def standing_measure(metric: str) -> bool:
    """A measure of a body as it is (staff, floor space, length), which an undated figure states for good."""
    return metric_key(metric).endswith(_standing())


def contested_measure(metric: str) -> bool:
    """Counted by more than one agency, each by its own rules (海关's car exports, 中汽协's)."""
    return bool(_any_word("contested").search(metric))


def daily_measure(metric: str) -> bool:
    """A day's activity (净买入, 成交额, 回购…股): never a standing fact, whoever it is about."""
    return bool(_any_word("daily").search(metric))


# A basis figures are reckoned on, said ahead of them: an accounting standard (按国际财务报告准则：), a currency
# (以美元计价，), a set of comparable firms (按可比口径：).
_BASIS_WORDS = r"(?:按照|按|以|基于|根据)\s*[\u4e00-\u9fffA-Za-z\s]{1,14}?(?:准则|计价|计|口径)"
# said ahead of figures, before a comma or a colon (基于非美国通用会计准则（Non-GAAP），: its name in brackets between)
BASIS = re.compile(_BASIS_WORDS + r"(?=\s*(?:[（(][^）)]{0,24}[）)])?\s*[，,：:])")
_BASIS_IN = re.compile(_BASIS_WORDS)  # at the head of a metric it was put before


def bases_apart(a: str, b: str) -> bool:
    """按非国际财务报告准则 and 按国际财务报告准则 before one measure: two measures, one letter apart."""
    x, y = _BASIS_IN.match(a), _BASIS_IN.match(b)
    return bool(x and y and x.group() != y.group())


def company_measure(metric: str) -> bool:
    """A measure every company reports (净利润, 营业收入, a bare 总收入): whose it is, only a name can say."""
    return bool(_any_word("company").search(metric)) or metric_key(metric).startswith(tuple(_data()["company"]["bare"]))  # type: ignore[index,arg-type]


def why_different(a: str, b: str) -> str:
    """For a near miss: what each side measures."""
    return _("measures {source_metric}, not {draft_metric}").format(
        source_metric=metric_key(b) or b or "?", draft_metric=metric_key(a) or a or "?")

