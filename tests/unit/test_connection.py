"""server/connection.py: the bounded send queue and its batching writer, with a recording
send function standing in for the socket (our own code's seam, not a mock of a library)."""

from __future__ import annotations

import asyncio
from typing import Any

import msgpack
import orjson
import pytest

from server import protocol
from server.connection import BATCH_FRAMES, Connection
from server.protocol import Wire, WireFormat
from tests.support.waiting import eventually


class Recorder:
    """An async send function that records what it got; `gate` can hold it (a slow client)."""

    def __init__(self) -> None:
        self.sent: list[Wire] = []
        self.gate = asyncio.Event()
        self.gate.set()
        self.entered = asyncio.Event()

    async def __call__(self, data: Wire) -> None:
        self.entered.set()
        await self.gate.wait()
        self.sent.append(data)

    def frames(self, fmt: WireFormat) -> list[Any]:
        out: list[Any] = []
        for data in self.sent:
            decoded = orjson.loads(data) if fmt is WireFormat.JSON else msgpack.unpackb(data, raw=False)
            out.extend(decoded if isinstance(decoded, list) else [decoded])
        return out


def frame(i: int) -> dict[str, Any]:
    return {"type": "msg", "room": "r", "seq": i, "text": f"t{i}"}


async def test_push_never_blocks_even_when_the_client_is_stuck() -> None:
    rec = Recorder()
    rec.gate.clear()
    overflows: list[Connection] = []
    conn = Connection(rec, WireFormat.JSON, 1000, overflows.append)
    writer = asyncio.create_task(conn.run_writer())
    conn.push(protocol.encode(frame(0), WireFormat.JSON))
    await asyncio.wait_for(rec.entered.wait(), 2)  # the writer is now stuck in send
    for i in range(1, 500):
        conn.push(protocol.encode(frame(i), WireFormat.JSON))  # synchronous: returns at once
    assert conn.queued == 499
    assert not overflows
    conn.stop()
    rec.gate.set()
    await asyncio.wait_for(writer, 2)


async def test_overflow_calls_on_overflow_once_and_drops_further_pushes() -> None:
    rec = Recorder()
    overflows: list[Connection] = []
    conn = Connection(rec, WireFormat.JSON, 8, overflows.append)
    for i in range(8):
        conn.push(protocol.encode(frame(i), WireFormat.JSON))
    assert conn.queued == 8 and not overflows
    conn.push(protocol.encode(frame(8), WireFormat.JSON))  # the 9th: over max_queue
    assert overflows == [conn]
    assert conn.overflowed and conn.closed
    assert conn.queued == 0
    for i in range(9, 50):
        conn.push(protocol.encode(frame(i), WireFormat.JSON))
    assert overflows == [conn]  # once only
    assert conn.queued == 0
    # the writer sends nothing more and ends
    await asyncio.wait_for(conn.run_writer(), 2)
    assert rec.sent == []


@pytest.mark.parametrize("fmt", list(WireFormat))
async def test_writer_coalesces_queued_frames_into_one_array_frame(fmt: WireFormat) -> None:
    rec = Recorder()
    conn = Connection(rec, fmt, 256, lambda c: None)
    frames = [frame(i) for i in range(10)]
    for f in frames:
        conn.push(protocol.encode(f, fmt))  # all queued before the writer runs
    writer = asyncio.create_task(conn.run_writer())
    await eventually(lambda: conn.sent_frames == 10, what="frames written", interval=0.001)
    assert len(rec.sent) == 1
    data = rec.sent[0]
    decoded = orjson.loads(data) if fmt is WireFormat.JSON else msgpack.unpackb(data, raw=False)
    assert decoded == frames
    assert conn.sent_batches == 1
    conn.stop()
    await asyncio.wait_for(writer, 2)


async def test_a_lone_frame_goes_out_as_itself() -> None:
    rec = Recorder()
    conn = Connection(rec, WireFormat.JSON, 256, lambda c: None)
    writer = asyncio.create_task(conn.run_writer())
    conn.push(protocol.encode({"type": "pong"}, WireFormat.JSON))
    await eventually(lambda: len(rec.sent) == 1, what="frames written", interval=0.001)
    assert orjson.loads(rec.sent[0]) == {"type": "pong"}
    conn.stop()
    await asyncio.wait_for(writer, 2)


async def test_batches_are_bounded_and_keep_order() -> None:
    rec = Recorder()
    conn = Connection(rec, WireFormat.MSGPACK, 10_000, lambda c: None)
    n = BATCH_FRAMES * 3 + 5
    for i in range(n):
        conn.push(protocol.encode(frame(i), WireFormat.MSGPACK))
    writer = asyncio.create_task(conn.run_writer())
    await eventually(lambda: conn.sent_frames == n, what="frames written", interval=0.001)
    assert rec.frames(WireFormat.MSGPACK) == [frame(i) for i in range(n)]
    assert len(rec.sent) == 4  # 64 + 64 + 64 + 5
    for data in rec.sent:
        decoded = msgpack.unpackb(data, raw=False)
        assert isinstance(decoded, list) and len(decoded) <= BATCH_FRAMES
    conn.stop()
    await asyncio.wait_for(writer, 2)


async def test_frames_pushed_while_sending_are_sent_next() -> None:
    rec = Recorder()
    rec.gate.clear()
    conn = Connection(rec, WireFormat.JSON, 256, lambda c: None)
    writer = asyncio.create_task(conn.run_writer())
    conn.push(protocol.encode(frame(0), WireFormat.JSON))
    await asyncio.wait_for(rec.entered.wait(), 2)
    for i in range(1, 4):
        conn.push(protocol.encode(frame(i), WireFormat.JSON))
    rec.gate.set()
    await eventually(lambda: conn.sent_frames == 4, what="frames written", interval=0.001)
    assert rec.frames(WireFormat.JSON) == [frame(i) for i in range(4)]
    assert len(rec.sent) == 2  # the lone first frame, then one batch of the three
    conn.stop()
    await asyncio.wait_for(writer, 2)


async def test_stop_ends_the_writer_and_drops_later_pushes() -> None:
    rec = Recorder()
    conn = Connection(rec, WireFormat.JSON, 256, lambda c: None)
    writer = asyncio.create_task(conn.run_writer())
    await asyncio.sleep(0)
    conn.stop()
    await asyncio.wait_for(writer, 2)
    conn.push(protocol.encode(frame(1), WireFormat.JSON))
    assert conn.queued == 0 and rec.sent == []


def test_connections_have_distinct_ids_and_hash() -> None:
    a = Connection(Recorder(), WireFormat.JSON, 8, lambda c: None)
    b = Connection(Recorder(), WireFormat.JSON, 8, lambda c: None)
    assert a.id != b.id
    assert len({a, b}) == 2
