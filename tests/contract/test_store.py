"""The Store port's contract, identical for every adapter (the memory store is the reference)."""

from __future__ import annotations

from rooms import events
from rooms.model import Held, HistoryVisibility, Member, Mute, Phase, Role, RoomConfig, RoomState
from server.codec import channel, pack_event
from tests.contract.conftest import Adapters, room_id

ANA = Member(id="m-ana", name="Ana", role=Role.MEMBER)
BO = Member(id="m-bo", name="Bo", role=Role.MEMBER)
FAC = Member(id="m-fac", name="Fay", role=Role.FACILITATOR)


async def test_rooms_roundtrip(adapters: Adapters) -> None:
    s, room = adapters.store, room_id()
    assert await s.get_room(room) is None
    config = RoomConfig(id=room, title="Evening", topic="t", capacity=7, agreement="be kind",
                        history=HistoryVisibility.ALL, retain_messages=20, moderation={"links": "hold"})
    await s.put_room(config)
    assert await s.get_room(room) == config
    await s.put_room(RoomConfig(id=room, title="Renamed"))
    assert (await s.get_room(room)).title == "Renamed"  # type: ignore[union-attr]
    assert room in {c.id for c in await s.list_rooms()}


async def test_state_cas(adapters: Adapters) -> None:
    s, room = adapters.store, room_id()
    assert await s.get_state(room) == RoomState()
    paused = RoomState(phase=Phase.PAUSED, slow=5, pinned="hello", floor="m-x", queue=("a", "b"))
    assert await s.cas_state(room, 0, paused)
    got = await s.get_state(room)
    assert got.version == 1 and got.phase is Phase.PAUSED and got.queue == ("a", "b") and got.pinned == "hello"
    assert not await s.cas_state(room, 0, RoomState())
    assert await s.cas_state(room, 1, RoomState(slow=1))
    assert (await s.get_state(room)).version == 2


async def test_append_assigns_seq_and_history_pages(adapters: Adapters) -> None:
    s, room = adapters.store, room_id()
    epoch = await s.epoch(room)
    assert epoch == await s.epoch(room)
    empty = await s.history(room, 0, 10)
    assert (empty.messages, empty.oldest, empty.latest) == ([], 0, 0)
    for i in range(1, 6):
        appended = await s.append_message(room, ANA if i % 2 else BO, f"text {i}", 1000 + i, None, 100)
        assert appended.message.seq == i and not appended.duplicate
    page = await s.history(room, 0, 10)
    assert [m.seq for m in page.messages] == [1, 2, 3, 4, 5]
    assert page.messages[1].sender == BO and page.messages[1].text == "text 2" and page.messages[1].ts == 1002
    assert (page.oldest, page.latest) == (1, 5)
    assert [m.seq for m in (await s.history(room, 2, 10)).messages] == [3, 4, 5]
    assert [m.seq for m in (await s.history(room, 0, 2)).messages] == [4, 5]  # the newest ones
    zero = await s.history(room, 0, 0)
    assert (zero.messages, zero.oldest, zero.latest) == ([], 1, 5)
    assert await s.epoch(room) == epoch


async def test_retention_bound(adapters: Adapters) -> None:
    s, room = adapters.store, room_id()
    for i in range(6):
        await s.append_message(room, ANA, f"m{i}", i, None, 3)
    page = await s.history(room, 0, 100)
    assert [m.seq for m in page.messages] == [4, 5, 6] and page.oldest == 4 and page.latest == 6


async def test_cid_dedupe(adapters: Adapters) -> None:
    s, room = adapters.store, room_id()
    first = await s.append_message(room, ANA, "once", 1, "c1", 100)
    again = await s.append_message(room, ANA, "once", 2, "c1", 100)
    assert again.duplicate and again.message == first.message
    other = await s.append_message(room, BO, "once", 3, "c1", 100)
    assert not other.duplicate and other.message.seq == 2
    assert await s.find_cid(room, ANA.id, "c1") == first.message
    assert await s.find_cid(room, ANA.id, "nope") is None
    assert (await s.history(room, 0, 10)).latest == 2


