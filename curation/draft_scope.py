"""Whose figure it is: a province, the region or the whole country, and whether the text settles it.

The words about a figure are its *window*: from the end of the previous figure's phrases (or the start
of its ";"-segment) to the amount. The rules, in order:

- A province named in the window is the figure's, wherever it stands ("Nghệ An tăng 5,2%", "… của
  Nghệ An tăng 5,2%", "… và của Nghệ An …", "tại Nghệ An, chỉ số … tăng 5,2%"). Two provinces, or a
  province beside the region's or the country's words, leave the scope unsettled: the nearest is
  drafted and a TODO names them all. A list of provinces ("của Thanh Hóa và Nghệ An", "6 tỉnh là A, …
  và F có diện tích …") owns the figure together: it is drafted as the region's, with a TODO, never as
  its last member's. A province named only as a source ("Sở Công Thương Nghệ An",
  "UBND tỉnh Nghệ An") or as the venue ("Tại hội nghị ở Nghệ An, …") is a guess, never settled.
- "cả nước", "toàn quốc" in the window make it the country's (a national figure quoted as context);
  "khu vực", "toàn vùng", "các tỉnh"… the region's.
- With none of these, a sentence that opens with a province ("Tại tỉnh Hòa Bình, …") is about it.
- Otherwise the region's, settled when the last scope named before (in the sentence, then earlier in
  the paragraph) is the region's, or when nothing before and nothing after the amount names a province:
  a paragraph about one province may go on without naming it again. "toàn tỉnh", "của tỉnh" without a
  name are a province's, never the region's. A sector's figure ("khu vực FDI") is a TODO whatever
  its scope.
"""

import re
from dataclasses import dataclass, field

from curation.draft_members import runs
from curation.draft_places import Place, ProvinceNames

COUNTRY_WORDS = re.compile(r"(?<!\w)(?:cả\s+nước|toàn\s+quốc)(?!\w)", re.IGNORECASE)
REGION_WORDS = re.compile(
    r"(?<!\w)(?:khu\s+vực(?!\s+(?:có\s+vốn|FDI|kinh\s+tế|đầu\s+tư|doanh\s+nghiệp|nhà\s+nước|tư\s+nhân))"
    r"|(?:toàn|cả|trong)\s+vùng|vùng|Bắc\s+Trung\s+Bộ|phía\s+(?:Bắc|Nam)"
    r"|(?:các|nhiều|một\s+số|\d+)\s+(?:tỉnh|địa\s+phương))(?!\w)",
    re.IGNORECASE,
)
# Words that introduce some of the region's members: a province named after them is one of them
# ("các tỉnh có mức tăng cao là Thanh Hóa 12%"), not in conflict with them.
MEMBERS = re.compile(r"(?:các|nhiều|một\s+số|\d+)\s+(?:tỉnh|địa\s+phương)", re.IGNORECASE)
# A province named without its name: the figure is some province's, but which one the reader must say.
UNNAMED_PROVINCE = re.compile(
    r"(?<!\w)(?:toàn\s+tỉnh|của\s+tỉnh|tỉnh\s+(?:ta|nhà))(?!\w)(?P<next>\s+\w)?", re.IGNORECASE
)
# Words before "cả nước" that make it a comparison or a share's base, not the topic of what follows.
_COMPARED = re.compile(
    r"(?:(?:cao\s+hơn|thấp\s+hơn|so\s+với|bằng|gấp|vượt|chiếm|của)(?:\s+(?:mức|tốc\s+độ)?\s*(?:tăng\s+)?"
    r"(?:trưởng\s+)?(?:bình\s+quân|chung|trung\s+bình)?(?:\s+(?:chung|của))?)?"
    r"|\d\s*%(?:\s+[^\W\d]+){1,6}?(?:\s+của)?)\s*$",  # a share's total: "chiếm hơn 25% số chợ cả nước"
    re.IGNORECASE,
)
# Provinces written otherwise than the reference names them: an abbreviation, an old name, a dash for
# the reference's " - ". Such a province is the figure's, but the build will not read the name.
ALIASES = re.compile(
    r"(?<!\w)(?:TP\.?\s*HCM|TPHCM|HCMC|(?<!phố\s)(?<!TP\.\s)(?<!TP\s)Hồ\s+Chí\s+Minh|TP\.?\s*Hồ\s+Chí\s+Minh"
    r"|Sài\s+Gòn|Bà\s+Rịa\s*[–—-]?\s*Vũng\s+Tàu|BR\s*-\s*VT|Thừa\s+Thiên\s*[–—-]\s*Huế)(?!\w)",
)
# Words that introduce the parts of a whole just stated: "đạt 10 tỷ USD, trong đó Nghệ An đạt 3 tỷ USD".
_PARTS_FOLLOW = re.compile(r"(?<!\w)(?:trong\s+(?:số\s+)?đó|bao\s+gồm|gồm)(?!\w)", re.IGNORECASE)
# A province named as the session's venue ("Tại hội nghị ở Nghệ An, …"), not as the figure's owner.
_AS_VENUE = re.compile(r"hội\s+nghị[^,;.]{0,40}(?:ở|tại)\s+(?:(?:tỉnh|thành\s+phố|TP\.?)\s+)?$", re.IGNORECASE)
# A province named as the source of the words, not as the figure's owner.
_AS_SOURCE = re.compile(
    r"(?:Sở\s+Công\s+Thương|Sở|UBND|Ủy\s+ban\s+nhân\s+dân|Cục\s+Thống\s+kê|Giám\s+đốc|Chủ\s+tịch|Lãnh\s+đạo)"
    r"\s+(?:(?:tỉnh|thành\s+phố|TP\.?)\s+)?$",
    re.IGNORECASE,
)


