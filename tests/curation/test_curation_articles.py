"""Articles as captured: where a quote occurs, on which line, with invisible spaces read as spaces."""

import hashlib
import unicodedata
from pathlib import Path

import pytest
from django.conf import settings

from curation.articles import Article, plain_spaces

SOURCES = Path(settings.FIXTURE_DIRS[0]) / "sources"


def article(raw: str) -> Article:
    return Article(path=Path("x.txt"), raw=raw)


def test_spans_finds_every_occurrence():
    text = "Long An nhận cờ.\n\nLong An nhận cờ.\nCòn Long An thì không."
    found = article(text).spans("Long An")
    assert found == [(0, 7), (18, 25), (39, 46)]
    assert all(text[start:end] == "Long An" for start, end in found)


def test_spans_finds_overlapping_occurrences():
    assert article("1.111.111").spans("111") == [(2, 5), (6, 9)]
    assert article("aaaa").spans("aa") == [(0, 2), (1, 3), (2, 4)]


def test_spans_of_an_absent_or_empty_excerpt():
    assert article("Hà Nội").spans("Hải Phòng") == []
    assert article("Hà Nội").spans("") == []


def test_spans_are_exact_about_case_and_marks():
    assert article("Thanh Hóa").spans("Thanh Hoá") == []  # a different placement of the tone mark
    assert article("Thanh Hóa").spans("thanh hóa") == []


def test_line_of_is_one_based():
    a = article("đầu\nhai\n\nbốn bốn\nnăm")
    assert a.line_of("đầu") == 1
    assert a.line_of("hai") == 2
    assert a.line_of("bốn") == 4
    assert a.line_of("năm") == 5
    assert a.line_of("sáu") is None


def test_line_of_gives_the_first_occurrence():
    assert article("a\nLong An\nb\nLong An").line_of("Long An") == 2


def test_line_of_an_excerpt_spanning_lines_is_its_first_line():
    assert article("một\nhai\nba").line_of("hai\nba") == 2


def test_a_no_break_space_matches_an_ordinary_space_in_a_quote():
    raw = "Dòng một.\nHải Phòng đạt 16\u00a0tỷ\u00a0USD, chiếm 13,3%.\n"
    a = article(raw)
    assert a.spans("16 tỷ USD") == [(raw.index("16"), raw.index("16") + len("16 tỷ USD"))]
    assert a.line_of("Hải Phòng đạt 16 tỷ USD") == 2
    assert len(a.text) == len(raw)
    assert a.text.count("\n") == raw.count("\n")
    assert "\u00a0" not in a.text
    assert a.raw == raw, "the raw text is kept as captured"


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f", "\u3000", "\u2002"])
def test_plain_spaces_replaces_each_unicode_space_by_one_space(space):
    assert plain_spaces(f"16{space}tỷ") == "16 tỷ"


def test_plain_spaces_keeps_everything_else():
    text = "Dòng\tmột\nhai\r\n\u200bba"  # tab, newlines and a zero-width space are not Zs
    assert plain_spaces(text) == text


def test_sha256_is_of_the_raw_text_as_utf8():
    raw = "Hải Phòng đạt 16\u00a0tỷ USD\n"
    a = article(raw)
    assert a.sha256 == hashlib.sha256(raw.encode("utf-8")).hexdigest()
    assert a.sha256 != article(raw.replace("\u00a0", " ")).sha256


def test_is_nfc():
    assert article("Thanh Hóa").is_nfc
    assert not article(unicodedata.normalize("NFD", "Thanh Hóa")).is_nfc


def test_read_keeps_the_file_as_it_is(tmp_path):
    path = tmp_path / "004_x.txt"
    raw = "Dòng một\u00a0\nDòng hai"
    path.write_bytes(raw.encode("utf-8"))
    a = Article.read(path)
    assert (a.raw, a.name, a.path) == (raw, "004_x.txt", path)
    assert a.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("path", sorted(SOURCES.glob("*.txt")), ids=lambda path: path.stem[:3])
def test_the_real_articles_are_nfc_and_keep_their_shape_as_text(path):
    a = Article.read(path)
    assert a.is_nfc
    assert len(a.text) == len(a.raw)
    assert a.text.splitlines() == [plain_spaces(line) for line in a.raw.splitlines()]


def test_a_real_quote_typed_with_ordinary_spaces_is_found_across_no_break_spaces():
    a = Article.read(SOURCES / "002_d76d8008020dd247.txt")
    quote = "(PLVN) - Ngày 11/10, tại TP Phú Quốc (tỉnh Kiên Giang), Bộ Công Thương phối hợp UBND tỉnh Kiên Giang"
    assert quote not in a.raw
    assert "\u00a0" in a.raw.splitlines()[4]
    assert a.line_of(quote) == 5
    [(start, end)] = a.spans(quote)
    assert plain_spaces(a.raw[start:end]) == quote
