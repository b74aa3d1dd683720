"""Native PowerPoint charts for the deck's planned charts, their data in the embedded workbook.

Each chart the PDF draws as SVG becomes a chart PowerPoint can restyle and re-sort:

- item and segment bars: a horizontal bar chart, the highlighted bars in the accent colour
  and the confidence interval as error bars; with a target, columns and the target as a
  dashed line series on the same axes, so that the line survives an edit;
- a before-and-after comparison (the PDF's dumbbell): the two waves' bars side by side for
  each item, this wave's interval as error bars;
- a measure over the waves: a line chart with its interval as error bars and the target as
  a second, dashed series;
- the relationship mood and the comment themes: a line and a bar chart.

The workbook behind each chart holds every number drawn: the values, the interval bounds
(the error bars' lengths are formulas on them) and the target. Value labels are the text
the PDF prints (the document's decimal separator and signs), as custom data labels.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from typing import Any

import xlsxwriter
from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.oxml.ns import qn
from pptx.util import Pt

from generator.render.pptx.template import Box
from generator.render.pptx.text import safe

SHEET = "Sheet1"
_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def add_chart(slide, box: Box, chart: Mapping[str, Any], palette, words, font_size: float):
    """Draw a planned chart (``kind`` bars, dumbbell or series) in ``box``; return its frame."""
    drawers = {"bars": bar_chart, "dumbbell": dumbbell_chart, "series": series_chart}
    try:
        draw = drawers[chart["kind"]]
    except KeyError:
        raise ValueError(f"no PowerPoint chart for a chart of kind {chart['kind']!r}") from None
    return draw(slide, box, chart, palette, words, font_size)


# ---------- the kinds ----------


def bar_chart(slide, box: Box, chart, palette, words, font_size: float):
    """Horizontal bars, best first; with a target, columns and the target as a line series."""
    bars = chart["bars"]
    decimals = chart.get("decimals", 1)
    name = safe(chart.get("title") or "")
    target = chart.get("target")
    target_name = words._("Target")
    data = CategoryChartData()
    data.categories = [safe(bar.label) for bar in bars]
    data.add_series(name, [bar.value for bar in bars])
    if target is not None:
        data.add_series(target_name, [target] * len(bars))
        frame = _frame(slide, box, XL_CHART_TYPE.COLUMN_CLUSTERED, data)
        _target_as_line(frame.chart)
    else:
        frame = _frame(slide, box, XL_CHART_TYPE.BAR_CLUSTERED, data)
    plot = frame.chart
    _common(plot, font_size, palette)
    plot.plots[0].gap_width = 60
    if target is None:
        plot.category_axis.reverse_order = True  # the best bar first, as listed
    _value_axis(plot.value_axis, chart["scale"], palette)
    series = plot.series[0]
    palette.fill(series.format.fill, "primary")
    whiskers = any(bar.low is not None for bar in bars)
    for index, bar in enumerate(bars):
        role = "accent" if bar.highlight else "primary"
        palette.fill(series.points[index].format.fill, role)
        _value_label(
            series.points[index],
            words.fmt.number(bar.value, decimals),
            font_size,
            palette,
            role if whiskers else None,
        )
    values = [bar.value for bar in bars]
    workbook = _Workbook(data.categories, [(name, values)])
    if target is not None:
        workbook.columns.append((target_name, [target] * len(bars)))
        line = _target_line(plot, palette, 2.0)
        _label(
            line.points[len(bars) - 1],
            f"{target_name} {words.fmt.number(target, decimals)}",
            XL_LABEL_POSITION.ABOVE,
            font_size,
            bold=True,
        )
    if whiskers:
        low_col = workbook.add(words._("Interval low"), [bar.low for bar in bars])
        high_col = workbook.add(words._("Interval high"), [bar.high for bar in bars])
        columns = {"value": values, "low": [b.low for b in bars], "high": [b.high for b in bars]}
        direction = "y" if target is not None else None
        _error_bars(series._element, workbook, "B", low_col, high_col, columns, direction, palette)
    workbook.attach(frame.chart)
    return frame


def _target_as_line(chart) -> None:
    """Move the second series of a column chart into a line chart on the same axes."""
    plot_area = chart._chartSpace.find(f".//{{{_C}}}plotArea")
    columns = plot_area.find(qn("c:barChart"))
    target = columns.findall(qn("c:ser"))[1]
    line_chart = etree.Element(qn("c:lineChart"))
    etree.SubElement(line_chart, qn("c:grouping"), val="standard")
    etree.SubElement(line_chart, qn("c:varyColors"), val="0")
    columns.remove(target)
    for tag in ("c:invertIfNegative",):
        for element in target.findall(qn(tag)):
            target.remove(element)
    marker = etree.Element(qn("c:marker"))
    etree.SubElement(marker, qn("c:symbol"), val="none")
    target.find(qn("c:tx")).addnext(marker)
    etree.SubElement(target, qn("c:smooth"), val="0")
    line_chart.append(target)
    etree.SubElement(line_chart, qn("c:marker"), val="1")
    for axis_id in columns.findall(qn("c:axId")):
        etree.SubElement(line_chart, qn("c:axId"), val=axis_id.get("val"))
    columns.addnext(line_chart)


def dumbbell_chart(slide, box: Box, chart, palette, words, font_size: float):
    """Both waves side by side for each item: last wave's bar in the muted colour, this
    wave's in the primary (the finding's own items in the accent), with this wave's interval."""
    rows = chart["rows"]
    decimals = chart.get("decimals", 1)
    data = CategoryChartData()
    data.categories = [safe(row.label) for row in rows]
    before, after = safe(chart["before"]), safe(chart["after"])
    data.add_series(before, [row.before for row in rows])
    data.add_series(after, [row.after for row in rows])
    frame = _frame(slide, box, XL_CHART_TYPE.BAR_CLUSTERED, data)
    plot = frame.chart
    _common(plot, font_size, palette)
    _legend(plot, font_size)
    plot.plots[0].gap_width = 50
    plot.plots[0].overlap = 0
    plot.category_axis.reverse_order = True
    _value_axis(plot.value_axis, chart["scale"], palette)
    earlier, now = plot.series
    palette.fill(earlier.format.fill, "rule")
    palette.fill(now.format.fill, "primary")
    for index, row in enumerate(rows):
        if row.highlight:
            palette.fill(now.points[index].format.fill, "accent")
        whiskers = row.low is not None
        _value_label(
            now.points[index],
            words.fmt.number(row.after, decimals),
            font_size,
            palette,
            ("accent" if row.highlight else "primary") if whiskers else None,
        )
        _value_label(
            earlier.points[index],
            words.fmt.number(row.before, decimals),
            font_size - 1,
            palette,
            None,
        )
    workbook = _Workbook(
        data.categories, [(before, [r.before for r in rows]), (after, [r.after for r in rows])]
    )
    lows, highs = [r.low for r in rows], [r.high for r in rows]
    if any(v is not None for v in lows):
        low_col = workbook.add(words._("Interval low"), lows)
        high_col = workbook.add(words._("Interval high"), highs)
        columns = {"value": [r.after for r in rows], "low": lows, "high": highs}
        _error_bars(now._element, workbook, "C", low_col, high_col, columns, None, palette)
    workbook.attach(frame.chart)
    return frame


def series_chart(slide, box: Box, chart, palette, words, font_size: float):
    points = chart["points"]
    decimals = chart.get("decimals", 1)
    signed = chart.get("signed", False)
    name = safe(chart.get("title") or "")
    values = [p.value for p in points]
    data = CategoryChartData()
    data.categories = [safe(p.label) for p in points]
    data.add_series(name, values)
    target = chart.get("target")
    target_name = words._("Target")
    if target is not None:
        data.add_series(target_name, [target] * len(points))
    frame = _frame(slide, box, XL_CHART_TYPE.LINE_MARKERS, data)
    plot = frame.chart
    _common(plot, font_size, palette)
    _value_axis(plot.value_axis, chart["scale"], palette)
    series = plot.series[0]
    series.smooth = False
    palette.line(series.format.line, "primary", 2.5)
    _marker(series, palette, "primary", "solid")

    def shown(value: float) -> str:
        return words.fmt.change(value, decimals) if signed else words.fmt.number(value, decimals)

    for index, point in enumerate(points):
        if point.value is not None:
            _label(
                series.points[index],
                shown(point.value),
                XL_LABEL_POSITION.ABOVE,
                font_size,
                bold=True,
            )
    workbook = _Workbook(
        data.categories,
        [(name, values)] + ([(target_name, [target] * len(points))] if target is not None else []),
    )
    if target is not None:
        line = _target_line(plot, palette, 1.5)
        _label(
            line.points[len(points) - 1],
            f"{target_name} {shown(target)}",
            XL_LABEL_POSITION.RIGHT,
            font_size,
        )
        _legend(plot, font_size)
    lows, highs = [p.low for p in points], [p.high for p in points]
    if any(v is not None for v in lows):
        low_col = workbook.add(words._("Interval low"), lows)
        high_col = workbook.add(words._("Interval high"), highs)
        columns = {"value": values, "low": lows, "high": highs}
        _error_bars(series._element, workbook, "B", low_col, high_col, columns, "y", palette)
    workbook.attach(frame.chart)
    return frame


