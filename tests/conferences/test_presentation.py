from decimal import Decimal

import pytest
from django.utils import translation

from conferences.models import IndicatorReport
from conferences.presentation import figure_value, percent, signed_percent

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


def test_every_vietnamese_value_matches_what_the_source_wrote():
    """Rendering the stored Decimal in Vietnamese gives back the source's own words."""
    with translation.override("vi"):
        for report in IndicatorReport.objects.exclude(qualifier__in=["lower_bound", "approximate"]):
            assert figure_value(report) == report.value_as_written, report.slug


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
