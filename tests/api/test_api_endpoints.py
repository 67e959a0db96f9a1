"""The JSON API: each endpoint's fields, slugs, query counts, filters shared with the pages, errors."""

import json
import re
from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

import factories
import pytest
from django.test import RequestFactory
from django.utils import translation

from api import exports
from api.conference_serializers import ConferenceSerializer
from api.figure_serializers import FigureSerializer
from conferences.figure_filters import IndicatorReportFilter
from conferences.figure_selectors import figure_list
from conferences.filters import ConferenceFilter
from conferences.models import Conference, ConferenceMention, Indicator, IndicatorReport, MembershipStatement, Source
from conferences.selectors import conference_list
from regions.models import Province, Region, RegionMembership

pytestmark = pytest.mark.django_db

MEMBER_FIELDS = ["province", "province_name", "basis", "stated_by", "valid_from", "valid_until", "note_vi", "note_en"]

# (endpoint, model, queries for a list page, queries for one object, an object's identifier, its page)
ENDPOINTS = [
    ("regions", Region, 4, 3, "north-28", "/regions/north-28/"),  # count, page/object, members, their sources
    ("provinces", Province, 4, 3, "thanh-hoa", "/provinces/thanh-hoa/"),  # + predecessors, memberships
    ("conferences", Conference, 3, 2, "north-28-x-2024", "/conferences/north-28-x-2024/"),  # + mentions
    (
        "figures",
        IndicatorReport,
        3,  # the count and where the page starts, from FigureCount; the page
        1,
        "hanoimoi-north-28-x-2024-exports",
        "/figures/hanoimoi-north-28-x-2024-exports/",
    ),
    ("sources", Source, 3, 2, "hanoimoi-north-28-x-2024", "/sources/hanoimoi-north-28-x-2024/"),  # + mentions
    ("indicators", Indicator, 2, 1, "export_turnover", "/figures/?indicator=export_turnover"),
]
ENDPOINT_IDS = [endpoint[0] for endpoint in ENDPOINTS]
BASE = "http://testserver"


def slugs(response, key="slug"):
    return [obj[key] for obj in response.json()["results"]]


def api_results(client, endpoint, params=None):
    response = client.get(f"/api/{endpoint}/", {**(params or {}), "page_size": 500})
    assert response.status_code == 200, response.content
    return response.json()["results"]


@pytest.mark.parametrize(("endpoint", "model", "list_queries", "_", "__", "___"), ENDPOINTS, ids=ENDPOINT_IDS)
def test_each_list_gives_every_object_in_a_fixed_number_of_queries(
    client, django_assert_num_queries, public_fields, endpoint, model, list_queries, _, __, ___
):
    with django_assert_num_queries(1 + list_queries):  # the data version, then the view's
        response = client.get(f"/api/{endpoint}/", {"page_size": 500})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert list(body) == ["count", "next", "previous", "results"]
    assert body["count"] == len(body["results"]) == model.objects.count()
    assert body["next"] is None and body["previous"] is None
    assert all(list(obj) == public_fields[endpoint] for obj in body["results"])


@pytest.mark.parametrize(("endpoint", "_", "__", "detail_queries", "key", "page"), ENDPOINTS, ids=ENDPOINT_IDS)
def test_each_object_has_its_own_address_and_page(
    client, django_assert_num_queries, public_fields, endpoint, _, __, detail_queries, key, page
):
    url = f"/api/{endpoint}/{key}/"
    with django_assert_num_queries(1 + detail_queries):  # the data version, then the view's
        response = client.get(url)
    assert response.status_code == 200
    obj = response.json()
    assert list(obj) == public_fields[endpoint]
    assert obj["url"] == BASE + url
    assert obj["html_url"] == BASE + page
    assert client.get(page).status_code == 200
    # the list carries the same object
    [same] = [item for item in api_results(client, endpoint) if item["url"] == obj["url"]]
    assert same == obj


def test_the_query_count_does_not_depend_on_the_page_or_its_size(client, django_assert_num_queries):
    # the count and where the page starts (both from FigureCount), then the page itself; the unfiltered
    # list's groups are read by its first page of the load only (``FigureCube._page_groups``)
    last = IndicatorReport.objects.count()
    for queries, params in [(4, {"page_size": 1}), (3, {"page_size": 1, "page": last}), (3, {"page_size": 500})]:
        with django_assert_num_queries(queries):  # the data version, then the view's 3 or 2
            assert client.get("/api/figures/", params).status_code == 200
    # each chosen group or indicator is looked up once to check it exists
    with django_assert_num_queries(6):  # the data version, then the view's 5
        client.get("/api/figures/", {"region": "north-28", "indicator": "export_turnover"})


