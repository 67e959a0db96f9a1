"""The reader and loader roles: the SQL ``postgres_roles --print`` gives, and (on PostgreSQL) what it allows.

On PostgreSQL the printed SQL is run in the test database for two throwaway roles; Django then
connects as the reader. Roles belong to the whole server, so they get unique names and are dropped
at the end.
"""

import os
import uuid
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connections

from conferences.models import Conference, Dataset
from portal.management.commands.postgres_roles import roles_sql

ON_POSTGRESQL = connections["default"].vendor == "postgresql"


def printed(*args) -> str:
    out = StringIO()
    call_command("postgres_roles", "--print", *args, stdout=out)
    return out.getvalue()


def test_the_sql_creates_both_roles_only_if_missing_and_grants_the_reader_select_only():
    sql = printed("--database-name", "portal", "--reader", "app_reader", "--loader", "app_loader")
    assert sql.count("IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles") == 2
    assert 'GRANT SELECT ON ALL TABLES IN SCHEMA "public" TO "app_reader";' in sql
    assert (
        'ALTER DEFAULT PRIVILEGES FOR ROLE "app_loader" IN SCHEMA "public" GRANT SELECT ON TABLES TO "app_reader";'
        in sql
    )
    assert 'GRANT USAGE, CREATE ON SCHEMA "public" TO "app_loader";' in sql
    assert 'ALTER ROLE "app_reader" SET default_transaction_read_only = on;' in sql
    granted_to_reader = [
        line for line in sql.splitlines() if line.startswith("GRANT") and line.endswith('"app_reader";')
    ]
    assert all("INSERT" not in line and "UPDATE" not in line and "DELETE" not in line for line in granted_to_reader)
    assert sql.startswith("--") and "BEGIN;" in sql and sql.rstrip().endswith("COMMIT;")


@pytest.mark.parametrize(
    "args",
    [
        ["--reader", 'x"; DROP TABLE y; --'],
        ["--loader", "Robert'); DROP"],
        ["--database-name", "portal; DROP"],
        ["--reader", "same", "--loader", "same"],
        ["--statement-timeout", "30s'; DROP"],
    ],
)
def test_names_that_would_need_quoting_are_refused(args):
    with pytest.raises(CommandError):
        printed(*args)


# What everyone (PUBLIC) may do in each database, whether granted explicitly or by default.
PUBLIC_DATABASE_PRIVILEGES = """
    SELECT datname, array_agg(privilege_type ORDER BY privilege_type)
    FROM pg_catalog.pg_database, aclexplode(coalesce(datacl, acldefault('d', datdba)))
    WHERE grantee = 0 GROUP BY datname
"""


@pytest.fixture
def reader_connection(extra_connection):
    """A reader and a loader made by the printed SQL, and a Django connection logged in as the reader.

    The script takes PUBLIC's rights on the server's other databases away; this server is shared with
    other test runs, so they are given back afterwards.
    """
    suffix = f"{os.getpid()}_{uuid.uuid4().hex[:8]}"
    reader, loader = f"test_reader_{suffix}", f"test_loader_{suffix}"
    database = connections["default"].settings_dict["NAME"]
    admin = connections["default"].get_new_connection(connections["default"].get_connection_params())
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(PUBLIC_DATABASE_PRIVILEGES)
        public_before = dict(cursor.fetchall())
    try:
        with admin.cursor() as cursor:
            cursor.execute(roles_sql(database=database, reader=reader, loader=loader))
        yield extra_connection("as_reader", USER=reader, PASSWORD="")
        connections["as_reader"].close()  # before its role goes
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP OWNED BY "{reader}", "{loader}"; DROP ROLE IF EXISTS "{reader}", "{loader}"')
            for name, privileges in public_before.items():
                if name != database:
                    cursor.execute(f'GRANT {", ".join(privileges)} ON DATABASE "{name}" TO PUBLIC')
        admin.close()


def statement_fails(connection, sql: str, params=()) -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
    except DatabaseError as error:
        return str(error).splitlines()[0]
    return ""


@pytest.mark.skipif(not ON_POSTGRESQL, reason="roles and grants are PostgreSQL's; SQLite has no users")
def test_the_reader_role_reads_everything_and_can_change_nothing(reader_connection):
    reader = reader_connection
    assert Conference.objects.using("as_reader").count() == Conference.objects.count() > 0
    assert Dataset.objects.using("as_reader").get().version == Dataset.objects.get().version

    # Its sessions are read-only by default…
    assert "read-only transaction" in statement_fails(reader, "DELETE FROM conferences_dataset")
    # …and even when it turns that off, it has no right to write, in any way.
    with reader.cursor() as cursor:
        cursor.execute("SET default_transaction_read_only = off")
    table = Conference._meta.db_table
    for sql in (
        "INSERT INTO conferences_dataset (version, loaded_at) VALUES ('x', now())",
        f"UPDATE {table} SET venue = 'changed'",
        f"DELETE FROM {table}",
        f"TRUNCATE {table} CASCADE",
        "CREATE TABLE intruder (id int)",
        # What PostgreSQL lets everyone do unless it is taken away: temporary tables and functions,
        # schemas, large objects (which outlive the session).
        "CREATE TEMPORARY TABLE intruder (id int)",
        "CREATE FUNCTION pg_temp.intruder() RETURNS int LANGUAGE sql AS 'SELECT 1'",
        "CREATE SCHEMA intruder",
        "SELECT lo_create(0)",
        "SELECT lo_creat(-1)",
        "SELECT lo_from_bytea(0, 'x')",
    ):
        assert "permission denied" in statement_fails(reader, sql), sql
    assert Conference.objects.using("as_reader").count() == Conference.objects.count()


@pytest.mark.skipif(not ON_POSTGRESQL, reason="roles and grants are PostgreSQL's; SQLite has no users")
def test_the_reader_role_cannot_write_even_after_changing_its_own_defaults(reader_connection):
    """A role may change its own session defaults (ALTER ROLE … SET); its privileges still forbid writes."""
    reader = reader_connection
    role = reader.settings_dict["USER"]
    with reader.cursor() as cursor:
        cursor.execute("SET default_transaction_read_only = off")
        cursor.execute(f'ALTER ROLE "{role}" SET default_transaction_read_only = off')
    reader.close()  # the next session starts with the role's new defaults
    assert "permission denied" in statement_fails(reader, f"DELETE FROM {Conference._meta.db_table}")
    assert "permission denied" in statement_fails(reader, "CREATE TEMPORARY TABLE intruder (id int)")


@pytest.mark.skipif(not ON_POSTGRESQL, reason="roles and grants are PostgreSQL's; SQLite has no users")
def test_the_reader_role_cannot_connect_to_the_servers_other_databases(reader_connection):
    params = {**reader_connection.get_connection_params(), "dbname": "postgres"}
    with pytest.raises(reader_connection.Database.OperationalError) as refused:
        reader_connection.get_new_connection(params).close()
    assert "permission denied for database" in str(refused.value)
