"""The deployment files are valid (there is no container engine here: validate, don't run)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_compose_file_is_valid_and_has_the_two_node_shape() -> None:
    tool = shutil.which("docker-compose")
    if tool is None:
        if os.environ.get("CI"):
            pytest.fail("docker-compose is missing: .ci/run installs Debian's package")
        pytest.skip("docker-compose (Debian's package) is not installed")
    result = subprocess.run([tool, "-f", str(ROOT / "docker-compose.yml"), "config", "-q"],
                            capture_output=True, text=True, timeout=60, env={**os.environ, "HEARTH_SECRET": "x" * 32})
    assert result.returncode == 0, result.stderr
    config = subprocess.run([tool, "-f", str(ROOT / "docker-compose.yml"), "config", "--services"],
                            capture_output=True, text=True, timeout=60, env={**os.environ, "HEARTH_SECRET": "x" * 32})
    services = set(config.stdout.split())
    assert "redis" in services and len([s for s in services if s.startswith("hearth")]) >= 2, services
    text = (ROOT / "docker-compose.yml").read_text()
    assert text.count("healthcheck") >= 3 and "8000" in text
    assert "proxy_set_header Upgrade" in (ROOT / "deploy" / "nginx.conf").read_text()
