"""The ``[source]`` table: what the captured page itself says about where and when it was published.

Only what the text states in a recognisable form: a dateline "(PLVN) -", a closing notice "(*) Không
sao chép … của Báo Hànộimới.", a source line "Nguồn: Báo Nghệ An", a date line ("24/8/2018 10:15",
"Thứ Năm, 24/08/2018", "Cập nhật: …", see ``draft_dates``), a heading line naming the conference as the
title, a name standing alone on a line after the article as the author. Anything else stays an empty
string: never invented. A date in a sentence is the session's, not the page's.
"""

import re
from datetime import date

from curation.draft_captions import is_caption
from curation.draft_dates import published_line
from curation.draft_entries import NOT_FOUND, Entry
from curation.draft_text import Sentence
from vietnamese.folding import slugify_vi

# "(PLVN) - …", "(Baothanhhoa.vn) - …"; without brackets only a site's address or a short acronym:
# "Baoquangtri.vn - …", "VOV - …".
_DATELINE = re.compile(r"^(?:\((?P<name>[^()\d]{2,40})\)|(?P<bare>[A-ZĐ]{2,10}|[\w.-]+\.(?:vn|com|net|org)))\s*[-–—]\s")
_NOTICE = re.compile(r"^\(\*\)\s*Không sao chép.*$", re.IGNORECASE)
_NOTICE_OWNER = re.compile(r"của\s+(?P<name>Báo\s+[^.,;]+?)\s*\.?$", re.IGNORECASE)
_SOURCE_LINE = re.compile(r"^(?:Nguồn|Theo)\s*:\s*(?P<name>[^\d:]{2,60}?)\s*\.?$", re.IGNORECASE)
# A portal's or paper's name heading the page: "Cổng thông tin điện tử Sở Công Thương tỉnh Nghệ An".
_HEADER = re.compile(
    r"^(?:(?:Cổng\s+thông\s+tin\s+điện\s+tử|Trang\s+thông\s+tin\s+điện\s+tử|Báo\s+điện\s+tử)\s+[^.:;]{2,80}"
    r"|(?:Báo\s+(?!cáo(?!\w))|Tạp\s+chí\s+)[^\W\d_][^.:;,]{1,40})$",
    re.IGNORECASE,
)
# A department's own page: "SỞ CÔNG THƯƠNG TỈNH ĐỒNG THÁP", "Sở Công Thương Quảng Ninh - Tin tức".
_DEPARTMENT = re.compile(
    r"^(?P<name>Sở\s+Công\s+Thương(?:\s+(?P<unit>tỉnh|thành\s+phố|TP\.?))?\s+(?P<place>(?:[^\W\d_][^\s]*\s?){1,4}?))"
    r"(?:\s+[-–|]\s+.{1,60})?$",
    re.IGNORECASE,
)
MAX_HEADER_LINES = 5
PARAGRAPH = 100  # a line this long, ending a sentence, is the article's text, not its heading
_NOT_A_HEADING = re.compile(r"^\[.*\]$|[>»]|\s/\s|^(?:trang\s+chủ|tin\s+tức|đọc\s+thêm)\b", re.IGNORECASE)
_BULLET = re.compile(r"^[•·*\-–]\s*")
_BYLINE = re.compile(
    r"^(?:Tác\s+giả|Bài(?:\s+và\s+ảnh|,\s*ảnh)?|Tin(?:\s+và\s+ảnh|,\s*ảnh)?|Bài\s+viết)\s*:\s*(?P<name>.+?)\s*$",
    re.IGNORECASE,
)
# The forms each field is looked for in, for the TODO of a field not found.
_FORMS = {
    "publication": "a dateline, a closing notice, a source line or a portal's header",
    "title": "a heading line before the article or naming the conference",
    "author": "a byline or a name standing alone after the article",
    "published_on": "a date line (a line that is only a date with its year)",
    "published_as_written": "a date line (a line that is only a date with its year)",
    "reproduction_notice": 'a notice "(*) Không sao chép …"',
}
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_]*$")
_HEADING = re.compile(r"(?<!\w)hội\s+nghị(?!\w)", re.IGNORECASE)


