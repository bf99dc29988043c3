"""The Python API as an analyst meets it."""

from __future__ import annotations

import datetime
import json
import pickle
from pathlib import Path

import pytest

import sundhedsaftale
from conftest import EMBEDDED_TEXT


def test_embedded_agreement_and_status() -> None:
    a = sundhedsaftale.nordjylland_2024()
    assert a.id == "nordjylland-2024"
    assert a.title == "Sundhedsaftale 2024"
    assert repr(a) == "<Agreement 'nordjylland-2024': Sundhedsaftale 2024>"
    status = a.status_on(datetime.date(2026, 1, 1))
    assert status.state == "in_force"
    assert status.nominal_end == datetime.date(2027, 7, 1)
    assert status.last_nominal_day == datetime.date(2027, 6, 30)
    assert str(status) == "in_force on 2026-01-01 (in_force_from 2024-01-01, nominal_end 2027-07-01)"


def test_dates_are_taken_as_a_notebook_writes_them() -> None:
    a = sundhedsaftale.nordjylland_2024()
    day = datetime.date(2026, 1, 1)
    assert a.status_on("2026-01-01") == a.status_on(day) == a.status_on(datetime.datetime(2026, 1, 1, 13, 30))
    assert a.parties_on("2026-01-01") == a.parties_on(day)
    assert a.members_on("ssu", "2026-01-01") == a.members_on("ssu", day)
    assert a.composition("ssu", "2026-01-01") == a.composition("ssu", day)
    assert a.calendar("2026-01-01") == a.calendar(day)


@pytest.mark.parametrize("text", ["1/1/2026", "2026-1-1", "2026-02-30", "01-01-2026", "2026-01-01T00:00"])
def test_a_date_in_another_form_says_the_form(text: str) -> None:
    with pytest.raises(ValueError, match="^on must be a date in the form YYYY-MM-DD, not "):
        sundhedsaftale.nordjylland_2024().status_on(text)


@pytest.mark.parametrize("value", [20260101, None, 2026.0, b"2026-01-01"])
def test_anything_else_is_a_type_error_naming_the_argument(value: object) -> None:
    with pytest.raises(TypeError, match="^on must be a datetime.date or a YYYY-MM-DD string, not "):
        sundhedsaftale.nordjylland_2024().status_on(value)  # type: ignore[arg-type]


def test_validation_error_is_a_value_error_with_every_problem() -> None:
    doc = json.loads(EMBEDDED_TEXT)
    doc["organisations"][10]["code"] = 852
    doc["focus_areas"][0]["key_figures"][0]["value"] = 147
    with pytest.raises(ValueError) as info:
        sundhedsaftale.loads(json.dumps(doc))
    err = info.value
    assert isinstance(err, sundhedsaftale.ValidationError)
    errors = [p for p in err.errors() if p["severity"] == "error"]
    assert sorted((p["code"], p["path"]) for p in errors) == [
        ("municipality_code_mismatch", "/organisations/10/code"),
        ("party_missing", "/roles"),
        ("percentage_out_of_range", "/focus_areas/0/key_figures/0/value"),
    ]
    mismatch = next(p for p in err.errors(lang="da") if p["code"] == "municipality_code_mismatch")
    assert mismatch["message"].startswith("Kommunen `Aalborg Kommune` har kode 852")
    assert mismatch["context"]["expected"] == "851"
    # The library's keys, and pydantic's beside them (no input: the context names none).
    assert set(mismatch) == {"code", "path", "severity", "message", "context", "type", "loc", "msg", "ctx"}
    assert mismatch["loc"] == ("organisations", 10, "code")
    lines = str(err).splitlines()
    assert lines[0] == "5 problems in the document:"
    assert "  error municipality_code_mismatch at /organisations/10/code: Municipality `Aalborg Kommune` has code 852" in "\n".join(lines)


def test_validation_error_pickles() -> None:
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.loads("{")
    back = pickle.loads(pickle.dumps(info.value))
    assert isinstance(back, sundhedsaftale.ValidationError)
    assert back.errors() == info.value.errors()
    assert str(back) == str(info.value)
    assert back.errors()[0]["code"] == "json_syntax"


def test_errors_rejects_unknown_language() -> None:
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.loads("{")
    with pytest.raises(ValueError):
        info.value.errors(lang="de")  # type: ignore[arg-type]


