import factories
import pytest
from django.db import IntegrityError, transaction
from django.utils import translation
from loaded_dataset import load_dataset

from conferences.models import (
    OTHER_SCOPES_RANK,
    SCOPE_ORDER,
    Conference,
    ConferenceOfficial,
    Dataset,
    IndicatorReport,
    scope_rank,
    session_key,
)
from regions.models import Region

pytestmark = pytest.mark.django_db


def test_session_is_shown_as_the_roman_numeral_the_sources_use():
    assert Conference.objects.get(slug="north-28-viii-2022").session_roman == "VIII"
    assert Conference.objects.get(slug="north-28-2016").session_roman == ""


def test_title_in_both_languages():
    conference = Conference.objects.select_related("region").get(slug="south-20-x-2024")
    with translation.override("vi"):
        assert str(conference.title) == (
            "Hội nghị ngành Công Thương các tỉnh, thành phố khu vực phía Nam lần thứ X (2024)"
        )
    with translation.override("en"):
        assert str(conference.title) == "Southern provinces and cities, session X (2024)"


def test_a_session_number_is_unique_within_its_group():
    existing = Conference.objects.get(slug="north-28-x-2024")
    with pytest.raises(IntegrityError), transaction.atomic():
        Conference.objects.create(
            slug="duplicate", region=existing.region, session_number=10, year=2030, status="announced"
        )


def test_a_host_needs_its_basis():
    existing = Conference.objects.get(slug="north-28-x-2024")
    with pytest.raises(IntegrityError), transaction.atomic():
        Conference.objects.filter(pk=existing.pk).update(host_basis="")


def test_a_provincial_figure_needs_its_province():
    report = IndicatorReport.objects.get(slug="hanoimoi-north-28-x-2024-exports-hai-phong")
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorReport.objects.filter(pk=report.pk).update(province=None)


def test_a_share_needs_what_it_is_a_share_of():
    report = IndicatorReport.objects.get(slug="hanoimoi-north-28-x-2024-exports-hai-phong")
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorReport.objects.filter(pk=report.pk).update(share_of="")


def test_a_flow_period_must_start_before_it_ends():
    report = IndicatorReport.objects.get(slug="hanoimoi-north-28-x-2024-exports")
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorReport.objects.filter(pk=report.pk).update(period_start=report.period_end.replace(year=2030))


def test_indicator_names_follow_the_language():
    report = IndicatorReport.objects.select_related("indicator").get(slug="hanoimoi-north-28-x-2024-exports")
    with translation.override("vi"):
        assert report.indicator.name == "Kim ngạch xuất khẩu"
    with translation.override("en"):
        assert report.indicator.name == "Export turnover"


@pytest.mark.parametrize("change", ["save", "delete"])
def test_a_change_outside_a_load_forgets_the_data_version(change):
    """Pages are validated and cached against the version: it must not outlive the data it names."""
    assert Dataset.objects.current() is not None
    official = ConferenceOfficial.objects.first()
    official.save() if change == "save" else official.delete()
    assert Dataset.objects.current() is None


def test_a_load_gives_the_data_a_version_again():
    Region.objects.first().save()
    load_dataset(force=True)
    assert Dataset.objects.current() is not None


def test_the_current_load_is_read_in_one_plain_query_with_an_aware_time(django_assert_num_queries):
    dataset = Dataset.objects.current()
    with django_assert_num_queries(1):
        load = Dataset.objects.current_load()
    assert load == (dataset.version, dataset.loaded_at)
    assert load.loaded_at.tzinfo is not None
    Dataset.objects.all().delete()
    assert Dataset.objects.current_load() is None


def test_sessions_sort_by_year_then_number_an_unnumbered_one_first_in_its_year():
    sessions = [
        Conference(slug="c", year=2024, session_number=10),
        Conference(slug="b", year=2023, session_number=9),
        Conference(slug="d", year=2024, session_number=None),
        Conference(slug="a", year=2022, session_number=None),
    ]
    assert [c.slug for c in sorted(sessions, key=session_key)] == ["a", "b", "d", "c"]
    assert session_key(sessions[0]) == (2024, 10)
    assert session_key(sessions[2]) == (2024, 0)


def test_figures_read_country_then_group_then_provinces(empty_database):
    conference = factories.conference()
    province = factories.province()
    for scope in ("province", "region", "country"):
        factories.figure(conference=conference, scope=scope, province=province if scope == "province" else None)
    ordered = list(
        IndicatorReport.objects.filter(conference=conference)
        .annotate(scope_order=SCOPE_ORDER)
        .order_by("scope_order")
        .values_list("scope", "scope_order")
    )
    assert ordered == [("country", 0), ("region", 1), ("province", 2)]
    assert [scope_rank(scope) for scope, _ in ordered] == [0, 1, 2]
    assert scope_rank("anything else") == OTHER_SCOPES_RANK == 2
