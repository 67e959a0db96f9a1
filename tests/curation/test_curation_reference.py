"""The reference tables: both administrative maps, the conference groups, and names resolved by date."""

import shutil
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from curation.problems import CurationError
from curation.reference import MAP_2025, MAP_BEFORE_2025, read_reference

REFERENCE = Path(settings.FIXTURE_DIRS[0]) / "reference"


@pytest.fixture(scope="module")
def reference():
    return read_reference(REFERENCE)


@pytest.fixture
def folder(tmp_path):
    """A private copy of the reference tables, to break."""
    return Path(shutil.copytree(REFERENCE, tmp_path / "reference"))


def edit_csv(path: Path, old: str, new: str) -> int:
    """Replace the one line equal to ``old`` by ``new`` (None: delete it); return its 1-based number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines.count(old) == 1, f"{old!r} is not one line of {path.name}"
    number = lines.index(old) + 1
    if new is None:
        del lines[number - 1]
    else:
        lines[number - 1] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return number


def edit_row(path: Path, prefix: str, old: str, new: str | None) -> int:
    """In the one line starting with ``prefix``, replace ``old`` by ``new`` (None: delete the line)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    [index] = [i for i, line in enumerate(lines) if line.startswith(prefix)]
    if new is None:
        del lines[index]
    else:
        assert old in lines[index]
        lines[index] = lines[index].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


def read_error(folder: Path) -> CurationError:
    with pytest.raises(CurationError) as caught:
        read_reference(folder)
    return caught.value


def reported(error: CurationError, path: Path, line: int | None, *words: str) -> str:
    where = f"{path}:{line}: " if line else f"{path}: "
    matching = [t for t in str(error).splitlines() if t.startswith(where) and all(w in t for w in words)]
    assert matching, f"nothing at {where!r} says {words!r}; the error says:\n{error}"
    return matching[0]


# The real tables ---------------------------------------------------------------------------------


def test_both_administrative_maps_have_their_sizes(reference):
    before = [p for p in reference.provinces if p.administrative_map == MAP_BEFORE_2025]
    after = [p for p in reference.provinces if p.administrative_map == MAP_2025]
    assert len(before) == 63
    assert len(after) == 34
    assert sum(p.kind == "city" for p in after) == 6
    assert sum(p.kind == "city" for p in before) == 5  # Hà Nội, Hải Phòng, Đà Nẵng, TP HCM, Cần Thơ
    assert len({p.slug for p in reference.provinces}) == 97


def test_successors_come_first_and_every_unit_before_2025_has_one(reference):
    slugs = [p.slug for p in reference.provinces]
    after = {p.slug for p in reference.provinces if p.administrative_map == MAP_2025}
    for province in reference.provinces:
        if province.administrative_map == MAP_BEFORE_2025:
            assert province.successor in after
            assert slugs.index(province.successor) < slugs.index(province.slug)
        else:
            assert province.successor is None
            assert province.slug.endswith("-2025")


def test_memberships(reference):
    """Deliberate checks of the curated groups: their sizes on the map they were declared with, a
    province in two groups, and a group listed again on the 2025 map."""
    before = {}
    for membership in reference.memberships:
        if not membership["province"].endswith("-2025"):
            before.setdefault(membership["region"], []).append(membership["province"])
    assert (len(before["north-28"]), len(before["north-central-6"])) == (28, 6)
    assert all(
        len(before[region["slug"]]) <= region["declared_size"]
        for region in reference.regions
        if region["slug"] in before
    )
    assert {"north-28", "north-central-6"} <= {
        m["region"] for m in reference.memberships if m["province"] == "thanh-hoa"
    }
    assert all(m["valid_until"] == date(2025, 6, 30) for m in reference.memberships if m["province"] == "thanh-hoa")
    on_2025_map = [m for m in reference.memberships if m["province"].endswith("-2025")]
    assert on_2025_map and all(m["valid_from"] and m["valid_until"] is None for m in on_2025_map)


