"""``[[not_a_figure]]`` entries: every number the draft did not account for, with the words around it.

The numbers are those the build's completeness check (``coverage.uncovered_numbers``) would report, so
a reviewed draft passes it. Each gets a reason starting "TODO:" for the reviewer to confirm or turn
into a figure: the figure rules' own reason where they set the number aside, else a guess from its
shape (a date, a document number, page clutter, a period with no figure…).
"""

import re

from curation.articles import Article
from curation.coverage import NUMBER
from curation.draft_dates import published_line
from curation.draft_entries import Entry
from curation.draft_periods import LABEL, find_periods, is_session_year
from curation.draft_quantities import AMOUNT
from curation.draft_sessions import REGION_WORDS
from curation.draft_text import Sentence, fold_in_place

_WORD = re.compile(r"\S+")
_BULLET = re.compile(r"^[•·*\-–]\s*")
SHORT_LINE = 24
_TOKEN = re.compile(r"\d+(?:[.,/:-]\d+)*(?:/[A-ZĐ]+(?:-[A-ZĐ]+)*)?")
# A line that starts a numbered list: "1. …", "2) …", "(3) …".
_LIST_NUMBER = re.compile(r"^\(?\d{1,2}[.)]")
# Words of a page's header before its own date and time: "Cập nhật lúc 11:20, 14/07/2023".
_PAGE_STAMP = re.compile(r"(?:cập\s+nhật|ngày\s+đăng|đăng\s+(?:lúc|ngày)|thời\s+gian\s+đăng)[^.|]{0,30}$", re.I)
_COUNTER = re.compile(r"lượt\s+(?:xem|đọc|thích|chia\s+sẻ)\s*:?\s*$", re.I)
_DAY_MONTH = re.compile(r"\d{1,2}\s*[-/]\s*\d{1,2}(?![\d/-])")


def draft_not_figures(article: Article, sentences: list[Sentence], covered, hints: dict[int, str]) -> list[Entry]:
    text = article.text
    marked = covered_mask(article, covered)
    entries = []
    for match in uncovered(article, marked):
        if all(marked[match.start() : match.end()]):
            continue  # inside an excerpt made for an earlier number
        excerpt = _excerpt(text, sentences, match)
        offset = text.find(excerpt)
        while offset != -1:
            marked[offset : offset + len(excerpt)] = b"\x01" * len(excerpt)
            offset = text.find(excerpt, offset + 1)
        reason = hints.get(match.start()) or _reason(sentences, match, excerpt)
        line = text.count("\n", 0, match.start()) + 1
        entries.append(Entry("not_a_figure", {"text": excerpt, "reason": reason}, notes=[f"line {line}"]))
    return entries


def covered_mask(article: Article, covered) -> bytearray:
    """The characters the build counts as accounted for, marked as ``coverage.uncovered_numbers`` does."""
    text = article.text
    marked = bytearray(len(text))
    for container, phrase in covered:
        if not phrase:
            continue
        containers = article.spans(container) if container else [(0, len(text))]
        for start, end in containers:
            offset = text.find(phrase, start, end)
            while offset != -1:
                marked[offset : offset + len(phrase)] = b"\x01" * len(phrase)
                offset = text.find(phrase, offset + 1, end)
    return marked


def uncovered(article: Article, marked: bytearray) -> list[re.Match]:
    return [m for m in NUMBER.finditer(article.text) if not all(marked[m.start() : m.end()])]


