import contextlib
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vietnamese.errors import ParseError
from vietnamese.phrases import (
    QUALIFIERS,
    detect_qualifiers,
    parse_growth,
    parse_plan_share,
    parse_share,
    parse_threshold,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tăng 12,3%", "12.3"),
        ("giảm 2,5%", "-2.5"),
        ("tăng 18%", "18"),
        ("Tăng 10,73%", "10.73"),
        ("GIẢM 1.250,5 %", "-1250.5"),
        ("  tăng  0,5%  ", "0.5"),
    ],
)
def test_parse_growth(text, expected):
    assert parse_growth(text) == Decimal(expected)


def test_parse_growth_zero_decline_is_not_negative_zero():
    assert not parse_growth("giảm 0%").is_signed()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "tăng",
        "tăng 12,3",
        "tăng -2%",
        "giảm 1.5%",
        "tăng 12,3% so với cùng kỳ",
        "ước tăng 12,3%",
        "tăng12,3%",
        "chiếm 13,3%",
        "tăng 12,3 tỷ đồng",
    ],
)
def test_parse_growth_rejects(text):
    with pytest.raises(ParseError) as raised:
        parse_growth(text)
    assert repr(text) in str(raised.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("chiếm 13,3%", "13.3"),
        ("chiếm tỷ trọng 7,97%", "7.97"),
        ("chiếm tỉ trọng 7,97%", "7.97"),
        ("Chiếm 50 %", "50"),
        ("chiếm hơn 25%", "25"),
        ("hơn 40%", "40"),
        ("gần 47%", "47"),
    ],
)
def test_parse_share(text, expected):
    assert parse_share(text) == Decimal(expected)


@pytest.mark.parametrize(
    "text",
    ["", "chiếm", "chiếm 13,3", "tăng 13,3%", "đạt 74%", "đạt 74% kế hoạch năm", "chiếm 1.5%", "40%", "đạt hơn 40%"],
)
def test_parse_share_rejects(text):
    with pytest.raises(ParseError) as raised:
        parse_share(text)
    assert repr(text) in str(raised.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("đạt 74% kế hoạch", "74"),
        ("đạt 74% kế hoạch năm", "74"),
        ("bằng 48,2% kế hoạch năm", "48.2"),
        ("Đạt  96,5 % so với kế hoạch năm 2024", "96.5"),
        ("bằng 102% kế hoạch", "102"),
    ],
)
def test_parse_plan_share(text, expected):
    assert parse_plan_share(text) == Decimal(expected)


@pytest.mark.parametrize(
    "text",
    ["", "đạt 74%", "chiếm 74%", "đạt 74% kế hoạch tháng", "tăng 74% kế hoạch", "đạt 7.4% kế hoạch", "kế hoạch"],
)
def test_parse_plan_share_rejects(text):
    with pytest.raises(ParseError) as raised:
        parse_plan_share(text)
    assert repr(text) in str(raised.value)


