"""The keys of the first rows of each kind of match in a large table, however common or rare each kind
is: hand-written SQL for ``listings.search.best_matches`` that no planner's guess can turn into a read of
the whole table, one query on PostgreSQL (``first_of_each_on_postgresql``), two on SQLite
(``first_of_each_on_sqlite``).

Both read the table's first rows in order once and test each kind of match on them; only a kind with
too few rows there is looked for further: not at all when it is in names and no row of the table its
names come from has it (``search_names_from``), among the few rows holding its finished words when its
last word may be unfinished (``FINISHED_WORDS_CAP``), and otherwise in the full-text index
(``listings.search_index``).
"""

import json
from itertools import islice

from django.db import connection, connections

from listings.search_index import QUOTE, Match, fts5_query, like_condition, pg_column, quoted, row_test, tsquery

FINISHED_WORDS_CAP = 200  # rows holding a match's finished words read to test its unfinished last word


def _table_and_order(model, order: list[str]) -> tuple[str, str, str, str]:
    """The quoted table and key, an ORDER BY clause for ``order`` (the table's own fields), and the
    columns it needs beside the key."""
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    columns = [
        model._meta.pk.column if name.lstrip("-") == "pk" else model._meta.get_field(name.lstrip("-")).column
        for name in order
    ]
    order_by = ", ".join(
        f"{quote(column)}{' DESC' if name.startswith('-') else ''}" for name, column in zip(order, columns, strict=True)
    )
    return table, pk, order_by, ", ".join(dict.fromkeys([pk, *map(quote, columns)]))


def first_of_each_on_sqlite(
    model, matches: list[Match], *, order: list[str], limit: int, window: int, using: str = "default"
) -> tuple[str, list]:
    """The keys of the first ``limit`` rows in ``order`` of each of ``matches`` in ``model``'s table, for
    SQLite: reads the table's first rows (one query) and returns a query for the keys.

    FTS5 finds every row of a match before any is sorted, and reading each one's order from the table
    costs most (a common match at a million rows: 200,000 rows, 0.6 s). So, as on PostgreSQL, the first
    ``window`` rows in order are read once, and each match is tested on their normalised columns in
    Python (``row_test``, the ``LIKE`` form of ``like_condition``: the rows FTS5 finds); only the matches
    with fewer than ``limit`` rows there are looked for in the FTS5 table, every match found and sorted (with a
    ``LIMIT``, SQLite would rather walk an index in order and look every row up in the match, which reads
    the whole index for a rare one). A match in names that no row of ``search_names_from`` has is not
    looked for (``_names_condition``), and one with finished words before an unfinished last word is
    looked for among the rows holding those words when they are at most ``FINISHED_WORDS_CAP``
    (FTS5, like PostgreSQL, gathers every row holding a word that starts as the unfinished one does)."""
    table, pk, order_by, selected = _table_and_order(model, order)
    fts = connections[using].ops.quote_name(f"{model._meta.db_table}_fts")
    columns, params = [], []
    for match in matches:
        condition, condition_params = _names_condition(model, match, using)
        columns.append(condition)
        params += condition_params
    # The first rows' columns are tested in Python (``row_test``), each match until it has ``limit`` rows:
    # SQLite's ``LIKE``, the same test, cost about 11 ms of the worker for 2,000 rows and six kinds of match.
    sql = (
        f"SELECT {pk}, search_name, search_text, {', '.join(columns)} FROM (SELECT {selected}, search_name, "
        f"search_text FROM {table} ORDER BY {order_by} LIMIT %s) AS first_in_order ORDER BY {order_by}"
    )
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [*params, window])
        first_rows = cursor.fetchall()
    keys, parts, params = [], ["SELECT value FROM json_each(%s)"], []
    for number, match in enumerate(matches):
        test = row_test(match.kind, match.words)
        first = list(islice((row[0] for row in first_rows if test(row[1], row[2])), limit))
        keys += first
        if len(first) == limit or (first_rows and not first_rows[0][3 + number]):
            continue
        whole = f"{fts} JOIN {table} ON {table}.{pk} = {fts}.rowid"
        finished = _finished_words_fts5(match)
        if finished:
            # The rows holding the finished words, if they are few; otherwise every match. The second
            # is gated by a CROSS JOIN, which SQLite keeps as the outer loop: never run, it costs nothing.
            holding = f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s LIMIT %s"
            few = f"(SELECT count(*) FROM ({holding})) <= %s"
            like, like_params = like_condition(match)
            parts.append(
                f"SELECT * FROM (SELECT {pk} FROM {table} WHERE {few} AND {pk} IN ({holding}) AND {like} "
                f"ORDER BY {order_by} LIMIT %s) AS holding_{number}"
            )
            cap = [finished, FINISHED_WORDS_CAP + 1]
            params += [*cap, FINISHED_WORDS_CAP, *cap, *like_params, limit]
            whole = f"(SELECT 1 WHERE NOT {few}) AS many CROSS JOIN {whole}"
            params += [*cap, FINISHED_WORDS_CAP]
        parts.append(
            f"SELECT * FROM (SELECT {table}.{pk} FROM {whole} WHERE {fts} MATCH %s ORDER BY {order_by} LIMIT %s) "
            f"AS first_{number}"
        )
        params += [fts5_query(match), limit]
    return " UNION ALL ".join(parts), [json.dumps(keys), *params]


