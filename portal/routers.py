"""Reads from a streaming replica when there is one (``DATABASE_REPLICA_URL``), everything else on default.

The portal never writes while serving, so with a replica every request reads there only. Writes
(``load_data``) and migrations always go to ``default``, the primary; the replica receives them by
replication. ``default`` and ``replica`` hold the same data, so relations between their objects are
allowed.
"""

from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"


def has_replica() -> bool:
    return REPLICA in connections.settings


def read_database() -> str:
    """The alias every read of a request goes to: the replica when configured, else default."""
    return REPLICA if has_replica() else DEFAULT_DB_ALIAS


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if has_replica() else None

    def db_for_write(self, model, **hints):
        # Explicit, so that an object read from the replica is never saved back to it.
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        same_data = {DEFAULT_DB_ALIAS, REPLICA}
        if obj1._state.db in same_data and obj2._state.db in same_data:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # A replica is read-only: it gets its schema from the primary.
        return False if db == REPLICA else None
