"""Progress and the annual follow-up from Python: the shared progress vectors,
and tidy rows an analyst hands to pandas."""

from __future__ import annotations

import json
import math
import pickle
from pathlib import Path
from typing import Any, Dict

import pytest

import sundhedsaftale
from conftest import REPO, vectors

PROGRESS = vectors("progress")
CSV = REPO / "tests" / "observations" / "synthetic-readmissions.csv"


def close(name: str, field: str, got: Any, want: Any) -> None:
    """Numbers compare bit for bit: Rust, Python and JS share one `pow`."""
    if isinstance(want, (int, float)) and not isinstance(want, bool):
        assert got is not None and float(got).hex() == float(want).hex(), f"{name}: {field} = {got!r}, expected {want!r}"
    else:
        assert got == want, f"{name}: {field}"


@pytest.mark.parametrize("name,vector", PROGRESS, ids=[n for n, _ in PROGRESS])
def test_progress_vector(name: str, vector: Dict[str, Any]) -> None:
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
    rows = {r["indicator"]: r for r in result.rows}
    chronic = rows["kf-kroniske-sygdomme"]
    assert (chronic["baseline_value"], chronic["latest_value"], chronic["status"], chronic["score"]) == (
        45.0,
        54.0,
        "deterioration",
        -5.0,
    )
    assert chronic["geography"] == "region:1081"
    assert rows["middellevetid"]["note"] == "no data"
    plain = result.to_dict()
    assert json.loads(json.dumps(plain)) == plain, "plain data, ready for pandas or JSON"
    assert (plain["year"], len(result)) == (2025, len(result.rows))
    assert repr(result) == f"<FollowUp 2025: {len(result)} rows, {len(result.problems)} problems>"


def test_follow_up_on_a_csv_with_a_relative_target_and_discretion() -> None:
    target = {
        "indicator": "genindlaeggelser-30-dage",
        "kind": "relative_change",
        "change_percent": -10,
        "baseline": "2022",
        "due": "2026",
    }
    result = sundhedsaftale.nordjylland_2024().follow_up(2024, CSV, targets=[target])
    readmissions = [r for r in result.rows if r["indicator"] == "genindlaeggelser-30-dage"]
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
    # Row 2 of the file, after its header: the path names the file's row.
    assert [(p["code"], p["path"]) for p in info.value.errors()] == [("wrong_period_type", "/2/period")]
    rows = [{"indicator": "middellevetid", "geography": "region:1081", "period": "2021", "value": 81.0}]
    result = sundhedsaftale.nordjylland_2024().follow_up(2024, rows)
    assert any(r["indicator"] == "middellevetid" and r["latest_value"] == 81.0 for r in result.rows)


def test_a_stated_csv_dialect_is_used_as_given(tmp_path: Path) -> None:
    path = tmp_path / "pipes.csv"
    path.write_text(
        "indicator|geography|period|numerator|denominator\n"
        "genindlaeggelser-30-dage|region:1081|2024|125,0|1.000\n",
        encoding="utf-8",
    )
    rows = sundhedsaftale.nordjylland_2024().follow_up(
        2024, path, dialect={"separator": "|", "decimal_comma": True}
    ).rows
    row = next(r for r in rows if r["indicator"] == "genindlaeggelser-30-dage" and r["geography"] == "region:1081")
    assert row["latest_value"] == 12.5


def test_observations_read_once_follow_up_as_a_path_does() -> None:
    agreement = sundhedsaftale.nordjylland_2024()
    observations = sundhedsaftale.Observations.read_csv(CSV)
    assert len(observations) == len(CSV.read_text(encoding="utf-8").strip().splitlines()) - 1
    assert repr(observations) == f"<Observations: {len(observations)} rows>"
    from_path = agreement.follow_up(2024, CSV)
    assert agreement.follow_up(2024, observations) == from_path
    # The same table serves again, under other settings.
    stricter = agreement.follow_up(2024, observations, small_count_threshold=50)
    assert stricter == agreement.follow_up(2024, CSV, small_count_threshold=50)
    assert stricter != from_path


