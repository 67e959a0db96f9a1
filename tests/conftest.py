import json

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.utils import translation
from loaded_dataset import dataset_dir, load_dataset

from portal.loaded_data import RecentLoad
from portal.per_load import per_load_values


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    """Tests render templates without running collectstatic first."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty server-side caches: cached pages must not leak between tests, nor
    values kept per load (``portal.per_load``), since each test's rolled-back rows keep the same load."""
    for cache in caches.all():
        cache.clear()
    per_load_values.clear()


@pytest.fixture(autouse=True)
def every_request_reads_the_load(settings, monkeypatch):
    """Tests load data and request pages at once: each request reads the current load, and no test sees
    a load another one read (the window a worker may keep it, ``portal.loaded_data``, is tested on its own)."""
    settings.PORTAL_DATA_VERSION_RECHECK_MS = 0
    monkeypatch.setattr("portal.loaded_data.recent_load", RecentLoad())


@pytest.fixture(autouse=True)
def own_downloads_folder(settings, tmp_path_factory):
    """Each test keeps whole downloads (``api.download_files``) in a folder of its own: the rolled-back rows of
    every test keep the same load, so a file kept by one test would be served to the next."""
    settings.PORTAL_DOWNLOADS_DIR = str(tmp_path_factory.mktemp("downloads"))


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a request to an English address leaves English active
    in the test's thread (the middleware activates a request's language and, like Django's, leaves it)."""
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the dataset once (see loaded_dataset.py); each test runs in a transaction that is rolled back."""
    with django_db_blocker.unblock():
        load_dataset()
        # SQLite's backend probes its JSON support with a query, once per connection, the first time a JSON
        # function is used (the quality page's statements): probe it here, so that pages count only their own.
        assert connection.features.supports_json_field is not None


@pytest.fixture(scope="session")
def fixture_objects():
    """The loaded fixture files as Django objects, by model label."""
    objects = {}
    for name in ("regions.json", "conferences.json"):
        for obj in json.loads((dataset_dir() / name).read_text(encoding="utf-8")):
            objects.setdefault(obj["model"], []).append(obj["fields"])
    return objects


@pytest.fixture(scope="session")
def article_texts():
    """Each source article's text as the build compares quotes with it (no-break spaces as spaces)."""
    from curation.articles import Article

    sources = settings.FIXTURE_DIRS[0] / "sources"
    return {path.name: Article.read(path).text for path in sources.glob("*.txt")}


@pytest.fixture
def empty_database(db):
    """No data at all, for a test that builds what it asserts on (tests/factories.py); rolled back after."""
    from conferences import signals
    from conferences.management.commands.load_data import REPLACED_MODELS
    from conferences.models import Dataset, FigureCount
    from regions.models import Province

    with signals.muted():
        for model in REPLACED_MODELS:
            if model is Province:
                model.objects.filter(successor__isnull=False).delete()  # predecessors protect successors
            model.objects.all().delete()
    FigureCount.objects.all().delete()
    Dataset.objects.all().delete()
