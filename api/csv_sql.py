"""CSV cells written by the database, byte for byte as ``stream_writers.csv_cell`` and ``csv.writer`` write them.

The figures' download (``api.figure_lines``) has PostgreSQL or SQLite write each row's text, so that
the web worker only joins it with the labels: writing the cells in Python cost most of a row's time.
Each cell is an expression over a column, written in each database's SQL:

- ``TextCell``: a string as ``csv_cell`` writes it, made inert as ``csv_safety.inert`` does (a leading
  apostrophe when it begins like a formula and is not a number: the same characters, the same
  pattern), then quoted as ``csv.writer`` quotes with ``QUOTE_MINIMAL`` (in double quotes, its double
  quotes doubled, when it holds a comma, a double quote, a CR or a LF). NULL is empty.
- ``IntegerCell``, ``DateCell`` (ISO, as ``date.isoformat``), ``BooleanCell`` (true, false).
- ``DecimalCell``: as ``ExactDecimalField`` writes the value Django reads, in plain notation without
  padding zeros. PostgreSQL: numeric's text with its padding zeros trimmed. SQLite keeps an integer, a
  float or text: an integer is written as is; the others by ``stored_decimal_text``, the Python that
  Django's converter runs (15 significant digits, then the field's places), registered on the
  connection as a SQL function (``register_functions``): SQLite's own float printing is not Python's.
  But a float that SQLite writes with the field's places and reads back as the same float is written
  by SQLite (the note above ``DecimalCell``): most stored floats are decimals of a few places, and the
  Python function, which needs the GIL, ran for half the rows and held up the download's readers.
- ``PeriodKindCell``: ``figure_periods.period_kind``'s code, from the start, end and stock flag; the
  codes of the month spans are ``period_kind``'s own, listed once when the module loads.
- ``LinkCells``: addresses around a slug, as ``TextCell`` would write them, the slug tested once.
- ``Cells``: cells joined with commas (on SQLite by one ``printf``).

``tests/api/test_csv_sql.py`` compares each kind of cell with the Python writer's, on both databases.
"""

import calendar
import re
from datetime import date
from decimal import Context, Decimal
from functools import lru_cache

from django.db import NotSupportedError
from django.db.models import Func, IntegerField, TextField, Value

from api.csv_safety import FORMULA_STARTS, NUMBER
from conferences.figure_periods import OTHER, PeriodKind, period_kind

QUOTED = '",\r\n'  # what csv.writer (QUOTE_MINIMAL, CRLF line ends) puts a cell in quotes for
FORMULA_FIRST = "".join(sorted(FORMULA_STARTS))
WHOLE_NUMBER = r"\A" + NUMBER.pattern  # NUMBER.match, as a search (SQLite's REGEXP is Python's re.search)
_ARGUMENT = re.compile(r"\{(\d+)\}")
EXACT_DECIMAL = "portal_exact_decimal"  # the SQLite function for a float or text decimal


@lru_cache(maxsize=4096)  # a few MB at most: growth and shares repeat, values mostly do not
def stored_decimal_text(value, places: int, max_digits: int) -> str:
    """A decimal SQLite stored as a float or as text, written as ``ExactDecimalField`` writes the value
    Django's SQLite converter reads (15 significant digits of a float, quantised to the field's places)."""
    number = Decimal(value) if isinstance(value, str) else Context(prec=15).create_decimal_from_float(value)
    quantised = number.quantize(Decimal(1).scaleb(-places), context=Context(prec=max_digits))
    return format(quantised.normalize(), "f")


