"""Which data is loaded: the hook between the project's HTTP caching and the app that loads the data.

``portal`` imports no app (``tests/test_import_layers.py``). The model that records each load is named
by the setting ``PORTAL_DATASET_MODEL`` ("app_label.Model", as ``AUTH_USER_MODEL`` names the user
model); its manager answers ``current()``, the latest load's row, and ``current_load()``, its ``Load``.
"""

from datetime import datetime
from typing import NamedTuple

from django.apps import apps
from django.conf import settings


class Load(NamedTuple):
    version: str
    loaded_at: datetime


def dataset_model():
    return apps.get_model(settings.PORTAL_DATASET_MODEL)
