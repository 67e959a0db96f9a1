"""People named in the sources: one entry per folded name, their sessions, titles as stated and quotes."""

import html

import factories
import pytest
from django.utils import translation

from conferences.models import ConferenceOfficial
from conferences.people import people
from conferences.people_views import PEOPLE_PER_PAGE
from vietnamese.folding import slugify_vi

pytestmark = pytest.mark.django_db

LIST = "/people/"


def folded_names():
    return {slugify_vi(name) for name in ConferenceOfficial.objects.values_list("name", flat=True)}


def names(response):
    return [person.name for person in response.context["people"]]


def test_the_list_runs_one_query_once_per_load_for_both_languages(client, django_assert_num_queries):
    # The data version; every official with their session, group and source, then kept for the load
    # (portal.per_load) and shared by every page and language of that sort.
    for url, queries in (("/people/", 2), ("/en/people/", 1), ("/en/people/?sort=-sessions", 2)):
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert response.status_code == 200
        assert len(response.context["people"]) == len(folded_names()) > 0


def test_every_person_page_runs_one_query(client, django_assert_num_queries):
    for slug in {slugify_vi(name) for name in ConferenceOfficial.objects.values_list("name", flat=True)}:
        for prefix in ("", "/en"):
            with django_assert_num_queries(2):  # the data version, then the view's 1
                response = client.get(f"{prefix}/people/{slug}/")
            assert response.status_code == 200


def test_the_list_is_in_vietnamese_order_of_the_folded_name_by_default(client, empty_database):
    for name in ("Phan Thị Thắng", "Giang Thanh Khoa", "Đặng Hoàng An"):
        factories.official(conference=factories.conference(), name=name)
    listed = names(client.get(LIST))
    assert listed == ["Đặng Hoàng An", "Giang Thanh Khoa", "Phan Thị Thắng"]  # Đ folds to d
    assert names(client.get(LIST, {"sort": "name"})) == listed
    assert names(client.get(LIST, {"sort": "-name"})) == listed[::-1]
    assert names(client.get(LIST, {"sort": "-sessions"})) == listed  # one session each: the name decides


def test_the_list_shows_name_roles_titles_and_sessions(client):
    response = client.get("/en/people/")
    page = html.unescape(response.content.decode())
    assert '<html lang="en">' in page and "<h1>People</h1>" in page
    assert f"{len(folded_names())} people are named in the sources" in page
    assert "two different people with the same name would be listed as one" in page
    row = page[page.index('href="/en/people/dang-hoang-an/"') :].split("</tr>")[0]
    assert "Đặng Hoàng An" in row and "chair" in row and "Thứ trưởng Bộ Công Thương" in row
    sessions = ConferenceOfficial.objects.filter(name="Đặng Hoàng An").values("conference").distinct().count()
    assert f'<td data-label="Number of sessions" class="num">{sessions}</td>' in row
    assert '<table class="stack people">' in page and '<th scope="col">Name</th>' in page
    assert 'aria-current="page">People</a>' in page
    assert '<a href="?sort=-name">name (Z–A)</a>' in page


def test_a_sort_that_does_not_exist_is_a_400_with_a_message(client):
    response = client.get("/en/people/", {"sort": "age"})
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert "Sort by: “age” is not one of the choices." in page
    assert response.context["people"] == []


def test_a_person_page_lists_their_sessions_with_quote_and_source(client):
    response = client.get("/en/people/dang-hoang-an/")
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert '<h1 lang="vi">Đặng Hoàng An</h1>' in page
    official = ConferenceOfficial.objects.select_related("conference", "source").get(name="Đặng Hoàng An")
    assert f'href="/en/conferences/{official.conference.slug}/"' in page
    assert f'href="/en/sources/{official.source.slug}/"' in page
    assert f"line {official.quote_line}" in page
    assert f'<q lang="vi">{official.quote}</q>' in page
    assert (
        '<td data-label="Title as stated">Deputy Minister of Industry and Trade '
        '<span class="as-written" lang="vi">(Thứ trưởng Bộ Công Thương)</span></td>'
    ) in page
    assert '<td data-label="Role">chair</td>' in page
    assert '<time datetime="2022-09-23">' in page
    assert 'href="/en/people/">People</a>' in page  # breadcrumb


