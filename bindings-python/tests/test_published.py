"""The shared vectors of tests/published/: published tables (StatBank CSV,
JSON-stat, Excel) read through their mappings, as Rust and JS read them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

import sundhedsaftale
from conftest import REPO, keys, vectors
from test_vectors import same

PUBLISHED = vectors("published")
READERS = {
    "statbank": sundhedsaftale.Observations.from_statbank,
    "jsonstat": sundhedsaftale.Observations.from_jsonstat,
    "xlsx": sundhedsaftale.Observations.from_excel,
}


def source(vector: Dict[str, Any]) -> Any:
    """The vector's table: its file as a path, or its text."""
    return REPO / vector["file"] if "file" in vector else vector["text"]


def outcome(vector: Dict[str, Any]) -> Tuple[Any, List[Any]]:
    """The observations read (or None) and the problems raised: reading, then following up where a year is given."""
    try:
        observations = READERS[vector["format"]](source(vector), vector["mapping"])
    except sundhedsaftale.ValidationError as e:
        return None, e.errors()
    if "year" in vector:
        try:
            sundhedsaftale.nordjylland_2024().follow_up(vector["year"], observations)
        except sundhedsaftale.ValidationError as e:
            return observations, e.errors()
    return observations, []


def test_there_are_at_least_15_published_vectors() -> None:
    assert len(PUBLISHED) >= 15


@pytest.mark.parametrize("name,vector", PUBLISHED, ids=[n for n, _ in PUBLISHED])
def test_published_vector(name: str, vector: Dict[str, Any]) -> None:
    observations, problems = outcome(vector)
    if "expected_observations" in vector:
        assert problems == []
        assert same(observations.to_list(), vector["expected_observations"])
    if "expected" in vector:
        assert keys(problems) == sorted((e["code"], e["path"], e["severity"]) for e in vector["expected"])
        for e in vector["expected"]:
            p = next(p for p in problems if p["code"] == e["code"] and p["path"] == e["path"])
            for k, v in e.get("context", {}).items():
                assert p["context"].get(k) == v, (k, p)
    if "expected_rows" in vector:
        rows = sundhedsaftale.nordjylland_2024().follow_up(vector["year"], observations).rows
        for e in vector["expected_rows"]:
            at = [r for r in rows if r["geography"] == e["geography"] and r["stratum"] == e["stratum"]]
            assert at, e["geography"]
            for r in at:
                assert {k: r.get(k) for k in e} == e


def test_one_table_in_four_forms_gives_one_follow_up() -> None:
    follow_ups = {}
    for name, vector in PUBLISHED:
        if "expected_observations" in vector and "year" in vector:
            observations, _ = outcome(vector)
            follow_ups[name] = sundhedsaftale.nordjylland_2024().follow_up(vector["year"], observations).rows
    for name, vector in PUBLISHED:
        if "same_follow_up_as" in vector:
            assert follow_ups[name] == follow_ups[vector["same_follow_up_as"]], name
    assert len(follow_ups) == 4


