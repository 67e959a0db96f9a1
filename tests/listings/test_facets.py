"""``listings.facets``: each value's count over every other filter, read from precomputed counts or live."""

import django_filters
import factories
import pytest
from django.http import QueryDict
from django.utils import translation
from recorded_counts import RecordedCounts

from conferences.models import Conference
from listings.facets import Facet, FacetCount, facet_links, facet_value_counts, without_facet
from listings.filters import YearRangeFilter, slug_choice_filter
from regions.models import Region

pytestmark = pytest.mark.django_db

HELD, ANNOUNCED = Conference.Status.HELD, Conference.Status.ANNOUNCED


class SessionFilter(django_filters.FilterSet):
    region = slug_choice_filter("Group", "region", queryset=Region.objects.all())
    year = YearRangeFilter(label="Year", field_name="year")
    status = slug_choice_filter("Status", "status", choices=Conference.Status.choices)

    class Meta:
        model = Conference
        fields = []


REGION = Facet("region", "region__slug", "region__name_vi", "region__name_en")
YEAR = Facet("year", "year", descending=True)
STATUS = Facet("status", "status", choices={HELD: "Held", ANNOUNCED: "Announced"})
FACETS = [REGION, YEAR, STATUS]


@pytest.fixture
def sessions(empty_database):
    """North: three sessions held (two in 2024, one in 2023) and one announced for 2024; south: one held in 2024."""
    north = factories.region(slug="north", name_vi="phía Bắc", name_en="the north")
    south = factories.region(slug="south", name_vi="phía Nam", name_en="the south")
    for year, status in [(2024, HELD), (2024, HELD), (2023, HELD), (2024, ANNOUNCED)]:
        factories.conference(region=north, year=year, status=status)
    factories.conference(region=south, year=2024, status=HELD)


def counted(query: str, facets=FACETS, **kwargs) -> dict[str, list[tuple]]:
    filterset = SessionFilter(QueryDict(query) or None, queryset=Conference.objects.all())
    assert not filterset.is_bound or filterset.is_valid()
    counts = facet_value_counts(filterset, facets, **kwargs)
    return {param: [(item.value, item.label, item.count) for item in values] for param, values in counts.items()}


def test_each_facet_counts_over_every_other_filter(sessions):
    with translation.override("en"):
        counts = counted("status=held&year=2024")
    assert counts["region"] == [("north", "the north", 2), ("south", "the south", 1)]  # held in 2024
    assert counts["year"] == [("2024", "2024", 3), ("2023", "2023", 1)]  # held, any year
    assert counts["status"] == [("announced", "Announced", 1), ("held", "Held", 3)]  # in 2024, any status


def test_a_facets_own_selection_does_not_narrow_its_counts(sessions):
    assert counted("region=south", [REGION]) == counted("", [REGION])
    assert [value for value, _label, _count in counted("region=south", [REGION])["region"]] == ["north", "south"]


@pytest.mark.parametrize(("language", "labels"), [("vi", ["phía Bắc", "phía Nam"]), ("en", ["the north", "the south"])])
def test_labels_are_in_the_active_language(sessions, language, labels):
    with translation.override(language):
        assert [label for _value, label, _count in counted("", [REGION])["region"]] == labels


def test_a_facet_without_an_english_label_uses_the_vietnamese_one(empty_database):
    factories.conference(host=factories.province(slug="thanh-hoa", name="Thanh Hóa"))
    host = Facet("host", "host__slug", "host__name")
    with translation.override("en"):
        assert counted("", [host])["host"] == [("thanh-hoa", "Thanh Hóa", 1)]


def test_a_choices_facet_is_labelled_by_its_choices_and_else_by_its_value(sessions):
    only_held = Facet("status", "status", choices={HELD: "Held"})
    assert counted("", [only_held])["status"] == [("announced", "announced", 1), ("held", "Held", 4)]


def test_values_are_in_ascending_order_unless_the_facet_is_descending(sessions):
    ascending = Facet("year", "year")
    assert [value for value, _label, _count in counted("", [ascending])["year"]] == ["2023", "2024"]
    assert [value for value, _label, _count in counted("", [YEAR])["year"]] == ["2024", "2023"]


def test_empty_and_missing_values_are_not_offered(empty_database):
    factories.conference()  # no host: no host slug, and a blank basis
    factories.conference(host=factories.province(slug="hue"), host_basis=Conference.HostBasis.STATED)
    host = Facet("host", "host__slug", "host__name")
    basis = Facet("basis", "host_basis")
    counts = counted("", [host, basis])
    assert [value for value, _label, _count in counts["host"]] == ["hue"]
    assert counts["basis"] == [("stated", "stated", 1)]