def test_every_stated_membership_names_its_source_and_no_inferred_one_does(reference):
    for membership in reference.memberships:
        assert bool(membership["_source"] and membership["_locator"]) == (membership["basis"] == "stated"), membership


def test_regions_and_indicators(reference):
    assert [region["slug"] for region in reference.regions][:3] == ["north-28", "south-20", "north-central-6"]
    assert reference.region("south-20")["declared_size"] == 20
    assert reference.region("north-27") is None
    assert reference.indicator("export_turnover")["unit"] == "USD"
    assert reference.indicator("exports") is None


@pytest.mark.parametrize(
    ("code", "unit"),
    [
        ("electricity_commercial", "kWh"),
        ("electricity_produced", "kWh"),
        ("cement_output", "tonne"),
        ("steel_output", "tonne"),
        ("tea_output", "tonne"),
        ("coal_output", "tonne"),
        ("tap_water_output", "m3"),
        ("trade_balance", "USD"),
        ("markets", "count"),
        ("supermarkets", "count"),
        ("trade_centres", "count"),
        ("convenience_stores", "count"),
        ("industrial_parks", "count"),
        ("industrial_cluster_occupancy", "percent"),
        ("industrial_park_occupancy", "percent"),
        ("area", "km2"),
        ("population", "person"),
        ("recovery_ratio", "percent"),
    ],
)
def test_the_indicators_of_physical_output_trade_and_infrastructure(reference, code, unit):
    indicator = reference.indicator(code)
    assert indicator["unit"] == unit
    assert indicator["name_vi"] and indicator["name_en"]


@pytest.mark.parametrize("name", ["Thanh Hóa", "Thanh Hoá", "THANH HÓA", "  thanh   hoa "])
def test_thanh_hoa_is_the_old_province_in_2022_and_the_new_one_in_2026(reference, name):
    old = reference.province_named(name, on=date(2022, 9, 23))
    assert old.slug == "thanh-hoa"
    assert old.administrative_map == MAP_BEFORE_2025
    assert old.successor == "thanh-hoa-2025"
    new = reference.province_named(name, on=date(2026, 1, 1))
    assert new.slug == "thanh-hoa-2025"
    assert new.administrative_map == MAP_2025


def test_the_2025_reorganisation_takes_effect_on_1_july(reference):
    assert reference.province_named("Thanh Hóa", on=date(2025, 6, 30)).slug == "thanh-hoa"
    assert reference.province_named("Thanh Hóa", on=date(2025, 7, 1)).slug == "thanh-hoa-2025"
    assert reference.province_named("Hà Giang", on=date(2025, 6, 30)).slug == "ha-giang"
    assert reference.province_named("Hà Giang", on=date(2025, 7, 1)) is None


def test_thua_thien_hue_became_hue_on_1_january_2025(reference):
    assert reference.province_named("Thừa Thiên Huế", on=date(2024, 12, 31)).slug == "thua-thien-hue"
    assert reference.province_named("Thừa Thiên Huế", on=date(2025, 1, 1)) is None
    assert reference.province_named("Huế", on=date(2024, 12, 31)) is None
    hue = reference.province_named("Huế", on=date(2025, 1, 1))
    assert hue.slug == "hue-2025"
    assert hue.kind == "city"


def test_long_an_in_2024_and_its_successor(reference):
    long_an = reference.province_named("Long An", on=date(2024, 10, 11))
    assert long_an.slug == "long-an"
    assert long_an.successor == "tay-ninh-2025"
    assert long_an.geographic_region == "mekong-river-delta"
    assert long_an.valid_until == date(2025, 6, 30)


def test_a_name_that_is_no_province(reference):
    assert reference.province_named("Phú Quốc", on=date(2024, 10, 11)) is None


# Broken copies -------------------------------------------------------------------------------------


