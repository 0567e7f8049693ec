"""Real redis-server processes for tests: one server, or a 3-master cluster, on free ports.

Never the system Redis on 6379: every server here is started on ports found free a moment
before and stopped by its own process handle.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.servers import free_port, wait_until

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
REDIS_CLI = shutil.which("redis-cli") or "/usr/bin/redis-cli"


def cli(port: int, *args: str, timeout: float = 5) -> str:
    out = subprocess.run([REDIS_CLI, "-p", str(port), *args], capture_output=True, timeout=timeout, text=True)
    return out.stdout.strip()


@dataclass
class RedisServer:
    """One redis-server without persistence; restart() keeps the port (and loses the data)."""

    tmp: Path
    port: int = 0
    extra: list[str] = field(default_factory=list)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        self.port = self.port or free_port()
        self.tmp.mkdir(parents=True, exist_ok=True)
        log = open(self.tmp / f"redis-{self.port}.log", "ab")  # noqa: SIM115 - lives with the process
        self.proc = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.tmp), *self.extra],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        wait_until(lambda: self._alive() and cli(self.port, "ping", timeout=1) == "PONG", 10,
                   f"redis-server on {self.port}", interval=0.02)
        return self

    def _alive(self) -> bool:
        assert self.proc is not None
        if self.proc.poll() is not None:
            raise RuntimeError(f"redis-server exited with {self.proc.returncode}")
        return True

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(sig)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)

    def restart(self) -> RedisServer:
        """Stop (no persistence: the data is gone) and start again on the same port."""
        self.stop()
        return self.start()

    def cli(self, *args: str) -> str:
        return cli(self.port, *args)


@dataclass
class RedisCluster:
    """Three masters, no replicas, each with its own data and cluster-bus port (~2 s)."""

    tmp: Path
    nodes: list[RedisServer] = field(default_factory=list)

    @property
    def spec(self) -> str:
        return ",".join(f"127.0.0.1:{n.port}" for n in self.nodes)

    def start(self) -> RedisCluster:
        ports = set()
        while len(ports) < 6:
            ports.add(free_port())
        data, bus = sorted(ports)[:3], sorted(ports)[3:]
        for p, b in zip(data, bus, strict=True):
            node = RedisServer(
                self.tmp / f"node-{p}", port=p,
                extra=["--cluster-enabled", "yes", "--cluster-port", str(b), "--cluster-config-file",
                       f"nodes-{p}.conf", "--cluster-node-timeout", "2000"],
            )
            self.nodes.append(node.start())
        subprocess.run(
            [REDIS_CLI, "--cluster", "create", *(f"127.0.0.1:{p}" for p in data), "--cluster-replicas", "0",
             "--cluster-yes"], check=True, capture_output=True, timeout=30,
        )
        wait_until(lambda: all("cluster_state:ok" in n.cli("cluster", "info") for n in self.nodes), 20,
                   "cluster_state:ok on every node", interval=0.05)
        return self

    def stop(self) -> None:
        for node in self.nodes:
            node.stop()

