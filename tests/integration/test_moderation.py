"""Moderation through a real server: who sees what when the pipeline acts."""

from __future__ import annotations

from typing import Any

from tests.support.client import Client
from tests.support.servers import HearthServer, mint


async def _room(hearth: HearthServer, **config: Any) -> tuple[str, Client, Client, Client, dict[str, Any]]:
    room = hearth.create_room(**config)
    fac = await Client.connect(hearth.ws_url, hearth.token(role="facilitator"))
    await fac.join(room)
    author = await Client.connect(hearth.ws_url, hearth.token())
    me = (await author.join(room))["me"]
    other = await Client.connect(hearth.ws_url, hearth.token(), "msgpack")
    await other.join(room)
    return room, fac, author, other, me


async def test_redaction_is_seen_by_others_and_explained_privately(hearth: HearthServer) -> None:
    room, fac, author, other, _ = await _room(hearth)
    ack = await author.request({"type": "send", "room": room,
                                "text": "you can reach me at jane.doe@example.com or 555-123-4567 anytime"})
    assert ack["status"] == "redacted"
    assert "jane.doe@example.com" not in ack["text"] and "555-123-4567" not in ack["text"]
    assert "[email removed]" in ack["text"] and "anytime" in ack["text"]
    delivered = await other.expect("msg")
    assert delivered["text"] == ack["text"] and delivered["seq"] == ack["seq"]
    notice = await author.expect("notice")
    assert notice["level"] == "info" and "anonymous" in notice["text"]
    await other.nothing("notice")


async def test_crisis_plan_is_held_resources_shown_facilitator_alerted(hearth: HearthServer) -> None:
    room, fac, author, other, me = await _room(hearth)
    text = "I've been saving up my pills and I'm going to take them all tonight"
    ack = await author.request({"type": "send", "room": room, "text": text})
    assert ack["status"] == "held" and "seq" not in ack and ack["held"].startswith("h_")
    notice = await author.expect("notice", level="crisis")
    assert any("988" in r["contact"] for r in notice["resources"])
    held = await fac.expect("held")
    assert held["crisis"] is True and held["text"] == text and held["from"]["id"] == me["id"]
    alert = await fac.expect("alert", kind="crisis")
    assert alert["held"] == held["held"] and alert["from"]["id"] == me["id"]
    # The facilitator sees the level and the words that weighed most, never a bare score.
    assert held["level"] == alert["level"] == "plan"
    assert alert["why"] and set(alert["why"]) <= set(text.lower().replace(",", " ").replace("'", "").split())
    # Never broadcast: the other member sees no msg, no held, no alert, no notice.
    ping = await other.request({"type": "ping"})
    assert ping["type"] == "pong"
    for kind in ("msg", "held", "alert", "notice"):
        await other.nothing(kind, within=0.2)
    # A facilitator may approve it (after checking in); then it takes the next seq.
    ok = await fac.request({"type": "mod", "room": room, "action": "approve", "held": held["held"]})
    resolved = await author.expect("resolved")
    assert resolved["outcome"] == "approved" and resolved["held"] == held["held"]
    assert (await other.expect("msg"))["seq"] == ok["seq"]


async def test_ideation_is_delivered_with_a_private_alert_by_default(hearth: HearthServer) -> None:
    room, fac, author, other, me = await _room(hearth)
    ack = await author.request({"type": "send", "room": room,
                                "text": "honestly I don't want to be here anymore"})
    assert ack["status"] == "delivered"
    alert = await fac.expect("alert", kind="crisis")
    assert alert["seq"] == ack["seq"] and alert["from"]["id"] == me["id"]
    assert alert["level"] == "ideation" and isinstance(alert["why"], list)
    assert (await author.expect("notice", level="crisis"))["resources"]
    await other.expect("msg", seq=ack["seq"])
    await other.nothing("alert", within=0.2)


async def test_room_language_and_detection_reach_the_console(hearth: HearthServer) -> None:
    room = hearth.create_room(moderation={"language": "es"})
    fac = await Client.connect(hearth.ws_url, hearth.token(role="facilitator"))
    joined = await fac.join(room)
    assert joined["state"]["language"] == "es" and joined["state"]["detection"] == "full"
    author = await Client.connect(hearth.ws_url, hearth.token())
    await author.join(room)
    ack = await author.request({"type": "send", "room": room,
                                "text": "ya no puedo más, esta noche me tomo todas las pastillas que guardé"})
    assert ack["status"] == "held"
    assert (await fac.expect("alert", kind="crisis"))["level"] == "plan"
    limited = hearth.create_room(moderation={"language": "it"})
    assert (await fac.join(limited))["state"]["detection"] == "limited"


async def test_a_possible_crisis_is_only_a_quiet_hint_to_facilitators(hearth: HearthServer) -> None:
    room, fac, author, other, me = await _room(hearth)
    # The shipped model is unsure about this one (docs/moderation.md, level "possible"; after a
    # retrain pick another such text with `crisis.assess`): it is
    # delivered as written, the author gets nothing, facilitators get a quiet hint.
    ack = await author.request({"type": "send", "room": room,
                                "text": "i don't know how much more of this i can take"})
    assert ack["status"] == "delivered"
    await other.expect("msg", seq=ack["seq"])
    hint = await fac.expect("alert", kind="hint")
    assert hint["level"] == "possible" and hint["seq"] == ack["seq"] and hint["from"]["id"] == me["id"]
    assert hint["why"] and "item" not in hint
    await author.nothing("notice", within=0.2)
    await other.nothing("alert", within=0.2)


