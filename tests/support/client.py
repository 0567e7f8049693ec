"""A real WebSocket client for tests, speaking hearth.v1.json or hearth.v1.msgpack."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from typing import Any

import msgpack
import orjson
import websockets
from websockets.asyncio.client import ClientConnection

Frame = dict[str, Any]
_refs = itertools.count(1)


class Client:
    def __init__(self, ws: ClientConnection, fmt: str) -> None:
        self.ws = ws
        self.fmt = fmt
        self.frames: list[Frame] = []  # everything received, in order
        self._cursor = 0
        self.batches = 0
        self.welcome: Frame = {}

    @classmethod
    async def connect(cls, url: str, token: str | None = None, fmt: str = "json",
                      hello: bool = True, **kwargs: Any) -> Client:
        sub = "hearth.v1.msgpack" if fmt == "msgpack" else "hearth.v1.json"
        ws = await websockets.connect(url, subprotocols=[sub], compression=None, **kwargs)  # type: ignore[list-item]
        client = cls(ws, fmt)
        if hello:
            assert token is not None
            await client.send({"type": "hello", "token": token})
            client.welcome = await client.expect("welcome")
        return client

    async def send(self, frame: Frame) -> None:
        if self.fmt == "msgpack":
            await self.ws.send(msgpack.packb(frame, use_bin_type=True))
        else:
            await self.ws.send(orjson.dumps(frame).decode())

    async def request(self, frame: Frame, timeout: float = 5) -> Frame:
        """Send with a fresh ref and wait for the reply that echoes it."""
        ref = next(_refs)
        await self.send({**frame, "ref": ref})
        return await self.wait(lambda f: f.get("ref") == ref, timeout, f"reply to {frame.get('type')}")

    async def _read_one(self, timeout: float) -> None:
        raw = await asyncio.wait_for(self.ws.recv(), timeout)
        data = orjson.loads(raw) if isinstance(raw, str) else msgpack.unpackb(raw, raw=False)
        if isinstance(data, list):
            self.batches += 1
            self.frames.extend(data)
        else:
            self.frames.append(data)

    async def wait(self, predicate: Callable[[Frame], bool], timeout: float = 5, what: str = "frame") -> Frame:
        """The first not-yet-consumed frame matching `predicate` (earlier ones stay)."""
        deadline = time.monotonic() + timeout
        while True:
            for i in range(self._cursor, len(self.frames)):
                if predicate(self.frames[i]):
                    frame = self.frames[i]
                    self.frames[i] = {"type": "_consumed", "was": frame}
                    while self._cursor < len(self.frames) and self.frames[self._cursor].get("type") == "_consumed":
                        self._cursor += 1  # keep long runs linear: never rescan consumed frames
                    return frame
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {what} within {timeout}s; got {self.types()}")
            await self._read_one(left)

    async def expect(self, kind: str, /, timeout: float = 5, **fields: Any) -> Frame:
        return await self.wait(
            lambda f: f.get("type") == kind and all(f.get(k) == v for k, v in fields.items()),
            timeout, f"{kind} {fields or ''}",
        )

    async def collect(self, kind: str, count: int, /, timeout: float = 10, **fields: Any) -> list[Frame]:
        return [await self.expect(kind, timeout, **fields) for _ in range(count)]

    async def nothing(self, kind: str, /, within: float = 0.3, **fields: Any) -> None:
        """Assert no such frame arrives within a short window (used only after a barrier)."""
        try:
            frame = await self.expect(kind, within, **fields)
        except TimeoutError:
            return
        raise AssertionError(f"unexpected {kind}: {frame}")

    def types(self) -> list[str]:
        return [str(f.get("type")) for f in self.frames[-20:]]

    async def join(self, room: str, **fields: Any) -> Frame:
        reply = await self.request({"type": "join", "room": room, **fields})
        assert reply["type"] == "joined", reply
        return reply

    async def close(self) -> None:
        await self.ws.close()

    async def closed_with(self, timeout: float = 10) -> int | None:
        """Read until the server closes; its close code."""
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                await self._read_one(deadline - time.monotonic())
        except websockets.ConnectionClosed as exc:
            return exc.rcvd.code if exc.rcvd else None
        except TimeoutError:
            raise TimeoutError("the server did not close the connection") from None
        raise TimeoutError("the server did not close the connection")
