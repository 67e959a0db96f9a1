"""The dataset's promises, checked on the loaded database: provenance, completeness, exact values."""

from datetime import date
from decimal import Decimal

import pytest

from conferences.models import Conference, ConferenceMention, ConferenceOfficial, IndicatorReport, Source
from vietnamese.numbers import parse_quantity

pytestmark = pytest.mark.django_db


def test_every_quote_occurs_verbatim_in_its_article(article_texts):
    quoted = [
        *IndicatorReport.objects.filter(source__text_kept=True).select_related("source"),
        *ConferenceMention.objects.filter(source__text_kept=True).select_related("source"),
        *ConferenceOfficial.objects.select_related("source"),
    ]
    assert len(quoted) > 50
    for item in quoted:
        text = article_texts[item.source.file_name]
        assert item.quote in text, item
        line = text.count("\n", 0, text.index(item.quote)) + 1
        assert item.quote_line == line, item


def test_a_source_whose_text_is_not_kept_has_no_quote_and_says_where_each_fact_stands():
    """Records (docs/data.md, "Records"): facts, printed fragments and locators, never page text."""
    for item in [
        *IndicatorReport.objects.filter(source__text_kept=False),
        *ConferenceMention.objects.filter(source__text_kept=False),
    ]:
        assert item.quote == "" and item.quote_line is None and item.locator, item
    assert not ConferenceOfficial.objects.filter(source__text_kept=False).exists()
    for source in Source.objects.filter(text_kept=False):
        assert source.url.startswith(("https://", "http://")) and source.accessed_on, source


def test_every_period_quote_occurs_and_states_the_period(article_texts):
    for report in IndicatorReport.objects.exclude(period_quote="").select_related("source"):
        assert report.period_quote in article_texts[report.source.file_name]
        assert report.period_label in report.period_quote


def test_every_value_matches_its_quote():
    reports = list(IndicatorReport.objects.all())
    assert len(reports) == 31
    for report in reports:
        assert report.value_as_written in report.quote
        parsed = parse_quantity(report.value_as_written)
        assert parsed.value == report.value, report.slug
        assert parsed.unit == report.unit == report.indicator.unit
        assert parsed.unit_as_written == report.unit_as_written
        assert parsed.denominator == report.denominator


def test_every_figure_carries_unit_period_qualifier_and_source():
    for report in IndicatorReport.objects.select_related("source", "conference"):
        assert report.unit and report.unit_as_written
        assert report.period_label and report.period_end
        assert report.is_stock == (report.period_start is None)
        assert report.qualifier in IndicatorReport.Qualifier.values
        if report.source.text_kept:
            assert report.source.text_sha256 and report.quote and len(report.quote) <= 400
        else:
            assert report.locator and not report.quote


def test_values_survive_the_database_exactly(fixture_objects):
    """DecimalField on SQLite and PostgreSQL gives back exactly the fixture's value."""
    stored = {report.slug: report for report in IndicatorReport.objects.all()}
    for fields in fixture_objects["conferences.indicatorreport"]:
        report = stored[fields["slug"]]
        assert report.value == Decimal(fields["value"])
        for name in ("growth_pct", "share_pct", "plan_share_pct", "threshold_pct"):
            expected = fields[name]
            assert getattr(report, name) == (Decimal(expected) if expected is not None else None)


def test_every_conference_the_articles_name_is_present():
    slugs = set(Conference.objects.values_list("slug", flat=True))
    assert slugs == {
        "north-28-2016",
        "north-28-viii-2022",
        "north-28-ix-2023",
        "north-28-x-2024",
        "north-28-xi-2025",
        "south-20-x-2024",
        "south-20-xi-2025",
        "north-central-6-x-2022",
        "north-central-6-xi-2023",
    }


def test_unknown_facts_stay_unknown():
    north_2016 = Conference.objects.get(slug="north-28-2016")
    assert north_2016.session_number is None
    north_xi = Conference.objects.get(slug="north-28-xi-2025")
    assert (north_xi.host, north_xi.date, north_xi.status) == (None, None, "announced")
    assert Conference.objects.get(slug="north-28-x-2024").next_host is None
    assert Conference.objects.get(slug="north-28-ix-2023").venue == ""  # written two ways, neither picked
    assert Conference.objects.get(slug="north-central-6-x-2022").venue == ""


def test_hosts_dates_and_handovers():
    expected = {
        "north-28-2016": ("ninh-binh", date(2016, 9, 6), None),
        "north-28-viii-2022": ("thanh-hoa", date(2022, 9, 23), None),
        "north-28-ix-2023": ("quang-ninh", date(2023, 7, 28), "ha-noi"),  # the date and handover from a record
        "north-28-x-2024": ("ha-noi", date(2024, 5, 17), None),
        "south-20-x-2024": ("kien-giang", date(2024, 10, 11), "long-an"),
        "south-20-xi-2025": ("long-an", None, None),
        "north-central-6-x-2022": ("thanh-hoa", date(2022, 5, 13), "thua-thien-hue"),
        "north-central-6-xi-2023": ("thua-thien-hue", None, None),
    }
    for slug, (host, day, next_host) in expected.items():
        conference = Conference.objects.select_related("host", "next_host").get(slug=slug)
        assert conference.host.slug == host
        assert conference.date == day
        assert (conference.next_host.slug if conference.next_host else None) == next_host


def test_thanh_hoa_hosted_two_sessions_in_two_groups():
    hosted = Conference.objects.filter(host__slug="thanh-hoa")
    assert sorted(hosted.values_list("region__slug", flat=True)) == ["north-28", "north-central-6"]


def test_northern_exports_first_half_2024():
    report = IndicatorReport.objects.get(
        conference__slug="north-28-x-2024", indicator__code="export_turnover", scope="region"
    )
    assert report.value == Decimal("120700000000")
    assert (report.unit, report.unit_as_written) == ("USD", "tỷ USD")
    assert (report.period_start, report.period_end) == (date(2024, 1, 1), date(2024, 6, 30))
    assert report.qualifier == "estimate"
    assert report.growth_pct == Decimal("18.3")
    assert report.quote == "Tổng kim ngạch xuất khẩu của khu vực ước đạt 120,7 tỷ USD, tăng 18,3% so với cùng kỳ."


def test_only_short_quotes_and_metadata_of_the_protected_article_are_published():
    source = Source.objects.get(slug="hanoimoi-north-28-x-2024")
    assert "Không sao chép" in source.reproduction_notice
    assert all(len(report.quote) <= 400 for report in source.reports.all())
