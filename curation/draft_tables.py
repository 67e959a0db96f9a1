"""Table-like lines: a header in brackets gives the unit, then one item per province.

"Giá trị sản xuất công nghiệp (tỷ đồng, so cùng kỳ): Nghệ An 2.140, giảm 3,1%; Thanh Hóa 5.300, tăng
8,2%; …" gives one amount per item, "2.140" in "tỷ đồng" for Nghệ An with the growth "giảm 3,1%". The
header's first part must be unit words the parsers read ("tỷ đồng", "triệu USD", "nghìn tấn"), after an
optional "ĐVT:"; what follows it says what the items' second number is ("so cùng kỳ": a growth). An item
is a province's name, a bare numeral, and optionally "tăng/giảm x%" (after a comma or in brackets);
items are separated by ";" or ",". A line that does not fit this shape is left to the other rules.
"""

import re
from dataclasses import dataclass

from curation.draft_places import Place, ProvinceNames
from curation.draft_quantities import Phrase
from vietnamese.errors import ParseError
from vietnamese.numbers import Quantity, parse_quantity
from vietnamese.phrases import parse_growth

HEADER = re.compile(
    r"\((?:(?:ĐVT|đơn\s+vị(?:\s+tính)?)\s*:\s*)?(?P<unit>[^(),;:]{1,30}?)\s*(?:[,;]\s*(?P<second>[^()]{1,40}?))?\s*\)\s*:",
    re.IGNORECASE,
)
_NUMERAL = re.compile(r"\s*[:\-–]?\s*(?P<number>\d+(?:[.,]\d+)*)(?![\d.,]*\s*%)(?![\w/])")
# A cell's growth, right after its number: "2.140, giảm 3,1%" or "2.140 (giảm 3,1%)".
_CELL_GROWTH = re.compile(r"\s*(?:,|\()\s*(?P<growth>(?:tăng|giảm)\s+\d[\d.,]*\s*%)\s*\)?", re.IGNORECASE)
# What may stand between two items: "; ", ", ", "; và ", " và ".
_ITEM_LEAD = re.compile(r"\s*(?:[;,]\s*)?(?:và\s+)?", re.IGNORECASE)


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
    """The items after a header, up to the first that is not "<province> <numeral>[, tăng x%]"; items
    are separated by ";" or ",", the growth may stand in brackets ("Nghệ An 2.310 (tăng 8,7%)")."""
    items = []
    position = start
    while True:
        offset = _ITEM_LEAD.match(sentence, position).end()
        place = names.opening(sentence[offset:])
        if place is None or (items and offset == position):
            break  # no province next, or nothing between two items
        numeral = _NUMERAL.match(sentence, offset + place.end)
        if numeral is None:
            break
        number = numeral.group("number")
        try:
            quantity = parse_quantity(f"{number} {unit}")
        except ParseError:
            break
        growth = None
        item_end = numeral.end()
        if cell := _CELL_GROWTH.match(sentence, numeral.end()):
            written = cell.group("growth")
            try:
                growth = Phrase(cell.start("growth"), cell.end("growth"), written, parse_growth(written))
                item_end = cell.end()
            except ParseError:
                break
        moved = Place(offset + place.start, offset + place.end, place.written)
        items.append(
            TableItem(moved, numeral.start("number"), numeral.end("number"), number, quantity, growth, item_end)
        )
        position = item_end
    return items
