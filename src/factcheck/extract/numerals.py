"""Chinese and Arabic numerals to exact decimals.

cn2an was measured and left out of the runtime: importing it costs ~0.25 s
(the whole start-up budget of a pre-commit hook), and it rejects the forms
news copy is full of (十余, 三分之二, 百分之五十). It stays in the test suite
as an independent oracle for plain numerals.
"""

from __future__ import annotations

import re
from decimal import Decimal

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
SCALES = {
    "万亿": Decimal(10) ** 12,
    "千亿": Decimal(10) ** 11,
    "百亿": Decimal(10) ** 10,
    "十亿": Decimal(10) ** 9,
    "亿": Decimal(10) ** 8,
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "十万": Decimal(10) ** 5,
    "万": Decimal(10) ** 4,
    "千": Decimal(10) ** 3,
    "百": Decimal(10) ** 2,
}
CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"
# 22年10月: a year written with two digits, as market copy writes it; read so only before a month,
# since 22年 alone is as often a count of years.
SHORT_YEAR = r"(?<!\d)[0-3]\d(?=年(?:1[0-2]|0?[1-9])月)"
# One character for one, so offsets survive: full-width digits and signs (１１.92亿, ５％),
# and the traditional forms of numeral and unit characters (萬, 億, 兩, 點, 個百分點, 港幣).
_FOLD = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}  # ０-９
_FOLD |= {chr(c): chr(c - 0xFEE0) for c in (*range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}  # Ａ-Ｚ ａ-ｚ
_FOLD |= dict(zip("％＋－−／＄￡", "%+--/$£")) | dict(zip("萬億兩點個負幾餘幣圓歐鎊韓盧臺", "万亿两点个负几余币圆欧镑韩卢台"))
_FOLD_TABLE = str.maketrans(_FOLD)
# ． is never a full stop between digits; ， is a thousands separator only between full-width digits
# (１１１，１１１), while $20，300美圆 is a list.
_FW_SEPARATOR = re.compile(r"(?<=\d)．(?=\d)|(?<=[０-９])，(?=[０-９])")
# Financial capitals (大写) are numerals only inside a numeral: in running text 陆/伍/拾/肆
# are words (陆地, 队伍, 拾起, 肆意), so only number() reads them.
_CAPITALS = str.maketrans("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟倆", "一二二三三四五六六七八九十百千两")
_TOKEN = re.compile(r"[0-9]+|.")
_ARABIC_SCALED = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|百)?")
# 1/3, 3/5, and a whole number before it with a space (1 3/5): the form a statistics table prints.
_SLASH = re.compile(r"(?:(\d+)\s+)?(\d+)/(\d+)")
_RANGE_PAIR = re.compile(r"([一二三四五六七八九])([一二三四五六七八九])(?=[十百千万亿])")


class NotANumber(ValueError):
    pass


def fold(text: str) -> str:
    """Full-width and traditional numerals to the plain forms, one char for one (offsets are kept)."""
    text = _FW_SEPARATOR.sub(lambda m: "." if m[0] == "．" else ",", text)
    return text.translate(_FOLD_TABLE)


def arabic(text: str) -> Decimal:
    """`1,200.5` → Decimal('1200.5')."""
    try:
        return Decimal(text.replace(",", ""))
    except ArithmeticError:  # decimal.InvalidOperation, all Decimal() raises for a string
        raise NotANumber(text) from None


def _cn_integer(text: str) -> int:
    """Place-value Chinese, Arabic digit runs allowed between the units (3万4000, 2千零30万)."""
    if not text:
        raise NotANumber(text)
    if all(ch in CN_DIGITS for ch in text):
        # Digit by digit (二〇二三) when there is more than one; a lone digit otherwise.
        return int("".join(str(CN_DIGITS[ch]) for ch in text))
    tokens = _TOKEN.findall(text)
    total = section = number = 0
    pending = False  # a digit waiting for its unit: 十四五 is a label, not 15
    last_small = 10_000  # small units fall within a section: 七十百 is not a number
    for tok in tokens:
        if tok in CN_DIGITS or (tok.isascii() and tok.isdigit()):
            if pending and number:
                raise NotANumber(text)
            number = CN_DIGITS[tok] if tok in CN_DIGITS else int(tok)
            pending = True
        elif tok in CN_SMALL_UNITS:
            if CN_SMALL_UNITS[tok] >= last_small:
                raise NotANumber(text)
            last_small = CN_SMALL_UNITS[tok]
            section += (number or 1) * CN_SMALL_UNITS[tok]
            number = 0
            pending = False
        elif tok == "万":
            total += (section + number or (0 if total else 1)) * 10_000
            section = number = 0
            pending, last_small = False, 10_000
        elif tok == "亿":
            total = (total + section + number or 1) * 100_000_000
            section = number = 0
            pending, last_small = False, 10_000
        else:
            raise NotANumber(text)
    return total + section + number * _abbreviated_place(tokens)


