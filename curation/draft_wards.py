"""Wards, communes and special zones of the 2025 map ("phường X", "xã Y", "đặc khu Z"), resolved to the
reference's 2025 units, for a venue that names one.

The list is the statistics office's, as the ``vietnam-provinces`` package ships it (its JSON data file;
see docs/data.md for why it is used). Only its names and their provinces are read: the provinces
themselves, and the basis of every unit, stay those of ``fixtures/reference``. The package's 34
provinces are matched to the reference's 34 units by name, and a mismatch is an error, not a guess.

A ward resolves only when its name, with its type, is unique in the country, or within the province
the text also names: "phường Tân An" is in four provinces.
"""

import json
import re
from dataclasses import dataclass
from functools import cache

from vietnam_provinces import NESTED_DIVISIONS_JSON_PATH

from curation.draft_places import Place
from curation.draft_text import fold_in_place
from curation.reference import MAP_2025, ProvinceRecord, Reference
from vietnamese.folding import fold

_PROVINCE_PREFIX = re.compile(r"^(?:tỉnh|thành\s+phố)\s+", re.IGNORECASE)


class UnmatchedProvince(ValueError):
    """A province of the package that is none of the reference's 2025 units."""


@dataclass(frozen=True)
class Division:
    name: str  # with its type, as the list writes it: "Phường Trường Vinh"
    province: str  # slug of the reference's 2025 unit


@cache
def _divisions() -> list[dict]:
    return json.loads(NESTED_DIVISIONS_JSON_PATH.read_text(encoding="utf-8"))


class Wards:
    def __init__(self, reference: Reference):
        by_name = {fold(p.name): p for p in reference.provinces if p.administrative_map == MAP_2025}
        self._provinces = {p.slug: p for p in by_name.values()}
        self.units: dict[int, str] = {}  # the package's province code -> our 2025 unit's slug
        self._index: dict[str, list[str]] = {}  # folded "phuong truong vinh" -> province slugs
        for province in _divisions():
            name = province["name"]  # "Tỉnh Nghệ An", "Thành phố Huế"; ours: "Nghệ An", "Huế", "Thành phố Hồ Chí Minh"
            unit = by_name.get(fold(name)) or by_name.get(fold(_PROVINCE_PREFIX.sub("", name)))
            if unit is None:
                raise UnmatchedProvince(f"{name!r} is none of the reference's 2025 units")
            self.units[province["code"]] = unit.slug
            for ward in province["wards"]:
                self._index.setdefault(fold(ward["name"]), []).append(unit.slug)
        names = sorted(self._index, key=len, reverse=True)
        alternation = "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in names)
        self._pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")

    def province_of(self, written: str, within: ProvinceRecord | None = None) -> ProvinceRecord | None:
        """The 2025 unit a ward named with its type belongs to, when that is settled."""
        slugs = self._index.get(fold(written), [])
        if within is not None:
            return within if within.slug in slugs else None
        return self._provinces[slugs[0]] if len(slugs) == 1 else None

    def find(self, text: str) -> list[Place]:
        """Every ward, commune or special zone of the 2025 list named in ``text``, with its type."""
        folded = fold_in_place(text)
        return [Place(m.start(), m.end(), text[m.start() : m.end()]) for m in self._pattern.finditer(folded)]
