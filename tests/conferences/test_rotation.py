"""The hosting rotation (conferences.rotation): gaps, contradictions, each province's turn, and the pages."""

from datetime import date

import factories
import pytest
from django.urls import reverse
from django.utils import translation

from conferences.models import Conference
from conferences.rotation import current_designations, every_session_for_hosting, hosting_summaries, region_rotation
from regions.models import Province, Region

GROUP = Region(pk=900, slug="test-group", name_vi="nhóm thử", name_en="test group", declared_size=5)
NEW = Province(pk=950, slug="new-2025", name="New", administrative_map=Province.Map.FROM_2025)
A = Province(pk=901, slug="a", name="Province A", successor=NEW)
B = Province(pk=902, slug="b", name="Province B")
C = Province(pk=903, slug="c", name="Province C", successor=NEW)


def session(number, year, host=None, *, next_host=None, status="held", pk=None):
    return Conference(
        pk=pk,
        region=GROUP,
        session_number=number,
        year=year,
        status=status,
        host=host,
        host_basis="stated" if host else "",
        next_host=next_host,
    )


def lines(rotation):
    """Each entry as a short string: "I–VII?" for a gap, "VIII 2022" or "? 2016" for a session."""
    return [
        f"{entry.gap_roman}?" if entry.is_gap else f"{entry.conference.session_roman or '?'} {entry.conference.year}"
        for entry in rotation.entries
    ]


