"""Does a page's size or query count grow with the data? Every page type at two sizes, on PostgreSQL.

    .venv/bin/python bench/scale.py                                   # 10,000 and 1,000,000 figures
    .venv/bin/python bench/scale.py --small-db bench_10k --large-db bench_portal --reuse-db

Each size has its own database on the local server (``--server``): with ``--reuse-db`` a database that
already holds the same synthetic data (``generate_synthetic`` with the same ``--figures`` and
``--seed``, as ``bench/run.py --reuse-db`` checks it) is kept, otherwise it is recreated, migrated
and filled (about two minutes for a million). Then, in a side process per database with the cache
off, every page type is requested (``bench/page_scale.py``: the heaviest example of each) and the
table prints, per page, the queries and the bytes of the larger language at each size, and whether
the page keeps to the rule: the same queries at both sizes, no more than ``--growth`` more bytes, and
at most 150 KB. ``--json FILE`` writes the numbers too. The exit status is 1 when a page breaks it.
"""

import argparse
import json
import os
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.processes import PYTHON, log, prepare_database  # noqa: E402

MAX_PAGE_BYTES = 150_000  # as bench.page_scale (not imported: that needs Django set up)

SIDE_PROCESS = """
import dataclasses, json, os, sys
sys.path.insert(0, os.getcwd())
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings"
import django
django.setup()
from django.conf import settings
from django.test.utils import override_settings
from bench.page_scale import measure_all
skip = set(json.loads(sys.argv[1]))
plain = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
with override_settings(STORAGES=plain, PORTAL_DATA_VERSION_RECHECK_MS=0):
    from bench.page_scale import sample_pages
    pages = [(name, path) for name, path in sample_pages() if name not in skip]
    print(json.dumps([dataclasses.asdict(page) for page in measure_all(pages)]))
"""


def measure(database: str, server: str, skip: list[str]) -> dict:
    base = server.rsplit("/", 1)[0]
    env = {**os.environ, "DATABASE_URL": f"{base}/{database}", "DJANGO_DEBUG": "0", "PORTAL_CACHE": "0"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    out = subprocess.run(
        [PYTHON, "-c", SIDE_PROCESS, json.dumps(skip)], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return {page["name"]: page for page in json.loads(out.stdout.strip().splitlines()[-1])}


def table(small_pages: dict, large_pages: dict, sizes: tuple[int, int], growth: float) -> tuple[list[str], bool]:
    """The printed table, and whether every page keeps to the rule."""
    small, large = f"{sizes[0]:,}", f"{sizes[1]:,}"
    head = f"| page | queries {small} | queries {large} | KB {small} | KB {large} | ms {large} | |"
    lines = [head, "| --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    every_page_keeps = True
    for name, before in small_pages.items():
        after = large_pages[name]
        sizes_kb = [max(page["bytes_vi"], page["bytes_en"] or 0) / 1000 for page in (before, after)]
        keeps = (
            before["queries"] == after["queries"]
            and sizes_kb[1] <= MAX_PAGE_BYTES / 1000
            and sizes_kb[1] <= sizes_kb[0] * (1 + growth)
        )
        every_page_keeps &= keeps
        lines.append(
            f"| {name} | {before['queries']} | {after['queries']} | {sizes_kb[0]:.1f} | {sizes_kb[1]:.1f} "
            f"| {after['milliseconds']:.0f} | {'ok' if keeps else 'GROWS'} |"
        )
    return lines, every_page_keeps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=10_000, help="figures in the small database")
    parser.add_argument("--large", type=int, default=1_000_000, help="figures in the large database")
    parser.add_argument("--small-db", default="bench_scale_small")
    parser.add_argument("--large-db", default="bench_portal", help="bench/run.py's database by default")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--reuse-db", action="store_true", help="keep a database that holds the same data")
    parser.add_argument("--growth", type=float, default=0.10, help="bytes a page may grow by, as a fraction")
    parser.add_argument("--skip", action="append", default=[], help="a page type not to measure (e.g. quality)")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()
    results = {}
    for figures, database in ((args.small, args.small_db), (args.large, args.large_db)):
        base = args.server.rsplit("/", 1)[0]
        env = {**os.environ, "DATABASE_URL": f"{base}/{database}", "DJANGO_DEBUG": "0"}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        options = Namespace(figures=figures, seed=args.seed, reuse_db=args.reuse_db, database=database)
        prepare_database(Namespace(**vars(options), server=args.server, pg_set=[]), env)
        log(f"measuring every page type on {database} ({figures:,} figures)")
        results[figures] = measure(database, args.server, args.skip)
    lines, every_page_keeps = table(results[args.small], results[args.large], (args.small, args.large), args.growth)
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps({str(size): pages for size, pages in results.items()}, indent=1))
    sys.exit(0 if every_page_keeps else 1)


if __name__ == "__main__":
    main()
