import pytest
from hypothesis import given
from hypothesis import strategies as st

from vietnamese.errors import ParseError
from vietnamese.roman import from_roman, parse_session, to_roman


@pytest.mark.parametrize(
    ("n", "roman"),
    [
        (1, "I"),
        (4, "IV"),
        (8, "VIII"),
        (9, "IX"),
        (10, "X"),
        (11, "XI"),
        (14, "XIV"),
        (40, "XL"),
        (90, "XC"),
        (400, "CD"),
        (900, "CM"),
        (1994, "MCMXCIV"),
        (3999, "MMMCMXCIX"),
    ],
)
def test_to_and_from_roman(n, roman):
    assert to_roman(n) == roman
    assert from_roman(roman) == n
    assert from_roman(roman.lower()) == n


@pytest.mark.parametrize("n", [0, -1, 4000])
def test_to_roman_rejects_out_of_range(n):
    with pytest.raises(ValueError, match=str(n)):
        to_roman(n)


@pytest.mark.parametrize("n", [True, 1.0, "1"])
def test_to_roman_rejects_non_int(n):
    with pytest.raises(TypeError):
        to_roman(n)


@pytest.mark.parametrize(
    "text",
    ["XIVV", "IIII", "VX", "IC", "", "IL", "VV", "MMMM", "XM", " X", "X ", "ⅹ", "xı", "1", "A"],
)
def test_from_roman_rejects(text):
    with pytest.raises(ParseError, match="not a canonical Roman numeral"):
        from_roman(text)


def test_roman_round_trip_exhaustive():
    for n in range(1, 4000):
        assert from_roman(to_roman(n)) == n


@given(st.integers(min_value=1, max_value=3999))
def test_roman_round_trip(n):
    assert from_roman(to_roman(n).lower()) == n


@given(st.text(alphabet="IVXLCDMivxlcdm", min_size=1, max_size=12))
def test_accepted_roman_strings_are_canonical(text):
    try:
        n = from_roman(text)
    except ParseError:
        return
    assert to_roman(n) == text.upper()


@given(st.text())
def test_from_roman_only_raises_parse_error(text):
    try:
        n = from_roman(text)
    except ParseError:
        return
    assert to_roman(n) == text.upper()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10", 10),
        ("X", 10),
        ("x", 10),
        ("lần thứ X", 10),
        ("Lần thứ 11", 11),
        ("lần 11", 11),  # as real pages name a session: "… khu vực phía Nam lần 11 - năm 2025"
        ("lần thứ VIII", 8),
        ("  LẦN   THỨ  viii  ", 8),
        ("3999", 3999),
        ("1", 1),
    ],
)
def test_parse_session(text, expected):
    assert parse_session(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "0",
        "-1",
        "XIVV",
        "lần thứ",
        "abc",
        "10a",
        "4000",
        "99999",
        "",
        "010",
        "lần",
        "thứ X",
        "lần thứ X XI",
        "lầnthứ X",
        "١٠",
    ],
)
def test_parse_session_rejects(text):
    with pytest.raises(ParseError) as raised:
        parse_session(text)
    assert repr(text) in str(raised.value)


@given(st.text())
def test_parse_session_only_raises_parse_error(text):
    try:
        n = parse_session(text)
    except ParseError:
        return
    assert 1 <= n <= 3999
