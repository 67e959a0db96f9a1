"""What every serializer of the API is built from, so that all of them write an object the same way.

The serializers (``api.region_serializers``, ``api.conference_serializers``, ``api.figure_serializers``)
are what the API, the JSON export and the CSV export say about each object: one definition for all
three. Related objects are named by their slug (an indicator by its code), never by a database id, and
beside each slug stands its label: a name (``region_name``, ``province_name``, ``indicator_name``…), a
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


SLUG_PLACEHOLDER = "slug-placeholder"


def links_around_slug(request, api_view: str, page_view: str) -> list[tuple[str, str]]:
    """An object's two addresses, ``url`` (``api_view``) and ``html_url`` (``page_view``), each as the text
    before and after its slug: the row plans write them for each object around its slug rather than
    reversing two addresses per object."""
    urls = (
        request.build_absolute_uri(reverse(api_view, kwargs={"slug": SLUG_PLACEHOLDER})),
        page_url(request, reverse_page(page_view, SLUG_PLACEHOLDER)),
    )
    return [tuple(url.split(SLUG_PLACEHOLDER)) for url in urls]


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
