from __future__ import annotations

import pytest

from moderation import Action, RoomModeration, build_pipeline

DEFAULT = build_pipeline(RoomModeration(rules=("links",)))


@pytest.mark.parametrize(
    "text",
    ["see https://example.com/a?b=c", "www.flickr.com/photos/x", "mysite.com", "bit.ly/3xY",
     "linktr.ee/sarahk", "my site dot com", "HTTP://EXAMPLE.ORG"],
)
def test_links_redacted(text: str) -> None:
    v = DEFAULT.check_message(text)
    assert v.action == Action.REDACT
    assert "[link removed]" in v.text


@pytest.mark.parametrize(
    "text",
    ["e.g. this", "version 3.1.4", "I'm tired.so tired", "end.to be honest", "$4.99",
     "jane@gmail.com"],
)
def test_not_links(text: str) -> None:
    assert "url" not in DEFAULT.check_message(text).codes


def test_trailing_punctuation_kept() -> None:
    assert DEFAULT.check_message("see https://x.com/a.").text == "see [link removed]."


def test_policies_and_allowed_domains() -> None:
    hold = build_pipeline(RoomModeration(rules=("links",), link_policy="hold"))
    allow = build_pipeline(RoomModeration(rules=("links",), link_policy="allow"))
    listed = build_pipeline(RoomModeration(rules=("links",), allowed_domains=("988lifeline.org",)))
    assert hold.check_message("x.com/y").action == Action.HOLD
    assert allow.check_message("x.com/y").action == Action.ALLOW
    assert listed.check_message("call or visit https://988lifeline.org/chat").action == Action.ALLOW
    assert listed.check_message("https://evil.com/988lifeline.org").action == Action.REDACT
