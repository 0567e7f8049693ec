from __future__ import annotations

import pytest

from moderation import Action, RoomModeration, build_pipeline


def pipe(**kw: object) -> object:
    return build_pipeline(RoomModeration(rules=("abuse",), **kw))  # type: ignore[arg-type]


DEFAULT = build_pipeline(RoomModeration(rules=("abuse",)))
STRICT = build_pipeline(RoomModeration(rules=("abuse",), abuse_level=4))
OFF = build_pipeline(RoomModeration(rules=("abuse",), abuse_level=0))


@pytest.mark.parametrize(
    ("text", "code"),
    [("kys", "abuse_l4"), ("go kill yourself", "abuse_l4"), ("you're worthless", "abuse_l3"),
     ("f*ck you", "abuse_l3"), ("what a c*nt", "abuse_l3"), ("y0u're w0rthless", "abuse_l3"),
     ("k y s", "abuse_l4")],
)
def test_severe_rejects_at_default_level(text: str, code: str) -> None:
    v = DEFAULT.check_message(text)
    assert v.action == Action.REJECT
    assert code in v.codes


def test_mild_acts_only_at_stricter_levels() -> None:
    assert DEFAULT.check_message("shut up you idiot").action == Action.ALLOW
    assert STRICT.check_message("shut up you idiot").action == Action.HOLD
    assert STRICT.check_message("this is shit").action == Action.HOLD
    assert OFF.check_message("kys").action == Action.ALLOW


def test_reject_severity_configurable() -> None:
    p = build_pipeline(RoomModeration(rules=("abuse",), abuse_reject_severity=5))
    assert p.check_message("kys").action == Action.HOLD


@pytest.mark.parametrize(
    "text",
    ["my class", "the assessment", "Scunthorpe", "my therapist", "cocktails", "shiitake",
     "Sussex", "grapes", "analysis", "I was such an idiot to trust him",
     "my brain won't shut up", "she told me to just get over it", "don't kill yourself over it"],
)
def test_lookalikes_pass_even_at_level_4(text: str) -> None:
    assert STRICT.check_message(text).action == Action.ALLOW, STRICT.check_message(text)


def test_blocked_terms_and_allowed_terms() -> None:
    p = build_pipeline(RoomModeration(rules=("abuse",), abuse_level=4,
                                      blocked_terms=("bad clinic",), allowed_terms=("shit",)))
    v = p.check_message("that bad clinic again")
    assert v.action == Action.HOLD and "custom_term" in v.codes
    assert p.check_message("this is shit").action == Action.ALLOW


def test_blocked_term_reject_action() -> None:
    p = build_pipeline(RoomModeration(rules=("abuse",), blocked_terms=("spoiler",),
                                      blocked_action="reject"))
    assert p.check_message("SPOILER: he dies").action == Action.REJECT


def test_blocked_patterns() -> None:
    p = build_pipeline(RoomModeration(rules=("abuse",), blocked_patterns=(r"buy\s+\w+\s+now",)))
    v = p.check_message("Buy crypto now!!")
    assert v.action == Action.HOLD and "custom_pattern" in v.codes


def test_names_use_strictest_list() -> None:
    assert DEFAULT.check_name("xXfuckerXx").action == Action.REJECT
    assert DEFAULT.check_name("ShitLord").action == Action.REJECT
    assert DEFAULT.check_name("Cassandra").action == Action.ALLOW
