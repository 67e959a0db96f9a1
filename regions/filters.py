"""The provinces list's filters, each naming its field and lookup explicitly (django-filter)."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from listings.filters import ChoicesPerLoad, FormClassPerFilterSet, slug_choice_filter
from listings.search_filter import SearchesLastFilterSet, SearchFilter
from listings.sorting import SortFilter
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


class ProvinceFilter(FormClassPerFilterSet, ChoicesPerLoad, SearchesLastFilterSet):
    q = SearchFilter(label=_("Name, any spelling"))
    map = slug_choice_filter(_("Administrative map"), "administrative_map", choices=Province.Map.choices)
    region = slug_choice_filter(
        _("Conference group"), "memberships__region", queryset=Region.objects.all(), method="filter_region"
    )
    kind = slug_choice_filter(_("Kind"), "kind", choices=Province.Kind.choices)
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
