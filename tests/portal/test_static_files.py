"""Static files: only the project's own are collected, and the manifest is kept out of the served folder."""

from django.core.management import call_command


def test_collectstatic_serves_only_the_projects_files_and_keeps_the_manifest_apart(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "served"
    settings.STATIC_MANIFEST_ROOT = tmp_path / "manifest"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "portal.static_storage.StaticFilesStorage"}}
    call_command("collectstatic", "--no-input", verbosity=0)
    served = {path.relative_to(settings.STATIC_ROOT).as_posix() for path in settings.STATIC_ROOT.rglob("*")}
    assert "css/portal.css" in served
    assert not any(name.endswith("staticfiles.json") for name in served)
    assert not any(name.startswith("rest_framework") for name in served)
    assert (settings.STATIC_MANIFEST_ROOT / "staticfiles.json").is_file()
