"""Deliberate checks of the curated dataset: facts the five annotated articles and the records state, by name.

Every other test builds the data it asserts on (tests/factories.py), holds of any data loaded, or names
the curated session, figure or source whose page it reads. These check the curated data itself, on
purpose: each names the session, figure or source it checks, so that data added or removed elsewhere
never breaks them (tests/grown_fixtures.py proves it). None pins a total: the archive grows.
"""

from datetime import date
from decimal import Decimal

import pytest

from conferences.models import Conference, ConferenceOfficial, IndicatorReport, Source
from vietnamese.folding import slugify_vi

pytestmark = pytest.mark.django_db

FIVE_ARTICLES = (
    "hanoimoi-north-28-x-2024",
    "tin-tu-cac-don-vi-north-28-viii-2022",
    "plvn-south-20-x-2024",
    "baothanhhoa-north-central-6-x-2022",
    "north-28-2016",
)


def test_every_session_the_five_articles_name_is_present():
    slugs = set(Conference.objects.values_list("slug", flat=True))
    assert slugs >= {
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
    # Announced by the Báo Thanh Hóa article; no report of it is on record.
    north_central_xi = Conference.objects.get(slug="north-central-6-xi-2023")
    assert (north_central_xi.date, north_central_xi.status) == (None, "announced")
    assert Conference.objects.get(slug="north-28-x-2024").next_host is None  # the flag handed over, no receiver named
    assert Conference.objects.get(slug="south-20-xi-2025").next_host is None  # no handover found
    assert Conference.objects.get(slug="north-28-ix-2023").venue == ""  # written two ways, neither picked
    assert Conference.objects.get(slug="south-20-xi-2025").venue == ""  # "phường Long An", or "Tây Ninh"
    assert Conference.objects.get(slug="north-central-6-x-2022").venue == ""


def test_hosts_dates_and_handovers():
    expected = {
        "north-28-2016": ("ninh-binh", date(2016, 9, 6), None),
        "north-28-viii-2022": ("thanh-hoa", date(2022, 9, 23), None),
        "north-28-ix-2023": ("quang-ninh", date(2023, 7, 28), "ha-noi"),  # the date and handover from a record
        "north-28-x-2024": ("ha-noi", date(2024, 5, 17), None),
        "north-28-xi-2025": ("tuyen-quang-2025", date(2025, 10, 17), None),  # reported by nhandan.vn and baomoi.net
        "south-20-x-2024": ("kien-giang", date(2024, 10, 11), "long-an"),
        # Long An, the designated host, had become part of the 2025 Tây Ninh, which hosted it.
        "south-20-xi-2025": ("tay-ninh-2025", date(2025, 10, 20), None),
        "north-central-6-x-2022": ("thanh-hoa", date(2022, 5, 13), "thua-thien-hue"),
        "north-central-6-xi-2023": ("thua-thien-hue", None, None),
    }
    for slug, (host, day, next_host) in expected.items():
        conference = Conference.objects.select_related("host", "next_host").get(slug=slug)
        assert conference.host.slug == host
        assert conference.date == day
        assert (conference.next_host.slug if conference.next_host else None) == next_host
    held = set(Conference.objects.filter(slug__in=expected, status="held").values_list("slug", flat=True))
    assert held == set(expected) - {"north-central-6-xi-2023"}  # the 2025 sessions were announced, then reported


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


def test_no_two_officials_the_five_articles_name_share_a_folded_name():
    """What conferences/people.py documents: the merge by name merges nobody the five articles name."""
    officials = list(ConferenceOfficial.objects.filter(source__slug__in=FIVE_ARTICLES).values_list("name", flat=True))
    assert officials and len({slugify_vi(name) for name in officials}) == len(officials)