def test_the_journalists_task(client):
    """The northern region's export turnover for the first half of 2024, with its source sentence."""
    response = client.get(
        "/api/figures/", {"region": "north-28", "indicator": "export_turnover", "year": "2024", "scope": "region"}
    )
    assert response.status_code == 200
    results = response.json()["results"]
    assert {(figure["region"], figure["indicator"], figure["scope"]) for figure in results} == {
        ("north-28", "export_turnover", "region")
    }
    assert all(figure["period_end"].startswith("2024-") for figure in results)
    [figure] = [figure for figure in results if figure["slug"] == "hanoimoi-north-28-x-2024-exports"]
    assert (figure["value"], figure["unit"], figure["qualifier"]) == ("120700000000", "USD", "estimate")
    assert (figure["period_start"], figure["period_end"], figure["period_kind"]) == (
        "2024-01-01",
        "2024-06-30",
        "first-6-months",
    )
    assert figure["quote"] == "Tổng kim ngạch xuất khẩu của khu vực ước đạt 120,7 tỷ USD, tăng 18,3% so với cùng kỳ."
    assert figure["value_as_written"] == "120,7 tỷ USD" and figure["growth_pct"] == "18.3"
    assert (figure["conference"], figure["region"], figure["province"], figure["source"]) == (
        "north-28-x-2024",
        "north-28",
        None,
        "hanoimoi-north-28-x-2024",
    )
    assert figure["html_url"] == BASE + "/figures/hanoimoi-north-28-x-2024-exports/"
    # beside the slugs, their labels: in English, like the rest of the API
    assert (figure["conference_label"], figure["region_name"], figure["indicator_name"]) == (
        "28 northern provinces and cities, session X (2024)",
        "28 northern provinces and cities",
        "Export turnover",
    )
    source = Source.objects.get(slug="hanoimoi-north-28-x-2024")
    assert (figure["source_title"], figure["source_publication"], figure["source_url"]) == (
        source.title,
        source.publication,
        source.url,
    )
    assert figure["province_name"] is None


def test_browse_the_northern_sessions_of_2022_to_2024(client, empty_database):
    north, south = factories.region(slug="north-28"), factories.region(slug="south-20")
    sessions = {year: factories.conference(region=north, year=year) for year in range(2021, 2026)}
    factories.conference(region=south, year=2023)
    response = client.get("/api/conferences/", {"region": "north-28", "year": "2022-2024"})
    assert response.json()["count"] == 3
    assert slugs(response) == [sessions[2024].slug, sessions[2023].slug, sessions[2022].slug]


def test_every_figure_matches_the_database_exactly(client):
    figures = {figure["slug"]: figure for figure in api_results(client, "figures")}
    reports = IndicatorReport.objects.select_related("conference__region", "province", "indicator", "source")
    assert set(figures) == {report.slug for report in reports}
    for report in reports:
        figure = figures[report.slug]
        for name in ("value", "threshold_pct", "growth_pct", "share_pct", "plan_share_pct"):
            stored = getattr(report, name)
            if stored is None:
                assert figure[name] is None
            else:
                # a plain decimal string, no exponent or padding zeros, equal to what is stored
                assert re.fullmatch(r"-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?", figure[name]), figure[name]
                assert Decimal(figure[name]) == stored
        assert figure["conference"] == report.conference.slug
        assert figure["region"] == report.conference.region.slug
        assert figure["province"] == (report.province.slug if report.province else None)
        assert figure["indicator"] == report.indicator.code
        assert figure["source"] == report.source.slug
        for name in ("scope", "unit", "unit_as_written", "value_as_written", "qualifier", "quote", "period_label"):
            assert figure[name] == getattr(report, name)
        assert figure["period_end"] == report.period_end.isoformat()
        assert figure["denominator"] == report.denominator


