"""plangraph.sparql and `plangraph query`: named queries, parameter binding, formats, refusals.

These tests run on the structural part of the seed graph (plans, sections, tasks,
sentences), which does not depend on extraction; tests/test_queries_seed.py checks each named
query's answers on the full seed graph.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.plugins.sparql import prepareQuery

import plangraph
from plangraph import sparql as q
from plangraph.cli import cli
from plangraph.errors import QueryError
from plangraph.graph import corpus_triples, to_turtle
from plangraph.model import Corpus, Plan

QUERY_NAMES = sorted(q.named_queries())
TAIPU_5 = "深化太浦河、新安江—千岛湖等跨界水体协同保护与一体化监管。"
TAIPU_21 = (
    "巩固提升标准、监测、执法“三统一”工作成效,推进监测数据常态化共享,深化生态环境领域行政执法协作,"
    "加快建立太浦河多元化生态保护补偿机制。"
)


@pytest.fixture(scope="module")
def structure_file(tmp_path_factory: pytest.TempPathFactory, plans: tuple[Plan, ...]) -> Path:
    """The seed plans' structure only (no extraction) as Turtle."""
    path = tmp_path_factory.mktemp("structure") / "structure.ttl"
    path.write_bytes(to_turtle(corpus_triples(Corpus(plans))))
    return path


@pytest.fixture(scope="module")
def store(structure_file: Path) -> ox.Store:
    return q.cached_store(structure_file)


# --------------------------------------------------------------------------- the .rq files


def test_there_is_a_named_query_for_every_question_of_the_issue() -> None:
    assert set(QUERY_NAMES) >= {
        "shared-themes",
        "unique-themes",
        "indicator-across-regions",
        "targets-due-by",
        "aspirational-targets",
        "targets-with-base-year",
        "scoped-targets",
        "places-by-type",
        "places-in-region",
        "cross-region-places",
        "tasks-naming-place",
        "agencies-per-plan",
        "tasks-naming-agency",
        "shared-task-pairs",
        "tasks-per-section",
        "search-tasks",
        "target-source",
        "overview",
    }


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_query_file_parses_and_documents_itself(name: str) -> None:
    named = q.get_query(name)
    assert named.summary and not named.summary.startswith("param")
    assert len(named.summary) <= 100, "the summary is one line of --list"
    # rdflib's parser, independent of the engine: the query is standard SPARQL 1.1
    prepareQuery(named.text)
    variables = q.query_variables(named.text)
    for param in named.params:
        assert param.name in variables, f"?{param.name} is declared but not used"
        assert param.doc, f"parameter {param.name} has no description"
    assert q.query_form(named.text) == "SELECT"
    assert "ORDER BY" in named.text, "rows must come in a stable order"


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_query_runs_with_its_parameters_bound(name: str, store: ox.Store) -> None:
    named = q.get_query(name)
    params = {p.name: "x" for p in named.params if p.default is None}
    bindings = q.named_bindings(named, params)
    bound = q.bind_values(named.text, bindings, named.source)
    prepareQuery(bound)  # still valid SPARQL for another parser
    result = q.run(store, named.text, bindings, named.source)
    assert result.kind == "select"
    assert result.variables and not set(result.variables) & {p.name for p in named.params}


def test_header_parsing() -> None:
    text = (
        "# What it answers.\n#\n# More detail.\n"
        "# param: place (string, default 太浦河) the place\n# param: year (year) due year\n"
        '# param: any (literal, default "") optional\nSELECT * WHERE { ?s ?p ?o }\n'
    )
    named = q.parse_header("x", text)
    assert named.summary == "What it answers."
    assert named.description == "What it answers.\n\nMore detail."
    assert named.params == (
        q.Param("place", "string", "太浦河", "the place"),
        q.Param("year", "year", None, "due year"),
        q.Param("any", "string", "", "optional"),
    )
    with pytest.raises(QueryError, match=r"queries/x.rq:2: unknown parameter kind 'date'"):
        q.parse_header("x", "# Q.\n# param: when (date) d\nSELECT * {}")
    with pytest.raises(QueryError, match=r"queries/x.rq:2: malformed parameter line"):
        q.parse_header("x", "# Q.\n# param: when date\nSELECT * {}")
    with pytest.raises(QueryError, match="expected a comment saying what the query answers"):
        q.parse_header("x", "SELECT * {}")


