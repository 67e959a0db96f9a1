"""The sessions the built fixtures hold, read without a database."""

import json
from pathlib import Path

from django.conf import settings

from curation.draft_known import read_known


def test_the_committed_fixtures_are_read():
    known = read_known(Path(settings.FIXTURE_DIRS[0]))
    assert known.conferences and known.provinces and known.sources
    assert all(conference.status in {"held", "announced"} for conference in known.conferences)


def test_announced_sessions_are_found_by_number_or_by_year(tmp_path):
    (tmp_path / "regions.json").write_text(
        json.dumps(
            [
                {
                    "model": "regions.province",
                    "fields": {
                        "slug": "tay-ninh-2025",
                        "name": "Tây Ninh",
                        "administrative_map": "2025",
                        "successor": None,
                    },
                },
                {
                    "model": "regions.province",
                    "fields": {
                        "slug": "long-an",
                        "name": "Long An",
                        "administrative_map": "before-2025",
                        "successor": ["tay-ninh-2025"],
                    },
                },
            ]
        ),
        encoding="utf-8",
    )
    conference = {"slug": "south-20-xi-2025", "region": ["south-20"], "session_number": 11, "year": 2025}
    (tmp_path / "conferences.json").write_text(
        json.dumps(
            [
                {"model": "conferences.source", "fields": {"slug": "s", "file_name": "002.txt"}},
                {
                    "model": "conferences.conference",
                    "fields": {**conference, "status": "announced", "host": ["long-an"]},
                },
            ]
        ),
        encoding="utf-8",
    )
    known = read_known(tmp_path)
    found = known.announced("south-20", 11, 2025)
    assert found.slug == "south-20-xi-2025"
    assert known.successor_name(found.host) == "Tây Ninh"
    assert known.announced("south-20", None, 2025) == found  # a text without the number: same group and year
    assert known.announced("south-20", 12, 2025) is None
    assert known.announced("north-28", 11, 2025) is None
    assert known.sources == {"s": "002.txt"}


def test_without_built_fixtures_nothing_is_known(tmp_path):
    assert read_known(tmp_path).conferences == []
