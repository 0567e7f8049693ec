"""Choose concrete adapters from settings (the one place that knows them all)."""

from __future__ import annotations

from server.runtime import Runtime
from server.settings import Settings


async def build_runtime(settings: Settings) -> Runtime:
    if settings.redis_url:
        raise NotImplementedError("Redis adapters arrive with the scaling-out work")
    return Runtime.embedded(settings)
