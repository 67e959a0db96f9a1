"""Another connection that reads what this thread's transaction reads: the same snapshot, in parallel.

A long read (the figures' download, a million rows) is cut into batches; the database works on one
batch at a time on one core, and on a two-core machine that core was the download's limit. A second
connection reading every other batch uses the other core, but only if it sees exactly the data the
first sees, or the file would mix two loads.

- **PostgreSQL**: the transaction's snapshot is exported (``pg_export_snapshot()``) and the other
  connection's REPEATABLE READ, READ ONLY transaction imports it (``SET TRANSACTION SNAPSHOT``), as
  ``pg_dump --jobs`` does. It works on a hot standby too (PostgreSQL 10 and later).
- **SQLite**: a transaction that has read holds a shared lock on the file until it ends, and in the
  rollback journal modes no write can commit while any connection holds one; so a connection that
  begins reading while the first one holds its lock sees the same data. Not in WAL mode, where writers
  commit beside readers, nor in an in-memory database, whose connections share one cache with locks
  per table: there ``another_reader`` gives None. If a writer is already waiting to commit, the other
  connection cannot begin to read (``busy_timeout`` 0: it does not wait) and gives None too.

Only for a transaction that this code opened itself (``in_atomic_block`` was false before it): another
connection does not see what an enclosing transaction wrote and has not committed, a test's data for
one. The caller reads alone when it gets None, as when no other connection can be opened.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import DatabaseError, connections

ROLLBACK_JOURNALS = {"delete", "truncate", "persist", "memory", "off"}


@contextmanager
def another_reader(using: str) -> Iterator:
    """A new connection (a Django ``DatabaseWrapper``) to ``using``'s database, in a transaction that
    sees what this thread's open transaction on ``using`` sees; None where that cannot be had. The
    connection is closed on leaving."""
    main = connections[using]
    share = {"postgresql": _share_postgresql, "sqlite": _share_sqlite}.get(main.vendor)
    if share is None or not main.in_atomic_block:
        yield None
        return
    other = connections.create_connection(using)
    try:
        yield other if share(main, other) else None
    finally:
        other.close()


def _share_postgresql(main, other) -> bool:
    with main.cursor() as cursor:
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot,) = cursor.fetchone()
    try:
        other.ensure_connection()
        other.connection.autocommit = False  # the driver begins the transaction at the first statement
        with other.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SET TRANSACTION SNAPSHOT %s", [snapshot])
    except DatabaseError:  # no other connection to be had (the server's max_connections, say): read alone
        return False
    return True


def _share_sqlite(main, other) -> bool:
    if main.is_in_memory_db():
        return False
    with main.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        (mode,) = cursor.fetchone()
        cursor.execute("SELECT count(*) FROM sqlite_master")  # the first transaction's lock, if it had none yet
    if mode.lower() not in ROLLBACK_JOURNALS:
        return False
    with other.cursor() as cursor:
        try:
            cursor.execute("PRAGMA busy_timeout = 0")
            cursor.execute("BEGIN")
            cursor.execute("SELECT count(*) FROM sqlite_master")  # the shared lock: this snapshot from now on
        except DatabaseError:  # a writer holds the pending lock, waiting for the first transaction to end
            return False
    return True
