"""A figure's value whose unit stands apart from its number, in a table-like line's header."""

from decimal import Decimal

import pytest

from vietnamese.errors import ParseError
from vietnamese.numbers import is_bare_number, parse_written_value


@pytest.mark.parametrize(
    ("value_as_written", "unit_as_written", "value", "unit", "unit_words"),
    [
        ("2.140", "tỷ đồng", "2140e9", "VND", "tỷ đồng"),
        ("21,6", "tỷ USD", "21.6e9", "USD", "tỷ USD"),
        ("giảm 3,1", "%", "-3.1", "percent", "%"),
        ("120,7 tỷ USD", "", "120.7e9", "USD", "tỷ USD"),
        ("120,7 tỷ USD", "tỷ USD", "120.7e9", "USD", "tỷ USD"),  # written with its own unit: read alone
    ],
)
def test_parse_written_value(value_as_written, unit_as_written, value, unit, unit_words):
    quantity = parse_written_value(value_as_written, unit_as_written)
    assert (quantity.value, quantity.unit, quantity.unit_as_written) == (Decimal(value), unit, unit_words)


def test_a_bare_number_without_its_header_unit_is_refused():
    with pytest.raises(ParseError, match="no unit"):
        parse_written_value("2.140")


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("2.140", True),
        ("giảm 3,1", True),
        (" 1.056,8 ", True),
        ("2.140 tỷ đồng", False),
        ("tăng 3,1%", False),
        ("", False),
    ],
)
def test_is_bare_number(text, bare):
    assert is_bare_number(text) is bare
