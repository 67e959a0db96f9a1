"""Completeness: each number printed in an article is covered by a phrase inside its container, or reported."""

from pathlib import Path

from curation.articles import Article
from curation.coverage import uncovered_numbers


def article(raw: str) -> Article:
    return Article(path=Path("x.txt"), raw=raw)


def numbers(found) -> list[str]:
    return [number for _, number, _ in found]


TEXT = (
    "Tổng kim ngạch xuất khẩu ước đạt 120,7 tỷ USD, tăng 18,3%.\n"
    "Hải Phòng đạt 16 tỷ USD.\n"
    "Bán lẻ ước đạt 1.404 nghìn tỷ đồng, tăng 12,3%.\n"
)
FIRST = "Tổng kim ngạch xuất khẩu ước đạt 120,7 tỷ USD, tăng 18,3%."


def test_without_any_cover_every_number_is_reported_with_its_line():
    found = uncovered_numbers(article(TEXT), [])
    assert [(line, number) for line, number, _ in found] == [
        (1, "120,7"),
        (1, "18,3"),
        (2, "16"),
        (3, "1.404"),
        (3, "12,3"),
    ]


def test_a_grouped_numeral_is_one_token():
    found = uncovered_numbers(article("đạt 1.404 nghìn tỷ đồng và 1.056,8 triệu USD"), [])
    assert numbers(found) == ["1.404", "1.056,8"]


def test_a_fraction_and_a_range_are_two_numbers_each():
    assert numbers(uncovered_numbers(article("25/28 địa phương; thời kỳ 2021-2030"), [])) == [
        "25",
        "28",
        "2021",
        "2030",
    ]


def test_a_phrase_inside_its_container_covers_its_numbers():
    found = uncovered_numbers(article(TEXT), [(FIRST, "120,7 tỷ USD"), (FIRST, "tăng 18,3%")])
    assert numbers(found) == ["16", "1.404", "12,3"]


def test_the_same_phrase_outside_its_container_is_not_covered():
    raw = "A ước đạt 5 tỷ USD.\nB đạt 5 tỷ USD.\n"
    found = uncovered_numbers(article(raw), [("A ước đạt 5 tỷ USD.", "5 tỷ USD")])
    assert [(line, number) for line, number, _ in found] == [(2, "5")]


def test_a_phrase_must_lie_wholly_inside_its_container():
    raw = "Tăng 12,3% so với cùng kỳ."
    found = uncovered_numbers(article(raw), [("Tăng 12,3", "12,3% so")])
    assert numbers(found) == ["12,3"]


def test_a_container_that_is_not_in_the_article_covers_nothing():
    found = uncovered_numbers(article(TEXT), [("A sentence not in the text, 120,7 tỷ USD", "120,7 tỷ USD")])
    assert "120,7" in numbers(found)


def test_an_empty_container_covers_the_phrase_everywhere():
    raw = "Trong năm 2021 tốt.\nCòn năm 2021 nữa.\n"
    assert uncovered_numbers(article(raw), [("", "năm 2021")]) == []
    assert uncovered_numbers(article(raw), [("Còn năm 2021 nữa.", "năm 2021")]) == [
        (1, "2021", "Trong năm 2021 tốt. Còn năm 2021 nữa. ")
    ]


def test_phrases_are_matched_case_sensitively():
    raw = "Năm 2021 tốt.\n"
    assert numbers(uncovered_numbers(article(raw), [("", "năm 2021")])) == ["2021"]


def test_every_occurrence_of_a_container_counts():
    raw = "Hội nghị lần thứ X năm 2024.\n\nHội nghị lần thứ X năm 2024.\n"
    assert uncovered_numbers(article(raw), [("Hội nghị lần thứ X năm 2024.", "2024")]) == []


def test_a_number_partly_covered_is_not_covered():
    found = uncovered_numbers(article("đạt 1.404 nghìn tỷ đồng"), [("", "404 nghìn")])
    assert numbers(found) == ["1.404"]


def test_an_empty_phrase_covers_nothing():
    assert numbers(uncovered_numbers(article("đạt 16 tỷ USD"), [("đạt 16 tỷ USD", "")])) == ["16"]


def test_the_context_is_on_one_line_around_the_number():
    raw = "x" * 40 + "\nđạt 8297 lượt\n" + "y" * 40
    [(line, number, context)] = uncovered_numbers(article(raw), [])
    assert (line, number) == (2, "8297")
    assert "\n" not in context
    assert context == "x" * 25 + " đạt 8297 lượt " + "y" * 24


def test_no_break_spaces_in_the_article_match_ordinary_spaces_in_a_phrase():
    raw = "Hải Phòng đạt 16\u00a0tỷ USD.\n"
    assert uncovered_numbers(article(raw), [("Hải Phòng đạt 16 tỷ USD.", "16 tỷ USD")]) == []
