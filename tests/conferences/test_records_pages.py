"""Sources whose text we do not keep (records), as the pages, the API, the downloads and the quality page
show them: printed fragments and where on the page, never a quote; disagreements with each source.

The record here is FICTIONAL, made by the tests: "Báo Hư Cấu" and its address do not exist. It reports
the northern group's session X (2024) on another day than the real article does.
"""

import csv
import html
import io
from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from conferences.models import Conference, ConferenceMention, IndicatorReport, Source
from conferences.quality_findings import INCONSISTENT
from conferences.quality_report import data_quality
from regions.models import Province

pytestmark = pytest.mark.django_db

SESSION = "north-28-x-2024"
NORTH_EXPORTS = "hanoimoi-north-28-x-2024-exports"
ADDRESS = "https://example.org/fictional/north-28-x-2024"
FIGURE = "fictional-north-28-x-2024-exports"


@pytest.fixture
def record():
    """A fictional record: its source, its statement about session X (another day), and one figure."""
    source = Source.objects.create(
        slug="fictional-north-28-x-2024",
        text_kept=False,
        url=ADDRESS,
        accessed_on=date(2026, 12, 6),
        publication="Báo Hư Cấu",
        title="Hội nghị hư cấu",
        published_on=date(2024, 5, 19),
        published_as_written="19/05/2024 08:00",
    )
    conference = Conference.objects.get(slug=SESSION)
    ConferenceMention.objects.create(
        conference=conference,
        source=source,
        kind=ConferenceMention.Kind.REPORT,
        locator="đoạn 1 (paragraph 1)",
        session_number=10,
        session_as_written="lần thứ X",
        date=date(2024, 5, 18),
        date_as_written="Sáng 18/5",
        host=Province.objects.get(slug="ha-noi"),
        host_as_written="UBND thành phố Hà Nội",
    )
    real = ConferenceMention.objects.filter(conference=conference, date__isnull=False).exclude(source=source)
    assert set(real.values_list("date", flat=True)) == {date(2024, 5, 17)}
    Conference.objects.filter(pk=conference.pk).update(date=None, date_as_written="")  # as the build leaves it
    figure = IndicatorReport.objects.get(slug=NORTH_EXPORTS)
    figure.pk, figure.slug, figure.source, figure.position = None, FIGURE, source, 0
    figure.quote, figure.quote_line, figure.period_quote = "", None, ""
    figure.locator = "đoạn 4, câu 2 (paragraph 4, sentence 2)"
    figure.value, figure.value_as_written, figure.qualifier = Decimal("121e9"), "121 tỷ USD", "estimate"
    figure.qualifier_as_written = "ước đạt"
    figure.share_pct, figure.share_of = None, ""
    figure.growth_as_written = "tăng 10,6%" if figure.growth_pct is not None else ""
    figure.save()
    return source


def page(client, path, language="en"):
    prefix = "/en" if language == "en" else ""
    response = client.get(f"{prefix}{path}")
    assert response.status_code == 200
    return html.unescape(response.content.decode())


# Pages ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_record_s_figure_shows_its_printed_words_and_where_never_a_quote(client, record, language):
    shown = page(client, f"/figures/{FIGURE}/", language)
    assert "<blockquote" not in shown and "captured text" not in shown and "văn bản đã lưu" not in shown
    assert "đoạn 4, câu 2 (paragraph 4, sentence 2)" in shown and "ước đạt" in shown
    assert f'<a href="{ADDRESS}" rel="external noopener noreferrer">' in shown
    assert '<dd lang="vi">121 tỷ USD</dd>' in shown
    real = page(client, f"/figures/{NORTH_EXPORTS}/", language)
    assert "<blockquote" in real  # the five articles keep their quotes


def test_a_record_s_source_page_gives_its_address_and_access_date_and_no_fingerprint(client, record):
    shown = page(client, f"/sources/{record.slug}/")
    assert f'<a href="{ADDRESS}" rel="external noopener noreferrer" class="page-address">{ADDRESS}</a>' in shown
    assert '<time datetime="2026-12-06">6 December 2026</time>' in shown
    assert "SHA-256" not in shown and "Not kept." in shown
    assert 'where on the page: <span lang="vi">đoạn 1 (paragraph 1)</span>' in shown
    assert '“<span lang="vi">Sáng 18/5</span>”' in shown


def test_a_disputed_date_shows_each_day_with_its_sources_and_picks_none(client, record):
    shown = page(client, f"/conferences/{SESSION}/")
    dates = shown[shown.index("<dt>Date</dt>") : shown.index("<dt>Host province</dt>")]
    assert "the sources disagree" in dates and "not stated" not in dates
    assert "17 May 2024" in dates and "18 May 2024" in dates
    assert '/en/sources/hanoimoi-north-28-x-2024/"' in dates and f'/en/sources/{record.slug}/"' in dates
    assert dates.index("17 May 2024") < dates.index("hanoimoi") < dates.index("18 May 2024") < dates.index(record.slug)