@dataclass
class Scope:
    scope: str  # "province", "region" or "country"
    province: str = ""
    doubts: list[str] = field(default_factory=list)  # why the text does not settle it, for a TODO


@dataclass
class _Mark:
    start: int
    kind: str  # "province", "source", "region", "country"
    name: str = ""


# A part of the economy, not of the map: "khu vực FDI", "doanh nghiệp có vốn đầu tư nước ngoài".
SECTOR_WORDS = re.compile(
    r"(?<!\w)(?:khu\s+vực|doanh\s+nghiệp|thành\s+phần\s+kinh\s+tế)\s+(?:có\s+vốn\s+)?(?:FDI|đầu\s+tư\s+nước\s+ngoài"
    r"|kinh\s+tế\s+(?:trong\s+nước|nhà\s+nước|tư\s+nhân)|nhà\s+nước|tư\s+nhân|trong\s+nước)(?!\w)",
    re.IGNORECASE,
)


def find_scope(
    names: ProvinceNames,
    sentence: str,
    window_start: int,
    amount_start: int,
    paragraph: str,
    is_province_count: bool = False,
) -> Scope:
    """The scope of the amount at ``amount_start`` in ``sentence``; ``paragraph`` is the text of the line
    before the sentence (earlier sentences of the same paragraph). A count of provinces is the region's
    unless its words say otherwise: the provinces named after it are its members."""
    window = sentence[window_start:amount_start]
    found = _scope(names, sentence, window_start, amount_start, paragraph, is_province_count)
    if sector := SECTOR_WORDS.search(window):
        found.doubts.append(f"a figure of {sector.group()!r}, a part of the economy, not of the {found.scope}?")
    return found


