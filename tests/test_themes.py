"""Themes: the SKOS scheme in ontology/themes.ttl and the theme mentions of tasks.

Facts about the seed were checked by reading data/plans/beautiful-china-pioneer-zones-2025.txt.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import DCTERMS, RDF, SKOS

from plangraph import resources
from plangraph.extract.themes import (
    SCHEME,
    THEME_NS,
    extract_themes,
    find_terms,
    head_clause,
    load_themes,
    theme_by_slug,
    themes_in,
)
from plangraph.model import Plan
from plangraph.read import read_text

PG_THEME = rdflib.URIRef("https://w3id.org/plangraph/ontology#Theme")

# terms that deliberately belong to two themes (documented in themes.ttl)
SHARED_TERMS = {
    "柴油货车": {"air", "transport"},
    "海洋塑料": {"marine", "solid-waste"},
    "农村生活污水": {"water", "rural-environment"},
    "农村黑臭水体": {"water", "rural-environment"},
    "农村生活垃圾": {"solid-waste", "rural-environment"},
    "碳金融": {"green-finance", "carbon-markets"},
    "绿色出行": {"transport", "green-lifestyle"},
    "生物多样性公约": {"biodiversity", "international-cooperation"},
    "湿地公约": {"wetlands", "international-cooperation"},
}


@pytest.fixture(scope="module")
def turtle() -> str:
    return resources.read_text("ontology", "themes.ttl")


@pytest.fixture(scope="module")
def graph(turtle: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=turtle, format="turtle")


@pytest.fixture(scope="module")
def seed(plan_by_region: dict[str, Plan]) -> dict[str, Plan]:
    return plan_by_region


@pytest.fixture(scope="module")
def tasks_by_theme(seed: dict[str, Plan]) -> dict[str, dict[str, set[str]]]:
    """region -> theme slug -> keys of the tasks that carry it."""
    found: dict[str, dict[str, set[str]]] = {}
    for region, plan in seed.items():
        by_theme: dict[str, set[str]] = defaultdict(set)
        for mention in extract_themes(plan):
            by_theme[mention.target].add(mention.owner.key)
        found[region] = dict(by_theme)
    return found


def plan_themes(tasks_by_theme: dict[str, dict[str, set[str]]], region: str) -> set[str]:
    return set(tasks_by_theme[region])


# --------------------------------------------------------------------------- the scheme


def test_themes_ttl_parses_the_same_with_rdflib_and_pyoxigraph(
    turtle: str, graph: rdflib.Graph
) -> None:
    triples = list(ox.parse(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE))
    assert len(triples) == len(graph) > 500


def test_scheme_is_labelled(graph: rdflib.Graph) -> None:
    scheme = rdflib.URIRef(SCHEME)
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    for prop in (SKOS.prefLabel, DCTERMS.title):
        langs = {o.language for o in graph.objects(scheme, prop) if isinstance(o, rdflib.Literal)}
        assert langs == {"zh", "en"}


def test_two_levels_of_concepts(graph: rdflib.Graph) -> None:
    scheme = rdflib.URIRef(SCHEME)
    tops = set(graph.objects(scheme, SKOS.hasTopConcept))
    assert 6 <= len(tops) <= 8
    assert tops == set(graph.subjects(SKOS.topConceptOf, scheme))
    concepts = set(graph.subjects(SKOS.inScheme, scheme))
    themes = concepts - tops
    assert 25 <= len(themes) <= 40
    assert concepts == set(graph.subjects(RDF.type, SKOS.Concept))
    for concept in concepts:
        assert (concept, RDF.type, PG_THEME) in graph
        assert re.fullmatch(re.escape(THEME_NS) + r"[a-z0-9]+(-[a-z0-9]+)*", str(concept))
        prefs = [o for o in graph.objects(concept, SKOS.prefLabel) if isinstance(o, rdflib.Literal)]
        assert sorted(str(o.language) for o in prefs) == ["en", "zh"], concept
        definitions = list(graph.objects(concept, SKOS.definition))
        assert len(definitions) == 1 and definitions[0].language == "en"  # type: ignore[attr-defined]
    for theme in themes:
        (broader,) = graph.objects(theme, SKOS.broader)
        assert broader in tops
        assert (broader, SKOS.narrower, theme) in graph
        alt = set(graph.objects(theme, SKOS.altLabel))
        hidden = set(graph.objects(theme, SKOS.hiddenLabel))
        assert alt and hidden, theme
        assert all(o.language == "zh" for o in alt | hidden)  # type: ignore[attr-defined]
        # SKOS S13: the label sets of one concept are disjoint
        assert not alt & hidden
        assert not set(graph.objects(theme, SKOS.prefLabel)) & (alt | hidden)
    for top in tops:
        assert set(graph.objects(top, SKOS.narrower)) == set(graph.subjects(SKOS.broader, top))


def test_load_themes_matches_the_file(graph: rdflib.Graph) -> None:
    themes = load_themes()
    assert load_themes() is themes  # cached
    assert (
        len({t.slug for t in themes})
        == len(themes)
        == len(set(graph.subjects(SKOS.inScheme, rdflib.URIRef(SCHEME))))
    )
    tops = {t.slug for t in themes if t.broader is None}
    second = [t for t in themes if t.broader is not None]
    assert 6 <= len(tops) <= 8 and 25 <= len(second) <= 40
    for theme in second:
        assert theme.broader in tops
        assert theme.label_zh and theme.label_en
        assert theme.terms and theme.terms[0] == theme.label_zh
    adaptation = theme_by_slug("climate-adaptation")
    assert adaptation is not None
    assert (adaptation.label_zh, adaptation.label_en) == ("适应气候变化", "Climate adaptation")
    assert adaptation.broader == "climate-change"
    assert {"气候适应型城市", "极端天气", "防洪"} <= set(adaptation.terms)
    assert theme_by_slug("no-such-theme") is None


def test_only_the_documented_terms_belong_to_two_themes() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for theme in load_themes():
        if theme.broader is not None:
            for term in theme.terms:
                owners[term].add(theme.slug)
    assert {term: slugs for term, slugs in owners.items() if len(slugs) > 1} == SHARED_TERMS


def test_no_over_general_terms() -> None:
    general = {
        "气候", "气候变化", "水", "安全", "生态", "环境", "生态环境", "污染", "保护", "治理",
        "修复", "绿色", "低碳", "绿色低碳", "监测", "健康", "能源", "新能源", "国际", "协同",
        "美丽", "辐射", "标准", "海", "湾区", "科技", "技术", "数字化", "金融", "风险",
        "应急", "履约", "中试", "物种", "生境", "两高", "两山",
    }  # fmt: skip
    for theme in load_themes():
        if theme.broader is None:
            continue
        for term in theme.terms:
            assert term not in general, (theme.slug, term)
            assert len(term) >= 2, (theme.slug, term)


# --------------------------------------------------------------------------- the seed


def test_every_plan_carries_air_solid_waste_and_biodiversity(
    tasks_by_theme: dict[str, dict[str, set[str]]],
) -> None:
    for region in ("京津冀", "长三角", "粤港澳大湾区"):
        themes = plan_themes(tasks_by_theme, region)
        assert {"air", "solid-waste", "biodiversity"} <= themes, region
    # the 无废城市 tasks: (八) in 京津冀 and 长三角, (十五)共建“无废湾区” in 粤港澳
    assert {"8"} <= tasks_by_theme["京津冀"]["solid-waste"]
    assert {"8"} <= tasks_by_theme["长三角"]["solid-waste"]
    assert {"15"} <= tasks_by_theme["粤港澳大湾区"]["solid-waste"]
    # the 蓝天 / 大气 tasks
    assert "5" in tasks_by_theme["京津冀"]["air"]
    assert "4" in tasks_by_theme["长三角"]["air"]
    assert "5" in tasks_by_theme["粤港澳大湾区"]["air"]


def test_climate_adaptation_is_carried_by_jjj_and_yrd_only(
    seed: dict[str, Plan], tasks_by_theme: dict[str, dict[str, set[str]]]
) -> None:
    assert tasks_by_theme["京津冀"]["climate-adaptation"] == {"13"}  # 提升适应气候变化能力
    assert tasks_by_theme["长三角"]["climate-adaptation"] == {"9"}  # 深入推进气候适应型城市建设
    # 粤港澳 speaks of 气候投融资 (finance) and 气候环保合作 (international), not adaptation
    assert "climate-adaptation" not in tasks_by_theme["粤港澳大湾区"]
    gba = extract_themes(seed["粤港澳大湾区"])
    assert any(m.target == "green-finance" and m.how == "气候投融资" for m in gba)
    assert "22" in tasks_by_theme["粤港澳大湾区"]["international-cooperation"]
    (yrd,) = (m for m in extract_themes(seed["长三角"]) if m.target == "climate-adaptation")
    assert yrd.quote.text == "气候适应型城市"


def test_themes_shared_by_the_three_plans(tasks_by_theme: dict[str, dict[str, set[str]]]) -> None:
    jjj, yrd, gba = (plan_themes(tasks_by_theme, r) for r in ("京津冀", "长三角", "粤港澳大湾区"))
    shared = jjj & yrd & gba
    assert {
        "water", "marine", "soil-groundwater", "new-pollutants", "noise", "wetlands",
        "migratory-birds", "ecological-barriers", "air", "solid-waste", "biodiversity",
        "energy", "transport", "industry", "carbon-mitigation", "carbon-markets",
        "environmental-risk", "environmental-health", "law-standards",
        "zoning-eia", "monitoring-digital", "science-technology", "regional-coordination",
        "major-projects", "green-finance", "eco-compensation", "beautiful-cities-villages",
        "green-lifestyle",  # 生物多样性体验地、教育基地; 生态文化精品旅游路线 (粤港澳)
    } == shared  # fmt: skip
    # only one plan talks about these
    assert "forests-grasslands" in jjj - yrd - gba  # 森林、草原 … 塞罕坝机械林场
    assert {"buildings", "green-trade", "international-cooperation"} <= gba - jjj - yrd


def test_a_term_in_passing_is_no_evidence(tasks_by_theme: dict[str, dict[str, set[str]]]) -> None:
    jjj, yrd, gba = (tasks_by_theme[r] for r in ("京津冀", "长三角", "粤港澳大湾区"))
    # 长三角 names 核与辐射 only as one risk source in a list, after the sentence's head
    # clause (联合开展长江、淮河、大运河等流域环境风险隐患排查整治，强化危险废物、重金属、
    # 尾矿库、核与辐射等环境风险防控，…): no sentence of 长三角 is about nuclear safety
    assert "nuclear-radiation" not in yrd
    assert jjj["nuclear-radiation"] == {"14"}  # 建立健全区域辐射事故协同处置和应急支援机制
    assert gba["nuclear-radiation"] == {"13"}  # 强化核与辐射安全监督管理
    # 粤港澳 names 自然保护地 only in the list of fields of its major projects (以…自然保护地
    # 体系建设…等为重点, a circumstance) and 保护修复 only after the head clause of (九)
    assert "protected-areas" not in gba and "ecological-restoration" not in gba
    # 工业园区 in 长三角 (七)…化工园区地下水污染专项整治 qualifies groundwater: no industry
    assert "7" not in yrd.get("industry", set())


def test_strength_main_or_mentioned(seed: dict[str, Plan]) -> None:
    strength = {
        (region, m.owner.key, m.target): m.strength
        for region, plan in seed.items()
        for m in extract_themes(plan)
    }
    assert set(strength.values()) == {"main", "mentioned"}
    # the title names the matter: (五)以更高标准打好蓝天保卫战
    assert strength["京津冀", "5", "air"] == "main"
    # … and a theme the task only has a sentence about is mentioned: 持续实施噪声污染防治行动
    assert strength["京津冀", "5", "noise"] == "mentioned"
    # 京津冀 (十三)提升适应气候变化能力 is a task; 长三角 has one sentence, 深入推进气候适应型
    # 城市建设, inside (九)共筑区域环境安全底线
    assert strength["京津冀", "13", "climate-adaptation"] == "main"
    assert strength["长三角", "9", "climate-adaptation"] == "mentioned"
    # a title without a theme: (十七)“串珠成链”汇聚美丽新气象 is about 美丽城市, 美丽乡村 in
    # most of its sentences
    assert strength["京津冀", "17", "beautiful-cities-villages"] == "main"
    # 长三角 (十)强化区域生态空间协同保护: four of its sentences are about 生态屏障, more than
    # about any theme of its title
    assert strength["长三角", "10", "ecological-barriers"] == "main"


def test_head_clause_skips_circumstances_and_keeps_continuations() -> None:
    from plangraph.extract.themes import head_clause

    text = "以交界地区、跨界流域为重点，加大森林、草原、湿地和海洋保护修复力度。"
    start, end = head_clause(text, 0, len(text))
    assert text[start:end] == "加大森林、草原、湿地和海洋保护修复力度。"
    text = "到2027年，建立一批生物多样性体验地、教育基地。"
    start, end = head_clause(text, 0, len(text))
    assert text[start:end] == "建立一批生物多样性体验地、教育基地。"
    text = (
        "加强重点野生动物就地和迁地保护，以及东亚—澳大利西亚候鸟迁徙路线上关键栖息地保护，"
        "推进水产种质资源保护区保护修复。"
    )
    start, end = head_clause(text, 0, len(text))
    assert text[start:end].endswith("关键栖息地保护")


def test_specific_tasks(tasks_by_theme: dict[str, dict[str, set[str]]]) -> None:
    jjj, yrd, gba = (tasks_by_theme[r] for r in ("京津冀", "长三角", "粤港澳大湾区"))
    assert "11" in jjj["migratory-birds"]  # 东亚—澳大利西亚候鸟迁徙路线
    assert "12" in yrd["migratory-birds"]  # 候鸟栖息地
    # 水鸟生态廊道, 候鸟湾区; (九)'s 黑脸琵鹭 is an example of threatened species, after the
    # head clause 持续推进生物多样性保护战略与行动 (biodiversity)
    assert gba["migratory-birds"] == {"8"}
    assert "10" in yrd["protected-areas"]  # 钱江源—百山祖国家公园
    assert "9" in jjj["protected-areas"]  # 燕山—塞罕坝国家公园
    # 辐射带动 (radiate influence) in (十五) is not radiation
    assert jjj["nuclear-radiation"] == {"14"}  # 辐射事故协同处置
    assert "4" in jjj["carbon-markets"]  # CCER, 地方碳市场
    assert "19" in yrd["carbon-markets"]  # 碳足迹管理体系
    assert "15" in yrd["eco-compensation"]  # 生态产品价值实现机制
    assert "14" in yrd["zoning-eia"]  # 生态环境分区管控
    assert "13" in yrd["law-standards"]  # 协同立法, 行政处罚标准
    assert "18" in yrd["monitoring-digital"]  # 数智化, 人工智能
    assert "21" in gba["green-trade"]  # 绿色外贸


def test_mentions_quote_the_first_occurrence_in_the_task(seed: dict[str, Plan]) -> None:
    for plan in seed.values():
        mentions = extract_themes(plan)
        assert mentions
        tasks = {t.key: t for t in plan.tasks}
        pairs = [(m.owner.key, m.target) for m in mentions]
        assert len(pairs) == len(set(pairs))  # one mention per (task, theme)
        for m in mentions:
            q = m.quote
            assert m.plan == plan.id and m.owner.kind == "task"
            assert plan.text[q.start : q.end] == q.text
            task = tasks[m.owner.key]
            (sentence,) = (s for s in task.sentences if s.index == q.sentence)
            assert sentence.start <= q.start < q.end <= sentence.end
            theme = theme_by_slug(m.target)
            assert theme is not None and theme.broader is not None
            assert m.how in theme.terms
            # a term of the same theme earlier in the task is one in passing: outside its
            # sentence's head clause, and its theme holds less than half of the matches
            for s in task.sentences:
                matches = find_terms(plan.text, s.start, s.end)
                head = head_clause(plan.text, s.start, s.end)
                for match in matches:
                    if m.target in match.themes and match.start < q.start:
                        assert not head[0] <= match.start < head[1], (m, match)
                        same = sum(m.target in x.themes for x in matches)
                        assert 2 * same < sum(len(x.themes) for x in matches), (m, match)


def test_every_term_mode_keeps_one_mention_per_distinct_term(seed: dict[str, Plan]) -> None:
    plan = seed["京津冀"]
    first = extract_themes(plan)
    every = extract_themes(plan, every_term=True)
    assert set(first) <= set(every)
    keys = [(m.owner.key, m.target, m.how) for m in every]
    assert len(keys) == len(set(keys))
    assert {(m.owner.key, m.target) for m in every} == {(m.owner.key, m.target) for m in first}
    air = [m.how for m in every if m.owner.key == "5" and m.target == "air"]
    assert air[:2] == ["蓝天保卫战", "大气污染防治"]
    assert {"重污染天气", "超低排放", "消耗臭氧层物质"} <= set(air)


def test_matching_is_fast(seed: dict[str, Plan]) -> None:
    plans = list(seed.values())
    extract_themes(plans[0])  # compile once
    start = time.perf_counter()
    for _ in range(5):
        for plan in plans:
            extract_themes(plan)
    per_plan = (time.perf_counter() - start) / (5 * len(plans))
    assert per_plan < 0.025  # about 2 ms on a laptop


# --------------------------------------------------------------------------- the genre


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("深入打好蓝天保卫战,推进钢铁行业超低排放改造,加强臭氧和细颗粒物协同控制。", {"air"}),
        ("完善重污染天气应急响应机制。", {"air"}),
        ("推进入河排污口排查整治,保障饮用水水源地安全。", {"water"}),
        ("确保地下水水质保持稳定。", {"soil-groundwater"}),
        ("推进美丽海湾建设,加强入海河流总氮治理。", {"marine"}),
        ("全域推进“无废城市”建设,深化生活垃圾分类。", {"solid-waste"}),
        ("实施长江十年禁渔,加强江豚、中华鲟等珍稀濒危物种保护。", {"biodiversity"}),
        ("加强丹顶鹤、东方白鹳等候鸟迁飞通道保护。", {"migratory-birds"}),
        ("推进海绵城市建设,提升城市防洪排涝能力,积极应对极端天气。", {"climate-adaptation"}),
        ("加强核与辐射安全监管,做好核电厂周边辐射环境监测。", {"nuclear-radiation", "energy"}),
        ("实施山水林田湖草沙一体化保护和修复工程。", {"ecological-restoration"}),
        ("筑牢北方防沙带生态安全屏障。", {"ecological-barriers"}),
        ("开展全国碳排放权交易市场扩围。", {"carbon-markets"}),
        ("推进农村生活污水治理。", {"water", "rural-environment"}),
        ("淘汰国四柴油货车。", {"air", "transport"}),
        ("深入推进VOCS综合治理。", {"air"}),
        ("严守生态保护红线,深化排污许可制度改革,落实“三线一单”。", {"zoning-eia"}),
        ("推进排污权、用能权、用水权交易。", {"eco-compensation"}),
        ("推进公共领域车辆全面电动化,发展城市轨道交通。", {"transport"}),
        ("推进森林城市建设,科学推进荒漠化综合防治。", {"forests-grasslands"}),
        (
            "推进化学物质环境风险评估,加强抗生素等新污染物治理。",
            {"new-pollutants", "environmental-risk"},
        ),
        (
            "积极参与全球气候治理,落实《生物多样性公约》。",
            {"international-cooperation", "biodiversity"},
        ),
        ("推进污水资源化利用。", {"water"}),
        ("发展绿色信贷和绿色债券,推动设立绿色发展基金。", {"green-finance"}),
        ("推动长江经济带生态环境保护与高质量发展。", set()),
        # false friends
        ("发挥辐射带动作用,以高标准推进美丽中国建设。", set()),
        ("开展气候投融资试点。", {"green-finance"}),
        ("推进农作物种植结构调整。", set()),
        ("在城市中试点推广。", set()),
        ("健全碳市场履约机制。", {"carbon-markets"}),
        ("推广新能源中重型货车。", {"transport"}),
        ("培育环境健康友好产业。", {"industry"}),
        ("坚持绿色低碳发展,统筹生态环境保护与健康有序发展。", set()),
    ],
)
def test_genre_sentences(text: str, expected: set[str]) -> None:
    assert set(themes_in(text)) == expected


def test_longest_term_wins_and_offsets_index_the_text() -> None:
    text = "前言。构建生态安全屏障,完善生态安全体系。"
    matches = find_terms(text, 3)
    assert [(m.term, m.themes) for m in matches] == [
        ("生态安全屏障", ("ecological-barriers",)),
        ("生态安全体系", ("ecological-security",)),
    ]
    assert all(text[m.start : m.end] == m.term for m in matches)
    assert [m.term for m in find_terms(text, 3, 9)] == ["生态安全"]  # the span cuts 屏障 off
    assert [m.term for m in find_terms("APM2.5B 与 PM2.5")] == ["PM2.5"]  # ASCII: whole words


def test_a_plan_read_from_text() -> None:
    (plan,) = read_text(
        "某省美丽河湖保护行动方案\n"
        "一、总体要求\n"
        "到2027年,全省水环境质量持续改善。\n"
        "二、主要任务\n"
        "(一)加强饮用水水源地保护。推进入河排污口排查整治,发挥辐射带动作用。\n"
        "(二)提升适应气候变化能力。推进海绵城市建设,提升城市防洪排涝能力。\n"
        "三、保障措施\n"
        "各地区各部门要加强组织领导。\n",
        source="synthetic.txt",
    )
    mentions = extract_themes(plan)
    assert [(m.owner.key, m.target, m.quote.text) for m in mentions] == [
        ("1", "water", "饮用水"),
        ("2", "climate-adaptation", "适应气候变化"),
    ]
    for m in mentions:
        assert plan.text[m.quote.start : m.quote.end] == m.quote.text


# --------------------------------------------------------------------------- in the graph


def test_every_theme_match_has_a_strength_and_main_themes_are_themes(seed_graph_file) -> None:  # type: ignore[no-untyped-def]
    from plangraph import query

    rows = query(
        """PREFIX pg: <https://w3id.org/plangraph/ontology#>
        SELECT ?m (COUNT(?s) AS ?n) WHERE { ?m a pg:ThemeMatch OPTIONAL { ?m pg:themeStrength ?s } }
        GROUP BY ?m""",
        seed_graph_file,
    ).rows
    assert rows and all(int(r["n"]) == 1 for r in rows)
    main_only = query(
        """PREFIX pg: <https://w3id.org/plangraph/ontology#>
        SELECT ?t ?x WHERE { ?t pg:hasMainTheme ?x FILTER NOT EXISTS { ?t pg:hasTheme ?x } }""",
        seed_graph_file,
    ).rows
    assert main_only == []
    # the strength on the match agrees with pg:hasMainTheme on the task
    disagree = query(
        """PREFIX pg: <https://w3id.org/plangraph/ontology#>
        SELECT ?m WHERE {
          ?m a pg:ThemeMatch ; pg:about ?t ; pg:mentionOf ?x ; pg:themeStrength ?s .
          FILTER ((?s = pg:MainTheme) != EXISTS { ?t pg:hasMainTheme ?x })
        }""",
        seed_graph_file,
    ).rows
    assert disagree == []


def test_shared_themes_query_with_strength(seed_graph_file) -> None:  # type: ignore[no-untyped-def]
    from plangraph import query

    every = query("shared-themes", seed_graph_file).rows
    main = query("shared-themes", seed_graph_file, strength="main").rows
    themes = {r["theme_iri"].rsplit("/", 1)[1] for r in every}
    main_themes = {r["theme_iri"].rsplit("/", 1)[1] for r in main}
    assert main_themes < themes
    # a task on it in every plan: 水, 大气, 无废城市 …; 噪声 only one sentence in each plan
    assert {"water", "air", "solid-waste", "biodiversity", "soil-groundwater"} <= main_themes
    assert "noise" in themes and "noise" not in main_themes
    # 京津冀 (五)以更高标准打好蓝天保卫战 carries air as its main matter, noise as mentioned
    strength = {
        (r["plan_id"], r["task"], r["theme_iri"].rsplit("/", 1)[1]): r["theme_strength"]
        for r in every
    }
    assert strength["jjj-2025", 5, "air"] == "main"
    assert strength["jjj-2025", 5, "noise"] == "mentioned"
    unique = query("unique-themes", seed_graph_file).rows
    assert {
        (r["plan_id"], r["task"], r["theme_strength"])
        for r in unique
        if r["theme_iri"].endswith("/international-cooperation")
    } == {("gba-2025", 22, "main")}  # 深度参与全球生态文明建设合作
