from __future__ import annotations

import pytest

from moderation import Action, RoomModeration, build_pipeline
from moderation.normalize import normalize
from moderation.rules.anonymity import AnonymitySettings, find_pii
from moderation.rules.names import looks_like_full_name

PIPE = build_pipeline(RoomModeration(rules=("anonymity",)))


def codes(text: str, region: str = "US") -> set[str]:
    return {c for _, _, c in find_pii(normalize(text), AnonymitySettings(phone_region=region))}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("mail me: jane.doe+x@gmail.com", "email"),
        ("jane dot doe at gmail dot com", "email"),
        ("jane(at)outlook(dot)com", "email"),
        ("my gmail is janedoe99 at gmail", "email"),
        ("call (415) 555-2671", "phone"),
        ("ring +44 20 7946 0958 please", "phone"),
        ("text five five five one two three four", "phone"),
        ("my number is 555 1234", "phone"),
        ("I live at 42 Maple Street", "address"),
        ("my postcode is M14 5RQ", "address"),
        ("PO Box 4471", "address"),
        ("follow me @jenny_writes", "handle"),
        ("my insta is sarah.k.art", "handle"),
        ("snap: quietfox22", "handle"),
        ("my username is lonelyleaf", "handle"),
        ("u/throwaway_sad_22 on reddit", "handle"),
        ("my name is Sarah Kowalski", "full_name"),
        ("my last name is Nguyen", "full_name"),
        ("I'm John Smith", "full_name"),
        ("hi i'm jake morrison", "full_name"),
        ("my ex, Kevin Walsh, texted", "full_name"),
    ],
)
def test_detects(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "see you at 10:30", "it was 3pm", "it cost $4.99", "on 12/05/2024", "in room 12",
        "read page 555", "sober since 2019", "down 40% this year", "I walked 10000 steps",
        "version 2.4.1", "I'm Sarah", "hi Tom", "my name is Jess and I'm new",
        "I'm so tired today", "I'm Not Okay", "I walked 5 miles down the road",
        "it happened in 2015-2016", "my score went from 21 to 9", "I deleted my instagram",
        "my insta is private", "@everyone hi", "order #12345678 arrived", "the 6-8pm session",
        "I'm feeling anxious about it", "this is hard", "call me Sam",
    ],
)
def test_benign_lookalikes_pass(text: str) -> None:
    assert codes(text) == set(), codes(text)


def test_redaction_replaces_original_span_with_marker() -> None:
    v = PIPE.check_message("email me at ｊａｎｅ＠ｇｍａｉｌ．ｃｏｍ thanks")
    assert v.action == Action.REDACT
    assert v.text == "email me at [email removed] thanks"


def test_each_class_has_its_marker() -> None:
    text = "I'm Sarah Kowalski, jane@x.com, 415-555-2671, 42 Maple Street, @jk_99"
    out = PIPE.check_message(text).text
    for marker in ("[name removed]", "[email removed]", "[phone removed]",
                   "[address removed]", "[handle removed]"):
        assert marker in out
    for leaked in ("Kowalski", "jane@x.com", "2671", "Maple", "jk_99"):
        assert leaked not in out


def test_first_name_alone_is_fine() -> None:
    v = PIPE.check_message("hi everyone, I'm Sarah and I'm new")
    assert v.action == Action.ALLOW


def test_region_matters_for_local_numbers() -> None:
    assert "phone" in codes("ring 020 7946 0018", region="GB")


def test_pii_action_hold() -> None:
    pipe = build_pipeline(RoomModeration(rules=("anonymity",), pii_action="hold"))
    v = pipe.check_message("jane@gmail.com")
    assert v.action == Action.HOLD
    assert v.text == "jane@gmail.com"  # held messages keep the original for review


@pytest.mark.parametrize("name", ["Jane Doe", "jane_doe", "JaneDoe", "sarah kowalski"])
def test_full_name_pseudonyms(name: str) -> None:
    assert looks_like_full_name(name)


@pytest.mark.parametrize("name", ["Sarah K", "sunflower88", "Blue Sky", "Sam", "quiet_fox"])
def test_ok_pseudonyms(name: str) -> None:
    assert not looks_like_full_name(name)
