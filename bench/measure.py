"""The benchmark's measurements: each page under wrk, the full export once, the queries of each page.

A page's run samples the gunicorn workers' memory, counts the CPU time of the workers and of
PostgreSQL, and records the machine's load average before and after; the queries are counted in a side
process (``bench/queries.py``).
"""

import json
import os
import re
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.pages import EXPORT
from bench.processes import PYTHON, ROOT, Server, log, portal_env


def _clock_ticks(pid: int, *fields: int) -> int:
    """The sum of these fields of /proc/<pid>/stat (clock ticks), counted after the command name; 0 for a
    process that is gone."""
    try:
        values = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return sum(int(values[field]) for field in fields)
    except (OSError, IndexError, ValueError):
        return 0


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time of these processes and their threads, from /proc."""
    return sum(_clock_ticks(pid, 11, 12) for pid in pids) / os.sysconf("SC_CLK_TCK")  # utime, stime


def workers_cpu_seconds(server) -> float:
    """The gunicorn workers' CPU time: the live workers', and that of the workers recycled so far
    (``max_requests``), which the master counts once it has reaped them (its cutime and cstime). Summing
    the live workers alone lost a recycled worker's time and could even go down during a run."""
    return cpu_seconds(server.workers()) + _clock_ticks(server.process.pid, 13, 14) / os.sysconf("SC_CLK_TCK")


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
    """The largest resident size of any worker, and the most any worker grew over its size when first
    sampled (a worker that served a big page earlier is big already), sampled every 50 ms."""

    def __init__(self, server):
        self.server, self.peak, self.peak_pid, self.growth = server, 0.0, None, 0.0
        self._first: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid in self.server.workers():
                size = rss_mb(pid)
                self.growth = max(self.growth, size - self._first.setdefault(pid, size))
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
    return round(float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit], 3)


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
        except OSError:  # no answer within the minute (workers still busy with an earlier page)
            return 0
    return status


def measure_export(server: Server, figures: int) -> dict:
    timing = "%{http_code} %{size_download} %{time_starttransfer} %{time_total}"
    load_before = os.getloadavg()[0]
    cpu_before, pg_before = workers_cpu_seconds(server), postgres_cpu_seconds()
    with RssSampler(server) as sampler:
        command = ["curl", "-sS", "-o", "/dev/null", "-w", timing, server.base + EXPORT]
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()
    status, size, first_byte, total = int(out[0]), int(out[1]), float(out[2]), float(out[3])
    return {
        "status": status,
        "rows": figures,
        "load": [load_before, os.getloadavg()[0]],
        "megabytes": size / 1e6,
        "seconds": total,
        "first_byte_s": first_byte,
        "rows_per_s": figures / total,
        "worker_rss_mb": sampler.peak,
        "worker_rss_growth_mb": sampler.growth,
        "worker_cpu_s": workers_cpu_seconds(server) - cpu_before,
        "postgres_cpu_s": postgres_cpu_seconds() - pg_before,
    }


def count_queries(env: dict, urls: list[str], cache: str) -> dict:
    """Queries of a repeated request in this cache mode: with the cache on, a cached page's one query."""
    env = portal_env(env, cache)
    out = subprocess.run([PYTHON, "bench/queries.py", *urls], cwd=ROOT, env=env, capture_output=True, text=True)
    if out.returncode:
        log(f"query count failed: {out.stderr[-500:]}")
        return {}
    return json.loads(out.stdout.splitlines()[-1])


def measure_page(server, args, name: str, path: str, status: int, queries: int | None) -> dict:
    """One page: a warm-up under wrk, then the measured run, with CPU, memory and the load average."""
    url = server.base + path
    load_before = os.getloadavg()[0]
    # Every worker and thread renders the page once first (templates, translations, connections).
    run_wrk(url, args, duration=args.warmup)
    cpu_before, pg_before = workers_cpu_seconds(server), postgres_cpu_seconds()
    with RssSampler(server) as sampler:
        measured = run_wrk(url, args)
    requests = max(measured["requests_per_s"] * args.duration, 1)
    measured["worker_cpu_ms"] = (workers_cpu_seconds(server) - cpu_before) * 1000 / requests
    measured["postgres_cpu_ms"] = (postgres_cpu_seconds() - pg_before) * 1000 / requests
    measured.update(status=status, worker_rss_mb=sampler.peak, queries=queries, path=path)
    measured["load"] = [load_before, os.getloadavg()[0]]  # one-minute load average, before and after
    rate, p99, load = measured["requests_per_s"], measured["p99_ms"], measured["load"][1]
    log(f"  {name}: {rate:.1f} req/s, p99 {p99} ms, load {load:.1f}")
    return measured


def run_mode(args, env: dict, cache: str, pages: list) -> dict:
    queries = count_queries(env, [path for _, path in pages], cache)
    log(f"starting gunicorn (PORTAL_CACHE={'1' if cache == 'on' else '0'})")
    server = Server(args, env, cache)
    results = {"pages": {}, "workers": len(server.workers())}
    try:
        for name, path in pages:
            status = warm_up(server.base + path)
            results["pages"][name] = measure_page(server, args, name, path, status, queries.get(path))
        if not args.skip_export:
            # The first download streams and keeps the file (api/download_files.py); the second is that file.
            for key in ("export", "export_kept"):
                log(f"  the full export ({key})")
                results[key] = export = measure_export(server, args.figures)
                log(f"  {key}: {export['rows_per_s']:,.0f} rows/s, {export['worker_rss_mb']:.0f} MB")
    finally:
        server.stop()
    return results