async def test_a_room_can_hold_ideation_and_reject_tells_the_sender(hearth: HearthServer) -> None:
    room, fac, author, other, _ = await _room(hearth, moderation={"crisis_hold_ideation": True})
    ack = await author.request({"type": "send", "room": room, "text": "I wish I could just disappear forever"})
    assert ack["status"] == "held"
    held = await fac.expect("held")
    await fac.request({"type": "mod", "room": room, "action": "reject", "held": held["held"],
                       "reason": "I'll message you privately"})
    resolved = await author.expect("resolved")
    assert resolved["outcome"] == "rejected" and resolved["reason"] == "I'll message you privately"
    await other.nothing("msg", within=0.2)


async def test_idioms_are_not_crises(hearth: HearthServer) -> None:
    room, fac, author, _, _ = await _room(hearth)
    for text in ("this exam is killing me", "I could kill for a coffee", "I died laughing at that"):
        ack = await author.request({"type": "send", "room": room, "text": text})
        assert ack["status"] == "delivered", (text, ack)
    await fac.nothing("alert", within=0.2)


async def test_facilitators_are_exempt_but_audited(hearth: HearthServer) -> None:
    room, fac, author, other, _ = await _room(hearth)
    text = "If you need to talk tonight call the line at 1-800-273-8255 or email help@example.org"
    ack = await fac.request({"type": "send", "room": room, "text": text})
    assert ack["status"] == "delivered"
    assert (await other.expect("msg"))["text"] == text
    audit = await fac.request({"type": "mod", "room": room, "action": "audit"})
    assert text not in str(audit) and "1-800-273-8255" not in str(audit)


async def test_identifying_pseudonym_is_refused_at_join(hearth: HearthServer) -> None:
    room = hearth.create_room()
    c = await Client.connect(hearth.ws_url, hearth.token())
    refused = await c.request({"type": "join", "room": room, "name": "Sarah Kowalski"})
    assert refused["type"] == "error" and refused["code"] == "invalid"
    refused = await c.request({"type": "join", "room": room, "name": "jane@example.com"})
    assert refused["code"] == "invalid"
    assert (await c.join(room, name="Quiet Heron"))["me"]["name"] == "Quiet Heron"


async def test_moderation_audit_keeps_verdicts_without_text(hearth: HearthServer) -> None:
    room, fac, author, _, me = await _room(hearth)
    await author.request({"type": "send", "room": room, "text": "my number is 555 867 5309 call me"})
    audit = await fac.request({"type": "mod", "room": room, "action": "audit"})
    entry = next(e for e in audit["entries"] if e["kind"] == "moderation")
    assert entry["member"] == me["id"] and entry["outcome"] == "redact"
    assert any(r["code"] == "phone" for r in entry["reasons"]) and entry["version"]
    assert "867" not in str(audit)


async def test_duplicate_and_flood_limits(hearth: HearthServer) -> None:
    room, _, author, _, _ = await _room(hearth)
    assert (await author.request({"type": "send", "room": room, "text": "same words"}))["status"] == "delivered"
    dup = await author.request({"type": "send", "room": room, "text": "Same   words"})
    assert dup["code"] == "invalid"
    codes = [(await author.request({"type": "send", "room": room, "text": f"quick {i}"})).get("code")
             for i in range(8)]
    assert "rate_limited" in codes
    limited = next(c for c in codes if c)
    assert limited == "rate_limited"


async def test_late_facilitator_sees_waiting_items_and_approval_keeps_redaction(
    hearth: HearthServer,
) -> None:
    room = hearth.create_room()
    author = await Client.connect(hearth.ws_url, hearth.token())
    await author.join(room)
    other = await Client.connect(hearth.ws_url, hearth.token())
    await other.join(room)
    text = "I bought a rope and I'm going to use it tonight, my number is 555-201-7788"
    ack = await author.request({"type": "send", "room": room, "text": text})
    assert ack["status"] == "held"
    fac = await Client.connect(hearth.ws_url, hearth.token(role="facilitator"))
    await fac.join(room)
    held = await fac.expect("held", held=ack["held"])
    assert held["crisis"] is True and "555-201-7788" not in held["text"]
    await fac.request({"type": "mod", "room": room, "action": "approve", "held": ack["held"]})
    delivered = await other.expect("msg")
    assert "555-201-7788" not in delivered["text"] and "[phone removed]" in delivered["text"]


async def test_an_ideation_alert_waits_for_a_facilitator_and_counts_for_operators(hearth: HearthServer) -> None:
    room, fac, author, _, me = await _room(hearth)
    await author.request({"type": "send", "room": room, "text": "i just want it all to stop, i'm so tired of living"})
    alert = await fac.expect("alert", kind="crisis")
    assert alert["item"].startswith("a_") and alert["seq"] > 0
    status, body = hearth.http("GET", "/api/rooms", token=mint("ops", "operator"))
    health = next(r for r in body["rooms"] if r["id"] == room)
    assert health["crisis_open"] == 1 and health["crisis_ack_s"] is None
    later = await Client.connect(hearth.ws_url, hearth.token(role="facilitator"))
    await later.join(room)
    assert (await later.expect("alert", kind="crisis"))["item"] == alert["item"]
    await later.request({"type": "mod", "room": room, "action": "dismiss", "item": alert["item"]})
    status, body = hearth.http("GET", "/api/rooms", token=mint("ops", "operator"))
    health = next(r for r in body["rooms"] if r["id"] == room)
    assert health["crisis_open"] == 0 and health["crisis_ack_s"] is not None
    audit = await fac.request({"type": "mod", "room": room, "action": "audit"})
    entry = audit["entries"][-1]
    assert entry["kind"] == "dismiss" and entry["member"] == me["id"] and entry["waited_ms"] >= 0
