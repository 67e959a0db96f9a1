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
    sizes = {region.slug: (region.declared_size, region.memberships.count()) for region in Region.objects.all()}
    assert sizes == {"north-28": (28, 28), "south-20": (20, 19), "north-central-6": (6, 6)}
    south = RegionMembership.objects.filter(region__slug="south-20")
    assert south.filter(basis="inferred").count() == 9
    assert south.get(province__slug="kien-giang").basis == "stated"


def test_a_province_can_belong_to_several_groups():
    groups = RegionMembership.objects.filter(province__slug="thanh-hoa").values_list("region__slug", flat=True)
    assert sorted(groups) == ["north-28", "north-central-6"]


def test_memberships_end_when_the_old_map_does():
    membership = RegionMembership.objects.get(region__slug="north-28", province__slug="ha-noi")
    assert membership.valid_until == date(2025, 6, 30)
    assert membership.valid_from is None