def test_validate_returns_warnings() -> None:
    problems = sundhedsaftale.nordjylland_2024().validate(lang="da")
    assert [(p["severity"], p["code"], p["path"]) for p in problems] == [
        ("warning", "composition_rule_not_met", "/bodies/0"),
        ("warning", "composition_rule_not_met", "/bodies/0"),
    ]
    assert [p["context"]["rule"] for p in problems] == ["ssu-borgmestre", "ssu-region"]


def test_json_and_dict_round_trip(tmp_path: Path) -> None:
    a = sundhedsaftale.nordjylland_2024()
    assert sundhedsaftale.loads(a.to_json()) == a
    assert sundhedsaftale.loads(json.dumps(a.to_dict())) == a
    data = a.to_dict()
    assert data["validity"]["in_force_from"] == "2024-01-01"
    assert len(data["organisations"]) == 14
    path = tmp_path / "a.json"
    path.write_text(a.to_json(pretty=True), encoding="utf-8")
    assert sundhedsaftale.load(path) == a
    assert pickle.loads(pickle.dumps(a)) == a


def test_load_of_missing_file_raises_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        sundhedsaftale.load(tmp_path / "missing.json")


def test_calendar_and_report() -> None:
    a = sundhedsaftale.nordjylland_2024()
    cal = a.calendar(datetime.date(2026, 11, 23))
    nxt = [e for e in cal if e.status == "due_next"]
    assert [(e.requirement, e.year, e.due) for e in nxt] == [("aarlig-opfoelgning", 2026, datetime.date(2026, 12, 31))]
    assert a.report(datetime.date(2026, 11, 23), lang="da").startswith("Sundhedsaftale 2024 — Region Nordjylland\n")
    with pytest.raises(ValueError):
        a.report(datetime.date(2026, 11, 23), lang="de")  # type: ignore[arg-type]


def test_minutes_report_and_problems() -> None:
    minutes = sundhedsaftale.politisk_klynge_vest_2021()
    assert minutes.meeting.title == "4. møde i Politisk Klynge Vest"
    problems = sundhedsaftale.minutes_problems(minutes, lang="da")
    assert [(p["code"], p["path"]) for p in problems] == [
        ("recommendation_addressed_elsewhere", "/meeting/agenda/2/recommendations/0/addressed_to")
    ]
    text = sundhedsaftale.minutes_report(minutes, lang="da")
    assert "✓ 2-4 politiske repræsentanter fra hver kommune i klyngen [Thisted Kommune]: opfyldt — 4" in text
    data = minutes.to_dict()
    data["meeting"]["agenda"][3]["decision"] = "Godkendt."
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.minutes_report(data)
    assert ("postponed_item_with_decision", "/meeting/agenda/3/decision") in [
        (p["code"], p["path"]) for p in info.value.errors()
    ]


def test_catalogue_and_schema() -> None:
    codes = [c["code"] for c in sundhedsaftale.catalogue()]
    assert len(codes) == len(set(codes))
    assert "overlapping_memberships" in codes
    meaning = {c["code"]: c["meaning"] for c in sundhedsaftale.catalogue()}
    assert meaning["overlapping_memberships"] == "One person holds the same post twice over overlapping periods."
    schema = json.loads(sundhedsaftale.agreement_schema())
    assert "schema_version" in schema["required"]


def test_bytes_are_read_as_utf8() -> None:
    text = EMBEDDED_TEXT.encode("utf-8")
    assert sundhedsaftale.loads(text) == sundhedsaftale.nordjylland_2024()
    problems = sundhedsaftale.problems(b'{"schema_version": 1')
    assert [(p["code"], p["path"]) for p in problems] == [("json_syntax", "")]


def test_invalid_encoding_bytes_are_a_validation_error() -> None:
    """Not a UnicodeDecodeError: the same error type, code and path as any other problem."""
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.loads(b'{"title": "\xff"}')
    assert [(p["code"], p["path"]) for p in info.value.errors()] == [("invalid_encoding", "")]
    assert "offset 11" in info.value.errors()[0]["message"]


def test_a_byte_order_mark_is_skipped_in_bytes_and_text() -> None:
    text = EMBEDDED_TEXT
    assert sundhedsaftale.loads(("\ufeff" + text).encode("utf-8")).id == "nordjylland-2024"
    assert sundhedsaftale.loads("\ufeff" + text).id == "nordjylland-2024"


