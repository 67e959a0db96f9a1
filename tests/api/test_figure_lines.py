"""The figures' CSV written by the database (api/figure_lines.py) is the serializer's CSV, byte for byte.

On figures made to be awkward: text with commas, quotes, line breaks and formula-like starts in every
column that holds words, labels too; NULL beside empty text; negative, tiny and huge decimals, floats
stored behind Django's back; every kind of period; both languages; filtered and sorted, read in many
batches (and a thread reading ahead) or in one query.
"""

from datetime import date

import factories
import pytest
from django.db import connection
from django.test import RequestFactory
from django.utils import translation

from api import exports, row_plans, stream_writers
from api.figure_serializers import FigureSerializer
from conferences.figure_count_rebuild import rebuild_figure_counts
from conferences.figure_filters import IndicatorReportFilter
from conferences.figure_selectors import figure_list
from conferences.models import Conference, FigureCount, Indicator, IndicatorReport, Source
from regions.models import Province, Region

pytestmark = pytest.mark.django_db

AWKWARD = [
    'Báo "Công Thương", số 5',
    '=HYPERLINK("http://example.com","x")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\tTab",
    "\rReturn",
    "dòng một\ndòng hai",
    "dòng một\r\ndòng hai",
    "-3.7",
    "-1.5e9",
    "-1\n",
    "",
]
TEXT_FIELDS = [
    "indicator_as_written",
    "period_label",
    "unit_as_written",
    "value_as_written",
    "quote",
    "period_quote",
    "locator",
    "growth_as_written",
    "share_as_written",
    "plan_share_as_written",
    "qualifier_as_written",
    "period_context_as_written",
    "note_vi",
    "note_en",
]
VALUES = ["-3.7", "0", "0.0001", "-0.0001", "120700000000", "123456789012.3125", "-9999999999999999.9999"]
VALUES += ["1234567890123456789", "9999999999999999999", "18.3", "1E+3"]
PERCENTS = [None, "-99.999", "0.001", "18.3", "1234.567", "0", None]
PERIODS = [
    (date(2024, 1, 1), date(2024, 6, 30)),
    (date(2024, 1, 1), date(2024, 3, 31)),
    (date(2024, 7, 1), date(2024, 12, 31)),
    (date(2023, 1, 1), date(2023, 12, 31)),
    (date(2024, 4, 1), date(2024, 5, 31)),
    (date(2023, 7, 1), date(2024, 6, 30)),
    (date(2024, 2, 1), date(2024, 2, 28)),
    (None, date(2024, 6, 30)),
    (None, date(2020, 12, 31)),
]


