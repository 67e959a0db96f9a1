"""CSV downloads: the API's rows, exact, streamed, with the page's filters; bad filters give no file."""

import csv
import io
import json
from datetime import date
from decimal import Decimal

import factories
import pytest
from django.http import StreamingHttpResponse

from api import exports, row_plans, stream_writers
from api.figure_serializers import FigureSerializer
from api.row_plans import stored_fields
from conferences.models import Conference, IndicatorReport, Source
from regions.models import Province

pytestmark = pytest.mark.django_db

BOM = b"\xef\xbb\xbf"


def download(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, response.content
    assert isinstance(response, StreamingHttpResponse)
    return response, b"".join(response.streaming_content)


def read_csv(raw: bytes) -> tuple[list[str], list[dict[str, str]]]:
    assert raw.startswith(BOM)
    reader = csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    header, *rows = list(reader)
    return header, [dict(zip(header, row, strict=True)) for row in rows]


def api_objects(client, endpoint, params=None):
    return client.get(f"/api/{endpoint}/", {**(params or {}), "page_size": 500}).json()["results"]


def text(value) -> str:
    return "" if value is None else str(value)


RECORD_FIELDS = (
    "locator",
    "growth_as_written",
    "share_as_written",
    "plan_share_as_written",
    "qualifier_as_written",
    "period_context_as_written",
)


def test_figures_csv_round_trips_every_figure_exactly(client, public_fields):
    response, raw = download(client, "/figures.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="figures.csv"'
    header, rows = read_csv(raw)
    assert header == public_fields["figures"]
    by_slug = {row["slug"]: row for row in rows}
    reports = IndicatorReport.objects.select_related("conference__region", "province", "indicator", "source")
    assert rows and len(rows) == len(by_slug) == reports.count()
    for report in reports:
        row = by_slug[report.slug]
        for name in ("value", "growth_pct", "share_pct", "plan_share_pct", "threshold_pct"):
            stored = getattr(report, name)
            assert (row[name] == "") if stored is None else (Decimal(row[name]) == stored and "E" not in row[name])
        assert row["conference"] == report.conference.slug
        assert row["region"] == report.conference.region.slug
        assert row["province"] == (report.province.slug if report.province else "")
        assert row["indicator"] == report.indicator.code
        assert row["source"] == report.source.slug
        assert row["period_start"] == (report.period_start.isoformat() if report.period_start else "")
        assert row["period_end"] == report.period_end.isoformat()
        assert row["is_stock"] == ("true" if report.is_stock else "false")
        assert row["denominator"] == text(report.denominator)
        assert row["quote_line"] == text(report.quote_line)  # none for a record, which keeps no quote
        for name in ("scope", "unit", "unit_as_written", "value_as_written", "qualifier", "share_of"):
            assert row[name] == getattr(report, name)
        for name in ("indicator_as_written", "period_label", "quote", "period_quote", "note_vi", "note_en"):
            assert row[name] == getattr(report, name)
        for name in RECORD_FIELDS:  # where a record's figure stands on its page, and the words printed for it
            assert row[name] == getattr(report, name)
        assert row["html_url"] == f"http://testserver/figures/{report.slug}/"
    exports_row = by_slug["hanoimoi-north-28-x-2024-exports"]
    assert (exports_row["value"], exports_row["unit"], exports_row["qualifier"]) == ("120700000000", "USD", "estimate")
    assert exports_row["growth_pct"] == "18.3"
    assert exports_row["quote"] == (
        "Tổng kim ngạch xuất khẩu của khu vực ước đạt 120,7 tỷ USD, tăng 18,3% so với cùng kỳ."
    )


def test_a_records_figure_round_trips_with_no_quote_and_its_printed_words(client, empty_database):
    record = factories.source(
        text_kept=False,
        file_name="",
        text_sha256="",
        url="https://example.org/fictional/record",
        accessed_on=date(2026, 12, 6),
    )
    factories.figure(
        source=record,
        slug="a-records-decline",
        value="-3.7",
        unit="percent",
        value_as_written="giảm 3,7%",
        unit_as_written="%",
        indicator=factories.indicator(code="iip_growth", unit="percent"),
        quote="",
        quote_line=None,
        locator="đoạn 4, câu 2 (paragraph 4, sentence 2)",
        qualifier="estimate",
        qualifier_as_written="ước",
        period_label="6 tháng đầu năm",
        period_context_as_written="năm 2024",
    )
    _, raw = download(client, "/figures.csv")
    [row] = read_csv(raw)[1]
    assert (row["slug"], row["value"], row["value_as_written"]) == ("a-records-decline", "-3.7", "giảm 3,7%")
    assert (row["quote"], row["quote_line"], row["period_quote"]) == ("", "", "")
    assert row["locator"] == "đoạn 4, câu 2 (paragraph 4, sentence 2)"
    assert (row["qualifier"], row["qualifier_as_written"]) == ("estimate", "ước")
    assert (row["period_label"], row["period_context_as_written"]) == ("6 tháng đầu năm", "năm 2024")
    assert row["source"] == record.slug


def test_conferences_csv_round_trips_every_session_exactly(client, public_fields):
    response, raw = download(client, "/conferences.csv")
    assert response["Content-Disposition"] == 'attachment; filename="conferences.csv"'
    header, rows = read_csv(raw)
    assert header == public_fields["conferences"]
    by_slug = {row["slug"]: row for row in rows}
    conferences = Conference.objects.select_related("region", "host", "next_host").prefetch_related("sources")
    assert rows and len(rows) == conferences.count()
    for conference in conferences:
        row = by_slug[conference.slug]
        assert row["region"] == conference.region.slug
        assert row["session_number"] == text(conference.session_number)
        assert row["session_roman"] == conference.session_roman
        assert row["year"] == str(conference.year)
        assert row["date"] == (conference.date.isoformat() if conference.date else "")
        assert row["host_province"] == (conference.host.slug if conference.host else "")
        assert row["next_host"] == (conference.next_host.slug if conference.next_host else "")
        for name in ("date_as_written", "host_basis", "venue", "organisers", "chairs", "theme", "status"):
            assert row[name] == getattr(conference, name)
        assert row["sources"] == ";".join(sorted({source.slug for source in conference.sources.all()}))
    assert by_slug["north-28-viii-2022"]["venue"] == "tỉnh Thanh Hóa"
    assert "Đặng Hoàng An" in by_slug["north-28-viii-2022"]["chairs"]


@pytest.mark.parametrize("endpoint", ["conferences", "figures", "provinces", "regions", "sources"])
def test_every_csv_row_is_the_api_object_written_flat(client, endpoint):
    _, raw = download(client, f"/en/{endpoint}.csv")  # the API is English, like the English download
    header, rows = read_csv(raw)
    objects = api_objects(client, endpoint)
    assert header == list(objects[0])
    assert len(rows) == len(objects)
    for row, obj in zip(rows, objects, strict=True):
        for name, value in obj.items():
            if isinstance(value, list) and value and isinstance(value[0], dict):
                assert json.loads(row[name]) == value
            elif isinstance(value, list):
                assert row[name] == ";".join(value)
            elif isinstance(value, bool):
                assert row[name] == ("true" if value else "false")
            else:
                assert row[name] == text(value)


def test_the_file_is_rfc_4180_with_crlf_line_ends(client):
    _, raw = download(client, "/figures.csv", {"indicator": "export_turnover"})
    _, rows = read_csv(raw)
    assert not any("\n" in cell or "\r" in cell for row in rows for cell in row.values())
    assert raw.count(b"\r\n") == len(rows) + 1 and raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    # a cell with a comma is quoted, and only such cells are
    assert b',"120,7 t\xe1\xbb\xb7 USD",' in raw
    assert b',"USD",' not in raw


def test_the_api_gives_the_same_csv_as_the_english_page(client):
    params = {"region": "north-28", "year": "2022-2024"}
    response, from_api = download(client, "/api/conferences/", {**params, "format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="conferences.csv"'
    _, from_page = download(client, "/en/conferences.csv", params)
    assert from_api == from_page
    _, rows = read_csv(from_api)
    years = [int(row["year"]) for row in rows]
    assert rows and {row["region"] for row in rows} == {"north-28"}
    assert years == sorted(years, reverse=True) and min(years) >= 2022 and max(years) <= 2024
    # by content negotiation too
    response = client.get("/api/figures/", {"indicator": "export_turnover"}, headers={"Accept": "text/csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    _, figures = download(client, "/en/figures.csv", {"indicator": "export_turnover"})
    assert b"".join(response.streaming_content) == figures


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/figures.csv", {"region": "north-28", "indicator": "export_turnover"}),
        ("/figures.csv", {"scope": "province", "sort": "-value"}),
        ("/figures.csv", {"period": "first-9-months", "qualifier": "estimate"}),
        ("/conferences.csv", {"session": "X"}),
        ("/conferences.csv", {"status": "announced", "sort": "year"}),
        ("/provinces.csv", {"map": "2025", "sort": "name"}),
        ("/provinces.csv", {"region": "north-central-6"}),
        ("/en/figures.csv", {"region": "north-28", "indicator": "export_turnover"}),
        ("/en/conferences.csv", {"status": "announced", "sort": "year"}),
    ],
)
def test_downloads_take_the_pages_filters_and_sort(client, url, params):
    _, raw = download(client, url, params)
    _, rows = read_csv(raw)
    page = client.get(url.replace(".csv", "/"), params)
    assert [row["slug"] for row in rows] == [obj.slug for obj in page.context["paginator"].object_list]
    assert rows


def test_an_empty_result_is_a_header_only(client, public_fields, empty_database):
    _, raw = download(client, "/figures.csv", {"period": "last-6-months"})
    header, rows = read_csv(raw)
    assert header == public_fields["figures"] and rows == []


@pytest.mark.parametrize(
    ("url", "params", "parameter"),
    [
        ("/figures.csv", {"year": "2024-2020"}, "year"),
        ("/figures.csv", {"region": "atlantis"}, "region"),
        ("/conferences.csv", {"session": "IIII"}, "session"),
        ("/provinces.csv", {"map": "1900"}, "map"),
        ("/figures.json", {"period": "fortnight"}, "period"),
        ("/en/figures.csv", {"year": "2024-2020"}, "year"),
    ],
)
def test_bad_filters_give_a_400_and_no_file(client, url, params, parameter):
    response = client.get(url, params)
    assert response.status_code == 400
    assert not response.streaming
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Content-Disposition" not in response
    body = response.content.decode()
    assert not body.startswith("\ufeff") and "slug" not in body
    assert f"\n{parameter}: " in body


@pytest.mark.parametrize(
    ("url", "model", "prefetches"),
    [
        ("/conferences.csv", Conference, 1),
        ("/figures.csv", IndicatorReport, 0),
        ("/provinces.csv", Province, 2),
        ("/sources.json", Source, 1),
        ("/en/figures.csv", IndicatorReport, 0),
        ("/en/figures.json", IndicatorReport, 0),
        ("/en/conferences.csv", Conference, 1),
        ("/en/provinces.json", Province, 2),
        ("/en/sources.csv", Source, 1),
    ],
)
def test_rows_are_read_a_chunk_at_a_time_in_fixed_queries(
    client, django_assert_num_queries, monkeypatch, settings, url, model, prefetches
):
    """One query for the rows, then each prefetch once per chunk: never one query per row.

    The figures are read without a serializer, in batches of groups whose sizes one query on
    ``FigureCount`` gives first, sorted by the list's keys with the provinces' order read once:
    fewer than ``row_plans.BATCH_SIZE`` figures are one batch, so three queries; the CSV reads the
    sessions', provinces', indicators' and sources' labels first (``api.figure_lines``), so seven.
    """
    settings.PORTAL_DOWNLOADS_DIR = ""  # every download streams: none is answered from a kept file
    rows = model.objects.count()
    assert rows > 4 and IndicatorReport.objects.count() < row_plans.BATCH_SIZE
    first = {"/figures.csv": 7, "/figures.json": 3}.get(url.removeprefix("/en"), 1)
    for chunk_size in (exports.CHUNK_SIZE, 4):
        monkeypatch.setattr(exports, "CHUNK_SIZE", chunk_size)
        chunks = -(-rows // chunk_size)
        with django_assert_num_queries(1 + first + prefetches * chunks):  # the data version, then the view's
            response = client.get(url)
            body = b"".join(response.streaming_content)
        assert body


def test_the_file_is_streamed_in_pieces(client, monkeypatch):
    monkeypatch.setattr(stream_writers, "ROWS_PER_WRITE", 10)
    response = client.get("/provinces.csv")
    pieces = list(response.streaming_content)
    rows = Province.objects.count()
    assert rows > 10
    assert len(pieces) == 1 + -(-rows // 10)  # the header, then the rows ten at a time as they are read
    assert pieces[0].startswith(BOM) and pieces[0].endswith(b"\r\n") and pieces[0].count(b"\r\n") == 1
    assert read_csv(b"".join(pieces))[1] == read_csv(download(client, "/provinces.csv")[1])[1]


@pytest.mark.parametrize(
    ("page", "csv_link", "json_link"),
    [
        (
            "/figures/?region=north-28&page=1&sort=-value",
            "/figures.csv?region=north-28&amp;sort=-value",
            "/figures.json?region=north-28&amp;sort=-value",
        ),
        (
            "/en/conferences/?year=2022-2024",
            '"/en/conferences.csv?year=2022-2024"',
            '"/en/conferences.json?year=2022-2024"',
        ),
        ("/provinces/?map=2025", '"/provinces.csv?map=2025"', '"/provinces.json?map=2025"'),
        ("/regions/", '"/regions.csv"', '"/regions.json"'),
        ("/en/sources/", '"/en/sources.csv"', '"/en/sources.json"'),
        ("/en/figures/?indicator=export_turnover", '"/en/figures.csv?indicator', '"/en/figures.json?indicator'),
        ("/en/provinces/", '"/en/provinces.csv"', '"/en/provinces.json"'),
        ("/en/regions/", '"/en/regions.csv"', '"/en/regions.json"'),
    ],
)
def test_each_list_page_links_its_downloads_in_its_language_with_its_filters(client, page, csv_link, json_link):
    """An English page links the English files (``/en/figures.csv``), a Vietnamese one the Vietnamese."""
    html = client.get(page).content.decode()
    assert csv_link in html and json_link in html
    assert 'class="downloads"' in html


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_each_link_gives_its_file(client, prefix):
    html = client.get(f"{prefix}/figures/", {"region": "north-28"}).content.decode()
    link = html.split('class="downloads"')[1].split('href="')[1].split('"')[0].replace("&amp;", "&")
    assert link == f"{prefix}/figures.csv?region=north-28"
    response, raw = download(client, link)
    assert response["Content-Language"] == ("en" if prefix else "vi")
    _, rows = read_csv(raw)
    assert rows and {row["region_name"] for row in rows} == {
        "28 northern provinces and cities" if prefix else "28 tỉnh, thành phố khu vực phía Bắc"
    }


def test_a_page_with_bad_filters_offers_no_download(client):
    response = client.get("/figures/", {"year": "soon"})
    assert response.status_code == 400
    assert "figures.csv" not in response.content.decode()


def test_the_figures_plan_reads_the_serializers_stored_fields_in_its_order(public_fields):
    fields = stored_fields(FigureSerializer)
    assert fields[:6] == (
        "slug",
        "conference__slug",
        "conference__region__slug",
        "province__slug",
        "scope",
        "indicator__code",
    )
    assert fields[-1] == "source__slug"
    made_here = {"conference_label", "region_name", "province_name", "indicator_name", "period_kind"}
    made_here |= {"source_title", "source_publication", "source_url", "url", "html_url"}
    read = [name for name in public_fields["figures"] if name not in made_here]
    assert [field.split("__")[0] for field in fields] == [{"region": "conference"}.get(name, name) for name in read], (
        "one stored field for each of the other columns, in their order"
    )
