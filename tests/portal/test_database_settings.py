"""The DATABASES that portal.databases builds from the environment."""

import pytest
from django.db.backends.postgresql.psycopg_any import IsolationLevel

from portal.databases import databases, export_readers

LOCAL = "sqlite:////tmp/portal-test.sqlite3"
VARIABLES = [
    "DATABASE_URL",
    "DATABASE_REPLICA_URL",
    "DATABASE_LOAD_URL",
    "DATABASE_CONN_MAX_AGE",
    "DATABASE_CONNECT_TIMEOUT",
]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_a_checkout_needs_no_configuration():
    config = databases(default_url=LOCAL)
    assert list(config) == ["default"]
    assert config["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert config["default"]["CONN_MAX_AGE"] == 60
    assert config["default"]["CONN_HEALTH_CHECKS"] is True


def test_postgresql_reads_at_repeatable_read_and_gives_up_connecting_quickly(clean_environment):
    clean_environment.setenv("DATABASE_URL", "postgres://portal_reader@db.internal:5432/portal")
    clean_environment.setenv("DATABASE_CONN_MAX_AGE", "300")
    default = databases(default_url=LOCAL)["default"]
    assert default["ENGINE"] == "django.db.backends.postgresql"
    assert default["OPTIONS"] == {"isolation_level": IsolationLevel.REPEATABLE_READ, "connect_timeout": 5}
    assert default["CONN_MAX_AGE"] == 300


def test_the_urls_own_options_win(clean_environment):
    clean_environment.setenv("DATABASE_URL", "postgres://portal_reader@db.internal/portal?connect_timeout=2")
    assert databases(default_url=LOCAL)["default"]["OPTIONS"]["connect_timeout"] == 2


def test_a_replica_and_a_loader_are_added_only_when_configured(clean_environment):
    clean_environment.setenv("DATABASE_URL", "postgres://portal_reader@primary/portal")
    clean_environment.setenv("DATABASE_REPLICA_URL", "postgres://portal_reader@replica/portal")
    clean_environment.setenv("DATABASE_LOAD_URL", "postgres://portal_loader@primary/portal")
    config = databases(default_url=LOCAL)
    assert list(config) == ["default", "replica", "load"]
    assert config["replica"]["HOST"] == "replica"
    assert config["replica"]["OPTIONS"]["isolation_level"] == IsolationLevel.REPEATABLE_READ
    assert config["replica"]["TEST"] == {"MIRROR": "default"}
    assert config["load"]["USER"] == "portal_loader"
    assert config["load"]["CONN_MAX_AGE"] == 0
    assert "isolation_level" not in config["load"]["OPTIONS"]
    assert config["load"]["TEST"] == {"MIRROR": "default"}


def test_empty_variables_count_as_unset(clean_environment):
    clean_environment.setenv("DATABASE_REPLICA_URL", "")
    clean_environment.setenv("DATABASE_CONN_MAX_AGE", "")
    assert list(databases(default_url=LOCAL)) == ["default"]


@pytest.mark.parametrize(("name", "value"), [("DATABASE_CONN_MAX_AGE", "a minute"), ("DATABASE_CONNECT_TIMEOUT", "0")])
def test_bad_numbers_are_refused(clean_environment, name, value):
    clean_environment.setenv(name, value)
    with pytest.raises(ValueError, match=name):
        databases(default_url=LOCAL)


def test_atomic_requests_stays_off_because_the_middleware_does_it_better():
    """ATOMIC_REQUESTS would end the view's transaction before the template is rendered, so the
    rendering's queries would begin a second one: two snapshots in one response."""
    from django.db import connections

    for alias in connections:
        assert connections[alias].settings_dict["ATOMIC_REQUESTS"] is False, alias


def test_a_download_is_read_by_two_connections_on_postgresql_and_one_on_sqlite(clean_environment):
    assert export_readers(databases(default_url=LOCAL)) == 1
    clean_environment.setenv("DATABASE_URL", "postgres://portal_reader@db.internal:5432/portal")
    assert export_readers(databases(default_url=LOCAL)) == 2
