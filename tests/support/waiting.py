"""One way to wait in tests: on a condition, with a deadline, failing loudly."""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Callable


async def eventually(predicate: Callable[[], object], *, what: str, timeout: float = 2.0,
                     interval: float = 0.005) -> None:
    """Wait until ``predicate()`` is truthy (awaited when it returns an awaitable); fail with
    ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if inspect.isawaitable(value):
            value = await value
        if value:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(interval)
