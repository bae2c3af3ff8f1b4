"""The analyses on the seed graph: findings checked against the text of the three plans."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib import OWL, RDF

from plangraph.analysis import (
    Analysis,
    analysis_quads,
    analysis_triples,
    analyze,
    project,
    reuse,
    to_json,
    to_markdown,
    vectors,
)
from plangraph.analysis.linkage import context, outside_region
from plangraph.analysis.project import GraphData, PlaceNode, PlanNode
from plangraph.graph import ID, PG, SKOS
from plangraph.resources import read_text

JJJ, YRD, GBA = (f"{ID}plan/{p}-2025" for p in ("jjj", "yrd", "gba"))
REGIONS = {JJJ: f"{ID}region/jjj", YRD: f"{ID}region/yrd", GBA: f"{ID}region/gba"}
PASSAGE = "加快推进重点区域自然资源确权登记"
BROADER = rdflib.URIRef(SKOS + "broader")


@pytest.fixture(scope="module")
def result(seed_store: ox.Store) -> Analysis:
    return analyze(seed_store)


@pytest.fixture(scope="module")
def data(result: Analysis) -> GraphData:
    return result.data


def theme_for(term: str) -> str:
    """The theme of the bundled scheme whose label or match term is ``term``.

    Exact labels first (prefLabel, altLabel, hiddenLabel), then a label containing it, so
    that the tests never depend on a guessed slug.
    """
    scheme = rdflib.Graph().parse(data=read_text("ontology", "themes.ttl"), format="turtle")
    labels = [
        (str(s), str(o))
        for p in (SKOS + "prefLabel", SKOS + "altLabel", SKOS + "hiddenLabel")
        for s, o in scheme.subject_objects(rdflib.URIRef(p))
        if getattr(o, "language", None) == "zh" and (s, BROADER, None) in scheme
    ]
    exact = sorted({s for s, label in labels if label == term})
    if len(exact) == 1:
        return exact[0]
    partial = sorted({s for s, label in labels if term in label})
    assert len(partial) == 1, f"{term}: {exact or partial}"
    return partial[0]


# --------------------------------------------------------------------------- themes


def test_themes_shared_by_all_three_regions(result: Analysis) -> None:
    shared = {t.theme for t in result.themes.by_sharing("all")}
    for term in ("无废城市", "生物多样性", "空气质量"):  # solid waste, biodiversity, air quality
        assert theme_for(term) in shared, term
    assert len(result.themes.regions) == 3


def test_climate_adaptation_is_shared_by_jjj_and_yrd_only(result: Analysis) -> None:
    adaptation = theme_for("适应气候变化")
    (sharing,) = [t for t in result.themes.themes if t.theme == adaptation]
    assert sharing.regions == (REGIONS[JJJ], REGIONS[YRD])
    assert sharing.sharing == "several"
    # 京津冀 (十三)提升适应气候变化能力, 长三角 (九)…深入推进气候适应型城市建设
    assert f"{JJJ}/task/13" in sharing.tasks
    assert f"{YRD}/task/9" in sharing.tasks
    assert not any(t.startswith(GBA) for t in sharing.tasks)
    assert sharing in result.themes.shared_by(REGIONS[JJJ], REGIONS[YRD])


def test_theme_sharing_is_consistent_with_the_graph(result: Analysis, data: GraphData) -> None:
    for sharing in result.themes.themes:
        for task in sharing.tasks:
            assert sharing.theme in data.task_themes[task]
        regions = {data.plan_by_iri[data.task_by_iri[t].plan].region for t in sharing.tasks}
        assert set(sharing.regions) == regions
        expected = "all" if len(regions) == 3 else "several" if len(regions) == 2 else "one"
        assert sharing.sharing == expected
    order = [(-len(t.regions), -len(t.main_regions), -len(t.tasks)) for t in result.themes.themes]
    assert order == sorted(order)


def test_region_similarity_with_evidence(result: Analysis) -> None:
    similarity = result.themes.similarity
    assert len(similarity) == 3
    by_region: dict[str, set[str]] = {}
    for sharing in result.themes.themes:
        if sharing.broad:  # too broad to say how alike two regions are
            continue
        for region in sharing.regions:
            by_region.setdefault(region, set()).add(sharing.theme)
    for sim in similarity:
        a, b = by_region[sim.a], by_region[sim.b]
        assert set(sim.shared) == a & b
        assert sim.jaccard == pytest.approx(len(a & b) / len(a | b))
        assert 0 < sim.weighted <= sim.jaccard <= 1
    assert [s.weighted for s in similarity] == sorted(
        (s.weighted for s in similarity), reverse=True
    )


# --------------------------------------------------------------------------- targets


def test_pm25_comparison_is_33_30_20_for_2027(result: Analysis) -> None:
    (pm25,) = [c for c in result.targets if "PM2.5" in c.label]
    assert pm25.plans == 3
    assert [r.plan for r in pm25.rows] == [JJJ, YRD, GBA]
    assert [r.value for r in pm25.rows] == [Decimal(33), Decimal(30), Decimal(20)]
    assert {r.target_year for r in pm25.rows} == {2027}
    assert {r.unit for r in pm25.rows} == {"http://qudt.org/vocab/unit/MicroGM-PER-M3"}
    assert {r.comparator for r in pm25.rows} == {PG + "AtMost"}
    assert pm25.values(2027) == {
        "京津冀": Decimal(33),
        "长三角": Decimal(30),
        "粤港澳大湾区": Decimal(20),
    }
    for row in pm25.rows:
        assert f"{row.value}微克/立方米" in row.quote


def test_every_compared_indicator_is_targeted_by_two_plans_or_more(result: Analysis) -> None:
    assert len(result.targets) >= 5
    for comparison in result.targets:
        assert len({r.plan for r in comparison.rows}) == comparison.plans >= 2
    order = [-c.plans for c in result.targets]
    assert order == sorted(order)


# --------------------------------------------------------------------------- text reuse


def test_natural_resource_registration_is_reused_by_all_three(
    result: Analysis, data: GraphData
) -> None:
    (passage,) = result.reuse.containing(PASSAGE)
    assert passage.plans == 3
    assert PASSAGE in passage.text
    where = {(loc.plan, loc.task_key) for loc in passage.locations}
    # 京津冀 (十九), 长三角 (十五), 粤港澳 (十七)
    assert where == {(JJJ, "19"), (YRD, "15"), (GBA, "17")}
    for loc in passage.locations:
        assert data.plan_by_iri[loc.plan].text[loc.start : loc.end] == loc.text
        assert loc.unit == f"{loc.plan}/task/{loc.task_key}"
    assert passage.boilerplate and passage.reason == "every plan"


def test_reuse_locations_are_slices_of_the_plan_text(result: Analysis, data: GraphData) -> None:
    spans = {s.iri: s for s in data.spans}
    assert len(result.reuse.passages) >= 20
    for passage in result.reuse.passages:
        assert passage.plans == len({loc.plan for loc in passage.locations}) >= 2
        assert len(passage.text) >= result.reuse.min_length
        assert 0.8 <= passage.identity <= 1
        assert passage.text == passage.locations[0].text
        for loc in passage.locations:
            assert data.plan_by_iri[loc.plan].text[loc.start : loc.end] == loc.text
            assert "\n" not in loc.text
            if loc.unit in spans:
                assert spans[loc.unit].start <= loc.start < spans[loc.unit].end


def test_release_and_closing_template_is_boilerplate(result: Analysis) -> None:
    (closing,) = result.reuse.containing("依托美丽中国建设工作机制")
    assert closing.plans == 3 and closing.reason == "template"
    assert {loc.unit_kind for loc in closing.locations} == {"closing"}
    # near-verbatim: the region's name differs, the passage goes on across it
    assert "协调推进和支持力度" in closing.text
    (release,) = result.reuse.containing("为贯彻落实党中央、国务院决策部署")
    assert release.boilerplate and release.reason == "template"


def test_passage_shared_by_two_plans_is_not_boilerplate(result: Analysis) -> None:
    (noise,) = result.reuse.containing("持续实施噪声污染防治行动")
    assert {loc.plan for loc in noise.locations} == {JJJ, YRD}
    assert not noise.boilerplate and noise.reason == ""
    assert noise.text == "持续实施噪声污染防治行动。加强大气面源综合治理"


def test_passage_ends_do_not_cut_numbers(result: Analysis) -> None:
    (pm25,) = result.reuse.containing("年均浓度降至")
    assert pm25.text.endswith("年均浓度降至")  # not 降至3 (33 and 30)
    assert not any(p.text[-1].isdigit() and p.text[-2] == "至" for p in result.reuse.passages)


def _synthetic(texts: list[str]) -> GraphData:
    plans = tuple(
        PlanNode(f"{ID}plan/p{i}", f"p{i}", f"p{i}", f"{ID}region/r{i}", f"r{i}", text)
        for i, text in enumerate(texts)
    )
    return GraphData(
        plans=plans,
        tasks=(),
        spans=(),
        task_themes={},
        task_places={},
        task_indicators={},
        targets=(),
        places={},
        place_mentions=(),
        region_members={},
        labels={},
        labels_en={},
        plan_by_iri={p.iri: p for p in plans},
        task_by_iri={},
    )


def test_near_verbatim_passages_are_aligned_across_small_edits() -> None:
    shared = ("依托美丽中国建设工作机制,相关部门加大对", "美丽中国先行区建设工作的支持力度。")
    a = "前言。" + "京津冀".join(shared) + "其他内容甲。"
    b = "序。" + "粤港澳大湾区".join(shared) + "另外乙丙。"
    c = "完全不同的文字,没有任何共同的长段落,只有零星的字。"
    found = reuse.analyze_reuse(_synthetic([a, b, c]))
    (passage,) = found.passages
    assert passage.plans == 2
    texts = {loc.plan: loc.text for loc in passage.locations}
    assert texts[f"{ID}plan/p0"].startswith("依托美丽中国建设工作机制")
    assert texts[f"{ID}plan/p0"].endswith("支持力度")
    assert "粤港澳大湾区" in texts[f"{ID}plan/p1"]
    assert 0.8 <= passage.identity < 1
    assert not passage.boilerplate


def test_fingerprints_are_stable_and_winnowed() -> None:
    text = "加快推进重点区域自然资源确权登记。健全生态产品价值实现机制。"
    hashes, positions = reuse.fingerprints(text, 8, 3)
    again, positions_again = reuse.fingerprints(text, 8, 3)
    assert hashes.tolist() == again.tolist() and positions == positions_again
    assert positions == sorted(set(positions))
    # every window of three shingles keeps at least one fingerprint
    assert all(any(p in positions for p in range(i, i + 3)) for i in range(len(text) - 8 - 1))
    assert reuse.fingerprints("太短", 8, 3)[1] == []


# --------------------------------------------------------------------------- linkages


def test_every_task_has_a_best_text_match_in_each_other_plan(
    result: Analysis, data: GraphData
) -> None:
    links = result.linkages.of_kind("text")
    assert result.linkages.exact
    assert len(links) == 66 * 2
    seen = {(link.from_task, link.to_plan) for link in links}
    for task in data.tasks:
        for plan in (JJJ, YRD, GBA):
            assert ((task.iri, plan) in seen) == (plan != task.plan)
    for link in links:
        assert 0 < link.score <= 1
        assert link.to_task is not None and link.to_task.startswith(link.to_plan or "")
        assert link.evidence_text and all(len(e) >= 2 for e in link.evidence_text)
    keys = [link.key for link in links]
    assert keys == sorted(keys)


def test_the_zero_waste_tasks_are_each_others_best_text_match(result: Analysis) -> None:
    best = {(link.from_task, link.to_plan): link for link in result.linkages.of_kind("text")}
    link = best[f"{JJJ}/task/8", YRD]
    assert link.to_task == f"{YRD}/task/8"  # 全域推进“无废城市”建设 / 携手建设全域“无废城市”
    assert best[f"{YRD}/task/8", JJJ].to_task == f"{JJJ}/task/8"
    assert any("危险废物" in phrase for phrase in link.evidence_text)


def test_tasks_sharing_an_indicator(result: Analysis, data: GraphData) -> None:
    links = result.linkages.of_kind("indicator")
    assert links
    for link in links:
        assert link.from_task and link.to_task and link.evidence
        shared = set(data.task_indicators[link.from_task]) & set(data.task_indicators[link.to_task])
        assert set(link.evidence) == shared
    rivers = [link for link in links if link.from_task == f"{JJJ}/task/6" and link.to_plan == GBA]
    assert rivers and "美丽河湖" in data.label(rivers[0].evidence[0])


def test_tasks_sharing_themes(result: Analysis, data: GraphData) -> None:
    links = result.linkages.of_kind("theme")
    assert len(links) > 60
    for link in links:
        assert link.from_plan != link.to_plan
        shared = set(data.task_themes[link.from_task or ""]) & set(
            data.task_themes[link.to_task or ""]
        )
        assert set(link.evidence) == shared and shared


def test_meng_dian_ru_hu_names_inner_mongolia_outside_the_yrd(
    result: Analysis, data: GraphData
) -> None:
    outside = result.linkages.of_kind("outside-place")
    found = {(link.from_plan, data.label(link.place or "")): link for link in outside}
    link = found[YRD, "内蒙古"]
    assert link.from_task == f"{YRD}/task/2"
    assert any("蒙电入沪" in text for text in link.evidence_text)
    for name in ("甘肃", "陕西"):  # 甘电入浙, 陕电蒙电入皖
        assert (YRD, name) in found
    for link in outside:
        members = data.region_members[data.plan_by_iri[link.from_plan].region]
        assert link.place not in members


def test_places_inside_or_overlapping_a_region_are_not_outside() -> None:
    def place(iri: str, kind: str, *within: str) -> PlaceNode:
        return PlaceNode(iri, iri, (kind,), within)

    places = {
        p.iri: p
        for p in (
            place("guangdong", "Province"),
            place("guangzhou", "City", "guangdong"),
            place("shantou", "City", "guangdong"),
            place("nansha", "District", "guangdong"),
            place("neimenggu", "Province"),
            place("huanghe", "River"),
            place("weishanhu", "Lake", "shandong"),
            place("shandong", "Province"),
        )
    }
    gba = ("guangzhou",)
    assert not outside_region("guangzhou", gba, places)  # a member
    assert not outside_region("guangdong", gba, places)  # contains a member
    assert not outside_region("nansha", gba, places)  # cannot tell
    assert outside_region("shantou", gba, places)  # a city, not a member city
    assert outside_region("neimenggu", gba, places)
    assert not outside_region("huanghe", gba, places)  # lies in no province
    assert outside_region("weishanhu", gba, places)
    assert context("推动实施蒙电入沪、蒙电入苏", 4, 5) == "推动实施蒙电入沪"


# --------------------------------------------------------------------------- centrality


def test_centrality_and_communities(result: Analysis, data: GraphData) -> None:
    c = result.centrality
    graph = project.task_graph(data)
    assert c.graph_nodes == graph.number_of_nodes() > 100
    assert c.exact_betweenness
    for kind in ("place", "theme", "task"):
        top = c.top(kind)
        assert len(top) == 10
        assert [n.degree for n in top] == sorted((n.degree for n in top), reverse=True)
        best = max(d for n, d in graph.degree() if graph.nodes[n]["kind"] == kind)
        assert top[0].degree == best
    members = [m for com in c.communities for m in com.members]
    assert len(members) == len(set(members)) == graph.number_of_nodes()
    assert [com.size for com in c.communities] == sorted(
        (com.size for com in c.communities), reverse=True
    )
    assert 0.3 < c.modularity < 1
    for com in c.communities:
        assert set(com.top_themes) | set(com.top_places) <= set(com.members)
        assert com.tasks == sum(1 for m in com.members if m in data.task_by_iri)


# --------------------------------------------------------------------------- determinism, RDF


def test_analysis_is_deterministic(seed_store: ox.Store, result: Analysis) -> None:
    again = analyze(seed_store)
    assert again == result
    assert to_json(again) == to_json(result)
    assert to_markdown(again) == to_markdown(result)
    assert [str(t) for t in analysis_triples(again)] == [str(t) for t in analysis_triples(result)]


def test_results_can_be_queried_with_sparql(seed_store: ox.Store, result: Analysis) -> None:
    triples = analysis_triples(result)
    assert all(t.subject.value.startswith(ID + "analysis/") for t in triples)  # type: ignore[union-attr]
    store = ox.Store()
    store.extend(ox.Quad(q.subject, q.predicate, q.object) for q in seed_store)
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    prefixes = {"pg": PG}
    rows = list(
        store.query(  # type: ignore[union-attr]
            """SELECT ?reuse (COUNT(?loc) AS ?n) WHERE {
                 ?reuse a pg:TextReuse ; pg:sharedText ?text ; pg:planCount 3 ;
                        pg:hasLocation ?loc .
                 ?loc pg:task ?task ; pg:start ?start ; pg:end ?end ; pg:inPlan ?plan .
                 ?plan pg:text ?planText .
                 FILTER(CONTAINS(?text, "自然资源确权登记"))
                 FILTER(STR(SUBSTR(?planText, ?start + 1, ?end - ?start)) = STR(?text))
               } GROUP BY ?reuse""",
            prefixes=prefixes,
        )
    )
    assert len(rows) == 1 and rows[0]["n"].value == "3"
    rows = list(
        store.query(  # type: ignore[union-attr]
            """SELECT ?score ?to WHERE {
                 ?link a pg:Linkage ; pg:linkKind pg:TextLink ; pg:score ?score ;
                       pg:fromTask <https://w3id.org/plangraph/id/plan/jjj-2025/task/8> ;
                       pg:toPlan <https://w3id.org/plangraph/id/plan/yrd-2025> ; pg:toTask ?to .
               }""",
            prefixes=prefixes,
        )
    )
    assert [r["to"].value for r in rows] == [f"{YRD}/task/8"]
    quads = analysis_quads(result)
    assert [ox.Triple(q.subject, q.predicate, q.object) for q in quads] == triples
    assert {q.graph_name.value for q in quads} == {ID + "analysis"}  # type: ignore[union-attr]
    for triple in triples:
        literal = triple.object
        if isinstance(literal, ox.Literal) and literal.datatype.value.endswith("#decimal"):
            assert len(literal.value.partition(".")[2]) <= 4
            assert 0 <= float(literal.value) <= 1


def test_every_analysis_term_is_declared_in_the_ontology(result: Analysis) -> None:
    ontology = rdflib.Graph().parse(data=read_text("ontology", "plangraph.ttl"), format="turtle")

    def declared(term: str, kind: rdflib.URIRef) -> bool:
        return (rdflib.URIRef(term), RDF.type, kind) in ontology

    problems = set()
    for triple in analysis_triples(result):
        p, o = triple.predicate.value, triple.object
        if p == str(RDF.type):
            assert isinstance(o, ox.NamedNode)
            if not declared(o.value, OWL.Class):
                problems.add(f"class {o.value}")
        elif p.startswith(PG):
            kind = OWL.DatatypeProperty if isinstance(o, ox.Literal) else OWL.ObjectProperty
            if not declared(p, kind):
                problems.add(f"{kind.rsplit('#', 1)[-1]} {p}")
            named = isinstance(o, ox.NamedNode) and o.value.startswith(PG)
            if named and not declared(str(o.value), OWL.NamedIndividual):
                problems.add(f"individual {o.value}")
    assert sorted(problems) == []


# --------------------------------------------------------------------------- vectors


def test_ngrams_never_cross_punctuation() -> None:
    grams = vectors.ngrams("蒙电入沪、甘电")
    assert {"蒙电", "电入", "入沪", "蒙电入", "电入沪", "甘电"} == set(grams)
    assert vectors.ngrams("PM2.5") == ["PM", "M2", "PM2"]


def test_candidate_filter_finds_the_exact_best_matches(data: GraphData) -> None:
    seed_data = data
    texts = [
        "加快推进重点区域自然资源确权登记",
        "推进生态清洁小流域建设",
        "持续实施噪声污染防治行动",
        "推进重点区域自然资源确权登记工作",
        "生态清洁小流域建设全面推进",
        "噪声污染防治行动持续实施",
        "自然资源确权登记",
        "小流域建设",
    ]
    groups = [0, 0, 0, 1, 1, 1, 2, 2]
    rows = vectors.tfidf(texts)
    exact, is_exact = vectors.best_per_group(rows, groups, per_row=2)
    filtered, approximate = vectors.best_per_group(rows, groups, per_row=2, dense_limit=0)
    assert is_exact and not approximate
    assert [(m.row, m.other) for m in exact] == [(m.row, m.other) for m in filtered]
    assert [m.score for m in exact] == pytest.approx([m.score for m in filtered])
    best = {(m.row, groups[m.other]): m.other for m in exact}
    assert best[0, 1] == 3 and best[1, 1] == 4 and best[2, 1] == 5
    # on the seed's 66 tasks, the candidate path with no limits finds the exact matches
    tasks = seed_data.tasks
    rank = {p.iri: i for i, p in enumerate(seed_data.plans)}
    seed_rows = vectors.tfidf([t.text for t in tasks])
    seed_groups = [rank[t.plan] for t in tasks]
    dense, _ = vectors.best_per_group(seed_rows, seed_groups, per_row=2)
    sparse, _ = vectors.best_per_group(
        seed_rows, seed_groups, per_row=2, dense_limit=0, signature=10**6, candidates=10**6
    )
    assert [(m.row, m.other, m.score) for m in dense] == [(m.row, m.other, m.score) for m in sparse]
    with pytest.raises(ValueError, match="sorted by group"):
        vectors.best_per_group(rows, [1, 0, 0, 0, 0, 0, 0, 0], per_row=1)


# --------------------------------------------------------------------------- API and CLI


def test_api_analyze_reads_a_graph_file(seed_graph_file: Path) -> None:
    from plangraph import api

    result = api.analyze(seed_graph_file)
    assert result.reuse.containing(PASSAGE)


def test_cli_analyze_prints_markdown_and_json(seed_graph_file: Path) -> None:
    from plangraph.cli import cli

    runner = CliRunner()
    md = runner.invoke(cli, ["analyze", "--graph", str(seed_graph_file)])
    assert md.exit_code == 0, md.output
    assert md.output.startswith("# plangraph analysis\n")
    for heading in ("## Shared themes", "## Cross-region linkages", "## Text reuse"):
        assert heading in md.output
    assert "## Target comparison" in md.output and "≤ 33 µg/m³" in md.output
    assert PASSAGE in md.output
    js = runner.invoke(cli, ["analyze", "--format", "json", "--graph", str(seed_graph_file)])
    assert js.exit_code == 0, js.output
    document = json.loads(js.output)
    assert set(document) == {
        "plans",
        "themes",
        "regionSimilarity",
        "linkages",
        "reuse",
        "targets",
        "centrality",
        "communities",
        "findings",
        "crosswalk",
        "distinctive",
    }
    assert len(document["linkages"]["links"]) > 132
    missing = runner.invoke(cli, ["analyze", "--graph", "no/such/graph.ttl"])
    assert missing.exit_code == 1 and "no such graph file" in missing.output


# --------------------------------------------------------------------------- theme strength


def test_climate_adaptation_is_a_task_in_jjj_and_a_sentence_in_yrd(result: Analysis) -> None:
    # 京津冀 (十三)提升适应气候变化能力 is a task on it; 长三角 has one sentence (深入推进气候
    # 适应型城市建设) inside (九)共筑区域环境安全底线; 粤港澳 none
    (sharing,) = [t for t in result.themes.themes if t.theme == theme_for("适应气候变化")]
    assert sharing.strengths == ("main", "mentioned")
    assert sharing.main_regions == (REGIONS[JJJ],)
    assert sharing.main_tasks == (f"{JJJ}/task/13",)
    assert sharing.strength(REGIONS[GBA]) is None


def test_regional_coordination_is_too_broad_to_tell_plans_apart(result: Analysis) -> None:
    # 区域协同 (联防联控, 跨界, 协同治理 …) is in a third of all tasks of the three regional
    # plans: it is reported apart, not as a theme the plans share
    (broad,) = result.themes.broad()
    assert broad.theme == theme_for("区域协同")
    assert len(broad.tasks) >= len(result.data.tasks) / 3
    assert broad not in result.themes.by_sharing("all")
    assert all(not t.broad for t in result.themes.by_sharing("all"))
    assert broad.specificity < min(t.specificity for t in result.themes.themes if not t.broad)
    assert all(0 <= t.specificity <= 1 for t in result.themes.themes)


def test_themes_shared_by_all_with_a_task_on_them_in_every_region(result: Analysis) -> None:
    # a task whose title names the theme in each plan: 水 (碧水/水污染/珠江), 大气 (蓝天/大气/
    # 空气), 无废城市/无废湾区, 生物多样性, 土壤, 交通, 能源, 产业, 重大工程 …
    everywhere = {t.theme for t in result.themes.by_sharing("all") if len(t.main_regions) == 3}
    for term in ("水环境", "大气环境", "无废城市", "生物多样性", "土壤污染", "绿色交通",
                 "能源绿色低碳转型", "产业绿色转型", "重大工程"):  # fmt: skip
        assert theme_for(term) in everywhere, term
    # 噪声: one sentence in each plan (持续实施噪声污染防治行动; 加强噪声、恶臭、餐饮油烟等治理)
    (noise,) = [t for t in result.themes.themes if t.theme == theme_for("噪声")]
    assert noise.sharing == "all" and noise.main_regions == ()


def test_theme_table_shows_strength_per_region(result: Analysis) -> None:
    text = to_markdown(result)
    section = text[text.index("## Shared themes") :]
    assert "| Theme | 京津冀 | 长三角 | 粤港澳大湾区 | Tasks |" in section
    assert "| 适应气候变化 (Climate adaptation) | ● 1 | ○ 1 | – | 2 |" in section
    assert "### Too broad to tell plans apart (1)" in section
    assert "| 区域协同 (Regional coordination) | ● 9 | ● 10 | ● 6 | 25 (38%) |" in section


def test_theme_sharing_in_the_graph_carries_strength(result: Analysis) -> None:
    triples = analysis_triples(result)
    node = f"{ID}analysis/theme-sharing/climate-adaptation"
    props = {
        (t.predicate.value.rsplit("#", 1)[-1], t.object.value)
        for t in triples
        if t.subject.value == node
    }
    assert ("mainIn", REGIONS[JJJ]) in props
    assert ("mainMatterOf", f"{JJJ}/task/13") in props
    assert ("tooBroad", "false") in props
    assert not any(p == "mainIn" and o == REGIONS[YRD] for p, o in props)


def test_findings_name_the_themes_only_one_region_has_a_task_on(result: Analysis) -> None:
    found = {f.text: f for f in result.findings if f.kind == "theme"}
    # 京津冀 (十三)提升适应气候变化能力; 长三角 one sentence: 深入推进气候适应型城市建设
    jjj = found["Only 京津冀 has a task on: 适应气候变化 (mentioned by 长三角)"]
    assert jjj.quotes == ("提升适应气候变化能力",) and jjj.nodes == (f"{JJJ}/task/13",)
    # 长三角 (十九)构建区域碳足迹管理体系; 京津冀 names CCER, 粤港澳 碳市场 in other tasks
    assert "Only 长三角 has a task on: 碳市场与碳足迹 (mentioned by 京津冀、粤港澳大湾区)" in found
    # themes no other region mentions come first (green trade, international cooperation),
    # then environmental health, which 京津冀 and 长三角 mention
    gba = found[
        "Only 粤港澳大湾区 has a task on: 绿色贸易与认证; 国际合作; "
        "环境健康 (mentioned by 京津冀、长三角)"
    ]
    assert gba.quotes == (
        "全链条打造绿色外贸发展高地",
        "深度参与全球生态文明建设合作",
        "加强生态安全与环境健康管理",
    )
    # the findings come before the outside places, after the unique tasks
    kinds = [f.kind for f in result.findings]
    assert kinds.index("theme") > kinds.index("unique-task")
    assert kinds.index("theme") < kinds.index("outside-place")


def test_report_theme_table_shows_strength_per_region(result: Analysis) -> None:
    from plangraph.report import render_report

    page = render_report(result)
    themes = page[
        page.index('<section id="themes">') : page.index(
            "</section>", page.index('<section id="themes">')
        )
    ]
    assert "<th>京津冀</th><th>长三角</th><th>粤港澳大湾区</th>" in themes
    assert "<td>适应气候变化 (Climate adaptation)</td><td>● 1</td><td>○ 1</td><td>–</td>" in themes
    assert "<h3>Too broad to tell plans apart (1)</h3>" in themes
