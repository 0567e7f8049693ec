"""Hearth load generator: real WebSocket clients in their own process.

Runs one scenario against a running server (Hearth, or bench/baseline_server.py) and prints
one JSON object with the results on stdout. bench/run.py starts it as a subprocess; it can be
run by hand too:

    HEARTH_SECRET=… .venv/bin/python bench/loadgen.py --url ws://127.0.0.1:8000/ws \\
        --server-pid 1234 --rooms bench-a --clients-per-room 50 --senders-per-room 4 --rate-per-room 200

Scenarios:
- traffic (default): `clients-per-room` clients joined to each room; the first `senders-per-room`
  of them also send, together `rate-per-room` messages per second per room, for `duration` s.
  Every client reads everything. Measured between the first send and the last delivery (or a
  drain timeout): deliveries, missing and out-of-order messages, end-to-end latency (send
  call → frame parsed at the receiver; both ends live in this process, so one clock),
  server CPU (utime+stime of --server-pid from /proc) and this process's CPU.
  Several nodes: `--url` and `--server-pid` take comma-separated lists; each room's clients are
  spread round-robin over the URLs (so its senders too), server CPU is the sum over the pids
  (each one also reported), and `--redis-pid` adds the CPU of a redis-server they share.
- `--slow`: one more client joins the first room with a 4 KiB receive buffer and never reads;
  reported: when the others saw it leave, and the close code it finds once it reads again.
- `--idle`: clients only connect, say hello and join; reported: server RSS before and after.

Latency includes this process's own event-loop lag: one Python process parsing every delivery
is often the busier of the two, which is why its CPU is reported alongside.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import resource
import socket
import sys
import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import jwt
import orjson
import websockets
from websockets.asyncio.client import ClientConnection
from websockets.typing import Subprotocol

SUBPROTOCOL = Subprotocol("hearth.v1.json")
CLK_TCK = os.sysconf("SC_CLK_TCK")


# -- /proc readings --------------------------------------------------------------------------
def proc_cpu_seconds(pid: int) -> float:
    """utime + stime of a process (all its threads), in seconds."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def pids_cpu_seconds(pids: list[int]) -> list[float]:
    return [proc_cpu_seconds(pid) for pid in pids]


