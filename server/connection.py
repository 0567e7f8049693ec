"""One client connection: a bounded send queue and the one writer task that drains it.

Fan-out only ever calls `push`, which never awaits: a slow client fills its own queue and
is closed with 4008; the room never waits for it.
"""

from __future__ import annotations

import asyncio
import secrets
from collections import deque
from collections.abc import Awaitable, Callable

from server.protocol import Wire, WireFormat, batch

BATCH_BYTES = 256 * 1024
BATCH_FRAMES = 64


class Connection:
    def __init__(
        self,
        send: Callable[[Wire], Awaitable[None]],
        fmt: WireFormat,
        max_queue: int,
        on_overflow: Callable[[Connection], None],
    ) -> None:
        self.id = secrets.token_hex(8)
        self.fmt = fmt
        self.max_queue = max_queue
        self._send = send
        self._on_overflow = on_overflow
        self._queue: deque[Wire] = deque()
        self._wake = asyncio.Event()
        self.closed = False
        self.overflowed = False
        self.sent_frames = 0
        self.sent_batches = 0
        self.on_close_request: Callable[[int, str], None] | None = None
        self._close_request: tuple[int, str] | None = None

    def __hash__(self) -> int:
        return hash(self.id)

    def push(self, data: Wire) -> None:
        """Queue one encoded frame. Never blocks; overflow marks the connection too slow."""
        if self.closed:
            return
        if len(self._queue) >= self.max_queue:
            self.overflowed = True
            self.closed = True
            self._queue.clear()
            self._wake.set()
            self._on_overflow(self)
            return
        self._queue.append(data)
        self._wake.set()

    def close_after_flush(self, code: int, room: str) -> None:
        """Ask for a close with `code` once what is queued now has been written."""
        if self._close_request is None:
            self._close_request = (code, room)
            self._wake.set()

    def stop(self) -> None:
        self.closed = True
        self._wake.set()

    @property
    def queued(self) -> int:
        return len(self._queue)

    async def run_writer(self) -> None:
        """Drain the queue; when several frames wait, send them as one array frame."""
        queue = self._queue
        while True:
            await self._wake.wait()
            self._wake.clear()
            while queue and not self.closed:
                if len(queue) == 1:
                    data = queue.popleft()
                    self.sent_frames += 1
                else:
                    items: list[Wire] = []
                    size = 0
                    while queue and len(items) < BATCH_FRAMES and size < BATCH_BYTES:
                        item = queue.popleft()
                        items.append(item)
                        size += len(item)
                    data = batch(items, self.fmt)
                    self.sent_frames += len(items)
                self.sent_batches += 1
                await self._send(data)
            if self._close_request is not None and not queue and self.on_close_request is not None:
                code, room = self._close_request
                self.on_close_request(code, room)
                return
            if self.closed:
                return