def _excerpt(text: str, sentences: list[Sentence], match: re.Match) -> str:
    """The number with a few words either side, within its sentence, widened to whole numbers and
    period labels ("năm 2021 và 9 tháng đầu năm 2022"): enough for a reviewer to judge."""
    sentence = next((s for s in sentences if s.start <= match.start() < s.end), None)
    if sentence is None:
        return match.group()
    body = _BULLET.sub("", sentence.text)
    if len(body) <= SHORT_LINE:
        return body
    local = match.start() - sentence.start
    words = list(_WORD.finditer(sentence.text))
    at = next(i for i, w in enumerate(words) if w.start() <= local < w.end())
    amount = AMOUNT.match(sentence.text, local)
    if amount:
        start, end = words[at].start(), _word_end(words, amount.end(), 4)
        folded = fold_in_place(sentence.text)
        for _, pattern in REGION_WORDS:  # a group's name ends with its words: "… khu vực phía Bắc"
            if found := pattern.search(folded, amount.end(), end):
                end = found.end()
                break
    else:
        start, end = words[max(0, at - 3)].start(), words[min(len(words) - 1, at + 2)].end()
    for span in [
        *(m.span() for m in LABEL.finditer(sentence.text)),
        *(m.span() for m in _TOKEN.finditer(sentence.text)),
    ]:
        if span[0] < end and start < span[1]:
            start, end = min(start, span[0]), max(end, span[1])
    while end > local + len(match.group()) and sentence.text[end - 1] in ',.;:()“”"…':
        end -= 1
    while start < local and sentence.text[start] in '(“"':
        start += 1
    return sentence.text[start:end]


def _word_end(words: list[re.Match], offset: int, count: int) -> int:
    following = [w for w in words if w.start() >= offset][:count]
    return following[-1].end() if following else offset


def _reason(sentences: list[Sentence], match: re.Match, excerpt: str) -> str:
    """A guess from the number's shape and the words just before it, for the reviewer to confirm."""
    sentence = next((s for s in sentences if s.start <= match.start() < s.end), None)
    if sentence is None:
        return "TODO: a number not interpreted: a figure missed?"
    local = match.start() - sentence.start
    token = next((t.group() for t in _TOKEN.finditer(sentence.text) if t.start() <= local < t.end()), match.group())
    before = sentence.text[max(0, local - 30) : local]
    if _LIST_NUMBER.match(sentence.text) and local <= 2:
        return "TODO: the number of an item in a list?"
    if _COUNTER.search(sentence.text[:local]):
        return "TODO: page clutter (a view counter)?"
    if (dated := published_line(sentence.text)) and local >= len(dated.written):
        return "TODO: page clutter (a view or comment counter after the page's date line)?"
    if _PAGE_STAMP.search(sentence.text[:local]):
        return "TODO: the page's date or time of publication?"
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", token):
        return "TODO: a date?"
    if len(excerpt) <= SHORT_LINE and re.fullmatch(r"[\d:/ .,]+", excerpt):
        return "TODO: page clutter (a player's clock, a view counter…)?"
    if re.search(r"\d/[A-ZĐ]", token):
        return "TODO: a document's number?"
    if re.fullmatch(r"\d{4}\s*[-–]\s*\d{4}", token):
        return "TODO: a span of years (a plan's period)?"
    if re.search(r"lần\s+(?:thứ\s*)?$", before, re.IGNORECASE):
        return "TODO: a session's number?"
    if is_session_year(sentence.text, local - len("năm ")) or is_session_year(sentence.text, local):
        return "TODO: the year in a session's name (a heading, a caption, a mention)?"
    if re.search(r"(?:cùng\s+kỳ|so\s+(?:với\s+)?(?:cuối\s+|đầu\s+)?)\s*(?:năm\s+)?$", before, re.IGNORECASE):
        return "TODO: the base year of a comparison (so với …)?"
    if re.search(r"kế\s+hoạch\s+(?:năm\s+)?$", before, re.IGNORECASE):
        return "TODO: the year of a plan (kế hoạch năm …)?"
    if any(label.start <= local < label.end for label in find_periods(sentence.text)):
        return "TODO: a period named with no figure drafted: a figure missed?"
    if re.match(r"\d+\s+tháng(?!\s+\d)", sentence.text[local:], re.IGNORECASE):
        return "TODO: months with no year: a period named again, no figure?"
    if _DAY_MONTH.fullmatch(token):
        return "TODO: a day and month (the session's date, repeated?)"
    if re.fullmatch(r"(?:19|20)\d\d", token):
        return "TODO: a year with no figure?"
    if len(excerpt) <= SHORT_LINE:
        return "TODO: page clutter?"
    return "TODO: a number not interpreted: a figure missed?"
