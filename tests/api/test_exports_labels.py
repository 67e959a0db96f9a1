"""Downloads name what their slugs stand for, in the language of the page they were downloaded from.

Vietnamese pages link ``/figures.csv``, English ones ``/en/figures.csv``. Beside each slug of another
object stands its label: an indicator's, a group's or a province's name, a session as the pages name
it, a source's title, publication and address. Column names are stable English identifiers; the values
follow the address's language (names of provinces are proper names, titles are as printed). The API is
English, so its CSV is the English download.
"""

import csv
import io
import json

import factories
import pytest
from django.test import RequestFactory
from django.utils import translation

from api import exports, stream_writers
from api.figure_serializers import FigureSerializer
from conferences.figure_filters import IndicatorReportFilter
from conferences.figure_selectors import figure_list
from conferences.models import Indicator
from regions.models import Province

pytestmark = pytest.mark.django_db

NORTH_VI = "28 tỉnh, thành phố khu vực phía Bắc"
NORTH_EN = "28 northern provinces and cities"
SOUTH_VI = "các tỉnh, thành phố khu vực phía Nam"
SOUTH_EN = "Southern provinces and cities"
LISTS = ["conferences", "figures", "provinces", "regions", "sources"]

# The label columns of each list, each right after the slug column it names.
LABELS_BESIDE = {
    "figures": {
        "conference": ["conference_label"],
        "region": ["region_name"],
        "province": ["province_name"],
        "indicator": ["indicator_name"],
        "source": ["source_title", "source_publication", "source_url"],
    },
    "conferences": {
        "region": ["region_name"],
        "host_province": ["host_province_name"],
        "next_host": ["next_host_name"],
    },
    "provinces": {"successor": ["successor_name"], "predecessors": ["predecessor_names"], "regions": ["region_names"]},
    "sources": {"conferences": ["conference_labels"]},
}


def body(client, url, params=None) -> bytes:
    response = client.get(url, params or {})
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content)


def csv_rows(client, url, params=None) -> list[dict]:
    text = body(client, url, params).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def csv_header(client, url) -> list[str]:
    return next(csv.reader(io.StringIO(body(client, url).decode("utf-8-sig"), newline="")))


def by_slug(rows) -> dict:
    return {row["slug"]: row for row in rows}


@pytest.fixture
def journalists_figures(empty_database):
    """Two sessions' figures: one numbered, in a province, one not, in a group named lower case."""
    north = factories.region(slug="north-28", name_vi=NORTH_VI, name_en=NORTH_EN)
    south = factories.region(slug="south-20", name_vi=SOUTH_VI, name_en=SOUTH_EN)
    hai_phong = factories.province(slug="hai-phong", name="Hải Phòng")
    source = factories.source(
        slug="congthuong-2023",
        publication="Báo Công Thương",
        title="Xuất khẩu của khu vực tăng mạnh",
        url="https://congthuong.vn/hoi-nghi-lan-thu-ix.html",
    )
    session = factories.conference(region=north, year=2023, session_number=9, source=source, slug="north-28-ix-2023")
    exports_turnover = factories.indicator(
        code="export_turnover", name_vi="Kim ngạch xuất khẩu", name_en="Export turnover"
    )
    province_figure = factories.figure(
        slug="figure-hai-phong", conference=session, source=source, indicator=exports_turnover, province=hai_phong
    )
    unnamed = factories.indicator(code="untranslated", name_vi="Chỉ tiêu chưa dịch")
    Indicator.objects.filter(pk=unnamed.pk).update(name_en="")  # no English name (yet)
    undated = factories.source(slug="no-address", publication="", title="Tin vắn", url="")
    southern = factories.conference(region=south, year=2015, source=undated, slug="south-20-2015")
    region_figure = factories.figure(slug="figure-south", conference=southern, source=undated, indicator=unnamed)
    return province_figure, region_figure


VIETNAMESE = {
    "figure-hai-phong": {
        "conference": "north-28-ix-2023",
        "conference_label": f"Hội nghị ngành Công Thương {NORTH_VI} lần thứ IX (2023)",
        "region": "north-28",
        "region_name": NORTH_VI,
        "province": "hai-phong",
        "province_name": "Hải Phòng",
        "indicator": "export_turnover",
        "indicator_name": "Kim ngạch xuất khẩu",
        "source": "congthuong-2023",
        "source_title": "Xuất khẩu của khu vực tăng mạnh",
        "source_publication": "Báo Công Thương",
        "source_url": "https://congthuong.vn/hoi-nghi-lan-thu-ix.html",
    },
    "figure-south": {
        "conference_label": f"Hội nghị ngành Công Thương {SOUTH_VI} (2015)",
        "region_name": "Các tỉnh, thành phố khu vực phía Nam",  # a name read alone starts with a capital
        "province": "",
        "province_name": "",
        "indicator_name": "Chỉ tiêu chưa dịch",
        "source_title": "Tin vắn",
        "source_publication": "",
        "source_url": "",
    },
}
ENGLISH = {
    "figure-hai-phong": {
        **VIETNAMESE["figure-hai-phong"],
        "conference_label": f"{NORTH_EN}, session IX (2023)",
        "region_name": NORTH_EN,
        "indicator_name": "Export turnover",
        # a province's name is a proper name, and a title is as printed: both as in Vietnamese
    },
    "figure-south": {
        **VIETNAMESE["figure-south"],
        "conference_label": f"{SOUTH_EN} (2015)",
        "region_name": SOUTH_EN,
        "indicator_name": "Chỉ tiêu chưa dịch",  # no English name: the Vietnamese one, as on the pages
    },
}


