"""Request-wide rules: read-only methods, one data snapshot per request, a 503 while the database is down."""

import logging
from contextlib import ExitStack, suppress

from django.db import DatabaseError, InterfaceError, OperationalError, connections, transaction
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language

from portal.routers import read_database

SAFE_METHODS = ("GET", "HEAD")
# What an unreachable, restarting or failed-over database raises (connection refused, server closed
# the connection, the database system is shutting down, a query cancelled by recovery on a replica).
DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
HEALTH_PATH = "/healthz"

logger = logging.getLogger(__name__)


class ReadOnlyMiddleware:
    """The portal is read-only: anything but GET and HEAD is refused before it reaches a view.

    A HEAD response keeps its headers (Content-Length included) and loses its body here: a streamed
    download is then never read, and the server does not have to drop (and log) a body it must not send.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "HEAD":
            return without_body(self.get_response(request))
        if request.method in SAFE_METHODS:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            response = JsonResponse(
                {"detail": f"Method {request.method} is not allowed: the API is read-only."}, status=405
            )
            response["Allow"] = ", ".join(SAFE_METHODS)
            return response
        return HttpResponseNotAllowed(SAFE_METHODS)


def without_body(response):
    if response.streaming:
        response.streaming_content = ()  # the original iterator is still closed with the response
    else:
        response.content = b""
    return response


class DatabaseMiddleware:
    """Each request reads one snapshot of the data; a database outage is a 503 that heals by itself.

    **One snapshot.** Everything a request reads, in the view *and* while its template is rendered,
    is read in one transaction on the database pages read from (the replica when there is one). On
    PostgreSQL the app's connections use REPEATABLE READ, so every query sees the data as of the
    request's first query: a list's count and its rows never come from either side of a
    ``load_data``. ``ATOMIC_REQUESTS`` would not do: it wraps only the view, and a ``TemplateResponse``
    is rendered (its lazy querysets evaluated) after the view has returned.

    The transaction begins with the request's first query (``BeginOnFirstQuery``), so a request that
    reads nothing (the API schema, a 404, a redirect) neither connects nor waits for the database.
    Inside a transaction that is already open (the test suite's) it adds nothing, not even a query.

    **Outages.** ``OperationalError`` and ``InterfaceError`` from the database, raised by a query, on
    connecting or at commit, give a 503 with ``Retry-After``: JSON under ``/api/`` and for
    ``/healthz``, a standalone bilingual page elsewhere; never a traceback. The broken connection is
    closed, so the next request connects afresh and the site recovers as soon as the database is
    back. A connection left stale by a database restart fails Django's health check (run when a
    request first uses it, before the transaction begins) and is replaced without an error.

    It is the innermost middleware, so requests refused or redirected earlier open no transaction.
    Streamed downloads are read after this returns: they open their own (``api.exports``, ``api.row_plans``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        alias = read_database()
        try:
            with ExitStack() as request_scope:
                request_scope.enter_context(connections[alias].execute_wrapper(BeginOnFirstQuery(request_scope, alias)))
                return self.get_response(request)
        except DATABASE_DOWN as error:  # at commit, or while a broken transaction was being closed
            return database_unavailable(request, error)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN):
            return database_unavailable(request, exception)
        return None


class BeginOnFirstQuery:
    """A query wrapper that enters ``atomic`` just before the first query; the request scope exits it.

    A query made inside a transaction that is already open (a view's own ``atomic`` block, or a test
    case's) runs in that one; the request's own begins with the first query made outside any.
    """

    def __init__(self, request_scope: ExitStack, alias: str):
        self.request_scope = request_scope
        self.alias = alias
        self.begun = False

    def __call__(self, execute, sql, params, many, context):
        # SQLite's BEGIN is sent while an atomic block is being entered: it is not a read to wrap.
        if not self.begun and not context["connection"].in_atomic_block and not sql.startswith("BEGIN"):
            self.begun = True
            self.request_scope.enter_context(transaction.atomic(using=self.alias))
        return execute(sql, params, many, context)


def close_broken_connections() -> None:
    """Close every connection that failed, so that the next use reconnects.

    Inside a transaction Django only marks the connection closed; the transaction ends with it.
    """
    for connection in connections.all(initialized_only=True):
        if connection.errors_occurred:
            with suppress(DatabaseError):  # close() forgets the connection even when closing fails
                connection.close()


def database_unavailable(request, error: Exception) -> HttpResponse:
    close_broken_connections()
    reason = str(error).strip().splitlines()[0] if str(error).strip() else ""
    logger.warning("Database unavailable for %s: %s: %s", request.path, type(error).__name__, reason)
    if request.path == HEALTH_PATH:
        response = JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    elif request.path.startswith("/api/"):
        response = JsonResponse(
            {"detail": "The database is unavailable for a moment. Please try again shortly."}, status=503
        )
    else:
        response = HttpResponse(_unavailable_page(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    response._has_been_logged = True  # logged above, with the reason; Django would add a bare "Service Unavailable"
    return response


def _unavailable_page() -> str:
    try:
        return render_to_string("503.html", {"english_first": get_language() == "en"})
    except Exception:  # the outage page must not fail in turn
        return (
            "Dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít phút.\n"
            "The data is temporarily unavailable. Please try again in a few minutes.\n"
        )
