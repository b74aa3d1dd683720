"""The data workbook's sheets as plain rows, taken from the document context.

Every number is one the report and deck are built from (``docs/stats-json.md``): values stay
unrounded and Excel's number formats do the rounding. A suppressed group or metric is written
as the word for "suppressed", never as a number, and no respondent's words appear beyond the
theme quotes the report itself prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.render.vocabulary import metric_name, status_word

# Shown with the precision every document uses for the measure (generator/render/vocabulary.py);
# the cells keep the unrounded values.
NPS = "+0;-0;0"  # whole points, signed as in the report
NPS_CHANGE = "+0;-0;0"
POINTS = "0.0"  # SUS scores and priority scores
POINTS_CHANGE = "+0.0;-0.0;0.0"
MEAN = "0.0"  # means on an item's own scale
MEAN_CHANGE = "+0.0;-0.0;0.0"
SHARE = "0%"
SHARE_CHANGE = "+0%;-0%;0%"
P_VALUE = "0.000"
COUNT = "#,##0"
CORRELATION = "0.00"
DATE = "yyyy-mm-dd"

Gettext = Callable[[str], str]


@dataclass(frozen=True)
class Number:
    """A number with the format of its own row (a sheet may mix points, shares and means)."""

    value: float | int
    format: str


@dataclass(frozen=True)
class Column:
    header: str
    format: str | None = None  # Excel number format of the column's plain numbers
    width: float | None = None  # in characters; None: fitted to the content
    wrap: bool = False


@dataclass
class Sheet:
    title: str
    columns: list[Column]
    rows: list[list[Any]] = field(default_factory=list)
    frozen_columns: int = 0  # columns kept in view when scrolling right
    header: bool = True  # False: a two-column list of labels and values, labels in bold


@dataclass(frozen=True)
class Words:
    """The translated words the tables need more than once."""

    gettext: Gettext

    @property
    def suppressed(self) -> str:
        return self.gettext("suppressed")

    def verdict(self, verdict: str | None) -> str | None:
        names = {
            "up": self.gettext("Up"),
            "down": self.gettext("Down"),
            "no significant change": self.gettext("No significant change"),
            "not enough data to test": self.gettext("Not enough data to test"),
        }
        return names.get(verdict or "", verdict)

    def yes_no(self, value: bool | None) -> str | None:
        if value is None:
            return None
        return self.gettext("Yes") if value else self.gettext("No")


def workbook_sheets(context: Mapping[str, Any], words: Words) -> list[Sheet]:
    """Return the sheets of the data workbook in order; sheets without rows are left out."""
    sheets = [
        about_sheet(context, words),
        headline_sheet(context, words),
        segments_sheet(context, words),
        items_sheet(context, words),
        choices_sheet(context, words),
        sus_sheet(context, words),
        themes_sheet(context, words),
        quotes_sheet(context, words),
        recommendations_sheet(context, words),
    ]
    return [sheet for sheet in sheets if sheet.rows]


def about_sheet(context: Mapping[str, Any], words: Words) -> Sheet:
    _ = words.gettext
    wave = context["wave"] or {}
    engagement = context["engagement"]
    consultant = context["consultant"]
    settings = context["settings"]
    prepared_by = consultant["name"]
    if consultant.get("company"):
        prepared_by += f", {consultant['company']}"
    rows: list[list[Any]] = [
        [_("Client"), context["client"]["name"]],
        [_("Engagement"), engagement["title"]],
        [_("Wave"), wave.get("name")],
        [_("Fieldwork"), _period(wave.get("fielded_start"), wave.get("fielded_end"))],
        [_("Report date"), _date(engagement["report_date"])],
        [context["consultant"]["prepared_by"], prepared_by],
        [_("Confidence level"), Number(settings["confidence_level"], SHARE)],
        [_("Anonymity threshold"), Number(settings["anonymity_threshold"], COUNT)],
        [
            _("Suppressed cells"),
            _(
                "Groups below the anonymity threshold, and groups that would reveal them, "
                "are not shown: their cells read “%(word)s”."
            )
            % {"word": words.suppressed},
        ],
    ]
    themes = wave.get("themes")
    if themes and not themes["overall"].get("suppressed"):
        rows.append([_("Comments"), Number(themes["overall"]["comments"], COUNT)])
        rows.append([_("Comments coded to a theme"), Number(themes["overall"]["coded"], COUNT)])
    if engagement.get("confidentiality"):
        rows.append([_("Confidentiality"), engagement["confidentiality"]])
    for data_file in context.get("data_files") or []:
        if data_file.get("wave") == wave.get("id"):
            rows.append([_("Source file"), data_file["path"]])
    return Sheet(_("About"), [Column(""), Column("", width=90, wrap=True)], rows, header=False)


def headline_sheet(context: Mapping[str, Any], words: Words) -> Sheet:
    _ = words.gettext
    wave = context["wave"]
    columns = [
        Column(_("Metric")),
        Column(_("Value")),
        Column(_("Interval low")),
        Column(_("Interval high")),
        Column("n", COUNT),
        Column(_("Change")),
        Column(_("p-value"), P_VALUE),
        Column(_("Verdict")),
        Column(_("Target")),
        Column(_("Target met")),
        Column(_("Note")),
    ]
    sheet = Sheet(_("Headline metrics"), columns, frozen_columns=1)
    if wave is None:
        return sheet
    metrics = wave["metrics"]
    changes = (wave.get("change") or {}).get("metrics") or {}
    targets = {t["metric"]: t for t in wave.get("targets") or []}
    small = context["settings"].get("small_sample", 30)
    ces = metrics.get("ces")
    name = {metric: metric_name(metric, _) for metric in ("nps", "csat", "ces", "overall")}
    ces_share = (
        _("%(metric)s, share with low effort")
        if ces and ces.get("share_label") == "low effort"
        else _("%(metric)s, share agreeing")
    )
    top_box, mean = _("%(metric)s, top-box share"), _("%(metric)s, mean")
    listed = [
        (name["nps"], metrics.get("nps"), changes.get("nps"), "nps", NPS),
        (top_box % {"metric": name["csat"]}, metrics.get("csat"), changes.get("csat"), "csat",
         SHARE),
        (mean % {"metric": name["csat"]}, _part(metrics.get("csat"), "mean"),
         changes.get("csat_mean"), None, MEAN),
        (mean % {"metric": name["ces"]}, ces, changes.get("ces"), "ces", MEAN),
        (ces_share % {"metric": name["ces"]}, _part(ces, "share"), changes.get("ces_share"),
         None, SHARE),
        (mean % {"metric": name["overall"]}, metrics.get("overall"), changes.get("overall"),
         None, MEAN),
    ]  # fmt: skip
    for label, result, change, target_key, number_format in listed:
        target = targets.get(target_key) if target_key else None
        row = _metric_row(label, result, change, target, number_format, small, words)
        if row is not None:
            sheet.rows.append(row)
    for test in context.get("usability") or []:
        label = _("%(metric)s: %(test)s") % {"metric": metric_name("sus", _), "test": test["title"]}
        row = _metric_row(label, test.get("sus"), None, test.get("target"), POINTS, small, words)
        if row is not None:
            sheet.rows.append(row)
    rate = wave["response_rate"]
    sheet.rows.append([_("Responses"), Number(rate["responses"], COUNT)] + [None] * 9)
    if rate.get("value") is not None:
        invited = Number(rate["invited"], COUNT)
        sheet.rows.append([_("Response rate"), Number(rate["value"], SHARE), None, None, invited])
    return sheet


def _part(result: Mapping[str, Any] | None, key: str) -> Mapping[str, Any] | None:
    if not result or result.get("suppressed"):
        return result
    return result.get(key)


def _metric_row(
    label: str,
    result: Mapping[str, Any] | None,
    change: Mapping[str, Any] | None,
    target: Mapping[str, Any] | None,
    number_format: str,
    small_sample: int,
    words: Words,
) -> list[Any] | None:
    if result is None:
        return None  # not asked in this wave
    if result.get("suppressed"):
        return [label, words.suppressed] + [None] * 9
    row: list[Any] = [
        label,
        Number(result["value"], number_format),
        _number(result.get("low"), number_format),
        _number(result.get("high"), number_format),
        result.get("n"),
    ]
    row += _change_cells(change, number_format, words)
    if target is None:
        row += [None, None]
    else:
        # Targets are in display units (CSAT in percent); the workbook keeps shares as shares.
        goal = target["target"] / 100 if number_format == SHARE else target["target"]
        row += [Number(goal, number_format), words.yes_no(target.get("met"))]
    small = result.get("n") is not None and result["n"] < small_sample
    row.append(words.gettext("Small sample") if small else None)
    return row


def _change_cells(change: Mapping[str, Any] | None, number_format: str, words: Words) -> list[Any]:
    if change is None:
        return [None, None, None]
    if change.get("suppressed"):
        return [words.suppressed, None, None]
    signed = {
        NPS: NPS_CHANGE,
        POINTS: POINTS_CHANGE,
        SHARE: SHARE_CHANGE,
        MEAN: MEAN_CHANGE,
    }[number_format]
    return [
        _number(change.get("difference"), signed),
        change.get("p_value"),
        words.verdict(change.get("verdict")),
    ]


def segments_sheet(context: Mapping[str, Any], words: Words) -> Sheet:
    _ = words.gettext
    wave = context["wave"] or {}
    labels = context["labels"]
    overall = wave.get("metrics") or {}
    measures = [
        (key, label, number_format)
        for key, label, number_format in (
            ("nps", _("NPS"), NPS),
            ("csat", _("CSAT, top-box share"), SHARE),
            ("ces", _("CES, mean"), MEAN),
            ("overall", _("Overall satisfaction, mean"), MEAN),
        )
        if overall.get(key) is not None
    ]
    items = list((overall.get("items") or {}).keys())
    columns = [Column(_("Segment")), Column(_("Group")), Column(_("Respondents"), COUNT)]
    columns += [Column(label, number_format) for _key, label, number_format in measures]
    columns += [
        Column(labels["items"].get(item, item), MEAN, width=16, wrap=True) for item in items
    ]
    sheet = Sheet(_("Segments"), columns, frozen_columns=2)
    for table in wave.get("segments") or []:
        segment = " × ".join(labels["segments"].get(s, s) for s in table["segments"])
        for group in table["groups"]:
            name = " × ".join(str(value) for value in group["values"])
            result = group["result"]
            if result.get("suppressed"):
                sheet.rows.append([segment, name] + [words.suppressed] * (len(columns) - 2))
                continue
            row: list[Any] = [segment, name, result["respondents"]]
            row += [_value(result.get(key), words) for key, _label, _format in measures]
            row += [_value((result.get("items") or {}).get(item), words) for item in items]
            sheet.rows.append(row)
    return sheet


def _value(result: Mapping[str, Any] | None, words: Words) -> Any:
    if result is None:
        return None
    if result.get("suppressed"):
        return words.suppressed
    return result["value"]


def items_sheet(context: Mapping[str, Any], words: Words) -> Sheet:
    _ = words.gettext
    wave = context["wave"] or {}
    items = (wave.get("metrics") or {}).get("items") or {}
    changes = ((wave.get("change") or {}).get("metrics") or {}).get("items") or {}
    drivers = {d["item"]: d for d in (wave.get("drivers") or {}).get("drivers") or []}
    columns = [
        Column(_("Item"), width=40, wrap=True),
        Column(_("Mean"), MEAN),
        Column(_("Interval low"), MEAN),
        Column(_("Interval high"), MEAN),
        Column("n", COUNT),
        Column(_("Standard deviation"), MEAN),
        Column(_("Top-box share"), SHARE),
        Column(_("Change in mean"), MEAN_CHANGE),
        Column(_("p-value"), P_VALUE),
        Column(_("Verdict")),
        Column(_("Link with overall satisfaction (r)"), CORRELATION, width=18, wrap=True),
    ]
    sheet = Sheet(_("Scores by item"), columns, frozen_columns=1)
    for item, result in items.items():
        label = context["labels"]["items"].get(item, item)
        if result is None:
            continue
        if result.get("suppressed"):
            sheet.rows.append([label, words.suppressed] + [None] * 9)
            continue
        top_box = result.get("top_box") or {}
        change = (changes.get(item) or {}).get("mean")
        driver = drivers.get(item)
        sheet.rows.append(
            [
                label,
                result["value"],
                result.get("low"),
                result.get("high"),
                result["n"],
                result.get("sd"),
                _value(top_box, words) if top_box else None,
                *_change_cells(change, MEAN, words),
                driver["importance"] if driver else None,
            ]
        )
    return sheet


def choices_sheet(context: Mapping[str, Any], words: Words) -> Sheet:
    """Single-choice and multi-select questions: each answer's share with its base."""
    _ = words.gettext
    choices = (context["wave"] or {}).get("choices") or {}
    labels = context["labels"].get("choices", {})
    columns = [
        Column(_("Question"), width=36, wrap=True),
        Column(_("Answer"), width=36, wrap=True),
        Column(_("Share"), SHARE),
        Column(_("Interval low"), SHARE),
        Column(_("Interval high"), SHARE),
        Column(_("Count"), COUNT),
        Column(_("Base (n)"), COUNT),
        Column(_("Base"), width=30, wrap=True),
    ]
    sheet = Sheet(_("Choice questions"), columns, frozen_columns=2)
    for question, result in choices.items():
        label = labels.get(question, question)
        if result.get("suppressed"):
            sheet.rows.append([label, words.suppressed] + [None] * 6)
            continue
        if result["kind"] == "single":
            base = _("those who answered")
        elif result["base"] == "answered":
            base = _("those who chose at least one answer; several allowed")
        else:
            base = _("every respondent; several answers allowed")
        for option in result["options"]:
            sheet.rows.append(
                [
                    label,
                    option["option"],
                    option["share"],
                    option["low"],
                    option["high"],
                    option["count"],
                    result["n"],
                    base,
                ]
            )
    return sheet


