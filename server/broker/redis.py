"""Redis brokers: one Redis (PUBLISH/SUBSCRIBE) or a Redis Cluster (SPUBLISH/SSUBSCRIBE).

Delivery is at most once and in publish order per channel (one reader task per pub/sub
connection calls the handler in arrival order). Payloads stay bytes end to end.

A subscription can be lost silently: Redis drops a slow or killed pub/sub client, and
redis-py reconnects and re-subscribes on its own. Whichever way a channel comes back, its
subscribe confirmation arrives again; the broker reports that through `on_resubscribe`, so
the hub backfills the room from history instead of trusting the stream to be whole.

On a cluster a shard channel can also leave a server: when its slot moves (resharding,
failover) the server drops the subscription (`sunsubscribe`), and SSUBSCRIBE on a server
that no longer owns the slot is answered with MOVED. Both mark the channel `dropped` and
ask the broker to re-read the cluster's slot map and move it, without dropping the
connection (its other rooms keep flowing).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any

from redis import exceptions as rx
from redis.asyncio import Redis
from redis.asyncio.client import PubSub
from redis.asyncio.cluster import RedisCluster
from redis.crc import key_slot

from rooms.errors import RoomError
from server.broker import Handler

log = logging.getLogger("hearth.broker")

ResubscribeHandler = Callable[[str], None]
SUBSCRIBE_TIMEOUT = 5.0
REFRESH_GAP = 0.2  # seconds between two slot-map refreshes asked for by moved channels
_ERRORS: tuple[type[BaseException], ...] = (rx.RedisError, OSError, TimeoutError)


def _unavailable() -> RoomError:
    return RoomError("unavailable", "the room is briefly unavailable, retry", retry_after=1000)


def _s(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


class _Subscriber:
    """One pub/sub connection to one Redis server and the channels it should hold.

    A single reader task reads messages and calls the handler in order; it reconnects with
    backoff and re-subscribes every wanted channel after any error.
    """

    def __init__(self, connect: Callable[[], Redis], sharded: bool, name: str) -> None:
        self._connect = connect
        self._sharded = sharded
        self.name = name
        self.wanted: set[str] = set()
        self._had: set[str] = set()  # confirmed at least once while wanted
        self.dropped: set[str] = set()  # wanted, but the server dropped or refused it (slot moved)
        self._waiters: dict[str, list[asyncio.Future[None]]] = {}
        self._ps: PubSub | None = None
        self._client: Redis | None = None
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.connected = False
        self.handler: Handler | None = None
        self.on_resubscribe: ResubscribeHandler | None = None
        self.on_moved: Callable[[], None] | None = None  # sharded: a channel's slot left this server

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name=f"hearth-pubsub-{self.name}")

    async def subscribe(self, channel: str, timeout: float = SUBSCRIBE_TIMEOUT) -> None:
        """Return once Redis confirmed the subscription (messages published after that
        reach us), or raise the retryable `unavailable` error."""
        self.wanted.add(channel)
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.setdefault(channel, []).append(fut)
        ps = self._ps
        if ps is not None and self.connected:
            try:
                await (ps.ssubscribe(channel) if self._sharded else ps.subscribe(channel))
            except _ERRORS:
                pass  # the reader reconnects and subscribes everything wanted
        self._wake.set()
        try:
            await asyncio.wait_for(asyncio.shield(fut), timeout)
        except TimeoutError:
            raise _unavailable() from None
        finally:
            waiting = self._waiters.get(channel)
            if waiting and fut in waiting:
                waiting.remove(fut)
                if not waiting:
                    del self._waiters[channel]

    def release(self, channel: str) -> None:
        """The channel was confirmed on another server (its slot moved): let its waiters go."""
        for fut in self._waiters.pop(channel, []):
            if not fut.done():
                fut.set_result(None)

    async def resubscribe(self, channel: str) -> None:
        """Subscribe `channel` again on the current connection (the server dropped it)."""
        ps = self._ps
        if ps is not None and self.connected and channel in self.wanted:
            with contextlib.suppress(*_ERRORS):
                await (ps.ssubscribe(channel) if self._sharded else ps.subscribe(channel))

    async def unsubscribe(self, channel: str) -> None:
        self.wanted.discard(channel)
        self._had.discard(channel)
        if channel in self.dropped:  # the server no longer has it (and would answer MOVED)
            self.dropped.discard(channel)
            return
        ps = self._ps
        if ps is not None and self.connected:
            with contextlib.suppress(*_ERRORS):
                await (ps.sunsubscribe(channel) if self._sharded else ps.unsubscribe(channel))

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(BaseException):
                await self._task
            self._task = None
        await self._drop()

    async def _drop(self) -> None:
        self.connected = False
        ps, client, self._ps, self._client = self._ps, self._client, None, None
        with contextlib.suppress(BaseException):
            if ps is not None:
                await asyncio.wait_for(ps.aclose(), 2.0)
        with contextlib.suppress(BaseException):
            if client is not None:
                await asyncio.wait_for(client.aclose(), 2.0)

    async def _subscribe_all(self, ps: PubSub, channels: list[str]) -> None:
        if not self._sharded:
            await ps.subscribe(*channels)
            return
        for channel in channels:  # one SSUBSCRIBE takes the channels of one slot only (else CROSSSLOT)
            await ps.ssubscribe(channel)

    async def _run(self) -> None:
        backoff = 0.05
        while True:
            if not self.wanted:
                self._wake.clear()
                await self._wake.wait()
                continue
            try:
                self._client = self._connect()
                self._ps = ps = self._client.pubsub()
                wanted = sorted(self.wanted)
                await self._subscribe_all(ps, wanted)
                self.connected = True
                late = sorted(self.wanted - set(wanted))  # asked for while we were connecting
                if late:
                    await self._subscribe_all(ps, late)
                backoff = 0.05
                while True:
                    try:
                        message = await ps.get_message(timeout=1.0)
                    except rx.MovedError as exc:
                        # An SSUBSCRIBE reached a server that gave the slot away: the
                        # connection is fine, the channel has to move.
                        self._moved(exc.slot_id)
                        continue
                    if message is not None:
                        self._on_message(message)
                    elif not self.wanted:
                        break
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if self.connected:
                    log.warning("pub/sub connection %s lost (%s); reconnecting", self.name, type(exc).__name__)
                await self._drop()
                if self.on_moved is not None:  # a server gone may be a failover: re-read the slot map
                    self.on_moved()
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 1.0)
                continue
            await self._drop()

    def _moved(self, slot: int) -> None:
        hit = {c for c in self.wanted if key_slot(c.encode()) == slot}
        if hit:
            self.dropped |= hit
            if self.on_moved is not None:
                self.on_moved()

    def _on_message(self, message: dict[str, Any]) -> None:
        kind = _s(message["type"])
        if kind in ("message", "smessage"):
            channel = _s(message["channel"])
            if channel in self.wanted and self.handler is not None:
                try:
                    self.handler(channel, bytes(message["data"]))
                except Exception:
                    log.exception("the room event handler failed on %s", channel)
            return
        if kind in ("subscribe", "ssubscribe"):
            channel = _s(message["channel"])
            self.dropped.discard(channel)
            waiting = self._waiters.pop(channel, [])
            for fut in waiting:
                if not fut.done():
                    fut.set_result(None)
            if channel not in self.wanted:
                return
            if not waiting and channel in self._had and self.on_resubscribe is not None:
                # A silent reconnect: messages may have been lost in between.
                self.on_resubscribe(channel)
            self._had.add(channel)
        elif kind == "sunsubscribe" and _s(message["channel"]) in self.wanted:
            # The server dropped a shard channel: its slot moved to another server.
            channel = _s(message["channel"])
            self.dropped.add(channel)
            if self.on_moved is not None:
                self.on_moved()
            else:
                asyncio.get_running_loop().create_task(self.resubscribe(channel))


class RedisBroker:
    """Broker over one Redis: PUBLISH through the shared (blocking-pool) client, one
    SUBSCRIBE connection per node for all its rooms."""

    def __init__(self, client: Redis, connect_subscriber: Callable[[], Redis]) -> None:
        self._client = client
        self._sub = _Subscriber(connect_subscriber, sharded=False, name="redis")

    async def start(self, handler: Handler) -> None:
        self._sub.handler = handler
        self._sub.start()

    def on_resubscribe(self, callback: ResubscribeHandler) -> None:
        self._sub.on_resubscribe = callback

    async def subscribe(self, channel: str) -> None:
        await self._sub.subscribe(channel)

    async def unsubscribe(self, channel: str) -> None:
        await self._sub.unsubscribe(channel)

    async def publish(self, channel: str, payload: bytes) -> None:
        try:
            await self._client.publish(channel, payload)
        except _ERRORS:
            raise _unavailable() from None

    async def close(self) -> None:
        await self._sub.close()

    async def ping(self) -> bool:
        if self._sub.wanted and not self._sub.connected:
            return False
        try:
            return bool(await self._client.ping())
        except Exception:
            return False


class ClusterBroker:
    """Broker over Redis Cluster: SPUBLISH, and one SSUBSCRIBE connection per primary that
    owns a subscribed room's slot (channels carry the room's hash tag). A reconcile task
    moves channels whose slot changed owner (failover, resharding): at once when a server
    dropped or refused a channel, and every `reconcile_every` seconds otherwise."""

    def __init__(self, cluster: RedisCluster, connect_node: Callable[[str, int], Redis],
                 limit: asyncio.Semaphore | None = None, reconcile_every: float = 5.0) -> None:
        self._cluster = cluster
        self._connect_node = connect_node
        self._limit = limit
        self._subs: dict[str, _Subscriber] = {}
        self._home: dict[str, str] = {}  # channel -> node name
        self._handler: Handler | None = None
        self._on_resubscribe: ResubscribeHandler | None = None
        self._reconcile_every = reconcile_every
        self._reconciler: asyncio.Task[None] | None = None
        self._moved = asyncio.Event()

    async def start(self, handler: Handler) -> None:
        self._handler = handler
        self._reconciler = asyncio.create_task(self._reconcile_loop(), name="hearth-cluster-reconcile")

    def on_resubscribe(self, callback: ResubscribeHandler) -> None:
        self._on_resubscribe = callback
        for sub in self._subs.values():
            sub.on_resubscribe = callback

    def _node_for(self, channel: str) -> tuple[str, str, int]:
        node = self._cluster.get_node_from_key(channel)
        if node is None:
            raise _unavailable()
        return node.name, node.host, int(node.port)

    def _sub_for(self, name: str, host: str, port: int) -> _Subscriber:
        sub = self._subs.get(name)
        if sub is None:
            sub = self._subs[name] = _Subscriber(lambda: self._connect_node(host, port), sharded=True, name=name)
            sub.handler = self._handler
            sub.on_resubscribe = self._on_resubscribe
            sub.on_moved = self._moved.set
            sub.start()
        return sub

    async def subscribe(self, channel: str) -> None:
        try:
            if not self._cluster.nodes_manager.slots_cache:
                await self._cluster.initialize()
            name, host, port = self._node_for(channel)
        except _ERRORS:
            raise _unavailable() from None
        self._home[channel] = name
        await self._sub_for(name, host, port).subscribe(channel)

    async def unsubscribe(self, channel: str) -> None:
        name = self._home.pop(channel, None)
        if name is not None and name in self._subs:
            await self._subs[name].unsubscribe(channel)

    async def publish(self, channel: str, payload: bytes) -> None:
        try:
            if self._limit is None:
                await self._cluster.spublish(channel, payload)
            else:
                async with self._limit:
                    await self._cluster.spublish(channel, payload)
        except _ERRORS:
            raise _unavailable() from None

    async def _reconcile_loop(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._moved.wait(), self._reconcile_every)
            moved = self._moved.is_set()
            self._moved.clear()
            try:
                await self.reconcile(refresh=moved)
            except Exception as exc:
                log.warning("cluster subscription reconcile failed: %s", type(exc).__name__)
            if moved:
                await asyncio.sleep(REFRESH_GAP)

    async def reconcile(self, refresh: bool = False) -> None:
        """Move channels whose slot now lives on another primary; subscribe again the ones a
        server dropped while it still owns them. `refresh`: re-read the slot map first
        (otherwise only when a subscriber lost its connection or a channel was dropped)."""
        subs = [s for s in self._subs.values() if s.wanted]
        if refresh or any(not s.connected or s.dropped for s in subs):
            try:
                # RedisCluster.initialize() does nothing once initialized: ask the nodes.
                await self._cluster.nodes_manager.initialize()
            except Exception as exc:
                log.warning("could not read the cluster's slot map: %s", type(exc).__name__)
        for channel, home in list(self._home.items()):
            try:
                name, host, port = self._node_for(channel)
            except RoomError:
                continue
            old = self._subs.get(home)
            if name == home:
                if old is not None and channel in old.dropped:
                    await old.resubscribe(channel)  # its confirmation reports the re-subscription
                continue
            log.info("room channel moved from %s to %s", home, name)
            if old is not None:
                await old.unsubscribe(channel)
            self._home[channel] = name
            try:
                await self._sub_for(name, host, port).subscribe(channel)
                if old is not None:
                    old.release(channel)  # a subscribe() that went to the old owner is done too
            except RoomError:
                log.warning("room channel not yet confirmed by %s; the reader keeps trying", name)
            if self._on_resubscribe is not None:
                self._on_resubscribe(channel)

    async def close(self) -> None:
        if self._reconciler is not None:
            self._reconciler.cancel()
            with contextlib.suppress(BaseException):
                await self._reconciler
        for sub in list(self._subs.values()):
            await sub.close()
        self._subs.clear()

    async def ping(self) -> bool:
        if any(not s.connected for s in self._subs.values() if s.wanted):
            return False
        try:
            return bool(await self._cluster.ping())
        except Exception:
            return False
