"""A checked figure as the build keeps it: its fixture fields, in one order, and what the cross-checks need.

An annotated article's figure (``curation.article_figures``) and a record's (``curation.record_figures``)
are checked differently, but they name most fields alike (``ENTRY_FIELDS``) and give the same fixture
record; only the text each kind keeps differs (an article's quote and notes, a record's locator and
printed fragments). One builder writes both, so the two kinds cannot drift apart in their fields or
their order in ``fixtures/conferences.json``.
"""

from decimal import Decimal

from curation.curated import FigureFacts
from curation.field_checks import half_unit_of_percent

# Fields an article's entry and a record's carry under the fixture's own names.
ENTRY_FIELDS = (
    "indicator",
    "indicator_as_written",
    "scope",
    "period_label",
    "value_as_written",
    "share_of",
    "qualifier",
    "growth_as_written",
    "share_as_written",
    "plan_share_as_written",
)


def figure_facts(
    entry,
    *,
    source: str,
    province: str | None,
    period,
    quantity,
    half_unit: Decimal,
    comparator: str,
    threshold: Decimal | None,
    growth: Decimal | None,
    share: Decimal | None,
    plan_share: Decimal | None,
    position: int,
    quote: str = "",
    quote_line: int | None = None,
    period_quote: str = "",
    period_context_as_written: str = "",
    qualifier_as_written: str = "",
    locator: str = "",
    note_vi: str = "",
    note_en: str = "",
) -> FigureFacts:
    """``entry`` (an article's ``FigureEntry`` or a record's ``RecordFigure``) once every check passed,
    with what the checks computed: its period, its quantity and the rounding its written value allows,
    its threshold, growth, share and plan share."""
    named = {name: getattr(entry, name) for name in ENTRY_FIELDS}
    fields = {
        "slug": f"{source}-{entry.id}",
        "conference": entry.conference,
        "source": source,
        "indicator": named["indicator"],
        "indicator_as_written": named["indicator_as_written"],
        "scope": named["scope"],
        "province": province,
        "period_start": period.start,
        "period_end": period.end,
        "is_stock": period.is_stock,
        "period_label": named["period_label"],
        "period_quote": period_quote,
        "value": quantity.value,
        "unit": quantity.unit,
        "unit_as_written": quantity.unit_as_written,
        "value_as_written": named["value_as_written"],
        "denominator": quantity.denominator,
        "threshold_comparator": comparator,
        "threshold_pct": threshold,
        "growth_pct": growth,
        "share_pct": share,
        "share_of": named["share_of"],
        "plan_share_pct": plan_share,
        "qualifier": named["qualifier"],
        "qualifier_as_written": qualifier_as_written,
        "growth_as_written": named["growth_as_written"],
        "share_as_written": named["share_as_written"],
        "plan_share_as_written": named["plan_share_as_written"],
        "period_context_as_written": period_context_as_written,
        "quote": quote,
        "quote_line": quote_line,
        "locator": locator,
        "note_vi": note_vi,
        "note_en": note_en,
        "position": position,
    }
    return FigureFacts(
        fields=fields,
        conference=entry.conference,
        line=entry.line,
        half_unit=half_unit,
        share_half_unit=half_unit_of_percent(entry.share_as_written) if share is not None else None,
        signed=bool(quantity.sign_as_written),
    )