# --------------------------------------------------------------------------- binding


def test_parameters_become_typed_terms() -> None:
    assert q.to_term("y", "2027", "year") == ox.Literal(
        "2027", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYear")
    )
    assert q.to_term("n", " 3 ", "integer") == ox.Literal(
        "3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    )
    assert q.to_term("p", "太浦河", "zh") == ox.Literal("太浦河", language="zh")
    assert q.to_term("p", " 太浦河 ", "string") == ox.Literal(" 太浦河 ")
    assert q.to_term("i", "https://x.org/a", "iri") == ox.NamedNode("https://x.org/a")
    assert q.to_term("b", "yes", "boolean").value == "true"
    # ad hoc queries: literals, or IRIs written <…>, and Python values by type
    assert q.to_term("w", "湿地") == ox.Literal("湿地")
    assert q.to_term("w", "<https://x.org/a>") == ox.NamedNode("https://x.org/a")
    assert q.to_term("w", 7).datatype.value.endswith("#integer")  # type: ignore[union-attr]
    assert q.to_term("w", True).value == "true"
    for kind, bad in [
        ("year", "20x7"),
        ("integer", "3.5"),
        ("iri", "not an iri"),
        ("boolean", "?"),
    ]:
        with pytest.raises(QueryError, match=rf"parameter v={re.escape(bad)}: expected"):
            q.to_term("v", bad, kind)


def test_values_are_bound_as_terms_never_as_query_text(store: ox.Store) -> None:
    text = q.get_query("search-tasks").text
    hostile = '" ) ) } ?s ?p ?o . FILTER (true'
    bound = q.bind_values(text, {"text": ox.Literal(hostile)})
    # the main group and the nested group that filters the task texts
    assert bound.count("VALUES ?text {") == 2
    assert q.run(store, text, {"text": ox.Literal(hostile)}).rows == []
    assert len(q.run(store, text, {"text": ox.Literal("太浦河")})) == 2


def test_values_open_each_group_that_uses_the_variable() -> None:
    term = {"x": ox.Literal("v")}
    bound = q.bind_values("SELECT ?x { ?s ?p ?x }", term)
    assert bound == 'SELECT ?x { VALUES ?x { "v" }  ?s ?p ?x }'
    construct = "CONSTRUCT { ?s <http://p> ?x } WHERE { ?s ?p ?x }"
    assert q.bind_values(construct, term).endswith('WHERE { VALUES ?x { "v" }  ?s ?p ?x }')
    tricky = (
        "PREFIX select: <http://s#>\n# { not this\n"
        'SELECT ?x (CONCAT("{", ?x) AS ?y) WHERE { ?s ?p ?x }'
    )
    assert q.bind_values(tricky, term).endswith('WHERE { VALUES ?x { "v" }  ?s ?p ?x }')
    nested = "SELECT ?n WHERE { { SELECT (COUNT(?s) AS ?n) WHERE { ?s ?p ?x } } }"
    assert q.bind_values(nested, term) == (
        'SELECT ?n WHERE { VALUES ?x { "v" }  { SELECT (COUNT(?s) AS ?n) WHERE {'
        ' VALUES ?x { "v" }  ?s ?p ?x } } }'
    )
    # UNION branches, OPTIONAL and EXISTS groups get it too (Oxigraph does not carry a
    # binding into them); groups without the variable and VALUES data blocks are left alone
    branches = (
        "SELECT ?s { { ?s ?p ?x } UNION { ?s ?p ?o } "
        "OPTIONAL { ?s ?q ?x } FILTER EXISTS { ?x ?p ?s } VALUES ?s { <http://a> } }"
    )
    assert q.bind_values(branches, term) == (
        'SELECT ?s { VALUES ?x { "v" }  { VALUES ?x { "v" }  ?s ?p ?x } UNION { ?s ?p ?o } '
        'OPTIONAL { VALUES ?x { "v" }  ?s ?q ?x } FILTER EXISTS { VALUES ?x { "v" }  ?x ?p ?s }'
        " VALUES ?s { <http://a> } }"
    )
    with pytest.raises(QueryError, match=r"the query has no variable \?y to bind"):
        q.bind_values("SELECT * { ?s ?p ?x }", {"y": ox.Literal("v")})
    with pytest.raises(QueryError, match="short form CONSTRUCT WHERE"):
        q.bind_values("CONSTRUCT WHERE { ?s ?p ?x }", term)


def test_a_name_binds_its_plain_chinese_and_english_literals_without_multiplying_rows() -> None:
    names = q.to_binding("place", " 太浦河 ", "name")
    assert names == (
        ox.Literal("太浦河"),
        ox.Literal("太浦河", language="zh"),
        ox.Literal("太浦河", language="en"),
    )
    text = "SELECT ?t { { SELECT DISTINCT ?p WHERE { ?p <http://l> ?place } } ?t <http://m> ?p }"
    bound = q.bind_values(text, {"place": names})
    # only the subquery uses ?place: the outer group is not multiplied by three rows
    assert bound == (
        "SELECT ?t { { SELECT DISTINCT ?p WHERE { "
        'VALUES ?place { "太浦河" "太浦河"@zh "太浦河"@en }  ?p <http://l> ?place } }'
        " ?t <http://m> ?p }"
    )


def test_a_node_is_an_iri_or_a_path_under_the_id_namespace() -> None:
    iri = "https://w3id.org/plangraph/id/plan/jjj-2025/target/1"
    assert q.to_binding("target", iri, "node") == ox.NamedNode(iri)
    assert q.to_binding("target", f"<{iri}>", "node") == ox.NamedNode(iri)
    assert q.to_binding("target", "jjj-2025/target/1", "node") == (
        ox.NamedNode("https://w3id.org/plangraph/id/jjj-2025/target/1"),
        ox.NamedNode(iri),
    )
    with pytest.raises(QueryError, match=r"parameter target=a b: expected an IRI or a path"):
        q.to_binding("target", "a b", "node")


def test_an_optional_parameter_left_empty_is_unbound_or_the_empty_string() -> None:
    # declared (string, optional): not bound, so the query joins on a free variable
    assert q.named_bindings(q.get_query("targets"), {}) == {}
    assert q.named_bindings(q.get_query("targets"), {"plan": " "}) == {}
    assert q.named_bindings(q.get_query("targets"), {"plan": "jjj-2025"}) == {
        "plan": ox.Literal("jjj-2025")
    }
    # declared (KIND, default ""): bound to "", which the query reads as "every …"
    assert q.named_bindings(q.get_query("target-source"), {}) == {"target": ox.Literal("")}
    [param] = q.get_query("targets").params
    assert param.unbound and param.describe().startswith("plan (string, optional)")


def test_named_query_parameters_are_checked() -> None:
    named = q.get_query("targets-due-by")
    with pytest.raises(QueryError, match=r"no parameter 'yaer'; this query's parameters: year"):
        q.named_bindings(named, {"yaer": 2027})
    with pytest.raises(QueryError, match=r"parameter 'text' is required \(--param text=VALUE\)"):
        q.named_bindings(q.get_query("search-tasks"), {})
    with pytest.raises(QueryError, match="did you mean tasks-naming-place"):
        q.get_query("tasks-naming-plce")


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://a> <http://b> <http://c> }",
        "PREFIX pg: <https://w3id.org/plangraph/ontology#>\ndelete where { ?s pg:x ?o }",
        "# a comment\nLOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
        "DROP GRAPH <http://a>",
        "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
)
def test_updates_are_refused_before_reaching_the_engine(store: ox.Store, update: str) -> None:
    with pytest.raises(QueryError, match=r"SPARQL UPDATE \(\w+\) is refused: .* read-only"):
        q.run(store, update)


