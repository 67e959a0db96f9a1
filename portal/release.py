"""Which release of the code is serving: part of every page's validators (``portal.caching``).

A page is the data rendered by the code. When a deploy changes a template, a translation or the way a
figure is shown, the pages change although the data did not, so a client's cached copy must not be
confirmed with a 304. The release digest is computed from the files that shape the pages, so every
app server running the same code agrees on it, whatever the checkout's timestamps.
"""

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from django.conf import settings

# The folders and files whose content shapes a response. Tests, benchmarks and fixtures do not:
# the data's own version covers the fixtures.
RELEASE_PATHS = ("portal", "conferences", "regions", "templates", "locale", "static", "requirements.txt")
RELEASE_SUFFIXES = {".py", ".html", ".txt", ".mo", ".css", ".svg", ".ico", ".json"}


@dataclass(frozen=True)
class Release:
    digest: str  # hex SHA-256 of the files' paths and contents
    modified: datetime  # the newest of their modification times (UTC)


@cache
def current_release() -> Release:
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    newest = 0.0
    for path in sorted(_release_files(base)):
        digest.update(path.relative_to(base).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        newest = max(newest, path.stat().st_mtime)
    return Release(digest.hexdigest(), datetime.fromtimestamp(int(newest), tz=UTC))


def _release_files(base: Path):
    for name in RELEASE_PATHS:
        root = base / name
        if root.is_file():
            yield root
        elif root.is_dir():
            for path in root.rglob("*"):
                if path.is_file() and path.suffix in RELEASE_SUFFIXES and "__pycache__" not in path.parts:
                    yield path
