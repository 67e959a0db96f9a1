"""The database connections, read from the environment (docs/deploy.md).

- ``default`` (``DATABASE_URL``): the app's own connection. In production it logs in as a role that
  may only SELECT.
- ``replica`` (``DATABASE_REPLICA_URL``, optional): a streaming replica. ``portal.routers`` sends every
  read there; writes and migrations stay on ``default``.
- ``load`` (``DATABASE_LOAD_URL``, optional): the loader role, for ``migrate`` and ``load_data``
  (``python manage.py as_loader load_data``). Set it only where data is loaded, never on app servers.

PostgreSQL connections of the app run at REPEATABLE READ: with the request-wide transaction of
``portal.middleware.DatabaseMiddleware`` every query of a request reads one snapshot, so a page never
mixes the data before and after a reload. SQLite transactions are serialisable anyway.
"""

import os

import dj_database_url

from portal.environment import env_int

POSTGRESQL = "django.db.backends.postgresql"
DEFAULT_CONN_MAX_AGE = 60  # seconds a connection is reused; 0 closes it after each request
DEFAULT_CONNECT_TIMEOUT = 5  # seconds; a database that is down answers with a 503 quickly


def _parse(url: str, *, conn_max_age: int, connect_timeout: int, repeatable_read: bool) -> dict:
    config = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    if config["ENGINE"] == POSTGRESQL:
        options = config.setdefault("OPTIONS", {})
        options.setdefault("connect_timeout", connect_timeout)  # the URL's own ?connect_timeout= wins
        if repeatable_read:
            from django.db.backends.postgresql.psycopg_any import IsolationLevel

            options.setdefault("isolation_level", IsolationLevel.REPEATABLE_READ)
    return config


def databases(*, default_url: str) -> dict[str, dict]:
    """``DATABASES`` for this environment: ``default``, and ``replica``/``load`` when their URLs are set."""
    conn_max_age = env_int("DATABASE_CONN_MAX_AGE", default=DEFAULT_CONN_MAX_AGE)
    connect_timeout = env_int("DATABASE_CONNECT_TIMEOUT", default=DEFAULT_CONNECT_TIMEOUT, minimum=1)
    app = {"conn_max_age": conn_max_age, "connect_timeout": connect_timeout, "repeatable_read": True}
    result = {"default": _parse(os.environ.get("DATABASE_URL") or default_url, **app)}
    if replica_url := os.environ.get("DATABASE_REPLICA_URL"):
        # The same data as default: tests use default's test database instead of creating another.
        result["replica"] = {**_parse(replica_url, **app), "TEST": {"MIRROR": "default"}}
    if load_url := os.environ.get("DATABASE_LOAD_URL"):
        # A short-lived job: no reused connection; READ COMMITTED is enough for one writing transaction.
        loader = {"conn_max_age": 0, "connect_timeout": connect_timeout, "repeatable_read": False}
        result["load"] = {**_parse(load_url, **loader), "TEST": {"MIRROR": "default"}}
    return result


def export_readers(databases: dict[str, dict]) -> int:
    """How many connections read one full download at once, by default: two on PostgreSQL, each keeping
    a core busy; one on SQLite, which steps one thread at a time in a process (its allocation mutex), so
    that a second reader there only doubled the CPU a row cost (docs/performance.md, "One reader on
    SQLite")."""
    return 1 if databases["default"]["ENGINE"] == "django.db.backends.sqlite3" else 2
