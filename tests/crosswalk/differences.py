"""How many of a careful reader's differences the first screen of ``plangraph analyze`` shows.

The gold (``differences`` in ``tests/realplans/blind-gold/crosswalk-jiangsu-shandong.json``)
lists what a reader finds differs between two plans, each difference with the exact words it
rests on.  The first screen is the "What differs" section of the Markdown analysis.  A quote
is on the screen when the screen holds it, or at least :data:`LEAST` characters of it in one
run (the screen quotes whole target sentences, the reader often part of one), or every figure
in it and :data:`WORDS` characters of its words in one run (森林覆盖率达到15.18% is on a screen
that says 森林覆盖率 = 15.18%).  A difference
counts as shown when at least half of its quotes are on the screen (``loose``), or all of them
(``strict``); the proxy was checked against reading the screen (see the README's figures).

    python tests/crosswalk/differences.py [GOLD.json …]   # default: every gold with differences
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path

from score_real import GOLDS, REAL

LEAST = 10  # characters of a quote that must appear in one run
WORDS = 4  # … or characters of its words, when all its figures appear
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _norm(text: str) -> str:
    return re.sub(r"[\s「」]", "", text)


def _longest_common(a: str, b: str) -> int:
    """The length of the longest common substring (dynamic programming, short a)."""
    best, previous = 0, [0] * (len(b) + 1)
    for ca in a:
        current = [0] * (len(b) + 1)
        for j, cb in enumerate(b, 1):
            if ca == cb:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def on_screen(quote: str, screen: str) -> bool:
    q = _norm(quote)
    if q in screen:
        return True
    common = _longest_common(q, screen)
    if common >= min(LEAST, len(q)):
        return True
    figures = _NUMBER.findall(q)
    return bool(figures) and all(f in screen for f in figures) and common >= WORDS


def first_screen(gold_file: Path) -> tuple[str, list[dict[str, object]]]:
    from plangraph.analysis import analyze
    from plangraph.analysis.markdown import to_markdown
    from plangraph.api import build
    from plangraph.store import load_store

    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    slugs = list(dict.fromkeys(s for p in gold["pairs"] for s in (p["a"]["plan"], p["b"]["plan"])))
    files = [REAL / f"{s}.txt" for s in slugs]
    with tempfile.TemporaryDirectory() as out:
        if all(f.exists() for f in files):
            path = build(files, out, analysis=False).path
        else:  # the seed's plans (gold-heldout-blind.json)
            path = build(outdir=out, analysis=False).path
        markdown = to_markdown(analyze(load_store(path)))
    screen = markdown.split("## What differs", 1)[1].split("\n## ", 1)[0]
    return screen, gold.get("differences", [])


def main(argv: list[str]) -> None:
    files = [Path(a) for a in argv] or [  # every gold with a reader's differences
        f
        for f in (*GOLDS, Path(__file__).parent / "gold-heldout-blind.json")
        if json.loads(f.read_text(encoding="utf-8")).get("differences")
    ]
    for f in files:
        screen, differences = first_screen(f)
        flat = _norm(screen)
        loose = strict = 0
        for d in differences:
            quotes = d["quotes"]
            found = [on_screen(q, flat) for q in quotes]  # type: ignore[union-attr]
            loose += sum(found) * 2 >= len(found)
            strict += all(found)
            if sum(found) * 2 < len(found):
                print(f"  not shown: {d['finding']}")
        lines = [x for x in screen.splitlines() if x.startswith("- ")]
        print(
            f"{f.stem}: {loose}/{len(differences)} differences shown (half their quotes), "
            f"{strict}/{len(differences)} with every quote; first screen {len(lines)} findings, "
            f"{len(screen)} characters"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
