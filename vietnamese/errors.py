"""The single error type raised by every parser in this package."""


class ParseError(ValueError):
    """Text that is malformed or ambiguous; the message quotes the text and says why.

    Parsers raise this instead of guessing: a wrong published figure is worse
    than a missing one.
    """
