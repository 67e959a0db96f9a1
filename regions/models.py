"""Conference groups and the provinces that form them, on both administrative maps.

Vietnam had 63 provinces and centrally-run cities until mid-2025, when Resolution 202/2025/QH15
reorganised them into 34 units. Both maps are stored: a 2025 unit can share its name with one of its
predecessors while having different borders, so the two are different rows.
"""

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from listings.search import SearchableModel
from portal.translated import translated


class Basis(models.TextChoices):
    """Whether a fact is written in a source, or inferred from reference data."""

    STATED = "stated", _("stated by a source")
    INFERRED = "inferred", _("inferred")


def group_label(name: str) -> str:
    """A group's name (``Region.name``, lower case as it reads inside a sentence) read on its own."""
    return capfirst(name)


class RegionQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Region(SearchableModel):
    """A conference group of the Ministry of Industry and Trade, e.g. the 28 northern provinces."""

    slug = models.SlugField(_("identifier"), unique=True)
    name_vi = models.CharField(
        _("name (Vietnamese)"),
        max_length=200,
        help_text=_("As written inside a conference's name, so lower case unless it starts with a number."),
    )
    name_en = models.CharField(_("name (English)"), max_length=200)
    declared_size = models.PositiveSmallIntegerField(
        _("declared number of members"),
        help_text=_("How many provinces and cities the group says it has (28, 20, 6)."),
    )
    declared_size_note_vi = models.TextField(_("basis of the declared size (Vietnamese)"), blank=True)
    declared_size_note_en = models.TextField(_("basis of the declared size (English)"), blank=True)
    position = models.PositiveSmallIntegerField(_("display order"), default=0)

    objects = RegionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("conference group")
        verbose_name_plural = _("conference groups")

    def __str__(self):
        return self.label

    def natural_key(self):
        return (self.slug,)

    def search_names(self):
        return [self.name_vi, self.name_en]

    @property
    def label(self):
        """The name read on its own, as a heading or a download's ``region_name``: "Các tỉnh, … phía Nam"."""
        return group_label(self.name)

    @property
    def declared_size_note(self):
        return translated(self, "declared_size_note")

    @property
    def name(self):
        """The name as it reads inside a sentence ("Hội nghị … các tỉnh, thành phố khu vực phía Nam")."""
        return translated(self, "name")


class ProvinceQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def before_2025(self):
        return self.filter(administrative_map=Province.Map.BEFORE_2025)

    def from_2025(self):
        return self.filter(administrative_map=Province.Map.FROM_2025)


class Province(SearchableModel):
    """A province or centrally-run city, on the map before 2025 or on the 2025 map."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("province")
        CITY = "city", _("centrally-run city")

    class Map(models.TextChoices):
        BEFORE_2025 = "before-2025", _("63 units before 2025")
        FROM_2025 = "2025", _("34 units from 2025")

    class GeographicRegion(models.TextChoices):
        NORTHERN_MIDLANDS = "northern-midlands-and-mountains", _("Northern Midlands and Mountains")
        RED_RIVER_DELTA = "red-river-delta", _("Red River Delta")
        NORTH_CENTRAL_COAST = "north-central-coast", _("North Central Coast")
        SOUTH_CENTRAL_COAST = "south-central-coast", _("South Central Coast")
        CENTRAL_HIGHLANDS = "central-highlands", _("Central Highlands")
        SOUTHEAST = "southeast", _("Southeast")
        MEKONG_DELTA = "mekong-river-delta", _("Mekong River Delta")

    slug = models.SlugField(_("identifier"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_folded = models.CharField(
        _("name without diacritics"),
        max_length=100,
        help_text=_("Lower case, tone marks removed, đ as d: used for sorting and matching."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    administrative_map = models.CharField(_("administrative map"), max_length=12, choices=Map.choices)
    geographic_region = models.CharField(
        _("geographic region"), max_length=40, choices=GeographicRegion.choices, blank=True
    )
    valid_from = models.DateField(_("in existence from"), null=True, blank=True)
    valid_until = models.DateField(_("in existence until"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("became in 2025"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
    )

    objects = ProvinceQuerySet.as_manager()

    class Meta:
        ordering = ["administrative_map", "name_folded", "slug"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        constraints = [
            models.UniqueConstraint(fields=["name", "administrative_map"], name="province_name_unique_per_map"),
            models.CheckConstraint(
                condition=models.Q(valid_from__isnull=True)
                | models.Q(valid_until__isnull=True)
                | models.Q(valid_from__lte=models.F("valid_until")),
                name="province_validity_ordered",
            ),
        ]

    def __str__(self):
        """The name, with "(2025)" for a unit of the 2025 map: names repeat across the two maps."""
        return f"{self.name} (2025)" if self.administrative_map == self.Map.FROM_2025 else self.name

    def natural_key(self):
        return (self.slug,)

    def search_names(self):
        return [self.name]


class RegionMembershipQuerySet(models.QuerySet):
    def get_by_natural_key(self, region_slug, province_slug):
        return self.get(region__slug=region_slug, province__slug=province_slug)

    def before_2025(self):
        """The memberships the groups were declared with: of units on the map before 2025."""
        return self.filter(province__administrative_map=Province.Map.BEFORE_2025)


class RegionMembership(models.Model):
    """A province's membership of a conference group, with its basis and the dates it holds for."""

    region = models.ForeignKey(
        Region, verbose_name=_("conference group"), on_delete=models.CASCADE, related_name="memberships"
    )
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="memberships"
    )
    basis = models.CharField(_("basis"), max_length=10, choices=Basis.choices)
    note_vi = models.TextField(_("basis note (Vietnamese)"), blank=True)
    note_en = models.TextField(_("basis note (English)"), blank=True)
    valid_from = models.DateField(_("member from"), null=True, blank=True)
    valid_until = models.DateField(_("member until"), null=True, blank=True)

    objects = RegionMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["region", "province"]
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")
        constraints = [
            models.UniqueConstraint(fields=["region", "province"], name="membership_unique"),
        ]

    def __str__(self):
        return f"{self.province} ∈ {self.region}"

    def natural_key(self):
        return (self.region.slug, self.province.slug)

    @property
    def note(self):
        return translated(self, "note")

    @property
    def on_2025_map(self) -> bool:
        return self.province.administrative_map == Province.Map.FROM_2025

    natural_key.dependencies = ["regions.region", "regions.province"]
