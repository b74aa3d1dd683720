"""What every rapport command has in common, so that a new command gets it by being declared.

A command made with ``@main.command(examples=[...])`` (the group is a ``RapportGroup``) gets:

* ``--quiet`` (only errors, and the JSON asked for) and ``--verbose`` (the library's log and
  the time each document took), on stderr;
* ``--json`` when declared with ``json_output=True``, passed to the function as ``as_json``;
* its ``--help`` ending with the examples given;
* the exit codes: 0 ok, 1 problems in the inputs (each printed at its place, or as JSON),
  2 a mistake in the command (an unknown client or wave, with "did you mean"), 130 on Ctrl-C;
* with ``long_running=True``, a live line on a terminal from the first moment, before the
  heavy libraries are imported.

Only this module and ``cli.py`` know about click; the library raises its own exceptions.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Sequence
from typing import Any

import click

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C

OUTPUT_KEY = "rapport.output"


class Output:
    """Where a command's lines go, according to --quiet, --verbose and --json."""

    def __init__(self, *, quiet: bool, verbose: bool, as_json: bool, command: str):
        from generator.progress import LineProgress

        self.quiet = quiet
        self.verbose = verbose
        self.as_json = as_json
        # With --json, stdout carries the JSON alone: the lines for people go to stderr.
        stream = sys.stderr if as_json else sys.stdout
        self.progress = LineProgress(
            stream,
            sys.stderr,
            live=not quiet and _is_terminal(sys.stderr),
            quiet=quiet,
            timings=verbose,
        )

    def say(self, line: str) -> None:
        """A line of what was done ("wrote …"): stdout, or stderr under --json; not with --quiet."""
        self.progress.line(line)

    def note(self, line: str) -> None:
        """A warning or a count of problems: always on stderr, except with --quiet."""
        if not self.quiet:
            self.progress.line(line, err=True)

    def json(self, data: Any) -> None:
        self.progress.clear()
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))

    def close(self) -> None:
        self.progress.close()


def output() -> Output:
    """The Output of the command running now."""
    return click.get_current_context().meta[OUTPUT_KEY]


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


QUIET = click.Option(
    ["--quiet", "-q"], is_flag=True, help="Print only errors (and the JSON asked for)."
)
VERBOSE = click.Option(
    ["--verbose", "-v"], is_flag=True, help="Also print what happens inside, with timings."
)
JSON_HELP = "Print the result as JSON for scripts (docs/json.md)."


class RapportCommand(click.Command):
    """A command with the conventions above; ``examples`` become the end of its --help."""

    def __init__(
        self,
        *args,
        examples: Sequence[str] = (),
        json_output: bool = False,
        json_help: str = JSON_HELP,
        long_running: bool = False,
        **kwargs,
    ):
        if examples:
            listed = "\n".join(f"  {example}" for example in examples)
            kwargs["epilog"] = f"\b\nExamples:\n{listed}"
        super().__init__(*args, **kwargs)
        self.json_output = json_output
        self.long_running = long_running
        self.params += [QUIET, VERBOSE]
        if json_output:
            self.params.append(click.Option(["--json", "as_json"], is_flag=True, help=json_help))

    def invoke(self, ctx: click.Context) -> Any:
        quiet = ctx.params.pop("quiet", False)
        verbose = ctx.params.pop("verbose", False)
        as_json = bool(ctx.params.get("as_json"))
        if quiet and verbose:
            raise click.UsageError("--quiet and --verbose cannot be used together", ctx)
        _configure_logging(quiet, verbose)
        shown = Output(quiet=quiet, verbose=verbose, as_json=as_json, command=self.name or "")
        if self.long_running:
            shown.progress.phase(f"rapport {self.name}: reading the workspace")
        ctx.meta[OUTPUT_KEY] = shown
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            shown.close()
            click.echo("interrupted: nothing more was done", err=True)
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None
        except Exception as error:
            shown.close()
            _report(error, shown)
            raise
        finally:
            shown.close()


def _report(error: Exception, shown: Output) -> None:
    """Turn library errors into messages and exit codes: 1 for input problems, 2 for usage."""
    from generator.errors import InputError, RapportError, UsageProblem

    if isinstance(error, InputError):
        if shown.as_json:
            shown.json({"ok": False, "problems": [p.to_dict() for p in error.problems]})
        else:
            for problem in error.problems:
                click.echo(str(problem), err=True)
            click.echo(count(error.problems), err=True)
        raise click.exceptions.Exit(EXIT_PROBLEMS) from None
    if isinstance(error, UsageProblem):
        raise click.UsageError(str(error)) from None
    if isinstance(error, RapportError):
        raise click.ClickException(str(error)) from None


def count(problems) -> str:
    errors = sum(1 for p in problems if p.severity.value == "error")
    warnings = len(problems) - errors
    parts = [f"{errors} error{'s' * (errors != 1)}"] if errors else []
    if warnings:
        parts.append(f"{warnings} warning{'s' * (warnings != 1)}")
    return ", ".join(parts) + "."


_VERBOSE_LOG = logging.StreamHandler()
_VERBOSE_LOG.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))


def _configure_logging(quiet: bool, verbose: bool) -> None:
    # Set afresh on every call: several commands may run in one process (tests, scripts).
    log = logging.getLogger("generator")
    log.removeHandler(_VERBOSE_LOG)
    log.setLevel(logging.NOTSET)
    if verbose:
        _VERBOSE_LOG.setStream(sys.stderr)
        log.addHandler(_VERBOSE_LOG)
        log.setLevel(logging.INFO)
    elif quiet:
        log.setLevel(logging.ERROR)


class RapportGroup(click.Group):
    """A group whose commands are RapportCommands."""

    command_class = RapportCommand