def test_observations_report_every_bad_cell_with_its_path() -> None:
    text = "indicator;geography;period;value\nx;municipality:851;2024;12,5\nx;nowhere;2024;1\nx;municipality:851;20x4;y\n"
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.Observations.from_csv(text)
    found = [(e["code"], e["path"]) for e in info.value.errors()]
    # Rows as the text numbers them, the header being row 1.
    assert found == [
        ("unknown_place", "/3/geography"),
        ("invalid_period", "/4/period"),
        ("invalid_number", "/4/value"),
    ]
    # Stated explicitly, the comma dialect reads `12,5` as two fields: a syntax problem at that row.
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.Observations.from_csv("indicator,geography,period,value\nx,municipality:851,2024,12,5\n")
    assert [(e["code"], e["path"]) for e in info.value.errors()] == [("csv_syntax", "/2")]


def test_observations_from_json_and_checks_against_the_agreement() -> None:
    rows = [{"indicator": "no-such-indicator", "geography": "municipality:851", "period": "2024", "value": 1}]
    observations = sundhedsaftale.Observations.from_json(json.dumps(rows))
    assert len(observations) == 1
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.nordjylland_2024().follow_up(2024, observations)
    assert [(e["code"], e["path"]) for e in info.value.errors()] == [("unknown_reference", "/0/indicator")]
    with pytest.raises(TypeError):
        sundhedsaftale.nordjylland_2024().follow_up(2024, observations, dialect={"separator": ";", "decimal_comma": True})


def test_follow_up_rows_leave_as_tidy_tables_with_categorical_codes() -> None:
    import pandas
    import polars

    result = sundhedsaftale.nordjylland_2024().follow_up(2024, CSV)
    rows = result.rows
    table = result.to_arrow()
    assert table.num_rows == len(rows) == len(result)
    frame = result.to_pandas()
    for column in ("focus_area", "indicator", "geography", "level", "status", "stratum", "hidden"):
        assert isinstance(frame[column].dtype, pandas.CategoricalDtype), column
    # One scalar per column: progress and discretion are flattened, nothing is a dict or a list.
    assert "progress" not in frame.columns and "method" in frame.columns and "hidden_via" in frame.columns
    assert all(not isinstance(v, (dict, list)) for v in frame.iloc[0])
    for i, row in enumerate(rows):
        got = frame.iloc[i]
        assert (got["indicator"], got["geography"], got["status"]) == (row["indicator"], row["geography"], row["status"])
        for column in ("latest_value", "baseline_value", "score"):
            want = row[column]
            assert (math.isnan(got[column]) if want is None else got[column] == want), (i, column)
        progress = row["progress"]
        assert got["observed_growth"] == progress["observed_growth"] if progress and progress["observed_growth"] is not None else True
        hidden = row["hidden"]
        assert (got["hidden"] if isinstance(got["hidden"], str) else None) == (hidden["kind"] if hidden else None)
        assert (got["missing"] if isinstance(got["missing"], str) else "") == ",".join(row["missing"])
    laesoe = frame[(frame["geography"] == "municipality:825") & (frame["indicator"] == "genindlaeggelser-30-dage")]
    assert list(laesoe["hidden"].astype(str)) == ["small_count"] and list(laesoe["hidden_threshold"]) == [5]
    pl_frame = result.to_polars()
    assert pl_frame.height == len(rows)
    assert pl_frame.schema["status"] == polars.Categorical
    assert pl_frame["latest_value"].to_list() == [r["latest_value"] for r in rows]


