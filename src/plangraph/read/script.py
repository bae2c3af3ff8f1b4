"""Plans printed in traditional characters, read in simplified ones (OpenCC).

Government pages are often saved from a portal's 繁體 version or from a mirror that
converts them, and plans about Hong Kong and Macao are printed that way.  Every later
stage (the gazetteer, the indicator lexicon, the verbs of a goal: 達到, 提高, 億) knows
simplified characters, so a text in traditional script is converted once, here, with
OpenCC's ``t2s`` (its dictionaries ship in the wheel: nothing is fetched).  The
conversion keeps every character in place (one for one; a phrase whose conversion would
change the length is converted character by character), so the text as printed can be
laid beside the simplified one offset for offset: the graph quotes the printed
characters (:func:`printed_text`).

A text is in traditional script when conversion changes at least :data:`MIN_SHARE` of its
Chinese characters (and :data:`MIN_CHANGED` of them): a simplified plan changes none or
a handful (乾隆, 著作), a traditional one about a third.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..model import Plan

MIN_SHARE = 0.05  # of the Chinese characters, changed by the conversion
MIN_CHANGED = 8


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s.json")


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


#: A reading in pinyin printed after a character, tone marks and all: 区(qū)域, 预(yù)期.
#: Mirrors and reposts insert them after random characters (against copying, or by an
#: "annotate" tool); a saved page's ruby (``<rt>``) is dropped likewise.  A reading carries
#: a tone mark, which nothing else in a plan's parentheses does.
_READING = re.compile(
    r"(?<=[\u3400-\u4dbf\u4e00-\u9fff])\((?=[a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])"
    r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)"
)


def without_readings(text: str) -> str:
    """``text`` without the pinyin readings printed after its characters (区(qū)域 -> 区域)."""
    return _READING.sub("", text) if "(" in text else text


#: Corner brackets, the quotation marks of texts printed in Taiwan and Hong Kong and of
#: some mainland pages (「十四五」末, 『双碳』), read as the curved quotes every later stage
#: knows (“十四五”末); one for one, so that the text as printed stays beside.
_CORNER_QUOTES = str.maketrans("「」『』", "“”‘’")


def as_read(text: str) -> str:
    """``text`` as the later stages read it: without pinyin readings after its characters,
    with corner brackets as curved quotes (the printed text is kept beside it)."""
    read = without_readings(text)
    if not any(bracket in read for bracket in "「」『』"):  # translate looks up every character
        return read
    return read.translate(_CORNER_QUOTES)


#: Variant forms that OpenCC's ``t2s`` leaves as they are, printed by Hong Kong and Taiwan
#: fonts and by mirrors (陜西 for 陝西): read as the simplified character, one for one.
_VARIANTS = str.maketrans({"陜": "陕", "衞": "卫", "窰": "窑", "粧": "妆", "鬭": "斗"})


def to_simplified(text: str) -> str | None:
    """``text`` in simplified characters, one for one, if it is printed in traditional
    ones; None when it is not (it is then read as it is)."""
    converter = _converter()
    converted: str = converter.convert(text).translate(_VARIANTS)
    if converted == text:  # a plan in simplified characters, nearly always
        return None
    if len(converted) != len(text):  # a phrase of another length: character by character
        converted = "".join(_one(converter, char) for char in text).translate(_VARIANTS)
    changed = sum(1 for a, b in zip(text, converted, strict=True) if a != b)
    if changed < MIN_CHANGED or changed < MIN_SHARE * len(_HAN.findall(text)):
        return None
    return converted


def _one(converter: Any, char: str) -> str:
    out: str = converter.convert(char)
    return out if len(out) == 1 else char


def printed_chars(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """For each simplified character of ``pairs`` (simplified text, text as printed, of one
    length), the character printed most often in its place (后 prints 后 and 後 alike)."""
    counts: dict[str, Counter[str]] = {}
    for simple, original in pairs:
        for a, b in zip(simple, without_readings(original), strict=True):
            counts.setdefault(a, Counter())[b] += 1
    return {a: seen.most_common(1)[0][0] for a, seen in counts.items()}


def printed_text(text: str, lines: Iterable[tuple[str, str]]) -> str:
    """``text`` (made of simplified lines) with each line as printed: ``lines`` pairs each
    simplified line with its printed one.  A line not among them (a line the reader made
    up, such as an editorial note) is given back with the characters the file prints most
    often for each simplified one."""
    pairs = list(lines)
    printed = dict(reversed(pairs))  # the first printed form of each simplified line
    best = printed_chars(pairs)

    def back(line: str) -> str:
        found = printed.get(line)
        if found is not None:
            return found
        return "".join(best.get(char, char) for char in line)

    return "\n".join(back(line) for line in text.split("\n"))


def printed_offsets(text: str, printed: str) -> list[int]:
    """Where each character of ``text`` (and its end) stands in ``printed``, the same text
    as printed: one for one but for the pinyin readings ``text`` was read without."""
    at: list[int] = []
    j = 0
    for _ in text:
        reading = _READING.match(printed, j)
        if reading is not None:
            j = reading.end()
        at.append(j)
        j += 1
    at.append(j)
    return at


CAVEAT = "printed in traditional characters: read in simplified ones, quoted as printed"
READINGS_CAVEAT = "pinyin printed after characters (区(qū)域): read without it, quoted as printed"


def with_printed(plans: Iterable[Plan], lines: tuple[tuple[str, str], ...]) -> tuple[Plan, ...]:
    """``plans`` read from a text in traditional characters or with pinyin readings after
    its characters, each with its text as printed (:attr:`Plan.printed`) and a caveat
    saying how it was read."""
    caveats = tuple(
        caveat
        for caveat, found in (
            (CAVEAT, any(s != without_readings(p) for s, p in lines)),
            (READINGS_CAVEAT, any(_READING.search(p) for _, p in lines)),
        )
        if found
    )
    return tuple(
        replace(plan, printed=printed_text(plan.text, lines), caveats=(*plan.caveats, *caveats))
        for plan in plans
    )
