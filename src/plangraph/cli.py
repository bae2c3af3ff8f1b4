"""The command line: each command parses options, calls one API function and prints.

Heavy libraries (rdflib, pyoxigraph, networkx, pyvis) are imported inside the commands so
that ``plangraph --help`` starts fast.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__

F = TypeVar("F", bound=Callable[..., Any])

GRAPH_OPTION = click.option(
    "--graph",
    "graph",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Graph file to read [default: out/plangraph.ttl, built from the bundled plans if "
    "missing].",
)


def domain_errors(command: F) -> F:
    """Turn plangraph's errors into one-line messages with exit code 1."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .errors import PlangraphError

        try:
            return command(*args, **kwargs)
        except PlangraphError as error:
            raise click.ClickException(str(error)) from None
        except KeyboardInterrupt:
            raise click.Abort() from None

    return wrapper  # type: ignore[return-value]


def say_built(result: Any) -> None:
    if result is not None:
        click.echo(f"note: {result.path} was missing; built it from the bundled plans", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--outdir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder to write plangraph.ttl into.",
)
@click.option("--strict", is_flag=True, help="Fail when a plan's counts disagree with its preface.")
@domain_errors
def build(inputs: tuple[Path, ...], outdir: Path, strict: bool) -> None:
    """Build the graph from plan files or folders (default: the bundled seed plans).

    Reads every plan (a combined release file, one plan per file, or a folder of .txt
    files), extracts targets, places, agencies and themes, and writes OUTDIR/plangraph.ttl.

    \b
    Example:
      plangraph build
      plangraph build plans/ -o out/
      plangraph build one-plan.txt --strict
    """
    from . import api

    result = api.build(list(inputs) or None, outdir, strict=strict)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(result.summary())


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "nt", "jsonld", "xml"]),
    default="ttl",
    show_default=True,
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write."
)
@GRAPH_OPTION
@domain_errors
def export(fmt: str, output: Path | None, graph: Path | None) -> None:
    """Export the graph as Turtle, N-Triples, JSON-LD or RDF/XML.

    \b
    Example:
      plangraph export --format nt -o out/plangraph.nt
      plangraph export --format jsonld > plangraph.jsonld
    """
    from . import api

    path, data = api.export(fmt, output, graph)
    if path is None:
        sys.stdout.buffer.write(data)
    else:
        click.echo(f"wrote {path} ({len(data)} bytes)")


@cli.command()
@GRAPH_OPTION
@domain_errors
def stats(graph: Path | None) -> None:
    """Count regions, plans, sections, tasks, sentences, targets, places … in the graph.

    \b
    Example:
      plangraph stats --graph out/plangraph.ttl
    """
    from . import api

    path, built = api.ensure_graph(graph)
    say_built(built)
    counts = api.stats(path)
    width = max(len(k) for k in counts)
    for key, value in counts.items():
        click.echo(f"{key:<{width}}  {value:>8}")


@cli.command()
@GRAPH_OPTION
@domain_errors
def validate(graph: Path | None) -> None:
    """Validate the graph against the SHACL shapes; exit 1 when it does not conform.

    \b
    Example:
      plangraph validate --graph out/plangraph.ttl
    """
    from . import api

    path, built = api.ensure_graph(graph)
    say_built(built)
    report = api.validate(path)
    if report.conforms:
        click.echo(f"{path}: conforms to the plangraph shapes")
        return
    for violation in report.violations:
        click.echo(str(violation))
    raise click.ClickException(
        f"{path}: does not conform: {len(report.violations)} violation(s) listed above"
    )


def main() -> None:
    cli()