@pytest.fixture
def awkward_figures(empty_database):
    """Figures whose every column that holds words has been given something awkward to write."""
    regions = [
        factories.region(slug="north-28", name_vi="đồng bằng, sông Hồng", name_en="Red River Delta, north"),
        factories.region(slug="south-20", name_vi='các tỉnh "phía Nam"', name_en=""),
        factories.region(slug="centre-6", name_vi="=cộng(1)", name_en="-centre"),
    ]
    provinces = [
        factories.province(slug="hai-phong", name="Hải Phòng, thành phố"),
        factories.province(slug="ha-noi", name='"Hà Nội"'),
        factories.province(slug="thanh-hoa", name="@Thanh Hóa"),
    ]
    sources = [
        factories.source(slug="s-1", title='Xuất khẩu, tăng "mạnh"', publication="=Báo", url="https://x.vn/a,b"),
        factories.source(slug="s-2", title="", publication="", url=""),
        factories.source(slug="s-3", title="+tin", publication="Báo\nmới", url="https://x.vn/-"),
    ]
    conferences = [
        factories.conference(region=regions[0], year=2024, session_number=9, source=sources[0], slug="north-ix"),
        factories.conference(region=regions[1], year=2023, session_number=None, source=sources[1], slug="south"),
        factories.conference(region=regions[2], year=2024, session_number=40, source=sources[2], slug="centre-xl"),
    ]
    indicators = [
        factories.indicator(code="export_turnover", name_vi="Kim ngạch, xuất khẩu", name_en="Export turnover"),
        factories.indicator(code="iip_growth", name_vi="=chỉ số", name_en='"IIP", growth'),
        factories.indicator(code="retail_sales", name_vi="Bán lẻ", name_en=""),
    ]
    number = 0
    for value in VALUES:
        for start, end in PERIODS:
            number += 1
            conference = conferences[number % 3]
            province = provinces[number % 3] if number % 2 else None
            percent = PERCENTS[number % len(PERCENTS)]
            factories.figure(
                slug=f"figure-{number:03d}",
                conference=conference,
                source=sources[(number // 3) % 3],
                indicator=indicators[(number // 2) % 3],
                province=province,
                value=value,
                period_start=start,
                period_end=end,
                growth_pct=percent,
                plan_share_pct=None if percent is None or percent.startswith("-") else percent,
                threshold_pct=percent,
                threshold_comparator="" if percent is None else ">",
                denominator=number if number % 4 == 0 else None,
                quote_line=None if number % 5 == 0 else number,
                qualifier=["actual", "estimate", "forecast"][number % 3],
            )
    figures = IndicatorReport.objects.order_by("pk")
    for index, figure in enumerate(figures):
        awkward = {name: AWKWARD[(index + offset) % len(AWKWARD)] for offset, name in enumerate(TEXT_FIELDS)}
        IndicatorReport.objects.filter(pk=figure.pk).update(**awkward)
    # Slugs a slug field accepts (a leading hyphen), which a spreadsheet would take for a formula.
    IndicatorReport.objects.filter(pk=figures[0].pk).update(slug="-figure")
    Province.objects.filter(slug="ha-noi").update(slug="-ha-noi")
    Source.objects.filter(slug="s-2").update(slug="-s-2")
    Conference.objects.filter(slug="south").update(slug="-south")
    Region.objects.filter(slug="centre-6").update(slug="-centre-6")
    Indicator.objects.filter(code="retail_sales").update(code="-retail")
    with connection.cursor() as cursor:  # floats, as another program may have written them on SQLite
        for pk, (value, growth) in zip(
            figures.values_list("pk", flat=True)[1::7],
            [(0.1 + 0.2, 1 / 3), (-3.7, -2 / 3), (123456789012.3125, 0.05)],
            strict=False,
        ):
            cursor.execute(
                f"UPDATE {IndicatorReport._meta.db_table} SET value = %s, growth_pct = %s WHERE id = %s",
                [value, growth, pk],
            )
    rebuild_figure_counts()


def serializers_csv(params: dict, language: str) -> bytes:
    request = RequestFactory().get("/figures.csv", params)
    rows = IndicatorReportFilter(request.GET, queryset=figure_list()).qs
    with translation.override(language):
        expected = list(exports.serialized_rows(rows, FigureSerializer, request))
    assert expected
    return b"".join(stream_writers.csv_chunks(expected, exports.columns(FigureSerializer)))


def download(client, language: str, params: dict) -> bytes:
    response = client.get(f"{'/en' if language == 'en' else ''}/figures.csv", params)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


REQUESTS = [
    {},
    {"sort": "-period"},
    {"sort": "period"},
    {"sort": "region"},
    {"sort": "region,-period"},
    {"sort": "value"},  # not in batches: one query
    {"sort": "-value"},
    {"region": "north-28"},
    {"indicator": "iip_growth", "year": "2024"},
    {"period": "quarter-1"},
    {"period": "stock", "scope": "region"},
    {"province": "hai-phong"},  # counted live: one query
    {"q": "Hải Phòng"},
]


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("params", REQUESTS)
def test_the_database_writes_the_serializers_csv(client, monkeypatch, awkward_figures, language, params):
    monkeypatch.setattr(row_plans, "BATCH_SIZE", 7)  # many batches, read ahead by a thread
    assert download(client, language, params) == serializers_csv(params, language)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_without_the_counts_the_figures_are_read_in_one_query_and_written_the_same(client, awkward_figures, language):
    FigureCount.objects.all().delete()
    assert download(client, language, {}) == serializers_csv({}, language)


def test_the_awkward_values_are_there_to_be_written(client, awkward_figures):
    """What the tests above compare: every awkward text in the file, made inert or quoted."""
    text = download(client, "vi", {}).decode("utf-8-sig")
    for awkward in ('"\'=HYPERLINK(""http://example.com"",""x"")"', "'+1+1", "'@SUM(A1:A2)", '"\'\rReturn"'):
        assert awkward in text
    assert "\r\n'-figure," in text and ',\'-ha-noi,"""Hà Nội""",' in text and ",-3.7," in text
    assert "'=cộng(1)" in text and '"Kim ngạch, xuất khẩu"' in text
