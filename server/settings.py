"""Every knob in one frozen object, read from `HEARTH_…` environment variables."""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any


class SettingsError(ValueError):
    """A setting has a value Hearth cannot use; the message names the variable."""


@dataclass(frozen=True, slots=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    public_url: str = ""
    secret: str = ""
    secret_file: str = ".hearth/secret"
    allowed_origins: tuple[str, ...] = ()
    redis_url: str = ""
    redis_cluster: tuple[str, ...] = ()
    redis_timeout: float = 2.0
    redis_connect_timeout: float = 2.0
    redis_max_connections: int = 64
    redis_wait_replicas: int = 0
    redis_wait_timeout_ms: int = 500
    presence_ttl: int = 30
    history_ttl: int = 7 * 24 * 3600
    rooms_file: str = ""
    send_queue: int = 256
    hello_timeout: float = 10.0
    ping_interval: float = 20.0
    max_frame: int = 64 * 1024
    frames_per_second: float = 20.0
    frame_burst: int = 40
    max_violations: int = 20
    session_ttl: int = 12 * 3600
    log_level: str = "info"
    workers: int = 1

    @property
    def base_url(self) -> str:
        return self.public_url.rstrip("/") or f"http://{self.host}:{self.port}"

    def safe_dict(self) -> dict[str, Any]:
        """The settings with secrets masked, for the start-up line."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "secret":
                value = "(set)" if value else "(unset)"
            elif f.name == "redis_url" and value:
                value = _mask_url(value)
            out[f.name] = value
        return out


def _mask_url(url: str) -> str:
    if "@" in url:
        scheme, _, rest = url.partition("://")
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url


def _parse(name: str, raw: str, current: Any) -> Any:
    var = "HEARTH_" + name.upper()
    try:
        if isinstance(current, bool):
            if raw.lower() in ("1", "true", "yes", "on"):
                return True
            if raw.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError(raw)
        if isinstance(current, int):
            return int(raw)
        if isinstance(current, float):
            return float(raw)
        if isinstance(current, tuple):
            return tuple(part.strip() for part in raw.split(",") if part.strip())
    except ValueError:
        raise SettingsError(f"{var} must be a {type(current).__name__}, got {raw!r}") from None
    return raw


def load(env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Settings from the environment, then explicit overrides (command-line flags)."""
    env = os.environ if env is None else env
    base = Settings()
    values: dict[str, Any] = {}
    for f in fields(Settings):
        raw = env.get("HEARTH_" + f.name.upper())
        if raw is not None:
            values[f.name] = _parse(f.name, raw, getattr(base, f.name))
    values.update({k: v for k, v in overrides.items() if v is not None})
    settings = replace(base, **values)
    validate(settings)
    return settings


def validate(s: Settings) -> None:
    checks = [
        (1 <= s.port <= 65535 or s.port == 0, "HEARTH_PORT must be 0-65535"),
        (s.send_queue >= 8, "HEARTH_SEND_QUEUE must be at least 8"),
        (s.hello_timeout > 0, "HEARTH_HELLO_TIMEOUT must be positive"),
        (1024 <= s.max_frame <= 16 * 1024 * 1024, "HEARTH_MAX_FRAME must be 1 KiB-16 MiB"),
        (s.frames_per_second > 0 and s.frame_burst >= 1, "HEARTH_FRAMES_PER_SECOND/FRAME_BURST"),
        (s.workers >= 1, "HEARTH_WORKERS must be at least 1"),
        (s.redis_timeout > 0 and s.redis_connect_timeout > 0, "HEARTH_REDIS_TIMEOUT/CONNECT_TIMEOUT must be positive"),
        (s.redis_max_connections >= 4, "HEARTH_REDIS_MAX_CONNECTIONS must be at least 4"),
        (0 <= s.redis_wait_replicas <= 16, "HEARTH_REDIS_WAIT_REPLICAS must be 0 (off) to 16"),
        (1 <= s.redis_wait_timeout_ms < s.redis_timeout * 1000,
         "HEARTH_REDIS_WAIT_TIMEOUT_MS must be at least 1 and less than HEARTH_REDIS_TIMEOUT"),
        (s.presence_ttl >= 3, "HEARTH_PRESENCE_TTL must be at least 3 seconds"),
        (s.history_ttl >= 60, "HEARTH_HISTORY_TTL must be at least 60 seconds"),
        (not s.secret or len(s.secret) >= 16, "HEARTH_SECRET must be at least 16 characters"),
        (s.log_level in ("debug", "info", "warning", "error"), "HEARTH_LOG_LEVEL: debug|info|warning|error"),
    ]
    for ok, message in checks:
        if not ok:
            raise SettingsError(message)
    if s.workers > 1 and not (s.redis_url or s.redis_cluster):
        raise SettingsError("HEARTH_WORKERS > 1 needs HEARTH_REDIS_URL: workers share rooms through Redis")


def resolve_secret(s: Settings) -> Settings:
    """Use HEARTH_SECRET, or on the embedded default a generated one kept in a 0600 file
    so that invite links survive a restart."""
    if s.secret:
        return s
    path = Path(s.secret_file)
    if path.exists():
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            path.chmod(0o600)
        value = path.read_text().strip()
        if len(value) < 16:
            raise SettingsError(f"the secret in {path} is too short; delete it to make a new one")
        return replace(s, secret=value)
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(value + "\n")
    return replace(s, secret=value)
