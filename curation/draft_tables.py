"""Table-like lines: a header in brackets gives the unit, then one item per province.

"Giá trị sản xuất công nghiệp (tỷ đồng, so cùng kỳ): Nghệ An 2.140, giảm 3,1%; Thanh Hóa 5.300, tăng
8,2%; …" gives one amount per item, "2.140" in "tỷ đồng" for Nghệ An with the growth "giảm 3,1%". The
header's first part must be unit words the parsers read ("tỷ đồng", "triệu USD", "nghìn tấn"); what
follows it says what the items' second number is ("so cùng kỳ": a growth). An item is a province's
name, a bare numeral, and optionally "tăng/giảm x%"; items are separated by ";". A line that does
not fit this shape is left to the other rules.
"""

import re
from dataclasses import dataclass

from curation.draft_places import Place, ProvinceNames
from curation.draft_quantities import Phrase, growth_in
from vietnamese.errors import ParseError
from vietnamese.numbers import Quantity, parse_quantity

HEADER = re.compile(r"\((?P<unit>[^(),;:]{1,30}?)\s*(?:,\s*(?P<second>[^();:]{1,40}?))?\s*\)\s*:", re.IGNORECASE)
_NUMERAL = re.compile(r"\s*[:\-–]?\s*(?P<number>\d+(?:[.,]\d+)*)(?![\d.,]*\s*%)(?![\w/])")


@dataclass(frozen=True)
class TableItem:
    place: Place  # offsets in the sentence
    start: int  # the numeral's offsets in the sentence
    end: int
    number: str
    quantity: Quantity
    growth: Phrase | None
    item_end: int


@dataclass(frozen=True)
class Table:
    header_start: int
    header_end: int
    unit: str
    items: list[TableItem]

    @property
    def caption_end(self) -> int:
        return self.header_start


def find_table(sentence: str, names: ProvinceNames) -> Table | None:
    """The table-like list in ``sentence``: a unit header and at least two province items."""
    for header in HEADER.finditer(sentence):
        unit = " ".join(header.group("unit").split())
        try:
            unit_quantity = parse_quantity(f"1 {unit}")
        except ParseError:
            continue
        if unit_quantity.unit == "percent":
            continue
        items = _items(sentence, header.end(), unit, names)
        if len(items) >= 2:
            return Table(header.start(), header.end(), unit, items)
    return None


def _items(sentence: str, start: int, unit: str, names: ProvinceNames) -> list[TableItem]:
    """The items after a header, up to the first piece that is not "<province> <numeral>[, tăng x%]"."""
    items = []
    ends = [m.start() for m in re.finditer(";", sentence[start:])]
    bounds = [start, *(start + end + 1 for end in ends)]
    for begin in bounds:
        rest_end = sentence.find(";", begin)
        rest_end = len(sentence.rstrip(".")) if rest_end == -1 else rest_end
        offset = begin + re.match(r"\s*(?:và\s+)?", sentence[begin:]).end()
        place = names.opening(sentence[offset:rest_end])
        if place is None:
            break
        numeral = _NUMERAL.match(sentence, offset + place.end)
        if numeral is None:
            break
        number = numeral.group("number")
        try:
            quantity = parse_quantity(f"{number} {unit}")
        except ParseError:
            break
        growth = growth_in(sentence[numeral.end() : rest_end], numeral.end())
        moved = Place(offset + place.start, offset + place.end, place.written)
        items.append(
            TableItem(moved, numeral.start("number"), numeral.end("number"), number, quantity, growth, rest_end)
        )
    return items
