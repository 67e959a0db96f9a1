"""Conference groups and provinces pages. Reads live in ``regions.selectors``, filters in ``regions.filters``."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from conferences.facets import Facet
from conferences.listing import FilteredListView
from regions.filters import ProvinceFilter
from regions.models import Province
from regions.selectors import (
    province_detail,
    province_list,
    province_relatives,
    province_reports,
    province_sessions,
    region_detail,
    region_figure_series,
    region_list,
)


@require_safe
def region_list_view(request):
    return render(request, "regions/region_list.html", {"regions": region_list()})


@require_safe
def region_detail_view(request, slug):
    region = region_detail(slug=slug)
    return render(
        request,
        "regions/region_detail.html",
        {"region": region, "series": region_figure_series(region=region)},
    )


class ProvinceListView(FilteredListView):
    filterset_class = ProvinceFilter
    template_name = "regions/province_filter.html"
    facets = [
        Facet("map", "administrative_map", choices=dict(Province.Map.choices)),
        Facet("region", "memberships__region__slug", "memberships__region__name_vi", "memberships__region__name_en"),
        Facet("kind", "kind", choices=dict(Province.Kind.choices)),
    ]

    def get_queryset(self):
        return province_list()


@require_safe
def province_detail_view(request, slug):
    province = province_detail(slug=slug)
    return render(
        request,
        "regions/province_detail.html",
        {
            "province": province,
            "sessions": province_sessions(province=province),
            "relatives": province_relatives(province=province),
            "reports": province_reports(province=province),
        },
    )
