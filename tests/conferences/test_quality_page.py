"""The data-quality page: what it finds in the real data (the disagreements between its sources, and nothing
else), and each check firing on broken copies of it or on data a test builds."""

import html
from datetime import date, datetime
from decimal import Decimal
from types import SimpleNamespace

import factories
import pytest
from django.utils import timezone, translation

from conferences.models import Conference, Dataset, IndicatorReport
from conferences.quality_findings import CONSISTENT, FIGURES_SHOWN, INCONSISTENT, NOT_CHECKED, NOTE
from conferences.quality_pages import PAGE_SIZE, SHOWN
from conferences.quality_report import data_quality
from conferences.quality_sessions import check_sessions
from conferences.quality_store import rebuild_quality_report

pytestmark = pytest.mark.django_db

PAGE = "/quality/"
HAI_PHONG = "hanoimoi-north-28-x-2024-exports-hai-phong"
THAI_NGUYEN = "hanoimoi-north-28-x-2024-exports-thai-nguyen"
BAC_GIANG = "hanoimoi-north-28-x-2024-exports-bac-giang"
NORTH_EXPORTS = "hanoimoi-north-28-x-2024-exports"
TODAY = date(2026, 11, 21)


def checks(today=TODAY, language="en"):
    with translation.override(language):
        return {check.slug: check for check in data_quality(today=today)}


def findings(check, status):
    return [finding for finding in check.findings if finding.status == status]


def figure_slugs(finding):
    return {report.slug for report in finding.figures}


def conference_slugs(finding):
    return [conference.slug for conference in finding.conferences]


def figure_link(slug, language="en"):
    return f'href="{"/en" if language == "en" else ""}/figures/{slug}/"'


# The page --------------------------------------------------------------------------------------------


# Of a load: the data version; the report's counts; the announced sessions overdue today; the first findings
# of each check; the figures they name (what decides, then the models of those worded or linked); the
# sessions they name. (In memory, before the report was stored: 3.)
QUERIES = 7


