"""Chairs as the text writes them (fictional sentences)."""

import pytest

from curation.draft_roles import chairs_in


@pytest.mark.parametrize(
    ("sentence", "chairs"),
    [
        (
            "Dự và chủ trì hội nghị có Thứ trưởng Bộ Công Thương Lê Văn Sáo; Phó Chủ tịch UBND tỉnh Cà Mau Trần Mận.",
            "Thứ trưởng Bộ Công Thương Lê Văn Sáo; Phó Chủ tịch UBND tỉnh Cà Mau Trần Mận",
        ),
        (
            "Tham dự và chủ trì Hội nghị có các đồng chí: Lê Văn Sáo, Thứ trưởng Bộ Công Thương; Trần Mận.",
            "các đồng chí: Lê Văn Sáo, Thứ trưởng Bộ Công Thương; Trần Mận",
        ),
    ],
)
def test_chairs_of_those_attending_and_chairing(sentence, chairs):
    assert chairs_in(sentence) == chairs


@pytest.mark.parametrize("sentence", ["Các đồng chí chủ trì hội nghị.", "Lãnh đạo các đơn vị đồng chủ trì hội nghị."])
def test_words_naming_nobody_are_no_chairs(sentence):
    assert chairs_in(sentence) == ""
