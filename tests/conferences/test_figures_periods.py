"""The kind of period a figure covers, and the queryset condition that must agree with it."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conferences.figure_filters import period_kind_condition
from conferences.figure_periods import (
    FIRST_MONTHS,
    FULL_YEAR,
    LAST_MONTHS,
    OTHER,
    QUARTER,
    STOCK,
    PeriodKind,
    all_kinds,
    month_span,
    parse_code,
    period_kind,
)
from conferences.models import IndicatorReport


@pytest.mark.parametrize(
    ("start", "end", "is_stock", "expected"),
    [
        (date(2024, 1, 1), date(2024, 6, 30), False, PeriodKind(FIRST_MONTHS, 6)),
        (date(2022, 1, 1), date(2022, 9, 30), False, PeriodKind(FIRST_MONTHS, 9)),
        (date(2024, 1, 1), date(2024, 1, 31), False, PeriodKind(FIRST_MONTHS, 1)),
        (date(2024, 1, 1), date(2024, 2, 29), False, PeriodKind(FIRST_MONTHS, 2)),
        (date(2023, 1, 1), date(2023, 2, 28), False, PeriodKind(FIRST_MONTHS, 2)),
        (date(2024, 1, 1), date(2024, 11, 30), False, PeriodKind(FIRST_MONTHS, 11)),
        (date(2022, 1, 1), date(2022, 3, 31), False, PeriodKind(QUARTER, 1)),
        (date(2022, 4, 1), date(2022, 6, 30), False, PeriodKind(QUARTER, 2)),
        (date(2022, 7, 1), date(2022, 9, 30), False, PeriodKind(QUARTER, 3)),
        (date(2022, 10, 1), date(2022, 12, 31), False, PeriodKind(QUARTER, 4)),
        (date(2021, 1, 1), date(2021, 12, 31), False, PeriodKind(FULL_YEAR)),
        (date(2024, 7, 1), date(2024, 12, 31), False, PeriodKind(LAST_MONTHS, 6)),
        (date(2024, 12, 1), date(2024, 12, 31), False, PeriodKind(LAST_MONTHS, 1)),
        (None, date(2024, 9, 30), True, PeriodKind(STOCK)),
        # not comparable with any named kind
        (date(2024, 1, 1), date(2024, 2, 28), False, PeriodKind(OTHER)),  # 2024 is a leap year
        (date(2024, 1, 1), date(2024, 6, 15), False, PeriodKind(OTHER)),
        (date(2024, 1, 15), date(2024, 6, 30), False, PeriodKind(OTHER)),
        (date(2024, 4, 1), date(2024, 9, 30), False, PeriodKind(OTHER)),
        (date(2023, 10, 1), date(2024, 9, 30), False, PeriodKind(OTHER)),
        (date(2023, 1, 1), date(2024, 12, 31), False, PeriodKind(OTHER)),
        (None, date(2024, 9, 30), False, PeriodKind(OTHER)),
    ],
)
def test_period_kind(start, end, is_stock, expected):
    assert period_kind(start, end, is_stock) == expected


def test_six_and_nine_months_are_different_kinds():
    six = period_kind(date(2024, 1, 1), date(2024, 6, 30), False)
    nine = period_kind(date(2024, 1, 1), date(2024, 9, 30), False)
    assert six != nine
    assert (six.code, nine.code) == ("first-6-months", "first-9-months")


def test_codes_and_english_labels():
    from django.utils import translation

    with translation.override("en"):
        assert [(kind.code, kind.label) for kind in all_kinds() if kind.number in (None, 1, 9)] == [
            ("first-1-months", "first month"),
            ("first-9-months", "first 9 months"),
            ("quarter-1", "quarter 1"),
            ("last-1-months", "last month"),
            ("last-9-months", "last 9 months"),
            ("full-year", "full year"),
            ("stock", "level at a date"),
            ("other", "other period"),
        ]


@pytest.mark.parametrize("code", ["", "nope", "first-3-months", "first-12-months", "last-0-months", "quarter-5"])
def test_codes_that_name_no_kind(code):
    assert parse_code(code) is None


def test_every_kind_round_trips_through_its_code():
    assert all(parse_code(kind.code) == kind for kind in all_kinds())
    assert len({kind.code for kind in all_kinds()}) == len(all_kinds())


days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@given(start=days, length=st.integers(min_value=0, max_value=800), is_stock=st.booleans())
def test_any_period_has_a_kind_named_by_a_code_and_matching_its_months(start, length, is_stock):
    end = start + timedelta(days=length)
    kind = period_kind(None if is_stock else start, end, is_stock)
    assert kind in all_kinds()
    assert parse_code(kind.code) == kind
    span = month_span(kind)
    if span is not None:
        assert (start.month, end.month, start.day, start.year) == (span[0], span[1], 1, end.year)
        assert (end + timedelta(days=1)).day == 1


def month_end(year, month):
    return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)


def periods():
    """Whole-month periods of every length starting each month (leap and common years), and odd ones."""
    for year in (2023, 2024):
        for first in range(1, 13):
            for last in range(first, 13):
                yield date(year, first, 1), month_end(year, last), False
    yield date(2024, 1, 1), date(2024, 2, 28), False
    yield date(2023, 1, 1), date(2023, 2, 28), False
    yield date(2024, 1, 15), date(2024, 6, 30), False
    yield date(2024, 1, 1), date(2024, 6, 15), False
    yield date(2023, 10, 1), date(2024, 9, 30), False
    yield date(2023, 1, 1), date(2024, 12, 31), False
    yield None, date(2024, 9, 30), True


@pytest.mark.django_db
def test_the_filter_condition_selects_exactly_the_figures_of_each_kind():
    template = IndicatorReport.objects.get(slug="hanoimoi-north-28-x-2024-exports")
    expected = {}
    for number, (start, end, is_stock) in enumerate(periods()):
        template.pk = None
        template.slug = f"period-case-{number}"
        template.period_start, template.period_end, template.is_stock = start, end, is_stock
        template.save()
        expected.setdefault(period_kind(start, end, is_stock), set()).add(template.slug)
    cases = IndicatorReport.objects.filter(slug__startswith="period-case-")
    for kind in all_kinds():
        selected = set(cases.filter(period_kind_condition(kind)).values_list("slug", flat=True))
        assert selected == expected.get(kind, set()), kind.code
