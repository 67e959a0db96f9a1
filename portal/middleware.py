"""The portal is read-only: anything but GET and HEAD is refused before it reaches a view."""

from django.http import HttpResponseNotAllowed, JsonResponse

SAFE_METHODS = ("GET", "HEAD")


class ReadOnlyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in SAFE_METHODS:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            response = JsonResponse(
                {"detail": f"Method {request.method} is not allowed: the API is read-only."}, status=405
            )
            response["Allow"] = ", ".join(SAFE_METHODS)
            return response
        return HttpResponseNotAllowed(SAFE_METHODS)
