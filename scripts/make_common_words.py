"""Regenerate ``data/common-words.tsv``: short names of divisions that are everyday words.

A division's short name is often an everyday word (资源 for 资源县, 合作 for 合作市, 和平,
港口, 通道).  The place extractor reads a short name as a place only in context; this table
names the short names for which a following area word (全域, 区域, 地区 …) is not context
enough: "应急监测资源全域动态管理" speaks of resources, not of 资源县.

Source: the dictionary that ships with jieba (MIT licence), ``jieba/dict.txt``: word,
frequency and part of speech.  A short name is listed when jieba knows it as a common word
(any part of speech but place, person, organisation or other proper name: ns nr nrt nrfg nz
j) with a frequency of at least ``MIN_FREQUENCY``.  The output is deterministic; run the
script again when jieba's dictionary or ``data/divisions.tsv`` changes:

    python scripts/make_common_words.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import jieba  # noqa: E402

from plangraph.extract.places.lexicon import load_lexicon  # noqa: E402

MIN_FREQUENCY = 100
PROPER = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "j"})
OUT = ROOT / "data" / "common-words.tsv"


def main() -> None:
    dictionary: dict[str, tuple[int, str]] = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as lines:
        for line in lines:
            word, frequency, tag = line.split()
            dictionary[word] = (int(frequency), tag)
    shorts = load_lexicon().weak
    rows = sorted(
        (word, *dictionary[word])
        for word in shorts
        if word in dictionary
        and dictionary[word][1] not in PROPER
        and dictionary[word][0] >= MIN_FREQUENCY
    )
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# short names of divisions that jieba {jieba.__version__}'s dictionary\n")
        out.write(f"# lists as common words (frequency >= {MIN_FREQUENCY}, not a proper name)\n")
        out.write("word\tfrequency\tpos\n")
        for word, frequency, tag in rows:
            out.write(f"{word}\t{frequency}\t{tag}\n")
    print(f"{len(rows)} words -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
