"""The Broker port's contract: bytes in, the same bytes out, in order, per channel."""

from __future__ import annotations

import uuid

from tests.contract.conftest import Adapters


def ch() -> str:
    return "{room:b-" + uuid.uuid4().hex[:8] + "}:events"


async def test_bytes_in_order(adapters: Adapters) -> None:
    a, b = ch(), ch()
    await adapters.broker.subscribe(a)
    await adapters.broker.subscribe(b)
    payloads = [bytes([i, 0xFF, 0x00, 0xC3]) + b"\x80not utf-8" for i in range(50)]
    for i, p in enumerate(payloads):
        await adapters.broker.publish(a if i % 2 == 0 else b, p)
    got = await adapters.wait_received(50)
    assert [p for c, p in got if c == a] == payloads[0::2]
    assert [p for c, p in got if c == b] == payloads[1::2]
    assert all(isinstance(p, bytes) for _, p in got)


async def test_unsubscribed_channels_are_quiet(adapters: Adapters) -> None:
    a, b = ch(), ch()
    await adapters.broker.subscribe(a)
    await adapters.broker.subscribe(b)
    await adapters.broker.unsubscribe(a)
    await adapters.broker.publish(a, b"gone")
    await adapters.broker.publish(b, b"here")
    got = await adapters.wait_received(1)
    assert got == [(b, b"here")]
    await adapters.broker.subscribe(a)  # again after leaving
    await adapters.broker.publish(a, b"back")
    assert (await adapters.wait_received(2))[1] == (a, b"back")


async def test_ping(adapters: Adapters) -> None:
    assert await adapters.broker.ping()
