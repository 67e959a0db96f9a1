"""The dataset's promises, checked on whatever data is loaded: provenance, completeness, exact values.

These hold of every figure, session and official, however many there are; the facts of particular
sessions of the curated dataset are checked, by name, in tests/test_curated_dataset.py."""

from decimal import Decimal

import pytest

from conferences.models import ConferenceMention, ConferenceOfficial, IndicatorReport, Source
from vietnamese.numbers import parse_written_value

pytestmark = pytest.mark.django_db


def test_every_quote_occurs_verbatim_in_its_article(article_texts):
    quoted = [
        *IndicatorReport.objects.filter(source__text_kept=True).select_related("source"),
        *ConferenceMention.objects.filter(source__text_kept=True).select_related("source"),
        *ConferenceOfficial.objects.select_related("source"),
    ]
    assert quoted
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
    """A kept article's figure prints its value in its quote; a record's has no quote, only the printed words,
    which read as the stored value all the same."""
    reports = list(IndicatorReport.objects.select_related("source", "indicator"))
    assert reports
    for report in reports:
        if report.source.text_kept:
            assert report.value_as_written in report.quote, report.slug
        else:
            assert report.quote == "" and report.value_as_written, report.slug
        parsed = parse_written_value(report.value_as_written, report.unit_as_written)
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
