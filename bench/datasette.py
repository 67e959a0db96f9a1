"""Datasette over the benchmark's SQLite file, for the pages it has that the portal has too (``--datasette``).

Datasette is a tool of the benchmark only: it is installed on first use, from PyPI, into its own
virtual environment ``.datasette-venv`` at the top of the checkout (ignored by git; outside the
project's packages, whose modules the tests read), at the version ``bench/requirements-datasette.txt``
pins; the project's code never imports it. It serves the file read-only (``--immutable``), with
``--datasette-time-limit-ms`` per query (its ``sql_time_limit_ms``), on a free 127.0.0.1 port, and is
stopped by its own process id.
"""

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.measure import RssSampler, cpu_seconds, measure_page, warm_up
from bench.processes import ROOT, free_port, log, terminate

VENV = ROOT / ".datasette-venv"
REQUIREMENTS = ROOT / "bench" / "requirements-datasette.txt"


def datasette_command() -> str:
    """The ``datasette`` executable of its own virtual environment, installed there first if needed."""
    executable = VENV / "bin" / "datasette"
    wanted = REQUIREMENTS.read_text().split()[0]  # datasette==X.Y.Z
    stamp = VENV / "installed.txt"
    if not executable.exists() or not stamp.exists() or stamp.read_text() != wanted:
        log(f"installing {wanted} into {VENV.relative_to(ROOT)}")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        pip = [str(VENV / "bin" / "python"), "-m", "pip", "install", "-q", "-r", str(REQUIREMENTS)]
        subprocess.run(pip, check=True)
        stamp.write_text(wanted)
    return str(executable)


class Datasette:
    """``datasette serve`` of one SQLite file, read-only."""

    def __init__(self, sqlite_file: Path, time_limit_ms: int):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        command = [datasette_command(), "serve", "--immutable", str(sqlite_file), "-h", "127.0.0.1"]
        command += ["-p", str(self.port), "--setting", "sql_time_limit_ms", str(time_limit_ms)]
        command += ["--setting", "max_csv_mb", "0"]  # the whole table as CSV, as the portal's download
        self.log = open(Path(tempfile.gettempdir()) / "bench-datasette.log", "w")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(command, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 300  # it counts the rows of an immutable file as it starts
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"datasette exited ({self.process.returncode}); see {self.log.name}")
            try:
                with urllib.request.urlopen(self.base + "/-/versions.json", timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise SystemExit("datasette did not answer within 300 s")

    def workers(self) -> list[int]:
        return [self.process.pid]  # one process (its queries run in its threads)

    def stop(self) -> None:
        terminate(self.process)
        self.log.close()


def measure_stream(server: Datasette, path: str) -> dict:
    """The table as one CSV stream, as the portal's ``/figures.csv`` is measured (rows counted here)."""
    cpu_before, started, load_before = cpu_seconds(server.workers()), time.monotonic(), os.getloadavg()[0]
    rows = size = 0
    first_byte = None
    with RssSampler(server) as sampler, urllib.request.urlopen(server.base + path, timeout=3600) as response:
        status = response.status
        while piece := response.read(1 << 16):
            first_byte = first_byte or time.monotonic() - started
            rows += piece.count(b"\n")
            size += len(piece)
    seconds = time.monotonic() - started
    return {
        "status": status,
        "rows": max(rows - 1, 0),  # the header; a quoted cell's line breaks count too (none in this table)
        "megabytes": size / 1e6,
        "seconds": seconds,
        "first_byte_s": first_byte or seconds,
        "rows_per_s": max(rows - 1, 0) / seconds,
        "worker_rss_mb": sampler.peak,
        "worker_rss_growth_mb": sampler.growth,
        "worker_cpu_s": cpu_seconds(server.workers()) - cpu_before,
        "postgres_cpu_s": 0.0,
        "load": [load_before, os.getloadavg()[0]],
    }


def run_datasette(args, pages: list, export: str) -> dict:
    """Each page under wrk as the portal's are measured, then the table streamed as CSV once."""
    log(f"starting datasette on {args.sqlite_file}")
    server = Datasette(Path(args.sqlite_file), args.datasette_time_limit_ms)
    results = {"pages": {}, "workers": 1}
    try:
        for name, path in pages:
            results["pages"][name] = measure_page(server, args, name, path, warm_up(server.base + path), None)
        if not args.skip_export:
            log("  streaming the table as CSV once")
            results["export"] = measure_stream(server, export)
            log(f"  CSV: {results['export']['rows_per_s']:,.0f} rows/s, {results['export']['worker_rss_mb']:.0f} MB")
    finally:
        server.stop()
    return results
