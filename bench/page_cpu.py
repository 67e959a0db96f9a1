"""CPU per request of some pages, in process: the worker's and, on PostgreSQL, the database backend's.

Usage: ``DATABASE_URL=… PORTAL_CACHE=0 DJANGO_DEBUG=0 python bench/page_cpu.py [--requests N] [--rounds R]
PATH…`` (run ``manage.py collectstatic`` first: the pages need the static manifest without debug).
Each page is requested once and warmed up three times, then ``--rounds`` rounds of ``--requests``
requests are timed; it prints the page's size, the lowest round's worker CPU (``time.process_time``:
on SQLite the database's work is in it) and the median round's backend CPU, read from ``/proc/<pid>/stat`` of the
connection's backend (the database must run on this machine; its clock ticks are 10 ms, so take enough
requests). Wall time is not printed: on a shared machine it measures the other work.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def backend_seconds(pid: int | None) -> float:
    """CPU seconds (user + system) the database backend ``pid`` has used; 0 without one (SQLite)."""
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS_PER_SECOND


def backend_pid() -> int | None:
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def measure(client: Client, path: str, *, requests: int, rounds: int) -> tuple[float, float, int]:
    """(worker ms, backend ms) per request of ``path`` (the lowest round's worker CPU, the median
    backend's), and the page's size in bytes."""
    response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path}: {response.status_code}")
    for _ in range(3):
        client.get(path)
    pid = backend_pid()  # connections persist between requests (DATABASE_CONN_MAX_AGE)
    worker, backend = [], []
    for _ in range(rounds):
        started, backend_started = time.process_time(), backend_seconds(pid)
        for _ in range(requests):
            client.get(path)
        worker.append(1000 * (time.process_time() - started) / requests)
        backend.append(1000 * (backend_seconds(pid) - backend_started) / requests)
    return min(worker), statistics.median(backend), len(response.content)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("paths", nargs="+")
    arguments = parser.parse_args(argv)
    client = Client(HTTP_HOST="127.0.0.1")
    for path in arguments.paths:
        worker, backend, size = measure(client, path, requests=arguments.requests, rounds=arguments.rounds)
        print(
            f"{path}: worker {worker:.1f} ms, database {backend:.1f} ms, total {worker + backend:.1f} ms, "
            f"{size:,} bytes",
            flush=True,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
