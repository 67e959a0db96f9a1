"""Draft every article that has a reviewed annotation and compare each draft with it.

Usage: python scripts/draft_accuracy.py [FIXTURES_DIR [CORPUS_DIR]]

Reports separately on the five curated articles (FIXTURES_DIR, default fixtures/), the test corpus's
tuning set and, where it exists, its held-back set (CORPUS_DIR, default tests/curation/corpus/): per
field (value, unit, period, scope, province, indicator, qualifier, growth, sign, plan share) the
precision and recall of the drafted figures; the figure recall with value, unit, period, scope and
province all right; the figures wrong as certain (no TODO, yet wrong or not a figure); the session
fields right; and a list of what failed. How figures are matched is explained in
curation/draft_accuracy_figures.py. Needs only the standard library (no database, no Django settings).
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from curation.draft_accuracy import report  # noqa: E402


def main(argv: list[str]) -> int:
    fixtures_dir = Path(argv[1]) if len(argv) > 1 else ROOT / "fixtures"
    corpus_dir = Path(argv[2]) if len(argv) > 2 else ROOT / "tests" / "curation" / "corpus"
    print(report(fixtures_dir, corpus_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
