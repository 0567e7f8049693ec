"""The safety corpus: training data, blind sets, and the shipped model's link to them.

Training data (``moderation/corpus/train``) and blind sets (``moderation/corpus/blind``) come
from separately briefed writers; the blind writers never saw the rules, the model or the
training data. Figures on the blind sets are printed (``-s``) and guarded by floors a little
below what was measured when the model was frozen: a floor catches a regression, it is not a
target (docs/moderation.md has the targets and the measured figures with intervals).
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import pytest

from moderation import Action, RoomModeration, build_pipeline

ROOT = Path(__file__).resolve().parents[3]
TRAIN = ROOT / "moderation" / "corpus" / "train"
BLIND = ROOT / "moderation" / "corpus" / "blind"
FINAL = ROOT / "moderation" / "corpus" / "final"
sys.path.insert(0, str(ROOT / "tools"))

import eval_safety  # noqa: E402


def rows(folder: Path) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            out.extend(json.loads(line) for line in f if line.strip())
    return out


def test_training_corpus_is_big_varied_and_multilingual() -> None:
    train = rows(TRAIN)
    assert len(train) >= 5000
    labels = {str(r["label"]) for r in train}
    assert {"plan", "ideation", "calm"} <= labels
    langs = {str(r.get("lang", "en")) for r in train}
    assert {"en", "es", "pt", "fr", "de"} <= langs
    kinds = {str(r["kind"]) for r in train if r["label"] == "plan"}
    assert {"plan", "means", "acute", "selfharm", "goodbye"} <= kinds


def test_no_blind_text_is_in_the_training_data() -> None:
    seen = {str(r["text"]).strip().lower() for r in rows(TRAIN)}
    leaked = [r["text"] for r in rows(BLIND) + rows(FINAL) if str(r["text"]).strip().lower() in seen]
    assert leaked == []


def test_shipped_weights_were_trained_on_this_corpus() -> None:
    import train_crisis

    with zipfile.ZipFile(ROOT / "moderation" / "data" / "crisis_model.npz") as zf:
        meta = json.loads(zf.read("header.json"))
    assert meta["corpus_sha256"] == train_crisis.corpus_digest(), "retrain: ./dev train"
    assert set(meta["thresholds"]) >= {"default", "en", "es", "pt", "fr", "de"}


@pytest.fixture(scope="module")
def figures() -> dict[str, tuple[int, int]]:
    lines, counts = eval_safety.evaluate({**eval_safety.load(None, BLIND), **eval_safety.load(None, FINAL)})
    print("\n" + "\n".join(lines))
    return counts


def rate(figures: dict[str, tuple[int, int]], key: str) -> float:
    k, n = figures[key]
    return k / n


def test_blind_crisis_floors(figures: dict[str, tuple[int, int]]) -> None:
    assert rate(figures, "crisis recall") >= FLOORS["crisis recall"]
    assert rate(figures, "crisis precision") >= FLOORS["crisis precision"]
    assert rate(figures, "plan-level held") >= FLOORS["plan-level held"]
    assert rate(figures, "calm flagged or changed") <= CEILINGS["calm flagged or changed"]


def test_blind_pii_floors(figures: dict[str, tuple[int, int]]) -> None:
    assert rate(figures, "pii recall") >= FLOORS["pii recall"]
    assert rate(figures, "benign changed (not allowed as written)") <= CEILINGS["benign changed"]


def test_every_blind_message_gets_a_verdict() -> None:
    pipeline = build_pipeline(RoomModeration())
    for r in rows(BLIND):
        v = pipeline.check_message(str(r["text"]))
        assert isinstance(v.action, Action)


# Measured when the model was frozen (docs/moderation.md), minus a small margin.
# Frozen 2026-12-02 (blind/ and final/ together): crisis recall 0.902, precision 0.976, plan held
# 0.829, calm flagged or changed 0.031, PII recall 0.828, benign changed 0.025.
FLOORS = {"crisis recall": 0.88, "crisis precision": 0.96, "plan-level held": 0.80, "pii recall": 0.80}
CEILINGS = {"calm flagged or changed": 0.04, "benign changed": 0.035}