def english(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


# A constructed timeline (no database)


def test_numbers_no_source_mentions_are_one_collapsed_entry_and_an_unnumbered_session_goes_by_its_year():
    rotation = region_rotation([session(9, 2023, B), session(None, 2016, A), session(8, 2022, A), session(10, 2024)])
    assert lines(rotation) == ["I–VII?", "? 2016", "VIII 2022", "IX 2023", "X 2024"]
    assert rotation.missing_numbers == 7
    assert rotation.flag_count == 0


def test_a_single_missing_number_in_the_middle_is_its_own_entry():
    with translation.override("en"):
        rotation = region_rotation([session(1, 2020), session(3, 2022)])
    assert lines(rotation) == ["I 2020", "II?", "III 2022"]
    assert rotation.entries[1].gap_size == 1


def test_an_unnumbered_session_after_every_numbered_one_goes_last():
    assert lines(region_rotation([session(1, 2020), session(None, 2030)])) == ["I 2020", "? 2030"]


def test_numbers_decreasing_with_the_years_do_not_fit():
    with translation.override("en"):
        rotation = region_rotation([session(9, 2023), session(10, 2021)])
    [flag] = rotation.entries[-1].flags
    assert flag == "Session X is dated 2021, earlier than session IX (2023)."
    assert rotation.entries[-2].flags == []


def test_two_numbers_in_one_year_do_not_fit():
    with translation.override("en"):
        rotation = region_rotation([session(8, 2022), session(9, 2022)])
    assert rotation.entries[-1].flags == ["Sessions VIII and IX are both dated 2022."]


def test_more_numbers_than_years_between_two_sessions_do_not_fit():
    # VIII in 2022 and X in 2023: three sessions in two years, so two fell in one year.
    with translation.override("en"):
        rotation = region_rotation([session(8, 2022), session(10, 2023)])
    assert lines(rotation) == ["I–VII?", "VIII 2022", "IX?", "X 2023"]
    [flag] = rotation.entries[-1].flags
    assert "VIII (2022) and X (2023)" in flag and "two sessions would fall in one year" in flag


def test_a_gap_that_fits_its_years_is_not_flagged():
    assert region_rotation([session(8, 2022), session(10, 2024)]).flag_count == 0


def test_the_same_number_twice_does_not_fit():
    with translation.override("en"):
        rotation = region_rotation([session(8, 2022, pk=1), session(8, 2023, pk=2)])
    assert rotation.entries[-1].flags == ["Session VIII is recorded twice, in 2022 and in 2023."]


def test_a_next_host_named_at_the_handover_who_does_not_host_the_next_session_does_not_fit():
    with translation.override("en"):
        rotation = region_rotation([session(8, 2022, A, next_host=B), session(9, 2023, C)])
    following = rotation.entries[-1]
    assert following.handover_fits is False
    assert following.flags == ["Session VIII hands the flag to Province B, but session IX is hosted by Province C."]


def test_an_announced_host_other_than_the_one_named_at_the_handover_does_not_fit():
    rotation = region_rotation([session(8, 2022, A, next_host=B), session(9, 2023, C, status="announced")])
    assert rotation.flag_count == 1


def test_the_named_host_or_the_2025_unit_it_became_fits():
    assert region_rotation([session(8, 2022, B, next_host=A), session(9, 2023, A)]).entries[-1].handover_fits
    rotation = region_rotation([session(8, 2024, B, next_host=A), session(9, 2025, NEW)])
    assert rotation.entries[-1].handover_fits and rotation.flag_count == 0


def test_a_handover_with_no_next_session_or_host_on_record_is_not_judged():
    assert region_rotation([session(8, 2022, A, next_host=B)]).flag_count == 0
    assert region_rotation([session(8, 2022, A, next_host=B), session(9, 2023)]).entries[-1].handover_fits is None


def test_designations_are_the_announced_hosts_and_the_latest_handover():
    held = session(8, 2022, A, next_host=B)
    announced = session(9, 2023, B, status="announced")
    [turn] = current_designations([held, announced])
    assert (turn.unit, turn.session, turn.handover) == (B, announced, held)

    # Named at a handover, no announced session with a host: designated for "the next session".
    [turn] = current_designations([held])
    assert (turn.unit, turn.session, turn.handover) == (B, None, held)

    # A later held session ends an earlier handover's designation.
    assert current_designations([held, session(9, 2023, C)]) == []


def test_summaries_count_held_sessions_only_and_a_2025_unit_counts_its_predecessors():
    conferences = [
        session(8, 2022, A, next_host=C),
        session(9, 2023, C, status="announced"),
    ]
    summaries = hosting_summaries(conferences, [A, C, NEW])
    assert (summaries[A.pk].count, summaries[A.pk].last.year, summaries[A.pk].is_designated) == (1, 2022, False)
    assert (summaries[C.pk].count, summaries[C.pk].is_designated) == (0, True)
    assert summaries[NEW.pk].through_predecessors
    assert summaries[NEW.pk].count == 1 and summaries[NEW.pk].designations[0].unit == C
    own_only = hosting_summaries(conferences, [NEW], through_predecessors=False)
    assert own_only[NEW.pk].count == 0 and not own_only[NEW.pk].is_designated


# The curated dataset, on purpose: the rotations and turns the articles and records give


@pytest.mark.django_db
def test_real_rotations_have_their_gaps_and_nothing_that_does_not_fit():
    for slug, expected in {
        "north-28": ["I–VII?", "? 2016", "VIII 2022", "IX 2023", "X 2024", "XI 2025"],
        "south-20": ["I–IV?", "V 2018", "VI–VII?", "? 2019", "VIII 2022", "IX 2023", "X 2024", "XI 2025"],
        "north-central-6": ["I–IX?", "X 2022", "XI 2023", "? 2024"],
        "central-highlands-15": ["I–V?", "? 2013", "VI 2019", "VII–IX?", "? 2022", "? 2023", "X 2024", "XI 2025"],
        "five-cities-5": ["I–VI?", "VII 2024"],
        "red-river-north-central-14": ["I–XI?", "XII 2010"],
    }.items():
        rotation = region_rotation(Conference.objects.filter(region__slug=slug).select_related("host", "next_host"))
        assert lines(rotation) == expected
        assert rotation.flag_count == 0
    south = region_rotation(Conference.objects.filter(region__slug="south-20").select_related("host", "next_host"))
    assert south.entries[-1].handover_fits  # Long An, named at X's handover; XI held by the Tây Ninh it became
    north = region_rotation(Conference.objects.filter(region__slug="north-28").select_related("host", "next_host"))
    assert north.entries[-2].handover_fits  # Hà Nội, named at IX's handover, hosted X


def summaries_of(*slugs):
    provinces = list(Province.objects.filter(slug__in=slugs))
    summaries = hosting_summaries(every_session_for_hosting(), provinces)
    return {province.slug: summaries[province.pk] for province in provinces}


@pytest.mark.django_db
def test_province_summaries_on_the_real_data():
    summaries = summaries_of("thanh-hoa", "long-an", "kien-giang", "thua-thien-hue", "ha-noi", "tay-ninh-2025")
    thanh_hoa = summaries["thanh-hoa"]
    assert (thanh_hoa.count, thanh_hoa.last.year, thanh_hoa.is_designated) == (2, 2022, False)
    assert thanh_hoa.last.slug == "north-28-viii-2022"  # 23 September, after the North Central session in May

    # Named at session X's handover; session XI has since been held (by the Tây Ninh it became): no turn left.
    long_an = summaries["long-an"]
    assert (long_an.count, long_an.last, long_an.is_designated) == (0, None, False)

    kien_giang = summaries["kien-giang"]
    assert (kien_giang.count, kien_giang.last.year, kien_giang.is_designated) == (1, 2024, False)

    # Announced for North Central session XI (2023), which no source reports; a 2024 session was held since.
    assert not summaries["thua-thien-hue"].is_designated

    assert (summaries["ha-noi"].count, summaries["ha-noi"].last.year) == (1, 2024)

    tay_ninh = summaries["tay-ninh-2025"]  # the 2025 unit Long An and Tây Ninh became
    assert tay_ninh.through_predecessors and not tay_ninh.is_designated
    assert [c.slug for c in tay_ninh.hosted] == ["south-20-viii-2022", "south-20-xi-2025"]  # as Tây Ninh, then itself


# The pages, over sessions each test builds


@pytest.fixture
def north(empty_database):
    """A group's session of 2016 with no number, sessions VIII to X held, and XI announced."""
    group = factories.region(slug="north-28")
    sessions = {"2016": factories.conference(region=group, year=2016, slug="north-28-2016")}
    for number, roman, year in ((8, "viii", 2022), (9, "ix", 2023), (10, "x", 2024)):
        sessions[roman] = factories.conference(
            region=group, session_number=number, year=year, slug=f"north-28-{roman}-{year}"
        )
    sessions["xi"] = factories.conference(
        region=group, session_number=11, year=2025, slug="north-28-xi-2025", status="announced"
    )
    return sessions


@pytest.fixture
def south(empty_database):
    """Session X held at Kiên Giang names Long An the next host; XI is announced at Long An."""
    group = factories.region(slug="south-20", name_en="Southern provinces and cities")
    long_an = factories.province(name="Long An", slug="long-an")
    kien_giang = factories.province(name="Kiên Giang", slug="kien-giang")
    factories.conference(
        region=group, session_number=10, year=2024, slug="south-20-x-2024", host=kien_giang, next_host=long_an
    )
    factories.conference(
        region=group,
        session_number=11,
        year=2025,
        slug="south-20-xi-2025",
        status="announced",
        host=long_an,
        host_basis="stated",
    )
    return group


@pytest.mark.django_db
def test_region_page_shows_the_rotation_with_its_gap_and_the_unnumbered_session(client, north):
    page = client.get(english("regions:region_detail", slug="north-28")).content.decode()
    rotation = page[page.index('id="rotation"') : page.index('id="figures"')]
    assert "Sessions I–VII: not in the sources" in rotation
    assert rotation.count('class="rotation-entry rotation-gap"') == 1
    assert "The sources give this session no number: it is placed by its year." in rotation
    assert rotation.index("north-28-2016") < rotation.index("north-28-viii-2022") < rotation.index("north-28-xi-2025")
    assert "does-not-fit" not in rotation
    assert 'class="status status-announced"' in rotation


@pytest.mark.django_db
def test_region_page_says_the_announced_host_is_the_one_named_at_the_handover(client, south):
    page = client.get(english("regions:region_detail", slug="south-20")).content.decode()
    rotation = page[page.index('id="rotation"') : page.index('id="figures"')]
    assert "Sessions I–IX: not in the sources" in rotation
    assert "(as named at the previous flag handover)" in rotation
    assert 'href="/en/provinces/long-an/">Long An</a>' in rotation


@pytest.mark.django_db
def test_a_contradiction_in_the_database_is_flagged_on_the_page(client, north):
    # Session IX dated before VIII: the page flags it rather than hiding it.
    Conference.objects.filter(pk=north["ix"].pk).update(year=2021)
    page = client.get(english("regions:region_detail", slug="north-28")).content.decode()
    rotation = page[page.index('id="rotation"') : page.index('id="figures"')]
    assert "1 thing in this rotation does not fit" in rotation
    assert '<strong class="does-not-fit">does not fit</strong>' in rotation
    assert "Session IX is dated 2021, earlier than session VIII (2022)." in rotation


@pytest.mark.django_db
def test_province_page_summarises_its_turn_to_host(client, south):
    page = client.get(english("regions:province_detail", slug="long-an")).content.decode()
    summary = page[page.index('id="rotation"') : page.index('id="groups"')]
    assert "<dt>Sessions hosted</dt>\n  <dd>0</dd>" in summary
    assert "none on record" in summary
    assert 'href="/en/conferences/south-20-xi-2025/"' in summary
    assert "announced as host; named at the flag handover of" in summary

    thanh_hoa = factories.province(name="Thanh Hóa", slug="thanh-hoa")
    factories.conference(host=thanh_hoa, year=2022, slug="north-central-6-x-2022", date=date(2022, 5, 13))
    factories.conference(host=thanh_hoa, year=2022, slug="north-28-viii-2022", date=date(2022, 9, 23))
    page = client.get(english("regions:province_detail", slug="thanh-hoa")).content.decode()
    summary = page[page.index('id="rotation"') : page.index('id="groups"')]
    assert "<dd>2 " in summary and 'href="/en/conferences/north-28-viii-2022/">2022' in summary
    assert "No designation to host a session is on record." in summary


@pytest.mark.django_db
def test_a_2025_unit_counts_through_the_units_it_was_formed_from(client, south):
    unit = factories.province(
        name="Tây Ninh", slug="tay-ninh-2025", administrative_map=Province.Map.FROM_2025, valid_from=date(2025, 7, 1)
    )
    Province.objects.filter(slug="long-an").update(successor=unit)
    page = client.get(english("regions:province_detail", slug="tay-ninh-2025")).content.decode()
    summary = page[page.index('id="rotation"') : page.index('id="groups"')]
    assert "Counted through the units it was formed from" in summary
    assert 'href="/en/conferences/south-20-xi-2025/"' in summary
    assert "(as Long An)" in summary


@pytest.mark.django_db
def test_province_list_shows_when_each_last_hosted_and_what_it_is_designated_for(client, south):
    thanh_hoa = factories.province(name="Thanh Hóa", slug="thanh-hoa")
    for year in (2016, 2022):
        factories.conference(host=thanh_hoa, year=year)
    response = client.get("/en/provinces/", {"sort": "-sessions", "map": "before-2025"})
    rows = {province.slug: province for province in response.context["object_list"]}
    assert rows["thanh-hoa"].hosting.last.year == 2022
    assert rows["kien-giang"].hosting.last.year == 2024
    page = response.content.decode()
    assert '<th scope="col">Last hosted</th>' in page and '<th scope="col">Designated next host</th>' in page
    long_an = client.get("/en/provinces/", {"q": "long an"}).content.decode()
    assert 'href="/en/conferences/south-20-xi-2025/">Southern provinces and cities, XI (2025)</a>' in long_an


@pytest.mark.django_db
def test_province_list_rotation_columns_keep_a_fixed_query_count(client, django_assert_num_queries):
    with django_assert_num_queries(9):  # the data version; the list's 7, and one for the page's hosting rotation
        client.get("/provinces/", {"page": "3"})
    # As it is now: the 2025 units' predecessors and their memberships instead of the map facet; the group
    # choices and the sessions the rotation is read from are kept from the first request (portal.per_load).
    with django_assert_num_queries(8):
        client.get("/provinces/", {"sort": "-sessions", "units": "now"})
