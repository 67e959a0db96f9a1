"""HTTP caching for read-only data: validators from the data version, 304s, and server-side caches.

The data changes only when ``load_data`` (or ``generate_synthetic``) replaces it, and each load
records its ``Dataset`` (the version, a digest of what was loaded, and the time). A change made any
other way forgets it (``conferences.signals``). Which model records the loads is a setting
(``portal.loaded_data``). Every response a view builds is a function of that
load, the code's release (``portal.release``), the language and the address, so:

- **Validators.** Every successful page, export and API response carries an ``ETag`` made of the
  load, the release and the language, and a ``Last-Modified`` (the later of the load and the
  release). Only a response that would be a 200 may become a 304: a conditional request that still
  matches gets one before the view runs when this address is known to answer 200 for this data
  (its page, or a mark that it answered 200, is in the page cache), and otherwise once the view has
  answered 200. A bad filter (400) or an unknown object (404) is never turned into a 304.
- **Shared caches.** ``Cache-Control: public, max-age=PORTAL_CACHE_MAX_AGE``: a proxy or CDN may keep a
  page that long, then revalidates it cheaply.
- **Server-side caches** (``PORTAL_CACHE``, on by default): whole pages and expensive fragments (the
  lists' facet counts, ``cached_for_this_data``) are kept in Django's cache under keys that contain the
  validators. A load changes them, so a figure from before it can never be served after it:
  nothing is invalidated, old entries are simply never asked for again and age out.

A worker reads the version at most once per ``PORTAL_DATA_VERSION_RECHECK_MS`` (``portal.loaded_data``).
When a request reads it, it is that request's first query, in its own transaction
(``portal.middleware.DatabaseMiddleware``, of which this is the inner neighbour), so on PostgreSQL it
comes from the same snapshot as the page; otherwise it was read before the request's snapshot began,
so it names the page's data or, for at most that window after a load, the previous load.
Responses that are not a plain 200 (errors, 400s for bad filters, redirects) get none of this.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime, time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

from portal.loaded_data import Load, current_load
from portal.middleware import DATABASE_DOWN, HEALTH_PATH, SAFE_METHODS, database_unavailable
from portal.release import current_release

PAGE_CACHE = "pages"
LARGEST_CACHED_PAGE = 256 * 1024  # bytes; a bigger page is rendered each time rather than crowding out others
# Stored instead of a page too big (or streamed) to keep: this address answered 200 for this data.
ANSWERED_200 = "answered-200"


def changes_daily(view):
    """Mark a view whose response also depends on today's date (its validators then include it)."""
    view.changes_daily = True
    return view


def independent_of_data(view):
    """Mark a view whose response depends on the code alone (the API schema): no data version is read."""
    view.independent_of_data = True
    return view


@dataclass(frozen=True)
class Validators:
    """What a response is a function of, besides its address: the data, the code, the language (the day)."""

    etag: str  # quoted, strong: the same bytes for the same address
    last_modified: datetime

    @classmethod
    def for_request(cls, load: Load | None, *, daily: bool = False) -> "Validators":
        """``load`` is None for a view independent of the data."""
        release = current_release()
        # The load's time too: a load of data whose version is unchanged (``--force``) still starts afresh.
        data = [load.version[:12], f"{int(load.loaded_at.timestamp()):x}"] if load else ["code"]
        parts = [*data, release.digest[:12], get_language() or settings.LANGUAGE_CODE]
        last_modified = max(load.loaded_at, release.modified) if load else release.modified
        if daily:
            today = timezone.localdate()
            parts.append(today.isoformat())
            last_modified = max(last_modified, timezone.make_aware(datetime.combine(today, time.min)))
        return cls(etag=f'"{"-".join(parts)}"', last_modified=last_modified)

    def stamp(self, response: HttpResponse) -> HttpResponse:
        response["ETag"] = self.etag
        response["Last-Modified"] = http_date(self.last_modified.timestamp())
        patch_cache_control(response, public=True, max_age=settings.PORTAL_CACHE_MAX_AGE)
        return response

    def key(self, *parts: str) -> str:
        """A cache key for something computed from this data; ``parts`` say what (hashed: any length)."""
        digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]
        return f"{self.etag.strip(chr(34))}:{digest}"


def cached_for_this_data(request, name: str, parameters: str, compute):
    """``compute()``, kept in the server-side cache for this data version, release and language.

    ``name`` and ``parameters`` identify what is computed (a list's facets for a query string, say).
    Computed afresh when the cache is off or the request has no data version (nothing loaded yet).
    """
    validators = getattr(request, "data_validators", None)
    if validators is None or not settings.PORTAL_CACHE:
        return compute()
    return caches["default"].get_or_set(validators.key(name, parameters), compute)


class DataCacheMiddleware:
    """Validators and 304s on every GET and HEAD a view answers; the page cache when ``PORTAL_CACHE``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        validators = getattr(request, "data_validators", None)
        if validators is None or response.status_code != 200 or response.has_header("Cache-Control"):
            return response
        if settings.PORTAL_CACHE and not getattr(request, "from_page_cache", False):
            stored = _page_parts(response) if _storable(request, response) else ANSWERED_200
            caches[PAGE_CACHE].set(_page_key(request, validators), stored)
        validators.stamp(response)
        not_modified = _not_modified(request, validators, response)
        if not_modified is None:
            return response
        response.close()  # a download's stream is never read
        return not_modified

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in SAFE_METHODS or request.path == HEALTH_PATH:
            return None
        if getattr(view_func, "independent_of_data", False):
            load = None
        else:
            try:
                load = current_load()
            except DATABASE_DOWN as error:  # raised here, it would not reach DatabaseMiddleware's handler
                return database_unavailable(request, error)
            if load is None:  # nothing loaded: nothing to validate against
                return None
        validators = Validators.for_request(load, daily=getattr(view_func, "changes_daily", False))
        request.data_validators = validators
        request.data_load = load  # pages say as of when their data holds (portal.context_processors)
        if not settings.PORTAL_CACHE:
            return None
        cached = caches[PAGE_CACHE].get(_page_key(request, validators))
        if cached is None:
            return None
        not_modified = _not_modified(request, validators)
        if not_modified is not None:
            request.data_validators = None  # answered: no stamping or storing on the way out
            return not_modified
        if cached == ANSWERED_200:
            return None
        request.from_page_cache = True
        return _page_response(cached)


def _not_modified(request, validators: Validators, response: HttpResponse | None = None) -> HttpResponse | None:
    """The 304 (or 412) a conditional request gets for an address that answers 200, else None."""
    answer = get_conditional_response(
        request, etag=validators.etag, last_modified=int(validators.last_modified.timestamp()), response=response
    )
    if answer is None or answer is response:
        return None
    return validators.stamp(answer) if answer.status_code == 304 else answer


def _page_key(request, validators: Validators) -> str:
    # Citations and API links are absolute: the host and scheme are part of the page.
    return validators.key("page", request.scheme, request.get_host(), request.get_full_path())


def _storable(request, response) -> bool:
    return (
        request.method == "GET"
        and not response.streaming
        and not response.cookies
        and len(response.content) <= LARGEST_CACHED_PAGE
    )


def _page_parts(response) -> tuple:
    return response.content, [(name, value) for name, value in response.items()]


def _page_response(parts: tuple) -> HttpResponse:
    content, headers = parts
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response
