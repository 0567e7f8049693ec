"""Precision / recall on the labelled corpus, with the product's acceptance thresholds.

``labelled.jsonl`` is the development corpus (rules were iterated against it, as were
``heldout.jsonl`` and ``fresh.jsonl`` after their first run). ``blind.jsonl`` was never used
for tuning the phrase rules; its figures are the honest estimate for unseen text and are
printed, not asserted (except the false-positive ceiling). Run with ``-s`` to see them.
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
    for name in ("labelled", "heldout", "fresh", "blind"):
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


@pytest.mark.parametrize("name", ["labelled", "heldout", "fresh", "blind"])
def test_false_positive_ceiling(name: str) -> None:
    report = evaluate(CORPUS_DIR / f"{name}.jsonl")
    rate = report.figures["benign-all false-positive rate"]
    assert math.isnan(rate) or rate <= 0.02, report.misses


def test_abuse_lookalikes_pass_even_at_strictest_level(labelled: Report) -> None:
    assert labelled.figures["abuse_lookalike FP rate (level 4)"] <= 0.05
    assert labelled.figures["abuse recall (level 4)"] >= 0.9
