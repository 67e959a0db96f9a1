"""Each cell the database writes (api/csv_sql.py) is the cell Python's writer writes, on both databases."""

import calendar
import random
from datetime import date
from decimal import Decimal

import factories
import pytest
from django.db import connection
from django.db.models import F, FloatField, TextField, Value

from api.csv_sql import (
    BooleanCell,
    Cells,
    DateCell,
    DecimalCell,
    IntegerCell,
    PeriodKindCell,
    TextCell,
    register_functions,
    stored_decimal_text,
)
from api.stream_writers import csv_line
from conferences.figure_periods import period_kind
from conferences.models import IndicatorReport
from regions.models import Region

pytestmark = pytest.mark.django_db

TRICKY_TEXT = [
    "",
    "plain",
    "Hà Nội, Việt Nam",
    'say "hi"',
    '"',
    '""',
    ",",
    "line\nbreak",
    "carriage\rreturn",
    "crlf\r\nend",
    "trailing newline\n",
    '=HYPERLINK("http://example.com","x")',
    "=1+2",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\tTab",
    "\rReturn",
    "=a,b",
    "-",
    "+",
    "=",
    "@",
    "-3.7",
    "-3.7000",
    "+12",
    "-1.5e9",
    "-1.5E+9",
    "-1e-5",
    "-1.",
    "-.5",
    "--1",
    "-1 ",
    " -1",
    "-1\n",
    "-1\r",
    "-1,5",
    "-1e",
    "-0x1F",
    "-١٢",  # Arabic-Indic digits: not a number for csv_safety's pattern
    "-１２",  # full-width digits
    "'-1",
    "a=b",
    "120,7 tỷ USD",
    "giảm 3,7%",
    '😀, "emoji"',
    "tab\tinside",
    "a" * 3000 + ",",
]


def written_by_python(value) -> str:
    """The cell as ``csv_chunks`` writes it, alone on its line."""
    return csv_line([value, ""])[:-1]


def written_by_database(cell) -> str:
    register_functions(connection)
    return Region.objects.annotate(cell=cell).values_list("cell", flat=True).get()


@pytest.fixture
def one_row(empty_database):
    factories.region()


@pytest.mark.parametrize("text", TRICKY_TEXT)
def test_a_text_cell_is_made_inert_and_quoted_as_python_does(one_row, text):
    assert written_by_database(TextCell(Value(text, output_field=TextField()))) == written_by_python(text)


def test_a_null_text_is_empty(one_row):
    assert written_by_database(TextCell(Value(None, output_field=TextField()))) == ""


def test_cells_are_joined_with_commas_as_one_line(one_row):
    texts = [*TRICKY_TEXT, None, ""]
    cells = Cells(*(TextCell(Value(text, output_field=TextField())) for text in texts))
    assert written_by_database(cells) == csv_line(texts)


PERIODS = [
    *(
        (date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]), False)
        for year in (2023, 2024)
        for first in range(1, 13)
        for last in range(first, 13)
    ),
    (None, date(2024, 6, 30), True),
    (None, date(2024, 2, 29), True),
    (date(2024, 1, 2), date(2024, 6, 30), False),  # not from the first of a month
    (date(2024, 1, 1), date(2024, 6, 29), False),  # not to the end of a month
    (date(2024, 2, 1), date(2024, 2, 28), False),  # 28 February of a leap year is not the end of the month
    (date(2023, 2, 1), date(2023, 2, 28), False),
    (date(2100, 2, 1), date(2100, 2, 28), False),  # 2100 is no leap year
    (date(2000, 1, 1), date(2000, 2, 29), False),  # 2000 is
    (date(2023, 7, 1), date(2024, 6, 30), False),  # across two years
    (date(2023, 1, 1), date(2024, 12, 31), False),
    (date(2024, 3, 15), date(2024, 3, 15), False),
    (date(2024, 12, 1), date(2024, 12, 31), False),
    (date(999, 1, 1), date(999, 12, 31), False),
    (date(9999, 1, 1), date(9999, 12, 31), False),
]


def test_the_kind_of_period_is_period_kinds_code(empty_database):
    figure = factories.figure()
    rows = []
    for number, (start, end, stock) in enumerate(PERIODS):
        figure.pk, figure.slug = None, f"period-{number}"
        figure.period_start, figure.period_end, figure.is_stock = start, end, stock
        figure.save()
        rows.append(figure.pk)
    written = dict(
        IndicatorReport.objects.filter(pk__in=rows)
        .annotate(kind=PeriodKindCell(F("period_start"), F("period_end"), F("is_stock")))
        .values_list("pk", "kind")
    )
    for pk, (start, end, stock) in zip(rows, PERIODS, strict=True):
        assert written[pk] == period_kind(start, end, stock).code, (start, end, stock)


def test_dates_booleans_and_integers_are_written_as_the_serializer_writes_them(empty_database):
    factories.figure(period_start=date(999, 1, 1), period_end=date(999, 3, 31), denominator=63, quote_line=None)
    factories.figure(period_start=None, period_end=date(2024, 2, 29), denominator=None, quote_line=1234567)
    rows = IndicatorReport.objects.annotate(
        line=Cells(
            DateCell(F("period_start")),
            DateCell(F("period_end")),
            BooleanCell(F("is_stock")),
            IntegerCell(F("denominator")),
            IntegerCell(F("quote_line")),
        )
    ).order_by("pk")
    for figure in rows:
        expected = [figure.period_start and figure.period_start.isoformat(), figure.period_end.isoformat()]
        expected += [figure.is_stock, figure.denominator, figure.quote_line]
        assert figure.line == csv_line(expected)


