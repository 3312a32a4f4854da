"""Verdict rules: each number in a draft is ok, contradicted, stale or unsupported.

Rules are data with stable codes so reports, suppressions and SARIF can
refer to them. Precision matters more than recall: a false alarm costs the
editor's trust, so `contradicted` and `stale` need the same named body,
metric and period on both sides (identity.py), `ok` needs no less, and a
candidate that fails a check is at most a near miss under `unsupported`,
with the failing check named.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from rapidfuzz import fuzz

from ..extract.period import find_periods
from ..extract.quantity import find_quantities
from ..i18n import _
from ..record.claim import Claim, Qualifier, mask_numbers
from ..record.finding import CONTRADICTED, OK, STALE, UNSUPPORTED, Verdict
from ..record.period import Period

# The rules' codes, names and docs are data (data/rules.toml), rendered for `factcheck rule`, SARIF and the README.
from ..record.rules import RULES
from ..store.protocol import ClaimStore
from .compare import agree, rounded_rate
from .identity import (
    DIFFERENT,
    OUTCOME,
    PREVIOUS,
    RUNNING,
    SAME,
    UNDATED,
    Identity,
    a_change,
    as_of_article,
    consensus,
    contradicts,
    counted_apart,
    events_apart,
    holdings_apart,
    identify,
    levels_disagree,
    modality,
    named_counters_apart,
    named_just_before,
    no_alarm,
    same_scope,
    scope_apart,
    speaker,
    standing,
    supports,
    unnamed_same_measure,
    wholes_apart,
)
from .matching import Match, candidates, containment

SUPPORT_MIN = 60.0  # lenient similarity for a source to support a figure
CONTRADICT_MIN = 60.0  # strict similarity (clause and metric) a contradicting source needs besides identity
SUPERSEDE_MIN = 60.0  # …and a newer figure, to replace a stored one
CONTRADICT_MARGIN = 10.0  # supporters this close to the best one must all be superseded for `stale`
VERBATIM_MIN = 85.0  # sentence similarity (rapidfuzz ratio) at which an unnamed subject is taken to be the same body
REWORDED_MIN = 0.8  # share of a draft sentence's character pairs found in the source's paragraph


@dataclass(frozen=True, slots=True)
class Judgement:
    verdict: Verdict
    message: str
    evidence: tuple[Claim, ...]
    reasons: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        return RULES[self.verdict].code


def verbatim(a: Claim, b: Claim) -> bool:
    """The same sentence, near word for word both ways (figures aside): 当地时间…享年81岁 copied from the source.

    Not a short sentence found inside a long one: 约10分钟后，飞船与火箭成功分离 is in every launch story.
    """
    return fuzz.ratio(mask_numbers(a.plain_sentence), mask_numbers(b.plain_sentence)) >= VERBATIM_MIN


def reworded(draft: Claim, stored: Claim) -> bool:
    """Nearly every word pair of the draft's sentence stands in the source's paragraph (figures aside)."""
    return containment(draft.plain_sentence, stored.plain_paragraph) >= REWORDED_MIN


def superseded_by(old: Claim, store: ClaimStore) -> Claim | None:
    """A newer or fuller figure for the same named body and metric, if the store has one.

    Fuller: the same start, a later end (前11个月 → 全年, 1—2月 → 一季度).
    Newer: a later as-of date for a stock (2月末 → 3月末), or for an
    organisation's undated figure a later source (员工1900名 → 2000余名).
    A different value for the very same period is a conflict between
    sources, not an update, and supersedes nothing.
    """
    best: Claim | None = None
    for new in store.near(old, same_metric=True):
        if new.id == old.id:
            continue
        if new.id == old.changed_to:
            return new  # 由52.2%提高到57.5%: the start value, replaced in the very sentence
        if not _one_series(old, new, identify(old, new)):
            continue
        if not replaces(old, new) or _told_beside(old, new) or counted_apart(old, new):
            continue
        if best is None or _newness(new) > _newness(best):
            best = new
    return best


def _told_beside(old: Claim, new: Claim) -> bool:
    """`new`, as of its article, stands in a sentence that gives `old`'s dated figure too (目前…常住人口1343万人，
    截至2022年，深圳市常住人口为1766万人): the source still holds the dated one for its date, and its own
    figure is of something else (the city's villages), no update."""
    if new.sentence != old.sentence and _gives_value(new, old, same_time=True):
        # 大连万达商管持股40% against 5家投资者…合计持股60%，大连万达商管持股40%: the sentence that seems to update
        # it gives its very figure beside, with no other period between, for another holder; no update.
        return True
    if not (new.period is None or as_of_article(new)) or old.period is None:
        return False  # 2022年末为1766万人，2023年末为1779万人: two dated stocks, the later one an update
    return _gives_value(new, old)


def _gives_value(new: Claim, old: Claim, same_time: bool = False) -> bool:
    """`new`'s sentence gives `old`'s value too, as another figure; `same_time`: with no period named between the
    two (2022年末为1766万人，2023年末为1779万人 names one: the later an update)."""
    sentence, at = new.plain_sentence, new.at()
    for q in find_quantities(sentence):
        if q.value == new.value or q.unit != old.unit or abs(q.value - old.value) > q.precision + old.precision:
            continue
        if not same_time:
            return True
        start, end = sorted((at, q.start))
        if new.published is not None and not find_periods(sentence[start:end], new.published):
            return True
    return False


FULLER_DAYS_MAX = 366
_DAY_WINDOW = re.compile(r"\d日?[至到—\-~～]\d{1,2}日")


def _one_series(a: Claim, b: Claim, identity: Identity) -> bool:
    """One fact at two times, or two periods: the same named body, or a national measure nobody names on
    either side (unnamed_same_measure), with a measure that says enough, of the same scope."""
    return ((identity.named_fact or unnamed_same_measure(a, b, identity)) and identity.specific
            and same_scope(a, b)
            # 上述4座万达广场的接盘方 (a set its text just named) updates no 已卖掉10座; 新达盟由X持股99.9938% is a
            # stake in another company than X持有珠海万达商管…总计持股60%.
            and not (named_just_before(a) or named_just_before(b) or holdings_apart(a, b)))


def replaces(old: Claim, new: Claim) -> bool:
    """Whether `new` is the fuller or newer version of the fact `old` states (not a check of identity)."""
    a, b = old.period, new.period
    if events_apart(old, new):
        return False  # 仅有20%的火势得到控制 in October, 5% on 7 November: two fires
    if a is not None and b is not None:
        if (new.published or dt.date.min) < (old.published or dt.date.min):
            return False
        if a.as_of or b.as_of:
            # A stock as of a day (2月末), and the same stock for a later month (3月外汇储备规模, as of its end);
            # but a running total (截至4月29日今年) is not a fuller 一季度. 96% at the end of 2025 and still
            # 96% in March: the same figure, not a newer one.
            # Not by a window of days (截至7月2日…突破1000万人次, then 7月1日至10日…超64万人次): a count of those days.
            stock = (a.as_of and (b.as_of or a.days == 1) and not (a_change(old) or a_change(new))
                     and not _DAY_WINDOW.search(b.label)
                     # 今年以来…累计开行突破1万列 is this year's total; 截至8月底…累计开行超过7.7万列, as of a day, all the
                     # years': a total since a start is no stock as of a day, nor the other way round.
                     and not (b.as_of and (a.days == 1) != (b.days == 1)))
            # …by a figure as of a later day, or for a period over when it was given: not “十四五”期间 94% in
            # August, a plan period's summary, against 94.2% at the end of June.
            settled = b.as_of or new.published is None or b.end <= new.published + dt.timedelta(days=1)
            return stock and settled and b.end > a.end and not agree(old, new)
        if (a.start == b.start and a.end == b.end and a.days >= 365 and old.published is not None
                and a.end < old.published and new.published is not None and new.published > old.published
                and not agree(old, new) and speaker(old) == speaker(new)):
            return True  # a closed year restated by its own series: 2012年 GDP 51.9万亿元, after the census 54万亿元
        # A fuller period must be over when it is reported: 今年 in an April story is not the full year.
        over = new.published is None or b.end <= new.published + dt.timedelta(days=1)
        # And it runs within a year (1—2月 → 一季度 → 全年): five years' 城镇新增就业 are a sum of five
        # years' figures, not a later version of the first year's.
        if b.start == a.start and b.end > a.end and over and b.days <= FULLER_DAYS_MAX:
            return not (agree(old, new) and old.value == new.value)
        return False
    later = new.published is not None and old.published is not None and new.published > old.published
    if a is None and b is None:
        # 员工1900名 then 2000余名; 科技进步贡献率57.5% in 2018, 超过60% in 2021: the same measure of the same
        # named body, stated as it stood on each day.
        return later and not agree(old, new)
    if a is None and b is not None and b.as_of and b.days == 1:
        # (Not 截至6月10日今年累计开行突破万列, this year's running total, for 累计开行突破13万列 of all the years.)
        return later and old.published is not None and b.end > old.published and not agree(old, new)
    return False


def latest_since(old: Claim, store: ClaimStore) -> Claim | None:
    """The newest figure the store has for the fact `old` states, stated later and otherwise: what a draft
    that calls `old`'s figure today's (目前, 最新, 截至目前) should say instead.

    Later means a later day (undated figures, stocks as of a day) or a later period as long as old's
    (2018年 → 2020年 for a yearly total), never a shorter one (2020年一季度 is not the year's total).
    """
    best: Claim | None = None
    for new in store.near(old, same_metric=True):
        if new.id == old.id or new.published is None or old.published is None or new.published < old.published:
            continue
        if new.id == old.changed_to:
            return latest_since(new, store) or new  # 由52.2%提高到57.5%, and 58.5% a year later
        if _when(new) <= _when(old) or not _comparable(old, new) or _restates(old, new) or _fell(old, new):
            continue
        if not _one_series(old, new, identify(old, new)):
            continue
        if best is None or _newness(new) > _newness(best):
            best = new
    return best


_SO_FAR = re.compile(r"累计|迄今|至今|已|到目前为止|截至目前")  # a count kept up to the day it is told
_COUNTED_UP = re.compile(r"累计|截至目前|迄今|至今|已有|共有|已经有")
_COUNTS = frozenset({"个", "件", "起", "次", "人次", "家", "户", "名", "人", "项", "座", "所", "条", "台", "辆", "套", "例",
                     "列", "架", "艘", "批", "趟", "班"})


def _fell(old: Claim, new: Claim) -> bool:
    """A count kept up to now (截至目前，大约有93个典型案例被曝光) never falls: a later, smaller count (5个典型案例)
    is of something else, no update of it."""
    return (old.unit in _COUNTS and new.value < old.value
            and bool(_COUNTED_UP.search(old.plain_sentence, 0, old.at())))


def _implied(draft: Claim, source: Claim) -> bool:
    """A source's bound vouches only for what it implies: 突破700亿立方米 for 超600亿立方米, not for 720多亿立方米
    two months on, nor for an exact 508.1亿件 (a typo of 501.8亿件 would pass as well); 约68亿 for 68.3亿, not 69亿."""
    if source.qualifier in (Qualifier.AT_LEAST, Qualifier.ABOVE):
        return draft.qualifier in (Qualifier.AT_LEAST, Qualifier.ABOVE) and draft.value <= source.value
    if source.qualifier == Qualifier.AT_MOST:
        return draft.qualifier == Qualifier.AT_MOST and draft.value >= source.value
    if source.qualifier == Qualifier.RANGE and draft.qualifier != Qualifier.RANGE:
        # 前三季度净利润28.36亿-31.16亿元 (an advance estimate) for the 30.4亿元 reported later: inside the range,
        # which never said it.
        return False
    if source.qualifier == Qualifier.ABOUT and draft.qualifier == Qualifier.EXACT:
        # 约为68亿立方米 (one estimate) for 69亿立方米 (another's): compatible, but it vouches only for what rounds
        # to it.
        return abs(draft.value - source.value) < draft.precision + source.precision
    return True


def _broken_down(draft: Claim) -> bool:
    """The draft's sentence gives the period right after the figure's too (一季度…，二季度…): each part of a
    breakdown is its own fact, which a fuller period does not replace."""
    p = draft.period
    if p is None or p.as_of or draft.published is None:
        return False
    following = p.end + dt.timedelta(days=1)
    return any(m.period.start == following and not m.period.as_of and m.start > draft.at()
               for m in find_periods(draft.plain_sentence, draft.published, None, p.start.year))


_FOR_EXAMPLE = re.compile(r"以([^，。；,;]{2,20})为例")


def _a_period_for_example(draft: Claim) -> bool:
    """以2023年上半年为例，…共78.1万人次: the writer picks the period to illustrate, knowing later ones exist; the
    figure is that period's, not given as the latest."""
    if draft.published is None:
        return False
    return any(find_periods(m.group(1), draft.published)
               for m in _FOR_EXAMPLE.finditer(draft.plain_sentence, 0, draft.at()))


def _given_as_a_base(draft: Claim) -> bool:
    """The draft's sentence gives a later day than its figure's own as of (截至2023年12月31日…余额为1,109亿元，
    截至2022年12月31日为人民币956亿元): the figure is the base the later one is set against, no stale claim."""
    p = draft.period
    if p is None or not p.as_of or draft.published is None:
        return False
    return any(m.period.as_of and m.period.end > p.end
               for m in find_periods(draft.plain_sentence, draft.published, None, p.start.year))


def _restates(old: Claim, new: Claim) -> bool:
    """The later figure says what the earlier one said: the same figure, or one within an exact figure's
    rounding. A bound the later figure only falls within (超过12万公里, then 16万公里) has moved on."""
    if not agree(old, new):
        return False
    # 1.6亿多户, then 超过1.6亿户: two bounds at one printed figure say the same, whichever word bounds it.
    return old.qualifier == Qualifier.EXACT or (new.value == old.value and new.qualifier != Qualifier.EXACT)


def _so_far(c: Claim) -> Period | None:
    """An outcome for a period still running when it was given is a total so far: 2026年电影票房超160亿元 in June
    is the year's box office up to that day."""
    p = c.period
    if (p is None or p.as_of or c.published is None or p.start > c.published or p.end <= c.published
            or modality(c) != OUTCOME):
        return p
    return Period(p.start, c.published, p.label)


def _when(c: Claim) -> dt.date:
    p = _so_far(c)
    return p.end if p else (c.published or dt.date.min)


def _comparable(old: Claim, new: Claim) -> bool:
    """A later figure that can replace `old` as the latest: a figure as of a later day, or a later period
    no shorter (57.5% as of March 2018, then 58.5% for 2018年; not 2020年一季度 after 2019年)."""
    a, b = _so_far(old), _so_far(new)
    if b is not None and b.as_of and b.days > 1 and (a is None or a.start != b.start):
        return False  # 截至6月10日今年累计 is this year's running total, not one of all the years (累计开行13万列)
    if (b is not None and not b.as_of and old.unit in _COUNTS and (a is None or a.days == 1)
            and _SO_FAR.search(old.plain_sentence, 0, old.at())):
        return False  # 已实施超过6.6万个城市更新项目 so far; 2024年…6万余个 is one year's, no newer running total
    if b is None or b.as_of:
        return True
    if a is not None and b.start == a.start and a.end < b.end and b.days <= FULLER_DAYS_MAX:
        return True  # 前四个月 → 前五个月: the same running total, further on
    if a is None or a.as_of:
        return b.days >= 365
    return 0.8 <= b.days / a.days <= 1.25


def _repeats(draft: Claim, source: Claim) -> bool:
    """The draft gives the source's very figure (a bound as that bound), not one the source's bound admits."""
    return draft.value == source.value and draft.qualifier == source.qualifier


def _newness(c: Claim) -> tuple[dt.date, dt.date]:
    return (c.period.end if c.period else dt.date.min, c.published or dt.date.min)


def _span(c: Claim) -> str:
    if c.period is None:
        return "undated"
    return f"{c.period.start.isoformat()}..{c.period.end.isoformat()}"


def _near_miss(draft: Claim, m: Match, identity: Identity) -> str:
    c = m.claim
    where = f"{c.source}:{c.line} {c.text}"
    why = identity.why_not()
    if identity.named_fact and identity.period.outcome in (SAME, UNDATED):
        if identity.period.outcome == UNDATED:
            return f"{where}: {why}"
        return f"{where}: " + (no_alarm(identity, draft, c) or _("the same fact, but not for an alarm"))
    return f"{where}: {why}" if why else f"{where}: " + _("a different metric ({metric}, similarity {score})").format(
        metric=c.metric or c.counted, score=f"{m.support:.0f}")


def judge(draft: Claim, store: ClaimStore, successors: dict[str, Claim | None] | None = None) -> Judgement:
    """`successors` remembers, across the figures of one check, which stored claims are superseded and by what."""
    found = _judge(draft, store, successors)
    if found.verdict == UNSUPPORTED or found.reasons or not found.evidence:
        return found
    cited = found.evidence[-1] if found.verdict == STALE and len(found.evidence) > 1 else found.evidence[0]
    return replace(found, reasons=provenance(draft, cited))


_FROM = ("paragraph", "story", "heading", "lead", "attribution", "metric")


def _came_from(kind: str, line: int) -> str:
    """Where a subject or period was found, said for the editor (in their language)."""
    said = {"paragraph": _("carried from line {line}"), "story": _("carried from an earlier paragraph, line {line}"),
            "heading": _("from the story's heading, line {line}"),
            "lead": _("from the paragraph that opens the list, line {line}"),
            "attribution": _("the whole country, from the source cited"),
            "metric": _("the whole country, named by the measure")}
    return said[kind].format(line=line)


def provenance(draft: Claim, cited: Claim) -> tuple[str, ...]:
    """Where a verdict's subject or period came from, when not from the figure's own sentence: an editor can
    see that 全国 was carried from the story's first line, or 2025年 from its heading."""
    notes = []
    for side, c in ((_("the draft's"), draft), (_("{source}:{line}'s").format(source=cited.source, line=cited.line), cited)):
        if c.subject and c.subject_from in _FROM:
            notes.append(_("{side} subject {subject}: {origin}").format(
                side=side, subject=c.subject, origin=_came_from(c.subject_from, c.subject_line)))
        if c.period is not None and c.period_from in ("paragraph", "heading", "lead"):
            notes.append(_("{side} period {period}: {origin}").format(
                side=side, period=c.period.label, origin=_came_from(c.period_from, c.period_line)))
    if not draft.subject and not cited.subject:
        notes.append(_("neither names whom the figure is about"))
    return tuple(notes)


def _judge(draft: Claim, store: ClaimStore, successors: dict[str, Claim | None] | None) -> Judgement:
    matches = candidates(draft, store)
    scored = [(m, identify(draft, m.claim)) for m in matches]
    agreeing = [
        (m, i) for m, i in scored
        if agree(draft, m.claim) and _implied(draft, m.claim)
        # a rate agrees with one printed to other digits only for one period: 1—4月's 4% is not 前5个月's 3.7%
        and not (rounded_rate(draft, m.claim) and i.period.outcome != SAME)
        # 据海关数据…约77% is no 根据中国汽车工业协会统计…75.7%, however near: two agencies' counts
        and not (draft.value != m.claim.value and named_counters_apart(draft, m.claim))
        # 3人死亡，其中包括2名儿童 is no part of 8人死亡，其中包括两名儿童: two breakdowns
        and not wholes_apart(draft, m.claim)
        and not levels_disagree(draft, m.claim)  # a rate vouches only where the levels it qualifies agree
        and supports(
            i,
            verbatim(draft, m.claim),
            draft.value == m.claim.value and draft.unit == m.claim.unit and draft.qualifier == m.claim.qualifier,
            reworded(draft, m.claim),
            standing(draft, m.claim),
        )
    ]
    named = [(m, i) for m, i in agreeing if i.subject.outcome == SAME]
    conflicting = [
        m for m, i in scored
        if not agree(draft, m.claim) and contradicts(i, draft, m.claim)
    ]
    # A source about the same named body that agrees wins; then one that disagrees; an agreeing
    # source whose subject only the wording vouches for comes last.
    if not named and conflicting:
        c = max(conflicting, key=lambda m: (m.strict, m.claim.published or draft.published)).claim
        return Judgement(
            CONTRADICTED,
            _("{figure} — the source says {source_figure}").format(figure=draft.text, source_figure=c.text)
            + (f" ({c.period.label})" if c.period else ""),
            (c,),
        )
    outdated = None if agreeing else (
        _called_current(draft, scored, store) or _previously(draft, scored, store) or _fuller_out(draft, scored))
    if outdated is not None:
        return outdated
    if agreeing:
        # A body both name outranks one that neither names (identity.unnamed_alike): the named source is
        # the one whose later figures are known as that body's.
        by_name = [(m, i) for m, i in named if not i.subject.reason]
        return _agreeing(draft, by_name or named or agreeing, store, successors if successors is not None else {})
    reasons = tuple(_near_miss(draft, m, i) for m, i in scored[:3])
    return Judgement(
        UNSUPPORTED,
        _("{figure}: no source gives this figure for {subject}").format(
            figure=draft.text, subject=draft.subject or _("this subject"))
        + (f" ({draft.period.label})" if draft.period else ""),
        tuple(m.claim for m in matches[:3]),
        reasons,
    )


def _called_current(draft: Claim, scored: list[tuple[Match, Identity]], store: ClaimStore) -> Judgement | None:
    """目前…占世界经济的比重为11.4%, when 11.4% is what a 2018 source said and a later one says more: the
    draft calls an old figure today's. Only for the same named body, measure and modality, stated for an
    earlier day or period (or undated) in the source, and only when the store knows a later, different figure."""
    if not as_of_article(draft) or draft.published is None:
        return None
    later = None
    for m, i in scored:
        old = m.claim
        if (not agree(draft, old) or i.period.outcome != RUNNING or not _one_series(draft, old, i)
                or old.published is None or old.published >= draft.published):
            continue
        newer = latest_since(old, store)
        if newer is None or _restates(draft, newer) or scope_apart(draft, old) or scope_apart(draft, newer):
            continue  # 全区森林…覆盖率高达85%以上 is no county's media coverage, however new
        if _later_than_known(draft, newer, [(m, i)]):
            later = later or _later_figure(draft, newer, old)
            continue  # another source may give the draft's very figure
        found = _superseded(draft, newer, old)
        if i.named_fact:
            return found
        # 目前我国科技进步贡献率为57.5% against a report that names nobody: say what the match rests on.
        unnamed = _("{source}:{line} names no body: one measure, named in full, read as the whole country's").format(
            source=old.source, line=old.line)
        return replace(found, reasons=(*provenance(draft, newer), unnamed))
    return later


def _later_than_known(draft: Claim, newest: Claim, agreeing: list[tuple[Match, Identity]]) -> bool:
    """达到510270667例, stated as of 30 April, where the store's newest is 505817953例 on the 23rd and only an
    older 超过5亿例 agrees: a figure of a later day than any known, not an old one given as new."""
    return (draft.period is not None and draft.period_from == "sentence" and _when(newest) < _when(draft)
            and not any(_repeats(draft, m.claim) for m, _i in agreeing))


def _later_figure(draft: Claim, newest: Claim, agreeing: Claim) -> Judgement:
    return Judgement(
        UNSUPPORTED,
        _("{figure}: given as of {day}, later than the newest figure known ({newer} in {source}, {published}); "
          "no source gives it").format(figure=draft.text, day=_when(draft).isoformat(), newer=newest.text,
                                       source=newest.source, published=_when(newest).isoformat()),
        (agreeing, newest),
        (f"{agreeing.source}:{agreeing.line} {agreeing.text}: " + _("agrees, but is an older figure than the draft's"),),
    )


def _previously(draft: Claim, scored: list[tuple[Match, Identity]], store: ClaimStore) -> Judgement | None:
    """日本5月外汇储备13059亿美元，前值13830亿美元; 下调至4800美元，之前为5000美元: the draft gives as current
    the value its source gives as the one before, beside the one that replaced it. Only for the same named
    body and measure, and only with the replacing figure in the very sentence, given as the draft gives its own."""
    said = modality(draft)
    if said == PREVIOUS or consensus(draft):
        return None  # 预估为22万: a market's forecast, made afresh for each release
    for m, i in scored:
        old = m.claim
        if (old.value != draft.value or old.unit != draft.unit or modality(old) != PREVIOUS
                or i.subject.outcome != SAME or i.metric.outcome != SAME or not i.specific
                or i.period.outcome == DIFFERENT):
            continue  # the very value, not one within rounding (22万 is not 前值21.5万), of that period
        before = [c for c in store.near(old, same_metric=True)
                  if c.source == old.source and c.line == old.line and c.sentence == old.sentence
                  and c.at() < old.at() and c.metric == old.metric and c.subject == old.subject
                  and modality(c) == said and not agree(draft, c)]
        if before:
            now = max(before, key=lambda c: c.at())
            label = f" ({now.period.label})" if now.period else ""
            return Judgement(
                STALE,
                _("{figure} is what {source} ({published}) gives as the value before: now {newer}").format(
                    figure=draft.text, source=old.source, published=old.published, newer=now.text) + label,
                (now, old),
            )
    return None


_LATEST = re.compile(r"最新|目前|当前|最近")


def _fuller_out(draft: Claim, scored: list[tuple[Match, Identity]]) -> Judgement | None:
    """最新统计显示，今年1—4月份全国社会物流总额为115.3万亿元, when 1—5月份's is already out: the draft gives as
    the latest a period the store has a fuller figure for, published before the draft. Only for the same named
    body, measure and modality, the same start, and a draft that says its figure is the latest."""
    p = draft.period
    if p is None or draft.published is None or not _LATEST.search(draft.plain_sentence, 0, draft.at()):
        return None
    # A year still running when its figure was given is that year so far (今年…超过2.2万人 on 5 July): no
    # fuller period than the draft's 今年以来 of September.
    fuller = [m.claim for m, i in scored
              if i.named_fact and i.specific and same_scope(draft, m.claim) and (q := _so_far(m.claim)) is not None
              and q.start == p.start and q.end > p.end
              and m.claim.published is not None and m.claim.published <= draft.published]
    if not fuller:
        return None
    newer = max(fuller, key=lambda c: (c.period.end if c.period else dt.date.min, c.published or dt.date.min))
    label = f" ({newer.period.label})" if newer.period else ""
    return Judgement(
        STALE,
        _("{figure} is given as the latest, but a fuller period's figure is out: {newer}{label} in {source} ({published})")
        .format(figure=draft.text, newer=newer.text, label=label, source=newer.source, published=newer.published),
        (newer,),
        (_("the draft's own figure for {period} is not in the store").format(period=p.label),),
    )


_BOUNDS = (Qualifier.AT_LEAST, Qualifier.ABOVE, Qualifier.AT_MOST)


def _superseded(draft: Claim, newer: Claim, old: Claim) -> Judgement:
    """`stale`, citing the newer figure first and the one the draft repeats after it; ok when the newer figure
    is the draft's too (约4700亿元 for 2021, then 4700亿元 as of December: still the figure to use)."""
    if draft.qualifier in _BOUNDS and _just_past(draft, newer):
        # 目前我国森林覆盖率已突破25% when 25.09% is out: the mark still says it; a bound far behind (超过11万公里
        # for 13.1万公里) is out of date.
        return Judgement(OK, _agrees(draft, newer), (newer,))
    if agree(draft, newer) and draft.qualifier not in _BOUNDS and not rounded_rate(draft, newer):
        # …but not a bound called current (超过11万公里) once a figure past it is known (13.1万公里), nor a rate
        # only rounded alike (1—4月's 4% for 前5个月's 3.7%)
        return Judgement(OK, _agrees(draft, newer), (newer,))
    label = f" ({newer.period.label})" if newer.period else ""
    return Judgement(
        STALE,
        _("{figure} has been superseded: {newer}{period} in {source} ({published})").format(
            figure=draft.text, newer=newer.text, period=label, source=newer.source, published=newer.published),
        (newer, old),
    )


JUST_PAST = Decimal("0.05")  # a figure this little past a lower bound (25.09% for 突破25%) is still what the bound says


def _just_past(bound: Claim, newer: Claim) -> bool:
    if bound.qualifier == Qualifier.AT_MOST or not bound.value or bound.unit != newer.unit:
        return False
    if newer.qualifier != Qualifier.EXACT and not (newer.qualifier in (Qualifier.AT_LEAST, Qualifier.ABOVE)
                                                   and _over(newer) and _same_span(bound, newer)):
        # A newer mark (超155亿元 after 超150亿元) says a running total has moved on; for the draft's own period, over
        # when the mark was given (2022年经济总量突破120万亿元, then 超121万亿元), it is only a closer mark for one figure.
        return False
    return bound.value <= newer.value <= bound.value * (1 + JUST_PAST)


def _same_span(a: Claim, b: Claim) -> bool:
    return a.period is not None and b.period is not None and (a.period.start, a.period.end) == (b.period.start, b.period.end)


def _over(c: Claim) -> bool:
    """The figure's period had ended when it was given: no later figure of that period is a new state."""
    p = c.period
    return (p is not None and not p.as_of and c.published is not None and p.end < c.published
            and modality(c) == OUTCOME)


def _agrees(draft: Claim, cite: Claim) -> str:
    return _("{figure} agrees with {source}:{line}").format(figure=draft.text, source=cite.source, line=cite.line)


def _same_change(draft: Claim, cited: Claim, successors: dict[str, Claim | None]) -> bool:
    """从6.2亿美元增长至37.7亿美元 in the draft as in the source: the start of the change, told as one, is not out of date."""
    newer = successors.get(cited.id)
    return bool(draft.changed_to) and newer is not None and newer.id == cited.changed_to


def _of_the_drafts_scope(draft: Claim, newer: Claim | None) -> Claim | None:
    """A newer figure, unless it is of another scope than the draft's (identity.scope_apart)."""
    return None if newer is None or scope_apart(draft, newer) else newer


def _agreeing(
    draft: Claim, agreeing: list[tuple[Match, Identity]], store: ClaimStore, successors: dict[str, Claim | None]
) -> Judgement:
    """Ok when any agreeing source is still current; stale when each is superseded and the draft's period is theirs."""
    def rank(pair: tuple[Match, Identity]) -> tuple[bool, float, float]:
        m, i = pair
        return (i.period.outcome == SAME, m.strict, m.support)

    best, best_identity = max(agreeing, key=rank)
    strong = [(m, i) for m, i in agreeing if m.strict >= best.strict - CONTRADICT_MARGIN or m is best]
    if as_of_article(draft):
        # 目前, 最新, 截至目前: the draft gives its figure as today's; ok only if nothing newer is known.
        latest = [(m, _of_the_drafts_scope(draft, latest_since(m.claim, store))) for m, _i in strong]
        fresh = [m for m, newer in latest if newer is None]
        if fresh:
            cite = max(fresh, key=lambda m: (_newness(m.claim), m.strict)).claim
            return Judgement(OK, _agrees(draft, cite), (cite,))
        latest_known = max((n for _m, n in latest if n is not None), key=_newness)
        if _later_than_known(draft, latest_known, strong):
            return _later_figure(draft, latest_known, best.claim)
        return _superseded(draft, latest_known, best.claim)
    if _broken_down(draft) or _given_as_a_base(draft) or _a_period_for_example(draft):
        # 分季度看，一季度…增长5.4%，二季度增长5.2%…: a breakdown by period; 上半年's figure is no fuller one.
        cite = max(strong, key=rank)[0].claim
        return Judgement(OK, _agrees(draft, cite), (cite,))
    for m, _i in strong:
        if m.claim.id not in successors:
            successors[m.claim.id] = superseded_by(m.claim, store)
    current = [(m, i) for m, i in strong if successors[m.claim.id] is None or _same_change(draft, m.claim, successors)]
    if current:
        cite = max(current, key=rank)[0].claim
        return Judgement(OK, _agrees(draft, cite), (cite,))
    newer = successors[best.claim.id]
    assert newer is not None
    if scope_apart(draft, newer):
        return Judgement(OK, _agrees(draft, best.claim), (best.claim,))  # the newer figure is of another scope
    if _gives_value(draft, newer):
        # 截至2021年12月31日及2022年12月31日止，未兑付本息分别为合计约410亿元及约340亿元: the draft prints the newer
        # figure beside its own; the older one is history told as such, not out of date.
        return Judgement(OK, _agrees(draft, best.claim), (best.claim,))
    if best_identity.period.outcome not in (SAME, UNDATED, RUNNING):
        label = f" ({newer.period.label})" if newer.period else ""
        # The draft gives no period: it may mean the older figure's period on purpose.
        return Judgement(
            UNSUPPORTED,
            _("{figure}: matches {source}:{line} ({span}), since superseded by {newer}{period}; the draft gives no "
              "period to tell which it means").format(
                figure=draft.text, source=best.claim.source, line=best.claim.line, span=_span(best.claim),
                newer=newer.text, period=label),
            (best.claim, newer),
            (f"{newer.source}:{newer.line} {newer.text}: " + _("newer, but the draft gives no period"),),
        )
    return _superseded(draft, newer, best.claim)
