from collections.abc import Callable, Hashable

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from conferences import presentation
from conferences.models import IndicatorReport
from portal.html_format import format_html

register = template.Library()


def per_language(name: Hashable, build: Callable[[], str]) -> str:
    """``build()``, made once per process and language for ``name``: text that depends only on the code
    and the active language, such as a row's format string with its labels written in, or an address
    pattern (``detail_rows.address``).

    A table's rows share their labels; translating and escaping them again on every row was a quarter of
    a figure list row's function calls. The translations change only with the code, so they are kept for
    the process.
    """
    key = (name, get_language())
    text = _PER_LANGUAGE.get(key)
    if text is None:
        text = _PER_LANGUAGE[key] = build()
    return text


_PER_LANGUAGE: dict[tuple, str] = {}


def unknown(text: str) -> str:
    """``text`` marked as standing in for a fact no source gives ("not stated", "none recorded")."""
    return format_html('<span class="unknown">{}</span>', text)


def label(message: str) -> str:
    """``message`` translated and escaped, for a format string: its braces doubled."""
    return conditional_escape(gettext(message)).replace("{", "{{").replace("}", "}}")


@register.filter
def figure_value(report):
    """``{{ report|figure_value }}``: "hơn 2.442 nghìn tỷ đồng" / "more than 2,442 trillion VND"."""
    return presentation.figure_value(report)


@register.filter
def signed_percent(value):
    """``{{ report.growth_pct|signed_percent }}``: "+12,3%" / "+12.3%"."""
    return presentation.signed_percent(value)


@register.filter
def plan_share(value):
    """``{{ report.plan_share_pct|plan_share }}``: "đạt 74% kế hoạch năm" / "74% of the annual plan"."""
    return presentation.plan_share(value)


@register.filter
def percent(value):
    """``{{ report.share_pct|percent }}``: "13,3%" / "13.3%"."""
    return presentation.percent(value)


def growth_threshold(report) -> str:
    """A figure stated as growth beyond a threshold: " (growth > 10%)" after the indicator or period a row
    names it by, or nothing. A plain function: the row tags write it inside their cells."""
    if not report.threshold_comparator:
        return ""
    return format_html(
        ' <span class="basis">({} {} {})</span>',
        gettext("growth"),
        report.threshold_comparator,
        presentation.percent(report.threshold_pct),
    )


@register.simple_tag
def figure_headers():
    """``{% figure_headers %}``: the headers of the columns ``figure_cells`` fills, in the same order, each on
    a line of its own (``includes/figure_headers.html``, and the group page's tables)."""
    return format_html(
        '\n<th scope="col" class="num">{}</th>\n<th scope="col" class="num">{}</th>\n'
        '<th scope="col" class="num">{}</th>',
        gettext("Value"),
        gettext("Year on year"),
        gettext("Share"),
    )


@register.simple_tag
def figure_cells(report):
    """``{% figure_cells report %}``: a figure's value (an estimate's or forecast's marked), growth and share
    cells, the same in every table, under the headers of ``figure_headers``.

    Written here rather than as an included template: a list renders it for every row, and a template's
    three translated labels and nine conditions per row cost more than the rest of the row. The labels of
    the choices are read from their enums: ``get_FIELD_display`` hashes every translated choice each time.
    """
    qualifier = ""
    if report.qualifier in ("estimate", "forecast"):
        qualifier = format_html(' <span class="qualifier">{}</span>', IndicatorReport.Qualifier(report.qualifier).label)
    shares = []
    if report.share_pct is not None:
        shares.append(
            format_html(
                '{} <span class="basis">{}</span>',
                presentation.percent(report.share_pct),
                IndicatorReport.ShareOf(report.share_of).label,
            )
        )
    if report.plan_share_pct is not None:
        shares.append(conditional_escape(presentation.plan_share(report.plan_share_pct)))
    return format_html(
        per_language("figure_cells", _cells),
        presentation.figure_value(report),
        qualifier,
        presentation.signed_percent(report.growth_pct) or "—",
        mark_safe("<br>".join(shares)) if shares else "—",  # each part escaped above
    )


def _cells() -> str:
    return (
        f'<td data-label="{label("Value")}" class="num"><span class="value">{{}}</span>{{}}</td>\n'
        f'<td data-label="{label("Year on year")}" class="num">{{}}</td>\n'
        f'<td data-label="{label("Share")}" class="num">{{}}</td>\n'
    )
