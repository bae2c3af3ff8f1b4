"""The views without a browser: what they hold, that they are offline, safe and stable."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from browser_helpers import (
    EXTERNAL,
    PAYLOADS,
    build_graph,
    markup,
    poison,
    synthetic_graph,
    xss_plan,
)
from click.testing import CliRunner

from plangraph import api
from plangraph.cli import cli
from plangraph.errors import PlangraphError
from plangraph.graph import ID, PG
from plangraph.store import load_store
from plangraph.viz import FIXED_VIEWS, PAGES, build_views, write_views
from plangraph.viz.builders import derive_linkages
from plangraph.viz.data import load
from plangraph.viz.render import PHYSICS_LIMIT, script_json
from plangraph.viz.views import plan_view_name

PREFIX = f"PREFIX pg: <{PG}>\n"


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_graph(None, tmp_path_factory.mktemp("seed"))


@pytest.fixture(scope="module")
def seed_views(seed_graph: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("views")
    write_views(load_store(seed_graph), folder)
    return folder


@pytest.fixture(scope="module")
def xss_views(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("xss")
    graph = build_graph([xss_plan(folder)], folder / "out")
    write_views(load_store(graph), folder / "views")
    return folder / "views"


def payload(html: str) -> dict[str, Any]:
    """The data embedded in a view page."""
    found = re.search(r"var DATA = (\{.*?\});\n", html)
    assert found, "no DATA in the page"
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def select(store: ox.Store, query: str) -> list[ox.QuerySolution]:
    result = store.query(PREFIX + query, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    return list(result)


def count(store: ox.Store, query: str) -> int:
    rows = select(store, query)
    return int(rows[0]["n"].value)


# --------------------------------------------------------------------------- JSON in <script>


@pytest.mark.parametrize(
    "text",
    [
        "</script><script>alert(1)</script>",
        "<!-- <script>",
        "a & b ' \" \u2028 \u2029 end",
        "<img src=x onerror=alert(1)>",
        "京津冀美丽中国先行区",
    ],
)
def test_script_json_cannot_end_the_script_element(text: str) -> None:
    encoded = str(script_json({"label": text, "list": [text]}))
    for unsafe in ("<", ">", "&", "'", "\u2028", "\u2029"):
        assert unsafe not in encoded
    assert json.loads(encoded) == {"label": text, "list": [text]}


def test_script_json_is_stable_and_keeps_chinese_readable() -> None:
    assert str(script_json({"b": 1, "a": "区域"})) == '{"a":"区域","b":1}'


# --------------------------------------------------------------------------- the seed views


def test_every_view_and_the_index_are_written(seed_graph: Path, seed_views: Path) -> None:
    store = load_store(seed_graph)
    plans = [
        r["id"].value for r in select(store, "SELECT ?id { ?p a pg:Plan ; pg:identifier ?id }")
    ]
    # the drawn views, the plan pages and the two table pages (crosswalk, theme matrix)
    expected = {f"{v}.html" for v in (*FIXED_VIEWS, *PAGES)}
    expected |= {f"{plan_view_name(p)}.html" for p in plans}
    written = {p.name for p in seed_views.iterdir()}
    assert written == expected | {"index.html", "lib"}
    index = (seed_views / "index.html").read_text(encoding="utf-8")
    for name in expected:
        assert f'href="{name}"' in index


# the one local copy of the libraries beside the pages: the only files a page loads
LOCAL_LIBRARY = re.compile(
    r'<link rel="stylesheet" href="lib/([a-z.-]+\.css)">|<script src="lib/([a-z.-]+\.js)"></script>'
)


def test_pages_are_utf8_and_self_contained(seed_views: Path) -> None:
    from importlib.resources import files

    bundled = files("pyvis").joinpath("templates", "lib")
    for page in sorted(seed_views.glob("*.html")):
        html = page.read_bytes().decode("utf-8")  # strict: fails on anything but UTF-8
        assert html.startswith("<!DOCTYPE html>")
        assert '<meta charset="utf-8">' in html
        libraries = [a or b for a, b in LOCAL_LIBRARY.findall(html)]
        if page.stem in PAGES:  # plain tables: no library at all
            assert libraries == []
        elif page.name != "index.html":
            assert sorted(libraries) == [
                "tom-select.complete.min.js",
                "tom-select.css",
                "vis-network.css",
                "vis-network.min.js",
            ]
        for name in libraries:  # present beside the pages, as pyvis bundles them
            folder = "tom-select" if name.startswith("tom-select") else "vis-9.1.2"
            assert (seed_views / "lib" / name).read_bytes() == bundled.joinpath(
                folder, name
            ).read_bytes()
        html = LOCAL_LIBRARY.sub("", html)
        found = EXTERNAL.findall(html)
        assert not found, f"{page.name} refers to something outside the page: {found[:3]}"
        for href in re.findall(r"href=\s*[\"']?([^\"'\s>]*)", markup(html), flags=re.I):
            assert re.fullmatch(r"[A-Za-z0-9._-]+\.html", href), href
        assert not re.search(r"=\s*[\"']?\s*javascript:", markup(html), flags=re.I)
        assert not re.search(r"cdnjs|jsdelivr|unpkg|googleapis|bootstrap", html, re.I)


def test_the_csp_allows_exactly_the_page_scripts(seed_views: Path) -> None:
    html = (seed_views / "overview.html").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert policy
    assert "default-src 'none'" in policy.group(1)
    script_src = policy.group(1).split("script-src", 1)[1].split(";")[0]
    assert "unsafe-inline" not in script_src
    assert script_src.split()[0] == "'self'"  # lib/vis-network.min.js, lib/tom-select…
    assert len(script_src.split()) == 2  # 'self' and the hash of the view's own script
    scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL)
    assert len(scripts) == 1  # the view; the libraries are files in lib/
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in policy.group(1)


def test_views_are_byte_identical_when_drawn_again(seed_graph: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    write_views(load_store(seed_graph), first)
    write_views(load_store(seed_graph), second)
    pages = sorted(p for p in first.rglob("*") if p.is_file())
    assert first / "lib" / "vis-network.min.js" in pages
    for page in pages:
        twin = second / page.relative_to(first)
        assert page.read_bytes() == twin.read_bytes(), page.name
    write_views(load_store(seed_graph), first)  # and over the previous files
    for page in pages:
        assert page.read_bytes() == (second / page.relative_to(first)).read_bytes(), page.name
    assert not [p for p in first.rglob(".*")], "temporary files left"


def test_every_node_has_labels_and_a_tooltip_with_type_and_source(seed_views: Path) -> None:
    for page in sorted(seed_views.glob("*.html")):
        if page.name == "index.html" or page.stem in PAGES:  # no graph drawn there
            continue
        data = payload(page.read_text(encoding="utf-8"))
        assert len({n["id"] for n in data["nodes"]}) == len(data["nodes"])
        ids = {n["id"] for n in data["nodes"]}
        for node in data["nodes"]:
            assert node["zh"] and node["en"], node["id"]
            assert node["title"].splitlines()[0].split()[1] == node["cls"]
            assert node["id"] in node["title"]
            assert not node["id"].startswith("http"), "ids are short, not URLs"
            if node["cls"] in {"Task", "Section"}:
                assert "原文 source: " in node["title"]
            if node["cls"] == "Target":
                assert "引文 quote: " in node["title"]
        for edge in data["edges"]:
            assert edge["from"] in ids and edge["to"] in ids
            assert edge["title"]


def test_plan_views_hold_the_plan_sections_tasks_targets_and_places(
    seed_graph: Path,
) -> None:
    store = load_store(seed_graph)
    views = {v.name: v for v in build_views(store, view="plans")}
    for row in select(store, "SELECT ?p ?id { ?p a pg:Plan ; pg:identifier ?id }"):
        plan, view = row["p"].value, views[plan_view_name(row["id"].value)]
        expected = count(
            store,
            f"""SELECT (COUNT(DISTINCT ?x) AS ?n) {{
              {{ BIND(<{plan}> AS ?x) }}
              UNION {{ ?x a pg:Section ; pg:inPlan <{plan}> }}
              UNION {{ ?x a pg:Task ; pg:inPlan <{plan}> }}
              UNION {{ ?x a pg:Target ; pg:inPlan <{plan}> }}
              UNION {{ ?u pg:inPlan <{plan}> ; pg:mentions ?x . ?x a pg:Place .
                       FILTER EXISTS {{ VALUES ?c {{ pg:Section pg:Task }} ?u a ?c }} }}
              UNION {{ ?t a pg:Target ; pg:inPlan <{plan}> ; pg:scope ?x }}
            }}""",
        )
        assert view.graph.number_of_nodes() == expected
        tasks = count(store, f"SELECT (COUNT(?t) AS ?n) {{ ?t a pg:Task ; pg:inPlan <{plan}> }}")
        assert sum(1 for _, d in view.graph.nodes(data=True) if d["cls"] == "Task") == tasks


def test_overview_holds_every_region_plan_task_and_target(seed_graph: Path) -> None:
    store = load_store(seed_graph)
    (view,) = build_views(store, view="overview")
    for cls in ("Region", "Plan", "Task", "Target"):
        n = count(store, f"SELECT (COUNT(DISTINCT ?x) AS ?n) {{ ?x a pg:{cls} }}")
        assert sum(1 for _, d in view.graph.nodes(data=True) if d["cls"] == cls) == n, cls
    themes = count(store, "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?t a pg:Task ; pg:hasTheme ?x }")
    assert sum(1 for _, d in view.graph.nodes(data=True) if d["cls"] == "Theme") == themes


def test_region_theme_marks_shared_themes(seed_graph: Path) -> None:
    store = load_store(seed_graph)
    (view,) = build_views(store, view="region-theme")
    regions = [n for n, d in view.graph.nodes(data=True) if d["cls"] == "Region"]
    for theme, attrs in view.graph.nodes(data=True):
        if attrs["cls"] != "Theme":
            continue
        carriers = sum(1 for r in view.graph.neighbors(theme) if r in regions)
        assert attrs["shared"] == carriers
        assert attrs["share"] == (
            "all" if carriers == len(regions) else "some" if carriers > 1 else "one"
        )


def test_linkage_edges_have_kind_score_and_join_tasks_of_other_plans(seed_graph: Path) -> None:
    store = load_store(seed_graph)
    data = load(store)
    (view,) = build_views(store, view="linkages")
    links = [d for _, _, d in view.graph.edges(data=True) if d["rels"] == ["linkage"]]
    assert links, "the seed has cross-region linkages"
    for a, b, attrs in view.graph.edges(data=True):
        if attrs["rels"] != ["linkage"]:
            continue
        assert attrs["kind"] and 0 <= attrs["score"] <= 1
        if view.graph.nodes[a]["cls"] == "Task" and view.graph.nodes[b]["cls"] == "Task":
            assert data.nodes[a].plan != data.nodes[b].plan


def test_derived_linkages_join_tasks_sharing_themes_or_places(tmp_path: Path) -> None:
    synthetic = synthetic_graph(tmp_path / "g.ttl", tasks=200)
    data = load(load_store(synthetic.path))
    links = derive_linkages(data)
    assert links
    for link in links:
        a, b = data.nodes[link.source], data.nodes[link.target]
        assert data.plan_regions[a.plan] != data.plan_regions[b.plan]
        assert link.kind in {"theme", "place", "theme+place"} and link.score > 0
        assert link.evidence


# --------------------------------------------------------------------------- narrowing


def test_region_narrows_to_its_plans(seed_graph: Path) -> None:
    store = load_store(seed_graph)
    regions = select(store, "SELECT ?r { ?r a pg:Region } ORDER BY ?r")
    if not regions:
        pytest.skip("the graph has no regions yet (extraction not available)")
    region = regions[0]["r"].value
    data = load(store)
    views = build_views(store, region=region.rsplit("/", 1)[-1])
    names = {v.name for v in views}
    assert set(FIXED_VIEWS) <= names
    for view in views:
        for node, attrs in view.graph.nodes(data=True):
            if attrs["cls"] in {"Plan", "Section", "Task", "Target"}:
                if view.name == "linkages" and attrs["cls"] == "Task":
                    continue  # tasks linked to the region's tasks stay
                assert region in data.regions_of(node), (view.name, node)
            if attrs["cls"] == "Region" and view.name != "linkages":
                assert node == region


def test_theme_narrows_to_the_tasks_carrying_it(seed_graph: Path) -> None:
    store = load_store(seed_graph)
    themes = select(store, "SELECT DISTINCT ?t { ?x a pg:Task ; pg:hasTheme ?t } ORDER BY ?t")
    if not themes:
        pytest.skip("the graph has no themes yet (extraction not available)")
    theme = themes[0]["t"].value
    (view,) = build_views(store, view="overview", theme=theme.rsplit("/", 1)[-1])
    for node, attrs in view.graph.nodes(data=True):
        if attrs["cls"] == "Task":
            assert theme in [
                r["t"].value for r in select(store, f"SELECT ?t {{ <{node}> pg:hasTheme ?t }}")
            ]
        if attrs["cls"] == "Theme":
            assert node == theme


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("view", "nope", "unknown view 'nope'; expected one of overview"),
        ("region", "atlantis", "no region 'atlantis' in the graph"),
        ("theme", "astrology", "no theme 'astrology' in the graph"),
    ],
)
def test_unknown_names_are_one_line_errors(
    seed_graph: Path, option: str, value: str, message: str
) -> None:
    with pytest.raises(PlangraphError, match=re.escape(message)):
        build_views(load_store(seed_graph), **{option: value})


def test_plan_view_names_are_safe_file_names() -> None:
    assert plan_view_name("jjj-2025") == "plan-jjj-2025"
    assert plan_view_name("../../etc/passwd") == "plan-etc-passwd"
    assert plan_view_name('"><script>') == "plan-script"
    assert plan_view_name("京津冀") == "plan-plan"


# --------------------------------------------------------------------------- safety


def test_payloads_are_escaped_in_the_pages(xss_views: Path) -> None:
    for page in sorted(xss_views.glob("*.html")):
        html = page.read_text(encoding="utf-8")
        for text in PAYLOADS[:2]:
            assert text not in html, page.name
        assert "<img" not in html.lower()
        scripts = 0 if page.name == "index.html" else 1 if page.stem in PAGES else 3
        assert html.lower().count("</script") == scripts
    overview = payload((xss_views / "overview.html").read_text(encoding="utf-8"))
    titles = "\n".join(n["title"] for n in overview["nodes"])
    for text in PAYLOADS:
        assert text in titles  # kept as text, whole, for the tooltip to show


def test_payloads_in_every_kind_of_text_are_escaped(tmp_path: Path) -> None:
    small = synthetic_graph(tmp_path / "small.ttl", tasks=80, places=40, total=300)
    store = load_store(poison(small.path, tmp_path / "poisoned.ttl"))
    written = write_views(store, tmp_path / "views", per_plan=True)
    assert len(written) == len(PAGES) + len(FIXED_VIEWS) + 40
    for page in sorted((tmp_path / "views").glob("*.html")):
        assert re.fullmatch(r"[A-Za-z0-9._-]+\.html", page.name)
        html = page.read_text(encoding="utf-8")
        for text in PAYLOADS[:2]:
            assert text not in html, page.name
        assert "<img" not in html.lower()
        assert not re.search(r"=\s*[\"']?\s*javascript:", markup(html), flags=re.I)
        assert not EXTERNAL.findall(LOCAL_LIBRARY.sub("", html))
        if page.stem in PAGES:  # the table pages: their one filter script, the text as text
            assert html.lower().count("</script") == 1
            assert any(p in html for p in ('"&gt;&lt;img', "&lt;img src=x"))
        elif page.name != "index.html":
            assert html.lower().count("</script") == 3
            data = payload(html)
            assert any(p in n["title"] for n in data["nodes"] for p in PAYLOADS)


# --------------------------------------------------------------------------- large graphs


def test_a_5000_node_view_has_a_fixed_layout(tmp_path: Path) -> None:
    synthetic = synthetic_graph(tmp_path / "big.ttl")
    store = load_store(synthetic.path)
    (view,) = build_views(store, view="overview")
    assert view.graph.number_of_nodes() == synthetic.nodes == 5000
    assert view.graph.number_of_edges() == synthetic.edges
    (written,) = write_views(store, tmp_path / "views", view="overview")
    data = payload(written.path.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 5000 and len(data["edges"]) == synthetic.edges
    assert data["options"]["physics"]["enabled"] is False
    assert data["options"]["edges"]["smooth"] is False
    positions = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(positions) > 0.98 * len(data["nodes"]), "nodes piled on each other"


LAYOUT_SCRIPT = """
import json, networkx as nx
from plangraph.viz.layout import HUBS, SPRING_LIMIT, layout
g = nx.Graph()
for i in range(700):
    g.add_edge(f"task/{i}", f"theme/{i % 40}")
    g.add_edge(f"task/{i}", f"place/{(i * 7) % 90}")
