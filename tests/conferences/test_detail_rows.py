"""The row tags (``detail_rows``, ``group_rows``, ``list_rows``, ``province_rows``, ``list_facets``, and
``sessions.session_link``) write what the templates they replaced wrote.

Each replaced template is kept under ``replaced_rows/`` as it was (its includes written in), rendered
over every object of the curated data in both languages, and compared byte for byte with its tag.
"""

from datetime import date
from pathlib import Path

import factories
import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from conferences.figure_selectors import attach_conference_kinds, figure_table_rows, source_rows
from conferences.group_selectors import region_detail, region_figure_series
from conferences.models import Conference, ConferenceMention, IndicatorReport, Source
from conferences.province_selectors import province_detail, province_list, province_list_now, province_reports
from conferences.quality_figures import prepare_figure
from conferences.quality_findings import FIGURES_SHOWN, INCONSISTENT, Finding
from conferences.quality_pages import PAGE_SIZE, quality_list
from conferences.quality_report import CHECK_SLUGS
from conferences.rotation import every_session_for_hosting, hosting_summaries, region_rotation
from conferences.selectors import conference_detail, conference_list
from conferences.templatetags.detail_rows import (
    member_row,
    province_figure_row,
    quality_finding_row,
    session_figure_row,
    validity,
)
from conferences.templatetags.group_rows import group_figure_table, rotation_entry, session_item
from conferences.templatetags.list_facets import facet
from conferences.templatetags.list_rows import conference_list_row, figure_list_row, source_list_item
from conferences.templatetags.province_rows import map_name, province_list_cells, rotation_list_cells
from conferences.templatetags.sessions import session_link
from listings.facets import FacetValue
from regions import map2025
from regions.models import Province, Region

pytestmark = pytest.mark.django_db

REPLACED = Path(__file__).parent / "replaced_rows"
LANGUAGES = ("vi", "en")


def replaced(name: str) -> Template:
    return Template("{% load i18n figures terms sessions %}" + (REPLACED / f"{name}.html").read_text(encoding="utf-8"))


def assert_same(name: str, tag, contexts) -> int:
    """Render the replaced template and call the tag on each context, in both languages; how many compared."""
    template, compared = replaced(name), 0
    for language in LANGUAGES:
        with translation.override(language):
            for context in contexts:
                assert str(tag(context)) == template.render(Context(context)), (language, context)
                compared += 1
    return compared


def groups():
    return [
        region_detail(slug=slug, today=timezone.localdate()) for slug in Region.objects.values_list("slug", flat=True)
    ]


def test_a_member_row_is_the_template_it_replaced():
    memberships = [m for region in groups() for m in region.members_then + region.members_2025]
    assert any(m.stated_by for m in memberships) and any(m.note for m in memberships)
    assert assert_same("member_row", lambda c: member_row(c["membership"]), [{"membership": m} for m in memberships])


@pytest.mark.parametrize(
    ("start", "end"),
    [(date(2008, 8, 1), date(2025, 6, 30)), (None, date(2025, 6, 30)), (date(2008, 8, 1), None), (None, None)],
)
def test_validity_is_the_template_it_replaced(start, end):
    assert assert_same("validity", lambda c: validity(c["start"], c["end"]), [{"start": start, "end": end}])


def test_a_group_figure_table_is_the_template_it_replaced():
    contexts = [
        {"entry": entry, "group": group}
        for region in groups()
        for entry in region_figure_series(region=region)
        for group in entry.groups
    ]
    assert any(report.threshold_comparator for c in contexts for report in c["group"].reports)
    assert assert_same("group_table", lambda c: group_figure_table(c["entry"].indicator, c["group"]), contexts)


def test_a_session_of_the_timeline_is_the_template_it_replaced():
    sessions = list(Conference.objects.select_related("host", "next_host"))
    assert {c.status for c in sessions} == {"held", "announced"} and any(not c.session_number for c in sessions)
    assert assert_same("session_item", lambda c: session_item(c["conference"]), [{"conference": c} for c in sessions])


@pytest.mark.parametrize("units_now", [False, True])
def test_a_rotation_entry_is_the_template_it_replaced(units_now):
    contexts = []
    for region in groups():
        if units_now:
            map2025.region_units_now(region)  # sets the hosts' 2025 units, as the page does
        contexts += [{"entry": e, "units_now": units_now} for e in region_rotation(region.sessions).entries]
    assert any(c["entry"].is_gap for c in contexts) and any(c["entry"].handover_fits for c in contexts)
    assert assert_same("rotation_entry", lambda c: rotation_entry(c, c["entry"]), contexts)


