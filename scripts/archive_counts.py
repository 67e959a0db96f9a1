"""Count what the built fixtures hold: sessions per group (held, announced, numbered), figures and
sources, as the Markdown tables docs/data.md shows ("The archive").

Usage: python scripts/archive_counts.py [FIXTURES_DIR]

Reads fixtures/regions.json and fixtures/conferences.json only (standard library; no database).
"""

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def objects(path: Path, model: str) -> list[dict]:
    return [o["fields"] for o in json.loads(path.read_text(encoding="utf-8")) if o["model"] == model]


def report(fixtures_dir: Path) -> str:
    regions = objects(fixtures_dir / "regions.json", "regions.region")
    conferences_json = fixtures_dir / "conferences.json"
    conferences = objects(conferences_json, "conferences.conference")
    figures = objects(conferences_json, "conferences.indicatorreport")
    sources = objects(conferences_json, "conferences.source")
    statements = objects(conferences_json, "conferences.membershipstatement")
    figures_by_conference = Counter(figure["conference"][0] for figure in figures)
    lines = [
        "| group | sessions | held | announced | numbered | years | figures |",
        "| --- | ---: | ---: | ---: | ---: | --- | ---: |",
    ]
    for region in regions:
        own = [c for c in conferences if c["region"] == [region["slug"]]]
        years = sorted({c["year"] for c in own})
        lines.append(
            f"| {region['slug']} | {len(own)} | {sum(c['status'] == 'held' for c in own)} | "
            f"{sum(c['status'] == 'announced' for c in own)} | {sum(bool(c['session_number']) for c in own)} | "
            f"{', '.join(map(str, years)) or '—'} | {sum(figures_by_conference[c['slug']] for c in own)} |"
        )
    kept = sum(source["text_kept"] for source in sources)
    lines += [
        "",
        f"- sessions: {len(conferences)}; figures: {len(figures)}",
        f"- sources: {len(sources)} ({kept} articles whose text is kept, {len(sources) - kept} records of pages)",
        f"- sources with a page address: {sum(bool(source['url']) for source in sources)}",
        f"- memberships stated by a source: {len({tuple(s['membership']) for s in statements})}",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    print(report(Path(argv[1]) if len(argv) > 1 else ROOT / "fixtures"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
