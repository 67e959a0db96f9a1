"""The figures list's hot reads of ``FigureCount``, written as SQL: its count, every facet in one query,
and where a page starts, by a running sum in the database.

``FigureCube`` says what to read (tests on the counts' columns, as (column, operator, value)); this
module only writes the query and reads its rows. Compiling the count and six facets as ORM aggregates
cost more CPU than running them, and finding a page by reading every group's size into Python cost
more than both; each is one plain statement here, the same on SQLite and PostgreSQL. Column and table
names come from the code, never from a request; values are parameters.
"""

from django.db import connections

from conferences.models import FigureCount, Indicator
from regions.models import Region

OPERATORS = frozenset({"=", ">=", "<="})

# Each facet: what its value and labels are, and the table its labels come from (joined on the column).
FACET_COLUMNS = {
    "region": ("{t}.slug", "{t}.name_vi", "{t}.name_en", Region, "region_id"),
    "indicator": ("{t}.code", "{t}.name_vi", "{t}.name_en", Indicator, "indicator_id"),
    "scope": ("c.scope", "NULL", "NULL", None, ""),
    "qualifier": ("c.qualifier", "NULL", "NULL", None, ""),
    "year": ("CAST(c.year AS TEXT)", "NULL", "NULL", None, ""),
    "period": ("c.period_kind", "NULL", "NULL", None, ""),
}
BUILT = -1  # the branch counting the grand total rows


def _quote(name: str) -> str:
    return connections[FigureCount.objects.db].ops.quote_name(name)


def _where(tests: list[tuple]) -> tuple[str, list]:
    clauses, params = [], []
    for column, operator, value in tests:
        if operator not in OPERATORS:
            raise ValueError(f"unknown operator {operator!r}")
        clauses.append(f"c.{_quote(column)} {operator} %s")
        params.append(value)
    return " AND ".join(clauses) or "1 = 1", params


def total(tests: list[tuple]) -> int | None:
    """How many figures the rows passing ``tests`` count; None when the counts are not built."""
    table = _quote(FigureCount._meta.db_table)
    where, params = _where(tests)
    with connections[FigureCount.objects.db].cursor() as cursor:
        cursor.execute(
            f"SELECT COALESCE(SUM(CASE WHEN {where} THEN c.{_quote('count')} END), 0),"
            f" COUNT(CASE WHEN c.{_quote('dims')} = 0 THEN 1 END)"
            f" FROM {table} c WHERE ({where}) OR c.{_quote('dims')} = 0",
            params * 2,
        )
        count, built = cursor.fetchone()
    return count if built else None


def facet_counts(facets: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """Each facet's (value, label_vi, label_en, count) rows over its tests (``facets``, by parameter), in
    one query; {} when the counts are not built (no grand total row). Years come back as numbers."""
    table = _quote(FigureCount._meta.db_table)
    branches = [f"SELECT {BUILT}, NULL, NULL, NULL, COUNT(*) FROM {table} c WHERE c.{_quote('dims')} = 0"]
    params: list = []
    names = list(facets)
    for index, param in enumerate(names):
        value, label_vi, label_en, labelled, column = FACET_COLUMNS[param]
        join = ""
        if labelled is not None:
            join = f" JOIN {_quote(labelled._meta.db_table)} t ON t.id = c.{_quote(column)}"
        where, where_params = _where(facets[param])
        selected = [part.format(t="t") for part in (value, label_vi, label_en)]
        grouped = ", ".join(part for part in selected if part != "NULL")
        branches.append(
            f"SELECT {index}, {', '.join(selected)}, SUM(c.{_quote('count')}) FROM {table} c{join}"
            f" WHERE {where} GROUP BY {grouped}"
        )
        params += where_params
    with connections[FigureCount.objects.db].cursor() as cursor:
        cursor.execute(" UNION ALL ".join(branches), params)
        rows = cursor.fetchall()
    if not any(row[0] == BUILT and row[4] for row in rows):
        return {}
    found: dict[str, list[tuple]] = {param: [] for param in names}
    for index, value, label_vi, label_en, count in rows:
        if index == BUILT:
            continue
        param = names[index]
        found[param].append((int(value) if param == "year" else value, label_vi, label_en, count))
    return found


def page_groups(
    tests: list[tuple], order: list[tuple[str, bool]], groups: list[str], bottom: int, top: int
) -> list[dict]:
    """The groups that rows ``bottom`` to ``top`` of the list fall in, in the list's order.

    The list is in ``order`` (columns, descending or not), cut into groups that share those columns
    (named by ``groups``). Each group comes as a dict of its ``order`` and ``groups`` columns with ``n``,
    its size, and ``before``, the figures of the groups before it. The database sizes the groups and
    sums them in order, so only the groups the page overlaps are read, however deep the page: at most
    ``top - bottom`` of them, as each holds one figure or more.
    """
    table = _quote(FigureCount._meta.db_table)
    where, params = _where(tests)
    sort = ", ".join(f"{_quote(column)}{' DESC' if descending else ''}" for column, descending in order)
    columns = list(dict.fromkeys([column for column, _ in order] + groups))
    selected = ", ".join(_quote(column) for column in columns)
    sql = (
        f"SELECT {selected}, n, running FROM ("
        f"SELECT {selected}, n, SUM(n) OVER (ORDER BY {sort}) AS running FROM ("
        f"SELECT {selected}, SUM({_quote('count')}) AS n FROM {table} c WHERE {where} GROUP BY {selected}"
        f") AS sized) AS summed WHERE running > %s AND running - n < %s ORDER BY {sort}"
    )
    with connections[FigureCount.objects.db].cursor() as cursor:
        cursor.execute(sql, [*params, bottom, top])
        found = cursor.fetchall()
    # Raw rows are not converted: SQLite gives dates as text.
    to_python = [FigureCount._meta.get_field(column).to_python for column in columns]
    result = []
    for *values, n, running in found:
        group = zip(columns, values, to_python, strict=True)
        result.append({column: None if value is None else convert(value) for column, value, convert in group})
        result[-1] |= {"n": int(n), "before": int(running - n)}  # PostgreSQL sums the sums as numeric
    return result
