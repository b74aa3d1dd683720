"""One vocabulary for every document: the name of each measure, the word for each state of
the relationship, how many decimals each measure is shown with, and the change between two
shown values.

The report, the deck, the handout, the workbook and the e-mail all take these from here, so
a client reading two of them side by side finds the same names and the same numbers. The
names are message ids of ``rapport.po``, translated where they are shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

METRIC_NAMES = {
    "nps": "Net Promoter Score",
    "csat": "Customer satisfaction (CSAT)",
    "ces": "Customer effort (CES)",
    "sus": "System Usability Scale (SUS)",
    "overall": "Overall satisfaction",
    "responses": "Responses",
    "response_rate": "Responses",
    "respondents": "Respondents",
}

# The relationship's health in words a reader acts on, not the colour of a traffic light.
HEALTH_WORDS = {"red": "At risk", "yellow": "Needs attention", "green": "Healthy"}
# Where a recommendation stands, in the words every document prints.
RECOMMENDATION_STATUSES = {
    "proposed": "Proposed",
    "accepted": "Accepted",
    "in_progress": "In progress",
    "done": "Done",
    "dropped": "Dropped",
}

# Shares are shown as whole percentages and change in points; NPS is whole points; means and
# SUS scores have one decimal (the SUS grade is read from the score at that precision).
SHARE_METRICS = frozenset({"csat", "response_rate"})
DECIMALS = {"nps": 0, "csat": 0, "response_rate": 0, "responses": 0, "respondents": 0}
MEAN_DECIMALS = 1
SIGNIFICANT = ("up", "down")


def metric_name(metric: str, gettext: Callable[[str], str]) -> str:
    """Return the one name of ``metric`` in the document's language."""
    name = METRIC_NAMES.get(metric)
    return gettext(name) if name else metric


def health_word(status: str | None, gettext: Callable[[str], str]) -> str:
    """Return the one word for the relationship's health ("At risk"), or "No status"."""
    return gettext(HEALTH_WORDS.get(str(status), "No status"))


def status_word(status: str, gettext: Callable[[str], str]) -> str:
    """Return the word for a recommendation's status ("In progress")."""
    return gettext(RECOMMENDATION_STATUSES.get(status, status))


def prepared_by(gender: str | None, pgettext: Callable[[str, str], str]) -> str:
    """Return the label beside the consultant's name, in the consultant's grammatical gender
    where the language has one ("Виконавиця", "Izpildītāja")."""
    return pgettext(gender or "masculine", "Prepared by")


def metric_decimals(metric: str) -> int:
    """Return how many decimals ``metric`` is shown with (in percent for a share)."""
    return DECIMALS.get(metric, MEAN_DECIMALS)


def _rounded(value: float, decimals: int) -> Decimal:
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)


@dataclass(frozen=True)
class ShownChange:
    """A change as the reader sees it: both values rounded as printed, and the difference
    of those printed values (so "3.1 → 3.6" always comes with "+0.5", never "+0.6")."""

    previous: float  # in display units: percent for a share
    current: float
    difference: float
    decimals: int


def shown_change(metric: str, change: Mapping[str, Any]) -> ShownChange:
    """Return ``change`` (previous, current, verdict) rounded as every document prints it.

    A significant change that would print the same value twice ("4.3 → 4.3") is printed
    with one decimal more, so the reader sees what moved.
    """
    scale = 100 if metric in SHARE_METRICS else 1
    previous, current = change["previous"] * scale, change["current"] * scale
    decimals = metric_decimals(metric)
    if change.get("verdict") in SIGNIFICANT and _rounded(previous, decimals) == _rounded(
        current, decimals
    ):
        decimals += 1
    before, after = _rounded(previous, decimals), _rounded(current, decimals)
    return ShownChange(float(before), float(after), float(after - before), decimals)
