"""What the API, the JSON export and the CSV export say about each object: one definition for all three.

Related objects are named by their slug (an indicator by its code), never by a database id, and beside
each slug stands its label: a name (``region_name``, ``province_name``, ``indicator_name``…), a
session's title (``conference_label``), a source's title, publication and address. Labels are in the
active language: the address's for a download (``/en/figures.csv`` in English), English in the API.
Names of provinces and titles of sources are the same in both. Every object carries ``url`` (itself in
the API) and ``html_url`` (its page). Decimals are strings written exactly as stored, without float
rounding or padding zeros ("120700000000", "18.3").
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from conferences.figure_periods import period_kind
from conferences.models import Conference, Indicator, IndicatorReport, MembershipStatement, Source
from regions.models import Province, Region, RegionMembership

DECIMAL_HELP = (
    "A decimal number as a string, exactly as stored: no float rounding, no exponent, no padding zeros "
    '(for example "120700000000" or "18.3").'
)


class ExactDecimalField(serializers.DecimalField):
    """A stored decimal as a string in plain notation: ``Decimal("120700000000.0000")`` → "120700000000"."""

    def to_representation(self, value):
        return format(value.normalize(), "f")


def page_url(request, path: str) -> str:
    """The absolute address of a page; pages are reversed in the default language (no /en/ prefix)."""
    return request.build_absolute_uri(path)


def reverse_page(view_name: str, slug: str) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return reverse(view_name, kwargs={"slug": slug})


def objects_in_order(objects) -> list:
    """Each related object once (by slug), in the order first seen."""
    first = {}
    for obj in objects:
        first.setdefault(obj.slug, obj)
    return list(first.values())


def slugs_in_order(objects) -> list[str]:
    """The slugs of ``objects_in_order``: a list of labels built from those objects lines up with them."""
    return [obj.slug for obj in objects_in_order(objects)]


SLUG_LIST = serializers.ListField(child=serializers.SlugField())
LABEL_LIST = serializers.ListField(child=serializers.CharField())

IN_LANGUAGE = "in the language of the download's address (English in the API)"


def label_of(source: str, help_text: str, *, nullable: bool = False) -> serializers.CharField:
    """A related object's label, read through ``source`` ("province.name"); null when the object is."""
    return serializers.CharField(source=source, read_only=True, allow_null=nullable, help_text=help_text)


