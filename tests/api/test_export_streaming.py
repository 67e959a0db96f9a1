"""The full figures download streams: a worker's memory does not grow with the rows it has written.

On SQLite each batch of the export was once read with ``list(queryset)``, which kept its rows in the
queryset's cache, and the list of batches kept every queryset until the last row: a worker held the
whole file (about 2 GB at a million figures). Measured here with ``tracemalloc`` on a few hundred
synthetic figures read in many small batches.
"""

import tracemalloc

import pytest
from loaded_dataset import synthetic_dataset

from api import row_plans, stream_writers
from conferences.models import IndicatorReport

pytestmark = pytest.mark.django_db

FIGURES = 600


@pytest.fixture(scope="module")
def synthetic_data(django_db_setup, django_db_blocker):
    with synthetic_dataset(django_db_blocker, figures=FIGURES, seed=3):
        yield


def traced_growth(client, url: str) -> tuple[int, int, int]:
    """(rows written, bytes written after the first quarter of the rows, the most the traced memory grew
    meanwhile over what it was at that quarter)."""
    response = client.get(url)
    assert response.status_code == 200
    rows, written, start, grown = 0, 0, None, 0
    tracemalloc.start()
    try:
        for piece in response.streaming_content:
            rows += piece.count(b"\r\n")
            memory = tracemalloc.get_traced_memory()[0]
            if start is None and rows >= FIGURES // 4:
                start = memory
            elif start is not None:
                written += len(piece)
                grown = max(grown, memory - start)
    finally:
        tracemalloc.stop()
    return rows, written, grown


def test_the_figures_download_holds_a_few_batches_not_the_file(client, monkeypatch, synthetic_data):
    monkeypatch.setattr(row_plans, "BATCH_SIZE", 10)  # some sixty batches
    monkeypatch.setattr(stream_writers, "ROWS_PER_WRITE", 10)
    assert IndicatorReport.objects.count() == FIGURES
    traced_growth(client, "/figures.csv")  # once first: the caches of labels and written values fill
    rows, written, grown = traced_growth(client, "/figures.csv")
    assert rows == FIGURES + 1  # the header and every figure
    # Holding every row read so far as Python objects takes several times the bytes they are written as;
    # a few batches of ten rows are a small part of the three quarters of the file written meanwhile.
    assert grown < written / 4, (grown, written)
