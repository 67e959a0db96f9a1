import pytest

from portal.environment import env_bool, env_list, secret_key


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("TRUE", True), (" on ", True), ("0", False), ("", False)])
def test_env_bool(monkeypatch, raw, expected):
    monkeypatch.setenv("X_FLAG", raw)
    assert env_bool("X_FLAG", default=not expected) is expected


def test_env_bool_default_and_refusal(monkeypatch):
    monkeypatch.delenv("X_FLAG", raising=False)
    assert env_bool("X_FLAG", default=True) is True
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ValueError, match="X_FLAG='maybe' is not a boolean"):
        env_bool("X_FLAG", default=False)


def test_env_list(monkeypatch):
    monkeypatch.setenv("X_HOSTS", "a.example, b.example,,")
    assert env_list("X_HOSTS", default=[]) == ["a.example", "b.example"]
    monkeypatch.delenv("X_HOSTS")
    assert env_list("X_HOSTS", default=["127.0.0.1"]) == ["127.0.0.1"]


def test_secret_key_from_environment_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "from-env")
    assert secret_key(tmp_path / "key") == "from-env"
    assert not (tmp_path / "key").exists()


def test_secret_key_is_generated_once_and_kept_private(monkeypatch, tmp_path):
    monkeypatch.delenv("DJANGO_SECRET_KEY", raising=False)
    first = secret_key(tmp_path / "key")
    assert len(first) >= 50
    assert secret_key(tmp_path / "key") == first
    assert (tmp_path / "key").stat().st_mode & 0o077 == 0
