"""`plangraph targets`: one row per target with its fields and quote."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from plangraph.cli import cli
from plangraph.model import Corpus


def test_csv_has_one_row_per_target(
    runner: CliRunner, seed_graph_file: Path, corpus: Corpus
) -> None:
    result = runner.invoke(cli, ["targets", "--graph", str(seed_graph_file), "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == len(corpus.extraction.targets)
    pm25 = {r["region"]: r for r in rows if r["indicator"].startswith("细颗粒物(PM2.5)")}
    assert {k: (v["value"], v["comparator"], v["target_year"]) for k, v in pm25.items()} == {
        "京津冀": ("33", "AtMost", "2027"),
        "长三角": ("30", "AtMost", "2027"),
        "粤港澳大湾区": ("20", "AtMost", "2027"),
    }
    vocs = next(r for r in rows if r["quote"] == "每年完成不少于1000项VOCs源头替代项目")
    assert (vocs["value"], vocs["unit"], vocs["comparator"], vocs["recurrence"]) == (
        "1000",
        "项",
        "AtLeast",
        "annual",
    )
    assert vocs["in"] == "task/4"


def test_plan_filter_and_json(runner: CliRunner, seed_graph_file: Path) -> None:
    result = runner.invoke(
        cli, ["targets", "--plan", "jjj-2025", "-f", "json", "--graph", str(seed_graph_file)]
    )
    assert result.exit_code == 0, result.output
    bindings = json.loads(result.output)["results"]["bindings"]
    assert bindings and {b["plan_id"]["value"] for b in bindings} == {"jjj-2025"}
    tianjin = [b for b in bindings if b.get("scope", {}).get("value") == "天津"]
    assert [b["value"]["value"] for b in tianjin] == ["7.3"]


def test_commitments_show_their_state(runner: CliRunner, seed_graph_file: Path) -> None:
    result = runner.invoke(cli, ["targets", "--graph", str(seed_graph_file), "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    quote = "PM2.5为首要污染物的重度污染天气和劣Ⅴ类水体、黑臭水体基本消除"
    assert {(r["direction"], r["state"]) for r in rows if r["quote"] == quote} == {
        ("Eliminate", "Eliminated")
    }
    assert {r["state"] for r in rows if r["value"]} == {""}  # numeric targets have none
