"""Facilitators run the room: every `mod` action, hands, reports, session end — through a
real server with real clients."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.support.client import Client
from tests.support.servers import HearthServer

MOD_ACTIONS: dict[str, dict[str, Any]] = {
    "mute": {"member": "m_x", "seconds": 5}, "unmute": {"member": "m_x"}, "kick": {"member": "m_x"},
    "ban": {"member": "m_x"}, "unban": {"member": "m_x"}, "pause": {}, "resume": {}, "slow": {"seconds": 0},
    "remove": {"seq": 1}, "approve": {"held": "h_x"}, "reject": {"held": "h_x"}, "pin": {"text": "hi"},
    "unpin": {}, "round": {"on": False}, "floor": {"member": None}, "end": {}, "audit": {},
}


async def _room_with(hearth: HearthServer, **config: Any) -> tuple[str, Client, Client, dict[str, Any]]:
    room = hearth.create_room(**config)
    fac = await Client.connect(hearth.ws_url, hearth.token(role="facilitator"))
    await fac.join(room)
    mem = await Client.connect(hearth.ws_url, hearth.token())
    joined = await mem.join(room)
    return room, fac, mem, joined


@pytest.mark.parametrize("action", sorted(MOD_ACTIONS))
async def test_permission_matrix(hearth: HearthServer, action: str) -> None:
    """member, another room's facilitator and a banned member get `forbidden`; operators
    cannot even enter; the room's facilitator is never refused as `forbidden`."""
    room = hearth.create_room()
    other = hearth.create_room()
    args = MOD_ACTIONS[action]
    member = await Client.connect(hearth.ws_url, hearth.token())
    await member.join(room)
    reply = await member.request({"type": "mod", "room": room, "action": action, **args})
    assert reply["type"] == "error" and reply["code"] == "forbidden", reply

    outsider = await Client.connect(hearth.ws_url, hearth.token(role="facilitator", rooms=[other]))
    reply = await outsider.request({"type": "mod", "room": room, "action": action, **args})
    assert reply["code"] == "forbidden", reply

    operator = await Client.connect(hearth.ws_url, hearth.token(role="operator"))
    reply = await operator.request({"type": "mod", "room": room, "action": action, **args})
    assert reply["code"] == "forbidden", reply
    reply = await operator.request({"type": "join", "room": room})
    assert reply["code"] == "forbidden", reply

    fac = await Client.connect(hearth.ws_url, hearth.token(role="facilitator", rooms=[room]))
    await fac.join(room)
    reply = await fac.request({"type": "mod", "room": room, "action": action, **args})
    assert reply.get("code") != "forbidden", reply
    for c in (member, outsider, operator, fac):
        await c.close()


async def test_mute_with_reason_and_countdown_then_unmute(hearth: HearthServer) -> None:
    room, fac, mem, joined = await _room_with(hearth)
    mid = joined["me"]["id"]
    before = int(time.time() * 1000)
    ok = await fac.request({"type": "mod", "room": room, "action": "mute", "member": mid, "seconds": 60,
                            "reason": "Let's take a breath"})
    assert ok["type"] == "ok"
    muted = await mem.expect("muted")
    assert muted["reason"] == "Let's take a breath" and muted["until"] >= before + 59_000
    refused = await mem.request({"type": "send", "room": room, "text": "can I speak?"})
    assert refused["code"] == "muted" and refused["retry_after"] > 50_000
    await fac.request({"type": "mod", "room": room, "action": "unmute", "member": mid})
    assert (await mem.expect("muted"))["until"] is None
    ack = await mem.request({"type": "send", "room": room, "text": "thank you"})
    assert ack["status"] == "delivered"


