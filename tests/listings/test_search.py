"""Search: the same results on SQLite and PostgreSQL, whatever the spelling or Unicode form."""

import unicodedata

import factories
import pytest

from conferences.models import Conference, ConferenceOfficial, IndicatorReport
from listings.search import EXACT, MENTION, PARTIAL, WORDS_APART, normalise, search
from regions.models import Province

pytestmark = pytest.mark.django_db

THANH_HOA_SPELLINGS = [
    "thanh hoa",
    "Thanh Hoá",
    "Thanh Hóa",
    "THANH HÓA",
    "  thanh   hoá ",
    unicodedata.normalize("NFD", "Thanh Hóa"),
    unicodedata.normalize("NFD", "Thanh Hoá"),
]


def slugs(queryset):
    return sorted(row.slug for row in queryset)


def test_normalise_folds_case_marks_d_and_punctuation():
    assert normalise("Tổng kim ngạch XUẤT KHẨU, 28 tỉnh") == "tong kim ngach xuat khau 28 tinh"
    assert normalise("Đà Nẵng") == "da nang"
    assert normalise("Thuỷ") == normalise("Thủy") == "thuy"


@pytest.mark.parametrize("query", THANH_HOA_SPELLINGS)
def test_every_spelling_finds_thanh_hoa(query):
    found = search(Province.objects.all(), query)
    assert slugs(found) == ["thanh-hoa", "thanh-hoa-2025"]
    assert {row.search_rank for row in found} == {EXACT}
    exact = {row.slug for row in search(Conference.objects.all(), query) if row.search_rank == EXACT}
    assert exact == set(Conference.objects.filter(host__slug="thanh-hoa").values_list("slug", flat=True))
    assert {"north-28-viii-2022", "north-central-6-x-2022"} <= exact


@pytest.mark.parametrize("query", ["da nang", "ĐÀ NẴNG", "Đà Nẵng"])
def test_d_with_stroke_folds_to_d(query):
    assert slugs(search(Province.objects.all(), query)) == ["da-nang", "da-nang-2025"]


def test_kim_ngach_xuat_khau_finds_the_export_figures():
    found = search(IndicatorReport.objects.all(), "kim ngach xuat khau")
    exports = IndicatorReport.objects.filter(indicator__code="export_turnover")
    assert set(exports.values_list("slug", flat=True)) <= {row.slug for row in found}
    best = max(found, key=lambda row: row.search_rank)
    assert best.indicator.code == "export_turnover"


def test_a_phrase_is_not_found_inside_other_words(empty_database):
    """ "thanh hoa" does not find Giang Thanh Khoa; "thành phố … kế hoạch" holds its words apart only."""
    session = factories.conference()
    factories.official(conference=session, name="Giang Thanh Khoa", title="Phó Cục trưởng")
    factories.official(conference=session, name="Mai Xuân Liêm", title="Phó Chủ tịch UBND tỉnh Thanh Hóa")
    factories.official(conference=session, name="Nguyễn Văn A", title="Giám đốc Sở Kế hoạch thành phố Hà Nội")
    people = search(ConferenceOfficial.objects.all(), "thanh hoa").order_by("-search_rank")
    assert [(person.name, person.search_rank) for person in people] == [
        ("Mai Xuân Liêm", MENTION),  # "UBND tỉnh Thanh Hóa" in the title
        ("Nguyễn Văn A", WORDS_APART),  # "hoạch" starts with "hoa", the last word
    ]


def test_the_last_word_may_be_unfinished_but_ranks_below_whole_words():
    found = {row.slug: row.search_rank for row in search(Conference.objects.all(), "lần thứ X")}
    assert found["north-28-x-2024"] == MENTION
    assert found["north-28-xi-2025"] == PARTIAL
    provinces = search(Province.objects.all(), "thanh ho").order_by("-search_rank", "slug")
    assert [row.slug for row in provinces][:2] == ["thanh-hoa", "thanh-hoa-2025"]
    assert {row.search_rank for row in provinces[2:]} == {WORDS_APART}  # "Thành phố Hồ Chí Minh"


def test_all_the_words_match_in_any_order():
    found = {row.slug: row.search_rank for row in search(IndicatorReport.objects.all(), "kim ngach xuat khau 2024")}
    exports_2024 = IndicatorReport.objects.filter(indicator__code="export_turnover", period_end__year=2024)
    assert exports_2024.exists()
    assert set(exports_2024.values_list("slug", flat=True)) <= set(found)
    assert set(found.values()) == {WORDS_APART}
    reversed_words = search(IndicatorReport.objects.all(), "2024 xuat khau kim ngach")
    assert {row.slug for row in reversed_words} == set(found)


def test_words_found_apart_rank_after_every_phrase():
    """ "Thanh Hóa" finds the province first, then "Thành phố … Hòa Bình" and the like."""
    ranked = list(search(Province.objects.all(), "thanh hoa").order_by("-search_rank", "slug"))
    assert [row.slug for row in ranked[:2]] == ["thanh-hoa", "thanh-hoa-2025"]
    assert all(row.search_rank == WORDS_APART for row in ranked[2:])
    assert "thanh-pho-ho-chi-minh" in slugs(search(Province.objects.all(), "ho chi minh thanh pho"))


def test_an_exact_name_ranks_before_a_passing_mention(empty_database):
    mentioned = factories.conference(slug="a-mention", theme="Liên kết với Thanh Hóa")
    hosted = factories.conference(slug="z-hosted", host=factories.province(name="Thanh Hóa"))
    ranked = search(Conference.objects.all(), "Thanh Hóa").order_by("-search_rank", "slug")
    assert [(row.slug, row.search_rank) for row in ranked] == [(hosted.slug, EXACT), (mentioned.slug, MENTION)]


def test_a_query_of_nothing_searchable_changes_nothing():
    assert search(Province.objects.all(), " ,.;! ").count() == Province.objects.count()
