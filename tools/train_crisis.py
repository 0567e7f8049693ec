"""Train the crisis classifier: ``moderation/corpus/train/*.jsonl`` → ``moderation/data/crisis_model.npz``.

    ./dev train            # cross-validate, choose thresholds, write the weight file
    ./dev train --check    # retrain in memory and fail if the shipped file differs

scikit-learn is a training-time dependency only (the ``train`` extra); the server reads the
weight file with numpy (moderation/crisis/model.py). Only ``train/`` is read here: the blind
sets in ``moderation/corpus/blind/`` and ``final/`` are never opened by this script.

Steps, all deterministic (fixed seeds, sorted vocabulary, sorted JSON, zip entries without
timestamps), so the same corpus gives byte-identical weights:

1. Features from ``moderation.crisis.features`` and ``cues`` on ``crisis_view`` of the
   normalizer's lower-case view, masked by ``rules.mask`` — the same code inference runs; a
   feature must occur in at least ``MIN_DF`` messages.
2. Grouped 5-fold cross-validation (groups are runs of 40 consecutive lines of one file, so a
   writer's near-paraphrases never straddle train and test) yields out-of-fold logits for
   every training message (cached in ``.cache/`` by corpus digest and settings).
3. A temperature is fitted on those logits (calibration), then the thresholds are chosen per
   language on the calibrated out-of-fold probabilities by ``choose_thresholds``.
4. One network (one hidden layer of ``HIDDEN`` units) on all of the data; the file records
   the corpus digest, the thresholds and the out-of-fold figures.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import sys
import zipfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import warnings  # noqa: E402

import numpy as np  # noqa: E402
from scipy.optimize import minimize_scalar  # noqa: E402
from scipy.sparse import csr_matrix  # noqa: E402
from sklearn.exceptions import ConvergenceWarning  # noqa: E402
from sklearn.neural_network import MLPClassifier  # noqa: E402

from moderation.crisis.cues import cues  # noqa: E402
from moderation.crisis.features import crisis_view, features, tokens  # noqa: E402
from moderation.crisis.model import MODEL_PATH  # noqa: E402
from moderation.crisis.rules import mask  # noqa: E402
from moderation.normalize import normalize  # noqa: E402

TRAIN_DIR = ROOT / "moderation" / "corpus" / "train"
CLASSES = ("none", "ideation", "plan")
SEED = 20261202
FOLDS = 5
GROUP_LINES = 40
HIDDEN = 32        # one hidden layer (chosen by grouped cross-validation on the training data)
ALPHA = 1e-4       # L2 penalty
EPOCHS = 30
MIN_DF = 3

# Threshold policy (chosen on out-of-fold predictions of the training data only).
FLAG_MAX_CALM = 0.035      # at most this share of calm messages flagged ideation or plan
PLAN_MIN_RECALL = 0.93     # flagged plan-level messages held at least this often
POSSIBLE_MAX_CALM = 0.08   # the quiet hint fires for at most this share of calm messages
EVERYDAY_MAX_FLAG = 0.01   # plain room chat (greetings, thanks, goodnights) flagged at most this often,
EVERYDAY_MAX_HELD = 0.002  # ... held at most this often,
EVERYDAY_MAX_HINT = 0.02   # ... and hinted at most this often
MIN_PER_CLASS = 30         # a language gets its own thresholds only with this many of each class


def load_rows() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted(TRAIN_DIR.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for i, line in enumerate(f):
                if line.strip():
                    row = json.loads(line)
                    row["group"] = f"{path.stem}:{i // GROUP_LINES}"
                    rows.append(row)
    return rows


def is_plain_chat(row: dict[str, str]) -> bool:
    """Plain room chat (greetings, thanks, goodnights) comes from the ``*_everyday_*`` files;
    it has its own, stricter ceilings in ``choose_thresholds``."""
    return "_everyday_" in row["group"].split(":")[0]


def corpus_digest() -> str:
    h = hashlib.sha256()
    for path in sorted(TRAIN_DIR.glob("*.jsonl")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def doc_features(text: str) -> list[str]:
    """What inference sees (moderation/crisis/model.py): the masked text's n-grams and cues."""
    scored, _ = mask(crisis_view(normalize(text).lower))
    return features(tokens(scored)) + cues(scored)


def matrix(docs: Sequence[list[str]], index: dict[str, int]) -> csr_matrix:
    """Rows as inference sees them: each n-gram family (``w:``, ``b:``, ``c:``) scaled to unit
    length on its own, so a long word's many character pieces do not drown its words; cues
    (``q:``) weigh 1."""
    data: list[float] = []
    cols: list[int] = []
    ptr = [0]
    for d in docs:
        counts = Counter(f[0] for f in d)
        for f in d:
            j = index.get(f)
            if j is not None:
                cols.append(j)
                data.append(1.0 if f[0] == "q" else 1.0 / math.sqrt(counts[f[0]]))
        ptr.append(len(cols))
    return csr_matrix((data, cols, ptr), shape=(len(docs), len(index)), dtype=np.float64)


