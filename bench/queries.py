"""Queries per request, counted in-process (Django's ``CaptureQueriesContext``) for ``bench/run.py``.

Usage: ``DATABASE_URL=… python bench/queries.py URL…``; prints a JSON object {url: queries}. Each URL is
requested once to warm up, then once counted; streamed responses are read to the end.
``python bench/queries.py --examples`` prints the values the benchmark's paths are filled with instead
(``bench.pages.examples``).
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.db import connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connections["default"]) as captured:
        response = client.get(url)
        if response.streaming:
            for _ in response.streaming_content:
                pass
    return sum(1 for query in captured.captured_queries if query["sql"] not in ("BEGIN", "COMMIT"))


def main(urls: list[str]) -> None:
    if urls == ["--examples"]:
        from bench.pages import examples

        print(json.dumps(examples()))
        return
    client = Client(HTTP_HOST="127.0.0.1")
    results = {}
    for url in urls:
        client.get(url)
        results[url] = count(client, url)
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1:])
