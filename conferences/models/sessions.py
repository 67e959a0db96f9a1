"""The sessions of the conference groups, how the portal orders and names them, and what each source
states about a session: its report or mention (``ConferenceMention``) and the people it names there
(``ConferenceOfficial``).
"""

import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from conferences.models.sources import SlugQuerySet, Source
from listings.search import SearchableModel
from regions.models import Province, Region
from vietnamese.folding import slugify_vi
from vietnamese.roman import to_roman


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

    def is_overdue(self, today: datetime.date) -> bool:
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
