"""Scoring drafted session fields against an answer key."""

from pathlib import Path

import pytest
from django.conf import settings

from curation.draft import draft_text
from curation.draft_session_accuracy import session_scores, session_table
from curation.reference import read_reference

TEXT = (
    "Sáng 17-5, tại Hà Nội, Bộ Công Thương phối hợp với UBND thành phố Hà Nội tổ chức hội nghị ngành Công "
    "Thương 28 tỉnh, thành phố khu vực phía Bắc lần thứ X năm 2024.\n"
)
KEY = """
[source]
publication = ""
title = ""
published_on = ""

[[conference]]
slug = "north-28-x-2024"
kind = "report"
session = "lần thứ X"
year = 2024
date = "2024-05-17"
host = "Hà Nội"
venue = "Hà Nội"
organisers = "{organisers}"
chairs = ""
next_host = "Ninh Bình"
"""


@pytest.fixture(scope="module")
def draft():
    reference = read_reference(Path(settings.FIXTURE_DIRS[0]) / "reference")
    return draft_text(TEXT, name="x.txt", reference=reference)


def scores_by_name(draft, tmp_path, organisers):
    key = tmp_path / "x.toml"
    key.write_text(KEY.format(organisers=organisers), encoding="utf-8")
    return {score.name: score for score in session_scores([(draft, key)])}


def test_a_stated_field_is_right_or_not(draft, tmp_path):
    scores = scores_by_name(draft, tmp_path, "Bộ Công Thương phối hợp với UBND thành phố Hà Nội")
    assert (scores["report.date"].stated, scores["report.date"].right) == (1, 1)
    assert (scores["report.host"].stated, scores["report.host"].right) == (1, 1)
    assert (scores["report.next_host"].stated, scores["report.next_host"].right) == (1, 0)
    assert scores["report.chairs"].stated == 0
    assert "| report.date" in session_table(list(scores.values()))


def test_a_different_value_is_wrong_as_certain_only_without_a_todo(draft, tmp_path):
    scores = scores_by_name(draft, tmp_path, "Bộ Công Thương")
    assert scores["report.organisers"].right == 0
    assert scores["report.organisers"].wrong_as_certain == 0  # the draft marks its organisers TODO
    scores = scores_by_name(draft, tmp_path, "Bộ Công Thương phối hợp với UBND thành phố Hà Nội")
    assert sum(score.wrong_as_certain for score in scores.values()) == 0