def _names_condition(model, match: Match, using: str) -> tuple[str, list]:
    """True unless ``match`` is in names and no row of ``model.search_names_from`` (a small table) has
    it: then no row of ``model`` has it either (its names are that row's)."""
    if not (model.search_names_from and match.kind.startswith("name")):
        return "TRUE", []
    names = model._meta.get_field(model.search_names_from).related_model._meta.db_table
    quote = connections[using].ops.quote_name
    if connections[using].vendor == "sqlite":
        fts = quote(f"{names}_fts")
        return f"EXISTS (SELECT 1 FROM {fts} WHERE {fts} MATCH %s)", [fts5_query(match)]
    return f"EXISTS (SELECT 1 FROM {quote(names)} WHERE {pg_column(match)} @@ %s::tsquery)", [tsquery(match)]


def first_of_each_on_postgresql(
    model, matches: list[Match], *, order: list[str], limit: int, window: int, using: str = "default"
) -> tuple[str, list]:
    """The keys of the first ``limit`` rows in ``order`` of each of ``matches`` in ``model``'s table,
    as one query for PostgreSQL, however common or rare each match is. ``order`` names fields of the
    table itself ("-period_end", "-pk"), and an index should give it.

    The planner cannot tell a common match from a rare one (a phrase of common words, a word it has
    not sampled): walking an index in order until ``limit`` rows match is fast for the first and
    reads the whole table for the second; the GIN index is fast for the second and reads every match
    for the first. So the first ``window`` rows in order are read once, and each match tested on each
    of them once; only a match with fewer than ``limit`` rows there is looked for in the whole table,
    through the GIN index (the subquery fenced with ``OFFSET 0``, so that no ``LIMIT`` tempts the
    planner into a walk). That costs much only for a match common in the table and rare among its
    first rows, or a phrase of common words that few rows hold (the GIN index finds the rows holding
    the words; each is read to check their positions).

    An unfinished last word ("an" in "nguyen van an") is the GIN index's costliest lookup: it gathers
    every row holding any word that starts so (700,000 rows for "an" at a million figures, 40-50 ms)
    before it intersects. So a match with finished words before it first reads at most
    ``FINISHED_WORDS_CAP`` rows holding those words (a lookup the index intersects cheaply) and tests the
    match on them; only when more rows hold them is the unfinished word looked up
    (``_rows_holding_the_finished_words``). A match in names that no row of ``search_names_from`` has is
    not looked for beyond the first rows (``_names_condition``).
    """
    table, pk, order_by, selected = _table_and_order(model, order)
    conditions, params = [], []
    for match in matches:
        conditions.append(f"{pg_column(match)} @@ %s::tsquery")
        params.append(tsquery(match))
    flags = ", ".join(f"{condition} AS match_{number}" for number, condition in enumerate(conditions))
    ctes = [
        f"first_rows AS MATERIALIZED (SELECT {selected}, {flags} FROM "
        f"(SELECT {selected}, search_name_vector, search_vector FROM {table} "
        f"ORDER BY {order_by} LIMIT %s) AS first_in_order)"
    ]
    params.append(window)
    parts, part_params = [], []
    for number, (match, condition) in enumerate(zip(matches, conditions, strict=True)):
        names, names_params = _names_condition(model, match, using)
        too_few = f"{names} AND NOT EXISTS (SELECT 1 FROM first_rows WHERE match_{number} OFFSET %s)"
        too_few_params = [*names_params, limit - 1]
        parts.append(f"(SELECT {pk} FROM first_rows WHERE match_{number} ORDER BY {order_by} LIMIT %s)")
        part_params += [limit]
        whole = f"{condition} AND {too_few}"
        whole_params = [tsquery(match), *too_few_params]
        finished = _rows_holding_the_finished_words(match)
        if finished:
            column, finished_query = finished
            ctes.append(
                f"finished_{number} AS MATERIALIZED (SELECT {selected}, {column} FROM {table} "
                f"WHERE {column} @@ %s::tsquery LIMIT %s)"
            )
            params += [finished_query, FINISHED_WORDS_CAP + 1]
            few = f"(SELECT count(*) FROM finished_{number}) <= %s"
            parts.append(
                f"(SELECT {pk} FROM finished_{number} WHERE {too_few} AND {few} AND {condition} "
                f"ORDER BY {order_by} LIMIT %s)"
            )
            part_params += [*too_few_params, FINISHED_WORDS_CAP, tsquery(match), limit]
            whole = f"{too_few} AND NOT {few} AND {condition}"
            whole_params = [*too_few_params, FINISHED_WORDS_CAP, tsquery(match)]
        parts.append(
            f"(SELECT {pk} FROM (SELECT {selected} FROM {table} WHERE {whole} OFFSET 0) AS all_{number} "
            f"ORDER BY {order_by} LIMIT %s)"
        )
        part_params += [*whole_params, limit]
    return f"WITH {', '.join(ctes)} " + " UNION ALL ".join(parts), params + part_params


def _finished_words(match: Match) -> list[str]:
    """The words before an unfinished last word (every row of ``match`` holds them, whole, in the same
    column), or none: a match without an unfinished word, or of one word."""
    if match.kind not in ("name_phrase", "phrase_start", "words"):
        return []
    return match.words[:-1]


def _rows_holding_the_finished_words(match: Match) -> tuple[str, str] | None:
    """The column and the ``tsquery`` of the rows holding ``match``'s finished words, or None."""
    finished = _finished_words(match)
    if not finished:
        return None
    return pg_column(match), quoted(finished, last_unfinished=False, joiner=" & ", quote="'", prefix="")


def _finished_words_fts5(match: Match) -> str:
    """The FTS5 query of the rows holding ``match``'s finished words, or an empty string."""
    finished = _finished_words(match)
    if not finished:
        return ""
    column = "name" if match.kind.startswith("name") else "text"
    return f"{column} : ({quoted(finished, last_unfinished=False, joiner=' AND ', quote=QUOTE, prefix='')})"
