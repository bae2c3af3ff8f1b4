"""Numbers as Word draws them in a list label, by the names of its number formats
(ST_NumberFormat of ECMA-376 Part 1, 17.18.59): 十二 (chineseCounting), 壹拾贰
(chineseLegalSimplified), ⑫ (decimalEnclosedCircle) …  Shared by the .docx reader and the
.doc reader (read/doc_lists.py), which names its formats (MSONFC) the same way.
"""

from __future__ import annotations

from ..vocab import DIGITS

_LEGAL = str.maketrans("〇一二三四五六七八九十百", "零壹贰叁肆伍陆柒捌玖拾佰")
_STEMS = "甲乙丙丁戊己庚辛壬癸"  # ideographTraditional
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"  # ideographZodiac
_COUNTING = ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting")


def number_label(number: int, kind: str) -> str:
    """``number`` written in Word's number format ``kind`` (chineseCounting: 十二)."""
    if kind in _COUNTING:
        return _chinese(number)
    if kind == "chineseLegalSimplified":  # 壹, 贰 … 壹拾, 壹拾壹: a ten is always counted
        return _chinese(number, tens_of_one=True).translate(_LEGAL)
    if kind in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(DIGITS[int(d)] for d in str(number))
    if kind in ("decimalEnclosedCircleChinese", "decimalEnclosedCircle") and 1 <= number <= 20:
        return chr(0x2460 + number - 1)
    if kind == "decimalEnclosedFullstop" and 1 <= number <= 20:  # ⒈
        return chr(0x2488 + number - 1)
    if kind == "decimalEnclosedParen" and 1 <= number <= 20:  # ⑴
        return chr(0x2474 + number - 1)
    if kind == "ideographTraditional" and 1 <= number <= len(_STEMS):
        return _STEMS[number - 1]
    if kind == "ideographZodiac" and 1 <= number <= len(_BRANCHES):
        return _BRANCHES[number - 1]
    if kind == "decimalZero":
        return f"{number:02d}"
    if kind in ("upperLetter", "lowerLetter") and number >= 1:  # … Z, AA, BB
        letter = chr(ord("A") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter if kind == "upperLetter" else letter.lower()
    if kind in ("upperRoman", "lowerRoman") and number >= 1:
        roman = _roman(number)
        return roman if kind == "upperRoman" else roman.lower()
    if kind in ("none", "bullet"):
        return ""
    return str(number)  # decimal, decimalFullWidth … and what a format cannot show


def _chinese(number: int, *, tens_of_one: bool = False) -> str:
    """〇 … 九百九十九 as counted in Chinese; ``tens_of_one``: 一十二 rather than 十二."""
    if not 0 <= number < 1000:
        return str(number)
    if number < 10:
        return DIGITS[number]
    hundreds, rest = divmod(number, 100)
    tens, ones = divmod(rest, 10)
    parts = [DIGITS[hundreds] + "百"] if hundreds else []
    if tens:
        parts.append("" if tens == 1 and not hundreds and not tens_of_one else DIGITS[tens])
        parts.append("十")
    elif hundreds and ones:
        parts.append("零")
    if ones:
        parts.append(DIGITS[ones])
    return "".join(parts)


def _roman(number: int) -> str:
    parts = []
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):  # fmt: skip
        while number >= value:
            parts.append(letters)
            number -= value
    return "".join(parts)
