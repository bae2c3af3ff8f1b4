"""SHACL validation: the seed graph conforms; graphs broken in specific ways do not, and each
fails with the violation that names what is wrong (Python API and ``plangraph validate``).

Validating the whole seed takes a few seconds, so the breakages are checked in two ways: the
five that matter most one by one on a graph of one plan, and all of them together on one copy
of the whole seed graph, each on a node of its own."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib import RDF, RDFS, XSD, Literal, URIRef

from plangraph.cli import cli
from plangraph.model import Corpus
from plangraph.shacl import Report, Violation, validate_graph

PG = rdflib.Namespace("https://w3id.org/plangraph/ontology#")
PLAN = URIRef("https://w3id.org/plangraph/id/plan/jjj-2025")


# --------------------------------------------------------------------------- picking nodes


def copy(graph: rdflib.Graph) -> rdflib.Graph:
    result = rdflib.Graph(bind_namespaces="none")
    result += graph
    return result


def quiet_sentences(graph: rdflib.Graph) -> list[URIRef]:
    """Sentences of the plan's tasks that no fact cites: breaking their offsets breaks
    nothing else."""
    cited = set(graph.objects(None, PG.source))
    found = []
    for n in range(1, 1000):
        sentence = URIRef(f"{PLAN}/sentence/{n}")
        owner = graph.value(sentence, PG.partOf)
        if sentence not in cited and (owner, RDF.type, PG.Task) in graph:
            found.append(sentence)
    return found


def targets_with_value(graph: rdflib.Graph) -> list[URIRef]:
    """The plan's targets with a value, a unit and a comparator, in IRI order."""
    return sorted(
        URIRef(t)
        for t in graph.subjects(PG.inPlan, PLAN)
        if (t, RDF.type, PG.Target) in graph
        and all((t, p, None) in graph for p in (PG.value, PG.unit, PG.comparator))
    )


# --------------------------------------------------------------------------- breakages
# Each takes the graph and the position of the node to break among its kind, breaks it and
# returns the node.


def task_without_label(graph: rdflib.Graph, nth: int = 0) -> URIRef:
    task = URIRef(f"{PLAN}/task/{3 + nth}")
    assert (task, RDFS.label, None) in graph
    graph.remove((task, RDFS.label, None))
    return task


def sentence_off_by_one(graph: rdflib.Graph, nth: int = 0) -> URIRef:
    sentence = quiet_sentences(graph)[nth]
    end = graph.value(sentence, PG.end)
    assert isinstance(end, Literal)
    graph.set((sentence, PG.end, Literal(int(end) - 1)))
    return sentence


def sentence_text_changed(graph: rdflib.Graph, nth: int = 0) -> URIRef:
    sentence = quiet_sentences(graph)[nth]
    text = graph.value(sentence, PG.text)
    graph.set((sentence, PG.text, Literal(str(text)[:-1] + "!", lang="zh")))
    return sentence


def sentence_start_after_end(graph: rdflib.Graph, nth: int = 0) -> URIRef:
    sentence = quiet_sentences(graph)[nth]
    end = graph.value(sentence, PG.end)
    assert isinstance(end, Literal)
    graph.set((sentence, PG.start, Literal(int(end) + 5)))
    return sentence


def target_value_without_unit(graph: rdflib.Graph, nth: int = 0) -> URIRef:
    target = targets_with_value(graph)[nth]
    graph.remove((target, PG.unit, None))
    return target


def target_value_without_comparator(graph: rdflib.Graph, nth: int = 0) -> URIRef:
    target = targets_with_value(graph)[nth]
    graph.remove((target, PG.comparator, None))
    return target


def target_comparator_outside_the_six(graph: rdflib.Graph, nth: int = 0) -> URIRef:
    target = targets_with_value(graph)[nth]
    graph.set((target, PG.comparator, PG.Roughly))
    return target


def target_direction_outside_the_four(graph: rdflib.Graph, nth: int = 0) -> URIRef:
    target = targets_with_value(graph)[nth]
    graph.set((target, PG.direction, PG.AtLeast))
    return target


def target_undeclared_unit(graph: rdflib.Graph, nth: int = 0) -> URIRef:
    target = targets_with_value(graph)[nth]
    graph.set((target, PG.unit, PG.Furlong))
    return target


