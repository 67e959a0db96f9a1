"""A list's whole download kept on disk for the current load: written once as it streams, then sent as a file.

A download without filters (``/figures.csv``, ``/en/figures.json``…) is a function of the load, the code's
release, the language and the host its links name: what its validators and cache keys already name
(``portal.caching``). The first such request after a load streams the file as any download does and
copies each piece to a file beside it; once the last row is written, the copy takes its final name, and
the next requests for it are answered from disk (``FileResponse``: no query, no Python per row; the
server sends the file with ``sendfile``, with its ``Content-Length``). At a million figures a stream costs
a worker 15-40 seconds of CPU; the file costs it next to nothing (docs/performance.md).

Nothing is kept, and the download streams as before, when ``PORTAL_DOWNLOADS_DIR`` is empty, when the
request names no load (nothing loaded, or the data changed row by row since: ``portal.per_load``), when
the download is filtered or sorted, when it is abandoned before its last row, and when writing the copy
fails or would leave less than ``PORTAL_DOWNLOADS_MIN_FREE_MB`` free on the disk: the download itself
goes on. A file's name is made from the validators' key, so a new load, release, language or host is a
new name and a file is never served for data it was not written from. Completing a file removes the
folders of older loads. Several workers may write the same file at once; each writes its own copy, and
the copies are the same bytes. A request still naming an older load than a folder's (for at most
``PORTAL_DATA_VERSION_RECHECK_MS`` after a load) keeps nothing.
"""

import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.http import FileResponse

logger = logging.getLogger(__name__)

FREE_SPACE_CHECK_BYTES = 64 * 1024 * 1024  # how often, in bytes written, the disk's free space is read


def kept_file(request, fmt: str) -> Path | None:
    """Where this request's whole download is kept (whether or not it is there yet), or None when it is
    not one to keep: filtered, no folder set, or no load to name it by."""
    root = settings.PORTAL_DOWNLOADS_DIR
    load = getattr(request, "data_load", None)
    validators = getattr(request, "data_validators", None)
    if not root or load is None or validators is None or request.GET:
        return None
    # Named by the load's time first, so that the folders sort from the oldest load to the newest.
    folder = f"{int(load.loaded_at.timestamp()):012x}-{re.sub(r'[^0-9A-Za-z_-]', '_', load.version[:12])}"
    digest = validators.key("download", request.scheme, request.get_host(), request.path).rsplit(":", 1)[1]
    return Path(root) / folder / f"{digest}.{fmt}"


def file_response(path: Path, content_type: str, filename: str) -> FileResponse | None:
    """The kept file as the download, or None when it is not (or no longer) there."""
    try:
        kept = path.open("rb")
    except OSError:
        return None
    return FileResponse(kept, content_type=content_type, as_attachment=True, filename=filename)


def keeping(chunks: Iterator[bytes], path: Path) -> Iterator[bytes]:
    """``chunks``, unchanged, copied to ``path`` as they pass; the copy takes that name only once the last
    chunk has passed (written out to the disk first), and is removed if anything stops it before."""
    copy = _Copy.start(path)
    try:
        for chunk in chunks:
            if copy is not None and not copy.write(chunk):
                copy = None
            yield chunk
        if copy is not None:
            copy.finish()
            copy = None
    finally:
        if copy is not None:
            copy.abandon()
        if close := getattr(chunks, "close", None):
            close()


class _Copy:
    """A file being written under a temporary name beside where it will be kept."""

    def __init__(self, path: Path, part: Path, out):
        self.path, self.part, self.out = path, part, out
        self.unchecked = 0  # bytes written since the free space was last read

    @classmethod
    def start(cls, path: Path) -> "_Copy | None":
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not _room_left(path.parent) or _newer_loads(path.parent):
                return None  # no room; or a request still naming the previous load, whose files are gone
            descriptor, part = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
            return cls(path, Path(part), os.fdopen(descriptor, "wb"))
        except OSError as error:
            logger.warning("Not keeping %s: %s", path.name, error)
            return None

    def write(self, chunk: bytes) -> bool:
        """Copy ``chunk``; False, with the copy removed, when it cannot be written or the disk is nearly full."""
        try:
            self.out.write(chunk)
            self.unchecked += len(chunk)
            if self.unchecked >= FREE_SPACE_CHECK_BYTES:
                self.unchecked = 0
                if not _room_left(self.part.parent):
                    raise OSError("the disk is nearly full")
        except OSError as error:
            logger.warning("Not keeping %s: %s", self.path.name, error)
            self.abandon()
            return False
        return True

    def finish(self) -> None:
        try:
            self.out.flush()
            os.fsync(self.out.fileno())
            self.out.close()
            os.replace(self.part, self.path)
        except OSError as error:
            logger.warning("Not keeping %s: %s", self.path.name, error)
            self.abandon()
            return
        _remove_older_loads(self.path.parent)

    def abandon(self) -> None:
        self.out.close()
        self.part.unlink(missing_ok=True)


def _room_left(folder: Path) -> bool:
    return shutil.disk_usage(folder).free >= settings.PORTAL_DOWNLOADS_MIN_FREE_MB * 1024 * 1024


def _newer_loads(folder: Path) -> bool:
    return any(other.is_dir() and other.name > folder.name for other in folder.parent.iterdir())


def _remove_older_loads(folder: Path) -> None:
    """Remove the folders of the loads before ``folder``'s: nothing will ask for their files again."""
    for other in folder.parent.iterdir():
        if other.is_dir() and other.name < folder.name:
            shutil.rmtree(other, ignore_errors=True)
