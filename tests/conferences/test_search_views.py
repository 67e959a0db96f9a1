import unicodedata
from types import SimpleNamespace

import factories
import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def figure_queries() -> int:
    """The figures' query; on SQLite one more, which reads the first figures in order before it
    (``listings.search_first_rows.first_of_each_on_sqlite``)."""
    return 1 + (connection.vendor == "sqlite")


def search_queries() -> int:
    """A search's queries on data changed row by row, with no load to keep anything for: the data version,
    each of the six small kinds' rows (searched in memory: ``listings.search_in_memory``) and the
    figures'."""
    return 1 + 6 + figure_queries()


def kinds(response):
    return {
        group.kind: [getattr(item, "slug", getattr(item, "name", "")) for item in group.results]
        for group in response.context["groups"]
    }


@pytest.fixture
def thanh_hoa(empty_database):
    """Thanh Hóa on both maps, the two sessions it hosted, an official and a newspaper bearing its name."""
    old = factories.province(name="Thanh Hóa", slug="thanh-hoa")
    factories.province(name="Thanh Hóa", slug="thanh-hoa-2025", administrative_map="2025")
    hosted = [factories.conference(host=old, year=year) for year in (2022, 2023)]
    elsewhere = factories.conference(host=factories.province(name="Ninh Bình"), year=2024)
    factories.official(conference=hosted[0], name="Mai Xuân Liêm", title="Phó Chủ tịch UBND tỉnh Thanh Hóa")
    factories.official(conference=elsewhere, name="Đặng Hoàng An")
    factories.source(publication="Báo Thanh Hóa")
    return SimpleNamespace(hosted=sorted(conference.slug for conference in hosted))


def test_search_page_groups_and_ranks_in_fixed_queries(client, django_assert_num_queries, thanh_hoa):
    with django_assert_num_queries(search_queries()):
        response = client.get("/search/", {"q": "Thanh Hóa"})
    assert response.status_code == 200
    found = kinds(response)
    assert sorted(found["conferences"]) == thanh_hoa.hosted
    assert set(found["provinces"]) == {"thanh-hoa", "thanh-hoa-2025"}
    assert found["people"] == ["Mai Xuân Liêm"]
    assert list(found) == ["conferences", "provinces", "people", "sources"]  # grouped by kind, in a fixed order


def test_the_search_query_count_does_not_depend_on_the_data(client, django_assert_num_queries):
    with django_assert_num_queries(search_queries()):
        assert client.get("/search/", {"q": "Thanh Hóa"}).status_code == 200


def test_the_small_kinds_are_read_once_per_load_and_searched_in_memory(client, django_assert_num_queries):
    """On the loaded data the first search reads the six small kinds' rows for the load; every later one,
    in either language and for any words, runs only the data version's query and the figures'."""
    client.get("/search/", {"q": "Thanh Hóa"})
    # Other words each time: a page already made may be served from the page cache (``portal.caching``).
    for url, query in (("/search/", "thanh hoa"), ("/en/search/", "kim ngach xuat khau"), ("/search/", "ha noi")):
        with django_assert_num_queries(1 + figure_queries()):
            response = client.get(url, {"q": query})
        assert response.status_code == 200 and response.context["groups"]


@pytest.mark.parametrize("query", ["thanh hoa", "THANH HOÁ", unicodedata.normalize("NFD", "Thanh Hoá")])
def test_search_page_ignores_spelling_and_unicode_form(client, query, thanh_hoa):
    assert sorted(kinds(client.get("/search/", {"q": query}))["conferences"]) == thanh_hoa.hosted


def test_search_finds_people_named_as_chairs(client):
    found = kinds(client.get("/search/", {"q": "dang hoang an"}))
    assert found["people"] == ["Đặng Hoàng An"]


