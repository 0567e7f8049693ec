"""The Redis store: rooms.Store and rooms.Counters shared by every node.

All keys of a room carry its hash tag `{room:ID}`, so in Redis Cluster one Lua script can
touch them all. Appending a message (seq, stream entry, cid dedupe and publish) is one
script: history order equals delivery order. Redis errors become a retryable
`RoomError("unavailable")`; the connection to the client stays open.

Presence is one entry per connection with an expiry; this node refreshes its own entries
from a heartbeat task (also re-adding them if Redis lost them), so the members of a node
that died disappear within `presence_ttl` seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import secrets
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, ParamSpec, TypeVar

import msgpack
from redis import exceptions as rx
from redis.asyncio import Redis
from redis.asyncio.cluster import RedisCluster

from rooms.errors import RoomError
from rooms.model import Held, Member, Message, Mute, RoomConfig, RoomState
from rooms.ports import Appended, HistoryPage
from server.codec import channel, unpack_event
from server.store import redis_scripts as lua
from server.store.memory import DEDUPE_TTL

log = logging.getLogger("hearth.store")

RedisClient = Redis | RedisCluster
ROOMS_INDEX = "hearth:rooms"
UNAVAILABLE_ERRORS: tuple[type[BaseException], ...] = (
    rx.ConnectionError, rx.TimeoutError, rx.BusyLoadingError, rx.ClusterDownError, rx.TryAgainError,
    rx.MaxConnectionsError, rx.ClusterError, OSError, TimeoutError,
)

P = ParamSpec("P")
T = TypeVar("T")


def unavailable() -> RoomError:
    return RoomError("unavailable", "the room is briefly unavailable, retry", retry_after=1000)


def guarded(fn: Callable[P, Awaitable[T]]) -> Callable[P, Coroutine[Any, Any, T]]:
    """Redis down or slow → a retryable RoomError, never a crashed connection."""

    @functools.wraps(fn)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return await fn(*args, **kwargs)
        except UNAVAILABLE_ERRORS as exc:
            log.warning("redis unavailable in %s: %s", fn.__name__, type(exc).__name__)
            raise unavailable() from None

    return wrapper


def room_keys(room: str) -> list[str]:
    tag = "{room:" + room + "}:"
    return [tag + name for name in lua.ROOM_KEYS]


def room_key(room: str, name: str) -> str:
    return "{room:" + room + "}:" + name


def msg_parts(room: str, sender: Member, text: str, ts: int) -> tuple[bytes, bytes]:
    """The published msg payload around its seq: prefix + pack(seq) + suffix is exactly
    codec.pack_event(events.to_room(room, Message(seq, sender, text, ts).wire(room)))."""

    def p(value: Any) -> bytes:
        return bytes(msgpack.packb(value, use_bin_type=True))

    prefix = b"\x85" + p("room") + p(room) + p("frame") + b"\x86" + p("type") + p("msg") + p("room") + p(room)
    prefix += p("seq")
    suffix = p("from") + p(sender.wire()) + p("text") + p(text) + p("ts") + p(ts)
    suffix += p("audience") + p("room") + p("member") + p(None) + p("exclude") + p(None)
    return prefix, suffix


def message_of(payload: bytes) -> Message:
    frame = unpack_event(payload).frame
    return Message(seq=int(frame["seq"]), sender=Member.from_wire(frame["from"]), text=str(frame["text"]),
                   ts=int(frame["ts"]))


def _s(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


async def limited(limit: asyncio.Semaphore | None, coro: Awaitable[T]) -> T:
    """Await `coro` holding a place in `limit` (cluster clients raise instead of waiting)."""
    if limit is None:
        return await coro
    async with limit:
        return await coro


class _Scripts:
    def __init__(self, client: RedisClient) -> None:
        reg = client.register_script
        self.append = reg(lua.APPEND)
        self.epoch = reg(lua.EPOCH)
        self.find_cid = reg(lua.FIND_CID)
        self.history = reg(lua.HISTORY)
        self.context = reg(lua.CONTEXT)
        self.react = reg(lua.REACT)
        self.remove = reg(lua.REMOVE)
        self.first_seen = reg(lua.FIRST_SEEN)
        self.claim_name = reg(lua.CLAIM_NAME)
        self.presence_add = reg(lua.PRESENCE_ADD)
        self.presence_remove = reg(lua.PRESENCE_REMOVE)
        self.presence = reg(lua.PRESENCE)
        self.presence_refresh = reg(lua.PRESENCE_REFRESH)
        self.cas_state = reg(lua.CAS_STATE)
        self.take_held = reg(lua.TAKE_HELD)
        self.purge = reg(lua.PURGE)
        self.take_attention = reg(lua.TAKE_ATTENTION)
        self.add_attention = reg(lua.ADD_ATTENTION)
        self.audit = reg(lua.AUDIT)


class RedisStore:
    """rooms.Store over one Redis or a Redis Cluster (`sharded=True`: SPUBLISH)."""

    def __init__(self, client: RedisClient, *, sharded: bool = False, presence_ttl: int = 30,
                 history_ttl: int = 7 * 24 * 3600, limit: asyncio.Semaphore | None = None,
                 wait_replicas: int = 0, wait_timeout_ms: int = 500) -> None:
        self._r = client
        self._sharded = sharded
        self._lua = _Scripts(client)
        self._presence_ttl_ms = presence_ttl * 1000
        self._heartbeat_every = max(1.0, presence_ttl / 3)
        self._ttl_ms = history_ttl * 1000
        self._limit = limit  # cluster clients raise instead of waiting for a free connection
        self._configs: dict[str, RoomConfig] = {}  # every config this node has seen: re-put if Redis lost it
        self._local: dict[str, dict[tuple[str, str], str]] = {}  # room -> (member, conn) -> member JSON
        self._presence_lock = asyncio.Lock()
        self._heartbeat: asyncio.Task[None] | None = None
        self._wait_replicas = max(0, wait_replicas)  # > 0: WAIT for that many replicas after an append
        self._wait_timeout_ms = max(1, wait_timeout_ms)  # never 0 (WAIT would block forever)
        self.wait_short = 0  # appends fewer replicas acknowledged within the timeout (delivered anyway)

    # -- lifetime ----------------------------------------------------------------------------
    async def start(self) -> None:
        self._heartbeat = asyncio.create_task(self._beat(), name="hearth-presence-heartbeat")

    async def close(self) -> None:
        """Cancel the heartbeat and remove this node's presence (best effort, bounded)."""
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            with contextlib.suppress(BaseException):
                await self._heartbeat
            self._heartbeat = None
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self._forget_local(), 3.0)

    async def _forget_local(self) -> None:
        for room, entries in list(self._local.items()):
            for member, conn in list(entries):
                await self._script(self._lua.presence_remove, room, [member, conn])
        self._local.clear()

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(self._heartbeat_every)
            try:
                await self.refresh_presence()
            except Exception as exc:
                log.warning("presence heartbeat failed: %s", type(exc).__name__)

    async def refresh_presence(self) -> None:
        async with self._presence_lock:
            for room, entries in list(self._local.items()):
                if not entries:
                    continue
                args: list[Any] = [self._presence_ttl_ms]
                for (member, conn), data in entries.items():
                    args += [member, data, conn]
                await self._script(self._lua.presence_refresh, room, args)

    async def _script(self, script: Any, room: str, args: list[Any]) -> Any:
        return await self._run(script(keys=room_keys(room), args=args))

    async def _run(self, coro: Awaitable[T]) -> T:
        return await limited(self._limit, coro)

    # -- rooms ------------------------------------------------------------------------------
    @guarded
    async def put_room(self, config: RoomConfig) -> None:
        self._configs[config.id] = config
        await self._run(self._r.set(room_key(config.id, "config"), json.dumps(config.wire())))
        await self._run(self._r.sadd(ROOMS_INDEX, config.id))

    @guarded
    async def get_room(self, room: str) -> RoomConfig | None:
        raw = await self._run(self._r.get(room_key(room, "config")))
        if raw is None:
            known = self._configs.get(room)
            if known is not None:  # Redis lost it (restarted empty): put back what we know
                await self._run(self._r.set(room_key(room, "config"), json.dumps(known.wire()), nx=True))
                await self._run(self._r.sadd(ROOMS_INDEX, room))
            return known
        config = RoomConfig.from_wire(json.loads(raw))
        self._configs[room] = config
        return config

    @guarded
    async def list_rooms(self) -> list[RoomConfig]:
        ids = {_s(i) for i in await self._run(self._r.smembers(ROOMS_INDEX))} | set(self._configs)
        out = []
        for room in sorted(ids):
            config = await self.get_room(room)
            if config is not None:
                out.append(config)
        return out

    @guarded
    async def get_state(self, room: str) -> RoomState:
        raw = await self._run(self._r.get(room_key(room, "state")))
        return RoomState() if raw is None else RoomState.from_dict(json.loads(raw))

    @guarded
    async def cas_state(self, room: str, expected_version: int, state: RoomState) -> bool:
        data = dict(state.to_dict(), version=expected_version + 1)
        return bool(await self._script(self._lua.cas_state, room, [expected_version, json.dumps(data)]))

    @guarded
    async def epoch(self, room: str) -> str:
        return _s(await self._script(self._lua.epoch, room, [secrets.token_hex(4), self._ttl_ms]))

    # -- messages ---------------------------------------------------------------------------
    async def _append(self, room: str, sender: Member, text: str, ts: int, cid: str | None,
                      retain: int) -> tuple[bool, Message]:
        prefix, suffix = msg_parts(room, sender, text, ts)
        args: list[Any] = [
            secrets.token_hex(4), self._ttl_ms, max(1, retain), sender.id, cid or "", prefix, suffix,
            channel(room), "1" if self._sharded else "0", int(DEDUPE_TTL),
        ]
        if self._wait_replicas:
            dup, payload = await self._append_and_wait(room, args)
        else:
            dup, payload = await self._script(self._lua.append, room, args)
        return bool(dup), message_of(payload)

    async def _append_and_wait(self, room: str, args: list[Any]) -> Any:
        """The append script, then `WAIT n timeout` on the same connection (WAIT covers only
        the writes of the connection it runs on): one non-transactional pipeline, on a cluster
        to the master owning the room's slot. Fewer replicas than asked is counted and logged;
        the message was published, so it is delivered all the same."""
        keys = room_keys(room)
        script = self._lua.append
        for attempt in range(2):
            pipe = self._r.pipeline(transaction=False)
            pipe.execute_command("EVALSHA", script.sha, len(keys), *keys, *args)  # pipe.evalsha: not on a cluster
            if isinstance(self._r, RedisCluster):
                try:
                    node = self._r.get_node_from_key(keys[0])
                except rx.SlotNotCoveredError:
                    raise unavailable() from None
                pipe.execute_command("WAIT", self._wait_replicas, self._wait_timeout_ms, target_nodes=node)
            else:
                pipe.execute_command("WAIT", self._wait_replicas, self._wait_timeout_ms)
            result, acked = await self._run(pipe.execute(raise_on_error=False))
            if isinstance(result, rx.NoScriptError) and attempt == 0:
                await self._run(self._r.script_load(script.script))  # then run the pipeline again
                continue
            if isinstance(result, BaseException):
                raise result
            if isinstance(acked, BaseException) or int(acked) < self._wait_replicas:
                self.wait_short += 1
                log.warning("append in %s: %s of %d replicas acknowledged within %d ms", room,
                            type(acked).__name__ if isinstance(acked, BaseException) else int(acked),
                            self._wait_replicas, self._wait_timeout_ms)
            return result
        raise AssertionError("unreachable")

    @guarded
    async def append_message(
        self, room: str, sender: Member, text: str, ts: int, cid: str | None, retain: int
    ) -> Appended:
        dup, message = await self._append(room, sender, text, ts, cid, retain)
        return Appended(message=message, duplicate=dup)

    @guarded
    async def find_cid(self, room: str, member: str, cid: str) -> Message | None:
        payload = await self._script(self._lua.find_cid, room, [member, cid])
        return None if payload is None else message_of(payload)

    @guarded
    async def history(self, room: str, after: int, limit: int) -> HistoryPage:
        out = await self._script(self._lua.history, room, [max(0, after), max(0, limit)])
        messages = [message_of(p) for p in reversed(out[2:])]
        return HistoryPage(messages=messages, oldest=int(out[1]), latest=int(out[0]))

    @guarded
    async def react(self, room: str, seq: int, member: str, emoji: str) -> int | None:
        count = await self._script(self._lua.react, room, [seq, member, emoji, self._ttl_ms])
        return None if count is None else int(count)

    @guarded
    async def reaction_counts(self, room: str, seqs: list[int]) -> dict[int, dict[str, int]]:
        if not seqs:
            return {}
        wanted = set(seqs)
        out: dict[int, dict[str, int]] = {}
        for field_, count in (await self._run(self._r.hgetall(room_key(room, "rcount")))).items():
            seq, _, emoji = _s(field_).partition(":")
            if int(seq) in wanted and int(count) > 0:
                out.setdefault(int(seq), {})[emoji] = int(count)
        return out

    @guarded
    async def first_seen(self, room: str, member: str, seq: int) -> int:
        return int(await self._script(self._lua.first_seen, room,
                                      [member, seq, secrets.token_hex(4), self._ttl_ms]))

    @guarded
    async def claim_name(self, room: str, member: str, name: str) -> bool:
        return bool(await self._script(self._lua.claim_name, room, [member, name.casefold(), name]))

    @guarded
    async def name_of(self, room: str, member: str) -> str | None:
        raw = await self._run(self._r.hget(room_key(room, "nameof"), member))
        return None if raw is None else _s(raw).split("\n", 1)[1]

    @guarded
    async def agreed(self, room: str, member: str, set_: bool = False) -> bool:
        key = room_key(room, "agreed")
        if set_:
            await self._run(self._r.sadd(key, member))
            return True
        return bool(await self._run(self._r.sismember(key, member)))

    # -- presence -----------------------------------------------------------------------------
    @guarded
    async def presence_add(self, room: str, member: Member, conn: str) -> bool:
        data = json.dumps(member.wire())
        async with self._presence_lock:
            self._local.setdefault(room, {})[(member.id, conn)] = data
            return bool(await self._script(self._lua.presence_add, room,
                                           [member.id, data, conn, self._presence_ttl_ms]))

    @guarded
    async def presence_remove(self, room: str, member: str, conn: str) -> Member | None:
        async with self._presence_lock:
            local = self._local.get(room)
            if local is not None:
                local.pop((member, conn), None)
                if not local:
                    del self._local[room]
            raw = await self._script(self._lua.presence_remove, room, [member, conn])
        return None if raw is None else Member.from_wire(json.loads(raw))

    @guarded
    async def presence(self, room: str) -> list[Member]:
        return [Member.from_wire(json.loads(raw)) for raw in await self._script(self._lua.presence, room, [])]

    # -- sanctions ----------------------------------------------------------------------------
    @guarded
    async def set_mute(self, room: str, member: str, mute: Mute | None) -> None:
        key = room_key(room, "mutes")
        if mute is None:
            await self._run(self._r.hdel(key, member))
        else:
            await self._run(self._r.hset(key, member, json.dumps({"until": mute.until, "reason": mute.reason})))

    @guarded
    async def get_mute(self, room: str, member: str) -> Mute | None:
        raw = await self._run(self._r.hget(room_key(room, "mutes"), member))
        if raw is None:
            return None
        data = json.loads(raw)
        return Mute(until=data.get("until"), reason=str(data.get("reason", "")))

    @guarded
    async def list_mutes(self, room: str) -> dict[str, Mute]:
        raw = await self._run(self._r.hgetall(room_key(room, "mutes")))
        out: dict[str, Mute] = {}
        for member, value in raw.items():
            data = json.loads(value)
            name = member.decode() if isinstance(member, bytes) else str(member)
            out[name] = Mute(until=data.get("until"), reason=str(data.get("reason", "")))
        return out

    @guarded
    async def set_ban(self, room: str, member: str, reason: str | None) -> None:
        key = room_key(room, "bans")
        if reason is None:
            await self._run(self._r.hdel(key, member))
        else:
            await self._run(self._r.hset(key, member, reason))

    @guarded
    async def is_banned(self, room: str, member: str) -> bool:
        return bool(await self._run(self._r.hexists(room_key(room, "bans"), member)))

    # -- held queue, removal, reports, session end ---------------------------------------------
    @guarded
    async def hold(self, room: str, held: Held) -> None:
        await self._run(self._r.hset(room_key(room, "held"), held.id, json.dumps(held.to_dict())))

    @guarded
    async def take_held(self, room: str, held_id: str) -> Held | None:
        raw = await self._script(self._lua.take_held, room, [held_id])
        return None if raw is None else Held.from_dict(json.loads(raw))

    @guarded
    async def list_held(self, room: str) -> list[Held]:
        raw = await self._run(self._r.hvals(room_key(room, "held")))
        return sorted((Held.from_dict(json.loads(r)) for r in raw), key=lambda h: h.ts)

    @guarded
    async def publish_held(self, room: str, held: Held, retain: int) -> Message:
        _, message = await self._append(room, held.sender, held.text, held.ts, None, retain)
        return message

    @guarded
    async def remove_message(self, room: str, seq: int) -> bool:
        return bool(await self._script(self._lua.remove, room, [seq]))

    @guarded
    async def context(self, room: str, seq: int, before: int) -> list[Message]:
        out = await self._script(self._lua.context, room, [seq, max(0, before)])
        return [message_of(p) for p in reversed(out)]

    @guarded
    async def add_attention(self, room: str, item_id: str, frame: dict[str, Any], keep: int = 500) -> None:
        await self._script(self._lua.add_attention, room, [item_id, json.dumps(frame), keep])

    @guarded
    async def list_attention(self, room: str) -> list[dict[str, Any]]:
        raw = await self._run(self._r.hgetall(room_key(room, "attn")))
        ordered = sorted(raw.items(), key=lambda kv: _s(kv[0]))
        return [json.loads(v) for _, v in ordered]

    @guarded
    async def take_attention(self, room: str, item_id: str) -> dict[str, Any] | None:
        raw = await self._script(self._lua.take_attention, room, [item_id])
        return None if raw is None else dict(json.loads(raw))

    @guarded
    async def purge(self, room: str) -> str:
        return _s(await self._script(self._lua.purge, room, [secrets.token_hex(4), self._ttl_ms]))

    @guarded
    async def audit(self, room: str, entry: dict[str, Any], keep: int = 1000) -> None:
        await self._script(self._lua.audit, room, [json.dumps(entry, default=str), max(1, keep)])

    @guarded
    async def audit_log(self, room: str, limit: int) -> list[dict[str, Any]]:
        if limit <= 0:
            return []
        raw = await self._run(self._r.lrange(room_key(room, "audit"), -limit, -1))
        return [json.loads(r) for r in raw]

    async def ping(self) -> bool:
        try:
            return bool(await self._run(self._r.ping()))
        except Exception:
            return False

    async def info(self) -> dict[str, Any]:
        return {"kind": "redis-cluster" if self._sharded else "redis", "rooms_known": len(self._configs),
                "wait_replicas": self._wait_replicas, "wait_short": self.wait_short}
