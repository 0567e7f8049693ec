"""A facilitated session end to end: the real server, Chromium, a facilitator and two members.

Each step waits on what a person would see, with bounded timeouts. Members may post about one
message a second (burst 5) and the same text twice within 30 s is refused: texts vary.
"""

from __future__ import annotations

import re

import pytest
from playwright.async_api import Page, expect

from tests.e2e.conftest import OpenPerson
from tests.e2e.test_browser import PHONE, assert_clean, enter, invite_url, message, say
from tests.support.servers import HearthServer

pytestmark = pytest.mark.browser

CRISIS_TEXT = "I have been saving my pills and I am going to take them all tonight"
AGREEMENT = "<p>What is said here <strong>stays here</strong>.</p><ul><li>Be kind</li><li>No names</li></ul>"


def attention(page: Page):  # noqa: ANN201 - a Locator
    return page.locator("#attention-list > li")


async def member_dialog(page: Page, name: str) -> None:
    await page.locator("#member-list li.member").filter(has_text=name).locator(".member-actions").click()
    await expect(page.locator("#dlg-member")).to_be_visible()
    await expect(page.locator("#dlg-member-title")).to_have_text(name)


async def test_a_facilitated_session(hearth: HearthServer, person: OpenPerson) -> None:
    room = hearth.create_room(title="Thursday circle", topic="Carrying on", agreement=AGREEMENT)
    f = await person(invite_url(hearth, room, role="facilitator"), viewport={"width": 1280, "height": 860})
    a = await person(invite_url(hearth, room))
    b = await person(invite_url(hearth, room), viewport=PHONE)
    pf, pa, pb = f.page, a.page, b.page

    # The agreement is the sanitized rich subset, rendered as elements (not markup strings).
    await expect(pa.locator("#agreement-text strong")).to_have_text("stays here")
    await expect(pa.locator("#agreement-text li")).to_have_text(["Be kind", "No names"])
    await enter(pf, "Facilitator Sam", agree=True)
    await enter(pa, "Quiet Heron", agree=True)
    await enter(pb, "Gentle Otter", agree=True)

    # The facilitator console is there for the facilitator only.
    await expect(pf.locator("#console-controls")).to_be_visible()
    await expect(pf.locator("#attention-empty")).to_be_visible()
    await expect(pa.locator("#console-controls")).to_be_hidden()
    # "N here, M listening": both members are listening until they post.
    await expect(pa.locator("#members-toggle")).to_contain_text("3 here, 2 listening")

    # Chat.
    await say(pa, "Hi all, glad to be here tonight.")
    await expect(message(pb, "glad to be here")).to_have_count(1)
    await expect(message(pf, "glad to be here")).to_have_count(1)
    await expect(pf.locator("#members-toggle")).to_contain_text("3 here, 1 listening")

    # Redaction: others see the redacted text; the author sees a private explanation.
    await say(pa, "email me at jane.doe@example.com")
    await expect(message(pb, "[email removed]")).to_have_count(1)
    assert await pb.get_by_text("jane.doe@example.com").count() == 0
    mine = message(pa, "[email removed]")
    await expect(mine.locator(".msg-status")).to_have_attribute("data-status", "redacted")
    await expect(mine.locator(".msg-status")).to_contain_text("Only you see this note.")
    await expect(mine.locator(".msg-status")).to_contain_text("an email address")
    await mine.locator(".original summary").click()
    await expect(mine.locator(".original-text")).to_have_text("email me at jane.doe@example.com")

    # A crisis message is held: the author gets a kind card with resources; the facilitator an
    # alert on top, blurred until revealed.
    await say(pb, CRISIS_TEXT)
    card = pb.locator("#messages li.notice-crisis")
    await expect(card).to_be_visible()
    await expect(card).to_contain_text("Only you can see this")
    tel = card.locator('a[href^="tel:"]').first
    await expect(tel).to_have_attribute("href", "tel:988")
    web = card.locator('a[href^="https://"]').first
    await expect(web).to_have_attribute("rel", re.compile(r"\bnoopener\b"))
    echo = pb.locator("#messages li.echo").filter(has_text="saving my pills")
    await expect(echo.locator(".msg-status")).to_have_attribute("data-status", "held")
    await expect(echo.locator(".msg-status")).to_contain_text("privately with the facilitator")
    for page in (pa, pf):
        await expect(message(page, "saving my pills")).to_have_count(0)
    assert await pa.locator("li.notice-crisis").count() == 0
    item = attention(pf).first
    await expect(item).to_have_attribute("data-crisis", "1")
    await expect(item).to_contain_text("Crisis")
    await expect(item).to_contain_text("Gentle Otter")
    await expect(item.locator(".waited")).to_contain_text("waiting")
    flagged = item.locator(".flagged-text")
    assert "blur" in await flagged.evaluate("el => getComputedStyle(el).filter")
    await expect(flagged).to_have_attribute("aria-hidden", "true")
    await pf.locator("#members-toggle").focus()  # the screenshot shows the console as it rests
    await f.screenshot("11-facilitator-crisis-blurred")
    await b.screenshot("12-member-crisis-card-phone")
    await item.get_by_role("button", name=re.compile("^Reveal")).click()
    assert await flagged.evaluate("el => getComputedStyle(el).filter") == "none"
    await expect(flagged).to_have_text(CRISIS_TEXT)
    # The card can be dismissed.
    await card.get_by_role("button", name="Close this card").click()
    await expect(card).to_have_count(0)

    # Approve: the message is shared with everyone, once; the item goes away.
    await item.get_by_role("button", name=re.compile("^Approve")).click()
    for page in (pa, pb, pf):
        await expect(message(page, "saving my pills")).to_have_count(1)
    await expect(echo).to_have_count(0)
    await expect(attention(pf)).to_have_count(0)

    # Thoughts of suicide without a plan are shared, and the facilitator is asked to check in.
    ideation = "Sometimes I think everyone would be better off without me"
    await say(pa, ideation)
    await expect(message(pb, "better off without me")).to_have_count(1)
    await expect(pa.locator("li.notice-crisis")).to_be_visible()
    checkin = attention(pf).filter(has_text="Check in with Quiet Heron")
    await expect(checkin).to_have_attribute("data-crisis", "1")
    await expect(checkin.locator(".flagged-text")).to_have_text(ideation)
    await checkin.get_by_role("button", name=re.compile("^Dismiss")).click()
    await expect(attention(pf)).to_have_count(0)

    # Mute with a countdown and a reason; the facilitator's list shows it; then unmute.
    await member_dialog(pf, "Quiet Heron")
    await pf.locator("#mm-mute-for").select_option("60")
    await pf.locator("#mm-mute-reason").fill("Let's give others space for a minute")
    await pf.locator("#mm-mute").click()
    await expect(pf.locator("#dlg-member")).to_be_hidden()
    note = pa.locator("#composer-note")
    await expect(note).to_contain_text(re.compile(r"post again in 0:[0-5]\d"))
    await expect(note).to_contain_text("Let's give others space for a minute")
    await expect(pa.locator("#composer-text")).to_be_disabled()
    heron = pf.locator("#member-list li.member").filter(has_text="Quiet Heron")
    await expect(heron.locator(".tag-muted")).to_be_visible()
    await member_dialog(pf, "Quiet Heron")
    await pf.locator("#mm-unmute").click()
    await expect(pa.locator("#composer-text")).to_be_enabled()
    await expect(pf.locator("#member-list .tag-muted")).to_have_count(0)

    # Pause: a banner for members; the composer waits.
    await pf.locator("#ctl-pause").click()
    for page in (pa, pb):
        await expect(page.locator("#phase-banner")).to_contain_text("paused the room")
    await expect(pa.locator("#composer-text")).to_be_disabled()
    await pf.locator("#ctl-pause").click()
    await expect(pa.locator("#phase-banner")).to_be_hidden()

    # Slow mode: after a post, a countdown to the next.
    await pf.locator("#ctl-slow").select_option("10")
    await expect(pa.locator("#phase-banner")).to_contain_text("one message every 10 seconds")
    await say(pa, "Thank you for listening, everyone.")
    await expect(pa.locator("#composer-note")).to_contain_text(re.compile(r"next message in \d+ s"))
    await pf.locator("#ctl-slow").select_option("0")
    await expect(pa.locator("#composer-note")).to_be_hidden()

    # A sharing round: hands, queue place, the floor, pass.
    await pf.locator("#ctl-round").click()
    await expect(pa.locator("#phase-banner")).to_contain_text("Sharing round")
    await pa.locator("#hand-btn").click()
    await expect(pa.locator("#hand-text")).to_contain_text("you're next")
    await pb.locator("#hand-btn").click()
    await expect(pb.locator("#phase-banner")).to_contain_text("number 2 in the queue")
    await expect(pf.locator("#member-list .tag-hand")).to_have_count(2)
    await member_dialog(pf, "Quiet Heron")
    await pf.locator("#mm-floor").click()
    await expect(pa.locator("#phase-banner")).to_contain_text("it's your turn")
    await expect(pb.locator("#phase-banner")).to_contain_text("Quiet Heron has the floor")
    await expect(pb.locator("#composer-text")).to_be_disabled()
    await say(pa, "My week was long but I made it through.")
    await expect(message(pb, "made it through")).to_have_count(1)
    await pa.locator("#pass-btn").click()
    await expect(pb.locator("#phase-banner")).to_contain_text("it's your turn")
    await expect(pb.locator("#pass-btn")).to_be_visible()
    await say(pb, "Mine too, thank you for going first.")
    await expect(message(pa, "going first")).to_have_count(1)
    await pf.locator("#ctl-round").click()
    await expect(pa.locator("#phase-banner")).to_be_hidden()

    # Reactions.
    theirs = message(pb, "made it through")
    await theirs.locator(".react-toggle").click()
    await theirs.locator(".react-option[data-emoji=heart]").click()
    await expect(message(pa, "made it through").locator(".chip[data-emoji=heart] .count")).to_have_text("1")

    # Report from the message's menu, with a reason; the reporter stays anonymous.
    await say(pa, "Honestly some people here should just leave.")
    target = message(pb, "should just leave")
    await expect(target).to_have_count(1)
    await target.locator(".menu-toggle").click()
    await target.get_by_role("button", name="Report…").click()
    await expect(pb.locator("#dlg-report")).to_be_visible()
    await pb.locator("#report-reason").fill("This felt unkind")
    await pb.locator("#report-send").click()
    await expect(pb.locator("#report-done")).to_contain_text(
        "Thanks — the facilitator will look at it. They won't know it was you.")
    await pb.keyboard.press("Escape")
    await expect(pb.locator("#dlg-report")).to_be_hidden()
    report = attention(pf).filter(has_text="Reported message")
    await expect(report).to_contain_text("This felt unkind")
    await expect(report.locator(".context li")).to_have_count(4)
    await expect(report.locator(".item-title")).to_have_text("Reported message")  # by no one named
    await expect(report.locator(".reported .flagged-text")).to_have_attribute("aria-hidden", "true")

    # Remove from the message's menu: everyone drops it.
    fmsg = message(pf, "should just leave")
    await fmsg.locator(".menu-toggle").click()
    await fmsg.get_by_role("button", name="Remove for everyone…").click()
    await pf.locator("#dlg-confirm-ok").click()
    for page in (pa, pb, pf):
        await expect(message(page, "should just leave")).to_have_count(0)
    await expect(report).to_have_count(0)

    # Activity: the audit trail, without message text.
    await pf.locator("#console-activity summary").click()
    await expect(pf.locator("#activity-list li").first).to_be_visible()
    activity = await pf.locator("#activity-list").inner_text()
    assert "mute" in activity and "remove" in activity, activity
    assert "saving my pills" not in activity and "jane.doe" not in activity

    # End the session: a confirm that explains; members are thanked and not reconnected.
    await pf.locator("#ctl-end").click()
    await expect(pf.locator("#dlg-confirm")).to_contain_text("deleted for good")
    await pf.locator("#dlg-confirm-ok").click()
    for page in (pa, pb):
        await expect(page.locator("#messages .session-end")).to_contain_text("This session has ended. Thank you")
        await expect(page.locator("#composer-text")).to_be_disabled()
    await expect(pf.locator("#messages .msg")).to_have_count(0)
    sockets = len(a.websocket_urls)
    await pa.wait_for_timeout(1500)
    assert len(a.websocket_urls) == sockets
    assert (await pa.evaluate("window.hearthDebug.state()"))["stage"] == "final"
    await a.screenshot("13-member-session-ended")
    assert_clean(f, a, b)


