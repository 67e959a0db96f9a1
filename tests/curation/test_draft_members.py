"""Lists of provinces written one after another (fictional sentences)."""

from pathlib import Path

import pytest
from django.conf import settings

from curation.draft_members import listed_after, runs
from curation.draft_places import ProvinceNames
from curation.reference import read_reference


@pytest.fixture(scope="module")
def names():
    return ProvinceNames(read_reference(Path(settings.FIXTURE_DIRS[0]) / "reference"))


def test_runs_of_provinces_joined_by_commas_and_và(names):
    text = "của Thanh Hóa và Nghệ An tăng 9%, Hà Tĩnh đạt 5 tỷ USD; gồm Cần Thơ, Cà Mau, và tỉnh An Giang"
    assert [[p.written for p in run] for run in runs(names, text)] == [
        ["Thanh Hóa", "Nghệ An"],
        ["Cần Thơ", "Cà Mau", "An Giang"],
    ]


def test_a_list_introduced_after_a_count(names):
    assert [p.written for p in listed_after(names, " là Cần Thơ, Cà Mau và An Giang có diện tích")] == [
        "Cần Thơ",
        "Cà Mau",
        "An Giang",
    ]
    assert listed_after(names, " có mức tăng trên 10%, gồm Cần Thơ và Cà Mau") == []
    assert listed_after(names, " là Cần Thơ đạt 5%") == []
