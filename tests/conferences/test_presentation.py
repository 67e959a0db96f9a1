from decimal import Decimal

import factories
import pytest
from django.utils import translation

from conferences.models import IndicatorReport
from conferences.presentation import (
    ENGLISH_COUNT_NOUNS,
    figure_value,
    percent,
    signed_percent,
    written_quantity,
)
from conferences.templatetags.figures import figure_cells
from vietnamese.numbers import BALANCE_WORDS, COUNT_NOUNS, is_bare_number

pytestmark = pytest.mark.django_db

CASES = [
    ("hanoimoi-north-28-x-2024-retail-sales", "1.404 nghìn tỷ đồng", "1,404 trillion VND"),
    ("hanoimoi-north-28-x-2024-exports", "120,7 tỷ USD", "USD 120.7 billion"),
    ("tin-tu-cac-don-vi-north-28-viii-2022-exports-hoa-binh", "1.056,8 triệu USD", "USD 1,056.8 million"),
    ("tin-tu-cac-don-vi-north-28-viii-2022-retail-sales-hoa-binh", "38.490 tỷ đồng", "38,490 billion VND"),
    ("baothanhhoa-north-central-6-x-2022-retail-sales-q1-2022-country", "1,318 triệu tỷ đồng", "1,318 trillion VND"),
    ("plvn-south-20-x-2024-retail-sales", "hơn 2.442 nghìn tỷ đồng", "more than 2,442 trillion VND"),
    ("plvn-south-20-x-2024-industrial-cluster-projects", "khoảng 1.618 dự án", "about 1,618 projects"),
    ("plvn-south-20-x-2024-industrial-cluster-area", "8.498 ha", "8,498 ha"),
    ("plvn-south-20-x-2024-industrial-growth-average", "10,73%", "10.73%"),
    ("hanoimoi-north-28-x-2024-provinces-iip-positive", "25/28 địa phương", "25 of 28 provinces"),
    ("plvn-south-20-x-2024-provinces-growth-above-average", "6/20 tỉnh, thành", "6 of 20 provinces and cities"),
]


@pytest.mark.parametrize(("slug", "vietnamese", "english"), CASES)
def test_figures_read_as_a_statistician_writes_them(slug, vietnamese, english):
    report = IndicatorReport.objects.get(slug=slug)
    with translation.override("vi"):
        assert figure_value(report) == vietnamese
    with translation.override("en"):
        assert figure_value(report) == english


def as_shown(report) -> str:
    """The source's words for a value as the portal shows them: a change's sign word ("tăng", "giảm") becomes
    the sign of its number (a decline is "−3,7%"), a trade balance keeps its word ("xuất siêu 2,5 tỷ USD"),
    and a table cell's bare number takes its header's unit."""
    written = report.value_as_written.strip()
    word = written_quantity(report).sign_as_written
    if word and " ".join(word.lower().split()) not in BALANCE_WORDS:
        written = ("−" if report.value < 0 else "") + written[len(word) :].strip()
    if is_bare_number(written.lstrip("−")):
        written = f"{written} {report.unit_as_written}"
    return written


def test_every_vietnamese_value_matches_what_the_source_wrote():
    """Rendering the stored Decimal in Vietnamese gives back the source's own words."""
    with translation.override("vi"):
        for report in IndicatorReport.objects.exclude(qualifier__in=["lower_bound", "approximate"]):
            assert figure_value(report) == as_shown(report), report.slug


@pytest.mark.parametrize(
    ("value", "value_as_written", "shown"),
    [("18.5", "tăng 18,5%", "18,5%"), ("-3.7", "giảm 3,7%", "−3,7%"), ("2.5e9", "xuất siêu 2,5 tỷ USD", None)],
)
def test_a_signed_value_shows_its_sign_word_as_a_sign_except_a_balances(value, value_as_written, shown):
    unit = "USD" if "USD" in value_as_written else "percent"
    report = IndicatorReport(
        value=Decimal(value),
        value_as_written=value_as_written,
        unit=unit,
        unit_as_written="tỷ USD" if unit == "USD" else "%",
        qualifier="actual",
    )
    with translation.override("vi"):
        assert figure_value(report) == as_shown(report) == (shown or value_as_written)


def test_every_count_noun_the_parsers_accept_has_an_english_name():
    """An English page never shows a count's Vietnamese noun in an English phrase ("2,303 chợ")."""
    assert set(COUNT_NOUNS) <= set(ENGLISH_COUNT_NOUNS)


@pytest.mark.parametrize(
    ("value", "vietnamese", "english"),
    [(Decimal("12.3"), "+12,3%", "+12.3%"), (Decimal("-2.50"), "−2,5%", "−2.5%"), (Decimal("21"), "+21%", "+21%")],
)
def test_growth_carries_its_sign_and_stated_decimals(value, vietnamese, english):
    with translation.override("vi"):
        assert signed_percent(value) == vietnamese
    with translation.override("en"):
        assert signed_percent(value) == english


def test_percent_and_missing_values():
    with translation.override("vi"):
        assert percent(Decimal("7.97")) == "7,97%"
    assert signed_percent(None) == percent(None) == ""


def test_a_figures_cells_read_as_in_every_table(empty_database):
    """``{% figure_cells %}``: value with an estimate marked, growth, and a share beside a plan share."""
    report = factories.figure(
        qualifier="estimate", growth_pct="18.3", share_pct="13.3", share_of="region", plan_share_pct="74"
    )
    with translation.override("vi"):
        cells = str(figure_cells(report))
    assert cells == (
        '<td data-label="Giá trị" class="num"><span class="value">120,7 tỷ USD</span>'
        ' <span class="qualifier">ước tính</span></td>\n'
        '<td data-label="So với cùng kỳ" class="num">+18,3%</td>\n'
        '<td data-label="Tỷ trọng" class="num">13,3% <span class="basis">so với tổng của khu vực</span><br>'
        "đạt 74% kế hoạch năm</td>\n"
    )


def test_a_figure_without_growth_or_share_has_dashes(empty_database):
    with translation.override("en"):
        cells = str(figure_cells(factories.figure(qualifier="lower_bound")))
    assert '<span class="value">more than USD 120.7 billion</span></td>' in cells
    assert '<td data-label="Year on year" class="num">—</td>' in cells
    assert '<td data-label="Share" class="num">—</td>' in cells
    assert 'class="qualifier"' not in cells
