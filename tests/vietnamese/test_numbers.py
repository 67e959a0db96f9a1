import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vietnamese.errors import ParseError
from vietnamese.numbers import (
    COUNT_NOUNS,
    MEASURE_UNITS,
    MULTIPLIERS,
    Quantity,
    parse_number,
    parse_quantity,
    parse_signed_quantity,
)


def vietnamese(integer: int, fraction: str = "") -> str:
    """Format like the articles: "." between thousand groups, "," before decimals."""
    grouped = f"{integer:,}".replace(",", ".")
    return f"{grouped},{fraction}" if fraction else grouped


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.404", "1404"),
        ("120,7", "120.7"),
        ("1.056,8", "1056.8"),
        ("38.490", "38490"),
        ("16", "16"),
        ("1,318", "1.318"),
        ("162.810", "162810"),
        ("0,5", "0.5"),
        ("10,73", "10.73"),
        ("0", "0"),
        ("1.000.000", "1000000"),
        ("2022", "2022"),
    ],
)
def test_parse_number(text, expected):
    result = parse_number(text)
    assert result == Decimal(expected)
    assert isinstance(result, Decimal)


def test_parse_number_keeps_exact_decimal():
    assert parse_number("120,7").as_tuple() == Decimal("120.7").as_tuple()


@pytest.mark.parametrize(
    "text",
    [
        "1.5",
        "1.23",
        "1,2,3",
        "1.234.5",
        "",
        " 1",
        "1 ",
        "1.",
        ",5",
        "01",
        "00,5",
        "1,",
        "abc",
        "1a",
        "-1",
        "+1",
        "1.2345",
        "1234.567",
        "1,234.5",
        "١٢",
        "1\n",
    ],
)
def test_parse_number_rejects(text):
    with pytest.raises(ParseError, match="not a Vietnamese numeral"):
        parse_number(text)


def test_parse_error_is_value_error():
    with pytest.raises(ValueError):
        parse_number("x")


@pytest.mark.parametrize(
    ("text", "value", "unit", "unit_as_written", "number_as_written", "denominator"),
    [
        ("1.404 nghìn tỷ đồng", "1404000000000000", "VND", "nghìn tỷ đồng", "1.404", None),
        ("120,7 tỷ USD", "120700000000", "USD", "tỷ USD", "120,7", None),
        ("1.056,8 triệu USD", "1056800000", "USD", "triệu USD", "1.056,8", None),
        ("38.490 tỷ đồng", "38490000000000", "VND", "tỷ đồng", "38.490", None),
        ("1,318 triệu tỷ đồng", "1318000000000000", "VND", "triệu tỷ đồng", "1,318", None),
        ("8.498 ha", "8498", "ha", "ha", "8.498", None),
        ("96,41 tỷ USD", "96410000000", "USD", "tỷ USD", "96,41", None),
        ("105.091 tỷ đồng", "105091000000000", "VND", "tỷ đồng", "105.091", None),
        ("370.461 tỷ đồng", "370461000000000", "VND", "tỷ đồng", "370.461", None),
        ("11,28 tỷ USD", "11280000000", "USD", "tỷ USD", "11,28", None),
        ("2.442 nghìn tỷ đồng", "2442000000000000", "VND", "nghìn tỷ đồng", "2.442", None),
        ("73.809 tỷ đồng", "73809000000000", "VND", "tỷ đồng", "73.809", None),
        ("1.919 nghìn tỷ đồng", "1919000000000000", "VND", "nghìn tỷ đồng", "1.919", None),
        ("186 cụm công nghiệp", "186", "count", "cụm công nghiệp", "186", None),
        ("111 cụm công nghiệp", "111", "count", "cụm công nghiệp", "111", None),
        ("162.810 lao động", "162810", "count", "lao động", "162.810", None),
        ("1.618 dự án", "1618", "count", "dự án", "1.618", None),
        ("25/28 địa phương", "25", "count", "địa phương", "25/28", 28),
        ("6/20 tỉnh, thành", "6", "count", "tỉnh, thành", "6/20", 20),
        ("21 tỉnh, thành phố", "21", "count", "tỉnh, thành phố", "21", None),
        ("18,3%", "18.3", "percent", "%", "18,3", None),
        ("10,3%", "10.3", "percent", "%", "10,3", None),
        ("74%", "74", "percent", "%", "74", None),
        ("74 %", "74", "percent", "%", "74", None),
        ("  5 tấn  ", "5", "tonne", "tấn", "5", None),
        ("5 ngàn tỉ VNĐ", "5000000000000", "VND", "ngàn tỉ VNĐ", "5", None),
        ("2,5 triệu đô la Mỹ", "2500000", "USD", "triệu đô la Mỹ", "2,5", None),
        ("3 km²", "3", "km2", "km²", "3", None),
        ("3 m3", "3", "m3", "m3", "3", None),
        ("1,5 triệu kWh", "1500000", "kWh", "triệu kWh", "1,5", None),
        ("12 héc ta", "12", "ha", "héc ta", "12", None),
        ("0,5 nghìn tấn", "500", "tonne", "nghìn tấn", "0,5", None),
        ("1,2345 nghìn tấn", "1234.5", "tonne", "nghìn tấn", "1,2345", None),
        ("2,1 tỷ kWh", "2100000000", "kWh", "tỷ kWh", "2,1", None),
        ("350 nghìn tấn", "350000", "tonne", "nghìn tấn", "350", None),
        ("12,6 triệu tấn", "12600000", "tonne", "triệu tấn", "12,6", None),
        ("45,3 triệu m3", "45300000", "m3", "triệu m3", "45,3", None),
        ("16.493 km2", "16493", "km2", "km2", "16.493", None),
        ("1,3 triệu dân", "1300000", "person", "triệu dân", "1,3", None),
        ("5,2 triệu người", "5200000", "person", "triệu người", "5,2", None),
        ("850 nghìn người dân", "850000", "person", "nghìn người dân", "850", None),
        ("900.000 dân", "900000", "person", "dân", "900.000", None),
        ("500 người", "500", "count", "người", "500", None),
        ("1.404 ngàn tỷ đồng", "1404000000000000", "VND", "ngàn tỷ đồng", "1.404", None),
    ],
)
def test_parse_quantity(text, value, unit, unit_as_written, number_as_written, denominator):
    assert parse_quantity(text) == Quantity(
        value=Decimal(value),
        unit=unit,
        unit_as_written=unit_as_written,
        number_as_written=number_as_written,
        denominator=denominator,
    )


