"""The 2025 map switch (regions.map2025, ``?units=now``) and search by the names of the 2025 units."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import translation

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
    memberships = list(RegionMembership.objects.filter(region__slug="south-20").select_related("province"))
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
    with django_assert_num_queries(7):  # the data version; the page's 5, and the 2025 units with their predecessors
        response = client.get(english("regions:region_detail", slug="south-20"), {"units": "now"})
    page = response.content.decode()
    members = page[page.index('id="members"') : page.index('id="sessions"')]
    assert "The 19 members listed became 8 units of the 2025 map" in members
    assert (
        '<a href="/en/provinces/tay-ninh-2025/">Tây Ninh <span class="map-tag">(2025)</span></a> '
        '<span class="formerly">— formerly <a href="/en/provinces/long-an/">Long An</a>, '
        '<a href="/en/provinces/tay-ninh/">Tây Ninh</a></span>'
    ) in members
    assert members.count("<tr>") == 1 + 8  # header and one row per 2025 unit
    assert "Also formed from" not in members  # no non-member was merged into them
    rotation = page[page.index('id="rotation"') : page.index('id="figures"')]
    assert (
        '<a href="/en/provinces/kien-giang/">Kiên Giang</a> <span class="then-now">(2024) → now '
        '<a href="/en/provinces/an-giang-2025/">An Giang <span class="map-tag">(2025)</span></a></span>'
    ) in rotation
    assert 'Long An</a> <span class="then-now">(2024) → now' in rotation  # named at the handover


def test_as_it_was_then_is_the_default_and_unchanged(client, django_assert_num_queries):
    with django_assert_num_queries(6):  # the data version, then the view's 5
        page = client.get(english("regions:region_detail", slug="south-20")).content.decode()
    assert page.count('class="basis-tag basis-inferred">inferred</span>') == 9
    assert "formerly" not in page and "then-now" not in page
    then = client.get(english("regions:region_detail", slug="south-20"), {"units": "then"}).content.decode()
    assert "then-now" not in then  # anything but "now" is the default


def test_a_member_whose_2025_unit_also_absorbed_non_members_says_so(client):
    # No group's 2025 unit absorbed a non-member in the real data; remove Tây Ninh from the south to see it.
    RegionMembership.objects.filter(region__slug="south-20", province__slug="tay-ninh").delete()
    memberships = list(RegionMembership.objects.filter(region__slug="south-20").select_related("province"))
    units = {
        merged.unit.slug: merged
        for merged in members_now(memberships, load_successors([m.province for m in memberships]))
    }
    assert [p.slug for p in units["tay-ninh-2025"].other_predecessors] == ["tay-ninh"]
    page = client.get(english("regions:region_detail", slug="south-20"), {"units": "now"}).content.decode()
    members = page[page.index('id="members"') : page.index('id="sessions"')]
    assert '<th scope="col">Also formed from</th>' in members
    assert (
        'href="/en/provinces/tay-ninh/">Tây Ninh</a> <span class="basis">(not a member of this group)</span>' in members
    )


def test_north_central_now_keeps_hue_as_its_own_2025_unit(client):
    page = client.get(english("regions:region_detail", slug="north-central-6"), {"units": "now"}).content.decode()
    members = page[page.index('id="members"') : page.index('id="sessions"')]
    assert 'href="/en/provinces/hue-2025/">Huế <span class="map-tag">(2025)</span></a>' in members
    assert "The 6 members listed became 5 units of the 2025 map" in members  # Quảng Bình joined Quảng Trị


def test_the_switch_links_keep_the_section_and_mark_the_current_choice(client):
    page = client.get(english("regions:region_detail", slug="north-28"), {"units": "now"}).content.decode()
    nav = page[page.index('aria-label="Members: as it was then or as it is now"') :]
    nav = nav[: nav.index("</nav>")]
    assert 'href="/en/regions/north-28/#members">as it was then' in nav
    assert 'href="?units=now#members" aria-current="true">as it is now' in nav


# The provinces list


def test_provinces_list_as_it_is_now_shows_each_old_unit_as_its_successor(client):
    response = client.get("/en/provinces/", {"units": "now", "q": "long an"})
    page = response.content.decode()
    assert (
        '<a href="/en/provinces/tay-ninh-2025/">Tây Ninh <span class="map-tag">(2025)</span></a> '
        '<span class="formerly">— formerly <a href="/en/provinces/long-an/">Long An</a></span>'
    ) in page


def test_the_switch_is_display_only_and_keeps_every_other_parameter(client):
    params = {"map": "before-2025", "sort": "-sessions", "page": "2", "kind": "province"}
    then = client.get("/en/provinces/", params)
    now = client.get("/en/provinces/", {**params, "units": "now"})
    assert now.status_code == then.status_code == 200
    slugs = [p.slug for p in then.context["object_list"]]
    assert [p.slug for p in now.context["object_list"]] == slugs  # same rows, same order, same page
    assert now.context["paginator"].count == then.context["paginator"].count
    assert [(f.value, f.count) for f in now.context["facets"]["map"]] == [
        (f.value, f.count) for f in then.context["facets"]["map"]
    ]
    page = now.content.decode()
    (_, then_query), (_, now_query) = switch_links(page, "Map: as it was then or as it is now")
    assert then_query == {"map": ["before-2025"], "sort": ["-sessions"], "page": ["2"], "kind": ["province"]}
    assert now_query == {**then_query, "units": ["now"]}
    # Sort, facet and page links keep the choice too, and so does the language switch.
    assert 'href="?map=before-2025&amp;sort=name&amp;kind=province&amp;units=now"' in page
    assert 'href="?map=before-2025&amp;sort=-sessions&amp;units=now&amp;kind=city"' in page
    assert 'href="?map=before-2025&amp;sort=-sessions&amp;page=3&amp;kind=province&amp;units=now"' in page
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
    assert conferences == ["south-20-x-2024"]


def test_tay_ninh_finds_long_an_designation(client):
    conferences = {c.slug for c in client.get("/conferences/", {"q": "Tây Ninh"}).context["object_list"]}
    assert conferences == {"south-20-x-2024", "south-20-xi-2025"}


def test_a_new_unit_name_finds_its_predecessors_figures(client):
    figures = [f.slug for f in client.get("/figures/", {"q": "Bắc Ninh"}).context["object_list"]]
    assert "hanoimoi-north-28-x-2024-exports-bac-giang" in figures  # Bắc Giang is part of the 2025 Bắc Ninh
    figures = [f.slug for f in client.get("/figures/", {"q": "Phú Thọ"}).context["object_list"]]
    assert {f for f in figures if f.endswith("-hoa-binh")} == {
        "tin-tu-cac-don-vi-north-28-viii-2022-iip-growth-hoa-binh",
        "tin-tu-cac-don-vi-north-28-viii-2022-retail-sales-hoa-binh",
        "tin-tu-cac-don-vi-north-28-viii-2022-exports-hoa-binh",
    }


def test_exact_names_still_rank_first(client):
    # Thanh Hóa did not merge: its own sessions are found by name, as before.
    assert kinds(client.get("/search/", {"q": "Thanh Hóa"}))["conferences"] == [
        "north-28-viii-2022",
        "north-central-6-x-2022",
    ]
    # A session hosted by the unit itself outranks one found through the 2025 unit its host became.
    response = client.get("/conferences/", {"q": "Kiên Giang"})
    assert [c.slug for c in response.context["object_list"]] == ["south-20-x-2024"]
    ranks = {c.slug: c.search_rank for c in client.get("/conferences/", {"q": "Hà Nội"}).context["object_list"]}
    # Session X was held in Hà Nội; session IX only names it as the next host (a record states the handover).
    assert ranks["north-28-x-2024"] == max(ranks.values()) > ranks["north-28-ix-2023"]


def test_the_provinces_list_search_is_still_by_the_units_own_names(client):
    # The list's "Name, any spelling" filter is unchanged: Long An is not found as "Tây Ninh".
    slugs = [p.slug for p in client.get("/provinces/", {"q": "tay ninh"}).context["object_list"]]
    assert slugs == ["tay-ninh", "tay-ninh-2025"]


def test_search_columns_carry_the_successor_names():
    from conferences.models import Conference, IndicatorReport

    conference = Conference.objects.select_related(*Conference.search_related).get(slug="south-20-x-2024")
    assert "|an giang|" in conference.search_text and "|tay ninh|" in conference.search_text
    assert conference.search_columns() == (conference.search_name, conference.search_text)
    report = IndicatorReport.objects.get(slug="hanoimoi-north-28-x-2024-exports-bac-giang")
    assert "|bac ninh|" in report.search_text
    assert Province.objects.get(slug="long-an").search_text == "|long an|"  # provinces: own name only