def test_conferences_refer_to_related_objects_by_slug(client, empty_database):
    north = factories.region(slug="north-28")
    reporter, announcer = factories.source(slug="a-report"), factories.source(slug="an-announcement")
    xi = factories.conference(
        region=north, slug="north-28-xi-2025", year=2025, session_number=11, status=Conference.Status.ANNOUNCED
    )
    factories.mention(conference=xi, source=announcer, kind=ConferenceMention.Kind.ANNOUNCEMENT)
    factories.conference(
        region=north, slug="north-28-2016", year=2016, host=factories.province(slug="ninh-binh"), source=reporter
    )
    viii = factories.conference(
        region=north, slug="north-28-viii-2022", year=2022, session_number=8, date=date(2022, 9, 23), source=reporter
    )
    factories.mention(conference=viii, source=announcer, kind=ConferenceMention.Kind.MENTION)
    conferences = {conference["slug"]: conference for conference in api_results(client, "conferences")}
    announced = conferences["north-28-xi-2025"]
    assert announced["status"] == "announced"
    assert announced["host_province"] is None and announced["host_basis"] == "" and announced["date"] is None
    undated = conferences["north-28-2016"]
    assert undated["session_number"] is None and undated["session_roman"] == ""
    assert undated["host_province"] == "ninh-binh" and undated["host_basis"] == "venue"
    viii = conferences["north-28-viii-2022"]
    assert (viii["session_number"], viii["session_roman"], viii["date"]) == (8, "VIII", "2022-09-23")
    assert viii["sources"] == ["a-report", "an-announcement"]
    for conference in Conference.objects.prefetch_related("sources"):
        assert conferences[conference.slug]["sources"] == sorted({source.slug for source in conference.sources.all()})


def test_groups_list_their_members_with_the_basis_of_each(client):
    south = client.get("/api/regions/south-20/").json()
    stored = RegionMembership.objects.filter(region__slug="south-20")
    assert south["declared_size"] == 20 and south["members"]
    assert all(list(member) == MEMBER_FIELDS for member in south["members"])
    assert sorted((member["province"], member["basis"]) for member in south["members"]) == sorted(
        stored.values_list("province__slug", "basis")
    )
    for member in south["members"]:  # a stated membership names its sources, an inferred one none
        assert bool(member["stated_by"]) == (member["basis"] == "stated"), member
    statement = MembershipStatement.objects.filter(membership__region__slug="south-20").select_related(
        "membership__province", "source"
    )[0]
    (member,) = [m for m in south["members"] if m["province"] == statement.membership.province.slug]
    assert {"source": statement.source.slug, "locator": statement.locator} in member["stated_by"]


def test_provinces_name_their_successor_and_predecessors(client):
    old = client.get("/api/provinces/thanh-hoa/").json()
    assert (old["name"], old["administrative_map"], old["successor"]) == ("Thanh Hóa", "before-2025", "thanh-hoa-2025")
    assert set(old["regions"]) == {"north-28", "north-central-6"}
    new = client.get("/api/provinces/tay-ninh-2025/").json()
    assert new["successor"] is None and new["administrative_map"] == "2025"
    assert sorted(new["predecessors"]) == sorted(
        Province.objects.filter(successor__slug="tay-ninh-2025").values_list("slug", flat=True)
    )
    assert "long-an" in new["predecessors"]


def test_sources_give_metadata_and_fingerprint_but_never_the_text(client, article_texts):
    source = client.get("/api/sources/hanoimoi-north-28-x-2024/").json()
    stored = Source.objects.get(slug="hanoimoi-north-28-x-2024")
    assert source["text_sha256"] == stored.text_sha256 and len(source["text_sha256"]) == 64
    assert source["conferences"] == sorted(set(stored.mentions.values_list("conference__slug", flat=True)))
    assert "north-28-x-2024" in source["conferences"]
    assert source["figure_count"] == stored.reports.count()
    text = article_texts[stored.file_name]
    longest = max(len(str(value)) for value in source.values())
    assert longest < len(text) / 4


def test_indicators_by_code(client):
    indicator = client.get("/api/indicators/export_turnover/").json()
    assert (indicator["code"], indicator["name_en"], indicator["unit"]) == ("export_turnover", "Export turnover", "USD")
    assert [item["code"] for item in api_results(client, "indicators")] == list(
        Indicator.objects.order_by("position").values_list("code", flat=True)
    )


