"""Every page type's size and query count, to check that neither grows with the data.

``sample_pages`` picks one address per page type in the current database: the heaviest example of
each (the group with the most members, the session, province and source with the most figures, the
person named most often), so that a page that grows with the data shows it. ``measure`` requests a
page in English (warming the view up), then in Vietnamese, counted, with the server-side caches
emptied before each request (every request then builds its page): the queries of the Vietnamese
page, and the bytes of both languages' pages. Used by ``tests/bench/test_page_scale.py`` (1,000 and
10,000 figures on the test database) and by ``bench/scale.py`` (10,000 and a million on PostgreSQL).
"""

import time
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.cache import caches
from django.db import connections
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conferences.models import ConferenceOfficial, IndicatorReport
from regions.models import Region

MAX_PAGE_BYTES = 150_000  # issue 14: no page above 150 KB at a million figures


@dataclass(frozen=True)
class PageSize:
    name: str
    path: str
    status: int
    queries: int
    bytes_vi: int
    bytes_en: int | None  # None for the API, which has one address
    milliseconds: float  # the counted Vietnamese request, in process

    @property
    def largest(self) -> int:
        return max(self.bytes_vi, self.bytes_en or 0)


def _most(queryset, field: str):
    """The value of ``field`` that the most rows of ``queryset`` share (ties: the smallest value)."""
    row = queryset.values(field).annotate(n=Count("pk")).order_by("-n", field).first()
    return row[field] if row else None


def sample_pages() -> list[tuple[str, str]]:
    """(page type, address) for every page type, the heaviest example of each in this database."""
    figures = IndicatorReport.objects.all()
    region = Region.objects.annotate(n=Count("memberships")).order_by("-n", "slug").first()
    conference = figures.filter(conference_id=_most(figures, "conference_id")).values_list("conference__slug")[:1]
    province_id = _most(figures.filter(scope=IndicatorReport.Scope.PROVINCE), "province_id")
    province = figures.filter(province_id=province_id).values_list("province__slug", "province__name")[:1]
    source = figures.filter(source_id=_most(figures, "source_id")).values_list("source__slug")[:1]
    figure = figures.order_by("pk").values_list("slug", flat=True)[:1]
    name = _most(ConferenceOfficial.objects.all(), "name")
    person = ConferenceOfficial.objects.filter(name=name).first()
    (conference_slug,), (province_slug, province_name), (source_slug,) = conference[0], province[0], source[0]
    return [
        ("home", "/"),
        ("group list", "/regions/"),
        ("a group", f"/regions/{region.slug}/"),
        ("province list", "/provinces/"),
        ("a province", f"/provinces/{province_slug}/"),
        ("conference list", "/conferences/"),
        ("a conference", f"/conferences/{conference_slug}/"),
        ("figure list", "/figures/"),
        ("a figure", f"/figures/{figure[0]}/"),
        ("source list", "/sources/"),
        ("a source", f"/sources/{source_slug}/"),
        ("people list", "/people/"),
        ("a person", f"/people/{person.person_slug}/"),
        ("search, a province's name", "/search/?" + urlencode({"q": province_name})),
        ("quality", "/quality/"),
        ("API, figures", "/api/figures/"),
        ("API, conferences", "/api/conferences/"),
        ("API, sources", "/api/sources/"),
        ("API, groups", "/api/regions/"),
        ("API, provinces", "/api/provinces/"),
    ]


def _get(client: Client, path: str):
    for cache in caches.all():
        cache.clear()
    return client.get(path)


def measure(client: Client, name: str, path: str) -> PageSize:
    """One page's queries (Vietnamese page, BEGIN/COMMIT not counted), bytes in both languages, time.

    The English page, or for the API a first request, warms the view up before the counted request."""
    api = path.startswith("/api/")
    english = _get(client, path if api else f"/en{path}")
    with CaptureQueriesContext(connections["default"]) as captured:
        started = time.perf_counter()
        response = _get(client, path)
        elapsed = (time.perf_counter() - started) * 1000
    queries = sum(1 for query in captured.captured_queries if query["sql"] not in ("BEGIN", "COMMIT"))
    english_bytes = None if api else len(english.content)
    return PageSize(name, path, response.status_code, queries, len(response.content), english_bytes, elapsed)


def measure_all(pages: list[tuple[str, str]] | None = None) -> list[PageSize]:
    client = Client(HTTP_HOST="127.0.0.1")
    return [measure(client, name, path) for name, path in (pages or sample_pages())]
