"""The builders tests use to make their own data (tests/factories.py) make rows a load would make."""

import factories
import pytest
from django.core.exceptions import ValidationError

from conferences.models import Conference, ConferenceMention, IndicatorReport
from listings.search import search
from regions.models import Province


@pytest.mark.usefixtures("empty_database")
def test_the_empty_database_holds_nothing_published():
    assert not Conference.objects.exists() and not IndicatorReport.objects.exists() and not Province.objects.exists()


def test_a_figure_brings_its_session_source_and_the_mention_that_links_them(empty_database):
    figure = factories.figure()
    assert figure.conference.sources.get() == figure.source
    assert ConferenceMention.objects.get().kind == ConferenceMention.Kind.REPORT
    assert figure.value_as_written in figure.quote and figure.unit == figure.indicator.unit
    assert figure.scope == "region" and not figure.is_stock


def test_a_figure_for_a_province_or_at_a_date_says_so(empty_database):
    assert factories.figure(province=factories.province()).scope == "province"
    assert factories.figure(period_start=None).is_stock


def test_rows_are_found_by_search_as_loaded_rows_are(empty_database):
    dak_lak = factories.province(name="Đắk Lắk")
    hosted = factories.conference(host=dak_lak, session_number=3)
    factories.official(conference=hosted, name="Trần Thị Thử")
    assert list(search(Province.objects.all(), "dak lak")) == [dak_lak]
    assert list(search(Conference.objects.all(), "Đắk Lắk")) == [hosted]


def test_an_indicator_is_reused_by_its_code(empty_database):
    assert factories.indicator(code="retail_sales", unit="VND") == factories.indicator(code="retail_sales")


def test_an_invalid_row_is_refused_before_it_is_saved(empty_database):
    with pytest.raises(ValidationError, match="qualifier"):
        factories.figure(qualifier="certain")
