"""Production settings come from the environment: each case runs in a fresh process with that environment,
as a server would start (settings are read once, at start)."""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

PROJECT = settings.BASE_DIR
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "hoinghi.example.vn",
    "DJANGO_BEHIND_TLS_PROXY": "1",
}
SHOWN = [
    "DEBUG",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SILENCED_SYSTEM_CHECKS",
]
SHOW_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings; "
    f"print(json.dumps({{name: getattr(settings, name) for name in {SHOWN!r}}}))"
)


def environment(**variables) -> dict[str, str]:
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return {**inherited, "DJANGO_SETTINGS_MODULE": "portal.settings", "DATABASE_URL": "sqlite:///:memory:", **variables}


@pytest.fixture(scope="module")
def runs():
    """The three processes, started together (each is a Django start-up)."""
    commands = {
        "check --deploy": ([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION),
        "production": ([sys.executable, "-c", SHOW_SETTINGS], PRODUCTION),
        "plain http": (
            [sys.executable, "-c", SHOW_SETTINGS],
            {**PRODUCTION, "DJANGO_BEHIND_TLS_PROXY": "0", "DJANGO_HSTS_PRELOAD": "1"},
        ),
    }
    started = {
        name: subprocess.Popen(
            command,
            cwd=PROJECT,
            env=environment(**variables),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for name, (command, variables) in commands.items()
    }
    return {name: (process.communicate(timeout=120)[0], process.returncode) for name, process in started.items()}


def test_check_deploy_reports_nothing_in_a_production_environment(runs):
    output, returncode = runs["check --deploy"]
    assert returncode == 0, output
    assert "System check identified no issues" in output


def test_behind_a_tls_proxy_https_is_enforced(runs):
    output, returncode = runs["production"]
    assert returncode == 0, output
    shown = json.loads(output.strip().splitlines()[-1])
    assert shown["DEBUG"] is False
    assert shown["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert shown["SECURE_SSL_REDIRECT"] is True
    assert shown["SECURE_REDIRECT_EXEMPT"] == ["^healthz$"]  # load balancers may probe over plain HTTP
    assert shown["SECURE_HSTS_SECONDS"] == 31_536_000
    assert shown["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert shown["SECURE_HSTS_PRELOAD"] is False
    assert shown["SILENCED_SYSTEM_CHECKS"] == ["security.W021"]  # preload is opt-in (docs/deploy.md)
    assert shown["SESSION_COOKIE_SECURE"] is True and shown["CSRF_COOKIE_SECURE"] is True


def test_without_tls_nothing_redirects_to_an_https_that_does_not_exist(runs):
    output, returncode = runs["plain http"]
    assert returncode == 0, output
    shown = json.loads(output.strip().splitlines()[-1])
    assert shown["SECURE_PROXY_SSL_HEADER"] is None
    assert shown["SECURE_SSL_REDIRECT"] is False
    assert shown["SECURE_HSTS_SECONDS"] == 0
    assert shown["SESSION_COOKIE_SECURE"] is False and shown["CSRF_COOKIE_SECURE"] is False
    assert shown["SILENCED_SYSTEM_CHECKS"] == []


@pytest.mark.django_db  # the model checks ask the database what it supports (JSON fields on SQLite)
def test_the_local_defaults_pass_the_ordinary_check():
    """``manage.py check`` (not --deploy) stays clean for local use; `make check` runs it too."""
    from django.core.management import call_command

    call_command("check", fail_level="WARNING")