# The same query string gives the same rows, in the same order, on the page and in the API.
SHARED = [
    ("conferences", "/conferences/", {"region": "north-28", "year": "2022-2024"}),
    ("conferences", "/conferences/", {"session": "lần thứ X"}),
    ("conferences", "/conferences/", {"session": "10", "sort": "region"}),
    ("conferences", "/conferences/", {"host": "thanh-hoa"}),
    ("conferences", "/conferences/", {"status": "announced", "sort": "year"}),
    ("conferences", "/conferences/", {"q": "THANH HOÁ"}),
    ("conferences", "/conferences/", {"sort": "host,-year"}),
    ("figures", "/figures/", {"region": "north-28", "indicator": "export_turnover"}),
    ("figures", "/figures/", {"province": "hai-phong"}),
    ("figures", "/figures/", {"period": "first-9-months", "scope": "region"}),
    ("figures", "/figures/", {"qualifier": "lower_bound"}),
    ("figures", "/figures/", {"conference": "south-20-x-2024", "sort": "-value"}),
    ("figures", "/figures/", {"source": "plvn-south-20-x-2024", "year": "2024"}),
    ("figures", "/figures/", {"q": "xuất khẩu"}),
    ("provinces", "/provinces/", {"map": "2025"}),
    ("provinces", "/provinces/", {"region": "south-20", "kind": "city"}),
    ("provinces", "/provinces/", {"sort": "-sessions"}),
    ("provinces", "/provinces/", {"q": "ha noi"}),
]


@pytest.mark.parametrize(("endpoint", "page", "params"), SHARED)
def test_the_api_takes_the_pages_filters(client, endpoint, page, params):
    response = client.get(page, params)
    assert response.status_code == 200
    on_page = [obj.slug for obj in response.context["paginator"].object_list]
    assert [obj["slug"] for obj in api_results(client, endpoint, params)] == on_page
    assert on_page or params.get("q")


