"""Quick fixes: one edit of a draft's line that puts a stale or contradicted figure right, checked before it is offered.

Putting the source's figure alone in place is wrong for a period-stale one:
"2025年前11个月…产值88亿元" made "…98亿元" says the full year's figure of the
first eleven months, and the checker then calls it contradicted. The fix
takes the superseding claim's period words with its figure (2025年前11个月 →
2025年), and every other figure of that sentence the same period supersedes
(同比增长9% → 8.1%), as one edit. Whatever the edit, it is offered only if the
draft it leaves is one the checker accepts: checked again, every figure in
the edited span is ok and no other figure's verdict has moved.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise

from ..record.claim import Claim
from ..record.finding import CONTRADICTED, OK, STALE, Finding
from .session import Checked

FIXABLE = (STALE, CONTRADICTED)  # the source has the right figure; an unsupported one has none to offer


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace characters `column`..`end_column` (1-based, end exclusive) of `line` with `text`."""

    title: str
    line: int
    column: int
    end_column: int
    text: str
    findings: tuple[Finding, ...]  # the figures it puts right

    def apply(self, draft: str) -> str:
        """The draft with this fix made (lines split on \\n only, as findings count them)."""
        lines = draft.split("\n")
        row = lines[self.line - 1]
        lines[self.line - 1] = row[: self.column - 1] + self.text + row[self.end_column - 1 :]
        return "\n".join(lines)


def fixes(checked: Checked, recheck: Callable[[str], Checked], among: Iterable[Finding] | None = None) -> list[Fix]:
    """A fix for each stale or contradicted figure `among` the checked ones (default: all) that has one the
    checker accepts; figures put right by one edit share it."""
    draft = "\n".join(checked.lines)
    tried: dict[tuple[int, int, int, str], Fix | None] = {}
    for f in checked.findings if among is None else among:
        if f.verdict not in FIXABLE or not f.evidence:
            continue
        fix = candidate(f, checked)
        if fix is None:
            continue
        key = (fix.line, fix.column, fix.end_column, fix.text)
        if key not in tried:
            tried[key] = fix if accepted(fix, checked, recheck(fix.apply(draft))) else None
    return [fix for fix in tried.values() if fix is not None]


def candidate(f: Finding, checked: Checked) -> Fix | None:
    """The edit that should put `f` right: its figure, or its figure, its period words and the sentence's other
    figures of that period; None when the period words cannot be found on the figure's line."""
    row = checked.lines[f.line - 1] if f.line <= len(checked.lines) else ""
    start, end = _span(f, row)
    if row[start:end] != f.text:  # a figure broken across lines: no one-line edit can replace it
        return None
    new = f.evidence[0]  # for stale: the superseding claim, the repeated one after it
    where = f"{new.source}:{new.line}"
    if _same_period(f.claim, new):
        return Fix(f"Replace {f.text} with {new.text} ({where})", f.line, start + 1, end + 1, new.text, (f,))
    said = _period_words(f, row, start)
    if said is None or new.period is None or f.claim.period is None or f.verdict != STALE:
        return None  # a contradicted figure is judged for the draft's own period: its figure alone is the fix
    words = (said, said + len(f.claim.period.label))
    group = [g for g in checked.findings if g.line == f.line and _moves_with(g, f, row, said)]
    edits = sorted([(*words, new.period.label), *((*_span(g, row), g.evidence[0].text) for g in group)])
    if any(a[1] > b[0] for a, b in pairwise(edits)):  # the period words overlap a figure
        return None
    first, last = edits[0][0], max(e[1] for e in edits)
    text, at = [], first
    for a, b, put in edits:
        text += [row[at:a], put]
        at = b
    text.append(row[at:last])
    changes = ", ".join(f"{g.text} → {g.evidence[0].text}" for g in group)
    title = f"Use {new.period.label}: {row[words[0]:words[1]]} → {new.period.label}, {changes} ({where})"
    return Fix(title, f.line, first + 1, last + 1, "".join(text), tuple(group))


def accepted(fix: Fix, before: Checked, after: Checked) -> bool:
    """The draft `fix` leaves is one the checker accepts: every figure in the edited span ok, those it was
    meant to put right among them, and every other figure's verdict where it was."""
    if after.refused is not None:
        return False

    def edited(f: Finding, end_column: int) -> bool:
        return f.line == fix.line and fix.column <= f.column < end_column

    old_end, new_end = fix.end_column, fix.column + len(fix.text)
    rest_before = Counter((f.line, f.text, f.verdict) for f in before.findings if not edited(f, old_end))
    rest_after = Counter((f.line, f.text, f.verdict) for f in after.findings if not edited(f, new_end))
    changed = [f for f in after.findings if edited(f, new_end)]
    wanted = Counter(f.evidence[0].text for f in fix.findings)
    return (rest_before == rest_after and all(f.verdict == OK for f in changed)
            and not wanted - Counter(f.text for f in changed))


def _span(f: Finding, row: str) -> tuple[int, int]:
    """0-based start and end of the figure in its line, as the editor's ranges take them."""
    start = f.column - 1
    end = f.claim.end_column - 1 if f.claim.end_column > f.column else min(len(row), start + len(f.text))
    return start, end


def _same_period(draft: Claim, source: Claim) -> bool:
    """Nothing in the wording of the period to change: the same words or days, or no period on a side."""
    a, b = draft.period, source.period
    return a is None or b is None or a.label == b.label or (a.start, a.end) == (b.start, b.end)


def _period_words(f: Finding, row: str, figure: int) -> int | None:
    """Where the draft's period words for `f` stand on its line: the last time they are written before the
    figure, else the first after it; None when they come from elsewhere (an earlier sentence, a heading)."""
    period = f.claim.period
    if period is None or f.claim.period_from != "sentence" or not period.label:
        return None
    before = row.rfind(period.label, 0, figure)
    if before >= 0:
        return before
    after = row.find(period.label, figure)
    return after if after >= 0 else None


def _moves_with(g: Finding, f: Finding, row: str, said: int) -> bool:
    """`g` is dated by the same period words as `f` and superseded by a figure of the same period."""
    if g.verdict != STALE or not g.evidence or g.evidence[0].period is None or f.evidence[0].period is None:
        return False
    new, want = g.evidence[0].period, f.evidence[0].period
    return (g.claim.period == f.claim.period and _period_words(g, row, _span(g, row)[0]) == said
            and (new.start, new.end, new.label) == (want.start, want.end, want.label))