def test_search_finds_figures_by_the_words_of_their_quotes(client):
    found = kinds(client.get("/en/search/", {"q": "tong kim ngach xuat khau cua khu vuc"}))
    assert "hanoimoi-north-28-x-2024-exports" in found["figures"]
    found = kinds(client.get("/en/search/", {"q": "kim ngach xuat khau"}))
    assert found["indicators"][0] == "Export turnover"  # an exact name first, in the page's language


def test_search_without_a_query_shows_only_the_form(client, django_assert_num_queries):
    with django_assert_num_queries(1):  # the data version only
        response = client.get("/search/")
    assert response.status_code == 200 and response.context["groups"] == []


def test_nothing_found_says_so(client):
    response = client.get("/en/search/", {"q": "atlantis"})
    assert response.status_code == 200
    assert "Nothing matches" in response.content.decode()


def test_a_query_that_is_too_long_is_refused_with_a_message(client):
    response = client.get("/en/search/", {"q": "x" * 201})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_every_list_takes_the_same_q(client, thanh_hoa):
    for url, expected in (("/conferences/", thanh_hoa.hosted), ("/provinces/", ["thanh-hoa", "thanh-hoa-2025"])):
        response = client.get(url, {"q": "THANH HOÁ"})
        assert sorted(item.slug for item in response.context["object_list"]) == expected


def test_the_figures_list_q_finds_quotes_best_match_first(client):
    response = client.get("/figures/", {"q": "kim ngach xuat khau"})
    reports = response.context["paginator"].object_list
    assert reports[0].indicator.code == "export_turnover"
    assert {report.indicator.code for report in reports} >= {"export_turnover", "provinces_export_growth"}


def test_people_in_the_results_link_to_their_pages(client):
    page = client.get("/en/search/", {"q": "Mai Xuân Liêm"}).content.decode()
    assert '<a href="/en/people/mai-xuan-liem/" lang="vi">Mai Xuân Liêm</a>' in page


def test_the_words_of_a_query_are_found_in_any_order(client):
    found = kinds(client.get("/search/", {"q": "kim ngach xuat khau 2024"}))
    assert "hanoimoi-north-28-x-2024-exports" in found["figures"]


def test_each_kind_shows_its_best_ten_in_order(client, django_assert_num_queries, empty_database):
    """Twelve exact names, then a mention: the page shows the first ten names, and says there are more."""
    for number in range(12, 0, -1):
        factories.source(slug=f"name-{number:02}", title="Thanh Hóa")
    factories.source(slug="a-mention", author="Thanh Hóa")
    with django_assert_num_queries(search_queries()):
        response = client.get("/search/", {"q": "thanh hoa"})
    (group,) = response.context["groups"]
    assert [source.slug for source in group.results] == [f"name-{number:02}" for number in range(1, 11)]
    assert group.has_more


def test_the_words_of_a_query_rank_after_its_phrase(client, empty_database):
    factories.source(slug="a-apart", publication="Báo Hóa học", title="Tin thành phố")
    factories.source(slug="b-phrase", author="Nguyễn Thanh Hòa")
    factories.source(slug="c-other", title="Giang Thanh Khoa")
    assert kinds(client.get("/search/", {"q": "Thanh Hòa"}))["sources"] == ["b-phrase", "a-apart"]
    assert kinds(client.get("/search/", {"q": "hòa thanh"}))["sources"] == ["a-apart", "b-phrase"]


def test_a_figure_recorded_without_a_quote_shows_no_empty_quote(client, empty_database):
    """A figure from a page whose text is not kept has a locator instead of a quote (its own page shows it)."""
    province = factories.province(name="Thanh Hóa")
    factories.figure(province=province, quote="", locator="đoạn thứ ba")
    quoted = factories.figure(province=province, quote="Thanh Hóa đạt 12 tỷ đồng.")
    page = client.get("/search/", {"q": "thanh hoa"}).content.decode()
    assert page.count('class="snippet"') == 1 and "“Thanh Hóa đạt 12 tỷ đồng.”" in page
    assert "“”" not in page and quoted.slug in page
