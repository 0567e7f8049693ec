"""JWT (HS256 only) tokens: verification, invites and personal session tokens."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from typing import Any

import jwt

from rooms.identity import Principal
from rooms.model import Role

ALGORITHM = "HS256"


class AuthError(Exception):
    """A token that cannot be used; the message is safe to show (no token content)."""


@dataclass(frozen=True, slots=True)
class Verified:
    principal: Principal
    invite: bool
    exp: int


def verify(token: object, secret: str) -> Verified:
    if not isinstance(token, str) or not token or len(token) > 4096:
        raise AuthError("a token is required")
    try:
        claims: dict[str, Any] = jwt.decode(
            token, secret, algorithms=[ALGORITHM], options={"require": ["exp", "sub"]}
        )
    except jwt.ExpiredSignatureError:
        raise AuthError("the token has expired") from None
    except jwt.PyJWTError:
        raise AuthError("the token is not valid") from None
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub or len(sub) > 256:
        raise AuthError("the token has no usable subject")
    try:
        role = Role(claims.get("role", "member"))
    except ValueError:
        raise AuthError("the token has an unknown role") from None
    rooms = claims.get("rooms", ["*"])
    if not isinstance(rooms, list) or not all(isinstance(r, str) for r in rooms):
        raise AuthError("the token's rooms must be a list of room ids")
    return Verified(
        principal=Principal(sub=sub, role=role, rooms=tuple(rooms)),
        invite=bool(claims.get("inv", False)),
        exp=int(claims["exp"]),
    )


def mint(
    secret: str,
    sub: str,
    role: Role | str = Role.MEMBER,
    rooms: list[str] | None = None,
    ttl: int = 3600,
    invite: bool = False,
) -> str:
    claims: dict[str, Any] = {"sub": sub, "role": Role(role).value, "exp": int(time.time()) + ttl}
    if rooms is not None:
        claims["rooms"] = rooms
    if invite:
        claims["inv"] = True
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def invite_token(secret: str, room: str, role: Role | str, ttl: int) -> str:
    """A link many people may open: each gets a personal identity at `hello`."""
    return mint(secret, "invite:" + secrets.token_urlsafe(6), role, [room], ttl, invite=True)


def personal_from_invite(secret: str, verified: Verified, ttl: int) -> tuple[Principal, str]:
    """A fresh guest account for one person who opened an invite link."""
    sub = "guest:" + secrets.token_urlsafe(16)
    principal = Principal(sub=sub, role=verified.principal.role, rooms=verified.principal.rooms)
    token = mint(secret, sub, principal.role, list(principal.rooms), ttl)
    return principal, token
