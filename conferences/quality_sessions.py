"""The data-quality checks on sessions: their numbers against their years, the flag handovers, the
announced sessions never reported, and what two or more sources state about one session.

An announced session counts as past when its date, or else its year, is before today's.
"""

from collections import defaultdict
from datetime import date
from itertools import pairwise

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from conferences.disagreements import TEXT_FACTS, session_disagreements, statements_of
from conferences.models import Conference
from conferences.quality_findings import CONSISTENT, INCONSISTENT, NOT_CHECKED, NOTE, Finding

# Session numbers, flag handovers, announced sessions -------------------------------------------------


def check_sessions(conferences: list[Conference], *, today: date) -> list[Finding]:
    findings = []
    by_group: dict[int, list[Conference]] = defaultdict(list)
    for conference in conferences:
        by_group[conference.region_id].append(conference)
    for sessions in by_group.values():
        findings.extend(_session_order(sessions))
        findings.extend(_handovers(sessions))
    for conference in conferences:
        if conference.status != Conference.Status.ANNOUNCED:
            continue
        if conference.has_report:
            sentence = gettext("Recorded as announced, but a source reports the session.")
            findings.append(Finding(INCONSISTENT, sentence, conferences=[conference]))
        elif conference.is_overdue(today):
            sentence = gettext("Announced for %(year)s; no report of the session in the sources.")
            findings.append(Finding(NOTE, sentence % {"year": conference.year}, conferences=[conference]))
    return findings


def _session_order(sessions: list[Conference]) -> list[Finding]:
    """Neighbours by number: if every neighbouring pair is in order, every pair is."""
    findings = []
    numbered = sorted((c for c in sessions if c.session_number), key=lambda c: (c.session_number, c.year, c.pk))
    for conference in sessions:
        if not conference.session_number:
            sentence = gettext("The sources give this session no number, so its place in the order is not checked.")
            findings.append(Finding(NOT_CHECKED, sentence, conferences=[conference]))
    for first, second in pairwise(numbered):
        values = {
            "first": first.session_roman,
            "first_year": first.year,
            "second": second.session_roman,
            "second_year": second.year,
        }
        if first.session_number == second.session_number:
            sentence = gettext("Session %(first)s is recorded twice, in %(first_year)s and in %(second_year)s.")
            status = INCONSISTENT
        elif first.year > second.year:
            sentence = gettext(
                "Session %(second)s is dated %(second_year)s, earlier than session %(first)s (%(first_year)s)."
            )
            status = INCONSISTENT
        elif first.year == second.year:
            sentence = gettext("Sessions %(first)s and %(second)s are both dated %(first_year)s.")
            status = INCONSISTENT
        else:
            sentence = gettext(
                "Sessions %(first)s (%(first_year)s) and %(second)s (%(second_year)s) are numbered in the order "
                "of their years."
            )
            status = CONSISTENT
        findings.append(Finding(status, sentence % values, conferences=[first, second]))
    return findings


def _handovers(sessions: list[Conference]) -> list[Finding]:
    findings = []
    by_number = {c.session_number: c for c in sessions if c.session_number}
    for conference in sessions:
        if not conference.next_host:
            continue
        values = {"session": conference.session_roman, "next_host": conference.next_host.name}
        following = by_number.get(conference.session_number + 1) if conference.session_number else None
        if not conference.session_number:
            sentence = gettext(
                "This session hands the flag to %(next_host)s, but without its number the next session is not known."
            )
            findings.append(Finding(NOT_CHECKED, sentence % values, conferences=[conference]))
        elif following is None or following.host is None:
            sentence = gettext(
                "Session %(session)s hands the flag to %(next_host)s; the host of the next session is not in the data."
            )
            involved = [c for c in (conference, following) if c]
            findings.append(Finding(NOT_CHECKED, sentence % values, conferences=involved))
        elif following.host_id in (conference.next_host_id, conference.next_host.successor_id):  # or what it became
            sentence = gettext(
                "Session %(session)s hands the flag to %(next_host)s, which hosts session %(following)s."
            )
            values["following"] = following.session_roman
            findings.append(Finding(CONSISTENT, sentence % values, conferences=[conference, following]))
        else:
            sentence = gettext(
                "Session %(session)s hands the flag to %(next_host)s, but session %(following)s is hosted by %(host)s."
            )
            values.update(following=following.session_roman, host=following.host.name)
            findings.append(Finding(INCONSISTENT, sentence % values, conferences=[conference, following]))
    return findings


# What the sources state about each session -------------------------------------------------------------


def check_session_statements(conferences: list[Conference]) -> list[Finding]:
    """Each session stated by two or more sources: consistent, or each disputed fact with its statements."""
    findings = []
    for conference in conferences:
        mentions = statements_of(conference.statements)
        stating = len({mention.source for mention in mentions})
        if stating < 2:
            continue
        disagreements = session_disagreements(mentions)
        facts = [d for d in disagreements if d.fact not in TEXT_FACTS]
        wordings = [d for d in disagreements if d.fact in TEXT_FACTS]
        if facts:
            sentence = _statements_sentence(
                gettext("The sources disagree on the %(fact)s: %(statements)s."), disagreements
            )
            findings.append(Finding(INCONSISTENT, sentence, conferences=[conference]))
        elif wordings:
            # A venue or chairs written two ways need not contradict: "Quảng Ninh", "TP Hạ Long (Quảng Ninh)".
            sentence = _statements_sentence(
                gettext("The sources write the %(fact)s differently: %(statements)s."), wordings
            )
            findings.append(Finding(NOTE, sentence, conferences=[conference]))
        else:
            sentence = gettext("%(count)s sources state it, and agree on every fact that two of them state.")
            findings.append(Finding(CONSISTENT, sentence % {"count": stating}, conferences=[conference]))
    return findings


def _statements_sentence(template: str, disagreements) -> str:
    """``template`` for each disagreement, as HTML: the values and sources come marked (``summary``)."""
    return mark_safe(
        " ".join(template % {"fact": conditional_escape(d.label), "statements": d.summary()} for d in disagreements)
    )
