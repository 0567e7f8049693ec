"""Delivery latency per room on this node: from the message's `ts` to its hand-off to local
connection queues. A small ring of recent samples per room; percentiles on demand."""

from __future__ import annotations

import time
from collections import deque

SAMPLES = 256


class LatencyTracker:
    def __init__(self) -> None:
        self._rooms: dict[str, deque[int]] = {}

    def observe(self, room: str, ts_ms: int) -> None:
        ring = self._rooms.get(room)
        if ring is None:
            ring = self._rooms[room] = deque(maxlen=SAMPLES)
        ring.append(max(0, int(time.time() * 1000) - ts_ms))

    def percentiles(self, room: str) -> tuple[int | None, int | None]:
        ring = self._rooms.get(room)
        if not ring:
            return None, None
        ordered = sorted(ring)
        return ordered[len(ordered) // 2], ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]

    def forget(self, room: str) -> None:
        self._rooms.pop(room, None)