def test_sources_as_analysts_hold_them(tmp_path: Path) -> None:
    """A path as a str or Path, the bytes, the text; a mapping as a dict, JSON text or a file; a frame with a mapping."""
    vector = dict(PUBLISHED)["001-statbank-codes.json"]
    path = REPO / vector["file"]
    mapping_file = tmp_path / "mapping.json"
    mapping_file.write_text(json.dumps(vector["mapping"], ensure_ascii=False), encoding="utf-8")
    want = vector["expected_observations"]
    for src in (path, str(path), path.read_bytes(), path.read_text(encoding="utf-8-sig")):
        for mapping in (vector["mapping"], json.dumps(vector["mapping"]), mapping_file):
            assert same(sundhedsaftale.Observations.from_statbank(src, mapping).to_list(), want)
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(path, sep=";", dtype=str, encoding="utf-8-sig", keep_default_na=False)
    assert same(sundhedsaftale.Observations.from_frame(frame, vector["mapping"]).to_list(), want)
    # A frame's rows are counted by position from 0, as the frame counts them.
    frame.loc[3, "INDHOLD"] = "tolv"
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.Observations.from_frame(frame, vector["mapping"])
    assert [(e["code"], e["path"]) for e in info.value.errors()] == [("invalid_number", "/3/INDHOLD")]
    # A filtered frame keeps its index, which is no column of the table: the
    # ages the mapping keeps anyway give the same observations.
    clean = pandas.read_csv(path, sep=";", dtype=str, encoding="utf-8-sig", keep_default_na=False)
    kept = clean[clean["ALDER"] == "TOT"]
    assert not kept.index.equals(pandas.RangeIndex(len(kept)))
    assert same(sundhedsaftale.Observations.from_frame(kept, vector["mapping"]).to_list(), want)
    # Codes read as numbers lose their leading zeros: `81` is suggested as 081, never read as it.
    regions = pandas.DataFrame({"OMRÅDE": [81], "TID": ["2024"], "INDHOLD": ["12,5"]})
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.Observations.from_frame(regions, {"indicator": vector["mapping"]["indicator"], "place": "OMRÅDE", "period": "TID", "value": "INDHOLD"})
    (e,) = info.value.errors()
    assert (e["code"], e["path"], e["context"]["did_you_mean"]) == ("misspelt_place", "/0/OMRÅDE", "region:1081")
    # Bytes that are not UTF-8 (a Windows-1252 export) say so, as in Rust and JS.
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.Observations.from_statbank(b"OMR\xc5DE", vector["mapping"])
    assert [(e["code"], e["path"]) for e in info.value.errors()] == [("invalid_encoding", "")]
    with pytest.raises(FileNotFoundError):
        sundhedsaftale.Observations.from_statbank("no-such-table.csv", vector["mapping"])
    with pytest.raises(TypeError, match="source must be"):
        sundhedsaftale.Observations.from_statbank(12, vector["mapping"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="sheet must be a str"):
        sundhedsaftale.Observations.from_excel(path, vector["mapping"], sheet=2)  # type: ignore[arg-type]


def test_a_mapping_that_is_not_one_says_so_as_the_mapping() -> None:
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.Observations.from_statbank("OMRÅDE;TID;INDHOLD\r\n851;2024;1\r\n", {"indicator": "x", "place": "OMRÅDE"})
    errors = info.value.errors()
    assert [(e["code"], e["path"]) for e in errors] == [("missing_field", "/period")]
    assert errors[0]["context"]["document"] == "mapping"


@pytest.mark.parametrize("name,vector", vectors("places"), ids=[n for n, _ in vectors("places")])
def test_places_vector(name: str, vector: Dict[str, Any]) -> None:
    for c in vector["counts"]:
        places = sundhedsaftale.places(c["on"])
        for level in ("region", "municipality", "country"):
            assert sum(p["level"] == level for p in places) == c[level], (c["on"], level)
    for c in vector["found"]:
        p = sundhedsaftale.place(c["text"], c["on"])
        assert {k: p.get(k) for k in c if k not in ("text", "on")} == {k: v for k, v in c.items() if k not in ("text", "on")}
    for c in vector["not_found"]:
        with pytest.raises(sundhedsaftale.ValidationError) as info:
            sundhedsaftale.place(c["text"], c["on"])
        assert [e["code"] for e in info.value.errors()] == [c["code"]]
    with pytest.raises(TypeError, match="text must be a str"):
        sundhedsaftale.place(851, "2024-01-01")  # type: ignore[arg-type]


def test_a_withheld_value_says_so_in_the_notebook_in_danish() -> None:
    vector = dict(PUBLISHED)["022-the-latest-value-withheld.json"]
    observations = sundhedsaftale.Observations.from_statbank(vector["text"], vector["mapping"])
    result = sundhedsaftale.nordjylland_2024().follow_up(vector["year"], observations)
    page = result.to_html(lang="da", limit=len(result))
    assert "ikke offentliggjort af kilden" in page and "withheld at the source" not in page
    # The agreement's own word for a focus area, as the report and the elements say it.
    assert "<th scope=\"col\">Pejlemærke</th>" in page
