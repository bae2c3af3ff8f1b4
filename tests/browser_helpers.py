"""Helpers for the view tests: graphs to draw, and Chromium with the network blocked.

Imported by the view, report and crosswalk-view tests (test_viz.py, test_viz_browser.py,
test_viz_pages.py, test_report_browser.py, test_crosswalk_view.py); the shared fixtures are in
conftest.py, among them ``browser`` (one Chromium per test module, made by :func:`chromium`).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from plangraph.graph import ID, PG, RDF, RDFS, SKOS, to_turtle

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SEED = Path(__file__).resolve().parent.parent / "data" / "plans"
SEED_FILE = SEED / "beautiful-china-pioneer-zones-2025.txt"
REPO = Path(__file__).resolve().parent.parent

#: plan text that must show as text and run nothing
PAYLOADS = (
    '<img src=x onerror="window.__xss=1;alert(1)">',
    "</script><script>window.__xss=2;alert(2)</script>",
    "javascript:window.__xss=3;alert(3)",
)
#: any reference the page could fetch from elsewhere: src/href/… to http(s), ftp or
#: //host, CSS url() that is not a data: URI, @import, <link>, <base>, <iframe> …
EXTERNAL = re.compile(
    r"""\b(?:src|href|action|formaction|poster|srcset|data|background)\s*=\s*["']?\s*"""
    r"""(?:https?:|ftp:|//)"""
    r"""|(?<![\w$.])url\(\s*["']?\s*(?!data:)[^)\s"']"""
    r"""|@import\b|<link\b|<base\b|<iframe\b|<object\b|<embed\b""",
    re.IGNORECASE,
)


def markup(html: str) -> str:
    """The page without the bodies of its scripts and styles (the libraries)."""
    return re.sub(r"(<(script|style)>).*?(</\2>)", r"\1\3", html, flags=re.DOTALL)


# --------------------------------------------------------------------------- graphs


def extraction_available() -> bool:
    try:
        import plangraph.extract  # noqa: F401
    except ImportError:
        return False
    return True


def build_graph(inputs: list[Path] | None, outdir: Path) -> Path:
    """``plangraph.api.build``; the structural graph while extraction does not import yet."""
    from plangraph import api

    if extraction_available():
        return api.build(inputs, outdir).path
    from plangraph.graph import corpus_triples
    from plangraph.model import Corpus
    from plangraph.read import read_plans

    path = outdir / "plangraph.ttl"
    outdir.mkdir(parents=True, exist_ok=True)
    path.write_bytes(to_turtle(corpus_triples(Corpus(read_plans(inputs)))))
    return path


def xss_plan(folder: Path) -> Path:
    """The seed plans with the payloads in a task title, a sentence and next to places."""
    text = SEED_FILE.read_text(encoding="utf-8")
    p1, p2, p3 = PAYLOADS
    injected = text.replace(
        "(一)加快产业结构绿色低碳转型。", f"(一)加快产业结构{p1}绿色低碳转型{p2}。", 1
    )
    injected = injected.replace(
        "(二)加快能源结构绿色低碳转型。",
        f"(二)加快能源结构绿色低碳转型。{p3} 保护{p1}白洋淀和{p2}永定河。",
        1,
    )
    assert injected.count(p1) == 2, "the seed text changed: update the injection points"
    path = folder / "xss-plans-2025.txt"
    path.write_text(injected, encoding="utf-8")
    return path


@dataclass
class Synthetic:
    path: Path
    nodes: int
    edges: int


