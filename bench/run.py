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
import datetime as dt
import os
import platform
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

ROOT = Path(__file__).resolve().parents[1]
LOADGEN = ROOT / "bench" / "loadgen.py"
BASELINE = ROOT / "bench" / "baseline_server.py"
MULTINODE = ROOT / "bench" / "bench_multinode.py"
SECRET = "bench-" + secrets.token_urlsafe(24)
START = "<!-- bench:results:start -->"
END = "<!-- bench:results:end -->"
MULTI_START = "<!-- bench:multinode:start -->"
MULTI_END = "<!-- bench:multinode:end -->"
SCENARIOS = ("room", "rooms", "idle", "slow", "multinode")

Result = dict[str, Any]


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


# -- the plan ----------------------------------------------------------------------------------
@dataclass
class Plan:
    duration: float = 8.0
    rate: float = 200.0
    senders: int = 4
    big_room: int = 200
    small_rooms: int = 100
    small_room_size: int = 5
    idle: int = 1000
    idle_rooms: int = 10
    slow_queue: int = 256
    slow_text: int = 300  # a longer chat message: the slow client's buffers fill in seconds
    throughput_queue: int = 4096
    multinode_duration: float = 10.0

    @classmethod
    def quick(cls) -> Plan:
        return cls(duration=3.0, big_room=100, small_rooms=20, idle=200, idle_rooms=4, multinode_duration=3.0)


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


def summary(r: Result) -> str:
    if r.get("scenario") == "idle":
        return (f"{r['connections']} conns ({r['alive']} alive), RSS {r['server_rss_before_kib']} -> "
                f"{r['server_rss_after_kib']} KiB = {r['kib_per_connection']:.1f} KiB/conn")
    text = (f"{r['deliveries_per_s']:,.0f} deliv/s, server {r['server_cpu_pct']:.0f}% CPU, "
            f"{r['server_cpu_s_per_m']:.1f} CPU-s/M, p50 {r['p50_ms']:.1f} ms p99 {r['p99_ms']:.1f} ms, "
            f"missing {r['missing']}, loadgen {r['loadgen_cpu_pct']:.0f}% CPU, others {r['other_cpu_pct']:.0f}% CPU")
    if "redis_cpu_s_per_m" in r:
        text += (f", redis {r['redis_cpu_pct']:.0f}% CPU = {r['redis_cpu_s_per_m']:.1f} CPU-s/M, "
                 f"out of order {r['out_of_order']}, clients by node {r['clients_by_node']}")
    if r.get("errors"):
        text += f", errors {r['errors']}"
    if r.get("closed_early"):
        text += f", closed {r['closed_early']}"
    if "slow_close_code" in r:
        text += (f", slow client: queue overflowed after {r['slow_overflow_after_s']} s, "
                 f"close code {r['slow_close_code']}")
    return text


# -- Markdown ----------------------------------------------------------------------------------
def _f(value: Any, fmt: str = ",.0f") -> str:
    if value is None:
        return "–"
    try:
        return format(value, fmt)
    except (TypeError, ValueError):
        return str(value)


def _ratio(a: Any, b: Any) -> str:
    try:
        return f"{a / b:.2f}×"
    except (TypeError, ZeroDivisionError):
        return "–"


TRAFFIC_ROWS: list[tuple[str, str, str | None, str | None]] = [
    # key, label, bare-baseline key, Hearth-baseline key
    ("baseline-room-50", "bare broadcast, 1 room × 50, 200 msg/s", None, None),
    ("hearth-room-50", "**Hearth, 1 room × 50, 200 msg/s**", "baseline-room-50", None),
    ("baseline-room-{big}", "bare broadcast, 1 room × {big}, 200 msg/s", None, None),
    ("hearth-room-{big}", "Hearth, 1 room × {big}, 200 msg/s", "baseline-room-{big}", "hearth-room-50"),
    ("hearth-rooms", "Hearth, {rooms} rooms × {size}, 1 msg/s each (member senders)", None, "hearth-room-50"),
    ("hearth-room-50-q256", "Hearth, 1 room × 50, 200 msg/s of 300 chars, queue 256", None, "hearth-room-50"),
    ("hearth-room-50-q256-slow", "… same + 1 client that never reads (ratio: vs the row above)", None,
     "hearth-room-50-q256"),
]


def run_line(command: str, seconds: float) -> str:
    now = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    load = os.getloadavg()
    return (f"Run {now} · `{command}` · {os.cpu_count()} CPUs · Python {platform.python_version()} · "
            f"load average at the end {load[0]:.2f} / {load[1]:.2f} · {seconds:g} s of sending per scenario")


