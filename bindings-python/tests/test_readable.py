"""Results a Danish civil servant can read: labels in either language beside
the stable codes, names beside ids, integer years, numbers rounded with
their unit, a package-wide language, and the API taking what analysts pass."""

from __future__ import annotations

import pathlib
import re
from typing import Any, Iterator

import pandas
import pytest

import sundhedsaftale

ROOT = pathlib.Path(__file__).resolve().parents[2]
READMISSIONS = ROOT / "tests" / "observations" / "synthetic-readmissions.csv"
LABELS = {(e["kind"], e["code"]): (e["en"], e["da"]) for e in sundhedsaftale.labels()}


@pytest.fixture
def danish() -> Iterator[None]:
    """The package's language set to Danish for one test, and set back."""
    before = sundhedsaftale.get_lang()
    sundhedsaftale.set_lang("da")
    yield
    sundhedsaftale.set_lang(before)


def test_to_pandas_in_danish_has_labels_names_and_integer_years() -> None:
    a = sundhedsaftale.nordjylland_2024()
    frame = a.follow_up(2025).to_pandas(lang="da")
    areas = {f.id: f.name for f in a.document.focus_areas}
    row: Any
    for row in frame.itertuples():
        assert row.status_label == LABELS[("status", row.status)][1]
        assert row.level_label == LABELS[("level", row.level)][1]
        assert row.focus_area_name == areas[row.focus_area]
        if row.unit is not None and not pandas.isna(row.unit):
            assert row.unit_label == LABELS[("measure_unit", row.unit)][1]
    assert str(frame["baseline_year"].dtype) == "Int32"
    dated = frame.dropna(subset=["baseline_period"])
    assert len(dated) > 0
    assert list(dated["baseline_year"]) == [int(str(p)[:4]) for p in dated["baseline_period"]]
    assert set(frame["geography_name"]) == {"Region Nordjylland"}
    # Counts with gaps stay integers rather than turning into floats.
    assert str(frame["contributed"].dtype) == "UInt32"
    english = a.follow_up(2025).to_pandas(lang="en")
    assert set(english["status_label"]) == {LABELS[("status", s)][0] for s in english["status"]}


def test_the_same_labels_in_polars_and_arrow() -> None:
    result = sundhedsaftale.nordjylland_2024().follow_up(2025)
    frame = result.to_pandas(lang="da")
    assert result.to_polars(lang="da")["status_label"].cast(str).to_list() == list(frame["status_label"].astype(str))
    assert result.to_arrow(lang="da").column("focus_area_name").to_pylist() == list(frame["focus_area_name"].astype(str))
    with pytest.raises(ValueError, match="unknown language 'de'"):
        result.to_pandas(lang="de")  # type: ignore[arg-type]


def test_hidden_cells_are_labelled_in_danish() -> None:
    frame = sundhedsaftale.nordjylland_2024().follow_up(2024, READMISSIONS).to_pandas(lang="da")
    hidden = frame.dropna(subset=["hidden"])
    assert len(hidden) > 0
    records: Any = hidden.itertuples()
    names = dict(zip(frame["geography"].astype(str), frame["geography_name"]))
    for row in records:
        assert row.hidden_label == LABELS[("hidden_kind", row.hidden)][1]
        if row.hidden == "complementary":
            assert (row.hidden_protects_name, row.hidden_via_name) == (names[row.hidden_protects], names[row.hidden_via])


def test_roll_ups_by_name() -> None:
    a = sundhedsaftale.nordjylland_2024()
    frame = a.follow_up(2024, READMISSIONS).roll_ups_to_pandas(lang="da")
    assert "Læsø Kommune" in set(frame["geography_name"])
    named = frame.dropna(subset=["focus_area"])
    areas = {f.id: f.name for f in a.document.focus_areas}
    assert list(named["focus_area_name"]) == [areas[f] for f in named["focus_area"]]
    assert list(frame["status_label"]) == [LABELS[("status", s)][1] for s in frame["status"]]
    assert str(frame["scored"].dtype) == "Int32"


def test_the_package_language_is_every_default(danish: None) -> None:
    a = sundhedsaftale.nordjylland_2024()
    result = a.follow_up(2025)
    assert result._repr_html_() == result.to_html("da")
    assert set(result.to_pandas()["status_label"]) <= {da for (_, da) in LABELS.values()}
    assert a._repr_html_().startswith('<div class="sundhedsaftale-overview" lang="da">')
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.loads("{")
    assert info.value.errors()[0]["message"] == info.value.errors("da")[0]["message"]
    assert "<th scope=\"col\">Kode</th>" in info.value._repr_html_()
    # What a traceback shows follows the package's language too.
    assert str(info.value).startswith("1 problem i dokumentet:\n  fejl json_syntax ved /")
    with pytest.raises(ValueError):
        sundhedsaftale.set_lang("de")  # type: ignore[arg-type]
    assert sundhedsaftale.get_lang() == "da"


def test_the_display_rounds_and_writes_units() -> None:
    a = sundhedsaftale.nordjylland_2024()
    result = a.follow_up(2024, READMISSIONS)
    da, en = result.to_html("da", limit=len(result)), result.to_html("en", limit=len(result))
    # No number carries float noise (12.083333333333334): every value is rounded.
    assert not re.search(r"\d[.,]\d{4,}", da + en)
    row = next(r for r in result.rows if r["latest_value"] is not None and r["latest_value"] != int(r["latest_value"]))
    shown_en = result._native.value_text(row["indicator"], row["latest_value"], "en")
    shown_da = result._native.value_text(row["indicator"], row["latest_value"], "da")
    assert shown_da == shown_en.replace(",", "\0").replace(".", ",").replace("\0", ".").replace("-", "−")
    assert f"{shown_da} ({row['latest_period']})" in da
    assert f"{shown_en} ({row['latest_period']})" in en
    # Names, not ids: the focus area's name and the place's.
    assert "tilgaengeligt-sammenhaengende" not in da
    assert "Læsø Kommune" in da
    assert "skjult: lille antal" in da
    # A change of a percentage is in points: a relative change would read differently.
    assert "−0,9 procentpoint" in da and "-0.9 percentage points" in en
    frame = result.to_pandas(lang="da")
    assert "ingen data" in set(frame["note"].dropna()) or "skjult: lille antal" in set(frame["note"].dropna())


