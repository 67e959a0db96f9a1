"""The provinces' pages: the units of both maps, and one unit with the sessions it hosted."""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_safe

from conferences.province_selectors import (
    province_detail,
    province_list,
    province_list_now,
    province_relatives,
    province_reports,
    province_sessions,
)
from conferences.rotation import HostingSummary, every_session_kept, hosting_summaries
from listings.facets import Facet
from listings.views import FilteredListView
from portal.caching import changes_daily
from regions import map2025
from regions.filters import ProvinceFilter
from regions.models import Province


def hosting_of(request, provinces, *, through_predecessors: bool = True) -> dict[int, HostingSummary]:
    """The provinces' hosting summaries by pk, made from every session kept for the load rather than read
    for every page."""
    return hosting_summaries(every_session_kept(request), provinces, through_predecessors=through_predecessors)


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
        hosting = hosting_of(self.request, provinces, through_predecessors=units_now) if provinces else {}
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
            "hosting": hosting_of(request, [province])[province.pk],
        },
    )
