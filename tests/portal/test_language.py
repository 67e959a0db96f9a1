"""A response's language comes from its address alone (portal/language.py)."""

import pytest

from portal.language import language_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("/", "vi"),
        ("/conferences/", "vi"),
        ("/en/", "en"),
        ("/en/figures/", "en"),
        ("/api/figures/", "en"),
        ("/figures.csv", "vi"),
        ("/en/figures.csv", "en"),
    ],
)
def test_the_address_sets_the_language(path, language):
    assert language_of(path) == language


BROWSER_LANGUAGES = [{}, {"Accept-Language": "en"}, {"Accept-Language": "vi", "Cookie": "django_language=en"}]


@pytest.mark.parametrize(
    "url", ["/", "/en/conferences/", "/api/figures/", "/figures.csv", "/en/figures.csv", "/healthz", "/no-such/"]
)
@pytest.mark.parametrize("headers", BROWSER_LANGUAGES)
def test_the_browsers_language_changes_nothing_so_no_response_varies_on_it(client, url, headers):
    response = client.get(url, headers=headers)
    plain = client.get(url)
    assert "Accept-Language" not in response.get("Vary", "")
    assert response["Content-Language"] == plain["Content-Language"]
    if not hasattr(response, "streaming_content"):
        assert response.content == plain.content


def test_a_download_takes_the_language_of_its_address_and_its_validators_say_so(client):
    vietnamese, english = client.get("/figures.csv"), client.get("/en/figures.csv")
    assert (vietnamese["Content-Language"], english["Content-Language"]) == ("vi", "en")
    assert vietnamese["ETag"] != english["ETag"]
    assert client.get("/en/figures.csv", headers={"If-None-Match": vietnamese["ETag"]}).status_code == 200
    assert client.get("/en/figures.csv", headers={"If-None-Match": english["ETag"]}).status_code == 304
