"""Every named query's answers on the seed graph (the three 2025 pioneer-zone plans).

Expected rows were read off the plans by hand (PM2.5 33 / 30 / 20, 太浦河 in 长三角 tasks 5 and
21, …); where a query's answer is a whole population (themes, places, counts) it is checked
against the extraction model, computed independently of SPARQL.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

import plangraph
from plangraph.graph import indicator_iri, place_iri
from plangraph.model import Corpus

REGION = {"jjj-2025": "京津冀", "yrd-2025": "长三角", "gba-2025": "粤港澳大湾区"}


def rows(store: ox.Store, name: str, **params: object) -> list[dict[str, Any]]:
    return plangraph.query(name, store, **params).rows


@pytest.fixture(scope="module")
def store(seed_graph_file: Path) -> ox.Store:
    from plangraph.sparql import cached_store

    return cached_store(seed_graph_file)


@pytest.fixture(scope="module")
def plan_text(store: ox.Store) -> dict[str, str]:
    found = plangraph.query(
        "SELECT ?id ?text { ?p a pg:Plan ; pg:identifier ?id ; pg:text ?text }", store
    )
    return {row["id"]: row["text"] for row in found.rows}


# --------------------------------------------------------------------------- targets


def test_pm25_targets_side_by_side(store: ox.Store) -> None:
    found = [
        (row["region"], row["plan_id"], row["value"], row["unit"], row["target_year"], row["in"])
        for row in rows(store, "indicator-across-regions", indicator="PM2.5")
        if row["value"] is not None
    ]
    assert found == [
        ("京津冀", "jjj-2025", Decimal(33), "MicroGM-PER-M3", 2027, "plan"),
        ("粤港澳大湾区", "gba-2025", Decimal(20), "MicroGM-PER-M3", 2027, "plan"),
        ("长三角", "yrd-2025", Decimal(30), "MicroGM-PER-M3", 2027, "plan"),
    ]


def test_indicators_shared_by_regions_with_an_empty_indicator(store: ox.Store) -> None:
    shared = rows(store, "indicator-across-regions", indicator="")
    by_indicator: dict[str, set[str]] = defaultdict(set)
    for row in shared:
        by_indicator[row["indicator_label"]].add(row["region"])
    assert by_indicator and all(len(regions) >= 2 for regions in by_indicator.values())
    assert any("PM2.5" in label for label in by_indicator)


def test_targets_due_by_a_year(store: ox.Store) -> None:
    due_2027 = rows(store, "targets-due-by", year=2027)
    assert due_2027 and all(row["target_year"] <= 2027 for row in due_2027)
    assert {(r["plan_id"], r["value"]) for r in due_2027} >= {
        ("jjj-2025", Decimal(33)),
        ("yrd-2025", Decimal(30)),
        ("gba-2025", Decimal(20)),
    }
    assert rows(store, "targets-due-by", year=2026) == []  # the seed's first deadline is 2027
    every = rows(store, "targets-due-by", year="2030")
    assert len(every) >= len(due_2027)
    for row in every:
        assert row["quote"] and row["region"] == REGION[row["plan_id"]]


def test_aspirational_targets_are_the_ones_introduced_with_li_zheng(store: ox.Store) -> None:
    found = rows(store, "aspirational-targets")
    assert all(row["aspirational"] is True for row in found)
    valued = {
        (row["plan_id"], row["in"], row["value"]) for row in found if row["value"] is not None
    }
    assert valued == {
        ("jjj-2025", "task/1", Decimal(700)),  # 力争累计建成国家级绿色工厂700家以上
        ("jjj-2025", "task/3", Decimal(80)),  # 集疏港清洁运输比例力争达到80%
        ("jjj-2025", "task/3", Decimal(90)),  # 煤炭疏港清洁运输比例力争达到90%
        ("yrd-2025", "task/8", Decimal(4)),  # 力争建成4个“无废城市”
        ("gba-2025", "task/15", Decimal(2)),  # 力争建成2个“无废城市”
    } | ({("yrd-2025", "task/3", Decimal(100))} & valued)  # 力争实现…岸电设施全覆盖


def test_targets_with_a_base_year(store: ox.Store) -> None:
    found = {
        (row["plan_id"], row["scope"], row["value"], row["base_year"], row["unit"])
        for row in rows(store, "targets-with-base-year")
    }
    assert found == {
        ("jjj-2025", None, Decimal("3.2"), 2024, "PercentagePoint"),  # 优良水体比例比2024年提升
        ("jjj-2025", "北京", Decimal(10), 2020, "PercentagePoint"),
        ("jjj-2025", "天津", Decimal("7.3"), 2020, "PercentagePoint"),
        ("jjj-2025", "河北", Decimal(7), 2020, "PercentagePoint"),
        ("yrd-2025", None, Decimal("2.1"), 2024, "PercentagePoint"),
    }


def test_targets_scoped_to_a_sub_region(store: ox.Store) -> None:
    found = rows(store, "scoped-targets")
    assert {(r["plan_id"], r["scope"], r["value"]) for r in found} >= {
        ("jjj-2025", "北京", Decimal(10)),
        ("jjj-2025", "天津", Decimal("7.3")),
        ("jjj-2025", "河北", Decimal(7)),
        ("gba-2025", "广东", Decimal(80)),  # 广东重点行业大宗货物清洁运输比例达到80%以上
        ("gba-2025", "广东", Decimal(45)),  # 广东美丽海湾建成率达到45%
        ("gba-2025", "广东", Decimal(50)),  # 广东美丽乡村整县建成比例达到50%
    }
    assert all(row["scope"] for row in found)


def test_the_pearl_river_delta_river_and_lake_target_is_scoped(store: ox.Store) -> None:
    found = {(r["plan_id"], r["scope"], r["value"]) for r in rows(store, "scoped-targets")}
    # 珠三角 is the gazetteer's alias of 珠江三角洲; the plans write the place only as 珠三角,
    # so that is its label (珠江三角洲 stays an alternative label)
    assert ("gba-2025", "珠三角", Decimal(45)) in found


def test_target_source_offsets_point_into_the_plan_text(
    store: ox.Store, plan_text: dict[str, str], corpus: Corpus
) -> None:
    found = rows(store, "target-source")
    assert len(found) == len(corpus.extraction.targets)
    for row in found:
        text = plan_text[row["plan_id"]]
        assert text[row["quote_start"] : row["quote_end"]] == row["quote"]
        assert text[row["start"] : row["end"]] == row["sentence"]
        assert row["start"] <= row["quote_start"] < row["quote_end"] <= row["end"]
    first = rows(store, "target-source", target="jjj-2025/target/1")
    assert [row["target_iri"] for row in first] == [
        "https://w3id.org/plangraph/id/plan/jjj-2025/target/1"
    ]
    pm25 = next(
        row for row in found if row["plan_id"] == "jjj-2025" and "33微克/立方米" in row["quote"]
    )
    assert pm25["sentence"].startswith(
        "到2027年,区域生态环境质量显著改善,细颗粒物(PM2.5)年均浓度降至33"
    )


# --------------------------------------------------------------------------- places


def test_the_tasks_that_name_the_taipu_river(store: ox.Store) -> None:
    found = [
        (r["region"], r["plan_id"], r["task"], r["title"], r["name"])
        for r in rows(store, "tasks-naming-place")
    ]
    assert found == [
        ("长三角", "yrd-2025", 5, "推进水污染系统治理", "太浦河"),
        ("长三角", "yrd-2025", 21, "高水平建设一体化示范区", "太浦河"),
    ]
    # any of the place's names works: English label, alias
    assert [r["task"] for r in rows(store, "tasks-naming-place", place="Taipu River")] == [5, 21]
    assert rows(store, "tasks-naming-place", place="后海湾") == rows(
        store, "tasks-naming-place", place="深圳湾"
    )
    assert rows(store, "tasks-naming-place", place="没有这个地方") == []


def test_places_per_region_by_type(store: ox.Store, corpus: Corpus) -> None:
    detail = rows(store, "places-in-region")
    summary = rows(store, "places-by-type")
    counted: dict[tuple[str, str], int] = defaultdict(int)
    for row in detail:
        counted[(row["region_label"], row["type"])] += 1
    assert {(r["region"], r["type"]): r["places"] for r in summary} == dict(counted)
    named = {(r["region_label"], r["name"], r["type"]) for r in detail}
    assert named >= {
        ("京津冀", "永定河", "River"),
        ("京津冀", "密云水库", "Reservoir"),
        ("京津冀", "白洋淀", "Lake"),
        ("京津冀", "天津港", "Port"),
        ("长三角", "太湖", "Lake"),
        ("长三角", "太浦河", "River"),
        ("长三角", "新安江", "River"),
        ("粤港澳大湾区", "深圳湾", "Bay"),
        ("粤港澳大湾区", "珠江", "River"),
    }
    # the same population as the extraction's place mentions, per region
    expected = {(REGION[m.plan], m.target) for m in corpus.extraction.place_mentions}
    assert {(r["region_label"], r["place"].rsplit("/", 1)[1]) for r in detail} == {
        (region, slug) for region, slug in expected
    }
    only = rows(store, "places-in-region", region="长三角")
    assert only and {r["region_label"] for r in only} == {"长三角"}


def test_places_named_outside_the_plans_region(store: ox.Store) -> None:
    found = rows(store, "cross-region-places")
    by_plan: dict[str, set[str]] = defaultdict(set)
    for row in found:
        by_plan[row["plan_id"]].add(row["name"])
    # 蒙电入沪, 甘电入浙, 陕电蒙电入皖, 苏皖与鲁豫交界地区; nothing provable for the others
    # (广东 holds the Bay Area's cities; 横琴, 粤北 … are located by province only)
    assert dict(by_plan) == {"yrd-2025": {"内蒙古", "甘肃", "陕西", "山东", "河南"}}
    # only the plans' own regions are in the seed graph, so no other region includes them
    assert {r["other_regions"] for r in found} == {None}


# --------------------------------------------------------------------------- agencies


def test_agencies_per_plan(store: ox.Store) -> None:
    found = rows(store, "agencies-per-plan")
    issuers: dict[str, set[str]] = defaultdict(set)
    approvers: dict[str, set[str]] = defaultdict(set)
    for row in found:
        if row["issuer"]:
            issuers[row["plan_id"]].add(row["name"])
        if row["approver"]:
            approvers[row["plan_id"]].add(row["name"])
    seven = {
        "生态环境部",
        "国家发展和改革委员会",
        "工业和信息化部",
        "财政部",
        "自然资源部",
        "住房和城乡建设部",
        "中国人民银行",
    }
    assert issuers == {plan: seven for plan in REGION}
    assert approvers == {plan: {"国务院"} for plan in REGION}
    assert {r["plan_id"] for r in rows(store, "agencies-per-plan", plan="gba-2025")} == {"gba-2025"}


def test_tasks_naming_an_agency(store: ox.Store, corpus: Corpus) -> None:
    found = rows(store, "tasks-naming-agency")
    expected = {
        (m.plan, int(m.owner.key.rsplit("-", 1)[-1]), m.target)
        for m in corpus.extraction.agency_mentions
        if m.owner.kind == "task"
    }
    assert {(r["plan_id"], r["task"], r["agency_iri"].rsplit("/", 1)[1]) for r in found} == expected
    for row in found:
        one = rows(store, "tasks-naming-agency", agency=row["name"])
        assert (row["plan_id"], row["task"]) in {(r["plan_id"], r["task"]) for r in one}


# --------------------------------------------------------------------------- themes and tasks


def _task_themes(corpus: Corpus) -> dict[str, dict[str, set[tuple[str, str]]]]:
    """theme -> region -> {(plan, task key)} from the extraction model."""
    found: dict[str, dict[str, set[tuple[str, str]]]] = defaultdict(lambda: defaultdict(set))
    for mention in corpus.extraction.theme_mentions:
        if mention.owner.kind == "task":
            found[mention.target][REGION[mention.plan]].add((mention.plan, mention.owner.key))
    return found


def test_themes_shared_by_all_regions(store: ox.Store, corpus: Corpus) -> None:
    themes = _task_themes(corpus)
    expected = {
        (theme, region, plan, key)
        for theme, regions in themes.items()
        if len(regions) == 3
        for region, tasks in regions.items()
        for plan, key in tasks
    }
    found = rows(store, "shared-themes")
    assert expected, "the seed plans share themes"
    assert {
        (r["theme_iri"].rsplit("/", 1)[1], r["region"], r["plan_id"], str(r["task"])) for r in found
    } == expected
    # biodiversity: 京津冀 11, 长三角 12, 粤港澳 9 all address it
    biodiversity = {t for t in themes if "biodiversity" in t or "shengwuduoyangxing" in t}
    for theme in biodiversity:
        tasks = {(r["plan_id"], r["task"]) for r in found if r["theme_iri"].endswith("/" + theme)}
        assert tasks >= {("jjj-2025", 11), ("yrd-2025", 12), ("gba-2025", 9)}


def test_themes_unique_to_one_region(store: ox.Store, corpus: Corpus) -> None:
    themes = _task_themes(corpus)
    expected = {
        (region, theme, plan, key)
        for theme, regions in themes.items()
        if len(regions) == 1
        for region, tasks in regions.items()
        for plan, key in tasks
    }
    found = rows(store, "unique-themes")
    assert {
        (r["region_label"], r["theme_iri"].rsplit("/", 1)[1], r["plan_id"], str(r["task"]))
        for r in found
    } == expected


def test_task_pairs_across_regions(store: ox.Store) -> None:
    found = rows(store, "shared-task-pairs")
    assert found
    seen = set()
    for row in found:
        assert row["plan_a"] != row["plan_b"]
        assert row["themes"] + row["places"] >= 2
        pair = frozenset({(row["plan_a"], row["task_a"]), (row["plan_b"], row["task_b"])})
        assert pair not in seen
        seen.add(pair)
    # the three zero-waste-city tasks share their theme pairwise
    zero_waste = {("jjj-2025", 8), ("yrd-2025", 8), ("gba-2025", 15)}
    one = rows(store, "shared-task-pairs", min_shared=1)
    pairs = {frozenset({(r["plan_a"], r["task_a"]), (r["plan_b"], r["task_b"])}) for r in one}
    assert {frozenset({a, b}) for a in zero_waste for b in zero_waste if a < b} <= pairs
    left = rows(store, "shared-task-pairs", plan="gba-2025", min_shared=1)
    assert left and {r["plan_a"] for r in left} == {"gba-2025"}


def test_tasks_per_section_per_plan(store: ox.Store) -> None:
    counts: dict[str, list[int]] = defaultdict(list)
    for row in rows(store, "tasks-per-section"):
        assert row["region"] == REGION[row["plan_id"]]
        counts[row["plan_id"]].append(row["tasks"])
    assert counts == {
        "jjj-2025": [0, 4, 4, 3, 3, 3, 5],
        "yrd-2025": [0, 3, 6, 3, 7, 3],
        "gba-2025": [0, 4, 3, 2, 3, 3, 4, 3],
    }


def test_full_text_search(store: ox.Store) -> None:
    found = rows(store, "search-tasks", text="无废城市")
    assert {(r["plan_id"], r["task"]) for r in found} == {
        ("jjj-2025", 8),
        ("yrd-2025", 8),
        ("gba-2025", 15),
    }


def test_overview_counts(store: ox.Store, corpus: Corpus) -> None:
    found = {row["plan_id"]: row for row in rows(store, "overview")}
    assert list(found) == ["gba-2025", "jjj-2025", "yrd-2025"]
    ex = corpus.extraction
    for plan in corpus.plans:
        row = found[plan.id]
        assert row["region"] == REGION[plan.id]
        assert row["year"] == 2025
        assert (row["sections"], row["tasks"], row["stated_tasks"]) == (
            len(plan.sections),
            22,
            22,
        )
        assert row["sentences"] == len(plan.sentences)
        assert row["targets"] == sum(1 for t in ex.targets if t.plan == plan.id)
        assert row["places"] == len({m.target for m in ex.place_mentions if m.plan == plan.id})
        assert row["agencies"] == len({m.target for m in ex.agency_mentions if m.plan == plan.id})
        assert row["themes"] == len(
            {m.target for m in ex.theme_mentions if m.plan == plan.id and m.owner.kind == "task"}
        )
    assert [found[p]["sections"] for p in ("jjj-2025", "yrd-2025", "gba-2025")] == [7, 6, 8]


# --------------------------------------------------------------------------- summaries

RECOUNT = """
SELECT ?plan_id ?what ?stored ?counted WHERE {
  { SELECT ?p ("sectionCount" AS ?what) (COUNT(?s) AS ?counted)
    WHERE { ?p a pg:Plan . OPTIONAL { ?p pg:hasSection ?s } } GROUP BY ?p }
  UNION { SELECT ?p ("taskCount" AS ?what) (COUNT(?t) AS ?counted)
    WHERE { ?p a pg:Plan . OPTIONAL { ?p pg:hasSection/pg:hasTask ?t } } GROUP BY ?p }
  UNION { SELECT ?p ("sentenceCount" AS ?what) (COUNT(?x) AS ?counted)
    WHERE { ?p a pg:Plan . OPTIONAL { ?x pg:inPlan ?p ; a pg:Sentence } } GROUP BY ?p }
  UNION { SELECT ?p ("targetCount" AS ?what) (COUNT(?g) AS ?counted)
    WHERE { ?p a pg:Plan . OPTIONAL { ?g pg:inPlan ?p ; a pg:Target } } GROUP BY ?p }
  UNION { SELECT ?p ("placeCount" AS ?what) (COUNT(DISTINCT ?x) AS ?counted) WHERE {
      ?p a pg:Plan . OPTIONAL { ?m pg:inPlan ?p ; a pg:Mention ; pg:mentionOf ?x . ?x a pg:Place }
    } GROUP BY ?p }
  UNION { SELECT ?p ("agencyCount" AS ?what) (COUNT(DISTINCT ?x) AS ?counted) WHERE {
      ?p a pg:Plan . OPTIONAL { ?m pg:inPlan ?p ; a pg:Mention ; pg:mentionOf ?x . ?x a pg:Agency }
    } GROUP BY ?p }
  UNION { SELECT ?p ("themeCount" AS ?what) (COUNT(DISTINCT ?x) AS ?counted)
    WHERE { ?p a pg:Plan . OPTIONAL { ?p pg:hasSection/pg:hasTask/pg:hasTheme ?x } } GROUP BY ?p }
  ?p pg:identifier ?plan_id ;
     ?property ?stored .
  FILTER (?property = IRI(CONCAT(STR(pg:), ?what)))
}
"""


def test_the_plan_summaries_equal_a_recount_of_the_facts(store: ox.Store) -> None:
    found = plangraph.query(RECOUNT, store).rows
    assert len(found) == 3 * 7
    assert [r for r in found if r["stored"] != r["counted"]] == []
    assert {(r["plan_id"], r["what"]): r["stored"] for r in found}[("jjj-2025", "taskCount")] == 22


def test_place_uses_equal_a_recount_of_the_mentions(store: ox.Store, corpus: Corpus) -> None:
    uses = plangraph.query(
        """SELECT ?plan_id ?place ?mentions ?tasks WHERE {
             ?p pg:identifier ?plan_id ; pg:placeUse ?u .
             ?u pg:place ?place ; pg:mentionCount ?mentions ; pg:taskCount ?tasks }""",
        store,
    ).rows
    expected: dict[tuple[str, str], tuple[int, set[str]]] = {}
    for m in corpus.extraction.place_mentions:
        count, tasks = expected.get((m.plan, m.target), (0, set()))
        task = {m.owner.key} if m.owner.kind == "task" else set()
        expected[m.plan, m.target] = (count + 1, tasks | task)
    got = {(r["plan_id"], r["place"]): (r["mentions"], r["tasks"]) for r in uses}
    want = {
        (plan, place_iri(place)): (n, len(tasks)) for (plan, place), (n, tasks) in expected.items()
    }
    assert got == want
    # 密云水库 in 京津冀: named in its tasks, checked by reading the plan
    [miyun] = [v for (plan, place), v in got.items() if plan == "jjj-2025" and "miyun" in place]
    assert miyun[0] >= 1 and miyun[1] >= 1


def test_region_place_uses_are_the_sums_over_their_plans(store: ox.Store, corpus: Corpus) -> None:
    found = plangraph.query(
        """SELECT ?r ?place ?mentions ?tasks ?plan_mentions ?plan_tasks WHERE {
             ?r a pg:Region ; pg:placeUse ?u .
             ?u pg:place ?place ; pg:mentionCount ?mentions ; pg:taskCount ?tasks .
             { SELECT ?r ?place (SUM(?n) AS ?plan_mentions) (SUM(?k) AS ?plan_tasks) WHERE {
                 ?p pg:coversRegion ?r ; pg:placeUse ?pu .
                 ?pu pg:place ?place ; pg:mentionCount ?n ; pg:taskCount ?k } GROUP BY ?r ?place }
           }""",
        store,
    ).rows
    region_of = {p: r.id for r in corpus.extraction.regions for p in r.plans}
    named = {(region_of[m.plan], m.target) for m in corpus.extraction.place_mentions}
    assert {(r["r"].rsplit("/", 1)[-1], r["place"]) for r in found} == {
        (region, place_iri(place)) for region, place in named
    }
    assert all(r["mentions"] == r["plan_mentions"] for r in found)
    assert all(r["tasks"] == r["plan_tasks"] for r in found)
    [taipu] = [r for r in found if r["place"].endswith("/taipuhe")]
    assert (taipu["r"].rsplit("/", 1)[-1], taipu["tasks"]) == ("yrd", 2)  # tasks 5 and 21


def by_region(store: ox.Store, sparql: str) -> dict[str, set[str]]:
    """?x by the region ?r's identifier (jjj, yrd, gba)."""
    found: dict[str, set[str]] = defaultdict(set)
    for row in plangraph.query(sparql, store).rows:
        found[row["r"].rsplit("/", 1)[-1]].add(row["x"])
    return found


