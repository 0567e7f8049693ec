"""Browser fixtures: async Playwright driving Debian's Chromium (never `playwright install`).

One Chromium per test (it starts in well under a second) and one browser context per person,
so two people in a test share nothing: not cookies, not sessionStorage, not localStorage.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser, BrowserContext, ConsoleMessage, Page, Request, async_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


@dataclass
class Person:
    """One person's browser context and page, with what the page said and asked for."""

    context: BrowserContext
    page: Page
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    request_urls: list[str] = field(default_factory=list)
    websocket_urls: list[str] = field(default_factory=list)

    def csp_violations(self) -> list[str]:
        return [m for m in self.console_errors if "Content Security Policy" in m]

    async def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        await self.page.screenshot(path=str(path))
        return path


OpenPerson = Callable[..., Awaitable[Person]]


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    async with async_playwright() as pw:
        b = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            await b.close()


@pytest.fixture
async def person(browser: Browser) -> AsyncIterator[OpenPerson]:
    """`await person(url, viewport=...)`: a fresh context and page that has loaded `url`."""
    contexts: list[BrowserContext] = []

    async def _open(url: str | None = None, *, viewport: dict[str, int] | None = None,
                    **context_args: Any) -> Person:
        context = await browser.new_context(
            viewport=viewport or {"width": 1100, "height": 760}, **context_args
        )
        contexts.append(context)
        page = await context.new_page()
        page.set_default_timeout(10_000)
        who = Person(context=context, page=page)

        def on_console(msg: ConsoleMessage) -> None:
            if msg.type == "error":
                who.console_errors.append(msg.text)

        def on_request(req: Request) -> None:
            who.request_urls.append(req.url)

        page.on("console", on_console)
        page.on("pageerror", lambda exc: who.page_errors.append(str(exc)))
        page.on("request", on_request)
        page.on("websocket", lambda ws: who.websocket_urls.append(ws.url))
        if url is not None:
            await page.goto(url)
        return who

    yield _open
    for context in contexts:
        await context.close()
