"""Fresh planner statistics for the tables a load has just replaced.

A load rewrites the published tables in one transaction. Without statistics SQLite plans as if every
index were selective: at a million figures a group's page took 0.7-1.3 s instead of 30-40 ms, because
it walked an index over every province-scope figure. PostgreSQL keeps the statistics of the data before
until autovacuum comes round. ``analyse`` is allowed inside the load's transaction, so the statistics
are committed with the data; ``vacuum`` is not, and runs after the commit on PostgreSQL only, where
index-only scans (a group's latest figures, its shares) need the visibility map it sets.
"""

from django.db import DEFAULT_DB_ALIAS, connections


def _tables(connection, models) -> list[str]:
    return [connection.ops.quote_name(model._meta.db_table) for model in models]


def analyse(models, *, using: str = DEFAULT_DB_ALIAS) -> None:
    """ANALYZE the tables of ``models``, in the current transaction if there is one."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {', '.join(_tables(connection, models))}")
        elif connection.vendor == "sqlite":  # one table per statement
            for table in _tables(connection, models):
                cursor.execute(f"ANALYZE {table}")


def vacuum(models, *, using: str = DEFAULT_DB_ALIAS) -> bool:
    """VACUUM ANALYZE the tables of ``models`` on PostgreSQL, outside any transaction; whether it ran."""
    connection = connections[using]
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return False
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {', '.join(_tables(connection, models))}")
    return True
