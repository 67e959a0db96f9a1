"""Search's ranking, matching and bad input, asserted as exact ordered results.

The suite runs on SQLite and on PostgreSQL: each expectation holding on both is how the tests compare
the two databases' full-text indexes (``listings.search_index``).
"""

import unicodedata
from datetime import date

import factories
import pytest
from django.db import connection

from conferences.models import Conference, ConferenceOfficial, Indicator, IndicatorReport, Source
from listings.search import (
    EXACT,
    MENTION,
    NAME_CONTAINS,
    NAME_PREFIX,
    PARTIAL,
    WORDS_APART,
    best_matches,
    query_words,
    refresh_search_columns,
    search,
    search_order,
)
from listings.search_in_memory import best_matches_in, search_rows
from regions.models import Province, Region

pytestmark = pytest.mark.django_db

# Sources for "thanh hoa", one for each kind of match; a source's names are its publication and title,
# its author is only mentioned. Slugs give the order within a kind.
KINDS_OF_MATCH = [
    ("s1-exact", "Báo Thử", "Thanh Hóa", "", EXACT),
    ("s2-name-start", "Báo Thử", "Thanh Hoá hôm nay", "", NAME_PREFIX),
    ("s3-name-contains", "Báo Thử", "Tin THANH HÓA hôm nay", "", NAME_CONTAINS),
    ("s4-mention", "Báo Thử", "Tin tỉnh nhà", unicodedata.normalize("NFD", "Thanh Hóa"), MENTION),
    ("s5-unfinished", "Báo Thử", "Tin tỉnh nhà", "Thanh Hoàng", PARTIAL),
    ("s6-apart", "Báo Hóa học", "Tin thành phố", "", WORDS_APART),
    ("s7-across-fields", "Báo Thanh", "Hóa chất", "", WORDS_APART),  # a phrase never spans two fields
    ("s8-other-word", "Báo Thử", "Giang Thanh Khoa", "", None),
    ("s9-one-word", "Báo Thử", "Thanh niên", "", None),
]


@pytest.fixture
def sources(empty_database):
    for slug, publication, title, author, _ in KINDS_OF_MATCH:
        factories.source(slug=slug, publication=publication, title=title, author=author)


def ranked(queryset, query):
    return [(row.slug, row.search_rank) for row in search(queryset, query).order_by("-search_rank", "slug")]


def best(queryset, query, limit=20):
    """``best_matches``; for a small table, the search page's search in memory must give the same."""
    found = [(row.slug, row.search_rank) for row in best_matches(queryset, query, limit=limit)]
    if not queryset.model.search_window:
        in_memory = best_matches_in(search_rows(queryset), query_words(query), limit=limit)
        assert [(row.slug, row.search_rank) for row in in_memory] == found
    return found


EXPECTED = [(slug, rank) for slug, *_, rank in KINDS_OF_MATCH if rank is not None]


@pytest.mark.parametrize("query", ["thanh hoa", "Thanh Hóa", "THANH HOÁ", unicodedata.normalize("NFD", "Thanh Hóa")])
def test_each_kind_of_match_ranks_in_its_place(sources, query):
    assert ranked(Source.objects.all(), query) == EXPECTED
    assert best(Source.objects.all(), query) == EXPECTED


def test_the_best_few_are_the_first_of_the_full_ranking(sources):
    for limit in range(1, len(EXPECTED) + 2):
        assert best(Source.objects.all(), "thanh hoa", limit) == EXPECTED[:limit]


def test_words_in_any_order_are_found_apart(sources):
    assert ranked(Source.objects.all(), "hoa thanh") == [
        ("s1-exact", WORDS_APART),
        ("s2-name-start", WORDS_APART),
        ("s3-name-contains", WORDS_APART),
        ("s4-mention", WORDS_APART),
        ("s6-apart", WORDS_APART),
        ("s7-across-fields", WORDS_APART),
    ]


