"""gunicorn settings for production: ``gunicorn`` (or ``gunicorn portal.wsgi``) from the project folder.

Everything can be set from the environment (docs/deploy.md); command-line options still win.

Worker class: **gthread**, a few threads per process. Downloads (``/figures.csv`` and the like) are
streamed: with sync workers each one would hold a whole process for as long as the client reads, and
a long one would be killed by ``timeout``, because a sync worker cannot report in while it serves.
Threads also keep idle keep-alive connections from the load balancer without a process each. Pages
are short, so more processes than threads do the work (the GIL makes threads useful for waiting on
the database and the network, not for rendering).

Every thread holds its own PostgreSQL connection for ``DATABASE_CONN_MAX_AGE`` seconds: count
``workers × threads`` connections per server against the server's ``max_connections``.
"""

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
threads = _number("GUNICORN_THREADS", 4)
# A gthread worker accepts every connection it can and keeps it for keep-alive: 16 clients at once were
# at times held mostly by one worker, which has one core (the GIL), while the others idled: a page ran
# at a quarter of its throughput for whole seconds (docs/performance.md, "Connections spread over the
# workers"). At most twice its threads per worker spreads them, and still leaves a load balancer's idle
# keep-alive connections room (workers × this many per server).
worker_connections = _number("GUNICORN_WORKER_CONNECTIONS", 2 * threads)

# Load Django once in the master, before forking: the workers share its memory pages (copy-on-write),
# and a broken deployment fails at start rather than in every worker. Nothing touches the database
# while the app loads, so no connection is shared across the fork. New code needs a restart, not HUP.
preload_app = True

# A worker that stops reporting for `timeout` seconds is killed and replaced (with gthread the main
# loop reports, so long downloads are not cut). On restart or shutdown, requests in flight get
# `graceful_timeout` seconds to finish. Keep-alive must outlast the load balancer's idle timeout, or
# the balancer may reuse a connection the app is closing: set GUNICORN_KEEPALIVE above it.
timeout = _number("GUNICORN_TIMEOUT", 30)
graceful_timeout = _number("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _number("GUNICORN_KEEPALIVE", 5)

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
