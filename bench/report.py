"""The benchmark's report: a JSON file in ``bench/results/`` and a table per cache mode."""

import json
import time
from pathlib import Path

from bench.measure import CEILING
from bench.processes import ROOT

RESULTS = ROOT / "bench" / "results"


def save(report: dict) -> Path:
    path = RESULTS / f"{time.strftime('%Y%m%d-%H%M%S')}-{report['figures']}.json"
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    return path


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


def print_report(report: dict, path: Path) -> None:
    for mode, results in report["modes"].items():
        print(table(mode, results))
    print(f"\n{report['seconds'] / 60:.1f} minutes; load average before {report['machine']['load_before'][0]:.1f}, ")
    print(f"after {report['machine']['load_after'][0]:.1f}; results in {path.relative_to(ROOT)}")
