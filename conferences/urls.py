from django.urls import path

from conferences import views

app_name = "conferences"

urlpatterns = [
    path("", views.conference_list_view, name="list"),
    path("conferences/<slug:slug>/", views.conference_detail_view, name="detail"),
]
