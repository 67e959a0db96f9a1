"""Short versions of the fault proofs (`python faults/run.py all` runs them in full).

They start their own throwaway PostgreSQL and gunicorn, so they run once per `make test`, in a pytest
session of their own (`-m fault`), not once per database.
"""

import pytest

from faults import scenarios
from faults.cluster import ThrowawayPostgres
from faults.server import PortalServer

pytestmark = pytest.mark.fault


@pytest.fixture(scope="module")
def cluster():
    with ThrowawayPostgres() as cluster:
        yield cluster


@pytest.fixture(scope="module")
def portal(cluster):
    database_url = cluster.createdb("portal")
    server = PortalServer(database_url)
    server.prepare()
    server.start()
    yield server, database_url
    server.stop()


def test_traffic_on_every_kind_of_page_gives_no_error(portal):
    server, _ = portal
    problems, summary = scenarios.prove_load(server.base_url, seconds=4, connections=16)
    assert not problems, summary


def test_reloading_under_traffic_never_mixes_old_and_new_data(portal):
    server, database_url = portal
    problems, summary = scenarios.prove_reload(server.base_url, database_url, seconds=12, connections=8)
    assert not problems, summary


def test_a_partial_fixture_is_refused_while_the_old_data_stays_served(portal):
    server, database_url = portal
    problems, summary = scenarios.prove_corrupt_fixture(server.base_url, database_url, seconds=8, connections=8)
    assert not problems, summary


def test_a_database_restart_gives_503s_then_full_recovery(portal, cluster):
    server, _ = portal
    problems, summary = scenarios.prove_restart(server.base_url, cluster, before=2, outage=4, after=6, connections=8)
    assert not problems, summary
