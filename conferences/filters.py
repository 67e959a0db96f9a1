"""One FilterSet per list (django-filter), each filter naming its field and lookup explicitly."""

import django_filters
from django.utils.translation import gettext_lazy as _

from conferences.fields import SessionField, YearRangeField
from conferences.models import Conference
from portal.search import SearchFilter
from regions.models import Province, Region


class YearRangeFilter(django_filters.Filter):
    field_class = YearRangeField

    def filter(self, qs, value):
        if not value:
            return qs
        first, last = value
        return qs.filter(**{f"{self.field_name}__gte": first, f"{self.field_name}__lte": last})


class SessionFilter(django_filters.Filter):
    field_class = SessionField


class ConferenceFilter(django_filters.FilterSet):
    q = SearchFilter(label=_("Search: host, group, venue, chairs"))
    region = django_filters.ModelChoiceFilter(
        label=_("Conference group"),
        field_name="region",
        to_field_name="slug",
        queryset=Region.objects.all(),
        empty_label=_("All"),
    )
    year = YearRangeFilter(label=_("Year or range"), field_name="year")
    session = SessionFilter(label=_("Session"), field_name="session_number", lookup_expr="exact")
    host = django_filters.ModelChoiceFilter(
        label=_("Host province"),
        field_name="host",
        to_field_name="slug",
        queryset=Province.objects.filter(hosted_conferences__isnull=False).distinct(),
        empty_label=_("All"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        field_name="status",
        lookup_expr="exact",
        choices=Conference.Status.choices,
    )
    sort = django_filters.OrderingFilter(
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
