"""Held-out plans of the genre: places, agencies, responsibilities and themes.

``tests/genre/places-*.txt`` are plans for regions the seed corpus does not cover (黄河流域,
成渝地区双城经济圈, 长江中游城市群), annotated by hand in ``tests/genre/gold-places.json``
before the extractor was run on them.  The bars are those of the issue: place recall ≥ 0.95
over the certain gold places and precision ≥ 0.90 over the distinct extracted places
(micro-averaged), and the co-issuing agencies of every plan exactly.  Responsibilities and
themes are printed; a theme the gold lists as absent must not be attached.

Run ``pytest -s tests/test_places_genre.py`` to see the tables.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
GENRE = HERE / "genre"
GOLD_PATH = GENRE / "gold-places.json"
PLACE_RECALL_BAR = 0.95
PLACE_PRECISION_BAR = 0.90
ADMIN_SUFFIXES = ("特别行政区", "壮族自治区", "回族自治区", "自治区", "地区", "省", "市")
DASHES = "—–‐‑‒―－-~～"
IMPLIED_KINDS = frozenset({"Province", "City", "District"})


def canon(name: str) -> str:
    s = unicodedata.normalize("NFKC", name)
    s = "".join("—" if ch in DASHES else ch for ch in s if not ch.isspace())
    for suffix in ADMIN_SUFFIXES:
        if s.endswith(suffix) and len(s) > len(suffix) + 1:
            return s[: -len(suffix)]
    return s


def names_match(a: Iterable[str], b: Iterable[str]) -> bool:
    ca = {canon(x) for x in a if x}
    return any(canon(y) in ca for y in b if y)


@functools.cache
def gold() -> dict[str, Any]:
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))["plans"]  # type: ignore[no-any-return]


@functools.cache
def run(stem: str) -> tuple[Any, Any]:
    from plangraph.extract import extract
    from plangraph.read import read_plans

    plans = read_plans([GENRE / f"{stem}.txt"])
    assert len(plans) == 1, f"{stem}: expected one plan, read {len(plans)}"
    return plans[0], extract(plans)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[str(c) for c in headers]] + [[str(c) for c in r] for r in rows]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(headers))]
    lines = []
    for k, row in enumerate(cells):
        lines.append("  ".join(c + " " * (widths[i] - _width(c)) for i, c in enumerate(row)))
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "-"


# ------------------------------------------------------------------------------ scoring


def place_score(stem: str) -> tuple[int, int, int, int, list[str], list[str]]:
    """(found, certain, ok, extracted, missing, spurious) for one plan."""
    g = gold()[stem]
    plan, ex = run(stem)
    by_id = {p.id: p for p in ex.places}
    ids = dict.fromkeys(m.target for m in ex.place_mentions if m.plan == plan.id)
    extracted = [[by_id[i].name, *by_id[i].aliases] for i in ids if i in by_id]
    places = g["places"]
    certain = [p for p in places if p["certain"]]
    gnames = [[p["name"], *p["aliases"]] for p in places]
    found = [
        p for p in certain if any(names_match([p["name"], *p["aliases"]], e) for e in extracted)
    ]
    allowed = gnames + [[x] for x in g["acceptable_extra"]]
    ok = [e for e in extracted if any(names_match(a, e) for a in allowed)]
    missing = [p["name"] for p in certain if p not in found]
    spurious = [e[0] for e in extracted if e not in ok]
    return len(found), len(certain), len(ok), len(extracted), missing, spurious


def issuer_names(stem: str) -> list[str]:
    plan, ex = run(stem)
    by_id = {a.id: a for a in ex.agencies}
    return [by_id[a].name for p, a in ex.issued_by if p == plan.id and a in by_id]


def actor_names(ex: Any, actor: str, is_place: bool) -> list[str]:
    if is_place:
        place = next((p for p in ex.places if p.id == actor), None)
        return [place.name, *place.aliases] if place else [actor]
    agency = next((a for a in ex.agencies if a.id == actor), None)
    return [agency.name, *agency.short_names] if agency else [actor]


def responsibility_score(stem: str) -> tuple[int, int, int, list[str], list[str]]:
    """(found, gold, extracted, missing, extra) over (owner, actor) pairs."""
    plan, ex = run(stem)
    got = []
    for r in ex.responsibilities:
        if r.plan == plan.id:
            owner = r.owner.kind + (f":{r.owner.key}" if r.owner.key else "")
            got.append((owner, actor_names(ex, r.actor, r.actor_is_place)))
    want = gold()[stem]["responsibilities"]
    hit = [w for w in want if any(o == w["owner"] and names_match([w["actor"]], n) for o, n in got)]
    extra = [
        f"{o} {n[0]}"
        for o, n in got
        if not any(o == w["owner"] and names_match([w["actor"]], n) for w in want)
    ]
    missing = [f"{w['owner']} {w['actor']}" for w in want if w not in hit]
    return len(hit), len(want), len(got), missing, extra


def theme_score(stem: str) -> tuple[int, int, int, int, list[str], list[str]]:
    """(found, gold, relevant, extracted on sampled tasks, misses, absent violations)."""
    plan, ex = run(stem)
    by_task: dict[str, set[str]] = {}
    for m in ex.theme_mentions:
        if m.plan == plan.id and m.owner.kind == "task":
            by_task.setdefault(m.owner.key, set()).add(m.target)
    g = gold()[stem]
    found = total = relevant = extracted = 0
    misses: list[str] = []
    for item in g["themes_sample"]:
        slugs = by_task.get(str(item["task"]), set())
        extracted += len(slugs)
        relevant += len(slugs & set(item["themes"]))
        for slug in item["themes"]:
            total += 1
            if slug in slugs:
                found += 1
            else:
                misses.append(f"task {item['task']}: {slug}")
    attached = set().union(*by_task.values()) if by_task else set()
    violations = sorted(set(g["themes_absent"]) & attached)
    return found, total, relevant, extracted, misses, violations


STEMS = sorted(gold())


# ------------------------------------------------------------------------------ tests


def test_genre_files_match_the_gold() -> None:
    files = sorted(p.stem for p in GENRE.glob("places-*.txt"))
    assert files == STEMS
    for stem in STEMS:
        plan, _ = run(stem)
        assert plan.title == gold()[stem]["title"]
        assert plan.region == gold()[stem]["region"]
        text = (GENRE / f"{stem}.txt").read_text(encoding="utf-8")
        for place in gold()[stem]["places"]:
            if place["kind"] in IMPLIED_KINDS:
                continue  # may be named by an abbreviation only (川渝, 遂潼, 鄂湘赣)
            names = [place["name"], *place["aliases"]]
            assert any(n in text for n in names), (stem, place["name"])


def test_genre_places() -> None:
    rows = []
    tf = tc = tok = tex = 0
    details = []
    for stem in STEMS:
        f, c, ok, n, missing, spurious = place_score(stem)
        tf, tc, tok, tex = tf + f, tc + c, tok + ok, tex + n
        rows.append([stem, ratio(f, c), ratio(ok, n)])
        details.append(f"{stem}\n  missing:  {' '.join(missing) or '-'}")
        details.append(f"  spurious: {' '.join(spurious) or '-'}")
    rows.append(["all (micro)", ratio(tf, tc), ratio(tok, tex)])
    print("\nPlaces on held-out genre plans\n" + table(["plan", "recall", "precision"], rows))
    print("\n".join(details))
    assert tf / tc >= PLACE_RECALL_BAR, f"place recall {tf / tc:.3f} < {PLACE_RECALL_BAR}"
    assert tok / tex >= PLACE_PRECISION_BAR, (
        f"place precision {tok / tex:.3f} < {PLACE_PRECISION_BAR}"
    )


@pytest.mark.parametrize("stem", STEMS)
def test_genre_co_issuers_are_exact(stem: str) -> None:
    g = gold()[stem]
    got = issuer_names(stem)
    assert got == g["issuers"], f"{stem}: issuers {got} != {g['issuers']}"
    plan, ex = run(stem)
    approvers = [a for p, a in ex.approved_by if p == plan.id]
    assert [n for a in approvers for n in actor_names(ex, a, False)][:1] == [g["approved_by"]]


def test_genre_agencies_and_responsibilities() -> None:
    rows = []
    details = []
    for stem in STEMS:
        plan, ex = run(stem)
        named = {a for m in ex.agency_mentions if m.plan == plan.id for a in [m.target]}
        names = [actor_names(ex, a, False) for a in named]
        actors = gold()[stem]["actors"]
        found_actors = [a for a in actors if any(names_match([a], n) for n in names)]
        f, g, n, missing, extra = responsibility_score(stem)
        rows.append([stem, ratio(len(found_actors), len(actors)), ratio(f, g), n])
        absent = [a for a in actors if a not in found_actors]
        details.append(f"{stem}\n  actors missing: {' '.join(absent) or '-'}")
        details.append(f"  duties missing: {'; '.join(missing) or '-'}")
        details.append(f"  duties extra:   {'; '.join(extra) or '-'}")
    print(
        "\nAgencies on held-out genre plans\n"
        + table(["plan", "actors named", "responsibilities", "extracted"], rows)
    )
    print("\n".join(details))


def test_genre_themes() -> None:
    rows = []
    details = []
    violations_all = []
    for stem in STEMS:
        f, g, rel, n, misses, violations = theme_score(stem)
        rows.append([stem, ratio(f, g), ratio(rel, n), ", ".join(violations) or "-"])
        details.append(f"{stem}\n  misses: {'; '.join(misses) or '-'}")
        violations_all += [f"{stem}: {v}" for v in violations]
    print(
        "\nThemes on held-out genre plans (sampled tasks)\n"
        + table(["plan", "recall", "precision", "absent but attached"], rows)
    )
    print("\n".join(details))
    assert not violations_all, violations_all
