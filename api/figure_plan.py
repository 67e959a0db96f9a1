"""The figures' row plan: ``FigureSerializer``'s values, read with the labels beside the slugs in one query.

Its columns are ``FigureSerializer``'s fields (``FIGURE_FIELDS``, derived from them: one definition);
the tests check that it writes every figure exactly as the serializer does, in both languages.
"""

from functools import lru_cache

from django.db.models import TextField
from django.db.models.functions import Cast
from django.urls import reverse

from api.figure_serializers import FigureSerializer
from api.row_plans import RowPlan, stored_fields
from api.serializer_base import page_url, reverse_page
from conferences.figure_periods import period_kind
from conferences.models import session_title
from portal.translated import in_language
from regions.models import group_label

_SLUG = "slug-placeholder"


def _around(url: str) -> tuple[str, str]:
    """An address with ``_SLUG`` in it, as the text before and after the slug."""
    before, _, after = url.partition(_SLUG)
    return before, after


def _exact(value):
    """As ``ExactDecimalField``: plain notation, no padding zeros; None stays None."""
    return None if value is None else format(value.normalize(), "f")


def _exact_text(text):
    """``_exact`` for a decimal PostgreSQL wrote as text ("120700000000.0000"): cheaper than a Decimal."""
    if text is None or "." not in text:
        return text
    return text.rstrip("0").rstrip(".")


@lru_cache(maxsize=4096)
def _period_kind_code(start, end, is_stock) -> str:
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
FIGURE_FREE_TEXT = (
    "conference_label",
    "region_name",
    "province_name",
    "indicator_name",
    "indicator_as_written",
    "period_label",
    "unit_as_written",
    "value_as_written",
    "quote",
    "period_quote",
    "locator",
    "growth_as_written",
    "share_as_written",
    "plan_share_as_written",
    "qualifier_as_written",
    "period_context_as_written",
    "note_vi",
    "note_en",
    "source_title",
    "source_publication",
    "source_url",
)


def figure_plan(request, vendor: str = "") -> RowPlan:
    """``FigureSerializer``'s fields, from one ``values_list`` row.

    On PostgreSQL the five decimals are read as text (``_exact_text``): building a ``Decimal`` for each
    took a fifth of the export's time. The labels are made in the language active when the rows are
    written (``written_in``), as the serializer's are.
    """
    api_before, api_after = _around(request.build_absolute_uri(reverse("api:figure-detail", kwargs={"slug": _SLUG})))
    page_before, page_after = _around(page_url(request, reverse_page("conferences:figure_detail", _SLUG)))
    fields, annotations, exact = FIGURE_FIELDS, {}, _exact
    if vendor == "postgresql":
        annotations = {f"{name}_text": Cast(name, TextField()) for name in DECIMALS}
        fields = tuple(f"{name}_text" if name in DECIMALS else name for name in FIGURE_FIELDS)
        exact = _exact_text
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
            start.isoformat() if start else None,
            end.isoformat() if end else None,
            is_stock,
            label,
            _period_kind_code(start, end, is_stock),
            exact(value),
            *values[12:17],  # unit, unit_as_written, value_as_written, denominator, threshold_comparator
            exact(values[17]),
            exact(values[18]),
            exact(values[19]),
            values[20],  # share_of
            exact(values[21]),  # plan_share_pct
            *values[22:LABELS_AT],  # qualifier, quote, quote_line, period_quote, a record's locator and fragments,
            # notes, source
            *source_labels,  # title, publication, address
            f"{api_before}{slug}{api_after}",
            f"{page_before}{slug}{page_after}",
        ]

    return RowPlan(
        fields + FIGURE_LABEL_FIELDS, row, flat=("is_stock",), free_text=FIGURE_FREE_TEXT, annotations=annotations
    )