@pytest.mark.parametrize("url", ["/quality/", "/en/quality/"])
def test_the_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, url):
    with django_assert_num_queries(QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    assert [check.slug for check in response.context["checks"]] == [
        "shares",
        "provincial-sums",
        "sessions",
        "session-statements",
        "repeated-figures",
    ]


def loaded():
    """What a load does after writing: store the report, record the version."""
    rebuild_quality_report()
    Dataset.objects.create(version="e" * 64, loaded_at=timezone.now())


def test_the_query_count_and_the_findings_shown_do_not_grow_with_the_data(client, django_assert_num_queries):
    north = IndicatorReport.objects.get(slug=NORTH_EXPORTS)
    for n in range(30):  # each the same figure again: hundreds of pairs
        north.pk, north.slug, north.position = None, f"extra-{n}", 100 + n
        north.save()
    loaded()
    with django_assert_num_queries(QUERIES):
        response = client.get(PAGE)
    repeated = next(check for check in response.context["checks"] if check.slug == "repeated-figures")
    assert repeated.compared > 400 and len(repeated.findings) == SHOWN
    assert 'href="/quality/repeated-figures/"' in response.content.decode()


# the version, the check's counts, its findings on the page, and the figures (two queries, as above) or for
# sessions, the overdue announced sessions and the sessions they name
@pytest.mark.parametrize(("url", "queries"), [("/quality/repeated-figures/", 5), ("/en/quality/sessions/?page=1", 5)])
def test_each_check_s_list_is_paged_in_a_fixed_number_of_queries(client, django_assert_num_queries, url, queries):
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["check"].findings


def test_a_long_list_has_pages(client):
    north = IndicatorReport.objects.get(slug=NORTH_EXPORTS)
    for n in range(12):
        north.pk, north.slug, north.position = None, f"extra-{n}", 100 + n
        north.save()
    loaded()
    first = client.get("/en/quality/repeated-figures/")
    total = first.context["check"].total
    assert total > PAGE_SIZE and len(first.context["check"].findings) == PAGE_SIZE
    assert 'rel="next"' in first.content.decode()
    last = client.get(f"/en/quality/repeated-figures/?page={(total - 1) // PAGE_SIZE + 1}")
    assert len(last.context["check"].findings) == total - PAGE_SIZE * ((total - 1) // PAGE_SIZE)


@pytest.mark.parametrize(
    "url", ["/quality/nothing/", "/quality/shares/?page=0", "/quality/shares/?page=x", "/quality/shares/?page=99"]
)
def test_an_unknown_check_or_page_is_not_found(client, url):
    assert client.get(url).status_code == 404


def test_the_page_is_in_english_under_en_and_summarises_each_check(client):
    response = client.get("/en/quality/")
    page = html.unescape(response.content.decode())
    assert '<html lang="en">' in page
    assert "<h1>Data quality</h1>" in page
    assert "5 checks" in page
    for anchor in ("shares", "provincial-sums", "sessions", "session-statements", "repeated-figures"):
        assert f'href="#{anchor}"' in page and f'id="{anchor}"' in page
    summary = page[page.index('id="summary-heading"') : page.index("</table>")]
    rows = summary.split("</tr>")[1:-1]  # after the header row
    assert len(rows) == 5
    for check, row in zip(response.context["checks"], rows, strict=True):
        assert f'href="#{check.slug}"' in row
        if check.inconsistent:
            assert f"{check.inconsistent} inconsistenc" in row and "No problem found" not in row
        else:
            assert "No problem found" in row
    assert 'aria-current="page">Data quality</a>' in page
    assert '<table class="stack quality-findings">' in page and 'data-label="Result"' in page


def test_the_vietnamese_page_is_at_the_root(client):
    response = client.get(PAGE)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="vi">' in page
    assert "16 tỷ USD" in page and "120,7 tỷ USD" in page  # the source's own units and separators
    assert figure_link(HAI_PHONG, "vi") in page


def test_only_get_and_head_are_allowed(client):
    assert client.head(PAGE).status_code == 200
    assert client.post(PAGE).status_code == 405


def test_today_comes_from_django_s_clock(client, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: timezone.make_aware(datetime(2024, 1, 2, 12)))
    response = client.get("/en/quality/")
    assert response.context["today"] == date(2024, 1, 2)
    notes = findings(next(c for c in response.context["checks"] if c.slug == "sessions"), NOTE)
    assert ["north-central-6-xi-2023"] in [conference_slugs(note) for note in notes]
    assert ["north-28-xi-2025"] not in [conference_slugs(note) for note in notes]


# The real data ---------------------------------------------------------------------------------------


# Where the real data's sources disagree (docs/data.md, "Disagreements now in the data"): each disagreement
# is kept and listed, so these are the real data's inconsistencies, and the only ones.
KNOWN_INCONSISTENCIES = {
    # the 2022 Miền Trung – Tây Nguyên session is VIII on two pages and XIII on a third
    ("session-statements", "central-highlands-15-2022"),
    # PLVN's "hơn 2.442 nghìn tỷ đồng" and "ước đạt 108,4 tỷ USD" against a record's unqualified exact values
    ("repeated-figures", "congthuong-south-20-x-2024-region-retail plvn-south-20-x-2024-retail-sales"),
    ("repeated-figures", "congthuong-south-20-x-2024-region-exports plvn-south-20-x-2024-exports"),
}


def test_the_real_data_s_only_inconsistencies_are_its_sources_known_disagreements():
    found = {
        (check.slug, " ".join(sorted(figure_slugs(finding))) or " ".join(conference_slugs(finding)))
        for check in checks().values()
        for finding in findings(check, INCONSISTENT)
    }
    assert found == KNOWN_INCONSISTENCIES


def test_every_real_share_with_a_total_is_consistent_and_the_plan_share_is_not_checked():
    shares = checks()["shares"]
    consistent = findings(shares, CONSISTENT)
    country = "baothanhhoa-north-central-6-x-2022-retail-sales-q1-2022-country"
    by_figures = {frozenset(figure_slugs(f)): f.sentence for f in consistent}
    assert by_figures.keys() >= {
        frozenset({HAI_PHONG, NORTH_EXPORTS}),
        frozenset({THAI_NGUYEN, NORTH_EXPORTS}),
        frozenset({BAC_GIANG, NORTH_EXPORTS}),
        frozenset({"baothanhhoa-north-central-6-x-2022-retail-sales-q1-2022", country}),
    }
    assert by_figures[frozenset({HAI_PHONG, NORTH_EXPORTS})] == (
        "USD 16 billion out of USD 120.7 billion is 12.83%–13.68% allowing for rounding, "
        "which meets the stated share of 13.3%."
    )
    # one digit finer than the stated 7.97%, rounded outwards
    assert (
        "7.970%–7.977%" in by_figures[frozenset({"baothanhhoa-north-central-6-x-2022-retail-sales-q1-2022", country})]
    )
    [annual_plan] = [
        f for f in findings(shares, NOT_CHECKED) if "north-28-2016-industrial-production-value" in figure_slugs(f)
    ]
    assert "annual plan (74%)" in annual_plan.sentence


def test_every_real_provincial_sum_is_within_its_total():
    sums = checks()["provincial-sums"]
    assert sums.compared >= 3 and sums.inconsistent == 0
    unchecked = findings(sums, NOT_CHECKED)
    assert {f.sentence for f in unchecked} == {"The data holds no regional total for these provincial figures."}
    assert {"plo-south-20-xi-2025-tayninh-industrial-clusters", "plo-south-20-xi-2025-tayninh-industrial-parks"} <= (
        set().union(*(figure_slugs(f) for f in unchecked))
    )
    sentences = [finding.sentence for finding in findings(sums, CONSISTENT)]
    assert "The 3 provincial figures add up to USD 50.3 billion, within the regional total of USD 120.7 billion." in (
        sentences
    )
    assert "The provincial figure of 38.49 trillion VND is within the regional total of 1,612.9 trillion VND." in (
        sentences
    )


def test_the_real_sessions_are_in_order_and_the_announced_one_has_no_report():
    sessions = checks()["sessions"]
    assert sessions.inconsistent == 0
    notes = {conference_slugs(note)[0]: note.sentence for note in findings(sessions, NOTE)}
    assert notes == {"north-central-6-xi-2023": "Announced for 2023; no report of the session in the sources."}
    assert ["north-28-2016"] in [conference_slugs(f) for f in findings(sessions, NOT_CHECKED)]
    handovers = [conference_slugs(f) for f in findings(sessions, CONSISTENT) if "hands the flag" in f.sentence]
    assert ["south-20-x-2024", "south-20-xi-2025"] in handovers  # Long An, since 2025 part of Tây Ninh, which hosts XI
    assert ["north-central-6-x-2022", "north-central-6-xi-2023"] in handovers
    assert ["north-28-ix-2023", "north-28-x-2024"] in handovers


def test_an_announced_session_still_ahead_is_not_noted(empty_database):
    """Its day, when known, else its year, decides whether its time has passed."""
    group = factories.region()
    dated = factories.conference(region=group, year=2025, status="announced", date=date(2025, 10, 20))
    undated = factories.conference(region=group, year=2026, status="announced")
    notes = {
        today: [conference_slugs(note) for note in findings(checks(today)["sessions"], NOTE)]
        for today in (
            date(2025, 6, 1),
            date(2025, 10, 21),
            date(2027, 1, 1),
        )
    }
    assert notes == {
        date(2025, 6, 1): [],
        date(2025, 10, 21): [[dated.slug]],
        date(2027, 1, 1): [[dated.slug], [undated.slug]],
    }


def test_the_real_records_write_session_ix_s_venue_otherwise_than_the_article_and_all_stay():
    statements = checks()["session-statements"]
    [note] = [f for f in statements.findings if conference_slugs(f) == ["north-28-ix-2023"]]
    assert note.status == NOTE
    assert note.sentence == (
        'The sources write the venue differently: <span lang="vi">Quang Ninh province</span> '
        '(<span lang="vi">VietnamPlus (en.vietnamplus.vn)</span>); <span lang="vi">Quảng Ninh</span> '
        '(<span lang="vi">Báo Hànộimới</span>); <span lang="vi">thành phố Hạ Long (tỉnh Quảng Ninh)</span> '
        '(<span lang="vi">Hợp tác phát triển ngành công thương các tỉnh, thành phố phía Bắc</span>).'
    )


def test_the_real_figures_two_sources_report_alike_are_consistent():
    repeated = checks()["repeated-figures"]
    consistent = {" ".join(sorted(figure_slugs(f))) for f in findings(repeated, CONSISTENT)}
    assert {
        "congthuongninhbinh-north-28-viii-2022-retail-sales-9m2022 tin-tu-cac-don-vi-north-28-viii-2022-retail-sales",
    } <= consistent
    known = {slugs for slug, slugs in KNOWN_INCONSISTENCIES if slug == "repeated-figures"}
    assert repeated.compared == len(consistent) + len(known)


def test_the_page_shows_notes_apart_from_inconsistencies(client, empty_database):
    group = factories.region()
    announced = factories.conference(region=group, year=2023, status="announced")
    held = factories.conference(region=group, year=2022, venue="")
    for venue in ("Quảng Ninh", "thành phố Hạ Long (tỉnh Quảng Ninh)"):
        factories.mention(conference=held, source=factories.source(), venue=venue)
    page = html.unescape(client.get("/en/quality/").content.decode())
    notes = [note for check in checks().values() for note in findings(check, NOTE)]
    assert len(notes) == 2
    assert page.count('<span class="quality-status quality-note">note</span>') == len(notes)
    assert "quality-inconsistent" not in page
    assert f'href="/en/conferences/{announced.slug}/"' in page and f'href="/en/conferences/{held.slug}/"' in page
    assert "No figure is reported more than once in the data, so there is nothing to compare." in page


# Each check fires on a broken copy of the data -------------------------------------------------------


def test_a_share_that_does_not_meet_its_total_is_an_inconsistency_linking_both_figures(client):
    IndicatorReport.objects.filter(slug=HAI_PHONG).update(share_pct=Decimal("20"))
    rebuild_quality_report()  # as a load does: an UPDATE fires no signal to forget the load
    shares = checks()["shares"]
    (finding,) = findings(shares, INCONSISTENT)
    assert figure_slugs(finding) == {HAI_PHONG, NORTH_EXPORTS}
    assert "does not meet the stated share of 20%" in finding.sentence
    assert "12.83%–13.68%" in finding.sentence
    page = html.unescape(client.get("/en/quality/").content.decode())
    assert "1 inconsistency" in page
    row = page[page.index("does not meet the stated share") :].split("</tr>")[0]
    assert figure_link(HAI_PHONG) in row and figure_link(NORTH_EXPORTS) in row


def test_a_share_with_no_total_in_the_data_is_not_checked():
    IndicatorReport.objects.filter(slug=NORTH_EXPORTS).delete()
    shares = checks()["shares"]
    unchecked = findings(shares, NOT_CHECKED)
    assert {HAI_PHONG, THAI_NGUYEN, BAC_GIANG} <= set().union(*(figure_slugs(f) for f in unchecked))
    assert "No total is in the data to check this share of 13.3% of the group's total against." in [
        f.sentence for f in unchecked
    ]


def test_provinces_adding_up_to_more_than_the_total_are_an_inconsistency(client):
    IndicatorReport.objects.filter(slug=THAI_NGUYEN).update(
        value=Decimal("100e9"), value_as_written="100 tỷ USD", share_pct=Decimal("82.9")
    )
    rebuild_quality_report()  # as a load does
    sums = checks()["provincial-sums"]
    (finding,) = findings(sums, INCONSISTENT)
    assert figure_slugs(finding) == {NORTH_EXPORTS, HAI_PHONG, THAI_NGUYEN, BAC_GIANG}
    assert finding.sentence == (
        "The 3 provincial figures add up to USD 132.5 billion (at least USD 131.45 billion allowing for rounding), "
        "more than the regional total of USD 120.7 billion."
    )
    assert checks()["shares"].inconsistent == 0  # the share was moved with it
    page = html.unescape(client.get("/en/quality/").content.decode())
    row = page[page.index("more than the regional total") :].split("</tr>")[0]
    assert all(figure_link(slug) in row for slug in (NORTH_EXPORTS, HAI_PHONG, THAI_NGUYEN, BAC_GIANG))


def test_provinces_within_rounding_of_the_total_are_not_flagged():
    # 16 + 17,8 + 16,5 = 50,3 against 50,3: equal, and within rounding either way.
    compared = checks()["provincial-sums"].compared
    IndicatorReport.objects.filter(slug=NORTH_EXPORTS).update(value=Decimal("50.3e9"), value_as_written="50,3 tỷ USD")
    sums = checks()["provincial-sums"]
    assert sums.inconsistent == 0 and sums.compared == compared > 0


def test_a_more_than_total_cannot_be_exceeded():
    IndicatorReport.objects.filter(slug=NORTH_EXPORTS).update(
        value=Decimal("1e9"), value_as_written="1 tỷ USD", qualifier="lower_bound"
    )
    sums = checks()["provincial-sums"]
    assert sums.inconsistent == 0
    assert (
        "The regional total, more than USD 1 billion, is only a lower bound, so the provincial figures "
        "(USD 50.3 billion in all) cannot be shown to exceed it."
    ) in [f.sentence for f in findings(sums, NOT_CHECKED)]


@pytest.fixture
def south_sessions(empty_database):
    """A group's sessions IX and X, X naming Long An as the next host, and XI announced at Long An."""
    group = factories.region(slug="south-20")
    long_an = factories.province(name="Long An")
    ix = factories.conference(
        region=group, session_number=9, year=2023, slug="south-20-ix-2023", source=factories.source()
    )
    x = factories.conference(
        region=group, session_number=10, year=2024, slug="south-20-x-2024", next_host=long_an, source=factories.source()
    )
    xi = factories.conference(
        region=group,
        session_number=11,
        year=2025,
        slug="south-20-xi-2025",
        status="announced",
        host=long_an,
        host_basis="stated",
    )
    return SimpleNamespace(group=group, ix=ix, x=x, xi=xi, long_an=long_an)


def test_sessions_in_order_with_the_handover_kept_are_consistent(south_sessions):
    sessions = checks(today=date(2025, 1, 1))["sessions"]
    assert sessions.inconsistent == 0 and sessions.compared == 3  # two neighbouring pairs, one handover
    assert findings(sessions, NOTE) == []  # XI is still ahead


def test_a_higher_session_number_in_an_earlier_year_is_an_inconsistency(client, south_sessions):
    Conference.objects.filter(pk=south_sessions.ix.pk).update(year=2025)
    sessions = checks()["sessions"]
    (finding,) = findings(sessions, INCONSISTENT)
    assert conference_slugs(finding) == ["south-20-ix-2023", "south-20-x-2024"]
    assert finding.sentence == "Session X is dated 2024, earlier than session IX (2025)."
    page = client.get("/en/quality/").content.decode()
    row = page[page.index("earlier than session IX") :].split("</tr>")[0]
    assert 'href="/en/conferences/south-20-ix-2023/"' in row and 'href="/en/conferences/south-20-x-2024/"' in row


def test_two_session_numbers_in_one_year_are_an_inconsistency(south_sessions):
    Conference.objects.filter(pk=south_sessions.x.pk).update(year=2023)
    (finding,) = findings(checks()["sessions"], INCONSISTENT)
    assert conference_slugs(finding) == ["south-20-ix-2023", "south-20-x-2024"]
    assert finding.sentence == "Sessions IX and X are both dated 2023."


def test_one_session_number_in_two_years_is_an_inconsistency(south_sessions):
    # The database refuses two rows with one number in a group, so the check is fed a copy in memory.
    conferences = list(Conference.objects.select_related("region", "host", "next_host").order_by("year"))
    for conference in conferences:
        conference.has_report = conference.status == Conference.Status.HELD
        if conference.pk == south_sessions.x.pk:
            conference.session_number = 9
    with translation.override("en"):
        found = check_sessions(conferences, today=TODAY)
    (finding,) = [f for f in found if f.status == INCONSISTENT]
    assert conference_slugs(finding) == ["south-20-ix-2023", "south-20-x-2024"]
    assert finding.sentence == "Session IX is recorded twice, in 2023 and in 2024."


def test_a_handover_to_someone_else_than_the_next_host_is_an_inconsistency(south_sessions):
    Conference.objects.filter(pk=south_sessions.xi.pk).update(host=factories.province(name="Kiên Giang"))
    (finding,) = findings(checks()["sessions"], INCONSISTENT)
    assert conference_slugs(finding) == ["south-20-x-2024", "south-20-xi-2025"]
    assert finding.sentence == "Session X hands the flag to Long An, but session XI is hosted by Kiên Giang."


def test_an_announced_session_that_a_source_reports_is_an_inconsistency(south_sessions):
    factories.mention(conference=south_sessions.xi, source=factories.source(), kind="report")
    sessions = checks()["sessions"]
    (finding,) = findings(sessions, INCONSISTENT)
    assert conference_slugs(finding) == ["south-20-xi-2025"]
    assert finding.sentence == "Recorded as announced, but a source reports the session."
    assert "south-20-xi-2025" not in [conference_slugs(f)[0] for f in findings(sessions, NOTE)]


def test_an_announced_session_whose_year_has_passed_with_no_report_is_noted(south_sessions):
    (note,) = findings(checks(today=date(2026, 1, 1))["sessions"], NOTE)
    assert conference_slugs(note) == ["south-20-xi-2025"]
    assert note.sentence == "Announced for 2025; no report of the session in the sources."


@pytest.fixture
def exports(empty_database):
    """A group's exports at one session, as one source reports them ("ước đạt 120,7 tỷ USD")."""
    return factories.figure(slug="exports", qualifier="estimate")


def again(figure, **changes):
    """The same figure (indicator, place, period) as another source reports it."""
    fields = {"value": figure.value, "value_as_written": figure.value_as_written, "qualifier": figure.qualifier}
    return factories.figure(
        slug=f"{figure.slug}-again",
        conference=figure.conference,
        source=factories.source(publication="Báo Hư Cấu"),
        **{**fields, **changes},
    )


def test_the_same_figure_with_another_value_from_a_second_source_is_an_inconsistency(client, exports):
    other = again(exports, value=Decimal("125e9"), value_as_written="125 tỷ USD")
    repeated = checks()["repeated-figures"]
    (finding,) = findings(repeated, INCONSISTENT)
    assert figure_slugs(finding) == {exports.slug, other.slug}
    assert finding.sentence == "The values differ beyond rounding: USD 120.7 billion against USD 125 billion."
    page = html.unescape(client.get("/en/quality/").content.decode())
    row = page[page.index("The values differ beyond rounding") :].split("</tr>")[0]
    assert figure_link(exports.slug) in row and figure_link(other.slug) in row
    # each figure's source is named beside its link, marked Vietnamese
    assert f'(<span lang="vi">{other.source}</span>)' in row


def test_the_same_figure_with_another_qualifier_is_an_inconsistency(exports):
    other = again(exports, qualifier="actual")
    (finding,) = findings(checks()["repeated-figures"], INCONSISTENT)
    assert figure_slugs(finding) == {exports.slug, other.slug}
    assert finding.sentence == "The qualifiers differ: estimate against as reported (no qualifier)."


def test_the_same_figure_within_rounding_and_with_the_same_qualifier_is_consistent(exports):
    again(exports, value=Decimal("121e9"), value_as_written="121 tỷ USD")  # 120.5–121.5 meets 120.65–120.75
    repeated = checks()["repeated-figures"]
    assert repeated.inconsistent == 0 and repeated.compared == 1


def test_counts_above_different_thresholds_are_not_the_same_figure(empty_database):
    provinces = factories.indicator(code="provinces_iip_growth", unit="count")
    session = factories.conference()

    def count(value, comparator, pct):
        return factories.figure(
            conference=session,
            source=factories.source(),
            indicator=provinces,
            value=value,
            value_as_written=f"{value}/28 địa phương",
            unit_as_written="địa phương",
            denominator=28,
            threshold_comparator=comparator,
            threshold_pct=Decimal(pct),
        )

    positive, ten = count("25", ">", "0"), count("11", "≥", "10")
    repeated = checks()["repeated-figures"]
    assert repeated.findings == [] and repeated.compared == 0
    other = count("20", ">", "0")  # the same threshold: the same figure, another value
    (finding,) = findings(checks()["repeated-figures"], INCONSISTENT)
    assert figure_slugs(finding) == {positive.slug, other.slug} and ten.slug not in figure_slugs(finding)


def test_a_sum_of_many_provinces_links_a_few_and_the_list_of_all(client, empty_database):
    total = factories.figure(slug="exports")  # the group's USD 120.7 billion
    members = [
        factories.figure(
            conference=total.conference,
            source=total.source,
            scope="province",
            province=factories.province(),
            value="1e9",
            value_as_written="1 tỷ USD",
        )
        for _ in range(FIGURES_SHOWN + 3)
    ]
    loaded()
    page = html.unescape(client.get("/en/quality/").content.decode())
    row = page[page.index("9 provincial figures add up") :].split("</tr>")[0]
    assert row.count('href="/en/figures/') == FIGURES_SHOWN + 1  # the total, 5 provinces, and the list
    link = f"/en/figures/?conference={total.conference.slug}&indicator={total.indicator.code}&scope=province&year=2024"
    assert f'href="{link}"' in row.replace("&amp;", "&") and "and 4 more" in row
    listed = client.get(link).context["object_list"]
    assert {figure.slug for figure in listed} == {member.slug for member in members}
