"""generate_synthetic: seeded benchmark data that keeps every rule the curated data keeps."""

import re
from collections import defaultdict
from itertools import pairwise

import pytest
from django.core.management import CommandError, call_command

from bench.synthetic.sessions import FIRST_YEAR, PREFIX
from conferences.bulk import stored_columns
from conferences.models import (
    Conference,
    ConferenceMention,
    ConferenceOfficial,
    Dataset,
    FigureCount,
    IndicatorReport,
    Source,
)
from listings.search import normalise
from listings.search_index import Match
from regions.models import Province, Region, RegionMembership
from vietnamese.numbers import parse_quantity
from vietnamese.periods import parse_period
from vietnamese.phrases import detect_qualifiers, parse_growth, parse_plan_share, parse_share, parse_threshold

pytestmark = pytest.mark.django_db

FIGURES = 400


def generate(figures=FIGURES, seed=7, **options):
    call_command("generate_synthetic", figures=figures, seed=seed, replace=True, verbosity=0, **options)


def reference_counts() -> tuple[int, int, int]:
    return Region.objects.count(), Province.objects.count(), RegionMembership.objects.count()


@pytest.fixture
def generated():
    before = reference_counts()
    generate()
    return before


def test_it_refuses_the_real_data_without_replace():
    before = IndicatorReport.objects.count(), Dataset.objects.current().version
    with pytest.raises(CommandError, match=r"real curated data.*benchmark databases only"):
        call_command("generate_synthetic", figures=10, verbosity=0)
    assert (IndicatorReport.objects.count(), Dataset.objects.current().version) == before


def test_the_help_says_it_is_for_benchmarks_only():
    from bench.management.commands.generate_synthetic import Command

    assert Command.help.startswith("FOR BENCHMARK DATABASES ONLY")


def test_a_dry_run_changes_nothing():
    before = IndicatorReport.objects.count(), Dataset.objects.current().version
    generate(dry_run=True)
    assert (IndicatorReport.objects.count(), Dataset.objects.current().version) == before


def test_it_replaces_sessions_sources_and_figures_and_keeps_the_reference_data(generated):
    assert IndicatorReport.objects.count() == FIGURES
    assert not Source.objects.exclude(slug__startswith=PREFIX).exists()
    assert reference_counts() == generated
    version = Dataset.objects.current().version
    assert version.startswith(PREFIX) and len(version) == 64
    # A second run needs no --replace: the data is synthetic already.
    call_command("generate_synthetic", figures=10, seed=7, verbosity=0)
    assert IndicatorReport.objects.count() == 10


def test_the_dataset_version_changes_with_every_run(generated):
    first = Dataset.objects.current().version
    generate()
    assert Dataset.objects.current().version != first
    assert Dataset.objects.count() == 1


def test_the_same_seed_gives_the_same_data():
    def snapshot():
        return list(IndicatorReport.objects.order_by("slug").values_list("slug", "value_as_written", "quote"))

    generate(seed=3)
    first = snapshot()
    generate(seed=3)
    assert snapshot() == first
    generate(seed=4)
    assert snapshot() != first


def test_session_numbers_follow_the_years_and_hosts_rotate(generated):
    members = defaultdict(set)
    # hosts rotate among the members of the time (the 2025 map's memberships start after the sessions)
    before_2025 = RegionMembership.objects.filter(province__administrative_map=Province.Map.BEFORE_2025)
    for region_id, province_id in before_2025.values_list("region_id", "province_id"):
        members[region_id].add(province_id)
    sessions = defaultdict(list)
    for conference in Conference.objects.order_by("session_number"):
        sessions[conference.region_id].append(conference)
    assert set(sessions) == set(members)
    for region_id, conferences in sessions.items():
        assert {c.year - c.session_number for c in conferences} == {FIRST_YEAR - 1}
        assert [c.session_number for c in conferences] == list(range(1, len(conferences) + 1))
        assert all(c.host_id in members[region_id] for c in conferences)
        rotation = [c.host_id for c in conferences[: len(members[region_id])]]
        assert len(set(rotation)) == len(rotation)  # every member hosts before any hosts twice
        for conference, following in pairwise(conferences):
            assert conference.status == "held" and conference.next_host_id == following.host_id
        assert conferences[-1].status == "announced" and conferences[-1].date is None
    # every session but each group's first was announced at the one before
    assert ConferenceMention.objects.filter(kind="announcement").count() == Conference.objects.count() - len(sessions)
    assert ConferenceOfficial.objects.filter(role="chair").count() == Conference.objects.filter(status="held").count()


