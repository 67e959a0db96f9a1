"""Reads for the figures and sources pages, as keyword-only functions with a fixed number of queries."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from conferences.figure_counts import FigureCube
from conferences.figure_periods import PeriodKind, parse_code, period_kind
from conferences.models import (
    SCOPE_ORDER,
    Conference,
    ConferenceMention,
    ConferenceOfficial,
    Indicator,
    IndicatorReport,
    Source,
)
from conferences.selectors import capped, first_figures
from listings.facets import FacetCount, filtered_without
from portal.per_load import for_this_load

ROW_RELATIONS = ("indicator", "conference__region", "province", "source")


def figure_list() -> QuerySet[IndicatorReport]:
    """Every figure with what a row shows, grouped by indicator, latest period first."""
    return (
        IndicatorReport.objects.select_related(*ROW_RELATIONS)
        .annotate(scope_order=SCOPE_ORDER)
        .order_by(
            "indicator__position",
            "-period_end",
            "conference__region__position",
            "scope_order",
            "province__name_folded",
            "pk",
        )
    )


# What a row of the figure tables shows (``figure-tables`` in indicatorreport_filter.html, and
# ``comparable_groups``): the figure's value as printed, unit, period, qualifier, growth and share, and the
# names and slugs it links to. Its quote, notes, search columns and its source's row are on its own page;
# read on a list page they made each row ten times wider (a sort of 2,000 rows spilled to disk).
TABLE_ROW_FIELDS = (
    "slug",
    "conference__slug",
    "conference__session_number",
    "conference__year",
    "conference__region__slug",
    "conference__region__name_vi",
    "conference__region__name_en",
    "indicator__code",
    "indicator__name_vi",
    "indicator__name_en",
    "indicator_as_written",
    "scope",
    "province__slug",
    "province__name",
    "period_start",
    "period_end",
    "is_stock",
    "period_label",
    "value",
    "unit",
    "unit_as_written",
    "value_as_written",
    "denominator",
    "threshold_comparator",
    "threshold_pct",
    "growth_pct",
    "share_pct",
    "share_of",
    "plan_share_pct",
    "qualifier",
)
TABLE_ROW_RELATIONS = ("indicator", "conference__region", "province")


def figure_table_rows() -> QuerySet[IndicatorReport]:
    """``figure_list`` with only what a row of the page's tables shows (``TABLE_ROW_FIELDS``)."""
    return figure_list().select_related(None).select_related(*TABLE_ROW_RELATIONS).only(*TABLE_ROW_FIELDS)


def figure_detail(*, slug: str) -> IndicatorReport:
    """One figure with its indicator, conference, group, host, province and source: one query."""
    queryset = IndicatorReport.objects.select_related(*ROW_RELATIONS, "conference__host")
    return get_object_or_404(queryset, slug=slug)


@dataclass
class ComparableGroup:
    """Figures of one indicator over one kind of period: the only ones that may be set side by side."""

    indicator: Indicator
    kind: PeriodKind
    reports: list[IndicatorReport] = field(default_factory=list)


def comparable_groups(*, reports) -> list[ComparableGroup]:
    """The reports split by (indicator, kind of period), keeping their order, groups by first appearance.

    Each report gets ``period_kind``. A kind "other" is further split by exact dates, since two
    irregular periods are not comparable with each other either.
    """
    groups: dict[tuple, ComparableGroup] = {}
    for report in reports:
        report.period_kind = period_kind(report.period_start, report.period_end, report.is_stock)
        key = (report.indicator_id, report.period_kind)
        if report.period_kind.kind == "other":
            key += (report.period_start, report.period_end)
        if key not in groups:
            groups[key] = ComparableGroup(report.indicator, report.period_kind)
        groups[key].reports.append(report)
    return list(groups.values())


def indicators_in_several_kinds(*, groups: list[ComparableGroup]) -> list[tuple[Indicator, list[PeriodKind]]]:
    """Indicators that appear in more than one table: their tables must not be compared."""
    counts = Counter(group.indicator.pk for group in groups)
    seen, result = set(), []
    for group in groups:
        if counts[group.indicator.pk] > 1 and group.indicator.pk not in seen:
            seen.add(group.indicator.pk)
            kinds = [other.kind for other in groups if other.indicator.pk == group.indicator.pk]
            result.append((group.indicator, list(dict.fromkeys(kinds))))
    return result


def period_kind_counts(*, filterset, param: str = "period", precomputed: FigureCube | None = None) -> list[FacetCount]:
    """Counts by kind of period over the list's bound, valid ``filterset`` but its ``param``: one aggregate
    query.

    The kind is not a column, so the figures are counted by (start, end, stock) and the counts
    summed by kind in Python; there are as many rows as distinct periods, not as figures. The
    precomputed counts (``precomputed``, the list's ``FigureCube``) keep the kind, and serve
    when every active filter is theirs.
    """
    by_code = precomputed.period_kind_counts(param) if precomputed and precomputed.built else None
    counts: Counter[PeriodKind] = Counter()
    if by_code is not None:
        counts.update({parse_code(code): count for code, count in by_code.items()})
    else:
        rows = (
            filtered_without(filterset, param)
            .order_by()
            .values("period_start", "period_end", "is_stock")
            .annotate(count=Count("pk"))
        )
        for row in rows:
            counts[period_kind(row["period_start"], row["period_end"], row["is_stock"])] += row["count"]
    return [FacetCount(kind.code, str(kind.label), counts[kind]) for kind in sorted(counts, key=lambda k: k.sort_key)]


