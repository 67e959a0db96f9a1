"""What the API and the downloads say about the conference groups, their members and the provinces."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializer_base import (
    IN_LANGUAGE,
    LABEL_LIST,
    SLUG_LIST,
    PortalSerializer,
    identity,
    label_of,
    objects_in_order,
    slug_of,
    slugs_in_order,
)
from conferences.models import MembershipStatement
from regions.models import Province, Region, RegionMembership


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
