"""The analysis stage: pure functions from validated responses to numbers with their n.

Start with :func:`analyze_engagement`; its result's ``to_dict()`` is what ``rapport stats
--json`` prints and what the templates receive (see ``docs/stats-json.md``). The topic modules
(``metrics``, ``sus``, ``segments``, ``waves``, ``drivers``, ``themes``, ``relationship``,
``priority``) can be used on their own.
"""

from generator.analyze.drivers import DriverAnalysis, key_drivers
from generator.analyze.engagement import EngagementAnalysis, analyze_engagement
from generator.analyze.metrics import ces, csat, item_stats, nps, response_rate
from generator.analyze.plain import Suppressed
from generator.analyze.priority import recommendation_plan
from generator.analyze.relationship import relationship_health
from generator.analyze.segments import breakdowns, protect
from generator.analyze.sus import sus, sus_score
from generator.analyze.themes import analyze_themes
from generator.analyze.waves import compare_metrics

__all__ = [
    "DriverAnalysis",
    "EngagementAnalysis",
    "Suppressed",
    "analyze_engagement",
    "analyze_themes",
    "breakdowns",
    "ces",
    "compare_metrics",
    "csat",
    "item_stats",
    "key_drivers",
    "nps",
    "protect",
    "recommendation_plan",
    "relationship_health",
    "response_rate",
    "sus",
    "sus_score",
]
