"""rooms/permissions.py: every action × every kind of principal, as one table."""

from __future__ import annotations

import pytest

from rooms.model import Role
from rooms.permissions import MEMBER_ACTIONS, MOD_ACTIONS, allowed

# who: (role, in_scope, banned)
WHO = {
    "member": (Role.MEMBER, True, False),
    "facilitator": (Role.FACILITATOR, True, False),
    "facilitator_out_of_scope": (Role.FACILITATOR, False, False),
    "member_out_of_scope": (Role.MEMBER, False, False),
    "operator": (Role.OPERATOR, True, False),
    "banned_member": (Role.MEMBER, True, True),
    "banned_facilitator": (Role.FACILITATOR, True, True),
}


def expected(who: str, action: str) -> bool:
    if who in ("operator", "facilitator_out_of_scope", "member_out_of_scope"):
        return False
    if who.startswith("banned"):
        return action == "leave"
    if action in MEMBER_ACTIONS:
        return True
    return who == "facilitator"  # mod actions


TABLE = [(who, action, expected(who, action)) for who in WHO for action in sorted(MEMBER_ACTIONS | MOD_ACTIONS)]


def test_the_table_is_not_trivial() -> None:
    assert MEMBER_ACTIONS >= {"join", "leave", "send", "react", "typing", "hand", "report"}
    assert MOD_ACTIONS >= {"mute", "unmute", "kick", "ban", "unban", "pause", "resume", "slow", "remove",
                           "approve", "reject", "pin", "unpin", "round", "floor", "end"}
    assert not MEMBER_ACTIONS & MOD_ACTIONS
    assert sum(ok for _, _, ok in TABLE) == len(MEMBER_ACTIONS) * 2 + len(MOD_ACTIONS) + 2


@pytest.mark.parametrize(("who", "action", "ok"), TABLE, ids=[f"{w}-{a}" for w, a, _ in TABLE])
def test_permission_matrix(who: str, action: str, ok: bool) -> None:
    role, in_scope, banned = WHO[who]
    assert allowed(role, action, in_scope=in_scope, banned=banned) is ok


@pytest.mark.parametrize("role", list(Role))
def test_unknown_actions_are_refused(role: Role) -> None:
    assert not allowed(role, "delete_everything", in_scope=True)
    assert not allowed(role, "", in_scope=True)


def test_protocol_and_permissions_agree_on_mod_actions() -> None:
    from server.protocol import MOD_ACTIONS as WIRE_MOD_ACTIONS

    assert WIRE_MOD_ACTIONS == MOD_ACTIONS