def test_observations_from_data_frames_follow_up_as_the_csv_does() -> None:
    import pandas
    import polars
    import pyarrow

    from_csv = sundhedsaftale.nordjylland_2024().follow_up(2024, CSV)
    frame = pandas.read_csv(CSV, dtype={"period": str})
    frame.index = frame.index + 100  # a non-default index is not a column
    frame["indicator"] = frame["indicator"].astype("category")
    for table in (frame, polars.from_pandas(frame), pyarrow.Table.from_pandas(frame, preserve_index=False)):
        observations = sundhedsaftale.Observations.from_frame(table)
        assert len(observations) == len(frame)
        assert sundhedsaftale.nordjylland_2024().follow_up(2024, table) == from_csv, type(table)
    # NaN is absent, an integer period is a year, and a bad cell is reported at its row and column.
    rows = pandas.DataFrame(
        {
            "indicator": ["middellevetid", "middellevetid", "middellevetid"],
            "geography": ["region:1081", "region:1081", "nowhere"],
            "period": [2020, 2021, 2022],
            "value": [80.9, float("nan"), 81.0],
        }
    )
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.Observations.from_frame(rows)
    assert [(e["code"], e["path"]) for e in info.value.errors()] == [("unknown_place", "/2/geography")]
    good = sundhedsaftale.Observations.from_frame(rows.iloc[:2])
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.nordjylland_2024().follow_up(2024, good)
    assert [(e["code"], e["path"]) for e in info.value.errors()] == [("missing_value", "/1/value")]
    latest = sundhedsaftale.nordjylland_2024().follow_up(2024, rows.iloc[:1]).rows
    assert any(r["indicator"] == "middellevetid" and r["latest_period"] == "2020" and r["latest_value"] == 80.9 for r in latest)
    with pytest.raises(TypeError):
        sundhedsaftale.Observations.from_frame({"indicator": ["x"]})  # type: ignore[arg-type]


def test_a_follow_up_shows_in_a_notebook_as_a_labelled_table() -> None:
    result = sundhedsaftale.nordjylland_2024().follow_up(2025)
    labels = {l["code"]: l for l in sundhedsaftale.labels() if l["kind"] == "status"}
    page = result.to_html(lang="da", limit=5)
    assert page.count("<tr>") == 1 + 5
    assert f"… {len(result) - 5} rækker mere" in page
    for row in result.rows[:5]:
        assert f'data-status="{row["status"]}"' in page
        assert labels[row["status"]]["da"] in page
    assert result._repr_html_() == result.to_html()
    whole = result.to_html(lang="en", limit=len(result))
    assert whole.count("<tr>") == 1 + len(result) and "more rows" not in whole
    with pytest.raises(ValueError):
        result.to_html(lang="de")  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["small_count_threshold", "min_coverage", "aggregate_tolerance"])
@pytest.mark.parametrize("number", [float("nan"), float("inf")])
def test_numeric_options_that_json_cannot_carry_are_named(name: str, number: float) -> None:
    agreement = sundhedsaftale.nordjylland_2024()
    options: Dict[str, Any] = {name: number}
    with pytest.raises(ValueError, match=f"^{name} must be a finite number"):
        agreement.follow_up(2024, **options)


def test_a_share_outside_zero_to_one_is_a_problem_at_its_option() -> None:
    agreement = sundhedsaftale.nordjylland_2024()
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        agreement.follow_up(2024, min_coverage=1.5, aggregate_tolerance=-0.1)
    found = [(e["code"], e["path"]) for e in info.value.errors()]
    assert found == [("option_out_of_range", "/min_coverage"), ("option_out_of_range", "/aggregate_tolerance")]


def test_a_file_of_bad_rows_keeps_the_cap_counts_every_row_and_holds_no_row(tmp_path: Path) -> None:
    """A file whose every row names an indicator the agreement does not
    follow up: a hundred problems kept, the rest counted, and (in a process
    of its own, whose peak is its own) no memory per row beyond the file's
    text: reading the rows into a table first would hold about as much
    again."""
    rows = 200_000
    path = tmp_path / "bad.csv"
    with path.open("w") as f:
        f.write("indicator,geography,period,value\n")
        f.writelines(f"no-such-indicator,municipality:851,2024,{i}\n" for i in range(rows))
    script = """
import json, resource, sys
import sundhedsaftale
a = sundhedsaftale.nordjylland_2024()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    a.follow_up(2024, sys.argv[1])
except sundhedsaftale.ValidationError as err:
    problems = err.errors()
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"problems": problems, "grew_kb": after - before}))
"""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", script, str(path)], check=True, capture_output=True, text=True)
    got = json.loads(out.stdout)
    problems = got["problems"]
    assert len(problems) <= 101
    assert sum(p["code"] == "unknown_reference" for p in problems) == 100
    more = [p["context"]["count"] for p in problems if p["code"] == "more_problems"]
    assert more == [rows - 100], "every row counted once"
    size_kb = path.stat().st_size // 1024
    assert got["grew_kb"] < size_kb * 3 // 2, f"{got['grew_kb']} KB for a file of {size_kb} KB"