async def test_publishes_exactly_the_memory_payload(adapters: Adapters) -> None:
    s, room = adapters.store, room_id()
    await adapters.broker.subscribe(channel(room))
    m1 = (await s.append_message(room, ANA, "héllo ✓", 1700000000000, "c", 100)).message
    held = Held(id="h1", sender=BO, text="approved later", ts=1700000000001, reasons=("links",))
    m2 = await s.publish_held(room, held, 100)
    got = await adapters.wait_received(2)
    expected = [pack_event(events.to_room(room, m.wire(room))) for m in (m1, m2)]
    assert [p for c, p in got if c == channel(room)] == expected
    assert m2.seq == 2 and m2.sender == BO


async def test_remove_and_context(adapters: Adapters) -> None:
    s, room = adapters.store, room_id()
    for i in range(1, 7):
        await s.append_message(room, ANA, f"m{i}", i, None, 100)
    assert await s.remove_message(room, 3)
    assert not await s.remove_message(room, 3)
    assert not await s.remove_message(room, 99)
    assert [m.seq for m in (await s.history(room, 0, 10)).messages] == [1, 2, 4, 5, 6]
    assert [m.seq for m in (await s.history(room, 0, 3)).messages] == [4, 5, 6]
    assert [m.seq for m in await s.context(room, 5, 2)] == [2, 4, 5]
    assert await s.context(room, 3, 2) == []
    assert await s.context(room, 42, 2) == []
    assert await s.react(room, 3, ANA.id, "heart") is None


async def test_reactions_once_per_member(adapters: Adapters) -> None:
    s, room = adapters.store, room_id()
    await s.append_message(room, ANA, "m", 1, None, 100)
    assert await s.react(room, 1, BO.id, "heart") == 1
    assert await s.react(room, 1, BO.id, "heart") == 1
    assert await s.react(room, 1, FAC.id, "heart") == 2
    assert await s.react(room, 1, BO.id, "hug") == 1
    assert await s.react(room, 2, BO.id, "heart") is None
    await s.append_message(room, ANA, "m2", 2, None, 100)
    assert await s.reaction_counts(room, [1, 2]) == {1: {"heart": 2, "hug": 1}}
    assert await s.reaction_counts(room, [2]) == {}
    assert await s.reaction_counts(room, []) == {}


async def test_first_seen_names_agreements(adapters: Adapters) -> None:
    s, room = adapters.store, room_id()
    assert await s.first_seen(room, ANA.id, 4) == 4
    assert await s.first_seen(room, ANA.id, 9) == 4
    assert await s.claim_name(room, ANA.id, "Ana")
    assert not await s.claim_name(room, BO.id, "ana")
    assert await s.claim_name(room, ANA.id, "ANA")
    assert await s.name_of(room, ANA.id) == "ANA"
    assert await s.claim_name(room, ANA.id, "Anita")
    assert await s.claim_name(room, BO.id, "Ana")  # the old name was released
    assert await s.name_of(room, BO.id) == "Ana" and await s.name_of(room, "m-none") is None
    assert not await s.agreed(room, ANA.id)
    assert await s.agreed(room, ANA.id, set_=True)
    assert await s.agreed(room, ANA.id)


async def test_presence_counts_connections(adapters: Adapters) -> None:
    s, room = adapters.store, room_id()
    assert await s.presence(room) == []
    assert await s.presence_add(room, ANA, "c1")
    assert not await s.presence_add(room, ANA, "c2")
    assert await s.presence_add(room, BO, "c3")
    assert sorted(m.id for m in await s.presence(room)) == [ANA.id, BO.id]
    assert await s.presence_remove(room, ANA.id, "c1") is None
    assert await s.presence_remove(room, ANA.id, "c2") == ANA
    assert await s.presence_remove(room, ANA.id, "c2") is None
    assert await s.presence(room) == [BO]


