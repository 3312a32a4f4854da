"""A figure's period, resolved to first and last day: what makes 88亿元 (Jan–Nov) and 98亿元 (full year)
different facts rather than a contradiction. Read from text in extract/period.py."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_AS_OF_WORDS = ("末", "底", "截至", "截止", "目前", "至今", "以来", "如今", "现在", "当前", "现有", "眼下", "最新")
# 截至3月19日的四周内: a window of set length ending on a day, which the next window does not move on from.
# extract/period.py reads the window from the sentence with it; a period's label ends with it.
WINDOW = re.compile(r"的(?:过去|前|最近|近)?(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})个?(?P<unit>周|星期|月|天|日)(?:内|里|间|中)?")
_WINDOW_END = re.compile(WINDOW.pattern + "$")


@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date
    end: dt.date
    label: str  # as written

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def as_of(self) -> bool:
        """A stock or running total as of a day (2月末, 截至3月底, 截至4月29日今年), which a later one replaces.

        A day's own count (今天, 春运第11天) is not: tomorrow's count is another fact.
        """
        return any(w in self.label for w in _AS_OF_WORDS) and not (
            self.label.startswith(("截至", "截止")) and _WINDOW_END.search(self.label) is not None)

    def to_json(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "label": self.label}

    @classmethod
    def from_json(cls, data: dict[str, str] | None) -> Period | None:
        if not data:
            return None
        return cls(dt.date.fromisoformat(data["start"]), dt.date.fromisoformat(data["end"]), data.get("label", ""))