def sus_sheet(context: Mapping[str, Any], words: Words) -> Sheet:
    """Each usability test participant's SUS score (0–100), and each test's mean and median."""
    _ = words.gettext
    columns = [
        Column(_("Usability test"), width=36, wrap=True),
        Column(_("Participant"), width=18),
        Column(_("SUS score"), POINTS),
    ]
    sheet = Sheet(_("SUS by participant"), columns, frozen_columns=2)
    for test in context["analysis"]["usability"]:
        sus = test.get("sus") or {}
        if not test.get("participants") or sus.get("suppressed"):
            continue
        for participant in test["participants"]:
            sheet.rows.append([test["title"], participant["participant"], participant["score"]])
        sheet.rows.append([test["title"], _("Mean"), sus.get("value")])
        sheet.rows.append([test["title"], _("Median"), sus.get("median")])
    return sheet


def themes_sheet(context: Mapping[str, Any], words: Words) -> Sheet:
    _ = words.gettext
    themes = (context["wave"] or {}).get("themes")
    columns = [
        Column(_("Theme"), width=36, wrap=True),
        Column(_("Comments"), COUNT),
        Column(_("Share of comments"), SHARE),
        Column(_("Promoters"), COUNT),
        Column(_("Passives"), COUNT),
        Column(_("Detractors"), COUNT),
    ]
    sheet = Sheet(_("Comment themes"), columns, frozen_columns=1)
    if not themes or themes["overall"].get("suppressed"):
        return sheet
    by_group = themes.get("by_nps") or {}
    for theme in themes["overall"]["themes"]:
        row: list[Any] = [theme["label"], theme["count"], theme["share"]]
        for group in ("promoter", "passive", "detractor"):
            summary = by_group.get(group)
            if summary is None:
                row.append(None)
            elif summary.get("suppressed"):
                row.append(words.suppressed)
            else:
                counts = {t["theme"]: t["count"] for t in summary["themes"]}
                row.append(counts.get(theme["theme"], 0))
        sheet.rows.append(row)
    return sheet