def test_every_figure_reads_back_exactly_from_its_quote(generated):
    reports = IndicatorReport.objects.select_related("conference", "indicator", "province")
    kinds = set()
    plan_shares = 0
    for report in reports:
        quantity = parse_quantity(report.value_as_written)
        assert (quantity.value, quantity.unit) == (report.value, report.unit), report.slug
        assert (quantity.unit_as_written, quantity.denominator) == (report.unit_as_written, report.denominator)
        assert report.unit == report.indicator.unit
        at = report.quote.index(report.value_as_written)
        assert detect_qualifiers(report.quote[:at]) == {report.qualifier}, report.quote
        period = parse_period(report.period_label)
        assert (period.start, period.end, period.is_stock) == (report.period_start, report.period_end, report.is_stock)
        assert report.quote.startswith(report.period_label)
        assert report.period_end.year in (report.conference.year, report.conference.year - 1)
        after = report.quote[at + len(report.value_as_written) :]
        if report.growth_pct is not None:
            [growth] = re.findall(r"(?:tăng|giảm) [0-9.,]+%", after)
            assert parse_growth(growth) == report.growth_pct
        if report.share_pct is not None:
            [share] = re.findall(r"chiếm [0-9.,]+%", after)
            assert parse_share(share) == report.share_pct
        if report.plan_share_pct is not None:
            [plan_share] = re.findall(r"đạt [0-9.,]+% kế hoạch năm", after)
            assert parse_plan_share(plan_share) == report.plan_share_pct
            plan_shares += 1
        if report.threshold_pct is not None:
            threshold = after.removeprefix(" trong khu vực có ").split(" ", 0)[0]
            phrase = threshold[len(report.indicator_as_written) + 1 :].removesuffix(" so với cùng kỳ.")
            assert parse_threshold(phrase) == (report.threshold_comparator, report.threshold_pct)
        if report.scope == "province":
            assert report.province.name in report.quote
        kinds.add((report.is_stock, report.period_end.month - (report.period_start or report.period_end).month))
        report.full_clean()
    assert len(kinds) > 5  # first N months, quarters, full years, stocks…
    assert plan_shares and not reports.filter(share_of="annual_plan").exists()


def test_the_search_columns_are_what_the_models_compute(generated):
    for model in (IndicatorReport, Conference, Source, ConferenceOfficial):
        related = getattr(model, "search_related", ())
        for row in model.objects.select_related(*related) if related else model.objects.all():
            assert (row.search_name, row.search_text) == row.search_columns(), row.pk


def test_the_figures_are_in_the_full_text_index(generated):
    """Written in bulk (``COPY`` on PostgreSQL), every figure is found by its indicator's name."""
    by_indicator = defaultdict(set)
    for pk, name in IndicatorReport.objects.values_list("pk", "indicator__name_vi"):
        by_indicator[name].add(pk)
    assert len(by_indicator) > 5
    for name, pks in by_indicator.items():
        found = IndicatorReport.objects.filter(Match("name", normalise(name).split()))
        assert set(found.values_list("pk", flat=True)) == pks, name


def test_the_figure_counts_are_rebuilt(generated):
    assert FigureCount.objects.get(dims=0).count == FIGURES
    assert sum(FigureCount.objects.filter(dims=FigureCount.INDICATOR).values_list("count", flat=True)) == FIGURES


def test_the_figures_are_written_in_every_stored_column_of_the_model():
    columns = stored_columns(IndicatorReport)
    assert "id" not in columns
    assert {"conference_id", "source_id", "indicator_id", "province_id", "search_name", "position"} <= set(columns)
    assert len(columns) == len(IndicatorReport._meta.concrete_fields) - 1
