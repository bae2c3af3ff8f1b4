"""The table pages ``plangraph viz`` writes first (crosswalk, theme × region matrix): what
they hold on the seed, theme strength when the graph has it, narrowing, and the pages in a
real browser (Debian's Chromium, network blocked), with the linkage drawing's score slider.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from browser_helpers import (
    PAYLOADS,
    REPO,
    build_graph,
    open_page,
    xss_plan,
)

from plangraph import api
from plangraph.graph import ID, PG
from plangraph.projection import GraphData, load, read_theme_strength
from plangraph.store import load_store
from plangraph.viz import PAGES, write_views
from plangraph.viz.matrix import cells, matrix_context, render_matrix

THEME = ID + "theme/"
# docs/img/ (for the README) is rewritten only when asked, so test runs don't churn it
SHOTS = (REPO / "out" / "screenshots",) + (
    (REPO / "docs" / "img",) if os.environ.get("PLANGRAPH_UPDATE_SCREENSHOTS") else ()
)


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_graph(None, tmp_path_factory.mktemp("pages-seed"))


@pytest.fixture(scope="module")
def seed(seed_graph: Path) -> GraphData:
    return load(load_store(seed_graph))


@pytest.fixture(scope="module")
def seed_views(seed_graph: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pages-views")
    write_views(load_store(seed_graph), folder)
    return folder


def region_of(data: GraphData, name: str) -> str:
    return next(p.region for p in data.plans if p.region_label == name)


def task_titles(data: GraphData, tasks: tuple[str, ...]) -> set[str]:
    return {data.task_by_iri[t].label for t in tasks}


# --------------------------------------------------------------------------- the matrix


def test_each_region_air_task_is_in_its_air_cell(seed: GraphData) -> None:
    # read in the seed: the air task of each plan
    air = {
        "京津冀": "以更高标准打好蓝天保卫战",
        "长三角": "强化大气污染精准治理",
        "粤港澳大湾区": "共建空气质量改善先行示范区",
    }
    table = cells(seed)
    for region, title in air.items():
        cell = table[THEME + "air", region_of(seed, region)]
        assert title in task_titles(seed, cell.main), region


def test_cells_count_what_sparql_counts(seed_graph: Path, seed: GraphData) -> None:
    store = load_store(seed_graph)

    def counts(pattern: str) -> dict[tuple[str, str], int]:
        result = store.query(
            f"""PREFIX pg: <{PG}>
            SELECT ?theme ?region (COUNT(DISTINCT ?task) AS ?n) WHERE {{
              ?task a pg:Task ; pg:inPlan ?plan ; pg:hasTheme ?theme .
              ?plan pg:coversRegion ?region .
              {pattern}
            }} GROUP BY ?theme ?region""",
            use_default_graph_as_union=True,
        )
        assert isinstance(result, ox.QuerySolutions)
        return {(r["theme"].value, r["region"].value): int(r["n"].value) for r in result}

    table = cells(seed)
    assert {k: len(c.main) + len(c.mentioned) for k, c in table.items()} == counts("")
    if seed.theme_strength or seed.task_main_themes:  # main matter: either form says so
        main = counts(
            "FILTER(EXISTS { ?task pg:hasMainTheme ?theme } || EXISTS { ?m pg:about ?task ;"
            " pg:mentionOf ?theme ; pg:themeStrength pg:MainTheme })"
        )
        assert {k: len(c.main) for k, c in table.items() if c.main} == main
    else:  # the graph says pg:hasTheme only: every carrier counts
        assert all(not c.mentioned for c in table.values())


def without_strength(store: ox.Store) -> ox.Store:
    """``store`` without what it says of theme strength (to say it again in a test)."""
    for prop in ("themeStrength", "hasMainTheme", "strength"):
        for quad in list(store.quads_for_pattern(None, ox.NamedNode(PG + prop), None)):
            store.remove(quad)
    return store


def test_rows_group_by_how_many_regions_address_a_theme(seed: GraphData) -> None:
    context = matrix_context(seed)
    assert [r["name"] for r in context["regions"]] == ["京津冀", "长三角", "粤港澳大湾区"]
    assert [r["tasks"] for r in context["regions"]] == [22, 22, 22]
    seen = 0
    for group in context["groups"]:
        for row in group["rows"]:
            carried = sum(1 for c in row["cells"] if c["main"])
            assert row["addressed"] == carried
            assert group["key"] == {3: "all", 2: "several", 1: "one", 0: "none"}[carried]
            seen += 1
    assert seen == context["themes"] == len({t for _, t in _pairs(seed)})
    rows = {row["zh"]: row for group in context["groups"] for row in group["rows"]}
    # 京津冀 sets a climate-adaptation task of its own: (13) 提升适应气候变化能力
    adaptation = rows["适应气候变化"]["cells"][0]
    assert adaptation["main"] >= 1 and "(13) 提升适应气候变化能力" in adaptation["title"]
    # only 粤港澳 writes of buildings (建筑光伏一体化, 绿色建筑, 近零碳建筑 in its (3), (10),
    # (20)); the other two plans never use the word 建筑
    building = rows["绿色建筑"]["cells"]
    assert [c["main"] + c["mentioned"] > 0 for c in building] == [False, False, True]


def _pairs(data: GraphData) -> set[tuple[str, str]]:
    return {(task, theme) for task, themes in data.task_themes.items() for theme in themes}


def test_strength_splits_main_from_mentioned(seed_graph: Path, tmp_path: Path) -> None:
    """A graph that says how strongly tasks address themes (the theme-match nodes carry
    pg:themeStrength): only main matters make a region address a theme."""
    store = without_strength(load_store(seed_graph))
    rows = store.query(
        f"""PREFIX pg: <{PG}>
        SELECT ?m ?task ?theme WHERE {{
          ?m a pg:ThemeMatch ; pg:about ?task ; pg:mentionOf ?theme . ?task a pg:Task }}""",
        use_default_graph_as_union=True,
    )
    assert isinstance(rows, ox.QuerySolutions)
    carriers: dict[str, int] = {}
    for themes in load(store).task_themes.values():
        for theme in themes:
            carriers[theme] = carriers.get(theme, 0) + 1
    broadest = max(sorted(carriers), key=carriers.__getitem__)  # 区域协同 on the seed
    for row in rows:
        main = row["theme"].value != broadest  # every match of the broadest only mentions it
        value = ox.NamedNode(PG + ("MainTheme" if main else "MentionedTheme"))  # the ontology's
        store.add(ox.Quad(row["m"], ox.NamedNode(PG + "themeStrength"), value))
    strength = read_theme_strength(store)
    assert strength and set(strength.values()) == {"main", "mentioned"}
    data = load(store)
    context = matrix_context(data)
    assert context["strength"] is True
    none = next(g for g in context["groups"] if g["key"] == "none")
    row = next(r for r in none["rows"] if r["zh"] == data.label(broadest))
    assert row["addressed"] == 0
    carried = [c for c in row["cells"] if c["kind"] != "empty"]
    assert carried and all(c["kind"] == "mentioned" and c["main"] == 0 for c in carried)
    assert all("仅提及 mentioned" in c["title"] for c in carried)
    html = render_matrix(data)
    assert "A region addresses a theme only through the former" in html


def test_main_themes_of_tasks_make_the_regions_that_address_them(seed_graph: Path) -> None:
    """The other form the graph says it in: Task pg:hasMainTheme Theme (⊑ pg:hasTheme)."""
    store = without_strength(load_store(seed_graph))
    data = load(store)
    air = {  # read in the seed: the air task of each plan is about air quality
        "京津冀": "以更高标准打好蓝天保卫战",
        "长三角": "强化大气污染精准治理",
    }
    for task in data.tasks:
        if task.label in air.values():
            store.add(
                ox.Quad(
                    ox.NamedNode(task.iri),
                    ox.NamedNode(PG + "hasMainTheme"),
                    ox.NamedNode(THEME + "air"),
                )
            )
    data = load(store)
    assert sorted(data.task_main_themes) == sorted(
        t.iri for t in data.tasks if t.label in air.values()
    )
    rows = {r["zh"]: r for g in matrix_context(data)["groups"] for r in g["rows"]}
    assert rows["大气环境"]["addressed"] == 2  # 粤港澳's air tasks now only mention it
    assert [c["main"] for c in rows["大气环境"]["cells"]] == [1, 1, 0]
    assert rows["大气环境"]["cells"][2]["kind"] == "mentioned"


def test_narrowing_keeps_one_column_or_one_row(seed: GraphData) -> None:
    yrd = region_of(seed, "长三角")
    context = matrix_context(seed, region=yrd)
    assert [r["name"] for r in context["regions"]] == ["长三角"]
    assert all(len(row["cells"]) == 1 for g in context["groups"] for row in g["rows"])
    context = matrix_context(seed, theme=THEME + "air")
    assert [row["zh"] for g in context["groups"] for row in g["rows"]] == ["大气环境"]


# --------------------------------------------------------------------------- plangraph viz


def test_viz_writes_the_pages_first_and_links_them(seed_views: Path) -> None:
    index = (seed_views / "index.html").read_text(encoding="utf-8")
    first = [index.index(f'href="{name}.html"') for name in (*PAGES, "overview", "linkages")]
    assert first == sorted(first)  # at a glance first, the drawings after
    for name in PAGES:
        html = (seed_views / f"{name}.html").read_text(encoding="utf-8")
        assert 'href="index.html"' in html
        assert "default-src &#39;none&#39;" in html and 'src="lib/' not in html


def test_one_page_with_region_and_theme(seed_graph: Path, tmp_path: Path) -> None:
    paths = api.write_views(tmp_path, seed_graph, view="theme-matrix", region="jjj", theme="air")
    assert paths == [tmp_path / "theme-matrix.html", tmp_path / "index.html"]
    html = paths[0].read_text(encoding="utf-8")
    assert "Narrowed to: <strong>区域 region: 京津冀" in html
    assert html.count('<tr class="row') == 1


# --------------------------------------------------------------------------- in the browser


def test_the_matrix_works_offline_and_filters(browser: Any, seed_views: Path) -> None:
    page, seen = open_page(browser, seed_views / "theme-matrix.html")
    rows = page.locator("#matrix tr.row")
    total = rows.count()
    assert total > 20
    cell = page.locator("#matrix tr.row", has_text="大气环境").locator("td.cell").first
    assert "以更高标准打好蓝天保卫战" in (cell.get_attribute("title") or "")
    for folder in SHOTS:
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / "theme-matrix.png"), full_page=False)
    page.fill("#filter", "生物多样性")
    visible = page.locator("#matrix tr.row:visible")
    assert visible.count() == 1 and "生物多样性" in visible.first.inner_text()
    page.fill("#filter", "")
    assert page.locator("#matrix tr.row:visible").count() == total
    page.close()
    assert seen == {"aborted": [], "errors": [], "dialogs": []}


def test_the_linkage_drawing_starts_with_the_strongest_links(
    browser: Any, seed_views: Path
) -> None:
    page, seen = open_page(browser, seed_views / "linkages.html")
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=60_000)
    count = "() => edges.get().filter(e => e.ek !== undefined && !e.hidden).length"
    tasks = page.evaluate("nodes.get().filter(n => n.cls === 'Task').length")
    links = page.evaluate("edges.get().filter(e => e.ek !== undefined).length")
    shown = page.evaluate(count)
    assert 0 < shown < links and shown <= tasks + 5  # about one link per task at first
    assert page.locator("#pg-shown").inner_text() == str(shown)
    page.evaluate(
        "() => { const s = document.getElementById('pg-score'); s.value = s.min;"
        " s.dispatchEvent(new Event('input')); }"
    )
    assert page.evaluate(count) == links
    page.click("#pg-reset")
    assert page.evaluate(count) == shown
    page.close()
    assert seen == {"aborted": [], "errors": [], "dialogs": []}


def test_pages_with_payloads_run_nothing(browser: Any, tmp_path: Path) -> None:
    graph = build_graph([xss_plan(tmp_path)], tmp_path / "out")
    write_views(load_store(graph), tmp_path / "views", view="theme-matrix")
    write_views(load_store(graph), tmp_path / "views", view="crosswalk")
    for name in PAGES:
        page, seen = open_page(browser, tmp_path / "views" / f"{name}.html")
        assert page.evaluate("window.__xss === undefined")
        assert page.evaluate("document.querySelectorAll('img, iframe, object').length") == 0
        page.close()
        assert seen == {"aborted": [], "errors": [], "dialogs": []}, name
    assert PAYLOADS
