"""Batches read in turns by several cursors (``row_plans._in_turns``): in order, errors raised, threads ended."""

import threading

import pytest

from api.row_plans import _in_turns


class Cursor:
    """A driver's cursor whose rows say which statement they answer; ``failing`` raises for that one."""

    def __init__(self, failing: str | None = None):
        self.failing, self.read, self.closed = failing, [], False

    def execute(self, sql, params):
        if sql == self.failing:
            raise RuntimeError(f"cannot read {sql}")
        self.read.append(sql)
        self.rows = [(sql, *params)]

    def fetchall(self):
        return self.rows

    def close(self):
        self.closed = True


STATEMENTS = [(f"batch {number}", [number]) for number in range(11)]


@pytest.mark.parametrize("readers", [1, 2, 3])
def test_the_batches_come_in_order_each_read_once(readers):
    cursors = [Cursor() for _ in range(readers)]
    assert list(_in_turns(STATEMENTS, cursors)) == [[(sql, *params)] for sql, params in STATEMENTS]
    assert [cursor.read for cursor in cursors] == [
        [sql for sql, _ in STATEMENTS[number::readers]] for number in range(readers)
    ]
    assert all(cursor.closed for cursor in cursors)


def test_a_readers_error_is_raised_in_its_turn_and_every_reader_stops():
    cursors = [Cursor(), Cursor(failing="batch 5")]
    read = []
    with pytest.raises(RuntimeError, match="cannot read batch 5"):
        for rows in _in_turns(STATEMENTS, cursors):
            read.append(rows[0][0])
    assert read == [f"batch {number}" for number in range(5)]
    assert all(cursor.closed for cursor in cursors)
    assert not [thread for thread in threading.enumerate() if thread.name == "export-read-ahead"]


def test_an_abandoned_read_stops_its_readers():
    cursors = [Cursor(), Cursor()]
    batches = _in_turns(STATEMENTS, cursors)
    next(batches), next(batches)
    batches.close()  # the download was abandoned
    assert all(cursor.closed for cursor in cursors)
    assert sum(len(cursor.read) for cursor in cursors) < len(STATEMENTS)  # the rest were never read
    assert not [thread for thread in threading.enumerate() if thread.name == "export-read-ahead"]
