"""Crisis levels, their actions and explanations, languages, and the rules-only fallback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from moderation import Action, RoomModeration, build_pipeline
from moderation.crisis import model as weights
from moderation.crisis import rule

DEFAULT = build_pipeline(RoomModeration())


def test_a_plan_is_held_and_says_why() -> None:
    v = DEFAULT.check_message("tomorrow after work i'm taking all the pills i saved, i've decided")
    assert v.action == Action.ESCALATE and v.crisis == "plan"
    assert v.why and all(isinstance(w, str) for w in v.why)


def test_explanations_never_reach_reasons() -> None:
    v = DEFAULT.check_message("i just want to die, everyone would be better off without me")
    assert v.crisis in ("ideation", "plan")
    text_words = set(v.why)
    assert text_words
    for r in v.reasons:  # reasons go to the audit trail: codes only
        assert r.code not in text_words and r.rule not in text_words


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "ya no puedo más, esta noche me tomo todas las pastillas que guardé"),
        ("pt", "não aguento mais, hoje à noite vou tomar todos os comprimidos que guardei"),
        ("fr", "j'en peux plus, ce soir je prends tous les cachets que j'ai gardés"),
        ("de", "ich kann nicht mehr, heute nacht nehme ich alle tabletten die ich gesammelt habe"),
    ],
)
def test_supported_languages_catch_a_plain_plan(language: str, text: str) -> None:
    v = build_pipeline(RoomModeration(language=language)).check_message(text)
    assert v.crisis == "plan", (language, v.codes)


def test_unsupported_language_is_limited_but_still_runs() -> None:
    config = RoomModeration(language="it")
    assert config.detection_limited
    v = build_pipeline(config).check_message("I'm going to kill myself tonight")
    assert v.crisis == "plan"


@pytest.mark.parametrize("text", ["🙂🙂🙂", "😭" * 900, "Привет, как дела? 你好 مرحبا", "\u202e\u200b x", "a" * 4000,
                                  "k i l l " * 400, "?" * 3000])
def test_any_text_gets_a_verdict(text: str) -> None:
    v = DEFAULT.check_message(text)
    assert isinstance(v.action, Action)


@pytest.fixture
def broken_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    bad = tmp_path / "crisis_model.npz"
    bad.write_bytes(b"not a weight file")
    monkeypatch.setattr(weights, "MODEL_PATH", bad)
    rule.model.cache_clear()
    yield
    monkeypatch.undo()
    rule.model.cache_clear()


def test_a_failing_model_falls_back_to_the_rules_and_says_so(broken_model: None) -> None:
    assert not rule.model_available()
    pipeline = build_pipeline(RoomModeration())
    v = pipeline.check_message("I want to kill myself")
    assert v.crisis == "ideation"
    assert "crisis_model_unavailable" in v.codes
    v = pipeline.check_message("I'm going to kill myself tonight")
    assert v.crisis == "plan" and v.action == Action.ESCALATE
    assert "crisis_model_unavailable" in v.codes
    v = pipeline.check_message("what a lovely evening with the group")
    assert v.crisis is None and v.action == Action.ALLOW


def test_the_model_is_back_after_the_fallback_test() -> None:
    assert rule.model_available()


EVERYDAY = [
    "Mine too, thank you for going first.",
    "thanks everyone, see you next week",
    "i have to go now, bye everyone!",
    "i will be here next week too",
    "take care everyone, goodnight",
    "going to make some tea, back in a bit",
    "Thank you for listening, everyone.",
    "this is my last message tonight, off to bed",
    "bye guys, gotta go pick up my son",
    "love you all, see you soon",
    "me tengo que ir, buenas noches a todos",
    "tchau gente, até semana que vem",
    "bonne nuit tout le monde, à la semaine prochaine",
    "tschüss zusammen, bis nächste woche",
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_room_talk_is_not_a_crisis(text: str) -> None:
    v = DEFAULT.check_message(text)
    assert v.crisis is None and v.action == Action.ALLOW, v.codes


# The failure shapes issue #15 quotes, each as it would be typed in a room.
@pytest.mark.parametrize(
    "text",
    [
        "friday is the day. i already deleted my instagram and left everything tidy for whoever comes",
        "this is my last post here",
        "how many of my mums amitriptyline would it take",
        "what floor would be high enough",
        "187 days clean and i cut again last night, deeper than before",  # a clean streak doesn't cancel it
        "on saturday i will drive to the bridge on the A38 and jump",  # a plan, a date and a place
    ],
)
def test_reported_plan_shapes_are_held(text: str) -> None:
    v = DEFAULT.check_message(text)
    assert v.crisis == "plan" and v.action == Action.ESCALATE, v.codes


@pytest.mark.parametrize(
    "text",
    [
        "I took two ibuprofen for a headache",  # was escalated as a plan
        "goodbye to my old job today, so relieved",  # was escalated as a plan
        "cut my finger chopping onions lol",
        "my character died in elden ring again",
        "tu me fais mourir de rire",
    ],
)
def test_reported_calm_shapes_pass_untouched(text: str) -> None:
    v = DEFAULT.check_message(text)
    assert v.crisis is None and v.action == Action.ALLOW and v.text == text, v.codes
