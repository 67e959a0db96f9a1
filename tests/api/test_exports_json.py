"""JSON downloads: a streamed array of exactly the API's objects, with the page's filters."""

import json

import factories
import pytest
from django.http import StreamingHttpResponse

from api import stream_writers
from regions.models import Province

pytestmark = pytest.mark.django_db

LISTS = ["conferences", "figures", "provinces", "regions", "sources"]


def api_objects(client, endpoint, params=None):
    response = client.get(f"/api/{endpoint}/", {**(params or {}), "page_size": 500})
    assert response.status_code == 200
    return response.json()["results"]


def download(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, response.content
    assert isinstance(response, StreamingHttpResponse)
    return response, b"".join(response.streaming_content)


@pytest.mark.parametrize("endpoint", LISTS)
def test_the_english_json_export_is_the_apis_objects(client, endpoint):
    response, raw = download(client, f"/en/{endpoint}.json")  # the API is English
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == f'attachment; filename="{endpoint}.json"'
    assert json.loads(raw.decode("utf-8")) == api_objects(client, endpoint)


@pytest.mark.parametrize(
    ("endpoint", "params"),
    [
        ("figures", {"region": "north-28", "indicator": "export_turnover", "year": "2024", "scope": "region"}),
        ("figures", {"province": "hai-phong", "sort": "-period"}),
        ("conferences", {"region": "north-28", "year": "2022-2024"}),
        ("conferences", {"q": "thanh hoa"}),
        ("provinces", {"map": "before-2025", "region": "south-20", "sort": "-sessions"}),
    ],
)
def test_the_json_export_takes_the_same_filters(client, endpoint, params):
    _, raw = download(client, f"/en/{endpoint}.json", params)
    assert json.loads(raw) == api_objects(client, endpoint, params)


def test_the_journalists_figure_as_json(client, empty_database):
    north = factories.region(slug="north-28")
    exports_2024 = factories.figure(
        conference=factories.conference(region=north, year=2024),
        indicator=factories.indicator(code="export_turnover", unit="USD"),
        value="120700000000",
        qualifier="estimate",
        quote="Tổng kim ngạch xuất khẩu của khu vực ước đạt 120,7 tỷ USD.",
    )
    factories.figure(conference=exports_2024.conference, scope="country")  # filtered out
    _, raw = download(
        client,
        "/figures.json",
        {"region": "north-28", "indicator": "export_turnover", "year": "2024", "scope": "region"},
    )
    [figure] = json.loads(raw)
    assert figure["slug"] == exports_2024.slug
    assert (figure["value"], figure["unit"], figure["qualifier"]) == ("120700000000", "USD", "estimate")
    assert isinstance(figure["value"], str)
    # UTF-8 as is, not \u escapes
    assert "Tổng kim ngạch xuất khẩu".encode() in raw


def test_an_empty_result_is_an_empty_array(client, empty_database):
    _, raw = download(client, "/figures.json", {"period": "last-6-months"})
    assert raw == b"[]"


def test_the_array_is_written_as_rows_are_read(client, monkeypatch):
    monkeypatch.setattr(stream_writers, "ROWS_PER_WRITE", 10)
    response = client.get("/provinces.json")
    pieces = list(response.streaming_content)
    rows = Province.objects.count()
    assert rows > 10
    assert pieces[0] == b"[" and pieces[-1] == b"]" and len(pieces) == 2 + -(-rows // 10)
    assert len(json.loads(b"".join(pieces))) == rows


def test_a_bad_filter_gives_a_plain_400(client):
    response = client.get("/conferences.json", {"year": "2024-2020", "status": "cancelled"})
    assert response.status_code == 400
    assert not isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert {line.split(":")[0] for line in lines[1:]} == {"status", "year"}


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_downloads_are_read_only(client, method):
    assert getattr(client, method)("/figures.json").status_code == 405
