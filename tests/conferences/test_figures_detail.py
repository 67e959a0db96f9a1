"""A figure's permalink page: everything needed to read it correctly and cite it."""

import pytest
from django.urls import reverse
from django.utils import translation

from conferences.figure_display import citation, period_description
from conferences.models import IndicatorReport

pytestmark = pytest.mark.django_db

EXPORTS = "hanoimoi-north-28-x-2024-exports"
QUOTE = "Tổng kim ngạch xuất khẩu của khu vực ước đạt 120,7 tỷ USD, tăng 18,3% so với cùng kỳ."


def url(slug, language="vi"):
    with translation.override(language):
        return reverse("conferences:figure_detail", kwargs={"slug": slug})


def test_every_figure_has_a_page_in_one_query(client, django_assert_num_queries):
    for slug in IndicatorReport.objects.values_list("slug", flat=True):
        for language in ("vi", "en"):
            with django_assert_num_queries(2):  # the data version, then the view's 1
                response = client.get(url(slug, language))
            assert response.status_code == 200, slug


def test_the_permalink_shows_the_quote_and_where_it_is(client):
    response = client.get(url(EXPORTS, "en"))
    page = response.content.decode()
    assert f'<blockquote lang="vi" cite="/en/sources/hanoimoi-north-28-x-2024/"><p>{QUOTE}</p></blockquote>' in page
    assert "line 8 of the captured text" in page
    assert "Báo Hànộimới" in page
    assert "Period stated in" in page and "Theo đánh giá của Bộ Công Thương, 6 tháng đầu năm 2024" in page
    assert "The period is stated at the start of the section on the first six months of 2024" in page


def test_the_permalink_shows_the_figure_in_both_forms(client):
    page = client.get(url(EXPORTS, "en")).content.decode()
    assert "USD 120.7 billion" in page  # the active language
    assert '<dd lang="vi">120,7 tỷ USD</dd>' in page  # as written
    assert "120,700,000,000 USD" in page  # the base value
    assert "The source gives this number as an estimate (“ước”)." in page
    assert "+18.3%" in page
    assert "Tổng kim ngạch xuất khẩu" in page  # the words as written
    assert "1 January 2024" in page and "30 June 2024" in page
    assert 'href="/en/conferences/north-28-x-2024/"' in page
    assert 'href="/en/regions/north-28/"' in page


def test_the_vietnamese_permalink(client):
    page = client.get(url(EXPORTS)).content.decode()
    assert '<html lang="vi">' in page
    assert QUOTE in page
    assert "120,7 tỷ USD" in page and "120.700.000.000 USD" in page
    assert "1/1/2024" in page and "30/6/2024" in page and "17/5/2024" in page


def test_the_citation_line_is_built_from_data(client):
    report = IndicatorReport.objects.select_related("indicator", "conference__region", "source").get(slug=EXPORTS)
    with translation.override("en"):
        assert citation(report) == (
            "Export turnover, 28 northern provinces and cities, first 6 months of 2024: estimated at "
            "USD 120.7 billion. Source: Báo Hànộimới, report of the Industry and Trade conference of the "
            "28 northern provinces and cities, session X (17 May 2024)."
        )
    with translation.override("vi"):
        vietnamese = citation(report)
    assert vietnamese.startswith("Kim ngạch xuất khẩu, 28 tỉnh, thành phố khu vực phía Bắc, 6 tháng đầu năm 2024: ")
    assert "120,7 tỷ USD" in vietnamese and vietnamese.endswith("(17/5/2024).")
    page = client.get(url(EXPORTS, "en")).content.decode()
    assert "Source: Báo Hànộimới, report of the Industry and Trade conference" in page
    assert 'href="http://testserver/en/figures/hanoimoi-north-28-x-2024-exports/"' in page


def test_a_citation_omits_what_the_source_does_not_state():
    report = IndicatorReport.objects.select_related("indicator", "conference__region", "source").get(
        slug="north-28-2016-industrial-production-value"
    )
    with translation.override("en"):
        text = citation(report)
    # no publisher is named; title, author and date are; the 2016 session has a date but no number
    assert "Source: “Hội nghị ngành Công Thương 28 tỉnh, thành phố khu vực phía Bắc năm 2016”, Nguyễn Hương, " in text
    assert "7 October 2016" in text
    assert text.endswith("conference of the 28 northern provinces and cities (6 September 2016).")
    assert "session" not in text


def test_a_level_at_a_date_and_a_lower_bound(client):
    slug = "plvn-south-20-x-2024-industrial-cluster-capital"
    page = client.get(url(slug, "en")).content.decode()
    assert "level at" in page and "30 September 2024" in page
    assert "more than 73,809 billion VND" in page
    assert "The source writes “hơn” (more than)" in page
    report = IndicatorReport.objects.select_related("conference__region").get(slug=slug)
    with translation.override("en"):
        assert period_description(report) == "as at 30 September 2024"


def test_a_count_of_provinces_shows_its_denominator_and_threshold(client):
    page = client.get(url("hanoimoi-north-28-x-2024-provinces-iip-10pct", "en")).content.decode()
    assert "11 of 28 provinces" in page
    assert "Out of" in page and "28" in page
    assert "Counts provinces whose growth was 10% or more." in page
    positive = client.get(url("hanoimoi-north-28-x-2024-provinces-iip-positive", "en")).content.decode()
    assert "Counts provinces whose growth was above 0%." in positive


def test_a_share_says_what_it_is_a_share_of(client):
    page = client.get(url("hanoimoi-north-28-x-2024-exports-hai-phong", "en")).content.decode()
    assert "13.3% of the group&#x27;s total" in page or "13.3% of the group's total" in page
    assert "Hải Phòng" in page and 'href="/en/provinces/hai-phong/"' in page
    assert "The source attaches no qualifier to this number. That does not mean the number is final." in page


def test_a_quarter_and_a_full_year(client):
    report = IndicatorReport.objects.get(slug="baothanhhoa-north-central-6-x-2022-retail-sales-q1-2022")
    annual = IndicatorReport.objects.get(slug="baothanhhoa-north-central-6-x-2022-exports-2021")
    with translation.override("en"):
        assert period_description(report) == "quarter 1 of 2022"
        assert period_description(annual) == "the year 2021"
    page = client.get(url(report.slug, "en")).content.decode()
    assert "7.97% of the national total" in page


def test_an_unknown_figure_is_a_404(client):
    assert client.get("/figures/no-such-figure/").status_code == 404
    assert client.get("/en/figures/no-such-figure/").status_code == 404


def test_the_page_is_read_only(client):
    assert client.post(url(EXPORTS)).status_code == 405