@pytest.mark.parametrize("units_now", [False, True])
def test_a_rotation_entry_with_what_does_not_fit_is_the_template_it_replaced(empty_database, units_now):
    """Flags (an earlier year, numbers further apart than years, a handover to someone else), a gap of one
    number, an announced session without a number, and a host that became a 2025 unit."""
    group = factories.region()
    now = factories.province(administrative_map=Province.Map.FROM_2025)
    first, second, third = (factories.province(successor=now if n == 0 else None) for n in range(3))
    factories.conference(region=group, year=2019, session_number=1, host=first, next_host=third)
    factories.conference(region=group, year=2018, session_number=2, host=second)
    factories.conference(region=group, year=2021, session_number=3, host=first, host_basis=Conference.HostBasis.STATED)
    factories.conference(region=group, year=2022, session_number=5)
    factories.conference(region=group, year=2025, status=Conference.Status.ANNOUNCED, host=now)
    region = region_detail(slug=group.slug, today=timezone.localdate())
    if units_now:
        map2025.region_units_now(region)
    entries = region_rotation(region.sessions).entries
    assert sum(len(entry.flags) for entry in entries) >= 3 and any(entry.gap_size == 1 for entry in entries)
    contexts = [{"entry": entry, "units_now": units_now} for entry in entries]
    assert assert_same("rotation_entry", lambda c: rotation_entry(c, c["entry"]), contexts)


def test_a_province_figure_row_is_the_template_it_replaced():
    reports = [report for province in Province.objects.all() for report in province_reports(province=province)]
    assert reports
    assert assert_same("province_row", lambda c: province_figure_row(c["report"]), [{"report": r} for r in reports])


def test_a_session_figure_row_is_the_template_it_replaced():
    """Over the figures of every curated session, read as a session's page reads them: each scope, with
    and without a threshold."""
    slugs = Conference.objects.values_list("slug", flat=True)
    reports = [report for slug in slugs for report in conference_detail(slug=slug).figures]
    assert {report.scope for report in reports} >= {"province", "region"}
    assert any(report.threshold_comparator for report in reports)
    assert assert_same(
        "session_figure_row", lambda c: session_figure_row(c["report"]), [{"report": r} for r in reports]
    )


def test_a_session_figure_row_with_awkward_text_is_the_template_it_replaced(empty_database):
    """A province and an indicator whose names must be escaped, and a growth threshold."""
    province = factories.province(name='<b>"Tỉnh" & Thử</b>')
    session = factories.conference()
    factories.figure(conference=session, scope=IndicatorReport.Scope.PROVINCE, province=province)
    factories.figure(conference=session, threshold_comparator=">", threshold_pct="10.5")
    IndicatorReport.objects.update(period_label="<i>6 tháng</i>")
    reports = list(conference_detail(slug=session.slug).figures)
    assert len(reports) == 2
    assert assert_same(
        "session_figure_row", lambda c: session_figure_row(c["report"]), [{"report": r} for r in reports]
    )


def test_a_session_link_is_the_template_it_replaced():
    """Over every curated session: with and without a number."""
    sessions = list(Conference.objects.select_related("region"))
    assert any(not session.session_number for session in sessions)
    compared = assert_same(
        "session_link", lambda c: session_link(c["conference"]), [{"conference": s} for s in sessions]
    )
    assert compared == 2 * len(sessions)


def test_a_figure_list_row_is_the_template_it_replaced():
    """Over every curated figure, read as the figures list reads them: each scope, with and without a
    session number, a threshold, a share or a qualifier."""
    reports = list(figure_table_rows())
    assert {report.scope for report in reports} >= {"province", "region"}
    assert any(report.threshold_comparator for report in reports)
    assert any(not report.conference.session_number for report in reports)
    assert assert_same("figure_list_row", lambda c: figure_list_row(c["report"]), [{"report": r} for r in reports])


def test_a_conference_list_row_is_the_template_it_replaced():
    """Over every curated session, read as the conferences list reads them: held and announced, with and
    without a number, a date, a host (stated or the venue), a next host and sources."""
    sessions = list(conference_list())
    assert {session.status for session in sessions} == set(Conference.Status.values)
    assert any(not session.session_number for session in sessions) and any(not session.date for session in sessions)
    assert any(session.host_basis == Conference.HostBasis.VENUE for session in sessions)
    assert any(not session.next_host for session in sessions)
    assert any(len({mention.source_id for mention in session.mentions.all()}) > 1 for session in sessions)
    compared = assert_same(
        "conference_list_row", lambda c: conference_list_row(c["conference"]), [{"conference": s} for s in sessions]
    )
    assert compared == 2 * len(sessions)


