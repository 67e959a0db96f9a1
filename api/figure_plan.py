"""The figures' row plan: ``FigureSerializer``'s values, read with the labels beside the slugs in one query.

Its columns are ``FigureSerializer``'s fields (``FIGURE_FIELDS``, derived from them: one definition);
the tests check that it writes every figure exactly as the serializer does, in both languages.
"""

from datetime import date
from functools import lru_cache

from django.db.models import ExpressionWrapper, F, FloatField, TextField
from django.db.models.functions import Cast

from api.csv_sql import stored_decimal_text
from api.figure_serializers import FigureSerializer
from api.row_plans import RowPlan, stored_fields
from api.serializer_base import links_around_slug
from conferences.figure_periods import period_kind
from conferences.models import IndicatorReport, session_title
from portal.translated import in_language
from regions.models import group_label


def _exact(value):
    """As ``ExactDecimalField``: plain notation, no padding zeros; None stays None."""
    return None if value is None else format(value.normalize(), "f")


def _exact_text(text):
    """``_exact`` for a decimal PostgreSQL wrote as text ("120700000000.0000"): cheaper than a Decimal."""
    if text is None or "." not in text:
        return text
    return text.rstrip("0").rstrip(".")


def _exact_stored(name: str):
    """``_exact`` for a decimal as SQLite stores it (an integer, a float, or text), without a Decimal for
    an integer: the value Django's SQLite converter would give, written as ``_exact`` writes it
    (``csv_sql.stored_decimal_text``, once per distinct float)."""
    field = IndicatorReport._meta.get_field(name)
    places, digits = field.decimal_places, field.max_digits

    def exact(value):
        if value is None:
            return None
        return str(value) if type(value) is int else stored_decimal_text(value, places, digits)

    return exact


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def _same(text):
    return text


@lru_cache(maxsize=4096)
def _period_kind_code(start, end, is_stock) -> str:
    if isinstance(end, str):  # read as text (SQLite)
        start, end = date.fromisoformat(start) if start else None, date.fromisoformat(end)
    return period_kind(start, end, is_stock).code


# The figures' columns are ``FigureSerializer``'s fields: these are the stored ones, which ``figure_plan``
# reads by position.
FIGURE_FIELDS = stored_fields(FigureSerializer)


# What the labels beside the slugs are made of, read in the same query, after FIGURE_FIELDS: the tables
# are joined already, for the slugs. The labels are made once per session, group and indicator.
FIGURE_LABEL_FIELDS = (
    "conference__session_number",
    "conference__year",
    "conference__region__name_vi",
    "conference__region__name_en",
    "province__name",
    "indicator__name_vi",
    "indicator__name_en",
    "source__title",
    "source__publication",
    "source__url",
)
LABELS_AT = len(FIGURE_FIELDS)

DECIMALS = ("value", "threshold_pct", "growth_pct", "share_pct", "plan_share_pct")


def figure_plan(request, vendor: str = "") -> RowPlan:
    """``FigureSerializer``'s fields, from one ``values_list`` row.

    The rows come from the database driver without the ORM's converters (``row_plans.read_ahead``), so
    the columns a converter would change are read in a form that needs none: on PostgreSQL the five
    decimals as text (``_exact_text``: building a ``Decimal`` for each took a fifth of the export's
    time); on SQLite the decimals as stored (``_exact_stored``) and the two dates as their ISO text. The
    labels are made in the language active when the rows are written (``written_in``), as the
    serializer's are.
    """
    (api_before, api_after), (page_before, page_after) = links_around_slug(
        request, "api:figure-detail", "conferences:figure_detail"
    )
    read_as, exact, iso = {}, dict.fromkeys(DECIMALS, _exact), _iso
    if vendor == "postgresql":
        read_as = {name: Cast(name, TextField()) for name in DECIMALS}
        exact = dict.fromkeys(DECIMALS, _exact_text)
    elif vendor == "sqlite":
        read_as = {name: ExpressionWrapper(F(name), output_field=FloatField()) for name in DECIMALS}  # no converter
        read_as |= {name: Cast(name, TextField()) for name in ("period_start", "period_end")}
        exact, iso = {name: _exact_stored(name) for name in DECIMALS}, _same
    annotations = {f"{name}_read": expression for name, expression in read_as.items()}
    fields = tuple(f"{name}_read" if name in read_as else name for name in FIGURE_FIELDS)
    value_exact, threshold_exact, growth_exact, share_exact, plan_share_exact = (exact[name] for name in DECIMALS)
    sessions, groups, indicators = {}, {}, {}  # labels by slug (code), made once each

    def row(values: tuple) -> list:
        (slug, conference, region, province, scope, indicator, as_written, start, end, is_stock, label, value) = values[
            :12
        ]
        (number, year, group_vi, group_en, province_name, indicator_vi, indicator_en, *source_labels) = values[
            LABELS_AT:
        ]
        if (session_label := sessions.get(conference)) is None:
            session_label = sessions[conference] = session_title(in_language(group_vi, group_en), number, year)
        if (group_name := groups.get(region)) is None:
            group_name = groups[region] = group_label(in_language(group_vi, group_en))
        if (indicator_name := indicators.get(indicator)) is None:
            indicator_name = indicators[indicator] = in_language(indicator_vi, indicator_en)
        return [
            slug,
            conference,
            session_label,
            region,
            group_name,
            province,
            province_name,
            scope,
            indicator,
            indicator_name,
            as_written,
            iso(start),
            iso(end),
            is_stock,
            label,
            _period_kind_code(start, end, is_stock),
            value_exact(value),
            *values[12:17],  # unit, unit_as_written, value_as_written, denominator, threshold_comparator
            threshold_exact(values[17]),
            growth_exact(values[18]),
            share_exact(values[19]),
            values[20],  # share_of
            plan_share_exact(values[21]),
            *values[22:LABELS_AT],  # qualifier, quote, quote_line, period_quote, a record's locator and fragments,
            # notes, source
            *source_labels,  # title, publication, address
            f"{api_before}{slug}{api_after}",
            f"{page_before}{slug}{page_after}",
        ]

    return RowPlan(fields + FIGURE_LABEL_FIELDS, row, annotations=annotations)
