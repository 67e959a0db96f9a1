"""Writing many rows at once: ``COPY … FROM STDIN`` on PostgreSQL, ``bulk_create`` elsewhere.

Used for data derived or generated in bulk (the facet counts, the synthetic benchmark figures), where
building a model instance per row would cost more than the database's own work. Rows are tuples in
the order of ``columns`` (attribute names such as ``conference_id``); values are Python values
(``None``, bool, int, ``Decimal``, ``date``, str).
"""

import io
from collections.abc import Iterable
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from itertools import batched

from django.db import connection

BATCH_SIZE = 20_000
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def stored_columns(model) -> tuple[str, ...]:
    """Every column of ``model``'s table but its primary key, by attribute name, in the model's order."""
    return tuple(field.attname for field in model._meta.concrete_fields if not field.primary_key)


def insert_rows(
    model, columns: tuple[str, ...], rows: Iterable[tuple], *, batch_size: int = BATCH_SIZE, log=None
) -> int:
    """Insert ``rows`` into ``model``'s table in batches; returns how many were written."""
    insert = _copy if connection.vendor == "postgresql" else _bulk_create
    written = 0
    for batch in batched(rows, batch_size):
        insert(model, columns, batch)
        written += len(batch)
        if log and written % (10 * batch_size) == 0:
            log(f"  {written:,} rows of {model._meta.label}")
    return written


def _bulk_create(model, columns, batch) -> None:
    model.objects.bulk_create([model(**dict(zip(columns, row, strict=True))) for row in batch], batch_size=2000)


def _escaped(text: str) -> str:
    # ``translate`` is slow on non-ASCII text, and these characters are rare: look before changing.
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        return text.translate(_ESCAPES)
    return text


_COPY_TEXT = {
    str: _escaped,
    int: str,
    bool: lambda value: "t" if value else "f",
    type(None): lambda value: "\\N",
    Decimal: lambda value: format(value, "f"),
    date: date.isoformat,
}


def _copy(model, columns, batch) -> None:
    """PostgreSQL's text COPY format: tab-separated, ``\\N`` for NULL, backslash escapes."""
    buffer = io.StringIO()
    buffer.writelines("\t".join([_COPY_TEXT[type(value)](value) for value in row]) + "\n" for row in batch)
    buffer.seek(0)
    names = ", ".join(connection.ops.quote_name(model._meta.get_field(column).column) for column in columns)
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(
            f"COPY {connection.ops.quote_name(model._meta.db_table)} ({names}) FROM STDIN", buffer
        )


@contextmanager
def indexes_deferred(model):
    """On PostgreSQL, drop ``model``'s secondary indexes and foreign keys for a bulk load, then restore them.

    Building an index once over a million rows is much faster than updating it a million times (a
    trigram GIN index most of all), and adding a foreign key checks every row in one query where a
    loaded row would queue one trigger call each. Indexes behind the primary key and unique
    constraints stay. PostgreSQL's DDL is transactional: if the load fails, everything comes back
    with the rollback. Elsewhere this does nothing.
    """
    if connection.vendor != "postgresql":
        yield
        return
    table = model._meta.db_table
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        _check_pending_constraints(cursor)
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = 'f'",
            [table],
        )
        foreign_keys = cursor.fetchall()
        for name, _ in foreign_keys:
            cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = %s "
            "AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass)",
            [table, table],
        )
        indexes = cursor.fetchall()
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {quote(name)}")
    yield
    with connection.cursor() as cursor:
        _check_pending_constraints(cursor)
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        for _, definition in indexes:
            cursor.execute(definition)
        for name, definition in foreign_keys:
            cursor.execute(f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}")


def _check_pending_constraints(cursor) -> None:
    """Run the foreign key checks Django defers to the commit: a table (or one its keys point to) with
    checks pending cannot be altered. Rows written earlier in the transaction (sessions, sources) have them."""
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
