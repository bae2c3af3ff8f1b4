"""The command line: each command parses options, calls one API function and prints.

What every command shares (the ``--graph`` option that resolves and builds the graph, the
output options, the ``KEY=VALUE`` type, the group that turns errors into one line and an
exit status) is declared once, in :mod:`plangraph.cli_options`.

Heavy libraries (rdflib, pyoxigraph, networkx, pyvis) are imported inside the commands so
that ``plangraph --help`` starts fast.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import __version__
from .cli_options import (
    EXIT_STATUS,
    KEY_VALUE,
    PlangraphGroup,
    graph_option,
    outdir_option,
    output_file_option,
    output_options,
    resolve_graph,
    seconds_option,
)
from .errors import QueryError, ServerError, ValidationError, WriteError
from .server import CONNECT_TIMEOUT, TRANSFER_TIMEOUT, PushOptions

if TYPE_CHECKING:
    from .server import ServerInfo
    from .sparql import NamedQuery, QueryResult

PAGE = 50  # rows a table shows on a terminal unless --limit says otherwise


def write_out(data: bytes) -> None:
    """Write bytes to standard output, flushed; a full disk or a closed device is one line
    (a closed pipe, as in ``| head``, ends the command quietly)."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second complaint
        raise SystemExit(0) from None
    except OSError as error:
        with contextlib.suppress(OSError):  # what is left in the buffer would fail at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise WriteError(f"cannot write: {error.strerror or error}", source="<stdout>") from None


def print_result(result: QueryResult, fmt: str | None, width: int) -> None:
    """A query result as an aligned table, or in a W3C results format (None: csv, or ttl
    for a graph)."""
    if fmt == "table":
        if result.kind == "graph":
            write_out(result.serialize("ttl"))
        else:
            from .display import for_people  # µg/m³ and ≤ for reading; IRIs stay in csv/json

            click.echo(for_people(result).table(width), nl=False)
        return
    if fmt is None:
        fmt = "ttl" if result.kind == "graph" else "csv"
    write_out(result.serialize(fmt))


# --------------------------------------------------------------------------- the commands


@click.group(
    cls=PlangraphGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_STATUS,
)
@click.version_option(__version__, prog_name="plangraph")
def cli() -> None:
    """Turn Chinese regional action plans into a cited, queryable knowledge graph.

    \b
    Example:
      plangraph build                 # the bundled 2025 pioneer-zone plans -> out/plangraph.ttl
      plangraph stats
      plangraph query --list
    """


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path(readable=False, path_type=Path))
@outdir_option(Path("out"), help="Folder to write plangraph.ttl into.")
@click.option("--strict", is_flag=True, help="Fail when a plan's counts disagree with its preface.")
@click.option(
    "--analysis/--no-analysis",
    default=True,
    show_default=True,
    help="Write the analysis results (shared themes, linkages, reuse …) into the graph.",
)
@click.option(
    "-j",
    "--workers",
    type=click.IntRange(min=1),
    help="Processes extracting plans [default: the cores, at most 4]; the output is the same.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar (none is drawn off a terminal).")
def build(
    inputs: tuple[Path, ...],
    outdir: Path,
    strict: bool,
    analysis: bool,
    workers: int | None,
    quiet: bool,
) -> None:
    """Build the graph from plan files or folders (default: the bundled seed plans).

    Reads every plan (a combined release file, one plan per file, or a folder) from plain
    text (.txt, UTF-8 or GB18030), a saved web page (.html/.htm, e.g. a gov.cn article, or
    .mhtml saved as a single file), a Word document (.docx, or Word 97-2003 .doc) or a PDF
    with a text layer (.pdf; scans need OCR first); the format is recognised from the
    content.  Extracts targets, places, agencies and themes, and writes OUTDIR/plangraph.ttl.

    \b
    Example:
      plangraph build
      plangraph build plans/ -o out/
      plangraph build one-plan.txt --strict
      plangraph build saved-page.html plan.docx plan.pdf -o out/
      plangraph build big-corpus/ --no-analysis
      plangraph build big-corpus/ --workers 2 --quiet
    """
    from . import api
    from .progress import TerminalProgress

    progress = TerminalProgress(enabled=False if quiet else None)
    try:
        result = api.build(
            list(inputs) or None,
            outdir,
            strict=strict,
            analysis=analysis,
            workers=workers,
            progress=progress,
        )
    finally:
        progress.close()
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(result.summary())
    if _END_AT_ONCE:
        # the graph is written and closed: the process need not free a large corpus's
        # objects one by one on its way out (measured: 0.5-0.8 s after 1,000 plans)
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:
            return  # a closed pipe: the usual way out reports it
        os._exit(0)


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "nt", "jsonld", "xml"]),
    default="ttl",
    show_default=True,
)
@output_file_option(None, help="File to write.")
@graph_option()
def export(fmt: str, output: Path | None, graph: Path) -> None:
    """Export the graph as Turtle, N-Triples, JSON-LD or RDF/XML.

    \b
    Example:
      plangraph export --format nt -o out/plangraph.nt
      plangraph export --format jsonld > plangraph.jsonld
    """
    from . import api

    path, data = api.export(fmt, output, graph)
    if path is None:
        write_out(data)
    else:
        click.echo(f"wrote {path} ({len(data)} bytes)")


