"""A database outage gives a 503 (page, or JSON for the API and /healthz) and heals by itself.

The database pages read from is made unreachable (the "replica" alias pointing at a closed port, or
at a SQLite file that cannot be opened), then brought back: nothing shared is stopped.
"""

import pytest
from django.db import connections
from django.http import HttpResponse
from django.urls import path

from conferences.models import Conference
from portal.middleware import RETRY_AFTER_SECONDS, DatabaseMiddleware
from portal.routers import REPLICA, read_database

# Pages read from a second connection to the test database, which can be "stopped" (conftest.py).
pytestmark = pytest.mark.usefixtures("replica")

PAGE, ENGLISH_PAGE, API, HEALTH = (
    "/conferences/north-28-x-2024/",
    "/en/figures/",
    "/api/figures/?region=north-28",
    "/healthz",
)


def assert_unavailable(response) -> str:
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    for internal in ("Traceback", "Error", "psycopg", "sqlite", "127.0.0.1", "nonexistent-folder", "SELECT"):
        assert internal not in body
    return body


def test_an_outage_is_a_503_in_each_form_and_the_site_recovers_when_the_database_returns(client, unreachable_replica):
    page = client.get(PAGE)
    body = assert_unavailable(page)
    assert page["Content-Type"] == "text/html; charset=utf-8"
    assert '<html lang="vi">' in body
    assert body.index("Tạm thời không truy cập được dữ liệu") < body.index("The data is temporarily unavailable")

    english = assert_unavailable(client.get(ENGLISH_PAGE))
    assert '<html lang="en">' in english
    assert english.index("The data is temporarily unavailable") < english.index("Tạm thời không truy cập được")

    api = client.get(API)
    assert_unavailable(api)
    assert "unavailable" in api.json()["detail"]

    health = client.get(HEALTH)
    assert_unavailable(health)
    assert health.json() == {"status": "error", "database": "unavailable"}

    assert unreachable_replica.connection is None  # nothing half-open is kept for the next request

    unreachable_replica.restore()  # the database is back: no restart of the app, no manual step
    for path_ in (PAGE, ENGLISH_PAGE, API, HEALTH):
        assert client.get(path_).status_code == 200, path_
    assert client.get(HEALTH).json()["database"] == "ok"


def test_a_request_that_reads_nothing_needs_no_database(client, unreachable_replica):
    """The API schema and a 404 are served during an outage: the transaction begins with the first query."""
    assert client.get("/api/schema/?format=json").status_code == 200
    assert client.get("/no-such-page/").status_code == 404
    assert unreachable_replica.connection is None


def lose_the_connection(execute, sql, params, many, context):
    """What a query meets when the server goes away mid-request (raised as the driver raises it)."""
    connection = context["connection"]
    with connection.wrap_database_errors:
        raise connection.Database.OperationalError("server closed the connection unexpectedly")


def connection_lost_midway(request):
    count = Conference.objects.count()  # the request's transaction begins here
    with connections[read_database()].execute_wrapper(lose_the_connection):
        Conference.objects.count()
    return HttpResponse(count)


def conference_count(request):
    return HttpResponse(Conference.objects.count())


urlpatterns = [
    path("lost/", connection_lost_midway),
    path("api/lost/", connection_lost_midway),
    path("count/", conference_count),
]


@pytest.mark.urls(__name__)
def test_a_connection_lost_in_the_middle_of_a_request_is_a_503_and_the_next_request_reconnects(client, replica):
    assert "Tạm thời" in assert_unavailable(client.get("/lost/"))
    assert "unavailable" in client.get("/api/lost/").json()["detail"]
    assert not replica.in_atomic_block
    if replica.vendor == "postgresql":  # (Django never closes an in-memory SQLite database)
        assert replica.connection is None
    assert client.get("/count/").status_code == 200


def test_other_errors_are_left_to_the_500_handler(rf):
    assert DatabaseMiddleware(lambda request: HttpResponse()).process_exception(rf.get("/"), ValueError()) is None


def test_the_middleware_reads_where_pages_read():
    assert read_database() == REPLICA
