"""Units a reader of the plan never sees spelled as their IRI are written as printed.

The sentences are real: 山西 两山七河一流域 ("十四五" plan) and 江苏 climate plan. The figures
and units were checked by reading them; ``pg:unit`` must compare with how the plan writes the
unit (平方公里, 万吨标准煤, ‰), and ``pg:unitCode`` keep the unit's IRI.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyoxigraph as ox
import pytest

from plangraph import api, display
from plangraph.graph import PREFIXES

PLAN = """山西省“十四五”两山七河一流域生态保护和生态文明建设规划
一、主要任务
（一）治理水土流失
到2025年，全省新增水土流失初步治理面积18350平方公里。
（二）保护森林草原
到2025年，将森林草原火灾受害控制率和有害生物成灾率分别控制在0.5‰和3‰以下。
（三）提升污水处理能力
到2025年，全省新增城镇污水处理能力66万吨/日。
（四）推动公共机构节能
到2025年，全省公共机构年能源消费总量控制在255万吨标准煤以内。
（五）控制细颗粒物浓度
到2025年，细颗粒物（PM2.5）平均浓度控制在35微克/立方米以下。
"""

UNITS = """
SELECT ?quote ?value ?unit ?code WHERE {
  ?t a pg:Target ; pg:quote ?quote ; pg:value ?value ; pg:unit ?unit .
  OPTIONAL { ?t pg:unitCode ?code }
} ORDER BY ?quote ?value
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("units")
    text = folder / "plan.txt"
    text.write_text(PLAN, encoding="utf-8")
    api.build([text], folder / "out", analysis=False, workers=1)
    return folder / "out" / "plangraph.ttl"


def _rows(graph: Path) -> list[tuple[str, str, str, str | None]]:
    store = ox.Store()
    store.load(path=str(graph), format=ox.RdfFormat.TURTLE)
    result = store.query(UNITS, prefixes=PREFIXES)
    assert isinstance(result, ox.QuerySolutions)
    rows = []
    for row in result:
        unit, code = row["unit"], row["code"]
        assert unit is not None
        rows.append(
            (
                str(row["quote"].value)[:12],
                str(row["value"].value),
                ("literal " if isinstance(unit, ox.Literal) else "iri ") + unit.value,
                code.value if code is not None else None,
            )
        )
    return rows


def test_units_read_as_printed_keep_their_iri(graph: Path) -> None:
    qudt = "http://qudt.org/vocab/unit/"
    pg = "https://w3id.org/plangraph/ontology#"
    coal = pg + "TenThousandTonneCoalEquivalent"
    assert _rows(graph) == [
        ("全省公共机构年能源消费总", "255", "literal 万吨标准煤", coal),
        ("全省新增城镇污水处理能力", "66", "literal 万吨/日", pg + "TenThousandTonnePerDay"),
        ("全省新增水土流失初步治理", "18350", "literal 平方公里", qudt + "KiloM2"),
        ("将森林草原火灾受害控制率", "0.5", "literal ‰", qudt + "PERMILLE"),
        ("将森林草原火灾受害控制率", "3", "literal ‰", qudt + "PERMILLE"),
        ("细颗粒物(PM2.5)平", "35", "iri " + qudt + "MicroGM-PER-M3", None),
    ]


def test_the_graph_with_printed_units_conforms(graph: Path) -> None:
    report = api.validate(graph)
    assert report.conforms, report.text


def test_printed_units_display_as_they_are() -> None:
    assert display.unit("万吨/日") == "万吨/日"
    assert display.unit("‰") == "‰"
    assert display.unit("http://qudt.org/vocab/unit/MicroGM-PER-M3") == "µg/m³"


def test_the_named_queries_show_a_printed_unit_whole(graph: Path) -> None:
    from click.testing import CliRunner

    from plangraph.cli import cli

    result = CliRunner().invoke(cli, ["query", "targets", "--graph", str(graph), "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    units = {row["value"]: row["unit"] for row in rows}
    assert units == {
        "18350": "平方公里",
        "0.5": "‰",
        "3": "‰",
        "66": "万吨/日",
        "255": "万吨标准煤",
        "35": "MicroGM-PER-M3",
    }
