"""One error hierarchy in errors.py; a location kept as fields and said once."""

from __future__ import annotations

import importlib
import inspect
import pickle
import pkgutil

import pytest

import plangraph
from plangraph import errors, resources
from plangraph.errors import (
    DataError,
    GazetteerError,
    PlangraphError,
    QueryError,
    ReadError,
    ServerError,
    ValidationError,
)
from plangraph.extract import gazetteer
from plangraph.extract.targets import load_indicators
from plangraph.sparql import parse_header


def test_every_error_class_lives_in_errors_py() -> None:
    found = set()
    for module in pkgutil.walk_packages(plangraph.__path__, "plangraph."):
        if module.name == "plangraph.__main__":
            continue
        for _, value in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            if issubclass(value, PlangraphError):
                found.add(value)
    assert found, "no error classes found"
    assert {kind.__module__ for kind in found} == {"plangraph.errors"}


def test_the_location_is_said_once_from_the_fields() -> None:
    located = DataError("expected 4 columns", source="indicators.tsv", line=7)
    assert str(located) == "indicators.tsv:7: expected 4 columns"
    assert (located.source, located.line, located.detail) == ("indicators.tsv", 7, located.detail)
    assert str(DataError("no line", source="t.tsv")) == "t.tsv: no line"
    assert str(PlangraphError("nowhere in particular")) == "nowhere in particular"
    # ReadError keeps its positional form (source first), with the same fields
    assert str(ReadError("plan.txt", "the file is empty", 3)) == "plan.txt:3: the file is empty"


@pytest.mark.parametrize(
    "error",
    [
        ReadError("plan.txt", "the file is empty", 3),
        GazetteerError("empty id or name", source="places.tsv", line=9),
        QueryError("no named query 'x'"),
        ValidationError("does not conform: 2 violation(s)", source="g.ttl"),
    ],
)
def test_errors_survive_pickling_from_worker_processes(error: PlangraphError) -> None:
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert str(back) == str(error)
    assert (back.source, back.line, back.exit_code) == (error.source, error.line, error.exit_code)


def test_only_non_conformance_has_its_own_exit_status() -> None:
    assert ValidationError.exit_code == errors.EXIT_NOT_CONFORMING == 3
    assert {ReadError.exit_code, ServerError.exit_code, GazetteerError.exit_code} == {1}


def test_gazetteer_errors_carry_file_and_line() -> None:
    text = "id\tname\taliases\tkind\tprovince\tname_en\nbj\t北京市\t\tProvince\t\tBeijing\n"
    text += "bj\t北京\t\tProvince\t\tBeijing\n"
    with pytest.raises(GazetteerError) as info:
        gazetteer.parse_places(text, "p.tsv")
    assert (info.value.source, info.value.line) == ("p.tsv", 3)
    assert str(info.value) == "p.tsv:3: duplicate id 'bj' (first on line 2)"
    assert isinstance(info.value, DataError)
    assert gazetteer.GazetteerError is GazetteerError  # still importable where it was


def test_a_malformed_indicator_table_is_a_data_error_naming_the_line() -> None:
    text = "id\tlabel_zh\tlabel_en\tpatterns\n\nforest\t森林覆盖率\n"
    with pytest.raises(DataError) as info:
        load_indicators(text)
    assert str(info.value) == (
        "indicators.tsv:3: expected 4 tab-separated columns "
        "(id, label_zh, label_en, patterns), found 2"
    )
    table = load_indicators("id\tlabel_zh\tlabel_en\tpatterns\nforest\t森林覆盖率\tForest\t\n")
    assert [ind.label_zh for ind in table.indicators] == ["森林覆盖率"]


def test_an_empty_table_is_a_data_error() -> None:
    with pytest.raises(DataError, match=r"^x\.tsv: empty table, expected a header line$"):
        resources.parse_table("", "x.tsv")


def test_query_header_errors_carry_file_and_line() -> None:
    with pytest.raises(QueryError) as info:
        parse_header("x", "# What x answers.\n# param: a (colour) a colour\nSELECT * {}\n")
    assert (info.value.source, info.value.line) == ("queries/x.rq", 2)
    assert str(info.value).startswith("queries/x.rq:2: unknown parameter kind 'colour'; ")
