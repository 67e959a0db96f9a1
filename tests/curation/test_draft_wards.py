"""Wards and communes of the 2025 map (the statistics office's list, from the vietnam-provinces package),
resolved to the reference's 2025 units."""

from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from curation.draft_wards import Wards
from curation.reference import read_reference


@pytest.fixture(scope="module")
def reference():
    return read_reference(Path(settings.FIXTURE_DIRS[0]) / "reference")


@pytest.fixture(scope="module")
def wards(reference):
    return Wards(reference)


def test_every_province_of_the_package_is_one_of_our_34_units(wards, reference):
    units = {p.slug for p in reference.provinces if p.administrative_map == "2025"}
    assert len(units) == 34
    assert set(wards.units.values()) == units


def test_a_ward_unique_in_the_country_resolves_to_its_province(wards):
    found = wards.province_of("phường Trường Vinh")
    assert found.slug == "nghe-an-2025"
    assert wards.province_of("Phường Bãi Cháy").slug == "quang-ninh-2025"
    assert wards.province_of("đặc khu Phú Quốc").slug == "an-giang-2025"


def test_a_ward_name_used_in_several_provinces_needs_the_province(wards, reference):
    assert wards.province_of("xã Tân Thành") is None
    tay_ninh = reference.province_named("Tây Ninh", on=date(2025, 11, 20))
    assert wards.province_of("phường Tân An", within=tay_ninh).slug == "tay-ninh-2025"


def test_the_type_is_part_of_the_name(wards):
    assert wards.province_of("xã Trường Vinh") is None  # a ward ("phường"), not a commune
    assert wards.province_of("Trường Vinh") is None


def test_wards_in_a_text(wards):
    text = "Sáng 20/11, tại phường Long An, tỉnh Tây Ninh, hội nghị diễn ra."
    [ward] = wards.find(text)
    assert ward.written == "phường Long An"
    assert text[ward.start : ward.end] == "phường Long An"
