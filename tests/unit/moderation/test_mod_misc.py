"""sanitize_rich, the token bucket and duplicate fingerprints."""

from __future__ import annotations

import math

import pytest

from moderation import Bucket, fingerprint, sanitize_rich, take
from moderation.dedupe import canonical


def test_rich_keeps_subset() -> None:
    html = "<p><b>hi</b> <i>there</i> <em>a</em><strong>b</strong><br></p><ul><li>x</li></ul>"
    assert sanitize_rich(html) == html


def test_rich_strips_scripts_and_unknown_tags() -> None:
    out = sanitize_rich('<script>alert(1)</script><img src=x onerror=alert(1)><div>ok</div>')
    assert "<script" not in out and "<img" not in out and "onerror" not in out
    assert "<div" not in out and "ok" in out


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x",
             "vbscript:x", "jav&#x09;ascript:alert(1)"],
)
def test_rich_removes_dangerous_hrefs(href: str) -> None:
    out = sanitize_rich(f'<a href="{href}">x</a>')
    assert "javascript" not in out.lower() and "data:" not in out and "vbscript" not in out


def test_rich_links_get_rel() -> None:
    out = sanitize_rich('<a href="https://a.org/x" target="_blank" rel="opener">x</a>')
    assert out == '<a href="https://a.org/x" rel="nofollow noopener">x</a>'


def test_rich_escapes_text() -> None:
    assert sanitize_rich("1 < 2 & 3") == "1 &lt; 2 &amp; 3"


def test_bucket_allows_burst_then_limits() -> None:
    b = None
    for _ in range(3):
        ok, b, retry = take(b, now=100.0, rate=1.0, burst=3)
        assert ok and retry == 0.0
    ok, b, retry = take(b, now=100.0, rate=1.0, burst=3)
    assert not ok and retry == pytest.approx(1.0)
    ok, b, retry = take(b, now=100.5, rate=1.0, burst=3)
    assert not ok and retry == pytest.approx(0.5)
    ok, b, _ = take(b, now=101.0, rate=1.0, burst=3)
    assert ok and b.tokens == pytest.approx(0.0)


def test_bucket_refill_caps_at_burst_and_ignores_clock_going_back() -> None:
    ok, b, _ = take(Bucket(0.0, 0.0), now=1000.0, rate=2.0, burst=5)
    assert ok and b.tokens == pytest.approx(4.0)
    ok, b2, _ = take(b, now=10.0, rate=2.0, burst=5)  # clock went backwards
    assert ok and b2.tokens == pytest.approx(3.0) and b2.updated_at == 1000.0


def test_bucket_cost_above_burst_never_succeeds() -> None:
    ok, _, retry = take(None, now=0.0, rate=1.0, burst=2, cost=3)
    assert not ok and math.isinf(retry)


@pytest.mark.parametrize("kw", [{"rate": 0}, {"rate": -1}, {"burst": 0},
                                {"rate": math.inf}, {"cost": -1}])
def test_bucket_validates(kw: dict[str, float]) -> None:
    args = {"rate": 1.0, "burst": 1.0, "cost": 1.0} | kw
    with pytest.raises(ValueError):
        take(None, 0.0, args["rate"], args["burst"], args["cost"])


def test_fingerprint_ignores_noise() -> None:
    base = fingerprint("Hello there, friends!")
    for variant in ("hello there friends", "HELLO   THERE,  FRIENDS!!!", "hello\u200b there friends",
                    "ｈｅｌｌｏ there friends", "helllllo there friends"):
        assert fingerprint(variant) == base, variant
    assert fingerprint("hello there enemies") != base
    assert fingerprint("hi", scope="room1") != fingerprint("hi", scope="room2")
    assert len(base) == 16


def test_canonical() -> None:
    assert canonical("  Hi!!  THERE ") == "hi there"
