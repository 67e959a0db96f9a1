import json
import shutil

import pytest
from django.core.management import CommandError, call_command
from loaded_dataset import dataset_dir, load_dataset

from conferences.models import Conference, Dataset, IndicatorReport
from regions.models import Province

pytestmark = pytest.mark.django_db


def counts():
    return Conference.objects.count(), IndicatorReport.objects.count(), Province.objects.count()


@pytest.fixture
def fixture_copy(tmp_path, settings):
    for name in ("regions.json", "conferences.json"):
        shutil.copy(dataset_dir() / name, tmp_path / name)
    settings.FIXTURE_DIRS = [tmp_path]
    return tmp_path


def test_loading_the_same_version_again_changes_nothing(capsys):
    before = counts(), Dataset.objects.current().version
    call_command("load_data", fixtures_dir=dataset_dir())
    assert "already loaded" in capsys.readouterr().out
    assert (counts(), Dataset.objects.current().version) == before


def test_forced_reload_replaces_rather_than_duplicates(fixture_objects):
    before = counts()
    load_dataset(force=True)
    in_the_files = tuple(
        len(fixture_objects[label])
        for label in ("conferences.conference", "conferences.indicatorreport", "regions.province")
    )
    assert counts() == before == in_the_files
    assert Dataset.objects.count() == 1


def repeat_first_indicator(text):
    """The same identifier twice: loading by natural key would silently overwrite the first."""
    objects = json.loads(text)
    objects.append({**objects[0], "fields": {**objects[0]["fields"], "name_en": "Overwritten"}})
    return json.dumps(objects, ensure_ascii=False)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda text: text[: len(text) // 2], "previous data is unchanged"),
        (repeat_first_indicator, "repeated"),
        (lambda text: text.replace('"year": 2016', '"year": "abc"', 1), "unchanged"),
        (lambda text: text.replace('"host": [\n        "ha-noi"', '"host": [\n        "atlantis"', 1), "unchanged"),
    ],
    ids=["truncated", "repeated-slug", "unknown-province", "bad-year"],
)
def test_a_broken_fixture_leaves_the_previous_data_untouched(fixture_copy, damage, message):
    before = counts(), Dataset.objects.current().version
    path = fixture_copy / "conferences.json"
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("load_data", verbosity=0)
    assert (counts(), Dataset.objects.current().version) == before


def test_a_missing_fixture_says_how_to_make_it(fixture_copy):
    (fixture_copy / "regions.json").unlink()
    with pytest.raises(CommandError, match="build_fixtures"):
        call_command("load_data", verbosity=0)


def test_dry_run_checks_and_rolls_back(fixture_copy, capsys):
    version = Dataset.objects.current().version
    Conference.objects.filter(slug="north-28-2016").update(year=2017)
    call_command("load_data", dry_run=True)
    assert "rolled back" in capsys.readouterr().out
    assert Conference.objects.get(slug="north-28-2016").year == 2017
    assert Dataset.objects.current().version == version


def test_another_fixtures_folder_can_be_loaded(tmp_path):
    for name in ("regions.json", "conferences.json"):
        shutil.copy(dataset_dir() / name, tmp_path / name)
    path = tmp_path / "conferences.json"
    kept = [obj for obj in json.loads(path.read_text(encoding="utf-8")) if obj["fields"].get("slug") != "north-28-2016"]
    kept = [obj for obj in kept if obj["fields"].get("conference") != ["north-28-2016"]]
    path.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    before = Dataset.objects.current().version
    conferences, figures, provinces = counts()
    left_out = IndicatorReport.objects.filter(conference__slug="north-28-2016").count()
    call_command("load_data", fixtures_dir=tmp_path, verbosity=0)
    assert counts() == (conferences - 1, figures - left_out, provinces)
    assert Dataset.objects.current().version != before
