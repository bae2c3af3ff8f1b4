"""Targets on the five sets of short real texts (``realplans/excerpts``, ``excerpts2``,
``excerpts3``, ``excerpts4``, ``excerpts6``: 95 openings of reposted plans, news reports and
work plans, national to county), against their gold, as regression floors.

Each text is read by the project's reader; one it refuses as "no recognisable plan" is read
here line by line as one part, under its own first line and the area its gold names, so that
the targets stage is measured on every text whatever the reader makes of its structure.  The
figures are pooled over each set with the official scorer (``../shared/eval/score_plan.py``).

Measured at the end of issue 12's fourth round (numeric F1 / commitments recall): excerpts
0.809 / 0.868, excerpts2 0.862 / 0.931, excerpts4 0.841 / 0.818 (excerpts4 was held out:
0.362 / 0.477 before the round's work on it, 0.359 / 0.477 with the code of the round
before); with the unnumbered-text reader of the same round 0.828 / 0.882, 0.862 / 0.944,
0.841 / 0.841.  ``excerpts3`` (18 texts) was blind in that round: 0.700 / 0.641 with the
released code, scored before anyone read it.

Fifth round: ``excerpts6`` (17 texts) was held out until its first score, 0.622 / 0.792
(numeric P 0.536, R 0.740) with the round's starting code and 0.622 / 0.792 with the
round's fixes made on the older sets; after the round's work 0.848 / 0.833.  The older sets
measured 0.915 / 0.908 (excerpts), 0.862 / 0.986 (excerpts2), 0.780 / 0.897 (excerpts3) and
0.879 / 0.932 (excerpts4).

Sixth round: ``excerpts8`` (16 texts) was held out until its first score; with the official
``score_excerpts.py`` (a text the reader refuses counts as nothing) numeric F1 0.495 /
commitments recall 0.559 with the round's starting code, 0.514 / 0.559 with the round's
fixes made on the older sets, and 0.653 / 0.676 after the round's work on it (0.892 / 0.742
over the texts read); read here line by line where the reader refuses a text, 0.857 /
0.765.  Three of its texts are refused by the reader (a river chiefs' order, a table page,
an outline's opening); one of them is an indicator table on its side, flattened with ``|``.
``excerpts7`` (18 texts) was blind in the sixth round: 0.333 / 0.706 with the released
engineers' code, scored before anyone read it; 0.650 / 0.706 after the lead's fixes of four
of its causes (one, a table of targets by county pasted one cell per line, 8 targets).
Ninth round (issue 12, engineer e12), on the causes read in ``excerpts8``, ``excerpts7`` and
``excerpts3``: excerpts3 0.808 -> 0.956 / 0.872 (a table of tasks by town under year groups),
excerpts7 0.650 -> 0.810 / 0.706 -> 0.882, excerpts8 (all read now) 0.857 -> 0.913 /
0.765 -> 0.941; the other sets unchanged.
Eleventh round (engineer e12c, table shapes): excerpts3 0.956 -> 0.982 (a row under a merged
category cell aligned on its name; the 达州 gold's base year set to the table's 2020 column).
Twelfth round (engineer e12d: false targets by cause, glued table cells, an indicator system
run into one line): excerpts9 0.553 -> 0.678, excerpts10 0.536 -> 0.574, excerpts5 0.911 ->
0.955 (official ``score_excerpts.py``); the other sets unchanged.
The floors are about 0.05 under the lower of each pair.  Run
``pytest -s tests/test_targets_excerpt_floors.py`` for the figures and every difference.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from test_targets_realplans import SCORER, _scorer

from plangraph import model
from plangraph.errors import PlangraphError
from plangraph.extract import extract
from plangraph.graph import corpus_triples
from plangraph.read import read_plans
from plangraph.read.normalize import normalize
from plangraph.read.structure import split_sentences

EXCERPTS = Path(__file__).resolve().parent / "realplans"
#: folder -> (numeric targets F1, commitments recall) floors
FLOORS = {
    "excerpts": (0.86, 0.85),
    "excerpts2": (0.81, 0.93),
    "excerpts4": (0.82, 0.88),
    "excerpts3": (0.93, 0.84),  # blind in the fourth round (0.700 / 0.641 then)
    "excerpts6": (0.79, 0.78),  # held out in the fifth round (0.622 / 0.792 at first)
    "excerpts8": (0.86, 0.89),  # held out in the sixth round (0.495 / 0.559 at first)
    "excerpts7": (0.76, 0.83),  # blind in the sixth round (0.333 / 0.706 then)
    "excerpts9": (0.62, 0.68),  # blind in the ninth round (0.370 / 0.657 then)
    "excerpts10": (0.52, 0.61),  # blind in the tenth round (0.419 / 0.549 then; 0.544 / 0.659)
    "excerpts11": (0.50, 0.75),  # blind in the eleventh round (0.384 / 0.806 then; 0.534 / 0.796)
    "excerpts12": (0.70, 0.70),  # blind in the twelfth round (0.482 / 0.740 then; 0.826 / 0.760,
    # 0.729 read here, where the review 06 that the build refuses gives figures of the past)
    "excerpts13": (0.80, 0.60),  # blind in the thirteenth round (0.440 / 0.661 then, as the
    # readers wrote the gold; 0.461 with this copy's conventions; 0.864 / 0.661)
    "excerpts14": (0.64, 0.70),  # blind in the fourteenth round (0.452 / 0.532 then, as the
    # readers wrote the gold; 0.678 / 0.745 on this copy after the round's fixes)
    "excerpts15": (0.58, 0.74),  # blind in the fifteenth round (0.375 / 0.692 then, as the
    # readers wrote the gold; 0.553 / 0.718 on this copy after the round's fixes; 0.620 / 0.769
    # since the seventeenth)
    "excerpts16": (0.70, 0.70),  # blind in the sixteenth round (0.500 / 0.703 then, as the
    # readers wrote the gold, three texts refused; 0.751 / 0.758 since the seventeenth)
    "excerpts17": (0.66, 0.70),  # blind in the seventeenth round (0.597 / 0.681 then, as the
    # readers wrote the gold; 0.689 / 0.723 after the round's fixes; 0.716 / 0.766 since the
    # eighteenth)
    "excerpts18": (0.68, 0.80),  # blind in the eighteenth round (0.624 / 0.843 then, as the
    # readers wrote the gold; 0.727 / 0.871 after the round's fixes; 0.798 / 0.986 since the
    # nineteenth)
    "excerpts19": (0.74, 0.86),  # blind in the nineteenth round (0.474 / 0.804 then, as the
    # readers wrote the gold; 0.785 / 0.911 after the round's fixes)
}


def _flat(path: Path, gold: dict[str, Any], year: int | None) -> model.Plan:
    """The text as one part of paragraphs, for a reader that refuses it."""
    doc = normalize(path.read_text(encoding="utf-8"), path.name)
    text = "\n".join(doc.lines)
    sentences, pos = [], 0
    for line in doc.lines:
        for a, b in split_sentences(line):
            sentences.append(model.Sentence(len(sentences) + 1, pos + a, pos + b, line[a:b]))
        pos += len(line) + 1
    section = model.Section(2, "", 0, len(text), 1, tuple(sentences), ())
    region = (gold.get("region_names") or [""])[0]
    return model.Plan(
        id="excerpt", title=doc.lines[0], region=region, year=year, text=text,
        source=str(path), line=1, numbering="continuous", preface=None, preamble=None,
        sections=(section,), closing=None, issuers=(), approved_by=None,
        stated_sections=None, stated_tasks=None, abridged=False, note=None,
    )  # fmt: skip


@functools.cache
def _pooled(folder: str) -> tuple[float, float, list[str]]:
    years = {
        row["text"]: row.get("year")
        for row in json.loads((EXCERPTS / folder / "index.json").read_text(encoding="utf-8"))
    }
    right = extracted = total = found = commitments = 0
    notes: list[str] = []
    for path in sorted((EXCERPTS / folder).glob("[0-9]*.txt")):
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        try:
            plans = read_plans([path])
        except PlangraphError:
            plans = (_flat(path, gold, years.get(path.name)),)
        corpus = model.Corpus(plans, extract(plans))
        store = ox.Store()
        store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in corpus_triples(corpus))
        for item in gold["targets"] + gold["qualitative"]:
            item["plan"] = "plan"
        figures, misses = _scorer().score_targets(store, gold)
        right += figures["all_fields_right"]
        extracted += figures["numeric_extracted"]
        total += len(gold["targets"])
        found += round(figures["qualitative_recall"] * len(gold["qualitative"]))
        commitments += len(gold["qualitative"])
        notes += [f"{path.stem[:30]}: {m}" for m in misses]
    precision, recall = right / max(extracted, 1), right / max(total, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return f1, found / max(commitments, 1), notes


@pytest.mark.skipif(not SCORER.is_file(), reason=f"the official scorer ({SCORER}) is not here")
@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_targets_on_short_real_texts_stay_above_their_floors(folder: str) -> None:
    f1, recall, notes = _pooled(folder)
    print(
        f"\n{folder}: numeric F1 {f1:.3f}, commitments recall {recall:.3f}\n  " + "\n  ".join(notes)
    )
    numeric_floor, commitments_floor = FLOORS[folder]
    assert f1 >= numeric_floor, (f1, notes)
    assert recall >= commitments_floor, (recall, notes)
