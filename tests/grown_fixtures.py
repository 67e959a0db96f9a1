"""Write a copy of the fixtures with one figure more and one figure fewer, neither named by any test.

The suite builds the data it asserts on, and checks the curated dataset only in deliberate, named tests
(tests/test_curated_dataset.py). This copy proves it: the whole suite must pass when run against it.

    python tests/grown_fixtures.py /tmp/grown-fixtures
    PORTAL_TEST_FIXTURES_DIR=/tmp/grown-fixtures DATABASE_URL=sqlite:///:memory: python -m pytest

The figure removed is the last one whose identifier no test file contains. The figure added is a copy
of the first such figure under a new identifier, reported for an indicator no figure uses yet (of the
same unit, so that its printed value still reads as that unit): a new indicator, a new facet, one more
figure for its conference and source.
"""

import json
import shutil
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
PROJECT_FIXTURES = TESTS.parent / "fixtures"
ADDED_SLUG = "grown-figure-no-test-names"


def figures_no_test_names(objects: list[dict]) -> list[dict]:
    """The figures (fixture objects) whose identifier appears in no test file."""
    texts = [path.read_text(encoding="utf-8") for path in TESTS.rglob("*.py") if path != Path(__file__).resolve()]
    return [
        obj
        for obj in objects
        if obj["model"] == "conferences.indicatorreport" and not any(obj["fields"]["slug"] in text for text in texts)
    ]


def grow(objects: list[dict]) -> tuple[list[dict], str, str]:
    """The fixture objects with one figure removed and one added; the two identifiers."""
    candidates = figures_no_test_names(objects)
    if len(candidates) < 2:
        raise SystemExit("Fewer than two figures that no test names: nothing honest to add or remove.")
    removed, model = candidates[-1], candidates[0]
    used = {obj["fields"]["indicator"][0] for obj in objects if obj["model"] == "conferences.indicatorreport"}
    unit = model["fields"]["unit"]
    indicators = [obj["fields"] for obj in objects if obj["model"] == "conferences.indicator"]
    unused = [fields["code"] for fields in indicators if fields["unit"] == unit and fields["code"] not in used]
    if not unused:
        raise SystemExit(f"No unused indicator of unit {unit!r} to report the added figure under.")
    source_figures = [
        obj["fields"]
        for obj in objects
        if obj["model"] == "conferences.indicatorreport" and obj["fields"]["source"] == model["fields"]["source"]
    ]
    added = {
        "model": "conferences.indicatorreport",
        "fields": {
            **model["fields"],
            "slug": ADDED_SLUG,
            "indicator": [unused[0]],
            "position": max(fields["position"] for fields in source_figures) + 1,
        },
    }
    grown = [obj for obj in objects if obj is not removed]
    grown.insert(grown.index(model) + 1, added)
    return grown, ADDED_SLUG, removed["fields"]["slug"]


def write_grown_copy(target: Path, source: Path = PROJECT_FIXTURES) -> tuple[str, str]:
    """Copy the fixtures folder to ``target`` and grow its conferences.json; the added and removed identifiers."""
    shutil.copytree(source, target, dirs_exist_ok=True)
    path = target / "conferences.json"
    grown, added, removed = grow(json.loads(path.read_text(encoding="utf-8")))
    path.write_text(json.dumps(grown, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return added, removed


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(f"usage: {sys.argv[0]} TARGET_FOLDER")
    added, removed = write_grown_copy(Path(sys.argv[1]))
    print(f"Wrote {sys.argv[1]}: added figure {added}, removed figure {removed}.")
