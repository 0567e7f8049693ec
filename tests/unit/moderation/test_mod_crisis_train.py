"""The training script and pure-Python inference agree (same features, same scaling)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "tools"))
pytest.importorskip("sklearn")

import train_crisis  # noqa: E402

from moderation.crisis.features import crisis_view  # noqa: E402
from moderation.crisis.model import load_model  # noqa: E402
from moderation.crisis.rules import mask  # noqa: E402
from moderation.normalize import normalize  # noqa: E402


def test_inference_matches_scikit_learn_on_a_small_model() -> None:
    rows = train_crisis.load_rows()[::12]
    y = np.array([train_crisis.CLASSES.index(str(r["label"])) if r["label"] in train_crisis.CLASSES else 0
                  for r in rows])
    docs = [train_crisis.doc_features(str(r["text"])) for r in rows]
    index = train_crisis.vocabulary(docs)
    fitted = train_crisis.fit(train_crisis.matrix(docs, index), y)
    th = {"default": {"flag": 0.5, "plan": 0.5, "possible": 0.3}}
    model = load_model(io.BytesIO(train_crisis.export(fitted, index, 1.0, th)))
    expected = fitted.predict_proba(train_crisis.matrix(docs, index))
    checked = 0
    for row, p in zip(rows, expected, strict=True):
        s = model.score(mask(crisis_view(normalize(str(row["text"])).lower))[0])
        if not s.scored:
            continue
        assert s.p_ideation == pytest.approx(p[1], abs=1e-4)
        assert s.p_plan == pytest.approx(p[2], abs=1e-4)
        checked += 1
    assert checked > 200


def test_training_is_deterministic_on_a_subset() -> None:
    rows = train_crisis.load_rows()[::25]
    y = np.array([1 if r["label"] != "calm" else 0 for r in rows])
    docs = [train_crisis.doc_features(str(r["text"])) for r in rows]
    index = train_crisis.vocabulary(docs)
    th = {"default": {"flag": 0.5, "plan": 0.5, "possible": 0.3}}
    a = train_crisis.export(train_crisis.fit(train_crisis.matrix(docs, index), y), index, 1.0, th)
    b = train_crisis.export(train_crisis.fit(train_crisis.matrix(docs, index), y), index, 1.0, th)
    assert a == b