def test_errors_can_be_redacted() -> None:
    """With redact, no echoed value: a personal identifier in a wrong field stays out of logs."""
    doc = json.loads(EMBEDDED_TEXT)
    doc["bodies"][0]["posts"][0]["memberships"][0]["person"] = "010170-1234"
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.loads(json.dumps(doc))
    plain = info.value.errors()
    assert "010170-1234" in json.dumps(plain)
    for lang in ("en", "da"):
        redacted = info.value.errors(lang=lang, redact=True)
        assert "010170-1234" not in json.dumps(redacted, ensure_ascii=False)
        assert [(p["code"], p["path"]) for p in redacted] == [(p["code"], p["path"]) for p in plain]
        assert any("<string:11>" in p["message"] for p in redacted)


def test_the_suite_runs_against_the_installed_release_wheel() -> None:
    import importlib.metadata
    import sysconfig

    location = Path(sundhedsaftale.__file__).resolve()
    assert location.is_relative_to(Path(sysconfig.get_paths()["purelib"]).resolve()), location
    meta = importlib.metadata.metadata("sundhedsaftale")
    assert meta["License-Expression"] == "MIT OR Apache-2.0"
    assert meta["Requires-Python"] == ">=3.10"
    assert "sundhedsaftale" in (meta.json.get("description") or "")  # the README is the long description
    assert {"arrow", "pandas", "polars"} <= set(meta.get_all("Provides-Extra") or [])
    files = {str(f) for f in importlib.metadata.files("sundhedsaftale") or []}
    assert {"sundhedsaftale/py.typed", "sundhedsaftale/_native.pyi"} <= files
    assert any(f.endswith("LICENSE-MIT") for f in files) and any(f.endswith("LICENSE-APACHE") for f in files)


def test_every_code_has_an_english_and_a_danish_label() -> None:
    table = sundhedsaftale.labels()
    assert len({(l["kind"], l["code"]) for l in table}) == len(table) > 100
    by_key = {(l["kind"], l["code"]): l for l in table}
    assert (by_key[("validity_state", "in_force")]["en"], by_key[("validity_state", "in_force")]["da"]) == ("in force", "i kraft")
    rows = sundhedsaftale.nordjylland_2024().follow_up(2025).rows
    for status in {r["status"] for r in rows}:
        assert by_key[("status", status)]["da"], status


def test_validation_error_as_json_without_context_and_a_short_str() -> None:
    doc = json.loads(EMBEDDED_TEXT)
    for f in doc["focus_areas"]:
        for k in f["key_figures"]:
            k["value"] = 150  # 21 key figures, each out of range
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.loads(json.dumps(doc))
    err = info.value
    problems = err.errors()
    assert len(problems) > err.SHOWN
    # JSON has no tuples: loc comes back as a list.
    assert json.loads(err.json()) == [{**p, "loc": list(p["loc"])} for p in problems]
    assert json.loads(err.json(lang="da", indent=2)) == [{**p, "loc": list(p["loc"])} for p in err.errors(lang="da")]
    bare = err.errors(include_context=False)
    assert all("context" not in p for p in bare)
    assert [(p["code"], p["path"]) for p in bare] == [(p["code"], p["path"]) for p in problems]
    lines = str(err).splitlines()
    assert lines[0] == f"{len(problems)} problems in the document:"
    assert len(lines) == 1 + err.SHOWN + 1
    assert lines[-1] == f"  … and {len(problems) - err.SHOWN} more (errors() lists every one)"
    assert lines[1].startswith(f"  {problems[0]['severity']} {problems[0]['code']} at {problems[0]['path']}")


def test_a_validation_error_shows_in_a_notebook_as_an_escaped_table() -> None:
    doc = json.loads(EMBEDDED_TEXT)
    doc["region"] = "<nowhere>"
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.loads(json.dumps(doc))
    page = info.value._repr_html_()
    problems = info.value.errors()
    assert page.count("<tr>") == 1 + len(problems)
    assert "<nowhere>" not in page and "&lt;nowhere&gt;" in page
    for p in problems:
        assert f"<code>{p['code']}</code>" in page and f"<code>{p['path'] or '/'}</code>" in page
