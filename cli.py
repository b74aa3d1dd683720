"""The rapport command: turns options into one call of the generator library and an exit code.

Heavy libraries (WeasyPrint, openpyxl, pydantic models) are imported inside the commands that need
them, so that ``rapport --help`` stays fast.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import sys
from pathlib import Path

import click

from generator import __version__

SCHEMAS = ("engagement", "interactions", "workspace", "narrative")


def reports_problems(command):
    """Turn library errors into messages and exit codes: 1 for input problems, 2 for usage."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from generator.errors import InputError, RapportError
        from generator.validate import UnknownClient

        try:
            return command(*args, **kwargs)
        except InputError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            click.echo(_count(exc.problems), err=True)
            sys.exit(1)
        except UnknownClient as exc:
            raise click.UsageError(str(exc)) from None
        except RapportError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper


def _count(problems) -> str:
    errors = sum(1 for p in problems if p.severity.value == "error")
    warnings = len(problems) - errors
    parts = [f"{errors} error{'s' * (errors != 1)}"] if errors else []
    if warnings:
        parts.append(f"{warnings} warning{'s' * (warnings != 1)}")
    return ", ".join(parts) + "."


def _workspace_root(ctx: click.Context) -> Path:
    from generator.load.workspace import find_workspace

    return find_workspace(Path.cwd(), ctx.obj.get("workspace"))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rapport")
@click.option(
    "--workspace",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="RAPPORT_WORKSPACE",
    help="Workspace folder (default: the first folder upwards with a rapport.yaml).",
)
@click.pass_context
def main(ctx: click.Context, workspace: Path | None) -> None:
    """Satisfaction assessments and recommendation decks from engagement data kept in git."""
    ctx.obj = {"workspace": workspace}


@main.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default="Your Name", help="Your name, as printed on the deliverables.")
@reports_problems
def init(folder: Path, name: str) -> None:
    """Make a new workspace in FOLDER (default: here)."""
    from generator.scaffold import init_workspace

    for path in init_workspace(folder, name):
        click.echo(f"created {path}")


@main.command()
@click.argument("client")
@click.option("--name", help="The client's name as printed (default: from CLIENT).")
@click.option(
    "--language",
    type=click.Choice(["en", "uk", "lv"]),
    default=None,
    help="Language of the deliverables (default: the workspace's).",
)
@click.pass_context
@reports_problems
def new(ctx: click.Context, client: str, name: str | None, language: str | None) -> None:
    """Start engagements/CLIENT/ with a commented skeleton."""
    from generator.scaffold import new_engagement

    root = _workspace_root(ctx)
    if language is None:
        from generator.validate import validate_workspace

        language = validate_workspace(root, clients=[]).settings.defaults.language
    for path in new_engagement(root, client, name, language, dt.date.today()):
        click.echo(f"created {path.relative_to(root)}")


@main.command()
@click.argument("clients", nargs=-1)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.pass_context
@reports_problems
def validate(ctx: click.Context, clients: tuple[str, ...], strict: bool) -> None:
    """Check the workspace and its engagements (all, or the CLIENTS named)."""
    from generator.validate import validate_workspace

    workspace = validate_workspace(_workspace_root(ctx), clients, strict=strict)
    for warning in workspace.warnings:
        click.echo(str(warning), err=True)
    click.echo("rapport.yaml: ok")
    for engagement in workspace.engagements:
        click.echo(f"{engagement.rel_folder}: ok ({engagement.summary()})")
    if not workspace.engagements:
        click.echo("no engagements yet: 'rapport new CLIENT' starts one")
    if workspace.warnings:
        click.echo(_count(workspace.warnings), err=True)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--sheet", help="Worksheet of an .xlsx (default: the first).")
@click.option("--encoding", help="Text encoding of a .csv (default: detected).")
@click.option("--delimiter", help="Field delimiter of a .csv (default: detected).")
@reports_problems
def inspect(file: Path, sheet: str | None, encoding: str | None, delimiter: str | None) -> None:
    """Describe a survey export and print a column mapping to paste into engagement.yaml."""
    from generator.inspect import inspect_file

    click.echo(
        inspect_file(file, file.as_posix(), sheet=sheet, encoding=encoding, delimiter=delimiter)
    )