def test_a_prefix_named_like_an_update_keyword_is_not_an_update(store: ox.Store) -> None:
    result = q.run(store, "PREFIX insert: <http://x#>\nASK { ?s ?p ?o }")
    assert result.kind == "ask" and result.boolean is True


def test_malformed_sparql_gives_the_parser_message(store: ox.Store) -> None:
    with pytest.raises(QueryError) as caught:
        q.run(store, "SELECT ?x WHERE { ?x ?y }", source="bad.rq")
    message = str(caught.value)
    assert message.startswith("bad.rq: invalid SPARQL: error at 1:")
    assert "\n" not in message


# --------------------------------------------------------------------------- results


def test_tasks_per_section_on_the_structure(store: ox.Store) -> None:
    result = plangraph.query("tasks-per-section", store)
    counts: dict[str, list[int]] = {}
    for row in result.rows:
        counts.setdefault(row["plan_id"], []).append(row["tasks"])
    assert counts == {
        "gba-2025": [0, 4, 3, 2, 3, 3, 4, 3],
        "jjj-2025": [0, 4, 4, 3, 3, 3, 5],
        "yrd-2025": [0, 3, 6, 3, 7, 3],
    }
    assert result.rows[8] == {
        "region": None,
        "plan_id": "jjj-2025",
        "section": 1,
        "title": "总体要求",
        "tasks": 0,
    }


