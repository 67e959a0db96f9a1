"""What the API and the downloads say about the sessions and the articles that report them."""

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
from conferences.models import Conference, Source


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
