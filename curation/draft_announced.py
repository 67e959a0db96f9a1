"""A held session the data already holds as announced: its drafted entry updates the announcement.

The session is matched by group and number, or by group and year when the text gives no number (see
``draft_known``). It is not added twice: the entry takes the announcement's slug, now held, with the
host the article names; a host that differs from the designated one is explained when the designated
province has since merged into it, and left to the reviewer otherwise.
"""

from datetime import date

from curation.draft_entries import Entry
from curation.draft_known import KnownConference, KnownData
from curation.draft_sessions import Session
from curation.reference import Reference


def update_announced(entry: Entry, session: Session, known: KnownData, reference: Reference, on: date):
    """Turn ``entry`` into the update of the session ``known`` holds as announced, if there is one;
    ``on`` is the day the article's names resolve on."""
    announced: KnownConference | None = known.announced(session.region, session.number, session.year)
    if announced is None:
        return
    if announced.year != session.year:
        entry.todo(
            f"the data holds {announced.slug} as announced for {announced.year}; this text says "
            f"{session.year}: check whether it is the same session"
        )
        return
    entry.fields["slug"] = announced.slug
    entry.note(f"Updates {announced.slug}, which the data holds as announced: now held, as this text reports.")
    if session.number is None and announced.session_number:
        entry.todo(
            f"the text gives no session number; {announced.slug} keeps the number of its announcement "
            "(the build's slug check needs the session stated: see docs/data.md)"
        )
    designated = announced.host
    if designated is None:
        return
    actual = entry.fields["host"]
    if not actual:
        entry.todo(f"the designated host was {designated.name}; the rules found no host in this text: check")
        return
    actual_unit = reference.province_named(actual, on=on)
    if actual_unit and actual_unit.slug == designated.slug:
        return
    if actual_unit and designated.successor == actual_unit.slug:
        entry.note(
            f"The designated host {designated.name} is now part of {actual_unit.name} (2025 reorganisation): "
            f"the host is the unit that held the session, {actual_unit.name} ({actual_unit.slug}), "
            f"resolved on {on:%d/%m/%Y}."
        )
    else:
        entry.todo(f"the announcement named {designated.name} as host; this text says {actual}: check", key="host")
    entry.note("A report supersedes the host of its announcement (see docs/data.md, consistency of hosts).")
