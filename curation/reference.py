"""The reference tables under ``fixtures/reference/``: groups, both administrative maps, indicators.

These are facts the articles assume but do not state (see ``fixtures/reference/README.md``). They are
read from CSV, checked for internal consistency, and turned into plain records for the fixtures.
"""

import csv
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from curation.problems import CurationError, Problem
from vietnamese.folding import fold, slugify_vi
from vietnamese.numbers import BASE_UNITS

KINDS = {"province": "province", "centrally-run city": "city", "city": "city"}
MAP_BEFORE_2025 = "before-2025"
MAP_2025 = "2025"
UNITS_BEFORE_2025 = 63
UNITS_FROM_2025 = 34
CITIES_FROM_2025 = 6


@dataclass(frozen=True)
class ProvinceRecord:
    slug: str
    name: str
    kind: str
    administrative_map: str
    geographic_region: str
    valid_from: date | None
    valid_until: date | None
    successor: str | None

    def exists_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


@dataclass(frozen=True)
class Reference:
    regions: list[dict]
    provinces: list[ProvinceRecord]
    memberships: list[dict]
    indicators: list[dict]

    def region(self, slug: str) -> dict | None:
        return next((row for row in self.regions if row["slug"] == slug), None)

    def indicator(self, code: str) -> dict | None:
        return next((row for row in self.indicators if row["code"] == code), None)

    def province_named(self, name: str, *, on: date) -> ProvinceRecord | None:
        """The unit called ``name`` that existed on ``on``: names repeat across the two maps."""
        wanted = fold(name)
        for province in self.provinces:
            if fold(province.name) == wanted and province.exists_on(on):
                return province
        return None


def read_reference(folder: Path) -> Reference:
    problems: list[Problem] = []
    regions = _read_regions(folder / "regions.csv", problems)
    provinces = _read_provinces(folder / "provinces-2024.csv", folder / "units-2025.csv", problems)
    notes_vi = _read_note_translations(folder / "membership-notes-vi.csv")
    memberships = _read_memberships(folder / "conference-groups.csv", regions, provinces, notes_vi, problems)
    indicators = _read_indicators(folder / "indicators.csv", problems)
    if problems:
        raise CurationError(problems)
    return Reference(regions=regions, provinces=provinces, memberships=memberships, indicators=indicators)


def _rows(path: Path) -> list[tuple[int, dict]]:
    """CSV rows with their line numbers (the header is line 1)."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return [(reader.line_num, row) for row in reader]


def _read_regions(path: Path, problems: list[Problem]) -> list[dict]:
    regions = []
    for position, (line, row) in enumerate(_rows(path)):
        if not row["declared_size"].isdigit():
            problems.append(Problem(str(path), line, f"declared_size {row['declared_size']!r} is not a count"))
            continue
        regions.append(
            {
                "slug": row["slug"],
                "name_vi": row["name_vi"],
                "name_en": row["name_en"],
                "declared_size": int(row["declared_size"]),
                "declared_size_note_vi": row["declared_size_note_vi"],
                "declared_size_note_en": row["declared_size_note_en"],
                "position": position,
            }
        )
    return regions


def _read_provinces(before_path: Path, after_path: Path, problems: list[Problem]) -> list[ProvinceRecord]:
    """Both maps: the 34 units from 2025 first, so that fixtures name a successor before using it."""
    successors: dict[str, ProvinceRecord] = {}
    for line, row in _rows(after_path):
        kind = KINDS.get(row["kind"])
        if kind is None:
            problems.append(Problem(str(after_path), line, f"unknown kind {row['kind']!r}"))
            continue
        try:
            valid_from = date.fromisoformat(row["valid_from"])
        except ValueError:
            problems.append(Problem(str(after_path), line, f"valid_from {row['valid_from']!r} is not YYYY-MM-DD"))
            continue
        successors[row["name"]] = ProvinceRecord(
            slug=f"{slugify_vi(row['name'])}-2025",
            name=row["name"],
            kind=kind,
            administrative_map=MAP_2025,
            geographic_region="",
            valid_from=valid_from,
            valid_until=None,
            successor=None,
        )
    predecessors = []
    for line, row in _rows(before_path):
        kind = KINDS.get(row["kind"])
        successor = successors.get(row["successor_2025"])
        if kind is None:
            problems.append(Problem(str(before_path), line, f"unknown kind {row['kind']!r}"))
        if successor is None:
            problems.append(
                Problem(str(before_path), line, f"successor {row['successor_2025']!r} is not in {after_path.name}")
            )
        if kind is None or successor is None:
            continue
        predecessors.append(
            ProvinceRecord(
                slug=slugify_vi(row["name"]),
                name=row["name"],
                kind=kind,
                administrative_map=MAP_BEFORE_2025,
                geographic_region=slugify_vi(row["geographic_region"]),
                valid_from=None,
                valid_until=successor.valid_from - timedelta(days=1),
                successor=successor.slug,
            )
        )
    _check_map_sizes(before_path, after_path, predecessors, list(successors.values()), problems)
    return [*successors.values(), *predecessors]


def _check_map_sizes(before_path, after_path, predecessors, successors, problems):
    if len(predecessors) != UNITS_BEFORE_2025:
        problems.append(Problem(str(before_path), None, f"{len(predecessors)} units, expected {UNITS_BEFORE_2025}"))
    if len(successors) != UNITS_FROM_2025:
        problems.append(Problem(str(after_path), None, f"{len(successors)} units, expected {UNITS_FROM_2025}"))
    cities = sum(unit.kind == "city" for unit in successors)
    if cities != CITIES_FROM_2025:
        problems.append(Problem(str(after_path), None, f"{cities} centrally-run cities, expected {CITIES_FROM_2025}"))
    used = {unit.successor for unit in predecessors}
    for unit in successors:
        if unit.slug not in used:
            problems.append(Problem(str(after_path), None, f"{unit.name} has no predecessor"))


def _read_note_translations(path: Path) -> dict[str, str]:
    """Vietnamese versions of the reference's English basis notes, keyed by the English text."""
    return {row["note_en"]: row["note_vi"] for _, row in _rows(path)}