@cli.command()
@graph_option()
def stats(graph: Path) -> None:
    """Count regions, plans, sections, tasks, sentences, targets, places … in the graph.

    \b
    Example:
      plangraph stats --graph out/plangraph.ttl
    """
    from . import api

    counts = api.stats(graph)
    width = max(len(k) for k in counts)
    for key, value in counts.items():
        click.echo(f"{key:<{width}}  {value:>8}")


@cli.command(epilog=EXIT_STATUS)
@graph_option()
def validate(graph: Path) -> None:
    """Validate the graph against the SHACL shapes; exit 3 when it does not conform.

    Lists each violation on a line of its own (standard output), then says on standard
    error how many there are.  A graph that cannot be read at all exits 1.

    \b
    Example:
      plangraph validate --graph out/plangraph.ttl
    """
    from . import api

    report = api.validate(graph)
    if report.conforms:
        click.echo(f"{graph}: conforms to the plangraph shapes")
        return
    for violation in report.violations:
        click.echo(str(violation))
    raise ValidationError(
        f"does not conform: {len(report.violations)} violation(s) listed above", source=graph
    )


@cli.command()
@click.argument("query", required=False, metavar="[NAME | FILE.rq]")
@click.option("-e", "--execute", "sparql", metavar="SPARQL", help="Run this SPARQL text.")
@click.option(
    "-p",
    "--param",
    "params",
    type=KEY_VALUE,
    multiple=True,
    help="Bind ?KEY to VALUE (as the named query declares, else as a literal; <…> for an "
    "IRI). Repeatable.",
)
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and exit.")
@output_options()
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=None,
    help=f"Show at most N rows (0: all) [default: {PAGE} in a table on a terminal, else all].",
    metavar="N",
)
@click.option(
    "--offset", type=click.IntRange(min=0), default=0, metavar="M", help="Skip the first M rows."
)
@click.option(
    "--show-sparql",
    is_flag=True,
    help="Print the SPARQL that would run, parameters bound as VALUES, and exit.",
)
@graph_option(resolve=False)
def query(
    query: str | None,
    sparql: str | None,
    params: tuple[tuple[str, str], ...],
    list_queries: bool,
    fmt: str | None,
    width: int,
    limit: int | None,
    offset: int,
    show_sparql: bool,
    graph: Path | None,
) -> None:
    """Run a named query, a .rq file or SPARQL text on the graph (read-only).

    \b
    Example:
      plangraph query --list
      plangraph query tasks-naming-place --param place=太浦河
      plangraph query targets-due-by -p year=2027 --format csv > targets.csv
      plangraph query targets --offset 50 --limit 50
      plangraph query targets-due-by -p year=2027 --show-sparql   # for another store
      plangraph query my-question.rq
      plangraph query -e 'SELECT ?l { ?t a pg:Task ; rdfs:label ?l FILTER(CONTAINS(?l, ?w)) }' \\
          -p w=湿地
    """
    from . import api

    if list_queries:
        _print_query_list(api.list_queries())
        return
    if (query is None) == (sparql is None):
        raise click.UsageError(
            "give a query NAME, a FILE.rq or -e SPARQL (see 'plangraph query --list')"
        )
    bindings = dict(params)
    name = sparql if sparql is not None else str(query)
    if show_sparql:
        click.echo(api.query_text(name, bindings))
        return
    if limit is None:
        limit = PAGE if fmt == "table" else 0
    path = resolve_graph(graph)
    from . import store

    # a kept store loaded now answers the named listings ahead after this answer is shown
    deferring, store.DEFER_WARM = store.DEFER_WARM, True
    try:
        result = api.query(name, path, limit=limit or None, offset=offset, bindings=bindings)
        print_result(result, fmt, width)
        sys.stdout.flush()
    finally:
        store.DEFER_WARM = deferring
        store.answer_ahead()