def test_a_successor_missing_from_the_2025_map(folder):
    edit_row(folder / "units-2025.csv", "Huế,", "", None)
    line = edit_row(folder / "provinces-2024.csv", "Thừa Thiên Huế,", "", "")
    error = read_error(folder)
    reported(error, folder / "provinces-2024.csv", line, "successor 'Huế' is not in units-2025.csv")
    reported(error, folder / "units-2025.csv", None, "33 units, expected 34")
    reported(error, folder / "units-2025.csv", None, "5 centrally-run cities, expected 6")


def test_a_successor_misspelt(folder):
    line = edit_csv(
        folder / "provinces-2024.csv",
        "Long An,province,Mekong River Delta,Tây Ninh",
        "Long An,province,Mekong River Delta,Tây Ninhh",
    )
    error = read_error(folder)
    reported(error, folder / "provinces-2024.csv", line, "successor 'Tây Ninhh' is not in units-2025.csv")
    reported(error, folder / "provinces-2024.csv", None, "62 units, expected 63")


def test_a_2025_unit_without_predecessor(folder):
    """Bạc Liêu and Cà Mau both move to Tây Ninh: Cà Mau of 2025 is left with no predecessor."""
    edit_csv(
        folder / "provinces-2024.csv",
        "Bạc Liêu,province,Mekong River Delta,Cà Mau",
        "Bạc Liêu,province,Mekong River Delta,Tây Ninh",
    )
    edit_csv(
        folder / "provinces-2024.csv",
        "Cà Mau,province,Mekong River Delta,Cà Mau",
        "Cà Mau,province,Mekong River Delta,Tây Ninh",
    )
    error = read_error(folder)
    reported(error, folder / "units-2025.csv", None, "Cà Mau has no predecessor")
    assert len(error.problems) == 1, str(error)


@pytest.mark.parametrize(
    ("file_name", "old", "new"),
    [
        (
            "provinces-2024.csv",
            "Long An,province,Mekong River Delta,Tây Ninh",
            "Long An,prefecture,Mekong River Delta,Tây Ninh",
        ),
        ("units-2025.csv", "Tây Ninh,province,2025-07-01,Resolution 202/2025/QH15", "Tây Ninh,prefecture,2025-07-01,x"),
    ],
)
def test_an_unknown_kind(folder, file_name, old, new):
    line = edit_csv(folder / file_name, old, new)
    reported(read_error(folder), folder / file_name, line, "unknown kind 'prefecture'")


NOTE = "named in the article on the 2022 session of the six provinces"
SOURCE = "baothanhhoa-north-central-6-x-2022,dòng 11 (line 11)"


def row(group="north-central-6", province="Quảng Trị", map_="before-2025", basis="stated", source=SOURCE):
    return f"{group},{province},{map_},{basis},{source},{NOTE}"


def test_an_unknown_group(folder):
    path = folder / "conference-groups.csv"
    line = edit_csv(path, row(), row(group="north-central-7"))
    error = read_error(folder)
    reported(error, path, line, "unknown group 'north-central-7'")
    assert len(error.problems) == 1, str(error)


def test_an_unknown_province_in_a_group(folder):
    path = folder / "conference-groups.csv"
    line = edit_csv(path, row(), row(province="Quang Tri"))
    reported(read_error(folder), path, line, "'Quang Tri' is not a unit of the before-2025 map")


def test_a_unit_is_read_on_the_row_s_map(folder):
    """Huế exists only from 2025: a row of the map before 2025 cannot name it, a 2025 row can."""
    path = folder / "conference-groups.csv"
    line = edit_csv(path, row(province="Thừa Thiên Huế"), row(province="Huế"))
    reported(read_error(folder), path, line, "'Huế' is not a unit of the before-2025 map")
    edit_csv(path, row(province="Huế"), row(province="Huế", map_="2025"))
    assert read_reference(folder)


def test_a_map_that_is_neither(folder):
    path = folder / "conference-groups.csv"
    line = edit_csv(path, row(), row(map_="2024"))
    reported(read_error(folder), path, line, "map must be one of ['before-2025', '2025'], not '2024'")


