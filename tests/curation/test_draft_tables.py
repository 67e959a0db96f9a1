"""Table-like lines: the unit from the bracketed header, one amount per province item."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings

from curation.draft_places import ProvinceNames
from curation.draft_tables import find_table
from curation.reference import read_reference


@pytest.fixture(scope="module")
def names():
    return ProvinceNames(read_reference(Path(settings.FIXTURE_DIRS[0]) / "reference"))


def test_each_item_takes_the_headers_unit_and_its_own_growth(names):
    line = (
        "Kim ngạch xuất khẩu một số địa phương (triệu USD, so cùng kỳ): Nghệ An 2.140, giảm 3,1%; "
        "Thanh Hóa 5.300,5, tăng 8,2%; và Hà Tĩnh 1.250."
    )
    table = find_table(line, names)
    assert table.unit == "triệu USD"
    assert [(i.place.written, i.number, i.quantity.value) for i in table.items] == [
        ("Nghệ An", "2.140", Decimal("2140e6")),
        ("Thanh Hóa", "5.300,5", Decimal("5300.5e6")),
        ("Hà Tĩnh", "1.250", Decimal("1250e6")),
    ]
    assert [i.growth.value if i.growth else None for i in table.items] == [Decimal("-3.1"), Decimal("8.2"), None]
    assert line[table.items[0].start : table.items[0].end] == "2.140"


def test_a_unit_after_đvt_and_items_between_commas_with_growths_in_brackets(names):
    line = "Xuất khẩu 9 tháng (ĐVT: triệu USD): Thanh Hóa 5.120 (tăng 12,4%), Nghệ An 2.310 (giảm 8,7%), Hà Tĩnh 1.460."
    table = find_table(line, names)
    assert table.unit == "triệu USD"
    assert [(i.place.written, i.number) for i in table.items] == [
        ("Thanh Hóa", "5.120"),
        ("Nghệ An", "2.310"),
        ("Hà Tĩnh", "1.460"),
    ]
    assert [i.growth.written if i.growth else None for i in table.items] == ["tăng 12,4%", "giảm 8,7%", None]


@pytest.mark.parametrize(
    "line",
    [
        "Theo báo cáo (Sở Công Thương, tháng 9): Nghệ An 2.140; Thanh Hóa 5.300.",  # no unit in the header
        "Kim ngạch xuất khẩu (triệu USD): Nghệ An 2.140.",  # one item is no table
        "Chỉ số sản xuất công nghiệp (%): Nghệ An 5,2; Thanh Hóa 8,1.",  # a percentage header
    ],
)
def test_lines_of_another_shape_are_no_table(names, line):
    assert find_table(line, names) is None


def test_a_table_written_one_item_a_line_is_joined_under_its_header(names):
    from curation.draft_tables import join_table_lines
    from curation.draft_text import split_sentences

    text = (
        "Kim ngạch xuất khẩu 6 tháng đầu năm 2024 (triệu USD, so cùng kỳ):\n"
        "- Thanh Hóa: 5.120, tăng 12,4%;\n"
        "- Nghệ An: 2.310, giảm 8,7%.\n"
        "Đến nay, toàn vùng có 34 khu công nghiệp."
    )
    joined = join_table_lines(split_sentences(text), text, names)
    assert [s.text for s in joined] == [text.rsplit("\n", 1)[0], "Đến nay, toàn vùng có 34 khu công nghiệp."]
    assert [s.index for s in joined] == [0, 1]
    table = find_table(joined[0].text, names)
    assert [(i.place.written, i.number, str(i.growth.value)) for i in table.items] == [
        ("Thanh Hóa", "5.120", "12.4"),
        ("Nghệ An", "2.310", "-8.7"),
    ]
