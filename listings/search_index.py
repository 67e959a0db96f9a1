"""The full-text index behind ``listings.search``: word positions, per field, on PostgreSQL and SQLite.

Both databases index the same normalised columns (``search_name``, ``search_text``: folded words,
one space apart, fields between "|") and answer the same questions (``Match.KINDS``):

- **PostgreSQL**: two generated columns, kept by the database on every write (a load's ``COPY``,
  ``bulk_update`` alike), each with a GIN index. ``search_vector`` holds the words of
  ``search_text`` with their positions (``to_tsvector('simple', …)``: the text is already folded, so
  no stemming, no stop words); every "|" becomes the token ``-0``, which no query can contain (a
  query's words are letters and digits), so a phrase never spans two fields. ``search_name_vector``
  holds the words of ``search_name`` the same way, plus each name whole, as one lexeme marked
  ``~`` ("~thanh hoa"): an exact name, or a name's start, is then one index lookup with no recheck,
  where a phrase over words would recheck every row holding the words.
- **SQLite**: an FTS5 table ``<table>_fts`` (columns ``name`` and ``text``) without content of its own,
  its rowid the row's primary key, kept by triggers on insert, update and delete. The tokenizer is
  unicode61 with "|" as a token character, and every "|" is indexed as a token of its own: no query
  word can be "|", so a phrase never spans two fields, and ``"| thanh hoa |"`` is a whole name.

A later migration that makes SQLite rebuild one of these tables (Django copies the table and drops the
old one, and its triggers with it) must run ``full_text_index`` for it again; a test checks every
searchable table has its triggers.

Queries never reach the index as text a reader typed: the words are the normalised query's (letters
and digits only), each quoted, so quotes, ``*``, ``NEAR``, ``AND``, ``OR``, ``NOT``, ``^``, ``-``,
parentheses and colons are plain words or nothing.
"""

from collections.abc import Callable, Sequence

from django.db import migrations
from django.db.models import BooleanField, Expression, F

SQLITE_SEPARATOR = " | "
QUOTE = '"'
PG_SEPARATOR = " -0 "
TRIGRAM_INDEX = "{table}_search_trgm"


class Match(Expression):
    """True where the full-text index finds ``words`` in the row, as ``kind`` says.

    Kinds: ``name`` (a whole name), ``name_start`` (a name starting with the words, the last one
    perhaps unfinished), ``name_phrase`` (the words in a row in a name, the last perhaps unfinished),
    ``phrase`` (in a row in any field, whole words), ``phrase_start`` (likewise, the last perhaps
    unfinished), ``words`` (every word anywhere, in any order, the last perhaps unfinished).
    """

    KINDS = ("name", "name_start", "name_phrase", "phrase", "phrase_start", "words")
    conditional = True

    def __init__(self, kind: str, words: list[str], pk=None):
        super().__init__(output_field=BooleanField())
        if kind not in self.KINDS or not words:
            raise ValueError(f"no such match: {kind} {words}")
        self.kind, self.words = kind, list(words)
        self.pk = pk if pk is not None else F("pk")

    def get_source_expressions(self):
        return [self.pk]

    def set_source_expressions(self, exprs):
        (self.pk,) = exprs

    def as_sql(self, compiler, connection):
        raise NotImplementedError(f"full-text search on {connection.vendor} is not supported")

    def as_sqlite(self, compiler, connection):
        pk_sql, params = compiler.compile(self.pk)
        fts = connection.ops.quote_name(f"{self.pk.target.model._meta.db_table}_fts")
        return f"{pk_sql} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s)", [*params, fts5_query(self)]

    def as_postgresql(self, compiler, connection):
        alias = compiler.quote_name(self.pk.alias)
        return f"{alias}.{connection.ops.quote_name(pg_column(self))} @@ %s::tsquery", [tsquery(self)]


class RowMatch(Match):
    """``Match`` tested on each row it is given rather than looked up in the index: for rows read already
    (a window of the first rows in order). PostgreSQL tests the row's vectors either way; SQLite tests
    the ``LIKE`` form (``like_condition``) instead of finding every match in the FTS5 table first."""

    def as_sqlite(self, compiler, connection):
        return like_condition(self, compiler.quote_name(self.pk.alias))


def quoted(words: list[str], *, last_unfinished: bool, joiner: str, quote: str, prefix: str) -> str:
    """``words`` each quoted, joined, the last marked as unfinished with ``prefix`` if it may be."""
    items = [f"{quote}{word}{quote}" for word in words]
    if last_unfinished:
        items[-1] += prefix
    return joiner.join(items)


