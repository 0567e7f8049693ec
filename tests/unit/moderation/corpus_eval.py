"""Shared corpus evaluation used by the metrics test and the benchmark."""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from moderation import Action, RoomModeration, Verdict, build_pipeline

CORPUS_DIR = Path(__file__).parent / "corpus"
CORPUS = CORPUS_DIR / "labelled.jsonl"
HELDOUT = CORPUS_DIR / "heldout.jsonl"

PII_CODES = {
    "pii_email": {"email"},
    "pii_phone": {"phone"},
    "pii_address": {"address"},
    "pii_handle": {"handle"},
    "pii_url": {"url"},
    "pii_name": {"full_name"},
    "pii_obfuscated": {"email", "phone", "address", "handle", "url", "full_name"},
}
CRISIS_CATS = ("crisis_plan", "crisis_ideation")
BENIGN_CATS = ("benign", "benign_lookalike", "idiom", "abuse_lookalike")


def load_corpus(path: Path = CORPUS) -> list[dict[str, str]]:
    """Rows with ``text`` and ``category`` (files that call it ``label`` are accepted)."""
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    for row in rows:
        if "category" not in row and "label" in row:
            row["category"] = row["label"]
    return rows


@dataclass
class Report:
    figures: dict[str, float] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def lines(self) -> list[str]:
        return [f"{k:<44} {v:6.3f}" for k, v in self.figures.items()]


def _rate(num: int, den: int) -> float:
    return num / den if den else float("nan")


def _pii_hit(v: Verdict, cat: str) -> bool:
    codes = {r.code for r in v.reasons if r.action == Action.REDACT}
    return v.action == Action.REDACT and bool(codes & PII_CODES[cat])


def evaluate(path: Path = CORPUS, *, crisis_model: bool | None = None) -> Report:
    """Figures for one corpus file with the default configuration (``crisis_model``
    overrides that one setting when given)."""
    rows = load_corpus(path)
    base = RoomModeration() if crisis_model is None else RoomModeration(crisis_model=crisis_model)
    default = build_pipeline(base)
    strict = build_pipeline(dataclasses.replace(base, abuse_level=4))
    rep = Report()
    by_cat: dict[str, list[tuple[str, Verdict, Verdict]]] = defaultdict(list)
    for row in rows:
        text = row["text"]
        by_cat[row["category"]].append(
            (text, default.check_message(text), strict.check_message(text))
        )

    # Crisis: any crisis flag, precision over the whole corpus.
    tp = sum(1 for c in CRISIS_CATS for _, v, _ in by_cat[c] if v.crisis)
    pos = sum(len(by_cat[c]) for c in CRISIS_CATS)
    flagged = sum(1 for items in by_cat.values() for _, v, _ in items if v.crisis)
    rep.figures["crisis recall (any flag)"] = _rate(tp, pos)
    rep.figures["crisis precision (any flag)"] = tp / flagged if flagged else 1.0
    for cat in CRISIS_CATS:
        items = by_cat[cat]
        rep.figures[f"{cat} recall"] = _rate(sum(1 for _, v, _ in items if v.crisis), len(items))
        for text, v, _ in items:
            if not v.crisis:
                rep.misses[cat].append(text)
    plans = by_cat["crisis_plan"]
    rep.figures["crisis_plan escalated (level=plan)"] = _rate(
        sum(1 for _, v, _ in plans if v.crisis == "plan"), len(plans)
    )
    ideation = by_cat["crisis_ideation"]
    rep.figures["crisis_ideation not over-escalated"] = _rate(
        sum(1 for _, v, _ in ideation if v.crisis == "ideation"), len(ideation)
    )
    signal = sum(1 for c in CRISIS_CATS for _, v, _ in by_cat[c]
                 if v.crisis or "crisis_possible" in v.codes)
    rep.figures["crisis any signal (flag or possible hint)"] = _rate(signal, pos)
    idioms = by_cat["idiom"]
    rep.figures["idiom crisis-flag rate"] = _rate(sum(1 for _, v, _ in idioms if v.crisis), len(idioms))
    for text, v, _ in idioms:
        if v.crisis:
            rep.misses["idiom (flagged)"].append(text)

    # PII: redacted with the right class.
    hit = total = 0
    for cat in PII_CODES:
        items = by_cat[cat]
        ok = [t for t, v, _ in items if _pii_hit(v, cat)]
        rep.figures[f"{cat} recall"] = _rate(len(ok), len(items))
        rep.misses[cat].extend(t for t, v, _ in items if not _pii_hit(v, cat))
        hit += len(ok)
        total += len(items)
    rep.figures["pii recall (all pii_*)"] = _rate(hit, total)

    # False positives: any non-allow on benign-ish categories (default config).
    fp = n = 0
    for cat in BENIGN_CATS:
        items = by_cat[cat]
        bad = [t for t, v, _ in items if v.action != Action.ALLOW]
        rep.figures[f"{cat} false-positive rate"] = _rate(len(bad), len(items))
        rep.misses[f"{cat} (false positive)"].extend(bad)
        fp += len(bad)
        n += len(items)
    rep.figures["benign-all false-positive rate"] = _rate(fp, n)
    crisis_flags = [t for c in BENIGN_CATS for t, v, _ in by_cat[c] if v.crisis]
    rep.figures["benign-all crisis-flag rate"] = _rate(len(crisis_flags), n)
    rep.misses["benign-all (crisis flag)"].extend(crisis_flags)
    hints = sum(1 for c in BENIGN_CATS for _, v, _ in by_cat[c] if "crisis_possible" in v.codes)
    rep.figures["benign-all crisis_possible hint rate"] = _rate(hints, n)

    # Abuse at the strictest level, and its lookalikes at the strictest level.
    abuse = by_cat["abuse"]
    rep.figures["abuse recall (level 4)"] = _rate(
        sum(1 for _, _, s in abuse if s.action >= Action.HOLD), len(abuse)
    )
    rep.figures["abuse recall (default level 2)"] = _rate(
        sum(1 for _, v, _ in abuse if v.action >= Action.HOLD), len(abuse)
    )
    rep.misses["abuse (level 4)"].extend(t for t, _, s in abuse if s.action < Action.HOLD)
    look = by_cat["abuse_lookalike"]
    strict_fp = [t for t, _, s in look if s.action != Action.ALLOW]
    rep.figures["abuse_lookalike FP rate (level 4)"] = _rate(len(strict_fp), len(look))
    rep.misses["abuse_lookalike (level 4 FP)"].extend(strict_fp)
    return rep


if __name__ == "__main__":
    import sys

    report = evaluate(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)
    print("\n".join(report.lines()))
    for key, texts in report.misses.items():
        if texts:
            print(f"\n-- {key}")
            for t in texts:
                print("   ", t)
