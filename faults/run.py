"""Run the fault proofs in full, each against its own throwaway PostgreSQL and gunicorn.

    python faults/run.py load      # 60 s at 64 connections, every kind of page
    python faults/run.py reload    # reload the data again and again under traffic
    python faults/run.py corrupt   # a partial fixture, refused while the old data stays served
    python faults/run.py restart   # PostgreSQL stopped and restarted under traffic
    python faults/run.py all

Exits 1 when a proof fails, printing what went wrong. Traffic stays on 127.0.0.1 and is bounded.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

from faults import scenarios
from faults.cluster import ThrowawayPostgres
from faults.server import PortalServer


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("proof", choices=["load", "reload", "corrupt", "restart", "all"])
    parser.add_argument("--seconds", type=float, default=60, help="traffic duration per proof (default 60)")
    parser.add_argument("--connections", type=int, default=64, help="concurrent connections (default 64)")
    args = parser.parse_args()
    proofs = ["load", "reload", "corrupt", "restart"] if args.proof == "all" else [args.proof]
    failed = False
    with ThrowawayPostgres() as cluster:
        database_url = cluster.createdb("portal")
        server = PortalServer(database_url)
        server.prepare()
        server.start()
        try:
            for proof in proofs:
                problems, summary = run(proof, server, cluster, database_url, args)
                print(f"{proof}: {'FAILED' if problems else 'holds'} — {summary}")
                for problem in problems[:20]:
                    print(f"  - {problem}")
                failed |= bool(problems)
        finally:
            server.stop()
    return 1 if failed else 0


def run(proof, server, cluster, database_url, args):
    if proof == "load":
        return scenarios.prove_load(server.base_url, seconds=args.seconds, connections=args.connections)
    if proof == "reload":
        return scenarios.prove_reload(server.base_url, database_url, seconds=args.seconds, connections=args.connections)
    if proof == "corrupt":
        return scenarios.prove_corrupt_fixture(
            server.base_url, database_url, seconds=args.seconds, connections=args.connections
        )
    outage = max(3.0, args.seconds / 4)
    return scenarios.prove_restart(
        server.base_url, cluster, before=args.seconds / 4, outage=outage, after=args.seconds / 2,
        connections=args.connections,
    )  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
