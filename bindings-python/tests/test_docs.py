"""The README's Python example and the Python examples run as written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO


def test_readme_python_example_runs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert len(blocks) == 5
    # The blocks follow on from each other, as in a notebook.
    env = {**os.environ, "MPLBACKEND": "Agg"}
    result = subprocess.run(
        [sys.executable, "-c", "\n".join(blocks)], capture_output=True, text=True, cwd=REPO, env=env
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # The document through time: the committee's approval, the objectives inserted on 29 October 2019.
    assert lines[:3] == [
        "['sku']",
        "[0, 2]",
        "['Målsætning indsat ved /focus_areas/2/objectives/0', 'Målsætning indsat ved /focus_areas/2/objectives/1']",
    ]
    # The agreement's block follows the block on published data.
    start = next(i for i, l in enumerate(lines) if l.startswith("['Region Nordjylland', "))
    assert lines[start].count("'") == 24  # 12 parties
    assert lines[start + 1] == "['Nord', 'Midt', 'Syd', 'Vest']"
    assert lines[start + 2] == "Mads Duedahl formand"
    assert "in_force on 2026-01-01 (in_force_from 2024-01-01, nominal_end 2027-07-01)" in lines
    assert any(l.startswith("missing_field /id Det obligatoriske felt `id` mangler.") for l in lines)
    # The worked example from a StatBank-shaped table: its header, 66 observations, Aalborg's rows, the workbook alike.
    assert "OMRÅDE;KØN;ALDER;TID;ENHED;INDHOLD" in lines
    assert any(l.startswith("66 {'indicator': 'genindlaeggelser-30-dage', 'geography': 'municipality:773'") for l in lines)
    assert "True" in lines
    assert "/2/OMRÅDE Række 2, kolonne A (`OMRÅDE`): `Alborg` er ikke et kendt stednavn; mente du Aalborg (`municipality:851`)?" in lines


def test_examples_run() -> None:
    for example in sorted((REPO / "examples" / "python").glob("*.py")):
        result = subprocess.run([sys.executable, str(example)], capture_output=True, text=True)
        assert result.returncode == 0, f"{example.name}: {result.stderr}"
        assert result.stdout.strip(), example.name


def test_readme_install_lines_run_as_printed(tmp_path: Path) -> None:
    """The README's lines that install the built wheel elsewhere, run by bash
    as printed, in an empty folder whose `target` is the build's: a fresh
    virtual environment, the wheel with its pandas extra, and an import."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- install -->\n```sh\n(.*?)```", readme, flags=re.S)
    assert match, "the README's install block (after <!-- install -->) is missing"
    lines = match.group(1)
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    assert list((target / "wheels").glob("sundhedsaftale-*.whl")), "no wheel built (make python-env)"
    (tmp_path / "target").symlink_to(target, target_is_directory=True)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", lines], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    title = subprocess.run(
        [sys.executable, "-c", "import sundhedsaftale; print(sundhedsaftale.nordjylland_2024().title)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert result.stdout.splitlines()[-1] == title.strip()
    installed = subprocess.run(
        [str(tmp_path / "env" / "bin" / "python"), "-c", "import sundhedsaftale, pandas; print(sundhedsaftale.__file__)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert installed.startswith(str(tmp_path / "env")), installed
