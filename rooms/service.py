"""RoomService: the domain's use cases. Stateless between calls; all shared state is in
the Store, every frame for others goes out through the Store (messages) or the Fanout."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rooms import events
from rooms.errors import RoomError
from rooms.facilitation import Facilitation
from rooms.identity import Principal, clean_name, member_id, suggest_name
from rooms.model import (
    MAX_TEXT,
    REACTIONS,
    Held,
    HistoryVisibility,
    Member,
    Message,
    Phase,
    Role,
    RoomConfig,
    RoomState,
    attention_id,
)
from rooms.permissions import allowed
from rooms.ports import Counters, Fanout, HistoryPage, Store
from rooms.safety import (
    CRISIS_IDEATION_NOTICE,
    CRISIS_NOTICE,
    Action,
    Safety,
    Verdict,
    audit_entry,
    fingerprint,
    reason_codes,
    redaction_notice,
)

REPLAY_LIMIT = 500
POST_RATE = 1.0  # messages per second, sustained
POST_BURST = 5
DUP_WINDOW = 30  # seconds in which the same text from the same member is refused
RECENT_ON_JOIN = 100


def now_ms() -> int:
    return int(time.time() * 1000)


@dataclass(frozen=True, slots=True)
class Joined:
    member: Member
    config: RoomConfig
    members: list[Member]
    state: RoomState
    seq: int
    epoch: str
    history: list[Message]
    complete: bool
    reactions: dict[int, dict[str, int]]


@dataclass(frozen=True, slots=True)
class Posted:
    status: str  # delivered | redacted | held
    seq: int | None
    text: str | None
    reasons: tuple[str, ...] = ()
    held: str | None = None
    notice: str | None = None  # what the sender is told privately about this message




def _whole(start: int, page: HistoryPage, limit: int) -> bool:
    """Is every message in (start, latest] either in `page` or deliberately removed?"""
    if page.latest <= start:
        return True
    if page.oldest == 0 or page.oldest > start + 1:
        return False
    truncated = len(page.messages) >= limit and page.messages[0].seq > start + 1
    return not truncated


def held_frame(room: str, held: Held) -> dict[str, Any]:
    frame = {"type": "held", "room": room, "held": held.id, "from": held.sender.wire(), "text": held.text,
             "reasons": list(held.reasons), "crisis": held.crisis is not None, "ts": held.ts}
    if held.crisis is not None:
        frame["level"] = held.crisis
        frame["why"] = list(held.why)
    return frame


class RoomService:
    def __init__(
        self,
        store: Store,
        fanout: Fanout,
        secret: bytes,
        counters: Counters,
        clock: Callable[[], int] = now_ms,
    ) -> None:
        self.store = store
        self.fanout = fanout
        self.counters = counters
        self.safety = Safety()
        self.facilitation = Facilitation(self)
        self._secret = secret
        self._clock = clock

    # -- helpers -----------------------------------------------------------------------
    def member_id(self, principal: Principal, room: str) -> str:
        return member_id(self._secret, principal.sub, room)

    def _check(self, principal: Principal, room: str, action: str) -> None:
        if not allowed(principal.role, action, in_scope=principal.may_enter(room)):
            raise RoomError("forbidden", f"you may not {action} in this room")

    async def _config(self, room: str) -> RoomConfig:
        config = await self.store.get_room(room)
        if config is None:
            raise RoomError("not_found", "no such room")
        return config

    async def _pick_name(self, config: RoomConfig, mid: str, requested: str | None) -> str:
        room = config.id
        if requested is not None:
            name = clean_name(requested)
            if name is None:
                raise RoomError("invalid", "a pseudonym is 2-32 letters, digits, spaces or . ' -")
            self.safety.check_name(config, name)
            if not await self.store.claim_name(room, mid, name):
                raise RoomError("invalid", "that pseudonym is taken in this room")
            return name
        existing = await self.store.name_of(room, mid)
        if existing is not None:
            return existing
        for attempt in range(32):
            name = suggest_name(mid, attempt)
            if await self.store.claim_name(room, mid, name):
                return name
        raise RoomError("invalid", "could not find a free pseudonym; please choose one")

    # -- use cases -----------------------------------------------------------------------
    async def card(self, principal: Principal, room: str) -> dict[str, Any]:
        """What a person sees before entering: title, topic, agreement, a suggested name."""
        self._check(principal, room, "join")
        config = await self._config(room)
        mid = self.member_id(principal, room)
        name = await self.store.name_of(room, mid)
        present = await self.store.presence(room)
        return {
            "id": config.id,
            "title": config.title,
            "topic": config.topic,
            "agreement": config.agreement,
            "capacity": config.capacity,
            "history": config.history.value,
            "online": len(present),
            "name": name,
            "suggested_name": name or suggest_name(mid),
            "agreed": await self.store.agreed(room, mid),
        }

    async def join(
        self,
        principal: Principal,
        room: str,
        conn: str,
        *,
        name: str | None = None,
        since: int | None = None,
        epoch: str | None = None,
        agree: bool = False,
    ) -> Joined:
        self._check(principal, room, "join")
        config = await self._config(room)
        mid = self.member_id(principal, room)
        facilitator = principal.role is Role.FACILITATOR
        if await self.store.is_banned(room, mid):
            raise RoomError("banned", "you can no longer take part in this room")
        if config.agreement and not facilitator:
            if agree:
                await self.store.agreed(room, mid, set_=True)
            elif not await self.store.agreed(room, mid):
                raise RoomError("agreement_required", config.agreement)
        present = await self.store.presence(room)
        if not facilitator and all(m.id != mid for m in present):
            seated = sum(1 for m in present if m.role.value != "facilitator")
            if seated >= config.capacity:
                raise RoomError("room_full", "this room is full")
        member = Member(id=mid, name=await self._pick_name(config, mid, name), role=principal.role)

        current_epoch = await self.store.epoch(room)
        page = await self.store.history(room, 0, 0)
        latest = page.latest
        first = await self.store.first_seen(room, mid, latest)
        floor = first if config.history is HistoryVisibility.JOINED else 0
        if since is not None and epoch == current_epoch:
            start = min(max(since, floor), latest)
            page = await self.store.history(room, start, REPLAY_LIMIT)
            complete = _whole(start, page, REPLAY_LIMIT)
        else:
            # A first join, or the history the client knew is gone (the epoch changed).
            page = await self.store.history(room, floor, RECENT_ON_JOIN)
            complete = since is None

        if await self.store.presence_add(room, member, conn):
            await self.fanout.publish(
                events.to_room(
                    room, {"type": "presence", "room": room, "joined": [member.wire()], "left": []},
                    exclude=mid,
                )
            )
            await self.facilitation.presence_changed(config)
        if facilitator:
            # What a facilitator needs on arrival: waiting messages and who is muted.
            for held in await self.store.list_held(room):
                await self.fanout.publish(events.to_member(room, mid, held_frame(room, held)))
            for frame in await self.store.list_attention(room):
                await self.fanout.publish(events.to_member(room, mid, frame))
            for target, muted in (await self.store.list_mutes(room)).items():
                if muted.active(self._clock()):
                    await self.fanout.publish(events.to_member(room, mid, {
                        "type": "sanction", "room": room, "member": target, "what": "muted", "until": muted.until}))
        mute = await self.store.get_mute(room, mid)
        if mute is not None and mute.active(self._clock()):
            await self.fanout.publish(events.to_member(room, mid, {
                "type": "muted", "room": room, "until": mute.until, "reason": mute.reason, "muted": True}))
        members = await self.store.presence(room)
        state = await self.store.get_state(room)
        if page.messages:
            # A message appended while we read is in the replay: the live copy must be skipped.
            latest = max(latest, page.messages[-1].seq)
        return Joined(
            member=member,
            config=config,
            members=members,
            state=state,
            seq=latest,
            epoch=current_epoch,
            history=page.messages,
            complete=complete,
            reactions=await self.store.reaction_counts(room, [m.seq for m in page.messages]),
        )

    async def leave(self, member: Member, room: str, conn: str) -> None:
        gone = await self.store.presence_remove(room, member.id, conn)
        if gone is not None:
            await self.fanout.publish(
                events.to_room(room, {"type": "presence", "room": room, "joined": [], "left": [gone.id]})
            )
            config = await self.store.get_room(room)
            if gone.role is Role.FACILITATOR and config is not None:
                await self.facilitation.presence_changed(config)

    async def moderate(self, principal: Principal, actor: Member | None, room: str, action: str,
                       args: dict[str, Any]) -> dict[str, Any]:
        """A facilitator's `mod` action; everyone else gets `forbidden`."""
        self._check(principal, room, action)
        if actor is None:
            raise RoomError("not_joined", "join the room first")
        return await self.facilitation.act(actor, room, action, args)

    async def hand(self, member: Member, room: str, up: bool, pass_: bool) -> None:
        await self.facilitation.hand(member, room, up, pass_)

    async def report(self, member: Member, room: str, seq: int, reason: str) -> None:
        await self.facilitation.report(member, room, seq, reason)

    async def post(self, member: Member, room: str, text: str, cid: str | None) -> Posted:
        """The path of one message: policy, limits, moderation, then history + fan-out."""
        if len(text) > MAX_TEXT:
            raise RoomError("too_long", f"a message is at most {MAX_TEXT} characters")
        if not text.strip():
            raise RoomError("invalid", "a message needs some text")
        config = await self._config(room)
        facilitator = member.role is Role.FACILITATOR
        now = self._clock()
        if cid is not None:
            seen = await self.store.find_cid(room, member.id, cid)
            if seen is not None:
                return Posted(status="delivered", seq=seen.seq, text=seen.text)
        if not facilitator:
            await self._may_post(member, room, now)
        verdict = self.safety.pipeline(config).check_message(text, exempt=facilitator)
        reasons = tuple(reason_codes(verdict))
        if verdict.action is not Action.ALLOW or any(r.dry_run for r in verdict.reasons):
            outcome = verdict.action.name.lower()
            await self.store.audit(room, audit_entry(member.id, verdict, now, outcome))
        if verdict.action is Action.REJECT:
            raise RoomError("rejected", "this message can't be posted in this room (" + ", ".join(reasons) + ")")
        if verdict.action in (Action.HOLD, Action.ESCALATE):
            return await self._hold(config, member, text, now, cid, verdict, reasons)
        if not facilitator and await self.counters.seen(f"dup:{room}:{member.id}:{fingerprint(text)}", DUP_WINDOW):
            raise RoomError("invalid", "you just sent the same message")
        appended = await self.store.append_message(room, member, verdict.text, now, cid, config.retain_messages)
        message = appended.message
        status = "redacted" if verdict.action is Action.REDACT else "delivered"
        notice = None
        if status == "redacted":
            notice = redaction_notice(verdict)
            await self.fanout.publish(events.to_member(room, member.id, {
                "type": "notice", "room": room, "level": "info", "text": notice, "seq": message.seq}))
        if verdict.crisis and not facilitator:
            await self._crisis_alert(config, member, reasons, verdict, seq=message.seq)
        elif "crisis_possible" in verdict.codes and not facilitator:
            await self._crisis_hint(config, member, verdict, message.seq)
        return Posted(status=status, seq=message.seq, text=message.text, reasons=reasons, notice=notice)

    async def _may_post(self, member: Member, room: str, now: int) -> None:
        state = await self.store.get_state(room)
        if state.phase is Phase.PAUSED:
            raise RoomError("paused", "the facilitator has paused the conversation for a moment")
        if state.phase is Phase.ROUND and state.floor != member.id:
            raise RoomError("not_your_turn", "it's someone else's turn to share; raise your hand to join the queue")
        mute = await self.store.get_mute(room, member.id)
        if mute is not None and mute.active(now):
            retry = None if mute.until is None else mute.until - now
            raise RoomError("muted", mute.reason or "you are muted for now", retry)
        if state.slow > 0:
            wait = await self.counters.gap(f"slow:{room}:{member.id}", state.slow, now)
            if wait:
                raise RoomError("slow_mode", f"slow mode: one message every {state.slow} s", wait)
        wait = await self.counters.take(f"rate:{room}:{member.id}", POST_RATE, POST_BURST, now)
        if wait:
            raise RoomError("rate_limited", "you are sending messages very fast; take a breath", wait)

    async def _hold(self, config: RoomConfig, member: Member, text: str, now: int, cid: str | None,
                    verdict: Verdict, reasons: tuple[str, ...]) -> Posted:
        room = config.id
        # What is delivered if a facilitator approves: with personal details already redacted.
        deliverable = verdict.redacted_text if verdict.redacted_text is not None else text
        held = Held(id="h_" + secrets.token_hex(6), sender=member, text=deliverable, ts=now,
                    reasons=reasons, crisis=verdict.crisis, cid=cid, why=verdict.why if verdict.crisis else ())
        await self.store.hold(room, held)
        frame = held_frame(room, held)
        frame["text"] = text  # facilitators are shown what was written
        await self.fanout.publish(events.to_facilitators(room, frame))
        if verdict.action is Action.ESCALATE or verdict.crisis:
            await self._crisis_alert(config, member, reasons, verdict, held=held.id)
        else:
            await self.fanout.publish(events.to_member(room, member.id, {
                "type": "notice", "room": room, "level": "info", "held": held.id,
                "text": "Your message is waiting for the facilitator to look at it."}))
        return Posted(status="held", seq=None, text=None, reasons=reasons, held=held.id)

    def _alert(self, room: str, member: Member, kind: str, level: str | None, reasons: tuple[str, ...],
               verdict: Verdict) -> dict[str, Any]:
        """An alert for facilitators: the level and why when there is one, and whether only the
        rules-only fallback ran."""
        alert: dict[str, Any] = {"type": "alert", "room": room, "kind": kind, "from": member.wire(),
                                 "reasons": list(reasons), "ts": self._clock()}
        if level is not None:
            alert["level"] = level
            alert["why"] = list(verdict.why)
        if "crisis_model_unavailable" in verdict.codes:
            alert["detection"] = "limited"
        return alert

    async def _crisis_hint(self, config: RoomConfig, member: Member, verdict: Verdict, seq: int) -> None:
        """A quiet, facilitator-only hint: the detector was unsure. Nothing goes to the author."""
        hint = self._alert(config.id, member, "hint", "possible", ("crisis:crisis_possible",), verdict)
        hint["seq"] = seq
        await self.fanout.publish(events.to_facilitators(config.id, hint))

    async def _crisis_alert(self, config: RoomConfig, member: Member, reasons: tuple[str, ...], verdict: Verdict,
                            *, seq: int | None = None, held: str | None = None) -> None:
        room = config.id
        alert = self._alert(room, member, "crisis", verdict.crisis, reasons, verdict)
        if seq is not None:
            alert["seq"] = seq
        if held is not None:
            alert["held"] = held
        else:
            # A delivered message's alert stays open for facilitators until one dismisses it
            # (a held one stays in the held queue instead).
            alert["item"] = attention_id(alert["ts"])
            await self.store.add_attention(room, alert["item"], alert)
        await self.fanout.publish(events.to_facilitators(room, alert))
        await self.fanout.publish(events.to_member(room, member.id, {
            "type": "notice", "room": room, "level": "crisis",
            "text": CRISIS_NOTICE if held else CRISIS_IDEATION_NOTICE,
            "resources": self.safety.resources(config)}))

    async def react(self, member: Member, room: str, seq: int, emoji: str) -> None:
        if emoji not in REACTIONS:
            raise RoomError("invalid", "emoji must be one of " + ", ".join(REACTIONS))
        count = await self.store.react(room, seq, member.id, emoji)
        if count is None:
            raise RoomError("not_found", "no such message")
        await self.fanout.publish(
            events.to_room(room, {"type": "reaction", "room": room, "seq": seq, "emoji": emoji, "count": count})
        )

    async def typing(self, member: Member, room: str) -> None:
        await self.fanout.publish(
            events.to_room(room, {"type": "typing", "room": room, "member": member.id}, exclude=member.id)
        )
