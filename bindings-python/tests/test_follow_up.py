"""Progress and the annual follow-up from Python: the shared progress vectors,
and tidy rows an analyst hands to pandas."""

from __future__ import annotations

import json
import math
import pickle
from pathlib import Path
from typing import Any

import pytest

import sundhedsaftale
from conftest import REPO, vectors

PROGRESS = vectors("progress")
CSV = REPO / "tests" / "observations" / "synthetic-readmissions.csv"


def close(name: str, field: str, got: Any, want: Any) -> None:
    if isinstance(want, (int, float)) and not isinstance(want, bool):
        assert got is not None and math.isclose(got, want, abs_tol=1e-9), f"{name}: {field} = {got}, expected {want}"
    else:
        assert got == want, f"{name}: {field}"


@pytest.mark.parametrize("name,vector", PROGRESS, ids=[n for n, _ in PROGRESS])
def test_progress_vector(name: str, vector: dict) -> None:
    expected = vector["expected"]
    if "error" in expected:
        with pytest.raises(sundhedsaftale.ProgressError) as info:
            sundhedsaftale.progress(vector["input"])
        assert info.value.code == expected["error"]
        return
    got = sundhedsaftale.progress(vector["input"])
    for field, want in expected.items():
        if field == "thresholds":
            for t in ("high", "medium", "low"):
                close(name, t, got["thresholds"][t], want[t])
        else:
            close(name, field, got[field], want)


def test_progress_error_pickles_and_is_a_value_error() -> None:
    with pytest.raises(ValueError) as info:
        sundhedsaftale.progress(
            {"base": {"period": "2010", "value": 0}, "current": {"period": "2011", "value": 1}, "direction": "higher_is_better"}
        )
    err = info.value
    assert isinstance(err, sundhedsaftale.ProgressError)
    back = pickle.loads(pickle.dumps(err))
    assert (back.code, str(back)) == (err.code, str(err)) == ("zero_base", str(err))


def test_follow_up_on_the_key_figures_gives_tidy_rows() -> None:
    result = sundhedsaftale.nordjylland_2024().follow_up(2025)
    rows = {r["indicator"]: r for r in result["rows"]}
    chronic = rows["kf-kroniske-sygdomme"]
    assert (chronic["baseline_value"], chronic["latest_value"], chronic["status"], chronic["score"]) == (
        45.0,
        54.0,
        "deterioration",
        -5.0,
    )
    assert chronic["geography"] == "region:1081"
    assert rows["middellevetid"]["note"] == "no data"
    assert json.loads(json.dumps(result)) == result, "plain data, ready for pandas or JSON"


def test_follow_up_on_a_csv_with_a_relative_target_and_discretion() -> None:
    target = {
        "indicator": "genindlaeggelser-30-dage",
        "kind": "relative_change",
        "change_percent": -10,
        "baseline": "2022",
        "due": "2026",
    }
    result = sundhedsaftale.nordjylland_2024().follow_up(2024, CSV, targets=[target])
    readmissions = [r for r in result["rows"] if r["indicator"] == "genindlaeggelser-30-dage"]
    by_place = {r["geography"]: r for r in readmissions}
    region = by_place["region:1081"]
    assert math.isclose(region["target_value"], region["baseline_value"] * 0.9, abs_tol=1e-12)
    assert by_place["municipality:825"]["hidden"] == {"kind": "small_count", "threshold": 5}
    assert by_place["municipality:810"]["hidden"] == {
        "kind": "complementary",
        "protects": "municipality:825",
        "via": "cluster:nord",
    }
    assert by_place["municipality:810"]["latest_value"] is None
    assert len(readmissions) == 11 + 4 + 1 + 1, "11 municipalities, 4 clusters, the region, the country"


def test_follow_up_rejects_bad_observations(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,geography,period,value\nmiddellevetid,region:1081,2021Q1,81\n", encoding="utf-8")
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.nordjylland_2024().follow_up(2024, bad)
    assert [(p["code"], p["path"]) for p in info.value.errors()] == [("wrong_period_type", "/0/period")]
    rows = [{"indicator": "middellevetid", "geography": "region:1081", "period": "2021", "value": 81.0}]
    result = sundhedsaftale.nordjylland_2024().follow_up(2024, rows)
    assert any(r["indicator"] == "middellevetid" and r["latest_value"] == 81.0 for r in result["rows"])


def test_a_stated_csv_dialect_is_used_as_given(tmp_path: Path) -> None:
    path = tmp_path / "pipes.csv"
    path.write_text(
        "indicator|geography|period|numerator|denominator\n"
        "genindlaeggelser-30-dage|region:1081|2024|12,5|100\n",
        encoding="utf-8",
    )
    rows = sundhedsaftale.nordjylland_2024().follow_up(
        2024, path, dialect={"separator": "|", "decimal_comma": True}
    )["rows"]
    row = next(r for r in rows if r["indicator"] == "genindlaeggelser-30-dage" and r["geography"] == "region:1081")
    assert row["latest_value"] == 12.5
