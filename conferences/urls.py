from django.urls import path

from conferences import figure_views, search_views, source_views, views
from conferences.people_views import person_detail_view, person_list_view
from conferences.quality_views import quality_check_view, quality_view

app_name = "conferences"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", search_views.search_view, name="search"),
    path("conferences/", views.ConferenceListView.as_view(), name="list"),
    path("conferences/<slug:slug>/", views.conference_detail_view, name="detail"),
    path("figures/", figure_views.FigureListView.as_view(), name="figure_list"),
    path("figures/<slug:slug>/", figure_views.figure_detail_view, name="figure_detail"),
    path("sources/", source_views.SourceListView.as_view(), name="source_list"),
    path("sources/<slug:slug>/", figure_views.source_detail_view, name="source_detail"),
    path("people/", person_list_view, name="person_list"),
    path("people/<slug:slug>/", person_detail_view, name="person_detail"),
    path("quality/", quality_view, name="quality"),
    path("quality/<slug:slug>/", quality_check_view, name="quality_check"),
]
