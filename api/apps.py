from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The JSON API and the CSV/JSON downloads: every public list, read from one definition (``api.lists``)."""

    name = "api"
