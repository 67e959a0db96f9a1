"""The published data's signals (conferences.signals): row-by-row changes forget the loaded version and
the counts' grand total; a bulk load mutes them."""

import factories
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conferences import signals
from conferences.figure_count_rebuild import rebuild_figure_counts
from conferences.models import Dataset, FigureCount, IndicatorReport


@pytest.fixture
def loaded(empty_database):
    for _ in range(5):
        factories.figure()
    rebuild_figure_counts()
    Dataset.objects.create(version="f" * 64, loaded_at=timezone.now())


def test_a_figure_changed_outside_a_load_forgets_the_version_and_the_grand_total(loaded):
    figure = IndicatorReport.objects.first()
    figure.note_en = "Edited in a shell."
    figure.save()
    assert not Dataset.objects.exists()
    assert not FigureCount.objects.filter(dims=0).exists()


def test_muted_a_bulk_delete_is_one_statement_and_keeps_what_the_load_sets_itself(loaded):
    with signals.muted(), CaptureQueriesContext(connection) as queries:
        IndicatorReport.objects.all().delete()
    assert len(queries) == 1  # no row fetched, no signal per row
    assert Dataset.objects.exists() and FigureCount.objects.filter(dims=0).exists()


def test_the_signals_are_back_after_a_muted_block_even_when_it_fails(loaded):
    with pytest.raises(RuntimeError), signals.muted():
        raise RuntimeError("a load that failed")
    IndicatorReport.objects.first().delete()
    assert not Dataset.objects.exists()
