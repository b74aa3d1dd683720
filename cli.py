"""The rapport command: turns options into one call of the generator library and an exit code.

Heavy libraries (WeasyPrint, openpyxl, pydantic models) are imported inside the commands that need
them, so that ``rapport --help`` stays fast.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from cli_options import EXIT_PROBLEMS, RapportGroup, count, output
from generator import __version__

SCHEMAS = ("engagement", "interactions", "workspace", "narrative")
SHELLS = ("bash", "zsh", "fish")


def reports_problems(command):
    """Kept for commands written before RapportCommand: the conventions now apply to every
    command of the group, so this changes nothing."""
    return command


_count = count


def _workspace_root(ctx: click.Context) -> Path:
    from generator.load.workspace import find_workspace

    return find_workspace(Path.cwd(), ctx.obj.get("workspace"))


def _complete_clients(ctx: click.Context, param, incomplete: str):
    from generator.completion import client_names

    return [name for name in client_names(_completion_root(ctx)) if name.startswith(incomplete)]


def _complete_waves(ctx: click.Context, param, incomplete: str):
    from generator.completion import wave_ids

    chosen = ctx.params.get("clients") or (
        [ctx.params["client"]] if ctx.params.get("client") else []
    )
    waves = wave_ids(_completion_root(ctx), chosen)
    return [wave for wave in waves if wave.startswith(incomplete)]


def _completion_root(ctx: click.Context) -> Path | None:
    from generator.completion import workspace_root

    return workspace_root(Path.cwd(), ctx.find_root().params.get("workspace"))


def clients_argument(**kwargs):
    return click.argument("clients", nargs=-1, shell_complete=_complete_clients, **kwargs)


def client_argument():
    return click.argument("client", shell_complete=_complete_clients)


def wave_option(help_text: str = "Wave id to report (default: the latest with responses)."):
    return click.option("--wave", help=help_text, shell_complete=_complete_waves)


@click.group(cls=RapportGroup, context_settings={"help_option_names": ["-h", "--help"]})
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


jobs_option = click.option(
    "--jobs",
    "-j",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Documents rendered in parallel.",
)


@main.command(
    examples=[
        'rapport init ~/clients --name "Iryna Melnyk"',
        "rapport init",
    ]
)
@click.argument("folder", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default="Your Name", help="Your name, as printed on the deliverables.")
def init(folder: Path, name: str) -> None:
    """Make a new workspace in FOLDER (default: here)."""
    from generator.scaffold import init_workspace

    for path in init_workspace(folder, name):
        output().say(f"created {path}")


@main.command(
    examples=[
        "rapport new baltic-home --language lv",
        'rapport new acme --name "Acme Retail Group"',
    ]
)
@click.argument("client")
@click.option("--name", help="The client's name as printed (default: from CLIENT).")
@click.option(
    "--language",
    type=click.Choice(["en", "uk", "lv"]),
    default=None,
    help="Language of the deliverables (default: the workspace's).",
)
@click.pass_context
def new(ctx: click.Context, client: str, name: str | None, language: str | None) -> None:
    """Start engagements/CLIENT/ with a commented skeleton."""
    from generator.scaffold import new_engagement

    root = _workspace_root(ctx)
    if language is None:
        from generator.validate import validate_workspace

        language = validate_workspace(root, clients=[]).settings.defaults.language
    for path in new_engagement(root, client, name, language, dt.date.today()):
        output().say(f"created {path.relative_to(root)}")


@main.command(
    json_output=True,
    long_running=True,
    examples=[
        "rapport validate",
        "rapport validate baltic-home --strict",
        "rapport validate --json | jq '.problems[].text'",
    ],
)
@clients_argument()
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.pass_context
def validate(ctx: click.Context, clients: tuple[str, ...], strict: bool, as_json: bool) -> None:
    """Check the workspace and its engagements (all, or the CLIENTS named)."""
    from generator.validate import validate_workspace

    out = output()
    workspace = validate_workspace(_workspace_root(ctx), clients, strict=strict)
    if as_json:
        out.json(workspace_json(workspace))
        return
    for warning in workspace.warnings:
        out.note(str(warning))
    out.say("rapport.yaml: ok")
    for engagement in workspace.engagements:
        out.say(f"{engagement.rel_folder}: ok ({engagement.summary()})")
    if not workspace.engagements:
        out.say("no engagements yet: 'rapport new CLIENT' starts one")
    if workspace.warnings:
        out.note(count(workspace.warnings))


def workspace_json(workspace) -> dict:
    return {
        "ok": True,
        "engagements": [
            {"client": e.slug, "folder": e.rel_folder, "summary": e.summary(), "draft": e.draft}
            for e in workspace.engagements
        ],
        "problems": [p.to_dict() for p in workspace.warnings],
    }


@main.command(
    json_output=True,
    examples=[
        "rapport inspect data/q3-export.xlsx",
        "rapport inspect data/pulse.csv --encoding cp1257 --delimiter ';'",
        "rapport inspect data/q3-export.xlsx --json | jq .mapping",
    ],
)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--sheet", help="Worksheet of an .xlsx (default: the first).")
@click.option("--encoding", help="Text encoding of a .csv (default: detected).")
@click.option("--delimiter", help="Field delimiter of a .csv (default: detected).")
def inspect(
    file: Path, sheet: str | None, encoding: str | None, delimiter: str | None, as_json: bool
) -> None:
    """Describe a survey export and print a column mapping to paste into engagement.yaml."""
    from generator.inspect import inspect_data, inspect_file

    options = {"sheet": sheet, "encoding": encoding, "delimiter": delimiter}
    if as_json:
        output().json(inspect_data(file, file.as_posix(), **options))
    else:
        click.echo(inspect_file(file, file.as_posix(), **options))


@main.command(
    json_output=True,
    json_help="Everything the templates get, as JSON (docs/stats-json.md).",
    examples=[
        "rapport stats northwind-logistics",
        "rapport stats kyiv-pharma --wave 2026-q2 --json",
    ],
)
@client_argument()
@wave_option()
@click.pass_context
def stats(ctx: click.Context, client: str, wave: str | None, as_json: bool) -> None:
    """Print the headline numbers of CLIENT with n, intervals and change since the last wave."""
    from generator.pipeline import statistics
    from generator.render.terminal import stats_table

    analysis, item_labels = statistics(_workspace_root(ctx), client, wave)
    if as_json:
        output().json(analysis)
    else:
        click.echo(stats_table(analysis, item_labels))


@main.command(
    json_output=True,
    long_running=True,
    examples=[
        "rapport build",
        "rapport build baltic-home --only deck --notes --open",
        "rapport build --jobs 2 --keep-going --json > built.json",
    ],
)
@clients_argument()
@click.option(
    "--only",
    "kinds",
    multiple=True,
    type=click.Choice(["report", "deck", "handout", "data", "pptx"]),
    help="Build only this deliverable (repeatable); default: the report, the deck and the "
    "data workbook, and the deck as PowerPoint (pptx) when rapport.yaml sets defaults.pptx. "
    "'handout' is the deck's slides two to an A4 page, for the client to print.",
)
@wave_option()
@click.option(
    "--language",
    type=click.Choice(["en", "uk", "lv"]),
    help="Language of the documents (default: each client's).",
)
@click.option("--notes", is_flag=True, help="Also write the deck's speaker-notes handout.")
@jobs_option
@click.option("--force", is_flag=True, help="Rebuild even when nothing has changed.")
@click.option(
    "--keep-going",
    is_flag=True,
    help="Build every client whose inputs are sound and list the others' problems (exit 1).",
)
@click.option(
    "--pdf-variant",
    type=click.Choice(["pdf/a-3b", "pdf/ua-1"]),
    help="Archival (PDF/A-3b) or accessible (PDF/UA-1) PDFs, for clients that require them; "
    "they get their own file names (…-pdfa.pdf, …-pdfua.pdf).",
)
@click.option(
    "--encrypt",
    is_flag=True,
    help="Protect the PDFs with AES-256; the password is read from RAPPORT_PDF_PASSWORD.",
)
@click.option("--open", "open_pdf", is_flag=True, help="Open the PDFs in the system's viewer.")
@click.pass_context
def build(
    ctx,
    clients,
    kinds,
    wave,
    language,
    notes,
    jobs,
    force,
    keep_going,
    pdf_variant,
    encrypt,
    open_pdf,
    as_json,
) -> None:
    """Render the assessment, the deck and the data workbook of CLIENTS (default: all).

    Files go to output/<client>/; a document whose inputs have not changed since it was
    written is left as it is.
    """
    from generator.build import BuildOptions, build_documents
    from generator.build_each import refuse_the_rest

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
    out = output()
    root = _workspace_root(ctx)
    result = build_documents(root, clients, options, out.progress)
    out.progress.clear()
    if as_json:
        out.json(result.to_dict(root))
    if open_pdf:
        for path in result.pdfs():
            click.launch(str(path))
    if result.refused:
        if as_json:
            ctx.exit(EXIT_PROBLEMS)
        refuse_the_rest(result.refused, out.progress)


@main.command(
    examples=[
        "rapport send northwind-logistics --dry-run",
        "rapport send northwind-logistics --draft drafts/",
        "rapport send baltic-home --to dkessler --with-data --yes",
    ]
)
@client_argument()
@wave_option("Wave id to send (default: the latest with responses).")
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
@click.option(
    "--pdf-variant",
    type=click.Choice(["pdf/a-3b", "pdf/ua-1"]),
    help="Attach the archival or accessible PDFs that 'build --pdf-variant' wrote.",
)
@click.option("--yes", "-y", is_flag=True, help="Send without asking for confirmation.")
@click.pass_context
def send(
    ctx, client, wave, names, with_data, dry_run, draft, allow_draft, pdf_variant, yes
) -> None:
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
        variant=pdf_variant,
    )
    confirm = (lambda: True) if yes else (lambda: click.confirm("Send it?", abort=True))
    send_deliverables(_workspace_root(ctx), client, options, report=output().say, confirm=confirm)


@main.command(
    json_output=True,
    long_running=True,
    examples=[
        "rapport release --dry-run",
        "rapport release --jobs 2",
        "rapport release northwind-logistics baltic-home --send",
    ],
)
@clients_argument()
@click.option(
    "--send",
    "send_mail",
    is_flag=True,
    help="E-mail the messages (after one confirmation for all) instead of writing drafts.",
)
@click.option("--dry-run", is_flag=True, help="Show the plan; build and send nothing.")
@click.option(
    "--force",
    is_flag=True,
    help="Rebuild, and deliver again documents already delivered to the same recipients.",
)
@jobs_option
@click.option("--yes", "-y", is_flag=True, help="Send without asking for confirmation.")
@click.pass_context
def release(ctx, clients, send_mail, dry_run, force, jobs, yes, as_json) -> None:
    """Check, build and deliver the quarter's documents of every client that is due.

    A client is due when its latest wave with responses has not been delivered; CLIENTS
    names them instead. Each gets an .eml draft beside its documents, or with --send the
    e-mail, recorded in its deliveries.yaml. A client that fails is reported and the others
    go on; the exit code is 0 only when every client's documents went out (or were already
    delivered).
    """
    from generator.release import ReleaseOptions
    from generator.release import release as release_all
    from generator.render.release_text import refusal_text, release_table

    out = output()
    root = _workspace_root(ctx)
    options = ReleaseOptions(send=send_mail, dry_run=dry_run, force=force, jobs=jobs)
    confirm = (lambda batch: True) if yes else _confirm_batch
    done = release_all(root, clients, options, progress=out.progress, confirm=confirm)
    if as_json:
        out.json(done.to_dict(root))
    else:
        out.say(release_table(done, root))
        refusals = refusal_text(done)
        if refusals:
            out.note(refusals)
    if not done.ok:
        ctx.exit(EXIT_PROBLEMS)


def _confirm_batch(batch) -> bool:
    from generator.render.release_text import batch_text

    output().progress.clear()
    click.echo(batch_text(batch), err=True)
    messages = len(batch)
    return click.confirm(f"Send {messages} message{'s' * (messages != 1)}?", err=True)


@main.command(
    examples=[
        "rapport preview northwind-logistics",
        "rapport preview baltic-home --deck --port 8800",
        "rapport preview kyiv-pharma --wave 2026-q3 --language en",
    ]
)
@client_argument()
@click.option("--deck", is_flag=True, help="Preview the deck instead of the assessment.")
@wave_option()
@click.option(
    "--language",
    type=click.Choice(["en", "uk", "lv"]),
    help="Language of the document (default: the client's).",
)
@click.option(
    "--port",
    default=8765,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to serve on (0: any free one).",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to serve on; any but loopback shows the client's document to the network.",
)
@click.pass_context
def preview(ctx, client: str, deck: bool, wave, language, port: int, host: str) -> None:
    """Show CLIENT's assessment (or deck) in the browser, page by page as the PDF will be,
    redrawn whenever one of its inputs changes; Ctrl+C stops it (exit 0). Nothing is written
    to the output folder."""
    from generator.preview import PreviewOptions
    from generator.preview import preview as serve_preview

    options = PreviewOptions("deck" if deck else "report", host, port, wave, language)
    serve_preview(_workspace_root(ctx), client, options, report=output().say)


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


@main.command(
    json_output=True,
    examples=[
        "rapport status",
        "rapport status --today 2026-10-20 --json",
        "rapport status --pdf",
    ],
)
@clients_argument()
@TODAY
@click.option(
    "--pdf", is_flag=True, help="Also write it as one A4 page: output/portfolio-DATE.pdf."
)
@click.pass_context
def status(ctx, clients: tuple[str, ...], today: dt.datetime | None, as_json: bool, pdf: bool):
    """Show every client (or CLIENTS) on one line, the ones needing attention first."""
    from generator.render.week_text import status_text
    from generator.week import portfolio

    day = _day(today)
    root = _workspace_root(ctx)
    out = output()
    if pdf:
        from generator.portfolio import write_portfolio

        statuses, written = write_portfolio(root, clients, day)
        out.note(f"wrote {written.path.relative_to(root)} ({written.pages} pages)")
    else:
        statuses = portfolio(root, clients, day)
    if as_json:
        out.json({"today": day.isoformat(), "clients": [s.to_dict() for s in statuses]})
    else:
        click.echo(status_text(statuses, day, color=_colour()))


@main.command(
    json_output=True,
    examples=[
        "rapport agenda",
        "rapport agenda northwind-logistics --days 30 --ics ~/calendars/rapport.ics",
    ],
)
@clients_argument()
@TODAY
@click.option(
    "--days", default=14, show_default=True, type=click.IntRange(1, 366), help="How far ahead."
)
@click.option(
    "--ics",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the agenda as an iCalendar file for a calendar app.",
)
@click.pass_context
def agenda(ctx, clients, today, days: int, ics: Path | None, as_json: bool) -> None:
    """List what is due in the next DAYS days: follow-ups, contacts, holidays, waves, deliveries."""
    from generator.publish.calendar import write_calendar
    from generator.render.week_text import agenda_text
    from generator.week import agenda as due_entries

    day = _day(today)
    entries = due_entries(_workspace_root(ctx), clients, day, days)
    if ics is not None:
        write_calendar(ics, entries, day)
    if as_json:
        listed = {"today": day.isoformat(), "days": days, "entries": [e.to_dict() for e in entries]}
        output().json(listed)
    else:
        click.echo(agenda_text(entries, day, days, color=_colour()))


@main.command(
    long_running=True,
    examples=[
        "rapport briefing northwind-logistics",
        "rapport briefing kyiv-pharma --today 2026-11-02",
    ],
)
@client_argument()
@TODAY
@click.pass_context
def briefing(ctx, client: str, today: dt.datetime | None) -> None:
    """Write the delivery team's briefing on CLIENT, in the team's language (internal)."""
    from generator.briefing import write_briefing

    root = _workspace_root(ctx)
    written = write_briefing(root, client, _day(today))
    shown = written.path.relative_to(root) if written.path.is_relative_to(root) else written.path
    output().say(f"wrote {shown} ({written.pages} pages, {written.size // 1024} KB)")


@main.command(
    examples=[
        "rapport schema engagement > engagement.schema.json",
        "rapport schema --out schemas/",
    ]
)
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
        output().say(f"wrote {path}")


@main.command(
    examples=[
        'eval "$(rapport completion bash)"        # in ~/.bashrc',
        "rapport completion zsh > ~/.zfunc/_rapport",
        "rapport completion fish > ~/.config/fish/completions/rapport.fish",
    ]
)
@click.argument("shell", type=click.Choice(SHELLS))
def completion(shell: str) -> None:
    """Print the completion script for SHELL: commands, options, client names and wave ids."""
    from click.shell_completion import get_completion_class

    complete = get_completion_class(shell)
    assert complete is not None
    click.echo(complete(main, {}, "rapport", "_RAPPORT_COMPLETE").source())


if __name__ == "__main__":
    main()