def int_list(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def machine_busy_seconds() -> float:
    """CPU seconds all processes on the machine spent busy (every CPU, from /proc/stat)."""
    with open("/proc/stat") as fh:
        values = [int(v) for v in fh.readline().split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / CLK_TCK


def proc_rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def raise_nofile() -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def token(secret: str, sub: str, role: str) -> str:
    claims = {"sub": sub, "role": role, "exp": int(time.time()) + 3600}
    return jwt.encode(claims, secret, algorithm="HS256")


def percentile(sorted_values: list[int], q: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return float(sorted_values[index])


# -- shared state ----------------------------------------------------------------------------
@dataclass
class Stats:
    sent_at: dict[str, int] = field(default_factory=dict)  # text -> monotonic_ns at send
    latencies: list[int] = field(default_factory=list)  # ns
    timeline: list[tuple[int, int]] = field(default_factory=list)  # (sent ns, latency ns)
    deliveries: int = 0
    array_frames: int = 0
    ws_frames: int = 0
    acks: dict[str, int] = field(default_factory=dict)  # status -> count
    acked_by_room: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    out_of_order: int = 0
    unknown_texts: int = 0
    left_at: dict[str, int] = field(default_factory=dict)  # member id -> first time seen leaving
    last_delivery_ns: int = 0
    unexpected_closes: dict[str, int] = field(default_factory=dict)
    sender_lost: int = 0


class Client:
    def __init__(self, ws: ClientConnection, room: str, member: str, stats: Stats) -> None:
        self.ws = ws
        self.room = room
        self.member = member
        self.stats = stats
        self.got = 0
        self.last_seq = -1
        self.last_sent_ns = 0
        self.closed_code: int | None = None
        self.url = ""
        self.reader: asyncio.Task[None] | None = None

    async def read(self) -> None:
        stats = self.stats
        loads = orjson.loads
        try:
            async for raw in self.ws:
                now = time.monotonic_ns()
                data = loads(raw)
                stats.ws_frames += 1
                if type(data) is list:
                    stats.array_frames += 1
                    for frame in data:
                        self.on(frame, now)
                else:
                    self.on(data, now)
        except websockets.ConnectionClosed as exc:
            self.closed_code = exc.rcvd.code if exc.rcvd else None
            key = str(self.closed_code)
            stats.unexpected_closes[key] = stats.unexpected_closes.get(key, 0) + 1

    def on(self, frame: dict[str, Any], now: int) -> None:
        kind = frame.get("type")
        stats = self.stats
        if kind == "msg":
            sent = stats.sent_at.get(frame["text"])
            if sent is None:
                stats.unknown_texts += 1
                return
            self.last_sent_ns = sent
            stats.latencies.append(now - sent)
            stats.timeline.append((sent, now - sent))
            stats.deliveries += 1
            stats.last_delivery_ns = now
            self.got += 1
            seq = frame["seq"]
            if self.last_seq >= 0 and seq != self.last_seq + 1:
                stats.out_of_order += 1
            self.last_seq = seq
        elif kind == "ack":
            status = frame.get("status", "?")
            stats.acks[status] = stats.acks.get(status, 0) + 1
            if status in ("delivered", "redacted"):
                stats.acked_by_room[self.room] = stats.acked_by_room.get(self.room, 0) + 1
        elif kind == "error":
            code = str(frame.get("code"))
            stats.errors[code] = stats.errors.get(code, 0) + 1
        elif kind == "presence":
            for gone in frame.get("left", ()):
                stats.left_at.setdefault(gone, now)


async def open_client(url: str, tok: str, room: str, stats: Stats, sock: socket.socket | None = None,
                      max_queue: int | None = 1024) -> Client:
    ws = await websockets.connect(
        url, subprotocols=[SUBPROTOCOL], compression=None, ping_interval=None, max_queue=max_queue,
        open_timeout=30, close_timeout=2, max_size=None, sock=sock,
    )
    await ws.send(orjson.dumps({"type": "hello", "token": tok}).decode())
    welcome = orjson.loads(await asyncio.wait_for(ws.recv(), 30))
    if welcome.get("type") != "welcome":
        raise RuntimeError(f"no welcome: {welcome}")
    await ws.send(orjson.dumps({"type": "join", "room": room, "ref": 1}).decode())
    member = ""
    while not member:
        data = orjson.loads(await asyncio.wait_for(ws.recv(), 30))
        for frame in data if isinstance(data, list) else [data]:
            if frame.get("type") == "joined":
                member = frame["me"]["id"]
            elif frame.get("type") == "error" and frame.get("ref") == 1:
                raise RuntimeError(f"join refused: {frame}")
    return Client(ws, room, member, stats)


async def open_many(url: str | list[str], specs: list[tuple[str, str]], stats: Stats,
                    concurrency: int) -> list[Client]:
    """specs: (room, token) per client, connected `concurrency` at a time, readers started.

    `url` may be a list with one URL per spec (several nodes)."""
    gate = asyncio.Semaphore(concurrency)
    urls = url if isinstance(url, list) else [url] * len(specs)

    async def one(to: str, room: str, tok: str) -> Client:
        async with gate:
            client = await open_client(to, tok, room, stats)
        client.url = to
        client.reader = asyncio.create_task(client.read())
        return client

    return list(await asyncio.gather(*(one(to, room, tok) for to, (room, tok) in zip(urls, specs, strict=True))))


async def open_slow(url: str, tok: str, room: str, stats: Stats) -> Client:
    """A client whose socket has a tiny receive buffer and which stops reading after `joined`."""
    parts = urlsplit(url)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    # Loopback's 64 KiB MSS lets the server's kernel grow its send buffer to megabytes (it scales
    # with the MSS); an Internet-sized MSS keeps it to tens of KiB, so the queue fills in seconds.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_MAXSEG, 536)
    sock.setblocking(False)
    await asyncio.get_running_loop().sock_connect(sock, (parts.hostname or "127.0.0.1", parts.port or 80))
    return await open_client(url, tok, room, stats, sock=sock, max_queue=1)


async def send_loop(client: Client, rate: float, count: int, start: float, tag: str, pad: int) -> None:
    loop = asyncio.get_running_loop()
    sent_at = client.stats.sent_at
    ws = client.ws
    room = client.room
    interval = 1.0 / rate
    for k in range(count):
        delay = start + k * interval - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        text = f"bench {tag} {k}" + " lorem" * (pad // 6)
        sent_at[text] = time.monotonic_ns()
        try:
            await ws.send(orjson.dumps({"type": "send", "room": room, "text": text, "ref": k}).decode())
        except websockets.ConnectionClosed:
            del sent_at[text]
            client.stats.sender_lost += 1
            return


async def close_all(clients: list[Client]) -> None:
    async def close(c: Client) -> None:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(c.ws.close(), 3)
        if c.reader is not None:
            c.reader.cancel()

    await asyncio.gather(*(close(c) for c in clients))


# -- scenarios -------------------------------------------------------------------------------
async def run_idle(args: argparse.Namespace, secret: str) -> dict[str, Any]:
    stats = Stats()
    rooms = args.rooms.split(",")
    warm_specs = [(rooms[0], token(secret, f"warm-{i}", "member")) for i in range(10)]
    warm = await open_many(args.url[0], warm_specs, stats, args.concurrency)
    await asyncio.sleep(1.0)
    rss0 = proc_rss_kib(args.server_pid[0])
    specs = [(room, token(secret, f"idle-{uuid.uuid4().hex[:12]}", "member"))
             for room in rooms for _ in range(args.clients_per_room)]
    t0 = time.monotonic()
    clients = await open_many(args.url[0], specs, stats, args.concurrency)
    connect_s = time.monotonic() - t0
    await asyncio.sleep(args.settle)
    rss1 = proc_rss_kib(args.server_pid[0])
    loadgen_rss = proc_rss_kib(os.getpid())
    alive = sum(1 for c in clients if c.closed_code is None and not (c.reader and c.reader.done()))
    await close_all(clients + warm)
    n = len(clients)
    return {
        "scenario": "idle", "connections": n, "alive": alive, "connect_s": connect_s,
        "server_rss_before_kib": rss0, "server_rss_after_kib": rss1,
        "kib_per_connection": (rss1 - rss0) / n if n else float("nan"), "loadgen_rss_kib": loadgen_rss,
    }


async def run_traffic(args: argparse.Namespace, secret: str) -> dict[str, Any]:
    stats = Stats()
    rooms = args.rooms.split(",")
    specs: list[tuple[str, str]] = []
    urls: list[str] = []
    for room in rooms:
        for i in range(args.clients_per_room):
            role = args.sender_role if i < args.senders_per_room else "member"
            specs.append((room, token(secret, f"lg-{uuid.uuid4().hex[:12]}", role)))
            urls.append(args.url[i % len(args.url)])  # round-robin over the nodes, senders first
    clients = await open_many(urls, specs, stats, args.concurrency)
    slow: Client | None = None
    if args.slow:
        slow = await open_slow(args.url[0], token(secret, f"slow-{uuid.uuid4().hex[:8]}", "member"), rooms[0], stats)
    await asyncio.sleep(args.settle)  # let the join presence storm pass

    by_room: dict[str, list[Client]] = {}
    for c in clients:
        by_room.setdefault(c.room, []).append(c)
    senders = [c for room in rooms for c in by_room[room][: args.senders_per_room]]
    per_sender_rate = args.rate_per_room / args.senders_per_room
    count = max(1, int(per_sender_rate * args.duration))
    loop = asyncio.get_running_loop()
    # Spread senders evenly over one send interval, so a room's rate is smooth.
    start = loop.time() + 0.05
    spread = 1.0 / per_sender_rate / max(1, len(senders))

    cpu_servers0 = pids_cpu_seconds(args.server_pid)
    cpu_redis0 = proc_cpu_seconds(args.redis_pid) if args.redis_pid else 0.0
    busy0 = machine_busy_seconds()
    cpu_self0 = time.process_time()
    t0 = time.monotonic_ns()
    await asyncio.gather(*(send_loop(s, per_sender_rate, count, start + i * spread, f"{i}", args.text_size)
                           for i, s in enumerate(senders)))
    sent = len(stats.sent_at)
    t_sent = time.monotonic_ns()

    def live(room: str) -> int:
        return sum(1 for c in by_room[room] if c.closed_code is None)

    def done() -> bool:
        if sum(stats.acks.values()) + sum(stats.errors.values()) < sent - stats.sender_lost:
            return False
        return stats.deliveries >= sum(stats.acked_by_room.get(r, 0) * live(r) for r in rooms)

    deadline = time.monotonic() + args.drain
    while not done() and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    t1 = max(stats.last_delivery_ns, t_sent) if done() else time.monotonic_ns()
    cpu_servers = [b - a for a, b in zip(cpu_servers0, pids_cpu_seconds(args.server_pid), strict=True)]
    cpu_server = sum(cpu_servers)
    cpu_redis = proc_cpu_seconds(args.redis_pid) - cpu_redis0 if args.redis_pid else 0.0
    cpu_self = time.process_time() - cpu_self0
    cpu_other = machine_busy_seconds() - busy0 - cpu_server - cpu_redis - cpu_self
    window_s = (t1 - t0) / 1e9
    expected = sum(stats.acked_by_room.get(r, 0) * live(r) for r in rooms)
    # Clients the server closed (e.g. 4008 when this process could not keep up) are reported in
    # closed_early, not counted as missing deliveries.
    missing = sum(max(0, stats.acked_by_room.get(c.room, 0) - c.got) for c in clients if c.closed_code is None)

    result: dict[str, Any] = {
        "scenario": "traffic", "rooms": len(rooms), "clients": len(clients), "senders": len(senders),
        "sender_role": args.sender_role, "offered_msgs_per_s": args.rate_per_room * len(rooms),
        "sent": sent, "senders_lost": stats.sender_lost, "acks": stats.acks, "errors": stats.errors,
        "window_s": window_s,
        "send_s": (t_sent - t0) / 1e9, "deliveries": stats.deliveries, "expected": expected,
        "missing": missing, "out_of_order": stats.out_of_order, "unknown_texts": stats.unknown_texts,
        "deliveries_per_s": stats.deliveries / window_s if window_s else 0.0,
        "server_cpu_s": cpu_server, "server_cpu_pct": 100 * cpu_server / window_s if window_s else 0.0,
        "server_cpu_s_per_m": cpu_server / stats.deliveries * 1e6 if stats.deliveries else float("nan"),
        "server_cpu_ms_per_msg": 1000 * cpu_server / sent if sent else float("nan"),
        "other_cpu_pct": 100 * cpu_other / window_s if window_s else 0.0,
        "loadgen_cpu_s": cpu_self, "loadgen_cpu_pct": 100 * cpu_self / window_s if window_s else 0.0,
        "ws_frames": stats.ws_frames, "array_frames": stats.array_frames,
        "closed_early": dict(stats.unexpected_closes),
        "nodes": len(args.url), "server_cpu_s_by_node": cpu_servers,
        "clients_by_node": [sum(1 for c in clients if c.url == u) for u in args.url],
        "senders_by_node": [sum(1 for c in senders if c.url == u) for u in args.url],
    }
    if args.redis_pid:
        result.update(
            redis_cpu_s=cpu_redis, redis_cpu_pct=100 * cpu_redis / window_s if window_s else 0.0,
            redis_cpu_s_per_m=cpu_redis / stats.deliveries * 1e6 if stats.deliveries else float("nan"),
        )
    lat = sorted(stats.latencies)
    result.update(p50_ms=percentile(lat, 0.50) / 1e6, p99_ms=percentile(lat, 0.99) / 1e6,
                  max_ms=(lat[-1] / 1e6) if lat else float("nan"))
    per_second: dict[int, list[int]] = {}
    for sent_ns, latency in stats.timeline:
        per_second.setdefault(int((sent_ns - t0) // 1_000_000_000), []).append(latency)
    result["max_ms_by_second"] = [round(max(v) / 1e6, 1) for _, v in sorted(per_second.items())]
    if slow is not None:
        # The server closes a client whose queue overflowed; the others see it leave once the close
        # (which cannot be written while the client's buffers are full) has timed out.
        deadline = time.monotonic() + args.slow_wait
        while slow.member not in stats.left_at and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        left = stats.left_at.get(slow.member)
        result["slow_left_after_s"] = (left - t0) / 1e9 if left is not None else None
        slow.reader = asyncio.create_task(slow.read())  # read again: buffered frames, then the close
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(slow.reader), 5)
        result["slow_close_code"] = slow.closed_code
        # The last message queued for it before the overflow: when it was sent ≈ when the server gave up.
        result["slow_overflow_after_s"] = (slow.last_sent_ns - t0) / 1e9 if slow.last_sent_ns else None
        result["slow_frames_read_after"] = slow.got
        stats.unexpected_closes.pop(str(slow.closed_code), None)
        clients.append(slow)
    await close_all(clients)
    return result


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", required=True, type=lambda v: v.split(","),
                   help="ws://host:port/ws, or several comma-separated (one per node)")
    p.add_argument("--server-pid", type=int_list, required=True,
                   help="read its CPU and RSS from /proc; several comma-separated: CPU summed")
    p.add_argument("--redis-pid", type=int, help="also read this redis-server's CPU")
    p.add_argument("--rooms", required=True, help="comma-separated room ids (they must exist)")
    p.add_argument("--clients-per-room", type=int, default=50)
    p.add_argument("--senders-per-room", type=int, default=4)
    p.add_argument("--sender-role", choices=["member", "facilitator"], default="facilitator")
    p.add_argument("--rate-per-room", type=float, default=200.0, help="messages per second per room")
    p.add_argument("--duration", type=float, default=10.0, help="seconds of sending")
    p.add_argument("--drain", type=float, default=10.0, help="max seconds to wait for deliveries after sending")
    p.add_argument("--settle", type=float, default=1.0, help="seconds between joining and sending/measuring")
    p.add_argument("--concurrency", type=int, default=50, help="connections opened at a time")
    p.add_argument("--text-size", type=int, default=0, help="pad each message with about this many characters")
    p.add_argument("--slow", action="store_true", help="add one client that never reads")
    p.add_argument("--slow-wait", type=float, default=1.0, help="max seconds to wait for the slow client to leave")
    p.add_argument("--idle", action="store_true", help="connect and join only; measure server RSS")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    secret = os.environ.get("HEARTH_SECRET", "")
    if len(secret) < 16:
        print("loadgen: set HEARTH_SECRET to the server's secret", file=sys.stderr)
        return 2
    raise_nofile()
    scenario = run_idle if args.idle else run_traffic
    result = asyncio.run(scenario(args, secret))
    result["loadgen_pid"] = os.getpid()
    print(orjson.dumps(result).decode(), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
