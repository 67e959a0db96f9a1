"""No downloaded cell runs as a spreadsheet formula, and numbers stay numbers (api/csv_safety.py)."""

import csv
import io

import pytest

from api.csv_safety import inert
from conferences.models import Conference, Indicator, IndicatorReport, Source

FORMULAS = ['=HYPERLINK("http://example.com","x")', "+1+1", "-2+3", "@SUM(A1:A2)", "\tTab", "\rReturn"]


@pytest.mark.parametrize("text", FORMULAS)
def test_a_cell_that_begins_like_a_formula_is_made_text(text):
    assert inert(text) == "'" + text


@pytest.mark.parametrize("text", ["-3.7000", "-1200000000", "+12", "-1.5e9", "", "Hà Nội", "120,7 tỷ USD", "a=b"])
def test_numbers_and_plain_text_are_left_alone(text):
    assert inert(text) == text


def rows(client, url) -> list[dict]:
    body = b"".join(client.get(url).streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body, newline="")))


@pytest.mark.django_db
def test_the_figures_download_neutralises_source_and_curator_text_but_not_negative_values(client):
    figure = IndicatorReport.objects.order_by("slug").first()
    IndicatorReport.objects.filter(pk=figure.pk).update(
        quote=FORMULAS[0], note_vi=FORMULAS[1], note_en=FORMULAS[3], period_label=FORMULAS[4], value=-3.7
    )
    (row,) = [row for row in rows(client, "/figures.csv") if row["slug"] == figure.slug]
    assert row["quote"] == "'" + FORMULAS[0]
    assert row["note_vi"] == "'" + FORMULAS[1]
    assert row["note_en"] == "'" + FORMULAS[3]
    assert row["period_label"] == "'" + FORMULAS[4]
    assert float(row["value"]) == -3.7 and row["value"].startswith("-")


@pytest.mark.django_db
def test_every_other_download_neutralises_its_text_too(client):
    conference = Conference.objects.order_by("slug").first()
    Conference.objects.filter(pk=conference.pk).update(venue=FORMULAS[2])
    source = Source.objects.order_by("slug").first()
    Source.objects.filter(pk=source.pk).update(title=FORMULAS[5])
    (session,) = [row for row in rows(client, "/conferences.csv") if row["slug"] == conference.slug]
    (article,) = [row for row in rows(client, "/sources.csv") if row["slug"] == source.slug]
    assert session["venue"] == "'" + FORMULAS[2]
    assert article["title"] == "'" + FORMULAS[5]


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_labels_beside_the_slugs_are_neutralised_too(client, prefix):
    """A source's title and publication are printed words; names come from curators: all may start badly."""
    figure = IndicatorReport.objects.select_related("indicator").order_by("slug").first()
    Source.objects.filter(pk=figure.source_id).update(title=FORMULAS[0], publication=FORMULAS[3])
    Indicator.objects.filter(pk=figure.indicator_id).update(name_vi=FORMULAS[1], name_en=FORMULAS[2])
    (row,) = [row for row in rows(client, f"{prefix}/figures.csv") if row["slug"] == figure.slug]
    assert row["source_title"] == "'" + FORMULAS[0]
    assert row["source_publication"] == "'" + FORMULAS[3]
    assert row["indicator_name"] == "'" + (FORMULAS[2] if prefix else FORMULAS[1])
    (article,) = [row for row in rows(client, f"{prefix}/sources.csv") if row["slug"] == figure.source.slug]
    assert article["title"] == "'" + FORMULAS[0]