async def test_sanctions(adapters: Adapters) -> None:
    s, room = adapters.store, room_id()
    assert await s.get_mute(room, ANA.id) is None
    await s.set_mute(room, ANA.id, Mute(until=123, reason="cool off"))
    assert await s.get_mute(room, ANA.id) == Mute(until=123, reason="cool off")
    await s.set_mute(room, ANA.id, Mute(until=None))
    assert await s.get_mute(room, ANA.id) == Mute(until=None, reason="")
    assert await s.list_mutes(room) == {ANA.id: Mute(until=None, reason="")}
    await s.set_mute(room, ANA.id, None)
    assert await s.get_mute(room, ANA.id) is None
    assert await s.list_mutes(room) == {}
    assert not await s.is_banned(room, BO.id)
    await s.set_ban(room, BO.id, "abuse")
    assert await s.is_banned(room, BO.id)
    await s.set_ban(room, BO.id, None)
    assert not await s.is_banned(room, BO.id)


async def test_held_queue(adapters: Adapters) -> None:
    s, room = adapters.store, room_id()
    late = Held(id="h2", sender=BO, text="b", ts=20, reasons=("pii",), crisis=None, cid="x")
    early = Held(id="h1", sender=ANA, text="a", ts=10, reasons=("links", "abuse"), crisis="self_harm")
    await s.hold(room, late)
    await s.hold(room, early)
    assert await s.list_held(room) == [early, late]
    assert await s.take_held(room, "h1") == early
    assert await s.take_held(room, "h1") is None
    assert await s.list_held(room) == [late]


async def test_purge_keeps_config_and_bans(adapters: Adapters) -> None:
    s, room = adapters.store, room_id()
    await s.put_room(RoomConfig(id=room, title="Kept"))
    before = await s.epoch(room)
    await s.append_message(room, ANA, "m", 1, "c", 100)
    await s.claim_name(room, ANA.id, "Ana")
    await s.agreed(room, ANA.id, set_=True)
    await s.first_seen(room, ANA.id, 1)
    await s.set_mute(room, ANA.id, Mute(until=None))
    await s.set_ban(room, BO.id, "x")
    await s.hold(room, Held(id="h", sender=ANA, text="t", ts=1, reasons=()))
    await s.cas_state(room, 0, RoomState(phase=Phase.PAUSED))
    after = await s.purge(room)
    assert after != before and await s.epoch(room) == after
    page = await s.history(room, 0, 10)
    assert page.messages == [] and page.oldest == 0
    assert await s.name_of(room, ANA.id) is None and not await s.agreed(room, ANA.id)
    assert await s.get_mute(room, ANA.id) is None and await s.list_held(room) == []
    assert await s.is_banned(room, BO.id) and (await s.get_room(room)).title == "Kept"  # type: ignore[union-attr]
    state = await s.get_state(room)
    assert state.phase is Phase.OPEN and state.version == 2
    assert await s.first_seen(room, ANA.id, 7) == 7
    assert await s.find_cid(room, ANA.id, "c") is None
    nxt = await s.append_message(room, ANA, "again", 2, "c", 100)
    assert not nxt.duplicate and nxt.message.seq > 1


async def test_audit_log(adapters: Adapters) -> None:
    s, room = adapters.store, room_id()
    for i in range(5):
        await s.audit(room, {"action": "mute", "n": i}, keep=3)
    assert [e["n"] for e in await s.audit_log(room, 10)] == [2, 3, 4]
    assert [e["n"] for e in await s.audit_log(room, 2)] == [3, 4]


async def test_ping_and_info(adapters: Adapters) -> None:
    assert await adapters.store.ping()
    assert isinstance(await adapters.store.info(), dict)


async def test_attention_items_are_kept_ordered_bounded_and_taken_once(adapters: Adapters) -> None:
    s, room = adapters.store, room_id()
    assert await s.list_attention(room) == []
    for i in (3, 1, 2):
        await s.add_attention(room, f"a_{i:013d}_x", {"type": "report", "seq": i}, keep=10)
    assert [f["seq"] for f in await s.list_attention(room)] == [1, 2, 3]
    await s.add_attention(room, f"a_{4:013d}_x", {"type": "alert", "seq": 4}, keep=3)
    assert [f["seq"] for f in await s.list_attention(room)] == [2, 3, 4]
    assert await s.take_attention(room, f"a_{2:013d}_x") == {"type": "report", "seq": 2}
    assert await s.take_attention(room, f"a_{2:013d}_x") is None
    await s.purge(room)
    assert await s.list_attention(room) == []