def figure_count():
    """A source's figures, counted in a correlated subquery on the ``source`` index: a join and GROUP BY over
    every figure took a second at a million figures."""
    # COUNT(*), not COUNT(id): the count is then read from the index alone.
    counted = IndicatorReport.objects.filter(source=OuterRef("pk")).order_by().values("source").annotate(n=Count("*"))
    return Coalesce(Subquery(counted.values("n"), output_field=IntegerField()), Value(0))


def figures_by_source(*, request) -> dict[int, int]:
    """Each source's number of figures, by the source's id (none: no figure), counted once per load.

    ``figure_count`` counts a page's 25 sources in a subquery each, about 2,000 entries of the ``source``
    index a source at a million figures: 6.5 ms of PostgreSQL's time for every sources page. The counts
    change only with a load (``portal.per_load``), and one GROUP BY over that index gives every source's.
    """
    return for_this_load(request, ("figures by source",), _count_figures_by_source)


def _count_figures_by_source() -> dict[int, int]:
    return dict(IndicatorReport.objects.order_by().values("source").annotate(n=Count("*")).values_list("source", "n"))


# What the sources list and the API show of a source's mentions: the sessions named, each by its label, and
# the kind of mention. The quotes and the sessions' and groups' other columns (their search text among
# them) are on their own pages; read for every mention they were most of what the list read.
SOURCE_MENTION_FIELDS = (
    "source_id",
    "conference_id",
    "kind",
    "conference__slug",
    "conference__year",
    "conference__session_number",
    "conference__region_id",
    "conference__region__name_vi",
    "conference__region__name_en",
)


def source_rows(*, counted: bool = True) -> QuerySet[Source]:
    """Every source by slug, with its mentions and, ``counted``, its ``figure_count``: the API's rows, and the
    sources page's (which reads the counts from ``figures_by_source``: ``attach_figure_counts``)."""
    mentions = (
        ConferenceMention.objects.select_related("conference__region")
        .only(*SOURCE_MENTION_FIELDS)
        .order_by("conference__year", "conference__region__position", "conference__session_number", "quote_line")
    )
    sources = Source.objects.annotate(figure_count=figure_count()) if counted else Source.objects.all()
    return sources.order_by("slug").prefetch_related(Prefetch("mentions", queryset=mentions))


def attach_figure_counts(sources, *, request) -> None:
    """Give each of ``sources`` its ``figure_count``, from the counts kept for the load (``figures_by_source``)."""
    counts = figures_by_source(request=request)
    for source in sources:
        source.figure_count = counts.get(source.pk, 0)


def attach_conference_kinds(sources) -> None:
    """Give each of ``sources`` (``source_rows``) the conferences it names, as ``conference_kinds``."""
    for source in sources:
        source.conference_kinds = _conference_kinds(source.mentions.all())


def _conference_kinds(mentions) -> list[tuple[Conference, list[str]]]:
    """Each conference a source names once, with the kinds of mention (report, mention, announcement)."""
    named: dict[int, tuple[Conference, list[str]]] = {}
    for mention in mentions:
        _, kinds = named.setdefault(mention.conference_id, (mention.conference, []))
        label = mention.get_kind_display()
        if label not in kinds:
            kinds.append(label)
    return list(named.values())


def source_detail(*, slug: str) -> Source:
    """One source with its mentions, officials and figures: 4 queries whatever the data size.

    Its figures are ``figures``: the first ``DETAIL_FIGURES``, with ``figures.more`` if there are more.
    """
    queryset = Source.objects.prefetch_related(
        Prefetch(
            "mentions",
            queryset=ConferenceMention.objects.select_related("conference__region").order_by(
                "quote_line", "conference__year"
            ),
        ),
        Prefetch(
            "officials",
            queryset=ConferenceOfficial.objects.select_related("conference__region").order_by(
                "conference__year", "position"
            ),
        ),
    )
    source = get_object_or_404(queryset, slug=slug)
    order = ("indicator__position", "-period_end", "scope_order", "province__name_folded", "position", "pk")
    own = IndicatorReport.objects.filter(source=source).annotate(scope_order=SCOPE_ORDER)
    source.figures = capped(
        first_figures(own, *order)
        .select_related(*TABLE_ROW_RELATIONS)
        .only(*TABLE_ROW_FIELDS)
        .annotate(scope_order=SCOPE_ORDER)
        .order_by(*order)
    )
    return source
