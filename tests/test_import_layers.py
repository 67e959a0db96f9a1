"""The packages' dependencies point one way: no top-level package imports one above it.

The layers, from the bottom (``docs/architecture.md``, "Layout"): a package may import any package
in a lower layer, never one in its own layer or above. Every import counts, at the top of a module or
inside a function, so a cycle cannot hide in a late import. Django's own references by name (the
settings' ``INSTALLED_APPS``, ``ROOT_URLCONF``, ``include("conferences.urls")``) are not imports.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

LAYERS = [
    ["vietnamese"],
    ["curation"],
    ["portal"],
    ["listings"],
    ["regions"],
    ["conferences"],
    ["api"],
    ["bench", "faults"],  # tools: the benchmark and the fault proofs
]
LAYER_OF = {package: level for level, packages in enumerate(LAYERS) for package in packages}


def imported_packages(path: Path) -> set[str]:
    """The project's top-level packages that the module at ``path`` imports (relative imports are within
    its own package)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & LAYER_OF.keys()


def modules():
    for package in LAYER_OF:
        for path in sorted((ROOT / package).rglob("*.py")):
            yield package, path


def upward_imports() -> list[str]:
    return [
        f"{path.relative_to(ROOT)} ({package}) imports {other}"
        for package, path in modules()
        for other in sorted(imported_packages(path))
        if other != package and LAYER_OF[other] >= LAYER_OF[package]
    ]


def test_no_package_imports_its_own_layer_or_one_above():
    assert upward_imports() == []


def test_every_top_level_package_has_a_layer():
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")}
    assert packages == set(LAYER_OF)


@pytest.mark.parametrize(
    ("source", "package"),
    [("from conferences.models import Conference\n", "conferences"), ("def f():\n    import api.views\n", "api")],
)
def test_an_import_anywhere_in_a_module_counts(tmp_path, source, package):
    module = tmp_path / "module.py"
    module.write_text(source)
    assert imported_packages(module) == {package}
