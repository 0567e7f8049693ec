"""The server restarts mid-conversation (the embedded store forgets everything): pages come
back on their own, show that the earlier conversation is gone, keep what they had once, send
what was typed meanwhile once, and new messages flow again."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import expect

from tests.e2e.conftest import OpenPerson
from tests.e2e.test_browser import assert_clean, enter, invite_url, message, say
from tests.support.servers import HearthServer

pytestmark = pytest.mark.browser

ROOMS = """
[[room]]
id = "restart-room"
title = "Restart room"
topic = "Still here after a restart"
# "joined" would hide from a member who reconnects second what another posted after the
# restart but before that member's rejoin (the new store's first-seen mark is the rejoin).
history = "all"
"""


async def test_server_restart_mid_conversation(make_server: type[HearthServer], tmp_path: Path,
                                               person: OpenPerson) -> None:
    rooms = tmp_path / "rooms.toml"
    rooms.write_text(ROOMS)
    env = {"HEARTH_ROOMS_FILE": str(rooms)}
    first = make_server(tmp_path, env=env).start()
    a = await person(invite_url(first, "restart-room"))
    b = await person(invite_url(first, "restart-room"))
    pa, pb = a.page, b.page
    await enter(pa, "Patient Owl")
    await enter(pb, "Brave Finch")
    await say(pa, "before the restart, one")
    await say(pb, "before the restart, two")
    for page in (pa, pb):
        await expect(page.locator("#messages li.msg .msg-text")).to_have_text(
            ["before the restart, one", "before the restart, two"])
    epoch = (await pa.evaluate("window.hearthDebug.state()"))["epoch"]

    first.stop()
    await expect(pa.locator("#conn-status")).to_have_attribute("data-state", "offline")
    await say(pa, "typed while the server was down")
    await expect(message(pa, "while the server was down").locator(".msg-status")).to_have_text("Sending…")

    second = make_server(tmp_path, env=env, port=first.port).start()
    for page in (pa, pb):
        await expect(page.locator("#conn-status")).to_have_attribute("data-state", "online", timeout=20_000)
        await expect(page.locator("#messages .gap")).to_contain_text("The room restarted")
    state = await pa.evaluate("window.hearthDebug.state()")
    assert state["epoch"] != epoch and state["me"]["name"] == "Patient Owl", state

    # The queued message went out once, after the marker; nothing is doubled or lost.
    await expect(message(pb, "while the server was down")).to_have_count(1)
    await expect(message(pa, "while the server was down").locator(".msg-status")).to_have_text("Delivered")
    await say(pb, "after the restart")
    await expect(message(pa, "after the restart")).to_have_count(1)
    expected_a = ["before the restart, one", "before the restart, two", "GAP",
                  "typed while the server was down", "after the restart"]
    for page in (pa, pb):
        order = await page.locator("#messages > li.msg, #messages > li.gap").evaluate_all(
            "els => els.map(e => e.classList.contains('gap') ? 'GAP' : e.querySelector('.msg-text').textContent)")
        assert order == expected_a, order
    # Old messages can no longer be reacted to (their seqs mean nothing now); new ones can.
    await expect(message(pa, "before the restart, two").locator(".react-toggle")).to_be_hidden()
    fresh = message(pa, "after the restart")
    await fresh.locator(".react-toggle").click()
    await fresh.locator(".react-option[data-emoji=thanks]").click()
    await expect(message(pb, "after the restart").locator(".chip[data-emoji=thanks] .count")).to_have_text("1")
    await a.screenshot("30-after-server-restart")
    second.stop()
    for who in (a, b):  # Chromium logs each refused attempt while the server was down: expected
        who.console_errors[:] = [m for m in who.console_errors if "ERR_CONNECTION_REFUSED" not in m]
    assert_clean(a, b)
