"""A ``replica`` alias for the portal's database tests: a second connection to the test database.

It joins after the test's own transaction has begun on ``default``, so no test transaction wraps it:
it reads what is committed (the data loaded once per session), and a request opens a real
transaction on it, exactly as on a real replica. The test's own writes, on ``default``, are rolled
back as usual.
"""

import copy
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
def extra_connection(db):
    """Add another connection to the test database: ``extra_connection(alias, USER=…)``; removed afterwards."""
    added = []

    def add(alias: str, **changes):
        settings_dict = copy.deepcopy(connections["default"].settings_dict)
        settings_dict.update(changes)
        connections.settings[alias] = settings_dict
        connection = connections[alias]
        connection.ensure_connection = types.MethodType(ensure_connection, connection)
        added.append(alias)
        return connection

    yield add
    for alias in reversed(added):
        close_for_good(connections[alias])
        del connections[alias]
        del connections.settings[alias]


@pytest.fixture
def replica(extra_connection):
    return extra_connection(REPLICA)


@pytest.fixture
def unreachable_replica(replica):
    """The replica's server is down; ``restore()`` brings it back, as a restarted server would be."""
    good = copy.deepcopy(replica.settings_dict)
    if replica.vendor == "postgresql":
        bad = {"HOST": "127.0.0.1", "PORT": "1"}  # nothing listens on port 1: refused at once
    else:
        bad = {"NAME": "/nonexistent-folder/portal.sqlite3"}  # cannot be opened
    replica.settings_dict.update(bad)

    def restore():
        replica.settings_dict.update({key: good[key] for key in bad})

    replica.restore = restore
    return replica
