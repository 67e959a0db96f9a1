"""``listings.fields``: a year or a range, and a session number, as people type them in a list's address.

How a session number is read is ``vietnamese.roman.parse_session``'s (tests/vietnamese/test_roman.py);
here, what the form field makes of it.
"""

import pytest
from django import forms
from django.utils import translation

from listings.fields import FIRST_YEAR, LAST_YEAR, SessionField, YearRangeField


def errors(field: forms.Field, value: str) -> list[tuple[str, str]]:
    with pytest.raises(forms.ValidationError) as raised, translation.override("en"):
        field.clean(value)
    with translation.override("en"):
        return [(error.code, str(error.message % (error.params or {}))) for error in raised.value.error_list]


@pytest.mark.parametrize(
    ("value", "years"),
    [
        ("2024", (2024, 2024)),
        ("2022-2024", (2022, 2024)),
        (" 2022 – 2024 ", (2022, 2024)),  # en dash, spaces
        ("2022—2024", (2022, 2024)),  # em dash
        ("2024-2024", (2024, 2024)),
        (f"{FIRST_YEAR}-{LAST_YEAR}", (FIRST_YEAR, LAST_YEAR)),
    ],
)
def test_a_year_or_a_range_is_read_as_its_first_and_last_year(value, years):
    assert YearRangeField(required=False).clean(value) == years


@pytest.mark.parametrize("value", ["", "   "])
def test_no_year_is_no_filter(value):
    assert YearRangeField(required=False).clean(value) is None


@pytest.mark.parametrize(
    "value",
    [
        "abc",
        "24",
        "20245",
        "2022-",
        "-2024",
        "2022-2024-2026",
        "2022..2024",
        "٢٠٢٤",  # Arabic-Indic digits: the API's published pattern allows ASCII digits only
        str(FIRST_YEAR - 1),
        f"2024-{LAST_YEAR + 1}",
    ],
)
def test_anything_else_is_refused_with_an_example_of_what_is_meant(value):
    assert errors(YearRangeField(required=False), value) == [
        ("invalid", "Enter a year (2024) or a range of years (2022-2024).")
    ]


def test_a_range_backwards_is_refused_as_such():
    assert errors(YearRangeField(required=False), "2024-2022") == [
        ("order", "The range must run from the earlier year to the later one.")
    ]


def test_a_year_field_takes_no_more_than_twenty_characters():
    assert [code for code, _message in errors(YearRangeField(required=False), "2022" + " " * 17 + "-2024")] == [
        "max_length"
    ]


@pytest.mark.parametrize(("value", "number"), [("10", 10), ("X", 10), ("x", 10), ("lần thứ X", 10), (" XIV ", 14)])
def test_a_session_number_is_read_in_digits_or_roman_numerals(value, number):
    assert SessionField(required=False).clean(value) == number


def test_no_session_number_is_no_filter():
    assert SessionField(required=False).clean("") is None


@pytest.mark.parametrize("value", ["XIVV", "0", "lần thứ", "tenth", "010"])
def test_a_session_number_that_cannot_be_read_is_refused_with_examples(value):
    assert errors(SessionField(required=False), value) == [("invalid", "Enter a session number: 10, X or “lần thứ X”.")]


def test_a_session_field_takes_no_more_than_thirty_characters():
    assert [code for code, _message in errors(SessionField(required=False), "lần thứ " + "X" * 30)] == ["max_length"]
