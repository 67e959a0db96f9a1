"""The language switch and the hreflang link: the same page in the other language, always on this site."""

import re

import pytest

pytestmark = pytest.mark.django_db

LINKS = re.compile(r'<a class="language-switch" href="([^"]*)"|<link rel="alternate" hreflang="[a-z]+" href="([^"]*)"')


def language_links(response) -> list[str]:
    """The links' paths: hreflang links are absolute, and must be on this site (the test client's host)."""
    links = [first or second for first, second in LINKS.findall(response.content.decode())]
    for link in links:
        assert link.startswith(("/", "http://testserver/")), link
    return [link.removeprefix("http://testserver") for link in links]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/%2Fevil.com/", "/en/"),
        ("/%2F%2Fevil.com/x/", "/en/"),
        ("/%5Cevil.com/", "/en/"),
        ("/en/%2Fevil.com/", "/"),
        ("/no-such-page/", "/en/"),
    ],
)
def test_an_unknown_path_links_to_the_other_languages_home_page(client, path, expected):
    response = client.get(path)
    assert response.status_code == 404
    links = language_links(response)
    assert expected in links
    assert all(link.startswith("/") and not link.startswith(("//", "/\\")) for link in links), links


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/conferences/?region=north-28&year=2022-2024", "/en/conferences/?region=north-28&amp;year=2022-2024"),
        ("/en/figures/?region=north-28", "/figures/?region=north-28"),
        ("/conferences/?year=abc", "/en/conferences/?year=abc"),
    ],
)
def test_a_served_page_links_to_itself_in_the_other_language(client, path, expected):
    assert expected in language_links(client.get(path))


@pytest.mark.parametrize("path", ["/", "/en/conferences/?region=north-28", "/%2Fevil.com/", "/en/no-such-page/"])
def test_hreflang_links_are_absolute_and_name_both_languages(client, path):
    page = client.get(path).content.decode()
    hreflang = dict(re.findall(r'<link rel="alternate" hreflang="([a-z]+)" href="([^"]*)"', page))
    assert set(hreflang) == {"vi", "en"}
    assert all(url.startswith("http://testserver/") for url in hreflang.values()), hreflang
    assert hreflang["en"].startswith("http://testserver/en/")
