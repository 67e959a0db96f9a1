"""The portal's URLs, plus ``/bench/ceiling/`` when ``PORTAL_BENCH_CEILING=1`` (``bench/run.py`` sets it)."""

import os

from django.urls import path

from bench.views import ceiling
from portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = list(portal_urlpatterns)
if os.environ.get("PORTAL_BENCH_CEILING") == "1":
    urlpatterns.insert(0, path("bench/ceiling/", ceiling, name="bench_ceiling"))
