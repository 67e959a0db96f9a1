"""The drafting and build pipeline (``vietnamese/``, ``curation/``) is plain Python.

It runs without Django settings or a database (``scripts/draft_accuracy.py``, the build's checks), and
the apps depend on it, never the other way round. A fresh interpreter imports every module of both
packages and must not have loaded Django or any of the project's apps.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIPELINE = ("vietnamese", "curation")
FORBIDDEN = ("django", "rest_framework", "django_filters", "conferences", "regions", "portal")


def pipeline_modules() -> list[str]:
    return sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for package in PIPELINE
        for path in (ROOT / package).rglob("*.py")
    )


def test_every_pipeline_module_is_found():
    modules = pipeline_modules()
    assert "vietnamese.numbers" in modules
    assert "curation.draft" in modules


def test_importing_the_pipeline_loads_no_django_and_no_app():
    script = (
        "import importlib, sys\n"
        f"for name in {pipeline_modules()!r}: importlib.import_module(name)\n"
        f"loaded = sorted({{m.split('.')[0] for m in sys.modules}} & set({FORBIDDEN!r}))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True, env={"PATH": ""}
    )
    assert result.stdout.strip() == "", f"the pipeline imports {result.stdout.strip()}"