def draft_source(text: str, sentences: list[Sentence]) -> tuple[Entry, date | None]:
    """The source entry (its slug is completed once the reported session is known) and its date."""
    entry = Entry("source")
    lines = [line.strip() for line in text.split("\n")]
    publication, note = _publication(lines)
    published = next((found for line in lines if (found := published_line(line))), None)
    published_on = published.on if published else None
    notice = next((line for line in lines if _NOTICE.match(line)), "")
    entry.fields = {
        "slug": "",
        "publication": publication,
        "publication_note": note,
        "title": _title(lines),
        "author": _author(lines),
        "published_on": published_on.isoformat() if published_on else "",
        "published_as_written": published.written if published else "",
        "reproduction_notice": notice,
    }
    for key, form in _FORMS.items():
        if not entry.fields[key]:
            entry.comments[key] = f"{NOT_FOUND} as {form}"
    if entry.fields["title"]:
        entry.todo("the first heading line of the page: check that it is the article's title", "title")
    if entry.fields["author"]:
        entry.todo("a byline, or a name standing alone after the article: check that it is the author", "author")
    if publication:
        entry.todo("check the publication's name", "publication")
    if published and published.updated:
        entry.todo(
            "the page gives the date of its last update ('Cập nhật'): it may be later than publication", "published_on"
        )
    return entry, published_on


def source_slug(entry: Entry, report_slug: str, taken: set[str]) -> str:
    """ "<publication>-<session>", as the curated files do; numbered when the data already uses it."""
    publication = entry.fields["publication"]
    short = slugify_vi(publication.removeprefix("Báo ").split(".")[0]) if publication else ""
    base = "-".join(part for part in (short, report_slug or "article") if part)
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _publication(lines: list[str]) -> tuple[str, str]:
    for line in lines:
        if match := _DATELINE.match(line):
            if match.group("bare"):
                name = match.group("bare")
                return name, f'The article\'s dateline, as written: "{name}".'
            name = match.group("name").strip()
            return name, f'The article\'s dateline, as written: "({name})".'
    for line in lines:
        if _NOTICE.match(line) and (match := _NOTICE_OWNER.search(line)):
            return match.group("name").strip(), "Named in the article's closing notice."
    for line in lines[:MAX_HEADER_LINES]:
        if _HEADER.match(line):
            return line, f'The page\'s header, as written: "{line}".'
        if (match := _DEPARTMENT.match(line)) and _is_place(match.group("place")):
            return _department(match), f'The page\'s header, as written: "{line}".'
    for line in lines:
        if match := _SOURCE_LINE.match(line):
            name = match.group("name").strip()
            return name, f'Named in the page\'s source line, as written: "{line}".'
    return "", "The captured text does not name the publisher."


def _title(lines: list[str]) -> str:
    """The page's heading: the first heading-like line before the article's first paragraph, else the
    first heading-like line naming a "hội nghị" (a title repeated after the lead)."""
    before_text = []
    for line in lines[:12]:
        if len(line) > PARAGRAPH and line.endswith((".", "…")):
            break
        before_text.append(line)
    candidates = [line for line in before_text if _is_heading(line)]
    if candidates:
        return candidates[0]
    return next((line for line in lines[:12] if _is_heading(line) and _HEADING.search(line)), "")


def _is_heading(line: str) -> bool:
    """Short, no final punctuation, and not the page's furniture: its publisher, date, breadcrumb or a
    photo's caption."""
    return (
        20 <= len(line) <= 200
        and not line.endswith((".", "!", "?", ":", ";", ","))
        and not _NOT_A_HEADING.search(line)
        and not _HEADER.match(line)
        and not ((match := _DEPARTMENT.match(line)) and _is_place(match.group("place")))
        and published_line(line) is None
        and not is_caption(line)
    )


def _is_place(words: str) -> bool:
    """A place's name: one to four words, each capitalised ("Quảng Ninh", "ĐỒNG THÁP"), not "Lào Cai đăng cai"."""
    return all(word[:1].isupper() for word in words.split())


def _department(match: re.Match) -> str:
    """The department's name as a name: an all-capitals header ("SỞ CÔNG THƯƠNG TỈNH ĐỒNG THÁP") in the
    capitals the name takes ("Sở Công Thương tỉnh Đồng Tháp"); a section after a dash left out."""
    name = match.group("name").strip()
    if not name.isupper():
        return name
    unit = f" {match.group('unit').lower()}" if match.group("unit") else ""
    return f"Sở Công Thương{unit} {match.group('place').strip().title()}"


def _author(lines: list[str]) -> str:
    """A byline ("Tin, ảnh: Lê Hợi"), or a line of two to four capitalised words after the last long
    paragraph."""
    for line in lines:
        if (match := _BYLINE.match(line)) and _is_name(match.group("name")):
            return match.group("name")
    long_lines = [number for number, line in enumerate(lines) if len(line) > 200]
    after = long_lines[-1] + 1 if long_lines else len(lines)
    for line in lines[after:]:
        name = _BULLET.sub("", line).strip()
        if _is_name(name):
            return name
    return ""


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(_NAME_WORD.match(w) and w[0].isupper() and w[1:].islower() for w in words)
