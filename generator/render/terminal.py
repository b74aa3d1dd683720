"""`rapport stats` for people: the headline numbers with n, intervals and change, as plain text."""

from __future__ import annotations

from typing import Any

SMALL = 30


def stats_table(analysis: dict[str, Any], item_labels: dict[str, str]) -> str:
    """Format the current wave's headline numbers (from ``EngagementAnalysis.to_dict()``)."""
    lines = [f"{analysis['client']} — {analysis['title']}"]
    smallest: list[int] = []  # every n printed, so the footnote appears only when it marks one
    waves = analysis["waves"]
    if not waves:
        lines.append("No wave has responses yet.")
    else:
        wave = waves[-1]
        level = round(analysis["settings"]["confidence_level"] * 100)
        lines.append(
            f"Wave {wave['id']} ({wave['name']}), fielded {wave['fielded_start']} to "
            f"{wave['fielded_end']}; intervals at {level}% confidence"
        )
        lines += ["", _wave_table(wave, item_labels, smallest)]
        lines += _choice_tables(wave.get("choices") or {}, item_labels, smallest)
    for test in analysis["usability"]:
        sus = test["sus"]
        if sus and "suppressed" not in sus and sus["value"] is not None:
            smallest.append(sus["n"])
            lines.append(
                f"SUS, {test['title']}: {sus['value']:.1f} ({_range(sus, '.1f')}), n = "
                f"{sus['n']}{_small(sus['n'])}, median {sus['median']:.1f}, grade {sus['grade']}, "
                f"percentile {sus['percentile']:.0f}"
            )
    health = analysis["relationship"]
    if health["status"]:
        reason = f" — {health['reason_text']}" if health["reason_text"] else ""
        lines.append(f"Relationship: {health['status']}{reason}")
        lines.append(
            f"  {len(health['open_concerns'])} open concern(s), "
            f"{sum(1 for f in health['open_follow_ups'] if f['overdue'])} overdue follow-up(s)"
        )
    plan = analysis["recommendations"]
    if plan["ranked"]:
        top = plan["ranked"][0]
        lines.append(
            f"Recommendations this wave: {len(plan['ranked'])}; first by priority: {top['id']} "
            f"(score {top['score']:g}) {top['title']}"
        )
    if plan["previous"]:
        statuses = ", ".join(
            f"{n} {s.replace('_', ' ')}" for s, n in plan["previous_by_status"].items() if n
        )
        lines.append(f"Earlier recommendations: {len(plan['previous'])} ({statuses})")
    if any(n < SMALL for n in smallest):
        lines.append(f"* n < {SMALL}: a small sample; read with care.")
    return "\n".join(lines)


def _wave_table(wave: dict[str, Any], item_labels: dict[str, str], shown_n: list[int]) -> str:
    metrics = wave["metrics"]
    change = wave["change"]
    changes = change["metrics"] if change else {}
    since = f"change since {change['previous_wave']}" if change else "change"
    rows = [("metric", "value", "interval", "n", since)]

    def row(label: str, result: dict[str, Any], spec: str, moved: Any, change_spec: str) -> None:
        if not result or "suppressed" in result or result["value"] is None:
            return
        value = percent(result["value"]) if spec == "pct" else f"{result['value']:{spec}}"
        shown_n.append(result["n"])
        rows.append(
            (label, value, _range(result, spec), _n(result), change_text(moved, change_spec))
        )

    row("NPS", metrics["nps"], "+.0f", changes.get("nps"), "+.0f")
    if metrics["csat"]:
        csat = metrics["csat"]
        row(f"CSAT (top-{csat['top_box']}-box)", csat, "pct", changes.get("csat"), "pts")
        row("CSAT mean", csat["mean"], ".2f", changes.get("csat_mean"), "+.2f")
    if metrics["ces"]:
        ces = metrics["ces"]
        row(f"CES ({ces['direction']})", ces, ".2f", changes.get("ces"), "+.2f")
    row("Overall satisfaction", metrics["overall"], ".2f", changes.get("overall"), "+.2f")
    rate = wave["response_rate"]
    if rate["value"] is not None:
        rows.append(
            (
                "Response rate",
                percent(rate["value"]),
                "",
                f"{rate['responses']} of {rate['invited']}",
                "",
            )
        )
    item_changes = changes.get("items") or {}
    for item, stats in metrics["items"].items():
        moved = (item_changes.get(item) or {}).get("mean")
        row(f"  {item_labels.get(item, item)}", stats, ".2f", moved, "+.2f")
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    aligned = []
    for row in rows:
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:4], widths[1:4], strict=True)
        ]
        aligned.append("  ".join(cells + [row[4]]).rstrip())
    return "\n".join(aligned) + "\n"


def _choice_tables(
    choices: dict[str, Any], labels: dict[str, str], shown_n: list[int]
) -> list[str]:
    """One small table per choice question: each answer's share, interval and count."""
    lines: list[str] = []
    for question, result in choices.items():
        label = labels.get(question, question)
        if "suppressed" in result:
            lines += [f"{label}: fewer answers than the anonymity minimum", ""]
            continue
        shown_n.append(result["n"])
        if result["kind"] == "multi":
            whom = "who answered" if result["base"] == "answered" else "respondents"
            base = f"n = {result['n']}{_small(result['n'])} {whom}; several answers allowed"
        else:
            base = f"n = {result['n']}{_small(result['n'])}"
        rows = [(f"{label} ({base})", "share", "interval", "count")]
        for option in result["options"]:
            rows.append(
                (
                    f"  {option['option']}",
                    percent(option["share"]),
                    _range(option, "pct"),
                    str(option["count"]),
                )
            )
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for row in rows:
            cells = [row[0].ljust(widths[0])] + [
                c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
            ]
            lines.append("  ".join(cells).rstrip())
        lines.append("")
    return lines


def percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def _range(result: dict[str, Any], spec: str) -> str:
    if result.get("low") is None:
        return ""
    if spec == "pct":
        return f"{percent(result['low'])} to {percent(result['high'])}"
    return f"{result['low']:{spec}} to {result['high']:{spec}}"


def _n(result: dict[str, Any]) -> str:
    return f"{result['n']}{_small(result['n'])}"


def _small(n: int) -> str:
    return "*" if n < SMALL else ""


def change_text(change: dict[str, Any] | None, spec: str) -> str:
    if not change or "suppressed" in change:
        return ""
    if change["p_value"] is None:
        return f"{difference_text(change, spec)}  {change['verdict']}"
    return f"{difference_text(change, spec)}  {change['verdict']} ({p_text(change['p_value'])})"


def difference_text(change: dict[str, Any], spec: str) -> str:
    """The change as printed: NPS points as +45, share changes as +12 pts, means as +0.56."""
    if spec == "pts":
        difference = f"{change['difference'] * 100:+.0f} pts"
    else:
        difference = f"{change['difference']:{spec}}"
    return difference.replace("-", "−")


def p_text(p: float) -> str:
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"
