"""`./dev bench`: start real servers, drive them from a separate load-generator process, and
print the figures as Markdown (absolute numbers and ratios against baselines run in the same
session).

    ./dev bench                      # the whole set (multinode included), about 2-2.5 minutes
    ./dev bench --quick              # a smoke run (short and small), about 1-1.5 minutes
    ./dev bench --write docs/benchmarks.md   # also put the tables into the doc's results block
    ./dev bench --only multinode     # 1, 2 and 3 nodes sharing a private redis-server (~1.5 minutes)

Servers: `python -m server.cli serve` (Hearth, embedded store and broker, uvicorn
websockets-sansio) and bench/baseline_server.py (a bare broadcast server on the same
transport). Clients: bench/loadgen.py, one process. The `multinode` scenario runs
bench/bench_multinode.py (Hearth nodes sharing a redis-server it starts). See docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jwt
import orjson
from report import (
    Plan,
    Result,
    markdown,
    multinode_markdown,
    summary,
    write_doc,
)

ROOT = Path(__file__).resolve().parents[1]
LOADGEN = ROOT / "bench" / "loadgen.py"
BASELINE = ROOT / "bench" / "baseline_server.py"
MULTINODE = ROOT / "bench" / "bench_multinode.py"
SECRET = "bench-" + secrets.token_urlsafe(24)
SCENARIOS = ("room", "rooms", "idle", "slow", "multinode")



def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def raise_nofile() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # inherited by the children


@dataclass
class Server:
    name: str
    argv: list[str]
    env: dict[str, str]
    tmp: Path
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None
    log: Path | None = None

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    def start(self) -> Server:
        self.port = free_port()
        self.log = self.tmp / f"{self.name}-{self.port}.log"
        env = {**os.environ, **self.env, "HEARTH_PORT": str(self.port), "PYTHONUNBUFFERED": "1"}
        argv = [a.replace("{port}", str(self.port)) for a in self.argv]
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                         start_new_session=True)
        deadline = time.monotonic() + 30
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}:\n{self.logs()}")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=1) as r:
                    if r.status == 200:
                        return self
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{self.name} did not become healthy:\n{self.logs()}")
            time.sleep(0.05)

    def logs(self) -> str:
        return self.log.read_text(errors="replace")[-4000:] if self.log and self.log.exists() else ""

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)  # the group this script started for it
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)


def hearth(tmp: Path, send_queue: int) -> Server:
    env = {
        "HEARTH_SECRET": SECRET,
        "HEARTH_SECRET_FILE": str(tmp / "secret"),
        "HEARTH_LOG_LEVEL": "warning",
        "HEARTH_FRAMES_PER_SECOND": "100000",
        "HEARTH_FRAME_BURST": "100000",
        "HEARTH_SEND_QUEUE": str(send_queue),
        "HEARTH_REDIS_URL": "",
    }
    argv = [sys.executable, "-m", "server.cli", "serve", "--host", "127.0.0.1", "--port", "{port}"]
    return Server(f"hearth-q{send_queue}", argv, env, tmp)


def baseline(tmp: Path) -> Server:
    return Server("baseline", [sys.executable, str(BASELINE), "--port", "{port}"], {}, tmp)


def create_rooms(server: Server, ids: list[str], capacity: int) -> None:
    if server.name == "baseline":
        return  # the bare server has no rooms to create
    tok = jwt.encode({"sub": "bench-ops", "role": "operator", "exp": int(time.time()) + 600}, SECRET,
                     algorithm="HS256")
    for rid in ids:
        body = orjson.dumps({"id": rid, "title": rid, "capacity": capacity})
        request = urllib.request.Request(
            f"http://127.0.0.1:{server.port}/api/rooms", data=body, method="POST",
            headers={"authorization": f"Bearer {tok}", "content-type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as r:
                assert r.status in (200, 201), r.status
        except urllib.error.HTTPError as exc:
            raise RuntimeError(f"creating room {rid}: {exc.code} {exc.read()!r}") from None


_room_counter = iter(range(1, 1_000_000))


def new_rooms(prefix: str, n: int) -> list[str]:
    k = next(_room_counter)
    return [f"{prefix}-{k}-{i}" for i in range(n)]


def loadgen(server: Server | list[Server], rooms: list[str], timeout: float = 120, **options: Any) -> Result:
    """Run bench/loadgen.py against one server, or several nodes (clients spread over them)."""
    servers = server if isinstance(server, list) else [server]
    argv = [sys.executable, str(LOADGEN), "--url", ",".join(s.ws_url for s in servers),
            "--server-pid", ",".join(str(s.pid) for s in servers), "--rooms", ",".join(rooms)]
    for key, value in options.items():
        flag = "--" + key.replace("_", "-")
        if value is True:
            argv.append(flag)
        elif value is not False and value is not None:
            argv += [flag, str(value)]
    env = {**os.environ, "HEARTH_SECRET": SECRET}
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, timeout=timeout)
    if done.returncode != 0:
        logs = "\n".join(f"{s.name}:\n{s.logs()}" for s in servers)
        raise RuntimeError(f"loadgen failed ({done.returncode}):\n{done.stderr.decode()[-4000:]}\n"
                           f"server logs:\n{logs}")
    lines = done.stdout.decode().strip().splitlines()
    return dict(orjson.loads(lines[-1]))


@dataclass
class Session:
    plan: Plan
    tmp: Path
    results: dict[str, Result] = field(default_factory=dict)
    started: list[Server] = field(default_factory=list)

    def server(self, server: Server) -> Server:
        self.started.append(server)
        return server.start()

    def room_traffic(self, key: str, server: Server, n: int, **extra: Any) -> Result:
        rooms = new_rooms("bench", 1)
        create_rooms(server, rooms, capacity=n + 10)
        res = loadgen(server, rooms, clients_per_room=n, senders_per_room=self.plan.senders,
                      rate_per_room=self.plan.rate, duration=self.plan.duration, **extra)
        return self.keep(key, res)

    def keep(self, key: str, res: Result) -> Result:
        self.results[key] = res
        print(f"  {key}: {summary(res)}", flush=True)
        return res

    def run(self, only: set[str] | None) -> None:
        p = self.plan

        def want(name: str) -> bool:
            return only is None or name in only

        if want("room"):
            print("one room, facilitator senders (bare broadcast baseline vs Hearth)", flush=True)
            base = self.server(baseline(self.tmp))
            hub = self.server(hearth(self.tmp, p.throughput_queue))
            for n in (50, p.big_room):  # interleaved, so drifting machine load hits both alike
                self.room_traffic(f"baseline-room-{n}", base, n)
                self.room_traffic(f"hearth-room-{n}", hub, n)
            base.stop()
            if want("rooms"):
                self.many_rooms(hub)
            hub.stop()
        elif want("rooms"):
            hub = self.server(hearth(self.tmp, p.throughput_queue))
            self.many_rooms(hub)
            hub.stop()
        if want("idle"):
            print(f"RSS per idle connection ({p.idle} clients)", flush=True)
            fresh = self.server(hearth(self.tmp, p.throughput_queue))
            rooms = new_rooms("idle", p.idle_rooms)
            create_rooms(fresh, rooms, capacity=p.idle // p.idle_rooms + 20)
            self.keep("hearth-idle", loadgen(fresh, rooms, idle=True, clients_per_room=p.idle // p.idle_rooms,
                                             settle=2.0))
            fresh.stop()
        if want("slow"):
            print(f"slow client (HEARTH_SEND_QUEUE={p.slow_queue}, the default)", flush=True)
            small = self.server(hearth(self.tmp, p.slow_queue))
            self.room_traffic("hearth-room-50-q256", small, 50, text_size=p.slow_text)
            self.room_traffic("hearth-room-50-q256-slow", small, 50, text_size=p.slow_text, slow=True)
            small.stop()
        if want("multinode"):
            self.multinode()

    def multinode(self) -> None:
        """bench/bench_multinode.py in its own process (it starts its own redis-server and nodes)."""
        out = self.tmp / "multinode.json"
        argv = [sys.executable, str(MULTINODE), "--duration", str(self.plan.multinode_duration), "--json", str(out),
                "--no-table"]
        subprocess.run(argv, cwd=ROOT, check=True, timeout=600)
        self.results.update(orjson.loads(out.read_bytes()))

    def many_rooms(self, hub: Server) -> None:
        p = self.plan
        print(f"{p.small_rooms} rooms x {p.small_room_size} clients, member senders at 1 msg/s", flush=True)
        rooms = new_rooms("small", p.small_rooms)
        create_rooms(hub, rooms, capacity=p.small_room_size + 5)
        res = loadgen(hub, rooms, clients_per_room=p.small_room_size, senders_per_room=1, sender_role="member",
                      rate_per_room=1.0, duration=p.duration, settle=2.0)
        self.keep("hearth-rooms", res)

    def stop_all(self) -> None:
        for server in self.started:
            server.stop()


@contextlib.contextmanager
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="hearth-bench-") as tmp:
        yield Path(tmp)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="short, small runs (a smoke test)")
    p.add_argument("--duration", type=float, help="seconds of sending per traffic scenario")
    p.add_argument("--only", help="comma-separated subset of: " + ", ".join(SCENARIOS))
    p.add_argument("--write", type=Path, metavar="DOC", help="replace the results block of DOC (Markdown)")
    p.add_argument("--json", type=Path, metavar="FILE", help="also save the raw results as JSON")
    args = p.parse_args(argv)
    plan = Plan.quick() if args.quick else Plan()
    if args.duration:
        plan.duration = plan.multinode_duration = args.duration
    only = set(args.only.split(",")) if args.only else None
    if only is not None and only - set(SCENARIOS):
        p.error(f"unknown scenario(s): {', '.join(sorted(only - set(SCENARIOS)))}")
    raise_nofile()
    command = "./dev bench " + " ".join(argv if argv is not None else sys.argv[1:])
    began = time.monotonic()
    with scratch() as tmp:
        session = Session(plan, tmp)
        try:
            session.run(only)
        finally:
            session.stop_all()
    single = {k: v for k, v in session.results.items() if not k.startswith("multinode-")}
    block = markdown(single, plan, command.strip()) if single else None
    multi = multinode_markdown(session.results, plan, command.strip()) if len(single) < len(session.results) else None
    print(f"\n(took {time.monotonic() - began:.0f} s)\n")
    for text in (block, multi):
        if text is not None:
            print(text)
    if args.json:
        args.json.write_text(orjson.dumps(session.results, option=orjson.OPT_INDENT_2).decode())
    if args.write:
        write_doc(args.write, block, multi)
        print(f"wrote the results block of {args.write}")
    return 0



if __name__ == "__main__":
    raise SystemExit(main())
