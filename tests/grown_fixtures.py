"""Write a copy of the fixtures with figures added and one removed, none of them named by any test.

The suite builds the data it asserts on, and checks the curated dataset only in deliberate, named tests
(tests/test_curated_dataset.py). This copy proves it: the whole suite must pass when run against it.

    python tests/grown_fixtures.py /tmp/grown-fixtures
    PORTAL_TEST_FIXTURES_DIR=/tmp/grown-fixtures DATABASE_URL=sqlite:///:memory: python -m pytest

The figure removed is the last one whose identifier no test file contains. Two figures are added (so
that totals change too, not only which figures there are): copies of two such figures under new
identifiers, each reported for an indicator no figure uses yet (of the same unit, so that its printed
value still reads as that unit): new indicators and facet values, more figures for their sessions and
sources. One copies the first such figure of an article (with its quote), the other the first of a
record (no quote, a locator and printed words), each the first of its kind whose unit has an indicator
left to use; so both kinds of figure are shown to come and go.
"""

import json
import shutil
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
PROJECT_FIXTURES = TESTS.parent / "fixtures"
ADDED_SLUGS = ("grown-figure-no-test-names", "grown-figure-no-test-names-either")
# A trade balance's printed value must state its direction ("xuất siêu", "nhập siêu"; docs/data.md), which
# a copied figure's does not: the build would refuse it, so it is no honest figure to add.
NEEDS_DIRECTION_WORDS = frozenset({"trade_balance"})


def figures_no_test_names(objects: list[dict]) -> list[dict]:
    """The figures (fixture objects) whose identifier appears in no test file."""
    texts = [path.read_text(encoding="utf-8") for path in TESTS.rglob("*.py") if path != Path(__file__).resolve()]
    return [
        obj
        for obj in objects
        if obj["model"] == "conferences.indicatorreport" and not any(obj["fields"]["slug"] in text for text in texts)
    ]


def grow(objects: list[dict]) -> tuple[list[dict], list[str], str]:
    """The fixture objects with figures added and one removed; the identifiers added and the one removed."""
    candidates = figures_no_test_names(objects)
    if len(candidates) < len(ADDED_SLUGS) + 1:
        raise SystemExit("Too few figures that no test names: nothing honest to add or remove.")
    removed = candidates[-1]
    grown = [obj for obj in objects if obj is not removed]
    used = {obj["fields"]["indicator"][0] for obj in objects if obj["model"] == "conferences.indicatorreport"}
    indicators = [
        obj["fields"]
        for obj in objects
        if obj["model"] == "conferences.indicator" and obj["fields"]["code"] not in NEEDS_DIRECTION_WORDS
    ]
    models = []
    for kept_text in (True, False):  # an article's figure (with its quote), then a record's (a locator)
        for model in candidates[:-1]:
            unit = model["fields"]["unit"]
            unused = [fields["code"] for fields in indicators if fields["unit"] == unit and fields["code"] not in used]
            if bool(model["fields"]["quote"]) == kept_text and unused:
                used.add(unused[0])
                models.append((model, unused[0]))
                break
        else:
            kind = "an article" if kept_text else "a record"
            raise SystemExit(f"No figure of {kind} that no test names has an unused indicator of its unit.")
    for slug, (model, indicator) in zip(ADDED_SLUGS, models, strict=True):
        positions = [
            obj["fields"]["position"]
            for obj in grown
            if obj["model"] == "conferences.indicatorreport" and obj["fields"]["source"] == model["fields"]["source"]
        ]
        added = {"slug": slug, "indicator": [indicator], "position": max(positions) + 1}
        grown.insert(grown.index(model) + 1, {**model, "fields": {**model["fields"], **added}})
    return grown, list(ADDED_SLUGS), removed["fields"]["slug"]


def write_grown_copy(target: Path, source: Path = PROJECT_FIXTURES) -> tuple[list[str], str]:
    """Copy the fixtures folder to ``target`` and grow its conferences.json; the added and removed identifiers."""
    shutil.copytree(source, target, dirs_exist_ok=True)
    path = target / "conferences.json"
    grown, added, removed = grow(json.loads(path.read_text(encoding="utf-8")))
    # Laid out as build_fixtures writes it, so that tests editing the text of a fixture find what they edit.
    path.write_text(json.dumps(grown, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return added, removed


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(f"usage: {sys.argv[0]} TARGET_FOLDER")
    added, removed = write_grown_copy(Path(sys.argv[1]))
    print(f"Wrote {sys.argv[1]}: added figures {', '.join(added)}; removed figure {removed}.")