async def test_kick_closes_with_4503_and_ban_survives_new_pseudonym(hearth: HearthServer) -> None:
    room = hearth.create_room()
    fac = await Client.connect(hearth.ws_url, hearth.token(role="facilitator"))
    await fac.join(room)
    account = hearth.token(sub="acct-banned-" + room)
    mem = await Client.connect(hearth.ws_url, account)
    mid = (await mem.join(room, name="First Name"))["me"]["id"]
    await fac.request({"type": "mod", "room": room, "action": "kick", "member": mid, "reason": "off topic"})
    kicked = await mem.expect("kicked")
    assert kicked["reason"] == "off topic" and kicked["banned"] is False
    assert await mem.closed_with() == 4503
    left = await fac.expect("presence", left=[mid])
    assert left["left"] == [mid]

    again = await Client.connect(hearth.ws_url, account)
    await again.join(room)
    await fac.request({"type": "mod", "room": room, "action": "ban", "member": mid})
    assert (await again.expect("kicked"))["banned"] is True
    assert await again.closed_with() == 4503
    third = await Client.connect(hearth.ws_url, account)
    refused = await third.request({"type": "join", "room": room, "name": "Brand New Name"})
    assert refused["code"] == "banned"
    await fac.request({"type": "mod", "room": room, "action": "unban", "member": mid})
    assert (await third.join(room))["me"]["id"] == mid


async def test_pause_resume_and_slow_mode(hearth: HearthServer) -> None:
    room, fac, mem, _ = await _room_with(hearth)
    await fac.request({"type": "mod", "room": room, "action": "pause"})
    state = await mem.expect("state", phase="paused")
    assert state["room"] == room
    assert (await mem.request({"type": "send", "room": room, "text": "hello?"}))["code"] == "paused"
    assert (await fac.request({"type": "send", "room": room, "text": "one moment"}))["status"] == "delivered"
    await fac.request({"type": "mod", "room": room, "action": "resume"})
    await mem.expect("state", phase="open")
    await fac.request({"type": "mod", "room": room, "action": "slow", "seconds": 30})
    assert (await mem.expect("state", slow=30))["phase"] == "open"
    assert (await mem.request({"type": "send", "room": room, "text": "first"}))["status"] == "delivered"
    second = await mem.request({"type": "send", "room": room, "text": "second"})
    assert second["code"] == "slow_mode" and 25_000 < second["retry_after"] <= 30_000
    for text in ("facilitators are exempt", "from slow mode"):
        assert (await fac.request({"type": "send", "room": room, "text": text}))["status"] == "delivered"


async def test_removed_message_is_gone_from_join_and_resume(hearth: HearthServer) -> None:
    room = hearth.create_room(history="all")
    fac = await Client.connect(hearth.ws_url, hearth.token(role="facilitator"))
    await fac.join(room)
    account = hearth.token()
    mem = await Client.connect(hearth.ws_url, account)
    joined = await mem.join(room)
    seqs = [(await fac.request({"type": "send", "room": room, "text": f"m{i}"}))["seq"] for i in range(3)]
    await mem.collect("msg", 3)
    await fac.request({"type": "mod", "room": room, "action": "remove", "seq": seqs[1]})
    assert (await mem.expect("removed"))["seq"] == seqs[1]
    await mem.close()
    late = await Client.connect(hearth.ws_url, hearth.token())
    assert [m["seq"] for m in (await late.join(room))["history"]] == [seqs[0], seqs[2]]
    back = await Client.connect(hearth.ws_url, account)
    resumed = await back.join(room, since=joined["seq"], epoch=joined["epoch"])
    assert [m["seq"] for m in resumed["history"]] == [seqs[0], seqs[2]] and resumed["complete"] is True


async def test_pin_is_sanitized_and_unpin(hearth: HearthServer) -> None:
    room, fac, mem, _ = await _room_with(hearth)
    await fac.request({"type": "mod", "room": room, "action": "pin",
                       "text": "<b>Breathe</b><script>alert(1)</script><a href='javascript:x'>x</a>"})
    state = await mem.expect("state")
    assert "<b>Breathe</b>" in state["pinned"] and "<script" not in state["pinned"]
    assert "javascript:" not in state["pinned"]
    await fac.request({"type": "mod", "room": room, "action": "unpin"})
    assert (await mem.expect("state"))["pinned"] is None


