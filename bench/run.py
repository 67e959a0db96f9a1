"""The portal's benchmark: one command, throwaway databases, gunicorn, wrk, one table per engine and cache mode.

    .venv/bin/python bench/run.py --figures 1000000 --datasette   # PostgreSQL and SQLite, cache off and on
    .venv/bin/python bench/run.py --figures 100000 --cache off --database-engine sqlite   # quicker
    .venv/bin/python bench/run.py --reuse-db ...                  # keep the databases of the last run

Steps, for each engine (``--database-engine``): on PostgreSQL, drop and recreate the database
``bench_portal`` on the local server (``--server``); on SQLite, recreate the file ``--sqlite-file``;
migrate, ``load_data`` (the real reference data), ``generate_synthetic --figures N`` (the same seed and
N give the same data on both). Then, for each cache mode (``PORTAL_CACHE=0``/``1``), start gunicorn
with the project's ``gunicorn.conf.py`` on a free 127.0.0.1 port (settings ``bench.settings``: the
portal plus the ceiling view ``/bench/ceiling/``), and measure each page of ``bench/pages.py`` with
``wrk`` (``--connections`` connections, ``--duration`` seconds, after a warm-up), sampling the workers'
memory and CPU and the load average; download the full ``/figures.csv`` twice with curl (streamed, then
from the file the first download kept) for rows/s and the serving worker's memory; count each page's
queries in a side process (``bench/queries.py``). With
``--datasette``, Datasette serves the same SQLite file and its comparable pages are measured the same
way (``bench/datasette.py``). Prints a table per engine and mode, and writes
``bench/results/<time>-<N>.json``. Only 127.0.0.1 is ever contacted; every process started here is
stopped by its own id.

The pieces: ``bench/pages.py`` (what is measured), ``bench/processes.py`` (the databases and gunicorn),
``bench/measure.py`` (wrk, memory, CPU time, queries), ``bench/datasette.py``, ``bench/report.py``
(the JSON file and the tables).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.datasette import run_datasette
from bench.measure import run_mode
from bench.pages import DATASETTE_EXPORT, DATASETTE_PAGES, PAGES, filled
from bench.processes import PYTHON, ROOT, log, portal_env, prepare_postgresql, prepare_sqlite
from bench.report import RESULTS, print_report, save

ENGINES = {"postgresql": prepare_postgresql, "sqlite": prepare_sqlite}


def examples(env: dict) -> dict:
    """The values the pages' paths are filled with, read from this engine's database."""
    command = [PYTHON, "bench/queries.py", "--examples"]
    out = subprocess.run(command, cwd=ROOT, env=portal_env(env, "off"), capture_output=True, text=True, check=True)
    return json.loads(out.stdout.splitlines()[-1])


def engine_env(args, engine: str) -> dict:
    if engine == "postgresql":
        database_url = f"{args.server.rsplit('/', 1)[0]}/{args.database}"
    else:
        database_url = f"sqlite:///{args.sqlite_file}"
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "0"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def database_name(args) -> str:
    """Datasette's name for the SQLite file: its name without the suffix."""
    return Path(args.sqlite_file).name.split(".")[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--figures", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432/postgres", help="where to create it")
    parser.add_argument("--database", default="bench_portal")
    parser.add_argument("--reuse-db", action="store_true", help="keep the databases that hold the same data")
    parser.add_argument("--database-engine", choices=["postgresql", "sqlite", "both"], default="both")
    parser.add_argument("--sqlite-file", default="/tmp/bench_portal.sqlite3", help="the SQLite database (made here)")
    parser.add_argument("--datasette", action="store_true", help="also Datasette over the SQLite file")
    parser.add_argument("--datasette-time-limit-ms", type=int, default=10_000, help="its sql_time_limit_ms")
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
    tools = ["wrk", "curl"] + (["psql"] if args.database_engine != "sqlite" else [])
    for tool in tools:
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed (apt-get install -y {tool if tool != 'psql' else 'postgresql-client'})")
    args.sqlite_file = str(Path(args.sqlite_file).resolve())
    engines = list(ENGINES) if args.database_engine == "both" else [args.database_engine]
    if args.datasette and "sqlite" not in engines:
        engines.append("sqlite")  # Datasette serves the SQLite file: it is made (or checked) first
    RESULTS.mkdir(exist_ok=True)
    started = time.monotonic()
    chosen = {name.strip() for name in args.pages.split(";") if name.strip()}
    report = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "figures": args.figures,
        "machine": {"cpus": os.cpu_count(), "load_before": os.getloadavg()},
        "settings": {key: value for key, value in vars(args).items()},
        # gunicorn.conf.py's choices set from the environment for this run (threads, keep-alive…).
        "server_environment": {
            name: value
            for name, value in sorted(os.environ.items())
            if name.startswith("GUNICORN_") or name == "WEB_CONCURRENCY"
        },
        "engines": {},
    }
    for engine in engines:
        env = engine_env(args, engine)
        ENGINES[engine](args, env)
        if args.database_engine not in (engine, "both"):
            continue  # made for Datasette only
        values = examples(env)
        pages = filled(PAGES, values, chosen)
        modes = ["off", "on"] if args.cache == "both" else [args.cache]
        log(f"{engine}: {len(pages)} pages, cache {', '.join(modes)}")
        report["engines"][engine] = {"modes": {mode: run_mode(args, env, mode, pages) for mode in modes}}
    if args.datasette:
        values = {**examples(engine_env(args, "sqlite")), "db": database_name(args)}
        pages = filled(DATASETTE_PAGES, values, chosen)
        report["datasette"] = run_datasette(args, pages, DATASETTE_EXPORT.format(**values))
    report["seconds"] = time.monotonic() - started
    report["machine"]["load_after"] = os.getloadavg()
    print_report(report, save(report))


if __name__ == "__main__":
    sys.exit(main())
