"""`python scripts/draft_accuracy.py` runs without arguments and prints the comparison table."""

import subprocess
import sys
from pathlib import Path

from django.conf import settings

from curation.draft_accuracy import problem_kind

ROOT = Path(settings.BASE_DIR)


def test_the_script_prints_the_table_and_the_build_problems():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "draft_accuracy.py")], capture_output=True, text=True, check=True
    )
    lines = result.stdout.splitlines()
    assert "| article" in lines[2] and "recall" in lines[2] and "wrong as certain" in lines[2]
    assert any(line.startswith("| total") for line in lines)
    assert any(line.startswith("Build on the drafts") for line in lines)


def test_problems_are_counted_by_kind():
    assert problem_kind("figure 'a-1': unknown indicator ''") == "unknown indicator …"
    assert (
        problem_kind("south-20-xi-2025: host 'x' contradicts 'y' from a.toml:35")
        == "host … contradicts … from a.toml:N"
    )
