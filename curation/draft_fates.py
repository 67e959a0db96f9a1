"""Every number an article prints, with its fate in a draft: which entry accounts for it, if any.

A number's fate is read from the entries as the build's completeness check reads them: a figure
accounts for the numbers of its written phrases (``*_as_written``, ``period_label``) inside its quote
or period quote; a session for the numbers of its fields inside its quotes; the source for those of its
fields anywhere; a ``[[not_a_figure]]`` for those of its text anywhere. Nothing here depends on how the
drafting rules found an entry. The review page (``curation.draft_review``) marks each number by it.
"""

import re
from dataclasses import dataclass

from curation.coverage import NUMBER
from curation.draft import Draft
from curation.draft_entries import Entry

# fate -> (symbol, Vietnamese, English); the order is the legend's
FATES = {
    "certain": ("✓", "Số liệu chắc chắn", "certain figure"),
    "todo": ("?", "Số liệu cần xem lại (TODO)", "figure with a TODO"),
    "session": ("§", "Thông tin phiên họp hoặc nguồn", "session or source detail"),
    "aside": ("✗", "Không phải số liệu, để riêng", "set aside: not a figure"),
    "unexplained": ("!", "Chưa được giải thích", "unexplained: nothing accounts for it"),
}
JOINER = re.compile(r"[/:–-]")  # between two numbers of one entry, joins them into one mark
PRINTED_SOURCE_FIELDS = ("title", "author", "published_as_written", "reproduction_notice")


@dataclass
class Number:
    """A number printed in the article (or two of one entry joined by "/", ":"…), and the entry that
    accounts for it (None: nothing does)."""

    start: int
    end: int
    line: int
    fate: str
    entry: Entry | None


def numbers(draft: Draft) -> list[Number]:
    """Every number of the article with its fate: the first entry that accounts for it, figures with a
    TODO first, then the other figures, the sessions, the source and the numbers set aside."""
    text = draft.text
    ranked = [
        *(f for f in draft.figures if f.has_todo),
        *(f for f in draft.figures if not f.has_todo),
        *draft.conferences,
        draft.source,
        *draft.not_figures,
    ]
    masks = [(entry, _mask(text, entry)) for entry in ranked]
    found: list[Number] = []
    for match in NUMBER.finditer(text):
        start, end = match.span()
        entry = next((entry for entry, mask in masks if all(mask[start:end])), None)
        last = found[-1] if found else None
        if last and last.entry is entry and entry and JOINER.fullmatch(text[last.end : start]):
            last.end = end  # "11/10", "0:00": one mark for one date or clock
            continue
        found.append(Number(start, end, text.count("\n", 0, start) + 1, fate_of(entry), entry))
    return found


def fate_of(entry: Entry | None) -> str:
    """The fate of the numbers ``entry`` accounts for (None: of the numbers nothing accounts for)."""
    if entry is None:
        return "unexplained"
    if entry.table == "figure":
        return "todo" if entry.has_todo else "certain"
    return "aside" if entry.table == "not_a_figure" else "session"


def _mask(text: str, entry: Entry) -> bytearray:
    """The characters of the article that ``entry`` accounts for."""
    fields = entry.fields
    scalars = [str(value) for value in fields.values() if isinstance(value, str | int) and str(value)]
    if entry.table == "figure":
        containers = [fields.get("quote", ""), fields.get("period_quote", "")]
        phrases = [str(v) for k, v in fields.items() if k.endswith("_as_written") or k == "period_label"]
    elif entry.table == "conference":
        containers, phrases = list(fields.get("quotes", [])), scalars
    elif entry.table == "not_a_figure":
        containers, phrases = [text], [fields.get("text", "")]
    else:  # the source: the fields the page prints, anywhere
        containers, phrases = [text], [fields.get(key, "") for key in PRINTED_SOURCE_FIELDS]
    mask = bytearray(len(text))
    for container in filter(None, containers):
        start = text.find(container)
        while start != -1:
            for phrase in filter(None, phrases):
                at = text.find(phrase, start, start + len(container))
                while at != -1:
                    mask[at : at + len(phrase)] = b"\x01" * len(phrase)
                    at = text.find(phrase, at + 1, start + len(container))
            start = text.find(container, start + 1)
    return mask
