"""With DATABASE_REPLICA_URL, every read goes to the replica; writes and migrations stay on default."""

import pytest
from django.db import connections, router, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conferences.models import Conference, Dataset
from portal.routers import REPLICA, ReplicaRouter, read_database

# A second connection to the test database, with no test transaction (tests/portal/conftest.py).
pytestmark = pytest.mark.usefixtures("replica")


def test_with_a_replica_reads_go_there_and_writes_and_migrations_do_not():
    assert read_database() == REPLICA
    assert router.db_for_read(Conference) == REPLICA
    assert router.db_for_write(Conference) == "default"
    assert router.allow_migrate("default", "conferences")
    assert not router.allow_migrate(REPLICA, "conferences")

    with (
        CaptureQueriesContext(connections["default"]) as on_default,
        CaptureQueriesContext(connections[REPLICA]) as on_replica,
    ):
        conference = Conference.objects.select_related("region").first()
        assert conference._state.db == REPLICA
    assert len(on_replica) == 1
    assert len(on_default) == 0

    with (
        CaptureQueriesContext(connections["default"]) as on_default,
        CaptureQueriesContext(connections[REPLICA]) as on_replica,
        transaction.atomic(),
    ):
        Dataset.objects.create(version="written-to-the-primary", loaded_at=timezone.now())
        transaction.set_rollback(True)
    assert any(query["sql"].startswith("INSERT") for query in on_default)
    assert len(on_replica) == 0


def test_an_object_read_from_the_replica_is_saved_to_default():
    class Replicated:
        class _state:
            db = REPLICA

    assert ReplicaRouter().db_for_write(Conference, instance=Replicated()) == "default"
    assert ReplicaRouter().allow_relation(Replicated(), Replicated()) is True


@pytest.mark.parametrize("path", ["/conferences/?region=north-28", "/api/figures/?region=north-28", "/healthz"])
def test_a_request_reads_only_from_the_replica(client, path):
    with (
        CaptureQueriesContext(connections["default"]) as on_default,
        CaptureQueriesContext(connections[REPLICA]) as on_replica,
    ):
        response = client.get(path)
    assert response.status_code == 200
    assert len(on_replica) > 0
    assert len(on_default) == 0
