from django.urls import path

from regions import views

app_name = "regions"

urlpatterns = [
    path("regions/", views.region_list_view, name="region_list"),
    path("regions/<slug:slug>/", views.region_detail_view, name="region_detail"),
    path("provinces/", views.ProvinceListView.as_view(), name="province_list"),
    path("provinces/<slug:slug>/", views.province_detail_view, name="province_detail"),
]
