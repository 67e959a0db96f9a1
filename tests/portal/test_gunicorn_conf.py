"""gunicorn.conf.py: its defaults, its environment variables, and that gunicorn accepts every value."""

import gc
import multiprocessing
import runpy

import pytest
from django.conf import settings
from gunicorn.config import Config

CONF = settings.BASE_DIR / "gunicorn.conf.py"
VARIABLES = [
    "PORT",
    "BIND",
    "WEB_CONCURRENCY",
    "GUNICORN_THREADS",
    "GUNICORN_WORKER_CONNECTIONS",
    "GUNICORN_TIMEOUT",
    "GUNICORN_KEEPALIVE",
]


def load(monkeypatch, **environment) -> Config:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    namespace = runpy.run_path(str(CONF))
    config = Config()
    for name, value in namespace.items():
        if name in config.settings:
            config.set(name, value)  # gunicorn's own validation of each value
    return config


def test_defaults(monkeypatch):
    config = load(monkeypatch)
    assert config.bind == ["0.0.0.0:8000"]
    assert config.workers == 2 * multiprocessing.cpu_count() + 1
    assert config.worker_class_str == "gthread"
    # One request at a time per worker, no keep-alive: every request waits in the listening socket's one queue.
    assert (config.threads, config.keepalive, config.worker_connections) == (1, 0, 1)
    assert config.preload_app is True
    assert config.timeout == 30 and config.graceful_timeout == 30
    assert config.max_requests == 50_000 and config.max_requests_jitter == 5_000
    assert config.accesslog == "-" and config.errorlog == "-"
    assert config.wsgi_app == "portal.wsgi:application"


def test_the_environment_sets_the_address_and_the_concurrency(monkeypatch):
    config = load(monkeypatch, PORT="9000", WEB_CONCURRENCY="3", GUNICORN_THREADS="8", GUNICORN_KEEPALIVE="75")
    assert config.bind == ["0.0.0.0:9000"]
    assert (config.workers, config.threads, config.keepalive) == (3, 8, 75)
    assert config.worker_connections == 16  # with keep-alive, twice the threads: connections spread over the workers
    assert load(monkeypatch, GUNICORN_THREADS="4").worker_connections == 4  # without keep-alive, the threads
    assert load(monkeypatch, GUNICORN_WORKER_CONNECTIONS="100").worker_connections == 100
    assert load(monkeypatch, PORT="9000", BIND="unix:/run/portal.sock").bind == ["unix:/run/portal.sock"]


def test_a_bad_number_is_refused(monkeypatch):
    with pytest.raises(ValueError, match="WEB_CONCURRENCY"):
        load(monkeypatch, WEB_CONCURRENCY="many")


def test_the_app_loaded_before_the_fork_is_frozen_out_of_the_workers_collections(monkeypatch):
    config = load(monkeypatch)
    try:
        config.when_ready(None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
