"""Template context every page gets."""


def data_as_of(request) -> dict:
    """When the data on the page were loaded (``load_data``), read by ``portal.caching`` for this request.

    No query of its own: the load is the request's first query already. Pages that read no data (and
    error pages) have none, and say nothing.
    """
    load = getattr(request, "data_load", None)
    return {"data_loaded_at": load.loaded_at if load else None}
