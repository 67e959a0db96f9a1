"""The search of a small table held in memory: the same matches and ranks as the full-text index
(``Match("words", …)``) and ``match_rank`` give in the database.

A small table (no ``search_window``: sessions, groups, provinces, people, indicators and sources, a few
hundred rows each at a million figures) was searched with one query per kind on the search page, and
building and compiling those queries, with their six ranks written as ``LIKE`` conditions, and making
the rows found, cost about 1-2.5 ms of the worker's time each: half the page's CPU, for tables that
change only with a load. Their rows are now read once per load (``search_rows``, kept by the caller)
and searched here, with no query.

The columns hold folded words one space apart, every field between "|", and a query's words are
letters and digits only (``listings.search``): a word is whole where a space or a "|" is on each side
of it, and starts where one is before it. That is what the index and the ``LIKE`` forms test
(``listings.search_index.like_condition``), and the tests hold this module to ``search`` on both
databases.
"""

import copy
from collections.abc import Sequence

from django.db.models import Model, QuerySet

from listings.search import EXACT, MENTION, NAME_CONTAINS, NAME_PREFIX, PARTIAL, WORDS_APART, search_order


def search_rows(queryset: QuerySet) -> list[Model]:
    """Every row of ``queryset``, with its related rows, in the model's ``search_order``: what
    ``best_matches_in`` searches. Kept for a load and shared by requests: read only."""
    return list(queryset.order_by(*search_order(queryset.model)))


def _whole(word: str, text: str) -> bool:
    return any(f"{before}{word}{after}" in text for before in "| " for after in "| ")


def _starting(word: str, text: str) -> bool:
    return f"|{word}" in text or f" {word}" in text


def holds_every_word(words: Sequence[str], text: str) -> bool:
    """Every word whole in ``text`` but the last, which may be unfinished; in any order and field."""
    # Each word anywhere first: most rows lack one, and that test is one search of the text, not eight.
    return (
        all(word in text for word in words)
        and all(_whole(word, text) for word in words[:-1])
        and _starting(words[-1], text)
    )


def rank(phrase: str, name: str, text: str) -> int:
    """The kind of match of a row holding every word of ``phrase``, as ``listings.search.match_rank``."""
    if f"|{phrase}|" in name:
        return EXACT
    if f"|{phrase}" in name:
        return NAME_PREFIX
    if f" {phrase}" in name:
        return NAME_CONTAINS
    if _whole(phrase, text):
        return MENTION
    if _starting(phrase, text):
        return PARTIAL
    return WORDS_APART


def best_matches_in(rows: Sequence[Model], words: Sequence[str], *, limit: int) -> list[Model]:
    """``listings.search.best_matches`` over ``rows`` (``search_rows``): the best ``limit`` holding every word,
    best first and, within a rank, in the rows' order, each a copy with its ``search_rank``."""
    if not words:
        return []
    phrase = " ".join(words)
    found = [
        (row, rank(phrase, row.search_name, row.search_text))
        for row in rows
        if holds_every_word(words, row.search_text)
    ]
    found.sort(key=lambda item: -item[1])  # stable: the rows' order within a rank
    results = []
    for row, found_rank in found[:limit]:
        result = copy.copy(row)  # the kept row is shared by requests
        result.search_rank = found_rank
        results.append(result)
    return results
