"""The `hearth` command line as a user runs it: a real process, real environment, real server."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import jwt
import pytest

from server import auth
from tests.support.servers import ROOT, TEST_SECRET, HearthServer, mint


def hearth_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("HEARTH_")}
    base.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "server.cli", *args], cwd=ROOT, env=base, capture_output=True, text=True,
        timeout=timeout,
    )


def test_invite_prints_a_link_whose_token_verifies() -> None:
    result = hearth_cli("invite", "--room", "r", "--role", "member", env={"HEARTH_SECRET": TEST_SECRET})
    assert result.returncode == 0, result.stderr
    url = result.stdout.strip()
    parts = urlsplit(url)
    assert parts.path == "/r/r" and parts.query == ""  # the token is never in the query string
    assert parts.fragment.startswith("t=")
    token = parts.fragment[2:].split("&")[0]
    verified = auth.verify(token, TEST_SECRET)
    assert verified.invite is True
    assert verified.principal.role.value == "member" and verified.principal.rooms == ("r",)
    with pytest.raises(auth.AuthError):
        auth.verify(token, "another-secret-of-sufficient-length")


def test_invite_for_a_facilitator_with_public_url_and_name() -> None:
    result = hearth_cli(
        "invite", "--room", "evening", "--role", "facilitator", "--name", "Calm Owl", "--ttl", "60",
        "--public-url", "https://chat.example/",
        env={"HEARTH_SECRET": TEST_SECRET},
    )
    assert result.returncode == 0, result.stderr
    url = result.stdout.strip()
    assert url.startswith("https://chat.example/r/evening#t=")
    fragment = urlsplit(url).fragment
    assert "&name=Calm%20Owl" in fragment
    claims = jwt.decode(fragment[2:].split("&")[0], TEST_SECRET, algorithms=["HS256"])
    assert claims["role"] == "facilitator" and claims["rooms"] == ["evening"] and claims["inv"] is True


def test_invite_without_a_secret_makes_and_keeps_one(tmp_path: Path) -> None:
    secret_file = tmp_path / "state" / "secret"
    env = {"HEARTH_SECRET_FILE": str(secret_file)}
    first = hearth_cli("invite", "--room", "r", env=env)
    second = hearth_cli("invite", "--room", "r", env=env)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    secret = secret_file.read_text().strip()
    for result in (first, second):
        token = urlsplit(result.stdout.strip()).fragment[2:]
        assert auth.verify(token, secret).invite


def test_token_prints_a_signed_token() -> None:
    result = hearth_cli("token", "--sub", "ops-7", "--role", "operator", "--rooms", "a,b", "--ttl", "120",
                        env={"HEARTH_SECRET": TEST_SECRET})
    assert result.returncode == 0, result.stderr
    verified = auth.verify(result.stdout.strip(), TEST_SECRET)
    assert verified.principal.sub == "ops-7"
    assert verified.principal.role.value == "operator"
    assert verified.principal.rooms == ("a", "b")
    assert not verified.invite

    default = hearth_cli("token", env={"HEARTH_SECRET": TEST_SECRET})
    assert default.returncode == 0, default.stderr
    verified = auth.verify(default.stdout.strip(), TEST_SECRET)
    assert verified.principal.role.value == "operator" and verified.principal.rooms == ("*",)


def test_rooms_push_creates_rooms_on_a_running_server(hearth: HearthServer, tmp_path: Path) -> None:
    a, b = f"push-{uuid.uuid4().hex[:8]}", f"push-{uuid.uuid4().hex[:8]}"
    rooms_file = tmp_path / "rooms.toml"
    rooms_file.write_text(
        f'[[room]]\nid = "{a}"\ntitle = "Evening circle"\ncapacity = 12\nagreement = "Be kind."\n\n'
        f'[[room]]\nid = "{b}"\nhistory = "all"\n'
    )
    env = {"HEARTH_SECRET": TEST_SECRET}
    result = hearth_cli("rooms", "push", str(rooms_file), "--server", hearth.url, env=env)
    assert result.returncode == 0, result.stderr
    assert f"{a}: created" in result.stdout and f"{b}: created" in result.stdout

    status, body = hearth.http("GET", "/api/rooms", token=mint("ops", "operator"))
    assert status == 200
    listed = {r["id"]: r for r in body["rooms"]}
    assert listed[a]["title"] == "Evening circle" and listed[a]["capacity"] == 12
    assert b in listed

    again = hearth_cli("rooms", "push", str(rooms_file), "--server", hearth.url, env=env)
    assert again.returncode == 0, again.stderr
    assert f"{a}: updated" in again.stdout


def test_rooms_push_with_the_wrong_secret_is_refused(hearth: HearthServer, tmp_path: Path) -> None:
    rooms_file = tmp_path / "rooms.toml"
    rooms_file.write_text('[[room]]\nid = "never-made"\n')
    result = hearth_cli("rooms", "push", str(rooms_file), "--server", hearth.url,
                        env={"HEARTH_SECRET": "a-different-secret-of-enough-length"})
    assert result.returncode == 1
    assert "401" in result.stderr


BAD_ROOMS = [
    ('[[room]]\nid = "ok"\ncapacity = 0\n', "capacity"),
    ('[[room]]\nid = "has space"\n', "'id'"),
    ('[[room]]\nid = "ok"\ncolour = "red"\n', "unknown keys"),
    ('[[room]]\nid = "ok"\nhistory = "forever"\n', "history"),
    ('[[room]]\nid = "same"\n[[room]]\nid = "same"\n', "unique"),
    ("[[room]\nid = ", "not valid TOML"),
    ('room = "not a table"\n', "[[room]]"),
]


def test_a_bad_rooms_file_exits_2_with_a_clear_message(tmp_path: Path) -> None:
    rooms_file = tmp_path / "rooms.toml"
    rooms_file.write_text(BAD_ROOMS[0][0])
    result = hearth_cli("rooms", "push", str(rooms_file), "--server", "http://127.0.0.1:9",
                        env={"HEARTH_SECRET": TEST_SECRET})
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith("hearth: ") and "capacity" in result.stderr
    assert str(rooms_file) in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("content", "complaint"), BAD_ROOMS)
def test_every_kind_of_bad_rooms_file_is_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], content: str, complaint: str
) -> None:
    """The same entry point in-process (a process per case would only add start-up time)."""
    from server import cli

    for name in [k for k in os.environ if k.startswith("HEARTH_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("HEARTH_SECRET", TEST_SECRET)
    rooms_file = tmp_path / "rooms.toml"
    rooms_file.write_text(content)
    assert cli.main(["rooms", "push", str(rooms_file), "--server", "http://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert complaint in err and str(rooms_file) in err


def test_a_missing_rooms_file_exits_2(tmp_path: Path) -> None:
    result = hearth_cli("rooms", "push", str(tmp_path / "nope.toml"), env={"HEARTH_SECRET": TEST_SECRET})
    assert result.returncode == 2
    assert "no such file" in result.stderr and "Traceback" not in result.stderr


def test_serve_with_a_bad_port_exits_2_naming_the_variable() -> None:
    result = hearth_cli("serve", env={"HEARTH_PORT": "eighty", "HEARTH_SECRET": TEST_SECRET})
    assert result.returncode == 2
    assert "HEARTH_PORT" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_with_a_bad_rooms_file_exits_2(tmp_path: Path) -> None:
    rooms_file = tmp_path / "rooms.toml"
    rooms_file.write_text('[[room]]\nid = "x"\ncapacity = "many"\n')
    result = hearth_cli("serve", "--rooms", str(rooms_file), "--port", "0", env={"HEARTH_SECRET": TEST_SECRET})
    assert result.returncode == 2
    assert "capacity" in result.stderr and "Traceback" not in result.stderr
