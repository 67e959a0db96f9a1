import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vietnamese.folding import fold, slugify_vi


@pytest.mark.parametrize(
    "text",
    ["Thanh Hóa", "Thanh Hoá", "THANH HÓA", "thanh hoa", unicodedata.normalize("NFD", "Thanh Hóa")],
)
def test_spellings_of_thanh_hoa_fold_alike(text):
    assert fold(text) == "thanh hoa"


def test_d_with_stroke_folds_to_d():
    assert fold("Đà Nẵng") == "da nang"
    assert fold("đồng") == "dong"


def test_whitespace_is_collapsed():
    assert fold("  Hà   Nội ") == "ha noi"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Bà Rịa - Vũng Tàu", "ba-ria-vung-tau"),
        ("Thành phố Hồ Chí Minh", "thanh-pho-ho-chi-minh"),
        ("Đắk Lắk", "dak-lak"),
        ("Thừa Thiên Huế", "thua-thien-hue"),
    ],
)
def test_slugify_vi(name, slug):
    assert slugify_vi(name) == slug


@given(st.text())
def test_fold_is_idempotent(text):
    folded = fold(text)
    assert fold(folded) == folded