async def test_full_round_with_hands_floor_and_pass(hearth: HearthServer) -> None:
    room = hearth.create_room()
    fac = await Client.connect(hearth.ws_url, hearth.token(role="facilitator"))
    await fac.join(room)
    members = []
    for _ in range(3):
        c = await Client.connect(hearth.ws_url, hearth.token())
        members.append((c, (await c.join(room))["me"]["id"]))
    await fac.request({"type": "mod", "room": room, "action": "round", "on": True})
    await fac.expect("state", phase="round")
    for c, _ in members:
        assert (await c.request({"type": "hand", "room": room, "up": True}))["type"] == "ok"
    ids = [mid for _, mid in members]
    await fac.wait(lambda f: f.get("type") == "state" and f.get("queue") == ids, 5, "queue of three")
    first, second, third = members
    await fac.request({"type": "mod", "room": room, "action": "floor", "member": first[1]})
    state = await fac.expect("state", floor=first[1])
    assert state["queue"] == [second[1], third[1]]
    assert (await first[0].request({"type": "send", "room": room, "text": "my share"}))["status"] == "delivered"
    refused = await second[0].request({"type": "send", "room": room, "text": "me too"})
    assert refused["code"] == "not_your_turn"
    assert (await second[0].request({"type": "react", "room": room, "seq": 1, "emoji": "heart"}))["type"] == "ok"
    assert (await third[0].request({"type": "hand", "room": room, "pass": True}))["code"] == "not_your_turn"
    await first[0].request({"type": "hand", "room": room, "pass": True})
    await fac.expect("state", floor=second[1], queue=[third[1]])
    assert (await second[0].request({"type": "send", "room": room, "text": "thanks"}))["status"] == "delivered"
    await second[0].request({"type": "hand", "room": room, "pass": True})
    await fac.expect("state", floor=third[1], queue=[])
    await third[0].request({"type": "hand", "room": room, "pass": True})
    await fac.expect("state", floor=None, queue=[])
    await fac.request({"type": "mod", "room": room, "action": "round", "on": False})
    await fac.expect("state", phase="open")
    assert (await third[0].request({"type": "send", "room": room, "text": "open again"}))["status"] == "delivered"


async def test_report_reaches_facilitators_anonymously_with_context(hearth: HearthServer) -> None:
    room, fac, mem, joined = await _room_with(hearth)
    other = await Client.connect(hearth.ws_url, hearth.token())
    reporter_id = (await other.join(room))["me"]["id"]
    seqs = [(await mem.request({"type": "send", "room": room, "text": f"line {i}"}))["seq"] for i in range(5)]
    assert (await other.request({"type": "report", "room": room, "seq": seqs[-1], "reason": "unkind"}))["type"] == "ok"
    report = await fac.expect("report")
    assert report["seq"] == seqs[-1] and report["reason"] == "unkind"
    assert [m["seq"] for m in report["context"]] == seqs[-4:]
    assert reporter_id not in str(report)
    await mem.nothing("report")


async def test_end_session_purges_history_and_changes_epoch(hearth: HearthServer) -> None:
    room = hearth.create_room(history="all")
    fac = await Client.connect(hearth.ws_url, hearth.token(role="facilitator"))
    first = await fac.join(room)
    mem = await Client.connect(hearth.ws_url, hearth.token())
    await mem.join(room)
    await mem.request({"type": "send", "room": room, "text": "something personal"})
    ok = await fac.request({"type": "mod", "room": room, "action": "end"})
    assert ok["epoch"] != first["epoch"]
    kicked = await mem.expect("kicked")
    assert kicked.get("ended") is True and "Thank you" in kicked["reason"]
    assert await mem.closed_with() == 4503
    fresh = await Client.connect(hearth.ws_url, hearth.token())
    rejoin = await fresh.join(room)
    assert rejoin["history"] == [] and rejoin["epoch"] == ok["epoch"]
    resumed = await fac.request({"type": "join", "room": room, "since": 1, "epoch": first["epoch"]})
    assert resumed["complete"] is False and resumed["history"] == []


