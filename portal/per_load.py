"""Small values computed from the loaded data, kept in process until the next load: a list's select
options, say, which every page of that list would otherwise read and label again.

The data changes only at a load (``portal.caching``), so what is computed from it once holds until the
next one. Unlike the page cache this is always on, even with ``PORTAL_CACHE`` off: it keeps a fixed,
small set of values (one per name, never one per address), for one load at a time.

Each value is kept under the load its request validates against (``request.data_load``, read by
``DataCacheMiddleware`` before the view runs): a value is therefore never older than the load a page
names, which is the page cache's guarantee too (``portal.loaded_data`` says how long after a load a
worker may still name the previous one). A request without a load (nothing loaded, or the data changed
row by row since: ``conferences.signals``) computes afresh and keeps nothing; so does a request still
naming an older load than the one kept.
"""

from collections.abc import Callable, Hashable
from datetime import date

from portal.loaded_data import Load


class PerLoadValues:
    """The values computed for the latest load seen; a newer load starts afresh. Shared by a process's
    threads: the pair is replaced whole, and two threads computing the same value at once both keep
    the same answer."""

    def __init__(self):
        self.held: tuple[Load | None, dict] = (None, {})

    def get[T](self, load: Load | None, key: Hashable, compute: Callable[[], T]) -> T:
        if load is None:
            return compute()
        held_load, values = self.held
        if held_load != load:
            if held_load is not None and held_load.loaded_at > load.loaded_at:
                return compute()  # this request still names an older load: keep the newer one's values
            values = {}
            self.held = (load, values)
        if key not in values:
            values[key] = compute()
        return values[key]

    def clear(self) -> None:
        self.held = (None, {})


per_load_values = PerLoadValues()


def for_this_load[T](request, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, kept in this process for the load ``request`` names; ``key`` says what it is
    (with the language when it holds labels). Keys must be few: one per kind of value, or one per
    member of a small set the data fixes (a conference group), never one per address a visitor writes."""
    return per_load_values.get(getattr(request, "data_load", None), key, compute)


def for_this_load_and_day[T](request, key: Hashable, today: date, compute: Callable[[], T]) -> T:
    """``for_this_load`` for a value that also changes with the day (``today``): only the latest day's is
    kept under ``key``, so that a worker that sees no new load for weeks does not keep one a day."""
    # Nothing is kept when ``compute`` raises (an unknown group's 404): the slot is made with its value.
    slot = for_this_load(request, key, lambda: [(today, compute())])
    held = slot[0]
    if held[0] != today:
        held = (today, compute())
        slot[0] = held  # replaced whole: a thread reads the old day's pair or the new one
    return held[1]
