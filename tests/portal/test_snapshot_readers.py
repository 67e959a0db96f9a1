"""Another connection reads exactly what a transaction reads (``portal.snapshot_readers``), or none is given."""

import sqlite3
from contextlib import contextmanager

import pytest
from django.db import connections, transaction

from api import row_plans, stream_writers
from conferences.models import Dataset
from portal.routers import REPLICA
from portal.snapshot_readers import another_reader

NEW_VERSION = "e" * 64


def version_read_by(connection) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT version FROM conferences_dataset")
        return cursor.fetchone()[0]


def test_the_other_reader_keeps_the_transactions_snapshot_while_a_load_commits(replica, other):
    if other.vendor != "postgresql":
        pytest.skip("SQLite: test_on_sqlite_a_load_waits_for_both_readers, on a database file")
    with transaction.atomic(using=REPLICA):
        assert version_read_by(replica) == other.original  # the transaction's snapshot begins
        with another_reader(REPLICA) as reader:
            assert reader is not None and reader.connection is not replica.connection
            assert other.set_version(NEW_VERSION) == "committed"
            assert version_read_by(reader) == version_read_by(replica) == other.original
        assert reader.connection is None  # closed on leaving
    assert other.version() == NEW_VERSION  # the new version was there to be seen


def test_a_connection_of_its_own_would_have_seen_the_load(replica, other):
    """The control for the test above: without the shared snapshot, the same reads see the new version."""
    if other.vendor != "postgresql":
        pytest.skip("SQLite makes the load wait for the transaction, shared snapshot or not")
    with transaction.atomic(using=REPLICA):
        version_read_by(replica)
        own = connections.create_connection(REPLICA)
        try:
            own.ensure_connection()
            assert other.set_version(NEW_VERSION) == "committed"
            assert version_read_by(own) == NEW_VERSION
        finally:
            own.close()


def test_no_other_reader_outside_a_transaction(replica):
    with another_reader(REPLICA) as reader:
        assert reader is None


@pytest.fixture
def database_file(extra_connection, tmp_path):
    """A SQLite database in a file (the test database is in memory), with a version in it."""
    if connections["default"].vendor != "sqlite":
        pytest.skip("SQLite's journal modes and locks")
    path = tmp_path / "portal.sqlite3"
    database = extra_connection("on_file", NAME=str(path), TEST={})
    with database.cursor() as cursor:
        cursor.execute("CREATE TABLE conferences_dataset (version text)")
        cursor.execute("INSERT INTO conferences_dataset VALUES ('a')")
    database.path = path
    return database


def test_on_sqlite_a_load_waits_for_both_readers(database_file):
    writer = sqlite3.connect(database_file.path, timeout=0, isolation_level=None)
    with transaction.atomic(using="on_file"):
        assert version_read_by(database_file) == "a"
        with another_reader("on_file") as reader:
            assert reader is not None
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                writer.execute("UPDATE conferences_dataset SET version = 'b'")
            assert version_read_by(reader) == "a"
        assert reader.connection is None
    writer.execute("UPDATE conferences_dataset SET version = 'b'")  # both transactions over: it commits
    assert version_read_by(database_file) == "b"
    writer.close()


def test_on_sqlite_in_wal_mode_the_transaction_reads_alone(database_file):
    """In WAL mode a load commits beside readers, so no second connection can be sure to see the same data."""
    with database_file.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode = wal")
    with transaction.atomic(using="on_file"), another_reader("on_file") as reader:
        assert reader is None


def test_an_in_memory_sqlite_database_reads_alone(replica):
    """Its connections share one cache, locked table by table: no lock keeps a load from committing."""
    if replica.vendor != "sqlite":
        pytest.skip("SQLite in memory")
    with transaction.atomic(using=REPLICA):
        version_read_by(replica)
        with another_reader(REPLICA) as reader:
            assert reader is None


def test_the_dataset_read_in_the_snapshot_is_the_dataset(replica):
    """The readers above compare the column ``Dataset`` keeps its version in."""
    assert version_read_by(replica) == Dataset.objects.using(REPLICA).current().version


@pytest.fixture
def readers_given(monkeypatch):
    """The other readers the downloads were given (None where none could be had)."""
    given = []

    @contextmanager
    def spied(using):
        with another_reader(using) as reader:
            given.append(reader)
            yield reader

    monkeypatch.setattr(row_plans, "another_reader", spied)
    return given


@pytest.mark.parametrize("path", ["/figures.csv", "/en/figures.json", "/figures.csv?sort=region,-period"])
def test_a_download_read_by_two_connections_is_the_file_one_connection_reads(
    replica, client, monkeypatch, settings, readers_given, path
):
    monkeypatch.setattr(row_plans, "BATCH_SIZE", 7)  # a dozen batches, read in turns
    monkeypatch.setattr(stream_writers, "ROWS_PER_WRITE", 5)
    settings.PORTAL_DOWNLOADS_DIR = ""  # both streamed: the second is not answered from a kept file
    settings.PORTAL_EXPORT_READERS = 1
    alone = b"".join(client.get(path).streaming_content)
    assert readers_given == []
    settings.PORTAL_EXPORT_READERS = 2
    response = client.get(path)
    in_turns = b"".join(response.streaming_content)
    assert in_turns == alone and alone.count(b"figure") > 80
    assert len(readers_given) == 1 and not replica.in_atomic_block
    if replica.vendor == "postgresql":  # the test database is in memory on SQLite: read alone
        assert readers_given[0] is not None and readers_given[0].connection is None


def test_an_abandoned_download_closes_its_other_reader(replica, client, monkeypatch, readers_given):
    if replica.vendor != "postgresql":
        pytest.skip("the test database is in memory on SQLite: no other reader")
    monkeypatch.setattr(row_plans, "BATCH_SIZE", 7)
    monkeypatch.setattr(stream_writers, "ROWS_PER_WRITE", 1)
    response = client.get("/figures.csv")
    chunks = iter(response.streaming_content)
    next(chunks), next(chunks)  # the header, then the first row: the readers are at work
    assert readers_given[0] is not None and readers_given[0].connection is not None
    response.close()  # the client went away
    assert readers_given[0].connection is None and not replica.in_atomic_block


def test_when_no_other_connection_can_be_had_the_transaction_reads_alone(replica_that_can_go_down):
    replica = replica_that_can_go_down
    if replica.vendor != "postgresql":
        pytest.skip("a server that refuses connections")
    with transaction.atomic(using=REPLICA):
        first = version_read_by(replica)
        replica.go_down()  # the open connection stays; a new one is refused at once
        with another_reader(REPLICA) as reader:
            assert reader is None
        assert version_read_by(replica) == first  # the transaction goes on
