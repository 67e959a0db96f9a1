"""gunicorn settings for production: ``gunicorn`` (or ``gunicorn portal.wsgi``) from the project folder.

Everything can be set from the environment (docs/deploy.md); command-line options still win.

Worker class: **gthread**, by default one request at a time per process. Downloads (``/figures.csv``
and the like) are streamed, and a sync worker cannot report to the master while it serves, so a
download longer than ``timeout`` would be killed; gthread's main thread keeps reporting.

No keep-alive, one connection per worker by default: each response closes its connection, so every
request waits in the one queue of the listening socket and goes to the next free worker. With
keep-alive a connection stays with the worker that accepted it, and a worker holding more of a
balancer's connections than the others served them more slowly; with several threads the requests
of one process also queued for the GIL. Under load both made a page's p99 two to three times its
mean latency (docs/performance.md, "One queue for every request"). ``GUNICORN_THREADS`` and
``GUNICORN_KEEPALIVE`` bring threads and keep-alive back for clients that read slowly.

Every thread holds its own PostgreSQL connection for ``DATABASE_CONN_MAX_AGE`` seconds: count
``workers × threads`` connections per server against the server's ``max_connections``.
"""

import gc
import multiprocessing
import os
from pathlib import Path


def _number(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit():
        raise ValueError(f"{name}={raw!r} is not a whole number")
    return int(raw)


wsgi_app = "portal.wsgi:application"
chdir = str(Path(__file__).resolve().parent)

# Where to listen: BIND (e.g. "127.0.0.1:8000", "unix:/run/portal.sock"), else every interface on PORT.
bind = [os.environ.get("BIND") or f"0.0.0.0:{_number('PORT', 8000)}"]

workers = _number("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1)
worker_class = "gthread"
threads = _number("GUNICORN_THREADS", 1)
keepalive = _number("GUNICORN_KEEPALIVE", 0)
# Without keep-alive a worker takes only the connections it can serve at once, and the others wait in
# the listening socket's queue for the next free worker. With keep-alive, at most twice its threads: a
# gthread worker accepts every connection it can and keeps it, and 16 clients were at times held mostly
# by one worker, which has one core (the GIL), while the others idled (docs/performance.md,
# "Connections spread over the workers").
worker_connections = _number("GUNICORN_WORKER_CONNECTIONS", 2 * threads if keepalive else threads)

# Load Django once in the master, before forking: the workers share its memory pages (copy-on-write),
# and a broken deployment fails at start rather than in every worker. Nothing touches the database
# while the app loads, so no connection is shared across the fork. New code needs a restart, not HUP.
preload_app = True


def when_ready(server):
    """Move every object the preloaded app made into the collector's permanent generation before the
    workers fork (the advice of Python's ``gc.freeze`` documentation): a worker's full collections then
    skip them and never write to their memory pages, which stay shared with the master instead of being
    copied into each worker (Pss 59 → 54 MB a worker after a minute of list pages; docs/performance.md)."""
    gc.freeze()


# A worker that stops reporting for `timeout` seconds is killed and replaced (with gthread the main
# loop reports, so long downloads are not cut). On restart or shutdown, requests in flight get
# `graceful_timeout` seconds to finish. Keep-alive, when turned on, must outlast the load balancer's
# idle timeout, or the balancer may reuse a connection the app is closing: set GUNICORN_KEEPALIVE above it.
timeout = _number("GUNICORN_TIMEOUT", 30)
graceful_timeout = _number("GUNICORN_GRACEFUL_TIMEOUT", 30)

# Recycle each worker after about this many requests, staggered so they do not all restart at once:
# a slow leak anywhere cannot grow without bound. Rarely: a new worker starts with empty caches and
# compiles its templates again, and at a few thousand requests a second 1,000 recycled each worker
# every few seconds (docs/performance.md). 0 turns it off.
max_requests = _number("GUNICORN_MAX_REQUESTS", 50_000)
max_requests_jitter = _number("GUNICORN_MAX_REQUESTS_JITTER", 5_000)

# The heartbeat file on a memory file system: on a container's overlay disk it can stall workers.
if Path("/dev/shm").is_dir():
    worker_tmp_dir = "/dev/shm"

# One access line per request on stdout, errors on stderr: the platform's log collector keeps them.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms "%(f)s" "%(a)s" fwd="%({x-forwarded-for}i)s"'

proc_name = "portal"
# No runtime control socket: nothing uses it, and several servers on one machine would share its path.
control_socket_disable = True
