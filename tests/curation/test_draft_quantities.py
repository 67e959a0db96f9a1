"""Amounts in a sentence, in every unit the parsers know, with their growth, share and threshold."""

from decimal import Decimal

import pytest

from curation.draft_quantities import (
    compact_value,
    find_amounts,
    growth_in,
    plan_share_in,
    share_in,
    threshold_in,
)

# Units of ministry reports beyond the five articles: energy, weight, volume, area, "triệu tỷ".
EXTRA_UNITS = [
    ("1,5 tỷ kWh", Decimal("1.5e9"), "kWh", "1.5e9"),
    ("2.300 nghìn tấn", Decimal("2.3e6"), "tonne", "2300e3"),
    ("45 triệu m3", Decimal("45e6"), "m3", "45e6"),
    ("12,5 km2", Decimal("12.5"), "km2", "12.5"),
    ("1,318 triệu tỷ đồng", Decimal("1.318e15"), "VND", "1.318e15"),
    ("3 triệu m³", Decimal("3e6"), "m3", "3e6"),
    ("10 nghìn ha", Decimal("1e4"), "ha", "10e3"),
    ("7 ngàn tỷ đồng", Decimal("7e12"), "VND", "7e12"),
    ("1.056,8 triệu USD", Decimal("1056.8e6"), "USD", "1056.8e6"),
    ("120 triệu kwh", Decimal("120e6"), "kWh", "120e6"),
    ("11,2 triệu người", Decimal("11.2e6"), "person", "11.2e6"),
    ("1,3 triệu dân", Decimal("1.3e6"), "person", "1.3e6"),
]


@pytest.mark.parametrize(("written", "value", "unit", "compact"), EXTRA_UNITS)
def test_every_unit_with_its_multiplier_is_found_and_read(written, value, unit, compact):
    sentence = f"Sản lượng của khu vực ước đạt {written}, tăng 5% so với cùng kỳ."
    [amount, percent] = find_amounts(sentence)
    assert amount.written == written
    assert (amount.quantity.value, amount.quantity.unit) == (value, unit)
    assert compact_value(amount.quantity) == compact
    assert Decimal(compact) == value
    assert percent.is_percent


def test_counts_keep_their_noun_and_denominator():
    [first, second] = find_amounts("25/28 địa phương tăng; có 21 tỉnh, thành phố có mức tăng trên 11%")[:2]
    assert (first.written, first.quantity.denominator) == ("25/28 địa phương", 28)
    assert second.written == "21 tỉnh, thành phố"


def test_numbers_without_a_unit_are_not_amounts():
    assert find_amounts("Ngày 23/9, lần thứ 11, năm 2025, Quý 1-2022, 0:00, 6 tháng đầu năm") == []


def test_an_ambiguous_numeral_is_reported_with_the_parsers_reason_not_guessed():
    [amount] = find_amounts("xuất khẩu đạt 1.5 tỷ USD")
    assert amount.quantity is None
    assert "not a Vietnamese numeral" in amount.error


def test_a_multiplier_without_a_unit_is_reported():
    [amount] = find_amounts("thu hút 2 tỷ vốn")
    assert amount.quantity is None
    assert "no unit" in amount.error


def test_growth_share_and_threshold_phrases():
    assert growth_in(", giảm 2,5% so với cùng kỳ").value == Decimal("-2.5")
    assert share_in(", chiếm tỷ trọng 7,97% tổng mức").value == Decimal("7.97")
    assert share_in(", đạt 74% kế hoạch năm.") is None  # a share of the plan, not of a total
    assert plan_share_in(", đạt 74% kế hoạch năm.").written == "đạt 74% kế hoạch năm"
    assert plan_share_in(", bằng 48,2% so với kế hoạch năm 2024;").value == Decimal("48.2")
    assert threshold_in(" tăng trưởng từ 10% trở lên").value == ("≥", Decimal(10))
    reference = threshold_in(" có mức tăng cao hơn mức tăng bình quân của khu vực (tăng 10,73%) gồm")
    assert reference.value == (">", Decimal("10.73"))


def test_the_earliest_threshold_wins():
    phrase = threshold_in(" có mức tăng trên 11%, cao hơn mức tăng của cả nước (dự kiến cả nước tăng 10,3%)")
    assert phrase.written == "trên 11%"
