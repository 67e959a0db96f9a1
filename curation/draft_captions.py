"""Photo captions: lines of a captured page that describe a picture, not the article.

A caption never gives the page's title nor a session's chairs ("Các đồng chí chủ trì hội nghị" under a
photo names nobody). A line is a caption when it carries a photographer's credit ("… ẢNH: T.K",
"(Ảnh: Minh Anh)", "Ảnh: …") or, written as a line of its own without a sentence's final punctuation,
opens as captions do ("Quang cảnh hội nghị", "Toàn cảnh …", "Các đồng chí …", "Các đại biểu …", "Bà
Lê Thị Mơ …") or shows someone doing something ("Thứ trưởng … phát biểu tại hội nghị").
"""

import re

# A headline states news: "Khu vực phía Nam …", "Hội nghị …"; it is not a caption for saying "phát biểu".
_HEADLINE = re.compile(r"^(?:hội\s+nghị|khu\s+vực|ngành\s+công\s+thương)(?!\w)", re.IGNORECASE)
_CREDIT = re.compile(r"(?:^|[\s(.–-])ảnh\s*:\s*[^\s:]", re.IGNORECASE)
_OPENING = re.compile(
    r"^(?:quang\s+cảnh|toàn\s+cảnh|các\s+đồng\s+chí|các\s+đại\s+biểu|đại\s+biểu|ảnh\s*:)(?!\w)", re.IGNORECASE
)
# A person shown, by name: "Bà Lê Thị Mơ phát biểu tại hội nghị" (case matters: "Ông bà ta …" is not).
_PERSON = re.compile(r"^(?:Ông|Bà|Đồng\s+chí)\s+[A-ZĐ]")
# What a photo shows someone doing: "… phát biểu tại hội nghị", "… trao cờ cho …", "… tham quan …".
_SHOWN = re.compile(r"(?<!\w)(?:phát\s+biểu|trao\s+(?:cờ|quà|bằng)|tham\s+quan|chụp\s+ảnh)(?!\w)", re.IGNORECASE)


def is_caption(line: str) -> bool:
    """Whether ``line`` (one line of the page, stripped) is a photo's caption."""
    line = line.strip()
    if _CREDIT.search(line):
        return True
    if line.endswith((".", "!", "?", "…", ":", ";")):
        return False
    return bool(_OPENING.match(line) or _PERSON.match(line)) or (
        bool(_SHOWN.search(line)) and not _HEADLINE.search(line)
    )
