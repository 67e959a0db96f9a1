from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vietnamese.errors import ParseError
from vietnamese.periods import Period, is_to_date, parse_period


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("9 tháng đầu năm 2022", date(2022, 1, 1), date(2022, 9, 30)),
        ("6 tháng đầu năm 2024", date(2024, 1, 1), date(2024, 6, 30)),
        ("9 tháng năm 2016", date(2016, 1, 1), date(2016, 9, 30)),
        ("Trong 9 tháng đầu năm 2022", date(2022, 1, 1), date(2022, 9, 30)),
        ("trong 6 tháng đầu năm 2024", date(2024, 1, 1), date(2024, 6, 30)),
        ("2 tháng đầu năm 2024", date(2024, 1, 1), date(2024, 2, 29)),
        ("2 tháng đầu năm 2023", date(2023, 1, 1), date(2023, 2, 28)),
        ("12 tháng năm 2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("1 tháng đầu năm 2023", date(2023, 1, 1), date(2023, 1, 31)),
        ("3 tháng cuối năm 2024", date(2024, 10, 1), date(2024, 12, 31)),
        ("6 tháng cuối năm 2023", date(2023, 7, 1), date(2023, 12, 31)),
        ("Quý 1-2022", date(2022, 1, 1), date(2022, 3, 31)),
        ("quý I/2022", date(2022, 1, 1), date(2022, 3, 31)),
        ("Quý I năm 2022", date(2022, 1, 1), date(2022, 3, 31)),
        ("quý 4/2023", date(2023, 10, 1), date(2023, 12, 31)),
        ("Quý II/2024", date(2024, 4, 1), date(2024, 6, 30)),
        ("quý iii - 2024", date(2024, 7, 1), date(2024, 9, 30)),
        ("QUÝ IV NĂM 2021", date(2021, 10, 1), date(2021, 12, 31)),
        ("Năm 2021", date(2021, 1, 1), date(2021, 12, 31)),
        ("năm 2021", date(2021, 1, 1), date(2021, 12, 31)),
        ("trong năm 2021", date(2021, 1, 1), date(2021, 12, 31)),
        ("tháng 9/2024", date(2024, 9, 1), date(2024, 9, 30)),
        ("tháng 9 năm 2024", date(2024, 9, 1), date(2024, 9, 30)),
        ("Tháng 2/2100", date(2100, 2, 1), date(2100, 2, 28)),
        ("tháng 2/2000", date(2000, 2, 1), date(2000, 2, 29)),
        ("  năm   1900 ", date(1900, 1, 1), date(1900, 12, 31)),
        ("tháng 09/2024", date(2024, 9, 1), date(2024, 9, 30)),
        ("09 tháng đầu năm 2022", date(2022, 1, 1), date(2022, 9, 30)),
        ("Chín tháng năm 2031", date(2031, 1, 1), date(2031, 9, 30)),
        ("Năm tháng đầu năm 2031", date(2031, 1, 1), date(2031, 5, 31)),
        ("mười một tháng năm 2030", date(2030, 1, 1), date(2030, 11, 30)),
    ],
)
def test_parse_period_flow(label, start, end):
    assert parse_period(label) == Period(start=start, end=end, is_stock=False)


@pytest.mark.parametrize(
    ("label", "end"),
    [
        ("Đến hết tháng 9/2024", date(2024, 9, 30)),
        ("đến hết tháng 9 năm 2024", date(2024, 9, 30)),
        ("Tính đến hết tháng 9/2024", date(2024, 9, 30)),
        ("đến hết tháng 2/2024", date(2024, 2, 29)),
        ("đến hết tháng 2/1900", date(1900, 2, 28)),
        ("ĐẾN HẾT THÁNG 12/2023", date(2023, 12, 31)),
        ("tính đến hết tháng 6/2024", date(2024, 6, 30)),
    ],
)
def test_parse_period_stock(label, end):
    assert parse_period(label) == Period(start=None, end=end, is_stock=True)


