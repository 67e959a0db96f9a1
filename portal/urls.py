"""Vietnamese pages live at the root, English ones under /en/: a link keeps its language when shared.

The JSON API and the CSV/JSON exports hold data, not interface text, so they have one URL each.
"""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

urlpatterns = [
    path("api/", include("conferences.api.urls")),
    path("", include("conferences.export_urls")),
    *i18n_patterns(
        path("", include("conferences.urls")),
        path("", include("regions.urls")),
        prefix_default_language=False,
    ),
]