def test_search_finds_the_taipu_river_in_yangtze_delta_tasks_5_and_21(store: ox.Store) -> None:
    result = plangraph.query("search-tasks", store, text="太浦河")
    assert [(r["plan_id"], r["task"], r["title"], r["sentence"]) for r in result.rows] == [
        ("yrd-2025", 5, "推进水污染系统治理", TAIPU_5),
        ("yrd-2025", 21, "高水平建设一体化示范区", TAIPU_21),
    ]
    plan = next(
        node
        for node in plangraph.query("SELECT ?t { ?p pg:identifier 'yrd-2025' ; pg:text ?t }", store)
    )
    for row in result.rows:
        assert plan["t"][row["start"] : row["end"]] == row["sentence"]
    # case-insensitive for Latin letters
    assert len(plangraph.query("search-tasks", store, text="vocs")) == 1


def test_rows_hold_python_values(store: ox.Store) -> None:
    result = plangraph.query(
        "SELECT ?n ?d ?y ?b ?s ?iri ?none WHERE { BIND(3 AS ?n) BIND(2.50 AS ?d) "
        'BIND("2027"^^xsd:gYear AS ?y) BIND(false AS ?b) BIND("湿地"@zh AS ?s) '
        "BIND(pg:Task AS ?iri) }",
        store,
    )
    from decimal import Decimal

    assert result.variables == ["n", "d", "y", "b", "s", "iri", "none"]
    assert result.rows == [
        {
            "n": 3,
            "d": Decimal("2.5"),
            "y": 2027,
            "b": False,
            "s": "湿地",
            "iri": "https://w3id.org/plangraph/ontology#Task",
            "none": None,
        }
    ]
    assert result.column("n") == [3]


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml"])
def test_formats_are_the_w3c_results_formats_as_oxigraph_writes_them(
    store: ox.Store, fmt: str
) -> None:
    text = q.get_query("tasks-per-section").text
    bindings = q.named_bindings(q.get_query("tasks-per-section"), {"plan": "jjj-2025"})
    ours = q.run(store, text, bindings).serialize(fmt)
    engine = store.query(q.bind_values(text, bindings))
    assert isinstance(engine, ox.QuerySolutions)
    assert ours == engine.serialize(format=q.RESULT_FORMATS[fmt])


