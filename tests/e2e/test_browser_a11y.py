"""Keyboard-only use, axe-core checks (no serious or critical violations) on the member view,
the facilitator console and the operator dashboard, and the dashboard itself."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Page, expect

from tests.e2e.conftest import OpenPerson, Person
from tests.e2e.test_browser import PHONE, assert_clean, invite_url, message, say
from tests.support.servers import HearthServer, mint

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
CRISIS_TEXT = "I have been saving my pills and I am going to take them all tonight"


async def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Serious and critical axe-core violations (WCAG 2.x A/AA and best practice)."""
    if not await page.evaluate("typeof window.axe !== 'undefined'"):
        await page.add_script_tag(path=str(AXE))
    result = await page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return [v for v in result if v["impact"] in ("serious", "critical")]


async def keyboard_enter(page: Page, name: str) -> None:
    """Join with the keyboard only: the name field has focus; Enter submits."""
    await expect(page.locator("#name")).to_be_focused()
    await page.keyboard.press("Control+A")
    await page.keyboard.type(name)
    await page.keyboard.press("Enter")
    await expect(page.locator("#conn-status")).to_have_attribute("data-state", "online")
    await expect(page.locator("#composer-text")).to_be_focused()


async def tab_to(page: Page, selector: str, limit: int = 40) -> None:
    for _ in range(limit):
        await page.keyboard.press("Tab")
        if await page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


async def test_keyboard_only_member_and_facilitator(hearth: HearthServer, person: OpenPerson) -> None:
    room = hearth.create_room(title="Keyboard room")
    f = await person(invite_url(hearth, room, role="facilitator"))
    a = await person(invite_url(hearth, room))
    pf, pa = f.page, a.page
    await keyboard_enter(pf, "Facilitator Ari")
    await keyboard_enter(pa, "Steady Wren")

    # Send with Enter, then react with the keyboard.
    await pa.keyboard.type("Hello from the keyboard")
    await pa.keyboard.press("Enter")
    await expect(message(pf, "from the keyboard")).to_have_count(1)
    theirs = message(pf, "from the keyboard")
    await pf.locator("#composer-text").focus()
    await tab_to(pf, "li.msg .react-toggle")  # the toggle shows on focus
    await pf.keyboard.press("Enter")
    await expect(theirs.locator(".react-option").first).to_be_focused()
    await pf.keyboard.press("Enter")
    await expect(message(pa, "from the keyboard").locator(".chip[data-emoji=heart] .count")).to_have_text("1")

    # Facilitator: member actions dialog by keyboard — focus moves in, Tab stays in, Escape
    # closes and focus returns to the button that opened it.
    opener = pf.locator("#member-list .member-actions").first
    await opener.focus()
    await pf.keyboard.press("Enter")
    dialog = pf.locator("#dlg-member")
    await expect(dialog).to_be_visible()
    for _ in range(14):
        await pf.keyboard.press("Tab")
        assert await pf.evaluate("document.getElementById('dlg-member').contains(document.activeElement)")
    await pf.keyboard.press("Shift+Tab")
    assert await pf.evaluate("document.getElementById('dlg-member').contains(document.activeElement)")
    await pf.keyboard.press("Escape")
    await expect(dialog).to_be_hidden()
    await expect(opener).to_be_focused()

    # Mute by keyboard: choose 1 minute, type a reason, press the Mute button.
    await pf.keyboard.press("Enter")
    await expect(dialog).to_be_visible()
    await pf.locator("#mm-mute-for").focus()
    await pf.keyboard.press("Home")  # 1 minute
    await pf.keyboard.press("Tab")
    await pf.keyboard.type("A short pause, thank you")
    await pf.keyboard.press("Tab")
    await expect(pf.locator("#mm-mute")).to_be_focused()
    await pf.keyboard.press("Enter")
    await expect(pa.locator("#composer-note")).to_contain_text("A short pause, thank you")
    await expect(pa.locator("#composer-note")).to_contain_text(re.compile(r"in 0:[0-5]\d|in 1:00"))

    # Report by keyboard (member): the message menu, the dialog, the confirmation.
    await say(pf, "Facilitator here, welcome everyone")
    fmsg = message(pa, "welcome everyone")
    await expect(fmsg).to_have_count(1)
    await fmsg.locator(".menu-toggle").focus()
    await pa.keyboard.press("Enter")
    await expect(fmsg.locator(".menu-item").first).to_be_focused()
    await pa.keyboard.press("Escape")
    await expect(fmsg.locator(".menu-toggle")).to_be_focused()
    assert_clean(f, a)