async def test_needs_facilitator_pauses_until_one_arrives(hearth: HearthServer) -> None:
    room = hearth.create_room(needs_facilitator=True)
    mem = await Client.connect(hearth.ws_url, hearth.token())
    joined = await mem.join(room)
    assert joined["state"]["phase"] == "paused"
    assert (await mem.request({"type": "send", "room": room, "text": "anyone?"}))["code"] == "paused"
    fac = await Client.connect(hearth.ws_url, hearth.token(role="facilitator"))
    await fac.join(room)
    await mem.expect("state", phase="open")
    await fac.close()
    await mem.expect("state", phase="paused")


async def test_audit_trail_has_actions_without_text(hearth: HearthServer) -> None:
    room, fac, mem, joined = await _room_with(hearth)
    mid = joined["me"]["id"]
    await mem.request({"type": "send", "room": room, "text": "a private sentence"})
    await fac.request({"type": "mod", "room": room, "action": "mute", "member": mid, "seconds": 5, "reason": "pace"})
    await fac.request({"type": "mod", "room": room, "action": "remove", "seq": 1})
    audit = await fac.request({"type": "mod", "room": room, "action": "audit"})
    kinds = [e["kind"] for e in audit["entries"]]
    assert kinds[-2:] == ["mute", "remove"]
    assert audit["entries"][-2]["member"] == mid and audit["entries"][-2]["reason"] == "pace"
    assert "a private sentence" not in str(audit)


async def test_a_facilitator_arriving_later_learns_who_is_muted(hearth: HearthServer) -> None:
    room, fac, mem, joined = await _room_with(hearth)
    mid = joined["me"]["id"]
    await fac.request({"type": "mod", "room": room, "action": "mute", "member": mid, "seconds": 300})
    second = await Client.connect(hearth.ws_url, hearth.token(role="facilitator"))
    await second.join(room)
    sanction = await second.expect("sanction", member=mid)
    assert sanction["what"] == "muted" and sanction["until"] > 0


async def test_reports_and_alerts_stay_open_until_dismissed(hearth: HearthServer) -> None:
    room, fac, mem, joined = await _room_with(hearth)
    seq = (await mem.request({"type": "send", "room": room, "text": "something unkind here"}))["seq"]
    other = await Client.connect(hearth.ws_url, hearth.token())
    await other.join(room)
    await other.request({"type": "report", "room": room, "seq": seq, "reason": "hurtful"})
    report = await fac.expect("report")
    assert report["item"].startswith("a_")
    # A facilitator who reloads (or arrives later) still sees it.
    again = await Client.connect(hearth.ws_url, hearth.token(role="facilitator"))
    await again.join(room)
    assert (await again.expect("report"))["item"] == report["item"]
    ok = await again.request({"type": "mod", "room": room, "action": "dismiss", "item": report["item"]})
    assert ok["type"] == "ok"
    assert (await fac.expect("dismissed"))["item"] == report["item"]
    gone = await again.request({"type": "mod", "room": room, "action": "dismiss", "item": report["item"]})
    assert gone["code"] == "not_found"
    # Removing a reported message closes its report.
    await other.request({"type": "report", "room": room, "seq": seq})
    second = await fac.expect("report")
    await fac.request({"type": "mod", "room": room, "action": "remove", "seq": seq})
    assert (await fac.expect("dismissed"))["item"] == second["item"]
    third = await Client.connect(hearth.ws_url, hearth.token(role="facilitator"))
    await third.join(room)
    await third.nothing("report", within=0.3)
