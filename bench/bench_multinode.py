"""Multi-node benchmark: one room spread over 1, 2 and 3 Hearth nodes sharing a private Redis.

    .venv/bin/python bench/bench_multinode.py            # about 1.5 minutes; prints a Markdown table
    ./dev bench --only multinode                         # the same, through bench/run.py
    .venv/bin/python bench/bench_multinode.py --json /tmp/multinode.json

Every case is the single-node "1 room × 50" traffic of bench/run.py: 50 clients in one room, 4 of
them facilitators sending together 200 msg/s (default 10 s of sending), every client reading
everything. The cases, in this order and in one run (so the baselines share the machine's load):

- `mem-1`   one node, embedded in-memory store and broker (the single-node figure);
- `redis-1` one node on Redis;
- `redis-2`, `redis-3`  2 and 3 nodes on the same Redis; the room's clients go round-robin to
  the nodes (50 → 25/25, 17/17/16), and so do the 4 senders (2/2, 2/1/1).

Redis is a redis-server started here on a free port (`--save '' --appendonly no`; never the
system one on 6379) and stopped by its process handle. Each case gets fresh Hearth nodes
(`python -m server.cli serve`, the environment of bench/run.py plus HEARTH_REDIS_URL), stopped
before the next case. The load generator (bench/loadgen.py, one process) reads every node's and
redis-server's CPU from /proc/<pid>/stat at the start and end of its measuring window.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import orjson
import run as bench  # bench/run.py: Server, hearth(), create_rooms(), loadgen(), the Markdown

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
ROOM_SIZE = 50
SENDERS = 4
RATE = 200.0

# key, label, nodes, on Redis
CASES: list[tuple[str, str, int, bool]] = [
    ("mem-1", "1 node, embedded (memory)", 1, False),
    ("redis-1", "1 node, Redis", 1, True),
    ("redis-2", "2 nodes, Redis", 2, True),
    ("redis-3", "3 nodes, Redis", 3, True),
]


@dataclass
class Redis:
    """A private redis-server without persistence on a free port."""

    tmp: Path
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def start(self) -> Redis:
        self.port = bench.free_port()
        log = self.tmp / f"redis-{self.port}.log"
        with open(log, "ab") as out:
            self.proc = subprocess.Popen(
                [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                 "--dir", str(self.tmp)],
                stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            )
        deadline = time.monotonic() + 10
        while not self.ping():
            if self.proc.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.proc.returncode}:\n{log.read_text()[-2000:]}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"redis-server on {self.port} did not answer PING")
            time.sleep(0.02)
        return self

    def ping(self) -> bool:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(64).startswith(b"+PONG")
        return False

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)  # our own child, by its handle
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)


def node(tmp: Path, index: int, redis_url: str) -> bench.Server:
    server = bench.hearth(tmp, send_queue=4096)
    server.name = f"node{index}-{'redis' if redis_url else 'mem'}"
    server.env = {**server.env, "HEARTH_REDIS_URL": redis_url}
    return server


def start_nodes(nodes: list[bench.Server]) -> list[bench.Server]:
    """Start them together (each takes a second or two to import and bind)."""
    with ThreadPoolExecutor(len(nodes)) as pool:
        return list(pool.map(lambda s: s.start(), nodes))


def run_cases(tmp: Path, duration: float, cases: list[str] | None = None) -> dict[str, bench.Result]:
    results: dict[str, bench.Result] = {}
    redis = Redis(tmp)
    nodes: list[bench.Server] = []
    try:
        redis.start()
        print(f"multi-node: one room × {ROOM_SIZE}, {SENDERS} facilitator senders, {RATE:g} msg/s, {duration:g} s; "
              f"redis-server pid {redis.pid} on port {redis.port}", flush=True)
        for key, _label, count, on_redis in CASES:
            if cases is not None and key not in cases:
                continue
            url = redis.url if on_redis else ""
            nodes = start_nodes([node(tmp, i, url) for i in range(count)])
            rooms = bench.new_rooms("multi", 1)
            bench.create_rooms(nodes[0], rooms, capacity=ROOM_SIZE + 10)
            res = bench.loadgen(nodes, rooms, redis_pid=redis.pid if on_redis else None,
                                clients_per_room=ROOM_SIZE, senders_per_room=SENDERS, rate_per_room=RATE,
                                duration=duration)
            res["case"] = key
            results[f"multinode-{key}"] = res
            print(f"  {key}: {bench.summary(res)}", flush=True)
            for server in nodes:
                server.stop()
            nodes = []
    finally:
        for server in nodes:
            server.stop()
        redis.stop()
    return results


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--duration", type=float, help="seconds of sending per case (default 10, --quick 3)")
    p.add_argument("--quick", action="store_true", help="3 s per case (a smoke test)")
    p.add_argument("--cases", help="comma-separated subset of: " + ", ".join(k for k, *_ in CASES))
    p.add_argument("--json", type=Path, metavar="FILE", help="save the raw results as JSON")
    p.add_argument("--no-table", action="store_true", help="do not print the Markdown table (bench/run.py prints it)")
    args = p.parse_args(argv)
    plan = bench.Plan.quick() if args.quick else bench.Plan()
    if args.duration:
        plan = replace(plan, multinode_duration=args.duration)
    bench.raise_nofile()
    began = time.monotonic()
    with bench.scratch() as tmp:
        results = run_cases(tmp, plan.multinode_duration, args.cases.split(",") if args.cases else None)
    if args.json:
        args.json.write_text(orjson.dumps(results, option=orjson.OPT_INDENT_2).decode())
    if not args.no_table:
        command = "bench/bench_multinode.py " + " ".join(argv if argv is not None else sys.argv[1:])
        print(f"\n(took {time.monotonic() - began:.0f} s)\n")
        print(bench.multinode_markdown(results, plan, command.strip()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
