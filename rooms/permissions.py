"""One pure function decides what a role may do in a room."""

from __future__ import annotations

from rooms.model import Role

MEMBER_ACTIONS = frozenset({"join", "leave", "send", "react", "typing", "hand", "report"})
MOD_ACTIONS = frozenset(
    {
        "mute", "unmute", "kick", "ban", "unban", "pause", "resume", "slow", "remove",
        "approve", "reject", "pin", "unpin", "round", "floor", "end", "audit", "dismiss",
    }
)


def allowed(role: Role, action: str, *, in_scope: bool, banned: bool = False) -> bool:
    """May a principal with `role` do `action` in a room?

    `in_scope`: the room is among the token's rooms. Operators never act inside rooms;
    banned accounts do nothing but leave; `mod` actions are for the room's facilitators.
    """
    if role is Role.OPERATOR or not in_scope:
        return False
    if banned:
        return action == "leave"
    if action in MEMBER_ACTIONS:
        return True
    if action in MOD_ACTIONS:
        return role is Role.FACILITATOR
    return False
