"""``python manage.py postgres_roles --print``: the SQL that sets up the portal's two PostgreSQL roles.

- the **reader** (``DATABASE_URL`` of the app servers, and of a replica): may connect to the portal's
  database and SELECT, nothing else. It is read-only by privileges, not by defaults: any role may turn
  off ``default_transaction_read_only`` in its session (or even for itself with ``ALTER ROLE``), so
  the script takes away every way to write that PostgreSQL grants to everyone (``PUBLIC``): temporary
  tables and functions, schemas, large objects, and connecting to the server's other databases.
  Its sessions are still read-only by default, and its statements time out.
- the **loader** (``DATABASE_LOAD_URL``): owns the tables, so it runs ``migrate`` and ``load_data``.
  Tables it creates later are readable by the reader at once (default privileges).

The script is idempotent: run it as a superuser (or the database owner), connected to the portal's
database, again whenever you like; ``psql`` is enough:

    python manage.py postgres_roles --print | psql -v ON_ERROR_STOP=1 -d portal

It sets no password: give each role one with ``\\password`` in psql, or use another authentication
method (docs/deploy.md). It does not take tables away from another owner; see docs/deploy.md for a
database that was first migrated by another role.
"""

import re

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")  # roles and schema: plain names, nothing to escape
DATABASE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]{0,62}$")
TIMEOUT = re.compile(r"^\d+(ms|s|min)?$")


def quoted(name: str, what: str, *, pattern=IDENTIFIER) -> str:
    if not pattern.match(name):
        raise CommandError(f"{what} {name!r}: use letters, digits and underscores (at most 63).")
    return f'"{name}"'


def roles_sql(
    *, database: str, reader: str, loader: str, schema: str = "public", statement_timeout: str = "30s"
) -> str:
    """The script; every statement can run again without harm."""
    if not TIMEOUT.match(statement_timeout):
        raise CommandError(f"statement timeout {statement_timeout!r}: use e.g. 30s, 500ms or 0 (none).")
    db, rd, ld, sc = (
        quoted(database, "database", pattern=DATABASE_NAME),
        quoted(reader, "reader role"),
        quoted(loader, "loader role"),
        quoted(schema, "schema"),
    )
    if reader == loader:
        raise CommandError("The reader and the loader must be two different roles.")
    return f"""\
-- PostgreSQL roles for the portal (python manage.py postgres_roles --print). Idempotent.
-- Run as a superuser, connected to the database {db}.
BEGIN;

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '{loader}') THEN
    CREATE ROLE {ld} LOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '{reader}') THEN
    CREATE ROLE {rd} LOGIN;
  END IF;
END
$$;
ALTER ROLE {rd} NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS;
ALTER ROLE {ld} NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;

-- The search indexes need pg_trgm; created here, the migration finds it and needs no extra right.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Nobody but the loader creates objects in the schema (PostgreSQL 15's default, made explicit),
-- a schema, or a temporary table or function; only the two roles connect.
REVOKE CREATE ON SCHEMA {sc} FROM PUBLIC;
REVOKE CONNECT, CREATE, TEMPORARY ON DATABASE {db} FROM PUBLIC;

-- Large objects outlive the session and need no table privilege: nobody but a superuser creates one.
REVOKE EXECUTE ON FUNCTION pg_catalog.lo_create(oid), pg_catalog.lo_creat(integer),
  pg_catalog.lo_from_bytea(oid, bytea), pg_catalog.lo_import(text), pg_catalog.lo_import(text, oid) FROM PUBLIC;

-- The server's other databases: everyone may connect to them, and make temporary tables there, by
-- default. The server is the portal's (docs/deploy.md); other roles that need one get it explicitly.
DO $$
DECLARE
  other text;
BEGIN
  FOR other IN SELECT datname FROM pg_catalog.pg_database WHERE datname <> '{database}' AND datallowconn LOOP
    EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', other);
  END LOOP;
END
$$;

-- The loader: connects, creates and owns the tables (migrate), replaces their rows (load_data).
GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {ld};
GRANT USAGE, CREATE ON SCHEMA {sc} TO {ld};

-- The reader: connects and reads, nothing else; also every table the loader creates from now on.
GRANT CONNECT ON DATABASE {db} TO {rd};
GRANT USAGE ON SCHEMA {sc} TO {rd};
REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA {sc} FROM {rd};
GRANT SELECT ON ALL TABLES IN SCHEMA {sc} TO {rd};
ALTER DEFAULT PRIVILEGES FOR ROLE {ld} IN SCHEMA {sc} GRANT SELECT ON TABLES TO {rd};

-- Defence in depth for the reader: read-only sessions by default, and no runaway statement.
ALTER ROLE {rd} SET default_transaction_read_only = on;
ALTER ROLE {rd} SET statement_timeout = '{statement_timeout}';

COMMIT;
"""


class Command(BaseCommand):
    help = "Print the idempotent SQL that creates the portal's reader and loader PostgreSQL roles."

    def add_arguments(self, parser):
        parser.add_argument("--print", action="store_true", dest="print_sql", help="print the SQL (the default)")
        parser.add_argument("--reader", default="portal_reader", help="the app's read-only role")
        parser.add_argument("--loader", default="portal_loader", help="the role that migrates and loads data")
        parser.add_argument(
            "--database-name",
            default=None,
            help="the database to grant on (default: the NAME of DATABASE_URL, or 'portal')",
        )
        parser.add_argument("--schema", default="public")
        parser.add_argument("--statement-timeout", default="30s", help="the reader's statement_timeout (0: none)")

    def handle(self, *args, print_sql, reader, loader, database_name, schema, statement_timeout, **options):
        if database_name is None:
            default = connections["default"].settings_dict
            database_name = default["NAME"] if default["ENGINE"].endswith("postgresql") else "portal"
        self.stdout.write(
            roles_sql(
                database=database_name,
                reader=reader,
                loader=loader,
                schema=schema,
                statement_timeout=statement_timeout,
            ),
            ending="",
        )
