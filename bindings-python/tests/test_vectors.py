"""The shared vectors, run against the Python package."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any, Dict, Mapping, Sequence

import pytest

import sundhedsaftale
from conftest import EMBEDDED_TEXT, MINUTES_TEXT, REPO, document_text, keys, new_problems, vectors

INVALID = vectors("invalid")
VALID = vectors("valid")
BASE = keys(sundhedsaftale.problems(EMBEDDED_TEXT))


def test_there_are_at_least_30_invalid_vectors() -> None:
    assert len(INVALID) >= 30


@pytest.mark.parametrize("name,vector", INVALID, ids=[n for n, _ in INVALID])
def test_invalid_vector(name: str, vector: Dict[str, Any]) -> None:
    text = document_text(vector)
    got = new_problems(keys(sundhedsaftale.problems(text)), BASE)
    want = sorted((e["code"], e["path"], e["severity"]) for e in vector["expected"])
    assert got == want
    if any(e["severity"] == "error" for e in vector["expected"]):
        with pytest.raises(sundhedsaftale.ValidationError) as info:
            sundhedsaftale.loads(text)
        errors = [(p["code"], p["path"]) for p in info.value.errors() if p["severity"] == "error"]
        assert sorted(errors) == sorted((e["code"], e["path"]) for e in vector["expected"] if e["severity"] == "error")
    else:
        sundhedsaftale.loads(text)


MINUTES = vectors("invalid-minutes")
MINUTES_BASE = keys(sundhedsaftale.minutes_problems(MINUTES_TEXT))


@pytest.mark.parametrize("name,vector", MINUTES, ids=[n for n, _ in MINUTES])
def test_invalid_minutes_vector(name: str, vector: Dict[str, Any]) -> None:
    got = new_problems(keys(sundhedsaftale.minutes_problems(document_text(vector))), MINUTES_BASE)
    assert got == sorted((e["code"], e["path"], e["severity"]) for e in vector["expected"])


@pytest.mark.parametrize("name,vector", VALID, ids=[n for n, _ in VALID])
def test_valid_vector(name: str, vector: Dict[str, Any]) -> None:
    agreement = sundhedsaftale.loads(document_text(vector))
    for expected in vector["status"]:
        status = agreement.status_on(datetime.date.fromisoformat(expected["on"]))
        assert status.state == expected["state"]
        assert [(d.role, d.date.isoformat()) for d in status.decided_by] == [
            (d["role"], d["date"]) for d in expected["decided_by"]
        ]


FOLLOW_UP = vectors("follow-up")


def same(got: Any, want: Any) -> bool:
    """Equal JSON values, every float bit for bit (`-0.0` is not `0.0`)."""
    if isinstance(want, float) or isinstance(got, float):
        return isinstance(got, float) and isinstance(want, float) and got.hex() == want.hex()
    if isinstance(want, dict):
        return isinstance(got, dict) and got.keys() == want.keys() and all(same(got[k], want[k]) for k in want)
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and all(same(g, w) for g, w in zip(got, want))
    return bool(got == want) and type(got) is type(want)


@pytest.mark.parametrize("name,vector", FOLLOW_UP, ids=[n for n, _ in FOLLOW_UP])
def test_follow_up_vector(name: str, vector: Dict[str, Any]) -> None:
    agreement = sundhedsaftale.loads(document_text(vector))
    # Inline observations, or a CSV file of the repository.
    observations = REPO / vector["observations_csv"] if "observations_csv" in vector else vector["observations"]
    try:
        # Options in their JSON form are the method's keyword arguments.
        result = agreement.follow_up(vector["year"], observations, **vector.get("options", {}))
        problems: Sequence[Mapping[str, Any]] = result.problems
    except sundhedsaftale.ValidationError as err:
        assert "expected_problems" in vector, err.errors()
        result, problems = None, err.errors()
    # The follow-up's problems, or the errors that stopped it: exactly these
    # codes, paths and severities, and the context values listed.
    if "expected_problems" in vector:
        want_problems = vector["expected_problems"]
        assert keys(problems) == sorted((e["code"], e["path"], e["severity"]) for e in want_problems)
        for e in want_problems:
            found = next(p for p in problems if p["code"] == e["code"] and p["path"] == e["path"])
            for k, v in e.get("context", {}).items():
                assert same(found["context"][k], v), (e, k)
    if result is None:
        return
    rows = result.rows
    for want in vector["expected"]:
        matching = [r for r in rows if all(r[k] == want[k] for k in ("indicator", "geography", "stratum"))]
        assert len(matching) == 1, want
        for k in want:
            assert same(matching[0][k], want[k]), (k, matching[0][k], want)
    # Roll-ups, found by focus area (None: the agreement) and place; every listed field exact.
    for want in vector.get("expected_roll_ups", []):
        matching = [r for r in result.roll_ups if all(r[k] == want[k] for k in ("focus_area", "geography"))]
        assert len(matching) == 1, want
        for k in want:
            assert same(matching[0][k], want[k]), (k, matching[0][k], want)


OBSERVATIONS = vectors("invalid-observations")


@pytest.mark.parametrize("name,vector", OBSERVATIONS, ids=[n for n, _ in OBSERVATIONS])
def test_invalid_observations_vector(name: str, vector: Dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "observations.csv"
    path.write_text(vector["csv"], encoding="utf-8")
    # A vector may patch the embedded agreement (an indicator of another unit).
    agreement = sundhedsaftale.loads(document_text(vector)) if "patch" in vector else sundhedsaftale.nordjylland_2024()
    problems: Sequence[Mapping[str, Any]]
    try:
        problems = agreement.follow_up(vector["year"], path).problems
    except sundhedsaftale.ValidationError as err:
        problems = err.errors()
    assert keys(problems) == sorted((e["code"], e["path"], e["severity"]) for e in vector["expected"])


REPORT = vectors("report")


@pytest.mark.parametrize("name,vector", REPORT, ids=[n for n, _ in REPORT])
def test_report_vector(name: str, vector: Dict[str, Any]) -> None:
    """On each date the report shows the parties and rule sets the queries answer."""
    agreement = sundhedsaftale.loads(document_text(vector))
    for check in vector["checks"]:
        on = datetime.date.fromisoformat(check["on"])
        assert [o.name for o in agreement.parties_on(on)] == check["parties"], (name, on)
        for body, sets in check["compositions"].items():
            assert [r.rule_set for r in agreement.composition(body, on)] == sets, (name, on, body)
        text = agreement.report(on, lang=check["lang"])
        for s in check["report_includes"]:
            assert s in text, (name, on, s)
        for s in check["report_excludes"]:
            assert s not in text, (name, on, s)


REFORM = vectors("reform")


def test_there_are_at_least_4_reform_vectors() -> None:
    assert len(REFORM) >= 4


@pytest.mark.parametrize("name,vector", REFORM, ids=[n for n, _ in REFORM])
def test_reform_vector(name: str, vector: Dict[str, Any]) -> None:
    """Answers across 1 January 2027: validation beyond the unpatched document,
    and on each date the status with the law it cites, the date's problems,
    the calendar's deadlines and the report."""
    text = document_text(vector)
    base = keys(sundhedsaftale.problems(document_text({k: v for k, v in vector.items() if k != "patch"})))
    want = sorted((e["code"], e["path"], e["severity"]) for e in vector["expected"])
    assert new_problems(keys(sundhedsaftale.problems(text)), base) == want
    if any(e["severity"] == "error" for e in vector["expected"]):
        with pytest.raises(sundhedsaftale.ValidationError) as info:
            sundhedsaftale.loads(text)
        errors = [(p["code"], p["path"]) for p in info.value.errors() if p["severity"] == "error"]
        assert sorted(errors) == sorted((c, p) for c, p, s in want if s == "error")
        assert vector["on"] == []
        return
    agreement = sundhedsaftale.loads(text)
    for check in vector["on"]:
        on = datetime.date.fromisoformat(check["on"])
        status = agreement.status_on(on)
        assert status.state == check["state"], (name, on)
        assert status.to_dict().get("affected_by_law") == check["affected_by_law"], (name, on)
        problems = agreement.problems_on(on)
        assert keys(problems) == sorted((e["code"], e["path"], e["severity"]) for e in check["problems"]), (name, on)
        due = [e.due.isoformat() if e.due is not None else None for e in agreement.calendar(on)]
        assert due == check["calendar_due"], (name, on)
        for report in check["report"]:
            text_on = agreement.report(on, lang=report["lang"])
            for s in report["includes"]:
                assert s in text_on, (name, on, s)
            for s in report["excludes"]:
                assert s not in text_on, (name, on, s)


