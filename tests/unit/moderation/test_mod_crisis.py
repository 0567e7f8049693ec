from __future__ import annotations

import pytest

from moderation import Action, RoomModeration, build_pipeline
from moderation.crisis import assess
from moderation.normalize import normalize

DEFAULT = build_pipeline(RoomModeration())
HOLD_IDEATION = build_pipeline(RoomModeration(crisis_hold_ideation=True))


@pytest.mark.parametrize(
    "text",
    [
        "I have the pills saved up",
        "I'm going to jump off the bridge tonight",
        "gonna k1ll mys3lf tonight",
        "i'm going to k i l l myself",
        "the rope is in my car, I just need the courage",
    ],
)
def test_plan_escalates(text: str) -> None:
    v = DEFAULT.check_message(text)
    assert v.crisis == "plan"
    assert v.action == Action.ESCALATE
    assert "crisis_plan" in v.codes


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to be here anymore",
        "I wish I could disappear forever",
        "sometimes I think everyone would be better off without me",
        "i feel like such a burden",
    ],
)
def test_ideation_delivers_with_alert_by_default(text: str) -> None:
    v = DEFAULT.check_message(text)
    assert v.crisis == "ideation"
    assert v.action == Action.ALLOW
    assert v.text == text


def test_acquired_means_with_intent_is_a_plan_and_says_why() -> None:
    v = DEFAULT.check_message("I bought a rope today. I know what I'm doing with it")
    assert v.crisis == "plan" and v.action == Action.ESCALATE
    assert "rope" in v.why


def test_ideation_held_when_room_asks() -> None:
    v = HOLD_IDEATION.check_message("I just want to die")
    assert v.crisis == "ideation"
    assert v.action == Action.ESCALATE


@pytest.mark.parametrize(
    "text",
    [
        "this exam is killing me", "I could kill for a coffee", "I died laughing",
        "my feet are killing me", "dying to see that movie", "killed it at work",
        "drop dead gorgeous", "I'd rather die than sing karaoke", "ready to die on this hill",
        "my phone is dying", "I want to dye my hair", "I cut myself shaving",
    ],
)
def test_figures_of_speech_are_not_crises(text: str) -> None:
    assert DEFAULT.check_message(text).crisis is None


@pytest.mark.parametrize(
    "text",
    [
        "I'm not suicidal anymore, therapy helped",
        "I used to self harm but I've been clean for two years",
        "I would never kill myself",
        "my therapist asked if I've had thoughts of self harm",
    ],
)
def test_negated_or_past_is_not_plan_level(text: str) -> None:
    level = assess(normalize(text)).level
    assert level in (None, "history", "possible"), level


def test_crisis_never_rejects_or_redacts() -> None:
    v = DEFAULT.check_message("I'm going to kill myself tonight, email me jane@x.com")
    assert v.action == Action.ESCALATE
    assert v.text.startswith("I'm going to kill myself")  # escalated text stays original


def test_facilitator_plan_flags_but_is_never_held() -> None:
    v = DEFAULT.check_message("if you have the pills saved up, tell us", exempt=True)
    assert v.action == Action.ALLOW
    assert all(r.exempt for r in v.reasons if r.action > Action.ALLOW)


def test_possible_tier_is_only_a_hint() -> None:
    v = DEFAULT.check_message("my grandad died last week")
    assert v.crisis is None
    assert v.action == Action.ALLOW


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("gave my cat to my sister so she's looked after", "plan"),
        ("I've written letters to everyone. they're in the drawer by my bed", "plan"),
        ("already took the pills about 20 min ago. feeling sleepy", "plan"),
        ("wouldn't mind not waking up tomorrow", "ideation"),
        ("cut again last night", "plan"),  # recent self-harm is held
        ("the voices in my head say end it", "ideation"),
        ("I won't be a problem for anyone much longer", "ideation"),
    ],
)
def test_scored_detector_catches_indirect_wording(text: str, level: str) -> None:
    assert DEFAULT.check_message(text).crisis == level


@pytest.mark.parametrize(
    "text",
    [
        "my uncle died by suicide last year and I miss him",
        "my grandma is dying of cancer",
        "I used to self-harm but I'm 2 years clean",
        "if anyone is struggling tonight, 988 is there 24/7",
        "this is my last message tonight, off to bed, night all",
        "we got killed in the second half",
        "the pharmacist counted out my pills and said take two a day",
        "I'm going to hang the pictures tonight",
    ],
)
def test_grief_recovery_information_and_idioms_do_not_flag(text: str) -> None:
    assert DEFAULT.check_message(text).crisis is None


@pytest.mark.parametrize("unit", ["he died ", "my friend is suicidal ", "if you want to die "])
def test_scorer_stays_linear_on_long_input(unit: str) -> None:
    import time

    text = (unit * 600)[:4000]
    start = time.perf_counter()
    DEFAULT.check_message(text)
    assert time.perf_counter() - start < 0.25
