"""The ceiling: the cheapest Django view, served by the same gunicorn and middleware as the pages."""

from django.http import HttpResponse
from django.views.decorators.http import require_safe

from portal.caching import independent_of_data


@independent_of_data  # like every view, it gets validators, but it reads no data
@require_safe
def ceiling(request):
    return HttpResponse(b"ok", content_type="text/plain")
