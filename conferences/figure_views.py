"""Figures and sources pages: the list of figures, a figure's permalink and one source."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from conferences import figure_display
from conferences.citations import figure_citations
from conferences.figure_counts import FigureCube
from conferences.figure_filters import IndicatorReportFilter
from conferences.figure_periods import period_kind
from conferences.figure_selectors import (
    comparable_groups,
    figure_detail,
    figure_table_rows,
    indicators_in_several_kinds,
    period_kind_counts,
    source_detail,
)
from conferences.models import IndicatorReport
from listings.facets import Facet
from listings.views import FilteredListView


class FigureListView(FilteredListView):
    """Figures filtered in the query string, one table per indicator and kind of period."""

    filterset_class = IndicatorReportFilter
    precomputed_counts = FigureCube
    template_name = "conferences/indicatorreport_filter.html"
    facets = [
        Facet("region", "conference__region__slug", "conference__region__name_vi", "conference__region__name_en"),
        Facet("indicator", "indicator__code", "indicator__name_vi", "indicator__name_en"),
        Facet("scope", "scope", choices=dict(IndicatorReport.Scope.choices)),
        Facet("qualifier", "qualifier", choices=dict(IndicatorReport.Qualifier.choices)),
        Facet("year", "period_end__year", descending=True),
    ]

    def get_queryset(self):
        return figure_table_rows()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups = comparable_groups(reports=context["object_list"])
        context["groups"] = groups
        context["not_comparable"] = indicators_in_several_kinds(groups=groups)
        return context

    def count_facet_values(self):
        counts = super().count_facet_values()
        counts["period"] = period_kind_counts(filterset=self.filterset, precomputed=self.precomputed)
        return counts


@require_safe
def figure_detail_view(request, slug):
    report = figure_detail(slug=slug)
    return render(
        request,
        "conferences/indicatorreport_detail.html",
        {
            "report": report,
            "kind": period_kind(report.period_start, report.period_end, report.is_stock),
            "where": figure_display.where(report),
            "heading_period": figure_display.heading_period(report),
            "dates": figure_display.page_dates(report),
            "base_value": figure_display.base_value(report),
            "qualifier_explanation": figure_display.qualifier_explanation(report),
            "threshold": figure_display.threshold_text(report),
            "citations": figure_citations(report, request=request),
        },
    )


@require_safe
def source_detail_view(request, slug):
    source = source_detail(slug=slug)
    groups = comparable_groups(reports=source.figures)
    return render(
        request,
        "conferences/source_detail.html",
        {"source": source, "groups": groups, "not_comparable": indicators_in_several_kinds(groups=groups)},
    )
