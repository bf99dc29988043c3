"""The README's Python example and the Python examples run as written."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import REPO


def test_readme_python_example_runs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert len(blocks) == 3
    # The blocks follow on from each other, as in a notebook.
    env = {**os.environ, "MPLBACKEND": "Agg"}
    result = subprocess.run(
        [sys.executable, "-c", "\n".join(blocks)], capture_output=True, text=True, cwd=REPO, env=env
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("['Region Nordjylland', ") and lines[0].count("'") == 24  # 12 parties
    assert lines[1] == "['Nord', 'Midt', 'Syd', 'Vest']"
    assert lines[2] == "Mads Duedahl formand"
    assert "in_force on 2026-01-01 (in_force_from 2024-01-01, nominal_end 2027-07-01)" in lines
    assert any(l.startswith("missing_field /id Det obligatoriske felt `id` mangler.") for l in lines)


def test_examples_run() -> None:
    for example in sorted((REPO / "examples" / "python").glob("*.py")):
        result = subprocess.run([sys.executable, str(example)], capture_output=True, text=True)
        assert result.returncode == 0, f"{example.name}: {result.stderr}"
        assert result.stdout.strip(), example.name
