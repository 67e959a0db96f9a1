from datetime import date

import pytest

from regions.models import Province, Region, RegionMembership

pytestmark = pytest.mark.django_db


def test_both_administrative_maps_are_stored():
    assert Province.objects.before_2025().count() == 63
    assert Province.objects.from_2025().count() == 34
    assert Province.objects.from_2025().filter(kind="city").count() == 6
    assert not Province.objects.from_2025().filter(successor__isnull=False).exists()
    assert not Province.objects.before_2025().filter(successor__isnull=True).exists()


def test_a_successor_sharing_a_name_is_a_different_unit():
    old = Province.objects.get(slug="tuyen-quang")
    new = Province.objects.get(slug="tuyen-quang-2025")
    assert old.name == new.name and old.pk != new.pk
    assert old.successor == new
    assert set(new.predecessors.values_list("slug", flat=True)) == {"ha-giang", "tuyen-quang"}


def test_hue_became_a_city_on_the_first_of_january_2025():
    thua_thien_hue = Province.objects.get(slug="thua-thien-hue")
    assert thua_thien_hue.valid_until == date(2024, 12, 31)
    assert thua_thien_hue.successor.name == "Huế"
    assert thua_thien_hue.successor.valid_from == date(2025, 1, 1)
    assert thua_thien_hue.successor.kind == "city"


def test_groups_declare_their_size_and_list_members_with_a_basis():
    # Deliberate checks of the curated groups (fixtures/reference/regions.csv, conference-groups.csv): the
    # members each was declared with, on the map before 2025; only these count against the declared size.
    sizes = {
        region.slug: (region.declared_size, region.memberships.before_2025().count()) for region in Region.objects.all()
    }
    assert sizes == {
        "north-28": (28, 28),
        "south-20": (20, 19),  # the 20th is unknown
        "north-central-6": (6, 6),
        "central-highlands-15": (15, 15),
        "five-cities-5": (5, 5),
        "red-river-north-central-14": (14, 0),  # its page does not list its members
    }
    south = RegionMembership.objects.before_2025().filter(region__slug="south-20")
    assert set(south.filter(basis="inferred").values_list("province__slug", flat=True)) == {
        "an-giang",
        "bac-lieu",
        "binh-duong",
        "ca-mau",
        "dong-nai",
        "soc-trang",
        "tien-giang",
    }
    assert south.get(province__slug="kien-giang").basis == "stated"
    # A source lists the group's units on the 2025 map beside them: stated, each with its source.
    south_2025 = RegionMembership.objects.filter(region__slug="south-20", province__administrative_map="2025")
    assert south_2025.count() == 8
    assert {m.basis for m in south_2025} == {"stated"}
    assert all(m.statements.exists() for m in south_2025)


def test_a_province_can_belong_to_several_groups():
    groups = RegionMembership.objects.filter(province__slug="thanh-hoa").values_list("region__slug", flat=True)
    assert sorted(groups) == ["north-28", "north-central-6"]


def test_memberships_end_when_the_old_map_does():
    membership = RegionMembership.objects.get(region__slug="north-28", province__slug="ha-noi")
    assert membership.valid_until == date(2025, 6, 30)
    assert membership.valid_from is None