def test_region_themes_equal_the_themes_of_their_plans_tasks(
    store: ox.Store, corpus: Corpus
) -> None:
    got = by_region(store, "SELECT ?r ?x WHERE { ?r pg:addressesTheme ?x }")
    got = {region: {theme.rsplit("/", 1)[-1] for theme in themes} for region, themes in got.items()}
    want: dict[str, set[str]] = defaultdict(set)
    region_of = {p: r.id for r in corpus.extraction.regions for p in r.plans}
    for m in corpus.extraction.theme_mentions:
        if m.owner.kind == "task":
            want[region_of[m.plan]].add(m.target)
    assert got == want and set(got) == {"jjj", "yrd", "gba"}


def test_region_indicators_equal_the_indicators_of_their_plans_targets(
    store: ox.Store, corpus: Corpus
) -> None:
    got = by_region(store, "SELECT ?r ?x WHERE { ?r pg:setsIndicator ?x }")
    want: dict[str, set[str]] = defaultdict(set)
    region_of = {p: r.id for r in corpus.extraction.regions for p in r.plans}
    for target in corpus.extraction.targets:
        want[region_of[target.plan]].add(indicator_iri(target.indicator.id))
    assert got == want
    # PM2.5 is set by all three regions (33 / 30 / 20 微克/立方米)
    assert all(indicator_iri("pm25") in got[r] for r in ("jjj", "yrd", "gba"))
