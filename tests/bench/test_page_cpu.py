"""``bench/page_cpu.py`` times a page's requests: the worker's CPU, and the database backend's on PostgreSQL;
it gives the page's size, and refuses a page that fails."""

import pytest
from django.db import connection

from bench.page_cpu import backend_pid, backend_seconds, measure

pytestmark = pytest.mark.django_db


def test_a_page_costs_some_worker_cpu_and_the_backend_is_read_on_postgresql(client):
    worker, backend, size = measure(client, "/en/people/", requests=2, rounds=2)
    assert worker > 0 and backend >= 0
    assert size == len(client.get("/en/people/").content)
    pid = backend_pid()
    assert (pid is None) == (connection.vendor != "postgresql")
    assert backend_seconds(pid) >= 0


def test_a_page_that_does_not_answer_200_stops_the_measurement(client):
    with pytest.raises(SystemExit, match="404"):
        measure(client, "/en/people/nobody-here/", requests=1, rounds=1)
