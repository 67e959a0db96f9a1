"""Rows straight from the database, for a list too long for a serializer per row.

The figures list has a million rows, and a serializer per row wrote fewer than 10,000 a second. A row
plan reads the same values with ``values_list`` (one query, the joins it needs) and writes each as its
serializer does; tests compare the two on every figure. The figures' plans are ``api.figure_plan`` (the
JSON download's values) and ``api.figure_lines`` (the CSV's lines, written by the database);
``api.exports`` uses a plan where it has one and the serializer otherwise.

The rows come from one snapshot, as ``exports.serialized_rows``'s do. With the figures' filters as a
``FigureCube``, they are read in batches (``FigureCube.batches``), each sorted here (``BatchOrder``)
and read while the one before is written (``read_ahead``).
"""

import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field
from operator import itemgetter
from queue import Empty, Queue
from typing import Any

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import connections, transaction
from django.db.models import TextField
from django.db.models.functions import Cast
from rest_framework import serializers

from conferences.figure_counts import FigureCube
from portal.snapshot_readers import another_reader
from regions.models import Province

FAST_CHUNK_SIZE = 2000  # rows fetched at a time by the row plans (no prefetches to repeat)
BATCH_SIZE = 4000  # rows per query when the figures are read in batches of groups (FigureCube.batches)


@dataclass(frozen=True)
class RowPlan:
    """``fields`` to read with ``values_list`` (after ``annotations`` are added to the queryset), and ``row``
    turning one into what is written: the serializer's values in its field order (``api.figure_plan``),
    or a CSV line (``api.figure_lines``). ``prepare`` runs in the rows' snapshot before they are read:
    what ``row`` needs besides them (labels). ``connect``, given a connection, readies each connection
    that reads them (the SQL functions they use)."""

    fields: tuple[str, ...]
    row: Callable[[tuple], Any]
    annotations: dict = field(default_factory=dict)
    prepare: Callable[[], None] | None = None
    connect: Callable[[Any], None] | None = None


def stored_columns(serializer_class) -> dict[str, str]:
    """The ``values_list`` path of each of the serializer's fields that is read as stored, by field name,
    in its order: a model field by name, a related object's slug through its relation
    ("conference__region__slug"). The rest are made from those: labels (read through a relation,
    "province.name"), links, computed ones (a method's, or a model's property such as
    ``session_roman``)."""
    model = serializer_class.Meta.model
    paths = {}
    for name, declared in serializer_class().fields.items():
        if isinstance(declared, serializers.SlugRelatedField):
            paths[name] = f"{declared.source.replace('.', '__')}__{declared.slug_field}"
        elif isinstance(declared, serializers.SerializerMethodField | serializers.HyperlinkedIdentityField):
            continue  # computed: the kind of period, the links
        elif "." not in declared.source and _is_column(model, declared.source):  # else a label or a property
            paths[name] = declared.source
    return paths


def stored_fields(serializer_class) -> tuple[str, ...]:
    """``stored_columns``'s paths, in the serializer's order."""
    return tuple(stored_columns(serializer_class).values())


def _is_column(model, name: str) -> bool:
    try:
        return model._meta.get_field(name).concrete
    except FieldDoesNotExist:
        return False


def planned_rows(queryset, plan: RowPlan, *, cube: FigureCube | None = None) -> Iterator:
    """Each row as ``plan.row`` writes it, from one snapshot (as ``exports.serialized_rows``).

    With ``cube`` (the figures' filters as ``FigureCount`` conditions), the rows are read in batches of
    about ``BATCH_SIZE`` consecutive rows (``FigureCube.batches``), each sorted here by the list's own
    keys (``BatchOrder``): sorting a million wide rows at once took the database longer than writing
    them. Otherwise one query, read ``FAST_CHUNK_SIZE`` at a time.
    """
    if plan.annotations:
        queryset = queryset.annotate(**plan.annotations)
    # Other connections may read the batches beside this one only in a transaction opened here: they
    # would not see what an enclosing one wrote (``portal.snapshot_readers``).
    readers = 1 if connections[queryset.db].in_atomic_block else settings.PORTAL_EXPORT_READERS
    with transaction.atomic(using=queryset.db, savepoint=False):
        if plan.connect:
            plan.connect(connections[queryset.db])
        if plan.prepare:
            plan.prepare()
        batches = cube.batches(queryset, BATCH_SIZE) if cube else None
        if batches is None:
            for values in queryset.values_list(*plan.fields).iterator(chunk_size=FAST_CHUNK_SIZE):
                yield plan.row(values)
            return
        vendor = connections[queryset.db].vendor
        order = BatchOrder.for_ordering(queryset.query.order_by, offset=len(plan.fields), vendor=vendor)
        if order is None:
            batches = (batch.values_list(*plan.fields) for batch in batches)
        else:
            batches = (
                batch.order_by().annotate(**order.annotations).values_list(*plan.fields, *order.fields)
                for batch in batches
            )
        width = len(plan.fields)
        for rows in read_ahead(list(batches), queryset.db, readers=readers, on_connection=plan.connect):
            for values in order.sort(rows) if order else rows:
                yield plan.row(values[:width])


