"""Figures into words: the Markdown tables of `./dev bench` and the run plan they describe."""

from __future__ import annotations

import datetime as dt
import os
import platform
from dataclasses import dataclass
from pathlib import Path
from typing import Any

START = "<!-- bench:results:start -->"
END = "<!-- bench:results:end -->"
MULTI_START = "<!-- bench:multinode:start -->"
MULTI_END = "<!-- bench:multinode:end -->"

Result = dict[str, Any]


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
