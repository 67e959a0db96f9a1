"""The groups' and provinces' pages. Their namespace stays ``regions``: it names what the pages are about."""

from django.urls import path

from conferences import group_views, province_views
from portal.caching import changes_daily

app_name = "regions"

urlpatterns = [
    path("regions/", group_views.region_list_view, name="region_list"),
    path("regions/<slug:slug>/", group_views.region_detail_view, name="region_detail"),
    # Daily validators: a designated host's session shows when its time has passed (Conference.overdue_today).
    path("provinces/", changes_daily(province_views.ProvinceListView.as_view()), name="province_list"),
    path("provinces/<slug:slug>/", province_views.province_detail_view, name="province_detail"),
]
