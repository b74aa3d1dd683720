"""interactions.yaml: the relationship log of one engagement."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from generator.schema.common import Id, Model
from generator.schema.engagement import Channel


class Concern(Model):
    id: Id
    """Short id; log the same id again when the concern changes or is resolved."""
    text: str
    """What worries the client."""
    status: Literal["open", "resolved"] = "open"
    """open or resolved."""


class FollowUp(Model):
    action: str
    """What was agreed."""
    owner: str | None = None
    """Who does it."""
    due: dt.date | None = None
    """By when."""
    done: bool = False
    """Whether it was done."""


class Interaction(Model):
    id: Id | None = None
    """Optional id so findings can cite this contact as evidence (interaction:<id>)."""
    date: dt.date
    """When it happened."""
    channel: Channel
    """call, meeting, video, messenger, email or visit."""
    people: list[Id] = Field(min_length=1)
    """Contact ids (from engagement.yaml) of the client's people present."""
    mood: int = Field(ge=1, le=5)
    """The client's mood, 1 (angry) to 5 (delighted)."""
    summary: str
    """What was discussed."""
    concerns: list[Concern] = []
    """Concerns raised or updated."""
    follow_ups: list[FollowUp] = []
    """Actions agreed."""


class InteractionsFile(Model):
    """interactions.yaml in engagements/<client>/."""

    interactions: list[Interaction] = []
    """Every contact with the client's people, in any order."""