assert g.number_of_nodes() > max(SPRING_LIMIT, 2 * HUBS)  # the hub layout, few hubs
print(json.dumps(sorted(layout(g).items())))
"""


def test_a_large_layout_is_the_same_whatever_the_string_hashing() -> None:
    """Regression: the hubs came out of a subgraph view in set order, so a view of more than
    600 nodes had other positions in every process (PYTHONHASHSEED)."""
    import os
    import subprocess
    import sys

    runs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", LAYOUT_SCRIPT], env=env, capture_output=True, check=True
        )
        runs.add(done.stdout)
    (positions,) = runs
    assert len(json.loads(positions)) == 700 + 40 + 90


def test_small_spring_views_keep_physics_and_anchored_ones_are_fixed(seed_views: Path) -> None:
    data = payload((seed_views / "plan-jjj-2025.html").read_text(encoding="utf-8"))
    assert len(data["nodes"]) <= PHYSICS_LIMIT
    assert data["options"]["physics"]["enabled"] is True
    data = payload((seed_views / "region-theme.html").read_text(encoding="utf-8"))
    assert data["options"]["physics"]["enabled"] is False


# --------------------------------------------------------------------------- API and CLI


def test_api_viz_returns_the_paths_written(seed_graph: Path, tmp_path: Path) -> None:
    paths = api.write_views(tmp_path, seed_graph, view="overview")
    assert paths == [tmp_path / "overview.html", tmp_path / "index.html"]
    assert all(p.is_file() for p in paths)


def test_cli_viz(seed_graph: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli, ["viz", "--graph", str(seed_graph), "-o", str(tmp_path), "--view", "places"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"wrote {tmp_path / 'places.html'}",
        f"wrote {tmp_path / 'index.html'}",
    ]
    result = runner.invoke(cli, ["viz", "--graph", str(seed_graph), "--view", "nope"])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert "unknown view 'nope'" in result.output


def test_cli_help_lists_viz() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert "viz" in result.output
    result = CliRunner().invoke(cli, ["viz", "--help"])
    assert "Example:" in result.output and "--region" in result.output


def test_ids_are_short_paths_under_the_instance_base(seed_views: Path) -> None:
    data = payload((seed_views / "overview.html").read_text(encoding="utf-8"))
    for node in data["nodes"]:
        assert not node["id"].startswith(ID)
        assert node["id"].startswith(("region/", "plan/", "theme/", "place/", "agency/"))
