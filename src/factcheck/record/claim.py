"""The claim: one numeric assertion, as stored in claims/ and as found in a draft; the record every stage passes on."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from ..reading import script
from .period import Period


class Qualifier(StrEnum):
    """How a figure bounds what it states; written to the record as the plain string."""

    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    ABOUT = "about"
    ABOVE = "above"  # 余/多/几: more than the figure, by less than one step of its last digit
    EXACT = "exact"
    RANGE = "range"


AT_LEAST, AT_MOST, ABOUT = Qualifier.AT_LEAST, Qualifier.AT_MOST, Qualifier.ABOUT
ABOVE, EXACT, RANGE = Qualifier.ABOVE, Qualifier.EXACT, Qualifier.RANGE


@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric assertion, as stored in claims/ and as found in a draft."""

    id: str
    source: str
    published: dt.date | None
    line: int
    column: int
    text: str
    value: Decimal
    low: Decimal | None
    high: Decimal | None
    unit: str
    qualifier: Qualifier = field(metadata={"missing": Qualifier.EXACT})  # a record without one: exactly
    subject: str | None
    metric: str
    period: Period | None
    sentence: str
    paragraph: str
    context: str = ""  # the clause with figures masked, for matching
    counted: str = ""  # what the figure counts (885套人才住房 → 人才住房)
    subject_strong: bool = False
    qualifies: str | None = None  # for a growth rate: the id of the figure it qualifies
    precision: Decimal = Decimal(0)
    date_inferred: bool = False
    # Where the figure sits in a draft's line, for reports; not stored (a source's claims are cited by line).
    end_column: int = field(default=0, metadata={"stored": False})
    number_column: int = field(default=0, metadata={"stored": False})
    # Where the subject and period came from: an editor can see that a
    # figure's 全国 was carried from the story's first line, not written beside it.
    subject_kind: str = ""  # national, region, place, country, pair, known, organisation
    # clause, sentence, attribution (a national source cited), paragraph or story (carried from
    # subject_line, in the same paragraph or an earlier one), metric (the measure names the whole
    # country: 国内生产总值), or "" (none)
    subject_from: str = ""
    subject_line: int = 0
    # sentence; paragraph (carried from period_line, earlier in it); heading (the story's headline
    # names it: ### 前三季度我国海洋生产总值…); or "" (undated)
    period_from: str = ""
    period_line: int = 0
    # Every body its paragraph names: an inherited subject may be any of them (三宏 … 平湖经开推荐的厂房).
    paragraph_bodies: tuple[str, ...] = ()
    # For a part of an earlier figure (服务进出口总额…。其中，出口26015亿元): what it is a part of.
    part_of: str = ""
    encoding: str = ""  # the source file's: utf-8, utf-16, gb18030 or big5
    # Where the figure stands in `sentence` (a figure written twice, 预期6.2%，前值6.2%, is two claims);
    # -1 in records written before it was kept.
    offset: int = -1
    # A start value (科技进步贡献率由52.2%提高到57.5%): the id of the end value, the same measure later.
    changed_to: str | None = None

    def at(self) -> int:
        """The figure's offset in its sentence."""
        return self.offset if self.offset >= 0 else max(self.plain_sentence.find(self.plain_text), 0)

    @property
    def plain_sentence(self) -> str:
        """The sentence in simplified script, as the rules read it; the record keeps the author's script."""
        return script.plain(self.sentence)

    @property
    def plain_paragraph(self) -> str:
        return script.plain(self.paragraph)

    @property
    def plain_text(self) -> str:
        return script.plain(self.text)

    def interval(self) -> tuple[Decimal | None, Decimal | None]:
        """What the figure asserts; an exact figure is widened by its printed precision.

        A threshold (超2亿美元) is not rounded: 1.59亿美元 is below it.
        """
        widen = self.precision if self.qualifier == Qualifier.EXACT else Decimal(0)
        lo = self.low - widen if self.low is not None else None
        hi = self.high + widen if self.high is not None else None
        return lo, hi


def claim_id(source: str, sentence: str, text: str, occurrence: int) -> str:
    """Stable across re-ingests and edits elsewhere in the file: content, not line numbers."""
    digest = hashlib.sha1(f"{source}\0{sentence}\0{text}\0{occurrence}".encode()).hexdigest()
    return digest[:16]


def mask_numbers(text: str) -> str:
    return re.sub(r"\d+(?:[.,]\d+)*", "#", text)
