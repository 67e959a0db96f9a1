"""Photo captions: lines of a captured page that describe a picture, not the article.

A caption never gives the page's title nor a session's chairs ("Các đồng chí chủ trì hội nghị" under a
photo names nobody). A line is a caption when it carries a photographer's credit ("… ẢNH: T.K",
"(Ảnh: Minh Anh)", "Ảnh: …") or, written as a line of its own without a sentence's final punctuation,
opens as captions do ("Quang cảnh hội nghị", "Toàn cảnh …", "Các đồng chí …", "Các đại biểu …").
"""

import re

_CREDIT = re.compile(r"(?:^|[\s(.–-])ảnh\s*:\s*[^\s:]", re.IGNORECASE)
_OPENING = re.compile(
    r"^(?:quang\s+cảnh|toàn\s+cảnh|các\s+đồng\s+chí|các\s+đại\s+biểu|đại\s+biểu|ảnh\s*:)(?!\w)", re.IGNORECASE
)


def is_caption(line: str) -> bool:
    """Whether ``line`` (one line of the page, stripped) is a photo's caption."""
    line = line.strip()
    if _CREDIT.search(line):
        return True
    return bool(_OPENING.match(line)) and not line.endswith((".", "!", "?", "…", ":", ";"))