def _abbreviated_place(tokens: list[str]) -> int:
    """一千三 is 1300 and 九十二万四 is 924000: a last digit straight after a unit is the next place down."""
    if len(tokens) < 2 or tokens[-1] not in CN_DIGITS:
        return 1
    unit = CN_SMALL_UNITS.get(tokens[-2]) or {"万": 10_000, "亿": 100_000_000}.get(tokens[-2], 1)
    return unit // 10 if unit >= 100 else 1


def chinese(text: str) -> Decimal:
    """`三千五百万` → 35000000, `五十五点五七九` → 55.579, `三分之二` → 2/3."""
    text = text.replace("万万", "亿")  # 四万万 = 4亿
    if "分之" in text:
        denominator, numerator = text.split("分之", 1)
        d = number(denominator)
        if d == 0:
            raise NotANumber(text)
        return number(numerator) / d
    if "点" in text:
        whole, frac = text.split("点", 1)
        if not frac or any(ch not in CN_DIGITS for ch in frac):
            raise NotANumber(text)
        digits = "".join(str(CN_DIGITS[ch]) for ch in frac)
        return Decimal(_cn_integer(whole) if whole else 0) + Decimal("0." + digits)
    return Decimal(_cn_integer(text))


def number(text: str) -> Decimal:
    """Any numeral as written: Arabic, Chinese, or Arabic with a Chinese scale (`1.5万`, `11370万`).

    Also signed (负32, -0.5), mixed (3万4000), whole-and-fraction (一又二分之一, 1 3/5),
    slashed (1/3), full-width (１１.92亿), traditional (四萬萬) and financial capitals (壹佰伍拾).
    """
    text = fold(text).translate(_CAPITALS).strip().replace("万万", "亿")
    slash = _SLASH.fullmatch(text) if "/" in text else None
    if slash:
        whole, numerator, denominator = slash.groups()
        if int(denominator) == 0:
            raise NotANumber(text)
        return Decimal(whole or 0) + Decimal(numerator) / Decimal(denominator)
    if not text:
        raise NotANumber(text)
    if text[0] in "-负":
        return -number(text[1:])
    if "又" in text:
        whole, _, part = text.partition("又")
        if not whole or "分之" not in part:
            raise NotANumber(text)
        return number(whole) + number(part)
    m = _ARABIC_SCALED.fullmatch(text)
    if m:
        value = arabic(m[1])
        return value * SCALES[m[2]] if m[2] else value
    if "分之" in text:  # each side is a numeral in its own right: 3分之负一百五十七
        return chinese(text)
    if all(ch in CN_NUMERAL_CHARS + "点分之0123456789" for ch in text):
        return chinese(text)
    raise NotANumber(text)


def range_pair(text: str) -> tuple[Decimal, Decimal] | None:
    """`七八十` → (70, 80): two adjacent digits before a unit name a range, not a number."""
    m = _RANGE_PAIR.search(text)
    if not m:
        return None
    low = chinese(text[: m.start()] + m[1] + text[m.end() :])
    high = chinese(text[: m.start()] + m[2] + text[m.end() :])
    return (low, high) if low < high else None


def last_digit_step(text: str) -> Decimal:
    """One step of the last significant digit, for 余/多: `1500` → 100, `10` → 10, `十` → 10."""
    plain = text.replace(",", "")
    if re.fullmatch(r"\d+", plain):
        stripped = plain.rstrip("0")
        return Decimal(10) ** (len(plain) - len(stripped)) if stripped else Decimal(1)
    if re.fullmatch(r"\d+\.\d+", plain):
        return Decimal(10) ** -len(plain.split(".")[1])
    value = chinese(plain)
    if value == 0:
        return Decimal(1)
    step = Decimal(1)
    while value % (step * 10) == 0:
        step *= 10
    return step


def half_unit_of_precision(text: str) -> Decimal:
    """Half of the last printed decimal place: `7.58` → 0.005; whole numbers are exact."""
    plain = text.replace(",", "")
    if re.fullmatch(r"\d+\.\d+", plain):
        return Decimal(5) * Decimal(10) ** -(len(plain.split(".")[1]) + 1)
    return Decimal(0)