def synthetic_graph(
    path: Path, tasks: int = 3000, places: int = 1200, total: int = 5000
) -> Synthetic:
    """A corpus-shaped graph whose overview has ``total`` nodes (5,000 by default).

    4 regions, 40 plans, ``tasks`` tasks, 30 themes, ``places`` places, 100 agencies and
    the targets that make up the rest.  Returns the overview's node and edge counts, worked
    out here from what the generator linked (an agency no task or plan names is not drawn).
    """
    n_regions, n_plans, n_themes, n_agencies = 4, 40, 30, 100
    n_targets = total - (n_regions + n_plans + tasks + n_themes + places + n_agencies)
    assert n_targets >= 0
    triples: list[ox.Triple] = []
    integer = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")

    def node(path: str) -> ox.NamedNode:
        return ox.NamedNode(ID + path)

    def add(s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal) -> None:
        triples.append(ox.Triple(s, ox.NamedNode(p), o))

    def typed(s: ox.NamedNode, cls: str, zh: str, en: str = "") -> None:
        add(s, RDF + "type", ox.NamedNode(PG + cls))
        add(s, RDFS + "label", ox.Literal(zh, language="zh"))
        if en:
            add(s, RDFS + "label", ox.Literal(en, language="en"))

    edges: set[frozenset[str]] = set()
    drawn: set[str] = set()

    def edge(x: ox.NamedNode, y: ox.NamedNode) -> None:
        edges.add(frozenset((x.value, y.value)))
        drawn.update((x.value, y.value))

    regions = [node(f"region/r{i}") for i in range(n_regions)]
    for i, r in enumerate(regions):
        typed(r, "Region", f"区域{i}", f"Region {i}")
        drawn.add(r.value)
    themes = [node(f"theme/t{i}") for i in range(n_themes)]
    for i, t in enumerate(themes):
        add(t, RDF + "type", ox.NamedNode(PG + "Theme"))
        add(t, SKOS + "prefLabel", ox.Literal(f"主题{i}", language="zh"))
        add(t, SKOS + "prefLabel", ox.Literal(f"Theme {i}", language="en"))
    place_nodes = [node(f"place/p{i}") for i in range(places)]
    kinds = ("River", "Lake", "City", "Mountain", "Port", "Wetland")
    for i, pl in enumerate(place_nodes):
        typed(pl, "Place", f"地点{i}河", f"Place {i}")
        add(pl, RDF + "type", ox.NamedNode(PG + kinds[i % len(kinds)]))
    agencies = [node(f"agency/a{i}") for i in range(n_agencies)]
    for i, ag in enumerate(agencies):
        typed(ag, "Agency", f"机构{i}", f"Agency {i}")
    plans = [node(f"plan/p{i}-2025") for i in range(n_plans)]
    for i, p in enumerate(plans):
        typed(p, "Plan", f"第{i}号行动方案")
        drawn.add(p.value)
        add(p, PG + "identifier", ox.Literal(f"p{i}-2025"))
        add(p, PG + "coversRegion", regions[i % n_regions])
        edge(p, regions[i % n_regions])
        for ag in (agencies[i % n_agencies], agencies[(i + 50) % n_agencies]):
            add(p, PG + "issuedBy", ag)
            edge(p, ag)
    task_nodes = []
    for i in range(tasks):
        plan = plans[i % n_plans]
        t = node(f"plan/p{i % n_plans}-2025/task/{i // n_plans + 1}")
        task_nodes.append(t)
        drawn.add(t.value)
        typed(t, "Task", f"任务{i}：推进生态环境保护")
        add(t, PG + "inPlan", plan)
        add(t, PG + "ordinal", ox.Literal(str(i // n_plans + 1), datatype=integer))
        add(t, PG + "text", ox.Literal(f"任务{i}：推进生态环境保护。加强协同治理。", language="zh"))
        edge(plan, t)
        for th in {themes[i % n_themes], themes[(i * 11) % n_themes]}:
            add(t, PG + "hasTheme", th)
            edge(t, th)
        for pl in {place_nodes[(i * 7) % places], place_nodes[(i * 13 + 5) % places]}:
            add(t, PG + "mentions", pl)
            edge(t, pl)
        if i < n_agencies:
            add(t, PG + "mentions", agencies[i])
            edge(t, agencies[i])
    for i in range(n_targets):
        g = node(f"plan/p{i % n_plans}-2025/target/{i // n_plans + 1}")
        owner = task_nodes[(i * 5) % tasks]
        drawn.add(g.value)
        typed(g, "Target", f"目标{i} ≤ {i % 90}%")
        add(g, PG + "inPlan", plans[((i * 5) % tasks) % n_plans])
        add(owner, PG + "hasTarget", g)
        add(g, PG + "quote", ox.Literal(f"到2027年，指标{i}达到{i % 90}%", language="zh"))
        edge(owner, g)
    path.write_bytes(to_turtle(triples))
    return Synthetic(path, len(drawn), len(edges))


def poison(source: Path, target: Path) -> Path:
    """The graph with a payload appended to every string: labels, quotes, texts, ids."""
    store = ox.Store()
    store.bulk_load(path=str(source), format=ox.RdfFormat.TURTLE)
    triples = []
    for i, quad in enumerate(sorted(store, key=str)):
        obj = quad.object
        if isinstance(obj, ox.Literal) and obj.datatype.value in (
            "http://www.w3.org/2001/XMLSchema#string",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString",
        ):
            text = obj.value + PAYLOADS[i % len(PAYLOADS)]
            obj = ox.Literal(text, language=obj.language) if obj.language else ox.Literal(text)
        triples.append(ox.Triple(quad.subject, quad.predicate, obj))
    target.write_bytes(to_turtle(triples))
    return target


# --------------------------------------------------------------------------- browser


@dataclass
class PageReport:
    """What a view did in the browser."""

    nodes: int = -1
    edges: int = -1
    pixels: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    aborted: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    xss: Any = None
    images: int = 0


def launch(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def chromium() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright, closed when done; the test is skipped (with
    the reason) where Chromium is missing.  The ``browser`` fixture of conftest.py."""
    import pytest

    missing = chromium_missing_reason()
    if missing is not None:
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


def guard(
    page: Any, errors: list[str], aborted: list[str], dialogs: list[str], labelled: bool = False
) -> None:
    """Collect the page's console errors and uncaught errors (``labelled``: each with its
    origin, ``console:`` or ``pageerror:``), dismiss and collect its dialogs, and abort every
    request that is not file://, collecting its URL."""
    console, uncaught = ("console: ", "pageerror: ") if labelled else ("", "")
    page.on("console", lambda m: errors.append(f"{console}{m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{uncaught}{e}"))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def route(r: Any) -> None:
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            aborted.append(r.request.url)
            r.abort()

    page.route("**/*", route)


def open_page(browser: Any, path: Path) -> tuple[Any, dict[str, list[str]]]:
    """A page from disk, guarded (:func:`guard`); what it did so far under "errors",
    "aborted" and "dialogs"."""
    seen: dict[str, list[str]] = {"aborted": [], "errors": [], "dialogs": []}
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    guard(page, seen["errors"], seen["aborted"], seen["dialogs"])
    page.goto(path.resolve().as_uri())
    return page, seen


def open_view(
    browser: Any,
    path: Path,
    screenshots: list[Path] = (),  # type: ignore[assignment]
    timeout_ms: int = 60_000,
    keep: bool = False,
) -> tuple[PageReport, Any]:
    """Open a view from disk with every non-file request aborted; report what happened."""
    report = PageReport()
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    guard(page, report.errors, report.aborted, report.dialogs, labelled=True)
    started = time.perf_counter()
    page.goto(path.resolve().as_uri())
    if path.name != "index.html":
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=timeout_ms)
        report.seconds = time.perf_counter() - started
        report.nodes, report.edges = page.evaluate(
            "[network.body.data.nodes.length, network.body.data.edges.length]"
        )
        report.pixels = page.evaluate(DRAWN_PIXELS)
    report.xss = page.evaluate("window.__xss === undefined ? null : window.__xss")
    report.images = page.evaluate("document.querySelectorAll('img, iframe, object').length")
    for shot in screenshots:
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot))
    if not keep:
        page.close()
        return report, None
    return report, page


DRAWN_PIXELS = """() => {
  const canvas = document.querySelector('#mynetwork canvas');
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let count = 0;
  for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) count++; }
  return count;
}"""


def chromium_missing_reason() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing: run 'bash scripts/ensure-chromium.sh' (Debian, as root)"
    if not os.access(CHROMIUM, os.X_OK):
        return f"{CHROMIUM} is not executable"
    return None
