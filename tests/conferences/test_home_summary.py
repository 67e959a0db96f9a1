"""The home page's sessions (conferences.selectors.home_summary), picked by the database, are the ones the
model's own rules pick: the last held and the last announced by ``session_key``, and every overdue one."""

from datetime import date

import factories
import pytest

from conferences.models import Conference, session_key
from conferences.selectors import home_summary

pytestmark = pytest.mark.django_db


def picked_in_python(today: date) -> dict[str, list[str]]:
    """The rules as the page stated them before the database picked the sessions: read every session."""
    conferences = list(Conference.objects.for_listing())
    overdue = [conference for conference in conferences if conference.is_overdue(today)]
    latest, upcoming = {}, {}
    for conference in conferences:
        if conference in overdue:
            continue
        slot = latest if conference.status == Conference.Status.HELD else upcoming
        current = slot.get(conference.region_id)
        if current is None or session_key(conference) > session_key(current):
            slot[conference.region_id] = conference
    return {
        "latest": [conference.slug for conference in latest.values()],
        "upcoming": [conference.slug for conference in upcoming.values()],
        "overdue": [conference.slug for conference in overdue],
    }


def picked(today: date) -> dict[str, list[str]]:
    summary = home_summary(today=today)
    return {role: [conference.slug for conference in summary[role]] for role in ("latest", "upcoming", "overdue")}


@pytest.mark.parametrize("today", [date(2016, 1, 1), date(2023, 6, 30), date(2025, 12, 31), date(2030, 1, 1)])
def test_the_loaded_data_s_sessions_are_the_ones_the_rules_pick(today):
    assert picked(today) == picked_in_python(today)
    assert picked(today)["latest"]


def test_each_rule_on_sessions_built_for_it(empty_database):
    north, south = factories.region(slug="north-28"), factories.region(slug="south-20")
    factories.conference(region=north, year=2023, session_number=9, slug="north-ix")
    factories.conference(region=north, year=2024, session_number=10, slug="north-x")
    factories.conference(region=north, year=2024, session_number=None, slug="north-2024-unnumbered")
    factories.conference(
        region=north, year=2025, session_number=11, status="announced", date=date(2025, 3, 1), slug="north-xi"
    )
    factories.conference(region=north, year=2026, session_number=12, status="announced", slug="north-xii")
    factories.conference(region=south, year=2022, session_number=None, status="announced", slug="south-2022")
    today = date(2025, 6, 1)
    assert (
        picked(today)
        == picked_in_python(today)
        == {
            "latest": ["north-x"],
            "upcoming": ["north-xii"],
            "overdue": ["north-xi", "south-2022"],
        }
    )