def _scope(
    names: ProvinceNames, sentence: str, window_start: int, amount_start: int, paragraph: str, is_province_count: bool
) -> Scope:
    window = sentence[window_start:amount_start]
    marks = _marks(names, window)
    owners = [m for m in marks if m.kind in ("province", "alias")]
    named = _unique([m.name for m in owners])
    others = [m for m in marks if m.kind in ("region", "country")]
    if owners:
        nearest = owners[-1]
        listed = next((run for run in runs(names, window) if run[-1].start == nearest.start), [])
        if listed and not names.find(window[nearest.start + len(nearest.name) :]):
            members = ", ".join(_unique([place.written for place in listed]))
            doubt = (
                f"the figure follows a list of provinces ({members}): it is theirs together, the region's "
                "only if they are all its members: check"
            )
            return Scope("region", "", [doubt])
        doubts = []
        if len(named) > 1:
            doubts.append(f"the clause names {', '.join(named)}: whose figure is it?")
        conflicting = [m for m in others if not (m.start < nearest.start and MEMBERS.match(window, m.start))]
        if conflicting:
            others = conflicting
            words = window[others[-1].start :].split()[:3]
            doubts.append(f"the clause names {nearest.name} and also {' '.join(words)!r}: whose figure is it?")
            if others[-1].start > nearest.start:
                return Scope(others[-1].kind, "", doubts)
        if nearest.kind == "alias":
            doubts.append(f"{nearest.name!r} is not written as the reference names the province: write its name")
        return Scope("province", nearest.name, doubts)
    if others:
        kinds = _unique([m.kind for m in others])
        doubts = [f"the clause speaks of both the {kinds[0]} and the {kinds[1]}"] if len(kinds) > 1 else []
        return Scope(others[-1].kind, "", doubts)
    sources = [m for m in marks if m.kind == "source"]
    if sources:
        doubt = f"{sources[-1].name} is named as a source or the venue: is it its figure?"
        return Scope("province", sources[-1].name, [doubt])
    opening = names.opening(sentence)
    if opening and opening.end <= window_start and not _other_names(names, sentence, opening, amount_start):
        return Scope("province", opening.written)
    before = sentence[:window_start]
    context = f"{paragraph} {before}"
    if any(not (m.group("next") or "").strip()[:1].isupper() for m in UNNAMED_PROVINCE.finditer(window)):
        named_before = [p.written for p in names.find(context)]
        guess = named_before[-1] if named_before else ""
        return Scope("province", guess, ["a province's figure ('tỉnh'), but the clause does not name it"])
    earlier = [m for m in _marks(names, context) if not (m.kind == "country" and _COMPARED.search(context[: m.start]))]
    if earlier:
        last = earlier[-1]
        if last.kind == "region":
            return Scope("region")
        said = last.name or " ".join(context[last.start :].split()[:3])
        return Scope("region", "", [f"the words before last name {said!r}: is this the region's figure?"])
    following = sentence[amount_start:]
    places_after = names.find(following)
    after = _unique([p.written for p in places_after])
    parts = places_after and _PARTS_FOLLOW.search(following[: places_after[0].start])
    if after and not is_province_count and not parts:
        return Scope("region", "", [f"the sentence names {', '.join(after)}: is this the region's figure?"])
    return Scope("region")


def _marks(names: ProvinceNames, window: str) -> list[_Mark]:
    marks = []
    for place in names.find(window):
        before = window[: place.start]
        kind = "source" if _AS_SOURCE.search(before) or _AS_VENUE.search(before) else "province"
        marks.append(_Mark(place.start, kind, place.written))
    taken = [(p.start, p.end) for p in names.find(window)]
    for match in ALIASES.finditer(window):
        if not any(start <= match.start() < end for start, end in taken):
            marks.append(_Mark(match.start(), "alias", match.group()))
            taken.append(match.span())
    for pattern, kind in ((COUNTRY_WORDS, "country"), (REGION_WORDS, "region")):
        for match in pattern.finditer(window):
            if any(start <= match.start() < end for start, end in taken):
                continue
            marks.append(_Mark(match.start(), kind))
    return sorted(marks, key=lambda mark: mark.start)


def _other_names(names: ProvinceNames, sentence: str, opening: Place, amount_start: int) -> list[Place]:
    return [p for p in names.find(sentence[opening.end : amount_start]) if p.written != opening.written]


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