@pytest.mark.parametrize(("prefix", "expected"), [("", VIETNAMESE), ("/en", ENGLISH)])
def test_a_figure_download_names_its_slugs_in_the_pages_language(client, journalists_figures, prefix, expected):
    rows = by_slug(csv_rows(client, f"{prefix}/figures.csv"))
    objects = by_slug(json.loads(body(client, f"{prefix}/figures.json")))
    for slug, labels in expected.items():
        for name, value in labels.items():
            assert rows[slug][name] == value, (slug, name)
            assert objects[slug][name] == (None if value == "" and name.startswith("province") else value)


def test_the_english_download_is_english_and_the_vietnamese_one_vietnamese(client, journalists_figures):
    english = client.get("/en/figures.csv")
    vietnamese = client.get("/figures.csv")
    assert english["Content-Language"] == "en" and vietnamese["Content-Language"] == "vi"
    assert english["Content-Disposition"] == vietnamese["Content-Disposition"] == 'attachment; filename="figures.csv"'
    assert b"".join(english.streaming_content) != b"".join(vietnamese.streaming_content)


@pytest.mark.parametrize("url", ["/en/figures.csv", "/en/conferences.csv", "/en/figures.json", "/en/sources.json"])
def test_the_language_holds_while_the_file_streams(client, journalists_figures, url):
    """The rows are written after the view returns: whatever language is active then does not matter."""
    response = client.get(url)
    with translation.override("vi"):
        text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert NORTH_EN in text and NORTH_VI not in text


@pytest.mark.parametrize("endpoint", ["figures", "conferences", "provinces", "sources"])
def test_each_label_stands_right_after_its_slug(client, public_fields, endpoint):
    header = csv_header(client, f"/{endpoint}.csv")
    assert header == csv_header(client, f"/en/{endpoint}.csv") == public_fields[endpoint]
    for slug, labels in LABELS_BESIDE[endpoint].items():
        start = header.index(slug) + 1
        assert header[start : start + len(labels)] == labels


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_sessions_name_their_group_host_and_next_host(client, empty_database, prefix):
    north = factories.region(slug="north-28", name_vi=NORTH_VI, name_en=NORTH_EN)
    thanh_hoa = factories.province(slug="thanh-hoa", name="Thanh Hóa")
    nghe_an = factories.province(slug="nghe-an", name="Nghệ An")
    factories.conference(region=north, year=2022, session_number=8, host=thanh_hoa, next_host=nghe_an, slug="viii")
    factories.conference(region=north, year=2023, slug="unknown")
    rows = by_slug(csv_rows(client, f"{prefix}/conferences.csv"))
    assert rows["viii"]["region_name"] == (NORTH_EN if prefix else NORTH_VI)
    assert (rows["viii"]["host_province_name"], rows["viii"]["next_host_name"]) == ("Thanh Hóa", "Nghệ An")
    assert (rows["unknown"]["host_province_name"], rows["unknown"]["next_host_name"]) == ("", "")
    [unknown] = [obj for obj in json.loads(body(client, f"{prefix}/conferences.json")) if obj["slug"] == "unknown"]
    assert unknown["host_province_name"] is None and unknown["next_host_name"] is None


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_provinces_name_their_successor_predecessors_and_groups(client, empty_database, prefix):
    north = factories.region(slug="north-28", name_vi=NORTH_VI, name_en=NORTH_EN)
    south = factories.region(slug="south-20", name_vi=SOUTH_VI, name_en=SOUTH_EN)
    an_giang = factories.province(slug="an-giang-2025", name="An Giang", administrative_map=Province.Map.FROM_2025)
    kien_giang = factories.province(slug="kien-giang", name="Kiên Giang", successor=an_giang)
    factories.province(slug="an-giang", name="An Giang", successor=an_giang)
    factories.membership(region=south, province=kien_giang)
    factories.membership(region=north, province=kien_giang)  # not true: two groups, to see the list
    rows = by_slug(csv_rows(client, f"{prefix}/provinces.csv"))
    assert rows["kien-giang"]["successor"] == "an-giang-2025" and rows["kien-giang"]["successor_name"] == "An Giang"
    assert rows["an-giang-2025"]["successor_name"] == ""
    assert rows["an-giang-2025"]["predecessors"] == "an-giang;kien-giang"
    assert rows["an-giang-2025"]["predecessor_names"] == "An Giang;Kiên Giang"
    groups = [NORTH_EN, SOUTH_EN] if prefix else [NORTH_VI, "Các tỉnh, thành phố khu vực phía Nam"]
    assert rows["kien-giang"]["regions"].split(";") == ["north-28", "south-20"]
    assert rows["kien-giang"]["region_names"].split(";") == groups
    objects = by_slug(json.loads(body(client, f"{prefix}/provinces.json")))
    assert objects["kien-giang"]["region_names"] == groups
    assert objects["an-giang-2025"]["successor_name"] is None


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_groups_members_carry_their_names(client, empty_database, prefix):
    north = factories.region(slug="north-28", name_vi=NORTH_VI, name_en=NORTH_EN)
    factories.membership(region=north, province=factories.province(slug="ha-noi", name="Hà Nội"))
    [group] = json.loads(body(client, f"{prefix}/regions.json"))
    assert [(member["province"], member["province_name"]) for member in group["members"]] == [("ha-noi", "Hà Nội")]
    [row] = csv_rows(client, f"{prefix}/regions.csv")
    assert json.loads(row["members"])[0]["province_name"] == "Hà Nội"


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_sources_name_the_sessions_they_report(client, journalists_figures, prefix):
    rows = by_slug(csv_rows(client, f"{prefix}/sources.csv"))
    article = rows["congthuong-2023"]
    assert (article["title"], article["publication"], article["page_url"]) == (
        VIETNAMESE["figure-hai-phong"]["source_title"],
        "Báo Công Thương",
        "https://congthuong.vn/hoi-nghi-lan-thu-ix.html",
    )
    labels = ENGLISH if prefix else VIETNAMESE
    assert article["conferences"] == "north-28-ix-2023"
    assert article["conference_labels"] == labels["figure-hai-phong"]["conference_label"]


