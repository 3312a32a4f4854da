"""Who a figure is about: companies, zones, cities, banks, with short and full names as one body.

A page can carry unrelated stories (seed 000 carries a Shaoxing bank story
beside the Pinghu zone's), so the subject comes from the sentence itself
first and is inherited only within a story.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Bodies this newsroom writes about, with the names they go by. Editors can
# extend this in configuration; the generic rules below catch the rest.
KNOWN_BODIES: dict[str, tuple[str, ...]] = {
    "平湖经开": ("国家级平湖经济技术开发区", "平湖经济技术开发区", "平湖经开区", "平湖经开"),
    "平湖市": ("平湖市", "平湖全市", "我市"),
    "工行绍兴分行": ("中国工商银行绍兴分行", "工商银行绍兴分行", "工行绍兴分行"),
    "工行浙江省分行": ("工行浙江省分行",),
    "绍兴市": ("绍兴市", "绍兴地区"),
}
_ORG_SUFFIX = (
    "股份有限公司", "有限责任公司", "有限公司", "集团", "公司", "分行", "支行", "银行", "学院", "大学",
    "研究院", "工作室", "社区", "开发区", "产业园", "直播基地", "生产基地", "协会", "联盟",
)
_LEGAL_SUFFIX = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|集团有限公司|集团|公司)$")
_REGION_PREFIX = re.compile(r"^(?:浙江省?|嘉兴市?|平湖市?|上海市?|杭州市?|绍兴市?|北京市?|中国)")
_PAREN = re.compile(r"（[^（）]{1,6}）")
_STOP = set("，。、；：“”‘’（）《》的在于为由与和及是对向从将把被让使经了也都还已并等其该这那")
_STOP_WORDS = ("项目", "整个", "全体", "各类", "其中", "目前", "如今", "今年", "去年", "随着", "通过", "作为", "围绕", "走进", "位于", "比如", "例如", "像", "包括")
_KNOWN = sorted(((alias, canon) for canon, names in KNOWN_BODIES.items() for alias in names), key=lambda x: -len(x[0]))
# Bare 平湖 names the city only when it stands alone (平湖共引进…), not inside 平湖技师学院.
_BARE_CITY = re.compile(r"平湖(?=[共全已向来是的在也将正为有与和以，、。])")
_KNOWN_RE = re.compile("|".join(re.escape(a) for a, _ in _KNOWN))
_ORG_SUFFIX_RE = re.compile("|".join(_ORG_SUFFIX))
_ORG_RE = re.compile(
    r"[\u4e00-\u9fff]{1,14}(?:（[\u4e00-\u9fff]{1,6}）[\u4e00-\u9fff]{0,6})?(?:"
    + "|".join(sorted(_ORG_SUFFIX, key=len, reverse=True))
    + ")"
)
_ORG_REACH = 14 + len("（）") + 6 + 6  # the most _ORG_RE reads before its suffix


@dataclass(frozen=True, slots=True)
class Mention:
    name: str  # as written
    canonical: str  # one key per body
    start: int
    end: int
    strong: bool  # a known body or a registered company name: safe to tell apart from another
    topical: bool = True  # in subject position, not the object of a verb (落实平湖市…, 与绍兴市科技局)


def canonical(name: str) -> str:
    """One key per body: 津上精密机床（浙江）有限公司 and 津上精密 share the key's prefix."""
    for alias, canon in _KNOWN:
        if name == alias:
            return canon
    core = _PAREN.sub("", name)
    core = _LEGAL_SUFFIX.sub("", core)
    stripped = _REGION_PREFIX.sub("", core)
    return stripped if len(stripped) >= 2 else core


def same_body(a: str | None, b: str | None) -> bool | None:
    """True or False when both are known; None when either is unknown."""
    if not a or not b:
        return None
    if a == b:
        return True
    if a in KNOWN_BODIES or b in KNOWN_BODIES:
        return False
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and len(short) >= 2


def _trim_start(name: str) -> str:
    """Cut a greedy match back to the name: 为工行绍兴分行 → 工行绍兴分行."""
    for word in _STOP_WORDS:
        idx = name.rfind(word)
        if idx >= 0:
            name = name[idx + len(word) :]
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


def find_mentions(text: str) -> list[Mention]:
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in _KNOWN_RE.finditer(text):
        alias = m.group()
        canon = next(c for a, c in _KNOWN if a == alias)
        mentions.append(Mention(alias, canon, m.start(), m.end(), True))
        taken.append((m.start(), m.end()))
    for m in _BARE_CITY.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            mentions.append(Mention("平湖", "平湖市", m.start(), m.end(), True))
            taken.append((m.start(), m.end()))
    for m in _org_names(text):
        name = _trim_start(m.group())
        start = m.end() - len(name)
        for s_, e_ in taken:
            if s_ <= start < e_ < m.end():
                start = e_  # 平湖经开钟溪汇国际青年社区: the community inside the zone is a name of its own
                name = text[start : m.end()]
        if len(name) < 4 or any(s < m.end() and start < e for s, e in taken):
            continue
        legal = _LEGAL_SUFFIX.search(name)
        if legal and len(_PAREN.sub("", name[: legal.start()])) < 3:
            continue  # 知道公司的想法: a verb before 公司, not a company name
        strong = bool(legal) or name.endswith(("分行", "支行", "银行"))
        mentions.append(Mention(name, canonical(name), start, m.end(), strong))
        taken.append((start, m.end()))
    mentions.sort(key=lambda x: x.start)
    return [_with_role(text, m) for m in mentions]


_OBJECT_MARKERS = (
    "落实", "对", "为", "向", "与", "和", "及", "同", "跟", "给", "帮助", "支持", "服务", "引进", "走进", "进入",
    "入驻", "入职", "入册达", "入册", "联合", "携手", "协助", "推动", "助力", "选择", "落户", "位于", "覆盖", "赴", "是",
)


def _with_role(text: str, m: Mention) -> Mention:
    before = text[max(0, m.start - 4) : m.start]
    if before.endswith(_OBJECT_MARKERS):
        return Mention(m.name, m.canonical, m.start, m.end, m.strong, topical=False)
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
    """Store subjects and their four-character short forms (津上精密机床 → 津上精密), longest first."""
    names: dict[str, str] = {}
    for canon in sorted(subjects, key=len, reverse=True):
        if len(canon) < 3 or canon in KNOWN_BODIES:
            continue
        names.setdefault(canon, canon)
        if len(canon) >= 6 and not _REGION_PREFIX.match(canon):
            names.setdefault(canon[:4], canon)
    return dict(sorted(names.items(), key=lambda kv: -len(kv[0])))
