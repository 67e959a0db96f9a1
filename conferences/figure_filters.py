"""The figures list's filters: where, what, when, which kind of period, how sure, from which source."""

import calendar
from functools import reduce
from operator import or_

import django_filters
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from conferences import figure_periods
from conferences.models import Conference, Indicator, IndicatorReport, Source
from listings.filters import ChoicesPerLoad, FastSelect, FormClassPerFilterSet, YearRangeFilter, slug_choice_filter
from listings.search_filter import SearchesLastFilterSet, SearchFilter
from listings.sorting import SortFilter
from regions.models import Province, Region

LEAP_YEARS = [year for year in range(1800, 2201) if calendar.isleap(year)]
DAYS_IN_MONTH = {month: calendar.monthrange(2001, month)[1] for month in range(1, 13)}


def _ends_a_month(month: int) -> Q:
    """``period_end`` is the last day of ``month`` (29 February in leap years, 28 otherwise)."""
    if month != 2:
        return Q(period_end__month=month, period_end__day=DAYS_IN_MONTH[month])
    return Q(period_end__month=2) & (
        Q(period_end__day=29) | Q(period_end__day=28) & ~Q(period_end__year__in=LEAP_YEARS)
    )


def _whole_months_in_one_year() -> Q:
    return Q(is_stock=False, period_start__day=1, period_start__year=F("period_end__year")) & reduce(
        or_, (_ends_a_month(month) for month in range(1, 13))
    )


def period_kind_condition(kind: figure_periods.PeriodKind) -> Q:
    """The queryset condition matching exactly the figures ``figure_periods.period_kind`` puts in ``kind``."""
    if kind.kind == figure_periods.STOCK:
        return Q(is_stock=True)
    span = figure_periods.month_span(kind)
    if span is not None:
        first, last = span
        return Q(
            is_stock=False,
            period_start__month=first,
            period_start__day=1,
            period_start__year=F("period_end__year"),
        ) & _ends_a_month(last)
    regular = _whole_months_in_one_year() & (
        Q(period_start__month=1)
        | Q(period_end__month=12)
        | Q(period_start__month=4, period_end__month=6)
        | Q(period_start__month=7, period_end__month=9)
    )
    return Q(is_stock=False) & ~regular


class PeriodKindFilter(django_filters.ChoiceFilter):
    def __init__(self, **kwargs):
        kwargs.setdefault("choices", lambda: [(kind.code, kind.label) for kind in figure_periods.all_kinds()])
        kwargs.setdefault("widget", FastSelect)
        super().__init__(**kwargs)

    def filter(self, qs, value):
        kind = figure_periods.parse_code(value) if value else None
        return qs.filter(period_kind_condition(kind)) if kind else qs


class FigureOrderingFilter(SortFilter):
    """Each sort key orders by what makes it meaningful, then by a stable tie-break.

    ``value`` compares values only within an indicator (a count of provinces beside a sum in USD
    means nothing); the list then sets each kind of period in its own table.
    """

    expansions = {
        "period": ["period_end"],
        "value": ["value"],
        "indicator": ["indicator__position"],
        "region": ["conference__region__position"],
    }
    prefixes = {"value": ["indicator__position", "unit"]}
    tie_break = ["indicator__position", "-period_end", "conference__region__position", "scope_order", "pk"]

    def order(self, qs, keys):
        ordering = []
        for param in keys:
            name = param.lstrip("-")
            ordering += self.prefixes.get(name, [])
            ordering += [f"-{field}" if param.startswith("-") else field for field in self.expansions[name]]
        ordering += [field for field in self.tie_break if field.lstrip("-") not in {o.lstrip("-") for o in ordering}]
        return qs.order_by(*ordering)


# The choices load only what their labels show. A session and a source are chosen from their own pages
# (their "All figures" links), not from hundreds of options on every page of the list: their selects
# offer only the one chosen.
class IndicatorReportFilter(FormClassPerFilterSet, ChoicesPerLoad, SearchesLastFilterSet):
    q = SearchFilter(label=_("Search: indicator, province, quote"))
    region = slug_choice_filter(
        _("Conference group"), "conference__region", queryset=Region.objects.only("slug", "name_vi", "name_en")
    )
    province = slug_choice_filter(
        _("Province"), "province", queryset=Province.objects.only("slug", "name", "administrative_map")
    )
    indicator = slug_choice_filter(
        _("Indicator"), "indicator", queryset=Indicator.objects.only("code", "name_vi", "name_en"), to_field_name="code"
    )
    year = YearRangeFilter(label=_("Year of the period's end, or range"), field_name="period_end__year")
    period = PeriodKindFilter(label=_("Kind of period"), field_name="period_end")
    scope = slug_choice_filter(_("Scope"), "scope", choices=IndicatorReport.Scope.choices)
    qualifier = slug_choice_filter(_("Qualifier"), "qualifier", choices=IndicatorReport.Qualifier.choices)
    conference = slug_choice_filter(
        _("Conference"),
        "conference",
        queryset=Conference.objects.select_related("region").only(
            "slug", "session_number", "year", "region__name_vi", "region__name_en"
        ),
        chosen_only=True,
    )
    source = slug_choice_filter(
        _("Source"),
        "source",
        queryset=Source.objects.only("slug", "title", "publication"),
        option_lang="vi",
        chosen_only=True,
    )
    sort = FigureOrderingFilter(
        label=_("Sort by"),
        fields=(
            ("period_end", "period"),
            ("value", "value"),
            ("indicator__position", "indicator"),
            ("conference__region__position", "region"),
        ),
        field_labels={
            "period_end": _("period"),
            "value": _("value"),
            "indicator__position": _("indicator"),
            "conference__region__position": _("conference group"),
        },
    )

    class Meta:
        model = IndicatorReport
        fields = []
