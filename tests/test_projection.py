"""The one projection the analyses and the views read: the label rule, theme strength, and
that both stages see the same names."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from browser_helpers import build_graph

from plangraph.graph import ID, PG, RDF, RDFS, SKOS
from plangraph.projection import load, read_labels, read_theme_strength
from plangraph.projection.nodes import load as load_nodes
from plangraph.projection.nodes import measure
from plangraph.store import load_store

TASK = ID + "plan/p/task/1"
THEME = ID + "theme/air"


def store_of(*triples: tuple[str, str, ox.NamedNode | ox.Literal]) -> ox.Store:
    store = ox.Store()
    for s, p, o in triples:
        store.add(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), o))
    return store


def test_one_label_rule_rdfs_label_first_then_the_shortest() -> None:
    node = ID + "agency/x"
    store = store_of(
        (node, SKOS + "prefLabel", ox.Literal("短", language="zh")),
        (node, RDFS + "label", ox.Literal("生态环境部门", language="zh")),
        (node, RDFS + "label", ox.Literal("生态环境部", language="zh")),
        (node, RDFS + "label", ox.Literal("Ministry", language="en")),
        (node, RDFS + "label", ox.Literal("MEE", language="en-GB")),
        (node, RDFS + "label", ox.Literal("x-1")),
    )
    labels = read_labels(store)
    assert labels.zh[node] == "生态环境部"  # an rdfs:label before a shorter skos:prefLabel
    assert labels.en[node] == "MEE"
    assert labels.other[node] == "x-1"
    assert labels.merged()[node] == "生态环境部"


def test_theme_labels_come_from_the_bundled_scheme_when_the_graph_lacks_them() -> None:
    store = store_of((TASK, PG + "hasTheme", ox.NamedNode(THEME)))
    labels = read_labels(store)
    assert labels.zh[THEME] == "大气环境" and labels.en[THEME] == "Air quality"


@pytest.mark.parametrize(
    ("triples", "expected"),
    [
        ([], {}),
        (
            [
                (ID + "m/1", PG + "about", ox.NamedNode(TASK)),
                (ID + "m/1", PG + "mentionOf", ox.NamedNode(THEME)),
                (ID + "m/1", PG + "strength", ox.NamedNode(PG + "Mentioned")),
                (ID + "m/2", PG + "about", ox.NamedNode(TASK)),
                (ID + "m/2", PG + "mentionOf", ox.NamedNode(THEME)),
                (ID + "m/2", PG + "strength", ox.NamedNode(PG + "Main")),
            ],
            {(TASK, THEME): "main"},  # main wins
        ),
        (
            [(TASK, PG + "mentionsTheme", ox.NamedNode(THEME))],
            {(TASK, THEME): "mentioned"},
        ),
        (
            [
                (ID + "q/1", PG + "task", ox.NamedNode(TASK)),
                (ID + "q/1", PG + "theme", ox.NamedNode(THEME)),
                (ID + "q/1", PG + "themeStrength", ox.Literal("main")),
            ],
            {(TASK, THEME): "main"},
        ),
    ],
)
def test_theme_strength_where_the_graph_says_it(
    triples: list[tuple[str, str, ox.NamedNode | ox.Literal]], expected: dict[str, str]
) -> None:
    store = store_of((TASK, RDF + "type", ox.NamedNode(PG + "Task")), *triples)
    assert read_theme_strength(store) == expected


def test_measures_read_as_people_write_them() -> None:
    qudt = "http://qudt.org/vocab/unit/"
    assert measure("33", qudt + "MicroGM-PER-M3", "", PG + "AtMost") == "≤ 33 µg/m³"
    assert measure("80", qudt + "PERCENT", "", PG + "AtLeast") == "≥ 80%"
    assert measure("3.2", PG + "PercentagePoint", "", PG + "Exactly") == "= 3.2个百分点"
    assert measure("700", PG + "Count", "家", PG + "AtLeast") == "≥ 700家"
    assert measure("", PG + "Count", "家", PG + "AtLeast") == ""


def test_the_analyses_and_the_drawings_name_things_alike(tmp_path: Path) -> None:
    store = load_store(build_graph(None, tmp_path))
    records, nodes = load(store), load_nodes(store)
    for plan in records.plans:
        assert nodes.nodes[plan.iri].zh == records.label(plan.iri)
    for task in records.tasks:
        assert nodes.nodes[task.iri].zh == records.label(task.iri) == task.label
    themes = {t for ts in records.task_themes.values() for t in ts}
    assert themes and all(nodes.nodes[t].zh == records.label(t) for t in themes)
    pm = {n.en for n in nodes.of_class("Target") if "µg/m³" in n.en}
    # read in the seed: PM2.5 by 2027 down to 33, 30 and below 20 µg/m³
    assert pm == {"≤ 33 µg/m³ (2027)", "≤ 30 µg/m³ (2027)", "≤ 20 µg/m³ (2027)"}