def mood_chart(
    slide,
    box: Box,
    points: Sequence[Mapping[str, Any]],
    title: str,
    palette,
    words,
    font_size: float,
):
    """The relationship mood (1–5) at each contact, in date order."""
    data = CategoryChartData()
    data.categories = [words.fmt.date_short(p.date) for p in points]
    data.add_series(safe(title), [p.mood for p in points])
    frame = _frame(slide, box, XL_CHART_TYPE.LINE_MARKERS, data)
    plot = frame.chart
    _common(plot, font_size, palette)
    _value_axis(plot.value_axis, (1, 5), palette, major=1)
    series = plot.series[0]
    series.smooth = False
    palette.line(series.format.line, "primary", 2.0)
    _marker(series, palette, "primary", "solid", size=6)
    axis = plot.category_axis
    axis.tick_labels.font.size = Pt(font_size - 1)
    skip = max(1, len(points) // 6)
    c_ax = axis._element
    for tag, value in (("c:tickLblSkip", skip), ("c:tickMarkSkip", skip)):
        element = etree.SubElement(c_ax, qn(tag))
        element.set("val", str(value))
    _reorder_axis(c_ax)
    return frame


def theme_chart(
    slide, box: Box, rows: Sequence[Mapping[str, Any]], title: str, palette, font_size: float
):
    """The comment themes by how many comments mention each, labelled "11 · 30%"."""
    data = CategoryChartData()
    data.categories = [safe(row["label"]) for row in rows]
    counts = [_count(row["count"]) for row in rows]
    data.add_series(safe(title), counts)
    frame = _frame(slide, box, XL_CHART_TYPE.BAR_CLUSTERED, data)
    plot = frame.chart
    _common(plot, font_size, palette)
    plot.plots[0].gap_width = 50
    plot.category_axis.reverse_order = True
    plot.value_axis.visible = False
    plot.value_axis.has_major_gridlines = False
    plot.value_axis.minimum_scale = 0
    plot.value_axis.maximum_scale = max(counts or [1]) * 1.25
    series = plot.series[0]
    palette.fill(series.format.fill, "primary")
    for index, row in enumerate(rows):
        _label(
            series.points[index],
            f"{row['count']} · {row['share']}",
            XL_LABEL_POSITION.OUTSIDE_END,
            font_size,
        )
    return frame


# ---------- helpers ----------


def _count(text: str) -> int:
    digits = "".join(ch for ch in str(text) if ch.isdigit())
    return int(digits or 0)


def _frame(slide, box: Box, chart_type, data):
    return slide.shapes.add_chart(chart_type, box.left, box.top, box.width, box.height, data)


def _common(plot, font_size: float, palette) -> None:
    plot.has_title = False
    plot.has_legend = False
    plot.font.size = Pt(font_size)
    palette.paint_font(plot.font, "text")
    # Not the rounded corners and the style's shadows python-pptx leaves to the defaults.
    space = plot._chartSpace
    rounded = space.find(qn("c:roundedCorners"))
    if rounded is None:
        rounded = etree.Element(qn("c:roundedCorners"))
        space.insert(0, rounded)
    rounded.set("val", "0")


def _legend(plot, font_size: float) -> None:
    plot.has_legend = True
    plot.legend.position = XL_LEGEND_POSITION.TOP
    plot.legend.include_in_layout = False
    plot.legend.font.size = Pt(font_size - 1)


def _value_axis(axis, scale, palette, major: float | None = None) -> None:
    low, high = scale
    axis.minimum_scale = low
    axis.maximum_scale = high
    # Whole-number ticks, so that no decimal separator of the viewer's locale shows.
    axis.major_unit = major or next(
        (step for step in (1, 2, 5, 10, 20, 25, 50) if (high - low) / step <= 8), 100
    )
    axis.tick_labels.number_format = "0"
    axis.tick_labels.number_format_is_linked = False
    axis.has_major_gridlines = True
    palette.line(axis.major_gridlines.format.line, "rule", 0.5)
    axis.format.line.fill.background()


def _marker(target, palette, role: str, style: str, size: int = 9) -> None:
    marker = target.marker
    marker.style = XL_MARKER_STYLE.CIRCLE
    marker.size = size
    if style == "hollow":
        palette.fill(marker.format.fill, "background")
    else:
        palette.fill(marker.format.fill, role)
    palette.line(marker.format.line, role, 1.75)


def _target_line(plot, palette, width: float):
    """Style the plot's second series as the target: a plain dashed line, no markers."""
    line = plot.series[1]
    line.smooth = False
    palette.line(line.format.line, "text", width)
    line.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    line.marker.style = XL_MARKER_STYLE.NONE
    return line


def _label(point, text: str, position, font_size: float, bold: bool = False) -> None:
    label = point.data_label
    frame = label.text_frame
    frame.text = safe(text)
    run = frame.paragraphs[0].runs[0]
    run.font.size = Pt(font_size)
    run.font.bold = bold
    label.position = position


def _value_label(point, text: str, font_size: float, palette, bar_role: str | None) -> None:
    """A bar's value at its end; inside its base, in a colour that reads on the bar, when a
    whisker runs through its end."""
    from generator.render.brand import contrast

    if bar_role is None:
        _label(point, text, XL_LABEL_POSITION.OUTSIDE_END, font_size, bold=True)
        return
    _label(point, text, XL_LABEL_POSITION.INSIDE_BASE, font_size, bold=True)
    bar = palette.rgb[bar_role]
    light = palette.rgb["background"]
    color = light if contrast(light, bar) >= 4.5 else palette.rgb["text"]
    run = point.data_label.text_frame.paragraphs[0].runs[0]
    run.font.color.rgb = RGBColor.from_string(color[1:])


def _xml_line(sp_pr, palette, role: str, width: float) -> None:
    line = etree.SubElement(sp_pr, qn("a:ln"))
    line.set("w", str(int(Pt(width))))
    fill = etree.SubElement(line, qn("a:solidFill"))
    color = palette.rgb[role]
    if palette.themed and role in ("muted", "text"):
        etree.SubElement(fill, qn("a:schemeClr"), val="tx1")
    else:
        etree.SubElement(fill, qn("a:srgbClr"), val=color[1:].upper())


def _reorder_axis(c_ax) -> None:
    """Put the skip elements where the schema wants them (after c:lblOffset)."""
    order = [
        "c:axId",
        "c:scaling",
        "c:delete",
        "c:axPos",
        "c:majorGridlines",
        "c:minorGridlines",
        "c:title",
        "c:numFmt",
        "c:majorTickMark",
        "c:minorTickMark",
        "c:tickLblPos",
        "c:spPr",
        "c:txPr",
        "c:crossAx",
        "c:crosses",
        "c:crossesAt",
        "c:auto",
        "c:lblAlgn",
        "c:lblOffset",
        "c:tickLblSkip",
        "c:tickMarkSkip",
        "c:noMultiLvlLbl",
        "c:extLst",
    ]
    rank = {qn(tag): index for index, tag in enumerate(order)}
    children = sorted(c_ax, key=lambda child: rank.get(child.tag, len(order)))
    for child in children:
        c_ax.append(child)


class _Workbook:
    """The embedded workbook: categories in column A, series from B, then extra columns."""

    def __init__(
        self, categories: Sequence[Any], series: Sequence[tuple[str, Sequence[float | None]]]
    ):
        self.categories = [str(getattr(c, "label", c)) for c in categories]
        self.columns: list[tuple[str, list]] = [(name, list(values)) for name, values in series]
        self.formulas: dict[int, dict[int, tuple[str, float]]] = {}  # row → column → cell

    def add(self, name: str, values: Sequence[float | None]) -> str:
        """Add a column; return its letter."""
        self.columns.append((name, list(values)))
        return _letter(len(self.columns))

    def attach(self, chart) -> None:
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        # A fixed date: the package's own dates are set when it is published.
        book.set_properties({"created": dt.datetime(2000, 1, 1)})
        sheet = book.add_worksheet(SHEET)
        for row, category in enumerate(self.categories, start=1):
            sheet.write_string(row, 0, category)
        for column, (name, values) in enumerate(self.columns, start=1):
            sheet.write_string(0, column, name)
            for row, value in enumerate(values, start=1):
                if value is not None:
                    sheet.write_number(row, column, float(value))
        for row, formulas in self.formulas.items():
            for column, (formula, value) in formulas.items():
                sheet.write_formula(row, column, formula, None, value)
        book.close()
        chart.part.chart_workbook.update_from_xlsx_blob(buffer.getvalue())

    def formula_column(self, name: str, formula: str, values: Sequence[float | None]) -> str:
        """Add a column of formulas (``{row}`` is the 1-based row); return its letter."""
        self.columns.append((name, []))
        column = len(self.columns)
        for row, value in enumerate(values, start=1):
            if value is not None:
                self.formulas.setdefault(row, {})[column] = (formula.format(row=row + 1), value)
        return _letter(column)


def _letter(index: int) -> str:
    letters = ""
    index += 1  # column A holds the categories
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _error_bars(
    ser,
    workbook: _Workbook,
    value_col: str,
    low_col: str,
    high_col: str,
    columns,
    direction,
    palette,
) -> None:
    """Custom error bars from the interval bounds: their lengths are formulas in the workbook."""
    values, lows, highs = columns["value"], columns["low"], columns["high"]
    minus = [
        None if lo is None or v is None else v - lo for v, lo in zip(values, lows, strict=True)
    ]
    plus = [
        None if hi is None or v is None else hi - v for v, hi in zip(values, highs, strict=True)
    ]
    below = workbook.formula_column("−", f"={value_col}{{row}}-{low_col}{{row}}", minus)
    above = workbook.formula_column("+", f"={high_col}{{row}}-{value_col}{{row}}", plus)
    bars = etree.Element(qn("c:errBars"))
    if direction:
        etree.SubElement(bars, qn("c:errDir"), val=direction)
    etree.SubElement(bars, qn("c:errBarType"), val="both")
    etree.SubElement(bars, qn("c:errValType"), val="cust")
    etree.SubElement(bars, qn("c:noEndCap"), val="0")
    for tag, column, numbers in (("c:plus", above, plus), ("c:minus", below, minus)):
        holder = etree.SubElement(bars, qn(tag))
        _num_ref(holder, f"{SHEET}!${column}$2:${column}${len(numbers) + 1}", numbers)
    sp_pr = etree.SubElement(bars, qn("c:spPr"))
    _xml_line(sp_pr, palette, "text", 1.25)
    # errBars come before the categories in a series (CT_BarSer, CT_LineSer).
    ser.find(qn("c:cat")).addprevious(bars)


def _num_ref(holder, formula: str, numbers: Sequence[float | None]) -> None:
    ref = etree.SubElement(holder, qn("c:numRef"))
    etree.SubElement(ref, qn("c:f")).text = formula
    cache = etree.SubElement(ref, qn("c:numCache"))
    etree.SubElement(cache, qn("c:formatCode")).text = "General"
    etree.SubElement(cache, qn("c:ptCount"), val=str(len(numbers)))
    for index, number in enumerate(numbers):
        if number is not None:
            point = etree.SubElement(cache, qn("c:pt"), idx=str(index))
            etree.SubElement(point, qn("c:v")).text = repr(float(number))