def _print_query_list(queries: Sequence[NamedQuery]) -> None:
    width = max((len(q.name) for q in queries), default=0)
    for named in queries:
        click.echo(f"{named.name:<{width}}  {named.summary}")
        for param in named.params:
            click.echo(f"{'':<{width}}    --param {param.describe()}")


@cli.command()
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; the default keeps the server private to this machine.",
)
@click.option(
    "--writable", is_flag=True, help="Accept SPARQL UPDATE and Graph Store writes (oxigraph serve)."
)
@click.option(
    "--store",
    type=click.Path(file_okay=False, readable=False, path_type=Path),
    default=None,
    help="Folder of the persistent Oxigraph store [default: out/oxigraph].",
)
@graph_option()
def serve(port: int, host: str, writable: bool, store: Path | None, graph: Path) -> None:
    """Serve the graph as a SPARQL 1.1 endpoint (Oxigraph) until Ctrl-C.

    Loads the graph into a persistent Oxigraph store (reused while the graph file is
    unchanged) and serves the SPARQL 1.1 Protocol at /query, the Graph Store Protocol at
    /store and a query UI at /.  Read-only unless --writable.

    \b
    Example:
      plangraph serve
      plangraph serve --port 8080 --graph out/plangraph.ttl
      plangraph serve --writable --store /tmp/plangraph-store
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 3' \\
           http://127.0.0.1:7878/query
    """
    from . import api

    def ready(info: ServerInfo) -> None:
        if info.reloaded:
            click.echo(f"loaded {graph} into the store {info.location}", err=True)
        click.echo(f"SPARQL endpoint: {info.endpoint}")
        click.echo(f"query UI:        {info.ui}")
        if info.writable:
            click.echo(f"SPARQL update:   {info.update}")
            click.echo(f"graph store:     {info.store}")
        mode = "writable" if info.writable else "read-only"
        click.echo(f"serving {graph} ({mode}); press Ctrl-C to stop", err=True)
        sys.stdout.flush()

    status = api.serve(graph, host=host, port=port, writable=writable, store=store, on_ready=ready)
    if status != 0:
        raise ServerError(f"the oxigraph server stopped with exit status {status}")
    click.echo("stopped", err=True)


@cli.command()
@click.argument("url")
@click.option("--graph-iri", metavar="IRI", help="Put the triples in this named graph.")
@click.option(
    "--append", is_flag=True, help="Add to the graph (POST) instead of replacing it (PUT)."
)
@click.option("--user", help="User name; logs in with HTTP Digest or Basic, as the server asks.")
@click.option(
    "--password",
    envvar="PLANGRAPH_PASSWORD",
    help="Password for --user [env: PLANGRAPH_PASSWORD; asked for on a terminal].",
)
@seconds_option(
    "--timeout",
    TRANSFER_TIMEOUT,
    minimum=1,
    help="Seconds the server may stay silent while the graph is sent and loaded.",
)
@seconds_option(
    "--connect-timeout", CONNECT_TIMEOUT, minimum=0.1, help="Seconds to open the connection."
)
@graph_option()
def push(
    url: str,
    graph_iri: str | None,
    append: bool,
    user: str | None,
    password: str | None,
    timeout: float,
    connect_timeout: float,
    graph: Path,
) -> None:
    """Send the graph to a SPARQL 1.1 Graph Store Protocol endpoint.

    URL is the store's Graph Store endpoint; ?default (or ?graph=IRI) is added.  The
    graph replaces what is there (HTTP PUT) unless --append (POST).

    \b
    Example:
      plangraph push http://127.0.0.1:7878/store                 # plangraph serve --writable
      plangraph push http://localhost:3030/plans/data --user admin   # Apache Jena Fuseki
      plangraph push http://localhost:7200/repositories/plans/rdf-graphs/service \\
          --graph-iri https://w3id.org/plangraph/id/graph         # GraphDB
      plangraph push http://localhost:8890/sparql-graph-crud-auth --user dba \\
          --graph-iri https://w3id.org/plangraph/id/graph         # Virtuoso (Digest)
    """
    from . import api

    if user is not None and password is None and sys.stdin.isatty():
        password = click.prompt(f"password for {user}", hide_input=True, default="")
    options = PushOptions(graph_iri, user, password, append, timeout, connect_timeout)
    click.echo(api.push(url, graph, options).summary())


