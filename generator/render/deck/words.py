"""The deck planner's words: translated headlines and numbers in the document's language.

Headlines are written here rather than in the templates because the planner must measure
them (a headline keeps to two lines, a continuation adds " (2/3)"). They come from the same
catalogs as the templates' strings (templates/locale/*/LC_MESSAGES/deck.po), and are
%-formatted the way Jinja's newstyle gettext formats them, so ``%%`` is a literal percent.
"""

from __future__ import annotations

from typing import Any

from generator.render.environment import builtin_templates
from generator.render.formatting import NBSP, Formatter, document_locale, tie
from generator.render.i18n import load_translations
from generator.render.kpis import improvement
from generator.render.vocabulary import (
    SHARE_METRICS,
    health_word,
    metric_decimals,
    metric_name,
    shown_change,
)

# Which way is good for each measure: CES on the legacy scale is lower-is-better, and the
# analysis says so on the result itself (``lower_is_better``).


class Words:
    """Translate and format for one document language."""

    def __init__(self, language: str):
        self.language = language
        self._translations = load_translations(builtin_templates() / "locale", language)
        self.fmt = Formatter(document_locale(language))

    def _(self, message: str, **values: Any) -> str:
        return tie(self._translations.gettext(message) % values)

    def n_(self, singular: str, plural: str, count: int, **values: Any) -> str:
        """Translate with the plural form for ``count``; ``%(num)s`` is ``count`` unless given."""
        text = self._translations.ngettext(singular, plural, count)
        values.setdefault("num", self.fmt.integer(count))
        return tie(text % values)

    # ----- names -----

    def metric_name(self, metric: str) -> str:
        """Return the metric's one name, the same in every document."""
        return tie(metric_name(metric, self._translations.gettext))

    def health_word(self, status: str | None) -> str:
        """Return the relationship's status in the word every document uses."""
        return tie(health_word(status, self._translations.gettext))

    def audience_name(self, audience: str) -> str:
        names = {
            "web": self._("Web team"),
            "engineering": self._("Engineering"),
            "marketing": self._("Marketing"),
            "operations": self._("Operations"),
            "support": self._("Support"),
            "leadership": self._("Leadership"),
        }
        return names.get(audience, audience)

    def names(self, names: list[str]) -> str:
        """Join names into a phrase: "Web team, support and leadership".

        The names after the first are common nouns inside the phrase, so they lose their
        capital (an acronym such as "IT" keeps it).
        """
        from babel.lists import format_list

        inside = [_lowered(name) for name in names[1:]]
        return format_list([*names[:1], *inside], locale=self.fmt.locale)

    # ----- numbers -----

    def value(self, metric: str, value: float | None, decimals: int | None = None) -> str:
        """Format a score in its metric's unit and precision: NPS points, a CSAT share, a mean."""
        decimals = metric_decimals(metric) if decimals is None else decimals
        if metric == "nps":
            return self.fmt.nps(value) if decimals == 0 else self.fmt.change(value, decimals)
        if metric == "csat":
            return self.fmt.percent(value, decimals)
        return self.fmt.number(value, decimals)

    def difference(self, metric: str, value: float | None, decimals: int | None = None) -> str:
        """Format a change in its metric's unit: points for NPS and CSAT (a change of share
        0.08 is "+8 pts"), else the mean's unit."""
        decimals = metric_decimals(metric) if decimals is None else decimals
        if metric in ("nps", "csat"):
            if value is None:
                return self.fmt.change(None)
            value = value * 100 if metric in SHARE_METRICS else value
            count = int(abs(value) + 0.5)
            text = self._translations.ngettext("%(value)s pt", "%(value)s pts", count)
            # "+12 pts", "+12 пунктів": one unit, one line
            return (text % {"value": self.fmt.change(value, decimals)}).replace(" ", NBSP)
        return self.fmt.change(value, decimals)

    def change(self, metric: str, change: dict[str, Any]) -> tuple[str, str, str]:
        """Format a change's before, after and difference as every document prints them: the
        difference of the two values as shown, with a decimal more when a significant change
        would print the same value twice ("4.26 → 4.33", not "4.3 → 4.3")."""
        shown = shown_change(metric, change)
        scale = 100 if metric in SHARE_METRICS else 1
        return (
            self.value(metric, shown.previous / scale, shown.decimals),
            self.value(metric, shown.current / scale, shown.decimals),
            self.difference(metric, shown.difference / scale, shown.decimals),
        )

    def target(self, metric: str, target: float | None) -> str:
        """Format a target in its own units: NPS points, CSAT percent, CES and SUS scores."""
        if metric == "csat":
            return self.fmt.percent(None if target is None else target / 100)
        return self.value(metric, target)

    def p_value(self, p: float | None) -> str:
        if p is None:
            return ""
        if p < 0.001:
            text = self._("p < %(value)s", value=self.fmt.number(0.001, 3))
        else:
            text = self._("p = %(value)s", value=self.fmt.number(p, 3))
        return text.replace(" ", NBSP)  # never broken over two lines

    def verdict_words(self, change: dict[str, Any]) -> str:
        """Say plainly whether a change is significant."""
        return {
            "up": self._("Significant rise"),
            "down": self._("Significant fall"),
            "not enough data to test": self._("Not enough data to test"),
        }.get(str(change.get("verdict")), self._("No significant change"))

    def verdict(self, change: dict[str, Any], with_p: bool = True) -> str:
        """Say plainly whether a change is significant, with its p-value (for the speaker
        notes; a slide leaves it to them); flag small samples."""
        words = self.verdict_words(change)
        p = self.p_value(change.get("p_value")) if with_p else ""
        text = f"{words} ({p})" if p else words
        return f"{text}, {self._('small sample')}" if change.get("small_sample") else text


def _lowered(name: str) -> str:
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def direction(good: bool | None) -> str:
    """Name a change's direction for the templates' colours: good, bad or flat."""
    if good is None:
        return "flat"
    return "good" if good else "bad"


def is_improvement(change: dict[str, Any], lower_is_better: bool = False) -> bool | None:
    """Return True for a significant change the good way, False the bad way, else None."""
    return improvement(change.get("verdict"), lower_is_better)
