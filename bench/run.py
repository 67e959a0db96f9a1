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
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
RESULTS = ROOT / "bench" / "results"

CEILING = ("ceiling (trivial view)", "/bench/ceiling/")
PAGES = [
    CEILING,
    ("home", "/"),
    ("conferences, filtered", "/conferences/?region=north-28&year=2010-2020"),
    ("a conference", "/conferences/north-28-xxx-2020/"),
    ("figures, filtered, facets", "/figures/?region=north-28&indicator=export_turnover&year=2020-2024"),
    ("figures, all, facets", "/figures/"),
    ("figures, middle page", "/figures/?page={middle}"),  # page 20,000 of 40,000 at a million figures
    ("figures, by value", "/figures/?indicator=retail_sales&sort=-value"),
    ("search, a person", "/search/?q=Nguy%E1%BB%85n+V%C4%83n+An"),
    ("search, a province", "/search/?q=Thanh+H%C3%B3a"),
]
EXPORT = "/figures.csv"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def psql(server: str, sql: str) -> None:
    subprocess.run(["psql", server, "-v", "ON_ERROR_STOP=1", "-qc", sql], check=True, stdout=subprocess.DEVNULL)


def database_version(env: dict) -> str:
    code = "from conferences.models import Dataset; d = Dataset.objects.current(); print(d.version if d else '')"
    out = subprocess.run([PYTHON, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    lines = out.stdout.strip().splitlines()  # the shell may print its automatic imports first
    return lines[-1] if lines else ""


def prepare_database(args, env: dict) -> None:
    wanted = f"synthetic-s{args.seed}-n{args.figures}-"
    if args.reuse_db:
        try:
            if database_version(env).startswith(wanted):
                log(f"reusing {args.database} ({args.figures:,} figures)")
                apply_settings(args)
                return
        except subprocess.CalledProcessError:
            pass
    log(f"recreating {args.database} on {args.server}")
    psql(args.server, f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')
    psql(args.server, f'CREATE DATABASE "{args.database}"')
    apply_settings(args)
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "load_data", "-v0")
    started = time.monotonic()
    manage(env, "generate_synthetic", "--figures", str(args.figures), "--seed", str(args.seed), "--replace")
    log(f"generated {args.figures:,} figures in {time.monotonic() - started:.0f}s")
    if not (ROOT / "staticfiles-manifest" / "staticfiles.json").exists():
        manage(env, "collectstatic", "--no-input", "-v0")


def apply_settings(args) -> None:
    """``--pg-set`` for the database's new sessions (quote units: ``work_mem='32MB'``)."""
    for setting in args.pg_set:
        psql(args.server, f'ALTER DATABASE "{args.database}" SET {setting}')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with the project's gunicorn.conf.py (or explicit options), stopped by its own pid."""

    def __init__(self, args, env: dict, cache: str):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **env,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "PORTAL_BENCH_CEILING": "1",
            "PORTAL_CACHE": "1" if cache == "on" else "0",
            "BIND": f"127.0.0.1:{self.port}",
        }
        if args.workers:
            self.env["WEB_CONCURRENCY"] = str(args.workers)
        if args.max_requests is not None:
            self.env["GUNICORN_MAX_REQUESTS"] = str(args.max_requests)
        config = ROOT / "gunicorn.conf.py"
        if config.exists():
            command = [GUNICORN, "-c", str(config)]
        else:  # before gunicorn.conf.py existed: the same choices on the command line
            command = [GUNICORN, "portal.wsgi:application", "--bind", self.env["BIND"], "--worker-class", "gthread"]
            command += ["--workers", str(args.workers or 5), "--threads", "4", "--preload"]
        log_path = Path(tempfile.gettempdir()) / f"bench-gunicorn-{cache}.log"
        self.log = open(log_path, "w")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        self._wait()

    def _wait(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited ({self.process.returncode}); see {self.log.name}")
            try:
                with urllib.request.urlopen(self.base + CEILING[1], timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise SystemExit("gunicorn did not answer within 60 s")

    def workers(self) -> list[int]:
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(self.process.pid)], capture_output=True, text=True)
        return [int(pid) for pid in out.stdout.split()]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time of these processes and their threads, from /proc (clock ticks)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            pass
    return total / ticks


def postgres_cpu_seconds() -> float:
    """CPU time of every PostgreSQL process on this machine (the server is shared: an upper bound)."""
    out = subprocess.run(["ps", "-C", "postgres", "-o", "pid="], capture_output=True, text=True)
    return cpu_seconds([int(pid) for pid in out.stdout.split()])


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class RssSampler:
    """The largest resident size of any worker, sampled every 50 ms while it runs."""

    def __init__(self, server: Server):
        self.server, self.peak, self.peak_pid = server, 0.0, None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid in self.server.workers():
                size = rss_mb(pid)
                if size > self.peak:
                    self.peak, self.peak_pid = size, pid
            self._stop.wait(0.05)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def run_wrk(url: str, args, duration: int | None = None) -> dict:
    duration = duration or args.duration
    command = ["wrk", f"-t{args.wrk_threads}", f"-c{args.connections}", f"-d{duration}s", "--timeout", "30s"]
    out = subprocess.run([*command, "--latency", url], capture_output=True, text=True, check=True).stdout
    result = {"requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}
    for percentile in ("50", "90", "99"):
        match = re.search(rf"^\s+{percentile}%\s+(\S+)", out, re.MULTILINE)
        result[f"p{percentile}_ms"] = milliseconds(match.group(1)) if match else None
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    result["errors"] = int(errors.group(1)) if errors else 0
    timeouts = re.search(r"Socket errors:.*timeout (\d+)", out)
    result["timeouts"] = int(timeouts.group(1)) if timeouts else 0
    return result


def warm_up(url: str, seconds: float = 1.0) -> int:
    status, deadline = 0, time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            return error.code
    return status


def measure_export(server: Server, figures: int) -> dict:
    timing = "%{http_code} %{size_download} %{time_starttransfer} %{time_total}"
    workers = server.workers()
    cpu_before, pg_before = cpu_seconds(workers), postgres_cpu_seconds()
    with RssSampler(server) as sampler:
        command = ["curl", "-sS", "-o", "/dev/null", "-w", timing, server.base + EXPORT]
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()
    status, size, first_byte, total = int(out[0]), int(out[1]), float(out[2]), float(out[3])
    return {
        "status": status,
        "rows": figures,
        "megabytes": size / 1e6,
        "seconds": total,
        "first_byte_s": first_byte,
        "rows_per_s": figures / total,
        "worker_rss_mb": sampler.peak,
        "worker_cpu_s": cpu_seconds(workers) - cpu_before,
        "postgres_cpu_s": postgres_cpu_seconds() - pg_before,
    }


def count_queries(env: dict, urls: list[str], cache: str) -> dict:
    """Queries of a repeated request in this cache mode: with the cache on, a cached page's one query."""
    env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PORTAL_BENCH_CEILING": "1",
        "PORTAL_CACHE": "1" if cache == "on" else "0",
    }
    out = subprocess.run([PYTHON, "bench/queries.py", *urls], cwd=ROOT, env=env, capture_output=True, text=True)
    if out.returncode:
        log(f"query count failed: {out.stderr[-500:]}")
        return {}
    return json.loads(out.stdout.splitlines()[-1])


def run_mode(args, env: dict, cache: str, pages: list) -> dict:
    queries = count_queries(env, [path for _, path in pages], cache)
    log(f"starting gunicorn (PORTAL_CACHE={'1' if cache == 'on' else '0'})")
    server = Server(args, env, cache)
    results = {"pages": {}, "workers": len(server.workers())}
    try:
        for name, path in pages:
            url = server.base + path
            status = warm_up(url)
            # Every worker and thread renders the page once first (templates, translations, connections).
            run_wrk(url, args, duration=args.warmup)
            workers = server.workers()
            cpu_before, pg_before = cpu_seconds(workers), postgres_cpu_seconds()
            with RssSampler(server) as sampler:
                measured = run_wrk(url, args)
            requests = max(measured["requests_per_s"] * args.duration, 1)
            measured["worker_cpu_ms"] = (cpu_seconds(workers) - cpu_before) * 1000 / requests
            measured["postgres_cpu_ms"] = (postgres_cpu_seconds() - pg_before) * 1000 / requests
            measured.update(status=status, worker_rss_mb=sampler.peak, queries=queries.get(path), path=path)
            results["pages"][name] = measured
            log(f"  {name}: {measured['requests_per_s']:.1f} req/s, p99 {measured['p99_ms']} ms")
        if not args.skip_export:
            log("  streaming the full export once")
            results["export"] = measure_export(server, args.figures)
            log(f"  export: {results['export']['rows_per_s']:,.0f} rows/s, {results['export']['worker_rss_mb']:.0f} MB")
    finally:
        server.stop()
    return results


def table(mode: str, results: dict) -> str:
    ceiling = results["pages"].get(CEILING[0], {}).get("requests_per_s") or 0
    lines = [
        f"\ncache {mode} ({results['workers']} gunicorn workers)",
        f"{'page':28} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'ceiling':>8} {'queries':>8} {'RSS MB':>7}"
        f" {'CPU ms/req: app':>16} {'PostgreSQL':>10}",
    ]
    for name, page in results["pages"].items():
        ratio = f"{page['requests_per_s'] / ceiling:.1%}" if ceiling else "-"
        flag = " !" if page["errors"] or page["timeouts"] or page["status"] != 200 else ""
        queries = page["queries"] if page["queries"] is not None else "-"
        lines.append(
            f"{name:28} {page['requests_per_s']:8.1f} {page['p50_ms'] or 0:8.1f} {page['p99_ms'] or 0:8.1f} "
            f"{ratio:>8} {queries:>8} {page['worker_rss_mb']:7.0f} {page['worker_cpu_ms']:16.1f}"
            f" {page['postgres_cpu_ms']:10.1f}{flag}"
        )
    if "export" in results:
        export = results["export"]
        lines.append(
            f"{'full figures.csv':28} {export['rows_per_s']:8,.0f} rows/s, {export['megabytes']:.0f} MB in "
            f"{export['seconds']:.1f} s (first byte {export['first_byte_s']:.2f} s), "
            f"worker RSS {export['worker_rss_mb']:.0f} MB, CPU {export['worker_cpu_s']:.1f} s app, "
            f"{export['postgres_cpu_s']:.1f} s PostgreSQL"
        )
    return "\n".join(lines)


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
    parser.add_argument("--pages", default="", help="comma-separated page names to run (default: all)")
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
    chosen = {name.strip() for name in args.pages.split(",") if name.strip()}
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
    path = RESULTS / f"{time.strftime('%Y%m%d-%H%M%S')}-{args.figures}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    for mode in modes:
        print(table(mode, report["modes"][mode]))
    print(f"\n{report['seconds'] / 60:.1f} minutes; load average before {report['machine']['load_before'][0]:.1f}, ")
    print(f"after {report['machine']['load_after'][0]:.1f}; results in {path.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
