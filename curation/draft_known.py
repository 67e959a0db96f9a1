"""The sessions the data already holds (``fixtures/conferences.json`` with the provinces of
``fixtures/regions.json``), so that a draft reporting an announced session updates it instead of
adding a second one. No database is needed.
"""

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class KnownProvince:
    slug: str
    name: str
    administrative_map: str
    successor: str | None  # slug of the 2025 unit it became part of


@dataclass(frozen=True)
class KnownConference:
    slug: str
    region: str
    session_number: int | None
    year: int
    status: str
    host: KnownProvince | None


@dataclass(frozen=True)
class KnownData:
    conferences: list[KnownConference]
    provinces: dict[str, KnownProvince]
    sources: dict[str, str]  # source slug -> file name

    def announced(self, region: str, session_number: int | None, year: int) -> KnownConference | None:
        """The announced session of ``region`` with that number, or with that year when no number is given."""
        for conference in self.conferences:
            if conference.status != "announced" or conference.region != region:
                continue
            if session_number is not None and conference.session_number == session_number:
                return conference
            if session_number is None and conference.year == year:
                return conference
        return None

    def successor_name(self, province: KnownProvince) -> str | None:
        successor = self.provinces.get(province.successor or "")
        return successor.name if successor else None


EMPTY = KnownData(conferences=[], provinces={}, sources={})


def read_known(fixtures_dir: Path) -> KnownData:
    """The built fixtures' sessions; nothing when they have not been built yet."""
    regions_path, conferences_path = fixtures_dir / "regions.json", fixtures_dir / "conferences.json"
    if not regions_path.exists() or not conferences_path.exists():
        return EMPTY
    provinces = {}
    for obj in json.loads(regions_path.read_text(encoding="utf-8")):
        if obj["model"] == "regions.province":
            fields = obj["fields"]
            successor = fields.get("successor")
            provinces[fields["slug"]] = KnownProvince(
                slug=fields["slug"],
                name=fields["name"],
                administrative_map=fields["administrative_map"],
                successor=successor[0] if isinstance(successor, list) else successor,
            )
    conferences, sources = [], {}
    for obj in json.loads(conferences_path.read_text(encoding="utf-8")):
        fields = obj["fields"]
        if obj["model"] == "conferences.source":
            sources[fields["slug"]] = fields.get("file_name", "")
        if obj["model"] != "conferences.conference":
            continue
        host = fields.get("host")
        conferences.append(
            KnownConference(
                slug=fields["slug"],
                region=_key(fields["region"]),
                session_number=fields["session_number"],
                year=fields["year"],
                status=fields["status"],
                host=provinces.get(_key(host)) if host else None,
            )
        )
    return KnownData(conferences=conferences, provinces=provinces, sources=sources)


def _key(value):
    """Natural keys are written as one-element lists."""
    return value[0] if isinstance(value, list) else value