async def test_kick_and_ban_messages(hearth: HearthServer, person: OpenPerson) -> None:
    room = hearth.create_room(title="Kick room")
    f = await person(invite_url(hearth, room, role="facilitator"))
    a = await person(invite_url(hearth, room))
    b = await person(invite_url(hearth, room))
    pf, pa, pb = f.page, a.page, b.page
    await enter(pf, "Facilitator Jo")
    await enter(pa, "Restless Fox")
    await enter(pb, "Loud Crow")

    await member_dialog(pf, "Restless Fox")
    await pf.locator("#mm-kick-reason").fill("Please take a break and come back next week")
    await pf.locator("#mm-kick").click()
    await expect(pa.locator("#messages .marker.ended")).to_contain_text("You were removed from the session")
    await expect(pa.locator("#messages .marker.ended")).to_contain_text("Please take a break")
    await expect(pf.locator("#member-list .member-name")).to_have_text(["Facilitator Jo", "Loud Crow"])

    await member_dialog(pf, "Loud Crow")
    await pf.locator("#mm-ban").click()
    await expect(pf.locator("#dlg-confirm")).to_be_visible()
    await expect(pf.locator("#dlg-confirm-title")).to_have_text("Ban Loud Crow?")
    await pf.locator("#dlg-confirm-ok").click()
    await expect(pb.locator("#messages .marker.ended")).to_contain_text("You can't return to this room")
    for who in (a, b):
        sockets = len(who.websocket_urls)
        await who.page.wait_for_timeout(800)
        assert len(who.websocket_urls) == sockets
    # A banned person who reloads is told so, not let in.
    await pb.reload()
    await expect(pb.locator("#screen-error")).to_contain_text("can no longer take part")
    assert_clean(f, a)


