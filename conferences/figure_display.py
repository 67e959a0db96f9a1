"""How a figure's permalink page words it: where, when, how sure, and a citation line built from data.

Everything here reads stored fields only. Where a source has no title, author or date, the citation
leaves them out; nothing is filled in.
"""

from datetime import date
from decimal import Decimal

from django.utils import dateformat
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from conferences import figure_periods
from conferences.figure_periods import period_kind
from conferences.presentation import figure_value, is_english, localized_number, percent

QUALIFIER_EXPLANATIONS = {
    "actual": lambda: gettext(
        "The source attaches no qualifier to this number. That does not mean the number is final."
    ),
    "estimate": lambda: gettext("The source gives this number as an estimate (“ước”)."),
    "forecast": lambda: gettext("The source gives this number as a forecast (“dự kiến”)."),
    "lower_bound": lambda: gettext(
        "The source writes “hơn” (more than): the figure is above this number, by an amount it does not state."
    ),
    "approximate": lambda: gettext("The source writes “khoảng” (about): the number is approximate."),
}
# Base unit codes as a page shows them after a number (a count or a population needs no unit).
BASE_UNITS = {"percent": "%", "count": "", "person": "", "km2": "km²", "m3": "m³", "tonne": "t"}


def citation_date(day: date) -> str:
    """17/5/2024 in Vietnamese, 17 May 2024 in English."""
    return date_format(day, "DATE_FORMAT") if is_english() else dateformat.format(day, "j/n/Y")


def where(report) -> str:
    """What the figure covers: the whole country, the conference group, or the province."""
    if report.scope == "country":
        return gettext("whole country")
    if report.scope == "province":
        return report.province.name
    return report.conference.region.name


def period_description(report) -> str:
    """The period in words built from its dates: "first 6 months of 2024", "as at 30 September 2024"."""
    kind = period_kind(report.period_start, report.period_end, report.is_stock)
    year = report.period_end.year
    if kind.kind == figure_periods.FIRST_MONTHS:
        text = ngettext("first month of %(year)s", "first %(months)s months of %(year)s", kind.number)
        return text % {"months": kind.number, "year": year}
    if kind.kind == figure_periods.LAST_MONTHS:
        text = ngettext("last month of %(year)s", "last %(months)s months of %(year)s", kind.number)
        return text % {"months": kind.number, "year": year}
    if kind.kind == figure_periods.QUARTER:
        return gettext("quarter %(quarter)s of %(year)s") % {"quarter": kind.number, "year": year}
    if kind.kind == figure_periods.FULL_YEAR:
        return gettext("the year %(year)s") % {"year": year}
    if kind.kind == figure_periods.STOCK:
        return gettext("as at %(date)s") % {"date": citation_date(report.period_end)}
    return gettext("%(start)s to %(end)s") % {
        "start": citation_date(report.period_start) if report.period_start else "…",
        "end": citation_date(report.period_end),
    }


def heading_period(report) -> str:
    """The period for a heading: as written on Vietnamese pages, in words from its dates on English ones."""
    return period_description(report) if is_english() else report.period_label


def page_dates(report) -> dict[str, str]:
    """The dates a figure's page shows, formatted for running text (17/5/2024, 17 May 2024)."""
    dates = {"end": citation_date(report.period_end)}
    if report.period_start:
        dates["start"] = citation_date(report.period_start)
    if report.conference.date:
        dates["conference"] = citation_date(report.conference.date)
    if report.source.published_on:
        dates["published"] = citation_date(report.source.published_on)
    return dates


def base_value(report) -> str:
    """The stored value in its base unit, with every digit: "120.700.000.000 USD" / "120,700,000,000 USD"."""
    value = Decimal(report.value)
    decimals = max(0, -value.normalize().as_tuple().exponent)
    number = localized_number(value, decimals)
    unit = BASE_UNITS.get(report.unit, report.unit)
    if report.unit == "percent":
        return f"{number}%"
    return f"{number} {unit}".strip()


def qualifier_explanation(report) -> str:
    return QUALIFIER_EXPLANATIONS[report.qualifier]()


def threshold_text(report) -> str:
    """What a count of provinces counts: "provinces whose growth was above 10%"."""
    if not report.threshold_comparator:
        return ""
    threshold = percent(report.threshold_pct)
    if report.threshold_comparator == ">":
        return gettext("Counts provinces whose growth was above %(threshold)s.") % {"threshold": threshold}
    return gettext("Counts provinces whose growth was %(threshold)s or more.") % {"threshold": threshold}


def conference_name(conference) -> str:
    """The session as a citation names it, with its date when known, else its year."""
    when = citation_date(conference.date) if conference.date else str(conference.year)
    if conference.session_number:
        name = gettext("the Industry and Trade conference of the %(group)s, session %(session)s") % {
            "group": conference.region.name,
            "session": conference.session_roman,
        }
    else:
        name = gettext("the Industry and Trade conference of the %(group)s") % {"group": conference.region.name}
    return f"{name} ({when})"


def stated_value(report) -> str:
    """The value as a citation states it: "estimated at USD 120.7 billion" / "ước đạt 120,7 tỷ USD"."""
    value = figure_value(report)
    if report.qualifier == "estimate":
        return gettext("estimated at %(value)s") % {"value": value}
    if report.qualifier == "forecast":
        return gettext("forecast at %(value)s") % {"value": value}
    return value


def source_parts(source) -> list[str]:
    """Publication, “title”, author and date, each only where the source states it; then the page's
    address and the day it was read, where they are on record."""
    parts = [source.publication] if source.publication else []
    if source.title:
        parts.append(f"“{source.title}”")
    if source.author:
        parts.append(source.author)
    if source.published_on:
        parts.append(citation_date(source.published_on))
    if source.url:
        parts.append(source.url)
    if source.accessed_on:
        parts.append(gettext("accessed %(date)s") % {"date": citation_date(source.accessed_on)})
    return parts


def citation(report) -> str:
    """A ready-to-copy line in the active language, built only from the figure's stored data."""
    period = heading_period(report)
    statement = gettext("%(indicator)s, %(where)s, %(period)s: %(value)s.") % {
        "indicator": report.indicator.name,
        "where": where(report),
        "period": period,
        "value": stated_value(report),
    }
    report_of = gettext("report of %(conference)s") % {"conference": conference_name(report.conference)}
    source = gettext("Source: %(source)s.") % {"source": ", ".join([*source_parts(report.source), report_of])}
    return f"{statement} {source}"