VALUES = [
    "0",
    "1",
    "-3.7",
    "18.3",
    "0.0001",
    "-0.0001",
    "0.5",
    "100",
    "1E+3",
    "120700000000",
    "120700000000.5",
    "123456789012.3125",  # on SQLite a float whose 16th digit is a tie: Django rounds it half-even
    "12345678901234567.8912",
    "-9999999999999999.9999",
    "1234567890123456789",
    "-1234567890123456789",
    "9999999999999999999",  # above SQLite's integers: a float there
]
PERCENTS = [None, "0", "-99.999", "0.001", "1234.567", "0.1", "18.3", "-0.5", "9999.999", "100"]
FLOATS = [0.1 + 0.2, -3.7, 1e-4, 2.5e-4, 123456789012.3125, 1.0000305175781, 1 / 3, -2 / 3, 7e15 + 0.5]


def test_decimals_are_written_as_django_reads_them(empty_database):
    """On SQLite a decimal is stored as an integer, a float or text, and read back through Django's
    converter (15 significant digits, then the field's places): the cell writes what the serializer
    would, for values stored by Django and for floats written there by other means."""
    figures = []
    for number, value in enumerate(VALUES):
        percent = PERCENTS[number % len(PERCENTS)]
        plan_share = None if percent is None or percent.startswith("-") else percent  # never negative
        figures.append(factories.figure(value=value, growth_pct=percent, plan_share_pct=plan_share).pk)
    with connection.cursor() as cursor:
        for pk, number in zip(figures, FLOATS, strict=False):
            cursor.execute(
                f"UPDATE {IndicatorReport._meta.db_table} SET value = %s, growth_pct = %s WHERE id = %s",
                [number, round(number, 3) if abs(number) < 1000 else None, pk],
            )
    fields = ["value", "growth_pct", "share_pct", "plan_share_pct"]
    register_functions(connection)
    cells = {
        f"{name}_cell": DecimalCell(
            F(name),
            decimal_places=IndicatorReport._meta.get_field(name).decimal_places,
            max_digits=IndicatorReport._meta.get_field(name).max_digits,
        )
        for name in fields
    }
    for figure in IndicatorReport.objects.annotate(**cells):
        for name in fields:
            stored = getattr(figure, name)
            assert getattr(figure, f"{name}_cell") == ("" if stored is None else format(stored.normalize(), "f"))


@pytest.mark.parametrize("value", [0.1, 123456789012.3125, 1e-7, -2.5e-4, "1.25", "12345.6789"])
def test_a_stored_float_or_text_is_written_as_djangos_converter_reads_it(value):
    """What ``DecimalCell`` hands Python on SQLite: the converter's value, written plain."""
    from django.db.backends.sqlite3.base import DatabaseWrapper

    read = DatabaseWrapper.ops_class._create_decimal(value).quantize(Decimal("0.0001"))
    assert stored_decimal_text(value, 4, 24) == format(read.normalize(), "f")


def _float_cases() -> list[tuple[float, int]]:
    """(float, decimal places): decimals of a few places as floats, floats that are no short decimal,
    ties at the last place, values about the bound where SQLite's writing stops being used."""
    generator = random.Random(14)
    cases = []
    for places in (0, 1, 3, 4):
        for _ in range(300):
            digits = generator.randint(1, 15)
            shown = generator.randint(0, min(places + 2, digits))
            number = generator.randrange(10 ** (digits - 1), 10**digits) * generator.choice((1, -1))
            cases.append((float(Decimal(number).scaleb(-shown)), places))
        cases += [(generator.uniform(-1e6, 1e6), places) for _ in range(100)]
        cases += [(generator.uniform(-1, 1) * 10.0 ** generator.randint(-9, 16), places) for _ in range(100)]
        bound = 10.0 ** (15 - places)
        cases += [(value, places) for value in (bound, bound - 1, -(bound - 1), bound / 10 + 0.5)]
        cases += [(value, places) for value in (0.5, 1.005, 2.675, 0.125, 0.0005, 1e-7, -2.5e-4, 5e-5, 0.1 + 0.2)]
    return cases


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL keeps decimals as numeric, never floats")
def test_sqlite_writes_a_float_as_the_python_function_does():
    """A float is written by SQLite itself when it reads back as the same float, by Python otherwise: the
    two must give the same text (``DecimalCell``, the note above it)."""
    register_functions(connection)
    query = IndicatorReport.objects.none().query
    compiler = query.get_compiler(connection=connection)
    mismatches = []
    with connection.cursor() as cursor:
        for value, places in _float_cases():
            cell = DecimalCell(Value(value, output_field=FloatField()), decimal_places=places, max_digits=24)
            sql, params = cell.as_sql(compiler, connection)
            cursor.execute(f"SELECT {sql}", params)
            written = cursor.fetchone()[0]
            if written != stored_decimal_text(value, places, 24):
                mismatches.append((value, places, written))
    assert mismatches == []
