"""What the data-quality pages show: each check's counts and a bounded window of its findings.

Of a load, everything is read from the stored report (``QualityFinding``, ``quality_store``) in a fixed
number of queries, whatever the data's size: the counts by check and status (one grouped query on an
index), the findings in the window by rank (an index range), the figures and sessions they name (by
primary key), and the announced sessions overdue today, which depend on the day rather than the load
(an indexed filter on the conferences). The sentences are then worded by the checks themselves, run on
just the objects each finding names: the same functions, the same words as over the whole data.

Without a load (the data changed outside one, or nothing is loaded yet) every check runs in memory
(``quality_report.data_quality``) and the same window is cut from it.
"""

from collections import Counter, defaultdict
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, Window

from conferences.models import Conference, ConferenceMention, QualityFinding
from conferences.quality_figures import prepare_figure
from conferences.quality_findings import INCONSISTENT, NOTE, Check, Finding
from conferences.quality_report import CHECK_SLUGS, check, data_quality
from conferences.quality_sessions import check_session_statements, check_sessions
from conferences.quality_store import (
    FIGURE_CHECKS,
    NEVER_OVERDUE,
    figures_for_checks,
    identity,
    sessions_for_checks,
)

SHOWN = 10  # findings of each check on the summary page
PAGE_SIZE = 50  # findings on a page of one check's list


def quality_summary(*, today: date, stored: bool) -> list[Check]:
    """Every check with its counts and its first ``SHOWN`` findings."""
    if not stored:
        return [_cut(full, 0, SHOWN) for full in data_quality(today=today)]
    counts = _counts()
    notes, note_count = _overdue(today, 0, SHOWN)
    counts["sessions"][NOTE] = note_count
    rows = QualityFinding.objects.filter(rank__lt=SHOWN).order_by("check_slug", "rank")
    windows = _windows(rows, notes, counts, {slug: (0, SHOWN) for slug in CHECK_SLUGS}, today)
    return [check(slug, windows[slug], counts[slug]) for slug in CHECK_SLUGS]


def quality_list(slug: str, *, today: date, stored: bool, page: int) -> Check:
    """The check ``slug`` with its counts and the findings of page ``page`` (from 1) of its list."""
    start, stop = (page - 1) * PAGE_SIZE, page * PAGE_SIZE
    if not stored:
        return _cut(next(full for full in data_quality(today=today) if full.slug == slug), start, stop)
    counts = {slug: _counts(slug)[slug]}
    ranks = Q(rank__gte=start, rank__lt=stop)
    notes = []
    if slug == "sessions":  # the notes of the day come after the stored inconsistencies
        before = counts[slug][INCONSISTENT]
        notes, counts[slug][NOTE] = _overdue(today, max(0, start - before), max(0, stop - before))
        after = counts[slug][NOTE]
        ranks = Q(rank__gte=start, rank__lt=min(stop, before)) | Q(
            rank__gte=max(start - after, before), rank__lt=stop - after
        )
    rows = QualityFinding.objects.filter(ranks, check_slug=slug).order_by("rank")
    return check(slug, _windows(rows, notes, counts, {slug: (start, stop)}, today)[slug], counts[slug])


def _cut(full: Check, start: int, stop: int) -> Check:
    return Check(full.slug, full.title, full.description, full.empty, full.findings[start:stop], full.counts)


def _counts(slug: str | None = None) -> dict[str, Counter]:
    counts: dict[str, Counter] = defaultdict(Counter)
    rows = QualityFinding.objects.filter(**({"check_slug": slug} if slug else {})).order_by()
    for check_slug, status, n in rows.values_list("check_slug", "status").annotate(n=Count("pk")):
        counts[check_slug][status] = n
    return counts


def overdue_sessions(today: date):
    """Announced sessions whose day (or, without one, year) is before ``today`` and that no source reports:
    ``Conference.is_overdue`` as a query."""
    reported = ConferenceMention.objects.filter(conference=OuterRef("pk"), kind=ConferenceMention.Kind.REPORT)
    return (
        Conference.objects.filter(status=Conference.Status.ANNOUNCED)
        .filter(Q(date__lt=today) | Q(date__isnull=True, year__lt=today.year))
        .filter(~Exists(reported))
    )


def _overdue(today: date, start: int, stop: int) -> tuple[list[int], int]:
    """The overdue sessions from ``start`` to ``stop`` in the page's order, and how many there are."""
    rows = list(
        overdue_sessions(today)
        .annotate(total=Window(Count("pk")))
        .order_by("region__position", "year", "pk")
        .values_list("pk", "total")[start:stop]
        if stop > start
        else []
    )
    total = rows[0][1] if rows else overdue_sessions(today).count() if start else 0
    return [pk for pk, _ in rows], total


def _windows(rows, notes: list[int], counts, bounds: dict, today: date) -> dict[str, list[Finding]]:
    """The findings of ``rows`` (and the overdue ``notes``), worded, in each check's order."""
    rows = list(rows)
    figure_pks = {pk for row in rows for pk in row.figures}
    conference_pks = {pk for row in rows for pk in row.conferences} | set(notes)
    figures = {r.pk: r for r in figures_for_checks().filter(pk__in=figure_pks)} if figure_pks else {}
    for report in figures.values():
        prepare_figure(report)
    conferences = {c.pk: c for c in sessions_for_checks().filter(pk__in=conference_pks)} if conference_pks else {}
    found: dict[str, list[Finding]] = defaultdict(list)
    for row in rows:
        finding = _worded(row, figures, conferences)
        if finding is not None:
            found[row.check_slug].append(finding)
    if notes:
        noted = [_note(conferences[pk], today) for pk in notes]
        stored = found["sessions"]
        before = sum(1 for finding in stored if finding.status == INCONSISTENT)
        found["sessions"] = stored[:before] + noted + stored[before:]
    start, stop = bounds.get("sessions", (0, 0))
    found["sessions"] = found["sessions"][: stop - start]
    return found


def _note(conference: Conference, today: date) -> Finding:
    return next(f for f in check_sessions([conference], today=today) if f.status == NOTE)


def _worded(row: QualityFinding, figures: dict, conferences: dict) -> Finding | None:
    """The stored finding as its check words it, run on the objects it names; None if the data no longer
    gives it (changed after the load without the signals that forget the load: an SQL ``UPDATE``)."""
    if not (set(row.figures) <= figures.keys() and set(row.conferences) <= conferences.keys()):
        return None
    reports = [figures[pk] for pk in row.figures]
    sessions = [conferences[pk] for pk in row.conferences]
    if row.check_slug in FIGURE_CHECKS:
        again = FIGURE_CHECKS[row.check_slug](reports)
    elif row.check_slug == "sessions":
        again = check_sessions(sessions, today=NEVER_OVERDUE)
    else:
        again = check_session_statements(sessions)
    key = (row.status, tuple(row.figures), tuple(row.conferences))
    matches = [finding for finding in again if identity(finding) == key]
    return matches[row.occurrence] if row.occurrence < len(matches) else None
