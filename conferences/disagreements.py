"""Where sources disagree about a session: each disputed fact, each value stated, with its sources.

Every source's statement about a session is kept on its ``ConferenceMention`` (number, date, host,
venue, next host as that source states them). Where two sources state different values, the build
leaves the session's own field empty (``curation.consistency.merge_conferences``): nothing is picked.
This module finds those disagreements from the mentions, for the conference page and the quality page.
"""

import json
from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace

from django.db.models import F, StringAgg, TextField, Value
from django.db.models.functions import Cast, JSONObject
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from conferences.figure_display import citation_date
from conferences.models import ConferenceMention
from portal.html_format import format_html, format_html_join
from vietnamese.roman import to_roman

# The session facts sources are compared on, with how a page names each.
SESSION_FACTS = {
    "session_number": gettext_lazy("session number"),
    "date": gettext_lazy("date"),
    "host": gettext_lazy("host province"),
    "venue": gettext_lazy("venue"),
    "next_host": gettext_lazy("next host"),
    "chairs": gettext_lazy("chairs"),
}
# Facts written as text: an empty one is not stated.
TEXT_FACTS = ("venue", "chairs")


@dataclass
class Statement:
    """One value of a disputed fact, and every source that states it."""

    shown: str
    sources: list  # Source, in the order first met
    written: bool = False  # ``shown`` is the source's own words ("lần thứ VIII năm 2022")


@dataclass
class Disagreement:
    fact: str
    label: str
    statements: list[Statement]

    def summary(self) -> str:
        """Each value with its sources, as HTML. Source names, values written as text (a venue, the
        chairs) and a number as printed ("lần thứ VIII") are the sources' Vietnamese words: they are
        marked so for an English page."""
        written = '<span lang="vi">{}</span> ({})'
        return mark_safe(
            "; ".join(
                format_html(
                    written if self.fact in TEXT_FACTS or statement.written else "{} ({})",
                    statement.shown,
                    format_html_join(", ", '<span lang="vi">{}</span>', ((str(s),) for s in statement.sources)),
                )
                for statement in self.statements
            )
        )


def session_disagreements(mentions) -> list[Disagreement]:
    """The facts of one session on which its mentions' sources disagree (``mentions`` with their
    source, host and next host loaded). A source that does not state a fact does not disagree."""
    found = []
    for fact, label in SESSION_FACTS.items():
        statements: dict[object, Statement] = {}
        for mention in _stating(mentions, fact):
            value = _value(mention, fact)
            if value in (None, ""):
                continue
            statement = statements.setdefault(
                value,
                Statement(
                    _shown(mention, fact), [], written=fact == "session_number" and bool(mention.session_as_written)
                ),
            )
            if mention.source not in statement.sources:
                statement.sources.append(mention.source)
        if len(statements) > 1:
            ordered = [statements[value] for value in sorted(statements, key=lambda v: _order(fact, statements[v], v))]
            found.append(Disagreement(fact, str(label), ordered))
    return found


def _stating(mentions, fact: str) -> list:
    """The mentions whose word on ``fact`` counts. Where a source reports where the session was held,
    the host named when it was announced is not a rival statement: hosts change, and in 2025 a
    designated host could be merged into another province before its session (the build lets the
    report supersede the announcement the same way, ``curation.consistency``)."""
    if fact != "host":
        return list(mentions)
    reported = [m for m in mentions if m.kind != ConferenceMention.Kind.ANNOUNCEMENT and _value(m, fact)]
    return reported or list(mentions)


def _order(fact: str, statement: Statement, value):
    """Days and numbers in their order; places and names alphabetically, as shown."""
    return value if fact in ("date", "session_number") else statement.shown


def _value(mention, fact: str):
    if fact in ("host", "next_host"):
        return getattr(mention, f"{fact}_id")
    return getattr(mention, fact)


def _shown(mention, fact: str) -> str:
    if fact in ("host", "next_host"):
        return getattr(mention, fact).name
    if fact == "date":
        return citation_date(mention.date)
    if fact == "session_number":
        return mention.session_as_written or to_roman(mention.session_number)
    return getattr(mention, fact)


# Every source's statements about a session, read in the conferences' own query (the quality page):
# one string per session, a JSON object per mention.
_RECORD = "\x1e"
_COLUMNS = (
    "kind",
    "source__slug",
    "source__title",
    "source__publication",
    "session_number",
    "session_as_written",
    "date",
    "host__slug",
    "host__name",
    "venue",
    "chairs",
    "next_host__slug",
    "next_host__name",
)


@dataclass(frozen=True)
class SourceRef:
    """A source as a disagreement names and links it, without loading the row."""

    slug: str
    name: str

    def __str__(self):
        return self.name


def statements_aggregate() -> StringAgg:
    """An aggregate over a conference's mentions that ``statements_of`` reads back."""
    row = JSONObject(**{column: F(f"mentions__{column}") for column in _COLUMNS})
    # Not DISTINCT: SQLite refuses it beside a delimiter; a kept text's several quotes repeat its statements.
    return StringAgg(Cast(row, TextField()), delimiter=Value(_RECORD))


def statements_of(aggregated: str | None) -> list[SimpleNamespace]:
    """The mentions ``statements_aggregate`` gave, as objects ``session_disagreements`` reads."""
    mentions = []
    for record in sorted(set((aggregated or "").split(_RECORD)) - {""}):
        row = json.loads(record)
        mentions.append(
            SimpleNamespace(
                source=SourceRef(
                    row["source__slug"], row["source__title"] or row["source__publication"] or row["source__slug"]
                ),
                kind=row["kind"],
                session_number=row["session_number"],
                session_as_written=row["session_as_written"],
                date=date.fromisoformat(row["date"][:10]) if row["date"] else None,
                host_id=row["host__slug"],
                host=SimpleNamespace(name=row["host__name"]),
                venue=row["venue"],
                chairs=row["chairs"],
                next_host_id=row["next_host__slug"],
                next_host=SimpleNamespace(name=row["next_host__name"]),
            )
        )
    return mentions
