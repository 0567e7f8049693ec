"""A live room end to end: the real server, Debian's Chromium, two people in two contexts."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.async_api import Page, expect

from server.auth import invite_token
from tests.e2e.conftest import OpenPerson, Person
from tests.support.servers import TEST_SECRET, HearthServer

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
XSS_IMG = '<img src=x onerror="window.__pwned=1">'
XSS_SCRIPT = "<script>window.__pwned=1</script>"


def invite_url(hearth: HearthServer, room: str, role: str = "member", name: str | None = None) -> str:
    token = invite_token(TEST_SECRET, room, role, 3600)
    extra = f"&name={quote(name)}" if name else ""
    return f"{hearth.url}/r/{room}#t={token}{extra}"


async def enter(page: Page, name: str, *, agree: bool = False) -> None:
    await expect(page.locator("#screen-join")).to_be_visible()
    await page.locator("#name").fill(name)
    if agree:
        await page.locator("#agree").check()
    await page.locator("#enter").click()
    await expect(page.locator("#screen-room")).to_be_visible()
    await expect(page.locator("#conn-status")).to_have_attribute("data-state", "online")


async def say(page: Page, text: str) -> None:
    box = page.locator("#composer-text")
    await box.fill(text)
    await box.press("Enter")


def messages(page: Page):  # noqa: ANN201 - a Locator
    return page.locator("#messages li.msg")


def message(page: Page, text: str):  # noqa: ANN201
    return page.locator("#messages li.msg").filter(has=page.locator(".msg-text", has_text=text))


def assert_clean(*people: Person) -> None:
    for p in people:
        assert not p.page_errors, p.page_errors
        assert not p.csp_violations(), p.csp_violations()
        assert not p.console_errors, p.console_errors


async def test_two_people_chat_with_typing_and_reactions(hearth: HearthServer, person: OpenPerson) -> None:
    room = hearth.create_room(
        title="Evening circle", topic="Getting through the week, together",
        agreement="What is said here stays here.\nSpeak from your own experience.\nBe kind.",
    )
    a = await person(invite_url(hearth, room))
    pa = a.page
    await expect(pa.locator("#join-title")).to_have_text("Evening circle")
    await expect(pa.locator("#join-topic")).to_have_text("Getting through the week, together")
    await expect(pa.locator("#agreement-text")).to_contain_text("stays here")
    suggested = await pa.locator("#name").input_value()
    assert re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+( \d+)?", suggested), suggested
    await a.screenshot("01-join-desktop")

    # Entering without ticking the agreement is refused politely, with focus on the checkbox.
    await pa.locator("#name").fill("Quiet Heron")
    await pa.locator("#enter").click()
    await expect(pa.locator("#join-error")).to_contain_text("agreement")
    await expect(pa.locator("#agree")).to_be_focused()
    await enter(pa, "Quiet Heron", agree=True)

    b = await person(invite_url(hearth, room), viewport=PHONE)
    pb = b.page
    await expect(pb.locator("#join-title")).to_have_text("Evening circle")
    await b.screenshot("02-join-phone")
    await enter(pb, "Gentle Otter", agree=True)

    # Both see each other, facilitators aside, and "2 here".
    for page in (pa, pb):
        await expect(page.locator("#online-count")).to_have_text("2")
    await expect(pa.locator("#member-list .member-name")).to_contain_text(["Gentle Otter", "Quiet Heron"])
    await pb.locator("#members-toggle").click()  # collapsed by default on a phone
    await expect(pb.locator("#member-list .member-name")).to_contain_text(["Gentle Otter", "Quiet Heron"])
    await pb.locator("#members-toggle").click()

    # Typing indicator (B types, A sees it).
    await pb.locator("#composer-text").press_sequentially("I hear")
    await expect(pa.locator("#typing")).to_have_text("Gentle Otter is typing…")
    await pb.locator("#composer-text").fill("")

    # A → B
    await say(pa, "Hello everyone, first time here.")
    await expect(message(pb, "first time here")).to_have_count(1)
    mine = message(pa, "first time here")
    await expect(mine).to_have_class(re.compile(r"\bmine\b"))
    await expect(mine.locator(".msg-status")).to_have_text("Delivered")
    await expect(message(pb, "first time here").locator(".msg-name")).to_have_text("Quiet Heron")
    # The typing line clears when the typist's message arrives or after a few seconds.
    await expect(pa.locator("#typing")).to_have_text("", timeout=6_000)

    # B → A, with Shift+Enter for a new line; the counter follows the text.
    box = pb.locator("#composer-text")
    await box.press_sequentially("Welcome.")
    await box.press("Shift+Enter")
    await box.press_sequentially("Glad you came")
    await expect(pb.locator("#char-count")).to_have_text("22 / 4000")
    await box.press("Enter")
    await expect(box).to_have_value("")
    got = message(pa, "Glad you came")
    await expect(got).to_have_count(1)
    assert await got.locator(".msg-text").inner_text() == "Welcome.\nGlad you came"
    await expect(message(pb, "Glad you came")).to_have_class(re.compile(r"\bmine\b"))

    # Consecutive messages from one person are grouped.
    await say(pb, "Take your time.")
    await expect(message(pa, "Take your time")).to_have_class(re.compile(r"\bcontinued\b"))

    # Reactions: B hugs A's message; both see the count; A adds one too → 2.
    theirs = message(pb, "first time here")
    await theirs.locator(".react-toggle").click()
    await theirs.locator(".react-option[data-emoji=hug]").click()
    await expect(message(pa, "first time here").locator(".chip[data-emoji=hug] .count")).to_have_text("1")
    await expect(theirs.locator(".chip[data-emoji=hug]")).to_have_attribute("aria-pressed", "true")
    await message(pa, "first time here").locator(".react-toggle").click()
    await message(pa, "first time here").locator(".react-option[data-emoji=hug]").click()
    await expect(theirs.locator(".chip[data-emoji=hug] .count")).to_have_text("2")
    await expect(message(pa, "first time here").locator(".chip[data-emoji=hug] .count")).to_have_text("2")

    # New messages from others are announced politely to screen readers.
    await expect(pa.locator("#announcer")).to_have_attribute("aria-live", "polite")
    await expect(pa.locator("#announcer p").last).to_have_text("Gentle Otter: Take your time.")

    # Keyboard only: open the picker from the keyboard, pick, and focus comes back.
    last = message(pa, "Take your time")
    await last.locator(".react-toggle").focus()
    await pa.keyboard.press("Enter")
    await expect(last.locator(".react-option").first).to_be_focused()
    await pa.keyboard.press("Escape")
    await expect(last.locator(".react-picker")).to_be_hidden()
    await expect(last.locator(".react-toggle")).to_be_focused()
    await pa.keyboard.press("Enter")
    await pa.keyboard.press("Tab")  # heart -> hug
    await pa.keyboard.press("Tab")  # hug -> nod
    await pa.keyboard.press("Enter")
    await expect(message(pb, "Take your time").locator(".chip[data-emoji=nod] .count")).to_have_text("1")

    await a.screenshot("03-room-desktop")
    await b.screenshot("04-room-phone")
    assert_clean(a, b)


async def test_user_text_is_never_markup(hearth: HearthServer, person: OpenPerson) -> None:
    room = hearth.create_room(title=f"Circle {XSS_IMG}", topic=XSS_SCRIPT,
                              agreement=f"Rule {XSS_IMG} {XSS_SCRIPT} <strong>be kind</strong> &amp; calm")
    a = await person(invite_url(hearth, room, name=XSS_IMG))
    b = await person(invite_url(hearth, room))
    pa, pb = a.page, b.page

    # Room text from the operator and the suggested name from the link are text, not markup.
    await expect(pa.locator("#join-title")).to_have_text(f"Circle {XSS_IMG}")
    await expect(pa.locator("#join-topic")).to_have_text(XSS_SCRIPT)
    # The agreement is the server's sanitized rich subset: allowed tags render, nothing runs.
    agreement = pa.locator("#agreement-text")
    await expect(agreement).to_contain_text("Rule")
    await expect(agreement).to_contain_text("be kind & calm")
    await expect(agreement.locator("strong")).to_have_text("be kind")
    assert await agreement.locator("img, script").count() == 0
    await expect(pa.locator("#name")).to_have_value(XSS_IMG)
    await pa.locator("#agree").check()
    await pa.locator("#enter").click()
    await expect(pa.locator("#join-error")).to_contain_text("pseudonym")
    # The server refuses such names too (not just this page): bypass the page's own check.
    refused = await pa.evaluate(
        """async ([room, name]) => {
            const token = sessionStorage.getItem(`hearth.token.${room}`);
            const ws = new WebSocket(`ws://${location.host}/ws`, ["hearth.v1.json"]);
            const frames = [];
            await new Promise((ok) => ws.onopen = ok);
            const next = () => new Promise((ok) => ws.onmessage = (e) => ok(JSON.parse(e.data)));
            ws.send(JSON.stringify({type: "hello", token}));
            frames.push(await next());
            ws.send(JSON.stringify({type: "join", room, name, agree: true}));
            frames.push(await next());
            ws.close();
            return frames[1];
        }""",
        [room, XSS_IMG],
    )
    assert refused["type"] == "error" and refused["code"] == "invalid", refused
    await enter(pa, "Brave Wren", agree=True)
    await enter(pb, "Calm Lynx", agree=True)

    await say(pa, XSS_IMG)
    await say(pa, XSS_SCRIPT)
    for page in (pa, pb):
        await expect(page.locator("#room-title")).to_have_text(f"Circle {XSS_IMG}")
        await expect(page.locator("#room-topic")).to_have_text(XSS_SCRIPT)
        texts = page.locator("#messages .msg-text")
        await expect(texts).to_have_text([XSS_IMG, XSS_SCRIPT])
        assert await page.locator("#messages img, #messages script, header img").count() == 0
        assert await page.evaluate("typeof window.__pwned") == "undefined"
    await b.screenshot("05-xss-literal")
    assert_clean(a, b)


async def test_reconnect_resumes_without_duplicates(hearth: HearthServer, person: OpenPerson) -> None:
    room = hearth.create_room(title="Resume room")
    a = await person(invite_url(hearth, room))
    b = await person(invite_url(hearth, room))
    pa, pb = a.page, b.page
    await enter(pa, "Steady Owl")
    await enter(pb, "Warm Robin")
    await say(pb, "before the drop")
    await expect(message(pa, "before the drop")).to_have_count(1)

    # A's socket drops (as a network failure would); it stays down at least 2.5 s.
    await pa.evaluate("window.hearthDebug.dropSocket(2500)")
    await expect(pa.locator("#conn-status")).to_have_attribute("data-state", "offline")
    await expect(pa.locator("#conn-text")).to_contain_text("Reconnecting")
    await expect(pb.locator("#online-count")).to_have_text("1")

    # Meanwhile B talks, and A writes something while offline (kept and sent on reconnect).
    for i in (1, 2, 3):
        await say(pb, f"while you were away {i}")
        await expect(message(pb, f"while you were away {i}").locator(".msg-status")).to_have_text("Delivered")
    await say(pa, "typed while offline")
    await expect(message(pa, "typed while offline").locator(".msg-status")).to_have_text("Sending…")
    await a.screenshot("06a-reconnecting")

    # A comes back on its own, resumes from its last seq, and shows each missed message once.
    await expect(pa.locator("#conn-status")).to_have_attribute("data-state", "online", timeout=15_000)
    await expect(message(pb, "typed while offline")).to_have_count(1)
    await expect(message(pa, "typed while offline").locator(".msg-status")).to_have_text("Delivered")
    state = await pa.evaluate("window.hearthDebug.state()")
    assert state["resumes"] == 1 and state["lastJoin"]["since"] == 1, state
    assert state["lastJoin"]["history"] == 3 and state["lastJoin"]["complete"] is True, state
    await say(pb, "after the reconnect")
    await expect(message(pa, "after the reconnect")).to_have_count(1)
    expected = ["before the drop", "while you were away 1", "while you were away 2", "while you were away 3",
                "typed while offline", "after the reconnect"]
    await expect(pa.locator("#messages li.msg .msg-text")).to_have_text(expected)
    await expect(pb.locator("#messages li.msg .msg-text")).to_have_text(expected)
    assert await pa.locator("#messages .gap").count() == 0
    await expect(pb.locator("#online-count")).to_have_text("2")
    await a.screenshot("06-after-reconnect")
    assert_clean(a, b)


async def test_resume_with_missing_history_shows_a_gap(hearth: HearthServer, person: OpenPerson) -> None:
    room = hearth.create_room(title="Short memory", retain_messages=2)
    a = await person(invite_url(hearth, room))
    b = await person(invite_url(hearth, room))
    pa, pb = a.page, b.page
    await enter(pa, "Misty Heron")
    await enter(pb, "Kind Badger")
    await say(pb, "one")
    await expect(message(pa, "one")).to_have_count(1)
    await pa.evaluate("window.hearthDebug.dropSocket(2000)")
    await expect(pa.locator("#conn-status")).to_have_attribute("data-state", "offline")
    for word in ("two", "three", "four", "five"):
        await say(pb, word)
        await expect(message(pb, word).locator(".msg-status")).to_have_text("Delivered")
    await expect(pa.locator("#conn-status")).to_have_attribute("data-state", "online", timeout=15_000)
    await expect(pa.locator("#messages .gap")).to_have_text(
        "Some messages from while you were away are not available."
    )
    await expect(pa.locator("#messages li.msg .msg-text")).to_have_text(["one", "four", "five"])
    # The marker sits between what A saw and what it got back.
    order = await pa.locator("#messages > li").evaluate_all(
        "els => els.map(e => e.classList.contains('gap') ? 'GAP' : e.querySelector('.msg-text').textContent)"
    )
    assert order == ["one", "GAP", "four", "five"], order
    await a.screenshot("06b-gap-marker")
    assert_clean(a, b)


async def test_token_leaves_the_address_bar_and_never_a_url(hearth: HearthServer, person: OpenPerson) -> None:
    room = hearth.create_room(title="Private room")
    url = invite_url(hearth, room, name="Hopeful Crane")
    invite = url.split("#t=", 1)[1].split("&", 1)[0]
    a = await person(url)
    pa = a.page
    await expect(pa.locator("#screen-join")).to_be_visible()
    assert pa.url == f"{hearth.url}/r/{room}", pa.url
    assert await pa.evaluate("location.hash") == ""
    await expect(pa.locator("#name")).to_have_value("Hopeful Crane")
    await enter(pa, "Hopeful Crane")

    # The invite was exchanged for a personal token, kept per room in both storages.
    personal = await pa.evaluate(f"sessionStorage.getItem('hearth.token.{room}')")
    assert personal and personal != invite
    assert await pa.evaluate(f"localStorage.getItem('hearth.token.{room}')") == personal
    me = (await pa.evaluate("window.hearthDebug.state()"))["me"]

    # A reload keeps the same person (and pseudonym) and goes straight back in.
    await pa.reload()
    await expect(pa.locator("#screen-room")).to_be_visible()
    await expect(pa.locator("#conn-status")).to_have_attribute("data-state", "online")
    assert (await pa.evaluate("window.hearthDebug.state()"))["me"] == me

    # Clicking the invite link again on the open page only changes the fragment: wiped again.
    await pa.goto(url)
    await expect(pa).to_have_url(f"{hearth.url}/r/{room}")
    await expect(pa.locator("#screen-room")).to_be_visible()

    # Opening the invite link again in the same browser (a new load) keeps the same person.
    await pa.goto("about:blank")
    await pa.goto(url)
    await expect(pa.locator("#screen-join")).to_be_visible()
    await expect(pa.locator("#name")).to_have_value("Hopeful Crane")
    await pa.locator("#enter").click()
    await expect(pa.locator("#conn-status")).to_have_attribute("data-state", "online")
    assert (await pa.evaluate("window.hearthDebug.state()"))["me"]["id"] == me["id"]
    assert pa.url == f"{hearth.url}/r/{room}"

    urls = a.request_urls + a.websocket_urls
    assert any("/api/rooms/" in u for u in urls) and any(u.endswith("/ws") for u in urls), urls
    for u in urls:
        assert invite not in u and personal not in u and "t=" not in u, u
    assert_clean(a)


async def test_landing_and_ops_pages(hearth: HearthServer, person: OpenPerson) -> None:
    from tests.support.servers import mint

    room = hearth.create_room(title="Ops visible room")
    a = await person(hearth.url + "/")
    await expect(a.page.locator("h1")).to_contain_text("quiet place")
    await a.page.goto(hearth.url + "/ops")
    await a.page.locator("#ops-token").fill(mint("someone", "member"))
    await a.page.locator("#ops-token").press("Enter")
    await expect(a.page.locator("#ops-status")).to_have_text("That token is not an operator token.")
    await a.page.locator("#ops-token").fill(mint("ops", "operator"))
    await a.page.get_by_role("button", name="Load rooms").click()
    row = a.page.locator("#ops-rows tr").filter(has_text=room)
    await expect(row.locator("td")).to_have_text(["Ops visible room", "0", "0", "0", "open"])
    await a.screenshot("07-ops")
    # A 403 from /api/rooms is logged by Chromium as a failed resource load: that one is expected.
    a.console_errors[:] = [m for m in a.console_errors if "403" not in m]
    assert_clean(a)


async def test_the_page_speaks_msgpack_and_json_pages_share_the_room(hearth: HearthServer, person: OpenPerson) -> None:
    """MessagePack when the browser can load the codec; `?wire=json` forces JSON; both in one room."""
    room = hearth.create_room(title="Wire formats")
    packed = await person(invite_url(hearth, room))
    plain_url = invite_url(hearth, room).replace(f"/r/{room}#", f"/r/{room}?wire=json#")
    plain = await person(plain_url)
    await enter(packed.page, "Binary Heron")
    await enter(plain.page, "Text Otter")
    assert (await packed.page.evaluate("window.hearthDebug.state().wire")) == "msgpack"
    assert (await plain.page.evaluate("window.hearthDebug.state().wire")) == "json"
    await say(packed.page, "sent as MessagePack — with ünïcode ✓")
    await expect(message(plain.page, "sent as MessagePack — with ünïcode ✓")).to_have_count(1)
    await say(plain.page, "and this one as JSON")
    await expect(message(packed.page, "and this one as JSON")).to_have_count(1)
    assert_clean(packed, plain)
