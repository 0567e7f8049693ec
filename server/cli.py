"""The `hearth` command line: serve, invite, token, rooms push."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import quote

import orjson

from rooms.model import Role, RoomConfig
from server import auth
from server.roomsfile import DEMO_ROOM, RoomsFileError, load_rooms
from server.settings import Settings, SettingsError, load, resolve_secret


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, Any] = {}
    for name in ("host", "port", "workers", "rooms_file", "public_url"):
        value = getattr(args, name, None)
        if value is not None:
            overrides[name] = value
    return resolve_secret(load(**overrides))


def invite_url(settings: Settings, room: str, role: str, ttl: int, name: str | None = None) -> str:
    token = auth.invite_token(settings.secret, room, role, ttl)
    fragment = f"t={token}"
    if name:
        fragment += "&name=" + quote(name)
    return f"{settings.base_url}/r/{quote(room)}#{fragment}"


def _configure_logging(settings: Settings) -> None:
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s")


def app_factory() -> Any:
    """For uvicorn workers (`--workers N`): every worker reads the same environment."""
    from server.app import create_app

    settings = resolve_secret(load())
    _configure_logging(settings)
    rooms = load_rooms(settings.rooms_file) if settings.rooms_file else []
    if os.environ.get("HEARTH_DEMO") == "1":
        rooms = [DEMO_ROOM, *rooms]
    return create_app(settings, rooms)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from server.app import create_app

    settings = _settings(args)
    rooms: list[RoomConfig] = load_rooms(settings.rooms_file) if settings.rooms_file else []
    if args.demo and all(r.id != DEMO_ROOM.id for r in rooms):
        rooms = [DEMO_ROOM, *rooms]
    _configure_logging(settings)
    if args.demo:
        print("\nHearth demo room is ready.\n", flush=True)
        print("  Facilitator link (keep it to yourself):", flush=True)
        print("   ", invite_url(settings, DEMO_ROOM.id, "facilitator", 7 * 86400), flush=True)
        print("  Member invite link (share it):", flush=True)
        print("   ", invite_url(settings, DEMO_ROOM.id, "member", 7 * 86400), "\n", flush=True)
    config: dict[str, Any] = dict(
        host=settings.host, port=settings.port, ws="websockets-sansio", ws_max_size=settings.max_frame,
        ws_per_message_deflate=False, ws_ping_interval=settings.ping_interval,
        ws_ping_timeout=settings.ping_interval, lifespan="on",
        # uvicorn's debug level makes the websockets library log whole frames (tokens, text).
        log_level="info" if settings.log_level == "debug" else settings.log_level,
        timeout_graceful_shutdown=10,
    )
    if settings.workers > 1:
        os.environ.update({"HEARTH_SECRET": settings.secret, "HEARTH_DEMO": "1" if args.demo else "0"})
        uvicorn.run("server.cli:app_factory", factory=True, workers=settings.workers, **config)
        return 0
    server = uvicorn.Server(uvicorn.Config(create_app(settings, rooms), **config))
    server.run()
    return 0


def cmd_invite(args: argparse.Namespace) -> int:
    settings = _settings(args)
    print(invite_url(settings, args.room, args.role, args.ttl, args.name))
    return 0


def cmd_token(args: argparse.Namespace) -> int:
    settings = _settings(args)
    rooms = args.rooms.split(",") if args.rooms else None
    print(auth.mint(settings.secret, args.sub, args.role, rooms, args.ttl))
    return 0


def cmd_rooms_push(args: argparse.Namespace) -> int:
    settings = _settings(args)
    token = auth.mint(settings.secret, "cli-operator", Role.OPERATOR, None, 300)
    server = (args.server or settings.base_url).rstrip("/")
    for config in load_rooms(args.file):
        body = orjson.dumps(config.wire())
        request = urllib.request.Request(
            server + "/api/rooms", data=body, method="POST",
            headers={"authorization": f"Bearer {token}", "content-type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                print(f"{config.id}: {'created' if response.status == 201 else 'updated'}")
        except urllib.error.HTTPError as exc:
            print(f"{config.id}: refused ({exc.code}): {exc.read().decode(errors='replace')}", file=sys.stderr)
            return 1
        except OSError as exc:
            print(f"cannot reach {server}: {exc}", file=sys.stderr)
            return 1
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="hearth", description="Moderated peer-support chat server")
    sub = p.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the server")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int)
    serve.add_argument("--rooms", dest="rooms_file", help="TOML file of [[room]] tables")
    serve.add_argument("--public-url", dest="public_url", help="base URL printed in links")
    serve.add_argument("--demo", action="store_true", help="add a demo room and print its links")
    serve.set_defaults(func=cmd_serve)

    invite = sub.add_parser("invite", help="print a join link for a room")
    invite.add_argument("--room", required=True)
    invite.add_argument("--role", choices=["member", "facilitator"], default="member")
    invite.add_argument("--name", help="a suggested pseudonym")
    invite.add_argument("--ttl", type=int, default=7 * 86400, help="seconds the link stays valid")
    invite.add_argument("--public-url", dest="public_url")
    invite.set_defaults(func=cmd_invite)

    token = sub.add_parser("token", help="print a signed token (e.g. an operator's)")
    token.add_argument("--sub", default="operator")
    token.add_argument("--role", choices=[r.value for r in Role], default="operator")
    token.add_argument("--rooms", help="comma-separated room ids (default: all)")
    token.add_argument("--ttl", type=int, default=3600)
    token.set_defaults(func=cmd_token)

    rooms = sub.add_parser("rooms", help="manage rooms on a running server")
    rooms_sub = rooms.add_subparsers(dest="rooms_command", required=True)
    push = rooms_sub.add_parser("push", help="create or update the rooms of a TOML file")
    push.add_argument("file")
    push.add_argument("--server", help="base URL (default: HEARTH_PUBLIC_URL or host:port)")
    push.set_defaults(func=cmd_rooms_push)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        result: int = args.func(args)
        return result
    except (SettingsError, RoomsFileError) as exc:
        print(f"hearth: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
