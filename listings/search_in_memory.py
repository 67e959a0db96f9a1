"""The search of a small table held in memory: the same matches and ranks as the full-text index
(``Match("words", …)``) and ``match_rank`` give in the database.

A small table (no ``search_window``: sessions, groups, provinces, people, indicators and sources, a few
hundred rows each at a million figures) was searched with one query per kind on the search page, and
building and compiling those queries, with their six ranks written as ``LIKE`` conditions, and making
the rows found, cost about 1-2.5 ms of the worker's time each: half the page's CPU, for tables that
change only with a load. Their rows are now read once per load (``search_rows``, kept by the caller)
and searched here, with no query.

Each row is tested with ``listings.search_index.row_test``: the ``LIKE`` forms of the index's matches
(``like_condition``), written in Python. The tests hold this module to ``search`` on both databases.
"""

import copy
from collections.abc import Callable, Sequence

from django.db.models import Model, QuerySet

from listings.search import EXACT, MENTION, NAME_CONTAINS, NAME_PREFIX, PARTIAL, WORDS_APART, search_order
from listings.search_index import row_test


def search_rows(queryset: QuerySet) -> list[Model]:
    """Every row of ``queryset``, with its related rows, in the model's ``search_order``: what
    ``best_matches_in`` searches. Kept for a load and shared by requests: read only."""
    return list(queryset.order_by(*search_order(queryset.model)))


# The kinds of match ``listings.search.match_rank`` ranks, best first, as the index's kinds: the first that a
# row holds is its rank. A row reaching "name_phrase" has no name starting with the phrase, so there it is
# ``match_rank``'s name containing it.
RANKED_KINDS = (
    (EXACT, "name"),
    (NAME_PREFIX, "name_start"),
    (NAME_CONTAINS, "name_phrase"),
    (MENTION, "phrase"),
    (PARTIAL, "phrase_start"),
)


def ranked_matches(words: Sequence[str]) -> list[tuple[int, Callable[[str, str], bool]]]:
    """The tests ``rank`` makes for ``words`` (``row_test``), with the rank each gives."""
    return [(value, row_test(kind, words)) for value, kind in RANKED_KINDS]


def rank(ranked: list[tuple[int, Callable[[str, str], bool]]], name: str, text: str) -> int:
    """The kind of match of a row holding every word (``ranked_matches``), as ``listings.search.match_rank``."""
    for value, test in ranked:
        if test(name, text):
            return value
    return WORDS_APART


def best_matches_in(rows: Sequence[Model], words: Sequence[str], *, limit: int) -> list[Model]:
    """``listings.search.best_matches`` over ``rows`` (``search_rows``): the best ``limit`` holding every word,
    best first and, within a rank, in the rows' order, each a copy with its ``search_rank``."""
    if not words:
        return []
    every_word, ranked = row_test("words", words), ranked_matches(words)
    found = [
        (row, rank(ranked, row.search_name, row.search_text))
        for row in rows
        if every_word(row.search_name, row.search_text)
    ]
    found.sort(key=lambda item: -item[1])  # stable: the rows' order within a rank
    results = []
    for row, found_rank in found[:limit]:
        result = copy.copy(row)  # the kept row is shared by requests
        result.search_rank = found_rank
        results.append(result)
    return results
