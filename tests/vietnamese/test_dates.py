from datetime import date

import pytest

from vietnamese.dates import parse_day_month, parse_full_date
from vietnamese.errors import ParseError


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("Sáng 17-5", 2024, date(2024, 5, 17)),
        ("Ngayf 23/9", 2022, date(2022, 9, 23)),
        ("Ngày 11/10", 2024, date(2024, 10, 11)),
        ("chiều 13-5", 2022, date(2022, 5, 13)),
        ("Ngày 6/9", 2016, date(2016, 9, 6)),
        ("24/8/2018", 2018, date(2018, 8, 24)),
        ("Sáng 06/10/2023", 2023, date(2023, 10, 6)),
    ],
)
def test_day_month_with_year_from_context(text, year, expected):
    assert parse_day_month(text, year=year) == expected


@pytest.mark.parametrize("text", ["Ngày 31/2", "Sáng nay", "17-5 và 18-5", "Ngày 11/10/2023", "Ngày 11/10/24"])
def test_day_month_refuses_impossible_missing_several_or_another_year(text):
    with pytest.raises(ParseError):
        parse_day_month(text, year=2024)


def test_full_date():
    assert parse_full_date("07/10/2022 00:00") == date(2022, 10, 7)
    assert parse_full_date("  • 07/10/2016 11:35") == date(2016, 10, 7)


@pytest.mark.parametrize("text", ["07/10", "32/01/2022", "07/10/2022 và 08/10/2022"])
def test_full_date_refuses_bad_input(text):
    with pytest.raises(ParseError):
        parse_full_date(text)


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("Ngày 24-8-2018", 2018, date(2018, 8, 24)),
        ("Sáng ngày 24 tháng 8 năm 2018", 2018, date(2018, 8, 24)),
        ("Chiều ngày 13 tháng 5", 2022, date(2022, 5, 13)),
    ],
)
def test_day_month_with_dashes_or_in_words(text, year, expected):
    assert parse_day_month(text, year=year) == expected


def test_dots_and_a_fraction_slash_separate_day_and_month():
    assert parse_day_month("Ngày 20.10", year=2031) == date(2031, 10, 20)
    assert parse_day_month("Ngày 02⁄8⁄2031", year=2031) == date(2031, 8, 2)
    assert parse_full_date("20.10.2031 08:15") == date(2031, 10, 20)
    assert parse_full_date("Thứ bảy - 15/10/2031 12:00 324 0") == date(2031, 10, 15)
    assert parse_full_date("2031-08-03 09:12") == date(2031, 8, 3)
