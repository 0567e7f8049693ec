"""A pure token bucket: state in, decision and new state out.

Counters live elsewhere (the room store, so a limit holds across nodes); this module only
does the arithmetic, which makes it trivial to test and to run inside a Redis script's
caller without any clock of its own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["Bucket", "take", "full_bucket"]


@dataclass(frozen=True)
class Bucket:
    """Tokens available as of ``updated_at`` (seconds, any monotonic-ish clock)."""

    tokens: float
    updated_at: float


def full_bucket(burst: float, now: float) -> Bucket:
    """A bucket for someone never seen before."""
    return Bucket(float(burst), now)


def take(
    bucket: Bucket | None, now: float, rate: float, burst: float, cost: float = 1.0
) -> tuple[bool, Bucket, float]:
    """Try to spend ``cost`` tokens at time ``now``.

    ``rate`` is tokens per second, ``burst`` the capacity. Returns ``(allowed, new_bucket,
    retry_after_seconds)``; ``retry_after`` is 0 when allowed, ``inf`` when ``cost`` exceeds
    ``burst`` (it can never succeed). A clock that goes backwards refills nothing.
    """
    if not (rate > 0 and math.isfinite(rate)):
        raise ValueError("rate must be a positive finite number")
    if not (burst > 0 and math.isfinite(burst)):
        raise ValueError("burst must be a positive finite number")
    if not (cost >= 0 and math.isfinite(cost)):
        raise ValueError("cost must be a non-negative finite number")
    if bucket is None:
        bucket = full_bucket(burst, now)
    elapsed = max(0.0, now - bucket.updated_at)
    tokens = min(float(burst), bucket.tokens + elapsed * rate)
    stamp = max(now, bucket.updated_at)
    if tokens >= cost:
        return True, Bucket(tokens - cost, stamp), 0.0
    if cost > burst:
        return False, Bucket(tokens, stamp), math.inf
    return False, Bucket(tokens, stamp), (cost - tokens) / rate
