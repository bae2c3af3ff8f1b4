"""The views in a real browser: Debian's Chromium, driven by Playwright, network blocked.

Each view is opened from disk with every request that is not file:// aborted (and
counted: there must be none), and must draw (pixels on the canvas, vis-network holding the
expected nodes and edges) without a console error.  The XSS plan's payloads must show as
text and run nothing.  Screenshots go to out/screenshots/ (and, with
PLANGRAPH_UPDATE_SCREENSHOTS=1, to docs/screenshots/ for the README).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import (
    PAYLOADS,
    REPO,
    build_graph,
    chromium_missing_reason,
    open_view,
    poison,
    synthetic_graph,
    xss_plan,
)

from plangraph.store import load_store
from plangraph.viz import FIXED_VIEWS, PAGES, build_views, write_views
from plangraph.viz.data import short_id

SKIP = chromium_missing_reason()
pytestmark = pytest.mark.skipif(SKIP is not None, reason=SKIP or "")

# docs/screenshots/ (shown in the README) is rewritten only when asked, so test runs don't churn it
SHOTS = (REPO / "out" / "screenshots",) + (
    (REPO / "docs" / "screenshots",) if os.environ.get("PLANGRAPH_UPDATE_SCREENSHOTS") else ()
)


class Drawn:
    def __init__(self, folder: Path, counts: dict[str, tuple[int, int]]) -> None:
        self.folder = folder
        self.counts = counts


def draw(graph: Path, folder: Path) -> Drawn:
    store = load_store(graph)
    counts = {
        v.name: (v.graph.number_of_nodes(), v.graph.number_of_edges()) for v in build_views(store)
    }
    write_views(store, folder, per_plan=True)  # every view build_views counted
    return Drawn(folder, counts)


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Drawn:
    folder = tmp_path_factory.mktemp("seed")
    return draw(build_graph(None, folder), folder / "views")


@pytest.fixture(scope="module")
def xss(tmp_path_factory: pytest.TempPathFactory) -> Drawn:
    folder = tmp_path_factory.mktemp("xss")
    return draw(build_graph([xss_plan(folder)], folder), folder / "views")


def assert_clean(report: Any, name: str) -> None:
    assert report.aborted == [], f"{name} asked the network for {report.aborted}"
    assert report.errors == [], f"{name} logged errors: {report.errors}"
    assert report.dialogs == [], f"{name} opened dialogs: {report.dialogs}"
    assert report.xss is None, f"{name} ran injected code: window.__xss = {report.xss}"
    assert report.images == 0


def check_view(browser: Any, drawn: Drawn, name: str, shots: bool) -> Any:
    path = drawn.folder / f"{name}.html"
    targets = [folder / f"{name}.png" for folder in SHOTS] if shots else []
    report, _ = open_view(browser, path, targets)
    assert_clean(report, name)
    assert (report.nodes, report.edges) == drawn.counts[name]
    if report.nodes:
        assert report.pixels > 500, f"{name}: the canvas is blank"
    return report


# --------------------------------------------------------------------------- the seed


@pytest.mark.parametrize("name", FIXED_VIEWS)
def test_seed_view_draws_offline(browser: Any, seed: Drawn, name: str) -> None:
    check_view(browser, seed, name, shots=True)


def test_seed_plan_views_draw_offline(browser: Any, seed: Drawn) -> None:
    plans = [n for n in seed.counts if n.startswith("plan-")]
    assert len(plans) == 3
    for name in plans:
        check_view(browser, seed, name, shots=True)


def test_index_links_every_view(browser: Any, seed: Drawn) -> None:
    report, page = open_view(
        browser, seed.folder / "index.html", [f / "index.png" for f in SHOTS], keep=True
    )
    try:
        assert_clean(report, "index")
        links = page.eval_on_selector_all("a", "links => links.map(a => a.getAttribute('href'))")
        # the drawn views and the table pages (crosswalk, theme matrix), listed first
        assert sorted(links) == sorted(f"{n}.html" for n in [*PAGES, *seed.counts])
        assert links[: len(PAGES)] == [f"{n}.html" for n in PAGES]
    finally:
        page.close()


def zoom_to(page: Any, node_id: str) -> None:
    page.evaluate(
        "(id) => network.moveTo({position: network.getPosition(id), scale: 1.5})", node_id
    )
    page.wait_for_timeout(100)


def node_point(page: Any, node_id: str) -> tuple[float, float]:
    """Where a node is on the page, in CSS pixels."""
    x, y = page.evaluate(
        """(id) => {
          const p = network.canvasToDOM(network.getPosition(id));
          const box = document.getElementById('mynetwork').getBoundingClientRect();
          return [box.left + p.x, box.top + p.y];
        }""",
        node_id,
    )
    return float(x), float(y)


def test_hover_click_language_search_and_filters(browser: Any, seed: Drawn) -> None:
    report, page = open_view(browser, seed.folder / "plan-jjj-2025.html", keep=True)
    try:
        assert_clean(report, "plan-jjj-2025")
        node = page.evaluate("nodes.get({filter: n => n.cls === 'Task'})[0]")
        task = node["id"]
        page.evaluate(
            "(id) => network.moveTo({position: network.getPosition(id), scale: 1.5})", task
        )
        page.wait_for_timeout(100)
        # hover: the tooltip shows type, labels and source as text
        page.mouse.move(*node_point(page, task))
        tooltip = page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible", timeout=5000)
        text = tooltip.inner_text()
        assert text.startswith("任务 Task")
        assert "原文 source: " in text and task in text
        # click: the neighbourhood stays, the rest is dimmed
        page.mouse.click(*node_point(page, task))
        neighbours = set(page.evaluate("(id) => network.getConnectedNodes(id)", task))
        colours = page.evaluate("nodes.get().map(n => [n.id, n.color, n.label])")
        for node_id, colour, label in colours:
            near = node_id == task or node_id in neighbours
            assert (colour != "rgba(200,200,200,0.35)") == near, node_id
            assert bool(label) == near
        # click on the background: everything back
        box = page.locator("#mynetwork").bounding_box()
        page.mouse.click(box["x"] + 5, box["y"] + 5)
        assert page.evaluate("nodes.get().every(n => n.color !== 'rgba(200,200,200,0.35)')")
        # language toggle
        page.click("#pg-lang")
        assert page.evaluate("(id) => nodes.get(id).label", task).startswith("Task ")
        page.click("#pg-lang")
        assert page.evaluate("(id) => nodes.get(id).label", task) == node["zh"]
        # search: type part of a Chinese label, pick the first match
        page.click(".ts-control")
        page.keyboard.type(node["zh"][3:7])
        page.wait_for_selector(".ts-dropdown .option", timeout=5000)
        page.keyboard.press("Enter")
        assert page.evaluate("network.getSelectedNodes()") == [task]
        page.keyboard.press("Escape")
        page.evaluate("document.activeElement.blur()")
        # filter: hide the tasks
        page.uncheck("input[data-filter='cls'][value='Task']")
        hidden = page.evaluate("nodes.get().filter(n => n.hidden).map(n => n.cls)")
        assert hidden and set(hidden) == {"Task"}
        page.click("#pg-reset")
        assert page.evaluate("nodes.get().filter(n => n.hidden).length") == 0
        assert report.errors == [] and report.dialogs == []
    finally:
        page.close()


# --------------------------------------------------------------------------- XSS


def test_payloads_show_as_text_and_run_nothing(browser: Any, xss: Drawn) -> None:
    for name in xss.counts:
        check_view(browser, xss, name, shots=False)
    report, page = open_view(browser, xss.folder / "overview.html", keep=True)
    try:
        nodes = page.evaluate("nodes.get().map(n => [n.id, n.zh])")
        task = next(i for i, zh in nodes if "<img" in zh)
        page.evaluate(
            "(id) => network.moveTo({position: network.getPosition(id), scale: 1.5})", task
        )
        page.wait_for_timeout(100)
        page.mouse.move(*node_point(page, task))
        tooltip = page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible", timeout=5000)
        text = tooltip.inner_text()
        assert PAYLOADS[0] in text and PAYLOADS[1] in text
        assert page.evaluate("document.querySelectorAll('div.vis-tooltip *').length") == 1
        page.mouse.click(*node_point(page, task))
        page.keyboard.press("Escape")
        page.click(".ts-control")
        page.keyboard.type("onerror")
        page.wait_for_selector(".ts-dropdown .option", timeout=5000)
        assert "<img" in page.locator(".ts-dropdown .option").first.inner_text()
        page.keyboard.press("Enter")
        page.wait_for_timeout(300)
        assert report.dialogs == [] and report.errors == []
        assert page.evaluate("window.__xss === undefined")
        assert page.evaluate("document.querySelectorAll('img').length") == 0
    finally:
        page.close()
    assert short_id(task) == task  # ids in the page are already short


def test_payloads_in_every_kind_of_text_run_nothing(browser: Any, tmp_path: Path) -> None:
    """Labels, quotes, texts and ids of every class carry a payload (a poisoned graph)."""
    small = synthetic_graph(tmp_path / "small.ttl", tasks=120, places=60, total=400)
    drawn = draw(poison(small.path, tmp_path / "poisoned.ttl"), tmp_path / "views")
    names = [*FIXED_VIEWS, *sorted(n for n in drawn.counts if n.startswith("plan-"))[:3]]
    for name in names:
        report, page = open_view(browser, drawn.folder / f"{name}.html", keep=True)
        try:
            assert_clean(report, name)
            assert (report.nodes, report.edges) == drawn.counts[name]
            # show the tooltip of a few nodes of each class
            sample = page.evaluate(
                """() => { const seen = {}; return nodes.get().filter(n =>
                     (seen[n.cls] = (seen[n.cls] || 0) + 1) <= 2).map(n => n.id); }"""
            )
            for node_id in sample:
                zoom_to(page, node_id)
                page.mouse.move(*node_point(page, node_id))
                page.wait_for_timeout(200)
                shown = page.evaluate(
                    "() => { const t = document.querySelector('div.vis-tooltip');"
                    " return t ? [t.innerText, t.querySelectorAll('*').length] : null; }"
                )
                if shown and shown[0]:
                    assert shown[1] == 1 and any(p in shown[0] for p in PAYLOADS)
            assert report.dialogs == [] and report.errors == []
            assert page.evaluate("window.__xss === undefined")
        finally:
            page.close()
    report, _ = open_view(browser, drawn.folder / "index.html")
    assert_clean(report, "index")


# --------------------------------------------------------------------------- large


def test_a_5000_node_view_opens(browser: Any, tmp_path: Path) -> None:
    synthetic = synthetic_graph(tmp_path / "big.ttl")
    (written,) = write_views(load_store(synthetic.path), tmp_path / "views", view="overview")
    report, _ = open_view(browser, written.path, [tmp_path / "big.png"], timeout_ms=120_000)
    assert_clean(report, "5000 nodes")
    assert report.nodes == 5000
    assert report.edges == synthetic.edges
    assert report.pixels > 500
    print(f"5,000-node view ready in {report.seconds:.2f} s")