@pytest.mark.parametrize(
    ("text", "unit"),
    [("120,7 TỶ usd", "USD"), ("5 Tỉnh, Thành Phố", "count"), ("7 KWH", "kWh"), ("1 vnd", "VND")],
)
def test_parse_quantity_unit_case_insensitive_keeps_written_form(text, unit):
    quantity = parse_quantity(text)
    assert quantity.unit == unit
    assert quantity.unit_as_written == text.split(" ", 1)[1]


def test_parse_quantity_accepts_decomposed_unicode():
    text = unicodedata.normalize("NFD", "1.404 nghìn tỷ đồng")
    quantity = parse_quantity(text)
    assert quantity.value == Decimal(1404000000000000)
    assert quantity.unit_as_written == text.split(" ", 1)[1]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("5 nghìn %", "takes no multiplier"),
        ("5 triệu dự án", "takes no multiplier"),
        ("5 triệu người lao động", "unknown unit"),
        ("giảm 3,7%", "does not start with a number"),
        ("25/20 địa phương", "at least the numerator"),
        ("25/0 địa phương", "positive"),
        ("25/28,5 địa phương", "whole number"),
        ("25,5/28 địa phương", "whole number"),
        ("25/ địa phương", "whole number"),
        ("1,5 dự án", "whole number"),
        ("25/28 tỷ đồng", "only a count"),
        ("25/28%", "only a count"),
        ("5 con", "unknown unit 'con'"),
        ("5 tỷ", "has no unit"),
        ("5 tỷ tỷ đồng", "unknown unit"),
        ("5 tỷ nghìn đồng", "unknown unit"),
        ("5 nghìn nghìn đồng", "unknown unit"),
        ("16", "no unit"),
        ("", "does not start with a number"),
        ("tỷ đồng", "does not start with a number"),
        ("-5 tỷ đồng", "does not start with a number"),
        ("5tỷ đồng", "needs a space"),
        ("1.5 tỷ đồng", "not a Vietnamese numeral"),
        ("01 tỷ đồng", "not a Vietnamese numeral"),
        ("5 tỷ đồng.", "unknown unit"),
        ("5 tỷ đồng và 6 tỷ USD", "unknown unit"),
        ("5 tỉnh,thành", "unknown unit"),
    ],
)
def test_parse_quantity_rejects(text, message):
    with pytest.raises(ParseError, match=message) as raised:
        parse_quantity(text)
    assert repr(text) in str(raised.value)


def test_ngan_is_a_spelling_of_nghin():
    assert parse_quantity("1.919 ngàn tỷ đồng").value == parse_quantity("1.919 nghìn tỷ đồng").value


