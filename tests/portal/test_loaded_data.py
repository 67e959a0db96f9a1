"""How long a worker keeps the current load it read (portal/loaded_data.py), and what that window allows."""

from datetime import timedelta

import pytest

from conferences.models import Dataset
from portal.loaded_data import RecentLoad

pytestmark = pytest.mark.django_db

PAGE = "/conferences/"


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def a_new_load():
    Dataset.objects.update(version="f" * 64, loaded_at=Dataset.objects.get().loaded_at + timedelta(seconds=1))


def test_the_load_is_read_again_only_once_its_window_has_passed(django_assert_num_queries):
    clock = Clock()
    recent = RecentLoad(clock)
    first = recent.get(1000)
    a_new_load()
    clock.now += 0.999
    with django_assert_num_queries(0):
        assert recent.get(1000) == first
    clock.now += 0.002
    with django_assert_num_queries(1):
        assert recent.get(1000).version == "f" * 64


def test_a_window_of_zero_reads_the_load_every_time(django_assert_num_queries):
    recent = RecentLoad(Clock())
    recent.get(0)
    a_new_load()
    with django_assert_num_queries(1):
        assert recent.get(0).version == "f" * 64


def test_nothing_loaded_is_kept_for_the_window_too(empty_database, django_assert_num_queries):
    Dataset.objects.all().delete()
    clock = Clock()
    recent = RecentLoad(clock)
    assert recent.get(1000) is None
    with django_assert_num_queries(0):
        assert recent.get(1000) is None


def test_a_page_from_the_page_cache_costs_no_query_within_the_window(client, settings, django_assert_num_queries):
    settings.PORTAL_DATA_VERSION_RECHECK_MS = 60_000
    first = client.get(PAGE)
    with django_assert_num_queries(0):
        again = client.get(PAGE)
    assert again.status_code == 200 and again.content == first.content and again["ETag"] == first["ETag"]


def test_after_the_window_a_new_load_gives_new_validators(client, settings, monkeypatch):
    settings.PORTAL_DATA_VERSION_RECHECK_MS = 1000
    clock = Clock()
    monkeypatch.setattr("portal.loaded_data.recent_load", RecentLoad(clock))
    before = client.get(PAGE)["ETag"]
    a_new_load()
    assert client.get(PAGE)["ETag"] == before  # within the window: the load this worker read
    clock.now += 1.0
    after = client.get(PAGE)["ETag"]
    assert after != before and after.startswith('"ffffffffffff-')
