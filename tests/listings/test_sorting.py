"""The ``sort`` parameter: empty items and repeats read as a person means them, never a server error."""

import pytest

from listings.sorting import clean_sort_keys


@pytest.mark.parametrize(
    ("value", "keys"),
    [
        ([], []),
        (None, []),
        ([""], []),
        (["", ""], []),
        (["name", ""], ["name"]),
        (["", "-", "-year"], ["-year"]),
        (["-name", "name"], ["-name"]),
        (["year", "region", "year"], ["year", "region"]),
    ],
)
def test_clean_sort_keys_drops_empty_items_and_repeats(value, keys):
    assert clean_sort_keys(value) == keys


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/provinces/?sort=name,",
        "/provinces/?sort=,",
        "/provinces.csv?sort=,",
        "/provinces/?sort=-name&sort=",
        "/conferences/?sort=,",
        "/conferences.csv?sort=,,-year",
        "/api/conferences/?sort=,session",
        "/figures/?sort=value,,-value",
        "/figures.csv?sort=,",
        "/api/figures/?sort=,",
    ],
)
def test_a_sort_list_with_empty_items_is_answered(client, url):
    response = client.get(url, follow=True)  # a list page first drops an empty parameter by redirecting
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    assert response.status_code == 200


@pytest.mark.django_db
def test_an_empty_item_does_not_change_the_order(client):
    plain = client.get("/api/provinces/?sort=-name&page_size=500").json()["results"]
    with_empty = client.get("/api/provinces/?sort=,-name,&page_size=500").json()["results"]
    assert [row["slug"] for row in with_empty] == [row["slug"] for row in plain]
    assert plain[0]["name"] > plain[-1]["name"]


@pytest.mark.django_db
def test_a_key_given_twice_keeps_its_first_direction(client):
    first = client.get("/api/provinces/?sort=-name,name&page_size=500").json()["results"]
    descending = client.get("/api/provinces/?sort=-name&page_size=500").json()["results"]
    assert [row["slug"] for row in first] == [row["slug"] for row in descending]