def test_the_last_word_may_be_unfinished(sources):
    expected = [
        ("s1-exact", NAME_PREFIX),
        ("s2-name-start", NAME_PREFIX),
        ("s3-name-contains", NAME_CONTAINS),
        ("s4-mention", PARTIAL),
        ("s5-unfinished", PARTIAL),
        ("s6-apart", WORDS_APART),
        ("s7-across-fields", WORDS_APART),
    ]
    assert ranked(Source.objects.all(), "thanh h") == expected
    assert best(Source.objects.all(), "thanh h") == expected


def test_only_the_last_word_may_be_unfinished(sources):
    assert ranked(Source.objects.all(), "than hoa") == []
    assert ranked(Source.objects.all(), "tha hoa") == []


def test_one_word_finds_whole_and_unfinished_words(sources):
    expected = [
        ("s7-across-fields", NAME_PREFIX),  # "Hóa chất"
        ("s1-exact", NAME_CONTAINS),
        ("s2-name-start", NAME_CONTAINS),
        ("s3-name-contains", NAME_CONTAINS),
        ("s6-apart", NAME_CONTAINS),  # "Báo Hóa học"
        ("s4-mention", MENTION),
        ("s5-unfinished", PARTIAL),  # "Hoàng"; not "Khoa"
    ]
    assert ranked(Source.objects.all(), "hoa") == expected
    assert best(Source.objects.all(), "hoa") == expected


def test_d_with_stroke_and_its_absence_are_one_letter(empty_database):
    factories.source(slug="a-da-nang", title="Đà Nẵng")
    factories.source(slug="b-dan", author="Đặng Văn Dân")
    assert best(Source.objects.all(), "da nang") == [("a-da-nang", EXACT)]
    assert best(Source.objects.all(), "ĐÀ NẴNG") == [("a-da-nang", EXACT)]
    assert best(Source.objects.all(), "dang van d") == [("b-dan", PARTIAL)]
    assert best(Source.objects.all(), "Đặng Văn Dân") == [("b-dan", MENTION)]


def test_the_index_follows_every_change_of_the_rows(sources):
    source = Source.objects.get(slug="s1-exact")
    source.title = "Nghệ An"
    source.save()
    assert refresh_search_columns(Source) == 1
    assert best(Source.objects.all(), "nghe an") == [("s1-exact", EXACT)]
    assert "s1-exact" not in dict(best(Source.objects.all(), "thanh hoa"))
    Source.objects.filter(slug="s2-name-start").delete()
    assert [slug for slug, _ in best(Source.objects.all(), "thanh hoa", 2)] == ["s3-name-contains", "s4-mention"]


def test_within_a_kind_the_models_order_holds(empty_database):
    """Sources by slug; figures the latest periods first (an index gives it, at a million figures)."""
    assert search_order(Source) == ["slug", "pk"]
    assert search_order(IndicatorReport) == ["-period_end", "-pk"]
    province = factories.province(name="Thanh Hóa")
    first, second, third = (factories.figure(province=province) for _ in range(3))
    found = best_matches(IndicatorReport.objects.all(), "thanh hoa", limit=2)
    assert [(row.pk, row.search_rank) for row in found] == [(third.pk, MENTION), (second.pk, MENTION)]
    assert first.pk < second.pk


def test_the_first_of_a_kind_are_found_beyond_the_first_rows_read(empty_database, monkeypatch):
    """PostgreSQL reads a large table's first rows in order once, and looks further only for a kind of
    match with too few rows there (``search_first_rows.first_of_each_on_postgresql``): the results are the
    same whatever the window."""
    province = factories.province(name="Thanh Hóa")
    later = [factories.figure(province=province, period_end=date(2024, 12, 31)) for _ in range(2)]
    factories.figure(period_end=date(2024, 9, 30), period_start=date(2024, 1, 1))  # not a match
    earlier = [factories.figure(province=province, period_start=None, period_end=date(2023, 12, 31)) for _ in range(3)]
    expected = [row.pk for row in [*reversed(later), *reversed(earlier)]]
    for window in (1, 2, 3, 100):
        monkeypatch.setattr(IndicatorReport, "search_window", window)
        for limit in (1, 3, 5, 6):
            found = best_matches(IndicatorReport.objects.all(), "thanh hoa", limit=limit)
            assert [row.pk for row in found] == expected[:limit], (window, limit)


