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
from generator.render.kpis import SIGNIFICANT, improvement

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
        """The metric's name as the report prints it (report/macros.html metric_name)."""
        names = {
            "nps": self._("Net Promoter Score"),
            "csat": self._("Customer satisfaction (CSAT)"),
            "ces": self._("Customer effort (CES)"),
            "overall": self._("Overall satisfaction"),
            "sus": self._("System Usability Scale (SUS)"),
            "response_rate": self._("Responses"),
            "responses": self._("Responses"),
        }
        return names.get(metric, metric)

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

    def value(self, metric: str, value: float | None, decimals: int = 1) -> str:
        """Format a score in its metric's unit: NPS points, a CSAT share, a mean."""
        if metric == "nps":
            return self.fmt.nps(value)
        if metric == "csat":
            return self.fmt.percent(value)
        if metric == "sus":
            return self.fmt.number(value, 0)
        return self.fmt.number(value, decimals)

    def difference(self, metric: str, value: float | None, decimals: int = 1) -> str:
        """Format a change in its metric's unit: NPS points, percentage points, a mean."""
        if metric == "nps":
            return self.fmt.change(value, 0)
        if metric == "csat":
            points = None if value is None else value * 100
            unit = self._("%(value)s pp", value=self.fmt.change(points, 0))
            return unit.replace(" ", NBSP)  # "+12 pp", "+12 в. п.": one unit, one line
        return self.fmt.change(value, decimals)

    def change(self, metric: str, change: dict[str, Any]) -> tuple[str, str, str]:
        """Format a change's before, after and difference alike.

        A mean is shown with one decimal, or two when one would print the same score
        before and after a significant change ("4.26 → 4.33", not "4.3 → 4.3").
        """
        before, after, difference = change["previous"], change["current"], change["difference"]
        decimals = 1
        same = self.value(metric, before) == self.value(metric, after)
        if same and change.get("verdict") in SIGNIFICANT:
            decimals = 2
        return (
            self.value(metric, before, decimals),
            self.value(metric, after, decimals),
            self.difference(metric, difference, decimals),
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
