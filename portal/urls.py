from django.urls import include, path

urlpatterns = [
    path("", include("conferences.urls")),
]
