"""The read-only JSON API under /api/, and its OpenAPI 3 schema at /api/schema/ (``?format=json`` or yaml)."""

from django.http import JsonResponse
from django.urls import path, re_path
from django.views.decorators.http import require_safe
from drf_spectacular.views import SpectacularAPIView
from rest_framework.exceptions import NotFound
from rest_framework.routers import SimpleRouter

from api import views
from portal.caching import independent_of_data

app_name = "api"


@independent_of_data
@require_safe
def not_found(request, *args, **kwargs):
    """Any other address under /api/ is a JSON 404 too, not the HTML page."""
    return JsonResponse({"detail": str(NotFound.default_detail)}, status=404, json_dumps_params={"ensure_ascii": False})


router = SimpleRouter(trailing_slash=True)
router.register("regions", views.RegionViewSet, basename="region")
router.register("provinces", views.ProvinceViewSet, basename="province")
router.register("conferences", views.ConferenceViewSet, basename="conference")
router.register("figures", views.FigureViewSet, basename="figure")
router.register("sources", views.SourceViewSet, basename="source")
router.register("indicators", views.IndicatorViewSet, basename="indicator")

urlpatterns = [
    path("schema/", independent_of_data(SpectacularAPIView.as_view()), name="schema"),
    *router.urls,
    re_path(r"^[\s\S]*$", not_found),  # any path, one with a newline ("%0A") too
]
