from datetime import date
from urllib.parse import urlencode

import factories
import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from conferences.figure_periods import period_kind
from conferences.group_selectors import region_detail, region_list
from conferences.models import Conference, IndicatorReport
from portal.per_load import per_load_values
from regions.models import Province, Region, RegionMembership

pytestmark = pytest.mark.django_db

PROVINCES = "/provinces/"


def english(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def results(response):
    return [province.slug for province in response.context["object_list"]]


# The groups list


def test_region_list_sets_declared_size_beside_listed_members(client, django_assert_num_queries):
    with django_assert_num_queries(3):  # the data version; groups with their counts; their sessions
        response = client.get("/regions/")
    assert response.status_code == 200
    regions = {region.slug: region for region in response.context["regions"]}
    assert list(regions) == list(Region.objects.values_list("slug", flat=True))  # in the groups' order
    assert list(regions)[:3] == ["north-28", "south-20", "north-central-6"]
    for slug, region in regions.items():
        declared_with = RegionMembership.objects.before_2025().filter(region__slug=slug)  # not the 2025 lists
        assert region.members_listed == declared_with.count(), slug
        assert region.members_inferred == declared_with.filter(basis="inferred").count(), slug
        assert region.members_missing == max(region.declared_size - region.members_listed, 0), slug
        assert region.sessions_on_record == Conference.objects.filter(region__slug=slug).count(), slug
    south = regions["south-20"]
    assert (south.declared_size, south.members_listed, south.members_missing) == (20, 19, 1)  # the 20th is unknown
    assert (regions["north-28"].members_listed, regions["north-28"].members_missing) == (28, 0)


def test_region_list_names_the_latest_held_and_the_next_announced_session(client, empty_database):
    group, quiet = factories.region(), factories.region()
    held = [factories.conference(region=group, year=year, session_number=year - 2014) for year in (2022, 2024, 2023)]
    announced = [
        factories.conference(region=group, year=year, session_number=year - 2014, status="announced")
        for year in (2096, 2095)  # far ahead: announced sessions whose time has passed are not next
    ]
    regions = {region.slug: region for region in client.get("/regions/").context["regions"]}
    assert (regions[group.slug].latest, regions[group.slug].upcoming) == (held[1], announced[1])
    assert (regions[quiet.slug].latest, regions[quiet.slug].upcoming) == (None, None)


@pytest.mark.parametrize(("today", "is_next"), [(date(2025, 12, 31), True), (date(2026, 1, 1), False)])
def test_an_announced_session_is_next_until_its_year_has_passed(empty_database, today, is_next):
    group = factories.region()
    announced = factories.conference(region=group, year=2025, session_number=11, status="announced")
    (region,) = region_list(today=today)
    assert (region.upcoming, region.overdue) == ((announced, []) if is_next else (None, [announced]))


def test_an_announced_session_with_a_day_is_next_until_that_day(empty_database):
    group = factories.region()
    announced = factories.conference(region=group, year=2025, status="announced", date=date(2025, 10, 20))
    assert region_detail(slug=group.slug, today=date(2025, 10, 20)).upcoming == announced
    assert region_detail(slug=group.slug, today=date(2025, 10, 21)).overdue == [announced]


def test_region_list_in_english_says_the_counts_plainly(client):
    response = client.get(english("regions:region_list"))
    page = response.content.decode()
    assert '<html lang="en">' in page
    assert "20 declared, 19 listed" in page
    assert "1 member not identified by any source" in page
    inferred = RegionMembership.objects.before_2025().filter(region__slug="south-20", basis="inferred").count()
    assert f"{inferred} of them inferred" in page
    assert "28 declared, 28 listed" in page
    assert 'href="/en/regions/south-20/"' in page


def test_region_list_says_when_a_sessions_host_is_not_stated(client, empty_database):
    group = factories.region(declared_size=2)
    factories.membership(region=group, province=factories.province(), basis="stated")
    factories.conference(region=group, year=2024, session_number=10)  # handed over, host not named
    page = client.get(english("regions:region_list")).content.decode()
    assert "2 declared, 1 listed" in page and "1 member not identified by any source" in page
    assert "of them inferred" not in page  # the one listed is stated
    assert "host not stated" in page


# A group


@pytest.mark.parametrize(("slug", "queries"), [("north-28", 8), ("south-20", 7), ("north-central-6", 7)])
def test_region_detail_runs_a_fixed_number_of_queries(client, django_assert_num_queries, slug, queries):
    # the data version; group; memberships; their sources; sessions; figures; the indicators and periods
    # the latest session stated shares for; when it stated any (only session X of the north-28 group),
    # those shares (charts)
    with django_assert_num_queries(queries):
        response = client.get(reverse("regions:region_detail", kwargs={"slug": slug}))
    assert response.status_code == 200


def test_a_group_is_read_once_per_load_and_language(client, django_assert_num_queries):
    # Kept for the load (portal.per_load): the next request reads only the data version, the other
    # language reads the group again, its "now" form adds the 2025 units; an unknown group keeps nothing.
    url = reverse("regions:region_detail", kwargs={"slug": "north-28"})
    first = client.get(url).content
    for path, queries in ((url, 1), (f"/en{url}", 8), (f"/en{url}", 1), (f"{url}?units=now", 2)):
        with django_assert_num_queries(queries):
            response = client.get(path)
        assert response.status_code == 200
    assert client.get(url).content == first
    kept = len(per_load_values.held[1])
    for _ in range(2):
        with django_assert_num_queries(2):  # the data version, the group
            assert client.get(reverse("regions:region_detail", kwargs={"slug": "no-such-group"})).status_code == 404
    assert len(per_load_values.held[1]) == kept


def test_a_stated_membership_names_its_source_and_the_2025_list_stands_beside_the_old_one(client, empty_database):
    group = factories.region(slug="test-group", declared_size=2)
    old_unit = factories.province(name="Tỉnh Cũ", valid_until=date(2025, 6, 30))
    guessed = factories.province(name="Tỉnh Đoán", valid_until=date(2025, 6, 30))
    new_unit = factories.province(
        name="Tỉnh Mới", administrative_map=Province.Map.FROM_2025, valid_from=date(2025, 7, 1)
    )
    page_source = factories.source(slug="page-2022", publication="Báo Ghi Danh")
    list_source = factories.source(slug="page-2025", publication="Báo Sau Sắp Xếp")
    stated = factories.membership(region=group, province=old_unit, basis="stated")
    factories.membership(region=group, province=guessed)
    listed_2025 = factories.membership(region=group, province=new_unit, basis="stated")
    factories.membership_statement(membership=stated, source=page_source, locator="đoạn 3")
    factories.membership_statement(membership=listed_2025, source=list_source, locator="đoạn 5")

    response = client.get(english("regions:region_detail", slug="test-group"))

    region = response.context["region"]
    assert [m.province.name for m in region.members_then] == ["Tỉnh Cũ", "Tỉnh Đoán"]
    assert [m.province.name for m in region.members_2025] == ["Tỉnh Mới"]
    assert (region.members_listed, region.members_missing) == (2, 0)  # the declared size counts the old map
    page = response.content.decode()
    assert 'href="/en/sources/page-2022/">Báo Ghi Danh</a> <span class="locator">(đoạn 3)</span>' in page
    assert 'href="/en/sources/page-2025/">Báo Sau Sắp Xếp</a>' in page
    assert "Show the 1 member listed on the 2025 map" in page
    assert page.index("Tỉnh Đoán") < page.index('id="members-2025"') < page.index("Tỉnh Mới</a>")


def test_the_groups_list_counts_the_members_it_was_declared_with(client, empty_database):
    group = factories.region(slug="test-group", declared_size=2)
    factories.membership(region=group, province=factories.province(valid_until=date(2025, 6, 30)))
    new_unit = factories.province(administrative_map=Province.Map.FROM_2025, valid_from=date(2025, 7, 1))
    factories.membership(region=group, province=new_unit, basis="stated")
    (listed,) = region_list(today=date(2026, 1, 1))
    assert (listed.members_listed, listed.members_missing) == (1, 1)


def test_south_lists_19_of_20_members_and_marks_the_7_inferred(client):
    # A deliberate check of the curated southern group (fixtures/reference/conference-groups.csv): 12 of
    # the 19 members it was declared with are stated by a source, 7 inferred from geography.
    response = client.get(english("regions:region_detail", slug="south-20"))
    region = response.context["region"]
    assert (region.declared_size, region.members_listed, region.members_inferred) == (20, 19, 7)
    page = response.content.decode()
    assert "20 declared, 19 listed" in page
    assert page.count('<tr class="inferred-row">') == 7
    assert page.count("inferred from geography") == 1  # the basis note is said once, for the seven
    assert "(7 members):" in page
    assert page.count("until 30 Jun 2025") == 19
    # The 8 units a source lists on the 2025 map stand beside them, from 1 July 2025.
    assert len(region.members_2025) == 8
    assert page[page.index('id="members-2025"') :].count("from 1 Jul 2025") == 8


def test_the_group_page_leads_with_its_sessions_and_folds_its_members(client):
    response = client.get(english("regions:region_detail", slug="north-28"))
    page = response.content.decode()
    sessions, rotation, members = (page.index(f'<h2 id="{name}">') for name in ("sessions", "rotation", "members"))
    assert sessions < rotation < members
    details = page[page.index('<details class="members-list">') : page.index("</details>")]
    region = response.context["region"]
    assert details.count("<tr") == 1 + region.members_listed  # the header and every member, folded away
    shared = region.shared_notes
    assert shared and all(note.members > 1 for note in shared)
    for note in shared:
        assert page.count(escape(note.note)) == 1  # one sentence for the members that share it


def test_the_members_unfold_when_the_reader_asked_for_them_on_the_2025_map(client):
    page = client.get(english("regions:region_detail", slug="north-28"), {"units": "now"}).content.decode()
    assert '<details class="members-list" open>' in page


def test_region_detail_shows_sessions_as_a_timeline(client, empty_database):
    group = factories.region()
    thanh_hoa = factories.province(name="Thanh Hóa", slug="thanh-hoa")
    tenth = factories.conference(region=group, year=2024, session_number=10, host=thanh_hoa, host_basis="stated")
    unnumbered = factories.conference(region=group, year=2016, host=factories.province())  # where it was held
    announced = factories.conference(region=group, year=2025, session_number=11, status="announced")
    factories.conference(year=2020)  # another group's
    response = client.get(english("regions:region_detail", slug=group.slug))
    assert list(response.context["region"].sessions) == [unnumbered, tenth, announced]
    page = response.content.decode()
    timeline = page[page.index('<ol class="timeline">') : page.index("</ol>")]
    assert timeline.index(unnumbered.slug) < timeline.index(tenth.slug) < timeline.index(announced.slug)
    assert "number not stated" in timeline  # the 2016 session
    assert "where it was held" in timeline  # venue only
    assert 'href="/en/provinces/thanh-hoa/"' in timeline
    assert "announced" in timeline and "held" in timeline


def test_region_detail_names_the_next_host_at_the_handover(client):
    page = client.get(english("regions:region_detail", slug="south-20")).content.decode()
    timeline = page[page.index('<ol class="timeline">') : page.index("</ol>")]
    assert 'href="/en/provinces/long-an/">Long An</a> <span class="basis">(named at the flag handover)' in timeline


def test_figures_over_time_never_mix_period_kinds_in_one_table(client):
    for slug in ("north-28", "south-20", "north-central-6"):
        for entry in client.get(reverse("regions:region_detail", kwargs={"slug": slug})).context["series"]:
            assert len({group.kind for group in entry.groups}) == len(entry.groups)
            for group in entry.groups:
                assert {report.scope for report in group.reports} == {"region"}
                assert {report.conference.region.slug for report in group.reports} == {slug}
                assert {period_kind(r.period_start, r.period_end, r.is_stock) for r in group.reports} == {group.kind}
                ends = [report.period_end for report in group.reports]
                assert ends == sorted(ends)


def test_north_retail_sales_split_six_from_nine_months(client):
    series = {
        entry.indicator.code: entry
        for entry in client.get(reverse("regions:region_detail", kwargs={"slug": "north-28"})).context["series"]
    }
    groups = {group.kind.code: group for group in series["retail_sales"].groups}
    assert {"first-6-months", "first-9-months"} <= set(groups)
    assert "tin-tu-cac-don-vi-north-28-viii-2022-retail-sales" in {r.slug for r in groups["first-9-months"].reports}
    # The national figures its sessions quote beside the group's are not the group's.
    shown = {report.slug for entry in series.values() for group in entry.groups for report in group.reports}
    national = IndicatorReport.objects.filter(conference__region__slug="north-28", scope="country")
    assert national.exists() and not shown & set(national.values_list("slug", flat=True))


def test_retail_sales_of_a_quarter_and_of_a_year_are_separate_tables(client, empty_database):
    group = factories.region()
    session = factories.conference(region=group, year=2022)
    retail = factories.indicator(code="retail_sales", unit="VND", name_en="Total retail sales of goods and services")
    quarter = {"period_start": date(2022, 1, 1), "period_end": date(2022, 3, 31), "period_label": "Quý I/2022"}
    factories.figure(conference=session, indicator=retail, value="105091000000000", **quarter)
    factories.figure(conference=session, indicator=retail, value="1318000000000000", scope="country", **quarter)
    factories.figure(
        conference=session,
        indicator=retail,
        value="370461000000000",
        period_start=date(2021, 1, 1),
        period_end=date(2021, 12, 31),
        period_label="Năm 2021",
    )
    response = client.get(english("regions:region_detail", slug=group.slug))
    [entry] = response.context["series"]
    assert [group.kind.code for group in entry.groups] == ["quarter-1", "full-year"]
    page = response.content.decode()
    assert "Total retail sales of goods and services — </span>Quarter 1</caption>" in page
    assert "Total retail sales of goods and services — </span>Full year</caption>" in page
    assert "These figures cover periods of different lengths" in page
    assert "country" not in {r.scope for group in entry.groups for r in group.reports}


def test_region_figures_show_value_qualifier_growth_and_a_link(client):
    page = client.get(english("regions:region_detail", slug="south-20")).content.decode()
    assert "USD 108.4 billion" in page and '<span class="qualifier">estimate</span>' in page
    assert "+10.41%" in page
    assert "more than 2,442 trillion VND" in page
    assert 'href="/en/figures/plvn-south-20-x-2024-exports/"' in page
    assert "Industrial clusters — </span>Level at a date</caption>" in page
    assert "Export turnover — </span>First 9 months</caption>" in page


def test_region_detail_in_vietnamese_formats_numbers_the_vietnamese_way(client):
    page = client.get("/regions/north-28/").content.decode()
    assert '<html lang="vi">' in page
    assert "120,7 tỷ USD" in page and "+18,3%" in page
    assert 'href="/figures/hanoimoi-north-28-x-2024-exports/"' in page


def test_unknown_region_is_a_404(client):
    assert client.get("/regions/atlantis/").status_code == 404
    assert client.get("/en/regions/atlantis/").status_code == 404


# The provinces list


def test_province_list_runs_a_fixed_number_of_queries_and_pages_by_25(client, django_assert_num_queries):
    # group choices for the form, count, page, memberships, three facets, the page's hosting rotation
    with django_assert_num_queries(9):  # the data version, then the view's 8
        response = client.get(PROVINCES)
    assert response.status_code == 200
    assert response.context["paginator"].count == 97
    assert len(results(response)) == 25
    # The data version; the same whatever the data, sort and page, but the group choices and the sessions
    # of the hosting rotation, kept for the load since the first request (portal.per_load)
    with django_assert_num_queries(7):
        response = client.get(PROVINCES, {"page": "2", "map": "before-2025", "kind": "province", "sort": "-sessions"})
    assert response.status_code == 200
    assert len(results(response)) == 25
    # A group is looked up by slug to validate it, once: the facets count over the values it cleaned.
    with django_assert_num_queries(8):  # the data version, then the view's 9 but those kept for the load
        response = client.get(PROVINCES, {"page": "2", "map": "before-2025", "region": "north-28", "sort": "-sessions"})
    assert response.status_code == 200
    assert len(results(response)) == 3


def test_the_last_page_holds_the_rest(client):
    provinces = Province.objects.count()
    last = -(-provinces // 25)
    assert last > 1
    assert len(results(client.get(PROVINCES, {"page": str(last)}))) == provinces - 25 * (last - 1)


@pytest.mark.parametrize(
    ("params", "count"),
    [
        ({"map": "2025"}, 34),
        ({"map": "before-2025"}, 63),
        ({"region": "north-central-6"}, 6),
        ({"region": "south-20", "map": "before-2025"}, 19),  # the members it was declared with
        ({"region": "south-20", "map": "2025"}, 8),  # the units a source lists on the 2025 map
        ({"region": "north-28", "map": "before-2025"}, 28),
        ({"kind": "city", "map": "2025"}, 6),
        ({"kind": "city"}, 11),
    ],
)
def test_filters(client, params, count):
    response = client.get(PROVINCES, params)
    assert response.status_code == 200
    assert response.context["paginator"].count == count


def test_a_group_filter_lists_its_members(client):
    slugs = results(client.get(PROVINCES, {"region": "north-central-6"}))
    assert sorted(slugs) == ["ha-tinh", "nghe-an", "quang-binh", "quang-tri", "thanh-hoa", "thua-thien-hue"]


@pytest.mark.parametrize("q", ["thanh hoa", "THANH HOÁ", "Thanh Hóa", "  thanh   hoá "])
def test_name_search_ignores_case_and_diacritics(client, q):
    assert results(client.get(PROVINCES, {"q": q})) == ["thanh-hoa", "thanh-hoa-2025"]


def test_facets_count_what_choosing_each_value_would_give(client):
    def listed(query):
        for cache in caches.all():  # the page itself, not the copy cached when another link chose it
            cache.clear()
        return client.get(f"{PROVINCES}?{query}").context

    for params in ({}, {"map": "2025"}, {"region": "south-20"}, {"region": "north-28", "kind": "city"}):
        facets = listed(urlencode(params))["facets"]
        assert facets["map"] and facets["region"] and facets["kind"], params
        for param, values in facets.items():
            for value in values:
                assert listed(value.query)["paginator"].count == value.count, (params, value)
                assert value.selected == (params.get(param) == value.value)

    # The two maps and the kinds of unit (fixtures/reference), whatever the groups.
    facets = client.get(PROVINCES).context["facets"]
    assert {v.value: v.count for v in facets["map"]} == {"2025": 34, "before-2025": 63}
    assert {v.value: v.count for v in facets["kind"]} == {"city": 11, "province": 86}
    facets = client.get(PROVINCES, {"map": "2025"}).context["facets"]
    assert {v.value: v.count for v in facets["kind"]} == {"city": 6, "province": 28}
    selected = {v.value: v.selected for v in facets["map"]}
    assert selected == {"2025": True, "before-2025": False}
    assert "map=before-2025" in next(v.query for v in facets["map"] if v.value == "before-2025")
    # A group's facet counts its members on both maps: those it was declared with, and the 2025 units listed.
    facets = client.get(PROVINCES, {"region": "south-20"}).context["facets"]
    assert {v.value: v.count for v in facets["map"]} == {"before-2025": 19, "2025": 8}
    north = RegionMembership.objects.filter(region__slug="north-28").count()
    assert {v.value: v.count for v in facets["region"]}["north-28"] == north  # counted without its own filter


def test_sort_by_sessions_hosted_then_by_name(client, empty_database):
    twice, once_b, once_a, announced, never = (
        factories.province(name=name) for name in ("Thanh Hóa", "Ninh Bình", "Hà Nội", "Long An", "An Giang")
    )
    for host in (twice, twice, once_a, once_b):
        factories.conference(host=host)
    factories.conference(host=announced, status="announced")
    response = client.get(PROVINCES, {"sort": "-sessions"})
    provinces = list(response.context["object_list"])
    assert [(p.slug, p.sessions_hosted) for p in provinces] == [
        (twice.slug, 2),
        (once_a.slug, 1),
        (once_b.slug, 1),
        (never.slug, 0),
        (announced.slug, 0),  # announced as host, not held yet
    ]


def test_sort_by_name_puts_each_old_unit_before_its_2025_namesake(client):
    slugs = results(client.get(PROVINCES, {"sort": "name", "q": "tay ninh"}))
    assert slugs == ["tay-ninh", "tay-ninh-2025"]
    assert results(client.get(PROVINCES, {"sort": "-name", "q": "tay ninh"}))[0].startswith("tay-ninh")


def test_province_rows_show_groups_sessions_and_what_became_of_each_unit(client):
    response = client.get("/en" + PROVINCES, {"q": "long an"})
    page = response.content.decode()
    assert results(response) == ["long-an"]
    assert 'href="/en/regions/south-20/"' in page
    assert 'became <a href="/en/provinces/tay-ninh-2025/">Tây Ninh (2025)</a>' in page

    page = client.get("/en" + PROVINCES, {"q": "tay ninh", "map": "2025"}).content.decode()
    assert "formed from 2 pre-2025 units" in page
    assert 'href="/en/regions/south-20/"' in page  # a source lists it on the 2025 map


def test_a_province_row_without_a_group_says_none_is_recorded(client, empty_database):
    group = factories.region()
    listed, _unlisted = (
        factories.province(name=name, administrative_map=Province.Map.FROM_2025, valid_from=date(2025, 7, 1))
        for name in ("Tỉnh Có Nhóm", "Tỉnh Không Nhóm")
    )
    factories.membership(region=group, province=listed, basis="stated")
    rows = client.get("/en" + PROVINCES, {"map": "2025"}).content.decode().split("<tr>")
    [listed_row] = [row for row in rows if "Tỉnh Có Nhóm" in row]
    [unlisted_row] = [row for row in rows if "Tỉnh Không Nhóm" in row]
    assert f'href="/en/regions/{group.slug}/"' in listed_row and "none recorded" not in listed_row
    assert "none recorded" in unlisted_row and "/en/regions/" not in unlisted_row


@pytest.mark.parametrize(
    ("params", "label"),
    [
        ({"map": "xyz"}, "Administrative map"),
        ({"region": "atlantis"}, "Conference group"),
        ({"kind": "village"}, "Kind"),
        ({"sort": "nope"}, "Sort by"),
        ({"q": "x" * 201}, "Name, any spelling"),
        ({"x": "a" * 3000}, "too long"),
    ],
)
def test_bad_input_gets_the_page_with_a_message_and_400(client, params, label):
    response = client.get("/en" + PROVINCES, params)
    assert response.status_code == 400
    assert label in response.content.decode()
    assert 'role="alert"' in response.content.decode()
    assert results(response) == []


def test_bad_input_in_vietnamese_is_also_a_400_not_a_500(client):
    for params in ({"map": "xyz"}, {"region": "atlantis"}, {"sort": "nope"}, {"page": "abc"}):
        assert client.get(PROVINCES, params).status_code in (400, 404)


def test_an_unknown_page_is_a_404(client):
    assert client.get(PROVINCES, {"page": "999999"}).status_code == 404
    assert client.get(PROVINCES, {"page": "0"}).status_code == 404


def test_english_province_list_lives_under_en(client):
    response = client.get("/en" + PROVINCES, {"map": "2025"})
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in page
    assert "34 units match" in page
    assert 'href="/provinces/?map=2025"' in page  # the same view in Vietnamese


# A province


@pytest.mark.parametrize("slug", ["thanh-hoa", "long-an", "tay-ninh-2025", "hai-phong", "hue-2025", "lai-chau-2025"])
def test_province_detail_runs_a_fixed_number_of_queries(client, django_assert_num_queries, slug):
    # the data version; unit and successor; memberships; sessions; related units; figures; every session of
    # every group for the rotation, kept for the load (portal.per_load) and so not read for the next unit
    with django_assert_num_queries(7):
        response = client.get(reverse("regions:province_detail", kwargs={"slug": slug}))
    assert response.status_code == 200
    with django_assert_num_queries(6):
        assert client.get(reverse("regions:province_detail", kwargs={"slug": "da-nang"})).status_code == 200


def test_thanh_hoa_hosted_two_sessions_in_two_groups(client):
    response = client.get(english("regions:province_detail", slug="thanh-hoa"))
    sessions = response.context["sessions"]
    assert {"north-28-viii-2022", "north-central-6-x-2022"} <= {c.slug for c in sessions.hosted}
    assert {c.region.slug for c in sessions.hosted} >= {"north-28", "north-central-6"}
    page = response.content.decode()
    hosted = page[page.index('id="hosted"') : page.index('id="designated"')]
    assert hosted.count('href="/en/conferences/') == len(sessions.hosted)
    groups = page[page.index('id="groups"') : page.index('id="hosted"')]
    assert 'href="/en/regions/north-28/"' in groups and 'href="/en/regions/north-central-6/"' in groups
    assert "stated by a source" in groups


@pytest.fixture
def merged_designated_host(empty_database):
    """A unit named next host at one session's handover and announced as host of the next, which then
    merged with another into a 2025 unit; the sessions as (handover, announced) and the units."""
    group = factories.region(slug="test-group")
    designated, other = (
        factories.province(name=name, slug=slug, valid_until=date(2025, 6, 30))
        for name, slug in (("Tỉnh Được Giao", "tinh-duoc-giao"), ("Tỉnh Bên Cạnh", "tinh-ben-canh"))
    )
    unit = factories.province(
        name="Tỉnh Mới", slug="tinh-moi-2025", administrative_map=Province.Map.FROM_2025, valid_from=date(2025, 7, 1)
    )
    Province.objects.filter(pk__in=[designated.pk, other.pk]).update(successor=unit)
    handover = factories.conference(
        region=group, year=2024, session_number=10, host=factories.province(), next_host=designated
    )
    announced = factories.conference(region=group, year=2025, session_number=11, host=designated, status="announced")
    return handover, announced, designated, other, unit


def test_a_designated_host_lists_its_designations_and_what_it_became(client, merged_designated_host):
    handover, announced, designated, other, _unit = merged_designated_host
    response = client.get(english("regions:province_detail", slug=designated.slug))
    found = [(d.conference, d.at_handover) for d in response.context["sessions"].designated]
    assert set(found) == {(handover, True), (announced, False)}
    assert response.context["sessions"].hosted == []
    assert response.context["relatives"] == [other]
    page = response.content.decode()
    designated_html = page[page.index('id="designated"') : page.index('id="map-2025"')]
    assert f'href="/en/conferences/{announced.slug}/"' in designated_html
    assert "announced as host" in designated_html
    assert "Named next host at the flag handover of" in designated_html
    assert f'href="/en/conferences/{handover.slug}/"' in designated_html
    after = page[page.index('id="map-2025"') : page.index('id="figures"')]
    assert 'href="/en/provinces/tinh-moi-2025/">Tỉnh Mới (2025)</a>' in after
    assert 'href="/en/provinces/tinh-ben-canh/">Tỉnh Bên Cạnh</a>' in after
    assert "until 30 Jun 2025" in page


def test_a_2025_unit_lists_its_predecessors_and_their_sessions(client, merged_designated_host):
    handover, announced, designated, other, unit = merged_designated_host
    response = client.get(english("regions:province_detail", slug=unit.slug))
    assert response.context["relatives"] == [other, designated]  # by name
    by_predecessors = set(response.context["sessions"].by_predecessors)
    assert by_predecessors == {(designated, handover, "named"), (designated, announced, "announced")}
    page = response.content.decode()
    assert "from 1 Jul 2025" in page
    assert "Memberships on the 2025 map are not recorded" in page  # no source lists its group
    section = page[page.index('id="predecessor-sessions"') : page.index('id="figures"')]
    assert f'href="/en/conferences/{announced.slug}/"' in section
    assert 'href="/en/provinces/tinh-duoc-giao/">Tỉnh Được Giao</a>' in section


def test_long_an_was_named_next_host_of_south_xi_and_became_tay_ninh(client):
    # The curated data: named at the flag handover of session X (2024), Long An became part of Tây Ninh on
    # 1 July 2025, and session XI was held by the 2025 Tây Ninh (test_curated_dataset.py).
    response = client.get(english("regions:province_detail", slug="long-an"))
    designated = [(d.conference.slug, d.at_handover) for d in response.context["sessions"].designated]
    assert ("south-20-x-2024", True) in designated
    assert response.context["sessions"].hosted == []
    assert [p.slug for p in response.context["relatives"]] == ["tay-ninh"]
    page = response.content.decode()
    designated_html = page[page.index('id="designated"') : page.index('id="map-2025"')]
    assert "Named next host at the flag handover of" in designated_html
    assert 'href="/en/conferences/south-20-x-2024/"' in designated_html
    after = page[page.index('id="map-2025"') : page.index('id="figures"')]
    assert 'href="/en/provinces/tay-ninh-2025/">Tây Ninh (2025)</a>' in after
    assert 'href="/en/provinces/tay-ninh/">Tây Ninh</a>' in after
    assert "until 30 Jun 2025" in page


def test_tay_ninh_2025_hosted_south_xi_and_lists_its_predecessors_sessions(client):
    response = client.get(english("regions:province_detail", slug="tay-ninh-2025"))
    assert [p.slug for p in response.context["relatives"]] == ["long-an", "tay-ninh"]
    assert "south-20-xi-2025" in {c.slug for c in response.context["sessions"].hosted}
    by_predecessors = {(p.slug, c.slug, role) for p, c, role in response.context["sessions"].by_predecessors}
    assert {("long-an", "south-20-x-2024", "named"), ("tay-ninh", "south-20-viii-2022", "hosted")} <= by_predecessors
    page = response.content.decode()
    groups = page[page.index('id="groups"') : page.index('id="hosted"')]
    assert 'href="/en/regions/south-20/"' in groups and "from 1 Jul 2025" in groups  # listed on the 2025 map
    section = page[page.index('id="predecessor-sessions"') : page.index('id="figures"')]
    assert 'href="/en/conferences/south-20-x-2024/"' in section
    assert 'href="/en/provinces/long-an/">Long An</a>' in section


def test_hue_2025_inherits_the_north_central_designation(client):
    response = client.get(reverse("regions:province_detail", kwargs={"slug": "hue-2025"}))
    by_predecessors = [(p.slug, c.slug, role) for p, c, role in response.context["sessions"].by_predecessors]
    assert {
        ("thua-thien-hue", "north-central-6-x-2022", "named"),
        ("thua-thien-hue", "north-central-6-xi-2023", "announced"),
    } <= set(by_predecessors)


def test_province_figures_show_value_period_qualifier_and_link(client):
    response = client.get(english("regions:province_detail", slug="hoa-binh"))
    reports = response.context["reports"]
    assert {r.scope for r in reports} == {"province"}
    assert len(reports) == IndicatorReport.objects.filter(province__slug="hoa-binh").count()
    page = response.content.decode()
    assert "9 tháng đầu năm 2022" in page
    assert page.count('<span class="qualifier">estimate</span>') == sum(r.qualifier == "estimate" for r in reports) > 0
    assert 'href="/en/figures/tin-tu-cac-don-vi-north-28-viii-2022-exports-hoa-binh/"' in page

    page = client.get(english("regions:province_detail", slug="hai-phong")).content.decode()
    assert "USD 16 billion" in page and "+21%" in page and "13.3%" in page


def test_unknown_province_is_a_404(client):
    assert client.get("/provinces/atlantis/").status_code == 404
    assert client.get("/en/provinces/atlantis/").status_code == 404


def test_head_is_allowed_and_post_is_not(client):
    assert client.head("/regions/south-20/").status_code == 200
    assert client.head("/provinces/long-an/").status_code == 200
    assert client.post(PROVINCES).status_code == 405