def test_a_basis_that_is_neither_stated_nor_inferred(folder):
    path = folder / "conference-groups.csv"
    line = edit_csv(path, row(), row(basis="guessed"))
    reported(read_error(folder), path, line, "basis must be stated or inferred, not 'guessed'")


def test_a_stated_membership_without_its_source_and_an_inferred_one_with_one(folder):
    path = folder / "conference-groups.csv"
    stated = edit_csv(path, row(), row(source=","))
    inferred = edit_csv(path, row(province="Nghệ An"), row(province="Nghệ An", basis="inferred"))
    error = read_error(folder)
    reported(error, path, stated, "a stated membership names its source and where in it")
    reported(error, path, inferred, "an inferred membership names no source")


def test_more_members_than_the_declared_size(folder):
    path = folder / "conference-groups.csv"
    path.write_text(path.read_text("utf-8") + row(province="Quảng Nam") + "\n", encoding="utf-8")
    error = read_error(folder)
    assert len(error.problems) == 1, str(error)
    assert str(path) in str(error)
    assert "north-central-6 lists 7 members but declares 6" in str(error)


def test_more_members_than_the_declared_size_names_the_line_of_the_first_extra_member(folder):
    path = folder / "conference-groups.csv"
    lines = path.read_text("utf-8").rstrip("\n").split("\n")
    path.write_text("\n".join([*lines, row(province="Quảng Nam")]) + "\n", encoding="utf-8")
    reported(read_error(folder), path, len(lines) + 1, "north-central-6 lists 7 members")


def test_members_on_the_2025_map_are_not_counted_against_the_declared_size(folder):
    path = folder / "conference-groups.csv"
    extra = [
        row(province=name, map_="2025")
        for name in ("Huế", "Quảng Trị", "Hà Tĩnh", "Nghệ An", "Thanh Hóa", "Đà Nẵng", "Quảng Ngãi")
    ]
    path.write_text(path.read_text("utf-8") + "\n".join(extra) + "\n", encoding="utf-8")
    assert read_reference(folder)


def test_a_declared_size_that_is_not_a_count(folder):
    path = folder / "regions.csv"
    assert edit_row(path, "north-central-6,", ",6,", ",six,") == 4
    error = read_error(folder)
    reported(error, path, 4, "declared_size 'six' is not a count")


def test_an_indicator_without_its_unit(folder):
    path = folder / "indicators.csv"
    lines = path.read_text("utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith("export_turnover,USD,"))
    lines[number] = lines[number].replace("export_turnover,USD,", "export_turnover,,", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    reported(read_error(folder), path, number + 1, "code, unit and both names are required")


def test_an_indicator_in_a_unit_the_parser_never_gives(folder):
    path = folder / "indicators.csv"
    line = edit_row(path, "population,person,", "population,person,", "population,people,")
    reported(read_error(folder), path, line, "unit 'people' is not a base unit")


def test_several_problems_in_several_tables_are_all_reported(folder):
    kind_line = edit_csv(
        folder / "provinces-2024.csv",
        "Long An,province,Mekong River Delta,Tây Ninh",
        "Long An,prefecture,Mekong River Delta,Tây Ninh",
    )
    group_line = edit_csv(folder / "conference-groups.csv", row(), row(group="north-central-7"))
    error = read_error(folder)
    reported(error, folder / "provinces-2024.csv", kind_line, "unknown kind 'prefecture'")
    reported(error, folder / "conference-groups.csv", group_line, "unknown group 'north-central-7'")


def test_a_malformed_valid_from_is_a_problem_not_a_crash(folder):
    line = edit_csv(
        folder / "units-2025.csv",
        "Cà Mau,province,2025-07-01,Resolution 202/2025/QH15",
        "Cà Mau,province,2025-07-x1,Resolution 202/2025/QH15",
    )
    reported(read_error(folder), folder / "units-2025.csv", line, "valid_from")
