"""rooms.Counters over Redis: the same arithmetic as MemoryCounters, in one script each.

Counter keys are not room keys: each is its own key, in any slot of a cluster.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

from server.store import redis_scripts as lua
from server.store.redis import RedisClient, guarded, limited

T = TypeVar("T")


class RedisCounters:
    def __init__(self, client: RedisClient, *, prefix: str = "hearth:c:",
                 limit: asyncio.Semaphore | None = None) -> None:
        self._r = client
        self._prefix = prefix
        self._take = client.register_script(lua.TAKE)
        self._gap = client.register_script(lua.GAP)
        self._limit = limit

    async def _run(self, coro: Awaitable[T]) -> T:
        return await limited(self._limit, coro)

    @guarded
    async def take(self, key: str, rate: float, burst: int, now_ms: int) -> int:
        return int(await self._run(self._take(keys=[self._prefix + key], args=[repr(float(rate)), burst, now_ms])))

    @guarded
    async def gap(self, key: str, seconds: int, now_ms: int) -> int:
        return int(await self._run(self._gap(keys=[self._prefix + key], args=[seconds, now_ms])))

    @guarded
    async def seen(self, key: str, ttl_seconds: int) -> bool:
        old = await self._run(self._r.set(self._prefix + key, 1, ex=max(1, ttl_seconds), get=True))
        return old is not None
