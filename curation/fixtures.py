"""Django fixtures from curated records: natural keys instead of ids, stable order, stable text.

The same inputs always give byte-identical files, so ``build_fixtures --check`` can compare them.
"""

import json
from datetime import date
from decimal import Decimal

from curation.reference import Reference
from vietnamese.folding import fold


def regions_fixture(reference: Reference) -> list[dict]:
    objects = [_object("regions.region", region) for region in reference.regions]
    for province in reference.provinces:
        objects.append(
            _object(
                "regions.province",
                {
                    "slug": province.slug,
                    "name": province.name,
                    "name_folded": fold(province.name),
                    "kind": province.kind,
                    "administrative_map": province.administrative_map,
                    "geographic_region": province.geographic_region,
                    "valid_from": province.valid_from,
                    "valid_until": province.valid_until,
                    "successor": _key(province.successor),
                },
            )
        )
    for membership in reference.memberships:
        fields = {name: value for name, value in membership.items() if not name.startswith("_")}
        objects.append(
            _object(
                "regions.regionmembership",
                {**fields, "region": _key(fields["region"]), "province": _key(fields["province"])},
            )
        )
    return objects


def conferences_fixture(reference: Reference, sources, conferences, mentions, officials, figures) -> list[dict]:
    objects = [_object("conferences.indicator", indicator) for indicator in reference.indicators]
    objects += [_object("conferences.source", source) for source in sources]
    for conference in conferences:
        fields = {name: value for name, value in conference.items() if not name.startswith("_")}
        for name in ("region", "host", "next_host"):
            fields[name] = _key(fields[name])
        objects.append(_object("conferences.conference", fields))
    for mention in mentions:
        objects.append(
            _object("conferences.conferencemention", _with_keys(mention, "conference", "source", "host", "next_host"))
        )
    published = {source["slug"] for source in sources}
    for membership in reference.memberships:
        if membership["_source"] in published:
            objects.append(
                _object(
                    "conferences.membershipstatement",
                    {
                        "membership": [membership["region"], membership["province"]],
                        "source": _key(membership["_source"]),
                        "locator": membership["_locator"],
                    },
                )
            )
    for official in officials:
        objects.append(_object("conferences.conferenceofficial", _with_keys(official, "conference", "source")))
    for figure in figures:
        objects.append(
            _object(
                "conferences.indicatorreport",
                _with_keys(figure, "conference", "source", "indicator", "province"),
            )
        )
    return objects


def dumps(objects: list[dict]) -> str:
    return json.dumps(objects, ensure_ascii=False, indent=2, default=_json_value) + "\n"


def _object(model: str, fields: dict) -> dict:
    return {"model": model, "fields": fields}


def _key(slug: str | None) -> list[str] | None:
    return [slug] if slug else None


def _with_keys(record: dict, *names: str) -> dict:
    return {name: _key(value) if name in names else value for name, value in record.items()}


def _json_value(value):
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {value!r} to a fixture")
