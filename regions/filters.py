"""The provinces list's filters, each naming its field and lookup explicitly (django-filter)."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from conferences.filters import FastSelect
from conferences.sorting import SortFilter
from portal.search import SearchFilter
from regions import map2025
from regions.models import Province, Region, RegionMembership

TIE_BREAK = ("map_order", "slug")


class StableOrderingFilter(SortFilter):
    """Sorts by the chosen field, then by name and map, so that pages never overlap or skip a unit."""

    def order(self, qs, keys):
        ordering = [self.get_ordering_value(param) for param in keys]
        if not any(field.lstrip("-") == "name_folded" for field in ordering):
            ordering.append("name_folded")
        return qs.order_by(*ordering, *TIE_BREAK)


class ProvinceFilter(django_filters.FilterSet):
    q = SearchFilter(label=_("Name, any spelling"))
    map = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Administrative map"),
        field_name="administrative_map",
        lookup_expr="exact",
        choices=Province.Map.choices,
    )
    region = django_filters.ModelChoiceFilter(
        widget=FastSelect,
        label=_("Conference group"),
        field_name="memberships__region",
        to_field_name="slug",
        queryset=Region.objects.all(),
        empty_label=_("All"),
        method="filter_region",
    )
    kind = django_filters.ChoiceFilter(
        widget=FastSelect, label=_("Kind"), field_name="kind", lookup_expr="exact", choices=Province.Kind.choices
    )
    sort = StableOrderingFilter(
        label=_("Sort by"),
        fields=(
            ("name_folded", "name"),
            ("sessions_hosted", "sessions"),
        ),
        field_labels={
            "name_folded": _("name"),
            "sessions_hosted": _("sessions hosted"),
        },
    )

    class Meta:
        model = Province
        fields = []

    def filter_region(self, queryset, name, value):
        """Members of the group; "as it is now" (``regions.map2025``), 2025 units formed from members."""
        if not value:
            return queryset
        if self.data.get(map2025.PARAM) == map2025.NOW:
            members = RegionMembership.objects.filter(region=value, province__successor=OuterRef("pk"))
            return queryset.filter(Exists(members))
        return queryset.filter(memberships__region=value)
