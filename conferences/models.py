"""Conferences, the pages that report them, and the figures they reported.

Every stored fact points back to one ``Source``: to the verbatim sentence it came from (``quote``) when
the source's text is kept (the five captured articles), or, for a page whose text we do not keep (a
record), to where on the page it stands (``locator``) with the words printed for it (``*_as_written``).
Nothing is filled in that no source states: an unknown date, session number or host stays NULL.
"""

from django.db import connections, models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from listings.search import SearchableModel
from portal.loaded_data import Load
from portal.translated import translated
from regions.models import Province, Region, RegionMembership
from vietnamese.folding import slugify_vi
from vietnamese.roman import to_roman


class SlugQuerySet(models.QuerySet):
    """Fixtures refer to rows by slug so that they read well in a diff."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Source(SearchableModel):
    """A public page a conference's facts were taken from.

    Either its text is kept (a captured article: ``file_name``, ``text_sha256``, and short verbatim
    quotes are published), or it is not (a record: only facts, the numbers and short terms as printed,
    and where on the page each stands). The page text itself is never published.
    """

    slug = models.SlugField(_("identifier"), unique=True)
    text_kept = models.BooleanField(
        _("text kept"), default=True, help_text=_("Whether the page's text is kept (and quoted) or only its facts.")
    )
    file_name = models.CharField(_("captured text"), max_length=100, blank=True)
    text_sha256 = models.CharField(_("SHA-256 of the captured text"), max_length=64, blank=True)
    url = models.URLField(_("page address"), max_length=500, blank=True)
    accessed_on = models.DateField(_("accessed on"), null=True, blank=True)
    publication = models.CharField(_("publication"), max_length=200, blank=True)
    publication_note = models.TextField(_("about the publication"), blank=True)
    title = models.CharField(_("title as printed"), max_length=300, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    published_as_written = models.CharField(_("publication date as written"), max_length=100, blank=True)
    reproduction_notice = models.TextField(
        _("reproduction notice"),
        blank=True,
        help_text=_("The publisher's notice, verbatim, where it restricts reproduction."),
    )

    objects = SlugQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.UniqueConstraint(fields=["file_name"], condition=~models.Q(file_name=""), name="source_file_unique"),
            models.CheckConstraint(
                condition=models.Q(text_kept=True) & ~models.Q(file_name="") & ~models.Q(text_sha256="")
                | models.Q(text_kept=False, file_name="", text_sha256=""),
                name="source_text_kept_has_file",
            ),
        ]

    def __str__(self):
        return self.title or self.publication or self.slug

    def natural_key(self):
        return (self.slug,)

    def search_names(self):
        return [self.publication, self.title]

    def search_extra(self):
        return [self.author]


class ConferenceQuerySet(SlugQuerySet):
    def for_listing(self):
        return self.select_related("region", "host__successor", "next_host").order_by(
            "region__position", "-year", "-session_number"
        )


class Conference(SearchableModel):
    """One session of a conference group, held or announced."""

    search_related = ("region", "host__successor", "next_host__successor")

    class Status(models.TextChoices):
        HELD = "held", _("held")
        ANNOUNCED = "announced", _("announced")

    class HostBasis(models.TextChoices):
        STATED = "stated", _("stated as host or co-organiser")
        VENUE = "venue", _("where the session was held")

    slug = models.SlugField(_("identifier"), unique=True)
    region = models.ForeignKey(
        Region, verbose_name=_("conference group"), on_delete=models.PROTECT, related_name="conferences"
    )
    session_number = models.PositiveSmallIntegerField(
        _("session number"), null=True, blank=True, help_text=_("Unknown when no source states it.")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    date = models.DateField(_("date"), null=True, blank=True)
    date_as_written = models.CharField(_("date as written"), max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    host = models.ForeignKey(
        Province,
        verbose_name=_("host province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_conferences",
    )
    host_basis = models.CharField(_("basis for the host"), max_length=10, choices=HostBasis.choices, blank=True)
    venue = models.CharField(_("venue as written"), max_length=200, blank=True)
    organisers = models.TextField(_("organisers as written"), blank=True)
    chairs = models.TextField(_("chairs as written"), blank=True)
    theme = models.TextField(_("theme as written"), blank=True)
    next_host = models.ForeignKey(
        Province,
        verbose_name=_("next host named at the flag handover"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="designated_conferences",
    )
    sources = models.ManyToManyField(Source, through="ConferenceMention", related_name="conferences")

    objects = ConferenceQuerySet.as_manager()

    class Meta:
        ordering = ["region__position", "year", "session_number"]
        verbose_name = _("conference")
        verbose_name_plural = _("conferences")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "session_number"],
                condition=models.Q(session_number__isnull=False),
                name="conference_session_unique_per_region",
            ),
            models.CheckConstraint(
                condition=models.Q(session_number__isnull=True) | models.Q(session_number__gte=1),
                name="conference_session_positive",
            ),
            models.CheckConstraint(
                condition=models.Q(host__isnull=True, host_basis="")
                | models.Q(host__isnull=False) & ~models.Q(host_basis=""),
                name="conference_host_has_basis",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("conferences:detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    def search_names(self):
        """A session is found first by where it met: "Thanh Hóa" ranks the sessions it hosted."""
        return [self.host.name if self.host else "", self.venue]

    def search_extra(self):
        return [
            self.region.name_vi,
            self.region.name_en,
            f"lần thứ {self.session_roman}" if self.session_number else "",
            str(self.year),
            self.next_host.name if self.next_host else "",
            self.organisers,
            self.chairs,
            self.theme,
            # The 2025 units the host and next host became: "An Giang" finds Kiên Giang's 2024 session.
            self.host.successor.name if self.host and self.host.successor else "",
            self.next_host.successor.name if self.next_host and self.next_host.successor else "",
        ]

    def is_overdue(self, today: date) -> bool:
        """Announced, and its day (or, without one, its year) is past with no report of it on record.

        Such a session is no longer "next": the sources simply have not reported it (yet).
        """
        if self.status != self.Status.ANNOUNCED:
            return False
        return self.date < today if self.date else self.year < today.year

    @property
    def overdue_today(self) -> bool:
        """``is_overdue`` as of today, for templates; a view that shows it is ``@changes_daily``."""
        return self.is_overdue(timezone.localdate())

    @property
    def host_merged_into(self):
        """The 2025 unit a designated host has become part of, when it has another name; else None."""
        successor = self.host.successor if self.host else None
        return successor if successor and successor.name != self.host.name else None

    @property
    def session_roman(self):
        """The session as the sources write it (X, XI…); empty when unknown."""
        return to_roman(self.session_number) if self.session_number else ""

    @property
    def title(self):
        return session_title(self.region.name, self.session_number, self.year)


def session_key(conference: Conference) -> tuple[int, int]:
    """The order the portal reads a group's sessions in: by year, then number, an unnumbered session
    first in its year. The neighbouring sessions, a group's latest and next, its timeline and rotation."""
    return (conference.year, conference.session_number or 0)


