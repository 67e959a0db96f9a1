"""``/healthz`` for load balancers and monitoring: is the database reachable, and which data is loaded."""

from django.db import DatabaseError
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from portal.loaded_data import dataset_model
from portal.middleware import database_unavailable


@never_cache
@require_safe
def healthz(request):
    """200 ``{"status": "ok", "database": "ok", "data_version": "<12 hex digits>" | null}``.

    One query, on the database the pages read from (the replica when there is one). When the database
    cannot answer: 503 ``{"status": "error", "database": "unavailable"}``, never a traceback.
    """
    try:
        dataset = dataset_model().objects.current()
    except DatabaseError as error:  # down, or reachable but unusable (not migrated yet): unhealthy either way
        return database_unavailable(request, error)
    return JsonResponse({"status": "ok", "database": "ok", "data_version": dataset.version[:12] if dataset else None})
