"""Room health for operators: aggregates only — counts, ages, shares — computed so that no
message text and no member identity can appear in the result, by construction."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rooms.model import Role
from rooms.ports import Store

WINDOW = 200  # recent messages considered for rates and balance


async def room_health(store: Store, room: str, now_ms: int) -> dict[str, Any]:
    config = await store.get_room(room)
    present = await store.presence(room)
    page = await store.history(room, 0, WINDOW)
    state = await store.get_state(room)
    held = await store.list_held(room)
    recent = [m for m in page.messages if now_ms - m.ts <= 60_000]
    senders = Counter(m.sender.id for m in page.messages if m.sender.role is not Role.FACILITATOR)
    total = sum(senders.values())
    alerts = [a for a in await store.list_attention(room) if a.get("type") == "alert"]
    crisis_ts = [h.ts for h in held if h.crisis] + [int(a.get("ts", now_ms)) for a in alerts]
    audit = await store.audit_log(room, 200)
    waits = [int(e["waited_ms"]) for e in audit if e.get("crisis") and "waited_ms" in e]
    return {
        "id": room,
        "title": config.title if config else "",
        "capacity": config.capacity if config else 0,
        "online": sum(1 for m in present if m.role is not Role.FACILITATOR),
        "facilitators": sum(1 for m in present if m.role is Role.FACILITATOR),
        "facilitator_present": any(m.role is Role.FACILITATOR for m in present),
        "phase": state.phase.value,
        "messages": page.latest,
        "messages_per_minute": len(recent),
        "held": len(held),
        "held_oldest_s": round((now_ms - min(h.ts for h in held)) / 1000, 1) if held else None,
        "crisis_open": len(crisis_ts),
        "crisis_oldest_s": round((now_ms - min(crisis_ts)) / 1000, 1) if crisis_ts else None,
        "crisis_ack_s": round(sum(waits) / len(waits) / 1000, 1) if waits else None,
        "speakers": len(senders),
        "top_share": round(max(senders.values()) / total, 2) if total else None,
    }
