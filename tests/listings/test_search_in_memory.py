"""The search of a small table in memory, held to the database's full ranking (``search``) on SQLite and on
PostgreSQL. ``test_search_ranking.best`` also holds it to ``best_matches`` over every case there."""

import random

import factories
import pytest

from conferences.models import Source
from listings.search import EXACT, MENTION, NAME_CONTAINS, NAME_PREFIX, PARTIAL, WORDS_APART, query_words, search
from listings.search_in_memory import best_matches_in, rank, ranked_matches, search_rows
from listings.search_index import Match, row_test

pytestmark = pytest.mark.django_db

# Few words, so that rows share them in every arrangement: whole, unfinished, apart, across fields.
VOCABULARY = ["thanh", "hoa", "thanh hoa", "hoa thanh", "khoa", "hoang", "thanhhoa", "an", "an giang", "nghe an"]


def memory(query: str, limit: int = 1000) -> list[tuple[str, int]]:
    rows = search_rows(Source.objects.all())
    return [(row.slug, row.search_rank) for row in best_matches_in(rows, query_words(query), limit=limit)]


def database(query: str) -> list[tuple[str, int]]:
    found = search(Source.objects.all(), query).order_by("-search_rank", "slug")
    return [(row.slug, row.search_rank) for row in found]


@pytest.fixture
def random_sources(empty_database):
    """Sources whose publication, title and author are random phrases of ``VOCABULARY``: seeded."""
    chosen = random.Random(14)
    for number in range(120):
        fields = [" ".join(chosen.sample(VOCABULARY, chosen.randint(0, 3))) for _ in range(3)]
        factories.source(
            slug=f"s{number:03}", publication=fields[0] or "Báo", title=fields[1] or "Tin", author=fields[2]
        )


QUERIES = [
    "thanh hoa",
    "hoa thanh",
    "thanh h",
    "thanh",
    "hoa",
    "h",
    "an",
    "an g",
    "nghe an",
    "khoa thanh hoa",
    "thanhhoa",
    "thanhhoa an",
    "giang an nghe",
    "o",
]


@pytest.mark.parametrize("query", QUERIES)
def test_the_same_rows_and_ranks_as_the_database(random_sources, query):
    expected = database(query)
    assert memory(query) == expected
    assert memory(query, limit=5) == expected[:5]


def every_word(words: list[str], text: str) -> bool:
    return row_test("words", words)("", text)


def test_every_word_whole_but_the_last():
    assert every_word(["thanh", "h"], "|tin thanh hoang|")
    assert every_word(["hoa", "thanh"], "|thanh|hoa|")  # any order, any field
    assert not every_word(["than", "hoa"], "|thanh hoa|")  # only the last word may be unfinished
    assert not every_word(["thanh", "oa"], "|thanh hoa|")  # a word starts after a space or a "|"


@pytest.mark.parametrize("kind", Match.KINDS)
@pytest.mark.parametrize("query", QUERIES)
def test_each_kind_holds_where_the_index_finds_it(random_sources, kind, query):
    """``row_test``, the ``LIKE`` forms in Python, against the full-text index of either database."""
    words = query_words(query)
    test = row_test(kind, words)
    found = set(Source.objects.filter(Match(kind, words)).values_list("slug", flat=True))
    rows = search_rows(Source.objects.all())
    assert {row.slug for row in rows if test(row.search_name, row.search_text)} == found


def test_queries_find_some_rows_but_not_all(random_sources):
    counts = [len(database(query)) for query in QUERIES]
    assert all(0 < count < Source.objects.count() for count in counts[:-1]), counts
    assert counts[-1] == 0  # "o" starts no word


def test_ranks_follow_the_kind_of_match():
    thanh_hoa, thanh_h = ranked_matches(["thanh", "hoa"]), ranked_matches(["thanh", "h"])
    assert rank(thanh_hoa, "|thanh hoa|", "|thanh hoa|") == EXACT
    assert rank(thanh_hoa, "|thanh hoa hom nay|", "|thanh hoa hom nay|") == NAME_PREFIX
    assert rank(thanh_hoa, "|bao thanh hoa|", "|bao thanh hoa|") == NAME_CONTAINS
    assert rank(thanh_hoa, "|bao|", "|bao|tin thanh hoa hom nay|") == MENTION
    assert rank(thanh_h, "|bao|", "|bao|tin thanh hoang|") == PARTIAL
    assert rank(thanh_hoa, "|bao|", "|hoa thanh|") == WORDS_APART


def test_the_kept_rows_are_read_once_and_never_changed(random_sources, django_assert_num_queries):
    rows = search_rows(Source.objects.all())
    with django_assert_num_queries(0):
        found = best_matches_in(rows, ["thanh", "hoa"], limit=3)
    assert len(found) == 3
    assert all(not hasattr(row, "search_rank") for row in rows)
    assert {row.slug for row in found} <= {row.slug for row in rows}


def test_nothing_to_search_finds_nothing(random_sources):
    assert best_matches_in(search_rows(Source.objects.all()), [], limit=10) == []
