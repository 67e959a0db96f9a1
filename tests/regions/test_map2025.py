"""The 2025 map switch (regions.map2025, ``?units=now``) and search by the names of the 2025 units."""

from datetime import date
from urllib.parse import parse_qs, urlsplit

import factories
import pytest
from django.urls import reverse
from django.utils import translation

from conferences.models import Conference, IndicatorReport
from regions.map2025 import load_successors, members_now
from regions.models import Province, RegionMembership

pytestmark = pytest.mark.django_db


def english(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def switch_links(page, label):
    """The switch's two links (then, now) as parsed query dicts, from the nav with this aria-label."""
    start = page.index(f'aria-label="{label}"')
    nav = page[start : page.index("</nav>", start)]
    hrefs = [part.split('"', 1)[0].replace("&amp;", "&") for part in nav.split('href="')[1:]]
    return [(urlsplit(href).path, parse_qs(urlsplit(href).query)) for href in hrefs]


# The group's members


def test_south_members_now_are_the_2025_units_they_became_with_their_former_names():
    # The members the group was declared with (as its page lists them), not the 2025 units a source lists.
    south = RegionMembership.objects.before_2025().filter(region__slug="south-20")
    memberships = list(south.select_related("province"))
    units = members_now(memberships, load_successors([m.province for m in memberships]))
    now = {merged.unit.slug: sorted(m.province.slug for m in merged.members) for merged in units}
    assert now == {
        "an-giang-2025": ["an-giang", "kien-giang"],
        "ca-mau-2025": ["bac-lieu", "ca-mau"],
        "can-tho-2025": ["can-tho", "hau-giang", "soc-trang"],
        "dong-nai-2025": ["binh-phuoc", "dong-nai"],
        "dong-thap-2025": ["dong-thap", "tien-giang"],
        "tay-ninh-2025": ["long-an", "tay-ninh"],
        "thanh-pho-ho-chi-minh-2025": ["ba-ria-vung-tau", "binh-duong", "thanh-pho-ho-chi-minh"],
        "vinh-long-2025": ["ben-tre", "tra-vinh", "vinh-long"],
    }
    assert sum(len(merged.members) for merged in units) == 19
    assert all(merged.other_predecessors == [] for merged in units)  # every predecessor is a member


def test_south_page_as_it_is_now_groups_units_that_merged(client, django_assert_num_queries):
    # the data version; the page's 6 (test_region_detail_runs_a_fixed_number_of_queries), and the 2025 units with
    # their predecessors
    with django_assert_num_queries(8):
        response = client.get(english("regions:region_detail", slug="south-20"), {"units": "now"})
    page = response.content.decode()
    members = page[page.index('id="members"') : page.index('id="members-2025"')]  # not the 2025 list beside them
    assert "The 19 members listed became 8 units of the 2025 map" in members
    assert (
        '<a href="/en/provinces/tay-ninh-2025/">Tây Ninh <span class="map-tag">(2025)</span></a> '
        '<span class="formerly">— formerly <a href="/en/provinces/long-an/">Long An</a>, '
        '<a href="/en/provinces/tay-ninh/">Tây Ninh</a></span>'
    ) in members
    assert members.count("<tr>") == 1 + 8  # header and one row per 2025 unit
    assert "Also formed from" not in members  # no non-member was merged into them
    rotation = page[page.index('id="rotation"') : page.index('id="members"')]
    assert (
        '<a href="/en/provinces/kien-giang/">Kiên Giang</a> <span class="then-now">(2024) → now '
        '<a href="/en/provinces/an-giang-2025/">An Giang <span class="map-tag">(2025)</span></a></span>'
    ) in rotation
    assert 'Long An</a> <span class="then-now">(2024) → now' in rotation  # named at the handover


def test_as_it_was_then_is_the_default_and_unchanged(client, django_assert_num_queries):
    with django_assert_num_queries(7):  # the data version, then the view's 6
        page = client.get(english("regions:region_detail", slug="south-20")).content.decode()
    inferred = RegionMembership.objects.before_2025().filter(region__slug="south-20", basis="inferred")
    assert page.count('<tr class="inferred-row">') == inferred.count() > 0
    assert "formerly" not in page and "then-now" not in page
    then = client.get(english("regions:region_detail", slug="south-20"), {"units": "then"}).content.decode()
    assert "then-now" not in then  # anything but "now" is the default


def test_a_member_whose_2025_unit_also_absorbed_non_members_says_so(client):
    # No group's 2025 unit absorbed a non-member in the real data; remove Tây Ninh from the south to see it.
    RegionMembership.objects.filter(region__slug="south-20", province__slug="tay-ninh").delete()
    south = RegionMembership.objects.before_2025().filter(region__slug="south-20")
    memberships = list(south.select_related("province"))
    units = {
        merged.unit.slug: merged
        for merged in members_now(memberships, load_successors([m.province for m in memberships]))
    }
    assert [p.slug for p in units["tay-ninh-2025"].other_predecessors] == ["tay-ninh"]
    page = client.get(english("regions:region_detail", slug="south-20"), {"units": "now"}).content.decode()
    members = page[page.index('id="members"') : page.index('id="figures"')]
    assert '<th scope="col">Also formed from</th>' in members
    assert (
        'href="/en/provinces/tay-ninh/">Tây Ninh</a> <span class="basis">(not a member of this group)</span>' in members
    )


def test_north_central_now_keeps_hue_as_its_own_2025_unit(client):
    page = client.get(english("regions:region_detail", slug="north-central-6"), {"units": "now"}).content.decode()
    members = page[page.index('id="members"') : page.index('id="figures"')]
    assert 'href="/en/provinces/hue-2025/">Huế <span class="map-tag">(2025)</span></a>' in members
    assert "The 6 members listed became 5 units of the 2025 map" in members  # Quảng Bình joined Quảng Trị


def test_the_switch_links_keep_the_section_and_mark_the_current_choice(client):
    page = client.get(english("regions:region_detail", slug="north-28"), {"units": "now"}).content.decode()
    nav = page[page.index('aria-label="Members: as it was then or as it is now"') :]
    nav = nav[: nav.index("</nav>")]
    assert 'href="/en/regions/north-28/#members">as it was then' in nav
    assert 'href="?units=now#members" aria-current="true">as it is now' in nav


# The provinces list


def test_provinces_list_as_it_is_now_lists_the_2025_units_with_their_predecessors(client):
    response = client.get("/en/provinces/", {"units": "now", "q": "tay ninh"})
    [unit] = response.context["object_list"]
    assert unit.slug == "tay-ninh-2025"
    page = response.content.decode()
    assert (
        '<a href="/en/provinces/tay-ninh-2025/">Tây Ninh <span class="map-tag">(2025)</span></a> '
        '<span class="formerly">— formerly <a href="/en/provinces/long-an/">Long An</a>, '
        '<a href="/en/provinces/tay-ninh/">Tây Ninh</a></span>'
    ) in page
    assert '<td data-label="Map">2025 map</td>' in page  # the map column says the map the row is on
    assert "before 2025</td>" not in page


def test_as_it_is_now_every_row_is_a_2025_unit_counting_its_predecessors_sessions(client):
    response = client.get("/en/provinces/", {"units": "now", "sort": "-sessions"})
    units = list(Province.objects.from_2025())
    assert response.context["paginator"].count == len(units)
    rows = response.context["object_list"]
    assert {row.administrative_map for row in rows} == {Province.Map.FROM_2025}
    for row in rows:
        held = Conference.objects.filter(status=Conference.Status.HELD)
        expected = held.filter(host=row).count() + held.filter(host__successor=row).count()
        assert row.sessions_hosted == expected == row.hosting.count, row.slug
    assert [row.sessions_hosted for row in rows] == sorted((row.sessions_hosted for row in rows), reverse=True)
    assert any(row.sessions_hosted for row in rows)


def test_as_it_is_now_a_group_filter_finds_the_units_formed_from_its_members(client):
    response = client.get("/en/provinces/", {"units": "now", "region": "south-20"})
    slugs = {row.slug for row in response.context["object_list"]}
    members = RegionMembership.objects.before_2025().filter(region__slug="south-20")
    assert slugs == set(members.values_list("province__successor__slug", flat=True))
    facet = {value.value: value.count for value in response.context["facets"]["region"]}
    assert facet["south-20"] == len(slugs)


def test_as_it_is_now_drops_the_map_filter_and_keeps_the_others(client):
    params = {"map": "before-2025", "sort": "-sessions", "kind": "province"}
    response = client.get("/en/provinces/", {**params, "units": "now"})
    assert response.status_code == 302
    assert response["Location"] == "/en/provinces/?sort=-sessions&kind=province&units=now"
    then = client.get("/en/provinces/", params).content.decode()
    (_, then_query), (_, now_query) = switch_links(then, "Map: as it was then or as it is now")
    assert then_query == {"map": ["before-2025"], "sort": ["-sessions"], "kind": ["province"]}
    assert now_query == {"sort": ["-sessions"], "kind": ["province"], "units": ["now"]}
    page = client.get(response["Location"]).content.decode()
    # Sort and facet links keep the choice too, and so does the language switch.
    assert 'href="?sort=name&amp;kind=province&amp;units=now"' in page
    switch = page[page.index('class="language-switch"') :]
    assert "units=now" in switch[: switch.index("</a>")]


def test_the_switch_on_a_page_without_other_parameters_links_back_to_the_plain_address(client):
    page = client.get("/provinces/", {"units": "now"}).content.decode()
    [(then_path, then_query), (_, now_query)] = switch_links(page, "Bản đồ: theo địa giới khi đó hoặc hiện nay")
    assert (then_path, then_query, now_query) == ("/provinces/", {}, {"units": ["now"]})


# Search by the names of the 2025 units


def kinds(response):
    return {group.kind: [getattr(item, "slug", "") for item in group.results] for group in response.context["groups"]}


def test_an_giang_finds_the_kien_giang_session(client):
    found = kinds(client.get("/search/", {"q": "An Giang"}))
    assert "south-20-x-2024" in found["conferences"]  # Kiên Giang became part of An Giang in 2025
    conferences = [c.slug for c in client.get("/conferences/", {"q": "an giang"}).context["object_list"]]
    assert "south-20-x-2024" in conferences


def test_tay_ninh_finds_long_an_designation(client):
    conferences = {c.slug for c in client.get("/conferences/", {"q": "Tây Ninh"}).context["object_list"]}
    assert conferences >= {"south-20-x-2024", "south-20-xi-2025"}


def test_a_new_unit_name_finds_its_predecessors_figures(client):
    figures = [f.slug for f in client.get("/figures/", {"q": "Bắc Ninh"}).context["object_list"]]
    assert "hanoimoi-north-28-x-2024-exports-bac-giang" in figures  # Bắc Giang is part of the 2025 Bắc Ninh
    response = client.get("/figures/", {"q": "Phú Thọ", "province": "hoa-binh"})  # Hòa Bình is part of Phú Thọ
    hoa_binh = IndicatorReport.objects.filter(province__slug="hoa-binh")
    assert response.context["paginator"].count == hoa_binh.count() > 0
    assert "tin-tu-cac-don-vi-north-28-viii-2022-exports-hoa-binh" in {f.slug for f in response.context["object_list"]}


def test_exact_names_still_rank_first(client):
    # Thanh Hóa did not merge: its own sessions are found by name, as before.
    found = kinds(client.get("/search/", {"q": "Thanh Hóa"}))["conferences"]
    hosted = set(Conference.objects.filter(host__slug="thanh-hoa").values_list("slug", flat=True))
    assert set(found[: len(hosted)]) == hosted >= {"north-28-viii-2022", "north-central-6-x-2022"}
    # A session hosted by the unit itself outranks one found through the 2025 unit its host became.
    response = client.get("/conferences/", {"q": "Kiên Giang"})
    first = response.context["object_list"][0]
    assert first.host.slug == "kien-giang" and "south-20-x-2024" in {c.slug for c in response.context["object_list"]}
    ranks = {c.slug: c.search_rank for c in client.get("/conferences/", {"q": "Hà Nội"}).context["object_list"]}
    best = {slug for slug, rank in ranks.items() if rank == max(ranks.values())}
    assert best == set(Conference.objects.filter(host__slug="ha-noi").values_list("slug", flat=True))
    assert "north-28-x-2024" in best


def test_the_provinces_list_search_is_still_by_the_units_own_names(client):
    # The list's "Name, any spelling" filter is unchanged: Long An is not found as "Tây Ninh".
    slugs = [p.slug for p in client.get("/provinces/", {"q": "tay ninh"}).context["object_list"]]
    assert slugs == ["tay-ninh", "tay-ninh-2025"]


def test_search_columns_carry_the_successor_names():
    conference = Conference.objects.select_related(*Conference.search_related).get(slug="south-20-x-2024")
    assert "|an giang|" in conference.search_text and "|tay ninh|" in conference.search_text
    assert conference.search_columns() == (conference.search_name, conference.search_text)
    report = IndicatorReport.objects.get(slug="hanoimoi-north-28-x-2024-exports-bac-giang")
    assert "|bac ninh|" in report.search_text
    assert Province.objects.get(slug="long-an").search_text == "|long an|"  # provinces: own name only


# A unit's page


def test_a_2025_unit_whose_predecessors_hosted_never_says_no_session_was_hosted(client, empty_database):
    group = factories.region()
    unit, host_itself = (
        factories.province(name=name, administrative_map=Province.Map.FROM_2025, valid_from=date(2025, 7, 1))
        for name in ("Tỉnh Mới", "Tỉnh Mới Khác")
    )
    old, old_too = (
        factories.province(name=name, successor=successor, valid_until=date(2025, 6, 30))
        for name, successor in (("Tỉnh Cũ", unit), ("Tỉnh Cũ Khác", host_itself))
    )
    earlier = [
        factories.conference(region=group, year=year, host=host) for year, host in ((2022, old), (2023, old_too))
    ]
    own = factories.conference(region=group, year=2025, host=host_itself)

    # Its predecessor hosted, it did not (yet): the hosting section points to the predecessors' sessions.
    response = client.get(english("regions:province_detail", slug=unit.slug))
    page = response.content.decode()
    assert response.context["hosting"].count == 1
    assert "No session on record was hosted here." not in page
    assert '<a href="#predecessor-sessions">' in page
    assert [c for _, c, _ in response.context["sessions"].by_predecessors] == [earlier[0]]

    # It hosted a session itself: its own table, and the predecessor's session still counted and listed below.
    response = client.get(english("regions:province_detail", slug=host_itself.slug))
    page = response.content.decode()
    assert response.context["hosting"].count == 2
    assert response.context["sessions"].hosted == [own]
    assert "No session on record was hosted here." not in page
    assert [c for _, c, _ in response.context["sessions"].by_predecessors] == [earlier[1]]
    assert f'href="/en/conferences/{earlier[1].slug}/"' in page[page.index('id="predecessor-sessions"') :]


def test_no_2025_unit_of_the_data_whose_predecessors_hosted_says_no_session_was_hosted(client):
    hosts = (
        Province.objects.from_2025().filter(predecessors__hosted_conferences__status=Conference.Status.HELD).distinct()
    )
    assert hosts.exists()
    for unit in hosts:
        response = client.get(english("regions:province_detail", slug=unit.slug))
        page = response.content.decode()
        assert response.context["hosting"].count > 0
        assert "No session on record was hosted here." not in page, unit.slug
        # Its own sessions in a table, or, with none, a pointer to its predecessors'.
        assert response.context["sessions"].hosted or '<a href="#predecessor-sessions">' in page, unit.slug


def test_existed_until_is_said_of_the_old_unit_not_of_the_new(client):
    page = client.get(english("regions:province_detail", slug="kien-giang")).content.decode()
    assert (
        'Kiên Giang existed until 30 Jun 2025; it was then reorganised into <a href="/en/provinces/an-giang-2025/">'
        "An Giang (2025)</a>."
    ) in page
    assert "(this unit existed until" not in page


def test_as_it_is_now_a_unit_shows_the_groups_a_source_lists_it_in_beside_its_predecessors(client, empty_database):
    group = factories.region(slug="test-group", name_en="Test group")
    unit = factories.province(name="Tỉnh Mới", administrative_map=Province.Map.FROM_2025, valid_from=date(2025, 7, 1))
    factories.province(name="Tỉnh Cũ", successor=unit, valid_until=date(2025, 6, 30))
    factories.membership(region=group, province=unit, basis="stated")
    page = client.get("/en/provinces/", {"units": "now"}).content.decode()
    row = page[page.index("Tỉnh Mới") :]
    assert 'Test group</a></li></ul><span class="basis">(listed on the 2025 map)</span>' in row[: row.index("</tr>")]
    assert "none recorded" not in row[: row.index("</tr>")]
