"""Who organised a session and who chaired it, as the text writes them.

Organisers: "do Sở Công Thương tỉnh X đăng cai", "Hội nghị … do X tổ chức", or the words between the
lead's day or venue and "tổ chức" ("Ngày 23/8, tại …, Bộ Công Thương phối hợp với UBND tỉnh X tổ
chức …"), a host's "đăng cai tổ chức" kept with them ("Sở Công Thương tỉnh X đăng cai tổ chức").

Chairs: "Đồng chủ trì hội nghị: ông A, …; ông B, …", "(Tham) dự và chủ trì hội nghị có A, …; B, …", or
the clause that ends in "(đồng) chủ trì": "Thứ trưởng … A và Phó Chủ tịch … B đồng chủ trì;", "Hội
nghị do Thứ trưởng A chủ trì.", or "dưới sự (đồng) chủ trì của A và B". Words that name nobody ("Các
đồng chí chủ trì hội nghị", a photo's caption) are no chairs.
"""

import re

# "… tổ chức" ends the organisers; "… (đã) đăng cai tổ chức" stays with them, as the curated files keep
# a host's own words ("Sở Công thương Thanh Hóa đã đăng cai tổ chức").
_ORGANISED = re.compile(
    r"(?:\s+(?:đã\s+|sẽ\s+)?đăng\s+cai\s+tổ\s+chức(?P<hosting>)|\s+(?:đã\s+|sẽ\s+)?(?:phối\s+hợp\s+)?tổ\s+chức)(?!\w)",
    re.IGNORECASE,
)
_DO = re.compile(
    r"(?<!\w)do\s+(?P<who>[^.;:]{3,160}?)\s+(?:đã\s+|sẽ\s+)?(?:đăng\s+cai|(?:phối\s+hợp\s+)?tổ\s+chức|chủ\s+trì\s+tổ\s+chức)"
    r"(?!\w)",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^\([^()]{2,40}\)\s*[-–—]\s*")
_CONFERENCE = re.compile(r"(?<!\w)hội\s+nghị(?!\w)", re.IGNORECASE)
_CHAIRS_AFTER = re.compile(
    r"^(?:(?:tham\s+)?dự\s+và\s+)?(?:đồng\s+)?chủ\s+trì\s+(?:hội\s+nghị\s*)?(?:(?:có|gồm|là)\s*:?|:)\s*"
    r"(?P<chairs>.+?)\.?$",
    re.IGNORECASE,
)
_CHAIRS_BEFORE = re.compile(
    r"^(?:(?:hội\s+nghị|phiên\s+họp)\s+)?(?:do\s+)?(?P<chairs>.+?)\s+(?:cùng\s+)?(?:đồng\s+)?chủ\s+trì"
    r"(?:\s+hội\s+nghị(?:\W.*)?)?\s*[.;]?$",
    re.IGNORECASE,
)
# "… dưới sự (đồng) chủ trì của A và B, với sự tham dự …"
_CHAIRED_BY = re.compile(
    r"dưới\s+sự\s+(?:đồng\s+)?chủ\s+trì\s+của\s+(?P<chairs>[^.;]{3,300}?)"
    r"(?=\s*[.;]|\s*$|,\s+(?:với|cùng|có|hội\s+nghị|các\s+đại\s+biểu|đại\s+diện|tập\s+trung|nhằm))",
    re.IGNORECASE,
)
# Who chairs a panel or a side event does not chair the session.
_PART_OF_THE_SESSION = re.compile(
    r"(?<!\w)(?:phiên|buổi|tọa\s+đàm|toạ\s+đàm|hội\s+thảo|diễn\s+đàn|lễ|chương\s+trình)(?!\w)", re.IGNORECASE
)
MAX_ORGANISERS = 160
MAX_CHAIRS = 300


def organisers_in(lead: str, after: int) -> str:
    """The organisers a lead sentence names, looking after offset ``after`` (its day or venue)."""
    if found := _DO.search(lead):
        return found.group("who").strip()
    comma = lead.find(",", after)
    first_verb = _ORGANISED.search(lead, after)
    if comma >= 0 and first_verb and comma > first_verb.start():
        comma = -1  # "Bộ Công Thương phối hợp với … tổ chức Hội nghị … các tỉnh, thành phố …"
    if comma < 0 and after > 0:
        return ""
    organised = _ORGANISED.search(lead, comma + 1)
    if organised is None:
        return ""
    end = organised.end() if organised.group("hosting") is not None else organised.start()
    organisers = _DATELINE.sub("", lead[comma + 1 : end].strip())  # from the sentence's start without a comma
    if not organisers or len(organisers) > MAX_ORGANISERS or ". " in organisers or _CONFERENCE.search(organisers):
        return ""
    return organisers


def chairs_in(sentence: str) -> str:
    """The chairs a sentence names, as written, or ""."""
    if found := _CHAIRS_AFTER.match(sentence):
        return found.group("chairs").strip()
    if found := _CHAIRED_BY.search(sentence):
        return found.group("chairs").strip()
    for clause in re.split(r"(?<=;)\s*", sentence):
        if found := _CHAIRS_BEFORE.match(clause.strip()):
            chairs = found.group("chairs").strip()
            if len(chairs) <= MAX_CHAIRS and not _PART_OF_THE_SESSION.search(chairs) and _names_someone(chairs):
                return chairs
    return ""


def _names_someone(chairs: str) -> bool:
    """Whether the words name someone: a capitalised word after the first ("Thứ trưởng Nguyễn Văn A"),
    not only common words ("Các đồng chí", "Lãnh đạo các đơn vị")."""
    return any(word[:1].isupper() for word in chairs.split()[1:])