def markdown(results: dict[str, Result], plan: Plan, command: str) -> str:
    lines = [
        run_line(command, plan.duration),
        "",
        "| scenario | deliveries/s | server CPU | server CPU-s per 1M deliveries | × bare broadcast | "
        "× Hearth 1×50 | server CPU ms per message | p50 ms | p99 ms | missing | loadgen CPU | other processes' CPU |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    fill = {"big": plan.big_room, "rooms": plan.small_rooms, "size": plan.small_room_size}
    for key_t, label_t, base_t, ref_t in TRAFFIC_ROWS:
        key = key_t.format(**fill)
        r = results.get(key)
        if r is None:
            continue
        base = results.get(base_t.format(**fill)) if base_t else None
        ref = results.get(ref_t.format(**fill)) if ref_t else None
        lines.append(
            f"| {label_t.format(**fill)} | {_f(r['deliveries_per_s'])} | {_f(r['server_cpu_pct'])} % | "
            f"{_f(r['server_cpu_s_per_m'], '.1f')} | "
            f"{_ratio(r['server_cpu_s_per_m'], base['server_cpu_s_per_m']) if base else '–'} | "
            f"{_ratio(r['server_cpu_s_per_m'], ref['server_cpu_s_per_m']) if ref else '–'} | "
            f"{_f(r['server_cpu_ms_per_msg'], '.2f')} | "
            f"{_f(r['p50_ms'], '.1f')} | {_f(r['p99_ms'], '.1f')} | {r['missing']} | {_f(r['loadgen_cpu_pct'])} % | "
            f"{_f(r['other_cpu_pct'])} % |"
        )
    slow = results.get("hearth-room-50-q256-slow")
    calm = results.get("hearth-room-50-q256")
    if slow and calm:
        lines += [
            "",
            "Slow client (one member that never reads, 4 KiB receive buffer, same room): the other 50 got "
            f"{_ratio(slow['deliveries_per_s'], calm['deliveries_per_s'])} the deliveries/s, "
            f"p50 {_ratio(slow['p50_ms'], calm['p50_ms'])}, p99 {_ratio(slow['p99_ms'], calm['p99_ms'])} "
            f"of the run without it, missing {slow['missing']}. The server stopped queueing for the slow "
            f"client {_f(slow.get('slow_overflow_after_s'), '.1f')} s after sending began (after "
            f"{slow.get('slow_frames_read_after')} frames were buffered for it), and when it read again it found "
            f"close code **{slow.get('slow_close_code')}**.",
        ]
    idle = results.get("hearth-idle")
    if idle:
        lines += [
            "",
            f"Idle connections: {idle['connections']} clients connected, said hello and joined "
            f"({idle['connections'] // plan.idle_rooms} per room, {plan.idle_rooms} rooms): server RSS "
            f"{idle['server_rss_before_kib'] / 1024:.1f} → {idle['server_rss_after_kib'] / 1024:.1f} MiB = "
            f"**{idle['kib_per_connection']:.1f} KiB per connection** ({idle['alive']} still open at the reading).",
        ]
    return "\n".join(lines) + "\n"


MULTINODE_ROWS: list[tuple[str, str]] = [
    ("multinode-mem-1", "**1 node, embedded (memory)**"),
    ("multinode-redis-1", "1 node, Redis"),
    ("multinode-redis-2", "2 nodes, Redis"),
    ("multinode-redis-3", "3 nodes, Redis"),
]


def multinode_markdown(results: dict[str, Result], plan: Plan, command: str) -> str:
    """The table of bench/bench_multinode.py: 1 room × 50, 4 facilitators, 200 msg/s, over 1–3 nodes."""
    lines = [
        run_line(command, plan.multinode_duration),
        "",
        "| setup | clients per node | deliveries/s | Hearth CPU (all nodes) | Hearth CPU-s per 1M deliveries | "
        "redis CPU | redis CPU-s per 1M | deliveries per Hearth CPU-s | × embedded | "
        "deliveries per (Hearth + redis) CPU-s | × embedded | p50 ms | p99 ms | missing | out of order | "
        "loadgen CPU | other processes' CPU |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    base = results.get("multinode-mem-1")

    def per_cpu(r: Result, with_redis: bool) -> float:
        cpu = r["server_cpu_s"] + (r.get("redis_cpu_s", 0.0) if with_redis else 0.0)
        return float(r["deliveries"] / cpu) if cpu else float("nan")

    for key, label in MULTINODE_ROWS:
        r = results.get(key)
        if r is None:
            continue
        redis = "redis_cpu_s" in r
        lines.append(
            f"| {label} | {' / '.join(str(n) for n in r['clients_by_node'])} | {_f(r['deliveries_per_s'])} | "
            f"{_f(r['server_cpu_pct'])} % | {_f(r['server_cpu_s_per_m'], '.1f')} | "
            f"{_f(r['redis_cpu_pct']) + ' %' if redis else '–'} | "
            f"{_f(r['redis_cpu_s_per_m'], '.1f') if redis else '–'} | "
            f"{_f(per_cpu(r, False))} | {_ratio(per_cpu(r, False), per_cpu(base, False)) if base else '–'} | "
            f"{_f(per_cpu(r, True))} | {_ratio(per_cpu(r, True), per_cpu(base, True)) if base else '–'} | "
            f"{_f(r['p50_ms'], '.1f')} | {_f(r['p99_ms'], '.1f')} | {r['missing']} | {r['out_of_order']} | "
            f"{_f(r['loadgen_cpu_pct'])} % | {_f(r['other_cpu_pct'])} % |"
        )
    nodes = [(label, r) for key, label in MULTINODE_ROWS if (r := results.get(key)) and r["nodes"] > 1]
    if nodes:
        lines += ["", "Hearth CPU seconds per node in the window (senders per node): " + "; ".join(
            f"{label.strip('*')}: " + ", ".join(f"{cpu:.2f} s ({n})" for cpu, n in
                                                zip(r["server_cpu_s_by_node"], r["senders_by_node"], strict=True))
            for label, r in nodes) + "."]
    return "\n".join(lines) + "\n"


def replace_block(text: str, start: str, end: str, block: str, heading: str) -> str:
    if start not in text or end not in text:
        text = text.rstrip("\n") + f"\n\n## {heading}\n\n{start}\n{end}\n"
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{block}{end}{tail}"


def write_doc(path: Path, block: str | None, multinode: str | None = None) -> None:
    """Replace the single-node results block and/or the multi-node one (each only if given)."""
    text = path.read_text() if path.exists() else f"# Benchmarks\n\n{START}\n{END}\n"
    if block is not None:
        text = replace_block(text, START, END, block, "Latest results")
    if multinode is not None:
        text = replace_block(text, MULTI_START, MULTI_END, multinode, "Multi-node (Redis)")
    path.write_text(text)


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
