"""SHACL validation: the seed graph conforms; graphs broken in specific ways do not, and each
fails with the violation that names what is wrong (Python API and ``plangraph validate``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib import RDFS, XSD, Literal, URIRef

from plangraph.cli import cli
from plangraph.validate import Report, Violation, validate_graph

PG = rdflib.Namespace("https://w3id.org/plangraph/ontology#")
PLAN = URIRef("https://w3id.org/plangraph/id/plan/jjj-2025")
TASK = URIRef(f"{PLAN}/task/3")

Mutation = Callable[[rdflib.Graph], URIRef]


@pytest.fixture(scope="module")
def seed_report(seed_graph: rdflib.Graph) -> tuple[Report, float]:
    started = time.perf_counter()
    report = validate_graph(seed_graph)
    return report, time.perf_counter() - started


def broken(seed_graph: rdflib.Graph, mutate: Mutation) -> tuple[rdflib.Graph, URIRef]:
    graph = rdflib.Graph(bind_namespaces="none")
    graph += seed_graph
    return graph, mutate(graph)


def a_quiet_sentence(graph: rdflib.Graph) -> URIRef:
    """The first sentence of a task of the plan that no fact cites, so that breaking its
    offsets breaks nothing else."""
    cited = set(graph.objects(None, PG.source))
    for n in range(1, 1000):
        sentence = URIRef(f"{PLAN}/sentence/{n}")
        owner = graph.value(sentence, PG.partOf)
        if sentence not in cited and (owner, rdflib.RDF.type, PG.Task) in graph:
            return sentence
    raise AssertionError("every sentence is cited")


def a_target(graph: rdflib.Graph, *, with_value: bool) -> URIRef:
    """The first target (in IRI order) that has, or has not, a pg:value, a unit and comparator."""
    found = sorted(
        t
        for t in graph.subjects(rdflib.RDF.type, PG.Target)
        if ((t, PG.value, None) in graph) == with_value
        and ((t, PG.unit, None) in graph) == with_value
        and ((t, PG.comparator, None) in graph) == with_value
    )
    assert found, "the seed has such a target"
    return URIRef(found[0])


# --------------------------------------------------------------------------- breakages


def task_without_label(graph: rdflib.Graph) -> URIRef:
    assert (TASK, RDFS.label, None) in graph
    graph.remove((TASK, RDFS.label, None))
    return TASK


def sentence_off_by_one(graph: rdflib.Graph) -> URIRef:
    sentence = a_quiet_sentence(graph)
    end = graph.value(sentence, PG.end)
    assert isinstance(end, Literal)
    graph.set((sentence, PG.end, Literal(int(end) - 1)))
    return sentence


def sentence_text_changed(graph: rdflib.Graph) -> URIRef:
    sentence = a_quiet_sentence(graph)
    text = graph.value(sentence, PG.text)
    graph.set((sentence, PG.text, Literal(str(text)[:-1] + "!", lang="zh")))
    return sentence


def target_value_without_unit(graph: rdflib.Graph) -> URIRef:
    target = a_target(graph, with_value=True)
    graph.remove((target, PG.unit, None))
    return target


def target_value_without_comparator(graph: rdflib.Graph) -> URIRef:
    target = a_target(graph, with_value=True)
    graph.remove((target, PG.comparator, None))
    return target


def target_comparator_outside_the_six(graph: rdflib.Graph) -> URIRef:
    target = a_target(graph, with_value=True)
    graph.set((target, PG.comparator, PG.Roughly))
    return target


def target_direction_outside_the_four(graph: rdflib.Graph) -> URIRef:
    target = a_target(graph, with_value=True)
    graph.set((target, PG.direction, PG.AtLeast))
    return target


def target_undeclared_unit(graph: rdflib.Graph) -> URIRef:
    target = a_target(graph, with_value=True)
    graph.set((target, PG.unit, PG.Furlong))
    return target


def target_quote_not_in_its_sentence(graph: rdflib.Graph) -> URIRef:
    target = a_target(graph, with_value=True)
    graph.set((target, PG.quote, Literal("不在原文中的文字", lang="zh")))
    return target


def plan_without_region(graph: rdflib.Graph) -> URIRef:
    assert (PLAN, PG.coversRegion, None) in graph
    graph.remove((PLAN, PG.coversRegion, None))
    return PLAN


def section_ordinal_as_string(graph: rdflib.Graph) -> URIRef:
    section = URIRef(f"{PLAN}/section/2")
    graph.set((section, PG.ordinal, Literal("二")))
    return section


def sentence_start_after_end(graph: rdflib.Graph) -> URIRef:
    sentence = a_quiet_sentence(graph)
    end = graph.value(sentence, PG.end)
    assert isinstance(end, Literal)
    graph.set((sentence, PG.start, Literal(int(end) + 5)))
    return sentence


def task_theme_outside_the_scheme(graph: rdflib.Graph) -> URIRef:
    graph.add((TASK, PG.hasTheme, URIRef("https://w3id.org/plangraph/id/theme/astrology")))
    return TASK


def place_without_chinese_label(graph: rdflib.Graph) -> URIRef:
    place = URIRef("https://w3id.org/plangraph/id/place/beijing")
    labels = [label for label in graph.objects(place, RDFS.label) if label.language == "zh"]
    assert labels
    for label in labels:
        graph.remove((place, RDFS.label, label))
    return place


CASES = [
    (task_without_label, str(RDFS.label), "rdfs:label in Chinese"),
    (sentence_off_by_one, str(PG.text), "is not the slice of its plan's pg:text"),
    (sentence_text_changed, str(PG.text), "is not the slice of its plan's pg:text"),
    (target_value_without_unit, "", "a Target with a pg:value needs a pg:unit"),
    (target_value_without_comparator, "", "a Target with a pg:value needs a pg:comparator"),
    (target_comparator_outside_the_six, str(PG.comparator), "pg:AtMost, pg:Below, pg:AtLeast"),
    (target_direction_outside_the_four, str(PG.direction), "pg:Increase, pg:Decrease"),
    (target_undeclared_unit, str(PG.unit), "a QUDT unit IRI"),
    (target_quote_not_in_its_sentence, str(PG.quote), "pg:quote is not the slice"),
    (plan_without_region, str(PG.coversRegion), "exactly one pg:coversRegion"),
    (section_ordinal_as_string, str(PG.ordinal), "an xsd:integer ≥ 1"),
    (sentence_start_after_end, str(PG.start), "≤ pg:end"),
    (task_theme_outside_the_scheme, str(PG.hasTheme), "a pg:Theme of the theme scheme"),
    (place_without_chinese_label, str(RDFS.label), "rdfs:label in Chinese"),
]


# --------------------------------------------------------------------------- the seed


def test_the_seed_graph_conforms(seed_report: tuple[Report, float]) -> None:
    report, _ = seed_report
    assert [str(v) for v in report.violations] == []
    assert report.conforms


def test_validating_the_seed_takes_seconds_not_minutes(seed_report: tuple[Report, float]) -> None:
    _, seconds = seed_report
    assert seconds < 20


# --------------------------------------------------------------------------- broken graphs


@pytest.mark.parametrize(
    ("mutate", "path", "message"), CASES, ids=[case[0].__name__ for case in CASES]
)
def test_a_broken_graph_fails_with_the_expected_violation(
    seed_graph: rdflib.Graph, mutate: Mutation, path: str, message: str
) -> None:
    graph, focus = broken(seed_graph, mutate)
    report = validate_graph(graph)
    assert not report.conforms
    expected = [v for v in report.violations if v.focus == str(focus) and v.path == path]
    assert expected, [str(v) for v in report.violations]
    assert any(message in v.message for v in expected), [str(v) for v in expected]
    # the breakage is reported where it is, not as a cascade across the graph
    assert {v.focus for v in report.violations} == {str(focus)}
    assert all(v.severity == "Violation" for v in report.violations)


def test_a_slice_violation_shows_what_the_offsets_read(seed_graph: rdflib.Graph) -> None:
    graph, focus = broken(seed_graph, sentence_off_by_one)
    text = str(seed_graph.value(focus, PG.text))
    [violation] = validate_graph(graph).violations
    start, end = int(seed_graph.value(focus, PG.start)), int(seed_graph.value(focus, PG.end))
    assert f"from pg:start {start} to pg:end {end - 1}" in violation.message
    assert text[: min(len(text) - 1, 40)] in violation.message.replace("\\n", "\n")
    assert "\n" not in str(violation)


def test_violations_read_as_one_line_each() -> None:
    violation = Violation(
        focus="https://w3id.org/plangraph/id/plan/x",
        path=str(PG.text),
        message='reads "a\nb"',
        severity="Violation",
        shape="",
    )
    assert str(violation).startswith("Violation: <https://w3id.org/plangraph/id/plan/x>")


def test_a_graph_without_plangraph_data_conforms_vacuously() -> None:
    graph = rdflib.Graph()
    graph.add((URIRef("urn:x"), RDFS.label, Literal("x")))
    assert validate_graph(graph).conforms


def test_typed_literals_out_of_range_are_caught(seed_graph: rdflib.Graph) -> None:
    def bad_year(graph: rdflib.Graph) -> URIRef:
        target = a_target(graph, with_value=True)
        graph.set((target, PG.targetYear, Literal("2027", datatype=XSD.integer)))
        return target

    graph, focus = broken(seed_graph, bad_year)
    report = validate_graph(graph)
    assert [v.path for v in report.violations] == [str(PG.targetYear)]
    assert report.violations[0].focus == str(focus)


# --------------------------------------------------------------------------- the CLI


def test_cli_validate_exits_0_on_the_seed(runner: CliRunner, seed_graph_file: Path) -> None:
    result = runner.invoke(cli, ["validate", "--graph", str(seed_graph_file)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.stdout


def test_cli_validate_lists_violations_one_per_line_and_exits_1(
    runner: CliRunner, seed_graph: rdflib.Graph, tmp_path: Path
) -> None:
    graph, _ = broken(seed_graph, task_without_label)
    sentence = sentence_off_by_one(graph)
    plan_without_region(graph)
    path = tmp_path / "broken.ttl"
    graph.serialize(path, format="turtle")

    result = runner.invoke(cli, ["validate", "--graph", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert all(line.startswith("Violation: <https://w3id.org/plangraph/id/plan/") for line in lines)
    assert any(f"<{TASK}>" in line and "rdfs:label" in line for line in lines)
    assert any(f"<{sentence}>" in line and "not the slice" in line for line in lines)
    assert any(f"<{PLAN}>" in line and "pg:coversRegion" in line for line in lines)
    assert "does not conform: 3 violation(s)" in result.stderr
    assert "Traceback" not in result.output
