"""Conference groups and provinces pages. Reads live in ``regions.selectors``, filters in ``regions.filters``."""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from conferences.charts import attach_series_charts, share_charts
from conferences.facets import Facet
from conferences.listing import FilteredListView
from portal.caching import changes_daily
from regions import map2025
from regions.filters import ProvinceFilter
from regions.models import Province
from regions.rotation import province_hosting, region_rotation
from regions.selectors import (
    latest_session_shares,
    province_detail,
    province_list,
    province_list_now,
    province_relatives,
    province_reports,
    province_sessions,
    region_detail,
    region_figure_series,
    region_list,
)


@changes_daily  # an announced session stops being "next" once its day has passed
@require_safe
def region_list_view(request):
    return render(request, "regions/region_list.html", {"regions": region_list(today=timezone.localdate())})


@changes_daily
@require_safe
def region_detail_view(request, slug):
    region = region_detail(slug=slug, today=timezone.localdate())
    series = region_figure_series(region=region)
    attach_series_charts(series)
    totals = [report for entry in series for group in entry.groups for report in group.reports]
    units_now = map2025.wants_now(request)
    shares = latest_session_shares(region=region)
    context = {
        "region": region,
        "series": series,
        "share_charts": share_charts(parts=shares, totals=totals),
        "shares_session": shares[0].conference if shares else None,
        "rotation": region_rotation(region.sessions),
        "units_now": units_now,
        "members_now": map2025.region_units_now(region) if units_now else None,
    }
    return render(request, "regions/region_detail.html", context)


class ProvinceListView(FilteredListView):
    """The units of both maps; "as it is now" (``?units=now``), the 2025 units with their predecessors'
    groups and hosting added up."""

    filterset_class = ProvinceFilter
    template_name = "regions/province_filter.html"
    MAP_FACET = Facet("map", "administrative_map", choices=dict(Province.Map.choices))
    KIND_FACET = Facet("kind", "kind", choices=dict(Province.Kind.choices))

    @property
    def facets(self):
        if map2025.wants_now(self.request):
            groups = "predecessors__memberships__region"
            region = Facet("region", f"{groups}__slug", f"{groups}__name_vi", f"{groups}__name_en")
            return [region, self.KIND_FACET]
        region = Facet(
            "region", "memberships__region__slug", "memberships__region__name_vi", "memberships__region__name_en"
        )
        return [self.MAP_FACET, region, self.KIND_FACET]

    def get(self, request, *args, **kwargs):
        if map2025.wants_now(request) and "map" in request.GET:  # "as it is now" is the 2025 map
            query = request.GET.copy()
            query.pop("map")
            return HttpResponseRedirect(f"{request.path}?{query.urlencode()}")
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return province_list_now() if map2025.wants_now(self.request) else province_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        units_now = map2025.wants_now(self.request)
        provinces = list(context["object_list"] or [])
        hosting = province_hosting(provinces=provinces, through_predecessors=units_now)
        for province in provinces:
            province.hosting = hosting.get(province.pk)
            if units_now:
                province.former_groups = map2025.former_groups(province)
        context["units_now"] = units_now
        return context


@changes_daily  # a designated host's session shows when its time has passed
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
            "hosting": province_hosting(provinces=[province])[province.pk],
        },
    )
