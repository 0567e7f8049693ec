"""The Counters port's contract (rate limits and slow mode that hold across nodes)."""

from __future__ import annotations

import uuid

from tests.contract.conftest import Adapters


async def test_token_bucket(adapters: Adapters) -> None:
    c, key = adapters.counters, f"k-{uuid.uuid4().hex[:6]}"
    t0 = 1_000_000
    assert [await c.take(key, 2.0, 3, t0) for _ in range(3)] == [0, 0, 0]
    assert await c.take(key, 2.0, 3, t0) == 501  # half a second per token, +1 ms
    assert await c.take(key, 2.0, 3, t0 + 250) == 251
    assert await c.take(key, 2.0, 3, t0 + 500) == 0
    assert await c.take(key, 2.0, 3, t0 + 10_000) == 0  # refilled, capped at burst


async def test_gap(adapters: Adapters) -> None:
    c, key = adapters.counters, f"g-{uuid.uuid4().hex[:6]}"
    assert await c.gap(key, 5, 10_000) == 0
    assert await c.gap(key, 5, 12_000) == 3000
    assert await c.gap(key, 5, 15_000) == 0
    assert await c.gap(key, 5, 15_001) == 4999


async def test_seen(adapters: Adapters) -> None:
    c, key = adapters.counters, f"s-{uuid.uuid4().hex[:6]}"
    assert not await c.seen(key, 60)
    assert await c.seen(key, 60)
    assert not await c.seen(key + "-other", 60)
