"""What the API and the downloads say about the figures and the indicators they measure.

``FigureSerializer.Meta.fields`` is the one definition of the figure columns: the figures' download
derives the paths it reads from it (``api.row_plans.stored_fields``).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializer_base import DECIMAL_HELP, IN_LANGUAGE, PortalSerializer, identity, label_of, page_url, slug_of
from conferences.figure_periods import period_kind
from conferences.models import Indicator, IndicatorReport


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
