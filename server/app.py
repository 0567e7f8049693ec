"""The Starlette application: routes, security headers, and the lifespan that owns the
runtime (no module-level clients)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from starlette.websockets import WebSocket

from rooms.model import RoomConfig
from server import api
from server.runtime import Runtime
from server.session import Session
from server.settings import Settings

log = logging.getLogger("hearth")
WEB = Path(__file__).resolve().parent.parent / "web"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self' ws: wss:; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Pure ASGI middleware (does not wrap WebSocket traffic)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _page(name: str) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        return FileResponse(WEB / name, headers={"cache-control": "no-store"})

    return endpoint


def create_app(settings: Settings, rooms: list[RoomConfig] | None = None) -> Starlette:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        from server.wiring import build_runtime

        runtime = await build_runtime(settings)
        await runtime.start(rooms or [])
        app.state.runtime = runtime
        log.info("hearth ready: %s", settings.safe_dict())
        try:
            yield
        finally:
            await runtime.stop()

    async def ws_endpoint(websocket: WebSocket) -> None:
        runtime: Runtime = websocket.app.state.runtime
        if runtime.draining:
            await websocket.close(code=1013)
            return
        session = Session(websocket, settings, runtime.service, runtime.hub, runtime.sessions)
        await session.run()

    routes = [
        WebSocketRoute("/ws", ws_endpoint),
        Route("/healthz", api.healthz),
        Route("/readyz", api.readyz),
        Route("/metrics", api.metrics),
        Route("/api/rooms", api.list_rooms, methods=["GET"]),
        Route("/api/rooms", api.create_room, methods=["POST"]),
        Route("/api/rooms/{room}/card", api.room_card, methods=["GET"]),
        Route("/", _page("index.html")),
        Route("/r/{room}", _page("room.html")),
        Route("/ops", _page("ops.html")),
        Mount("/static", StaticFiles(directory=WEB), name="static"),
    ]
    return Starlette(routes=routes, lifespan=lifespan, middleware=[Middleware(SecurityHeaders)])
