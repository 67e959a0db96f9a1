"""The language of a response comes from its address alone, never from the browser's settings.

Vietnamese pages live at the root and English ones under ``/en/`` (``portal.urls``); the JSON API
speaks English, like its field names and its schema, so its error messages do too. The CSV/JSON
downloads are addressed like the pages (``/figures.csv``, ``/en/figures.csv``) and take their language
the same way; ``/healthz`` takes the default language. Since ``Accept-Language`` and the language cookie
never change a response, no response says ``Vary: Accept-Language``: a shared cache keeps one copy
per address. This replaces Django's ``LocaleMiddleware``, which reads them for addresses outside
``i18n_patterns`` and adds that ``Vary`` to every page at the root.
"""

from django.conf import settings
from django.utils import translation

API_PREFIX = "/api/"
API_LANGUAGE = "en"


def language_of(path: str) -> str:
    if path.startswith(API_PREFIX):
        return API_LANGUAGE
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


class AddressLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        translation.activate(language_of(request.path_info))
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
