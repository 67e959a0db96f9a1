"""Time on the pages: an announced session whose time has passed is no longer "next", a designated host
that has since merged says so, and every page says as of when its data holds."""

from datetime import date

import pytest

from conferences.models import Conference, Dataset

pytestmark = pytest.mark.django_db

# Announced in the sources for 2025 and 2023, with no report of them on record: past from 2026 on.
PAST_ANNOUNCED = "south-20-xi-2025"


@pytest.mark.parametrize(
    ("status", "day", "year", "today", "overdue"),
    [
        ("announced", None, 2025, date(2025, 12, 31), False),
        ("announced", None, 2025, date(2026, 1, 1), True),
        ("announced", date(2025, 10, 20), 2025, date(2025, 10, 20), False),
        ("announced", date(2025, 10, 20), 2025, date(2025, 10, 21), True),
        ("held", date(2025, 10, 20), 2025, date(2026, 1, 1), False),
    ],
)
def test_an_announced_session_is_overdue_once_its_day_or_else_its_year_has_passed(status, day, year, today, overdue):
    assert Conference(status=status, date=day, year=year).is_overdue(today) is overdue


def test_a_designated_host_knows_the_2025_unit_it_became_only_when_that_has_another_name():
    south_xi = Conference.objects.select_related("host__successor").get(slug=PAST_ANNOUNCED)
    assert (south_xi.host.name, south_xi.host_merged_into.name) == ("Long An", "Tây Ninh")
    now = Conference(host=south_xi.host.successor)  # a 2025 unit has no successor
    assert now.host_merged_into is None


def test_the_home_page_lists_a_past_announced_session_as_such_not_as_next(client):
    response = client.get("/en/")
    assert PAST_ANNOUNCED in [conference.slug for conference in response.context["overdue"]]
    assert PAST_ANNOUNCED not in [conference.slug for conference in response.context["upcoming"]]
    page = response.content.decode()
    assert "Announced, no report on record" in page
    assert 'Long An <span class="merged-host">(from 2025: Tây Ninh)</span>' in page


def test_a_past_announced_sessions_page_says_its_time_has_passed(client):
    page = client.get(f"/en/conferences/{PAST_ANNOUNCED}/").content.decode()
    assert "its time has passed, and no source on record reports it" in page
    held = client.get("/en/conferences/south-20-x-2024/").content.decode()
    assert "its time has passed" not in held and "from 2025:" not in held


@pytest.mark.parametrize(
    ("url", "expected"), [("/", "Dữ liệu tính đến 06/12/2026"), ("/en/figures/", "as of 6 Dec 2026")]
)
def test_every_page_says_as_of_when_its_data_holds(client, url, expected):
    Dataset.objects.update(loaded_at="2026-12-06T03:00:00Z")
    assert expected in client.get(url).content.decode()


def test_a_province_designated_for_a_past_session_says_its_time_has_passed(client):
    page = client.get("/en/provinces/long-an/").content.decode()
    assert "its time has passed, and no source on record reports it" in page
    listing = client.get("/en/provinces/", {"q": "long an"}).content.decode()
    assert "Announced, no report on record" in listing