def vocabulary(docs: Sequence[list[str]]) -> dict[str, int]:
    df: Counter[str] = Counter()
    for d in docs:
        df.update(set(d))
    return {f: i for i, f in enumerate(sorted(f for f, c in df.items() if c >= MIN_DF))}


def fit(x: csr_matrix, y: np.ndarray) -> MLPClassifier:
    model = MLPClassifier(hidden_layer_sizes=(HIDDEN,), alpha=ALPHA, max_iter=EPOCHS, random_state=SEED)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # a fixed number of epochs, on purpose
        model.fit(x, y)
    return model


def relative_logits(model: MLPClassifier, x: csr_matrix) -> np.ndarray:
    logp = np.log(np.clip(model.predict_proba(x), 1e-300, 1.0))
    return logp[:, 1:] - logp[:, :1]  # ideation and plan relative to none


def probs(z: np.ndarray, temperature: float) -> np.ndarray:
    full = np.hstack([np.zeros((z.shape[0], 1)), z]) / temperature
    full -= full.max(axis=1, keepdims=True)
    e = np.exp(full)
    return e / e.sum(axis=1, keepdims=True)


def folds(groups: Sequence[str]) -> list[np.ndarray]:
    names = sorted(set(groups))
    rng = np.random.default_rng(SEED)
    order = rng.permutation(len(names))
    fold_of = {names[k]: int(pos % FOLDS) for pos, k in enumerate(order)}
    g = np.array([fold_of[x] for x in groups])
    return [np.where(g == k)[0] for k in range(FOLDS)]


def out_of_fold(docs: list[list[str]], y: np.ndarray, groups: list[str]) -> np.ndarray:
    z = np.zeros((len(docs), 2))
    for test in folds(groups):
        train = np.setdiff1d(np.arange(len(docs)), test)
        index = vocabulary([docs[i] for i in train])
        model = fit(matrix([docs[i] for i in train], index), y[train])
        z[test] = relative_logits(model, matrix([docs[i] for i in test], index))
    return z


def fit_temperature(z: np.ndarray, y: np.ndarray) -> float:
    def nll(t: float) -> float:
        p = probs(z, t)
        return float(-np.mean(np.log(np.clip(p[np.arange(len(y)), y], 1e-12, 1.0))))
    return float(minimize_scalar(nll, bounds=(0.2, 10.0), method="bounded").x)


def choose_thresholds(p: np.ndarray, y: np.ndarray, everyday: np.ndarray) -> dict[str, float]:
    """``everyday`` marks the plain chat of a room (files ``e*_everyday_*``): it has its own,
    stricter ceiling, and the calm ceiling is measured on the other (harder) calm messages."""
    crisis = p[:, 1] + p[:, 2]
    calm = (y == 0) & ~everyday
    grid = np.round(np.arange(0.02, 0.99, 0.005), 3)

    def ok(t: float) -> bool:
        plain = not everyday.any() or np.mean(crisis[everyday] >= t) <= EVERYDAY_MAX_FLAG
        return plain and np.mean(crisis[calm] >= t) <= FLAG_MAX_CALM

    flag = min(t for t in grid if ok(t))
    # Among the messages flagged, a plan is held when p_plan reaches the highest threshold that
    # still holds PLAN_MIN_RECALL of the flagged plan-level messages: a plan shown to the whole
    # room is the failure that matters, an ideation message held for review the lesser one.
    flagged_plans = (y == 2) & (crisis >= flag)
    good = [t for t in grid if np.mean(p[flagged_plans, 2] >= t) >= PLAN_MIN_RECALL]
    plan = max(good) if good else float(grid[0])
    if everyday.any():  # plain chat is almost never held
        held = (crisis[everyday] >= flag)
        held_ok = [t for t in grid if np.mean(held & (p[everyday, 2] >= t)) <= EVERYDAY_MAX_HELD]
        plan = max(plan, min(held_ok)) if held_ok else plan
    hints = [t for t in grid if t <= flag and np.mean(crisis[calm] >= t) <= POSSIBLE_MAX_CALM
             and (not everyday.any() or np.mean(crisis[everyday] >= t) <= EVERYDAY_MAX_HINT)]
    possible = min(hints) if hints else flag
    return {"flag": float(flag), "plan": float(plan), "possible": float(possible)}


def levels(p: np.ndarray, th: dict[str, float]) -> np.ndarray:
    crisis = p[:, 1] + p[:, 2]
    out = np.zeros(len(p), dtype=int)
    out[crisis >= th["possible"]] = 1
    out[crisis >= th["flag"]] = 2
    out[(crisis >= th["flag"]) & (p[:, 2] >= th["plan"])] = 3
    return out  # 0 none, 1 possible, 2 ideation, 3 plan


