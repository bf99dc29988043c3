"""The README's Python example and the Python examples run as written."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import REPO


def test_readme_python_example_runs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert len(blocks) == 1
    result = subprocess.run([sys.executable, "-c", blocks[0]], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "in_force on 2026-01-01 (in_force_from 2024-01-01, nominal_end 2027-07-01)"
    assert lines[1].startswith("missing_field /id Det obligatoriske felt `id` mangler.")


def test_examples_run() -> None:
    for example in sorted((REPO / "examples" / "python").glob("*.py")):
        result = subprocess.run([sys.executable, str(example)], capture_output=True, text=True)
        assert result.returncode == 0, f"{example.name}: {result.stderr}"
        assert result.stdout.strip(), example.name
