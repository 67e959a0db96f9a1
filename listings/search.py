"""Search that ignores case, diacritics and Unicode form, the same on SQLite and PostgreSQL.

Each searchable model keeps two normalised columns, filled when data is loaded
(``refresh_search_columns``):

- ``search_name``: its names, each between "|" ("|thanh hoa|"), for ranking;
- ``search_text``: everything a person might search it by, each field between "|".

Normalising folds the text (``vietnamese.folding.fold``: lower case, no tone marks, đ
as d, NFC or NFD alike) and keeps only letters and digits, one space apart: "THANH HOÁ",
"Thanh Hóa" and "thanh  hoa" are one query, and "tỉnh, thành phố" reads "tinh thanh pho".
A query is cut to 200 characters; one with no letter or digit searches nothing.

A row matches when it holds every word of the query, whole, in any order and any of its fields;
the last word may be unfinished ("thanh ho" finds Thanh Hóa; "kim ngach xuat khau 2024" finds
"xuất khẩu … kim ngạch … 2024"). Results rank an exact name first, then a name that starts with
the query, then a name that contains it, then the query as a phrase of whole words in some field (a
quote, a title), then the phrase with its last word unfinished ("lần thứ X" finds session X before
session XI), and last the words found apart ("hàng hóa … tỉnh thành" for "Thanh Hóa"). A phrase never
spans two fields. Within a kind of match rows keep the model's order (``search_order``).

The words found apart used to be left out whenever some row held the phrase; they are now always
found, after every phrase: the rule cost a second search per query, and made a row's presence
depend on other rows.

The index keeps each word's position (``listings.search_index``: PostgreSQL full-text search, SQLite
FTS5). ``search`` ranks every match: the full ranking, which the tests hold the pages to. A list's ``q``
(``listings.search_filter``) keeps its first matches in the model's ``search_order`` within the
list's other filters, found once per request (among the first ``LIST_WINDOW`` rows in order first, for
a large table: ``latest_match_keys``), and ranks only them. ``best_matches`` (the search page) ranks
every match of a small table, and finds a large table's best few without ranking every match: the best
``n`` are among the first ``n`` of each kind of match, so it takes those and ranks only them. They are
found by hand-written SQL that no planner's guess can turn into a read of the whole table
(``listings.search_first_rows``): from the table's first
``search_window`` rows in order; for a kind with too few there, from the index, except a kind in names
that no row of ``search_names_from`` has, and, for a kind whose last word may be unfinished, from the
few rows holding its other words when they are few (an unfinished word is the index's costliest
lookup). Every path finds exactly the rows the full ranking puts first.
"""

import re
from contextlib import closing

from django.db import connections, models
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL

from listings.search_first_rows import first_of_each_on_postgresql, first_of_each_on_sqlite
from listings.search_index import Match, RowMatch
from vietnamese.folding import fold

MAX_QUERY_LENGTH = 200
LIST_WINDOW = 5_000  # first looked for among a large table's first rows in order (``latest_match_keys``)
EXACT, NAME_PREFIX, NAME_CONTAINS, MENTION, PARTIAL, WORDS_APART = 4, 3, 2, 1, 0, -1
WORD = re.compile(r"[a-z0-9]+")


def normalise(text: str) -> str:
    return " ".join(WORD.findall(fold(text)))


class SearchableModel(models.Model):
    """Adds the normalised search columns; subclasses say what goes in them."""

    search_name = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")
    search_order: tuple[str, ...] = ()  # the order within a kind of match (``search_order``)
    # A large table: how many of its first rows in ``search_order`` PostgreSQL reads to find the common
    # kinds of match (``search_first_rows.first_of_each_on_postgresql``); 0 for a small one.
    search_window = 0
    # A related field whose row's names are this row's names (a figure's are its indicator's): a kind of
    # match in names that no related row has is then not looked for in this table (``best_matches``).
    search_names_from = ""

    class Meta:
        abstract = True

    def search_names(self) -> list[str]:
        """The names an exact search should find first."""
        raise NotImplementedError

    def search_extra(self) -> list[str]:
        """Other text a search should find it by (titles, quotes, related names)."""
        return []

    def search_columns(self) -> tuple[str, str]:
        names = [normalise(name) for name in self.search_names() if name]
        extra = [normalise(text) for text in self.search_extra() if text]
        return _fields([name for name in names if name]), _fields([text for text in [*names, *extra] if text])