async def test_a_report_survives_the_facilitator_reloading_and_dismissal_is_shared(
    hearth: HearthServer, person: OpenPerson
) -> None:
    room = hearth.create_room(title="Reload circle")
    f = await person(invite_url(hearth, room, role="facilitator"), viewport={"width": 1280, "height": 860})
    g = await person(invite_url(hearth, room, role="facilitator"), viewport={"width": 1280, "height": 860})
    a = await person(invite_url(hearth, room))
    b = await person(invite_url(hearth, room))
    await enter(f.page, "Facilitator Sam")
    await enter(g.page, "Facilitator Kim")
    await enter(a.page, "Quiet Heron")
    await enter(b.page, "Gentle Otter")
    await say(a.page, "that was a mean thing to say to you")
    mine = message(b.page, "mean thing")
    await expect(mine).to_have_count(1)
    await mine.locator(".menu-toggle").click()
    await mine.get_by_role("button", name="Report…").click()
    await b.page.locator("#report-send").click()
    await expect(b.page.locator("#report-done")).to_contain_text("They won't know it was you.")
    await expect(attention(f.page)).to_have_count(1)
    await expect(attention(g.page)).to_have_count(1)
    # Sam reloads the page: the report is still waiting for them.
    await f.page.reload()
    await expect(attention(f.page)).to_have_count(1, timeout=15_000)
    await attention(f.page).first.locator("button.dismiss").click()
    await expect(attention(f.page)).to_have_count(0)
    await expect(attention(g.page)).to_have_count(0)
    assert_clean(f, g, a, b)
