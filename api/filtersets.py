"""FilterSets for the lists whose pages have none yet (groups, indicators).

The other lists reuse the pages' own FilterSets (``ConferenceFilter``, ``IndicatorReportFilter``,
``ProvinceFilter``, ``SourceFilter``), so the API, the exports and the pages read a query string the
same way. These take no parameter; when a page gains filters, its FilterSet replaces the one here.
"""

import django_filters

from conferences.models import Indicator
from regions.models import Region


class RegionFilter(django_filters.FilterSet):
    class Meta:
        model = Region
        fields = []


class IndicatorFilter(django_filters.FilterSet):
    class Meta:
        model = Indicator
        fields = []
