"""No response mixes the data from before and after a reload: each request, and each download, reads one
snapshot, even when another connection commits new data in the middle of it (as ``load_data`` does).

PostgreSQL lets the other connection commit and keeps showing the request its snapshot (REPEATABLE
READ); SQLite makes the writer wait while the request reads. Either way the request sees one version.
"""

import pytest
from django.db import connections, transaction
from django.db.backends.postgresql.psycopg_any import IsolationLevel
from django.http import HttpResponse

from api import stream_writers
from conferences.models import Dataset
from portal.middleware import DatabaseMiddleware
from portal.routers import REPLICA

pytestmark = pytest.mark.usefixtures("replica")  # reads on a connection with no test transaction around it

NEW_VERSION = "f" * 64


def reads_around_a_commit(other, outcome: list):
    def view(request):
        first = Dataset.objects.current().version
        outcome.append(other.set_version(NEW_VERSION))
        second = Dataset.objects.current().version
        return HttpResponse(f"{first} {second}")

    return view


def test_the_apps_postgresql_connections_use_repeatable_read(replica):
    if replica.vendor != "postgresql":
        pytest.skip("SQLite has no isolation levels to choose from: its transactions are serialisable")
    assert replica.settings_dict["OPTIONS"]["isolation_level"] == IsolationLevel.REPEATABLE_READ


def test_a_request_sees_one_snapshot_while_new_data_is_committed(other, rf):
    outcome = []
    response = DatabaseMiddleware(reads_around_a_commit(other, outcome))(rf.get("/figures/"))
    first, second = response.content.decode().split()
    assert first == second == other.original
    if other.vendor == "postgresql":
        assert outcome == ["committed"]  # the new version was there, and the request did not see it
    assert other.version() in (other.original, NEW_VERSION)


def test_without_the_request_transaction_the_same_reads_would_mix_versions(other, rf):
    """The control: the test above proves something only because this one sees the change."""
    outcome = []
    first, second = reads_around_a_commit(other, outcome)(rf.get("/figures/")).content.decode().split()
    assert outcome == ["committed"]
    assert (first, second) == (other.original, NEW_VERSION)


def test_the_transaction_begins_with_the_first_query_and_ends_with_the_response(rf):
    states = []

    def view(request):
        states.append(connections[REPLICA].in_atomic_block)
        Dataset.objects.current()
        states.append(connections[REPLICA].in_atomic_block)
        return HttpResponse()

    DatabaseMiddleware(view)(rf.get("/"))
    assert states == [False, True]
    assert not connections[REPLICA].in_atomic_block


def test_a_view_that_opens_its_own_transaction_first_is_left_alone(rf):
    states = []

    def view(request):
        with transaction.atomic(using=REPLICA):
            Dataset.objects.current()  # in the view's own transaction
        states.append(connections[REPLICA].in_atomic_block)
        Dataset.objects.current()  # the request's transaction begins here
        states.append(connections[REPLICA].in_atomic_block)
        return HttpResponse()

    assert DatabaseMiddleware(view)(rf.get("/")).status_code == 200
    assert states == [False, True]
    assert not connections[REPLICA].in_atomic_block


@pytest.fixture(params=["/regions.csv", "/figures.csv", "/figures.json"])  # the serializers' path and the fast one
def download(request, client, monkeypatch):
    monkeypatch.setattr(stream_writers, "ROWS_PER_WRITE", 1)
    response = client.get(request.param)
    chunks = iter(response.streaming_content)
    next(chunks)  # the header (or "["): nothing read yet
    assert not connections[REPLICA].in_atomic_block
    next(chunks)  # the first row: the download's own transaction is open
    assert connections[REPLICA].in_atomic_block
    return response, chunks


def test_a_download_reads_all_its_rows_in_one_transaction(download):
    _, chunks = download
    assert len(list(chunks)) >= 2
    assert not connections[REPLICA].in_atomic_block


def test_an_abandoned_download_ends_its_transaction(download):
    response, _ = download
    response.close()  # what the server does when the client goes away
    assert not connections[REPLICA].in_atomic_block
