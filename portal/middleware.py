"""The portal is read-only: anything but GET and HEAD is refused before it reaches a view."""

from django.http import HttpResponseNotAllowed

SAFE_METHODS = ("GET", "HEAD")


class ReadOnlyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in SAFE_METHODS:
            return HttpResponseNotAllowed(SAFE_METHODS)
        return self.get_response(request)
