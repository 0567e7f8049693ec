"""What facilitators do to a room (the `mod` actions), plus the share queue (`hand`) and
member reports. Everything shared lives in the store, so it holds across nodes."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from rooms import events
from rooms.errors import RoomError
from rooms.model import Held, Member, Mute, Phase, Role, RoomConfig, RoomState, attention_id
from rooms.safety import sanitize_rich

if TYPE_CHECKING:
    from rooms.service import RoomService


MAX_MUTE = 7 * 86400
MAX_SLOW = 3600
MAX_REASON = 500
END_NOTICE = "This session has ended. Thank you for being here and for what you shared. Take good care of yourself."


def _member_arg(args: dict[str, Any]) -> str:
    member = args.get("member")
    if not isinstance(member, str) or not member.startswith("m_") or len(member) > 64:
        raise RoomError("invalid", "'member' must be a member id")
    return member


def _reason(args: dict[str, Any]) -> str:
    reason = args.get("reason", "")
    if reason is None:
        return ""
    if not isinstance(reason, str) or len(reason) > MAX_REASON:
        raise RoomError("invalid", f"'reason' must be text of at most {MAX_REASON} characters")
    return reason


def _int_arg(args: dict[str, Any], name: str, low: int, high: int, default: int | None = None) -> int:
    value = args.get(name, default)
    if type(value) is not int or not low <= value <= high:
        raise RoomError("invalid", f"'{name}' must be a whole number from {low} to {high}")
    return value


class Facilitation:
    def __init__(self, service: RoomService) -> None:
        self.s = service

    # -- state changes, retried on concurrent updates -------------------------------------------
    async def change_state(self, room: str, change: Callable[[RoomState], RoomState | None]) -> RoomState:
        """Read, change, compare-and-set; broadcast the new `state`. `change` may return
        None for "nothing to do"."""
        store = self.s.store
        for _ in range(20):
            current = await store.get_state(room)
            new = change(current)
            if new is None:
                return current
            if await store.cas_state(room, current.version, new):
                config = await self.s._config(room)
                state = dataclasses.replace(new, version=current.version + 1)
                await self.s.fanout.publish(events.to_room(room, state_frame(room, state, config)))
                return state
        raise RoomError("unavailable", "the room is busy; try again", 200)

    # -- mod actions ----------------------------------------------------------------------------
    async def act(self, actor: Member, room: str, action: str, args: dict[str, Any]) -> dict[str, Any]:
        config = await self.s._config(room)
        handler: Callable[[Member, RoomConfig, dict[str, Any]], Awaitable[dict[str, Any]]] | None = getattr(
            self, "_" + action, None
        )
        if handler is None:
            raise RoomError("invalid", f"unknown action {action!r}")
        result = await handler(actor, config, args)
        extra = result.pop("_audit", {})
        if action != "audit":
            entry = {"ts": self.s._clock(), "kind": action, "by": actor.id, **extra}
            entry.update({k: v for k, v in args.items() if k in ("member", "seconds", "seq", "held", "on")})
            if "reason" in args and isinstance(args["reason"], str):
                entry["reason"] = args["reason"][:MAX_REASON]
            await self.s.store.audit(room, entry)
        return result

    async def _mute(self, actor: Member, config: RoomConfig, args: dict[str, Any]) -> dict[str, Any]:
        member = _member_arg(args)
        # Without `seconds` a mute lasts until unmuted, at most MAX_MUTE: `until` stays a time,
        # since `until: null` means "unmuted" on the wire.
        seconds = _int_arg(args, "seconds", 1, MAX_MUTE) if args.get("seconds") is not None else MAX_MUTE
        until = self.s._clock() + seconds * 1000
        reason = _reason(args)
        await self.s.store.set_mute(config.id, member, Mute(until=until, reason=reason))
        frame: dict[str, Any] = {"type": "muted", "room": config.id, "until": until, "reason": reason,
                                 "muted": True, "open_ended": args.get("seconds") is None}
        await self.s.fanout.publish(events.to_member(config.id, member, frame))
        await self._sanction_notice(config.id, member, "muted", until, frame["open_ended"])
        return {}

    async def _unmute(self, actor: Member, config: RoomConfig, args: dict[str, Any]) -> dict[str, Any]:
        member = _member_arg(args)
        await self.s.store.set_mute(config.id, member, None)
        await self.s.fanout.publish(events.to_member(config.id, member, {"type": "muted", "room": config.id,
                                                                          "until": None, "muted": False}))
        await self._sanction_notice(config.id, member, "unmuted", None)
        return {}

    async def _sanction_notice(self, room: str, member: str, what: str, until: int | None,
                               open_ended: bool = False) -> None:
        """Tell the room's facilitators (on every node) so their member lists agree."""
        await self.s.fanout.publish(events.to_facilitators(room, {
            "type": "sanction", "room": room, "member": member, "what": what, "until": until,
            "open_ended": open_ended}))

    async def _kick(self, actor: Member, config: RoomConfig, args: dict[str, Any], banned: bool = False
                    ) -> dict[str, Any]:
        member = _member_arg(args)
        reason = _reason(args) or ("You have been removed from this room." if not banned else
                                   "You can no longer take part in this room.")
        frame = {"type": "kicked", "room": config.id, "reason": reason, "banned": banned}
        await self.s.fanout.publish(events.to_member(config.id, member, frame))
        return {}

    async def _ban(self, actor: Member, config: RoomConfig, args: dict[str, Any]) -> dict[str, Any]:
        member = _member_arg(args)
        await self.s.store.set_ban(config.id, member, _reason(args) or "banned")
        await self._sanction_notice(config.id, member, "banned", None)
        return await self._kick(actor, config, args, banned=True)

    async def _unban(self, actor: Member, config: RoomConfig, args: dict[str, Any]) -> dict[str, Any]:
        member = _member_arg(args)
        await self.s.store.set_ban(config.id, member, None)
        await self._sanction_notice(config.id, member, "unbanned", None)
        return {}

    async def _pause(self, actor: Member, config: RoomConfig, args: dict[str, Any]) -> dict[str, Any]:
        await self.change_state(config.id, lambda st: dataclasses.replace(st, phase=Phase.PAUSED))
        return {}

    async def _resume(self, actor: Member, config: RoomConfig, args: dict[str, Any]) -> dict[str, Any]:
        await self.change_state(config.id, lambda st: dataclasses.replace(
            st, phase=Phase.ROUND if st.floor or st.queue else Phase.OPEN) if st.phase is Phase.PAUSED else None)
        return {}

    async def _slow(self, actor: Member, config: RoomConfig, args: dict[str, Any]) -> dict[str, Any]:
        seconds = _int_arg(args, "seconds", 0, MAX_SLOW)
        await self.change_state(config.id, lambda st: dataclasses.replace(st, slow=seconds))
        return {}

    async def _remove(self, actor: Member, config: RoomConfig, args: dict[str, Any]) -> dict[str, Any]:
        seq = _int_arg(args, "seq", 1, 2**53)
        if not await self.s.store.remove_message(config.id, seq):
            raise RoomError("not_found", "no such message")
        await self.s.fanout.publish(events.to_room(config.id, {"type": "removed", "room": config.id, "seq": seq}))
        for item in await self.s.store.list_attention(config.id):
            if item.get("type") == "report" and item.get("seq") == seq:
                await self._close_item(config.id, str(item["item"]))
        return {}

    async def _close_item(self, room: str, item_id: str) -> dict[str, Any] | None:
        item = await self.s.store.take_attention(room, item_id)
        if item is not None:
            await self.s.fanout.publish(events.to_facilitators(room, {
                "type": "dismissed", "room": room, "item": item_id}))
        return item

    async def _dismiss(self, actor: Member, config: RoomConfig, args: dict[str, Any]) -> dict[str, Any]:
        """Close an alert or report: someone has looked at it (and checked in)."""
        item_id = args.get("item")
        if not isinstance(item_id, str) or not item_id or len(item_id) > 64:
            raise RoomError("invalid", "'item' must be an alert or report id")
        item = await self._close_item(config.id, item_id)
        if item is None:
            raise RoomError("not_found", "that item is no longer open")
        audit: dict[str, Any] = {"item": item_id, "of": item.get("type")}
        if item.get("type") == "alert":
            audit.update(member=item.get("from", {}).get("id"), crisis="ideation",
                         waited_ms=self.s._clock() - int(item.get("ts", 0)))
        return {"_audit": audit}

    def _held_arg(self, args: dict[str, Any]) -> str:
        held = args.get("held")
        if not isinstance(held, str) or not held or len(held) > 64:
            raise RoomError("invalid", "'held' must be a held message id")
        return held

    async def _approve(self, actor: Member, config: RoomConfig, args: dict[str, Any]) -> dict[str, Any]:
        held = await self.s.store.take_held(config.id, self._held_arg(args))
        if held is None:
            raise RoomError("not_found", "that message is no longer waiting")
        message = await self.s.store.publish_held(config.id, held, config.retain_messages)
        await self.s.fanout.publish(events.to_facilitators(config.id, {
            "type": "resolved", "room": config.id, "held": held.id, "outcome": "approved", "seq": message.seq,
        }, also=held.sender.id))
        return {"seq": message.seq, "_audit": self._waited(held)}

    def _waited(self, held: Held) -> dict[str, Any]:
        return {"member": held.sender.id, "crisis": held.crisis, "waited_ms": self.s._clock() - held.ts}

    async def _reject(self, actor: Member, config: RoomConfig, args: dict[str, Any]) -> dict[str, Any]:
        held = await self.s.store.take_held(config.id, self._held_arg(args))
        if held is None:
            raise RoomError("not_found", "that message is no longer waiting")
        frame: dict[str, Any] = {"type": "resolved", "room": config.id, "held": held.id, "outcome": "rejected"}
        reason = _reason(args)
        if reason:
            frame["reason"] = reason
        await self.s.fanout.publish(events.to_facilitators(config.id, frame, also=held.sender.id))
        return {"_audit": self._waited(held)}

    async def _pin(self, actor: Member, config: RoomConfig, args: dict[str, Any]) -> dict[str, Any]:
        text = args.get("text")
        if not isinstance(text, str) or not text.strip() or len(text) > 2000:
            raise RoomError("invalid", "'text' must be 1-2000 characters")
        pinned = sanitize_rich(text)
        await self.change_state(config.id, lambda st: dataclasses.replace(st, pinned=pinned))
        return {}

    async def _unpin(self, actor: Member, config: RoomConfig, args: dict[str, Any]) -> dict[str, Any]:
        await self.change_state(config.id, lambda st: dataclasses.replace(st, pinned=None))
        return {}

    async def _round(self, actor: Member, config: RoomConfig, args: dict[str, Any]) -> dict[str, Any]:
        on = args.get("on")
        if not isinstance(on, bool):
            raise RoomError("invalid", "'on' must be true or false")
        if on:
            await self.change_state(config.id, lambda st: dataclasses.replace(st, phase=Phase.ROUND))
        else:
            await self.change_state(config.id, lambda st: dataclasses.replace(
                st, phase=Phase.OPEN, floor=None, queue=()))
        return {}

    async def _floor(self, actor: Member, config: RoomConfig, args: dict[str, Any]) -> dict[str, Any]:
        member = args.get("member")
        if member is not None:
            member = _member_arg(args)
            present = {m.id for m in await self.s.store.presence(config.id)}
            if member not in present:
                raise RoomError("not_found", "that member is not here")
        await self.change_state(config.id, lambda st: dataclasses.replace(
            st, floor=member, queue=tuple(q for q in st.queue if q != member),
            phase=Phase.ROUND if st.phase is Phase.OPEN else st.phase))
        return {}

    async def _end(self, actor: Member, config: RoomConfig, args: dict[str, Any]) -> dict[str, Any]:
        room = config.id
        await self.s.fanout.publish(events.to_members(room, {
            "type": "kicked", "room": room, "reason": END_NOTICE, "banned": False, "ended": True}))
        epoch = await self.s.store.purge(room)
        state = await self.s.store.get_state(room)
        await self.s.fanout.publish(events.to_room(room, state_frame(room, state, config)))
        return {"epoch": epoch}

    async def _audit(self, actor: Member, config: RoomConfig, args: dict[str, Any]) -> dict[str, Any]:
        limit = _int_arg(args, "limit", 1, 1000, default=100)
        return {"entries": await self.s.store.audit_log(config.id, limit)}

    # -- members: hand and report -----------------------------------------------------------------
    async def hand(self, member: Member, room: str, up: bool, pass_: bool) -> None:
        def change(st: RoomState) -> RoomState | None:
            queue = [q for q in st.queue if q != member.id]
            floor = st.floor
            if up and not pass_ and floor != member.id:
                queue.append(member.id)
            if pass_ and floor == member.id:
                floor = queue.pop(0) if queue else None
            new = dataclasses.replace(st, queue=tuple(queue), floor=floor)
            return None if (new.queue, new.floor) == (st.queue, st.floor) else new

        if pass_:
            state = await self.s.store.get_state(room)
            if state.floor != member.id:
                raise RoomError("not_your_turn", "you don't hold the floor")
        await self.change_state(room, change)

    async def report(self, member: Member, room: str, seq: int, reason: str) -> None:
        context = await self.s.store.context(room, seq, 3)
        if not context:
            raise RoomError("not_found", "no such message")
        now = self.s._clock()
        item = attention_id(now)
        frame = {"type": "report", "room": room, "seq": seq, "reason": reason[:MAX_REASON],
                 "context": [m.wire(room) for m in context], "ts": now, "item": item}
        # The reporter stays anonymous: no id of theirs goes out, not even to facilitators.
        await self.s.store.add_attention(room, item, frame)
        await self.s.fanout.publish(events.to_facilitators(room, frame))
        await self.s.store.audit(room, {"ts": self.s._clock(), "kind": "report", "seq": seq})

    async def presence_changed(self, config: RoomConfig) -> None:
        """Rooms that need a facilitator pause while none is here and open when one comes."""
        if not config.needs_facilitator:
            return
        present = await self.s.store.presence(config.id)
        has = any(m.role is Role.FACILITATOR for m in present)
        if has:
            await self.change_state(config.id, lambda st: dataclasses.replace(
                st, phase=Phase.ROUND if st.floor else Phase.OPEN) if st.phase is Phase.PAUSED else None)
        else:
            await self.change_state(config.id, lambda st: dataclasses.replace(
                st, phase=Phase.PAUSED) if st.phase is not Phase.PAUSED else None)


def state_frame(room: str, state: RoomState, config: RoomConfig) -> dict[str, Any]:
    return {"type": "state", "room": room, **state.wire(config)}
