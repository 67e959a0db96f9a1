"""Search that ignores case, diacritics and Unicode form, the same on SQLite and PostgreSQL.

Each searchable model keeps two normalised columns, filled when data is loaded
(``refresh_search_columns``):

- ``search_name``: its names, each between "|" ("|thanh hoa|"), for ranking;
- ``search_text``: everything a person might search it by, each field between "|".

Normalising folds the text (``vietnamese.folding.fold``: lower case, no tone marks, đ
as d, NFC or NFD alike) and keeps only letters and digits, one space apart: "THANH HOÁ",
"Thanh Hóa" and "thanh  hoa" are one query, and "tỉnh, thành phố" reads "tinh thanh pho".

A query matches as a phrase of whole words, starting at a word boundary; its last word may be
unfinished ("thanh ho" finds Thanh Hóa), but "thanh hoa" does not find "Giang Thanh Khoa". Where
no row holds the phrase, a row holding all its words, whole, in any order matches ("kim ngach xuat
khau 2024" finds "xuất khẩu … kim ngạch … 2024"); where some row holds it, the words found apart
would be noise ("Thanh Hóa" is not "hàng hóa … tỉnh thành") and are left out. Results rank an
exact name first, then a name that starts with the query, then a name that contains it, then a
passing mention (a quote, a title), then a match on an unfinished word ("lần thứ X" finds session
X before session XI), and last the words found apart.
Both rules are one query (the phrase's absence is a NOT EXISTS).

Both databases see the same normalised text and plain ``LIKE`` lookups, so they return the same
rows; PostgreSQL serves those lookups from trigram (pg_trgm) GIN indexes.
"""

import re

import django_filters
from django.db import models
from django.db.models import Case, Exists, IntegerField, Q, Value, When

from vietnamese.folding import fold

MAX_QUERY_LENGTH = 200
EXACT, NAME_PREFIX, NAME_CONTAINS, MENTION, PARTIAL, WORDS_APART = 4, 3, 2, 1, 0, -1
WORD = re.compile(r"[a-z0-9]+")


def normalise(text: str) -> str:
    return " ".join(WORD.findall(fold(text)))


class SearchableModel(models.Model):
    """Adds the normalised search columns; subclasses say what goes in them."""

    search_name = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")

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


def search(queryset: models.QuerySet, query: str) -> models.QuerySet:
    """Rows where ``query`` occurs as a phrase or all its words do, annotated with ``search_rank``
    (higher is better)."""
    phrase = normalised_query(query)
    if not phrase:
        return queryset
    as_phrase = Q(search_text__contains=f"|{phrase}") | Q(search_text__contains=f" {phrase}")
    words = phrase.split()
    every_word = Q()
    for word in dict.fromkeys(words):
        every_word &= _whole_words(word)
    matches = as_phrase
    if len(words) > 1:
        matches |= every_word & ~Exists(queryset.filter(as_phrase).order_by().values("pk"))
    rank = Case(
        When(search_name__contains=f"|{phrase}|", then=Value(EXACT)),
        When(search_name__contains=f"|{phrase}", then=Value(NAME_PREFIX)),
        When(search_name__contains=f" {phrase}", then=Value(NAME_CONTAINS)),
        When(_whole_words(phrase), then=Value(MENTION)),
        When(as_phrase, then=Value(PARTIAL)),
        default=Value(WORDS_APART),
        output_field=IntegerField(),
    )
    return queryset.filter(matches).annotate(search_rank=rank)


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

    They serve the ``LIKE '%word%'`` lookups of ``search``. SQLite has no such index and needs none
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


class SearchFilter(django_filters.CharFilter):
    """A list's ``q``: the portal's search, best match first unless the reader chose a sort."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        super().__init__(**kwargs)

    def filter(self, qs, value):
        if not value or not normalised_query(value):
            return qs
        ordering = qs.query.order_by or qs.model._meta.ordering
        return search(qs, value).order_by("-search_rank", *ordering)
