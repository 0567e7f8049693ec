"""Leaving on purpose and shared devices: "Leave room", Rejoin, "Forget me on this device", and
the join screen's "This is a shared device" choice (the token stays in the tab, not the device)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from playwright.async_api import Page, WebSocket, expect

from tests.e2e.conftest import OpenPerson, Person
from tests.e2e.test_browser import PHONE, assert_clean, enter, invite_url, message, say
from tests.e2e.test_browser_a11y import axe_violations
from tests.support.servers import HearthServer

pytestmark = pytest.mark.browser

NO_RECONNECT_WINDOW_S = 3.0  # well past the first reconnect delay (0.25–0.5 s) and the second


async def storage(page: Page, room: str) -> dict[str, Any]:
    """Every key of both storages, and the ones about this room."""
    return await page.evaluate(
        """room => {
            const keys = (s) => Array.from({length: s.length}, (_, i) => s.key(i));
            const local = keys(localStorage), session = keys(sessionStorage);
            return {local, session, localLength: localStorage.length,
                    roomLocal: local.filter((k) => k.endsWith(`.${room}`)),
                    roomSession: session.filter((k) => k.endsWith(`.${room}`))};
        }""",
        room,
    )


async def me_id(page: Page) -> str:
    return (await page.evaluate("window.hearthDebug.state()"))["me"]["id"]


async def leave_with_keyboard(page: Page) -> None:
    button = page.get_by_role("button", name="Leave room")
    await button.focus()
    await expect(button).to_be_focused()
    await page.keyboard.press("Enter")
    await expect(page.locator("#screen-left")).to_be_visible()
    await expect(page.locator("#left-title")).to_be_focused()


async def test_leaving_tells_the_room_and_stops_reconnecting(hearth: HearthServer, person: OpenPerson) -> None:
    room = hearth.create_room(title="Tuesday circle")
    # JSON on the wire so the test can read what the page sends and gets.
    a = await person(None)
    sent: list[dict[str, Any]] = []
    got: list[dict[str, Any]] = []
    sockets_seen: list[WebSocket] = []

    def on_socket(ws: WebSocket) -> None:
        sockets_seen.append(ws)
        ws.on("framesent", lambda payload: sent.append(json.loads(payload)))
        ws.on("framereceived", lambda payload: got.append(json.loads(payload)))

    a.page.on("websocket", on_socket)
    await a.page.goto(invite_url(hearth, room).replace(f"/r/{room}#", f"/r/{room}?wire=json#"))
    b = await person(invite_url(hearth, room))
    pa, pb = a.page, b.page
    await enter(pa, "Leaving Heron")
    await enter(pb, "Staying Otter")
    for page in (pa, pb):
        await expect(page.locator("#online-count")).to_have_text("2")
    await expect(pb.locator("#member-list .member-name")).to_contain_text(["Leaving Heron", "Staying Otter"])
    await a.screenshot("29-room-header-desktop")

    await leave_with_keyboard(pa)
    await expect(pa.locator("#left-title")).to_have_text("You left Tuesday circle.")
    await expect(pa.locator("#screen-left")).to_contain_text("Thank you for being here.")
    await expect(pa.get_by_role("button", name="Rejoin")).to_be_visible()
    await expect(pa.get_by_role("button", name="Forget me on this device")).to_be_visible()
    await expect(pa.locator("#screen-room")).to_be_hidden()
    await a.screenshot("30-left-room")

    # The others see the member go (presence), and the page really said `leave` (answered `ok`).
    await expect(pb.locator("#online-count")).to_have_text("1")
    await expect(pb.locator("#member-list .member-name")).to_have_text(["Staying Otter"])
    leave = [f for f in sent if f.get("type") == "leave"]
    assert len(leave) == 1 and leave[0]["room"] == room, sent
    assert any(f.get("type") == "ok" and f.get("ref") == leave[0]["ref"] for f in got), got
    # ...and then closed its socket (a socket left open would still count as "in the room").
    for _ in range(50):
        if all(ws.is_closed() for ws in sockets_seen):
            break
        await asyncio.sleep(0.1)
    assert sockets_seen and all(ws.is_closed() for ws in sockets_seen), sockets_seen

    # No new socket within a bounded window after leaving.
    sockets = len(a.websocket_urls)
    connects = (await pa.evaluate("window.hearthDebug.state()"))["connects"]
    await asyncio.sleep(NO_RECONNECT_WINDOW_S)
    assert len(a.websocket_urls) == sockets == 1, a.websocket_urls
    state = await pa.evaluate("window.hearthDebug.state()")
    assert state["connects"] == connects and state["stage"] == "left", state
    await expect(pa.locator("#screen-left")).to_be_visible()
    await expect(pb.locator("#online-count")).to_have_text("1")
    assert_clean(a, b)


async def test_rejoin_keeps_the_same_identity(hearth: HearthServer, person: OpenPerson) -> None:
    room = hearth.create_room(title="Rejoin room")
    a = await person(invite_url(hearth, room), viewport=PHONE)
    b = await person(invite_url(hearth, room))
    pa, pb = a.page, b.page
    await enter(pa, "Returning Wren")
    await enter(pb, "Patient Lynx")
    before = await me_id(pa)
    await say(pa, "back in a moment")
    await expect(message(pb, "back in a moment")).to_have_count(1)

    await a.screenshot("32-room-header-phone")
    await leave_with_keyboard(pa)
    await expect(pb.locator("#online-count")).to_have_text("1")
    await say(pb, "said while you were out")
    await expect(message(pb, "said while you were out").locator(".msg-status")).to_have_text("Delivered")

    await pa.get_by_role("button", name="Rejoin").click()
    await expect(pa.locator("#screen-room")).to_be_visible()
    await expect(pa.locator("#conn-status")).to_have_attribute("data-state", "online")
    await expect(pa.locator("#screen-left")).to_be_hidden()
    assert await me_id(pa) == before
    state = await pa.evaluate("window.hearthDebug.state()")
    assert state["me"]["name"] == "Returning Wren" and state["stage"] == "in", state
    for page in (pa, pb):
        await expect(page.locator("#online-count")).to_have_text("2")
    await expect(pa.locator("#messages .marker.left")).to_have_text("You left the room.")
    await expect(message(pa, "said while you were out")).to_have_count(1)
    # Still a full member: talking works both ways.
    await say(pa, "I'm back")
    await expect(message(pb, "I'm back")).to_have_count(1)
    await expect(message(pb, "I'm back").locator(".msg-name")).to_have_text("Returning Wren")
    assert_clean(a, b)


async def test_forget_me_clears_this_device(hearth: HearthServer, person: OpenPerson) -> None:
    room = hearth.create_room(title="Library computer")
    a = await person(invite_url(hearth, room))
    pa = a.page
    await enter(pa, "Careful Finch")
    kept = await storage(pa, room)
    assert kept["roomLocal"] == [f"hearth.token.{room}"], kept
    assert kept["roomSession"] == [f"hearth.token.{room}"], kept
    # Another room's token (whose id merely ends like this one) is not this room's to forget.
    other = f"hearth.token.x.{room}"
    await pa.evaluate("k => localStorage.setItem(k, 'other-room')", other)

    await leave_with_keyboard(pa)
    await pa.get_by_role("button", name="Forget me on this device").click()
    forgotten = pa.locator("#left-forgotten")
    await expect(forgotten).to_be_visible()
    await expect(forgotten).to_be_focused()
    await expect(forgotten).to_contain_text("invite link")
    await expect(pa.get_by_role("button", name="Rejoin")).to_be_hidden()
    await expect(pa.get_by_role("button", name="Forget me on this device")).to_be_hidden()
    left = await storage(pa, room)
    assert left["local"] == [other] and left["localLength"] == 1, left
    assert left["session"] == [], left
    assert await pa.locator("#messages > li").count() == 0
    assert (await pa.evaluate("window.hearthDebug.state()"))["me"] is None
    await a.screenshot("31-forgotten")

    # Reopening the page without the invite link: the existing "need an invite link" state.
    sockets = len(a.websocket_urls)
    await pa.reload()
    await expect(pa.locator("#screen-error")).to_be_visible()
    await expect(pa.locator("#error-title")).to_have_text("You need an invite link")
    assert len(a.websocket_urls) == sockets
    assert (await storage(pa, room))["roomSession"] == []
    assert_clean(a)


async def test_shared_device_keeps_nothing_on_the_device(hearth: HearthServer, person: OpenPerson) -> None:
    room = hearth.create_room(title="Shared phone")
    a = await person(invite_url(hearth, room))
    pa = a.page
    await expect(pa.locator("#screen-join")).to_be_visible()
    box = pa.get_by_role("checkbox", name="This is a shared device — don't keep me signed in")
    await expect(box).not_to_be_checked()
    await box.check()
    await a.screenshot("33-join-shared-device")
    await enter(pa, "Passing Swift")
    kept = await storage(pa, room)
    assert kept["localLength"] == 0 and kept["local"] == [], kept
    assert f"hearth.token.{room}" in kept["roomSession"], kept
    me = await me_id(pa)

    # A reload of the same tab stays signed in (sessionStorage), and still keeps nothing on the device.
    await pa.reload()
    await expect(pa.locator("#screen-room")).to_be_visible()
    await expect(pa.locator("#conn-status")).to_have_attribute("data-state", "online")
    assert await me_id(pa) == me
    assert (await storage(pa, room))["localLength"] == 0

    # A new tab in the same browser (as after closing this one) does not know this person.
    fresh = await a.context.new_page()
    await fresh.goto(f"{hearth.url}/r/{room}")
    await expect(fresh.locator("#error-title")).to_have_text("You need an invite link")
    await fresh.close()

    # Without the box ticked, the device keeps the token (the usual behaviour).
    b = await person(invite_url(hearth, room))
    await enter(b.page, "Settled Crane")
    assert (await storage(b.page, room))["roomLocal"] == [f"hearth.token.{room}"]
    assert_clean(a, b)


async def test_leave_screen_and_shared_choice_are_accessible(hearth: HearthServer, person: OpenPerson) -> None:
    room = hearth.create_room(title="Axe room")
    # bypass_csp only so axe-core can be injected; the other tests check the page's CSP.
    a: Person = await person(invite_url(hearth, room), bypass_csp=True)
    pa = a.page
    await expect(pa.locator("#screen-join")).to_be_visible()
    assert await axe_violations(pa) == []
    await enter(pa, "Quiet Plover")
    assert await axe_violations(pa) == []
    await leave_with_keyboard(pa)
    assert await axe_violations(pa) == []
    # Keyboard only from the left screen: Tab reaches Rejoin, Enter rejoins.
    await pa.keyboard.press("Tab")
    await expect(pa.get_by_role("button", name="Rejoin")).to_be_focused()
    await pa.keyboard.press("Enter")
    await expect(pa.locator("#conn-status")).to_have_attribute("data-state", "online")
    await expect(pa.locator("#composer-text")).to_be_focused()
    assert_clean(a)
