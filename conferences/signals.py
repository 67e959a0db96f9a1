"""What the published data's signals keep true when rows change one at a time (a shell, a test): the
figure counts' grand total and the loaded data version. Connected in ``ConferencesConfig.ready``.

A bulk load writes with them muted (``muted``): a model with a delete receiver makes Django delete its
rows one by one, each with a signal, which at a million figures is most of a load's time; and a load
sets both itself (``load_data`` and ``generate_synthetic`` rebuild the counts and record the version
after their last write).
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db.models.signals import post_delete, post_save

from conferences.models import PUBLISHED_MODELS, Conference, Dataset, FigureCount, IndicatorReport

# The models whose rows the figure counts are made of: a figure, and the group of its session.
COUNTED_MODELS = (IndicatorReport, Conference)


def figure_counts_out_of_date(sender, **kwargs):
    """A figure (or the group of its session) changed outside a load: drop the grand total row, so that
    the lists count live until ``rebuild_figure_counts`` runs again."""
    FigureCount.objects.filter(dims=0).delete()


def data_changed_outside_a_load(sender, **kwargs):
    """Published data changed row by row, not by a load: the loaded version no longer describes it.
    Forget the version, so that no response is validated or cached against it until the next
    ``load_data`` (``portal.caching``)."""
    Dataset.objects.all().delete()


def _receivers():
    for model in PUBLISHED_MODELS:
        yield data_changed_outside_a_load, model, f"data-version-{model.__name__}"
    for model in COUNTED_MODELS:
        yield figure_counts_out_of_date, model, f"figure-counts-{model.__name__}"


def connect():
    for receiver, model, uid in _receivers():
        post_save.connect(receiver, sender=model, dispatch_uid=uid)
        post_delete.connect(receiver, sender=model, dispatch_uid=uid)


def disconnect():
    for receiver, model, uid in _receivers():
        post_save.disconnect(receiver, sender=model, dispatch_uid=uid)
        post_delete.disconnect(receiver, sender=model, dispatch_uid=uid)


@contextmanager
def muted() -> Iterator[None]:
    """No receiver runs inside: for a bulk load, which sets the counts and the version itself. The
    signals are process-wide, so this is for a command or a test, never a request."""
    disconnect()
    try:
        yield
    finally:
        connect()
