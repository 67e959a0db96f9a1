"""Province names in a text, as written, from the reference's two administrative maps.

Names are matched as whole words, ignoring case and tone marks ("Thanh Hoá" is "Thanh Hóa"), longest
first ("Thừa Thiên Huế" before "Huế"). A name right after a lower unit's word is that unit's, not the
province's: "phường Long An" is a ward of the 2025 Tây Ninh, "thị xã Quảng Trị" a town. Which unit a
name means depends on the date: that is resolved by ``Reference.province_named(name, on=…)``, not here.
"""

import re
from dataclasses import dataclass

from curation.draft_text import fold_in_place
from curation.reference import Reference

_UNIT_WORDS = r"(?:tỉnh|thành\s+phố|TP\.?|Tp\.?)\s*"
# Words that may come before the province that a clause is about: "Tại tỉnh Hòa Bình, …", "trong đó
# tỉnh Tây Ninh đạt …", "riêng Hà Nội …".
_LEAD_WORDS = r"tại|trong\s+đó|trong\s+số\s+đó|riêng|còn|đối\s+với"
# Folded words of units below a province: the name after them is not the province's.
_LOWER_UNIT = re.compile(r"(?<!\w)(?:phuong|xa|dac\s+khu|thi\s+tran|thi\s+xa|huyen|quan)\s+$")


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    written: str


class ProvinceNames:
    def __init__(self, reference: Reference):
        names = sorted({fold_in_place(p.name) for p in reference.provinces}, key=len, reverse=True)
        alternation = "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in names)
        self._pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")
        self._opening = re.compile(rf"^\s*(?:(?:{_LEAD_WORDS})[,\s]+)*(?:{_UNIT_WORDS})?(?=\S)", re.IGNORECASE)
        self._owner = re.compile(rf"(?<!\w)(?:của|tại)\s+{_UNIT_WORDS}$", re.IGNORECASE)

    def find(self, text: str) -> list[Place]:
        folded = fold_in_place(text)
        return [
            Place(m.start(), m.end(), text[m.start() : m.end()])
            for m in self._pattern.finditer(folded)
            if not _LOWER_UNIT.search(folded, max(0, m.start() - 12), m.start())
        ]

    def opening(self, text: str) -> Place | None:
        """The province a text starts with: "Hải Phòng đạt…", "Tại tỉnh Hòa Bình, …", "trong đó tỉnh X …"."""
        lead = self._opening.match(text)
        start = lead.end() if lead else 0
        return next((place for place in self.find(text) if place.start == start), None)

    def owner(self, text: str) -> Place | None:
        """The last province introduced as an owner in ``text``: "… của tỉnh Bắc Ninh …"."""
        owned = [place for place in self.find(text) if self._owner.search(text[: place.start])]
        return owned[-1] if owned else None
