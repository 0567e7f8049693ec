"""Real processes for tests: redis-server and Hearth (uvicorn) on free ports."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[2]
TEST_SECRET = "test-secret-of-sufficient-length-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until(predicate: Any, timeout: float, what: str, interval: float = 0.02) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
            if value:
                return value
        except Exception:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


def mint(sub: str, role: str = "member", rooms: list[str] | None = None, ttl: int = 3600,
         secret: str = TEST_SECRET, invite: bool = False) -> str:
    import jwt

    claims: dict[str, Any] = {"sub": sub, "role": role, "exp": int(time.time()) + ttl}
    if rooms is not None:
        claims["rooms"] = rooms
    if invite:
        claims["inv"] = True
    return jwt.encode(claims, secret, algorithm="HS256")


@dataclass
class HearthServer:
    """A real `hearth serve` process (uvicorn, websockets-sansio) on a free port."""

    tmp: Path
    env: dict[str, str] = field(default_factory=dict)
    args: list[str] = field(default_factory=list)
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    def start(self) -> HearthServer:
        self.port = self.port or free_port()
        env = dict(os.environ)
        env.update(
            HEARTH_SECRET=TEST_SECRET,
            HEARTH_SECRET_FILE=str(self.tmp / "secret"),
            HEARTH_LOG_LEVEL="warning",
            PYTHONUNBUFFERED="1",
        )
        env.update(self.env)
        self.log_path = self.tmp / f"hearth-{self.port}.log"
        log = open(self.log_path, "ab")  # noqa: SIM115 - lives as long as the process
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port),
             *self.args],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            wait_until(self._healthy, 20, f"hearth on port {self.port} to be healthy")
        except TimeoutError:
            self.stop()
            raise RuntimeError(f"hearth did not start:\n{self.logs()}") from None
        return self

    def _healthy(self) -> bool:
        assert self.proc is not None
        if self.proc.poll() is not None:
            raise RuntimeError(f"hearth exited with {self.proc.returncode}:\n{self.logs()}")
        with urllib.request.urlopen(self.url + "/healthz", timeout=1) as r:
            return bool(r.status == 200)

    def logs(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path and self.log_path.exists() else ""

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 15) -> int | None:
        if self.proc is None or self.proc.poll() is not None:
            return None if self.proc is None else self.proc.returncode
        try:
            os.killpg(self.proc.pid, sig)
        except ProcessLookupError:
            return self.proc.returncode
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            return self.proc.wait(5)

    # -- helpers for tests ---------------------------------------------------------------------
    def token(self, sub: str | None = None, role: str = "member", rooms: list[str] | None = None,
              ttl: int = 3600) -> str:
        return mint(sub or f"acct-{uuid.uuid4().hex[:8]}", role, rooms, ttl)

    def http(self, method: str, path: str, body: Any = None, token: str | None = None,
             headers: dict[str, str] | None = None) -> tuple[int, Any]:
        data = None if body is None else orjson.dumps(body)
        request = urllib.request.Request(self.url + path, data=data, method=method)
        if token:
            request.add_header("authorization", f"Bearer {token}")
        for k, v in (headers or {}).items():
            request.add_header(k, v)
        try:
            with urllib.request.urlopen(request, timeout=5) as r:
                raw = r.read()
                status = r.status
        except urllib.error.HTTPError as exc:
            raw = exc.read()
            status = exc.code
        try:
            return status, orjson.loads(raw)
        except ValueError:
            return status, raw.decode(errors="replace")

    def create_room(self, **config: Any) -> str:
        """A fresh room (unique id unless given) created over POST /api/rooms."""
        config.setdefault("id", f"room-{uuid.uuid4().hex[:10]}")
        status, body = self.http("POST", "/api/rooms", config, token=mint("ops", "operator"))
        assert status in (200, 201), (status, body)
        return str(config["id"])


import urllib.error  # noqa: E402  (used above; kept at the end for readability)
