import shutil

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command


@pytest.fixture
def fixtures_copy(tmp_path):
    shutil.copytree(settings.FIXTURE_DIRS[0], tmp_path / "fixtures")
    return tmp_path / "fixtures"


def test_check_passes_on_the_committed_fixtures(capsys):
    call_command("build_fixtures", check=True)
    assert "up to date" in capsys.readouterr().out


def test_check_fails_when_a_committed_fixture_differs(fixtures_copy):
    path = fixtures_copy / "conferences.json"
    path.write_text(path.read_text(encoding="utf-8").replace("120700000000", "127000000000"), encoding="utf-8")
    with pytest.raises(CommandError, match=r"Out of date: conferences\.json"):
        call_command("build_fixtures", check=True, fixtures_dir=fixtures_copy)


def test_build_rewrites_an_outdated_fixture_and_dry_run_does_not(fixtures_copy, capsys):
    path = fixtures_copy / "regions.json"
    path.write_text("[]\n", encoding="utf-8")
    call_command("build_fixtures", dry_run=True, fixtures_dir=fixtures_copy)
    assert "Would write" in capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == "[]\n"
    call_command("build_fixtures", fixtures_dir=fixtures_copy)
    assert path.read_bytes() == (settings.FIXTURE_DIRS[0] / "regions.json").read_bytes()


def test_a_curation_problem_names_file_line_and_problem(fixtures_copy):
    path = fixtures_copy / "annotations" / "000_0100f514590ff6e3.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('value = "120.7e9"', 'value = "127.0e9"'), encoding="utf-8")
    header_line = text.splitlines().index('id = "exports"')  # the [[figure]] header is the line before
    with pytest.raises(CommandError) as raised:
        call_command("build_fixtures", fixtures_dir=fixtures_copy)
    message = str(raised.value)
    assert f"000_0100f514590ff6e3.toml:{header_line}:" in message
    assert "'120,7 tỷ USD'" in message and "127000000000" in message
