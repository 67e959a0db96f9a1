"""The data-quality report for the public page ``/quality/``: every check over the whole dataset.

The checks recompute from the database what the build (``curation.consistency``) checks in the
annotations (``quality_figures``), and add what only the whole dataset shows: session numbers against
years, flag handovers, announced sessions never reported, what sources state differently about one
session (``quality_sessions``), and the same figure reported twice (``quality_figures``).

``data_quality()`` runs every check in memory, in two queries (the figures; the conferences with every
source's statements about each): what a load stores (``quality_store``), and what the page shows of data
changed outside a load. Its cost grows with the data; the page of a load reads the stored report instead
(``quality_pages``). Sentences are worded in the active language when it is called.
"""

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext

from conferences.quality_figures import check_provincial_sums, check_repeated_figures, check_shares, prepare_figure
from conferences.quality_findings import Check, Finding
from conferences.quality_sessions import check_session_statements, check_sessions
from conferences.quality_store import figures_for_checks, sessions_for_checks

CHECK_SLUGS = ("shares", "provincial-sums", "sessions", "session-statements", "repeated-figures")


def data_quality(*, today: date | None = None) -> list[Check]:
    """Every check over the whole dataset, in two queries. ``today`` defaults to the local date now."""
    today = today or timezone.localdate(timezone.now())
    reports = list(
        figures_for_checks().order_by(
            "conference__region__position", "conference__year", "indicator__position", "period_end", "pk"
        )
    )
    for report in reports:
        prepare_figure(report)
    conferences = list(sessions_for_checks())
    return [
        check("shares", check_shares(reports)),
        check("provincial-sums", check_provincial_sums(reports)),
        check("sessions", check_sessions(conferences, today=today)),
        check("session-statements", check_session_statements(conferences)),
        check("repeated-figures", check_repeated_figures(reports)),
    ]


def check(slug: str, findings: list[Finding], counts: dict[str, int] | None = None) -> Check:
    """The check ``slug`` with its title, description and empty sentence in the active language."""
    return Check(slug, *_texts()[slug], findings, counts)


def _texts() -> dict[str, tuple[str, str, str]]:
    return {
        "shares": (
            gettext("Shares against their totals"),
            gettext(
                "A figure that states its share of the group's or the country's total is compared with that "
                "total (same session, indicator and period), allowing for the rounding of all three printed "
                "numbers."
            ),
            gettext("No figure in the data states a share."),
        ),
        "provincial-sums": (
            gettext("Provincial figures against the regional total"),
            gettext(
                "Provincial figures in amounts that add up (money, areas, volumes, counts; not percentages, "
                "nor changes and balances, which can be negative) "
                "must not add up to more than the group's total for the same session, indicator and period, "
                "even at the smallest values their rounding allows."
            ),
            gettext("No provincial amount in the data has a regional total to be compared with."),
        ),
        "sessions": (
            gettext("Session numbers against years"),
            gettext(
                "Within a group, session numbers must increase with the years: the sessions are about yearly, "
                "so a gap is fine, but a higher number in an earlier year, one number in two years or two "
                "numbers in one year is not. The next host named at a flag handover must host the next "
                "session. An announced session whose time has passed with no report of it is noted."
            ),
            gettext("No session in the data has a number."),
        ),
        "session-statements": (
            gettext("What the sources state about each session"),
            gettext(
                "Where two or more sources state a session's number, date, host or next host, they must state the "
                "same; a venue or chairs written differently are noted. Where sources differ, every statement is "
                "kept, each with its source, and the session's own field is left unknown: no value is picked."
            ),
            gettext("No session in the data is stated by more than one source."),
        ),
        "repeated-figures": (
            gettext("The same figure reported differently"),
            gettext(
                "Where the same indicator for the same place and period is reported more than once (by two "
                "sources or at two sessions), the values must agree within their rounding and carry the same "
                "qualifier."
            ),
            gettext("No figure is reported more than once in the data, so there is nothing to compare."),
        ),
    }