@pytest.mark.parametrize(
    ("text", "value", "unit", "sign_as_written"),
    [
        ("giảm 3,7%", "-3.7", "percent", "giảm"),
        ("tăng 8,1%", "8.1", "percent", "tăng"),
        ("Giảm 12 %", "-12", "percent", "Giảm"),
        ("nhập siêu 1,2 tỷ USD", "-1.2e9", "USD", "nhập siêu"),
        ("xuất siêu 2,5 tỷ USD", "2.5e9", "USD", "xuất siêu"),
        ("Xuất  siêu 350 triệu USD", "3.5e8", "USD", "Xuất  siêu"),
        ("giảm 5 doanh nghiệp", "-5", "count", "giảm"),
        ("120,7 tỷ USD", "1.207e11", "USD", ""),
    ],
)
def test_parse_signed_quantity(text, value, unit, sign_as_written):
    quantity = parse_signed_quantity(text)
    assert (quantity.value, quantity.unit, quantity.sign_as_written) == (Decimal(value), unit, sign_as_written)


def test_a_signed_quantity_keeps_the_number_and_unit_as_written():
    quantity = parse_signed_quantity("nhập siêu 1,2 tỷ USD")
    assert (quantity.number_as_written, quantity.unit_as_written) == ("1,2", "tỷ USD")


def test_a_decline_of_zero_is_not_negative_zero():
    assert str(parse_signed_quantity("giảm 0%").value) == "0"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("giảm", "does not start with a number"),
        ("giảm 3.7%", "not a Vietnamese numeral"),
        ("giảmx 3,7%", "does not start with a number"),
        ("siêu 2 tỷ USD", "does not start with a number"),
        ("giảm giảm 3,7%", "does not start with a number"),
        ("giảm 3,7 con", "unknown unit"),
    ],
)
def test_parse_signed_quantity_rejects(text, message):
    with pytest.raises(ParseError, match=message) as raised:
        parse_signed_quantity(text)
    assert repr(text) in str(raised.value)


@given(
    st.lists(st.sampled_from([*"0123456789.,% ", "tăng", "giảm", "xuất siêu", "nhập siêu", "tỷ", "USD"])).map("".join)
)
def test_parse_signed_quantity_only_raises_parse_error(text):
    try:
        quantity = parse_signed_quantity(text)
    except ParseError:
        return
    assert isinstance(quantity, Quantity)


@st.composite
def vietnamese_decimals(draw):
    integer = draw(st.integers(min_value=0, max_value=10**15 - 1))
    places = draw(st.integers(min_value=0, max_value=3))
    fraction = draw(st.integers(min_value=0, max_value=10**places - 1)) if places else 0
    digits = f"{fraction:0{places}d}" if places else ""
    return vietnamese(integer, digits), Decimal(f"{integer}.{digits}" if digits else f"{integer}")


@given(vietnamese_decimals())
def test_parse_number_reads_formatted_decimals(case):
    text, expected = case
    assert parse_number(text) == expected


@given(st.text())
def test_parse_number_only_raises_parse_error(text):
    try:
        result = parse_number(text)
    except ParseError:
        return
    assert isinstance(result, Decimal)
    assert result >= 0


_QUANTITY_ALPHABET = st.sampled_from([*"0123456789.,/% ", "tỷ", "đồng", "nghìn", "dự án"])


@given(st.one_of(st.text(), st.lists(_QUANTITY_ALPHABET).map("".join)))
def test_parse_quantity_only_raises_parse_error(text):
    try:
        quantity = parse_quantity(text)
    except ParseError:
        return
    assert isinstance(quantity, Quantity)


@given(
    vietnamese_decimals(),
    st.sampled_from(sorted(MULTIPLIERS.items())),
    st.sampled_from(sorted(MEASURE_UNITS.items())),
    st.sampled_from([str.lower, str.upper, lambda s: s]),
)
def test_parse_quantity_round_trip(case, multiplier, base, casing):
    number_text, number = case
    (multiplier_words, exponent), (unit_words, unit) = multiplier, base
    unit_as_written = casing(f"{multiplier_words} {unit_words}")
    quantity = parse_quantity(f"{number_text} {unit_as_written}")
    assert quantity.value == number * 10**exponent
    assert quantity.unit == unit
    assert quantity.unit_as_written == unit_as_written
    assert quantity.number_as_written == number_text
    assert quantity.denominator is None


@given(
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=0, max_value=10**6),
    st.sampled_from(COUNT_NOUNS),
)
def test_parse_quantity_count_fraction(numerator, extra, noun):
    denominator = numerator + extra
    text = f"{vietnamese(numerator)}/{vietnamese(denominator)} {noun}"
    if denominator == 0:
        with pytest.raises(ParseError):
            parse_quantity(text)
        return
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.denominator, quantity.unit) == (
        numerator,
        denominator,
        "count",
    )
