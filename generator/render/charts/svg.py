"""SVG writing shared by the charts: escaped text, estimated text boxes, label fitting.

Charts are written as SVG text by our code, so labels stay selectable text in the brand font,
the output is the same every time, and every string is escaped. Sizes are in points: a chart
drawn 480 units wide and shown 480 pt wide (about 169 mm, an A4 text column) prints its 9-unit
labels at 9 pt, the smallest size kept legible in print and on a phone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from generator.render.brand import hex_color, mix, readable
from generator.render.untrusted import clean_text
from generator.schema.workspace import Brand

MIN_FONT_SIZE = 9.0
BASE_FONT_SIZE = 9.5  # the labels of a chart drawn for the report's text column
ELLIPSIS = "…"

# Advance widths (em) of Source Sans 3 Regular, measured from the bundled font; other
# characters fall back to the class averages below. Bold text is about 7 % wider.
_ADVANCE = {
    " ": 0.2,
    "!": 0.289,
    '"': 0.426,
    "%": 0.824,
    "&": 0.609,
    "'": 0.249,
    "(": 0.303,
    ")": 0.303,
    "*": 0.418,
    "+": 0.497,
    ",": 0.249,
    "-": 0.311,
    ".": 0.249,
    "/": 0.35,
    ":": 0.249,
    ";": 0.249,
    "?": 0.425,
    "@": 0.847,
    "I": 0.263,
    "J": 0.48,
    "M": 0.727,
    "W": 0.786,
    "f": 0.292,
    "i": 0.246,
    "j": 0.247,
    "l": 0.255,
    "m": 0.829,
    "r": 0.347,
    "s": 0.419,
    "t": 0.338,
    "w": 0.719,
    "|": 0.241,
    "\u2013": 0.48,
    "\u2014": 0.8,
    "\u2026": 0.948,
    "\u2019": 0.249,
    "\u2212": 0.497,
    "\u00a0": 0.2,
    "\u202f": 0.2,
}
_DIGIT, _LOWER, _UPPER, _OTHER = 0.497, 0.53, 0.65, 0.6
_SAFETY = 1.04  # estimates err on the wide side so that real text never overflows


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Estimate the width of ``text`` set at ``size`` points in the brand font."""
    total = 0.0
    for char in text:
        advance = _ADVANCE.get(char)
        if advance is None:
            if char.isdigit():
                advance = _DIGIT
            elif char.islower():
                advance = _LOWER
            elif char.isupper():
                advance = _UPPER
            else:
                advance = _OTHER
        total += advance
    return total * size * (1.07 if bold else 1.0) * _SAFETY


def truncate(text: str, max_width: float, size: float, bold: bool = False) -> str:
    """Return ``text``, or its longest prefix plus an ellipsis that fits ``max_width``."""
    if text_width(text, size, bold) <= max_width:
        return text
    cut = len(text)
    while cut > 0 and text_width(text[:cut].rstrip() + ELLIPSIS, size, bold) > max_width:
        cut -= 1
    return text[:cut].rstrip() + ELLIPSIS if cut else ""


