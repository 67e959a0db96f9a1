"""The group page shows a bounded amount whatever the data holds, each part linking to its full list."""

from datetime import date
from decimal import Decimal

import factories
import pytest
from django.urls import reverse
from django.utils import translation

from conferences.group_selectors import GROUP_FIGURES, GROUP_SESSIONS, SHARE_CHARTS

SESSIONS = GROUP_SESSIONS + 5


def english_page(client, slug):
    with translation.override("en"):
        return client.get(reverse("regions:region_detail", kwargs={"slug": slug}))


@pytest.fixture
def long_group(empty_database):
    """A group with more sessions than the page lists, each hosted by one of two members in turn; the
    latest session reports more group figures, and more sets of shares, than the page shows."""
    group = factories.region(slug="long-group", declared_size=2)
    hosts = [factories.province(name=name) for name in ("Tỉnh Một", "Tỉnh Hai")]
    for host in hosts:
        factories.membership(region=group, province=host)
    sessions = [
        factories.conference(
            region=group, year=2000 + number, session_number=number, host=hosts[number % 2], slug=f"long-{number}"
        )
        for number in range(1, SESSIONS + 1)
    ]
    latest = sessions[-1]
    for month in range(GROUP_FIGURES + 5):
        end = date(1990 + month // 12, month % 12 + 1, 28)
        factories.figure(conference=latest, period_start=date(end.year, 1, 1), period_end=end, period_label="thử")
    for year in range(2000, 2000 + SHARE_CHARTS + 2):
        for host, share in zip(hosts, ("20", "30"), strict=True):
            factories.figure(
                conference=latest,
                province=host,
                share_pct=Decimal(share),
                share_of="region",
                period_start=date(year, 1, 1),
                period_end=date(year, 12, 31),
                period_label=f"năm {year}",
            )
    return sessions


def test_the_page_lists_the_latest_sessions_and_links_to_all(client, long_group, django_assert_num_queries):
    # the data version; group; memberships; their sources; sessions; figures; the sets of shares; the shares
    with django_assert_num_queries(8):
        response = english_page(client, "long-group")
    page = response.content.decode()
    assert len(response.context["region"].recent_sessions) == GROUP_SESSIONS
    assert f"The latest {GROUP_SESSIONS} sessions of {SESSIONS}." in page
    assert 'href="/en/conferences/?region=long-group"' in page
    shown = [session for session in long_group if f'href="/en/conferences/{session.slug}/"' in page]
    assert shown == long_group[-GROUP_SESSIONS:]


def test_the_rotation_shows_its_latest_entries_and_says_how_many_are_left_out(client, long_group):
    response = english_page(client, "long-group")
    rotation = response.context["rotation"]
    assert [entry.conference for entry in rotation.entries] == long_group[-GROUP_SESSIONS:]
    assert rotation.earlier == SESSIONS - GROUP_SESSIONS
    assert "The latest entries: 5 earlier entries are left out." in response.content.decode()


def test_the_page_draws_a_few_share_charts_and_links_to_the_sessions_figures(client, long_group):
    page = english_page(client, "long-group").content.decode()
    assert page.count('<figure class="chart" id="shares-') == SHARE_CHARTS
    assert "The session stated shares for more indicators and periods than are drawn here." in page
    assert f'href="/en/figures/?conference={long_group[-1].slug}&amp;scope=province"' in page


def test_the_page_shows_the_latest_group_figures_and_links_to_all(client, long_group):
    response = english_page(client, "long-group")
    shown = [report for entry in response.context["series"] for group in entry.groups for report in group.reports]
    assert len(shown) == GROUP_FIGURES
    assert min(report.period_end for report in shown) == date(1990 + 5 // 12, 5 % 12 + 1, 28)
    assert 'href="/en/figures/?region=long-group&amp;scope=region"' in response.content.decode()


def test_a_short_group_says_nothing_is_left_out(client, empty_database):
    group = factories.region(slug="short-group")
    factories.conference(region=group, year=2024, session_number=1, slug="short-1")
    page = english_page(client, "short-group").content.decode()
    assert "The latest" not in page and "left out" not in page and "more indicators and periods" not in page