def _fields(texts: list[str]) -> str:
    return "|" + "|".join(texts) + "|"


def normalised_query(query: str) -> str:
    return normalise(query[:MAX_QUERY_LENGTH])


def query_words(query: str) -> list[str]:
    """The words a query searches for: folded, letters and digits only, within the length cap."""
    return normalised_query(query).split()


def search_order(model) -> list[str]:
    """The order of a model's rows within one kind of match: its ``search_order``, or its own order."""
    return list(getattr(model, "search_order", ())) or [*model._meta.ordering, "pk"]


def search(queryset: models.QuerySet, query: str) -> models.QuerySet:
    """Rows holding every word of ``query`` (the last perhaps unfinished), annotated with
    ``search_rank`` (higher is better). Ranks every match, so its cost grows with them: the reference
    the tests hold ``best_matches`` and ``SearchFilter`` to; the pages use those."""
    words = query_words(query)
    if not words:
        return queryset
    return queryset.filter(Match("words", words)).annotate(search_rank=match_rank(" ".join(words)))


def best_matches(queryset: models.QuerySet, query: str, *, limit: int) -> list:
    """The best ``limit`` rows for ``query``, best first, each with its ``search_rank``; one query (two on
    SQLite for a large table).

    A small table (no ``search_window``: a few hundred rows at a million figures) ranks every match: a
    query per kind of match would cost more to build than to run. In a large one the best ``limit`` rows
    are among the first ``limit`` of each kind of match (in ``search_order``), so the query takes those
    from the index, at most six times ``limit`` rows, and ranks only them. The first rows of a kind may
    be of a better kind too: then they are not needed from this one.
    """
    words = query_words(query)
    if not words:
        return []
    order = search_order(queryset.model)
    if queryset.model.search_window:
        matches = queryset.filter(pk__in=_first_of_each_kind(queryset, words, order, limit))
    else:
        matches = queryset.filter(Match("words", words))
    return list(matches.annotate(search_rank=match_rank(" ".join(words))).order_by("-search_rank", *order)[:limit])


def latest_match_keys(queryset: models.QuerySet, words: list[str], *, limit: int) -> list:
    """The primary keys of the first ``limit`` rows holding every word, in ``search_order``.

    A large table's (``search_window``) first rows in order within the other filters are read first,
    each tested for the words (``RowMatch``), until ``limit`` match or ``LIST_WINDOW`` are read: when they
    hold ``limit`` matches, or are every row the filters leave, those are the keys. That bounds a search
    the other filters repeat ("xuất khẩu" among the export figures), where the planner, taking the words
    and the filters for independent, intersected 150,000 rows of each (0.5-0.8 s). Otherwise the
    matches are looked for in the full-text index, one query: the database either walks the order's
    index until it has ``limit`` rows (a common word) or reads the few rows that match from the index
    (a rare one)."""
    order = search_order(queryset.model)
    if queryset.model.search_window:
        first = queryset.order_by(*order).annotate(search_found=RowMatch("words", words))
        keys, read = [], 0
        # Read lazily, ``limit`` rows at a time: when nearly every row matches, not much more is read.
        with closing(first.values_list("pk", "search_found")[:LIST_WINDOW].iterator(chunk_size=limit)) as rows:
            for pk, found in rows:
                read += 1
                if found:
                    keys.append(pk)
                    if len(keys) == limit:
                        return keys
        if read < LIST_WINDOW:
            return keys
    matches = queryset.filter(Match("words", words)).order_by(*order)
    return list(matches.values_list("pk", flat=True)[:limit])


