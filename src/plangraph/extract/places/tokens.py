"""What the matching passes share: hits, tokens and where a name may start."""

from __future__ import annotations

import re
from dataclasses import dataclass

from plangraph import model

from .everyday import common_words, everyday_words, verbs
from .words import BOUNDARY_WORDS, SINGLE_BOUNDARIES, STOP_PARTS


@dataclass(frozen=True, slots=True)
class Hit:
    """A place named at ``[start, end)`` of a sentence's text."""

    start: int
    end: int
    place: model.Place
    how: str  # gazetteer, pattern, abbreviation, compound, part


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def book_titles(text: str) -> bytearray:
    mask = bytearray(len(text))
    for m in re.finditer(r"《[^《》]*》", text):
        mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return mask


@dataclass(slots=True)
class Token:
    start: int
    end: int
    word: str
    place: model.Place | None  # None for regions and generic words


def listed(norm: str, start: int, end: int) -> bool:
    """A name in an enumeration (东方、儋州) or before an administrative suffix (东方市)."""
    return (start > 0 and norm[start - 1] == "、") or norm[end : end + 1] in (
        "、",
        "市",
        "县",
        "区",
    )


def boundary_before(norm: str, at: int, covered: bytearray) -> bool:
    """A name may start at ``at``: the text starts there, or a token, a punctuation mark or
    a verb or function word ends there."""
    if at == 0 or covered[at - 1] or not is_han(norm[at - 1]) or norm[at - 1] in SINGLE_BOUNDARIES:
        return True
    run = norm[max(0, at - 4) : at]
    if trim(run) == len(run):
        return True
    # a verb of the dictionary ends there (控制高峰镇, 举办庆元首届民宿大会), and no word
    # runs across (开展示范县: 展示 ends before 范, but 示范 is the word)
    said = verbs()
    if not (run[-2:] in said or (len(run) >= 3 and run[-3:] in said)):
        return False
    across = norm[at - 1 : at + 1]
    return across not in common_words() and across not in everyday_words()


BOUNDARY_SET = frozenset(BOUNDARY_WORDS)
_BOUNDARY_LENGTHS = tuple(sorted({len(w) for w in BOUNDARY_WORDS}))


def trim(run: str) -> int:
    """Offset in ``run`` where a name starts: after the last verb or function word."""
    for end in range(len(run), 0, -1):
        for size in _BOUNDARY_LENGTHS:
            if size <= end and run[end - size : end] in BOUNDARY_SET:
                return end
    return 0


# one-character parts that end words (绿化, 典型, 省级): generic only after the first character,
# a name may start with them (化成水库, 带岭)
WORD_ENDINGS = frozenset("化性型类级片块带系")  # 系舟山, but not 水系


def is_generic(name: str) -> bool:
    return any(part in (name[1:] if part in WORD_ENDINGS else name) for part in STOP_PARTS)


#: A space a PDF's text layer leaves inside a run of Chinese (粤港澳大湾 区, 苏通科技 产业园区)
INNER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")


def inner_space_at(text: str, i: int) -> bool:
    if text[i] not in " \u3000":
        return False
    a, b = i, i
    while a > 0 and text[a - 1] in " \u3000":
        a -= 1
    while b < len(text) and text[b] in " \u3000":
        b += 1
    return a > 0 and b < len(text) and is_han(text[a - 1]) and is_han(text[b])
