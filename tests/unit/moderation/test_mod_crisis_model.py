"""The learned crisis classifier (``moderation/rules/crisis_model.py``).

Held-out figures: ``blind.jsonl`` and ``blind2.jsonl`` were never trained on
(``tools/train_crisis_model.py`` refuses to open them) and nothing was tuned after their
first run. The floors below are those first-run figures minus a margin; see
docs/moderation.md for the full table.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time

import pytest
from corpus_eval import CORPUS_DIR, evaluate, load_corpus

from moderation import RoomModeration, build_pipeline
from moderation.normalize import normalize
from moderation.rules import crisis_model
from moderation.rules.crisis import assess, assess_rules
from moderation.rules.crisis_model_weights import THRESHOLDS, VERSION

RULES_ONLY = build_pipeline(RoomModeration(crisis_model=False))
COMBINED = build_pipeline(RoomModeration(crisis_model=True))
TRAIN_FILES = ("labelled", "heldout", "fresh", "generalization", "generalization2")


def _p(text: str) -> tuple[float, float]:
    return crisis_model.probabilities(normalize(text).lower)


def test_weights_load() -> None:
    assert VERSION.startswith("lr-")
    assert len(crisis_model._WA) > 1000
    assert set(THRESHOLDS) == {"ideation", "plan_confident", "plan_with_rules"}
    assert 0.5 <= THRESHOLDS["ideation"] < 1.0


def test_default_config_uses_the_model() -> None:
    assert RoomModeration().crisis_model is True


def test_runtime_does_not_import_training_dependencies() -> None:
    code = ("import sys, moderation; from moderation import build_pipeline, RoomModeration;"
            "build_pipeline(RoomModeration()).check_message('i just want it all to stop');"
            "bad = {'numpy', 'sklearn', 'scipy'} & set(sys.modules); print(sorted(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_deterministic() -> None:
    texts = [r["text"] for r in load_corpus(CORPUS_DIR / "generalization.jsonl")]
    first = [_p(t) for t in texts]
    crisis_model._TOKEN_CACHE.clear()
    assert [_p(t) for t in texts] == first
    assert [_p(t) for t in texts] == first  # now from the token cache


def _reference(text: str) -> tuple[float, float]:
    """The training-time definition: sum over ``features`` (no cache, no split)."""
    feats = crisis_model.features(text)
    a = sum(crisis_model._WA.get(f, 0.0) for f in feats)
    b = sum(crisis_model._WB.get(f, 0.0) for f in feats)
    return a, b


def test_fast_path_matches_feature_definition() -> None:
    rng = random.Random(7)
    texts = [normalize(r["text"]).lower for f in TRAIN_FILES
             for r in load_corpus(CORPUS_DIR / f"{f}.jsonl")]
    for _ in range(300):  # short tokens exercise the boundary cases of _sums
        words = ["".join(rng.choice("abdeiklmnost") for _ in range(rng.randint(1, 4)))
                 for _ in range(rng.randint(3, 12))]
        texts.append(" ".join(words))
    for text in texts:
        if not crisis_model.scorable(text):
            continue
        feats, a, b, count, _ = crisis_model._sums(text)
        a += sum(crisis_model._WA.get(f, 0.0) for f in feats)
        b += sum(crisis_model._WB.get(f, 0.0) for f in feats)
        ra, rb = _reference(text)
        assert count == len(crisis_model.features(text)), text
        assert a == pytest.approx(ra, abs=1e-9) and b == pytest.approx(rb, abs=1e-9), text


@pytest.mark.parametrize(
    "text",
    [
        "i keep thinking everyone would be happier if i was not around",
        "nothing matters anymore, i am so tired of existing",
        "i've got all my pills saved up and i'm ready",
    ],
)
def test_obvious_crisis_scores_high(text: str) -> None:
    p_crisis, p_plan = _p(text)
    assert p_crisis >= 0.8
    assert 0.0 <= p_plan <= p_crisis


@pytest.mark.parametrize(
    "text",
    [
        "the weather is nice today, going for a walk with the dog",
        "thanks everyone for tonight's group, see you next week",
        "does anyone have tips for sleeping better before exams?",
        "this exam is killing me",
        "I died laughing at that video",
        "I cut myself shaving this morning",
    ],
)
def test_benign_scores_low(text: str) -> None:
    assert _p(text)[0] < 0.5
    assert COMBINED.check_message(text).crisis is None


def test_plan_needs_high_confidence() -> None:
    p_crisis, p_plan = _p("i've got all my pills saved up and i'm ready")
    assert crisis_model.combine(None, p_crisis, p_plan) == (
        "plan" if p_plan >= THRESHOLDS["plan_confident"] else "ideation")
    assert crisis_model.combine(None, 0.5, 0.49) is None


def test_never_lowers_or_overrides_discounted_rules() -> None:
    for level in ("plan", "ideation"):
        assert crisis_model.combine(level, 0.0, 0.0) == level
    assert crisis_model.combine("history", 1.0, 1.0) == "history"
    text = "I would never kill myself"
    assert assess_rules(normalize(text)) == "history"
    assert assess(normalize(text), model=True) == "history"


def test_model_level_matches_combine() -> None:
    for f in ("generalization", "generalization2"):
        for row in load_corpus(CORPUS_DIR / f"{f}.jsonl"):
            n = normalize(row["text"])
            rules = assess_rules(n)
            expect = crisis_model.combine(rules, *crisis_model.probabilities(n.lower))
            assert crisis_model.model_level(rules, n.lower) == expect


def test_short_messages_are_left_to_the_rules() -> None:
    assert _p("kms") == (0.0, 0.0) and _p("so done") == (0.0, 0.0)
    assert COMBINED.check_message("kms").crisis == RULES_ONLY.check_message("kms").crisis


def test_fast_enough() -> None:
    texts = [normalize(r["text"]).lower for r in load_corpus(CORPUS_DIR / "labelled.jsonl")]
    for t in texts:
        crisis_model.probabilities(t)
    t0 = time.perf_counter()
    for t in texts:
        crisis_model.probabilities(t)
    per_message = (time.perf_counter() - t0) / len(texts)
    assert per_message < 500e-6  # measured ~25 µs mean; loose for slow CI machines
    rng = random.Random(3)
    long = " ".join("".join(rng.choice("abcdefghij") for _ in range(rng.randint(1, 9)))
                    for _ in range(700))[:4000]
    t0 = time.perf_counter()
    crisis_model.probabilities(long)
    assert time.perf_counter() - t0 < 0.1  # measured ~6 ms, all cache misses


# -- held-out figures -------------------------------------------------------------------

# name: (rules recall, combined recall, combined precision) measured on the first run
FIRST_RUN = {"blind": (0.633, 0.800, 0.889), "blind2": (0.615, 0.770, 0.927)}


@pytest.mark.parametrize("name", ["blind", "blind2"])
def test_held_out_figures_printed_with_a_floor(name: str) -> None:
    path = CORPUS_DIR / f"{name}.jsonl"
    if not path.exists():
        pytest.skip(f"{name}.jsonl not present")
    rules = evaluate(path, crisis_model=False).figures
    comb = evaluate(path, crisis_model=True).figures
    print(f"\n== {name}.jsonl (first run: {FIRST_RUN[name]})")
    for key in ("crisis recall (any flag)", "crisis precision (any flag)", "crisis_plan recall",
                "crisis_ideation recall", "crisis_plan escalated (level=plan)",
                "benign-all false-positive rate", "benign-all crisis-flag rate"):
        print(f"{key:<40} rules {rules[key]:.3f}   combined {comb[key]:.3f}")
    _, recall, precision = FIRST_RUN[name]
    assert comb["crisis recall (any flag)"] >= recall - 0.08
    assert comb["crisis recall (any flag)"] > rules["crisis recall (any flag)"]
    assert comb["crisis precision (any flag)"] >= max(0.85, precision - 0.05)
    assert comb["benign-all false-positive rate"] <= 0.02
