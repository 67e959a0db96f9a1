"""Declines, trade balances, plan shares and the newer units, as pages, the API and the CSV show them.

The plan share is the real one ("đạt 74% kế hoạch năm", the northern group's 2016 session). The
signed figures are made here from real ones: a decline of Hòa Bình's IIP ("giảm 3,7%") and a trade
deficit of the northern group ("nhập siêu 1,2 tỷ USD").
"""

import csv
import html
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from conferences.models import Indicator, IndicatorReport
from conferences.presentation import figure_value
from conferences.quality_findings import NOT_CHECKED
from conferences.quality_report import data_quality

pytestmark = pytest.mark.django_db

PLAN = "north-28-2016-industrial-production-value"
IIP_HOA_BINH = "tin-tu-cac-don-vi-north-28-viii-2022-iip-growth-hoa-binh"
NORTH_EXPORTS = "hanoimoi-north-28-x-2024-exports"
HAI_PHONG = "hanoimoi-north-28-x-2024-exports-hai-phong"


def page(client, slug, language):
    with translation.override(language):
        path = reverse("conferences:figure_detail", kwargs={"slug": slug})
    return html.unescape(client.get(path).content.decode())


def make_decline():
    """Hòa Bình's IIP as a decline: changed in place, so the figure counts stay right."""
    IndicatorReport.objects.filter(slug=IIP_HOA_BINH).update(value=Decimal("-3.7"), value_as_written="giảm 3,7%")
    return IndicatorReport.objects.get(slug=IIP_HOA_BINH)


def copy_as_balance(original, slug, value_as_written, value, **changes):
    report = IndicatorReport.objects.get(slug=original)
    report.pk, report.slug = None, slug
    report.indicator = Indicator.objects.get(code="trade_balance")
    report.indicator_as_written = value_as_written.split(" ")[0] + " siêu"
    report.value_as_written, report.value = value_as_written, Decimal(value)
    report.growth_pct = report.share_pct = None
    report.share_of = ""
    for name, change in changes.items():
        setattr(report, name, change)
    report.save()
    return report


def make_deficit():
    return copy_as_balance(NORTH_EXPORTS, "test-north-28-x-2024-trade-balance", "nhập siêu 1,2 tỷ USD", "-1.2e9")


# Pages ---------------------------------------------------------------------------------------------


def test_a_plan_share_reads_as_a_share_of_the_annual_plan(client):
    vietnamese, english = page(client, PLAN, "vi"), page(client, PLAN, "en")
    assert "Tỷ lệ so với kế hoạch năm" in vietnamese and "đạt 74% kế hoạch năm" in vietnamese
    assert "Share of the annual plan" in english and "74% of the annual plan" in english
    assert "of the annual plan" not in english.split("<dt>Share</dt>")[1].split("</dd>")[0]  # not a share of a total


def test_a_plan_share_is_in_the_share_column_of_the_figure_tables(client):
    with translation.override("en"):
        path = reverse("conferences:figure_list")
    listing = html.unescape(client.get(path, {"indicator": "industrial_production_value"}).content.decode())
    assert "74% of the annual plan" in listing


def test_a_decline_shows_a_minus_sign_and_its_words_as_written(client):
    make_decline()
    vietnamese, english = page(client, IIP_HOA_BINH, "vi"), page(client, IIP_HOA_BINH, "en")
    assert "<strong>−3,7%</strong>" in vietnamese and '<dd lang="vi">giảm 3,7%</dd>' in vietnamese
    assert "<strong>−3.7%</strong>" in english and "<dd>−3.7%</dd>" in english


def test_a_trade_deficit_reads_as_a_deficit(client):
    make_deficit()
    slug = "test-north-28-x-2024-trade-balance"
    vietnamese, english = page(client, slug, "vi"), page(client, slug, "en")
    assert "<strong>nhập siêu 1,2 tỷ USD</strong>" in vietnamese
    assert "<strong>deficit of USD 1.2 billion</strong>" in english
    assert "−1,200,000,000 USD" in english  # the stored value, signed