def test_a_chosen_row_is_looked_up_once_by_the_filters_not_once_per_facet(sessions, django_assert_num_queries):
    filterset = SessionFilter(QueryDict("region=north&status=held"), queryset=Conference.objects.all())
    assert filterset.is_valid()  # looks the group up
    with django_assert_num_queries(len(FACETS)):
        counts = facet_value_counts(filterset, FACETS)
    assert [(item.value, item.count) for item in counts["year"]] == [("2024", 2), ("2023", 1)]


def test_counting_is_one_query_per_facet(sessions, django_assert_num_queries):
    with django_assert_num_queries(len(FACETS)):
        counts = counted("status=held&year=2024")
    assert all(counts.values())


def test_rows_come_from_the_precomputed_counts_where_they_answer(sessions, django_assert_num_queries):
    precomputed = RecordedCounts(facets={"status": [{"status": HELD, "count": 99}, {"status": "", "count": 7}]})
    with django_assert_num_queries(len(FACETS) - 1):
        counts = counted("year=2024", precomputed=precomputed)
    assert counts["status"] == [("held", "Held", 99)]
    live = counted("year=2024")
    assert (counts["region"], counts["year"]) == (live["region"], live["year"])
    asked = {param: fields for _question, param, fields in precomputed.asked}
    assert asked == {
        "region": ("region__slug", "region__name_vi"),
        "year": ("year",),
        "status": ("status",),
    }


def test_the_precomputed_counts_are_asked_for_english_labels_on_english_pages(sessions):
    precomputed = RecordedCounts()
    with translation.override("en"):
        counted("", [REGION], precomputed=precomputed)
    assert precomputed.asked == [("facet_rows", "region", ("region__slug", "region__name_en"))]


def test_once_the_counts_are_found_missing_the_other_facets_are_counted_live(sessions, django_assert_num_queries):
    precomputed = RecordedCounts(missing=True)
    with django_assert_num_queries(len(FACETS)):
        counts = counted("status=held", precomputed=precomputed)
    assert precomputed.asked == [("facet_rows", "region", ("region__slug", "region__name_vi"))]
    assert counts == counted("status=held")


def test_counts_that_do_not_answer_one_facet_are_still_asked_for_the_next(sessions):
    precomputed = RecordedCounts(facets={"status": [{"status": HELD, "count": 99}]})
    counts = counted("", precomputed=precomputed)
    assert [param for _question, param, _fields in precomputed.asked] == ["region", "year", "status"]
    assert counts["status"] == [("held", "Held", 99)]


COUNTS = {
    "region": [FacetCount("north", "the north", 3), FacetCount("south", "the south", 1)],
    "status": [FacetCount("held", "Held", 4)],
}


def test_facet_links_keep_the_other_filters_and_the_sort_and_go_back_to_the_first_page():
    links = facet_links(COUNTS, QueryDict("region=south&status=held&sort=-year&page=3"))
    north, south = links["region"]
    assert QueryDict(north.query) == QueryDict("status=held&sort=-year&region=north")
    assert QueryDict(south.query) == QueryDict("status=held&sort=-year&region=south")
    assert (north.selected, south.selected) == (False, True)
    assert (north.label, north.count) == ("the north", 3)
    (held,) = links["status"]
    assert held.selected and QueryDict(held.query) == QueryDict("region=south&sort=-year&status=held")


def test_facet_links_without_a_selection_select_nothing():
    links = facet_links(COUNTS, QueryDict(""))
    assert not any(value.selected for values in links.values() for value in values)
    assert [value.query for value in links["region"]] == ["region=north", "region=south"]


def test_without_facet_drops_the_facet_and_the_page_only():
    query = QueryDict("region=north&region=south&year=2024&page=2&sort=year")
    assert without_facet(query, "region") == QueryDict("year=2024&sort=year")
    assert query.getlist("region") == ["north", "south"], "the query itself is left as it was"


@pytest.mark.parametrize(
    "query",
    ["", "region=north-28", "q=Hà+Nội+%26+đ&sort=-year&page=3&region=south-20", "year=2024&year=2022-2024&status=held"],
)
def test_a_facet_link_is_the_query_with_the_value_set_on_the_first_page(query):
    counts = {
        "region": [FacetCount("north-28", "Bắc", 3), FacetCount("south-20", "Nam", 2)],
        "year": [FacetCount("2024", "2024", 1), FacetCount("2022-2024", "2022-2024", 1)],
        "q": [FacetCount("a&b=c đ", "?", 1)],
    }
    current = QueryDict(query)
    for param, values in facet_links(counts, current).items():
        for link, item in zip(values, counts[param], strict=True):
            expected = without_facet(current, param)
            expected[param] = item.value
            assert link.query == expected.urlencode()
            assert link.selected == (current.get(param) == item.value)
