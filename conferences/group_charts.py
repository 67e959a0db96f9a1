"""Charts drawn on the server as inline SVG: no JavaScript, no external assets, no inline styles.

Two kinds of chart, both horizontal bars so that they stay readable on a 375 px screen:

- ``series_charts``: one indicator over time for a group, one chart per comparable set of figures
  (one indicator, one kind of period, one growth threshold: see ``comparable_groups``), the periods
  in order from top to bottom. Estimates and forecasts are hatched, a "more than" figure ends in an
  arrow, and the legend says so.
- ``share_charts``: the provinces' shares of a group's total that a session stated, with the rest of
  the total as "other provinces / not itemised".

A chart is drawn only when it has at least two points: a single figure is a table row, not a chart.
Geometry is computed here and written as plain strings, so the page's number localisation never
touches an SVG coordinate; the markup is ``templates/includes/chart_bars.html``. Every chart carries
a title and a description (``role="img"``) in the active language, and a data table: the page's own
table for a series, a ``<details>`` table for shares.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext

from conferences.figure_display import citation_date, heading_period
from conferences.figure_periods import FIRST_MONTHS, FULL_YEAR, LAST_MONTHS, QUARTER, STOCK
from conferences.presentation import figure_value, localized_number, percent

WIDTH = 360  # viewBox units; the stylesheet scales the SVG to the column's width
FONT_SIZE = 14
CHAR_WIDTH = 0.53 * FONT_SIZE  # a slightly generous average for sans-serif text, with or without tone marks
LINE = 18  # height of a line of text
BAR = 16  # height of a bar
GAP = 12  # space after each bar
ARROW = 14  # room kept at the right for the "more than" arrow
LEGEND_SWATCH = 14
MIN_POINTS = 2

SOLID, HATCHED, LIGHT = "solid", "hatched", "light"
HATCHED_QUALIFIERS = ("estimate", "forecast")


def _n(value: float) -> str:
    """A coordinate as SVG reads it: a dot for decimals whatever the page's language."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


@dataclass
class Bar:
    """One bar with its label line(s), as strings ready for the SVG."""

    lines: list[tuple[str, str]]  # (text, baseline y)
    style: str
    lower_bound: bool
    x: str = "0"
    y: str = "0"
    width: str = "0"
    height: str = str(BAR)
    arrow: str = ""  # an SVG path for "more than"


@dataclass
class LegendItem:
    kind: str  # SOLID, HATCHED, LIGHT or "arrow"
    lines: list[tuple[str, str]]  # (text, baseline y), wrapped to the chart's width
    swatch_y: str = "0"


@dataclass
class ShareRow:
    name: str
    share: str
    value: str
    is_rest: bool = False


@dataclass
class Chart:
    """A bar chart: ``title`` and ``description`` are its text alternative, ``caption`` its visible summary."""

    id: str
    title: str
    description: str
    caption: str
    bars: list[Bar]
    legend: list[LegendItem] = field(default_factory=list)
    height: str = "0"
    width: str = str(WIDTH)
    axis_x: str = "0"
    axis_top: str = "0"
    axis_bottom: str = "0"
    table_rows: list[ShareRow] = field(default_factory=list)  # for share charts: the data table
    total: str = ""
    font_size: str = str(FONT_SIZE)
    track_width: str = ""  # for share charts: each bar sits on a track that stands for the whole (100%)

    @property
    def has_hatched(self) -> bool:
        return any(bar.style == HATCHED for bar in self.bars)


def _wrap(text: str, *, indent: float = 0) -> list[str]:
    """Split a label into lines that fit the chart's width (by an estimate: SVG text is not measured)."""
    limit = int((WIDTH - indent) / CHAR_WIDTH)
    if len(text) <= limit:
        return [text]
    lines, current = [], ""
    for word in text.split(" "):
        candidate = f"{current} {word}".strip()
        if current and len(candidate) > limit:
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    return lines


