"""Logging filters named in ``settings.LOGGING``."""

import logging


class WithoutTraceback(logging.Filter):
    """One line for an event whose traceback says nothing new.

    A request with a Host header not in ``ALLOWED_HOSTS`` is a client's mistake or a scanner, answered
    400; Django logs it with the traceback of where the header was read, which floods the log.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        return True
