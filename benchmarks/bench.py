"""Build and query timings for 3 (the seed), 100, 1,000 and 10,000 plans: ``make bench``.

For each size, in a fresh process (so that peak memory is that size's own): the default
build (``plangraph build``: analysis included, extraction on both cores) with its stages
(read, extract and write plans, analyse, merge the Turtle); peak resident memory (the main
process or the largest worker) and the peak the whole process tree holds together (sampled
sum of the processes' proportional set sizes); triples; the time Oxigraph needs to
bulk-load the same Turtle and the ratio build ÷ load; every named query's time on
pyoxigraph (median of 5 after a warm-up, one run when the warm-up took a second or more;
results materialized); and, where rdflib can hold the
graph in reasonable time (up to 100 plans unless --rdflib-all), rdflib's in-memory time for
the same query text and the ratio rdflib ÷ Oxigraph.  Then the growth 100 -> 1,000 and the
start-up time of ``plangraph --help``.  On 1,000 plans every named query also runs through
the CLI as a user runs it on a terminal (``benchmarks/cli_queries.py``: a table, the default
page of 50 rows, a kept store of its own, loaded by one query first, which also answers the
named listings ahead): the first run of each query and the median of the later runs, also as
a ratio to ``plangraph --help`` (on a busy machine both grow together).

    python benchmarks/bench.py                       # 3, 100, 1000, 10000 (generated on the fly)
    BENCH_SIZES=3,100,1000 python benchmarks/bench.py   # quicker
    BENCH_SIZES=10000 python benchmarks/bench.py        # 1,000 and 10,000: the growth
    BENCH_TASKS=25-31 python benchmarks/bench.py        # 16 MB of text per 1,000 plans

A size of 10,000 or more is measured with a tenth of it in the same run (1,000 for 10,000),
for the growth ratio, unless that is asked for anyway.  ``BENCH_TASKS`` (FEWEST-MOST)
sets the tasks per generated plan (default 18-24: 12.7 MB of text per 1,000 plans; 25-31
makes 16 MB, the size of the corpus issue #14 was measured on).
    python benchmarks/bench.py --sizes 3 100 --json out/bench/small.json

The raw figures go to out/bench/results.json.  The 10,000-plan graph is bulk-loaded into an
on-disk Oxigraph store and its named queries are not run (the 1,000-plan ones are).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

GOALS = {
    "seed build": "< 1 s in-process",
    "1,000-plan build": "< 60 s, < 2 GB peak",
    "growth 100 -> 1,000": "<= 11x",
    "named query on 1,000 plans": "< 100 ms each",
    "named query through the CLI on 1,000 plans": "< 300 ms each, default page",
    "plangraph --help": "< 0.3 s",
}
# values for parameters a query requires, and for those whose default is "every …"
# but whose full answer is quadratic in the corpus (shown separately)
SAMPLE_PARAMS: dict[str, dict[str, str]] = {"search-tasks": {"text": "无废城市"}}
# answers that grow with the square of the corpus: run unscoped on the seed only (on 100
# plans the unscoped shared-task-pairs takes minutes); scoped to one plan at every size
QUADRATIC = {"shared-task-pairs"}
# {plan} is the first 长三角 plan of the corpus (yrd-2025 in the seed)
SCOPED_PARAMS: dict[str, dict[str, str]] = {
    "shared-task-pairs": {"plan": "{plan}", "min_shared": "3"},
    "agencies-per-plan": {"plan": "{plan}"},
    "targets": {"plan": "{plan}"},
    "tasks-per-section": {"plan": "{plan}"},
    "shared-themes": {"theme": "生物多样性"},
    "places-in-region": {"region": "长三角"},
    "unique-themes": {"region": "长三角"},
    "target-source": {"target": "{plan}/target/1"},
    "tasks-naming-agency": {"agency": "金融机构"},
    "indicator-across-regions": {"indicator": ""},
}


SLOW_QUERY = 1.0  # seconds: a query this slow in memory is timed once after its warm-up
RDFLIB_CAP = 5.0  # seconds; rdflib gives up on a query after this
QUERY_LIMIT = 1000  # plans: larger graphs are bulk-loaded on disk, without the query runs
SIZES = (3, 100, 1000, 10000)
CLI_SIZE = 1000  # plans: the named queries are also timed through the CLI on this size
CLI_GOAL = 0.3  # seconds, end to end, the default page (issue 14)


class TooSlow(Exception):
    pass


def _too_slow(signum: int, frame: Any) -> None:
    raise TooSlow


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    peak = resource.getrusage(who).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)


def _children_rss_mb() -> float:
    """The largest worker process's peak (the extraction pool)."""
    return _rss_mb(resource.RUSAGE_CHILDREN)


