"""What every page's <head> carries: a description of its own and the favicon."""

import re

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/conferences/",
    "/en/conferences/north-28-x-2024/",
    "/regions/",
    "/en/regions/north-28/",
    "/provinces/",
    "/provinces/thanh-hoa/",
    "/figures/",
    "/people/",
    "/sources/",
    "/quality/",
    "/search/?q=thanh+hoa",
]


def description(client, path) -> str:
    found = re.findall(r'<meta name="description" content="([^"]+)">', client.get(path).content.decode())
    assert len(found) == 1, path
    return found[0]


@pytest.mark.parametrize("path", PAGES)
def test_a_page_has_a_description_and_the_favicon(client, path):
    page = client.get(path).content.decode()
    assert len(re.findall(r'<meta name="description" content="[^"]{20,}">', page)) == 1
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page


def test_detail_pages_describe_their_own_subject(client):
    assert "Thanh Hóa" in description(client, "/provinces/thanh-hoa/")
    assert "session X" in description(client, "/en/conferences/north-28-x-2024/")
    assert description(client, "/figures/") != description(client, "/conferences/")


def test_the_favicon_is_a_static_file(client, settings):
    path = settings.BASE_DIR / "static" / "favicon.svg"
    assert path.read_text().startswith("<svg")
