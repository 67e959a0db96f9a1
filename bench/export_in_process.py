"""The full figures download measured in process: rows/s, CPU per row, peak RSS, the bytes' digest.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_portal .venv/bin/python bench/export_in_process.py
    DATABASE_URL=sqlite:////tmp/bench1m.sqlite3 .venv/bin/python bench/export_in_process.py --path /en/figures.csv

Each run streams the file through Django's test client (no server, the cache off, no kept file) and prints the rows,
the wall time and rows/s, the CPU time per row of this process's main thread (which writes the file;
the time this script spends on the bytes it receives is left out),
of its other threads (the read-ahead thread: on SQLite, the database's own work) and of the PostgreSQL
backend serving it, the peak resident size and the SHA-256 of the bytes (two ways of writing the file
must give the same digest). On a busy machine compare the CPU times; wall time counts waiting for the
cores. The database is only read.
"""

import argparse
import hashlib
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("PORTAL_CACHE", "0")
os.environ["PORTAL_DOWNLOADS_DIR"] = ""  # every run streams: none is answered from a kept file (api/download_files.py)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--path", default="/figures.csv", help="The address to stream (default /figures.csv).")
    parser.add_argument("--repeat", type=int, default=2, help="How many times to stream it (default 2).")
    options = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    client = Client()
    with override_settings(PORTAL_DATA_VERSION_RECHECK_MS=0, ALLOWED_HOSTS=["*"]):
        for _ in range(options.repeat):
            digest, rows, size = hashlib.sha256(), 0, 0
            backend = backend_cpu(connection)
            wall, cpu, main = time.perf_counter(), time.process_time(), time.thread_time()
            response = client.get(options.path)
            assert response.status_code == 200, response.status_code
            reading = 0.0  # CPU spent here on the bytes (the digest), not in writing them
            for piece in response.streaming_content:
                started = time.thread_time()
                digest.update(piece)
                rows += piece.count(b"\r\n")
                size += len(piece)
                reading += time.thread_time() - started
            wall, cpu, main = time.perf_counter() - wall, time.process_time() - cpu, time.thread_time() - main
            cpu, main = cpu - reading, main - reading
            backend = backend_cpu(connection) - backend
            rows = max(rows - 1, 1)  # the header
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"{options.path} ({connection.vendor}): {rows:,} rows, {size:,} bytes in {wall:.2f} s: "
                f"{rows / wall:,.0f} rows/s; CPU µs/row: main thread {main / rows * 1e6:.1f}, "
                f"other threads {(cpu - main) / rows * 1e6:.1f}, PostgreSQL backend {backend / rows * 1e6:.1f}; "
                f"peak RSS {peak:.0f} MB; sha256 {digest.hexdigest()[:16]}; "
                f"load average {os.getloadavg()[0]:.1f}",
                flush=True,
            )


def backend_cpu(connection) -> float:
    """CPU seconds of the PostgreSQL backend serving ``connection`` (on this machine); 0 on SQLite."""
    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


if __name__ == "__main__":
    main()
