"""How good the drafted session fields are: the reported session's and the source's, against an answer key.

A field counts where the key states it (a non-empty value): it is right when the draft has the same
value. A drafted value that differs from the key, or is stated where the key has nothing, without a
TODO on its line or its entry, is wrong as certain.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

from curation.draft import Draft
from curation.draft_entries import TODO, Entry

REPORT_FIELDS = ("session", "year", "date", "host", "venue", "organisers", "chairs", "next_host")
SOURCE_FIELDS = ("publication", "title", "published_on")


@dataclass
class FieldScore:
    name: str
    stated: int = 0  # the key gives a value
    right: int = 0  # ... and the draft the same one
    wrong_as_certain: int = 0  # a drafted value that is not the key's, without a TODO


def session_scores(pairs: list[tuple[Draft, Path]]) -> list[FieldScore]:
    """Per field, over (draft, answer key) pairs."""
    scores = {name: FieldScore(name) for name in (*(f"report.{f}" for f in REPORT_FIELDS), "announcements")}
    scores.update({f"source.{f}": FieldScore(f"source.{f}") for f in SOURCE_FIELDS})
    for draft, key_path in pairs:
        key = tomllib.loads(key_path.read_text(encoding="utf-8"))
        _compare(scores, "source", draft.source, key["source"], SOURCE_FIELDS)
        reports = [c for c in key.get("conference", []) if c["kind"] == "report"]
        drafted = next((e for e in draft.conferences if e.fields["kind"] == "report"), None)
        if reports:
            _compare(scores, "report", drafted, reports[0], REPORT_FIELDS)
        announced = {c["slug"]: c.get("host", "") for c in key.get("conference", []) if c["kind"] == "announcement"}
        drafted_announced = {
            e.fields["slug"]: e.fields["host"] for e in draft.conferences if e.fields["kind"] == "announcement"
        }
        scores["announcements"].stated += len(announced)
        scores["announcements"].right += sum(drafted_announced.get(slug) == host for slug, host in announced.items())
    return list(scores.values())


def _compare(scores: dict[str, FieldScore], table: str, entry: Entry | None, key: dict, names: tuple[str, ...]):
    for name in names:
        score = scores[f"{table}.{name}"]
        expected = key.get(name, "")
        drafted = entry.fields.get(name, "") if entry else ""
        if expected not in ("", 0):
            score.stated += 1
            score.right += drafted == expected
        if entry and drafted not in ("", 0) and drafted != expected and not _flagged(entry, name):
            score.wrong_as_certain += 1


def _flagged(entry: Entry, name: str) -> bool:
    return TODO in entry.comments.get(name, "") or any(TODO in note for note in entry.notes)


def session_table(scores: list[FieldScore]) -> str:
    rows = [("field", "stated", "right", "wrong as certain")]
    rows += [(s.name, str(s.stated), str(s.right), str(s.wrong_as_certain)) for s in scores]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |" for row in rows]
    lines.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    return "\n".join(lines)
