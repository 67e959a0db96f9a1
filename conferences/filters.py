"""One FilterSet per list (django-filter), each filter naming its field and lookup explicitly."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from conferences.models import Conference, ConferenceMention, Source
from listings.fields import SessionField
from listings.filters import ChoicesPerLoad, FormClassPerFilterSet, YearRangeFilter, slug_choice_filter
from listings.search_filter import SearchesLastFilterSet, SearchFilter
from listings.sorting import SortFilter
from regions.models import Province, Region


class SessionFilter(django_filters.Filter):
    field_class = SessionField


class ConferenceFilter(FormClassPerFilterSet, ChoicesPerLoad, SearchesLastFilterSet):
    q = SearchFilter(label=_("Search: host, group, venue, chairs"))
    region = slug_choice_filter(_("Conference group"), "region", queryset=Region.objects.all())
    year = YearRangeFilter(label=_("Year or range"), field_name="year")
    session = SessionFilter(label=_("Session"), field_name="session_number", lookup_expr="exact")
    host = slug_choice_filter(
        _("Host province"), "host", queryset=Province.objects.filter(hosted_conferences__isnull=False).distinct()
    )
    status = slug_choice_filter(_("Status"), "status", choices=Conference.Status.choices)
    sort = SortFilter(
        label=_("Sort by"),
        fields=(
            ("year", "year"),
            ("session_number", "session"),
            ("region__position", "region"),
            ("host__name_folded", "host"),
        ),
        field_labels={
            "year": _("year"),
            "session_number": _("session"),
            "region__position": _("conference group"),
            "host__name_folded": _("host province"),
        },
    )

    class Meta:
        model = Conference
        fields = []


class SourceFilter(FormClassPerFilterSet, ChoicesPerLoad, SearchesLastFilterSet):
    """The sources list's filters; the API's and the downloads' too (``api.lists.SOURCES``)."""

    q = SearchFilter(label=_("Search: title, publication, author"))
    region = slug_choice_filter(
        _("Conference group"), "mentions__conference__region", queryset=Region.objects.all(), method="filter_region"
    )
    sort = SortFilter(
        label=_("Sort by"),
        fields=(("slug", "slug"), ("published_on", "published")),
        field_labels={"slug": _("identifier"), "published_on": _("publication date")},
    )

    class Meta:
        model = Source
        fields = []

    def filter_region(self, queryset, name, value):
        """Sources that name a session of the group (once each, however many sessions they name)."""
        if not value:
            return queryset
        return queryset.filter(
            Exists(ConferenceMention.objects.filter(source=OuterRef("pk"), conference__region=value))
        )