HISTORY = vectors("history")


def test_there_are_at_least_8_history_vectors() -> None:
    assert len(HISTORY) >= 8


def _pointer(data: Any, pointer: str) -> Any:
    """The value at a JSON Pointer in plain data, or None."""
    for part in pointer.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(data, list):
            if not part.isdigit() or int(part) >= len(data):
                return None
            data = data[int(part)]
        elif isinstance(data, dict) and part in data:
            data = data[part]
        else:
            return None
    return data


@pytest.mark.parametrize("name,vector", HISTORY, ids=[n for n, _ in HISTORY])
def test_history_vector(name: str, vector: Dict[str, Any]) -> None:
    """The document through time: validation beyond the unpatched document;
    on each date the status with the approvals that decide it; the document
    as of each date; the differences between two days or editions."""
    text = document_text(vector)
    base = keys(sundhedsaftale.problems(document_text({k: v for k, v in vector.items() if k != "patch"})))
    want = sorted((e["code"], e["path"], e["severity"]) for e in vector["expected"])
    assert new_problems(keys(sundhedsaftale.problems(text)), base) == want
    if any(e["severity"] == "error" for e in vector["expected"]):
        with pytest.raises(sundhedsaftale.ValidationError):
            sundhedsaftale.loads(text)
        assert vector["status"] == vector["as_of"] == vector["diff"] == []
        return
    agreement = sundhedsaftale.loads(text)
    for check in vector["status"]:
        status = agreement.status_on(check["on"])
        assert status.state == check["state"], (name, check["on"])
        assert [a.to_dict() for a in status.approvals] == check["approvals"], (name, check["on"])
        assert len(status.awaiting_approval) == check["awaiting_approval"], (name, check["on"])
        ceased = status.region_ceased.to_dict() if status.region_ceased is not None else None
        assert ceased == check["region_ceased"], (name, check["on"])
    for check in vector["as_of"]:
        try:
            doc = agreement.as_of(datetime.date.fromisoformat(check["on"])).to_dict()
        except sundhedsaftale.ValidationError as err:
            first = err.errors()[0]
            assert {"code": first["code"], "path": first["path"]} == check["error"], (name, check["on"])
            continue
        assert check["error"] is None, (name, check["on"])
        for pointer, value in check["values"].items():
            assert _pointer(doc, pointer) == value, (name, check["on"], pointer)
    for check in vector["diff"]:
        try:
            got = agreement.diff(check["from"], check["to"])
        except sundhedsaftale.ValidationError as err:
            first = err.errors()[0]
            assert {"code": first["code"], "path": first["path"]} == check["error"], (name, check)
            continue
        assert check["error"] is None, (name, check)
        assert [
            {"op": d.op.value, "path": d.path, "part": d.part.value, "message_en": d.message_en, "message_da": d.message_da}
            for d in got
        ] == check["differences"], (name, check)


def test_diff_takes_dates_and_names_a_wrong_argument() -> None:
    """A day may be a ``datetime.date``; anything but a date or text is a
    TypeError naming the argument."""
    agreement = sundhedsaftale.load(REPO / "examples/data/midtjylland_2019.json")
    by_date = agreement.diff(datetime.date(2019, 7, 1), datetime.date(2019, 12, 31))
    assert [d.path for d in by_date] == ["/focus_areas/2/objectives/0", "/focus_areas/2/objectives/1"]
    with pytest.raises(TypeError, match="to must be"):
        agreement.diff("2019-07-01", 2019)  # type: ignore[arg-type]
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        agreement.as_of("2019-12-31").as_of("2019-07-01")
    assert [(p["code"], p["path"]) for p in info.value.errors()] == [("as_of_needs_original", "/amended_as_of")]