def quotes_sheet(context: Mapping[str, Any], words: Words) -> Sheet:
    _ = words.gettext
    themes = (context["wave"] or {}).get("themes")
    columns = [Column(_("Theme"), width=30, wrap=True), Column(_("Quote"), width=100, wrap=True)]
    sheet = Sheet(_("Quotes"), columns, frozen_columns=1)
    if not themes or themes["overall"].get("suppressed"):
        return sheet
    for theme in themes["overall"]["themes"]:
        sheet.rows += [[theme["label"], quote] for quote in theme.get("quotes") or []]
    return sheet


def recommendations_sheet(context: Mapping[str, Any], words: Words) -> Sheet:
    _ = words.gettext
    audiences = {
        "web": _("Web"),
        "engineering": _("Engineering"),
        "marketing": _("Marketing"),
        "operations": _("Operations"),
        "support": _("Support"),
        "leadership": _("Leadership"),
    }
    columns = [
        Column(_("Rank"), "0"),
        Column(_("ID")),
        Column(_("Recommendation"), width=60, wrap=True),
        Column(_("Audience"), width=24, wrap=True),
        Column(_("Horizon (days)"), "0"),
        Column(_("Owner")),
        Column(_("KPI"), width=40, wrap=True),
        Column(_("Status")),
        Column(_("Priority score"), POINTS),
    ]
    sheet = Sheet(_("Recommendations"), columns, frozen_columns=3)
    for entry in context.get("recommendations") or []:
        sheet.rows.append(
            [
                entry["rank"],
                entry["id"],
                entry["title"],
                ", ".join(audiences.get(a, a) for a in entry.get("audience") or []),
                entry.get("horizon"),
                entry.get("owner"),
                entry.get("kpi"),
                status_word(entry["status"], _) if entry.get("status") else entry.get("status"),
                entry.get("score"),
            ]
        )
    return sheet


def _number(value: float | None, number_format: str) -> Number | None:
    return None if value is None else Number(value, number_format)


def _date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _period(start: str | None, end: str | None) -> str | None:
    if not start:
        return None
    return f"{start} – {end}" if end and end != start else start
