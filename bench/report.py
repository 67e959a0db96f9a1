"""The benchmark's report: a JSON file in ``bench/results/`` and a table per engine and cache mode.

"of the ceiling" is a page's requests per second over the ceiling's (the trivial Django view) in the
same gunicorn; Datasette's pages are set against the Django ceiling measured on SQLite with the cache
off, and its own trivial page (``/-/versions.json``) is listed too. "load" is the machine's one-minute
load average before and after the page's run.
"""

import json
import time
from pathlib import Path

from bench.pages import CEILING
from bench.processes import ROOT

RESULTS = ROOT / "bench" / "results"


def save(report: dict) -> Path:
    path = RESULTS / f"{time.strftime('%Y%m%d-%H%M%S')}-{report['figures']}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    return path


# The full CSV streamed; for the portal the first download after a load, which keeps it (api/download_files.py),
# then the next one, sent from that file.
EXPORTS = {"export": "full CSV", "export_kept": "full CSV, kept file"}


def table(title: str, results: dict, ceiling: float, postgres: bool) -> str:
    lines = [
        f"\n{title}",
        f"{'page':28} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'ceiling':>8} {'queries':>8} {'RSS MB':>7}"
        f" {'CPU ms/req: app':>16} {'PostgreSQL':>10} {'load':>10}",
    ]
    for name, page in results["pages"].items():
        ratio = f"{page['requests_per_s'] / ceiling:.1%}" if ceiling else "-"
        flag = " !" if page["errors"] or page["timeouts"] or page["status"] != 200 else ""
        queries = page["queries"] if page["queries"] is not None else "-"
        database = f"{page['postgres_cpu_ms']:10.1f}" if postgres else f"{'-':>10}"
        load = "{:.1f}→{:.1f}".format(*page["load"])
        lines.append(
            f"{name:28} {page['requests_per_s']:8.1f} {page['p50_ms'] or 0:8.1f} {page['p99_ms'] or 0:8.1f} "
            f"{ratio:>8} {queries:>8} {page['worker_rss_mb']:7.0f} {page['worker_cpu_ms']:16.1f}"
            f" {database} {load:>10}{flag}"
        )
    for key, name in EXPORTS.items():
        if key not in results:
            continue
        export = results[key]
        lines.append(
            f"{name:28} {export['rows_per_s']:8,.0f} rows/s, {export['rows']:,} rows, "
            f"{export['megabytes']:.0f} MB in {export['seconds']:.1f} s (first byte {export['first_byte_s']:.2f} s), "
            f"worker RSS {export['worker_rss_mb']:.0f} MB (grew {export['worker_rss_growth_mb']:.0f}), "
            f"CPU {export['worker_cpu_s']:.1f} s app"
            + (f", {export['postgres_cpu_s']:.1f} s PostgreSQL" if postgres else "")
            + ", load {:.1f}→{:.1f}".format(*export["load"])
        )
    return "\n".join(lines)


def ceiling_of(results: dict) -> float:
    return results["pages"].get(CEILING[0], {}).get("requests_per_s") or 0


def print_report(report: dict, path: Path) -> None:
    for engine, runs in report["engines"].items():
        for mode, results in runs["modes"].items():
            title = f"{engine}, cache {mode} ({results['workers']} gunicorn workers)"
            print(table(title, results, ceiling_of(results), engine == "postgresql"))
    if "datasette" in report:
        sqlite = report["engines"].get("sqlite", {}).get("modes", {})
        ceiling = ceiling_of(sqlite.get("off") or sqlite.get("on") or {"pages": {}})
        title = "Datasette over the same SQLite file (of the ceiling: the Django ceiling on SQLite)"
        print(table(title, report["datasette"], ceiling, postgres=False))
    print(f"\n{report['seconds'] / 60:.1f} minutes; load average before {report['machine']['load_before'][0]:.1f}, ")
    print(f"after {report['machine']['load_after'][0]:.1f}; results in {path.relative_to(ROOT)}")
