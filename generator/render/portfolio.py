"""The values of the consultant's portfolio page (``templates/portfolio/portfolio.html``).

The statuses come from ``generator.week.portfolio``; here they get the words and the small
charts of the workspace's language: the headline score with its change since the last wave and
whether that change is significant, and the score across every wave with its interval.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from generator.analyze.portfolio import ClientStatus, Headline
from generator.render.charts import SeriesPoint
from generator.render.environment import builtin_templates
from generator.render.i18n import load_translations
from generator.render.vocabulary import shown_change

CHART_WIDTH, CHART_HEIGHT, CHART_FONT = 160.0, 118.0, 8.0
NPS_SCALE, CSAT_SCALE = (-100.0, 100.0), (0.0, 100.0)


def portfolio_context(
    statuses: Sequence[ClientStatus], today: dt.date, consultant: dict[str, Any], env
) -> dict[str, Any]:
    """Return what the portfolio template receives; ``env`` is the document's environment."""
    translations = load_translations(builtin_templates() / "locale", env.globals["language"])
    _, ngettext = translations.gettext, translations.ngettext
    fmt = env.globals["fmt"]
    charts = env.globals["charts"].sized(CHART_WIDTH, CHART_FONT)
    clients = []
    for status in statuses:
        entry = status.to_dict()
        entry["open_concerns"] = [vars(c) for c in status.open_concerns]
        entry["next_wave_due"] = status.next_wave_due
        entry["last_delivery"] = status.last_delivery
        headline = status.headline
        entry["headline"] = _words(headline, _, ngettext, fmt) if headline else None
        entry["chart"] = _chart(headline, charts, _) if headline and headline.history else None
        clients.append(entry)
    return {
        "today": today,
        "consultant": consultant,
        "clients": clients,
        "document_title": _("Portfolio"),
    }


def _words(headline: Headline, _, ngettext, fmt) -> dict[str, str | None]:
    if headline.metric == "nps":
        text = _("NPS %(value)s") % {"value": fmt.nps(headline.value)}
    else:
        text = _("CSAT %(value)s") % {"value": fmt.percent(headline.value)}
    change = None
    if headline.change is not None and len(headline.history) > 1:
        # The difference of the two values as every document prints them.
        before, after = headline.history[-2].value, headline.history[-1].value
        shown = shown_change(
            headline.metric, {"previous": before, "current": after, "verdict": headline.verdict}
        )
        count = abs(round(shown.difference))
        change = ngettext("%(value)s pt", "%(value)s pts", count) % {
            "value": fmt.change(shown.difference, shown.decimals)
        }
    if change is None:
        return {"text": text, "change_text": None}
    previous = headline.history[-2].name if len(headline.history) > 1 else ""
    verdict = {
        "up": _("significant"),
        "down": _("significant"),
        "not enough data to test": _("not enough data to test"),
    }.get(str(headline.verdict), _("not significant"))
    return {
        "text": text,
        "change_text": _("%(change)s since %(wave)s, %(verdict)s")
        % {"change": change, "wave": previous, "verdict": verdict},
    }


def _chart(headline: Headline, charts, _) -> Any:
    nps = headline.metric == "nps"
    factor = 1.0 if nps else 100.0
    points = [
        SeriesPoint(
            score.name,
            score.value * factor,
            None if score.low is None else score.low * factor,
            None if score.high is None else score.high * factor,
        )
        for score in headline.history
    ]
    title = _("Net Promoter Score over time") if nps else _("Customer satisfaction over time")
    return charts.series(
        points, scale=NPS_SCALE if nps else CSAT_SCALE, title=title, signed=nps, height=CHART_HEIGHT
    )