def session_title(group: str, session_number: int | None, year: int) -> str:
    """How the pages name a session, in the active language: "Hội nghị ngành Công Thương <group> lần thứ
    IX (2023)", "<group>, session IX (2023)"; without a known number, the group and the year.

    ``group`` is the group's name in that language (``Region.name``). ``Conference.title``, and the
    figures download, which reads the parts in its one query (``api.figure_plan``).
    """
    if session_number:
        return _("%(group)s, session %(session)s (%(year)s)") % {
            "group": group,
            "session": to_roman(session_number),
            "year": year,
        }
    return _("%(group)s (%(year)s)") % {"group": group, "year": year}


class ConferenceMention(models.Model):
    """What one source states about a conference: its report of the session, or a passing mention.

    A kept text's mention is a verbatim ``quote``; a record's is a ``locator`` (where on the page). Each
    carries the session's facts as that source states them, so that two sources that disagree both stay.
    """

    class Kind(models.TextChoices):
        REPORT = "report", _("reports the session")
        MENTION = "mention", _("mentions a past session")
        ANNOUNCEMENT = "announcement", _("announces the next session")

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="mentions")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="mentions")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    quote = models.TextField(_("verbatim quote"), blank=True)
    quote_line = models.PositiveIntegerField(_("line in the captured text"), null=True, blank=True)
    locator = models.CharField(_("where on the page"), max_length=200, blank=True)
    session_number = models.PositiveSmallIntegerField(_("session number as stated"), null=True, blank=True)
    session_as_written = models.CharField(_("session as written"), max_length=60, blank=True)
    date = models.DateField(_("date as stated"), null=True, blank=True)
    date_as_written = models.CharField(_("date as written"), max_length=100, blank=True)
    host = models.ForeignKey(
        Province, verbose_name=_("host as stated"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    host_as_written = models.CharField(_("host as written"), max_length=100, blank=True)
    venue = models.CharField(_("venue as written"), max_length=200, blank=True)
    chairs = models.TextField(_("chairs as written"), blank=True)
    next_host = models.ForeignKey(
        Province,
        verbose_name=_("next host as stated"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    next_host_as_written = models.CharField(_("next host as written"), max_length=100, blank=True)

    class Meta:
        ordering = ["conference", "source", "quote_line"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "source", "quote"], name="mention_unique"),
            models.CheckConstraint(
                condition=~models.Q(quote="") | ~models.Q(locator=""), name="mention_quote_or_locator"
            ),
        ]

    def __str__(self):
        return f"{self.source} → {self.conference}"


class MembershipStatement(models.Model):
    """A source that states a province's membership of a group, and where it does.

    A membership whose basis is "stated" has at least one (``build_fixtures`` checks it); an inferred
    one has none. It lives here, beside the sources' other statements, so that the models of ``regions``
    need none of ``conferences``.
    """

    membership = models.ForeignKey(
        RegionMembership, verbose_name=_("group membership"), on_delete=models.CASCADE, related_name="statements"
    )
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="membership_statements"
    )
    locator = models.CharField(_("where in the source"), max_length=200)

    class Meta:
        ordering = ["membership", "source"]
        verbose_name = _("membership statement")
        verbose_name_plural = _("membership statements")
        constraints = [
            models.UniqueConstraint(fields=["membership", "source"], name="membership_statement_unique"),
        ]

    def __str__(self):
        return f"{self.source} → {self.membership}"


class ConferenceOfficial(SearchableModel):
    """A person the source names at a session, with the title the source gives them there."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("chair")
        SPEAKER = "speaker", _("speaker")
        DELEGATE = "delegate", _("delegate")

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="officials")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="officials")
    name = models.CharField(_("name"), max_length=100)
    title = models.CharField(_("title as stated"), max_length=300)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    quote = models.TextField(_("verbatim quote"))
    quote_line = models.PositiveIntegerField(_("line in the captured text"))
    position = models.PositiveSmallIntegerField(_("order in the source"))

    class Meta:
        ordering = ["conference", "position"]
        constraints = [
            models.UniqueConstraint(fields=["conference", "name", "role"], name="official_unique"),
        ]

    def __str__(self):
        return f"{self.name} ({self.title})"

    def search_names(self):
        return [self.name]

    def search_extra(self):
        return [self.title]

    @property
    def person_slug(self) -> str:
        """The slug of this person's page (``conferences.people``: the folded name)."""
        return slugify_vi(self.name)


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


class IndicatorReport(SearchableModel):
    """One figure as a source reports it, with everything needed to read and cite it correctly."""

    search_related = ("indicator", "province__successor", "conference__region")

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
        # read the latest group-scope figures.
        indexes = [
            models.Index(fields=["indicator", "period_end"], name="report_indicator_period"),
            models.Index(fields=["period_end"], name="report_period_end"),
            models.Index(fields=["scope", "period_end"], name="report_scope_period"),
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
    ``conferences.figure_counts.rebuild_figure_counts``, in the same transaction, so it is always exact. Each row
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
        indexes = [models.Index(fields=["dims", "indicator", "region"], name="figurecount_dims")]

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
