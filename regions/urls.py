from django.urls import path

from portal.caching import changes_daily
from regions import views

app_name = "regions"

urlpatterns = [
    path("regions/", views.region_list_view, name="region_list"),
    path("regions/<slug:slug>/", views.region_detail_view, name="region_detail"),
    # Daily validators: a designated host's session shows when its time has passed (Conference.overdue_today).
    path("provinces/", changes_daily(views.ProvinceListView.as_view()), name="province_list"),
    path("provinces/<slug:slug>/", views.province_detail_view, name="province_detail"),
]