def fts5_query(match: Match) -> str:
    """The FTS5 query for ``match``: every word a quoted string, so none is an operator."""
    words, kind = match.words, match.kind
    phrase = " ".join(words)
    return {
        "name": f'name : "| {phrase} |"',
        "name_start": f'name : "| {phrase}" *',
        "name_phrase": f'name : "{phrase}" *',
        "phrase": f'text : "{phrase}"',
        "phrase_start": f'text : "{phrase}" *',
        "words": f"text : ({quoted(words, last_unfinished=True, joiner=' AND ', quote=QUOTE, prefix=' *')})",
    }[kind]


def tsquery(match: Match) -> str:
    """The ``tsquery`` text for ``match``: every lexeme quoted, so none is an operator."""
    words, kind = match.words, match.kind
    phrase = " ".join(words)
    return {
        "name": f"'~{phrase}'",
        "name_start": f"'~{phrase}':*",
        "name_phrase": quoted(words, last_unfinished=True, joiner=" <-> ", quote="'", prefix=":*"),
        "phrase": quoted(words, last_unfinished=False, joiner=" <-> ", quote="'", prefix=":*"),
        "phrase_start": quoted(words, last_unfinished=True, joiner=" <-> ", quote="'", prefix=":*"),
        "words": quoted(words, last_unfinished=True, joiner=" & ", quote="'", prefix=":*"),
    }[kind]


def like_condition(match: Match, table: str = "") -> tuple[str, list]:
    """``match`` as ``LIKE`` over the normalised columns (of ``table``, quoted, if given), for SQLite: true on
    the rows the FTS5 query finds, and cheaper than it for a few rows already read.

    The columns hold folded words one space apart and every field between "|", and a query's words are
    letters and digits only, so no word holds a wildcard, and a word starts after a space or a "|"."""
    words, kind = match.words, match.kind
    phrase = " ".join(words)
    search_name, search_text = (
        (f"{table}.search_name", f"{table}.search_text") if table else ("search_name", "search_text")
    )

    def anywhere(column: str, patterns: list[str]) -> tuple[str, list]:
        return "(" + " OR ".join(f"{column} LIKE %s" for _ in patterns) + ")", patterns

    def starting(column: str, text: str) -> tuple[str, list]:
        return anywhere(column, [f"%|{text}%", f"% {text}%"])

    def whole(column: str, text: str) -> tuple[str, list]:
        return anywhere(column, [f"%{before}{text}{after}%" for before in "| " for after in "| "])

    if kind == "name":
        return anywhere(search_name, [f"%|{phrase}|%"])
    if kind == "name_start":
        return anywhere(search_name, [f"%|{phrase}%"])
    if kind == "name_phrase":
        return starting(search_name, phrase)
    if kind == "phrase":
        return whole(search_text, phrase)
    if kind == "phrase_start":
        return starting(search_text, phrase)
    conditions = [whole(search_text, word) for word in words[:-1]] + [starting(search_text, words[-1])]
    params = [param for _, condition_params in conditions for param in condition_params]
    return "(" + " AND ".join(sql for sql, _ in conditions) + ")", params


def row_test(kind: str, words: Sequence[str]) -> Callable[[str, str], bool]:
    """The match ``Match(kind, words)`` as a test in Python of one row's normalised columns (name, text):
    true where ``like_condition`` is. For rows read already, where it costs a fraction of SQLite's ``LIKE``
    (``search_first_rows``, and the search of a small table in memory, ``listings.search_in_memory``).
    Made once per match: the patterns are written once, not once per row. It takes the kind and the words
    rather than a ``Match``: the search in memory makes six tests per kind of result, and an ORM expression
    each cost ten times the test."""
    phrase = " ".join(words)
    if kind == "name":
        whole_name = f"|{phrase}|"
        return lambda name, text: whole_name in name
    if kind == "name_start":
        name_start = f"|{phrase}"
        return lambda name, text: name_start in name
    if kind == "name_phrase":
        return lambda name, text: _starting(phrase, name)
    if kind == "phrase":
        return lambda name, text: phrase in text and _whole(phrase, text)
    if kind == "phrase_start":
        return lambda name, text: _starting(phrase, text)
    finished, last = words[:-1], words[-1]

    def every_word(name: str, text: str) -> bool:
        # Each word anywhere first: most rows lack one, and that test is one search of the text, not eight.
        return (
            all(word in text for word in words)
            and all(_whole(word, text) for word in finished)
            and _starting(last, text)
        )

    return every_word