async def test_axe_member_facilitator_and_dashboard(hearth: HearthServer, person: OpenPerson) -> None:
    room = hearth.create_room(title="Accessible room", topic="Checked by axe",
                              agreement="<p>Be <strong>kind</strong>.</p>")
    f = await person(invite_url(hearth, room, role="facilitator"), bypass_csp=True,
                     viewport={"width": 1280, "height": 860})
    a = await person(invite_url(hearth, room), bypass_csp=True)
    b = await person(invite_url(hearth, room), bypass_csp=True, viewport=PHONE)
    pf, pa, pb = f.page, a.page, b.page

    # The join screen (with the agreement) first.
    await expect(pa.locator("#screen-join")).to_be_visible()
    assert await axe_violations(pa) == []
    for page, name in ((pf, "Facilitator Lee"), (pa, "Calm Heron"), (pb, "Soft Rain")):
        await page.locator("#name").fill(name)
        await page.locator("#agree").check()
        await page.locator("#enter").click()
        await expect(page.locator("#conn-status")).to_have_attribute("data-state", "online")

    await say(pa, "Good evening, everyone")
    await say(pb, CRISIS_TEXT)
    await expect(pb.locator("li.notice-crisis")).to_be_visible()
    await expect(pf.locator("#attention-list > li")).to_have_count(1)
    await pf.locator("#ctl-pin-text").fill("<b>Tonight:</b> how the week went")
    await pf.locator("#ctl-pin").click()
    await expect(pa.locator("#pinned")).to_be_visible()
    await pf.locator("#ctl-round").click()
    await expect(pa.locator("#hand-bar")).to_be_visible()

    for who in (pa, pb, pf):
        violations = await axe_violations(who)
        assert violations == [], violations
    # Dialogs too.
    await pf.locator("#member-list .member-actions").first.click()
    await expect(pf.locator("#dlg-member")).to_be_visible()
    assert await axe_violations(pf) == []
    await pf.keyboard.press("Escape")

    # Reduced motion and phone width: nothing overflows sideways at 375 px.
    await pb.emulate_media(reduced_motion="reduce")
    assert await pb.evaluate("document.documentElement.scrollWidth") <= 375

    # The dashboard.
    d = await person(None, bypass_csp=True)
    await open_dashboard(d, hearth)
    assert await axe_violations(d.page) == []
    assert_clean(f, a, b)


async def open_dashboard(d: Person, hearth: HearthServer) -> None:
    token = mint("ops", "operator")
    await d.page.goto(f"{hearth.url}/ops?every=1#t={token}")
    await expect(d.page).to_have_url(f"{hearth.url}/ops?every=1")
    await expect(d.page.locator("#ops-rooms .room-card").first).to_be_visible()


async def test_operator_dashboard(hearth: HearthServer, person: OpenPerson) -> None:
    room = hearth.create_room(title="Dashboard room")
    f = await person(invite_url(hearth, room, role="facilitator"))
    a = await person(invite_url(hearth, room))
    for page, name in ((f.page, "Facilitator Max"), (a.page, "Bright Lark")):
        await page.locator("#name").fill(name)
        await page.locator("#enter").click()
        await expect(page.locator("#conn-status")).to_have_attribute("data-state", "online")
    await say(a.page, "First message for the chart")
    await say(a.page, "Second message for the chart")
    await say(a.page, CRISIS_TEXT)
    await expect(f.page.locator("#attention-list > li")).to_have_count(1)

    d = await person(None, viewport={"width": 1280, "height": 900})
    await open_dashboard(d, hearth)
    assert "#" not in d.page.url
    cardl = d.page.locator(f'#ops-rooms .room-card[data-room="{room}"]')
    await expect(cardl).to_be_visible()
    stats = cardl.locator(".stats")
    await expect(stats).to_contain_text("Facilitator present")
    await expect(stats.locator("dd").nth(1)).to_have_text("yes (1)")
    await expect(stats).to_contain_text("Crisis open")
    await expect(cardl).to_contain_text(re.compile(r"Crisis open\s*1 \(oldest"))
    await expect(cardl).to_contain_text(re.compile(r"Messages per minute\s*2"))
    await expect(cardl).to_contain_text(re.compile(r"1 speaking, top share 100%"))
    await expect(cardl).to_have_class(re.compile(r"\balarm\b"))
    # No message text, no names anywhere on the page.
    body = await d.page.locator("body").inner_text()
    for secret in ("First message", "saving my pills", "Bright Lark", "Facilitator Max"):
        assert secret not in body
    # Polling fills the sparklines over time (every second here).
    await expect(cardl.locator(".spark polyline").first).to_be_attached(timeout=5_000)
    # Approving resolves the crisis; the dashboard catches up and the time-to-acknowledge shows.
    await f.page.locator("#attention-list > li").first.get_by_role("button", name=re.compile("^Approve")).click()
    await expect(cardl).to_contain_text(re.compile(r"Crisis open\s*0"), timeout=5_000)
    await expect(cardl).to_contain_text(re.compile(r"Crisis time to ack\s*\d+ s"))
    await d.page.wait_for_timeout(2500)  # a few more samples for the sparklines
    await d.screenshot("40-ops-dashboard")
    assert_clean(f, a, d)
