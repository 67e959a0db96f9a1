"""Every page's and endpoint's query parameters, fuzzed: no value may give a server error.

Values are random text, known trouble (huge, numeric edge cases, injection-shaped, path tricks) and
raw bytes that are not UTF-8, sent percent-encoded exactly as a client could send them.
"""

from urllib.parse import quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/en/",
    "/search/",
    "/conferences/",
    "/en/conferences/",
    "/conferences/north-28-x-2024/",
    "/figures/",
    "/figures/hanoimoi-north-28-x-2024-exports/",
    "/provinces/",
    "/provinces/thanh-hoa/",
    "/regions/",
    "/regions/north-28/",
    "/sources/",
    "/sources/plvn-south-20-x-2024/",
]
API = [
    "/api/conferences/",
    "/api/conferences/north-28-x-2024/",
    "/api/figures/",
    "/api/provinces/",
    "/api/regions/",
    "/api/sources/",
    "/api/indicators/",
    "/api/schema/",
]
DOWNLOADS = [
    "/conferences.csv",
    "/figures.csv",
    "/provinces.json",
    "/regions.json",
    "/sources.csv",
    "/figures.json",
    "/en/figures.csv",
    "/en/sources.json",
]

PARAMETERS = [
    "region", "year", "session", "host", "status", "q", "sort", "page", "page_size", "province", "indicator",
    "period", "scope", "qualifier", "conference", "source", "map", "kind", "format",
]  # fmt: skip
TROUBLE = [
    "", " ", "0", "-1", "1.5", "1e309", "NaN", "99999999999999999999999", "2024-2022", "2022-2024", "lần thứ X",
    "XIVV", "X" * 5000, "' OR 1=1 --", '"; DROP TABLE conferences_conference; --', "<script>alert(1)</script>",
    "%", "%%", "../../etc/passwd", "\x00", "\u202e", "😀", "Thanh Hoá", "thanh hoa", "-year,region", "csv", "json",
]  # fmt: skip

# Every sort key any list knows, and values any multi-value filter takes, to build comma lists from.
LIST_ITEMS = [
    "", "-", "name", "-name", "sessions", "year", "-year", "session", "region", "-region", "host", "period",
    "value", "-value", "indicator", "north-28", "south-20", "2024", "X", "estimate", "province", "nope",
]  # fmt: skip

names = st.one_of(st.sampled_from(PARAMETERS), st.text(min_size=1, max_size=20))
texts = st.one_of(st.sampled_from(TROUBLE), st.text(max_size=200))
# "sort=name,", "sort=,,-year", "region=north-28,north-28": empty items, repeats, unknown keys.
comma_lists = st.lists(st.sampled_from(LIST_ITEMS), min_size=1, max_size=5).map(",".join)
raw_values = st.one_of(
    texts.map(lambda text: text.encode("utf-8")), comma_lists.map(str.encode), st.binary(max_size=64)
)
pairs = st.tuples(names, raw_values)
# The same parameter given again ("sort=-year&sort=,") as often as any other.
repeated = st.tuples(st.sampled_from(PARAMETERS), st.lists(raw_values, min_size=2, max_size=3)).map(
    lambda repeat: [(repeat[0], value) for value in repeat[1]]
)
query_strings = st.lists(st.one_of(pairs.map(lambda pair: [pair]), repeated), max_size=4).map(
    lambda groups: "&".join(
        f"{quote_from_bytes(name.encode())}={quote_from_bytes(value)}" for group in groups for name, value in group
    )
)

# The parameters that take a comma list or may be repeated, fuzzed on their own so that odd lists are common.
LIST_PARAMETERS = ["sort", "region", "year", "session", "indicator", "qualifier"]
list_query_strings = st.lists(st.tuples(st.sampled_from(LIST_PARAMETERS), comma_lists), min_size=1, max_size=3).map(
    lambda pairs: "&".join(f"{name}={quote_from_bytes(value.encode())}" for name, value in pairs)
)

FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def assert_no_server_error(client, path, query_string):
    response = client.get(path, QUERY_STRING=query_string)
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)  # a streamed download fails while it is being read
    assert response.status_code < 500, (path, query_string, response.status_code)


@pytest.mark.parametrize("path", PAGES)
@FUZZ
@given(query_string=query_strings)
def test_pages_never_fail_on_any_query(client, path, query_string):
    assert_no_server_error(client, path, query_string)


@pytest.mark.parametrize("path", API)
@FUZZ
@given(query_string=query_strings)
def test_api_never_fails_on_any_query(client, path, query_string):
    assert_no_server_error(client, path, query_string)


@pytest.mark.parametrize("path", DOWNLOADS)
@FUZZ
@given(query_string=query_strings)
def test_downloads_never_fail_on_any_query(client, path, query_string):
    assert_no_server_error(client, path, query_string)


@pytest.mark.parametrize("path", [*PAGES, *API, *DOWNLOADS])
@FUZZ
@given(query_string=list_query_strings)
def test_comma_lists_and_repeats_never_fail(client, path, query_string):
    assert_no_server_error(client, path, query_string)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(slug=st.one_of(st.text(max_size=80), st.sampled_from(["%00", "..", "a" * 5000, "north-28-x-2024'--"])))
def test_detail_pages_never_fail_on_any_slug(client, slug):
    for prefix in ("/conferences/", "/figures/", "/provinces/", "/regions/", "/sources/", "/api/figures/"):
        response = client.get(prefix + quote_from_bytes(slug.encode("utf-8"), safe="") + "/")
        assert response.status_code < 500, (prefix, slug)