def read_ahead(querysets: list, using: str, *, readers: int = 1, on_connection=None) -> Iterator[list[tuple]]:
    """Each queryset's rows, as a list, read on a cursor of the connection: the rows as the database
    driver gives them, without the ORM's converters (``RowPlan.annotations`` read each column in a form
    that needs none, the same on both paths).

    Writing a batch costs the web worker about as long as reading it costs the database, so threads
    read the next batches while this one is written: one on this thread's connection (the same
    transaction and snapshot; psycopg2 and Django's SQLite connections may be shared between threads,
    and this thread does not touch it meanwhile; SQLite lets go of the GIL while it steps through a
    query), and, up to ``readers`` in all, others on connections that read the same snapshot
    (``portal.snapshot_readers``), each taking its turn: the database's work on the batches then uses
    more than one core. ``on_connection`` prepares each of those connections (the SQL functions the rows
    use). The SQL is compiled here, since the ORM's connections are per thread. Sequential, on a logged
    cursor, when there is one batch and when queries are being logged (DEBUG, tests), so that every
    query is seen.

    A batch's rows are held only while that batch is written and while the next ones wait, at most two
    per reader: nothing keeps them (a queryset read with ``list(queryset)`` keeps its rows in its cache,
    which once kept the whole file in a SQLite worker).
    """
    connection = connections[using]
    statements = [queryset.query.sql_with_params() for queryset in querysets]
    if len(statements) < 2 or connection.queries_logged:
        with connection.cursor() as cursor:
            for sql, params in statements:
                cursor.execute(sql, params)
                yield cursor.fetchall()
        return
    connection.ensure_connection()
    with ExitStack() as others:
        cursors = [connection.create_cursor()]  # the driver's own cursor (on SQLite, with Django's placeholders)
        while len(cursors) < min(readers, len(statements)):
            other = others.enter_context(another_reader(using))
            if other is None:
                break
            if on_connection:
                on_connection(other)
            cursors.append(other.create_cursor())
        yield from _in_turns(statements, cursors)


def _in_turns(statements: list[tuple], cursors: list) -> Iterator[list[tuple]]:
    """The statements' rows, in order, the statements read by the cursors in turn (a thread each)."""
    stop = threading.Event()

    def read(cursor, mine: list[tuple], results: Queue):
        try:
            for sql, params in mine:
                if stop.is_set():
                    return
                cursor.execute(sql, params)
                results.put(cursor.fetchall())
        except BaseException as error:  # handed to the writer, which raises it
            results.put(error)
        finally:
            cursor.close()

    lanes = []
    for number, cursor in enumerate(cursors):
        results: Queue = Queue(maxsize=1)
        mine = statements[number :: len(cursors)]
        reader = threading.Thread(target=read, args=(cursor, mine, results), name="export-read-ahead", daemon=True)
        reader.start()
        lanes.append((reader, results))
    try:
        for number in range(len(statements)):
            item = lanes[number % len(lanes)][1].get()
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()  # an abandoned download: let the readers finish their queries before the transaction ends
        for reader, results in lanes:
            while reader.is_alive():
                with suppress(Empty):
                    results.get(timeout=0.05)
            reader.join()


class BatchOrder:
    """The figures list's order, applied in Python to one batch read without ORDER BY.

    Each sort key the list uses is read with the row: positions and the scope's number
    (``scope_order``) as the database computes them, dates as dates (on SQLite as the ISO text it stores,
    which sorts the same, without a Python converter for each row), a province as the rank of its
    folded name in the database's own ordering of provinces (read once, so the collation is the
    database's). Python's sort is stable, so sorting by each key from the last to the first gives the
    same order as ORDER BY; with the primary key last that order is total, hence exactly the
    database's. ``for_ordering`` gives None for any other key.
    """

    KEYS = {"indicator__position", "period_end", "conference__region__position", "scope_order", "pk", "id"}

    def __init__(self, keys: list[tuple[str, bool]], offset: int, province_ranks: dict | None, vendor: str):
        self.keys = keys
        self.offset = offset  # where the key columns start in a row
        self.province_ranks = province_ranks
        read_as = {"province__name_folded": "province_id", "pk": "id"}
        self.annotations = {}  # added to the batch before ``fields`` are read
        if vendor == "sqlite":
            self.annotations = {"period_end_text": Cast("period_end", TextField())}
            read_as["period_end"] = "period_end_text"
        self.fields = tuple(read_as.get(name, name) for name, _ in keys)

    @classmethod
    def for_ordering(cls, ordering, *, offset: int, vendor: str):
        keys = []
        for item in ordering:
            name = item.lstrip("-") if isinstance(item, str) else None
            # A province name only after the scope: a province is then there for every row it is compared
            # with, or for none, so NULLs (placed first or last depending on the database) never meet names.
            known = name in cls.KEYS or (name == "province__name_folded" and any(k == "scope_order" for k, _ in keys))
            if not known:
                return None
            keys.append((name, item.startswith("-")))
        if not keys or keys[-1][0] not in ("pk", "id"):
            return None
        ranks = None
        if any(name == "province__name_folded" for name, _ in keys):
            ranks, previous, rank = {}, object(), 0
            for pk, name in Province.objects.order_by("name_folded").values_list("pk", "name_folded"):
                if name != previous:
                    rank, previous = rank + 1, name
                ranks[pk] = rank
        return cls(keys, offset, ranks, vendor)

    def sort(self, rows: list[tuple]) -> list[tuple]:
        for index in reversed(range(len(self.keys))):
            name, descending = self.keys[index]
            column = self.offset + index
            if name == "province__name_folded":
                ranks = self.province_ranks
                rows.sort(key=lambda row, column=column: ranks.get(row[column], 0), reverse=descending)
            else:
                rows.sort(key=itemgetter(column), reverse=descending)
        return rows
