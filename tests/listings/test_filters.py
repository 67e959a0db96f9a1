"""The filters every list shares: ``slug_choice_filter`` (by slug, code or a model's choices), ``YearRangeFilter``."""

import django_filters
import factories
import pytest
from django.http import QueryDict
from django.test import RequestFactory
from django.utils import timezone, translation

from conferences.figure_filters import IndicatorReportFilter
from conferences.models import Conference, Indicator, IndicatorReport
from listings.filters import ChoicesPerLoad, FastSelect, FormClassPerFilterSet, YearRangeFilter, slug_choice_filter
from portal.loaded_data import Load
from regions.models import Region

pytestmark = pytest.mark.django_db


class SessionsByGroup(django_filters.FilterSet):
    region = slug_choice_filter("Group", "region", queryset=Region.objects.all())
    status = slug_choice_filter("Status", "status", choices=Conference.Status.choices)
    year = YearRangeFilter(label="Year", field_name="year")

    class Meta:
        model = Conference
        fields = []


class FiguresByIndicator(django_filters.FilterSet):
    indicator = slug_choice_filter("Indicator", "indicator", queryset=Indicator.objects.all(), to_field_name="code")

    class Meta:
        model = IndicatorReport
        fields = []


def _filtered(filterset_class, query: str, queryset):
    filterset = filterset_class(QueryDict(query), queryset=queryset)
    return filterset.is_valid(), filterset


def test_a_row_is_chosen_by_its_slug_and_an_unknown_slug_is_refused(empty_database):
    north, south = factories.region(slug="north"), factories.region(slug="south")
    ours = factories.conference(region=north)
    factories.conference(region=south)
    valid, filterset = _filtered(SessionsByGroup, "region=north", Conference.objects.all())
    assert valid and list(filterset.qs) == [ours]
    valid, filterset = _filtered(SessionsByGroup, "region=nowhere", Conference.objects.all())
    assert not valid and "region" in filterset.errors
    valid, filterset = _filtered(SessionsByGroup, f"region={north.pk}", Conference.objects.all())
    assert not valid, "an id is not a slug"


def test_a_choice_is_one_of_the_models_choices(empty_database):
    held = factories.conference(status=Conference.Status.HELD)
    factories.conference(status=Conference.Status.ANNOUNCED)
    valid, filterset = _filtered(SessionsByGroup, "status=held", Conference.objects.all())
    assert valid and list(filterset.qs) == [held]
    valid, filterset = _filtered(SessionsByGroup, "status=postponed", Conference.objects.all())
    assert not valid and "status" in filterset.errors


def test_an_indicator_is_chosen_by_its_code(empty_database):
    exports = factories.indicator(code="export_turnover")
    figure = factories.figure(indicator=exports)
    factories.figure(indicator=factories.indicator(code="retail_sales"))
    valid, filterset = _filtered(FiguresByIndicator, "indicator=export_turnover", IndicatorReport.objects.all())
    assert valid and list(filterset.qs) == [figure]


def test_the_select_offers_all_first_then_the_rows_by_slug(empty_database):
    factories.region(slug="north", name_vi="phía Bắc", name_en="the north")
    form = SessionsByGroup(QueryDict("")).form
    assert isinstance(form.fields["region"].widget, FastSelect)
    with translation.override("en"):
        html = str(form["region"])
    assert '<option value="" selected>All</option>' in html
    assert '<option value="north">' in html


def test_option_lang_marks_the_options_language():
    chosen = slug_choice_filter("Source", "source", queryset=Conference.objects.none(), option_lang="vi")
    assert chosen.extra["widget"].option_lang == "vi"
    assert slug_choice_filter("Status", "status", choices=[]).extra["widget"] is FastSelect


def test_a_year_range_includes_both_its_ends(empty_database):
    by_year = {year: factories.conference(year=year) for year in (2021, 2022, 2023, 2024, 2025)}
    valid, filterset = _filtered(SessionsByGroup, "year=2022-2024", Conference.objects.all())
    assert valid and set(filterset.qs) == {by_year[2022], by_year[2023], by_year[2024]}
    valid, filterset = _filtered(SessionsByGroup, "year=2025", Conference.objects.all())
    assert valid and list(filterset.qs) == [by_year[2025]]


class SessionsByGroupPerLoad(ChoicesPerLoad, SessionsByGroup):
    pass


def test_a_chosen_row_is_found_among_the_rows_kept_for_the_load(empty_database, django_assert_num_queries):
    north = factories.region(slug="north")
    ours = factories.conference(region=north)
    request = RequestFactory().get("/conferences/")
    request.data_load = Load("a" * 64, timezone.now())
    for queries in (1, 0):  # the rows, once per load
        with django_assert_num_queries(queries):
            filterset = SessionsByGroupPerLoad(
                QueryDict("region=north"), queryset=Conference.objects.all(), request=request
            )
            assert filterset.is_valid()
        assert filterset.form.cleaned_data["region"] == north
    assert list(filterset.qs) == [ours]
    with django_assert_num_queries(0):
        refused = SessionsByGroupPerLoad(
            QueryDict("region=nowhere"), queryset=Conference.objects.all(), request=request
        )
        assert not refused.is_valid()
    queried = SessionsByGroup(QueryDict("region=nowhere"), queryset=Conference.objects.all())
    assert not queried.is_valid() and refused.errors["region"] == queried.errors["region"]
    assert not SessionsByGroupPerLoad(QueryDict("region=no\x00rth"), request=request).is_valid()


def test_a_filtersets_form_class_is_made_once_and_each_form_keeps_its_own_values(empty_database):
    session = factories.conference()
    request = RequestFactory().get("/figures/")
    figures = IndicatorReport.objects.all()
    chosen = IndicatorReportFilter(QueryDict(f"conference={session.slug}"), queryset=figures, request=request)
    unchosen = IndicatorReportFilter(QueryDict(""), queryset=figures, request=request)
    assert chosen.is_valid() and unchosen.is_valid()
    assert isinstance(chosen, FormClassPerFilterSet) and type(chosen.form) is type(unchosen.form)
    # The session found is the chosen form's alone: not the other form's, nor the class's own field.
    assert chosen.form.fields["conference"].chosen == session
    assert unchosen.form.fields["conference"].chosen is None
    assert type(chosen.form).base_fields["conference"].chosen is None
    assert f'value="{session.slug}"' in str(chosen.form["conference"])
    assert f'value="{session.slug}"' not in str(unchosen.form["conference"])
    # The labels are translated when written, in the language of each page.
    with translation.override("vi"):
        assert str(unchosen.form["region"].label) == "Khu vực"
    with translation.override("en"):
        assert str(unchosen.form["region"].label) == "Conference group"


def _groups_for(request):
    return Region.objects.filter(slug=request.GET.get("only", ""))


class SessionsByGroupOfTheRequest(FormClassPerFilterSet, django_filters.FilterSet):
    region = django_filters.ModelChoiceFilter(queryset=_groups_for, to_field_name="slug")

    class Meta:
        model = Conference
        fields = []


def test_a_form_whose_choices_come_from_the_request_is_made_for_each_request(empty_database):
    north, south = factories.region(slug="north"), factories.region(slug="south")
    forms = []
    for region in (north, south):
        request = RequestFactory().get("/conferences/", {"only": region.slug})
        forms.append(SessionsByGroupOfTheRequest(QueryDict(""), request=request).form)
    assert type(forms[0]) is not type(forms[1])
    assert [list(form.fields["region"].queryset) for form in forms] == [[north], [south]]
