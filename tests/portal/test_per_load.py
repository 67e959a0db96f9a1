"""Values kept in process per load (portal/per_load.py): computed once per load, never kept past one."""

import re
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conferences.models import Dataset
from portal import per_load
from portal.loaded_data import Load
from portal.per_load import PerLoadValues, for_this_load_and_day
from regions.models import Region

FIRST = Load("a" * 64, datetime(2026, 12, 1, tzinfo=UTC))
SECOND = Load("b" * 64, FIRST.loaded_at + timedelta(hours=1))
FORCED = Load(FIRST.version, FIRST.loaded_at + timedelta(hours=2))  # the same data loaded again (--force)


class Computations:
    def __init__(self):
        self.made = 0

    def __call__(self):
        self.made += 1
        return self.made


def test_a_value_is_computed_once_per_load_and_afresh_after_a_new_one():
    values, compute = PerLoadValues(), Computations()
    assert [values.get(FIRST, "key", compute) for _ in range(3)] == [1, 1, 1]
    assert values.get(SECOND, "key", compute) == 2
    assert values.get(SECOND, "key", compute) == 2
    assert values.get(FORCED, "key", compute) == 3


def test_each_key_is_its_own_value():
    values = PerLoadValues()
    assert values.get(FIRST, ("choices", "vi"), lambda: "vi") == "vi"
    assert values.get(FIRST, ("choices", "en"), lambda: "en") == "en"
    assert values.get(FIRST, ("choices", "vi"), lambda: "other") == "vi"


def test_without_a_load_nothing_is_kept():
    values, compute = PerLoadValues(), Computations()
    assert [values.get(None, "key", compute) for _ in range(2)] == [1, 2]


def test_a_request_still_naming_an_older_load_computes_without_dropping_the_newer_values():
    values, compute = PerLoadValues(), Computations()
    assert values.get(SECOND, "key", compute) == 1
    assert values.get(FIRST, "key", compute) == 2
    assert values.get(FIRST, "key", compute) == 3
    assert values.get(SECOND, "key", compute) == 1


def test_a_value_of_the_day_is_kept_for_the_latest_day_only(monkeypatch):
    """A worker that sees no new load for weeks keeps one value under a key, not one a day."""
    values, compute = PerLoadValues(), Computations()
    monkeypatch.setattr(per_load, "per_load_values", values)
    request = SimpleNamespace(data_load=FIRST)
    monday, tuesday = date(2026, 12, 7), date(2026, 12, 8)
    assert [for_this_load_and_day(request, "key", monday, compute) for _ in range(2)] == [1, 1]
    assert for_this_load_and_day(request, "key", tuesday, compute) == 2
    assert for_this_load_and_day(request, "key", tuesday, compute) == 2
    assert len(values.held[1]) == 1
    assert for_this_load_and_day(SimpleNamespace(data_load=None), "key", tuesday, compute) == 3  # no load: afresh


def region_options(client) -> str:
    page = client.get("/figures/").content.decode()
    return page.split('<select name="region"')[1].split("</select>")[0]


@pytest.mark.django_db
@pytest.mark.parametrize("portal_cache", [True, False])
def test_a_list_s_options_are_kept_until_the_next_load(client, settings, portal_cache):
    settings.PORTAL_CACHE = portal_cache
    settings.PORTAL_DATA_VERSION_RECHECK_MS = 0
    region = Region.objects.get(slug="north-28")
    assert region.name_vi in region_options(client)
    Region.objects.filter(pk=region.pk).update(name_vi="Tên mới của nhóm")  # no signal: the load is unchanged
    assert "Tên mới của nhóm" not in region_options(client)
    Dataset.objects.update(version="e" * 64, loaded_at=Dataset.objects.get().loaded_at + timedelta(seconds=1))
    assert "Tên mới của nhóm" in region_options(client)


@pytest.mark.django_db
def test_after_a_change_outside_a_load_the_options_are_read_for_every_request(client):
    region = Region.objects.get(slug="north-28")
    region_options(client)
    region.name_vi = "Sửa trong shell"
    region.save()  # forgets the load (conferences.signals)
    assert "Sửa trong shell" in region_options(client)
    Region.objects.filter(pk=region.pk).update(name_vi="Sửa lần nữa")
    assert "Sửa lần nữa" in region_options(client)


@pytest.mark.django_db
def test_options_kept_for_a_load_mark_each_page_s_own_choice(client, settings):
    """The options are written once per load (``listings.filters.FastSelect``); the chosen one is marked
    on each page, never carried over from the page that wrote them."""
    settings.PORTAL_CACHE = False
    settings.PORTAL_DATA_VERSION_RECHECK_MS = 0

    def chosen(query: str) -> list[str]:
        select = client.get("/figures/" + query).content.decode().split('<select name="region"')[1]
        return re.findall(r'<option value="([^"]*)" selected', select.split("</select>")[0])

    assert chosen("?region=north-28") == ["north-28"]
    assert chosen("") == [""]
    assert chosen("?region=south-20") == ["south-20"]
    assert chosen("?region=no-such-group") == []  # a 400 page: no option holds the value, as in Django


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/en/", "/regions/", "/en/regions/"])
def test_the_home_page_and_the_groups_are_read_once_per_load(client, settings, django_assert_num_queries, path):
    """The same for every visitor until the next load (or day): after the first request, only the load
    is read, and a new load shows its data."""
    settings.PORTAL_CACHE = False
    settings.PORTAL_DATA_VERSION_RECHECK_MS = 0
    region = Region.objects.get(slug="north-28")
    first = client.get(path).content.decode()
    assert region.name_vi in first or region.name_en in first
    Region.objects.filter(pk=region.pk).update(name_vi="Tên mới của nhóm", name_en="New group name")
    with django_assert_num_queries(1):  # the load
        assert client.get(path).content.decode() == first
    Dataset.objects.update(version="e" * 64, loaded_at=Dataset.objects.get().loaded_at + timedelta(seconds=1))
    again = client.get(path).content.decode()
    assert "Tên mới của nhóm" in again or "New group name" in again


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/quality/", "/en/quality/"])
def test_the_quality_report_is_worded_once_per_load_and_language(client, settings, django_assert_num_queries, path):
    settings.PORTAL_CACHE = False
    settings.PORTAL_DATA_VERSION_RECHECK_MS = 0
    first = client.get(path).content.decode()
    assert first.count("<h2") > 3
    with django_assert_num_queries(1):  # the load
        assert client.get(path).content.decode() == first
    Dataset.objects.update(version="e" * 64, loaded_at=Dataset.objects.get().loaded_at + timedelta(seconds=1))
    with CaptureQueriesContext(connection) as read:
        client.get(path)
    assert len(read) > 1  # a new load: read afresh, not kept under the previous load
