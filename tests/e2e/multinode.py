"""Helpers for the multi-node suites: nodes sharing a Redis, senders and resuming readers."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import websockets

from tests.support.client import Client
from tests.support.servers import HearthServer, mint

FAST = {
    "HEARTH_FRAMES_PER_SECOND": "100000",
    "HEARTH_FRAME_BURST": "100000",
    "HEARTH_SEND_QUEUE": "4096",
    "HEARTH_PRESENCE_TTL": "6",
    "HEARTH_REDIS_TIMEOUT": "1.5",
    "HEARTH_REDIS_CONNECT_TIMEOUT": "1",
}


def start_nodes(factory: type[HearthServer], tmp: Path, count: int, env: dict[str, str]) -> list[HearthServer]:
    """Start `count` nodes at once (each takes a second or two to import and bind)."""
    servers = [factory(tmp / f"node{i}", env={**FAST, **env}) for i in range(count)]
    for s in servers:
        s.tmp.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(lambda s: s.start(), servers))


def facilitator(room: str) -> str:
    """Facilitators are exempt from per-member post limits: good steady senders."""
    return mint(f"fac-{room}", "facilitator", rooms=[room])


def member(name: str) -> str:
    return mint(f"acct-{name}")


async def send_steadily(client: Client, room: str, count: int, interval: float, tag: str,
                        start: int = 0) -> list[int]:
    """Send `count` messages, each acknowledged before the next, `interval` apart; the seqs."""
    seqs = []
    for i in range(start, start + count):
        ack = await client.request({"type": "send", "room": room, "text": f"{tag} {i}", "cid": f"{tag}-{i}"},
                                   timeout=15)
        assert ack["type"] == "ack", ack
        seqs.append(int(ack["seq"]))
        if interval:
            await asyncio.sleep(interval)
    return seqs


class Reader:
    """A member who reads the room until `total` messages and, when its node goes away,
    resumes on the next node with `since`/`epoch` like the browser client does."""

    def __init__(self, nodes: Sequence[HearthServer], room: str, name: str) -> None:
        self.nodes = list(nodes)
        self.room = room
        self.token = member(name)
        self.seqs: list[int] = []
        self.duplicates: list[int] = []
        self.texts: dict[int, str] = {}
        self.epoch: str | None = None
        self.resumes: list[dict[str, Any]] = []  # joined frames of resumptions
        self.client: Client | None = None
        self.node = 0

    async def connect(self) -> None:
        client = await Client.connect(self.nodes[self.node].ws_url, self.token)
        if self.epoch is None:
            joined = await client.join(self.room)
        else:
            joined = await client.join(self.room, since=self.seqs[-1] if self.seqs else 0, epoch=self.epoch)
            self.resumes.append(joined)
        self.epoch = joined["epoch"]
        for m in joined["history"]:
            self._take(m)
        self.client = client

    def _take(self, frame: dict[str, Any]) -> None:
        seq = int(frame["seq"])
        if self.seqs and seq <= self.seqs[-1]:
            self.duplicates.append(seq)  # kept aside (a client drops these), checked by tests
            return
        self.seqs.append(seq)
        self.texts[seq] = str(frame["text"])

    async def read_until(self, total: int, timeout: float) -> list[int]:
        deadline = time.monotonic() + timeout
        while not self.seqs or self.seqs[-1] < total:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"reader at {self.seqs[-1:]} of {total}")
            try:
                assert self.client is not None
                self._take(await self.client.expect("msg", timeout=left))
            except (websockets.ConnectionClosed, ConnectionError, OSError):
                self.node = (self.node + 1) % len(self.nodes)
                await self.reconnect(deadline)
        return self.seqs

    async def follow(self, goal: Callable[[], int | None], deadline: float) -> list[int]:
        """Read messages as they come (the server never finds this reader slow) until it has
        the seq `goal()` names (None: not known yet); resumes elsewhere like read_until."""
        while True:
            total = goal()
            if total is not None and self.seqs and self.seqs[-1] >= total:
                return self.seqs
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"reader at {self.seqs[-1:]} of {total}")
            try:
                assert self.client is not None
                self._take(await self.client.expect("msg", timeout=min(left, 0.25)))
            except TimeoutError:
                continue
            except (websockets.ConnectionClosed, ConnectionError, OSError):
                self.node = (self.node + 1) % len(self.nodes)
                await self.reconnect(deadline)

    async def reconnect(self, deadline: float) -> None:
        while True:
            try:
                await self.connect()
                return
            except (websockets.ConnectionClosed, ConnectionError, OSError, TimeoutError):
                if time.monotonic() > deadline:
                    raise
                self.node = (self.node + 1) % len(self.nodes)
                await asyncio.sleep(0.1)

    async def close(self) -> None:
        if self.client is not None:
            try:
                await self.client.close()
            except Exception:
                pass