def test_a_surplus_reads_as_a_surplus():
    surplus = copy_as_balance(NORTH_EXPORTS, "test-north-28-x-2024-surplus", "xuất siêu 2,5 tỷ USD", "2.5e9")
    with translation.override("vi"):
        assert figure_value(surplus) == "xuất siêu 2,5 tỷ USD"
    with translation.override("en"):
        assert figure_value(surplus) == "surplus of USD 2.5 billion"


@pytest.mark.parametrize(
    ("value_as_written", "value", "unit", "english"),
    [
        ("11,2 triệu người", "11.2e6", "person", "11.2 million people"),
        ("1,3 triệu dân", "1.3e6", "person", "1.3 million people"),
        ("350 nghìn tấn", "350e3", "tonne", "350,000 tonnes"),
        ("12,6 triệu tấn", "12.6e6", "tonne", "12.6 million tonnes"),
        ("2,1 tỷ kWh", "2.1e9", "kWh", "2.1 billion kWh"),
        ("45,3 triệu m3", "45.3e6", "m3", "45.3 million m³"),
        ("16.493 km2", "16493", "km2", "16,493 km²"),
    ],
)
def test_the_newer_units_read_well_in_both_languages(value_as_written, value, unit, english):
    report = IndicatorReport.objects.get(slug=NORTH_EXPORTS)
    report.value_as_written, report.value, report.unit = value_as_written, Decimal(value), unit
    report.unit_as_written = value_as_written.split(" ", 1)[1]
    report.qualifier = "actual"
    with translation.override("vi"):
        assert figure_value(report) == value_as_written
    with translation.override("en"):
        assert figure_value(report) == english


# API and CSV ---------------------------------------------------------------------------------------


def csv_rows(client):
    raw = b"".join(client.get("/figures.csv").streaming_content)
    return {row["slug"]: row for row in csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))}


def api_figures(client):
    results = client.get("/api/figures/", {"page_size": 500}).json()["results"]
    return {figure["slug"]: figure for figure in results}


def test_the_plan_share_is_its_own_public_column(client):
    row, figure = csv_rows(client)[PLAN], api_figures(client)[PLAN]
    assert (row["plan_share_pct"], row["share_pct"], row["share_of"]) == ("74", "", "")
    assert (figure["plan_share_pct"], figure["share_pct"], figure["share_of"]) == ("74", None, "")
    assert csv_rows(client)[NORTH_EXPORTS]["plan_share_pct"] == ""


def test_a_negative_value_is_exact_in_the_csv_and_the_api(client):
    make_decline()
    row, figure = csv_rows(client)[IIP_HOA_BINH], api_figures(client)[IIP_HOA_BINH]
    assert (row["value"], row["value_as_written"]) == ("-3.7", "giảm 3,7%")
    assert (figure["value"], figure["value_as_written"]) == ("-3.7", "giảm 3,7%")


# The quality page ----------------------------------------------------------------------------------


def test_signed_provincial_balances_are_not_added_up_against_the_group_s():
    """Two provinces' surpluses above the group's balance: the provinces not listed may be in deficit."""
    copy_as_balance(NORTH_EXPORTS, "test-north-28-x-2024-balance", "xuất siêu 1,2 tỷ USD", "1.2e9")
    for slug in (HAI_PHONG, "hanoimoi-north-28-x-2024-exports-thai-nguyen"):
        copy_as_balance(slug, f"{slug}-balance", "xuất siêu 5 tỷ USD", "5e9")
    checks = {check.slug: check for check in data_quality()}
    assert checks["provincial-sums"].inconsistent == 0
    involved = {figure.slug for finding in checks["provincial-sums"].findings for figure in finding.figures}
    assert not any(slug.endswith("balance") for slug in involved)


def test_the_plan_share_is_noted_as_not_checked():
    shares = {check.slug: check for check in data_quality()}["shares"]
    [finding] = [f for f in shares.findings if PLAN in {figure.slug for figure in f.figures}]
    assert finding.status == NOT_CHECKED
