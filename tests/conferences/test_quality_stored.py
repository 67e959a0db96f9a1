"""The stored report (computed at each load) gives exactly the findings of the checks run over the whole data:
the same statuses, sentences, figures and sessions, in the same order, on the real data and on broken copies."""

from datetime import date
from decimal import Decimal

import factories
import pytest
from django.utils import translation

from conferences.models import IndicatorReport, QualityCount
from conferences.quality_pages import PAGE_SIZE, SHOWN, quality_list, quality_summary
from conferences.quality_report import CHECK_SLUGS, data_quality
from conferences.quality_store import rebuild_quality_report

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 21)


def described(findings):
    return [(f.status, str(f.sentence), [r.pk for r in f.figures], [c.pk for c in f.conferences]) for f in findings]


def assert_stored_is_live(today=TODAY):
    rebuild_quality_report()
    for language in ("vi", "en"):
        with translation.override(language):
            live = {check.slug: check for check in data_quality(today=today)}
            for check in quality_summary(today=today, stored=True):
                assert check.counts == live[check.slug].counts, check.slug
                assert described(check.findings) == described(live[check.slug].findings[:SHOWN]), check.slug
            for slug in CHECK_SLUGS:
                pages = range(1, live[slug].total // PAGE_SIZE + 2)
                stored = [f for page in pages for f in quality_list(slug, today=today, stored=True, page=page).findings]
                assert described(stored) == described(live[slug].findings), slug


def test_the_real_data():
    assert_stored_is_live()
    assert sum(QualityCount.objects.values_list("count", flat=True)) > SHOWN


def test_the_real_data_on_the_day_an_announced_session_is_not_yet_overdue():
    assert_stored_is_live(today=date(2023, 1, 2))


def test_a_share_beyond_its_total_provinces_beyond_theirs_and_a_missing_total():
    IndicatorReport.objects.filter(slug="hanoimoi-north-28-x-2024-exports-hai-phong").update(share_pct=Decimal("20"))
    IndicatorReport.objects.filter(slug="hanoimoi-north-28-x-2024-exports-thai-nguyen").update(
        value=Decimal("100e9"), value_as_written="100 tỷ USD"
    )
    assert_stored_is_live()
    IndicatorReport.objects.filter(slug="hanoimoi-north-28-x-2024-exports").delete()
    assert_stored_is_live()


def test_a_lower_bound_total_and_a_repeated_figure_with_another_qualifier():
    IndicatorReport.objects.filter(slug="hanoimoi-north-28-x-2024-exports").update(
        value=Decimal("1e9"), value_as_written="1 tỷ USD", qualifier="lower_bound"
    )
    IndicatorReport.objects.filter(slug="plvn-south-20-x-2024-exports").update(qualifier="actual")
    assert_stored_is_live()


def test_sessions_out_of_order_handed_over_elsewhere_announced_and_reported(empty_database):
    group = factories.region(slug="south-20")
    long_an, kien_giang = factories.province(name="Long An"), factories.province(name="Kiên Giang")
    factories.conference(region=group, session_number=9, year=2025, source=factories.source())
    factories.conference(region=group, session_number=10, year=2024, next_host=long_an, source=factories.source())
    xi = factories.conference(region=group, session_number=11, year=2025, status="announced", host=kien_giang)
    factories.mention(conference=xi, source=factories.source(), kind="report")
    unnumbered = factories.conference(region=group, year=2020, next_host=long_an, venue="")
    for venue in ("Quảng Ninh", "thành phố Hạ Long (tỉnh Quảng Ninh)"):
        factories.mention(conference=unnumbered, source=factories.source(), venue=venue)
    other = factories.region(slug="north-28")
    for year in range(2010, 2010 + PAGE_SIZE + 5):  # more than a page of sessions, some overdue
        factories.conference(region=other, year=year, status="announced" if year % 3 else "held")
    assert_stored_is_live()
    assert_stored_is_live(today=date(2030, 1, 1))


def test_many_repeated_figures_fill_several_pages(empty_database):
    exports = factories.figure(slug="exports", qualifier="estimate")
    for n in range(12):  # 13 reports of one figure: 78 pairs
        factories.figure(
            slug=f"exports-{n}",
            conference=exports.conference,
            source=factories.source(publication=f"Báo {n}"),
            value=Decimal(f"{120 + n % 3}e9"),
            value_as_written=f"{120 + n % 3} tỷ USD",
            qualifier="estimate" if n % 2 else "actual",
        )
    assert_stored_is_live()


def test_a_page_beyond_the_last_is_empty_and_the_list_of_another_check_is_its_own():
    rebuild_quality_report()
    assert quality_list("shares", today=TODAY, stored=True, page=1000).findings == []
    sessions = quality_list("sessions", today=TODAY, stored=True, page=1)
    assert sessions.slug == "sessions" and {f.status for f in sessions.findings} >= {"consistent", "note"}
