"""The public lists: for each, its rows, its FilterSet and its serializer.

The API, the JSON export and the CSV export all read these, so a list's filters, order and fields
are defined once. Each queryset fetches every relation its serializer reads in a fixed number of
queries (``select_related``, plus ``prefetch_related``, which ``iterator(chunk_size=…)`` repeats once
per chunk), and starts from the page's selector so that the page's sort keys (annotations included)
work the same.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django_filters import FilterSet
from rest_framework.serializers import Serializer

from api.conference_serializers import ConferenceSerializer, SourceSerializer
from api.figure_serializers import FigureSerializer, IndicatorSerializer
from api.filtersets import IndicatorFilter, RegionFilter
from api.region_serializers import ProvinceSerializer, RegionSerializer
from conferences.figure_filters import IndicatorReportFilter
from conferences.figure_selectors import figure_list, source_rows
from conferences.filters import ConferenceFilter, SourceFilter
from conferences.models import Indicator, MembershipStatement
from conferences.province_selectors import province_list
from conferences.selectors import conference_list
from regions.filters import ProvinceFilter
from regions.models import Province, Region, RegionMembership


def conference_rows() -> QuerySet:
    """The conferences page's rows (group, host, next host; mentions with their sources)."""
    return conference_list()


def figure_rows() -> QuerySet:
    """The figures page's rows: indicator, conference and its group, province and source in one query."""
    return figure_list()


def province_rows() -> QuerySet:
    """The provinces page's rows, with the units each 2025 unit was formed from (their slugs and names)."""
    return province_list().prefetch_related(
        Prefetch(
            "predecessors", queryset=Province.objects.order_by("name_folded", "slug").only("slug", "name", "successor")
        )
    )


def region_rows() -> QuerySet:
    return Region.objects.order_by("position", "slug").prefetch_related(
        Prefetch(
            "memberships",
            queryset=RegionMembership.objects.select_related("province")
            .prefetch_related(
                Prefetch("statements", queryset=MembershipStatement.objects.select_related("source").order_by("pk"))
            )
            .order_by("province__name_folded", "pk"),
        )
    )


def indicator_rows() -> QuerySet:
    return Indicator.objects.order_by("position")


@dataclass(frozen=True)
class PublicList:
    name: str  # the file name: figures.csv, figures.json
    rows: Callable[[], QuerySet]
    filterset_class: type[FilterSet]
    serializer_class: type[Serializer]


CONFERENCES = PublicList("conferences", conference_rows, ConferenceFilter, ConferenceSerializer)
FIGURES = PublicList("figures", figure_rows, IndicatorReportFilter, FigureSerializer)
PROVINCES = PublicList("provinces", province_rows, ProvinceFilter, ProvinceSerializer)
REGIONS = PublicList("regions", region_rows, RegionFilter, RegionSerializer)
SOURCES = PublicList("sources", source_rows, SourceFilter, SourceSerializer)
INDICATORS = PublicList("indicators", indicator_rows, IndicatorFilter, IndicatorSerializer)
