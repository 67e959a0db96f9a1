"""The portal's benchmark: one command, a throwaway PostgreSQL database, gunicorn, wrk, one table.

    .venv/bin/python bench/run.py --figures 1000000            # about 12-15 minutes on 2 cores
    .venv/bin/python bench/run.py --figures 100000 --cache off  # quicker
    .venv/bin/python bench/run.py --reuse-db ...                # keep the database of the last run

Steps: drop and recreate the database ``bench_portal`` on the local server (``--server``), migrate,
``load_data`` (the real reference data), ``generate_synthetic --figures N``; then, for each cache mode
(``PORTAL_CACHE=0``/``1``), start gunicorn with the project's ``gunicorn.conf.py`` on a free 127.0.0.1
port (settings ``bench.settings``: the portal plus the ceiling view ``/bench/ceiling/``), and measure
each page with ``wrk`` (``--connections`` connections, ``--duration`` seconds, after a warm-up),
sampling the workers' memory; stream the full ``/figures.csv`` once with curl for rows/s and the
serving worker's memory; count each page's queries in a side process (``bench/queries.py``). Prints a
table and writes ``bench/results/<time>.json``. Only 127.0.0.1 is ever contacted; every process
started here is stopped by its own id.

The pieces: ``bench/processes.py`` (the database and gunicorn), ``bench/measure.py`` (wrk, memory,
CPU time, queries), ``bench/report.py`` (the JSON file and the table).
"""

import argparse
import os
import shutil
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.measure import CEILING, PAGES, run_mode
from bench.processes import prepare_database
from bench.report import RESULTS, print_report, save


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--figures", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432/postgres", help="where to create it")
    parser.add_argument("--database", default="bench_portal")
    parser.add_argument("--reuse-db", action="store_true", help="keep the database if it holds the same data")
    parser.add_argument(
        "--pg-set", action="append", default=[], help="ALTER DATABASE … SET, e.g. jit=off or work_mem='32MB'"
    )
    parser.add_argument("--cache", choices=["on", "off", "both"], default="both")
    parser.add_argument("--duration", type=int, default=15, help="seconds of wrk per page")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of wrk before each measured run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=0, help="WEB_CONCURRENCY (default: gunicorn.conf.py's)")
    parser.add_argument(
        "--max-requests", type=int, default=None, help="GUNICORN_MAX_REQUESTS (default: gunicorn.conf.py's; 0: never)"
    )
    parser.add_argument(
        "--pages", default="", help='page names to run, separated by ";" (names hold commas; default: all)'
    )
    parser.add_argument("--skip-export", action="store_true")
    args = parser.parse_args()
    for tool in ("wrk", "curl", "psql"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed (apt-get install -y {tool if tool != 'psql' else 'postgresql-client'})")
    RESULTS.mkdir(exist_ok=True)
    started = time.monotonic()
    base = args.server.rsplit("/", 1)[0]
    env = {**os.environ, "DATABASE_URL": f"{base}/{args.database}", "DJANGO_DEBUG": "0"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    prepare_database(args, env)
    chosen = {name.strip() for name in args.pages.split(";") if name.strip()}
    middle = max(1, args.figures // 50)
    pages = [
        (name, path.format(middle=middle)) for name, path in PAGES if not chosen or name in chosen or name == CEILING[0]
    ]
    report = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "figures": args.figures,
        "machine": {"cpus": os.cpu_count(), "load_before": os.getloadavg()},
        "settings": {key: value for key, value in vars(args).items()},
        "modes": {},
    }
    modes = ["off", "on"] if args.cache == "both" else [args.cache]
    for mode in modes:
        report["modes"][mode] = run_mode(args, env, mode, pages)
    report["seconds"] = time.monotonic() - started
    report["machine"]["load_after"] = os.getloadavg()
    print_report(report, save(report))


if __name__ == "__main__":
    sys.exit(main())
