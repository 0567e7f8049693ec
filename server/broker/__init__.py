"""Brokers carry opaque bytes between nodes, one channel per room.

A broker never sees sockets and never decodes payloads; the hub does both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

Handler = Callable[[str, bytes], None]


class Broker(Protocol):
    """Publish/subscribe of bytes on named channels.

    Delivery is at most once and in publish order per channel per subscriber; nodes make
    the room's message stream whole again from `seq` and the store's history.
    """

    async def start(self, handler: Handler) -> None:
        """Begin delivering: `handler(channel, payload)` is called for every message on a
        subscribed channel. It must not block (the hub only enqueues)."""
        ...

    async def subscribe(self, channel: str) -> None: ...

    async def unsubscribe(self, channel: str) -> None: ...

    async def publish(self, channel: str, payload: bytes) -> None: ...

    async def close(self) -> None: ...

    async def ping(self) -> bool: ...
