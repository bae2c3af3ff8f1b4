"""The crosswalk view: content from the seed, escaping, and the page in a real browser
(Debian's Chromium, driven by Playwright, network blocked), as in test_viz_browser.py.

The page is written by ``plangraph viz`` (test_viz_pages.py checks it there); here it is
rendered alone from the projection and the crosswalk the analysis computes."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import PAYLOADS, build_graph, open_page, xss_plan

from plangraph.analysis import Analysis, analyze
from plangraph.projection import StoredCrosswalk
from plangraph.store import load_store
from plangraph.viz.crosswalk import compute, crosswalk_context, render_crosswalk, write_crosswalk

PLAN = "https://w3id.org/plangraph/id/plan/"


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Analysis, Path]:
    folder = tmp_path_factory.mktemp("crosswalk-seed")
    result = analyze(load_store(build_graph(None, folder)))
    return result, write_crosswalk(result.data, result.crosswalk, folder / "views")


@pytest.fixture(scope="module")
def xss(tmp_path_factory: pytest.TempPathFactory) -> tuple[Analysis, Path]:
    folder = tmp_path_factory.mktemp("crosswalk-xss")
    result = analyze(load_store(build_graph([xss_plan(folder)], folder)))
    return result, write_crosswalk(result.data, result.crosswalk, folder / "views")


def test_plans_are_columns_and_the_air_tasks_share_a_row(seed: tuple[Analysis, Path]) -> None:
    context = crosswalk_context(seed[0].data, seed[0].crosswalk)
    assert [p["name"] for p in context["plans"]] == ["京津冀", "长三角", "粤港澳大湾区"]
    air = next(
        row
        for row in context["rows"]
        if any(t["title"] == "以更高标准打好蓝天保卫战" for t in row["cells"][0])
    )
    assert [[t["key"] for t in cell] for cell in air["cells"]] == [["5"], ["4"], ["5"]]


def test_tasks_without_a_counterpart_are_shown_as_such(seed: tuple[Analysis, Path]) -> None:
    unique = crosswalk_context(seed[0].data, seed[0].crosswalk)["unique"]
    assert [t["title"] for t in unique[0]] == ["“四区联动”绘就美丽新图景"]  # the seed gold: alone
    assert unique[1] == []


def test_the_page_shows_the_crosswalk_the_graph_holds(seed: tuple[Analysis, Path]) -> None:
    """What plangraph viz draws is read back from the pg:Alignment and pg:CrosswalkRow
    nodes the build wrote: the same as the analysis computes, and the same page."""
    result, page = seed
    store = load_store(page.parent.parent / "plangraph.ttl")
    stored = compute(result.data, store)
    assert isinstance(stored, StoredCrosswalk)
    computed = result.crosswalk
    assert [(x.a, x.b, x.grade, round(x.score, 4)) for x in stored.alignments] == [
        (x.a, x.b, x.grade, round(x.score, 4)) for x in computed.alignments
    ]
    assert [r.tasks for r in stored.rows] == [r.tasks for r in computed.rows]
    assert stored.unique == computed.unique
    assert render_crosswalk(result.data, stored) == render_crosswalk(result.data, computed)
    assert compute(result.data) == computed  # a graph without them: computed as the build does


def test_narrowing_keeps_the_rows_of_the_region_or_theme(seed: tuple[Analysis, Path]) -> None:
    data, crosswalk = seed[0].data, seed[0].crosswalk
    air = "https://w3id.org/plangraph/id/theme/air"
    rows = crosswalk_context(data, crosswalk, theme=air)["rows"]
    titles = [{t["title"] for cell in row["cells"] for t in cell} for row in rows]
    assert any({"以更高标准打好蓝天保卫战", "强化大气污染精准治理"} <= row for row in titles)
    everything = crosswalk_context(data, crosswalk)["rows"]
    assert 1 <= len(rows) < len(everything)
    jjj = data.plans[0].region
    unique = crosswalk_context(data, crosswalk, region=jjj)["unique"]
    assert [t["title"] for t in unique[0]] == ["“四区联动”绘就美丽新图景"]  # the seed gold: alone
    assert unique[2] == []  # 粤港澳's own tasks are not 京津冀's rows


def test_without_a_crosswalk_the_page_says_so(seed: tuple[Analysis, Path]) -> None:
    html = render_crosswalk(seed[0].data, None)
    assert "No crosswalk: it needs two plans or more" in html
    assert 'class="row' in html  # the empty row of tasks without a counterpart


def test_payloads_are_escaped(xss: tuple[Analysis, Path]) -> None:
    html = render_crosswalk(xss[0].data, xss[0].crosswalk)
    for payload in PAYLOADS[:2]:
        assert payload not in html
    assert "&lt;img src=x onerror=" in html


def test_the_view_works_offline_and_filters(browser: Any, seed: tuple[Analysis, Path]) -> None:
    page, seen = open_page(browser, seed[1])
    rows = crosswalk_context(seed[0].data, seed[0].crosswalk)["rows"]
    assert page.locator("#crosswalk tr.row").count() == len(rows) + 1  # and the unique row
    page.fill("#filter", "无废")
    visible = page.locator("#crosswalk tr.row:visible")
    texts = [visible.nth(i).inner_text() for i in range(visible.count())]
    assert 1 <= len(texts) < len(rows)
    assert all("无废" in text for text in texts)
    assert any("携手建设全域“无废城市”" in text and "共建“无废湾区”" in text for text in texts)
    page.fill("#filter", "")
    assert page.locator("#crosswalk tr.row:visible").count() == len(rows) + 1
    repo = Path(__file__).resolve().parents[1]
    folders = [repo / "out" / "screenshots"]
    if os.environ.get("PLANGRAPH_UPDATE_SCREENSHOTS"):
        folders.append(repo / "docs" / "img")
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / "crosswalk.png"), full_page=False)
    page.close()
    assert seen == {"aborted": [], "errors": [], "dialogs": []}


def test_payloads_run_nothing_in_the_browser(browser: Any, xss: tuple[Analysis, Path]) -> None:
    page, seen = open_page(browser, xss[1])
    assert page.evaluate("window.__xss === undefined ? null : window.__xss") is None
    assert page.evaluate("document.querySelectorAll('img, iframe, object').length") == 0
    assert PAYLOADS[0] in page.locator("body").inner_text()
    page.close()
    assert seen["errors"] == [] and seen["dialogs"] == [] and seen["aborted"] == []
