"""Time the stages of the seed one by one: per-plan extraction of places, themes and targets,
the analysis of the seed graph and its SHACL validation (median of several runs).

These were timed unit tests once; a busy machine made them flake, so they are measured here
and reported by ``make bench`` beside the corpus figures:

    python benchmarks/stages.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def median_seconds(work: Callable[[], object], runs: int) -> float:
    work()  # warm caches (lexicons, compiled patterns)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    from plangraph import api
    from plangraph.analysis import analyze
    from plangraph.extract.places import extract_places, resolve_place
    from plangraph.extract.targets import extract_targets
    from plangraph.extract.themes import extract_themes
    from plangraph.read import read_plans
    from plangraph.shacl import validate_graph
    from plangraph.store import load_graph, load_store

    def resolve(name: str) -> str | None:  # as the pipeline passes it
        place = resolve_place(name)
        return None if place is None else str(place.id)

    plans = read_plans()
    rows: list[tuple[str, float, str]] = []
    for name, stage in (
        ("places", extract_places),
        ("themes", extract_themes),
        ("targets", lambda plan: extract_targets(plan, resolve)),
    ):
        seconds = median_seconds(lambda stage=stage: [stage(p) for p in plans], runs)
        rows.append((f"extract {name}, per plan", seconds / len(plans), "ms"))
    with tempfile.TemporaryDirectory() as folder:
        api.build(outdir=folder)
        graph = Path(folder) / "plangraph.ttl"
        store = load_store(graph)
        rows.append(("analyse the seed graph", median_seconds(lambda: analyze(store), runs), "s"))
        rdf = load_graph(graph)
        validate = median_seconds(lambda: validate_graph(rdf), 1)
        rows.append(("validate the seed graph (SHACL)", validate, "s"))
    print(f"seed stages, median of {runs} runs")
    for label, seconds, unit in rows:
        value = seconds * 1000 if unit == "ms" else seconds
        print(f"  {label:<34} {value:8.2f} {unit}")


if __name__ == "__main__":
    main()
