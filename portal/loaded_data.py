"""Which data is loaded: the hook between the project's HTTP caching and the app that loads the data.

``portal`` imports no app (``tests/test_import_layers.py``). The model that records each load is named
by the setting ``PORTAL_DATASET_MODEL`` ("app_label.Model", as ``AUTH_USER_MODEL`` names the user
model); its manager answers ``current()``, the latest load's row, and ``current_load()``, its ``Load``.

**Reading it less often.** Every request is validated against the current load. Reading it costs a
database round trip, which is most of what a page served from the page cache costs. ``current_load``
therefore keeps what it read, per process, for ``PORTAL_DATA_VERSION_RECHECK_MS`` milliseconds (1,000
by default; 0 reads it for every request). The window is bounded and one-sided: for at most that long
after a load commits, a worker may still answer with pages of the previous load; it never serves a page
built from older data under the new load's validators, because a request whose validators name the new
load read it before its own snapshot began.
"""

import threading
import time
from datetime import datetime
from typing import NamedTuple

from django.apps import apps
from django.conf import settings


class Load(NamedTuple):
    version: str
    loaded_at: datetime


def dataset_model():
    return apps.get_model(settings.PORTAL_DATASET_MODEL)


class RecentLoad:
    """The current load as last read, and when (a monotonic clock); shared by a process's threads."""

    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self.lock = threading.Lock()
        self.read = None  # (when, Load | None), replaced whole so that a thread never sees half of it

    def get(self, max_age_ms: int) -> Load | None:
        read = self.read
        if read is not None and max_age_ms and (self.clock() - read[0]) * 1000 < max_age_ms:
            return read[1]
        with self.lock:  # one thread reads the database; the others wait for its answer
            read = self.read
            if read is not None and max_age_ms and (self.clock() - read[0]) * 1000 < max_age_ms:
                return read[1]
            when = self.clock()
            load = dataset_model().objects.current_load()
            self.read = (when, load)
            return load


recent_load = RecentLoad()


def current_load() -> Load | None:
    """The current load, read at most ``PORTAL_DATA_VERSION_RECHECK_MS`` ago by this process."""
    return recent_load.get(settings.PORTAL_DATA_VERSION_RECHECK_MS)
