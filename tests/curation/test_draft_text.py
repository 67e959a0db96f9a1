"""Drafting's view of an article: normalised text, sentences with offsets, clause bounds, folding."""

from curation.draft_text import fold_in_place, normalise, segment_bounds, split_sentences, trim


def test_normalise_gives_nfc_and_plain_spaces():
    decomposed = "Thanh Hoa\u0301\u00a0đạt"  # "Thanh Hoá" in NFD, then a no-break space
    assert normalise(decomposed) == "Thanh Hoá đạt"


def test_folding_keeps_every_offset():
    text = "Đắk Lắk và Thừa Thiên Huế"
    folded = fold_in_place(text)
    assert folded == "dak lak va thua thien hue"
    assert len(folded) == len(text)


def test_sentences_end_at_a_full_stop_before_a_capital_or_a_digit():
    text = "Xuất khẩu đạt 120,7 tỷ USD, tăng 18,3% so với cùng kỳ. 24/28 địa phương tăng trưởng dương.\nDòng hai"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Xuất khẩu đạt 120,7 tỷ USD, tăng 18,3% so với cùng kỳ.",
        "24/28 địa phương tăng trưởng dương.",
        "Dòng hai",
    ]
    assert [s.line for s in sentences] == [1, 1, 2]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_a_decimal_point_an_ellipsis_mid_sentence_and_an_abbreviation_do_not_end_a_sentence():
    text = "Hà Nội đạt 1.404 nghìn tỷ đồng, tăng 12,3%... và TP. Hồ Chí Minh tăng 5%."
    assert [s.text for s in split_sentences(text)] == [text]


def test_an_ellipsis_before_a_capital_ends_a_sentence():
    assert len(split_sentences("Bắc Giang tăng 22%... Các đại biểu thảo luận.")) == 2


def test_segments_are_split_by_semicolons_and_colons():
    sentence = "Các địa phương: Hải Phòng đạt 16 tỷ USD; Thái Nguyên đạt 17,8 tỷ USD."
    start, end = segment_bounds(sentence, sentence.index("17,8"))
    assert sentence[start:end] == " Thái Nguyên đạt 17,8 tỷ USD."
    begin, finish = trim(sentence, start, end)
    assert sentence[begin:finish] == "Thái Nguyên đạt 17,8 tỷ USD"


def test_trim_closes_a_bracket_it_opened():
    sentence = "cả nước (1,318 triệu tỷ đồng)."
    begin, finish = trim(sentence, sentence.index("(") + 1, sentence.index(")"))
    assert sentence[begin:finish] == "1,318 triệu tỷ đồng"
    begin, finish = trim(sentence, sentence.index("("), sentence.index(")"))
    assert sentence[begin:finish] == "(1,318 triệu tỷ đồng)"
