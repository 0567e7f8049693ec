"""Hostile text renders as text everywhere (messages, held and report panels, the pinned note,
room text), and nothing in it ever runs: the `window.__pwned` flag stays unset."""

from __future__ import annotations

import pytest
from playwright.async_api import Page, expect

from tests.e2e.conftest import OpenPerson
from tests.e2e.test_browser import assert_clean, enter, invite_url, message, say
from tests.support.servers import HearthServer

pytestmark = pytest.mark.browser

PAYLOADS = [
    '<img src=x onerror="window.__pwned=1">',
    '<svg onload="window.__pwned=2"><circle r=5></circle></svg>',
    '<a href="javascript:window.__pwned=3">click me</a>',
    '<iframe srcdoc="&lt;script&gt;parent.__pwned=4&lt;/script&gt;"></iframe>',
    "</script><script>window.__pwned=5</script>",
    '"><script>window.__pwned=6</script><"',
    '<details open ontoggle="window.__pwned=7">x</details>',
    '<math><mi xlink:href="javascript:window.__pwned=8">m</mi></math>',
    "\u202egnp.exe\u200b<b onmouseover=window.__pwned=9>rtl</b>",
    "<style>*{display:none!important}</style>hidden?",
    '<input autofocus onfocus="window.__pwned=10">',
    '<object data="javascript:window.__pwned=11"></object>',
    "{{constructor.constructor('window.__pwned=12')()}} ${window.__pwned=13}",
    '<body onload="window.__pwned=14"><base href="javascript:/">',
]
BAD = "img, svg, iframe, script, object, embed, math, input, style, base, a[href^='javascript']"
USER_TEXT = ["#messages", "#attention-list", "#pinned", ".room-header", "#member-list"]


async def no_markup(page: Page, *scopes: str) -> None:
    """No element from user text in the places user text goes, no handler attribute, no flag."""
    for scope in scopes or USER_TEXT:
        assert await page.locator(f"{scope} :is({BAD})").count() == 0, await page.locator(scope).inner_html()
        handlers = await page.locator(scope).evaluate(
            "root => [root, ...root.querySelectorAll('*')].flatMap("
            "el => [...el.attributes].filter(a => /^on/i.test(a.name)).map(a => el.tagName + ' ' + a.name))")
        assert handlers == [], handlers
    assert await page.evaluate("typeof window.__pwned") == "undefined"


async def test_hostile_text_is_only_text(hearth: HearthServer, person: OpenPerson) -> None:
    room = hearth.create_room(title=f"Circle {PAYLOADS[0]}", topic=PAYLOADS[4])
    f = await person(invite_url(hearth, room, role="facilitator"))
    a = await person(invite_url(hearth, room))
    b = await person(invite_url(hearth, room))
    pf, pa, pb = f.page, a.page, b.page
    await enter(pf, "Facilitator Kim")
    # Pseudonyms keep to letters, digits, spaces and . ' - (the server refuses the rest, and
    # anything shaped like a real full name, e.g. "D'Arcy O'Neil-Smith").
    await enter(pa, "O'Malley-ish Otter")
    await enter(pb, "Dr. Who 2")

    # Facilitators are exempt from moderation and rate limits: the payloads go out verbatim.
    for text in PAYLOADS:
        await say(pf, text)
    for page in (pa, pb, pf):
        await expect(page.locator("#messages li.msg .msg-text")).to_have_text(PAYLOADS, timeout=10_000)
        await expect(page.locator("#room-title")).to_have_text(f"Circle {PAYLOADS[0]}")
        await no_markup(page)

    # A held (crisis) message carrying markup reaches the facilitator's panel as text.
    held = f"I am going to take all my pills tonight {PAYLOADS[0]} {PAYLOADS[1]}"
    await say(pa, held)
    item = pf.locator("#attention-list > li").first
    await expect(item.locator(".flagged-text")).to_have_text(held)
    await item.get_by_role("button", name=__import__("re").compile("^Reveal")).click()
    await no_markup(pf, "#attention-list")

    # A report: its context messages (hostile) render as text in the panel.
    target = message(pb, "click me")
    await target.locator(".menu-toggle").click()
    await target.get_by_role("button", name="Report…").click()
    await pb.locator("#report-reason").fill(PAYLOADS[2])
    await pb.locator("#report-send").click()
    await expect(pb.locator("#report-done")).to_be_visible()
    await pb.keyboard.press("Escape")
    report = pf.locator("#attention-list > li").filter(has_text="Reported message")
    await expect(report.locator(".item-reason")).to_contain_text(PAYLOADS[2])
    await expect(report.locator(".context li")).to_have_count(3)  # the reported one and those before it
    for reveal in await report.get_by_role("button", name=__import__("re").compile("^Reveal")).all():
        await reveal.click()
    await no_markup(pf, "#attention-list")

    # The pinned note: the server's sanitized subset renders; nothing else does.
    pin = (f"<b>Welcome</b> {PAYLOADS[0]} <a href=\"javascript:window.__pwned=20\">x</a> "
           f"<a href=\"https://example.org/help\" onclick=\"window.__pwned=21\">help</a> {PAYLOADS[4]}")
    await pf.locator("#ctl-pin-text").fill(pin)
    await pf.locator("#ctl-pin").click()
    for page in (pa, pb, pf):
        pinned = page.locator("#pinned .pinned-text")
        await expect(pinned.locator("b")).to_have_text("Welcome")
        link = pinned.locator("a[href^='https://example.org']")
        await expect(link).to_have_attribute("rel", __import__("re").compile(r"\bnoopener\b"))
        assert await link.get_attribute("onclick") is None
        await no_markup(page, "#pinned")
        await no_markup(page)

    # Hover and focus everything once: no handler hidden anywhere fires.
    for el in (await pb.locator("#messages .msg-text").all())[:4]:
        await el.hover()
    await no_markup(pb)
    await b.screenshot("20-xss-as-text")
    assert_clean(f, a, b)