def test_a_conference_list_row_with_awkward_text_is_the_template_it_replaced(empty_database):
    """Names that must be escaped, two mentions of one source (named once), and a session with no host."""
    host = factories.province(name='<b>"Hà" & Nội</b>')
    session = factories.conference(host=host, next_host=host, session_number=None, date=None)
    source = factories.source(title='<i>"Báo" & co</i>')
    factories.mention(conference=session, source=source)
    factories.mention(conference=session, source=source)
    factories.conference(host=None)
    rows = list(conference_list())
    assert len(rows) == 2 and any(not row.host for row in rows)
    assert assert_same(
        "conference_list_row", lambda c: conference_list_row(c["conference"]), [{"conference": r} for r in rows]
    )


def test_a_figure_list_row_of_every_scope_and_awkward_text_is_the_template_it_replaced(empty_database):
    """Scopes the curated data may lack, and text that must be escaped."""
    session = factories.conference(session_number=None)
    reports = [
        factories.figure(conference=session, scope=scope, indicator_as_written='<b>"xuất khẩu" & co</b>')
        for scope in IndicatorReport.Scope.values
        if scope != IndicatorReport.Scope.PROVINCE
    ]
    reports.append(factories.figure(conference=session, province=factories.province(), scope="province"))
    rows = list(figure_table_rows().filter(pk__in=[report.pk for report in reports]))
    assert len(rows) == len(reports)
    assert assert_same("figure_list_row", lambda c: figure_list_row(c["report"]), [{"report": r} for r in rows])


@pytest.mark.parametrize(
    "values",
    [
        [],
        [FacetValue("north-28", "các tỉnh <phía> Bắc", 12345, False, "year=2020&amp;region=north-28")],
        [
            FacetValue("estimate", IndicatorReport.Qualifier.ESTIMATE.label, 3, True, "qualifier=estimate"),
            FacetValue("2020", "2020", 1, False, "q=xu%E1%BA%A5t&qualifier=x%22y&year=2020"),
        ],
    ],
)
def test_a_facet_is_the_template_it_replaced(values):
    """With and without values, a chosen one, a lazy label, a label and query to escape, a count to group."""
    contexts = [{"values": values, "legend": "Nhóm & <hội nghị>"}]
    assert assert_same("facet", lambda c: facet(c["values"], c["legend"]), contexts)


def test_a_quality_finding_row_is_the_template_it_replaced():
    findings = []
    for language in LANGUAGES:  # the sentences are worded in the active language
        with translation.override(language):
            for slug in CHECK_SLUGS:
                checked = quality_list(slug, today=timezone.localdate(), stored=True, page=1)
                findings += [(language, finding) for finding in checked.findings[:PAGE_SIZE]]
    assert any(finding.conferences for _, finding in findings) and any(finding.figures for _, finding in findings)
    template = replaced("quality_row")
    for language, finding in findings:
        with translation.override(language):
            assert str(quality_finding_row(finding)) == template.render(Context({"finding": finding}))


def test_a_finding_with_more_figures_than_it_links_words_the_rest(empty_database):
    """The link to the figures a provincial sum adds up but does not show, with its query string escaped."""
    session = factories.conference()
    parts = [
        factories.figure(conference=session, province=factories.province(), value="10")
        for _ in range(FIGURES_SHOWN + 3)
    ]
    for report in parts:
        prepare_figure(report)
    finding = Finding(INCONSISTENT, "The parts do not add up.", parts, [session])
    for language in LANGUAGES:
        with translation.override(language):
            row = str(quality_finding_row(finding))
            assert row == replaced("quality_row").render(Context({"finding": finding}))
    assert "and 3 more" in row and "&amp;indicator=" in row
    assert row.count("<li>") == FIGURES_SHOWN + 2  # the linked figures, the rest, the session


def test_a_province_page_is_unchanged_where_the_rows_are_tags(client):
    """The page around the tags: a province with figures, its validity and its memberships, in English."""
    province = province_detail(slug=Province.objects.filter(reports__isnull=False).values_list("slug", flat=True)[0])
    page = client.get(f"/en/provinces/{province.slug}/").content.decode()
    for report in province_reports(province=province):
        with translation.override("en"):
            assert str(province_figure_row(report)) in page


def listed_sources() -> list[Source]:
    """The sources as the sources list reads them, each with the sessions it names."""
    sources = list(source_rows())
    attach_conference_kinds(sources)
    return sources