@pytest.mark.parametrize(
    ("text", "operator", "value"),
    [
        ("tăng trưởng dương", ">", "0"),
        ("từ 10% trở lên", "≥", "10"),
        ("trên 11%", ">", "11"),
        ("cao hơn mức tăng bình quân của khu vực (tăng 10,73%)", ">", "10.73"),
        ("cao hơn mức tăng của cả nước (tăng 9%)", ">", "9"),
        ("cao hơn mức bình quân cả nước (7,4%)", ">", "7.4"),
        ("Tăng trưởng dương", ">", "0"),
    ],
)
def test_parse_threshold(text, operator, value):
    assert parse_threshold(text) == (operator, Decimal(value))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "tăng trưởng âm",
        "từ 10%",
        "dưới 11%",
        "trên 11",
        "cao hơn (tăng 10,73%)",
        "cao hơn mức tăng của cả nước (dự kiến cả nước tăng 9%)",
        "cao hơn mức tăng bình quân của khu vực",
        "trên 1.5%",
    ],
)
def test_parse_threshold_rejects(text):
    with pytest.raises(ParseError) as raised:
        parse_threshold(text)
    assert repr(text) in str(raised.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            ("Trong đó, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của 28 tỉnh, thành khu vực phía Bắc ước đạt "),
            {"estimate"},
        ),
        ("Tổng kim ngạch xuất khẩu của khu vực ước đạt ", {"estimate"}),
        ("Kim ngạch xuất khẩu ước đạt 50 tỷ USD. Trong đó: Hải Phòng đạt ", {"actual"}),
        ("Bắc Ninh ước đạt 40 tỷ USD; Thái Nguyên đạt ", {"actual"}),
        ("cao hơn mức tăng của cả nước (dự kiến cả nước tăng ", {"forecast"}),
        (
            "Tại tỉnh Hòa Bình, 9 tháng đầu năm 2022, chỉ số sản xuất công nghiệp ước tăng ",
            {"estimate"},
        ),
        (
            "Trong đó, 111 cụm công nghiệp đi vào hoạt động, thu hút khoảng ",
            {"approximate"},
        ),
        (", với tổng vốn đăng ký đầu tư hơn ", {"lower_bound"}),
        (
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của khu vực phía Nam đạt hơn ",
            {"lower_bound"},
        ),
        ("Còn kim ngạch nhập khẩu thực hiện ", {"actual"}),
        ("Quý 1-2022, ước đạt ", {"estimate"}),
        ("Đến hết tháng 9/2024, toàn khu vực phía nam có ", {"actual"}),
        ("Có ", {"actual"}),
        ("", {"actual"}),
        ("Các nước đạt ", {"actual"}),
        ("Các nước ước tính đạt ", {"estimate"}),
        ("So với năm trước đạt ", {"actual"}),
        ("ƯỚC ĐẠT ", {"estimate"}),
        ("Dự kiến năm 2024 đạt ", {"forecast"}),
        ("ước đạt hơn ", {"estimate", "lower_bound"}),
        ("dự kiến đạt khoảng ", {"forecast", "approximate"}),
        ("diện tích trên ", {"lower_bound"}),
        ("gần ", {"approximate"}),
        ("xấp xỉ ", {"approximate"}),
        ("tăng cao hơn cùng kỳ, đạt ", {"actual"}),
        ("tăng cao hơn cùng kỳ và đạt ", {"actual"}),
        ("trên địa bàn có ", {"actual"}),
        ("đạt hơnnữa ", {"actual"}),
        ("Sản lượng ước đạt 1.404 nghìn tấn và xuất khẩu ", {"estimate"}),
        ("Sản lượng ước đạt 10,73 nghìn tấn và xuất khẩu ", {"estimate"}),
        ("Sản lượng ước đạt 10 nghìn tấn – xuất khẩu đạt ", {"actual"}),
        ("khu vực Tây Bắc-Đông Bắc ước đạt ", {"estimate"}),
    ],
)
def test_detect_qualifiers(text, expected):
    assert detect_qualifiers(text) == frozenset(expected)


def test_detect_qualifiers_on_decomposed_text():
    assert detect_qualifiers(unicodedata.normalize("NFD", "Tổng cộng ước đạt ")) == {"estimate"}


def test_qualifier_codes():
    assert {"estimate", "forecast", "lower_bound", "approximate", "actual"} == QUALIFIERS


@given(st.text())
def test_detect_qualifiers_returns_known_codes(text):
    codes = detect_qualifiers(text)
    assert codes and codes <= QUALIFIERS
    assert ("actual" in codes) == (codes == {"actual"})


_PHRASE_ALPHABET = st.sampled_from(
    [*"0123456789.,%() ", "tăng", "giảm", "chiếm", "tỷ trọng", "đạt", "bằng", "kế hoạch", "năm", "trên"]
)


@given(st.one_of(st.text(), st.lists(_PHRASE_ALPHABET).map("".join)))
def test_phrase_parsers_only_raise_parse_error(text):
    for parser in (parse_growth, parse_share, parse_plan_share):
        with contextlib.suppress(ParseError):
            assert isinstance(parser(text), Decimal)
    try:
        operator, value = parse_threshold(text)
    except ParseError:
        return
    assert operator in {">", "≥"} and value >= 0
