"""Draft an annotation of each article in fixtures/sources/ and compare it with the curated one.

Usage: python scripts/draft_accuracy.py [FIXTURES_DIR]

Prints, per article and in total: curated figures, drafted figures, correct (value, unit and period
match a curated figure), precision, recall, and drafted figures without a TODO that match no curated
figure ("wrong as certain"); then the problems a build finds with the drafts in place of the curated
annotations, by kind. Needs only the standard library (no database, no Django settings).
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from curation.draft_accuracy import report  # noqa: E402


def main(argv: list[str]) -> int:
    fixtures_dir = Path(argv[1]) if len(argv) > 1 else ROOT / "fixtures"
    print(report(fixtures_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
