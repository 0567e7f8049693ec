"""HTTP endpoints: health, readiness, metrics and the /api for rooms (JSON)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from rooms.errors import RoomError
from rooms.identity import Principal
from rooms.model import Role
from server import auth
from server.roomsfile import RoomsFileError, room_from_mapping
from server.runtime import Runtime

MAX_BODY = 64 * 1024


def _runtime(request: Request) -> Runtime:
    rt: Runtime = request.app.state.runtime
    return rt


def _problem(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status)


def _principal(request: Request) -> Principal | JSONResponse:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        return _problem(401, "unauthorized", "send Authorization: Bearer <token>")
    try:
        verified = auth.verify(token.strip(), _runtime(request).settings.secret)
    except auth.AuthError as exc:
        return _problem(401, "unauthorized", str(exc))
    return verified.principal


async def healthz(request: Request) -> Response:
    return PlainTextResponse("ok")


async def readyz(request: Request) -> Response:
    rt = _runtime(request)
    checks = await rt.readiness()
    ok = all(checks.values()) and not rt.draining
    return JSONResponse({"ready": ok, **checks, "draining": rt.draining}, status_code=200 if ok else 503)


async def metrics(request: Request) -> Response:
    body, content_type = _runtime(request).metrics_text()
    return Response(body, media_type=content_type)


async def create_room(request: Request) -> Response:
    who = _principal(request)
    if isinstance(who, JSONResponse):
        return who
    if who.role is not Role.OPERATOR:
        return _problem(403, "forbidden", "only operators create rooms")
    raw = await request.body()
    if len(raw) > MAX_BODY:
        return _problem(413, "too_large", "the room definition is too large")
    try:
        import orjson

        data: Any = orjson.loads(raw)
    except ValueError:
        return _problem(400, "bad_request", "the body must be a JSON object")
    if not isinstance(data, dict):
        return _problem(400, "bad_request", "the body must be a JSON object")
    try:
        config = room_from_mapping(data)
    except RoomsFileError as exc:
        return _problem(400, "invalid", str(exc))
    rt = _runtime(request)
    existed = await rt.store.get_room(config.id) is not None
    await rt.store.put_room(config)
    return JSONResponse(config.wire(), status_code=200 if existed else 201)


async def list_rooms(request: Request) -> Response:
    who = _principal(request)
    if isinstance(who, JSONResponse):
        return who
    if who.role is not Role.OPERATOR:
        return _problem(403, "forbidden", "only operators list rooms")
    rt = _runtime(request)
    return JSONResponse({"rooms": [await rt.room_health(c.id) for c in await rt.store.list_rooms()]})


async def room_card(request: Request) -> Response:
    """The room's public card for someone holding a token for it (before joining)."""
    who = _principal(request)
    if isinstance(who, JSONResponse):
        return who
    room = request.path_params["room"]
    try:
        card: dict[str, Any] = await _runtime(request).service.card(who, room)
    except RoomError as exc:
        return _problem(404 if exc.code == "not_found" else 403, exc.code, exc.message)
    return JSONResponse(card)
