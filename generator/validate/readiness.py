"""What `build` and `send` would refuse later, found by `validate` with its place.

`build` stops on a brand font that is neither bundled nor a file in the workspace, on a
PowerPoint template that is not one, and on a template override that does not parse; `send`
stops when no contact is marked as a recipient, when a recipient has no e-mail address, and
when deliveries.yaml cannot take another entry. The first three are errors here as there;
the sending ones are warnings, because a client being set up is validated long before
anything is sent, and `send` refuses them in any case.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import Location, Problems
from generator.load.yamlmarks import MarkedDocument
from generator.schema.workspace import WorkspaceFile
from generator.workspace import Engagement

TEMPLATE_SUFFIXES = (".html", ".htm", ".svg", ".xml", ".txt")


def check_brand_fonts(
    root: Path, settings: WorkspaceFile, doc: MarkedDocument, problems: Problems
) -> None:
    """A font name must be a bundled family (a file is checked with the other paths)."""
    from generator.publish.fonts import FONT_SUFFIXES
    from generator.render.brand import BrandError, brand_face

    for role in ("body", "heading"):
        font = getattr(settings.brand.fonts, role)
        if font.lower().endswith(FONT_SUFFIXES + (".woff", ".woff2")):
            continue
        try:
            brand_face(font, role, root)
        except BrandError as error:
            problems.error(doc.locate(("brand", "fonts", role)), str(error))


def check_pptx_template(
    root: Path, settings: WorkspaceFile, doc: MarkedDocument, problems: Problems
) -> None:
    """``brand.pptx_template`` must be a .potx or .pptx that opens, with a layout that has a
    title (a missing file or one outside the workspace is checked with the other paths)."""
    from generator.render.pptx.template import TEMPLATE_SUFFIXES, TemplateError, check_template
    from generator.validate.paths import PathOutside, resolve_inside

    relative = settings.brand.pptx_template
    if relative is None:
        return
    location = doc.locate(("brand", "pptx_template"))
    if not relative.lower().endswith(TEMPLATE_SUFFIXES):
        problems.error(
            location,
            f"'{relative}' is not a PowerPoint template: name a .potx or .pptx file",
        )
        return
    try:
        path = resolve_inside(root, relative)
    except PathOutside:
        return
    if not path.is_file():
        return
    try:
        check_template(path)
    except TemplateError as error:
        problems.error(location, str(error))


def check_template_overrides(root: Path, folder: Path, problems: Problems) -> None:
    """Every template in ``folder`` (a workspace's or a client's templates/) must parse."""
    from generator.builtin import builtin_templates

    # In a checkout used as the workspace, templates/ is the built-in theme itself.
    if not folder.is_dir() or folder.resolve() == builtin_templates().resolve():
        return
    import jinja2
    from jinja2.ext import i18n

    env = jinja2.Environment(extensions=[i18n])
    for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in TEMPLATE_SUFFIXES):
        shown = path.relative_to(root).as_posix()
        try:
            env.parse(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            problems.error(Location(shown), "not UTF-8 text; save the template as UTF-8")
        except jinja2.TemplateSyntaxError as error:
            problems.error(Location(shown, error.lineno), f"template syntax: {error.message}")


def check_sending(engagement: Engagement, problems: Problems) -> None:
    """Warn about what would make `rapport send` refuse this client."""
    from generator.deliver.errors import RecordError
    from generator.deliver.record import DELIVERIES_FILE, check_record_file

    doc, contacts = engagement.doc, engagement.spec.client.contacts
    refuses = "'rapport send' refuses to send until then"
    if not any(c.recipient for c in contacts):
        problems.warning(
            doc.locate(("client", "contacts")),
            f"no contact is marked 'recipient: true': {refuses}, unless given --to",
        )
    for index, contact in enumerate(contacts):
        if contact.recipient and not contact.email:
            problems.warning(
                doc.locate(("client", "contacts", index, "recipient")),
                f"{contact.name} receives the deliverables but has no 'email:'; {refuses}",
            )
    record = engagement.folder / DELIVERIES_FILE
    try:
        check_record_file(record, f"{engagement.rel_folder}/{DELIVERIES_FILE}")
    except RecordError as error:
        where, _, message = str(error).partition(": ")
        path, *numbers = where.split(":")
        line = int(numbers[0]) if numbers else None
        column = int(numbers[1]) if len(numbers) > 1 else None
        problems.warning(Location(path, line, column), message)
