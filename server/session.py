"""One WebSocket client from handshake to close: hello, then frames dispatched to the
RoomService. Client mistakes get an `error` frame or a documented close code, never 1011.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
import traceback
from typing import Any

from starlette.websockets import WebSocket, WebSocketDisconnect

from rooms.errors import RoomError
from rooms.identity import Principal
from rooms.model import Member
from rooms.service import Joined, RoomService
from server import auth, protocol
from server.connection import Connection
from server.hub import Hub
from server.protocol import Close, FrameError, Wire
from server.settings import Settings

log = logging.getLogger("hearth.session")
TYPING_INTERVAL = 1.5
CLOSE_TIMEOUT = 10.0


class _Bucket:
    """Inbound frame rate per connection (a flood guard, not the per-member send limit)."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate = rate
        self.burst = float(burst)
        self.tokens = float(burst)
        self.at = time.monotonic()

    def take(self) -> float:
        """0 when allowed, else seconds until a token is available."""
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate


class Session:
    def __init__(self, ws: WebSocket, settings: Settings, service: RoomService, hub: Hub,
                 registry: set[Session]) -> None:
        self.ws = ws
        self.settings = settings
        self.service = service
        self.hub = hub
        self.registry = registry
        self.principal: Principal | None = None
        self.conn: Connection | None = None
        self.rooms: dict[str, Member] = {}
        self.violations = 0
        self.bucket = _Bucket(settings.frames_per_second, settings.frame_burst)
        self._typing_at: dict[str, float] = {}
        self._writer: asyncio.Task[None] | None = None
        self._main: asyncio.Task[Any] | None = None
        self._closing = False

    # -- lifecycle ---------------------------------------------------------------------------
    async def run(self) -> None:
        if not self._origin_ok():
            await self.ws.close(code=Close.POLICY)  # before accept: HTTP 403
            return
        offered = self.ws.scope.get("subprotocols") or []
        fmt, chosen = protocol.choose_subprotocol(list(offered))
        await self.ws.accept(subprotocol=chosen)
        self._main = asyncio.current_task()
        self.conn = Connection(self._send_raw, fmt, self.settings.send_queue, self._overflow)
        self.conn.on_close_request = lambda code, room: self._kill(code, "removed from the room")
        self.registry.add(self)
        try:
            if await self._hello():
                self._writer = asyncio.create_task(self.conn.run_writer(), name=f"writer-{self.conn.id}")
                await self._loop()
        except (WebSocketDisconnect, asyncio.CancelledError):
            pass
        finally:
            self.registry.discard(self)
            await self._cleanup()

    def _origin_ok(self) -> bool:
        origin = self.ws.headers.get("origin")
        if origin is None:
            return True
        host = self.ws.headers.get("host", "")
        if origin in (f"http://{host}", f"https://{host}"):
            return True
        return origin in self.settings.allowed_origins or "*" in self.settings.allowed_origins

    async def _send_raw(self, data: Wire) -> None:
        if isinstance(data, str):
            await self.ws.send_text(data)
        else:
            await self.ws.send_bytes(data)

    def send(self, frame: dict[str, Any]) -> None:
        assert self.conn is not None
        self.conn.push(protocol.encode(frame, self.conn.fmt))

    async def _hello(self) -> bool:
        assert self.conn is not None
        try:
            message = await asyncio.wait_for(self.ws.receive(), self.settings.hello_timeout)
        except TimeoutError:
            await self._close_now(Close.NOT_AUTHENTICATED, "hello expected")
            return False
        if message["type"] == "websocket.disconnect":
            return False
        data = message.get("text") if message.get("text") is not None else message.get("bytes")
        try:
            frame = protocol.decode(data or b"")
        except FrameError:
            await self._close_now(Close.NOT_AUTHENTICATED, "hello expected")
            return False
        if not isinstance(frame, protocol.Hello):
            await self._close_now(Close.NOT_AUTHENTICATED, "hello expected")
            return False
        try:
            verified = auth.verify(frame.token, self.settings.secret)
        except auth.AuthError as exc:
            await self._close_now(Close.NOT_AUTHENTICATED, str(exc))
            return False
        welcome: dict[str, Any] = protocol.reply(
            "welcome", frame.ref, protocol=protocol.PROTOCOL_VERSION, session=secrets.token_hex(8),
            role=verified.principal.role.value,
        )
        if verified.invite:
            self.principal, welcome["token"] = auth.personal_from_invite(
                self.settings.secret, verified, self.settings.session_ttl
            )
        else:
            self.principal = verified.principal
        await self._send_raw(protocol.encode(welcome, self.conn.fmt))
        return True

    async def _loop(self) -> None:
        while True:
            message = await self.ws.receive()
            if message["type"] == "websocket.disconnect":
                return
            # Frames that arrived together are handed over without suspending: yield so this
            # client's writer drains its replies between them.
            await asyncio.sleep(0)
            data = message.get("text")
            if data is None:
                data = message.get("bytes") or b""
            if self._closing:
                continue
            wait = self.bucket.take()
            if wait:
                self.send(protocol.error("rate_limited", "slow down", retry_after=int(wait * 1000) + 1))
                self._violation()  # when it closes, the read loop ends with the close
                continue
            frame: protocol.ClientFrame | None = None
            try:
                frame = protocol.decode(data)
                await self._dispatch(frame)
            except FrameError as exc:
                self.send(protocol.error(exc.code, exc.message, exc.ref, exc.room))
                self._violation()
            except RoomError as exc:
                room = getattr(frame, "room", None)
                self.send(protocol.error(exc.code, exc.message, getattr(frame, "ref", None), room, exc.retry_after))
            except Exception as exc:  # a fault of ours: keep the connection, say "retry"
                # Only the exception's type and where it happened: its message may hold data.
                where = "".join(traceback.format_tb(exc.__traceback__, limit=-3))
                kind = getattr(frame, "type", "undecoded")
                log.error("handling a %s frame failed with %s\n%s", kind, type(exc).__name__, where)
                self.send(protocol.error("unavailable", "something went wrong on our side; please retry",
                                         getattr(frame, "ref", None), getattr(frame, "room", None), 1000))

    def _violation(self) -> bool:
        self.violations += 1
        if self.violations >= self.settings.max_violations:
            self._kill(Close.TOO_MANY_VIOLATIONS, "too many violations")
            return True
        return False

    # -- dispatch ----------------------------------------------------------------------------
    async def _dispatch(self, frame: protocol.ClientFrame) -> None:
        assert self.principal is not None and self.conn is not None
        if isinstance(frame, protocol.Ping):
            self.send(protocol.reply("pong", frame.ref))
            return
        if isinstance(frame, protocol.Hello):
            raise FrameError("invalid", "already authenticated", frame.ref)
        if isinstance(frame, protocol.Join):
            await self._join(frame)
            return
        room = frame.room
        member = self.rooms.get(room)
        if isinstance(frame, protocol.Mod):
            result = await self.service.moderate(self.principal, member, room, frame.action, frame.args)
            self.send(protocol.reply("ok", frame.ref, **result))
            return
        if member is None:
            raise RoomError("not_joined", "join the room first")
        if isinstance(frame, protocol.Leave):
            await self._leave(room)
            self.send(protocol.reply("ok", frame.ref))
        elif isinstance(frame, protocol.Send):
            posted = await self.service.post(member, room, frame.text, frame.cid)
            ack = protocol.reply("ack", frame.ref, room=room, status=posted.status)
            if posted.seq is not None:
                ack["seq"] = posted.seq
            if posted.text is not None and posted.status != "held":
                ack["text"] = posted.text
            if posted.reasons:
                ack["reasons"] = list(posted.reasons)
            if posted.held is not None:
                ack["held"] = posted.held
            if posted.notice is not None:
                ack["notice"] = posted.notice
            self.send(ack)
        elif isinstance(frame, protocol.React):
            await self.service.react(member, room, frame.seq, frame.emoji)
            self.send(protocol.reply("ok", frame.ref))
        elif isinstance(frame, protocol.Hand):
            await self.service.hand(member, room, frame.up, frame.pass_)
            self.send(protocol.reply("ok", frame.ref))
        elif isinstance(frame, protocol.Report):
            await self.service.report(member, room, frame.seq, frame.reason)
            self.send(protocol.reply("ok", frame.ref))
        elif isinstance(frame, protocol.Typing):
            now = time.monotonic()
            if now - self._typing_at.get(room, 0.0) >= TYPING_INTERVAL:
                self._typing_at[room] = now
                await self.service.typing(member, room)
        else:
            raise RoomError("invalid", f"'{frame.type}' is not available yet on this server")

    async def _join(self, frame: protocol.Join) -> None:
        assert self.principal is not None and self.conn is not None
        room = frame.room
        provisional = Member(
            id=self.service.member_id(self.principal, room), name="", role=self.principal.role
        )
        already = room in self.rooms
        if not already:
            await self.hub.attach(room, self.conn, provisional)
        try:
            joined = await self.service.join(
                self.principal, room, self.conn.id,
                name=frame.name, since=frame.since, epoch=frame.epoch, agree=frame.agree,
            )
        except BaseException:
            if not already:
                await self.hub.detach(room, self.conn)
            raise
        self.rooms[room] = joined.member
        self.send(_joined_frame(frame.ref, room, joined))
        self.hub.ready(room, self.conn, joined.member, joined.seq)

    async def _leave(self, room: str) -> None:
        assert self.conn is not None
        member = self.rooms.pop(room, None)
        await self.hub.detach(room, self.conn)
        if member is not None:
            await self.service.leave(member, room, self.conn.id)

    # -- closing -----------------------------------------------------------------------------
    def _overflow(self, conn: Connection) -> None:
        log.info("closing a connection whose send queue overflowed (%d rooms)", len(self.rooms))
        self._kill(Close.TOO_SLOW, "too slow")

    def _kill(self, code: int, reason: str) -> None:
        """Close from inside fan-out or the read loop without awaiting the client."""
        if self._closing:
            return
        self._closing = True
        if self.conn is not None:
            self.conn.stop()
        asyncio.get_running_loop().create_task(self._close_then_end(code, reason))

    async def _close_then_end(self, code: int, reason: str) -> None:
        if self._writer is not None:
            self._writer.cancel()
        # Leave the rooms now: the close frame may wait behind a client that stopped reading.
        for room in list(self.rooms):
            with contextlib.suppress(Exception):
                await self._leave(room)
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.ws.close(code=code, reason=reason), CLOSE_TIMEOUT)
        if self._main is not None and not self._main.done():
            self._main.cancel()

    async def _close_now(self, code: int, reason: str) -> None:
        self._closing = True
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.ws.close(code=code, reason=reason), CLOSE_TIMEOUT)

    async def shutdown(self, code: int = Close.RESTART) -> None:
        self._kill(code, "server restarting")

    async def _cleanup(self) -> None:
        if self.conn is not None:
            self.conn.stop()
        if self._writer is not None:
            self._writer.cancel()
        for room in list(self.rooms):
            with contextlib.suppress(Exception):
                await self._leave(room)


def _joined_frame(ref: int | str | None, room: str, j: Joined) -> dict[str, Any]:
    state = j.state.wire(j.config)
    state.update(capacity=j.config.capacity, agreement=j.config.agreement, history=j.config.history.value,
                 title=j.config.title)
    return protocol.reply(
        "joined", ref, room=room, me=j.member.wire(), members=[m.wire() for m in j.members],
        state=state, seq=j.seq, epoch=j.epoch, history=[_with_reactions(m.wire(room), j) for m in j.history],
        complete=j.complete,
    )


def _with_reactions(frame: dict[str, Any], j: Joined) -> dict[str, Any]:
    counts = j.reactions.get(frame["seq"])
    if counts:
        frame["reactions"] = counts
    return frame
