"""server/settings.py: HEARTH_… variables, validation, and the generated secret file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from server.settings import Settings, SettingsError, load, resolve_secret


def test_defaults_without_environment() -> None:
    s = load({})
    assert s == Settings()
    assert s.port == 8000 and s.send_queue == 256 and s.allowed_origins == ()


def test_parses_ints_floats_strings_and_lists() -> None:
    s = load(
        {
            "HEARTH_PORT": "9100",
            "HEARTH_SEND_QUEUE": "64",
            "HEARTH_HELLO_TIMEOUT": "2.5",
            "HEARTH_FRAMES_PER_SECOND": "7",
            "HEARTH_ALLOWED_ORIGINS": " https://a.example , https://b.example,,",
            "HEARTH_PUBLIC_URL": "https://chat.example/",
            "HEARTH_LOG_LEVEL": "debug",
            "UNRELATED": "ignored",
        }
    )
    assert s.port == 9100 and isinstance(s.port, int)
    assert s.send_queue == 64
    assert s.hello_timeout == 2.5 and isinstance(s.hello_timeout, float)
    assert s.frames_per_second == 7.0 and isinstance(s.frames_per_second, float)
    assert s.allowed_origins == ("https://a.example", "https://b.example")
    assert s.base_url == "https://chat.example"
    assert s.log_level == "debug"


def test_overrides_win_over_environment() -> None:
    s = load({"HEARTH_PORT": "9100"}, port=9200, host=None)
    assert s.port == 9200 and s.host == "127.0.0.1"


@pytest.mark.parametrize(
    ("var", "value"),
    [
        ("HEARTH_PORT", "eighty"),
        ("HEARTH_PORT", "80.5"),
        ("HEARTH_PORT", "70000"),
        ("HEARTH_PORT", "-1"),
        ("HEARTH_SEND_QUEUE", "lots"),
        ("HEARTH_SEND_QUEUE", "2"),
        ("HEARTH_HELLO_TIMEOUT", "soon"),
        ("HEARTH_HELLO_TIMEOUT", "0"),
        ("HEARTH_MAX_FRAME", "10"),
        ("HEARTH_WORKERS", "0"),
        ("HEARTH_SECRET", "short"),
        ("HEARTH_LOG_LEVEL", "loud"),
        ("HEARTH_FRAME_BURST", "0"),
    ],
)
def test_bad_values_name_the_variable(var: str, value: str) -> None:
    with pytest.raises(SettingsError) as info:
        load({var: value})
    assert var.removeprefix("HEARTH_") in str(info.value)


def test_workers_need_redis() -> None:
    with pytest.raises(SettingsError) as info:
        load({"HEARTH_WORKERS": "2"})
    assert "HEARTH_WORKERS" in str(info.value) and "HEARTH_REDIS_URL" in str(info.value)
    assert load({"HEARTH_WORKERS": "2", "HEARTH_REDIS_URL": "redis://localhost:6379"}).workers == 2


def test_safe_dict_masks_secrets() -> None:
    s = load({"HEARTH_SECRET": "x" * 32, "HEARTH_REDIS_URL": "redis://user:pw@db:6379/0"})
    safe = s.safe_dict()
    assert safe["secret"] == "(set)"
    assert "pw" not in safe["redis_url"] and safe["redis_url"].endswith("db:6379/0")
    assert "x" * 32 not in repr(safe)


def test_resolve_secret_keeps_an_explicit_secret(tmp_path: Path) -> None:
    s = Settings(secret="y" * 20, secret_file=str(tmp_path / "secret"))
    assert resolve_secret(s) is s
    assert not (tmp_path / "secret").exists()


def test_resolve_secret_creates_a_private_file_and_reuses_it(tmp_path: Path) -> None:
    path = tmp_path / "state" / "secret"
    s = Settings(secret_file=str(path))
    first = resolve_secret(s)
    assert len(first.secret) >= 16
    assert path.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text().strip() == first.secret
    second = resolve_secret(s)
    assert second.secret == first.secret


def test_resolve_secret_tightens_a_loose_file(tmp_path: Path) -> None:
    path = tmp_path / "secret"
    path.write_text("z" * 40 + "\n")
    path.chmod(0o644)
    assert resolve_secret(Settings(secret_file=str(path))).secret == "z" * 40
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_resolve_secret_refuses_a_short_file(tmp_path: Path) -> None:
    path = tmp_path / "secret"
    path.write_text("short\n")
    with pytest.raises(SettingsError, match="too short"):
        resolve_secret(Settings(secret_file=str(path)))


@pytest.mark.parametrize(
    ("env", "var"),
    [
        ({"HEARTH_REDIS_WAIT_REPLICAS": "one"}, "REDIS_WAIT_REPLICAS"),
        ({"HEARTH_REDIS_WAIT_REPLICAS": "1.5"}, "REDIS_WAIT_REPLICAS"),
        ({"HEARTH_REDIS_WAIT_REPLICAS": "-1"}, "REDIS_WAIT_REPLICAS"),
        ({"HEARTH_REDIS_WAIT_REPLICAS": "17"}, "REDIS_WAIT_REPLICAS"),
        ({"HEARTH_REDIS_WAIT_TIMEOUT_MS": "soon"}, "REDIS_WAIT_TIMEOUT_MS"),
        ({"HEARTH_REDIS_WAIT_TIMEOUT_MS": "0"}, "REDIS_WAIT_TIMEOUT_MS"),  # WAIT 0 would block forever
        ({"HEARTH_REDIS_WAIT_TIMEOUT_MS": "-5"}, "REDIS_WAIT_TIMEOUT_MS"),
        ({"HEARTH_REDIS_WAIT_TIMEOUT_MS": "2000"}, "REDIS_WAIT_TIMEOUT_MS"),  # not below HEARTH_REDIS_TIMEOUT
        ({"HEARTH_REDIS_WAIT_TIMEOUT_MS": "900", "HEARTH_REDIS_TIMEOUT": "0.5"}, "REDIS_WAIT_TIMEOUT_MS"),
    ],
)
def test_bad_wait_settings_are_refused(env: dict[str, str], var: str) -> None:
    with pytest.raises(SettingsError) as info:
        load(env)
    assert var in str(info.value)


def test_wait_settings_default_off_and_parse() -> None:
    assert (load({}).redis_wait_replicas, load({}).redis_wait_timeout_ms) == (0, 500)
    s = load({"HEARTH_REDIS_WAIT_REPLICAS": "2", "HEARTH_REDIS_WAIT_TIMEOUT_MS": "250"})
    assert (s.redis_wait_replicas, s.redis_wait_timeout_ms) == (2, 250)