def test_json_results_and_csv_content(store: ox.Store) -> None:
    result = plangraph.query("tasks-per-section", store, plan="jjj-2025")
    document = json.loads(result.serialize("json"))
    assert document["head"]["vars"] == ["region", "plan_id", "section", "title", "tasks"]
    assert document["results"]["bindings"][1]["title"] == {
        "type": "literal",
        "value": "建设绿色低碳转型先行区",
        "xml:lang": "zh",
    }
    assert result.serialize("csv").decode().splitlines()[:3] == [
        "region,plan_id,section,title,tasks",
        ",jjj-2025,1,总体要求,0",
        ",jjj-2025,2,建设绿色低碳转型先行区,4",
    ]
    with pytest.raises(QueryError, match="not ttl"):
        result.serialize("ttl")


def test_ask_and_construct(store: ox.Store) -> None:
    ask = plangraph.query("ASK { ?t a pg:Task ; pg:ordinal 22 }", store)
    assert ask.kind == "ask" and ask.boolean is True and ask.table() == "true\n"
    assert json.loads(ask.serialize("json")) == {"head": {}, "boolean": True}
    graph = plangraph.query(
        "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a pg:Section ; pg:ordinal 1 ; rdfs:label ?l }",
        store,
    )
    assert graph.kind == "graph" and len(graph.triples) == 3
    assert b"@prefix rdfs:" in graph.serialize("ttl")
    assert {row["object"] for row in graph.rows} == {"总体要求"}


def test_table_aligns_chinese_text_by_display_width(store: ox.Store) -> None:
    result = plangraph.query("tasks-per-section", store, plan="yrd-2025")
    assert result.table() == (
        "region  plan_id   section  title                     tasks\n"
        "------  --------  -------  ------------------------  -----\n"
        "        yrd-2025        1  总体要求                      0\n"
        "        yrd-2025        2  共建绿色低碳发展高地          3\n"
        "        yrd-2025        3  共创生态环境协同治理样板      6\n"
        "        yrd-2025        4  共营生态保护系统格局          3\n"
        "        yrd-2025        5  共耕生态文明先行试验田        7\n"
        "        yrd-2025        6  共塑美丽长三角特色样板        3\n"
        "(6 rows)\n"
    )


def test_table_clips_long_cells_and_flattens_newlines() -> None:
    assert q.display_width("太浦河") == 6
    assert q.display_width("ＡＢc") == 5
    assert q.display_width("PM2.5") == 5
    assert q._clip("一二三四五六", 7) == "一二三…"
    assert q.display_width(q._clip("一二三四五六", 7)) <= 7
    assert q._display({"type": "literal", "value": "a\nb"}) == "a b"
    assert q._display({"type": "uri", "value": "https://w3id.org/plangraph/id/plan/x"}) == (
        "id:plan/x"
    )


def test_query_accepts_a_path_a_store_and_an_rdflib_graph(
    structure_file: Path, store: ox.Store
) -> None:
    expected = plangraph.query("tasks-per-section", store).rows
    assert plangraph.query("tasks-per-section", structure_file).rows == expected
    assert plangraph.query("tasks-per-section", str(structure_file)).rows == expected
    memory = rdflib.Graph().parse(structure_file, format="turtle")
    assert plangraph.query("tasks-per-section", memory).rows == expected
    assert plangraph.query("tasks-per-section", plangraph.load_graph(structure_file)).rows == (
        expected
    )