@pytest.mark.parametrize(
    ("endpoint", "params", "invalid"),
    [
        ("conferences", {"year": "2024-2022"}, ["year"]),
        ("conferences", {"year": "next year", "session": "IIII", "status": "maybe"}, ["session", "status", "year"]),
        ("conferences", {"region": "nowhere"}, ["region"]),
        ("conferences", {"sort": "colour"}, ["sort"]),
        ("figures", {"period": "weekly", "indicator": "gdp"}, ["indicator", "period"]),
        ("figures", {"scope": "world", "qualifier": "certain"}, ["qualifier", "scope"]),
        ("provinces", {"map": "1990", "kind": "village"}, ["kind", "map"]),
    ],
)
def test_invalid_filters_are_a_400_naming_each_parameter(client, endpoint, params, invalid):
    response = client.get(f"/api/{endpoint}/", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    errors = response.json()
    assert sorted(errors) == invalid
    assert all(isinstance(message, str) and message for messages in errors.values() for message in messages)


def test_a_bad_filter_asked_for_as_csv_is_still_a_json_400(client):
    response = client.get("/api/figures/", {"year": "soon", "format": "csv"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == ["year"]


def test_pages_carry_links_to_their_neighbours(client, empty_database):
    north = factories.conference(region=factories.region(slug="north-28"))
    for _ in range(12):
        factories.figure(conference=north)
    factories.figure()  # another group's
    first = client.get("/api/figures/", {"page_size": 10, "region": "north-28"}).json()
    assert first["count"] == IndicatorReport.objects.filter(conference__region__slug="north-28").count() > 10
    assert first["previous"] is None
    assert first["next"] == BASE + "/api/figures/?page=2&page_size=10&region=north-28"
    second = client.get(first["next"]).json()
    assert second["previous"] == BASE + "/api/figures/?page_size=10&region=north-28"
    assert not {f["slug"] for f in first["results"]} & {f["slug"] for f in second["results"]}


def test_page_size_defaults_to_50_and_goes_up_to_500(client):
    assert len(client.get("/api/provinces/").json()["results"]) == 50
    assert len(client.get("/api/provinces/", {"page_size": 500}).json()["results"]) == Province.objects.count()
    assert len(client.get("/api/provinces/", {"page_size": 1}).json()["results"]) == 1


@pytest.mark.parametrize("page_size", ["abc", "0", "-1", "501", "1.5", "", " 5", "٥", "99999999999999999999"])
def test_a_page_size_that_is_not_a_whole_number_from_1_to_500_is_a_400_saying_so(client, page_size):
    response = client.get("/api/provinces/", {"page_size": page_size})
    assert response.status_code == 400
    assert response.json() == {"page_size": ["Enter a whole number from 1 to 500."]}


@pytest.mark.parametrize("page", ["abc", "0", "-1", "first", "last", "", "٢"])
def test_a_page_that_is_not_a_page_number_is_a_400_saying_so(client, page):
    response = client.get("/api/provinces/", {"page": page})
    assert response.status_code == 400
    assert response.json() == {"page": ["Enter a page number: a whole number from 1."]}


@pytest.mark.parametrize("after_the_last", [1, 99999999])
def test_a_page_out_of_range_is_a_json_404(client, after_the_last):
    last = -(-Province.objects.count() // 50)
    response = client.get("/api/provinces/", {"page": last + after_the_last})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == ["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/conferences/north-28-xii-2026/",
        "/api/figures/no-such-figure/",
        "/api/provinces/atlantis/",
        "/api/regions/east-1/",
        "/api/sources/no-source/",
        "/api/indicators/gdp/",
        "/api/indicators/export_turnover/?format=csv",
        "/api/figures/?format=xml",
        "/api/nothing-here/",
        "/api/",
        "/api/figures/%0A/",
        "/api/%0A",
        "/api/figures/%0A",
        "/api/a/b/c%0Ad/",
    ],
)
def test_unknown_addresses_are_a_json_404_that_names_no_model(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize("headers", [{}, {"Accept-Language": "vi"}, {"Cookie": "django_language=vi"}])
def test_api_errors_are_in_english_whatever_the_browser_asks(client, headers):
    response = client.get("/api/figures/", {"year": "abc"}, headers=headers)
    assert response.status_code == 400
    assert response.json() == {"year": ["Enter a year (2024) or a range of years (2022-2024)."]}
    assert response["Content-Language"] == "en"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
@pytest.mark.parametrize("url", ["/api/figures/", "/api/conferences/north-28-x-2024/", "/api/schema/"])
def test_the_api_is_read_only(client, method, url):
    response = getattr(client, method)(url, data={}, content_type="application/json")
    assert response.status_code == 405
    assert Conference.objects.filter(slug="north-28-x-2024").exists()


def test_head_is_answered(client):
    response = client.head("/api/figures/")
    assert response.status_code == 200
    assert response.content == b""


def test_no_database_id_is_published(client, public_fields):
    for endpoint in public_fields:
        for obj in api_results(client, endpoint):
            assert "id" not in obj and "pk" not in obj
            for name in ("region", "conference", "province", "source", "successor", "host_province", "next_host"):
                assert not isinstance(obj.get(name), int)


def paged(client, url: str) -> list[dict]:
    """Every object of an API list, page by page."""
    objects = []
    while url:
        page = client.get(url).json()
        objects += page["results"]
        url = page["next"]
    return objects


def serialized(rows, serializer_class) -> list[dict]:
    with translation.override("en"):
        objects = exports.serialized_rows(rows, serializer_class, RequestFactory().get("/api/"))
        return json.loads(json.dumps(list(objects)))


@pytest.mark.parametrize("params", [{}, {"region": "south-20"}, {"indicator": "retail_sales", "sort": "-value"}])
def test_a_page_of_figures_is_written_as_the_serializer_writes_it(client, params):
    """The figures' pages are written by a page plan (``api.page_plans``), not the serializer: page by page,
    the same objects as the serializer's over the same rows."""
    expected = serialized(IndicatorReportFilter(params, queryset=figure_list()).qs, FigureSerializer)
    assert len(expected) > 7 and paged(client, "/api/figures/?" + urlencode({**params, "page_size": 7})) == expected


@pytest.mark.parametrize("params", [{}, {"region": "north-28", "year": "2020-2025"}, {"sort": "session"}])
def test_a_page_of_sessions_is_written_as_the_serializer_writes_it(client, params):
    """Every curated session: held and announced, with and without a number, a date, hosts and sources."""
    expected = serialized(ConferenceFilter(params, queryset=conference_list()).qs, ConferenceSerializer)
    assert len(expected) > 3 and paged(client, "/api/conferences/?" + urlencode({**params, "page_size": 3})) == expected


def test_a_session_without_its_facts_is_written_as_the_serializer_writes_it(client, empty_database):
    """No number, date, host, next host or source; a name to escape; one source named twice."""
    bare = factories.conference(session_number=None, date=None, host=None, next_host=None)
    named = factories.conference(region=factories.region(name_en='<b>"Group"</b>'), host=factories.province())
    source = factories.source()
    factories.mention(conference=named, source=source)
    factories.mention(conference=named, source=source, locator="again")
    expected = serialized(Conference.objects.filter(pk__in=[bare.pk, named.pk]).for_listing(), ConferenceSerializer)
    assert sorted(len(session["sources"]) for session in expected) == [0, 1]
    assert paged(client, "/api/conferences/") == expected
