"""The API's error bodies: ``{"detail": …}`` in English, saying what a client can act on.

DRF turns Django's ``Http404`` into a 404 whose detail is the exception's message, which for
``get_object_or_404`` names the model class ("No IndicatorReport matches the given query."): an
internal name, not the API's vocabulary. Every 404 says "Not found." instead.
"""

from django.http import Http404
from rest_framework.exceptions import NotFound
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = NotFound()
    return drf_exception_handler(exc, context)
