"""Property tests: the pipeline never fails, never leaks a detected span, stays bounded."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderation import Action, RoomModeration, build_pipeline, sanitize_rich
from moderation.redact import output_bound, redact

PIPE = build_pipeline(RoomModeration(abuse_level=4))
FAST = settings(max_examples=250, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

any_text = st.text(
    alphabet=st.characters(codec=None, categories=None, exclude_categories=()),
    max_size=300,
)
filler = st.text(
    alphabet=st.sampled_from(list("abcdefghij klmnop,.!?'\"()#$%&*-_=+:;/ \n\tÉéßøЖж😀\u200b")),
    max_size=40,
)
word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10)
emails = st.builds(
    lambda a, b, d, t: f"{a}.{b}@{d}.{t}", word, word, word, st.sampled_from(["com", "org", "net", "io", "co.uk"])
)
us_phones = st.builds(
    lambda a, b, c, fmt: fmt.format(a, b, c),
    st.integers(201, 989), st.integers(200, 999), st.integers(0, 9999).map(lambda n: f"{n:04d}"),
    st.sampled_from(["({}) {}-{}", "{}-{}-{}", "{}.{}.{}", "+1 {} {} {}", "{} {} {}"]),
)


@FAST
@given(any_text)
def test_never_raises_never_errors_and_bounded(text: str) -> None:
    for exempt in (False, True):
        v = PIPE.check_message(text, exempt=exempt)
        assert "rule_error" not in v.codes
        assert len(v.text) <= output_bound(len(text))
    n = PIPE.check_name(text[:64])
    assert "rule_error" not in n.codes


@FAST
@given(any_text)
def test_sanitize_rich_never_raises(text: str) -> None:
    out = sanitize_rich(text)
    assert "<script" not in out.lower()


@FAST
@given(filler, emails, filler)
def test_embedded_email_never_leaks(before: str, email: str, after: str) -> None:
    text = f"{before} {email} {after}"
    v = PIPE.check_message(text)
    assert v.action >= Action.REDACT and "email" in v.codes
    assert v.redacted_text is not None and email not in v.redacted_text
    if v.action == Action.REDACT:
        assert v.text == v.redacted_text


@FAST
@given(filler, us_phones, filler)
def test_embedded_phone_never_leaks(before: str, phone: str, after: str) -> None:
    text = f"{before} {phone} {after}"
    v = PIPE.check_message(text)
    assert v.action >= Action.REDACT and "phone" in v.codes
    assert v.redacted_text is not None and phone not in v.redacted_text
    if v.action == Action.REDACT:
        assert v.text == v.redacted_text


@FAST
@given(
    st.text(max_size=200),
    st.lists(st.tuples(st.integers(-5, 205), st.integers(-5, 205),
                       st.sampled_from(["[email removed]", "[x]", "[a much longer marker]"])),
             max_size=30),
)
def test_redact_bounded_and_covers_spans(text: str, spans: list[tuple[int, int, str]]) -> None:
    out = redact(text, spans)
    assert len(out) <= output_bound(len(text))
    kept = [(max(0, a), min(len(text), b)) for a, b, _ in spans if min(len(text), b) > max(0, a)]
    if kept:
        assert out != text or all(text[a:b] in ("[x]",) for a, b in kept)
