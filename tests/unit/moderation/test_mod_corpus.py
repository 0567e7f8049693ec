"""Precision / recall on the labelled corpus, with the product's acceptance thresholds.

``labelled.jsonl`` is the development corpus (rules were iterated against it, as were
``heldout.jsonl`` and ``fresh.jsonl`` after their first run). ``blind.jsonl`` was never used
for tuning the phrase rules; its figures are the honest estimate for unseen text and are
printed, not asserted (except the false-positive ceiling). Run with ``-s`` to see them.

``generalization.jsonl`` (273 messages, many voices, hard negatives) was written before the
scored detector (``rules/crisis_score.py``) and is now tuned on, so it carries the main
thresholds. ``generalization2.jsonl`` (126) was written after the scorer, without looking at
its word lists; its first run was crisis recall 0.317 / precision 0.760 (see
docs/moderation.md). It was tuned on once afterwards, so its floor below is a regression
guard at the tuned figure minus a margin, not a generalization claim.

The default configuration includes the learned classifier (``crisis_model=True``), which
was trained on labelled, heldout, fresh, generalization and generalization2, so their
figures here are in-sample for it too. Held-out figures (blind, blind2), rules alone vs.
combined, are in ``test_mod_crisis_model.py``.
"""

from __future__ import annotations

import math

import pytest
from corpus_eval import CORPUS_DIR, Report, evaluate


@pytest.fixture(scope="module")
def labelled() -> Report:
    return evaluate(CORPUS_DIR / "labelled.jsonl")


def test_corpus_is_big_and_varied() -> None:
    from corpus_eval import load_corpus

    rows = load_corpus()
    cats = {r["category"] for r in rows}
    assert len(rows) >= 400
    assert len({r["text"] for r in rows}) == len(rows)
    assert {
        "crisis_plan", "crisis_ideation", "idiom", "pii_email", "pii_phone", "pii_address",
        "pii_handle", "pii_url", "pii_name", "pii_obfuscated", "benign_lookalike", "abuse",
        "abuse_lookalike", "benign",
    } <= cats


def test_print_figures(labelled: Report) -> None:
    for name in ("labelled", "heldout", "fresh", "blind", "generalization", "generalization2"):
        report = labelled if name == "labelled" else evaluate(CORPUS_DIR / f"{name}.jsonl")
        print(f"\n== {name}.jsonl")
        print("\n".join(line for line in report.lines() if "nan" not in line))


def test_crisis_targets(labelled: Report) -> None:
    f = labelled.figures
    assert f["crisis recall (any flag)"] >= 0.97, labelled.misses
    assert f["crisis precision (any flag)"] >= 0.85
    assert f["idiom crisis-flag rate"] <= 0.05


def test_pii_targets(labelled: Report) -> None:
    f = labelled.figures
    assert f["pii recall (all pii_*)"] >= 0.95, labelled.misses
    for key, value in f.items():
        if key.startswith("pii_") and key.endswith("recall"):
            assert value >= 0.90, key


@pytest.mark.parametrize(
    "name", ["labelled", "heldout", "fresh", "blind", "blind2", "generalization", "generalization2"]
)
def test_false_positive_ceiling(name: str) -> None:
    if not (CORPUS_DIR / f"{name}.jsonl").exists():
        pytest.skip(f"{name}.jsonl not present")
    report = evaluate(CORPUS_DIR / f"{name}.jsonl")
    rate = report.figures["benign-all false-positive rate"]
    assert math.isnan(rate) or rate <= 0.02, report.misses


def test_abuse_lookalikes_pass_even_at_strictest_level(labelled: Report) -> None:
    assert labelled.figures["abuse_lookalike FP rate (level 4)"] <= 0.05
    assert labelled.figures["abuse recall (level 4)"] >= 0.9


def test_generalization_set_meets_main_thresholds() -> None:
    report = evaluate(CORPUS_DIR / "generalization.jsonl")
    f = report.figures
    assert f["crisis recall (any flag)"] >= 0.97, report.misses
    assert f["crisis precision (any flag)"] >= 0.85
    assert f["idiom crisis-flag rate"] <= 0.05, report.misses
    assert f["benign-all false-positive rate"] <= 0.02, report.misses
    assert f["crisis_plan escalated (level=plan)"] >= 0.90, report.misses


def test_generalization2_figures_printed_with_a_floor() -> None:
    report = evaluate(CORPUS_DIR / "generalization2.jsonl")
    f = report.figures
    print("\n== generalization2.jsonl (first run: recall 0.317, precision 0.760)")
    print("\n".join(line for line in report.lines() if "nan" not in line))
    # Tuned once after its first run to 0.767 recall; the floor only catches regressions.
    assert f["crisis recall (any flag)"] >= 0.70, report.misses
    assert f["crisis precision (any flag)"] >= 0.85
