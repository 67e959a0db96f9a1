"""Time on the pages: an announced session whose time has passed is no longer "next", a designated host
that has since merged says so, and every page says as of when its data holds."""

from datetime import date, datetime
from types import SimpleNamespace

import factories
import pytest
from django.utils import timezone

from conferences.models import Conference, ConferenceMention, Dataset

pytestmark = pytest.mark.django_db

# A southern session announced for 2025 at Long An, with no report of it on record: past from 2026 on. Long An
# became part of the 2025 Tây Ninh.
PAST_ANNOUNCED = "south-20-xi-2025"


@pytest.fixture
def south(empty_database):
    tay_ninh = factories.province(name="Tây Ninh", slug="tay-ninh-2025", administrative_map="2025")
    long_an = factories.province(name="Long An", slug="long-an", successor=tay_ninh, valid_until=date(2025, 6, 30))
    kien_giang = factories.province(name="Kiên Giang", slug="kien-giang")
    group = factories.region(slug="south-20", name_en="Southern provinces and cities")
    for member in (long_an, kien_giang):
        factories.membership(region=group, province=member)
    source = factories.source()
    x = factories.conference(
        region=group,
        slug="south-20-x-2024",
        year=2024,
        session_number=10,
        date=date(2024, 10, 11),
        host=kien_giang,
        next_host=long_an,
        source=source,
    )
    xi = factories.conference(
        region=group,
        slug=PAST_ANNOUNCED,
        year=2025,
        session_number=11,
        status=Conference.Status.ANNOUNCED,
        host=long_an,
        host_basis=Conference.HostBasis.STATED,
    )
    factories.mention(conference=xi, source=source, kind=ConferenceMention.Kind.ANNOUNCEMENT)
    return SimpleNamespace(x=x, xi=xi, long_an=long_an, tay_ninh=tay_ninh)


@pytest.fixture
def in_2026(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: timezone.make_aware(datetime(2026, 12, 6, 12)))


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


def test_a_designated_host_knows_the_2025_unit_it_became_only_when_that_has_another_name(south):
    south_xi = Conference.objects.select_related("host__successor").get(slug=PAST_ANNOUNCED)
    assert (south_xi.host.name, south_xi.host_merged_into.name) == ("Long An", "Tây Ninh")
    now = Conference(host=south_xi.host.successor)  # a 2025 unit has no successor
    assert now.host_merged_into is None


def test_the_home_page_lists_a_past_announced_session_as_such_not_as_next(client, south, in_2026):
    response = client.get("/en/")
    assert PAST_ANNOUNCED in [conference.slug for conference in response.context["overdue"]]
    assert PAST_ANNOUNCED not in [conference.slug for conference in response.context["upcoming"]]
    page = response.content.decode()
    assert "Announced, no report on record" in page
    assert 'Long An <span class="merged-host">(from 2025: Tây Ninh)</span>' in page


def test_a_past_announced_sessions_page_says_its_time_has_passed(client, south, in_2026):
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


def test_a_province_designated_for_a_past_session_says_its_time_has_passed(client, south, in_2026):
    page = client.get("/en/provinces/long-an/").content.decode()
    assert "its time has passed, and no source on record reports it" in page
    listing = client.get("/en/provinces/", {"q": "long an"}).content.decode()
    assert "Announced, no report on record" in listing
