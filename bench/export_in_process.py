"""The full figures download measured in process: rows/s, CPU per row, peak RSS, the bytes' digest.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_portal .venv/bin/python bench/export_in_process.py
    DATABASE_URL=sqlite:////tmp/bench1m.sqlite3 .venv/bin/python bench/export_in_process.py --path /en/figures.csv

Each run streams the file through Django's test client (no server, the cache off) and prints the rows,
the wall time and rows/s, the CPU time of this process (every thread: the read-ahead thread too, not
the PostgreSQL server's) per row, the peak resident size and the SHA-256 of the bytes (two ways of
writing the file must give the same digest). On a busy machine the CPU per row is the number to
compare; wall time counts waiting for the cores. The database is only read.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--path", default="/figures.csv", help="The address to stream (default /figures.csv).")
    parser.add_argument("--repeat", type=int, default=2, help="How many times to stream it (default 2).")
    options = parser.parse_args()

    import django

    django.setup()
    from django.test import Client
    from django.test.utils import override_settings

    client = Client()
    with override_settings(PORTAL_DATA_VERSION_RECHECK_MS=0, ALLOWED_HOSTS=["*"]):
        for _ in range(options.repeat):
            digest, rows, size = hashlib.sha256(), 0, 0
            wall, cpu = time.perf_counter(), time.process_time()
            response = client.get(options.path)
            assert response.status_code == 200, response.status_code
            for piece in response.streaming_content:
                digest.update(piece)
                rows += piece.count(b"\r\n")
                size += len(piece)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            rows -= 1  # the header
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"{options.path}: {rows:,} rows, {size:,} bytes in {wall:.2f} s: {rows / wall:,.0f} rows/s; "
                f"CPU {cpu:.2f} s, {cpu / max(rows, 1) * 1e6:.1f} µs/row; peak RSS {peak:.0f} MB; "
                f"sha256 {digest.hexdigest()[:16]}; load average {os.getloadavg()[0]:.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
