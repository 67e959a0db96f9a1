"""Lists of provinces: "là An Giang, Đồng Tháp, Cần Thơ và Cà Mau", "của Thanh Hóa và Nghệ An".

A list names several provinces together. A count before it ("6 tỉnh là …") is the number of its
members, not a figure; an amount after it ("… và Cà Mau có diện tích hơn 50.000 km2") is theirs
together, never its last member's alone.
"""

import re

from curation.draft_places import Place, ProvinceNames

# Between two members: ", ", " và ", ", và ", with the unit's word before a name ("và thành phố Cần Thơ").
_BETWEEN = re.compile(r"\s*(?:,|và|,\s*và)\s*(?:(?:tỉnh|thành\s+phố|TP\.?)\s*)?", re.IGNORECASE)
# What introduces the members after a count: "6 tỉnh là …", "gồm …", "(…", ": …".
_INTRODUCED = re.compile(
    r"\s*(?:,\s*)?(?:là|gồm(?:\s+có)?|bao\s+gồm|[(:])\s*:?\s*(?:(?:các\s+)?(?:tỉnh|thành\s+phố|TP\.?)\s*)?",
    re.IGNORECASE,
)


def runs(names: ProvinceNames, text: str) -> list[list[Place]]:
    """The runs of two or more provinces of ``text`` written one after another as a list."""
    found: list[list[Place]] = []
    current: list[Place] = []
    for place in names.find(text):
        if current and _BETWEEN.fullmatch(text[current[-1].end : place.start]):
            current.append(place)
            continue
        if len(current) > 1:
            found.append(current)
        current = [place]
    if len(current) > 1:
        found.append(current)
    return found


def listed_after(names: ProvinceNames, text: str) -> list[Place]:
    """The members a text introduces at its start ("là A, B và C …"), or [] when it opens no list."""
    introduced = _INTRODUCED.match(text)
    if introduced is None:
        return []
    for run in runs(names, text):
        if run[0].start == introduced.end():
            return run
    return []
