"""The groups list's latest, next and overdue sessions (conferences.group_selectors.region_list), read
without the held sessions it does not show, are those the rules pick among every session."""

from datetime import date

import pytest

from conferences.group_selectors import region_list
from conferences.models import Conference, session_key

pytestmark = pytest.mark.django_db


def picked_among_every_session(today: date) -> dict[str, tuple]:
    picked = {}
    for slug in Conference.objects.values_list("region__slug", flat=True).distinct():
        sessions = list(Conference.objects.filter(region__slug=slug))
        overdue = [c for c in sessions if c.is_overdue(today)]
        held = [c for c in sessions if c.status == Conference.Status.HELD]
        announced = [c for c in sessions if c.status == Conference.Status.ANNOUNCED and c not in overdue]
        latest = max(held, key=session_key, default=None)
        upcoming = min(announced, key=session_key, default=None)
        picked[slug] = (
            latest and latest.slug,
            upcoming and upcoming.slug,
            [c.slug for c in overdue],
        )
    return picked


@pytest.mark.parametrize("today", [date(2016, 1, 1), date(2023, 6, 30), date(2025, 12, 31), date(2030, 1, 1)])
def test_each_group_s_sessions_are_the_ones_the_rules_pick(today):
    listed = {
        region.slug: (
            region.latest and region.latest.slug,
            region.upcoming and region.upcoming.slug,
            [c.slug for c in region.overdue],
        )
        for region in region_list(today=today)
        if region.sessions_on_record
    }
    assert listed == picked_among_every_session(today)
    assert any(latest for latest, _, _ in listed.values())
