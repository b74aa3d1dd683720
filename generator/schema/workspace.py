"""rapport.yaml: the consultant, the brand and the defaults of a workspace."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, ValidationInfo, field_validator, model_validator

from generator.schema.common import Color, Language, Model, RelativePath

FONT_FILE_SUFFIXES = (".ttf", ".otf", ".woff", ".woff2")
_FONT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 \-]{0,63}$")


def _font(value: str) -> str:
    if value.lower().endswith(FONT_FILE_SUFFIXES) or _FONT_NAME.match(value):
        return value
    raise ValueError(
        f"'{value}' is neither a font family name (letters, digits, spaces, '-') "
        f"nor a font file ({', '.join(FONT_FILE_SUFFIXES)})"
    )


Font = Annotated[str, AfterValidator(_font)]
"""A font family name, or a font file relative to the workspace."""


class Consultant(Model):
    name: str | dict[Language, str]
    """Your name as it appears on the cover and in the signature, or one per language in
    its native spelling: {en: Iryna Melnyk, uk: Ірина Мельник}."""
    gender: Literal["feminine", "masculine"] | None = None
    """The grammatical gender of the labels beside your name ("Prepared by"), in the
    languages that have one: uk "Виконавиця", lv "Izpildītāja" for feminine."""
    company: str | None = None
    """Your practice or company name."""
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    """Contact e-mail printed on the cover and the last slide."""
    phone: str | None = None
    """Contact phone, as you want it printed."""
    website: str | None = None
    """Website printed beside your contact details."""
    title: str | dict[Language, str] | None = None
    """Your role, e.g. 'Customer satisfaction consultant', or one per language:
    {en: Customer satisfaction consultant, lv: Klientu apmierinātības konsultante}."""


class BrandColors(Model):
    primary: Color = "#1f3a5f"
    """Headings, cover band, main chart series."""
    accent: Color = "#e07a5f"
    """Highlights and the second chart series."""
    text: Color = "#1d232b"
    """Body text."""
    muted: Color = "#6b7785"
    """Captions, axes, secondary text."""
    positive: Color = "#2e8b57"
    """Improvements and targets met."""
    negative: Color = "#c0392b"
    """Declines and targets missed."""
    background: Color = "#ffffff"
    """Page background."""


class BrandFonts(Model):
    body: Font = "Source Sans 3"
    """A font family bundled with the templates, or a .ttf/.otf file in the workspace."""
    heading: Font = "Source Sans 3"
    """Font for headings: a bundled family name or a workspace font file."""


class Brand(Model):
    logo: RelativePath | None = None
    """Your logo (SVG or PNG), relative to the workspace folder."""
    colors: BrandColors = BrandColors()
    """Brand colours, each #RGB or #RRGGBB."""
    fonts: BrandFonts = BrandFonts()
    """Typefaces for body text and headings."""
    pptx_template: RelativePath | None = None
    """A PowerPoint template (.potx or .pptx) in the workspace whose slide layouts, theme
    colours and fonts the PowerPoint deck uses; without it, a built-in template in the
    brand's colours and fonts."""


class Defaults(Model):
    language: Language = "en"
    """Language of the deliverables when an engagement does not set one: en, uk or lv."""
    anonymity_threshold: int = Field(default=5, ge=2, le=100)
    """Smallest group of respondents whose results are shown; smaller groups are suppressed."""
    comment_threshold: int = Field(default=10, ge=2, le=1000)
    """Smallest group whose comments are quoted (higher than the anonymity threshold)."""
    confidence_level: float = Field(default=0.95, gt=0.5, lt=1)
    """Confidence level of every interval, e.g. 0.95."""
    output_dir: RelativePath = "output"
    """Folder, relative to the workspace, where deliverables are written."""
    pptx: bool = False
    """Also write the deck as an editable PowerPoint file (.pptx) whenever 'rapport build'
    runs without --only."""

    @model_validator(mode="after")
    def _comment_threshold_not_lower(self) -> Defaults:
        if self.comment_threshold < self.anonymity_threshold:
            raise ValueError(
                f"comment_threshold ({self.comment_threshold}) is below "
                f"anonymity_threshold ({self.anonymity_threshold})"
            )
        return self


LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
_HOST = re.compile(
    r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63})*\.?|[0-9A-Fa-f:]+)$"
)
DEFAULT_SMTP_PORTS = {"starttls": 587, "tls": 465, "none": 25}


class Smtp(Model):
    """The mail server 'rapport send' uses. The password is never kept here: it comes from
    the RAPPORT_SMTP_PASSWORD environment variable or the system keyring."""

    host: str
    """The SMTP server, e.g. 'smtp.example.com'."""
    port: int | None = Field(default=None, ge=1, le=65535)
    """Port; by default 587 for starttls, 465 for tls and 25 for none."""
    sender: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    """The address the messages are sent from."""
    security: Literal["starttls", "tls", "none"] = "starttls"
    """starttls (port 587), tls (port 465), or none: only for a relay on this machine."""
    username: str | None = None
    """Login name on the server; leave out when the server needs no login."""

    @field_validator("host")
    @classmethod
    def _host_name(cls, value: str) -> str:
        if not _HOST.match(value):
            raise ValueError(
                f"'{value}' is not a host name or IP address (e.g. smtp.example.com); "
                "give the port separately as smtp.port"
            )
        return value

    @field_validator("security")
    @classmethod
    def _plain_text_only_locally(cls, value: str, info: ValidationInfo) -> str:
        host = info.data.get("host")
        if value == "none" and host is not None and host.lower() not in LOCAL_HOSTS:
            raise ValueError(
                f"'none' sends the login and the deliverables unencrypted, so it is allowed "
                f"only for a server on this machine (localhost, 127.0.0.1 or ::1), not for "
                f"'{host}'; use starttls or tls"
            )
        return value

    @property
    def effective_port(self) -> int:
        return self.port or DEFAULT_SMTP_PORTS[self.security]


class WorkspaceFile(Model):
    """rapport.yaml at the root of a workspace."""

    consultant: Consultant
    """Who prepares the deliverables."""
    brand: Brand = Brand()
    """How the deliverables look."""
    defaults: Defaults = Defaults()
    """Settings every engagement inherits."""
    smtp: Smtp | None = None
    """The mail server for 'rapport send' (optional; without it, 'rapport send --draft')."""
