"""The build reads a table-like line's cell with the unit its header writes once (``unit_as_written``)."""

from pathlib import Path

import pytest
from django.conf import settings

from curation.corpus import key_problems

REFERENCE = Path(settings.FIXTURE_DIRS[0]) / "reference"

ARTICLE = (
    "Ngày 6/9, tại Ninh Bình, Bộ Công Thương tổ chức Hội nghị ngành Công Thương khu vực phía Bắc năm 2016.\n"
    "Bán lẻ 9 tháng đầu năm 2016 (tỷ đồng, so cùng kỳ): Ninh Bình 2.140, giảm 3,1%.\n"
)

KEY = """
[source]
slug = "table"
publication = ""
publication_note = ""
title = ""
author = ""
published_on = ""
published_as_written = ""
reproduction_notice = ""

[[conference]]
slug = "north-28-2016"
region = "north-28"
kind = "report"
session = ""
year = 2016
status = "held"
date = "2016-09-06"
date_as_written = "Ngày 6/9"
host = "Ninh Bình"
host_basis = "venue"
venue = "Ninh Bình"
organisers = ""
chairs = ""
theme = ""
next_host = ""
quotes = ["Ngày 6/9, tại Ninh Bình, Bộ Công Thương tổ chức Hội nghị ngành Công Thương khu vực phía Bắc năm 2016."]

[[figure]]
id = "{id}"
conference = "north-28-2016"
indicator = "retail_sales"
indicator_as_written = "Bán lẻ"
scope = "province"
province = "{province}"
quote = "Bán lẻ 9 tháng đầu năm 2016 (tỷ đồng, so cùng kỳ): Ninh Bình 2.140, giảm 3,1%."
clause = "{clause}"
value_as_written = "{written}"
{unit_line}
value = "{value}"
unit = "VND"
growth_as_written = "{growth}"
growth_pct = "{growth_pct}"
qualifier = "actual"
period_label = "9 tháng đầu năm 2016"
period = "2016-01-01/2016-09-30"
"""

NINH_BINH = {
    "id": "retail-ninh-binh",
    "province": "Ninh Bình",
    "clause": "Ninh Bình 2.140, giảm 3,1%",
    "written": "2.140",
    "unit_line": 'unit_as_written = "tỷ đồng"',
    "value": "2140e9",
    "growth": "giảm 3,1%",
    "growth_pct": "-3.1",
}


def problems(tmp_path: Path, **changes) -> list[str]:
    article = tmp_path / "001_table.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    article.with_suffix(".toml").write_text(KEY.format(**{**NINH_BINH, **changes}), encoding="utf-8")
    return key_problems(article, REFERENCE)


def test_a_cell_is_read_with_its_header_unit(tmp_path):
    assert problems(tmp_path) == []


def test_the_value_must_be_the_cell_read_with_the_header_unit(tmp_path):
    assert any("the annotation says 2140000" in p for p in problems(tmp_path, value="2140e6"))


@pytest.mark.parametrize(
    ("unit_line", "message"),
    [
        ("", "has no unit after the number"),
        ('unit_as_written = "triệu USD"', "unit_as_written 'triệu USD' is not in the quote"),
    ],
)
def test_a_cell_without_its_header_unit_is_refused(tmp_path, unit_line, message):
    assert any(message in p for p in problems(tmp_path, unit_line=unit_line))


def test_the_header_unit_is_only_for_a_bare_number(tmp_path):
    found = problems(tmp_path, written="2.140, giảm 3,1%", clause="Ninh Bình 2.140, giảm 3,1%")
    assert any("unit_as_written is for a value written without its unit" in p for p in found)
