"""``FigureCount`` rebuilt from the figures at each load: the counts ``figure_counts.FigureCube`` reads.

A million figures and more are too many to count live on every page, so a load counts them once by
region, indicator, scope, qualifier and period, every grouping of the five, in the load's transaction.
"""

from django.db.models import Count

from conferences.bulk import insert_rows
from conferences.figure_periods import period_kind
from conferences.models import FigureCount, Indicator, IndicatorReport, scope_rank
from regions.models import Region


def _unique(positions: dict) -> dict:
    return positions if len(set(positions.values())) == len(positions) else {}


def rebuild_figure_counts() -> int:
    """Recount ``FigureCount`` from the figures: every grouping of the five dimensions. Returns its rows."""
    FigureCount.objects.all().delete()
    # Positions are copied only when unique: the pages' order would interleave two groups or indicators
    # sharing one, and ``FigureCube`` then leaves the order to the database.
    region_positions = _unique(dict(Region.objects.values_list("pk", "position")))
    indicator_positions = _unique(dict(Indicator.objects.values_list("pk", "position")))
    base = (
        IndicatorReport.objects.order_by()
        .values_list("conference__region", "indicator", "scope", "qualifier", "period_start", "period_end", "is_stock")
        .annotate(n=Count("pk"))
    )
    counts: dict[tuple, int] = {}
    masks = range(1 << len(FigureCount.DIMENSIONS))
    for region, indicator, scope, qualifier, start, end, stock, n in base.iterator(chunk_size=10_000):
        period = (start, end, stock)
        values = (region, indicator, scope, qualifier, period)
        for mask in masks:
            key = (
                mask,
                *(value if mask & bit else None for bit, value in zip(FigureCount.DIMENSIONS, values, strict=True)),
            )
            counts[key] = counts.get(key, 0) + n
    kinds: dict[tuple, str] = {}

    def rows():
        for (mask, region, indicator, scope, qualifier, period), n in counts.items():
            start, end, stock = period or (None, None, None)
            if period and period not in kinds:
                kinds[period] = period_kind(start, end, stock).code
            yield (
                mask,
                region,
                indicator,
                scope or "",
                qualifier or "",
                start,
                end,
                stock,
                end.year if period else None,
                kinds[period] if period else "",
                region_positions.get(region),
                indicator_positions.get(indicator),
                scope_rank(scope) if scope else None,
                n,
            )

    columns = (
        "dims",
        "region_id",
        "indicator_id",
        "scope",
        "qualifier",
        "period_start",
        "period_end",
        "is_stock",
        "year",
        "period_kind",
        "region_position",
        "indicator_position",
        "scope_order",
        "count",
    )
    return insert_rows(FigureCount, columns, rows())