def _layout(chart_id, title, description, caption, points, *, lo, hi) -> Chart:
    """Place bars for ``points`` — (label, value, style, lower_bound) — on a scale from ``lo`` to ``hi``."""
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    span = (hi - lo) or 1.0
    usable = WIDTH - ARROW - 2

    def x(value: float) -> float:
        return 1 + (value - lo) / span * usable

    zero = x(0.0)
    bars, y = [], 4.0
    for label, value, style, lower_bound in points:
        lines = []
        for line in _wrap(label):
            y += LINE - 3
            lines.append((line, _n(y)))
            y += 3
        y += 3
        end = x(value)
        left, right = min(zero, end), max(zero, end)
        bar = Bar(lines, style, lower_bound, _n(left), _n(y), _n(max(right - left, 1.0)))
        if lower_bound:
            tip = right + ARROW - 2
            middle = y + BAR / 2
            bar.arrow = (
                f"M{_n(right)} {_n(middle)}H{_n(tip - 4)}"
                f"M{_n(tip - 8)} {_n(y + 3)}L{_n(tip)} {_n(middle)}L{_n(tip - 8)} {_n(y + BAR - 3)}"
            )
        bars.append(bar)
        y += BAR + GAP
    chart = Chart(chart_id, title, description, caption, bars)
    chart.axis_x, chart.axis_top, chart.axis_bottom = _n(zero), bars[0].y if bars else "0", _n(y - GAP + 2)
    chart.height = _n(y)
    return chart


def _add_legend(chart: Chart, items: list[tuple[str, str]]) -> None:
    y = float(chart.height) + 2
    for kind, label in items:
        lines = []
        for number, line in enumerate(_wrap(label, indent=LEGEND_SWATCH + 6)):
            lines.append((line, _n(y + LEGEND_SWATCH - 1 + number * LINE)))
        chart.legend.append(LegendItem(kind, lines, _n(y + 2)))
        y += LINE * len(lines) + 4
    chart.height = _n(y + 4)


# One indicator over time -------------------------------------------------------------------------


def _point_label(report) -> str:
    """What tells this point from the others of its chart: the year, or the date of a level."""
    kind = report.period_kind.kind
    if kind in (FIRST_MONTHS, LAST_MONTHS, QUARTER, FULL_YEAR):
        return str(report.period_end.year)
    if kind == STOCK:
        return citation_date(report.period_end)
    start = citation_date(report.period_start) if report.period_start else "…"
    return f"{start} – {citation_date(report.period_end)}"


def _value_label(report) -> str:
    text = figure_value(report)
    if report.qualifier in HATCHED_QUALIFIERS:
        text += f" ({report.get_qualifier_display()})"
    return text


def _threshold_text(report) -> str:
    if not report.threshold_comparator:
        return ""
    return f"{gettext('growth')} {report.threshold_comparator} {percent(report.threshold_pct)}"


def series_charts(group, *, chart_id: str) -> list[Chart]:
    """Charts for one ``ComparableGroup`` (figures of one indicator and kind of period, in period order).

    Counts of provinces above a growth threshold are split by threshold: "25 provinces grew" and "11
    grew by 10% or more" are not two points of one series. A chart needs figures for at least two
    different periods; otherwise the group gets none.
    """
    by_threshold: dict[tuple, list] = defaultdict(list)
    for report in group.reports:
        by_threshold[(report.threshold_comparator, report.threshold_pct)].append(report)
    charts = []
    for number, reports in enumerate(by_threshold.values(), start=1):
        if len({(r.period_start, r.period_end) for r in reports}) < MIN_POINTS:
            continue
        charts.append(_series_chart(group, reports, f"{chart_id}-{number}"))
    return charts


def _series_chart(group, reports, chart_id) -> Chart:
    labels = [_point_label(report) for report in reports]
    repeated = {label for label in labels if labels.count(label) > 1}
    points, described = [], []
    for report, label in zip(reports, labels, strict=True):
        if label in repeated:  # the same period reported at two sessions: say which session each bar is
            session = report.conference.session_roman or str(report.conference.year)
            label = f"{label} ({gettext('Session %(session)s') % {'session': session}})"
        value = _value_label(report)
        style = HATCHED if report.qualifier in HATCHED_QUALIFIERS else SOLID
        points.append((f"{label}: {value}", float(report.value), style, report.qualifier == "lower_bound"))
        described.append(f"{label}: {value}")
    values = [point[1] for point in points]
    title = f"{group.indicator.name} — {group.kind.label}"
    threshold = _threshold_text(reports[0])
    if threshold:
        title += f" ({threshold})"
    first, last = labels[0], labels[-1]
    caption = ngettext(
        "%(count)s figure over time, %(first)s to %(last)s, in the order of their periods.",
        "%(count)s figures over time, %(first)s to %(last)s, in the order of their periods.",
        len(points),
    ) % {"count": len(points), "first": first, "last": last}
    chart = _layout(chart_id, title, "; ".join(described) + ".", caption, points, lo=min(values), hi=max(values))
    legend = []
    if chart.has_hatched:
        legend.append((HATCHED, gettext("estimate or forecast")))
        if any(bar.style == SOLID for bar in chart.bars):
            legend.append((SOLID, gettext("not an estimate or forecast")))
    if any(bar.lower_bound for bar in chart.bars):
        legend.append(("arrow", gettext("more than: the bar ends at the stated number")))
    _add_legend(chart, legend)
    return chart