def wrap(text: str, max_width: float, size: float, max_lines: int = 2, bold: bool = False):
    """Break ``text`` into at most ``max_lines`` lines that fit; the last one may be cut."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for index, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if text_width(candidate, size, bold) <= max_width or not current:
            current = candidate
            continue
        lines.append(current)
        if len(lines) == max_lines - 1:
            current = " ".join(words[index:])
            break
        current = word
    if current:
        lines.append(current)
    return [truncate(line, max_width, size, bold) for line in lines[:max_lines]] or [""]


def fit_at(text: str, x: float, width: float, size: float, bold: bool = False, margin: float = 1.0):
    """Return ``(label, x, anchor)`` that keep ``text`` near ``x`` and ``margin`` inside
    ``0..width``."""
    label = truncate(text, width - 2 * margin, size, bold)
    half = text_width(label, size, bold) / 2
    if x - half < margin:
        return label, margin, "start"
    if x + half > width - margin:
        return label, width - margin, "end"
    return label, x, "middle"


@dataclass(frozen=True)
class ChartStyle:
    """Colours and type of the charts, taken from the brand."""

    primary: str = "#1f3a5f"
    accent: str = "#e07a5f"
    text: str = "#1d232b"
    muted: str = "#6b7785"
    positive: str = "#2e8b57"
    negative: str = "#c0392b"
    background: str = "#ffffff"
    # Text in the accent or the muted colour, darkened where the brand's own is too light to
    # read (labels of targets and axes, on white and on the quadrant's grey).
    accent_text: str = "#b4532f"
    muted_text: str = "#59636e"
    font_family: str = "Source Sans 3"
    font_size: float = BASE_FONT_SIZE
    width: float = 480.0

    @classmethod
    def from_brand(cls, brand: Brand, font_family: str = "Source Sans 3") -> ChartStyle:
        colors = brand.colors
        shade = mix(colors.muted, colors.background, 0.88)  # the lightest grey behind text
        return cls(
            primary=hex_color(colors.primary),
            accent=hex_color(colors.accent),
            text=hex_color(colors.text),
            muted=hex_color(colors.muted),
            positive=hex_color(colors.positive),
            negative=hex_color(colors.negative),
            background=hex_color(colors.background),
            accent_text=readable(colors.accent, shade, colors.text),
            muted_text=readable(colors.muted, shade, colors.text),
            font_family=font_family,
        )

    @property
    def unit(self) -> float:
        """How many times the report's type size this chart's is (1 in the report).

        Marks, gaps and strokes are multiplied by it, so that a chart drawn at its real width
        with larger labels (a slide's) keeps the proportions of the report's charts.
        """
        return self.font_size / BASE_FONT_SIZE

    @property
    def small(self) -> float:
        """The size of axis ticks and legends: a little under the labels'."""
        return max(MIN_FONT_SIZE, self.font_size - 0.5 * self.unit)


@dataclass(frozen=True)
class TextBox:
    """The estimated box of one label, kept so tests can check it stays in the viewBox."""

    text: str
    x: float
    y: float
    width: float
    height: float


def _num(value: float) -> str:
    # Two decimals at most and no "-0": the same figure always prints the same way.
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass
class Svg:
    """An SVG document being written; text goes through ``text`` so it is escaped and boxed."""

    width: float
    height: float
    title: str
    style: ChartStyle
    css_class: str = "chart"
    parts: list[str] = field(default_factory=list)
    boxes: list[TextBox] = field(default_factory=list)

    def add(self, element: str, **attributes: object) -> None:
        """Append an element without content; attribute values are escaped."""
        self.parts.append(f"<{element}{_attributes(attributes)}/>")

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        *,
        stroke: str,
        width: float,
        opacity: float | None = None,
        dash: str | None = None,
    ) -> None:
        """Append a straight line; ``dash`` is a ``stroke-dasharray`` (see ``dashes``)."""
        self.add(
            "line",
            x1=x1,
            y1=y1,
            x2=x2,
            y2=y2,
            stroke=stroke,
            stroke_opacity=opacity,
            stroke_width=width,
            stroke_dasharray=dash,
        )

    def text(
        self,
        x: float,
        y: float,
        content: str,
        *,
        size: float | None = None,
        anchor: str = "start",
        bold: bool = False,
        fill: str | None = None,
        **attributes: object,
    ) -> TextBox:
        """Write one line of text with its baseline at ``y``; return its estimated box."""
        size = size or self.style.font_size
        content = clean_text(content)
        width = text_width(content, size, bold)
        left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
        box = TextBox(content, left, y - size * 0.8, width, size)
        self.boxes.append(box)
        extra = {"font-size": size, "text-anchor": anchor if anchor != "start" else None}
        extra["font-weight"] = "600" if bold else None
        extra["fill"] = fill or self.style.text
        self.parts.append(
            f"<text{_attributes({'x': x, 'y': y, **extra, **attributes})}>{escape(content)}</text>"
        )
        return box

    def __html__(self) -> str:
        return str(self.markup())

    def markup(self) -> Markup:
        """Return the finished SVG, safe to place in the HTML."""
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="{escape(self.css_class)}" '
            f'viewBox="0 0 {_num(self.width)} {_num(self.height)}" '
            f'width="{_num(self.width)}pt" height="{_num(self.height)}pt" '
            f'font-family="{escape(self.style.font_family)}" role="img">'
            f"<title>{escape(clean_text(self.title))}</title>"
        )
        return Markup(head + "".join(self.parts) + "</svg>")


def _attributes(attributes: dict[str, object]) -> str:
    out = []
    for name, value in attributes.items():
        if value is None:
            continue
        name = name.rstrip("_").replace("_", "-")
        text = _num(value) if isinstance(value, (int, float)) else str(value)
        out.append(f' {name}="{escape(text)}"')
    return "".join(out)


def dashes(unit: float, *lengths: float) -> str:
    """Return an SVG ``stroke-dasharray`` of ``lengths`` scaled by the style's ``unit``."""
    return " ".join(_num(length * unit) for length in lengths)


def polyline(points: Iterable[tuple[float, float]]) -> str:
    """Return an SVG ``points`` attribute value."""
    return " ".join(f"{_num(x)},{_num(y)}" for x, y in points)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Return round tick values covering ``low``–``high`` (1, 2, 2.5 or 5 times a power of ten)."""
    import math

    if high <= low:
        return [low]
    raw = (high - low) / max(1, count)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.ceil(low / step - 1e-9) * step
    ticks = []
    value = first
    while value <= high + 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks
