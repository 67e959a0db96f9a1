"""The release digest (portal/release.py): the same for the same code, different when a page's code changes."""

import os

import pytest

from portal.release import current_release


@pytest.fixture
def project(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text("<p>{{ figure }}</p>")
    (tmp_path / "requirements.txt").write_text("Django==6.1.3\n")
    current_release.cache_clear()
    yield tmp_path
    current_release.cache_clear()


def release_of(project):
    current_release.cache_clear()
    return current_release()


def test_the_digest_depends_on_content_not_on_timestamps(project):
    first = release_of(project)
    for path in (project / "templates" / "page.html", project / "requirements.txt"):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    again = release_of(project)
    assert again.digest == first.digest
    assert again.modified < first.modified


def test_a_changed_template_or_requirement_is_a_new_release(project):
    first = release_of(project)
    (project / "templates" / "page.html").write_text("<p>{{ figure }} {{ unit }}</p>")
    second = release_of(project)
    assert second.digest != first.digest
    (project / "requirements.txt").write_text("Django==6.1.4\n")
    assert release_of(project).digest != second.digest


def test_compiled_bytecode_and_other_folders_are_not_part_of_it(project):
    first = release_of(project)
    (project / "templates" / "__pycache__").mkdir()
    (project / "templates" / "__pycache__" / "page.cpython-313.pyc").write_bytes(b"\0")
    (project / "tests").mkdir()
    (project / "tests" / "test_page.py").write_text("assert True\n")
    assert release_of(project).digest == first.digest