def target_quote_not_in_its_sentence(graph: rdflib.Graph, nth: int = 0) -> URIRef:
    target = targets_with_value(graph)[nth]
    graph.set((target, PG.quote, Literal("不在原文中的文字", lang="zh")))
    return target


def target_year_as_integer(graph: rdflib.Graph, nth: int = 0) -> URIRef:
    target = targets_with_value(graph)[nth]
    graph.set((target, PG.targetYear, Literal("2027", datatype=XSD.integer)))
    return target


def plan_without_region(graph: rdflib.Graph, nth: int = 0) -> URIRef:
    assert (PLAN, PG.coversRegion, None) in graph
    graph.remove((PLAN, PG.coversRegion, None))
    return PLAN


def section_ordinal_as_string(graph: rdflib.Graph, nth: int = 0) -> URIRef:
    section = URIRef(f"{PLAN}/section/{2 + nth}")
    graph.set((section, PG.ordinal, Literal("二")))
    return section


def task_theme_outside_the_scheme(graph: rdflib.Graph, nth: int = 0) -> URIRef:
    task = URIRef(f"{PLAN}/task/{10 + nth}")
    graph.add((task, PG.hasTheme, URIRef("https://w3id.org/plangraph/id/theme/astrology")))
    return task


def place_without_chinese_label(graph: rdflib.Graph, nth: int = 0) -> URIRef:
    place = URIRef("https://w3id.org/plangraph/id/place/beijing")
    labels = [label for label in graph.objects(place, RDFS.label) if label.language == "zh"]
    assert labels
    for label in labels:
        graph.remove((place, RDFS.label, label))
    return place


def plan_task_count_off(graph: rdflib.Graph, nth: int = 0) -> URIRef:
    """The plan's summary pg:taskCount one more than its tasks."""
    plan = URIRef(f"https://w3id.org/plangraph/id/plan/{['yrd-2025', 'gba-2025'][nth]}")
    count = int(graph.value(plan, PG.taskCount))
    graph.set((plan, PG.taskCount, Literal(count + 1)))
    return plan


def region_theme_nobody_addresses(graph: rdflib.Graph, nth: int = 0) -> URIRef:
    """A pg:addressesTheme on a region that no task of its plans backs."""
    region = URIRef(f"https://w3id.org/plangraph/id/region/{['gba', 'yrd'][nth]}")
    backed = set(graph.objects(region, PG.addressesTheme))
    themes = sorted(set(graph.subjects(RDF.type, PG.Theme)) - backed)
    assert themes, "a theme the region does not address"
    graph.add((region, PG.addressesTheme, themes[0]))
    return region


def place_use_count_off(graph: rdflib.Graph, nth: int = 0) -> URIRef:
    """A plan's pg:PlaceUse that counts one mention too many."""
    plan = URIRef(f"https://w3id.org/plangraph/id/plan/{['gba-2025', 'jjj-2025'][nth]}")
    use = sorted(graph.objects(plan, PG.placeUse))[0]
    count = int(graph.value(use, PG.mentionCount))
    graph.set((use, PG.mentionCount, Literal(count + 1)))
    return URIRef(use)


def region_place_use_off(graph: rdflib.Graph, nth: int = 0) -> URIRef:
    """A region's pg:PlaceUse that counts one task too many for the sum over its plans."""
    region = URIRef(f"https://w3id.org/plangraph/id/region/{['yrd', 'jjj'][nth]}")
    use = sorted(graph.objects(region, PG.placeUse))[0]
    count = int(graph.value(use, PG.taskCount))
    graph.set((use, PG.taskCount, Literal(count + 1)))
    return region


# a breakage also makes the summaries that count the broken fact disagree with it: those
# violations (on the plan's counts, the region's themes) are expected beside the breakage
SUMMARY_PATHS = {
    str(PG[name])
    for name in (
        "sectionCount",
        "taskCount",
        "sentenceCount",
        "targetCount",
        "placeCount",
        "agencyCount",
        "themeCount",
        "addressesTheme",
        "setsIndicator",
        "placeUse",
        "mentionCount",
    )
}


def at_breakages(report: Report, foci: set[str]) -> set[str]:
    """The foci of the violations, summary cascades from a breakage left out."""
    return {v.focus for v in report.violations if v.focus in foci or v.path not in SUMMARY_PATHS}


@dataclass(frozen=True)
class Case:
    breaks: Callable[[rdflib.Graph, int], URIRef]
    nth: int  # the node to break among its kind, distinct across cases of one kind
    path: str  # the expected sh:resultPath ("" for a node-level constraint)
    message: str  # part of the expected message

    @property
    def name(self) -> str:
        return self.breaks.__name__


CASES = [
    Case(task_without_label, 0, str(RDFS.label), "in Chinese (@zh)"),
    Case(sentence_off_by_one, 0, str(PG.text), "is not the slice of its plan's pg:text"),
    Case(sentence_text_changed, 1, str(PG.text), "is not the slice of its plan's pg:text"),
    Case(sentence_start_after_end, 2, str(PG.start), "≤ pg:end"),
    Case(target_value_without_unit, 0, "", "a Target with a pg:value needs a pg:unit"),
    Case(target_value_without_comparator, 1, "", "a Target with a pg:value needs a pg:comparator"),
    Case(target_comparator_outside_the_six, 2, str(PG.comparator), "pg:AtMost, pg:Below"),
    Case(target_direction_outside_the_four, 3, str(PG.direction), "pg:Increase, pg:Decrease"),
    Case(target_undeclared_unit, 4, str(PG.unit), "a QUDT unit IRI"),
    Case(target_quote_not_in_its_sentence, 5, str(PG.quote), "pg:quote is not the slice"),
    Case(target_year_as_integer, 6, str(PG.targetYear), "xsd:gYear"),
    Case(plan_without_region, 0, str(PG.coversRegion), "exactly one pg:coversRegion"),
    Case(section_ordinal_as_string, 0, str(PG.ordinal), "an xsd:integer ≥ 1"),
    Case(task_theme_outside_the_scheme, 0, str(PG.hasTheme), "a pg:Theme of the theme scheme"),
    Case(place_without_chinese_label, 0, str(RDFS.label), "one in Chinese (@zh)"),
    Case(plan_task_count_off, 0, str(PG.taskCount), "pg:taskCount says"),
    Case(region_theme_nobody_addresses, 0, str(PG.addressesTheme), "no task of a plan covering"),
    Case(place_use_count_off, 0, str(PG.mentionCount), "but the plan has"),
    Case(region_place_use_off, 0, str(PG.placeUse), "the sums over its plans"),
]
REQUIRED = [
    "task_without_label",
    "sentence_off_by_one",
    "target_value_without_unit",
    "target_comparator_outside_the_six",
    "plan_without_region",
]


def assert_reported(report: Report, focus: URIRef, case: Case) -> None:
    found = [v for v in report.violations if v.focus == str(focus) and v.path == case.path]
    assert found, [str(v) for v in report.violations if v.focus == str(focus)]
    assert any(case.message in v.message for v in found), [str(v) for v in found]
    assert all(v.severity == "Violation" for v in found)


# --------------------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def seed_report(seed_graph: rdflib.Graph) -> tuple[Report, float]:
    started = time.perf_counter()
    report = validate_graph(seed_graph)
    return report, time.perf_counter() - started


def test_the_seed_graph_conforms(seed_report: tuple[Report, float]) -> None:
    report, _ = seed_report
    assert [str(v) for v in report.violations] == []
    assert report.conforms


def test_validating_the_seed_takes_seconds_not_minutes(seed_report: tuple[Report, float]) -> None:
    _, seconds = seed_report
    assert seconds < 30


# --------------------------------------------------------------------------- one plan, one breakage


@pytest.fixture(scope="module")
def one_plan_graph() -> rdflib.Graph:
    """The graph of the 京津冀 plan alone (validates in a fraction of the seed's time)."""
    from plangraph.extract import extract
    from plangraph.graph import build_graph
    from plangraph.read import read_plans

    plans = [plan for plan in read_plans() if plan.id == "jjj-2025"]
    return build_graph(Corpus(tuple(plans), extract(plans)))


@pytest.mark.parametrize("case", [c for c in CASES if c.name in REQUIRED], ids=lambda c: c.name)
def test_one_breakage_makes_the_graph_fail_with_its_violation(
    one_plan_graph: rdflib.Graph, case: Case
) -> None:
    graph = copy(one_plan_graph)
    focus = case.breaks(graph, 0)
    report = validate_graph(graph)
    assert not report.conforms
    assert_reported(report, focus, case)
    # reported where the breakage is, not as a cascade over the graph
    assert at_breakages(report, {str(focus)}) == {str(focus)}


# --------------------------------------------------------------------------- many breakages at once


@pytest.fixture(scope="module")
def broken_seed(seed_graph: rdflib.Graph) -> tuple[Report, dict[str, URIRef]]:
    graph = copy(seed_graph)
    foci = {case.name: case.breaks(graph, case.nth) for case in CASES}
    assert len(set(foci.values())) == len(foci), "each case breaks a node of its own"
    return validate_graph(graph), foci


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_breakage_is_reported(
    broken_seed: tuple[Report, dict[str, URIRef]], case: Case
) -> None:
    report, foci = broken_seed
    assert not report.conforms
    assert_reported(report, foci[case.name], case)


def test_breakages_are_reported_only_where_they_are(
    broken_seed: tuple[Report, dict[str, URIRef]],
) -> None:
    report, foci = broken_seed
    expected = {str(f) for f in foci.values()}
    assert at_breakages(report, expected) == expected


def test_a_slice_violation_shows_what_the_offsets_read(
    broken_seed: tuple[Report, dict[str, URIRef]], seed_graph: rdflib.Graph
) -> None:
    report, foci = broken_seed
    sentence = foci["sentence_off_by_one"]
    [violation] = [v for v in report.violations if v.focus == str(sentence)]
    start, end = (int(seed_graph.value(sentence, p)) for p in (PG.start, PG.end))
    assert f"from pg:start {start} to pg:end {end - 1}" in violation.message
    text = str(seed_graph.value(sentence, PG.text))
    shown = text[: end - 1 - start]
    assert f'which reads "{shown if len(shown) <= 40 else shown[:40] + "…"}"' in (
        violation.message.replace("\\n", "\n")
    )


def test_a_violation_reads_as_one_line() -> None:
    violation = Violation(
        focus="https://w3id.org/plangraph/id/plan/x/sentence/1",
        path=str(PG.text),
        message='which reads "a\\nb"',
        severity="Violation",
        shape="",
    )
    assert str(violation) == (
        'Violation: <https://w3id.org/plangraph/id/plan/x/sentence/1> pg:text: which reads "a\\nb"'
    )


def test_a_graph_without_plangraph_data_conforms() -> None:
    graph = rdflib.Graph()
    graph.add((URIRef("urn:x"), RDFS.label, Literal("x")))
    assert validate_graph(graph).conforms


# --------------------------------------------------------------------------- the CLI


def test_cli_validate_exits_0_on_the_seed(runner: CliRunner, seed_graph_file: Path) -> None:
    result = runner.invoke(cli, ["validate", "--graph", str(seed_graph_file)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.stdout


def test_cli_validate_lists_violations_one_per_line_and_exits_3(
    runner: CliRunner, one_plan_graph: rdflib.Graph, tmp_path: Path
) -> None:
    graph = copy(one_plan_graph)
    task = task_without_label(graph)
    sentence = sentence_off_by_one(graph)
    plan_without_region(graph)
    path = tmp_path / "broken.ttl"
    graph.serialize(path, format="turtle")

    result = runner.invoke(cli, ["validate", "--graph", str(path)])
    assert result.exit_code == 3  # does not conform; 1 is kept for errors
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert (
        f"Violation: <{PLAN}> pg:coversRegion: a Plan needs exactly one pg:coversRegion, "
        "a pg:Region" in lines
    )
    assert (
        f"Violation: <{task}> rdfs:label: needs exactly one rdfs:label, non-empty and in "
        "Chinese (@zh)" in lines
    )
    prefix = f"Violation: <{sentence}> pg:text: pg:text is not the slice of its plan's pg:text"
    assert any(line.startswith(prefix) for line in lines)
    assert "does not conform: 3 violation(s) listed above" in result.stderr
    assert "Traceback" not in result.output