def test_the_vietnamese_person_page_is_at_the_root(client):
    page = client.get("/people/phan-thi-thang/").content.decode()
    assert '<html lang="vi">' in page and "Phan Thị Thắng" in page and "phát biểu" in page


@pytest.mark.parametrize("url", ["/people/nobody-here/", "/en/people/nobody-here/", "/people/dang-hoang/"])
def test_an_unknown_person_is_a_404(client, url):
    assert client.get(url).status_code == 404


def test_only_get_and_head_are_allowed(client):
    assert client.head(LIST).status_code == 200
    assert client.post(LIST).status_code == 405


def test_one_person_named_at_two_sessions_and_spelt_two_ways_is_one_entry(
    client, django_assert_num_queries, empty_database
):
    group = factories.region()
    earlier, later = (factories.conference(region=group, year=year) for year in (2022, 2024))
    factories.official(conference=earlier, name="PHAN THI THANG", title="Thứ trưởng", role="chair")
    factories.official(conference=later, name="Phan Thị Thắng", title="Thứ trưởng Bộ Công Thương", role="speaker")
    factories.official(conference=later, name="Đặng Hoàng An")
    with translation.override("en"):
        (person,) = [p for p in people() if p.slug == "phan-thi-thang"]
        assert person.roles == ["chair", "speaker"]
    assert person.session_count == 2 and len(person.appearances) == 2
    assert person.titles == ["Thứ trưởng", "Thứ trưởng Bộ Công Thương"]  # in the order of the sessions
    assert person.name == "Phan Thị Thắng" and person.other_names == ["PHAN THI THANG"]  # the latest on a tie
    assert names(client.get(LIST, {"sort": "-sessions"})) == [person.name, "Đặng Hoàng An"]
    with django_assert_num_queries(2):  # the data version, then the view's 1
        page = html.unescape(client.get("/en/people/phan-thi-thang/").content.decode())
    assert "Also written" in page
    assert page.count("<tr>") == 3  # the header and one row per session


def test_the_list_pages_by_50_in_a_fixed_number_of_queries(client, empty_database, django_assert_num_queries):
    conference = factories.conference()
    for number in range(PEOPLE_PER_PAGE + 3):
        factories.official(conference=conference, name=f"Người Thử {number:03}")
    for page, shown in ((1, PEOPLE_PER_PAGE), (2, 3)):
        with django_assert_num_queries(2):  # the data version; every official with their session, group and source
            response = client.get(f"/en{LIST}", {"page": page})
        assert len(response.context["people"]) == shown
    page = response.content.decode()
    assert f"{PEOPLE_PER_PAGE + 3} people are named in the sources" in page
    assert "Page 2 of 2" in page and 'rel="prev"' in page
    assert names(response) == [f"Người Thử {number:03}" for number in range(PEOPLE_PER_PAGE, PEOPLE_PER_PAGE + 3)]
    assert 'href="?sort=-sessions"' in page  # a new sort starts at the first page
    assert client.get(LIST, {"page": 3}).status_code == 404
    assert client.get(LIST, {"page": "x"}).status_code == 404


def test_a_person_page_finds_every_spelling_of_the_name_and_no_one_else(client, empty_database):
    """The page asks the database for the person's rows by the normalised name: punctuation, case and tone
    marks give the same person; a longer name is someone else."""
    conference = factories.conference()
    for name in ("Lê Thị-Mai", "LÊ THỊ MAI.", "Lê Thị Mai Anh", "Lê Thị"):
        factories.official(conference=conference, name=name, role="speaker" if "." in name else "chair")
    response = client.get("/en/people/le-thi-mai/")
    assert response.status_code == 200
    assert sorted(official.name for official in response.context["person"].appearances) == ["LÊ THỊ MAI.", "Lê Thị-Mai"]
    assert client.get("/en/people/le-thi-mai-anh/").context["person"].name == "Lê Thị Mai Anh"
