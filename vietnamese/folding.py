"""Vietnamese text folded to plain ASCII, for slugs, sorting and matching.

``unicodedata`` decomposes tone marks and most letters, but not đ/Đ (a letter of its own, not a
d with a mark), so it is mapped explicitly. Input may be NFC or NFD.
"""

import re
import unicodedata

_D_STROKE = str.maketrans({"đ": "d", "Đ": "D"})


def fold(text: str) -> str:
    """Lower case without diacritics: "Thanh Hoá" and "THANH HÓA" both become "thanh hoa"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_STROKE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def slugify_vi(text: str) -> str:
    """A URL slug: "Bà Rịa - Vũng Tàu" becomes "ba-ria-vung-tau"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
