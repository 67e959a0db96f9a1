"""A list's ``q`` lists at most ``LIST_MATCHES`` matches, the latest, within the list's other filters
(``listings.search_filter.SearchFilter``, ``SearchesLastFilterSet``), and the page says when more rows match."""

from datetime import date

import factories
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from listings import search_filter

pytestmark = pytest.mark.django_db

LIMIT = 3


@pytest.fixture
def thanh_hoa_figures(empty_database, monkeypatch):
    """Five figures of Thanh Hóa, one a year from 2020, the first two in another group; one of Nghệ An."""
    monkeypatch.setattr(search_filter, "LIST_MATCHES", LIMIT)
    thanh_hoa, nghe_an = factories.province(name="Thanh Hóa"), factories.province(name="Nghệ An")
    north, central = factories.region(slug="north"), factories.region(slug="central")
    figures = {}
    for year in range(2020, 2025):
        conference = factories.conference(region=central if year < 2022 else north, year=year + 1)
        figures[year] = factories.figure(
            conference=conference,
            province=thanh_hoa,
            period_start=date(year, 1, 1),
            period_end=date(year, 12, 31),
            quote=f"Câu thử của năm {year}.",
        )
    factories.figure(province=nghe_an, period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    return figures


def listed(response) -> list[str]:
    return [row.slug for row in response.context["page_obj"].object_list]


def slugs(figures, *years) -> list[str]:
    return [figures[year].slug for year in years]


def test_a_common_search_lists_its_latest_matches_and_says_more_match(client, thanh_hoa_figures):
    response = client.get(reverse("conferences:figure_list"), {"q": "Thanh Hóa"})
    assert response.status_code == 200
    assert listed(response) == slugs(thanh_hoa_figures, 2024, 2023, 2022)
    assert response.context["paginator"].count == LIMIT
    assert response.context["search_limit"] == LIMIT
    assert "only 3 of them are listed" in client.get("/en/figures/", {"q": "Thanh Hóa"}).content.decode()


def test_a_search_with_no_more_matches_than_the_limit_says_nothing_of_it(client, thanh_hoa_figures):
    response = client.get(reverse("conferences:figure_list"), {"q": "Nghệ An"})
    assert response.context["paginator"].count == 1
    assert response.context["search_limit"] is None
    assert 'class="notice" role="status"' not in response.content.decode()


def test_the_search_keeps_the_latest_matches_of_what_the_other_filters_leave(client, thanh_hoa_figures):
    """The central group's two figures are older than the three latest matches: filtered first, they
    are found."""
    response = client.get(reverse("conferences:figure_list"), {"q": "Thanh Hóa", "region": "central"})
    assert listed(response) == slugs(thanh_hoa_figures, 2021, 2020)
    assert response.context["search_limit"] is None


def test_a_chosen_sort_orders_the_matches_listed(client, thanh_hoa_figures):
    response = client.get(reverse("conferences:figure_list"), {"q": "Thanh Hóa", "sort": "period"})
    assert listed(response) == slugs(thanh_hoa_figures, 2022, 2023, 2024)


def test_the_facets_count_the_matches_listed(client, thanh_hoa_figures):
    response = client.get(reverse("conferences:figure_list"), {"q": "Thanh Hóa"})
    regions = {item.value: item.count for item in response.context["facets"]["region"]}
    assert regions == {"north": 3}


def captured(client, params) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("conferences:figure_list"), params).status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def test_the_matches_are_found_once_whatever_the_facets(client, thanh_hoa_figures):
    """One query finds the matches' keys (in the first rows in order, ``search_found``, or in the
    full-text index); the count, the page and every facet then read those keys. A search over more rows
    than the limit asks no more than one over a single row."""
    captured(client, {})  # the first request of a test reads the loaded data's version
    common = captured(client, {"q": "Thanh Hóa"})
    rare = captured(client, {"q": "Thanh Hóa 2022"})
    assert len(common) == len(rare)
    index = " MATCH " if connection.vendor == "sqlite" else "@@"
    assert sum(index in sql or '"search_found"' in sql for sql in common) == 1


def test_a_chosen_facet_offers_its_other_values_with_their_matches(client, thanh_hoa_figures, monkeypatch):
    """With a group chosen, the group facet counts the matches of every other filter: the other group
    is offered with its own matches, as choosing it would list them; the list holds the chosen group's."""
    monkeypatch.setattr(search_filter, "LIST_MATCHES", 10)
    response = client.get(reverse("conferences:figure_list"), {"q": "Thanh Hóa", "region": "central"})
    assert listed(response) == slugs(thanh_hoa_figures, 2021, 2020)
    facets = response.context["facets"]
    assert {item.value: item.count for item in facets["region"]} == {"central": 2, "north": 3}
    assert {item.value: item.count for item in facets["year"]} == {"2020": 1, "2021": 1}  # the periods' years
    switched = client.get(reverse("conferences:figure_list"), {"q": "Thanh Hóa", "region": "north"})
    assert switched.context["paginator"].count == 3


def test_each_chosen_facet_searches_once_more(client, thanh_hoa_figures):
    """The list's search, and one for each facet whose value is chosen (its matches differ)."""
    captured(client, {})
    index = " MATCH " if connection.vendor == "sqlite" else "@@"
    for params, searches in (({"q": "Thanh Hóa"}, 1), ({"q": "Thanh Hóa", "region": "north"}, 2)):
        found = sum(index in sql or '"search_found"' in sql for sql in captured(client, params))
        assert found == searches, params


def test_a_chosen_facet_over_more_matches_than_a_list_holds_counts_the_listed(client, thanh_hoa_figures):
    """Without the group, "Thanh Hóa" matches five rows, more than the three a list holds: the latest three
    are all northern, and counting them would say 0 of the two central figures the list shows. The facet
    counts the list's matches instead."""
    response = client.get(reverse("conferences:figure_list"), {"q": "Thanh Hóa", "region": "central"})
    assert response.context["paginator"].count == 2
    assert {item.value: item.count for item in response.context["facets"]["region"]} == {"central": 2}
