"""What every ``plangraph`` command shares, declared once: the boundary of the CLI.

- :class:`PlangraphGroup`, the command group: the one place where plangraph's errors
  (:class:`plangraph.errors.PlangraphError`) become one line on standard error and the exit
  status :data:`plangraph.errors.EXIT_CODES` documents (also in ``--help``, :data:`EXIT_STATUS`);
- :func:`graph_option`, ``--graph FILE``, resolved when the command runs, the default one
  built when it is missing (and said so);
- :func:`output_options`, ``-f/--format`` and ``--width`` for commands that print a result;
- :func:`outdir_option`, :func:`output_file_option`, :func:`seconds_option`;
- :data:`KEY_VALUE`, the click parameter type of ``-p KEY=VALUE``.

Light to import (click and the standard library), so that ``plangraph --help`` starts fast.
"""

from __future__ import annotations

import functools
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import TypeVar, cast

import click

from .errors import EXIT_CODES, EXIT_ERROR, EXIT_NOT_CONFORMING, PlangraphError

F = TypeVar("F", bound=Callable[..., object])

FORMATS = ("table", "csv", "tsv", "json", "xml", "ttl", "nt")  # what -f/--format accepts
EXIT_STATUS = "\b\nExit status:\n" + "\n".join(
    f"  {code}  {meaning}" for code, meaning in EXIT_CODES.items()
)


# --------------------------------------------------------------------------- errors, once


class Failure(click.ClickException):
    """A plangraph error as click prints it: ``Error: <one line>``, exit status 1."""

    exit_code = EXIT_ERROR


class NotConforming(Failure):
    """The graph does not conform to the shapes: exit status 3."""

    exit_code = EXIT_NOT_CONFORMING


FAILURES = {failure.exit_code: failure for failure in (Failure, NotConforming)}


class OneLineUsage(click.UsageError):
    """A usage error on one line, ``Error: <what> (see 'plangraph CMD --help')``, exit 2
    (click's own prints the usage, a hint and a blank line before it)."""

    @classmethod
    def of(cls, error: click.UsageError) -> OneLineUsage:
        if isinstance(error, OneLineUsage):
            return error
        return cls(error.format_message(), error.ctx)  # exit status 2, as every usage error

    def show(self, file: object = None) -> None:
        what = one_line(self.format_message()).rstrip(".")
        where = f"; see '{self.ctx.command_path} --help'" if self.ctx is not None else ""
        click.echo(f"Error: {what}{where}", err=True)


class PlangraphGroup(click.Group):
    """The command group; the one place where plangraph's errors become one-line messages.

    Option callbacks (``--graph`` builds the default graph) run inside :meth:`invoke` too,
    so their errors are turned into messages here as well.
    """

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: object,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as error:
            raise OneLineUsage.of(error) from None

    def invoke(self, ctx: click.Context) -> object:
        _terminate_as_interrupt()
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            raise OneLineUsage.of(error) from None
        except PlangraphError as error:
            raise FAILURES[error.exit_code](one_line(str(error))) from None
        except KeyboardInterrupt:
            raise click.Abort() from None


def one_line(message: str) -> str:
    """The message on one line, safe for a terminal: control characters (a newline or an
    escape sequence in a file name) written as Python escapes."""
    return "".join(ch if ch.isprintable() or ch == " " else repr(ch)[1:-1] for ch in message)


