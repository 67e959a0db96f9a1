"""The figures the sources report: the vocabulary of indicators, each reported figure, and the order a
session's figures read in by scope.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from conferences.models.sessions import Conference
from conferences.models.sources import SlugQuerySet, Source
from listings.search import SearchableModel
from portal.translated import translated
from regions.models import Province


class IndicatorQuerySet(models.QuerySet):
    def get_by_natural_key(self, code):
        return self.get(code=code)


class Indicator(SearchableModel):
    """An entry of the controlled vocabulary of indicators."""

    code = models.SlugField(_("code"), unique=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    unit = models.CharField(_("base unit"), max_length=10)
    description_vi = models.TextField(_("description (Vietnamese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    position = models.PositiveSmallIntegerField(_("display order"))

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.code,)

    def search_names(self):
        return [self.name_vi, self.name_en]

    def search_extra(self):
        return [self.code.replace("_", " "), self.description_vi, self.description_en]

    @property
    def name(self):
        return translated(self, "name")

    @property
    def description(self):
        return translated(self, "description")


# The provincial shares of their group's total that a session stated (``IndicatorReport.Scope.PROVINCE``,
# ``ShareOf.REGION``, as literals: the class is not defined yet), indexed on their own below.
STATED_REGION_SHARE = models.Q(scope="province", share_of="region", share_pct__isnull=False)


class IndicatorReport(SearchableModel):
    """One figure as a source reports it, with everything needed to read and cite it correctly."""

    search_related = ("indicator", "province__successor", "conference__region")
    # Within one kind of match, the latest periods first: an index gives that order, where sorting tens
    # of thousands of matches by session would cost more than the search (``listings.search``).
    search_order = ("-period_end", "-pk")
    search_window = 2_000
    search_names_from = "indicator"  # ``search_names``: the indicator's names

    class Scope(models.TextChoices):
        COUNTRY = "country", _("whole country")
        REGION = "region", _("the whole group")
        PROVINCE = "province", _("province")

    class Qualifier(models.TextChoices):
        ACTUAL = "actual", _("as reported (no qualifier)")
        ESTIMATE = "estimate", _("estimate")
        FORECAST = "forecast", _("forecast")
        LOWER_BOUND = "lower_bound", _("more than")
        APPROXIMATE = "approximate", _("about")

    class ShareOf(models.TextChoices):
        REGION = "region", _("of the group's total")
        COUNTRY = "country", _("of the national total")

    class Comparator(models.TextChoices):
        ABOVE = ">", _("above")
        AT_LEAST = "≥", _("at least")

    slug = models.SlugField(_("identifier"), max_length=120, unique=True)
    conference = models.ForeignKey(
        Conference, verbose_name=_("conference"), on_delete=models.PROTECT, related_name="reports"
    )
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="reports")
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="reports"
    )
    indicator_as_written = models.CharField(_("indicator as written"), max_length=200)
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices)
    province = models.ForeignKey(
        Province,
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reports",
    )
    period_start = models.DateField(_("period start"), null=True, blank=True)
    period_end = models.DateField(_("period end, or the date a level stands at"))
    is_stock = models.BooleanField(_("level at a date"), default=False)
    period_label = models.CharField(_("period as written"), max_length=100)
    period_quote = models.TextField(
        _("sentence stating the period"),
        blank=True,
        help_text=_("Set when the period is stated in a neighbouring sentence rather than in the quote."),
    )
    value = models.DecimalField(_("value in the base unit"), max_digits=24, decimal_places=4)
    unit = models.CharField(_("base unit"), max_length=10)
    unit_as_written = models.CharField(_("unit as written"), max_length=50)
    value_as_written = models.CharField(_("value as written"), max_length=100)
    denominator = models.PositiveSmallIntegerField(_("out of"), null=True, blank=True)
    threshold_comparator = models.CharField(
        _("growth threshold comparator"), max_length=1, choices=Comparator.choices, blank=True
    )
    threshold_pct = models.DecimalField(
        _("growth threshold (%)"), max_digits=7, decimal_places=3, null=True, blank=True
    )
    growth_pct = models.DecimalField(
        _("growth on the same period of the previous year (%)"),
        max_digits=7,
        decimal_places=3,
        null=True,
        blank=True,
    )
    share_pct = models.DecimalField(_("share (%)"), max_digits=7, decimal_places=3, null=True, blank=True)
    share_of = models.CharField(_("share of"), max_length=12, choices=ShareOf.choices, blank=True)
    plan_share_pct = models.DecimalField(
        _("share of the annual plan (%)"), max_digits=7, decimal_places=3, null=True, blank=True
    )
    qualifier = models.CharField(_("qualifier"), max_length=12, choices=Qualifier.choices)
    quote = models.TextField(_("verbatim quote"), blank=True)
    quote_line = models.PositiveIntegerField(_("line in the captured text"), null=True, blank=True)
    # A record's figure (its source's text is not kept): where it stands and the words printed for it.
    locator = models.CharField(_("where on the page"), max_length=200, blank=True)
    growth_as_written = models.CharField(_("growth as written"), max_length=80, blank=True)
    share_as_written = models.CharField(_("share as written"), max_length=80, blank=True)
    plan_share_as_written = models.CharField(_("share of the plan as written"), max_length=80, blank=True)
    qualifier_as_written = models.CharField(_("qualifier as written"), max_length=80, blank=True)
    period_context_as_written = models.CharField(_("period's year as written"), max_length=80, blank=True)
    note_vi = models.TextField(_("curator's note (Vietnamese)"), blank=True)
    note_en = models.TextField(_("curator's note (English)"), blank=True)
    position = models.PositiveSmallIntegerField(_("order in the source"))

    objects = SlugQuerySet.as_manager()

    class Meta:
        ordering = ["conference", "source", "position"]
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        # What a million figures need (docs/performance.md): a page of the figures list reads one group of
        # (indicator, period end) or of period end (conferences.figure_counts.FigureCube.page), or one indicator's
        # figures by value; the year filter is a range of period ends; the home page and a group's page
        # read the latest group-scope figures; a search reads the first figures in ``search_order``
        # (period end, then key: with the key in the index, exactly those rows, unsorted).
        indexes = [
            # A page's rows are sorted within their group by the group, scope and province: with the session,
            # scope, province and key in the index, the group's rows are sorted from the index alone (the
            # filtered list's page 4.2 -> 1.0 ms of PostgreSQL at a million figures, page 20,000 of the
            # whole list 8 -> 3 ms: it read a row for each of the group's ~900 entries).
            models.Index(
                fields=["indicator", "period_end", "conference", "scope", "province", "id"],
                name="report_indicator_period_sort",
            ),
            models.Index(fields=["period_end", "id"], name="report_period_end"),
            # With the key and the session in the index, a group's latest group-scope figures are found
            # in the index alone (``region_figure_series``): without them each of the ~600 entries walked
            # to find a group's 51 was a read of its row (PostgreSQL 5.4 -> 1.1 ms at a million figures).
            models.Index(fields=["scope", "period_end", "id", "conference"], name="report_scope_latest"),
            # A group's page charts the shares its latest session stated (``latest_session_shares``): one
            # session holds thousands of figures but a few hundred such shares (PostgreSQL 12.6 -> 2.2 ms).
            models.Index(
                fields=["conference", "indicator", "period_end", "period_start", "is_stock"],
                condition=STATED_REGION_SHARE,
                name="report_region_shares",
            ),
            # A session's page lists its first figures by scope, source and position (``conference_detail``):
            # a session holds up to ten thousand figures, and reading each row to sort them cost most of the
            # page's database time; with this index they are sorted from the index alone (PostgreSQL 8.9 ->
            # 3.2 ms at a million figures). The scope comes last: second, it made SQLite read a group's
            # latest figures session by session instead of from ``report_scope_latest`` (25 -> 63 ms).
            models.Index(fields=["conference", "source", "position", "id", "scope"], name="report_session_order"),
            # A province's page lists its latest figures: without this, SQLite read all 44,000 of a province's
            # figures at a million to keep 41 (a page of 63 ms of CPU, 18 ms with it; PostgreSQL 26 -> 17 ms).
            models.Index(fields=["province", "period_end"], name="report_province_period"),
            # The value sorts, within one indicator (FigureOrderingFilter puts indicator and unit first).
            models.Index(fields=["indicator", "unit", "value", "-period_end"], name="report_value"),
            models.Index(fields=["indicator", "unit", "-value", "-period_end"], name="report_value_desc"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scope="province", province__isnull=False)
                | ~models.Q(scope="province") & models.Q(province__isnull=True),
                name="report_province_iff_province_scope",
            ),
            models.CheckConstraint(
                condition=models.Q(is_stock=True, period_start__isnull=True)
                | models.Q(is_stock=False, period_start__lte=models.F("period_end")),
                name="report_period_consistent",
            ),
            models.CheckConstraint(
                condition=models.Q(share_pct__isnull=True, share_of="")
                | models.Q(share_pct__isnull=False, share_pct__gte=0) & ~models.Q(share_of=""),
                name="report_share_has_base",
            ),
            models.CheckConstraint(
                condition=models.Q(plan_share_pct__isnull=True) | models.Q(plan_share_pct__gte=0),
                name="report_plan_share_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(threshold_pct__isnull=True, threshold_comparator="")
                | models.Q(threshold_pct__isnull=False) & ~models.Q(threshold_comparator=""),
                name="report_threshold_complete",
            ),
            models.CheckConstraint(
                condition=models.Q(qualifier__in=["actual", "estimate", "forecast", "lower_bound", "approximate"]),
                name="report_qualifier_known",
            ),
            models.CheckConstraint(
                condition=~models.Q(quote="") | ~models.Q(locator=""), name="report_quote_or_locator"
            ),
        ]

    def __str__(self):
        return f"{self.indicator} — {self.value_as_written} ({self.period_label})"

    def get_absolute_url(self):
        return reverse("conferences:figure_detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    def search_names(self):
        return [self.indicator.name_vi, self.indicator.name_en]

    def search_extra(self):
        region = self.conference.region
        return [
            self.indicator_as_written,
            self.province.name if self.province else "",
            region.name_vi,
            region.name_en,
            self.period_label,
            self.quote,
            # The 2025 unit the province became: "Bắc Ninh" finds Bắc Giang's figures.
            self.province.successor.name if self.province and self.province.successor else "",
        ]

    @property
    def note(self):
        return translated(self, "note")


# The order a session's figures read in, by scope: the whole country, then the group, then its provinces
# (any other scope with them). One definition for the database (``SCOPE_ORDER``, annotated as
# ``scope_order`` by the selectors and the figures list) and for Python (``scope_rank``: ``FigureCount``'s
# copy of that column).
SCOPE_RANKS = {IndicatorReport.Scope.COUNTRY: 0, IndicatorReport.Scope.REGION: 1}
OTHER_SCOPES_RANK = 2
SCOPE_ORDER = models.Case(
    *(models.When(scope=scope, then=models.Value(rank)) for scope, rank in SCOPE_RANKS.items()),
    default=models.Value(OTHER_SCOPES_RANK),
    output_field=models.IntegerField(),
)


def scope_rank(scope: str) -> int:
    """A scope's place in ``SCOPE_ORDER``."""
    return SCOPE_RANKS.get(scope, OTHER_SCOPES_RANK)
