"""Period labels a figure can take, and the ones that are something else."""

from datetime import date

from curation.draft_periods import find_periods, period_fields
from vietnamese.periods import parse_period


def labels(text: str) -> list[str]:
    return [label.label for label in find_periods(text)]


def test_flows_and_levels_are_found_as_written():
    text = "Trong 9 tháng đầu năm 2024, … Đến hết tháng 9/2024, … Quý 1-2022, … Năm 2021, … tháng 5/2023"
    assert labels(text) == ["9 tháng đầu năm 2024", "Đến hết tháng 9/2024", "Quý 1-2022", "Năm 2021", "tháng 5/2023"]


def test_a_comparison_base_a_horizon_and_some_months_are_not_periods():
    text = "tăng 17,3% so với cùng kỳ năm 2015; tầm nhìn đến năm 2050; những tháng đầu năm 2022"
    assert labels(text) == []


def test_the_year_of_base_prices_is_not_a_period():
    text = "Năm 2017, giá trị sản xuất (giá so sánh năm 2010) đạt …; theo giá cố định năm 1994 …"
    assert labels(text) == ["Năm 2017"]


def test_a_label_without_its_year_is_not_a_period():
    assert labels("trong 6 tháng đầu năm.") == []


def test_period_fields_of_a_flow_and_of_a_level():
    flow, level = find_periods("6 tháng đầu năm 2024 và đến hết tháng 9/2024")
    assert period_fields(flow.period) == {"period": "2024-01-01/2024-06-30"}
    assert period_fields(level.period) == {"as_of": "2024-09-30"}
    assert level.is_stock and level.period.end == date(2024, 9, 30)


def test_words_naming_a_span_outside_a_label_are_stray():
    from curation.draft_periods import stray_period_words

    assert stray_period_words("Riêng tháng 9, chỉ số tăng 10%.") == ["tháng"]
    assert stray_period_words("Cả năm, xuất khẩu dự kiến đạt 12 tỷ USD.") == ["Cả năm"]
    assert stray_period_words("Tại thời điểm này, toàn vùng có 34 khu công nghiệp.") == ["thời điểm"]
    assert stray_period_words("9 tháng đầu năm 2024, chỉ số tăng 5% so với cùng kỳ năm 2023.") == []
    assert stray_period_words("đạt 48,2% kế hoạch năm 2024; Hội nghị … lần thứ XII năm 2024") == []


def test_đến_nay_is_a_level_whose_date_the_caller_knows():
    from curation.draft_periods import find_to_date

    [label] = find_to_date("Đến nay, toàn vùng có 310 cụm công nghiệp.")
    assert (label.label, label.period, label.is_stock) == ("Đến nay", None, True)
    assert find_to_date("Từ đầu năm đến nay, xuất khẩu đạt 5 tỷ USD.") == []


def test_hiện_có_and_hiện_nay_are_levels_at_the_day_they_are_said():
    from curation.draft_periods import find_to_date

    assert [label.label for label in find_to_date("Hiện có 95 chợ và hiện nay 12 siêu thị.")] == ["Hiện có", "hiện nay"]
    assert parse_period("Hiện có", said_on=date(2031, 10, 9)).end == date(2031, 10, 9)


def test_the_year_of_constant_prices_is_no_period():
    assert labels("Giá trị sản xuất công nghiệp (theo giá so sánh năm 2010) năm 2031 đạt 90 nghìn tỷ đồng") == [
        "năm 2031"
    ]


def test_a_day_within_a_month_or_year_is_not_its_whole_span():
    assert labels("Đến cuối tháng 6/2025, xuất khẩu đạt 10 tỷ USD; đến hết năm 2024; đầu tháng 9/2024") == []
    assert labels("Đến hết tháng 6/2025, toàn vùng có 172 khu công nghiệp.") == ["Đến hết tháng 6/2025"]
