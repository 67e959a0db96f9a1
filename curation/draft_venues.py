"""Where a session met, as the text writes it after "tại" or "ở": a place and the places that contain it.

"tại Hà Nội", "tại TP Phú Quốc (tỉnh Kiên Giang)", "tại TP Hạ Long, tỉnh Quảng Ninh", "tại Khách sạn
Mường Thanh Grand Phương Đông, TP Vinh, tỉnh Nghệ An", "tại phường Long An, tỉnh Tây Ninh". The venue
runs from its first part to the last comma-separated part that is itself a place, and stops at words
of time or agency ("tại Thanh Hóa năm 2022"); "tại hội nghị" is not a venue.
"""

import re

from curation.draft_places import Place, ProvinceNames
from curation.draft_wards import Wards

_AT = re.compile(r"(?<!\w)(?:tại|ở)\s+", re.IGNORECASE)
# Words that end a venue inside its part: "tại Thanh Hóa năm 2022", "tại Hà Nội do …".
_STOP = re.compile(r"\s+(?:năm\s+\d{4}|vào|từ|ngày|trong|với|để|nhằm|sáng|chiều|tối|do|đã|sẽ)(?!\w)", re.IGNORECASE)
# A part that is a place by its first word: an administrative unit of either map.
_UNIT = re.compile(
    r"^(?:TP\.?\s*|Tp\.?\s*|(?:thành\s+phố|tỉnh|thị\s+xã|thị\s+trấn|huyện|quận|phường|xã|đặc\s+khu|khu\s+kinh\s+tế)\s+)\w",
    re.IGNORECASE,
)
# A building or site that can open a venue ("Khách sạn …", "Trung tâm Hội nghị …").
_BUILDING = re.compile(
    r"^(?:khách\s+sạn|trung\s+tâm|hội\s+trường|nhà\s+văn\s+hóa|nhà\s+văn\s+hoá|nhà\s+khách|cung|khu\s+du\s+lịch|"
    r"resort|trụ\s+sở|văn\s+phòng)\s+\w",
    re.IGNORECASE,
)
_UNIT_WORDS = re.compile(r"^(?:tỉnh|thành\s+phố|TP\.?)\s*", re.IGNORECASE)
_END = re.compile(r"[;]|\.(?:\s|$)|$")
MAX_PART = 80


class Venues:
    def __init__(self, names: ProvinceNames, wards: Wards):
        self.names = names
        self.wards = wards

    def find(self, text: str) -> Place | None:
        """The first venue after "tại" in ``text``."""
        for match in _AT.finditer(text):
            venue = self._venue_at(text, match.end())
            if venue:
                return venue
        return None

    def _venue_at(self, text: str, start: int) -> Place | None:
        end_of_clause = _END.search(text, start).start()
        end = None
        for offset, whole in _parts(text, start, end_of_clause):
            stop = _STOP.search(whole)
            part = whole[: stop.start()] if stop else whole
            if not (self._opens(part) if end is None else self._continues(part)):
                break
            end = offset + len(part.rstrip())
            if stop:
                break
        if end is None:
            return None
        return Place(start, end, text[start:end])

    def _opens(self, part: str) -> bool:
        if not part or len(part) > MAX_PART:
            return False
        return bool(
            _UNIT.match(part) or _BUILDING.match(part) or self._starts_with_province(part) or self._is_ward(part)
        )

    def _continues(self, part: str) -> bool:
        if not part or len(part) > MAX_PART:
            return False
        bare = _UNIT_WORDS.sub("", part)
        provinces = self.names.find(bare)
        return bool(_UNIT.match(part) or (provinces and provinces[0].written == bare) or self._is_ward(part))

    def _starts_with_province(self, part: str) -> bool:
        provinces = self.names.find(part)
        return bool(provinces) and provinces[0].start == 0

    def _is_ward(self, part: str) -> bool:
        wards = self.wards.find(part)
        return bool(wards) and wards[0].start == 0


def _parts(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The comma-separated parts of ``text[start:end]`` with their offsets, without leading spaces; a
    bracket's content stays with its part ("TP Phú Quốc (tỉnh Kiên Giang)")."""
    pieces, depth, current = [], 0, start
    for index in range(start, end):
        ch = text[index]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            pieces.append((current, index))
            current = index + 1
    pieces.append((current, end))
    parts = []
    for begin, finish in pieces:
        piece = text[begin:finish]
        lead = len(piece) - len(piece.lstrip())
        parts.append((begin + lead, piece.strip()))
    return parts