def test_numbers_as_each_language_writes_them() -> None:
    from sundhedsaftale import _native

    assert _native.format_number(12345.678, 1, "da") == "12.345,7"
    assert _native.format_number(-12345.678, 1, "en") == "-12,345.7"


def test_calendar_to_pandas_and_due_in() -> None:
    a = sundhedsaftale.nordjylland_2024()
    calendar = a.calendar("2025-06-01")
    frame = calendar.to_pandas(lang="da")
    assert len(frame) == len(calendar)
    assert str(frame["year"].dtype) == "Int32"
    assert list(frame["status_label"]) == [LABELS[("due_status", str(e.status))][1] for e in calendar]
    texts = {r.id: r.text for r in a.document.follow_up.requirements}
    assert list(frame["text"]) == [texts[e.requirement] for e in calendar]
    bodies = {b.id: b.name for b in a.document.bodies}
    clusters = {c.id: c.name for c in a.document.clusters}
    for entry, shown in zip(calendar, frame["responsible"]):
        names = [bodies[b] for b in entry.responsible_bodies] + [clusters[c] for c in entry.responsible_clusters]
        assert shown == "; ".join(names)
    assert any(frame["responsible"]), "the embedded duties name who is responsible"
    december = calendar.due_in("2025-12")
    assert len(december) > 0
    assert all(e.due is not None and (e.due.year, e.due.month) == (2025, 12) for e in december)
    assert calendar.due_in((2025, 12)) == december == calendar.due_in("2025-12-24")
    assert calendar.due_in("2025-02") == ()
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        calendar.due_in("december")


def test_cluster_of_takes_a_municipality_as_written() -> None:
    a = sundhedsaftale.nordjylland_2024()
    on = "2024-06-01"
    by_id = a.cluster_of("thisted", on)
    assert by_id is not None
    for written in ("Thisted", "Thisted Kommune", "thisted kommune", "787", "0787", "municipality:787"):
        assert a.cluster_of(written, on) == by_id, written
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        a.cluster_of("Tisted", on)
    assert [e["code"] for e in info.value.errors()] == ["misspelt_place"]
    with pytest.raises(KeyError, match="no municipality of"):
        a.cluster_of("København", on)
    with pytest.raises(TypeError, match="must be a str"):
        a.cluster_of(787, on)  # type: ignore[arg-type]


def test_errors_offer_pydantics_keys() -> None:
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.loads('{"schema_version": 1, "id": 5}')
    errors = info.value.errors()
    wrong = next(e for e in errors if e["path"] == "/id")
    assert (wrong["type"], wrong["loc"], wrong["msg"]) == (wrong["code"], ("id",), wrong["message"])
    assert wrong["ctx"] == wrong["context"]
    data = sundhedsaftale.nordjylland_2024().to_dict()
    data["clusters"][0]["municipalities"].append("atlantis")
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.loads(data)
    unknown = next(e for e in info.value.errors() if e["code"] == "unknown_reference")
    assert unknown["loc"][:3] == ("clusters", 0, "municipalities") and isinstance(unknown["loc"][3], int)
    assert unknown["input"] == "atlantis"
    assert sundhedsaftale._errors.loc("/clusters/0/a~1b~0c") == ("clusters", 0, "a/b~c")


def test_composition_display_by_name() -> None:
    a = sundhedsaftale.nordjylland_2024()
    on = "2025-06-01"
    body = a.bodies_on(on)[0]
    reports = a.composition(body, on)
    assert isinstance(reports, sundhedsaftale.Compositions)
    page = reports.to_html("da")
    people = {p.id: p.name for p in a.document.people}
    counted = [c for r in reports for f in r.findings for c in f.counted]
    assert counted, "the body has members counted"
    for person in counted:
        if person in people:
            assert people[person] in page
            assert f"{person}," not in page and f": {person}" not in page
    assert body.name in page
    clusters = {c.id: c.name for c in a.document.clusters}
    for scope in {f.scope for r in reports for f in r.findings if f.scope in clusters}:
        assert f"<td>{clusters[scope]}</td>" in page, scope
    assert reports._repr_html_() == reports.to_html()
    assert reports.met == all(r.met for r in reports)


def test_the_overview_on_a_date_says_each_key_figure_once() -> None:
    a = sundhedsaftale.nordjylland_2024()
    page = a.overview("2023-06-01", lang="da")
    assert page._repr_html_() == a.to_html("da", on="2023-06-01")
    assert "Status pr. 2023-06-01" in page
    for area in a.document.focus_areas:
        for statement in {k.statement for k in area.key_figures}:
            assert page.count(f"<li>{statement}</li>") == 1, statement


def test_help_says_what_each_column_means() -> None:
    import pydoc

    from sundhedsaftale.model import FollowUpRow

    text = pydoc.render_doc(FollowUpRow, renderer=pydoc.TextDoc())
    for field in FollowUpRow.__dataclass_fields__:
        assert f"{field}: " in text, field
    assert "score: The progress score, from −5" in text
    assert "in the indicator's unit" in text
    doc = sundhedsaftale.FollowUp.to_arrow.__doc__ or ""
    for column in ("status_label", "focus_area_name", "baseline_year", "score"):
        assert column in doc, column
