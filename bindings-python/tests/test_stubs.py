"""The shipped type stubs match the runtime module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ALLOWLIST = Path(__file__).resolve().parents[1] / "stubtest-allowlist.txt"


def test_stubtest_finds_no_mismatch() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "sundhedsaftale", "--ignore-missing-stub", "--allowlist", str(ALLOWLIST)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_package_type_checks_strictly() -> None:
    import sundhedsaftale

    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "-p", "sundhedsaftale"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert sundhedsaftale.__file__


def test_the_model_is_generated_from_the_current_schemas() -> None:
    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, str(repo / "scripts" / "gen-model.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