class TreeMemory:
    """The peak of the memory the whole process tree holds (this process, the extraction
    pool and the forked analyses together), sampled every ``every`` seconds: the sum of
    each process's proportional set size (shared pages counted once), from Linux's
    /proc/PID/smaps_rollup; 0 where there is none.  ``ru_maxrss`` sees one process only."""

    def __init__(self, every: float = 0.5) -> None:
        import threading

        self.every, self.peak_kb = every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_mb(self) -> float:
        return self.peak_kb / 1024

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, sum(map(_pss_kb, _tree(os.getpid()))))
            self._stop.wait(self.every)


def _tree(root: int) -> list[int]:
    """``root`` and its descendants (processes, not threads)."""
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        try:
            tasks = Path(f"/proc/{pid}/task").iterdir()
            for task in tasks:
                children = (task / "children").read_text().split()
                todo.extend(int(c) for c in children)
        except OSError:
            continue
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _cpu_seconds() -> float:
    """CPU time of this process and of its waited-for children (the build's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed(function: Any, *args: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    value = function(*args)
    return value, time.perf_counter() - started


def measure(count: int, folder: Path, rdflib_too: bool) -> dict[str, Any]:
    """One size, in this process: the default build (analysis included, both cores), the
    Oxigraph bulk load of its output, then the named queries."""
    import pyoxigraph as ox

    from plangraph import api, sparql
    from plangraph.pipeline import default_workers

    note = ""
    if count == 3:
        inputs = None
    else:
        from generate import TASKS, generate, task_range

        inputs = [folder / "plans"]
        tasks = task_range(os.environ["BENCH_TASKS"]) if os.environ.get("BENCH_TASKS") else TASKS
        _, t_generate = _timed(generate, count, folder / "plans", 0, tasks)
        _progress(f"{count} plans generated in {t_generate:.1f} s")
    text_bytes = (
        0 if inputs is None else sum(p.stat().st_size for p in (folder / "plans").iterdir())
    )
    workers = default_workers()
    stages: dict[str, float] = {}
    started = time.perf_counter()
    last = [started]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        stages[stage] = stages.get(stage, 0.0) + now - last[0]
        last[0] = now

    cpu_before = _cpu_seconds()
    with TreeMemory() as tree:
        built, build = _timed(lambda: api.build(inputs, folder, workers=workers, progress=progress))
    cpu = _cpu_seconds() - cpu_before
    path = built.path
    peak_build = max(_rss_mb(), _children_rss_mb())
    _progress(
        f"{count} plans: default build {build:.1f} s ({cpu:.1f} s CPU) on {workers} workers "
        f"({', '.join(f'{k} {v:.1f} s' for k, v in stages.items())}), "
        f"{built.triples:,} triples, {path.stat().st_size / 1e6:.0f} MB Turtle, "
        f"peak {peak_build:.0f} MB (one process), {tree.peak_mb:.0f} MB (all processes)"
    )
    if count > QUERY_LIMIT:
        # the graph of 10,000 plans does not fit an in-memory store: bulk-load it on disk
        # and leave the queries to the sizes that do
        store = ox.Store(str(folder / "store"))
        _, t_load = _timed(lambda: store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE))
        note = f"named queries measured up to {QUERY_LIMIT:,} plans"
        return {
            "plans": built.plans,
            "tasks": built.tasks,
            "triples": built.triples,
            "turtle_bytes": path.stat().st_size,
            "text_bytes": text_bytes,
            "workers": workers,
            "stages": stages,
            "build": build,
            "cpu": cpu,
            "oxigraph_load": t_load,
            "peak_mb_build": peak_build,
            "peak_mb_build_tree": tree.peak_mb,
            "peak_mb": max(_rss_mb(), _children_rss_mb()),
            "queries": {},
            "rdflib": {},
            "warnings": len(built.warnings),
            "note": note,
        }
    plans = range(built.plans)
    triples = range(built.triples)

    store = ox.Store()
    _, t_load = _timed(lambda: store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE))

    first = sparql.run(
        store,
        'SELECT ?id { ?p pg:identifier ?id ; pg:coversRegion/rdfs:label "长三角"@zh } ORDER BY ?id',
    ).rows
    plan = first[0]["id"] if first else "yrd-2025"
    queries: dict[str, dict[str, Any]] = {}
    for name, named in sparql.named_queries().items():
        runs = []
        if name not in QUADRATIC or count <= 3:
            runs.append((name, SAMPLE_PARAMS.get(name, {})))
        if name in SCOPED_PARAMS:
            scoped = {k: v.replace("{plan}", plan) for k, v in SCOPED_PARAMS[name].items()}
            shown = " ".join(f"{k}={v}" for k, v in SCOPED_PARAMS[name].items())
            runs.append((f"{name} {shown}", {**SAMPLE_PARAMS.get(name, {}), **scoped}))
        for label, params in runs:
            bindings = sparql.named_bindings(named, params)
            started = time.perf_counter()
            result = sparql.run(store, named.text, bindings, named.source)  # warm-up
            rows = len(result.rows)
            # slow ones once more only (make bench on 1,000 plans in minutes, not an hour)
            repeats = 5 if time.perf_counter() - started < SLOW_QUERY else 1
            # the answer: evaluated and written as W3C SPARQL JSON results by Oxigraph, as
            # `plangraph query --format json` and the server give it; then, separately, the
            # same plus turning every row into Python values (QueryResult.rows)
            times, python_times = [], []
            for _ in range(repeats):
                started = time.perf_counter()
                answer = sparql.run(store, named.text, bindings, named.source)
                times.append(time.perf_counter() - started)
                len(answer.rows)
                python_times.append(time.perf_counter() - started)
            _progress(f"  {label}: {statistics.median(times) * 1000:.1f} ms, {rows} rows")
            queries[label] = {
                "rows": rows,
                "seconds": statistics.median(times),
                "python_seconds": statistics.median(python_times),
                "text": sparql.bind_values(named.text, bindings),
            }

    rdflib_info: dict[str, Any] = {}
    if rdflib_too:
        import rdflib

        graph = rdflib.Graph()
        _, t_parse = _timed(lambda: graph.parse(path, format="turtle"))
        rdflib_info["parse_seconds"] = t_parse
        for info in queries.values():
            started = time.perf_counter()
            signal.signal(signal.SIGALRM, _too_slow)
            signal.setitimer(signal.ITIMER_REAL, RDFLIB_CAP)
            try:
                info["rdflib_rows"] = len(list(graph.query(info["text"])))
                info["rdflib_seconds"] = time.perf_counter() - started
            except TooSlow:
                info["rdflib_seconds"] = None  # gave up after RDFLIB_CAP seconds
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
    for info in queries.values():
        del info["text"]
    return {
        "plans": len(plans),
        "tasks": built.tasks,
        "triples": len(triples),
        "turtle_bytes": path.stat().st_size,
        "text_bytes": text_bytes,
        "workers": workers,
        "stages": stages,
        "build": build,
        "cpu": cpu,
        "oxigraph_load": t_load,
        "peak_mb_build": peak_build,
        "peak_mb_build_tree": tree.peak_mb,
        "peak_mb": _rss_mb(),
        "queries": queries,
        "rdflib": rdflib_info,
        "warnings": len(built.warnings),
        "note": note,
    }


def startup_seconds(runs: int = 5) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "plangraph", "--help"],
            check=True,
            capture_output=True,
            env=env,
        )
        best = min(best, time.perf_counter() - started)
    return best


def report(results: dict[int, dict[str, Any]], startup: float) -> str:
    sizes = sorted(results)
    from plangraph.sparql import display_width

    out = []
    labels = list(dict.fromkeys(label for n in sizes for label in results[n]["queries"]))
    first = max(34, *(display_width(label) + 3 for label in labels))
    head = " " * first + "".join(f"{f'{n:,} plans':>16}" for n in sizes)
    out.append(head)

    def row(label: str, values: list[str]) -> None:
        pad = " " * (first - display_width(label))
        out.append(label + pad + "".join(f"{v:>16}" for v in values))

    row("tasks", [f"{results[n]['tasks']:,}" for n in sizes])
    row("triples", [f"{results[n]['triples']:,}" for n in sizes])
    row("Turtle MB", [f"{results[n]['turtle_bytes'] / 1e6:.1f}" for n in sizes])
    row("text MB", [f"{results[n].get('text_bytes', 0) / 1e6:.1f}" for n in sizes])
    for step in ("read", "extract", "analyse", "write"):
        row(f"  {step} s", [f"{results[n]['stages'].get(step, 0.0):.1f}" for n in sizes])
    row("default build s", [f"{results[n]['build']:.1f}" for n in sizes])
    row("  CPU s (all processes)", [f"{results[n].get('cpu', 0.0):.1f}" for n in sizes])
    row(
        "peak memory MB (build, one process)", [f"{results[n]['peak_mb_build']:.0f}" for n in sizes]
    )
    row(
        "peak memory MB (build, all processes)",
        [f"{results[n].get('peak_mb_build_tree', 0.0):.0f}" for n in sizes],
    )
    row("peak memory MB (all)", [f"{results[n]['peak_mb']:.0f}" for n in sizes])
    row("Oxigraph bulk load s", [f"{results[n]['oxigraph_load']:.3f}" for n in sizes])
    row(
        "build ÷ bulk load",
        [f"{results[n]['build'] / max(results[n]['oxigraph_load'], 1e-9):.1f}x" for n in sizes],
    )
    out.append("")
    out.append("named query ms (rows) on pyoxigraph, answer written as SPARQL JSON results")
    out.append("({plan} = the corpus's first 长三角 plan)")
    for label in labels:
        cells = []
        for n in sizes:
            info = results[n]["queries"].get(label)
            cells.append("" if info is None else f"{info['seconds'] * 1000:.1f} ({info['rows']})")
        row(f"  {label}", cells)
    rdflib_sizes = [n for n in sizes if results[n]["rdflib"]]
    if rdflib_sizes:
        out.append("")
        out.append("rdflib in-memory ÷ pyoxigraph, same query text")
        for n in rdflib_sizes:
            parse = results[n]["rdflib"]["parse_seconds"]
            load = results[n]["oxigraph_load"]
            out.append(
                f"  {n:,} plans: rdflib Turtle parse {parse:.2f} s vs Oxigraph bulk load "
                f"{load:.3f} s ({parse / max(load, 1e-9):.0f}x)"
            )
        for label in labels:
            cells = []
            for n in sizes:
                info = results[n]["queries"].get(label, {})
                if info.get("rdflib_seconds") is not None:
                    ratio = info["rdflib_seconds"] / max(info["seconds"], 1e-9)
                    cells.append(f"{ratio:.0f}x")
                elif "rdflib_seconds" in info:
                    cells.append(f"> {RDFLIB_CAP:.0f} s")
                else:
                    cells.append("")
            row(f"  {label}", cells)
    out.append("")
    for small, large in itertools.pairwise(sizes):
        if small >= 100 and large == small * 10:
            growth = results[large]["build"] / results[small]["build"]
            out.append(f"build growth {small:,} -> {large:,} plans: {growth:.1f}x (goal <= 11x)")
    if 1000 in results:
        answers = results[1000]["queries"]
        fast = [k for k, v in answers.items() if v["seconds"] <= 0.1]
        slow = {k: v for k, v in answers.items() if v["seconds"] > 0.1}
        out.append(f"named queries within 100 ms on 1,000 plans: {len(fast)} of {len(answers)}")
        out.append(
            "over 100 ms (time, rows, µs per row): "
            + (
                "; ".join(
                    f"{k} {v['seconds'] * 1000:.0f} ms, {v['rows']:,} rows, "
                    f"{v['seconds'] * 1e6 / max(v['rows'], 1):.0f} µs/row"
                    for k, v in slow.items()
                )
                or "none"
            )
        )
        python = sorted(
            (v["python_seconds"] - v["seconds"]) * 1e6 / v["rows"]
            for v in answers.values()
            if v["rows"] >= 1000
        )
        if python:
            out.append(
                "turning rows into Python values (QueryResult.rows) adds "
                f"{python[len(python) // 2]:.0f} µs per row (median over answers of 1,000+ rows)"
            )
    out.append(f"plangraph --help start-up: {startup:.3f} s (best of 5; goal < 0.3 s)")
    notes = {results[n]["note"] for n in sizes if results[n]["note"]}
    out.extend(f"note: {note}" for note in sorted(notes))
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[int(n) for n in os.environ.get("BENCH_SIZES", "").split(",") if n.strip()]
        or list(SIZES),
        help="plan counts (default: $BENCH_SIZES, e.g. 3,100,1000, or 3 100 1000 10000)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench")
    parser.add_argument("--rdflib-all", action="store_true", help="rdflib on every size")
    parser.add_argument(
        "--json",
        type=Path,
        default=ROOT / "out" / "bench" / "results.json",
        help="where to write the raw figures (default: out/bench/results.json)",
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--rdflib", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        folder = args.out / str(args.one)
        folder.mkdir(parents=True, exist_ok=True)
        print(json.dumps(measure(args.one, folder, args.rdflib)))
        return
    results: dict[int, dict[str, Any]] = {}
    for size in with_growth_base(args.sizes):
        command = [sys.executable, __file__, "--one", str(size), "--out", str(args.out)]
        if args.rdflib_all or (size <= 100 and not os.environ.get("BENCH_NO_RDFLIB")):
            command.append("--rdflib")
        print(f"measuring {size:,} plans …", file=sys.stderr, flush=True)
        done = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True)
        results[size] = json.loads(done.stdout)
    startup = startup_seconds()
    cli: dict[str, Any] = {}
    if CLI_SIZE in results:
        cli = cli_queries(args.out / str(CLI_SIZE) / "plangraph.ttl", args.out / "cache")
    print(report(results, startup))
    if cli:
        print(cli_report(cli))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps({"results": results, "startup": startup, "cli": cli}, indent=1)
        )


def with_growth_base(sizes: list[int]) -> list[int]:
    """``sizes`` in order, with a tenth of each size of 10,000 or more added before it (the
    base of its growth ratio), unless there already."""
    wanted = set(sizes)
    for size in sizes:
        if size >= 10_000 and size % 10 == 0:
            wanted.add(size // 10)
    return sorted(wanted)


def cli_queries(graph: Path, cache: Path, runs: int = 3) -> dict[str, Any]:
    """Every named query through the CLI on the graph, as a user runs it on a terminal (a
    table, the default page), with a kept store of its own under ``cache``."""
    import shutil

    from cli_queries import first_plan, first_query, startup, time_queries

    shutil.rmtree(cache, ignore_errors=True)
    os.environ["PLANGRAPH_CACHE"] = str(cache)
    _progress(f"named queries through the CLI on {graph} …")
    answered, opened = first_query(graph)
    plan = first_plan(graph)
    return {
        "kept_store": opened,
        "first_answer": answered,
        "startup": startup(),
        "plan": plan,
        "queries": time_queries(graph, plan, runs),
    }


def cli_report(cli: dict[str, Any]) -> str:
    """The CLI figures: first run (answered ahead or evaluated and kept) and later runs."""
    from plangraph.sparql import display_width

    goal = CLI_GOAL * 1000
    out = [
        "",
        f"named queries through the CLI on {CLI_SIZE:,} plans (plangraph query NAME --format "
        f"table: the default page of 50 rows), {{plan}} = {cli['plan']}",
        f"first CLI query (plangraph query targets: loads and compacts the kept store): its "
        f"answer after {cli.get('first_answer', 0.0):.1f} s, returned after "
        f"{cli['kept_store']:.1f} s (the listings answered ahead); "
        f"plangraph --help: {cli['startup'] * 1000:.0f} ms",
    ]
    queries = cli["queries"]
    first = max(34, *(display_width(label) + 3 for label in queries))
    # ÷ --help: the later runs' median over that of plangraph --help run just before each
    out.append(" " * first + f"{'first run s':>14}{'then ms':>10}{'÷ --help':>10}")
    for label, info in queries.items():
        pad = " " * (first - display_width(label))
        ratio = info["seconds"] / max(info["help"], 1e-9)
        out.append(
            f"  {label}{pad[2:]}{info['first']:>14.2f}{info['seconds'] * 1000:>10.0f}{ratio:>9.1f}x"
        )
    for when, key in (("first run", "first"), ("later runs", "seconds")):
        fast = [k for k, v in queries.items() if v[key] < CLI_GOAL]
        slow = [k for k in queries if k not in fast]
        out.append(
            f"under {goal:.0f} ms, {when}: {len(fast)} of {len(queries)}"
            + (f"; over: {', '.join(slow)}" if slow else "")
        )
    return "\n".join(out)


if __name__ == "__main__":
    main()
