"""CPU per request, measured in process (Django's test client): the app's own cost of a page, without
wrk, gunicorn or the network, and steadier than wall time on a busy machine.

Usage: ``PORTAL_CACHE=0 DJANGO_DEBUG=0 DATABASE_URL=… python bench/cpu_per_request.py [--requests N] URL…``
(run ``manage.py collectstatic`` first: the pages read the static files' manifest). Each URL is requested
three times to warm up, then ``N`` times (20 by default); prints one line per URL: CPU and wall
milliseconds per request (``time.process_time``, which counts SQLite's work in this process but not
PostgreSQL's) and the response's size. Run two checkouts alternately to compare them on a loaded machine.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django

django.setup()

from django.test import Client  # noqa: E402

WARM_UP = 3


def measure(client: Client, url: str, requests: int) -> tuple[float, float, int]:
    """(CPU ms, wall ms) per request of ``url``, and its size in bytes."""
    for _ in range(WARM_UP):
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(requests):
        client.get(url)
    return (
        1000 * (time.process_time() - cpu) / requests,
        1000 * (time.perf_counter() - wall) / requests,
        len(response.content),
    )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("urls", nargs="+")
    arguments = parser.parse_args(argv)
    client = Client(HTTP_HOST="127.0.0.1")
    for url in arguments.urls:
        cpu, wall, size = measure(client, url, arguments.requests)
        print(f"{url}\t{cpu:.1f} ms CPU\t{wall:.1f} ms wall\t{size:,} bytes", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
