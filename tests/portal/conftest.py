"""A ``replica`` alias for the portal's database tests: a second connection to the test database.

It joins after the test's own transaction has begun on ``default``, so no test transaction wraps it:
it reads what is committed (the data loaded once per session), and a request opens a real
transaction on it, exactly as on a real replica. The test's own writes, on ``default``, are rolled
back as usual. ``other`` is a connection that commits beside them, as a data load does.
"""

import copy
import sqlite3
import types

import pytest
from django.db import ProgrammingError, connections

from portal.routers import REPLICA


def ensure_connection(self):
    """Django's ``ensure_connection``, without the test case's limit to the aliases it set up.

    (Django allows connections created during a test the same way; this one has an alias in
    ``DATABASES``, so that the router sees it.)
    """
    if self.connection is None:
        if self.in_atomic_block and self.closed_in_transaction:
            raise ProgrammingError("Cannot open a new connection in an atomic block.")
        with self.wrap_database_errors:
            self.connect()


def close_for_good(connection):
    if connection.connection is not None:
        # An in-memory SQLite connection ignores close(); close the driver's connection itself.
        connection.connection.close()
        connection.connection = None


@pytest.fixture
def extra_connection(db, monkeypatch):
    """Add another connection to the test database: ``extra_connection(alias, USER=…)``; removed afterwards.
    The connections the code opens to that alias itself (``connections.create_connection``) may connect too."""
    added = []
    create_connection = connections.create_connection

    def create_allowed(alias: str):
        connection = create_connection(alias)
        if alias in added:
            connection.ensure_connection = types.MethodType(ensure_connection, connection)
        return connection

    monkeypatch.setattr(connections, "create_connection", create_allowed)

    def add(alias: str, **changes):
        settings_dict = copy.deepcopy(connections["default"].settings_dict)
        settings_dict.update(changes)
        connections.settings[alias] = settings_dict
        added.append(alias)
        return connections[alias]

    yield add
    for alias in reversed(added):
        close_for_good(connections[alias])
        del connections[alias]
        del connections.settings[alias]


@pytest.fixture
def replica(extra_connection):
    return extra_connection(REPLICA)


@pytest.fixture
def replica_that_can_go_down(replica):
    """``go_down()``: from then on the replica's server refuses new connections (an open one stays);
    ``restore()`` brings it back, as a restarted server would be."""
    good = copy.deepcopy(replica.settings_dict)
    if replica.vendor == "postgresql":
        bad = {"HOST": "127.0.0.1", "PORT": "1"}  # nothing listens on port 1: refused at once
    else:
        bad = {"NAME": "/nonexistent-folder/portal.sqlite3"}  # cannot be opened

    def go_down():
        replica.settings_dict.update(bad)

    def restore():
        replica.settings_dict.update({key: good[key] for key in bad})

    replica.go_down, replica.restore = go_down, restore
    yield replica
    restore()


@pytest.fixture
def unreachable_replica(replica_that_can_go_down):
    """The replica's server is down; ``restore()`` brings it back."""
    replica_that_can_go_down.go_down()
    return replica_that_can_go_down


class OtherConnection:
    """A connection of its own that commits at once, like ``load_data`` running beside the app."""

    def __init__(self):
        settings_dict = connections["default"].settings_dict
        self.vendor = connections["default"].vendor
        if self.vendor == "postgresql":
            import psycopg2

            self.connection = psycopg2.connect(
                dbname=settings_dict["NAME"],
                user=settings_dict["USER"],
                password=settings_dict["PASSWORD"],
                host=settings_dict["HOST"],
                port=settings_dict["PORT"] or None,
            )
            self.connection.autocommit = True
        else:
            self.connection = sqlite3.connect(settings_dict["NAME"], uri=True, isolation_level=None)
        self.original = self.version()

    def version(self) -> str:
        cursor = self.connection.cursor()
        cursor.execute("SELECT version FROM conferences_dataset")
        return cursor.fetchone()[0]

    def set_version(self, version: str) -> str:
        placeholder = "%s" if self.vendor == "postgresql" else "?"
        try:
            self.connection.cursor().execute(f"UPDATE conferences_dataset SET version = {placeholder}", [version])
        except sqlite3.OperationalError:  # "database table is locked": a reader's transaction is open
            return "made to wait"
        return "committed"

    def close(self):
        self.set_version(self.original)
        self.connection.close()


@pytest.fixture
def other():
    """A connection that commits at once, as ``load_data`` does beside the app; its change undone after."""
    connection = OtherConnection()
    yield connection
    connection.close()
