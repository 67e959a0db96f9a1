"""``manage.py as_loader <command>`` runs a command as the loader role (DATABASE_LOAD_URL), never via a replica."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from portal.management.commands.as_loader import loader_environment

SHOW = (
    "from django.db import connections; "
    "print('LOADER', connections['default'].settings_dict['NAME'], list(connections))"
)


def test_the_command_runs_with_the_loader_url_as_its_only_database(monkeypatch, capfd, tmp_path):
    monkeypatch.setenv("DATABASE_LOAD_URL", f"sqlite:///{tmp_path}/loader.sqlite3")
    monkeypatch.setenv("DATABASE_REPLICA_URL", f"sqlite:///{tmp_path}/replica.sqlite3")
    call_command("as_loader", "shell", "--no-imports", "-c", SHOW)
    line = next(line for line in capfd.readouterr().out.splitlines() if line.startswith("LOADER"))
    assert line == f"LOADER {tmp_path}/loader.sqlite3 ['default', 'load']"


def test_a_failing_command_fails_the_same_way(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_LOAD_URL", f"sqlite:///{tmp_path}/loader.sqlite3")
    with pytest.raises(CommandError, match="failed as the loader role") as failure:
        call_command("as_loader", "shell", "--no-imports", "-c", "raise SystemExit(3)")
    assert failure.value.returncode == 3


def test_without_a_loader_url_nothing_runs(monkeypatch):
    monkeypatch.delenv("DATABASE_LOAD_URL", raising=False)
    with pytest.raises(CommandError, match="DATABASE_LOAD_URL is not set"):
        call_command("as_loader", "load_data")


def test_the_loader_environment():
    child = loader_environment({"DATABASE_URL": "reader", "DATABASE_LOAD_URL": "loader", "DATABASE_REPLICA_URL": "r"})
    assert child == {"DATABASE_URL": "loader", "DATABASE_LOAD_URL": "loader"}
