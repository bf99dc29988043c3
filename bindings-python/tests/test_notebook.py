"""The analyst's path: the example notebook runs end to end, its code and the
tests type-check strictly, and the README's five lines work as printed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable, cast

import nbclient
import nbformat

from conftest import REPO

NOTEBOOK = REPO / "examples" / "python" / "follow-up.ipynb"
# nbformat has no type hints.
read_notebook = cast(Callable[..., Any], nbformat.read)


def test_the_notebook_runs_without_error_and_plots() -> None:
    notebook = read_notebook(NOTEBOOK, as_version=4)
    # Raises CellExecutionError, with the cell and traceback, on any error.
    nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    ).execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "no plot"
    html = "\n".join(o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {}))
    for expected in ("sundhedsaftale-overview", "sundhedsaftale-calendar", "sundhedsaftale-composition", "sundhedsaftale-minutes"):
        assert expected in html, expected
    assert "Klynge Vest (før 2022)" not in html  # clusters asked for on a date
    # In Danish (the notebook sets it once), on the date asked, values rounded with their unit.
    assert "Status pr. 2025-01-01" in html and "Pejlemærker" in html
    follow_up = next(o["data"]["text/html"] for o in outputs if "sundhedsaftale-follow-up" in o.get("data", {}).get("text/html", ""))
    assert "Årlig opfølgning 2024" in follow_up
    assert re.search(r"\d+,\d %", follow_up) and not re.search(r"\d[.,]\d{3,}", follow_up)


def test_the_notebook_code_type_checks_strictly(tmp_path: Path) -> None:
    notebook = read_notebook(NOTEBOOK, as_version=4)
    code = "\n\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    script = tmp_path / "notebook.py"
    script.write_text(code + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_tests_type_check_strictly() -> None:
    tests = Path(__file__).resolve().parent
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", str(tests)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_readme_five_lines_give_a_dataframe_and_a_plot(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"From `import sundhedsaftale` to a plot.*?```python\n(.*?)```", readme, re.S)
    assert block, "the README's five lines are missing"
    lines = [l for l in block.group(1).splitlines() if l.strip()]
    assert len(lines) == 5, lines
    check = "\n".join(lines) + "\nassert len(frame) > 0 and ax.figure is not None\n"
    env = {**os.environ, "MPLBACKEND": "Agg"}
    result = subprocess.run([sys.executable, "-c", check], cwd=REPO, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
