"""Real redis-server processes for tests: one server, or a 3-master cluster, on free ports.

Never the system Redis on 6379: every server here is started on ports found free a moment
before and stopped by its own process handle.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import redis

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
    """Three masters (with `replicas` replicas each; none by default), each node with its own
    data and cluster-bus port (~2 s)."""

    tmp: Path
    replicas: int = 0
    nodes: list[RedisServer] = field(default_factory=list)

    @property
    def spec(self) -> str:
        return ",".join(f"127.0.0.1:{n.port}" for n in self.nodes)

    def start(self) -> RedisCluster:
        count = 3 * (1 + self.replicas)
        ports: set[int] = set()
        while len(ports) < 2 * count:
            ports.add(free_port())
        data, bus = sorted(ports)[:count], sorted(ports)[count:]
        for p, b in zip(data, bus, strict=True):
            node = RedisServer(
                self.tmp / f"node-{p}", port=p,
                extra=["--cluster-enabled", "yes", "--cluster-port", str(b), "--cluster-config-file",
                       f"nodes-{p}.conf", "--cluster-node-timeout", "2000"],
            )
            self.nodes.append(node.start())
        subprocess.run(
            [REDIS_CLI, "--cluster", "create", *(f"127.0.0.1:{p}" for p in data), "--cluster-replicas",
             str(self.replicas), "--cluster-yes"], check=True, capture_output=True, timeout=30,
        )
        wait_until(lambda: all("cluster_state:ok" in n.cli("cluster", "info") for n in self.nodes), 20,
                   "cluster_state:ok on every node", interval=0.05)
        if self.replicas:
            wait_until(lambda: all("master_link_status:up" in n.cli("info", "replication")
                                   for n in self.nodes if "role:slave" in n.cli("info", "replication")), 20,
                       "every replica in sync with its master", interval=0.05)
        return self

    def alive(self) -> list[RedisServer]:
        return [n for n in self.nodes if n.proc is not None and n.proc.poll() is None]

    def stop(self) -> None:
        for node in self.nodes:
            node.stop()


    # -- resharding -------------------------------------------------------------------------------
    def node_id(self, node: RedisServer) -> str:
        return node.cli("cluster", "myid")

    def keyslot(self, key: str) -> int:
        return int(self.alive()[0].cli("cluster", "keyslot", key))

    def owner_of(self, slot: int) -> RedisServer:
        """The master that owns `slot`, as the first live node sees it."""
        with redis.Redis(port=self.alive()[0].port, decode_responses=True) as r:
            for start, end, master, *_ in r.execute_command("CLUSTER SLOTS"):
                if int(start) <= slot <= int(end):
                    return next(n for n in self.nodes if n.port == int(master[1]))
        raise LookupError(f"slot {slot} is not covered")

    def move_slot(self, slot: int, target: RedisServer, batch: int = 50, pause: float = 0.0,
                  timeout_ms: int = 5000) -> int:
        """Migrate `slot` to `target` the way `redis-cli --cluster reshard` does: IMPORTING on
        the target, MIGRATING on the source, MIGRATE its keys in batches (`pause` seconds
        apart: a bigger slot's migration takes that long), then give the slot to the target
        on every master. Returns how many keys moved."""
        source = self.owner_of(slot)
        if source is target:
            raise ValueError("the target already owns the slot")
        ids = {n.port: self.node_id(n) for n in self.nodes}
        clients = {n.port: redis.Redis(port=n.port, decode_responses=True) for n in self.nodes}
        try:
            src, dst = clients[source.port], clients[target.port]
            dst.execute_command("CLUSTER SETSLOT", slot, "IMPORTING", ids[source.port])
            src.execute_command("CLUSTER SETSLOT", slot, "MIGRATING", ids[target.port])
            moved = 0
            while keys := src.execute_command("CLUSTER GETKEYSINSLOT", slot, batch):
                src.execute_command("MIGRATE", "127.0.0.1", target.port, "", 0, timeout_ms, "KEYS", *keys)
                moved += len(keys)
                time.sleep(pause)
            # The target first (it must not bounce clients back to a source that gave up the slot).
            order = [target, source, *(n for n in self.nodes if n is not target and n is not source)]
            for node in order:
                clients[node.port].execute_command("CLUSTER SETSLOT", slot, "NODE", ids[target.port])
            return moved
        finally:
            for c in clients.values():
                c.close()

    def owners(self, slot: int) -> set[int]:
        """The ports every live node names as the owner of `slot` (one when they agree)."""
        out = set()
        for node in self.alive():
            with redis.Redis(port=node.port, decode_responses=True, socket_timeout=1) as r:
                out |= {int(m[1]) for s, e, m, *_ in r.execute_command("CLUSTER SLOTS") if s <= slot <= e}
        return out

    def agree_on_owner(self, slot: int, owner: RedisServer, timeout: float = 10) -> None:
        """Wait until every live node names `owner` for `slot`."""
        wait_until(lambda: self.owners(slot) == {owner.port}, timeout,
                   f"every node to give slot {slot} to {owner.port}", interval=0.05)

    def wait_failover(self, slot: int, dead: RedisServer, timeout: float = 20) -> RedisServer:
        """Wait until the live nodes agree on a new owner of `slot` (its replica, promoted) and
        the cluster is ok again; that owner."""

        def promoted() -> RedisServer | None:
            owners = self.owners(slot)
            if len(owners) != 1 or dead.port in owners:
                return None
            if not all("cluster_state:ok" in n.cli("cluster", "info") for n in self.alive()):
                return None
            return next(n for n in self.nodes if n.port in owners)

        return wait_until(promoted, timeout, f"a replica to take over slot {slot}", interval=0.05)
