"""Validators, 304s and the server-side caches (portal/caching.py): fast, and never stale after a load."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.http import http_date

from conferences.models import Dataset, IndicatorReport

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/en/",
    "/conferences/",
    "/figures/?region=north-28",
    "/regions/north-28/",
    "/provinces/",
    "/search/?q=Thanh+H%C3%B3a",
    "/people/",
    "/quality/",
    "/figures.csv",
    "/en/figures.csv",
    "/conferences.json",
    "/api/figures/",
    "/api/schema/",
]
FIGURES = "/figures/"


def a_figure():
    return IndicatorReport.objects.order_by("slug").first()


def reload_as_a_load_would(version: str):
    """What ``load_data`` leaves behind: a new version (here, without replacing the rows)."""
    Dataset.objects.update(version=version, loaded_at=Dataset.objects.get().loaded_at + timedelta(seconds=1))


@pytest.mark.parametrize("url", PAGES)
def test_every_page_export_and_endpoint_carries_validators_for_shared_caches(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["ETag"].startswith('"') and response["ETag"].endswith('"')
    assert response["Last-Modified"].endswith("GMT")
    assert response["Cache-Control"] == "public, max-age=60"


@pytest.mark.parametrize("url", PAGES)
def test_a_conditional_request_that_still_matches_is_a_304_without_running_the_view(
    client, django_assert_num_queries, url
):
    etag = client.get(url)["ETag"]
    with django_assert_num_queries(0 if url.startswith("/api/schema/") else 1):  # the data version
        response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag and response["Cache-Control"] == "public, max-age=60"


def test_a_head_request_and_an_if_modified_since_request_are_answered_the_same_way(client):
    first = client.head("/conferences/")
    assert first.status_code == 200 and first["ETag"]
    assert client.head("/conferences/", headers={"If-None-Match": first["ETag"]}).status_code == 304
    assert client.get("/conferences/", headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 304
    an_hour_before = http_date(Dataset.objects.get().loaded_at.timestamp() - 3600)
    assert client.get("/conferences/", headers={"If-Modified-Since": an_hour_before}).status_code == 200


def test_a_load_changes_the_validators_so_an_old_copy_is_sent_again_in_full(client):
    figure = a_figure()
    url = figure.get_absolute_url()
    old = client.get(url)
    IndicatorReport.objects.filter(pk=figure.pk).update(note_vi="Corrected after the load.")
    reload_as_a_load_would("f" * 64)
    response = client.get(url, headers={"If-None-Match": old["ETag"]})
    assert response.status_code == 200
    assert response["ETag"] != old["ETag"] and response["ETag"].startswith('"ffffffffffff-')
    assert "Corrected after the load." in response.content.decode()


def test_a_repeated_page_is_served_from_the_page_cache_in_one_query(client, django_assert_num_queries):
    first = client.get("/conferences/?region=north-28")
    with django_assert_num_queries(1):  # the data version
        again = client.get("/conferences/?region=north-28")
    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"] and again["Content-Type"] == first["Content-Type"]


def test_a_page_served_from_the_page_cache_stays_there(client, django_assert_num_queries):
    """Serving a cached page once used to replace it with the mark "answered 200", so every other
    request built the page again."""
    first = client.get("/conferences/?region=north-28")
    for _ in range(3):
        with django_assert_num_queries(1):  # the data version
            again = client.get("/conferences/?region=north-28")
        assert again.content == first.content


def test_the_page_cache_never_serves_figures_from_before_a_load(client):
    figure = a_figure()
    url = figure.get_absolute_url()
    client.get(url)
    IndicatorReport.objects.filter(pk=figure.pk).update(note_vi="Corrected after the load.")
    assert "Corrected after the load." not in client.get(url).content.decode()  # same version: cached
    reload_as_a_load_would("e" * 64)
    assert "Corrected after the load." in client.get(url).content.decode()


def test_a_change_outside_a_load_forgets_the_version_so_nothing_is_cached_against_it(client):
    figure = a_figure()
    url = figure.get_absolute_url()
    client.get(url)
    figure.note_vi = "Edited in a shell."
    figure.save()
    assert Dataset.objects.current() is None
    response = client.get(url)
    assert "Edited in a shell." in response.content.decode()
    assert not response.has_header("ETag") and not response.has_header("Cache-Control")


def test_the_facet_counts_are_shared_by_every_page_and_sort_of_one_filtered_list(client, django_assert_num_queries):
    with django_assert_num_queries(9):  # the data version, the groups, the list's 7
        first = client.get(FIGURES, {"region": "north-28"})
    # Without the facets' counts (one query), the form's three selects' options nor the groups it
    # found the chosen one among (kept per load)
    with django_assert_num_queries(9 - 1 - 3 - 1):
        resorted = client.get(FIGURES, {"region": "north-28", "sort": "-value"})
    assert resorted.context["facets"]["indicator"]
    assert [
        (value.value, value.count, value.selected) for facet in resorted.context["facets"].values() for value in facet
    ] == [(value.value, value.count, value.selected) for facet in first.context["facets"].values() for value in facet]


def test_the_facets_of_another_filter_are_counted_afresh(client):
    north = client.get(FIGURES, {"region": "north-28"}).context["facets"]["indicator"]
    south = client.get(FIGURES, {"region": "south-20"}).context["facets"]["indicator"]
    assert sum(value.count for value in north) != sum(value.count for value in south)


def test_with_the_server_side_caches_off_every_page_is_built_but_still_validated(
    client, settings, django_assert_num_queries
):
    settings.PORTAL_CACHE = False
    client.get("/conferences/")
    # The data version, then the whole list again but its selects' options (portal.per_load)
    with django_assert_num_queries(8):
        response = client.get("/conferences/")
    assert response["ETag"]
    assert client.get("/conferences/", headers={"If-None-Match": response["ETag"]}).status_code == 304


def test_each_language_has_its_own_validator(client):
    assert client.get("/conferences/")["ETag"] != client.get("/en/conferences/")["ETag"]


def test_the_quality_page_is_validated_for_today_only(client):
    assert timezone.localdate().isoformat() in client.get("/quality/")["ETag"]
    assert timezone.localdate().isoformat() not in client.get("/conferences/")["ETag"]


def test_each_host_gets_its_own_cached_page_since_citations_are_absolute(client, settings):
    settings.ALLOWED_HOSTS = ["portal.example", "mirror.example"]
    url = a_figure().get_absolute_url()
    assert "http://portal.example/" in client.get(url, HTTP_HOST="portal.example").content.decode()
    mirrored = client.get(url, HTTP_HOST="mirror.example").content.decode()
    assert "http://mirror.example/" in mirrored and "http://portal.example/" not in mirrored


@pytest.mark.parametrize(
    ("url", "status"), [("/conferences/no-such-session/", 404), ("/figures/?year=twenty", 400), ("/nowhere/", 404)]
)
def test_errors_are_neither_validated_nor_cached(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert not response.has_header("ETag") and not response.has_header("Cache-Control")
    assert client.get(url).status_code == status


def test_healthz_is_never_cached(client):
    response = client.get("/healthz")
    assert not response.has_header("ETag")
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("portal_cache", [True, False])
@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/conferences/?year=abc", 400),
        ("/figures.csv?region=nowhere", 400),
        ("/api/figures/?page_size=0&year=abc", 400),
        ("/api/figures/nope/", 404),
        ("/conferences/no-such-session/", 404),
    ],
)
def test_only_a_response_that_would_be_200_becomes_a_304(client, settings, portal_cache, url, status):
    settings.PORTAL_CACHE = portal_cache
    # Validators name the data and the language, not the address: a 200 in the same language gives one that matches.
    etag = client.get("/api/figures/" if url.startswith("/api/") else "/conferences/")["ETag"]
    for _ in range(2):  # the second time, after the first answer may have been cached
        response = client.get(url, headers={"If-None-Match": etag})
        assert response.status_code == status
        assert "public" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("url", ["/conferences/?year=2024", "/figures.csv", "/api/figures/"])
def test_without_the_page_cache_a_matching_request_is_a_304_once_the_view_answered_200(client, settings, url):
    settings.PORTAL_CACHE = False
    etag = client.get(url)["ETag"]
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response["ETag"] == etag and response["Cache-Control"] == "public, max-age=60"
