"""Where the store's sources differ about one fact, and how: a disagreement, a revision, an update, a fuller period.

The pairing is check's own identity decision (identity.py): the same named
body, metric, modality and scope, the same specific measure, values in range.
Different subjects (平湖市 vs 平湖经开), metrics (24家规上企业 vs 24家重点企业),
periods of a recurring figure (2024 vs 2025) and forecasts made afresh are
not conflicts. Kinds, an editor's question each:

- disagreement: one fact, one period, incompatible values from two speakers
  (or one day): which is right?
- revision: one series restating its own figure for a period that was over
  (前值修正为, a year's GDP restated after a census): the later one stands.
- update: a running figure moving on (截至目前, a toll, 员工 as of each day).
- superseded: a fuller or later period of the fact (一季度 → 上半年 → 前三季度).
- inconsistent: one source's own figures that cannot all be right (a headline against its body, parts
  against their whole, a share or a rate against the figures it follows from): check's FC004, run on each
  source of the store.
- reconciled (only with --all): the values agree (十余名 and 10余名).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ..extract.metric import metric_key
from ..extract.quantity import unit_group
from ..i18n import _
from ..record.claim import Claim
from ..record.finding import Computation
from .arithmetic import inconsistencies
from .compare import agree
from .identity import (
    PREVIOUS,
    RANGE_MAX,
    RUNNING,
    SAME,
    UNDATED,
    consensus,
    corroborated,
    deal,
    identify,
    modality,
    predicted,
    preliminary,
    release,
    same_range,
    same_scope,
    speaker,
    standing,
    still_running,
)
from .matching import comparable
from .verdict import replaces

DISAGREEMENT = "disagreement"
REVISION = "revision"
UPDATE = "update"
SUPERSEDED = "superseded"
RECONCILED = "reconciled"
INCONSISTENT = "inconsistent"
# listed in this order; a group takes its first
KINDS = (DISAGREEMENT, INCONSISTENT, REVISION, UPDATE, SUPERSEDED, RECONCILED)

# Words that say a figure restates an earlier one of its own series: 修正, 修订, 核实, 普查 (a census's revision).
_REVISED = re.compile(r"修正|修订|核实|核定|调整为|普查|终值|最终")


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: str
    subject: str | None
    metric: str
    claims: tuple[Claim, ...]  # oldest first
    current: Claim  # the figure to use now
    why: str = ""  # for the editor: who said what, or what moved on
    gap: float = 0.0  # how far apart the values are, as a share of the larger (disagreements rank by it)
    computation: Computation | None = None  # an inconsistent source's arithmetic: the formula, the values, the result

    @property
    def sources(self) -> set[str]:
        return {c.source for c in self.claims}

    @property
    def newest(self) -> dt.date:
        return max((c.published or dt.date.min for c in self.claims), default=dt.date.min)


@dataclass(frozen=True, slots=True)
class Relation:
    kind: str
    why: str


def _said(c: Claim) -> str:
    who = speaker(c)
    return f"{c.text} ({who + ', ' if who else ''}{c.source}:{c.line}, {c.published})"


def relate(a: Claim, b: Claim) -> Relation | None:
    """How two stored claims about one fact relate, or None when identity says they are not one fact."""
    if a.source == b.source:
        # 注册资本170万美元 … 到后面注册资本达到11370万美元: a story told on purpose; and one report does not
        # contradict itself (五年年均增长5.2%, 十年年均增长6.2%): two figures of one text are two facts.
        return None
    if not comparable(a, b) or _lead_time(a) or _lead_time(b) or _against_an_earlier_period(a) or _against_an_earlier_period(b):
        return None
    if any(c.changed_to and c.period is None for c in (a, b)):
        return None  # 将基准利率从4%上调至4.25%: the level before a change of a day, which its own end replaces
    old, new = sorted((a, b), key=lambda c: (c.published or dt.date.min, c.period.end if c.period else dt.date.min))
    identity = identify(new, old, parts=True)  # the later one read as a draft is read against the store
    if not identity.named_fact or not identity.specific:
        return None
    if not (same_scope(new, old) or corroborated(new, old)):
        return None  # 其中…: a part against its whole
    period = identity.period.outcome
    if period == SAME or (period == UNDATED and standing(old, new)):
        return _same_period(old, new, period)
    if _a_later_event(old, new):
        return None  # 袭击已造成…165人受伤 on the 14th; 以色列军队25日…发动大规模空袭，已造成…174人受伤: another strike
    if period == RUNNING:
        if not agree(old, new) and replaces(old, new) and not _a_rate_of_change(old):
            return _moving_on(old, new)
        return None
    if not (old.period and new.period):
        return None
    if replaces(old, new):
        if not _within_reach(old, new):
            return None  # 旅行服务…进出口达9200.5亿元 (1—5月) and the country's 25.7万亿元 (前7个月): another scope
        if old.period.as_of and (new.period.as_of or new.period.days == 1):
            # 截至目前…270人死亡, then 苏丹卫生部2日宣布…已造成550人死亡: a toll as of one day, then of another.
            if not new.period.as_of and not _counted_so_far(new, rates=True):
                return None  # 现有代表2977人, then 今天…2952名代表…投下庄严一票: who took part that day, not a stock
            if not any(w in p.label for p in (old.period, new.period) for w in _STOCK_DAY):
                # 截至目前…完成意向面积的10.5%, then 目前…43.9%: a running count moving on, not a stock's month end
                return _moving_on(old, new)
            return Relation(SUPERSEDED, _("a later date: {old} → {new}").format(old=old.period.label, new=new.period.label))
        return Relation(SUPERSEDED, _("a fuller period: {old} → {new}").format(old=old.period.label, new=new.period.label))
    return None


def _same_period(old: Claim, new: Claim, period: str) -> Relation | None:
    if agree(old, new):
        return Relation(RECONCILED, _("{old} and {new} agree").format(old=old.text, new=new.text))
    if not same_range(new, old):
        return None  # too far apart to be one figure: another scope, most likely
    if old.published != new.published and (consensus(old) or consensus(new) or predicted(old) or predicted(new)):
        return None  # each release is forecast afresh; a prediction is its maker's, on its day
    if old.published != new.published and (deal(old) or deal(new)):
        return None  # a company's two contracts
    if period == UNDATED:
        return Relation(UPDATE, _("as it stood on each day: {old} ({old_day}) → {new} ({new_day})").format(
            old=old.text, old_day=old.published, new=new.text, new_day=new.published))
    if still_running(old, new):
        if preliminary(old):
            # 9月份消费者信心指数初值为55.4, then 9月份…为55.1: the month's first estimate, revised
            return Relation(REVISION, _("restated: {old} → {new}").format(old=_said(old), new=_said(new)))
        if old.period is not None and old.period.days > 1 and _fell(old, new):
            return Relation(DISAGREEMENT, _("a running total that fell: {old} → {new}").format(old=_said(old), new=_said(new)))
        return Relation(UPDATE, _("the period was still running when {old} was published ({day})").format(old=old.text, day=old.published))
    if old.published == new.published:
        return Relation(DISAGREEMENT, _("{old} against {new}, the same day").format(old=_said(old), new=_said(new)))
    if old.period is not None and old.period.days == 1:
        return None  # 当天…160架 and 172架 on the next day's broadcast: which day each means is not sure
    if (_REVISED.search(new.plain_sentence) or preliminary(old) or release(new)
            or PREVIOUS in (modality(old), modality(new))):
        return Relation(REVISION, _("restated: {old} → {new}").format(old=_said(old), new=_said(new)))
    who_old, who_new = speaker(old), speaker(new)
    if who_old and who_new:
        if who_old == who_new:
            return Relation(REVISION, _("restated by {who}: {old} → {new}").format(who=who_new, old=_said(old), new=_said(new)))
        return Relation(DISAGREEMENT, _("{old} against {new}").format(old=_said(old), new=_said(new)))
    if not who_old and not who_new and old.period is not None and old.period.days >= 365:
        # One series (a yearly report) giving a closed year's figure again, otherwise: 2012年 GDP after a census.
        return Relation(REVISION, _("restated by the same series: {old} → {new}").format(old=_said(old), new=_said(new)))
    return None  # who said either is not known: not sure enough to call it a disagreement


def _within_reach(old: Claim, new: Claim) -> bool:
    """A fuller period's figure of a flow is near the shorter one's scaled by the periods' lengths (1—5月 to
    前7个月, ×1.4), within identity's range for one scope; a stock's (as of a day) within that range itself."""
    if same_range(old, new):
        return True
    if old.period is None or new.period is None or old.period.as_of or new.period.as_of:
        return False
    lo, hi = sorted((abs(old.value), abs(new.value)))
    return hi <= lo * RANGE_MAX * max(Decimal(new.period.days) / old.period.days, Decimal(1))


_STOCK_DAY = ("末", "底")  # 6月末, 年底: a stock as of a period's end, which the next period's end supersedes


# 比2024年达到千亿件提前了35天: how much sooner a milestone came than another year's, each milestone its own.
_LEAD = re.compile(r"(?:比|较)[^，。；]{0,24}(?:提前|推迟|延后|缩短|延长)了?$")


def _lead_time(c: Claim) -> bool:
    """How much sooner a milestone came (提前了35天), or the other year's milestone it is set against
    (比2024年达到千亿件提前了35天: 千亿件 is 2024's)."""
    sentence, at = c.plain_sentence, c.at()
    if c.unit in ("天", "个月", "年", "小时") and _LEAD.search(sentence, 0, at):
        return True
    return bool(_OTHER_YEARS.search(sentence, max(0, at - 16), at)) and bool(
        _SOONER.match(sentence, at + len(c.plain_text)))


_OTHER_YEARS = re.compile(r"(?:比|较)(?:19|20)\d\d年[^，。；]{0,10}$")
_SOONER = re.compile(r"[^，。；]{0,4}?(?:提前|推迟|延后|晚了|早了)")


# 增速比一季度加快0.6个百分点, 比1—7月份加快0.4个百分点, 较上月末上升: a change against an earlier period of the
# same series, each its own pair of periods; not 比上年同期 or 同比, where every period has its own base alike.
_EARLIER_BASE = re.compile(
    r"(?:比|较)(?!上年同期|去年同期|上年|去年|同期)[^，。；]{0,8}?(?:季度|月份?|月末|上半年|上月|上旬|中旬)"
    r"[^，。；]{0,4}?(?:加快|放缓|回落|提高|上升|下降|扩大|收窄|回升|增加|减少)了?$")


def _against_an_earlier_period(c: Claim) -> bool:
    sentence, at = c.plain_sentence, c.at()
    return c.unit in ("pp", "%") and bool(_EARLIER_BASE.search(sentence, max(0, at - 24), at))


def _fell(old: Claim, new: Claim) -> bool:
    """A running total (截至, 以来, one start) that is lower later: not a total moving on."""
    return new.high is not None and old.low is not None and Decimal(new.high) < Decimal(old.low)


_SO_FAR = re.compile(r"累计|已")  # 已有, 已经, 已公布


def _counted_so_far(c: Claim, rates: bool = False) -> bool:
    """A count of what has been done so far (已有, 累计, 已公布), which only grows; with `rates`, a share of it
    too (已完成八成)."""
    sentence, at = c.plain_sentence, c.at()
    start = max(sentence.rfind(ch, 0, at) for ch in "。；;") + 1
    return (rates or c.unit not in ("%", "pp", "x")) and bool(_SO_FAR.search(sentence, start, at))


def _a_rate_of_change(c: Claim) -> bool:
    """增长5%: each year's rate, which a later year's does not move on from."""
    return c.unit == "%" and bool(_RATE.search(c.metric))


_RATE = re.compile(r"增长|下降|上升|回落|增速|增幅|提高|降低")


# 25日对也门首都萨那发动大规模空袭: the day an event happened, not the day a toll was announced (2日宣布).
_EVENT_ON_DAY = re.compile(r"[^，。；]{0,16}?(?:发动|发生|遭受|遭到|实施|进行)[^，。；]{0,6}?(?:空袭|袭击|轰炸|爆炸|地震|袭扰)")


def _a_later_event(old: Claim, new: Claim) -> bool:
    """`new` is the toll of an event its sentence dates after `old`'s figure was given: another event."""
    p, known = new.period, old.period.end if old.period else old.published
    if p is None or p.days != 1 or known is None or p.start <= known:
        return False
    sentence = new.plain_sentence
    at = sentence.find(p.label)
    return at >= 0 and bool(_EVENT_ON_DAY.match(sentence, at + len(p.label)))


def _moving_on(old: Claim, new: Claim) -> Relation:
    one_start = old.period is not None and new.period is not None and old.period.start == new.period.start
    if _fell(old, new) and (one_start or (_counted_so_far(old) and _counted_so_far(new))):
        # 全国已有8155个传统村落列入国家级保护名录, then 目前，我国已公布…传统村落6819个: what has been listed so far
        # does not shrink; one of the two is wrong, or out of date.
        return Relation(DISAGREEMENT, _("a running total that fell: {old} → {new}").format(old=_said(old), new=_said(new)))
    if old.period is not None and old.period.days >= 365 and not old.period.as_of:
        # 2012年 GDP 51.9万亿元, then 134.9万亿元 "now": a later year's level, not a running total moving on.
        return Relation(SUPERSEDED, _("a later figure: {old} → {new}").format(
            old=old.period.label, new=new.period.label if new.period else new.published))
    return Relation(UPDATE, _("a running figure moving on: {old} as of {old_day}, {new} as of {new_day}").format(
        old=old.text, old_day=old.period.end if old.period else old.published,
        new=new.text, new_day=new.period.end if new.period else new.published))


def _gap(claims: Iterable[Claim]) -> float:
    values = [abs(Decimal(c.value)) for c in claims if c.value is not None]
    if len(values) < 2 or max(values) == 0:
        return 0.0
    return float((max(values) - min(values)) / max(values))


def _newest(claims: list[Claim]) -> Claim:
    def key(c: Claim) -> tuple[dt.date, dt.date, int]:
        end = c.period.end if c.period else dt.date.min
        return (end, c.published or dt.date.min, c.period.days if c.period else 0)

    return max(claims, key=key)


def _block(c: Claim) -> tuple[str, str]:
    """Only claims that could share a metric are compared: one dimension, one head noun (or one clause)."""
    key = metric_key(c.metric)
    return (unit_group(c.unit), key[-2:] if key else "#" + c.context)


def find_conflicts(stored: Iterable[Claim], include_reconciled: bool = False) -> list[Conflict]:
    """Group the claims that relate in one way (union-find over the pairs of each kind): a revision of 2012's
    GDP and the chain of later years' levels are two entries, not one muddle of both.

    Disagreements come first, the furthest apart and most recent first; then a source's figures that do not
    add up; then revisions, updates and superseded figures, most recent first.
    """
    store = list(stored)  # any ClaimStore; read once, then by position
    by_sentence: dict[tuple[str, str], list[Claim]] = {}
    blocks: dict[tuple[str, str], list[int]] = {}
    for i, c in enumerate(store):
        by_sentence.setdefault((c.source, c.sentence), []).append(c)
        blocks.setdefault(_block(c), []).append(i)
    relations: dict[tuple[int, int], Relation] = {}
    for block in blocks.values():
        for x, i in enumerate(block):
            for j in block[x + 1 :]:
                rel = relate(store[i], store[j])
                if rel is None or (rel.kind != RECONCILED and _told_together(store[i], store[j], by_sentence)):
                    continue
                relations[(i, j)] = rel
    told = {_figures(store[i], store[j]) for (i, j), rel in relations.items() if rel.kind == DISAGREEMENT}
    out = []
    for kind in KINDS:
        if kind == RECONCILED and not include_reconciled:
            continue
        edges = [(pair, rel) for pair, rel in relations.items() if rel.kind == kind
                 and (kind == DISAGREEMENT or _figures(store[pair[0]], store[pair[1]]) not in told)]
        for members in _joined(edges):
            if kind in (UPDATE, SUPERSEDED):
                odd = _another_series(store, members)
                if odd:
                    # 一季度's 27.7% (中汽协) and 22.5% (统计局) before 前5个月's 37%: which one moves on is not sure,
                    # so neither is chained; the rest of the chain stands without them.
                    for rest in _joined([(pair, rel) for pair, rel in members if not odd & set(pair)]):
                        out.append(_conflict(kind, store, rest))
                    continue
            out.append(_conflict(kind, store, members))
    out.extend(_inconsistent(store))
    out.sort(key=lambda g: (KINDS.index(g.kind), -g.gap, -g.newest.toordinal(), g.subject or "", g.metric))
    return out


def _inconsistent(store: list[Claim]) -> list[Conflict]:
    """Each source's figures that do not add up, by check's own arithmetic (FC004): the flagged figure is the
    entry's `current`, the one to look at, with the figures it was computed from."""
    by_source: dict[str, list[Claim]] = {}
    for c in store:
        by_source.setdefault(c.source, []).append(c)
    out = []
    for claims in by_source.values():
        claims.sort(key=lambda c: (c.line, c.column))
        for found in inconsistencies(claims):
            told = sorted((found.figure, *found.others), key=lambda c: (c.line, c.column))
            done = found.computation
            why = done.formula if done.kind == "restated" else f"{done.formula} ≠ {done.stated} ({done.tolerance})"
            out.append(Conflict(INCONSISTENT, found.figure.subject, found.figure.metric, tuple(told), found.figure,
                                why, 0.0, done))
    return out


Edge = tuple[tuple[int, int], Relation]


def _joined(edges: list[Edge]) -> list[list[Edge]]:
    """The edges of each connected group (union-find)."""
    parent: dict[int, int] = {}
    for (i, j), _rel in edges:
        ri, rj = _root(parent, i), _root(parent, j)
        if ri != rj:
            parent[rj] = ri
    groups: dict[int, list[Edge]] = {}
    for pair, rel in edges:
        groups.setdefault(_root(parent, pair[0]), []).append((pair, rel))
    return list(groups.values())


def _conflict(kind: str, store: list[Claim], members: list[Edge]) -> Conflict:
    indices = dict.fromkeys(k for pair, _rel in members for k in pair)
    claims = sorted((store[k] for k in indices), key=lambda c: (c.published or dt.date.min, c.source, c.line))
    current = _newest(claims)
    subject = next((c.subject for c in claims if c.subject_strong), None) or next(
        (c.subject for c in claims if c.subject), None
    )
    gap = _gap(claims) if kind == DISAGREEMENT else 0.0
    return Conflict(kind, subject, current.metric, tuple(claims), current, members[0][1].why, gap)


def _figures(a: Claim, b: Claim) -> frozenset[tuple[str, Decimal]]:
    """Which two sources' figures a pair sets side by side: the headline's 8155个 and its paragraph's are one."""
    return frozenset(((a.source, a.value), (b.source, b.value)))


def _another_series(store: list[Claim], members: list[Edge]) -> set[int]:
    """The figures of a chain that another source gives otherwise for the same period: those the fewer sources
    give (统计局's 22.5% against 中汽协's 27.7% for 一季度, one source each: both), or the one source's sibling
    (旅行服务's 12.3% beside 服务进出口's 8.0%, one line apart: both)."""
    by_period: dict[tuple[dt.date, dt.date], list[int]] = {}
    for k in dict.fromkeys(k for pair, _rel in members for k in pair):
        p = store[k].period
        if p is not None:
            by_period.setdefault((p.start, p.end), []).append(k)
    odd: set[int] = set()
    for same in by_period.values():
        values: list[list[int]] = []  # figures that agree, one list each
        for k in same:
            found = next((v for v in values if agree(store[v[0]], store[k])), None)
            if found is None:
                values.append([k])
            else:
                found.append(k)
        if len(values) < 2:
            continue
        sources = [len({store[k].source for k in v}) for v in values]
        most = max(sources)
        keep = [v for v, n in zip(values, sources) if n == most]
        odd.update(k for v in values if len(keep) > 1 or v is not keep[0] for k in v)
    return odd


def _root(parent: dict[int, int], i: int) -> int:
    """Union-find's find, with path halving."""
    parent.setdefault(i, i)
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _told_together(a: Claim, b: Claim, by_sentence: dict[tuple[str, str], list[Claim]]) -> bool:
    """从最初1家合作企业…成长为合作企业超10家: when a's own sentence also states b's figure, the two are a story, not a conflict."""
    for x, y in ((a, b), (b, a)):
        for other in by_sentence.get((x.source, x.sentence), ()):
            if other.id != x.id and comparable(other, y) and agree(other, y) and other.metric == x.metric:
                return True
    return False


def select(
    conflicts: list[Conflict],
    kinds: Iterable[str] = (),
    since: dt.date | None = None,
    subject: str = "",
    metric: str = "",
) -> list[Conflict]:
    """The conflicts an editor asked for: of these kinds, with a figure published since a day, about a body or measure."""
    wanted = set(kinds)
    out = []
    for g in conflicts:
        if wanted and g.kind not in wanted:
            continue
        if since is not None and g.newest < since:
            continue
        if subject and not any(subject in (c.subject or "") for c in g.claims) and subject not in (g.subject or ""):
            continue
        if metric and not any(metric in c.metric or metric_key(metric) in metric_key(c.metric) for c in g.claims):
            continue
        out.append(g)
    return out


def counts(conflicts: Iterable[Conflict]) -> dict[str, int]:
    """How many of each kind: a revision or an update is not an error in the store, so each is counted apart."""
    found = list(conflicts)
    return {k: sum(1 for g in found if g.kind == k) for k in KINDS}
