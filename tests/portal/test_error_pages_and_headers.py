"""Error pages (404 localised, 500 standalone), the security headers and a strict Content-Security-Policy
that every page satisfies: no inline script or style, nothing from another origin."""

import re

import pytest
from django.http import HttpResponse
from django.urls import path
from django.views.defaults import server_error

from conferences.models import Source
from regions.models import Province

CSP_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# A script only as a file of the site's own (<script src="/static/…"></script>), never inline.
INLINE = re.compile(
    r"<script(?![^>]*\ssrc=\"/static/[^\"]+\"[^>]*></script>)|<style|\sstyle=|\son[a-z]+=|javascript:", re.I
)
RESOURCE = re.compile(r'<(?:link|img|script|iframe|source)\b[^>]*\b(?:href|src)="([^"]*)"', re.IGNORECASE)


def policy(response) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))


def assert_strict_headers(response):
    assert policy(response) == CSP_DIRECTIVES
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def assert_satisfies_the_policy(html: str, where: str):
    assert not INLINE.search(html), (where, INLINE.search(html).group())
    for url in RESOURCE.findall(html):
        same_origin = (url.startswith("/") and not url.startswith("//")) or url.startswith("http://testserver/")
        assert same_origin, (where, url)  # hreflang links are absolute, on this site


@pytest.mark.django_db
def test_every_kind_of_page_satisfies_the_policy(client):
    province = Province.objects.order_by("slug").first().slug
    source = Source.objects.order_by("slug").first().slug
    pages = [
        "/",
        "/search/?q=thanh+hoa",
        "/conferences/?region=north-28&year=2022-2024",
        "/conferences/north-28-x-2024/",
        "/figures/?indicator=export_turnover",
        "/figures/hanoimoi-north-28-x-2024-exports/",
        "/regions/",
        "/regions/south-20/",
        "/provinces/",
        f"/provinces/{province}/",
        "/sources/",
        f"/sources/{source}/",
        "/en/",
        "/en/figures/?year=1800",  # a 400 page, with its messages
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code in (200, 400), page
        assert_strict_headers(response)
        assert_satisfies_the_policy(response.content.decode(), page)


@pytest.mark.parametrize(("address", "language"), [("/no-such-page/", "vi"), ("/en/no-such-page/", "en")])
def test_an_unknown_page_is_a_localised_404_with_the_site_around_it(client, address, language):
    response = client.get(address)
    assert response.status_code == 404
    assert response.templates[0].name == "404.html"
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert "Page not found" in html or "Không tìm thấy trang" in html
    assert "site-nav" in html and 'role="search"' in html
    assert "no-such-page" not in html.split("<main", 1)[1].split("</main>")[0]  # nothing echoed back
    assert_strict_headers(response)
    assert_satisfies_the_policy(html, address)


def test_the_500_page_stands_alone_in_both_languages(rf):
    """Rendered with no request context, no database and no translation catalogue."""
    response = server_error(rf.get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Đã có lỗi trên máy chủ" in html and "Something went wrong on our side" in html
    assert_satisfies_the_policy(html, "500.html")


def crash(request):
    raise RuntimeError("secret internal detail")


urlpatterns = [path("crash/", crash), path("fine/", lambda request: HttpResponse("fine"))]


@pytest.mark.urls(__name__)
def test_an_unexpected_error_gives_the_500_page_without_internals(client):
    client.raise_request_exception = False
    response = client.get("/crash/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html
    assert "secret internal detail" not in html and "Traceback" not in html and "RuntimeError" not in html
    assert_strict_headers(response)
