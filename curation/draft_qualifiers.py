"""A figure's qualifier: actual, estimate, forecast, approximate or lower bound.

The qualifier is what ``detect_qualifiers`` reads before the amount, as the build reads it. When it
finds several, the marker right before the number (hơn/trên, khoảng/gần) wins over the clause's (ước,
dự kiến), and the entry is marked TODO; so is a figure whose clause says nothing but whose sentence
says "ước" or "dự kiến" before it.
"""

import re

from curation.draft_entries import Entry
from curation.draft_quantities import find_amounts
from curation.draft_text import CLAUSE_COMMA
from vietnamese.phrases import detect_qualifiers

# The marker nearest the number wins when detect_qualifiers finds several.
QUALIFIER_PRIORITY = ("lower_bound", "approximate", "forecast", "estimate", "actual")
_LEAD_MARKER = re.compile(r"(?<!\w)(?:ước(?:\s+tính)?|dự\s+kiến|dự\s+báo)(?!\w)", re.IGNORECASE)


def qualifier(quote: str, clause: str, value_as_written: str, entry: Entry) -> str:
    """The qualifier of the figure written ``value_as_written`` in its clause (else its quote)."""
    text = clause or quote
    position = text.find(value_as_written)
    detected = detect_qualifiers(text[:position]) if position >= 0 else frozenset({"actual"})
    chosen = next(code for code in QUALIFIER_PRIORITY if code in detected or code == "actual")
    if len(detected) > 1:
        others = ", ".join(sorted(detected - {chosen}))
        entry.todo(f"several qualifiers before the value ({others} too): {chosen} is the nearest", "qualifier")
    elif chosen == "actual" and (lead := _hedged_lead(quote, quote.find(clause) if clause else -1, text, position)):
        entry.todo(f"{lead!r} before this figure's clause: does it make it an estimate or a forecast?", "qualifier")
    return chosen


def _hedged_lead(quote: str, clause_at: int, text: str, position: int) -> str:
    """An "ước"/"dự kiến" in a lead-in clause before the figure's own ("Ước tính năm 2024, …"), which the
    build's qualifier check does not see. A marker in a clause with an amount of its own is that
    amount's ("ước đạt X, trong đó Hải Phòng đạt Y": Y is actual)."""
    if clause_at > 0:
        before = quote[:clause_at]
    elif position >= 0 and text is quote:
        breaks = [m.end() for m in CLAUSE_COMMA.finditer(quote[:position])] + [0]
        before = quote[: max(breaks)]
    else:
        return ""
    for piece in re.split(r"[,;:(]", before):
        marker = _LEAD_MARKER.search(piece)
        if marker and not find_amounts(piece):
            return marker.group()
    return ""