def register_functions(connection) -> None:
    """Define the SQL functions the cells use on this connection (``DecimalCell`` on SQLite)."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        connection.connection.create_function(EXACT_DECIMAL, 3, stored_decimal_text, deterministic=True)


class _Cell(Func):
    """A cell's SQL from ``templates``, by vendor: ``{0}``, ``{1}``… stand for the arguments' SQL, and
    may repeat (their parameters repeat with them)."""

    output_field = TextField()
    templates: dict[str, str] = {}

    def as_sql(self, compiler, connection, **extra_context):
        template = self.templates.get(connection.vendor)
        if template is None:
            raise NotSupportedError(f"{type(self).__name__} is written for PostgreSQL and SQLite only")
        compiled = [compiler.compile(argument) for argument in self.get_source_expressions()]
        params = []

        def argument(match):
            sql, argument_params = compiled[int(match[1])]
            params.extend(argument_params)
            return f"({sql})"

        return _ARGUMENT.sub(argument, template), params


class TextCell(_Cell):
    # {0} the text, {1} the characters a formula begins with, {2} the number pattern; the characters to
    # quote for, {3} as a PostgreSQL pattern, {4} as a SQLite one.
    templates = {
        "postgresql": (
            "COALESCE(CASE WHEN {0} ~ {3}"
            " THEN '\"' || CASE WHEN {F} THEN '''' ELSE '' END || replace({0}, '\"', '\"\"') || '\"'"
            " WHEN {F} THEN '''' || {0} ELSE {0} END, '')"
        ).replace("{F}", "{0} <> '' AND strpos({1}, left({0}, 1)) > 0 AND {0} !~ {2}"),
        "sqlite": (
            "COALESCE(CASE WHEN {0} GLOB {4}"
            " THEN '\"' || CASE WHEN {F} THEN '''' ELSE '' END || replace({0}, '\"', '\"\"') || '\"'"
            " WHEN {F} THEN '''' || {0} ELSE {0} END, '')"
        ).replace("{F}", "{0} <> '' AND instr({1}, substr({0}, 1, 1)) > 0 AND NOT {0} REGEXP {2}"),
    }

    def __init__(self, expression):
        patterns = (FORMULA_FIRST, WHOLE_NUMBER, f"[{QUOTED}]", f"*[{QUOTED}]*")
        super().__init__(expression, *(Value(pattern, output_field=TextField()) for pattern in patterns))


class IntegerCell(_Cell):
    templates = {
        "postgresql": "COALESCE(CAST({0} AS text), '')",
        "sqlite": "COALESCE(CAST({0} AS TEXT), '')",
    }


class DateCell(_Cell):
    templates = {
        "postgresql": "COALESCE(to_char({0}, 'YYYY-MM-DD'), '')",
        "sqlite": "COALESCE({0}, '')",  # stored as ISO text
    }


class BooleanCell(_Cell):
    templates = dict.fromkeys(
        ("postgresql", "sqlite"), "CASE WHEN {0} THEN 'true' WHEN NOT {0} THEN 'false' ELSE '' END"
    )


# A float ``v`` that SQLite writes with the field's ``p`` places as ``S`` (under 10^(15 - p), so that S has at
# most 15 significant digits) and reads ``S`` back as ``v`` (``CAST(S AS REAL) = v``) is within an ulp or two
# of ``S``: far closer than half a step of 15 significant digits, so Django's converter rounds ``v`` to
# exactly ``S`` too, and ``S`` without its padding zeros is what it writes. Zero is left to Python (its
# sign); so is any float that does not come back.


class DecimalCell(_Cell):
    # {1} the field's decimal places, {2} its digits (the precision of Django's SQLite converter), {3} the
    # bound under which a float written with {1} places has at most 15 significant digits (the note above),
    # {4} printf's format for that, a parameter: no "%" in the SQL
    templates = {
        "postgresql": (
            "COALESCE(CASE WHEN strpos(CAST({0} AS text), '.') > 0"
            " THEN rtrim(rtrim(CAST({0} AS text), '0'), '.') ELSE CAST({0} AS text) END, '')"
        ),
        "sqlite": (
            "CASE typeof({0}) WHEN 'null' THEN '' WHEN 'integer' THEN CAST({0} AS TEXT)"
            " WHEN 'real' THEN CASE WHEN {1} > 0 AND {0} <> 0 AND abs({0}) < {3}"
            " AND CAST(printf({4}, {1}, {0}) AS REAL) = {0}"
            " THEN rtrim(rtrim(printf({4}, {1}, {0}), '0'), '.')"
            f" ELSE {EXACT_DECIMAL}({{0}}, {{1}}, {{2}}) END"
            f" ELSE {EXACT_DECIMAL}({{0}}, {{1}}, {{2}}) END"
        ),
    }

    def __init__(self, expression, *, decimal_places: int, max_digits: int):
        super().__init__(
            expression,
            Value(decimal_places, output_field=IntegerField()),
            Value(max_digits, output_field=IntegerField()),
            Value(10 ** max(0, 15 - decimal_places), output_field=IntegerField()),
            Value("%.*f", output_field=TextField()),
        )


def _month_spans() -> dict[str, list[tuple[int, int]]]:
    """Each code ``period_kind`` gives a period from the first of a month to the end of a month of the
    same year, with the spans (first month, last month) it gives it for."""
    codes: dict[str, list[tuple[int, int]]] = {}
    for first in range(1, 13):
        for last in range(first, 13):
            end = date(2001, last, calendar.monthrange(2001, last)[1])
            codes.setdefault(period_kind(date(2001, first, 1), end, False).code, []).append((first, last))
    return codes


def _period_kind_template(*, span, span_sql: str, other_sql: str) -> str:
    """``period_kind``: a level; else "other" unless the period runs from the first of a month to the end
    of a month of the same year (``other_sql`` is true when it does not); else the code of its months
    (``span_sql``, compared with ``span(first, last)``). {0} the start, {1} the end, {2} the stock flag."""
    stock, other = period_kind(None, date(2001, 1, 1), True).code, PeriodKind(OTHER).code
    spans = " ".join(f"WHEN {span(*pair)} THEN '{code}'" for code, pairs in _month_spans().items() for pair in pairs)
    not_months = f"{{0}} IS NULL OR {{0}} > {{1}} OR {other_sql}"
    return (
        f"CASE WHEN {{2}} THEN '{stock}' WHEN {not_months} THEN '{other}'"
        f" ELSE CASE {span_sql} {spans} ELSE '{other}' END END"
    )


_MONTH_ENDS = {month: calendar.monthrange(2001, month)[1] for month in range(1, 13) if month != 2}
_PERIOD_KIND = {
    "postgresql": _period_kind_template(
        span=lambda first, last: str(first * 100 + last),
        span_sql="CAST(date_part('month', {0}) * 100 + date_part('month', {1}) AS integer)",
        other_sql="date_part('year', {0}) <> date_part('year', {1}) OR date_part('day', {0}) <> 1"
        " OR date_part('day', {1} + 1) <> 1",
    ),
    "sqlite": _period_kind_template(  # the dates are ISO text; only February's end needs the calendar
        span=lambda first, last: f"'{first:02d}{last:02d}'",
        span_sql="substr({0}, 6, 2) || substr({1}, 6, 2)",
        other_sql="substr({0}, 1, 4) <> substr({1}, 1, 4) OR substr({0}, 9, 2) <> '01'"
        " OR substr({1}, 9, 2) <> CASE substr({1}, 6, 2)"
        " WHEN '02' THEN CASE substr(date({1}, '+1 day'), 9, 2) WHEN '01' THEN substr({1}, 9, 2) ELSE '' END "
        + " ".join(f"WHEN '{month:02d}' THEN '{days}'" for month, days in _MONTH_ENDS.items())
        + " END",
    ),
}


class PeriodKindCell(_Cell):
    templates = _PERIOD_KIND


class Cells(Func):
    """Cells joined with commas, as one text value: on SQLite in one ``printf`` (a chain of ``||`` copies
    the line once per cell)."""

    template = "%(expressions)s"
    arg_joiner = " || ',' || "
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        cells = [compiler.compile(cell) for cell in self.get_source_expressions()]
        params = [",".join(["%s"] * len(cells))]  # the format, as a parameter: no "%" in the SQL
        for _, cell_params in cells:
            params.extend(cell_params)
        return f"printf(%s, {', '.join(sql for sql, _ in cells)})", params


class LinkCells(_Cell):
    """Addresses made of a slug with fixed text around it, each ``before`` an absolute address's start:
    the cells ``TextCell`` writes for each ``before || slug || after``, joined with commas, without the
    checks the fixed text makes needless. None begins like a formula; all are quoted when the slug holds
    a character to quote for, and only then."""

    def __init__(self, slug, *, addresses: list[tuple[str, str]]):
        for before, after in addresses:
            if not before or before[0] in FORMULA_STARTS or any(character in QUOTED for character in before + after):
                raise ValueError(f"LinkCells writes addresses that need no quoting but for the slug, not {before!r}")
        texts = [text for address in addresses for text in address]
        arguments = [Value(text, output_field=TextField()) for text in [*texts, f"[{QUOTED}]", f"*[{QUOTED}]*"]]
        # {0} the slug; {1}, {2} the first address's text before and after it, and so on; then the
        # characters to quote for as a PostgreSQL pattern and as a SQLite one.
        plain = " || ',' || ".join(f"{{{2 * n + 1}}} || {{0}} || {{{2 * n + 2}}}" for n in range(len(addresses)))
        quoted = " || ',' || ".join(
            f"'\"' || {{{2 * n + 1}}} || replace({{0}}, '\"', '\"\"') || {{{2 * n + 2}}} || '\"'"
            for n in range(len(addresses))
        )
        postgresql, sqlite = f"{{0}} ~ {{{len(texts) + 1}}}", f"{{0}} GLOB {{{len(texts) + 2}}}"
        self.templates = {
            vendor: f"CASE WHEN {test} THEN {quoted} ELSE {plain} END"
            for vendor, test in (("postgresql", postgresql), ("sqlite", sqlite))
        }
        super().__init__(slug, *arguments)