def report(p: np.ndarray, y: np.ndarray, th: dict[str, float]) -> dict[str, float]:
    lv = levels(p, th)
    crisis_y = y > 0
    flagged = lv >= 2
    figs = {
        "crisis_recall": float(np.mean(flagged[crisis_y])),
        "crisis_precision": float(np.mean(crisis_y[flagged])) if flagged.any() else 1.0,
        "plan_held": float(np.mean(lv[y == 2] == 3)),
        "ideation_held": float(np.mean(lv[y == 1] == 3)),
        "calm_flagged": float(np.mean(flagged[y == 0])),
        "calm_possible": float(np.mean(lv[y == 0] == 1)),
    }
    return figs


def export(model: MLPClassifier, index: dict[str, int], temperature: float,
           thresholds: dict[str, dict[str, float]], meta: dict[str, object] | None = None) -> bytes:
    """The weight file inference reads: a zip (``.npz``) of the vocabulary, the two layers
    and a JSON header (temperature, thresholds, provenance). Byte-identical for equal input.
    The big first layer is stored as float16 (half the size; differences below 1e-3)."""
    header = {"classes": list(CLASSES), "hidden": HIDDEN, "temperature": round(temperature, 6),
              "thresholds": thresholds, **(meta or {})}
    vocab = sorted(index, key=index.__getitem__)
    arrays = {
        "w1": model.coefs_[0].astype(np.float16), "b1": model.intercepts_[0].astype(np.float32),
        "w2": model.coefs_[1].astype(np.float32), "b2": model.intercepts_[1].astype(np.float32),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        def put(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
        put("header.json", json.dumps(header, sort_keys=True, indent=1).encode())
        put("vocab.txt", "\n".join(vocab).encode())
        for name, arr in arrays.items():
            out = io.BytesIO()
            np.save(out, arr, allow_pickle=False)
            put(f"{name}.npy", out.getvalue())
    return buf.getvalue()


def train(verbose: bool = True) -> bytes:
    rows = load_rows()
    y = np.array([CLASSES.index(r["label"]) if r["label"] in CLASSES else 0 for r in rows])
    docs = [doc_features(r["text"]) for r in rows]
    groups = [r["group"] for r in rows]
    cache = ROOT / ".cache" / f"crisis_oof_{corpus_digest()[:16]}_{HIDDEN}_{ALPHA}_{EPOCHS}.npy"
    if cache.exists():  # out-of-fold logits depend only on the corpus and the settings above
        z = np.load(cache)
    else:
        z = out_of_fold(docs, y, groups)
        cache.parent.mkdir(exist_ok=True)
        np.save(cache, z)
    temperature = fit_temperature(z, y)
    p = probs(z, temperature)
    # Thresholds per language (the room's language picks them; "default" for any other),
    # each chosen on that language's out-of-fold predictions alone.
    langs = np.array([r.get("lang", "en") for r in rows])
    everyday = np.array([is_plain_chat(r) for r in rows])
    th_all: dict[str, dict[str, float]] = {"default": choose_thresholds(p, y, everyday)}
    for lang in sorted(set(langs)):
        sel = langs == lang
        if min(np.sum(y[sel] == k) for k in range(3)) >= MIN_PER_CLASS:
            th_all[lang] = choose_thresholds(p[sel], y[sel], everyday[sel])
    figs = {}
    for lang, th in th_all.items():
        sel = np.ones(len(rows), bool) if lang == "default" else langs == lang
        for k, v in report(p[sel], y[sel], th).items():
            figs[f"{lang}_{k}"] = round(v, 4)
        if everyday[sel].any():
            figs[f"{lang}_everyday_flagged"] = round(float(np.mean(levels(p[sel], th)[everyday[sel]] >= 2)), 4)
    if verbose:
        print(f"{len(rows)} messages; temperature {temperature:.3f}")
        for lang, th in th_all.items():
            print(f"  {lang:8} thresholds {th}")
        for k, v in figs.items():
            print(f"  out-of-fold {k:<30} {v:.3f}")
    index = vocabulary(docs)
    model = fit(matrix(docs, index), y)
    digest = corpus_digest()
    meta = {"version": f"crisis-mlp-{digest[:12]}", "corpus_sha256": digest, "messages": len(rows),
            "out_of_fold": figs}
    if verbose:
        print(f"{len(index)} features")
    return export(model, index, temperature, th_all, meta)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if the shipped weights differ from a retrain")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args(argv)
    blob = train(verbose=not args.check)
    if args.check:
        same = args.out.exists() and args.out.read_bytes() == blob
        print("weights are up to date" if same else f"{args.out} differs from a retrain: run ./dev train")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(blob)
    print(f"wrote {args.out.relative_to(ROOT)} ({len(blob) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
