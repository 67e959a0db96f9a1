"""``python manage.py as_loader <command> [options]``: a command run as the loader role.

The app servers connect with ``DATABASE_URL``, a role that may only read. Loading data and migrating
need the loader role, ``DATABASE_LOAD_URL``. This runs the given command in a new process whose
``DATABASE_URL`` is ``DATABASE_LOAD_URL`` and which has no replica, so every query of the command,
reads included, goes to the primary as the loader:

    python manage.py as_loader migrate --no-input
    python manage.py as_loader load_data

(The ``load`` alias also serves commands that take ``--database``: ``migrate --database load``.)
"""

import argparse
import os
import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def loader_environment(environ) -> dict[str, str]:
    load_url = environ.get("DATABASE_LOAD_URL")
    if not load_url:
        raise CommandError("DATABASE_LOAD_URL is not set: it is the loader role's URL (see docs/deploy.md).")
    child = {**environ, "DATABASE_URL": load_url}
    child.pop("DATABASE_REPLICA_URL", None)  # the loader reads what it writes: from the primary
    return child


class Command(BaseCommand):
    help = "Run a management command as the loader role (DATABASE_LOAD_URL), e.g. `as_loader load_data`."

    def add_arguments(self, parser):
        parser.add_argument("command_name", help="the command to run, e.g. load_data or migrate")
        parser.add_argument("command_args", nargs=argparse.REMAINDER, help="its arguments and options")

    def handle(self, *args, command_name, command_args, **options):
        environment = loader_environment(os.environ)
        manage = str(settings.BASE_DIR / "manage.py")
        result = subprocess.run([sys.executable, manage, command_name, *command_args], env=environment, check=False)
        if result.returncode:
            raise CommandError(f"{command_name} failed as the loader role.", returncode=result.returncode)