@pytest.mark.parametrize(
    "label", ["Đến nay", "đến nay", "tính đến nay", "Tính  đến nay", "ĐẾN NAY", "Hiện có", "hiện nay", "hiện tại"]
)
def test_to_date_is_a_level_at_the_date_it_was_said(label):
    assert is_to_date(label)
    said_on = date(2024, 10, 18)
    assert parse_period(label, said_on=said_on) == Period(start=None, end=said_on, is_stock=True)


def test_to_date_without_the_date_it_was_said_is_refused():
    with pytest.raises(ParseError, match="date it was said") as raised:
        parse_period("Đến nay")
    assert "'Đến nay'" in str(raised.value)


@pytest.mark.parametrize(
    "label", ["đến nay năm 2024", "từ đầu năm đến nay", "Đến hết tháng 9/2024", "nay", "hiện có 12 chợ"]
)
def test_other_labels_are_not_to_date(label):
    assert not is_to_date(label)


def test_said_on_does_not_change_a_dated_label():
    assert parse_period("Đến hết tháng 9/2024", said_on=date(2024, 10, 18)).end == date(2024, 9, 30)


@pytest.mark.parametrize(
    ("label", "message"),
    [
        ("6 tháng đầu năm", "no year"),
        ("Trong 9 tháng đầu năm", "no year"),
        ("3 tháng cuối năm", "no year"),
        ("năm 1899", "outside 1900-2100"),
        ("năm 2101", "outside 1900-2100"),
        ("13 tháng năm 2020", "1 to 12 months"),
        ("0 tháng đầu năm 2020", "1 to 12 months"),
        ("tháng 13/2024", "month 13"),
        ("tháng 0/2024", "month 0"),
        ("đến hết tháng 13/2024", "month 13"),
        ("quý 5/2022", "quarter"),
        ("quý V/2022", "quarter"),
        ("quý IIII/2022", "quarter"),
        ("quý 0/2022", "quarter"),
        ("quý 01/2022", "quarter"),
        ("", "not a recognised period"),
        ("năm 22", "not a recognised period"),
        ("năm 20221", "not a recognised period"),
        ("quý 1", "not a recognised period"),
        ("tháng 9", "not a recognised period"),
        ("tháng 9/24", "not a recognised period"),
        ("9 tháng đầu năm 2022 và 2023", "not a recognised period"),
        ("trong đến hết tháng 9/2024", "not a recognised period"),
        ("Đến hết năm 2024", "not a recognised period"),
        ("cả năm 2024", "not a recognised period"),
        ("tháng9/2024", "not a recognised period"),
    ],
)
def test_parse_period_rejects(label, message):
    with pytest.raises(ParseError, match=message) as raised:
        parse_period(label)
    assert repr(label) in str(raised.value)


@given(st.integers(min_value=1900, max_value=2100), st.integers(min_value=1, max_value=12))
def test_month_and_stock_agree(year, month):
    flow = parse_period(f"tháng {month}/{year}")
    stock = parse_period(f"đến hết tháng {month} năm {year}")
    assert flow.start == date(year, month, 1)
    assert stock.end == flow.end
    assert (flow.end.month, flow.end.year) == (month, year)
    assert (flow.end + timedelta(days=1)).day == 1


@given(st.integers(min_value=1900, max_value=2100), st.integers(min_value=1, max_value=12))
def test_first_and_last_months_partition_the_year(year, months):
    first = parse_period(f"{months} tháng đầu năm {year}")
    assert first.start == date(year, 1, 1)
    assert first.end.month == months
    if months < 12:
        last = parse_period(f"{12 - months} tháng cuối năm {year}")
        assert last.start.month == months + 1
        assert last.end == date(year, 12, 31)
        assert (last.start - first.end).days == 1


@given(st.text())
def test_parse_period_only_raises_parse_error(label):
    try:
        period = parse_period(label)
    except ParseError:
        return
    assert period.start is None or period.start <= period.end
