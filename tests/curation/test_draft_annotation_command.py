"""`manage.py draft_annotation PATH [--output FILE] [--stdout] [--html PAGE]`."""

import shutil
import tomllib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

ARTICLE = "004_10f2ab8ffc80e8f9"


@pytest.fixture
def fixtures_copy(tmp_path):
    for name in ("sources", "reference"):
        shutil.copytree(Path(settings.FIXTURE_DIRS[0]) / name, tmp_path / name)
    for name in ("regions.json", "conferences.json"):
        shutil.copy(Path(settings.FIXTURE_DIRS[0]) / name, tmp_path / name)
    (tmp_path / "annotations").mkdir()
    return tmp_path


def test_writes_the_draft_next_to_the_other_annotations(fixtures_copy, capsys):
    article = fixtures_copy / "sources" / f"{ARTICLE}.txt"
    call_command("draft_annotation", str(article), fixtures_dir=fixtures_copy)
    target = fixtures_copy / "annotations" / f"{ARTICLE}.toml"
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    assert data["conference"][0]["slug"] == "north-28-2016"
    assert f"Wrote {target}" in capsys.readouterr().out


def test_never_overwrites_an_annotation(fixtures_copy):
    article = fixtures_copy / "sources" / f"{ARTICLE}.txt"
    target = fixtures_copy / "annotations" / f"{ARTICLE}.toml"
    target.write_text("# reviewed\n", encoding="utf-8")
    with pytest.raises(CommandError, match="never overwrites"):
        call_command("draft_annotation", str(article), fixtures_dir=fixtures_copy)
    assert target.read_text(encoding="utf-8") == "# reviewed\n"


def test_output_chooses_the_file(fixtures_copy, tmp_path):
    output = tmp_path / "elsewhere" / "draft.toml"
    call_command("draft_annotation", str(fixtures_copy / "sources" / f"{ARTICLE}.txt"), output=str(output))
    assert tomllib.loads(output.read_text(encoding="utf-8"))["figure"][0]["value"] == "1919e12"


def test_stdout_prints_and_writes_nothing(fixtures_copy, capsys):
    call_command(
        "draft_annotation", str(fixtures_copy / "sources" / f"{ARTICLE}.txt"), "--stdout", fixtures_dir=fixtures_copy
    )
    printed = capsys.readouterr().out
    assert printed.startswith("# DRAFT annotation of 004_10f2ab8ffc80e8f9.txt")
    assert tomllib.loads(printed)["source"]["published_on"] == "2016-10-07"
    assert not any((fixtures_copy / "annotations").iterdir())


def test_a_missing_article_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="No article"):
        call_command("draft_annotation", str(tmp_path / "missing.txt"))


def test_a_non_nfc_article_is_drafted_from_its_nfc_text_with_a_warning(tmp_path, capsys):
    article = tmp_path / "x.txt"
    article.write_text(
        "Ngày 6/9, tại Ninh Bình, hội nghị ngành Công Thương 28 tỉnh, thành phố khu vực phía Ba\u0301c năm 2016.",
        encoding="utf-8",
    )
    call_command("draft_annotation", str(article), "--stdout")
    captured = capsys.readouterr()
    assert "not NFC" in captured.err
    assert tomllib.loads(captured.out)["conference"][0]["region"] == "north-28"


def test_html_writes_the_review_page_beside_the_draft(fixtures_copy, tmp_path, capsys):
    article = fixtures_copy / "sources" / f"{ARTICLE}.txt"
    page = tmp_path / "review" / "page.html"
    call_command("draft_annotation", str(article), html=str(page), fixtures_dir=fixtures_copy)
    html = page.read_text(encoding="utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="vi">')
    assert f"{ARTICLE}.txt" in html and str(fixtures_copy / "annotations" / f"{ARTICLE}.toml") in html
    assert '<a class="n certain"' in html or '<a class="n todo"' in html  # the figure's numbers are marked
    assert f"Wrote {page}" in capsys.readouterr().out


def test_html_with_stdout_prints_the_draft_and_writes_the_page(fixtures_copy, tmp_path, capsys):
    page = tmp_path / "page.html"
    call_command(
        "draft_annotation",
        str(fixtures_copy / "sources" / f"{ARTICLE}.txt"),
        "--stdout",
        html=str(page),
        fixtures_dir=fixtures_copy,
    )
    captured = capsys.readouterr()
    assert tomllib.loads(captured.out)["figure"][0]["value"] == "1919e12"
    assert f"Wrote {page}" in captured.err
    assert 'id="figure-1"' in page.read_text(encoding="utf-8")


def test_no_page_is_written_when_the_draft_is_refused(fixtures_copy, tmp_path):
    article = fixtures_copy / "sources" / f"{ARTICLE}.txt"
    (fixtures_copy / "annotations" / f"{ARTICLE}.toml").write_text("# reviewed\n", encoding="utf-8")
    with pytest.raises(CommandError, match="never overwrites"):
        call_command("draft_annotation", str(article), html=str(tmp_path / "page.html"), fixtures_dir=fixtures_copy)
    assert not (tmp_path / "page.html").exists()
