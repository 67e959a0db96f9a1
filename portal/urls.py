"""Vietnamese pages live at the root, English ones under /en/: a link keeps its language when shared.

The CSV/JSON downloads go with their pages: ``/figures.csv`` names its slugs in Vietnamese,
``/en/figures.csv`` in English (``api.exports``). The JSON API (English) and ``/healthz`` have
one URL each. Nothing here accepts writes, and there is no admin: the portal is read-only
(``portal.middleware.ReadOnlyMiddleware``, ``tests/portal/test_read_only_surface.py``).
"""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from portal.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/", include("api.urls")),
    *i18n_patterns(
        path("", include("api.export_urls")),
        path("", include("conferences.urls")),
        path("", include("conferences.group_urls")),
        prefix_default_language=False,
    ),
]
