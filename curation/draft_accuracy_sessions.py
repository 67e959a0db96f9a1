"""How a drafted session is scored against its key.

For each conference in a key (matched to the drafted one by slug, else by group, year and
kind), the date, session number, host, chairs and next host the key states are compared with the
draft's (places by their folded names, chairs with spaces, case and end punctuation normalised).
A field the draft states but the key leaves empty is an invention, listed with the failures.
"""

import unicodedata

from curation.draft_accuracy_score import Score
from vietnamese.errors import ParseError
from vietnamese.folding import fold
from vietnamese.roman import parse_session

SESSION_FIELDS = ("date", "number", "host", "chairs", "next host")


def score_sessions(drafted: list[dict], keyed: list[dict], score: Score):
    for key in keyed:
        draft = next((d for d in drafted if d.get("slug") == key["slug"]), None) or next(
            (d for d in drafted if _same_session(d, key)), {}
        )
        for name in SESSION_FIELDS:
            ours, theirs = _session_field(draft, name), _session_field(key, name)
            if theirs:
                score.sessions.add(ours == theirs)
                if ours != theirs:
                    score.failures.append(f"session {key['slug']}: {name} {ours or '(none)'!r} ≠ {theirs!r}")
            elif ours:
                score.failures.append(f"session {key['slug']}: {name} {ours!r} drafted, the text states none")


def _same_session(draft: dict, key: dict) -> bool:
    return all(draft.get(name) == key[name] for name in ("region", "year", "kind"))


def _session_field(conference: dict, name: str) -> str:
    if name == "date":
        return str(conference.get("date") or "")
    if name == "number":
        try:
            return str(parse_session(conference.get("session") or ""))
        except ParseError:
            return ""
    if name in ("host", "next host"):
        place = conference.get(name.replace(" ", "_")) or ""
        return fold(place) if place else ""
    chairs = " ".join(unicodedata.normalize("NFC", str(conference.get("chairs") or "")).split())
    return chairs.strip(" .;,:").lower()