def test_a_source_list_item_is_the_template_it_replaced():
    """Over every curated source, read as the sources list reads them: with and without figures, notes,
    authors, dates as written and a reproduction notice, naming one session or several."""
    sources = listed_sources()
    assert any(source.figure_count for source in sources) and any(source.reproduction_notice for source in sources)
    assert any(source.author for source in sources) and any(not source.author for source in sources)
    assert any(len(source.conference_kinds) > 1 for source in sources)
    compared = assert_same(
        "source_list_item", lambda c: source_list_item(c["source"]), [{"source": s} for s in sources]
    )
    assert compared == 2 * len(sources)


def test_a_source_list_item_with_awkward_text_is_the_template_it_replaced(empty_database):
    """Text that must be escaped, a source that states nothing of itself, a note and a notice, a session
    named by two kinds of mention, and a source with no figure."""
    named = factories.source(
        publication='<b>"Báo" & co</b>',
        title="<i>Tin {0}</i>",
        author="A & B",
        published_as_written="ngày 5/6",
        publication_note="<em>a note</em>",
        reproduction_notice="All rights reserved.",
    )
    bare = factories.source(publication="")
    Source.objects.filter(pk=bare.pk).update(title="")
    session = factories.conference(source=named)
    factories.mention(conference=session, source=named, kind=ConferenceMention.Kind.ANNOUNCEMENT)
    factories.figure(conference=session, source=named)
    sources = listed_sources()
    assert {source.slug: bool(source.figure_count) for source in sources} == {named.slug: True, bare.slug: False}
    assert assert_same("source_list_item", lambda c: source_list_item(c["source"]), [{"source": s} for s in sources])


def listed_provinces(queryset, *, through_predecessors: bool) -> list[Province]:
    """The units as the provinces list reads them, each with its hosting summary."""
    provinces = list(queryset)
    hosting = hosting_summaries(every_session_for_hosting(), provinces, through_predecessors=through_predecessors)
    for province in provinces:
        province.hosting = hosting[province.pk]
    return provinces


def test_a_province_list_row_is_the_template_it_replaced():
    """Over every curated unit of both maps, read as the provinces list reads them: with and without groups
    (stated and inferred), sessions hosted and a last session, a successor or predecessors."""
    provinces = listed_provinces(province_list(), through_predecessors=False)
    assert {province.administrative_map for province in provinces} == set(Province.Map.values)
    assert any(province.successor for province in provinces) and any(p.predecessor_count for p in provinces)
    assert any(province.sessions_hosted for province in provinces)
    assert any(not province.memberships.all() for province in provinces)
    assert any(m.basis == "inferred" for province in provinces for m in province.memberships.all())
    compared = assert_same(
        "province_list_cells", lambda c: province_list_cells(c["province"]), [{"province": p} for p in provinces]
    )
    assert compared == 2 * len(provinces)


def test_a_province_list_row_with_awkward_text_is_the_template_it_replaced(empty_database):
    """Names that must be escaped, an unnumbered session, and designations (the curated data have none left):
    announced sessions overdue and not, and a group's next session, named at a handover."""
    old = factories.province(name='<b>"Tỉnh" & Cũ</b>', valid_until=date(2025, 6, 30))
    new = factories.province(name="<i>Mới</i>", administrative_map=Province.Map.FROM_2025, valid_from=date(2025, 7, 1))
    Province.objects.filter(pk=old.pk).update(successor=new)
    group = factories.region(name_vi='<em>"Nhóm"</em>', name_en="<em>group</em>")
    factories.membership(region=group, province=old, basis="stated")
    factories.conference(region=group, year=2020, session_number=None, host=old)
    factories.conference(region=group, year=2021, status=Conference.Status.ANNOUNCED, host=old, date=date(2021, 5, 1))
    factories.conference(region=group, year=2099, session_number=None, status=Conference.Status.ANNOUNCED, host=new)
    factories.conference(region=factories.region(name_en="<other>"), year=2022, host=new, next_host=old)
    provinces = listed_provinces(province_list(), through_predecessors=False)
    sessions = [turn.session for province in provinces for turn in province.hosting.designations]
    assert None in sessions and {session.overdue_today for session in sessions if session} == {True, False}
    assert assert_same(
        "province_list_cells", lambda c: province_list_cells(c["province"]), [{"province": p} for p in provinces]
    )


def test_the_hosting_and_map_cells_as_it_is_now_are_the_templates_they_replaced():
    """The 2025 units, with the hosting of the units they were formed from."""
    provinces = listed_provinces(province_list_now(), through_predecessors=True)
    assert any(province.hosting.through_predecessors and province.hosting.hosted for province in provinces)
    contexts = [{"hosting": province.hosting} for province in provinces]
    assert assert_same("rotation_list_cells", lambda c: rotation_list_cells(c["hosting"]), contexts)
    contexts = [{"province": province} for province in provinces]
    assert assert_same("map_name", lambda c: map_name(c["province"]), contexts)