MAPS = (MAP_BEFORE_2025, MAP_2025)


def _read_memberships(path: Path, regions, provinces, notes_vi: dict[str, str], problems: list[Problem]) -> list[dict]:
    """Each row: a province (a name on the row's map) in a group, stated by a source or inferred.

    A stated row names its ``source`` (a source slug, checked against the built sources by
    ``curation.build``) and where in it (``locator``); an inferred row names none, and its note says
    from what. Only the members before 2025 are counted against the group's declared size: the groups
    were declared on that map.
    """
    region_slugs = {region["slug"]: region for region in regions}
    by_map = {name: {p.name: p for p in provinces if p.administrative_map == name} for name in MAPS}
    memberships = []
    member_lines: dict[str, list[int]] = {slug: [] for slug in region_slugs}
    for line, row in _rows(path):
        units = by_map.get(row["map"])
        province = units.get(row["province"]) if units else None
        if row["group"] not in region_slugs:
            problems.append(Problem(str(path), line, f"unknown group {row['group']!r}"))
        if units is None:
            problems.append(Problem(str(path), line, f"map must be one of {list(MAPS)}, not {row['map']!r}"))
        elif province is None:
            problems.append(Problem(str(path), line, f"{row['province']!r} is not a unit of the {row['map']} map"))
        if row["basis"] not in ("stated", "inferred"):
            problems.append(Problem(str(path), line, f"basis must be stated or inferred, not {row['basis']!r}"))
        if row["basis"] == "stated" and not (row["source"] and row["locator"]):
            problems.append(Problem(str(path), line, "a stated membership names its source and where in it"))
        if row["basis"] == "inferred" and (row["source"] or row["locator"]):
            problems.append(Problem(str(path), line, "an inferred membership names no source: is it stated?"))
        if row["note"] and row["note"] not in notes_vi:
            problems.append(
                Problem(
                    str(path), line, f"no Vietnamese version of the note {row['note']!r} in membership-notes-vi.csv"
                )
            )
        if row["group"] not in region_slugs or province is None:
            continue
        if row["map"] == MAP_BEFORE_2025:
            member_lines[row["group"]].append(line)
        memberships.append(
            {
                "region": row["group"],
                "province": province.slug,
                "basis": row["basis"],
                "note_vi": notes_vi.get(row["note"], ""),
                "note_en": row["note"],
                "valid_from": province.valid_from,
                "valid_until": province.valid_until,
                "_source": row["source"],
                "_locator": row["locator"],
                "_line": line,
                "_path": str(path),
            }
        )
    for slug, region in region_slugs.items():
        lines, declared = member_lines[slug], region["declared_size"]
        if len(lines) > declared:
            first_extra = lines[declared]
            problems.append(
                Problem(str(path), first_extra, f"{slug} lists {len(lines)} members but declares {declared}")
            )
    return memberships


def _read_indicators(path: Path, problems: list[Problem]) -> list[dict]:
    indicators = []
    for position, (line, row) in enumerate(_rows(path)):
        if not row["code"] or not row["name_vi"] or not row["name_en"] or not row["unit"]:
            problems.append(Problem(str(path), line, "code, unit and both names are required"))
            continue
        if row["unit"] not in BASE_UNITS:
            problems.append(
                Problem(
                    str(path), line, f"unit {row['unit']!r} is not a base unit the parser gives ({sorted(BASE_UNITS)})"
                )
            )
            continue
        indicators.append({**row, "position": position})
    return indicators