def test_the_named_queries_give_the_same_rows_on_rdflib(
    store: ox.Store, structure_file: Path
) -> None:
    """The .rq files are portable SPARQL: rdflib's own engine agrees with Oxigraph."""
    memory = rdflib.Graph().parse(structure_file, format="turtle")
    named = q.get_query("tasks-per-section")
    bound = q.bind_values(named.text, q.named_bindings(named, {"plan": "gba-2025"}))
    theirs = [[int(row.tasks)] for row in memory.query(bound)]  # type: ignore[union-attr]
    ours = [[row["tasks"]] for row in plangraph.query(named.name, store, plan="gba-2025")]
    assert theirs == ours


# --------------------------------------------------------------------------- CLI


def test_cli_lists_the_named_queries(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["query", "--list"])
    assert result.exit_code == 0, result.output
    names = [line.split()[0] for line in result.output.splitlines() if not line.startswith(" ")]
    assert names == QUERY_NAMES
    assert '--param place (name, default "太浦河") the place' in result.output
    assert "--param plan (string, optional) a plan identifier" in result.output


def test_cli_runs_a_named_query_with_parameters(runner: CliRunner, structure_file: Path) -> None:
    args = ["query", "search-tasks", "--param", "text=太浦河", "--graph", str(structure_file)]
    result = runner.invoke(cli, [*args, "--format", "tsv"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "?region\t?plan_id\t?task\t?title\t?sentence\t?start\t?end"
    assert [line.split("\t")[2] for line in lines[1:]] == ["5", "21"]
    # not a terminal: CSV by default
    plain = runner.invoke(cli, args)
    assert plain.stdout_bytes.startswith(b"region,plan_id,task,title,sentence,start,end\r\n")
    table = runner.invoke(cli, [*args, "-f", "table", "--width", "0"])
    assert TAIPU_21 in table.output and table.output.endswith("(2 rows)\n")


def test_cli_runs_sparql_text_and_query_files(
    runner: CliRunner, structure_file: Path, tmp_path: Path
) -> None:
    sparql = (
        "SELECT ?l WHERE { ?t a pg:Task ; rdfs:label ?l FILTER (CONTAINS(?l, ?w)) } ORDER BY ?l"
    )
    result = runner.invoke(
        cli, ["query", "-e", sparql, "-p", "w=无废", "-f", "csv", "--graph", str(structure_file)]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "l",
        "全域推进“无废城市”建设",
        "共建“无废湾区”",
        "携手建设全域“无废城市”",
    ]
    file = tmp_path / "mine.rq"
    file.write_text("# mine\n" + sparql.replace("?w", '"湾区"'), encoding="utf-8")
    result = runner.invoke(cli, ["query", str(file), "-f", "csv", "--graph", str(structure_file)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:] == ["共建“无废湾区”", "维护湾区一体化生态系统"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-e", "INSERT DATA { <http://a> <http://b> <http://c> }"], "is refused"),
        (["-e", "SELECT ?x WHERE { ?x ?y }"], "query: invalid SPARQL: error at 1:"),
        (["targets-due-by", "-p", "year=soon"], "parameter year=soon: expected a four-digit"),
        (["no-such-query"], "no named query 'no-such-query'"),
        (["missing.rq"], "missing.rq: cannot read"),
    ],
)
def test_cli_errors_are_one_line(
    runner: CliRunner, structure_file: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(cli, ["query", *args, "--graph", str(structure_file)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1
    assert message in result.output


def test_cli_needs_exactly_one_query(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["query"]).exit_code == 2
    assert runner.invoke(cli, ["query", "overview", "-e", "ASK {}"]).exit_code == 2
    result = runner.invoke(cli, ["query", "overview", "-p", "novalue"])
    assert result.exit_code == 2 and "expected KEY=VALUE" in result.output


def test_help_imports_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from plangraph.cli import cli\n"
        "for args in (['--help'], ['query', '--help'], ['serve', '--help'], ['push', '--help']):\n"
        "    assert CliRunner().invoke(cli, args).exit_code == 0\n"
        "heavy = {'rdflib', 'pyoxigraph', 'networkx', 'pyvis', 'pyshacl'} & set(sys.modules)\n"
        "print(sorted(heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