@pytest.mark.parametrize("endpoint", LISTS)
def test_the_api_is_the_english_download(client, endpoint):
    """The API speaks English: its objects are the English download's, its CSV the English file."""
    objects = client.get(f"/api/{endpoint}/", {"page_size": 500}).json()["results"]
    assert json.loads(body(client, f"/en/{endpoint}.json")) == objects
    assert body(client, f"/api/{endpoint}/", {"format": "csv"}) == body(client, f"/en/{endpoint}.csv")


@pytest.mark.parametrize("endpoint", LISTS)
def test_the_vietnamese_download_differs_from_the_english_one_only_in_labels(client, endpoint):
    english = json.loads(body(client, f"/en/{endpoint}.json"))
    vietnamese = json.loads(body(client, f"/{endpoint}.json"))
    labels = {label for names in LABELS_BESIDE.get(endpoint, {}).values() for label in names}
    assert len(english) == len(vietnamese) > 0

    def without_labels(obj):
        obj = {name: value for name, value in obj.items() if name not in labels}
        if "members" in obj:
            obj["members"] = [{k: v for k, v in member.items() if k != "province_name"} for member in obj["members"]]
        return obj

    assert [without_labels(obj) for obj in vietnamese] == [without_labels(obj) for obj in english]


@pytest.mark.parametrize("endpoint", ["provinces", "sources"])
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_list_of_labels_lines_up_with_its_list_of_slugs(client, endpoint, prefix):
    """Lists are joined with ";" in a CSV cell: no name may hold one, or the two lists would not line up."""
    pairs = {"provinces": [("predecessors", "predecessor_names"), ("regions", "region_names")]}
    pairs["sources"] = [("conferences", "conference_labels")]
    rows = csv_rows(client, f"{prefix}/{endpoint}.csv")
    objects = json.loads(body(client, f"{prefix}/{endpoint}.json"))
    assert any(row[slugs] for row in rows for slugs, _ in pairs[endpoint])
    for row, obj in zip(rows, objects, strict=True):
        for slugs, labels in pairs[endpoint]:
            assert len(obj[slugs]) == len(obj[labels])
            assert not any(";" in label for label in obj[labels])
            assert len(row[slugs].split(";")) == len(row[labels].split(";"))


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_fast_figure_rows_are_the_serializers_in_each_language(client, language):
    """The figures' row plan reads the labels from its one query and writes them as the serializer does."""
    request = RequestFactory().get("/figures.csv")
    with translation.override(language):
        expected = list(exports.serialized_rows(figure_list(), FigureSerializer, request))
    assert expected and all(row["conference_label"] and row["indicator_name"] for row in expected)
    prefix = "/en" if language == "en" else ""
    assert json.loads(body(client, f"{prefix}/figures.json")) == json.loads(json.dumps(expected))
    header = exports.columns(FigureSerializer)
    assert body(client, f"{prefix}/figures.csv") == b"".join(stream_writers.csv_chunks(expected, header))
    filtered = IndicatorReportFilter({"region": "south-20"}, queryset=figure_list()).qs
    with translation.override(language):
        expected = list(exports.serialized_rows(filtered, FigureSerializer, request))
    assert expected and json.loads(body(client, f"{prefix}/figures.json", {"region": "south-20"})) == expected
