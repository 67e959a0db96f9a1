import pytest
from django.db import connection
from django.db.models import Q
from loaded_dataset import load_dataset

from conferences.models import STATED_REGION_SHARE, IndicatorReport
from conferences.table_statistics import analyse, vacuum

pytestmark = pytest.mark.django_db

FIGURES = IndicatorReport._meta.db_table
FULL_INDEX = "report_period_end"


def planner_rows(table: str) -> int:
    """How many rows the planner's statistics say ``table`` holds."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
            return int(cursor.fetchone()[0])
        # Any index over every row: a partial index's statistics count its own rows.
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s AND idx = %s", [table, FULL_INDEX])
        return int(cursor.fetchone()[0].split()[0])


def test_analyse_gives_the_planner_the_table_as_it_is_now():
    IndicatorReport.objects.filter(pk__in=IndicatorReport.objects.order_by("pk").values("pk")[:10]).delete()
    analyse([IndicatorReport])
    assert planner_rows(FIGURES) == IndicatorReport.objects.count()


def test_a_load_renews_the_statistics_in_its_transaction():
    loaded = IndicatorReport.objects.count()
    IndicatorReport.objects.filter(pk__in=IndicatorReport.objects.order_by("pk").values("pk")[:10]).delete()
    analyse([IndicatorReport])
    assert planner_rows(FIGURES) == loaded - 10
    load_dataset(force=True)
    assert planner_rows(FIGURES) == IndicatorReport.objects.count() == loaded


def test_vacuum_runs_only_outside_a_transaction_on_postgresql():
    assert vacuum([IndicatorReport]) is False  # a test runs in a transaction, and SQLite has no visibility map


def test_the_shares_index_condition_is_the_stated_share_of_the_group():
    # The partial index holds literals (the model's choices are not defined where its Meta is written).
    assert (
        Q(scope=IndicatorReport.Scope.PROVINCE, share_of=IndicatorReport.ShareOf.REGION, share_pct__isnull=False)
        == STATED_REGION_SHARE
    )
    index = next(index for index in IndicatorReport._meta.indexes if index.name == "report_region_shares")
    assert index.condition == STATED_REGION_SHARE
