"""The grown copy of the fixtures that the whole suite must also pass on (tests/grown_fixtures.py)."""

import json

import pytest
from django.core.management import call_command
from grown_fixtures import TESTS, write_grown_copy

from conferences.models import IndicatorReport


def figure_slugs(folder) -> set[str]:
    objects = json.loads((folder / "conferences.json").read_text(encoding="utf-8"))
    return {obj["fields"]["slug"] for obj in objects if obj["model"] == "conferences.indicatorreport"}


def test_the_copy_gains_two_figures_and_loses_one_that_no_test_names(tmp_path, settings):
    added, removed = write_grown_copy(tmp_path)
    committed, grown = figure_slugs(settings.FIXTURE_DIRS[0]), figure_slugs(tmp_path)
    assert len(added) == 2 and grown == committed - {removed} | set(added)
    assert not set(added) & committed and removed in committed
    for path in TESTS.rglob("*.py"):
        if path.name != "grown_fixtures.py":
            text = path.read_text(encoding="utf-8")
            assert removed not in text and not any(slug in text for slug in added), path


@pytest.mark.django_db
def test_the_copy_loads(tmp_path):
    added, removed = write_grown_copy(tmp_path)
    call_command("load_data", fixtures_dir=tmp_path, force=True, verbosity=0)
    copies = IndicatorReport.objects.filter(slug__in=added)
    assert copies.count() == 2
    assert {(bool(copy.quote), bool(copy.locator)) for copy in copies} == {(True, False), (False, True)}  # both kinds
    assert not copies.filter(indicator__code="trade_balance").exists()  # its value would need a direction word
    assert not IndicatorReport.objects.filter(slug=removed).exists()
