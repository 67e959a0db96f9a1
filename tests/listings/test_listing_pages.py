"""The list machinery shared by every list page (listings.views)."""

import re

import pytest

pytestmark = pytest.mark.django_db

LISTS = ["/conferences/", "/figures/", "/provinces/", "/en/figures/"]


@pytest.mark.parametrize("path", LISTS)
def test_a_submitted_form_with_empty_fields_redirects_to_the_clean_address(client, path):
    response = client.get(path + "?region=north-28&year=&sort=&region=&units=")
    assert response.status_code == 302
    assert response["Location"] == path + "?region=north-28"


@pytest.mark.parametrize("path", LISTS)
def test_a_form_submitted_untouched_redirects_to_the_bare_list(client, path):
    response = client.get(path + "?region=&sort=")
    assert response.status_code == 302
    assert response["Location"] == path


def test_an_address_without_empty_parameters_is_served(client):
    response = client.get("/conferences/?region=north-28&sort=year")
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/figures/", "/provinces/", "/conferences/"])
def test_every_list_has_the_jump_link_to_its_filters(client, path):
    page = client.get(path).content.decode()
    assert '<p class="jump-to-filters"><a href="#filters">' in page
    assert 'id="filters"' in page


BAD_INPUT = [
    "/conferences/?year=abc&session=XIVV",
    "/figures/?year=abc",
    "/provinces/?kind=nope",
    "/search/?q=" + "x" * 300,
]


@pytest.mark.parametrize("url", BAD_INPUT)
def test_each_aria_describedby_on_a_page_with_bad_input_names_an_element_of_the_page(client, url):
    page = client.get(url).content.decode()
    described = [name for names in re.findall(r'aria-describedby="([^"]+)"', page) for name in names.split()]
    assert described or "/search/" in url, "the page should point its invalid fields at their messages"
    for name in described:
        assert f'id="{name}"' in page