def attach_series_charts(series) -> None:
    """Give each ``ComparableGroup`` of a region's ``IndicatorSeries`` its ``charts`` (often none)."""
    for index, entry in enumerate(series, start=1):
        for number, group in enumerate(entry.groups, start=1):
            group.charts = series_charts(group, chart_id=f"chart-{index}-{number}")


# Provinces' shares of a group's total ------------------------------------------------------------


def _share_key(report) -> tuple:
    return (report.conference_id, report.indicator_id, report.period_start, report.period_end, report.is_stock)


def share_charts(*, parts, totals=(), chart_prefix: str = "shares") -> list[Chart]:
    """Bar charts of the provinces' stated shares of their group's total, with the rest of the total.

    ``parts`` are provincial figures with ``share_of = region`` (with indicator, province and
    conference loaded); ``totals`` the group figures they may be shares of (same session, indicator
    and period), named in the chart when present. Only sets of at least two provinces are drawn.
    """
    grouped: dict[tuple, dict[int, object]] = defaultdict(dict)
    for report in parts:
        if report.scope == "province" and report.share_of == "region" and report.share_pct is not None:
            grouped[_share_key(report)].setdefault(report.province_id, report)
    total_for = {}
    for total in totals:
        if total.scope == "region":
            total_for.setdefault(_share_key(total), total)
    charts = []
    for number, (key, by_province) in enumerate(grouped.items(), start=1):
        if len(by_province) < MIN_POINTS:
            continue
        charts.append(_share_chart(list(by_province.values()), total_for.get(key), f"{chart_prefix}-{number}"))
    return charts


def _share_chart(reports, total, chart_id) -> Chart:
    reports = sorted(reports, key=lambda r: (-r.share_pct, r.province.name_folded))
    decimals = max(max(0, -r.share_pct.normalize().as_tuple().exponent) for r in reports)
    stated = sum((r.share_pct for r in reports), Decimal(0))
    rest = Decimal(100) - stated
    first = reports[0]
    rows, points = [], []
    for report in reports:
        share = percent(report.share_pct)
        rows.append(ShareRow(report.province.name, share, figure_value(report)))
        points.append((f"{report.province.name}: {share}", float(report.share_pct), SOLID, False))
    rest_name = capfirst(gettext("other provinces / not itemised"))
    if rest > 0:
        rest_share = f"{localized_number(rest, decimals)}%"
        rows.append(ShareRow(rest_name, rest_share, "", is_rest=True))
        points.append((f"{rest_name}: {rest_share}", float(rest), LIGHT, False))
    period = heading_period(first)
    title = gettext("%(indicator)s, %(period)s: shares of the group's total by province") % {
        "indicator": first.indicator.name,
        "period": period,
    }
    total_text = ""
    if total is not None:
        total_text = _value_label(total)
        caption = gettext(
            "Shares of the group's total of %(total)s stated at the session; the rest is %(rest)s (100%% less "
            "the shares stated)."
        )
    else:
        caption = gettext(
            "Shares of the group's total stated at the session; the rest is %(rest)s (100%% less the shares stated)."
        )
    rest_text = rows[-1].share if rows[-1].is_rest else percent(Decimal(0))
    caption = caption % {"total": total_text, "rest": rest_text}
    if rest < 0:
        caption += " " + gettext("The shares stated add up to more than 100%.")
    description = "; ".join(f"{row.name}: {row.share}" for row in rows) + "."
    chart = _layout(chart_id, title, description, caption, points, lo=0.0, hi=100.0)
    chart.table_rows = rows
    chart.total = total_text
    chart.track_width = _n(WIDTH - ARROW - 2)
    return chart
