"""Places compared as the text prints them: an autonomous county or prefecture written by its
short form is labelled so (its official name kept as an alternative label and its division in
the graph), harbour districts and wharves named by a proper stem, and no place read out of a
newspaper's or a site's name outside the plan's area."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from plangraph import api
from plangraph.extract.places import find_places, resolve_place
from plangraph.graph import place_label

PLACE = "https://w3id.org/plangraph/id/place/"
PG = "https://w3id.org/plangraph/ontology#"


def names_in(text: str) -> list[str]:
    hits, _ = find_places(text)
    return [h.place.name for h in hits]


def test_a_short_form_the_plan_writes_is_the_label(tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text(
        "重庆市生态保护规划\n一、总体要求\n"
        "(一)推进保护。重庆市酉阳、秀山等区县推进生态保护，支持恩施州建设，推动石柱县发展。\n",
        encoding="utf-8",
    )
    graph = api.build_graph([source])

    def zh_label(slug: str) -> str:
        labels = graph.objects(URIRef(PLACE + slug), RDFS.label)
        return next(str(o) for o in labels if isinstance(o, Literal) and o.language == "zh")

    assert zh_label("youyang") == "酉阳"
    assert zh_label("xiushan") == "秀山"
    assert zh_label("enshi") == "恩施州"
    assert zh_label("shizhu") == "石柱县"
    official = set(graph.objects(URIRef(PLACE + "youyang"), SKOS.altLabel))
    assert Literal("酉阳土家族苗族自治县", lang="zh") in official
    # the division it resolved to stays in the graph: its code and the city it lies in
    assert (URIRef(PLACE + "youyang"), URIRef(PG + "locatedIn"), URIRef(PLACE + "chongqing")) in (
        graph
    )


@pytest.mark.parametrize(
    ("written", "label"),
    [
        ({"酉阳": 2}, "酉阳"),  # the short form of 酉阳土家族苗族自治县
        ({"酉阳县": 1}, "酉阳县"),
        ({"酉阳土家族苗族自治县": 1, "酉阳": 3}, "酉阳土家族苗族自治县"),  # the name is written
        ({}, "酉阳土家族苗族自治县"),
    ],
)
def test_the_label_is_the_name_as_written(written: dict[str, int], label: str) -> None:
    place = resolve_place("酉阳土家族苗族自治县")
    assert place is not None
    assert place_label(place, Counter(written)) == label


def test_a_name_without_its_level_word_keeps_the_official_label() -> None:
    place = resolve_place("徐州市")
    assert place is not None
    assert place_label(place, Counter({"徐州": 3})) == place.name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推进大连港大窑湾港区和太平湾港区建设。", ["大连港", "大窑湾港区", "太平湾港区"]),
        ("加快厦门港海沧港区建设。", ["厦门港", "海沧港区"]),
        ("宁波舟山港穿山港区、梅山港区集装箱码头。", ["宁波舟山港", "穿山港区", "梅山港区"]),
        ("改造寸滩码头。", ["寸滩码头"]),
        # kinds of harbour districts and wharves, no names
        ("推进港区码头建设，新建集装箱码头和老港区改造，建设散货码头、客运码头。", []),
        ("推动沿江港区和内河港区整合。", []),
        ("建设邮轮码头、油品码头、液化天然气码头和危险品码头，推进各港区协调。", []),
    ],
)
def test_harbour_districts_and_wharves(text: str, expected: list[str]) -> None:
    assert names_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "天津日报报道。",
        "据北京青年报消息。",
        "秀山电子报讯。",
        "湖南广播电台播出。",
    ],
)
def test_no_place_in_a_newspaper_or_a_site_named_after_it(text: str) -> None:
    # no plan area here: the outlet is outside it (the plan's own outlet is its place)
    assert names_in(text) == []


def test_a_division_before_other_words_is_still_named() -> None:
    assert names_in("北京日报记者从北京市获悉。") == ["北京"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bare names in a list that a class of harbour district or city zone closes
        ("推进东渡、海沧、翔安等港区建设。", ["东渡", "海沧", "翔安"]),
        ("推进解放碑、朝天门、江北嘴等片区更新。", ["解放碑", "朝天门", "江北嘴"]),
        # the parts of a town by their direction, no names
        ("推进城东、城西等片区改造。", []),
    ],
)
def test_names_listed_before_a_class_of_district(text: str, expected: list[str]) -> None:
    assert names_in(text) == expected


def test_a_city_name_at_the_end_of_a_word_is_none() -> None:
    assert names_in("改造朝天门码头。") == []  # not the city 天门
    assert names_in("支持湖北天门、仙桃发展。") == ["湖北", "天门", "仙桃"]


def test_short_names_listed_after_their_city_are_its_districts() -> None:
    hits, _ = find_places("厦门市推进海沧、同安发展。")
    assert [(h.place.name, h.how) for h in hits] == [
        ("厦门", "gazetteer"),
        ("海沧区", "context"),
        ("同安区", "context"),
    ]
    assert names_in("厦门市推进城关、新华发展。") == ["厦门"]  # everyday words