@pytest.mark.parametrize("query", ["", "   ", " ,.;! ", "—", "…", "“”", "*", "^", "-", ":", "()", "'\"", "&|!<->"])
def test_a_query_of_nothing_searchable_searches_nothing(sources, query):
    assert search(Source.objects.all(), query).count() == Source.objects.count()
    assert best_matches(Source.objects.all(), query, limit=10) == []


def test_a_query_is_cut_at_200_characters(sources):
    padding = "x" * 189 + " "
    assert len(padding + "thanh hoa") == 199
    assert best(Source.objects.all(), padding + "thanh hoa") == []  # the padding is a word no row has
    cut = "thanh hoa " + "z" * 200
    assert best(Source.objects.all(), cut) == []  # "zzz…" (cut at 190 letters) is a word no row has
    assert best(Source.objects.all(), "thanh hoa" + " " * 191 + "khoa") == EXPECTED  # "khoa" is cut off


# Full-text syntax of either database, and SQL, typed into a search: plain words, never an error.
SYNTAX = [
    ('"thanh hoa"', EXPECTED),
    ("'thanh hoa'", EXPECTED),
    ("thanh* hoa*", EXPECTED),
    ("^thanh -hoa", EXPECTED),
    ("(thanh) (hoa)", EXPECTED),
    ("thanh:hoa", EXPECTED),
    ("thanh <-> hoa:*", EXPECTED),
    ("thanh & !hoa", EXPECTED),
    ("{thanh hoa}", EXPECTED),
    ("thanh AND hoa", []),  # "and" is a word no source holds
    ("thanh OR hoa", []),
    ("NOT thanh hoa", []),
    ("NEAR(thanh hoa)", []),
    ("name : thanh hoa", []),
    ("text: thanh", []),
    ("thanh hoa'; DROP TABLE conferences_source; --", []),
    ("thanh hoa\\", EXPECTED),
    ("%_%", None),
    ('"', None),
    ("*:*", None),
]


@pytest.mark.parametrize(("query", "expected"), SYNTAX)
def test_query_syntax_is_read_as_plain_words(sources, query, expected):
    if expected is None:  # nothing searchable
        assert best(Source.objects.all(), query) == []
        return
    assert ranked(Source.objects.all(), query) == expected
    assert best(Source.objects.all(), query) == expected


@pytest.mark.parametrize("query", [query for query, _ in SYNTAX])
def test_query_syntax_never_breaks_a_page(client, sources, query):
    assert client.get("/search/", {"q": query}).status_code == 200
    assert client.get("/figures/", {"q": query}).status_code == 200
    assert client.get("/conferences/", {"q": query}).status_code == 200
    assert Source.objects.count() == len(KINDS_OF_MATCH)


SEARCHABLE = [Region, Province, Source, Conference, ConferenceOfficial, Indicator, IndicatorReport]


def test_every_searchable_table_has_its_full_text_index():
    tables = sorted(model._meta.db_table for model in SEARCHABLE)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tablename, indexname FROM pg_indexes WHERE indexdef LIKE '%USING gin (search%vector)'"
            )
            found = sorted(cursor.fetchall())
            expected = sorted(
                (table, f"{table}_{name}") for table in tables for name in ("search_fts", "search_name_fts")
            )
            cursor.execute("SELECT count(*) FROM pg_indexes WHERE indexdef LIKE '%gin_trgm_ops%'")
            assert cursor.fetchone()[0] == 0  # the trigram indexes the full-text index replaced
        else:
            cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_fts_%'")
            found = sorted(cursor.fetchall())
            expected = sorted(
                (table, f"{table}_fts_{event}") for table in tables for event in ("delete", "insert", "update")
            )
    assert found == expected


def test_the_loaded_data_is_indexed():
    """Every row of the loaded dataset is found by the words of its name."""
    for model in SEARCHABLE:
        row = model.objects.exclude(search_name__in=["", "||"]).order_by("pk").first()
        words = row.search_name.strip("|").split("|")[0]
        assert row.pk in {found.pk for found in search(model.objects.all(), words)}, model
