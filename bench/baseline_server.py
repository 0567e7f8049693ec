"""A bare broadcast server: the floor Hearth's fan-out is compared against.

Same transport as Hearth (uvicorn, `websockets-sansio`, no permessage-deflate) and the same
fan-out shape (encode each message once, push the same string onto every connection's deque,
one writer task per connection that coalesces queued frames into one JSON array frame), but
nothing else: no Starlette, no auth check of the token, no validation, no moderation, no
store, no history, no rate limits. It speaks just enough of hearth.v1.json for
bench/loadgen.py: `hello` → `welcome`, `join` → `joined`, `send` → `msg` to the room + `ack`.

    .venv/bin/python bench/baseline_server.py --port 8100
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
from collections import deque
from typing import Any

import orjson
import uvicorn

BATCH_FRAMES = 64
BATCH_BYTES = 256 * 1024

Scope = dict[str, Any]
Message = dict[str, Any]


class Conn:
    def __init__(self, send: Any) -> None:
        self.send = send
        self.queue: deque[str] = deque()
        self.wake = asyncio.Event()
        self.closed = False

    def push(self, data: str) -> None:
        if not self.closed:
            self.queue.append(data)
            self.wake.set()

    async def writer(self) -> None:
        queue = self.queue
        while not self.closed:
            await self.wake.wait()
            self.wake.clear()
            while queue and not self.closed:
                if len(queue) == 1:
                    data = queue.popleft()
                else:
                    items: list[str] = []
                    size = 0
                    while queue and len(items) < BATCH_FRAMES and size < BATCH_BYTES:
                        item = queue.popleft()
                        items.append(item)
                        size += len(item)
                    data = "[" + ",".join(items) + "]"
                await self.send({"type": "websocket.send", "text": data})


class Broadcast:
    def __init__(self) -> None:
        self.rooms: dict[str, set[Conn]] = {}
        self.seqs: dict[str, int] = {}
        self.ids = itertools.count(1)

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] == "http":
            await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
            await send({"type": "http.response.body", "body": b"ok"})
            return
        await self.websocket(scope, receive, send)

    async def websocket(self, scope: Scope, receive: Any, send: Any) -> None:
        await receive()  # websocket.connect
        offered = scope.get("subprotocols") or []
        await send({"type": "websocket.accept", "subprotocol": "hearth.v1.json" if offered else None})
        conn = Conn(send)
        member = f"m_{next(self.ids)}"
        joined: set[str] = set()
        writer = asyncio.create_task(conn.writer())
        try:
            while True:
                message = await receive()
                if message["type"] == "websocket.disconnect":
                    return
                frame = orjson.loads(message.get("text") or message.get("bytes") or b"{}")
                kind = frame.get("type")
                ref = frame.get("ref")
                if kind == "hello":
                    conn.push(orjson.dumps({"type": "welcome", "ref": ref, "protocol": 1, "session": member}).decode())
                elif kind == "join":
                    room = frame["room"]
                    self.rooms.setdefault(room, set()).add(conn)
                    joined.add(room)
                    me = {"id": member, "name": member, "role": "member"}
                    conn.push(orjson.dumps({"type": "joined", "ref": ref, "room": room, "me": me, "members": [],
                                            "state": {}, "seq": self.seqs.get(room, 0), "epoch": "e",
                                            "history": [], "complete": True}).decode())
                elif kind == "send":
                    room = frame["room"]
                    seq = self.seqs[room] = self.seqs.get(room, 0) + 1
                    data = orjson.dumps({"type": "msg", "room": room, "seq": seq,
                                         "from": {"id": member, "name": member, "role": "member"},
                                         "text": frame["text"], "ts": 0}).decode()
                    for other in self.rooms.get(room, ()):
                        other.push(data)
                    conn.push(orjson.dumps({"type": "ack", "ref": ref, "room": room, "status": "delivered",
                                            "seq": seq}).decode())
        finally:
            conn.closed = True
            conn.wake.set()
            writer.cancel()
            for room in joined:
                self.rooms.get(room, set()).discard(conn)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8100)
    args = p.parse_args()
    uvicorn.run(Broadcast(), host=args.host, port=args.port, ws="websockets-sansio", ws_per_message_deflate=False,
                log_level="warning", lifespan="on")


if __name__ == "__main__":
    main()