def _first_of_each_kind(queryset: models.QuerySet, words: list[str], order: list[str], limit: int) -> RawSQL:
    """The keys of the first ``limit`` rows of each kind of match, as one ``UNION ALL`` (written out:
    Django composes no sliced union on SQLite)."""
    kinds = Match.KINDS if len(words) > 1 else Match.KINDS[:-1]  # one word: "words" is "phrase_start"
    model = queryset.model
    window = model.search_window
    using = queryset.db
    vendor = connections[using].vendor
    if window and not queryset.query.where and vendor in ("postgresql", "sqlite"):
        matches = [Match(kind, words) for kind in kinds]
        if vendor == "sqlite":
            return RawSQL(
                *first_of_each_on_sqlite(model, matches, order=order, limit=limit, window=window, using=using)
            )
        sql, params = first_of_each_on_postgresql(model, matches, order=order, limit=limit, window=window, using=using)
        # As an array, the keys are found first, whatever the planner thinks of them (otherwise it may
        # rank every row of the table and look each up among them).
        return RawSQL(f"SELECT unnest(ARRAY({sql}))", params)
    parts, params = [], []
    for number, kind in enumerate(kinds):
        first = queryset.filter(Match(kind, words)).order_by(*order).values(search_key=F("pk"))[:limit]
        sql, first_params = first.query.get_compiler(using=queryset.db).as_sql()
        parts.append(f"SELECT search_key FROM ({sql}) AS first_{number}")
        params.extend(first_params)
    return RawSQL(" UNION ALL ".join(parts), params)


def match_rank(phrase: str) -> Case:
    """The kind of match, read from the columns themselves (the rows are found already): the same
    kinds as the index's ``Match``, written as ``LIKE`` over the normalised columns."""
    return Case(
        When(search_name__contains=f"|{phrase}|", then=Value(EXACT)),
        When(search_name__contains=f"|{phrase}", then=Value(NAME_PREFIX)),
        When(search_name__contains=f" {phrase}", then=Value(NAME_CONTAINS)),
        When(_whole_words(phrase), then=Value(MENTION)),
        When(Q(search_text__contains=f"|{phrase}") | Q(search_text__contains=f" {phrase}"), then=Value(PARTIAL)),
        default=Value(WORDS_APART),
        output_field=IntegerField(),
    )


def _whole_words(words: str) -> Q:
    """``words`` in ``search_text`` with a field or word boundary on both sides."""
    found = Q()
    for before in ("|", " "):
        for after in ("|", " "):
            found |= Q(search_text__contains=f"{before}{words}{after}")
    return found


def refresh_search_columns(model, *, batch_size: int = 2000) -> int:
    """Recompute both columns for every row of ``model``; returns how many rows changed."""
    changed = []
    total = 0
    queryset = model.objects.all()
    related = getattr(model, "search_related", ())
    if related:
        queryset = queryset.select_related(*related)
    prefetched = getattr(model, "search_prefetch", ())
    if prefetched:
        queryset = queryset.prefetch_related(*prefetched)
    for row in queryset.iterator(chunk_size=batch_size):
        name, text = row.search_columns()
        if (row.search_name, row.search_text) != (name, text):
            row.search_name, row.search_text = name, text
            changed.append(row)
        if len(changed) >= batch_size:
            model.objects.bulk_update(changed, ["search_name", "search_text"])
            total += len(changed)
            changed = []
    if changed:
        model.objects.bulk_update(changed, ["search_name", "search_text"])
        total += len(changed)
    return total


def postgres_trigram_indexes(*tables: str):
    """A migration operation: trigram GIN indexes on ``search_text``, on PostgreSQL only.

    Historical: they served the ``LIKE '%word%'`` lookups the search made before it had a full-text
    index (``listings.search_index``), whose migration drops them. SQLite has no such index and needs none
    at this size; the operation does nothing there, so both databases share one migration history.
    """
    from django.db import migrations

    def create(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for table in tables:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {table}_search_trgm ON {table} USING gin (search_text gin_trgm_ops)"
            )

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for table in tables:
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_trgm")

    return migrations.RunPython(create, drop, elidable=False)
