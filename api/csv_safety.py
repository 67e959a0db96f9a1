"""Cells a spreadsheet would run as a formula, made inert (OWASP, "CSV Injection").

Excel, LibreOffice and Google Sheets treat a cell that begins with "=", "+", "-" or "@" (and, after
some separators, a tab or a carriage return) as a formula. The downloads carry text from articles and
curators, so such a cell gets a leading apostrophe: the spreadsheet then shows it as text. A number
("-3.7000", "+12") is left alone, so negative values stay numbers.
"""

import re

FORMULA_STARTS = frozenset("=+-@\t\r")
NUMBER = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?\Z")


def inert(text: str) -> str:
    """``text`` as a cell no spreadsheet evaluates."""
    if text and text[0] in FORMULA_STARTS and not NUMBER.match(text):
        return "'" + text
    return text