@cli.command()
@outdir_option(Path("out/views"), help="Folder to write the views and index.html into.")
@click.option(
    "--view",
    metavar="NAME",
    help="Only this view: crosswalk, theme-matrix, overview, region-theme, linkages, places, "
    "plans or plan-<id>.",
)
@click.option("--region", metavar="R", help="Only this region (id or name, e.g. jjj or 京津冀).")
@click.option("--theme", metavar="T", help="Only tasks carrying this theme (id or label).")
@click.option(
    "--per-plan/--no-per-plan",
    default=None,
    help="A page per plan [default: only for corpora of up to 20 plans].",
)
@graph_option()
def viz(
    outdir: Path,
    view: str | None,
    region: str | None,
    theme: str | None,
    per_plan: bool | None,
    graph: Path,
) -> None:
    """Write interactive HTML views of the graph that open offline in any browser.

    Writes the task crosswalk (plans as columns, same-matter tasks side by side) and the
    theme × region matrix first, then the drawings overview, region-theme, linkages, places
    and one plan-<id> view per plan (on corpora of more than 20 plans only with --per-plan),
    an index.html linking them, and one local copy of the libraries in lib/: the pages open
    offline, no network access.

    \b
    Example:
      plangraph viz                               # out/views/index.html
      plangraph viz --view crosswalk -o views/
      plangraph viz --view theme-matrix --region jjj
      plangraph viz --view overview --region 京津冀 --theme air
      plangraph viz --graph big/plangraph.ttl --per-plan   # also a page per plan
    """
    from . import api

    paths = api.write_views(outdir, graph, view=view, region=region, theme=theme, per_plan=per_plan)
    for written in paths:
        click.echo(f"wrote {written}")


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "json"]),
    default="md",
    show_default=True,
    help="Markdown for people, JSON (every result, with IRIs) for programs.",
)
@graph_option()
def analyze(fmt: str, graph: Path) -> None:
    """Analyse the graph: shared themes, linkages, text reuse, targets, centrality.

    Prints the themes all, several or one region(s) share and how alike the regions are;
    for every task the best-matching task in each other plan (by themes, places,
    indicators and text) and the places plans name outside their region; passages plans
    share verbatim or nearly, boilerplate marked; every indicator two or more plans
    target, side by side; the most central places, themes and tasks and the communities.

    \b
    Example:
      plangraph analyze
      plangraph analyze --format json > out/analysis.json
      plangraph analyze --graph out/plangraph.ttl | less
    """
    from . import api
    from .analysis import to_json, to_markdown

    result = api.analyze(graph)
    click.echo(to_json(result) if fmt == "json" else to_markdown(result), nl=False)


@cli.command()
@output_file_option(Path("out/report.html"), help="HTML file to write.")
@graph_option()
def report(output: Path, graph: Path) -> None:
    """Write the analysis as one self-contained HTML page that opens offline.

    Tables of the shared themes, linkages, text reuse, target comparison, centrality and
    communities, with relative links to the interactive views in views/ beside the page
    (written by 'plangraph viz').

    \b
    Example:
      plangraph report                             # out/report.html
      plangraph report -o out/report.html --graph out/plangraph.ttl
    """
    from . import api

    click.echo(f"wrote {api.write_report(output, graph)}")


@cli.command()
@click.option("--plan", "plan_id", default="", metavar="ID", help="Only this plan, e.g. jjj-2025.")
@output_options(width=40, graph_formats=False)
@graph_option()
def targets(plan_id: str, fmt: str | None, width: int, graph: Path) -> None:
    """List every target: indicator, value, unit, comparator, years, scope and quote.

    One row per target, in document order, with the exact quote it was read from.

    \b
    Example:
      plangraph targets
      plangraph targets --plan gba-2025
      plangraph targets --format csv > targets.csv
    """
    from . import api

    result = api.query("targets", graph, plan=plan_id)
    if plan_id and len(result) == 0:
        ids = api.query(
            "SELECT DISTINCT ?id WHERE { ?p a pg:Plan ; pg:identifier ?id } ORDER BY ?id", graph
        )
        known = [str(row["id"]) for row in ids.rows]
        if plan_id not in known:
            shown = ", ".join(known[:20]) + (", …" if len(known) > 20 else "")
            raise QueryError(f"--plan {plan_id}: no such plan in {graph}; expected one of {shown}")
    print_result(result, fmt, width)


# set by the ``plangraph`` command (not by a caller of :data:`cli`, such as a test runner):
# ``build`` ends the process as soon as its summary is out
_END_AT_ONCE = False


def main() -> None:
    global _END_AT_ONCE
    _END_AT_ONCE = True
    cli()