@main.command()
@click.argument("client")
@click.option("--wave", help="Wave id to report (default: the latest with responses).")
@click.option("--json", "as_json", is_flag=True, help="Everything the templates get, as JSON.")
@click.pass_context
@reports_problems
def stats(ctx: click.Context, client: str, wave: str | None, as_json: bool) -> None:
    """Print the headline numbers of CLIENT with n, intervals and change since the last wave."""
    from generator.pipeline import statistics
    from generator.render.terminal import stats_table

    analysis, item_labels = statistics(_workspace_root(ctx), client, wave)
    if as_json:
        click.echo(json.dumps(analysis, indent=2, ensure_ascii=False))
    else:
        click.echo(stats_table(analysis, item_labels))


@main.command()
@click.argument("clients", nargs=-1)
@click.option(
    "--only",
    "kinds",
    multiple=True,
    type=click.Choice(["report", "deck", "data", "pptx"]),
    help="Build only this deliverable (repeatable); default: the report, the deck and the "
    "data workbook, and the deck as PowerPoint (pptx) when rapport.yaml sets defaults.pptx.",
)
@click.option("--wave", help="Wave id to report (default: the latest with responses).")
@click.option(
    "--language",
    type=click.Choice(["en", "uk", "lv"]),
    help="Language of the documents (default: each client's).",
)
@click.option("--notes", is_flag=True, help="Also write the deck's speaker-notes handout.")
@click.option(
    "--jobs",
    "-j",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Documents rendered in parallel.",
)
@click.option("--force", is_flag=True, help="Rebuild even when nothing has changed.")
@click.option(
    "--keep-going",
    is_flag=True,
    help="Build every client whose inputs are sound and list the others' problems (exit 1).",
)
@click.option(
    "--pdf-variant",
    type=click.Choice(["pdf/a-3b", "pdf/ua-1"]),
    help="Archival (PDF/A-3b) or accessible (PDF/UA-1) PDFs, for clients that require them.",
)
@click.option(
    "--encrypt",
    is_flag=True,
    help="Protect the PDFs with AES-256; the password is read from RAPPORT_PDF_PASSWORD.",
)
@click.pass_context
@reports_problems
def build(
    ctx, clients, kinds, wave, language, notes, jobs, force, keep_going, pdf_variant, encrypt
) -> None:
    """Render the assessment, the deck and the data workbook of CLIENTS (default: all).

    Files go to output/<client>/; a document whose inputs have not changed since it was
    written is left as it is.
    """
    from generator.build import BuildOptions
    from generator.build import build as build_documents

    options = BuildOptions(
        kinds=tuple(kinds) or None,
        wave=wave,
        language=language,
        jobs=jobs,
        force=force,
        keep_going=keep_going,
        notes=notes,
        variant=pdf_variant,
        encrypt=encrypt,
    )
    build_documents(_workspace_root(ctx), clients, options, report=click.echo)


@main.command()
@click.argument("client")
@click.option("--wave", help="Wave id to send (default: the latest with responses).")
@click.option(
    "--to",
    "names",
    multiple=True,
    metavar="NAME",
    help="Send to this contact (id or name; repeatable); default: the contacts marked recipient.",
)
@click.option("--with-data", is_flag=True, help="Also attach the data workbook.")
@click.option("--dry-run", is_flag=True, help="Only show what would be sent.")
@click.option(
    "--draft",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write the message as an .eml file into this folder instead of sending it.",
)
@click.option(
    "--allow-draft",
    is_flag=True,
    help="Send documents still marked as drafts, e.g. as a copy for review.",
)
@click.option("--yes", "-y", is_flag=True, help="Send without asking for confirmation.")
@click.pass_context
@reports_problems
def send(ctx, client, wave, names, with_data, dry_run, draft, allow_draft, yes) -> None:
    """E-mail the wave's report and deck of CLIENT to its recipients, and record the delivery.

    Refuses to send a document that is missing, older than its inputs, or a draft (unless
    --allow-draft). The SMTP server is set in rapport.yaml (smtp:); the password comes from
    RAPPORT_SMTP_PASSWORD or the keyring.
    """
    from generator.deliver import SendOptions
    from generator.deliver import send as send_deliverables

    if dry_run and draft is not None:
        raise click.UsageError("--dry-run and --draft cannot be used together")
    options = SendOptions(
        wave=wave,
        to=names,
        with_data=with_data,
        dry_run=dry_run,
        draft=draft,
        allow_draft=allow_draft,
    )
    confirm = (lambda: True) if yes else (lambda: click.confirm("Send it?", abort=True))
    send_deliverables(_workspace_root(ctx), client, options, report=click.echo, confirm=confirm)


