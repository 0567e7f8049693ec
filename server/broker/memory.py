"""The embedded broker: one process, delivery by direct call, in publish order."""

from __future__ import annotations

from server.broker import Handler


class MemoryBroker:
    def __init__(self) -> None:
        self._handler: Handler | None = None
        self._channels: set[str] = set()

    async def start(self, handler: Handler) -> None:
        self._handler = handler

    async def subscribe(self, channel: str) -> None:
        self._channels.add(channel)

    async def unsubscribe(self, channel: str) -> None:
        self._channels.discard(channel)

    def publish_now(self, channel: str, payload: bytes) -> None:
        """Synchronous publish, so a store can append and publish with no await between."""
        if self._handler is not None and channel in self._channels:
            self._handler(channel, payload)

    async def publish(self, channel: str, payload: bytes) -> None:
        self.publish_now(channel, payload)

    async def close(self) -> None:
        self._handler = None
        self._channels.clear()

    async def ping(self) -> bool:
        return True