def _whole(words: str, text: str) -> bool:
    """``words`` in ``text`` with a field or word boundary on each side."""
    return any(f"{before}{words}{after}" in text for before in "| " for after in "| ")


def _starting(words: str, text: str) -> bool:
    """``words`` in ``text`` after a field or word boundary (the last word perhaps unfinished)."""
    return f"|{words}" in text or f" {words}" in text


def pg_column(match: Match) -> str:
    """The PostgreSQL column ``match`` searches: the names' vector or the text's."""
    return "search_name_vector" if match.kind.startswith("name") else "search_vector"


# The migration operation.

_PG_TEXT_VECTOR = f"to_tsvector('simple'::regconfig, replace(search_text, '|', '{PG_SEPARATOR}'))"
_PG_NAME_VECTOR = (
    "array_to_tsvector(string_to_array('~' || replace(trim(both '|' from search_name), '|', '|~'), '|'))"
    f" || to_tsvector('simple'::regconfig, replace(search_name, '|', '{PG_SEPARATOR}'))"
)


def _sqlite_values(row: str) -> str:
    return (
        f"replace({row}.search_name, '|', '{SQLITE_SEPARATOR}'), replace({row}.search_text, '|', '{SQLITE_SEPARATOR}')"
    )


def _sqlite_statements(table: str, pk: str) -> list[str]:
    fts = f"{table}_fts"
    delete = f"INSERT INTO {fts} ({fts}, rowid, name, text) VALUES ('delete', old.{pk}, {_sqlite_values('old')});"
    insert = f"INSERT INTO {fts} (rowid, name, text) VALUES (new.{pk}, {_sqlite_values('new')});"
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5(name, text, content='', "
        "tokenize=\"unicode61 tokenchars '|'\")",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_update AFTER UPDATE OF {pk}, search_name, search_text ON {table} "
        f"BEGIN {delete} {insert} END",
        f"INSERT INTO {fts} ({fts}) VALUES ('delete-all')",
        f"INSERT INTO {fts} (rowid, name, text) SELECT {pk}, {_sqlite_values(table)} FROM {table}",
    ]


def _postgresql_statements(table: str) -> list[str]:
    return [
        f"DROP INDEX IF EXISTS {TRIGRAM_INDEX.format(table=table)}",
        f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_vector tsvector "
        f"GENERATED ALWAYS AS ({_PG_TEXT_VECTOR}) STORED",
        f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_name_vector tsvector "
        f"GENERATED ALWAYS AS ({_PG_NAME_VECTOR}) STORED",
        f"CREATE INDEX IF NOT EXISTS {table}_search_fts ON {table} USING gin (search_vector)",
        f"CREATE INDEX IF NOT EXISTS {table}_search_name_fts ON {table} USING gin (search_name_vector)",
        # Without statistics on the new columns the planner takes every match for rare, and sorts
        # 200,000 matches of a common word at a million figures instead of walking an index (1 s, not 35 ms).
        f"ANALYZE {table}",
    ]


def full_text_index(*models: str):
    """A migration operation: the full-text index of each of ``models`` ("app_label.Model"), on the
    database in use (PostgreSQL or SQLite; elsewhere it does nothing), filled from the rows there are.
    On PostgreSQL it replaces the trigram index the search used before."""

    def tables(apps):
        return [(model._meta.db_table, model._meta.pk.column) for model in map(apps.get_model, models)]

    def create(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for table, pk in tables(apps):
            if vendor == "postgresql":
                statements = _postgresql_statements(table)
            elif vendor == "sqlite":
                statements = _sqlite_statements(table, pk)
            else:
                statements = []
            for statement in statements:
                schema_editor.execute(statement)

    def drop(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for table, _ in tables(apps):
            if vendor == "postgresql":
                schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
                schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_name_vector")
                schema_editor.execute(
                    f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX.format(table=table)} "
                    f"ON {table} USING gin (search_text gin_trgm_ops)"
                )
            elif vendor == "sqlite":
                for trigger in ("insert", "delete", "update"):
                    schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{trigger}")
                schema_editor.execute(f"DROP TABLE IF EXISTS {table}_fts")

    return migrations.RunPython(create, drop, elidable=False)