def _terminate_as_interrupt() -> None:
    """SIGTERM ends a command as Ctrl-C does (KeyboardInterrupt), so that its cleanup runs
    (a build's temporary files go); a process forked from it still just ends."""
    main = os.getpid()

    def terminated(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != main:
            os._exit(128 + signum)
        raise KeyboardInterrupt

    try:
        if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
            signal.signal(signal.SIGTERM, terminated)
    except ValueError:  # not the main thread (e.g. under a test runner's thread)
        pass


# --------------------------------------------------------------------------- shared options


def resolve_graph(given: Path | None) -> Path:
    """The graph file to read: ``given``, or out/plangraph.ttl, built (and said so) if missing."""
    from . import api

    path, built = api.ensure_graph(given)
    if built is not None:
        click.echo(f"note: {built.path} was missing; built it from the bundled plans", err=True)
    return path


def graph_option(*, resolve: bool = True) -> Callable[[F], F]:
    """``--graph FILE``.  With ``resolve`` (the default) the command receives the graph file
    as a Path, resolved when the command runs (after its whole command line was accepted: a
    usage error builds nothing); without, the value as given (None for the default), for a
    command that resolves it with :func:`resolve_graph` only when needed."""
    option = click.option(
        "--graph",
        "graph",
        type=click.Path(dir_okay=False, readable=False, path_type=Path),
        default=None,
        help="Graph file to read [default: out/plangraph.ttl, built from the bundled plans if "
        "missing].",
    )

    def decorate(command: F) -> F:
        if not resolve:
            return option(command)

        @functools.wraps(command)
        def resolved(*args: object, graph: Path | None, **kwargs: object) -> object:
            return command(*args, graph=resolve_graph(graph), **kwargs)

        return option(cast(F, resolved))

    return decorate


def _table_on_a_terminal(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    if value is None and sys.stdout.isatty():
        return "table"
    return value


def output_options(*, width: int = 60, graph_formats: bool = True) -> Callable[[F], F]:
    """``-f/--format`` (None off a terminal without the option: csv, or ttl for a graph) and
    ``--width`` (the clip of table cells, ``width`` by default); without ``graph_formats``
    (a command that only lists rows) ttl and nt are not offered."""
    formats = FORMATS if graph_formats else tuple(f for f in FORMATS if f not in ("ttl", "nt"))

    def decorate(command: F) -> F:
        command = click.option(
            "--width",
            type=click.IntRange(min=0),
            default=width,
            show_default=True,
            help="Clip table cells to this many columns (0: never).",
        )(command)
        return click.option(
            "-f",
            "--format",
            "fmt",
            type=click.Choice(formats),
            default=None,
            callback=_table_on_a_terminal,
            help="table, or a W3C SPARQL results format (csv, tsv, json, xml); ttl or nt for "
            "CONSTRUCT [default: table on a terminal, else csv].",
        )(command)

    return decorate


def outdir_option(default: Path, *, help: str) -> Callable[[F], F]:
    """``-o/--outdir FOLDER``: where a command writes its files."""
    folder = click.Path(file_okay=False, readable=False, path_type=Path)
    return click.option(
        "-o", "--outdir", type=folder, default=default, show_default=True, help=help
    )


def output_file_option(default: Path | None, *, help: str) -> Callable[[F], F]:
    """``-o/--output FILE``: the file a command writes (None: standard output)."""
    file = click.Path(dir_okay=False, readable=False, path_type=Path)
    shown = default is not None
    return click.option("-o", "--output", type=file, default=default, show_default=shown, help=help)


def seconds_option(flag: str, default: float, *, minimum: float, help: str) -> Callable[[F], F]:
    """An option giving a number of seconds, at least ``minimum``."""
    return click.option(
        flag, type=click.FloatRange(min=minimum), default=default, show_default=True, help=help
    )


class KeyValue(click.ParamType[tuple[str, str]]):
    """``KEY=VALUE`` as the pair ``(KEY, VALUE)``; the key stripped, the value as given."""

    name = "KEY=VALUE"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[str, str]:
        if isinstance(value, tuple) and len(value) == 2:
            return str(value[0]), str(value[1])  # already a pair (a default)
        key, sep, rest = str(value).partition("=")
        if not sep or not key.strip():
            self.fail(f"{value!r}: expected KEY=VALUE", param, ctx)
        return key.strip(), rest


KEY_VALUE = KeyValue()
