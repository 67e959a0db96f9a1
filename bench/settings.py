"""The portal's settings, plus the benchmark's ceiling view (``bench/urls.py``): for ``bench/run.py`` only.

Production never loads this module; the ceiling view exists only when ``DJANGO_SETTINGS_MODULE`` is
``bench.settings`` and ``PORTAL_BENCH_CEILING=1``.
"""

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