def test_the_quality_page_lists_the_disagreement_with_both_sources(client, record):
    with translation.override("en"):
        check = {c.slug: c for c in data_quality(today=date(2026, 12, 6))}["session-statements"]
    (finding,) = [f for f in check.findings if [c.slug for c in f.conferences] == [SESSION]]
    assert finding.status == INCONSISTENT
    # every real page that dates the session says 17 May; each source is named once, beside the day it states
    date_sentence = finding.sentence.split(". ")[0] + "."
    assert date_sentence.startswith("The sources disagree on the date: 17 May 2024 (")
    assert date_sentence.endswith('); 18 May 2024 (<span lang="vi">Hội nghị hư cấu</span>).')
    assert '<span lang="vi">Báo Hànộimới</span>' in date_sentence.split("; 18 May")[0]
    shown = page(client, "/quality/")
    assert finding.sentence in shown


def test_sources_that_agree_on_a_session_are_consistent_and_the_page_stays_at_its_queries(
    client, record, django_assert_num_queries
):
    ConferenceMention.objects.filter(source=record).update(date=date(2024, 5, 17), date_as_written="Sáng 17/5")
    with translation.override("en"):
        check = {c.slug: c for c in data_quality(today=date(2026, 12, 6))}["session-statements"]
    (finding,) = [f for f in check.findings if [c.slug for c in f.conferences] == [SESSION]]
    assert finding.status != INCONSISTENT and "date" not in finding.sentence  # the real pages word the venue
    with django_assert_num_queries(3):  # the data version; the figures; the conferences: no statements read
        client.get("/quality/")


def test_two_figures_of_one_session_from_two_sources_that_differ_are_listed(record):
    IndicatorReport.objects.filter(slug=FIGURE).update(value=Decimal("125e9"), value_as_written="125 tỷ USD")
    with translation.override("en"):
        check = {c.slug: c for c in data_quality(today=date(2026, 12, 6))}["repeated-figures"]
    (finding,) = [f for f in check.findings if FIGURE in {figure.slug for figure in f.figures}]
    assert finding.status == INCONSISTENT
    assert {f.slug for f in finding.figures} == {NORTH_EXPORTS, FIGURE}
    assert {f.source.slug for f in finding.figures} == {"hanoimoi-north-28-x-2024", record.slug}


# Citations -----------------------------------------------------------------------------------------


def test_a_record_s_figure_is_cited_with_its_address_and_dates_and_no_line(client, record):
    citations = {c.language: c for c in client.get(f"/en/figures/{FIGURE}/").context["citations"]}
    assert f"Báo Hư Cấu, “Hội nghị hư cấu”, 19 May 2024, {ADDRESS}, accessed 6 December 2026" in citations["en"].text
    assert f"Báo Hư Cấu, “Hội nghị hư cấu”, 19/5/2024, {ADDRESS}, truy cập 6/12/2026" in citations["vi"].text
    for citation in citations.values():
        assert "line" not in citation.text and "dòng" not in citation.text
        assert citation.permalink in citation.viewed and 'class="today"' in citation.viewed


def test_the_citation_has_a_copy_button_run_by_a_static_script(client):
    shown = client.get("/en/figures/hanoimoi-north-28-x-2024-exports/").content.decode()
    assert '<script src="/static/js/citations.js" defer></script>' in shown
    assert 'data-target="citation-vi"' in shown and 'data-target="citation-en"' in shown
    assert 'id="citation-en"' in shown and "line 1" not in shown.split('id="citation-en"')[1].split("</p>")[0]
    assert "'self'" in client.get("/").headers["Content-Security-Policy"].split("script-src")[1].split(";")[0]


# API and downloads -----------------------------------------------------------------------------------


def test_the_api_and_the_csv_give_a_record_s_locator_and_fragments_and_an_empty_quote(client, record):
    figure = client.get(f"/api/figures/{FIGURE}/").json()
    assert (figure["quote"], figure["quote_line"], figure["locator"]) == (
        "",
        None,
        "đoạn 4, câu 2 (paragraph 4, sentence 2)",
    )
    assert figure["qualifier_as_written"] == "ước đạt"
    source = client.get(f"/api/sources/{record.slug}/").json()
    assert (source["page_url"], source["accessed_on"], source["text_kept"]) == (ADDRESS, "2026-12-06", False)
    assert source["file_name"] == "" and source["url"].endswith(f"/api/sources/{record.slug}/")
    raw = b"".join(client.get("/figures.csv", {"source": record.slug}).streaming_content)
    (row,) = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    assert (row["quote"], row["quote_line"], row["locator"]) == ("", "", "đoạn 4, câu 2 (paragraph 4, sentence 2)")


# What the database refuses -------------------------------------------------------------------------


def test_a_figure_needs_a_quote_or_a_locator(record):
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorReport.objects.filter(slug=FIGURE).update(locator="")


def test_a_mention_needs_a_quote_or_a_locator(record):
    with pytest.raises(IntegrityError), transaction.atomic():
        ConferenceMention.objects.filter(source=record).update(locator="")


def test_a_source_whose_text_is_not_kept_has_no_captured_file(record):
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.filter(pk=record.pk).update(file_name="x.txt", text_sha256="0" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.filter(slug="hanoimoi-north-28-x-2024").update(file_name="")
