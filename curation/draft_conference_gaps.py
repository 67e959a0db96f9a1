"""What a drafted conference's empty fields say: "not found" only where the text has nothing of the kind.

A field the rules left empty is either a fact the text does not give ("not found in the text") or one
they could not settle: then the comment quotes what the text has of the kind (a day, a place after
"tại", "chủ trì", a flag…), for the reviewer to decide.
"""

import re

from curation.draft_dates import LOOSE_DAY, published_line
from curation.draft_entries import NOT_FOUND, TODO, Entry
from curation.draft_hosts import Hosts
from curation.draft_sessions import CONFERENCE, FLAG, session_days
from curation.draft_text import Sentence, fold_in_place

# What a field's facts look like in a text, to tell "not found in the text" from "not settled".
_TRACES = {
    "organisers": re.compile(r"(?<!\w)(?:tổ\s+chức|đăng\s+cai)(?!\w)", re.IGNORECASE),
    "chairs": re.compile(r"(?<!\w)chủ\s+trì(?!\w)", re.IGNORECASE),
    "theme": re.compile(r"(?<!\w)chủ\s+đề(?!\w)", re.IGNORECASE),
    "next_host": FLAG,
}


def mark_empty(entry: Entry, searched: list[Sentence], hosts: Hosts, *, whole_text: bool, skip: tuple[str, ...] = ()):
    """An empty field's comment: "not found" only where ``searched`` has nothing of the kind.

    ``whole_text``: ``searched`` is the text's own sentences (a reported session), not only those naming
    the session."""
    where = "in the text" if whole_text else "in the sentences naming this session"
    for key in (
        "date",
        "date_as_written",
        "host",
        "host_basis",
        "venue",
        "organisers",
        "chairs",
        "theme",
        "next_host",
    ):
        if key in skip or entry.fields[key] != "" or key in entry.comments:
            continue
        trace = _trace(key, searched, hosts)
        if trace:
            entry.comments[key] = f"{TODO}not settled by the drafting rules, though the text has {trace!r}: check"
        elif key in ("theme", "next_host"):
            entry.comments[key] = f"not found {where}"
        else:
            entry.comments[key] = NOT_FOUND if whole_text else f"{TODO}not found {where}"


def _trace(key: str, sentences: list[Sentence], hosts: Hosts) -> str:
    """Words of ``sentences`` that may state ``key``, for the reviewer; "" when there are none."""
    for sentence in sentences:
        text = sentence.text
        if key in ("date", "date_as_written"):
            found = session_days(text)
            if found:
                return found[0].written
            about_a_session = CONFERENCE.search(fold_in_place(text)) and not published_line(text)
            if about_a_session and (loose := LOOSE_DAY.search(text)):
                return loose.group()
        elif key == "venue":
            if venue := hosts.venues.find(text):
                return venue.written
        elif key in ("host", "host_basis"):
            place = hosts.stated(text) or hosts.venues.find(text)
            if place:
                return place.written
        elif (pattern := _TRACES.get(key)) and (match := pattern.search(text)):
            return text[max(0, match.start() - 40) : match.end() + 40].strip()
    return ""