TODAY = click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    envvar="RAPPORT_TODAY",
    help="Judge as of this day, YYYY-MM-DD (default: today; also RAPPORT_TODAY).",
)


def _day(today: dt.datetime | None) -> dt.date:
    return today.date() if today else dt.date.today()


def _colour() -> bool:
    # https://no-color.org: any value of NO_COLOR turns colour off.
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


@main.command()
@click.argument("clients", nargs=-1)
@TODAY
@click.option("--json", "as_json", is_flag=True, help="The same, as JSON for scripts.")
@click.option(
    "--pdf", is_flag=True, help="Also write it as one A4 page: output/portfolio-DATE.pdf."
)
@click.pass_context
@reports_problems
def status(ctx, clients: tuple[str, ...], today: dt.datetime | None, as_json: bool, pdf: bool):
    """Show every client (or CLIENTS) on one line, the ones needing attention first.

    \b
    Examples:
      rapport status
      rapport status --today 2026-10-20 --json
      rapport status --pdf
    """
    from generator.render.week_text import status_text
    from generator.week import portfolio

    day = _day(today)
    root = _workspace_root(ctx)
    if pdf:
        from generator.portfolio import write_portfolio

        statuses, written = write_portfolio(root, clients, day)
        click.echo(f"wrote {written.path.relative_to(root)} ({written.pages} pages)", err=True)
    else:
        statuses = portfolio(root, clients, day)
    if as_json:
        listed = {"today": day.isoformat(), "clients": [s.to_dict() for s in statuses]}
        click.echo(json.dumps(listed, indent=2, ensure_ascii=False))
    else:
        click.echo(status_text(statuses, day, color=_colour()))


@main.command()
@click.argument("clients", nargs=-1)
@TODAY
@click.option(
    "--days", default=14, show_default=True, type=click.IntRange(1, 366), help="How far ahead."
)
@click.option(
    "--ics",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the agenda as an iCalendar file for a calendar app.",
)
@click.option("--json", "as_json", is_flag=True, help="The same, as JSON for scripts.")
@click.pass_context
@reports_problems
def agenda(ctx, clients, today, days: int, ics: Path | None, as_json: bool) -> None:
    """List what is due in the next DAYS days: follow-ups, contacts, holidays, waves, deliveries.

    \b
    Examples:
      rapport agenda
      rapport agenda northwind-logistics --days 30 --ics ~/calendars/rapport.ics
    """
    from generator.publish.calendar import write_calendar
    from generator.render.week_text import agenda_text
    from generator.week import agenda as due_entries

    day = _day(today)
    entries = due_entries(_workspace_root(ctx), clients, day, days)
    if ics is not None:
        write_calendar(ics, entries, day)
    if as_json:
        listed = {"today": day.isoformat(), "days": days, "entries": [e.to_dict() for e in entries]}
        click.echo(json.dumps(listed, indent=2, ensure_ascii=False))
    else:
        click.echo(agenda_text(entries, day, days, color=_colour()))


@main.command()
@click.argument("client")
@TODAY
@click.pass_context
@reports_problems
def briefing(ctx, client: str, today: dt.datetime | None) -> None:
    """Write the delivery team's briefing on CLIENT, in the team's language (internal).

    \b
    Examples:
      rapport briefing northwind-logistics
      rapport briefing kyiv-pharma --today 2026-11-02
    """
    from generator.briefing import write_briefing

    root = _workspace_root(ctx)
    written = write_briefing(root, client, _day(today))
    shown = written.path.relative_to(root) if written.path.is_relative_to(root) else written.path
    click.echo(f"wrote {shown} ({written.pages} pages, {written.size // 1024} KB)")


@main.command()
@click.argument("name", type=click.Choice(SCHEMAS), default="engagement")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write every schema as NAME.schema.json into this folder instead.",
)
def schema(name: str, out: Path | None) -> None:
    """Print the JSON Schema of a YAML file, for editor autocompletion."""
    from generator.schema.export import json_schema

    if out is None:
        click.echo(json_schema(name))
        return
    out.mkdir(parents=True, exist_ok=True)
    for each in SCHEMAS:
        path = out / f"{each}.schema.json"
        path.write_text(json_schema(each) + "\n", encoding="utf-8")
        click.echo(f"wrote {path}")


if __name__ == "__main__":
    main()
