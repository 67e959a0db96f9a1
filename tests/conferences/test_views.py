import factories
import pytest
from django.urls import reverse
from django.utils import translation

from conferences.models import Conference

pytestmark = pytest.mark.django_db

LIST = "/conferences/"


def results(response):
    return [conference.slug for conference in response.context["object_list"]]


def test_home_shows_groups_latest_and_next_sessions(client, django_assert_num_queries, empty_database):
    north, south = factories.region(), factories.region()
    earlier = factories.conference(region=north, year=2023, session_number=9)
    latest = factories.conference(region=north, year=2024, session_number=10)
    upcoming = factories.conference(region=north, year=2025, session_number=11, status="announced")
    south_next = factories.conference(region=south, year=2025, status="announced")
    factories.figure(conference=latest)
    with django_assert_num_queries(4):  # the data version; groups; conferences; headline figures
        response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="vi">' in page
    for conference in (latest, upcoming, south_next):
        assert f"/conferences/{conference.slug}/" in page
    assert f"/conferences/{earlier.slug}/" not in page
    assert 'role="search"' in page


def test_the_home_page_query_count_does_not_depend_on_the_data(client, django_assert_num_queries):
    with django_assert_num_queries(4):  # the data version; groups; conferences; headline figures
        assert client.get("/").status_code == 200


def test_list_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    # filter form choices (2), count, page, sources, four facets
    with django_assert_num_queries(10):  # the data version, then the view's 9
        response = client.get(LIST)
    assert response.status_code == 200
    assert response.context["paginator"].count == Conference.objects.count() > 0


def test_a_filtered_list_looks_its_group_up_once(client, django_assert_num_queries):
    # The facets count over the values the filters cleaned: the group is not looked up again per facet.
    region = Conference.objects.values_list("region__slug", flat=True).first()
    with django_assert_num_queries(10 + 1):  # as above, and the chosen group
        response = client.get(LIST, {"region": region, "year": "2000-2100"})
    assert response.status_code == 200
    assert response.context["paginator"].count == Conference.objects.filter(region__slug=region).count() > 0


def test_browse_the_northern_sessions_of_2022_to_2024(client, empty_database):
    north = factories.region(slug="north-28")
    sessions = {year: factories.conference(region=north, year=year) for year in range(2021, 2026)}
    factories.conference(year=2023)  # another group's
    response = client.get(LIST, {"region": "north-28", "year": "2022-2024"})
    assert results(response) == [sessions[2024].slug, sessions[2023].slug, sessions[2022].slug]


@pytest.mark.parametrize("session", ["10", "X", "x", "lần thứ X"])
def test_session_accepts_the_ways_people_write_it(client, empty_database, session):
    tenth = {factories.conference(session_number=10).slug for _ in range(3)}
    factories.conference(session_number=1)
    factories.conference(session_number=9)
    factories.conference(session_number=None)
    response = client.get(LIST, {"session": session})
    assert set(results(response)) == tenth


def test_find_every_session_a_province_hosted(client, empty_database):
    thanh_hoa = factories.province(name="Thanh Hóa", slug="thanh-hoa")
    hosted = {factories.conference(host=thanh_hoa).slug for _ in range(2)}
    factories.conference(host=factories.province(name="Ninh Bình"))
    for params in ({"host": "thanh-hoa"}, {"q": "THANH HOÁ"}):
        response = client.get(LIST, params)
        assert set(results(response)) == hosted


def test_status_and_sorting(client, empty_database):
    announced = [factories.conference(year=year, status="announced") for year in (2025, 2023, 2026)]
    factories.conference(year=2024)
    by_year = results(client.get(LIST, {"status": "announced", "sort": "year"}))
    assert by_year == [announced[1].slug, announced[0].slug, announced[2].slug]
    assert results(client.get(LIST, {"sort": "-year"}))[0] == announced[2].slug


def test_facets_count_what_choosing_each_value_would_give(client, empty_database):
    north, south = factories.region(slug="north-28"), factories.region(slug="south-20")
    for year in (2016, 2022, 2023, 2024, 2025):
        factories.conference(region=north, year=year)
    for year in (2024, 2025):
        factories.conference(region=south, year=year)
    facets = client.get(LIST, {"region": "north-28"}).context["facets"]
    years = {value.value: value.count for value in facets["year"]}
    assert years == {"2016": 1, "2022": 1, "2023": 1, "2024": 1, "2025": 1}
    regions = {value.value: (value.count, value.selected) for value in facets["region"]}
    assert regions["north-28"] == (5, True) and regions["south-20"] == (2, False)
    assert "region=south-20" in next(v.query for v in facets["region"] if v.value == "south-20")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"year": "abc"}, "Nhập một năm"),
        ({"year": "2024-2022"}, "từ năm trước đến năm sau"),
        ({"session": "XIVV"}, "Nhập lần thứ"),
        ({"region": "atlantis"}, "Khu vực"),
        ({"sort": "nope"}, "Sắp xếp"),
        ({"x": "a" * 3000}, "quá dài"),
    ],
)
def test_bad_input_gets_the_page_with_a_clear_message_and_400(client, params, message):
    response = client.get(LIST, params)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert results(response) == []


def test_an_unknown_page_is_a_404(client):
    assert client.get(LIST, {"page": "999999"}).status_code == 404


def test_english_pages_live_under_en_and_the_switch_keeps_the_query(client):
    response = client.get("/en" + LIST, {"region": "north-28", "year": "2022-2024"})
    page = response.content.decode()
    assert '<html lang="en">' in page
    assert 'href="/conferences/?region=north-28&amp;year=2022-2024"' in page  # back to Vietnamese, same view
    vietnamese = client.get(LIST, {"region": "north-28"}).content.decode()
    assert 'href="/en/conferences/?region=north-28"' in vietnamese


def test_detail_groups_figures_by_scope_in_fixed_queries(client, django_assert_num_queries):
    url = reverse("conferences:detail", kwargs={"slug": "north-28-x-2024"})
    # the data version; conference; mentions; officials; figures; every session, for the neighbouring ones,
    # kept for the load (portal.per_load) and so not read again for the next page
    with django_assert_num_queries(6):
        response = client.get(url)
    with django_assert_num_queries(5):
        assert client.get(reverse("conferences:detail", kwargs={"slug": "south-20-xi-2025"})).status_code == 200
    page = response.content.decode()
    assert "120,7 tỷ USD" in page and "+18,3%" in page
    assert page.index("<h3>Toàn khu vực</h3>") < page.index("<h3>Tỉnh</h3>")
    assert "/figures/hanoimoi-north-28-x-2024-exports/" in page
    assert response.context["previous"].slug == "north-28-ix-2023"
    assert response.context["following"].slug == "north-28-xi-2025"


def test_detail_in_english_formats_numbers_in_english(client):
    with translation.override("en"):
        url = reverse("conferences:detail", kwargs={"slug": "north-28-x-2024"})
    page = client.get(url).content.decode()
    assert url.startswith("/en/")
    assert "USD 120.7 billion" in page and "+18.3%" in page


def test_unknown_conference_is_a_404(client):
    assert client.get("/conferences/north-28-xcix-2099/").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_only_get_and_head_are_allowed(client, method):
    response = getattr(client, method)(LIST)
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD"


def test_head_is_allowed(client):
    assert client.head(LIST).status_code == 200
