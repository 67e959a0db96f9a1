"""Table-like lines: a header in brackets gives the unit, then one item per province.

"Giá trị sản xuất công nghiệp (tỷ đồng, so cùng kỳ): Nghệ An 2.140, giảm 3,1%; Thanh Hóa 5.300, tăng
8,2%; …" gives one amount per item, "2.140" in "tỷ đồng" for Nghệ An with the growth "giảm 3,1%". The
header's first part must be unit words the parsers read ("tỷ đồng", "triệu USD", "nghìn tấn"), after an
optional "ĐVT:"; what follows it says what the items' second number is ("so cùng kỳ": a growth). An item
is a province's name, a bare numeral, and optionally "tăng/giảm x%" (after a comma or in brackets);
items are separated by ";" or ",". A line that does not fit this shape is left to the other rules.
A table may also be written one item a line under its header (``join_table_lines``).
"""

import re
from dataclasses import dataclass

from curation.draft_places import Place, ProvinceNames
from curation.draft_quantities import Phrase
from curation.draft_text import Sentence
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
# What may stand between two items: "; ", ", ", "; và ", " và ", or a line break and a bullet.
_ITEM_LEAD = re.compile(r"\s*(?:[;,.]\s*)?(?:[-–•+*]\s*)?(?:và\s+)?", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-–•+*]?\s*")


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


def join_table_lines(sentences: list[Sentence], text: str, names: ProvinceNames) -> list[Sentence]:
    """The sentences, with each table written over several lines joined into one: a line ending with
    its header ("… (triệu USD, so cùng kỳ):") and the lines after it that start with a province
    ("- Thanh Hóa: 5.120, tăng 12,4%;"). The joined text is the article's, line breaks included."""
    joined: list[Sentence] = []
    position = 0
    while position < len(sentences):
        sentence = sentences[position]
        last = position
        if _ends_with_header(sentence.text):
            while (
                last + 1 < len(sentences)
                and sentences[last + 1].line > sentences[last].line
                and names.opening(_BULLET.sub("", sentences[last + 1].text, count=1))
            ):
                last += 1
        if last - position >= 2:
            block = text[sentence.start : sentences[last].end]
            joined.append(Sentence(block, sentence.start, sentence.line, len(joined)))
        else:
            joined.append(Sentence(sentence.text, sentence.start, sentence.line, len(joined)))
            last = position
        position = last + 1
    return joined


def _ends_with_header(text: str) -> bool:
    headers = [h for h in HEADER.finditer(text) if h.end() == len(text.rstrip())]
    if not headers:
        return False
    try:
        return parse_quantity(f"1 {' '.join(headers[-1].group('unit').split())}").unit != "percent"
    except ParseError:
        return False


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