class PortalSerializer(serializers.ModelSerializer):
    """A read-only object with its page (``html_url``); decimals written exactly."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.DecimalField: ExactDecimalField,
    }
    page_view_name = ""

    html_url = serializers.SerializerMethodField(help_text="The object's page on the portal.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, obj) -> str:
        return page_url(self.context["request"], reverse_page(self.page_view_name, obj.slug))

    def include_extra_kwargs(self, kwargs, extra_kwargs):
        """Read-only fields lose ``allow_blank``; a choice left blank ("" share_of) must stay valid."""
        blank_choice = bool(kwargs.get("allow_blank") and kwargs.get("choices"))
        kwargs = super().include_extra_kwargs(kwargs, extra_kwargs)
        if blank_choice:
            kwargs["allow_blank"] = True
        return kwargs

    def build_standard_field(self, field_name, model_field):
        field_class, field_kwargs = super().build_standard_field(field_name, model_field)
        if issubclass(field_class, ExactDecimalField) and "help_text" not in field_kwargs:
            field_kwargs["help_text"] = DECIMAL_HELP
        return field_class, field_kwargs


class ApiLink(serializers.HyperlinkedIdentityField):
    """The object's API address, without the request's ``?format=`` (a CSV row links to the JSON object)."""

    def get_url(self, obj, view_name, request, format):
        path = reverse(view_name, kwargs={self.lookup_url_kwarg: getattr(obj, self.lookup_field)})
        return request.build_absolute_uri(path)


def identity(view_name: str, lookup_field: str = "slug") -> ApiLink:
    return ApiLink(view_name=f"api:{view_name}-detail", lookup_field=lookup_field, help_text="This object in the API.")


def slug_of(source: str | None = None, *, slug_field: str = "slug", nullable: bool = False, help_text: str = ""):
    kwargs = {"source": source} if source else {}
    return serializers.SlugRelatedField(
        slug_field=slug_field, read_only=True, allow_null=nullable, help_text=help_text, **kwargs
    )


class MembershipStatementSerializer(serializers.ModelSerializer):
    """A source that states a membership, and where in it."""

    source = slug_of(help_text="The source that states the membership (slug).")

    class Meta:
        model = MembershipStatement
        fields = ["source", "locator"]
        read_only_fields = fields


class MembershipSerializer(serializers.ModelSerializer):
    """A province listed in a group: ``stated`` by the sources listed, or ``inferred``, with the
    reference note. A unit of the 2025 map is a member from ``valid_from`` (1 July 2025)."""

    province = slug_of(help_text="The member province or city (slug).")
    province_name = label_of("province.name", "Its name.")
    stated_by = MembershipStatementSerializer(
        source="statements", many=True, read_only=True, help_text="The sources that state it, and where in each."
    )

    class Meta:
        model = RegionMembership
        fields = ["province", "province_name", "basis", "stated_by", "valid_from", "valid_until", "note_vi", "note_en"]
        read_only_fields = fields


class RegionSerializer(PortalSerializer):
    """A conference group: its names, its declared size and the members listed, each with its basis."""

    page_view_name = "regions:region_detail"
    url = identity("region")
    members = MembershipSerializer(
        source="memberships", many=True, read_only=True, help_text="The listed members and the basis of each."
    )

    class Meta:
        model = Region
        fields = [
            "slug",
            "name_vi",
            "name_en",
            "declared_size",
            "declared_size_note_vi",
            "declared_size_note_en",
            "members",
            "url",
            "html_url",
        ]
        read_only_fields = fields


class ProvinceSerializer(PortalSerializer):
    """A province or centrally-run city on one administrative map (before 2025, or from 2025)."""

    page_view_name = "regions:province_detail"
    url = identity("province")
    successor = slug_of(nullable=True, help_text="The 2025 unit a pre-2025 unit became part of (slug).")
    successor_name = label_of("successor.name", "The name of that 2025 unit.", nullable=True)
    predecessors = serializers.SerializerMethodField(help_text="For a 2025 unit, the units it was formed from.")
    predecessor_names = serializers.SerializerMethodField(help_text="Their names, in the same order.")
    regions = serializers.SerializerMethodField(help_text="The conference groups it is listed in (slugs).")
    region_names = serializers.SerializerMethodField(help_text=f"Their names, in the same order, {IN_LANGUAGE}.")
    sessions_hosted = serializers.IntegerField(read_only=True, help_text="Held sessions it hosted.")

    class Meta:
        model = Province
        fields = [
            "slug",
            "name",
            "kind",
            "administrative_map",
            "geographic_region",
            "valid_from",
            "valid_until",
            "successor",
            "successor_name",
            "predecessors",
            "predecessor_names",
            "regions",
            "region_names",
            "sessions_hosted",
            "url",
            "html_url",
        ]
        read_only_fields = fields

    @extend_schema_field(SLUG_LIST)
    def get_predecessors(self, obj) -> list[str]:
        return slugs_in_order(obj.predecessors.all())

    @extend_schema_field(LABEL_LIST)
    def get_predecessor_names(self, obj) -> list[str]:
        return [unit.name for unit in objects_in_order(obj.predecessors.all())]

    @extend_schema_field(SLUG_LIST)
    def get_regions(self, obj) -> list[str]:
        return slugs_in_order(membership.region for membership in obj.memberships.all())

    @extend_schema_field(LABEL_LIST)
    def get_region_names(self, obj) -> list[str]:
        return [region.label for region in objects_in_order(membership.region for membership in obj.memberships.all())]


class IndicatorSerializer(serializers.ModelSerializer):
    """An entry of the controlled vocabulary of indicators, with its base unit."""

    url = identity("indicator", lookup_field="code")
    html_url = serializers.SerializerMethodField(help_text="The figures list filtered to this indicator.")

    class Meta:
        model = Indicator
        fields = ["code", "name_vi", "name_en", "unit", "description_vi", "description_en", "url", "html_url"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, obj) -> str:
        with translation.override(settings.LANGUAGE_CODE):
            path = reverse("conferences:figure_list")
        return page_url(self.context["request"], f"{path}?indicator={obj.code}")


class SourceSerializer(PortalSerializer):
    """A page's metadata, and for a kept text its fingerprint; the page's text is never published."""

    page_view_name = "conferences:source_detail"
    url = identity("source")
    page_url = serializers.CharField(source="url", read_only=True, help_text="The page's address; empty when unknown.")
    conferences = serializers.SerializerMethodField(help_text="The sessions the article names (slugs).")
    conference_labels = serializers.SerializerMethodField(
        help_text=f"Those sessions as the pages name them, in the same order, {IN_LANGUAGE}."
    )
    figure_count = serializers.IntegerField(read_only=True, help_text="Figures taken from the article.")

    class Meta:
        model = Source
        fields = [
            "slug",
            "publication",
            "publication_note",
            "title",
            "author",
            "published_on",
            "published_as_written",
            "page_url",
            "accessed_on",
            "reproduction_notice",
            "text_kept",
            "file_name",
            "text_sha256",
            "conferences",
            "conference_labels",
            "figure_count",
            "url",
            "html_url",
        ]
        read_only_fields = fields

    @extend_schema_field(SLUG_LIST)
    def get_conferences(self, obj) -> list[str]:
        return slugs_in_order(mention.conference for mention in obj.mentions.all())

    @extend_schema_field(LABEL_LIST)
    def get_conference_labels(self, obj) -> list[str]:
        return [
            conference.title for conference in objects_in_order(mention.conference for mention in obj.mentions.all())
        ]


class ConferenceSerializer(PortalSerializer):
    """A session of a conference group, held or announced; what no source states is null or empty."""

    page_view_name = "conferences:detail"
    url = identity("conference")
    region = slug_of(help_text="The conference group (slug).")
    region_name = label_of("region.label", f"Its name, {IN_LANGUAGE}.")
    session_roman = serializers.CharField(
        read_only=True, help_text="The session number as the sources write it (X, XI); empty when unknown."
    )
    host_province = slug_of("host", nullable=True, help_text="The host province (slug); null when not stated.")
    host_province_name = label_of("host.name", "Its name; null when not stated.", nullable=True)
    next_host = slug_of(nullable=True, help_text="The next host named at the flag handover (slug).")
    next_host_name = label_of("next_host.name", "Its name; null when not stated.", nullable=True)
    sources = serializers.SerializerMethodField(help_text="The articles that report or mention it (slugs).")

    class Meta:
        model = Conference
        fields = [
            "slug",
            "region",
            "region_name",
            "session_number",
            "session_roman",
            "year",
            "date",
            "date_as_written",
            "host_province",
            "host_province_name",
            "host_basis",
            "venue",
            "organisers",
            "chairs",
            "theme",
            "status",
            "next_host",
            "next_host_name",
            "sources",
            "url",
            "html_url",
        ]
        read_only_fields = fields

    @extend_schema_field(SLUG_LIST)
    def get_sources(self, obj) -> list[str]:
        return sorted(slugs_in_order(mention.source for mention in obj.mentions.all()))


class FigureSerializer(PortalSerializer):
    """One figure, with everything needed to read and cite it: unit, period, qualifier, quote, source."""

    page_view_name = "conferences:figure_detail"
    url = identity("figure")
    conference = slug_of(help_text="The session that reported it (slug).")
    conference_label = label_of(
        "conference.title", f'That session as the pages name it ("…, session IX (2023)"), {IN_LANGUAGE}.'
    )
    region = slug_of("conference.region", help_text="The conference group of that session (slug).")
    region_name = label_of("conference.region.label", f"Its name, {IN_LANGUAGE}.")
    province = slug_of(nullable=True, help_text="The province (slug) when the scope is province, otherwise null.")
    province_name = label_of("province.name", "Its name; null when the scope is not a province.", nullable=True)
    indicator = slug_of(slug_field="code", help_text="The indicator's code.")
    indicator_name = label_of("indicator.name", f"Its name, {IN_LANGUAGE}.")
    period_kind = serializers.SerializerMethodField(
        help_text="The kind of period, as the `period` filter takes it (first-6-months, quarter-1, stock…)."
    )
    source = slug_of(help_text="The article it was taken from (slug).")
    source_title = label_of("source.title", "Its title as printed; empty when it has none.")
    source_publication = label_of("source.publication", "Its publication; empty when not named.")
    source_url = label_of("source.url", "The page's address; empty when unknown.")

    class Meta:
        model = IndicatorReport
        fields = [
            "slug",
            "conference",
            "conference_label",
            "region",
            "region_name",
            "province",
            "province_name",
            "scope",
            "indicator",
            "indicator_name",
            "indicator_as_written",
            "period_start",
            "period_end",
            "is_stock",
            "period_label",
            "period_kind",
            "value",
            "unit",
            "unit_as_written",
            "value_as_written",
            "denominator",
            "threshold_comparator",
            "threshold_pct",
            "growth_pct",
            "share_pct",
            "share_of",
            "plan_share_pct",
            "qualifier",
            "quote",
            "quote_line",
            "period_quote",
            "locator",
            "growth_as_written",
            "share_as_written",
            "plan_share_as_written",
            "qualifier_as_written",
            "period_context_as_written",
            "note_vi",
            "note_en",
            "source",
            "source_title",
            "source_publication",
            "source_url",
            "url",
            "html_url",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "value": {
                "help_text": "The value in the base unit (`unit`: VND, USD, ha, km2, m3, tonne, kWh, person, count, "
                'percent); negative for a decline (`value_as_written` "giảm 3,7%") or a trade deficit '
                '("nhập siêu …"). ' + DECIMAL_HELP
            },
            "plan_share_pct": {
                "help_text": 'The share of the annual plan the figure reached, in percent ("đạt 74% kế hoạch năm"); '
                "null when not stated. A share of a plan, never of another figure. " + DECIMAL_HELP
            },
        }

    def get_period_kind(self, obj) -> str:
        return period_kind(obj.period_start, obj.period_end, obj.is_stock).code
