"""What a load records beside the data it loads: the version loaded (``Dataset``), the models that version
stands for (``PUBLISHED_MODELS``), and the figure counts derived from the figures (``FigureCount``).

None of it is curated: ``load_data`` and ``generate_synthetic`` write it, and ``conferences.signals``
drops what a row-by-row change makes untrue.
"""

from django.db import connections, models
from django.utils.translation import gettext_lazy as _

from conferences.models.figures import Indicator, IndicatorReport
from conferences.models.sessions import Conference, ConferenceMention, ConferenceOfficial
from conferences.models.sources import MembershipStatement, Source
from portal.loaded_data import Load
from regions.models import Province, Region, RegionMembership


class DatasetQuerySet(models.QuerySet):
    def current(self):
        return self.order_by("-loaded_at").first()

    def current_load(self) -> Load | None:
        """``current()``'s version and time in one plain query. Every request reads it
        (``portal.caching``): building the query with the ORM took a third of a cached page's time."""
        connection = connections[self.db]
        table = connection.ops.quote_name(self.model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT version, loaded_at FROM {table} ORDER BY loaded_at DESC LIMIT 1")
            row = cursor.fetchone()
        if row is None:
            return None
        version, loaded_at = row
        column = self.model._meta.get_field("loaded_at").get_col(self.model._meta.db_table)
        for convert in connection.ops.get_db_converters(column):  # SQLite returns text
            loaded_at = convert(loaded_at, column, connection)
        return Load(version, loaded_at)


class Dataset(models.Model):
    """Which fixtures are loaded: the version changes only when different data is loaded."""

    version = models.CharField(_("version"), max_length=64)
    loaded_at = models.DateTimeField(_("loaded at"))

    objects = DatasetQuerySet.as_manager()

    class Meta:
        verbose_name = _("dataset")

    def __str__(self):
        return self.version[:12]


class FigureCount(models.Model):
    """How many figures share a combination of the figures list's facet values: derived, never edited.

    Rebuilt from the figures whenever data is loaded (``load_data``, ``generate_synthetic``) by
    ``conferences.figure_count_rebuild.rebuild_figure_counts``, in the same transaction, so it is always exact. Each row
    belongs to one grouping, ``dims``: a bit set of ``DIMENSIONS``. A dimension outside ``dims`` is
    NULL (or blank) and means "any". The period dimension carries the period's dates with its year and
    kind, so that the ``year`` and ``period`` filters and facets are read from the same rows.

    The figures list reads its counts, facets and the position of a deep page from here when every
    active filter is one of these dimensions (``conferences.figure_counts``, ``listings.views``).
    """

    REGION, INDICATOR, SCOPE, QUALIFIER, PERIOD = 1, 2, 4, 8, 16
    DIMENSIONS = (REGION, INDICATOR, SCOPE, QUALIFIER, PERIOD)

    dims = models.PositiveSmallIntegerField()
    region = models.ForeignKey(
        Region, null=True, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    indicator = models.ForeignKey(
        Indicator, null=True, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    scope = models.CharField(max_length=10, blank=True)
    qualifier = models.CharField(max_length=12, blank=True)
    period_start = models.DateField(null=True)
    period_end = models.DateField(null=True)
    is_stock = models.BooleanField(null=True)
    year = models.PositiveSmallIntegerField(null=True)
    period_kind = models.CharField(max_length=20, blank=True)
    # The list's sort keys, copied so that a page's position is found without joins.
    region_position = models.PositiveSmallIntegerField(null=True)
    indicator_position = models.PositiveSmallIntegerField(null=True)
    scope_order = models.PositiveSmallIntegerField(null=True)
    count = models.PositiveIntegerField()

    class Meta:
        # Every column a count, a facet or a page's position reads, so that they are read from the index
        # alone: the facets of a filtered list read 1,000-3,000 scattered rows of the table otherwise.
        indexes = [
            models.Index(
                fields=[
                    "dims",
                    "indicator",
                    "region",
                    "year",
                    "scope",
                    "qualifier",
                    "period_kind",
                    "period_end",
                    "region_position",
                    "indicator_position",
                    "scope_order",
                    "count",
                ],
                name="figurecount_covering",
            )
        ]

    def __str__(self):
        return f"{self.dims}: {self.count}"


# Everything a page shows, and so everything the data version stands for.
PUBLISHED_MODELS = (
    Region,
    Province,
    RegionMembership,
    Source,
    Conference,
    ConferenceMention,
    MembershipStatement,
    ConferenceOfficial,
    Indicator,
    IndicatorReport,
)
