"""A later article reports a session an earlier one announced, after the 2025 reorganisation."""

import json
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from curation.build import build
from curation.problems import CurationError

REPORT = (
    "Ngày 20/11, tại tỉnh Tây Ninh, Bộ Công Thương phối hợp UBND tỉnh Tây Ninh tổ chức "
    "Hội nghị ngành Công thương các tỉnh, thành phố khu vực phía Nam năm 2025."
)
MENTION = "Hội nghị năm 2024 tại tỉnh Kiên Giang đã thống nhất nhiều nội dung hợp tác."
ARTICLE = f"{REPORT}\n{MENTION}\n"

ANNOTATION = """[source]
slug = "test-south-20-2025"
publication = ""
publication_note = ""
title = ""
author = ""
published_on = ""
published_as_written = ""
reproduction_notice = ""

[[conference]]
slug = "{slug}"
region = "south-20"
kind = "report"
session = ""
year = 2025
status = "held"
date = "2025-11-20"
date_as_written = "Ngày 20/11"
host = "Tây Ninh"
host_basis = "stated"
venue = "tỉnh Tây Ninh"
organisers = "Bộ Công Thương phối hợp UBND tỉnh Tây Ninh"
chairs = ""
theme = ""
next_host = ""
quotes = ["{report}"]

[[conference]]
slug = "south-20-x-2024"
region = "south-20"
kind = "mention"
session = ""
year = 2024
status = "held"
date = ""
date_as_written = ""
host = "Kiên Giang"
host_basis = "venue"
venue = ""
organisers = ""
chairs = ""
theme = ""
next_host = ""
quotes = ["{mention}"]
"""


@pytest.fixture
def fixtures(tmp_path) -> Path:
    """The articles and the reference, without the records: these tests are of articles alone."""
    for folder in ("sources", "annotations", "reference"):
        shutil.copytree(Path(settings.FIXTURE_DIRS[0]) / folder, tmp_path / folder)
    (tmp_path / "sources" / "900_test.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def conferences(built: dict) -> dict:
    objects = json.loads(built["conferences.json"])
    return {obj["fields"]["slug"]: obj["fields"] for obj in objects if obj["model"] == "conferences.conference"}


def test_a_report_updates_the_announced_session_whose_host_was_merged_into_a_new_province(fixtures):
    (fixtures / "annotations" / "900_test.toml").write_text(
        ANNOTATION.format(slug="south-20-xi-2025", report=REPORT, mention=MENTION), encoding="utf-8"
    )
    session = conferences(build(fixtures, every_source=False))["south-20-xi-2025"]
    assert session["status"] == "held"
    assert session["session_number"] == 11  # stated by the article that announced it
    assert session["host"] == ["tay-ninh-2025"]  # where it was held, not the designated Long An
    assert session["date"] == "2025-11-20"


def test_a_past_session_is_named_as_its_places_were_then(fixtures):
    """Kiên Giang no longer existed in November 2025, but the 2024 session was held in it."""
    (fixtures / "annotations" / "900_test.toml").write_text(
        ANNOTATION.format(slug="south-20-xi-2025", report=REPORT, mention=MENTION), encoding="utf-8"
    )
    assert conferences(build(fixtures, every_source=False))["south-20-x-2024"]["host"] == ["kien-giang"]


def test_a_slug_may_not_name_a_session_number_that_no_article_states(fixtures):
    (fixtures / "annotations" / "900_test.toml").write_text(
        ANNOTATION.format(slug="south-20-xii-2025", report=REPORT, mention=MENTION), encoding="utf-8"
    )
    with pytest.raises(CurationError, match="south-20-xii-2025 names session 12, but no article states that number"):
        build(fixtures, every_source=False)
