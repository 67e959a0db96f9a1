"""No module of the project grows past about 300 lines without saying why at its top.

A long module is usually two concerns in one file; when it is one concern that reads best whole (a
parser's grammar, a report's checks), its docstring starts a paragraph with ``Longer than 300 lines:``
and gives the reason. Tests and migrations are not counted: a test module mirrors the module it tests.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["vietnamese", "curation", "portal", "listings", "regions", "conferences", "api", "bench", "faults"]
LIMIT = 330  # "about 300": a few lines over is not a second concern
REASON = "Longer than 300 lines:"


def long_modules_without_a_reason() -> list[str]:
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            lines = text.count("\n")
            if lines > LIMIT and REASON not in (ast.get_docstring(ast.parse(text)) or ""):
                found.append(f"{path.relative_to(ROOT)}: {lines} lines")
    return found


def test_every_long_module_says_why():
    assert long_modules_without_a_reason() == []
