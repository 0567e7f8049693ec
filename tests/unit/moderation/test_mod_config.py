from __future__ import annotations

from typing import Any

import pytest

from moderation import RoomModeration


def test_defaults() -> None:
    c = RoomModeration()
    assert c.rules == ("crisis", "anonymity", "abuse", "links")
    assert c.abuse_level == 2 and c.phone_region == "US" and c.link_policy == "redact"


def test_from_mapping_round_trip() -> None:
    data = {"rules": ["crisis", "links"], "phone_region": "gb", "abuse_level": 3,
            "blocked_terms": ["spoiler"], "blocked_patterns": [r"buy \w+ now"],
            "dry_run": ["links"], "crisis_hold_ideation": True}
    c = RoomModeration.from_mapping(data)
    assert c.rules == ("crisis", "links") and c.phone_region == "GB"
    assert RoomModeration.from_mapping(c.to_mapping()) == c
    assert hash(c) == hash(RoomModeration.from_mapping(c.to_mapping()))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"rules": ["crisis", "nope"]}, "unknown rule"),
        ({"rules": "crisis"}, "expected a list"),
        ({"rules": ["crisis", "crisis"]}, "duplicate"),
        ({"dry_run": ["spam"]}, "unknown rule"),
        ({"phone_region": "XX"}, "phone_region"),
        ({"abuse_level": 5}, "abuse_level"),
        ({"crisis_model": "yes"}, "crisis_model"),
        ({"abuse_level": True}, "abuse_level"),
        ({"abuse_level": "2"}, "abuse_level"),
        ({"blocked_terms": [1]}, "blocked_terms"),
        ({"blocked_terms": [""]}, "blocked_terms"),
        ({"blocked_terms": ["x" * 101]}, "blocked_terms"),
        ({"blocked_patterns": ["("]}, "does not compile"),
        ({"blocked_patterns": ["(a+)+$"]}, "nested quantifiers"),
        ({"blocked_patterns": [r"(\w+\s?)*x"]}, "nested quantifiers"),
        ({"blocked_patterns": [r"(a|ab)*c"]}, "repeated alternation"),
        ({"blocked_patterns": [r"(a)\1"]}, "backreferences"),
        ({"blocked_patterns": ["x*"]}, "empty string"),
        ({"blocked_patterns": ["a" * 201]}, "longer than 200"),
        ({"blocked_patterns": [f"w{i}" for i in range(21)]}, "at most 20"),
        ({"link_policy": "maybe"}, "link_policy"),
        ({"pii_action": "reject"}, "pii_action"),
        ({"blocked_action": "redact"}, "blocked_action"),
        ({"crisis_hold_ideation": "yes"}, "crisis_hold_ideation"),
        ({"max_length": 0}, "max_length"),
        ({"colour": "blue"}, "unknown moderation setting"),
    ],
)
def test_validation_errors(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        RoomModeration.from_mapping(data)


def test_not_a_mapping() -> None:
    with pytest.raises(ValueError, match="mapping"):
        RoomModeration.from_mapping(["rules"])  # type: ignore[arg-type]


def test_direct_construction_validates_too() -> None:
    with pytest.raises(ValueError):
        RoomModeration(abuse_level=9)


def test_good_patterns_accepted() -> None:
    c = RoomModeration(blocked_patterns=(r"\bfree\s+money\b", r"\d{3}-\d{4}", r"(ab){2}"))
    assert len(c.blocked_patterns) == 3
