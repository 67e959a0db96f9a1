"""Whose figure it is: the province, region or country a figure's own words name, and when they leave
it open."""

from pathlib import Path

import pytest
from django.conf import settings

from curation.draft_places import ProvinceNames
from curation.draft_scope import find_scope
from curation.reference import read_reference


@pytest.fixture(scope="module")
def names():
    return ProvinceNames(read_reference(Path(settings.FIXTURE_DIRS[0]) / "reference"))


def scope_of(names, sentence: str, amount: str, window_start: int = 0, paragraph: str = ""):
    return find_scope(names, sentence, window_start, sentence.index(amount), paragraph)


@pytest.mark.parametrize(
    ("sentence", "scope", "province"),
    [
        ("Chỉ số sản xuất công nghiệp của Nghệ An tăng 5,2%.", "province", "Nghệ An"),
        ("Tại tỉnh Hòa Bình, chỉ số sản xuất công nghiệp tăng 5,2%.", "province", "Hòa Bình"),
        ("Chỉ số sản xuất công nghiệp của khu vực tăng 5,2%.", "region", ""),
        ("Chỉ số sản xuất công nghiệp cả nước tăng 5,2%.", "country", ""),
        ("Chỉ số sản xuất công nghiệp tăng 5,2%.", "region", ""),
    ],
)
def test_the_words_before_the_amount_settle_its_owner(names, sentence, scope, province):
    found = scope_of(names, sentence, "5,2%")
    assert (found.scope, found.province, found.doubts) == (scope, province, [])


@pytest.mark.parametrize(
    ("sentence", "paragraph", "named"),
    [
        ("Chỉ số sản xuất công nghiệp của Thanh Hóa và Nghệ An tăng 5,2%.", "", "Thanh Hóa"),
        ("Theo Sở Công Thương Nghệ An, chỉ số sản xuất công nghiệp tăng 5,2%.", "", "Nghệ An"),
        ("Chỉ số sản xuất công nghiệp tăng 5,2%, cao nhất là Nghệ An.", "", "Nghệ An"),
        ("Chỉ số sản xuất công nghiệp tăng 5,2%.", "Tại Nghệ An, sản xuất phục hồi.", "Nghệ An"),
        ("Chỉ số sản xuất công nghiệp toàn tỉnh tăng 5,2%.", "", "tỉnh"),
        ("Chỉ số sản xuất công nghiệp của TP.HCM tăng 5,2%.", "", "TP.HCM"),
    ],
)
def test_an_owner_the_text_leaves_open_is_a_doubt_that_names_it(names, sentence, paragraph, named):
    found = scope_of(names, sentence, "5,2%", paragraph=paragraph)
    assert found.doubts and named in " ".join(found.doubts)


def test_a_comparison_with_the_country_does_not_change_the_topic(names):
    sentence = "Chỉ số của khu vực tăng 9%, cao hơn bình quân cả nước (tăng 7%). Bán lẻ đạt 5,2%."
    found = scope_of(names, sentence, "5,2%", window_start=sentence.index("Bán lẻ"))
    assert (found.scope, found.doubts) == ("region", [])


def test_a_sectors_figure_is_never_settled(names):
    sentence = "Xuất khẩu của khu vực đạt 10 tỷ USD, trong đó khu vực FDI đạt 6 tỷ USD."
    found = scope_of(names, sentence, "6 tỷ USD", window_start=sentence.index(", trong"))
    assert "FDI" in " ".join(found.doubts)


def test_provinces_introduced_as_parts_after_the_amount_leave_the_whole_the_regions(names):
    sentence = "Năm 2024, kim ngạch xuất khẩu đạt 10 tỷ USD, trong đó Nghệ An đạt 3 tỷ USD."
    found = scope_of(names, sentence, "10 tỷ USD")
    assert (found.scope, found.doubts) == ("region", [])
