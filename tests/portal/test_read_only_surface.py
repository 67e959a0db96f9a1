"""Nothing the portal serves accepts a write, and there is no admin or other write surface.

Every URL pattern is expanded to a concrete address (in both languages where it has a language
prefix) and written to: the middleware refuses each one, and so does each view on its own. No
database is used (no marker): a view that ran a query would fail these tests.
"""

import re

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils import translation

from portal.middleware import ReadOnlyMiddleware

WRITES = ["post", "put", "patch", "delete"]
NAMED_GROUP = re.compile(r"\(\?P<\w+>[^)]*\)")
OPTIONAL_GROUP = re.compile(r"\(\?:[^)]*\)\?")
CONVERTER = re.compile(r"<(?:\w+:)?\w+>")


def example(pattern) -> str:
    """A concrete address matched by one URL pattern: every parameter becomes "x"."""
    if isinstance(pattern, LocalePrefixPattern):
        return pattern.language_prefix
    if isinstance(pattern, RoutePattern):
        return CONVERTER.sub("x", str(pattern))
    assert isinstance(pattern, RegexPattern), pattern
    text = OPTIONAL_GROUP.sub("", NAMED_GROUP.sub("x", str(pattern)))
    return text.removeprefix("^").removesuffix("$").replace("\\.", ".")


def addresses(patterns=None, prefix=""):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            yield from addresses(entry.url_patterns, prefix + example(entry.pattern))
        else:
            assert isinstance(entry, URLPattern)
            yield "/" + prefix + example(entry.pattern)


def every_address() -> list[tuple[str, str]]:
    """(language, address) for every pattern; an address without a language prefix is listed once."""
    found = {}
    for language in ("vi", "en"):
        with translation.override(language):
            for address in addresses():
                found.setdefault(address, language)
    return sorted((language, address) for address, language in found.items())


EVERY_ADDRESS = every_address()


def test_the_walk_covers_every_kind_of_address():
    paths = {address for _, address in EVERY_ADDRESS}
    for expected in ("/healthz", "/api/figures/", "/api/figures/x/", "/figures.csv", "/en/figures/x/", "/sources/"):
        assert expected in paths
    assert len(paths) > 40


def test_there_is_no_admin_and_no_app_that_writes():
    for app in ("django.contrib.admin", "django.contrib.auth", "django.contrib.sessions", "django.contrib.messages"):
        assert app not in settings.INSTALLED_APPS
    assert not any("admin" in address for _, address in EVERY_ADDRESS)


@pytest.mark.parametrize(("language", "address"), EVERY_ADDRESS)
def test_every_address_refuses_writes_through_the_stack(client, language, address):
    for method in WRITES:
        response = getattr(client, method)(address)
        assert response.status_code == 405, (method, address)
        assert response["Allow"] == "GET, HEAD"


@pytest.mark.parametrize(("language", "address"), EVERY_ADDRESS)
def test_every_view_refuses_writes_on_its_own(language, address):
    """Even with the middleware gone, no view would accept a write."""
    with translation.override(language):
        match = resolve(address)
    for method in WRITES:
        request = getattr(RequestFactory(), method)(address)
        assert match.func(request, *match.args, **match.kwargs).status_code == 405, (method, address)


def test_the_read_only_middleware_runs_before_any_view_code():
    middleware = settings.MIDDLEWARE
    assert middleware.index("portal.middleware.ReadOnlyMiddleware") < middleware.index(
        "portal.middleware.DatabaseMiddleware"
    )


def test_a_head_response_keeps_its_headers_and_drops_its_body():
    get = RequestFactory().get("/healthz")
    full = ReadOnlyMiddleware(lambda request: _page())(get)
    head = ReadOnlyMiddleware(lambda request: _page())(RequestFactory().head("/healthz"))
    assert head.content == b"" and full.content
    assert head["Content-Length"] == full["Content-Length"]


def _page():
    from django.http import HttpResponse

    response = HttpResponse("<p>data</p>")
    response["Content-Length"] = "11"
    return response
