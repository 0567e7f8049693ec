from __future__ import annotations

from moderation import Action, Pipeline, Reason, RoomModeration, build_pipeline
from moderation.normalize import Normalized
from moderation.rules.base import Mode
from moderation.types import Finding, RuleResult


class FakeRule:
    """A scripted rule for exercising the pipeline's combination logic."""

    def __init__(self, name: str, *findings: Finding, fail_open: bool = False,
                 crisis: str | None = None, boom: bool = False) -> None:
        self.name = name
        self.fail_open = fail_open
        self._result = RuleResult(tuple(findings), crisis)
        self._boom = boom

    def evaluate(self, n: Normalized, mode: Mode) -> RuleResult:
        if self._boom:
            raise RuntimeError("rule bug")
        return self._result


def test_precedence_and_all_reasons_kept() -> None:
    p = Pipeline([
        FakeRule("a", Finding("x", Action.REDACT, (0, 1), "[r]")),
        FakeRule("b", Finding("y", Action.HOLD)),
        FakeRule("c", Finding("z", Action.REJECT)),
        FakeRule("d", Finding("w", Action.ALLOW)),
    ])
    v = p.check_message("hello")
    assert v.action == Action.REJECT
    assert [r.code for r in v.reasons] == ["x", "y", "z", "w"]
    assert v.text == "hello"  # not REDACT, so the original text


def test_escalate_beats_everything() -> None:
    p = Pipeline([FakeRule("a", Finding("z", Action.REJECT)),
                  FakeRule("crisis", Finding("crisis_plan", Action.ESCALATE), crisis="plan")])
    v = p.check_message("x")
    assert v.action == Action.ESCALATE and v.crisis == "plan"


def test_redact_uses_original_spans() -> None:
    p = Pipeline([FakeRule("a", Finding("email", Action.REDACT, (6, 11), "[email removed]"))])
    assert p.check_message("hello world!").text == "hello [email removed]!"


def test_fail_closed_rule_holds() -> None:
    p = Pipeline([FakeRule("anonymity", boom=True, fail_open=False)])
    v = p.check_message("anything")
    assert v.action == Action.HOLD
    assert v.reasons == (Reason("anonymity", "rule_error", Action.HOLD),)


def test_fail_open_rule_allows_with_reason() -> None:
    p = Pipeline([FakeRule("abuse", boom=True, fail_open=True),
                  FakeRule("links", Finding("url", Action.REDACT, (0, 3), "[link removed]"))])
    v = p.check_message("abc def")
    assert v.action == Action.REDACT
    assert Reason("abuse", "rule_error", Action.ALLOW) in v.reasons
    assert v.text == "[link removed] def"


def test_dry_run_reports_without_acting() -> None:
    p = Pipeline([FakeRule("abuse", Finding("abuse_l3", Action.REJECT)),
                  FakeRule("crisis", Finding("crisis_plan", Action.ESCALATE), crisis="plan")],
                 dry_run=("abuse", "crisis"))
    v = p.check_message("x")
    assert v.action == Action.ALLOW and v.crisis is None
    assert all(r.dry_run for r in v.reasons)
    assert {r.code for r in v.reasons} == {"abuse_l3", "crisis_plan"}


def test_dry_run_via_config() -> None:
    p = build_pipeline(RoomModeration(dry_run=("anonymity",)))
    v = p.check_message("jane@gmail.com")
    assert v.action == Action.ALLOW and v.text == "jane@gmail.com"
    assert Reason("anonymity", "email", Action.REDACT, dry_run=True) in v.reasons


def test_exempt_sender_reasons_reported_but_nothing_acts() -> None:
    p = build_pipeline(RoomModeration(abuse_level=4))
    v = p.check_message("shit, email me at jane@gmail.com", exempt=True)
    assert v.action == Action.ALLOW
    assert v.text == "shit, email me at jane@gmail.com"
    acting = [r for r in v.reasons if r.action > Action.ALLOW]
    assert acting and all(r.exempt for r in acting)


def test_too_long_rejected_before_rules() -> None:
    p = build_pipeline(RoomModeration(max_length=10))
    v = p.check_message("x" * 11)
    assert v.action == Action.REJECT and v.codes == ("too_long",)


def test_check_name() -> None:
    p = build_pipeline(RoomModeration())
    for bad in ("Jane Doe", "jane@gmail.com", "@janedoe", "5551234567", "kys", "x.com/me"):
        assert p.check_name(bad).action == Action.REJECT, bad
    for good in ("Sarah", "Sarah K", "sunflower88", "Blue Sky", "quiet_fox"):
        assert p.check_name(good).action == Action.ALLOW, good


def test_rule_order_and_version() -> None:
    p = build_pipeline(RoomModeration(rules=("links", "crisis")))
    assert [r.name for r in p.rules] == ["links", "crisis"]
    v = p.check_message("hi")
    assert v.rule_set_version.startswith("2025.1+")
    other = build_pipeline(RoomModeration(rules=("crisis",)))
    assert other.check_message("hi").rule_set_version != v.rule_set_version


def test_every_shipped_rule_declares_fail_policy() -> None:
    p = build_pipeline(RoomModeration())
    assert {r.name: r.fail_open for r in p.rules} == {
        "crisis": False, "anonymity": False, "abuse": True, "links": False,
    }
