"""The message: subject, plain-text and HTML parts from templates/email/, and the attachments.

The templates go through the same override chain and translations as the documents
(``engagements/<client>/templates/email/…`` replaces the built-in one), in the client's
language. The plain-text templates are rendered without HTML escaping; the HTML part is
autoescaped like every document.
"""

from __future__ import annotations

import copy
import email.policy
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any

import jinja2

from generator.deliver.deliverables import Deliverable
from generator.deliver.errors import DeliveryError, RecipientError
from generator.deliver.recipients import Recipient
from generator.pipeline import document_settings
from generator.publish.pdf import write_atomically
from generator.render.environment import (
    DocumentSettings,
    builtin_templates,
    create_environment,
    render_template,
)
from generator.render.formatting import Formatter, document_locale
from generator.render.i18n import load_translations
from generator.workspace import Engagement, Workspace

SUBJECT_TEMPLATE = "email/subject.txt"
TEXT_TEMPLATE = "email/message.txt"
HTML_TEMPLATE = "email/message.html"
MEGABYTE = 1024 * 1024
# Written out with CRLF and header lines of up to 120 characters (the limit is 998): a
# recipient's name in another alphabet then stays one encoded word; folded in two, some readers
# (Python's own parser among them) show it with a space in the middle. The bodies are encoded
# when the parts are made, under BODY_POLICY: quoted-printable and base64 lines of at most 76
# characters, as MIME requires.
WIRE_POLICY = email.policy.default.clone(max_line_length=120, linesep="\r\n")
BODY_POLICY = email.policy.default.clone(max_line_length=76)


@dataclass(frozen=True)
class Composed:
    """A rendered message and what the summary shows of it."""

    message: EmailMessage
    subject: str
    sender: str | None
    recipients: list[Recipient]
    attachments: list[Deliverable]


def compose_message(
    workspace: Workspace,
    engagement: Engagement,
    context: Mapping[str, Any],
    recipients: Sequence[Recipient],
    attachments: Sequence[Deliverable],
    *,
    sender: str | None,
    with_data: bool,
) -> Composed:
    """Render the templates and build the message to ``recipients`` with ``attachments``."""
    language = context["language"]
    settings = document_settings(workspace, engagement, language)
    values = dict(
        context,
        recipients=[vars(r) for r in recipients],
        attachments=[
            {"name": a.name, "size": a.size, "size_text": size_text(a.size, settings)}
            for a in attachments
        ],
        with_data=with_data,
        signature=signature_lines(context["consultant"]),
        colors=workspace.settings.brand.colors.model_dump(),
    )
    text_env = _plain_text_environment(settings)
    subject = " ".join(render_template(text_env, SUBJECT_TEMPLATE, values).split())
    if not subject:
        raise DeliveryError(f"{SUBJECT_TEMPLATE} renders an empty subject")
    text = render_template(text_env, TEXT_TEMPLATE, values).strip() + "\n"
    html = render_template(
        create_environment(settings), HTML_TEMPLATE, {**values, "subject": subject}
    )

    message = EmailMessage(policy=BODY_POLICY)
    consultant = context["consultant"]
    if sender:
        message["From"] = _address(consultant["name"], sender)
        if consultant.get("email") and consultant["email"].lower() != sender.lower():
            message["Reply-To"] = _address(consultant["name"], consultant["email"])
    message["To"] = [_address(r.name, r.email) for r in recipients]
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=True)
    domain = sender.rpartition("@")[2] if sender else None
    message["Message-ID"] = make_msgid(domain=domain)
    message["Content-Language"] = language
    # Quoted-printable keeps every line short and 7-bit: no reliance on the server's 8BITMIME.
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    for attachment in attachments:
        maintype, _, subtype = attachment.content_type.partition("/")
        message.add_attachment(
            attachment.data, maintype=maintype, subtype=subtype, filename=attachment.name
        )
    return Composed(message, subject, sender, list(recipients), list(attachments))


def write_draft(composed: Composed, folder: Path, name: str) -> Path:
    """Write the message as an .eml file a mail client opens as an unsent draft."""
    draft = copy.deepcopy(composed.message)
    draft["X-Unsent"] = "1"  # Outlook opens the file as a message to send, not a received one
    target = Path(folder) / f"{_safe_file_name(name)}.eml"
    write_atomically(target, message_bytes(draft))
    return target


def message_bytes(message: EmailMessage) -> bytes:
    """Return the message as it goes over SMTP or into an .eml file."""
    return message.as_bytes(policy=WIRE_POLICY)


def size_text(size: int, settings: DocumentSettings) -> str:
    """Say how large a file is, in the document's language ("1.2 MB", "1,2 МБ")."""
    gettext = load_translations(builtin_templates() / "locale", settings.language).gettext
    fmt = Formatter(document_locale(settings.language, settings.country))
    if size >= MEGABYTE:
        return gettext("%(size)s MB") % {"size": fmt.number(size / MEGABYTE, 1)}
    return gettext("%(size)s KB") % {"size": fmt.integer(max(1, -(-size // 1024)))}


def signature_lines(consultant: Mapping[str, Any]) -> list[str]:
    """The lines under the consultant's name: role, company and how to reach them."""
    keys = ("title", "company", "email", "phone", "website")
    return [str(consultant[key]) for key in keys if consultant.get(key)]


def _plain_text_environment(settings: DocumentSettings) -> jinja2.Environment:
    env = create_environment(settings)
    # Subject and text part are not HTML: "&" must stay "&". The HTML part keeps escaping.
    env.autoescape = jinja2.select_autoescape(("html", "htm", "xml", "svg"), default=False)
    return env


def _address(name: str, email: str) -> Address:
    try:
        return Address(display_name=" ".join(name.split()), addr_spec=email)
    except (HeaderParseError, IndexError, ValueError) as error:
        raise RecipientError(
            f"'{email}' ({name}) is not an address a message can go to: {error}"
        ) from None


def _safe_file_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "message"
