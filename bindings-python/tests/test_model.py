"""The whole model as typed objects: every class is reached from Python and
agrees with the Rust side's JSON, and the date-aware queries answer as core does."""

from __future__ import annotations

import dataclasses
import datetime
import enum
import json
import pickle
from typing import Any, Dict, Set

import pytest
from conftest import REPO, document_text

import sundhedsaftale
from sundhedsaftale import model

EVERY_CLASS = json.loads((REPO / "tests/model/001-every-class.json").read_text(encoding="utf-8"))
ON = datetime.date(2024, 6, 1)

MODEL_CLASSES = {
    name
    for name in model.__all__
    if isinstance(getattr(model, name), type) and dataclasses.is_dataclass(getattr(model, name))
}
CODE_ENUMS = [getattr(model, n) for n in model.__all__ if isinstance(getattr(model, n), type) and issubclass(getattr(model, n), enum.Enum)]


def walk(obj: Any, data: Any, path: str, seen: Set[str]) -> None:
    """Checks that ``obj`` holds exactly what the JSON ``data`` says, all the way down."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        seen.add(type(obj).__name__)
        assert isinstance(data, dict), path
        names = set()
        for f in dataclasses.fields(obj):
            key = f.name[:-1] if f.name.endswith("_") else f.name
            names.add(key)
            walk(getattr(obj, f.name), data.get(key), f"{path}/{key}", seen)
        assert set(data) <= names, (path, set(data) - names)
    elif isinstance(obj, tuple):
        assert len(obj) == len(data or []), path
        for i, (o, d) in enumerate(zip(obj, data or [])):
            walk(o, d, f"{path}/{i}", seen)
    elif isinstance(obj, model.FrozenMap):
        # Values all the way down too (a map of lists holds tuples).
        assert set(obj) == set(data or {}), path
        for k, v in obj.items():
            walk(v, (data or {})[k], f"{path}/{k}", seen)
    elif isinstance(obj, model.Code):
        assert obj.value == data, path
        assert obj.label("en") and obj.label("da"), path
    elif isinstance(obj, datetime.date):
        assert obj.isoformat() == data, path
    elif isinstance(obj, float):
        assert obj == float(data), path
    elif obj is None:
        assert data is None, path
    elif isinstance(obj, dict):
        assert dict(obj) == (data or {}), path
    else:
        assert obj == data and type(obj) is type(data), (path, obj, data)


def test_every_class_is_reached_and_agrees_with_the_rust_json() -> None:
    seen: Set[str] = set()
    embedded = sundhedsaftale.nordjylland_2024()
    walk(embedded.document, embedded.to_dict(), "", seen)
    synthetic = sundhedsaftale.loads(document_text(EVERY_CLASS["agreement"]))
    assert [p for p in synthetic.validate() if p["severity"] == "error"] == []
    walk(synthetic.document, synthetic.to_dict(), "", seen)
    minutes = sundhedsaftale.loads_minutes(document_text(EVERY_CLASS["minutes"]))
    walk(minutes, json.loads(document_text(EVERY_CLASS["minutes"])), "", seen)
    walk(sundhedsaftale.politisk_klynge_vest_2021(), json.loads(sundhedsaftale._native.politisk_klynge_vest_2021_json()), "", seen)
    for rules in sundhedsaftale.rule_sets():
        walk(rules, rules.to_dict(), "", seen)
    # Query results, against the native answers they are made from.
    walk(embedded.status_on(ON), embedded._native.status_on(ON), "", seen)
    # On 1 January 2027 the status cites the law that may have ended the agreement.
    law_day = datetime.date(2027, 1, 1)
    walk(embedded.status_on(law_day), embedded._native.status_on(law_day), "", seen)
    for entry, data in zip(embedded.calendar(ON), embedded._native.calendar(ON)):
        walk(entry, data, "", seen)
    for report, data in zip(embedded.composition("ssu", ON), embedded._native.composition("ssu", ON) or []):
        walk(report, data, "", seen)
    for party in sundhedsaftale.politisk_klynge_vest_2021().attendance_by_party():
        seen.add(type(party).__name__)
    result = embedded.follow_up(2024, small_count_threshold=5)
    for row, data in zip(result.typed_rows(), result.rows):
        walk(row, data, "", seen)
    for roll_up, data in zip(result.typed_roll_ups(), result.roll_ups):
        walk(roll_up, data, "", seen)
    # A published table's mapping and the observations read through it.
    vector = json.loads((REPO / "tests/published/001-statbank-codes.json").read_text(encoding="utf-8"))
    walk(model.SourceMapping.from_dict(vector["mapping"]), vector["mapping"], "", seen)
    observations = sundhedsaftale.Observations.from_statbank(REPO / vector["file"], vector["mapping"]).to_list()
    # A flag left out of the JSON is false.
    flags = {"provisional": False, "break_in_series": False, "suppressed": False}
    for typed, data in zip((model.Observation.from_dict(o) for o in observations), observations):
        walk(typed, {**flags, **data}, "", seen)
    for place in sundhedsaftale.places("2027-01-01"):
        walk(model.PlaceOn.from_dict(place), place, "", seen)
    # The document through time: editions, annexes, amendments and their
    # changes; an approval that decides a status; what differs between two days.
    midt = sundhedsaftale.load(REPO / "examples/data/midtjylland_2019.json")
    walk(midt.document, midt.to_dict(), "", seen)
    walk(midt.status_on("2019-05-15"), midt._native.status_on(datetime.date(2019, 5, 15)), "", seen)
    for difference, data in zip(midt.diff("2019-07-01", "2019-12-31"), midt._native.diff("2019-07-01", "2019-12-31")):
        walk(difference, data, "", seen)
    # A region that ceased, in the status.
    sjaelland = sundhedsaftale.load(REPO / "tests/reform/documents/sjaelland-synthetic.json")
    walk(sjaelland.status_on(law_day), sjaelland._native.status_on(law_day), "", seen)
    hidden = model.Hidden.from_dict({"kind": "small_count", "threshold": 5})
    walk(hidden, {"kind": "small_count", "threshold": 5}, "", seen)
    assert MODEL_CLASSES - seen == set()


def test_objects_compare_hash_pickle_and_round_trip() -> None:
    agreement = sundhedsaftale.loads(document_text(EVERY_CLASS["agreement"]))
    doc = agreement.document
    again = model.HealthAgreement.from_dict(doc.to_dict())
    assert again == doc and hash(again) == hash(doc) and again is not doc
    assert model.HealthAgreement.from_json(doc.to_json()) == doc
    # What a document may leave out takes the default core gives it.
    bare = sundhedsaftale.nordjylland_2024().to_dict()
    del bare["follow_up"]
    assert model.HealthAgreement.from_dict(bare).follow_up == sundhedsaftale.loads(bare).document.follow_up
    assert model.HealthAgreement.from_dict(bare).follow_up.requirements == ()
    assert pickle.loads(pickle.dumps(doc)) == doc
    assert pickle.loads(pickle.dumps(agreement)) == agreement
    # The typed document is a valid document, equal to the one it came from.
    assert sundhedsaftale.loads(doc) == agreement
    assert sundhedsaftale.loads(doc.to_dict()) == agreement
    assert sundhedsaftale.loads(doc.to_json().encode()) == agreement
    changed = dataclasses.replace(doc.clusters[0], name="Other")
    assert changed != doc.clusters[0] and {changed, doc.clusters[0]} == {changed, doc.clusters[0]}
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.clusters[0].name = "Other"  # type: ignore[misc]
    minutes = sundhedsaftale.politisk_klynge_vest_2021()
    assert pickle.loads(pickle.dumps(minutes)) == minutes
    assert model.Minutes.from_dict(minutes.to_dict()) == minutes


def test_loads_rejects_what_is_not_a_document() -> None:
    with pytest.raises(TypeError):
        sundhedsaftale.loads(42)  # type: ignore[arg-type]
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.loads({"schema_version": 1})
    assert ("missing_field", "/id") in [(p["code"], p["path"]) for p in info.value.errors()]


def test_every_code_has_both_labels() -> None:
    labels = {(l["kind"], l["code"]): (l["en"], l["da"]) for l in sundhedsaftale.labels()}
    for enum_class in CODE_ENUMS:
        for member in enum_class:
            assert (member.kind, member.value) in labels, (enum_class.__name__, member)
            assert (member.label("en"), member.label("da")) == labels[(member.kind, member.value)]
    assert model.ValidityState.IN_FORCE.label("da") == "i kraft"
    assert model.BodyKind("health_collaboration_committee") is model.BodyKind.HEALTH_COLLABORATION_COMMITTEE
    code: str = model.ValidityState.IN_FORCE
    assert code == "in_force" and str(code) == "in_force" and json.dumps(code) == '"in_force"'
    with pytest.raises(ValueError):
        model.ValidityState.IN_FORCE.label("de")  # type: ignore[arg-type]


def test_the_date_aware_queries() -> None:
    a = sundhedsaftale.nordjylland_2024()
    parties = a.parties_on(ON)
    assert parties[0].name == "Region Nordjylland" and len(parties) == 12
    assert all(isinstance(o, model.Organisation) for o in parties)
    assert a.parties_on(datetime.date(2023, 12, 31)) == ()
    roles = dict((o.id, r) for o, r in a.roles_on(ON))
    assert roles["plo-nordjylland"] is model.AgreementRole.BOUND_NON_PARTY
    assert a.role_of("aalborg") is model.AgreementRole.PARTY and a.role_of("nowhere") is None
    # The cluster abolished in 2022 is there before and gone after.
    before = [c.id for c in a.clusters_on(datetime.date(2022, 6, 30))]
    after = [c.id for c in a.clusters_on(datetime.date(2022, 7, 1))]
    assert "klynge-vest-foer-2022" in before and "klynge-vest-foer-2022" not in after
    assert after == ["nord", "midt", "syd", "vest"]
    vest = a.cluster_of("thisted", ON)
    assert vest is not None and vest.id == "vest"
    bodies = [b.id for b in a.bodies_on(datetime.date(2022, 7, 1))]
    assert "ssu" in bodies and "sku" not in bodies
    sitting = a.members_on("ssu", ON)
    assert len(sitting) == 10
    assert sitting[0].person is not None and sitting[0].person.name == "Mads Duedahl"
    assert sitting[0].membership.role is model.MembershipRole.CHAIR
    assert sitting[0].membership in sitting[0].post.memberships
    assert a.members_on("ssu", datetime.date(2022, 6, 30)) == ()
    with pytest.raises(KeyError):
        a.members_on("no-such-body", ON)
    ssu = a.body("ssu")
    assert ssu is not None and a.members_on(ssu, ON) == sitting
    reports = a.composition("ssu", ON)
    assert [r.rule_set for r in reports] == ["organisering-fra-2022"]
    assert reports[0].rules_for is model.BodyKind.HEALTH_COLLABORATION_COMMITTEE
    assert all(isinstance(f.status, model.FindingStatus) for f in reports[0].findings)
    with pytest.raises(KeyError):
        a.composition("no-such-body", ON)
    status = a.status_on(ON)
    assert status.state is model.ValidityState.IN_FORCE
    assert status.decided_by[0] == model.DecidingDate(role=model.DateRole.IN_FORCE_FROM, date=datetime.date(2024, 1, 1))
    calendar = a.calendar(ON)
    assert calendar[0].status is model.DueStatus.DUE_NEXT and calendar[0].due == datetime.date(2024, 12, 31)


def test_fields_are_attributes_of_the_agreement() -> None:
    a = sundhedsaftale.nordjylland_2024()
    assert a.document.focus_areas == a.focus_areas and len(a.focus_areas) == 3
    assert a.region == "region-nordjylland" and a.schema_version == sundhedsaftale.SCHEMA_VERSION
    assert a.follow_up_duties.requirements[0].kind is model.RequirementKind.ANNUAL_FOLLOW_UP
    assert a.validity.in_force_from == datetime.date(2024, 1, 1)
    figure = a.focus_areas[2].key_figures[0]
    assert isinstance(figure, model.KeyFigure) and isinstance(figure.value, float)


def test_minutes_answer_their_queries() -> None:
    minutes = sundhedsaftale.politisk_klynge_vest_2021()
    parties = {p.party: p for p in minutes.attendance_by_party()}
    assert (len(parties["region-nordjylland"].present), len(parties["region-nordjylland"].apologies)) == (9, 2)
    assert [(p["code"], p["path"]) for p in minutes.problems()] == [
        ("recommendation_addressed_elsewhere", "/meeting/agenda/2/recommendations/0/addressed_to")
    ]
    reports = minutes.composition()
    assert reports and all(isinstance(r, model.CompositionReport) for r in reports)
    assert minutes.report(lang="da") == sundhedsaftale.minutes_report(minutes, lang="da")
    bad = minutes.to_dict()
    bad["meeting"]["agenda"][3]["decision"] = "Godkendt."
    with pytest.raises(sundhedsaftale.ValidationError) as info:
        sundhedsaftale.loads_minutes(bad)
    assert ("postponed_item_with_decision", "/meeting/agenda/3/decision") in [
        (p["code"], p["path"]) for p in info.value.errors()
    ]


def test_short_reprs() -> None:
    a = sundhedsaftale.nordjylland_2024()
    assert repr(a.clusters[0]) == "Cluster(id='nord', name='Nord')"
    assert repr(a.status_on(ON)) == "ValidityStatus(on=datetime.date(2024, 6, 1), state=in_force)"
    assert str(a.status_on(ON)) == "in_force on 2024-06-01 (in_force_from 2024-01-01, nominal_end 2027-07-01)"
    assert len(repr(a.document)) < 80


@pytest.mark.parametrize("lang,expected", [("en", "in force"), ("da", "i kraft")])
def test_rich_display(lang: str, expected: str) -> None:
    a = sundhedsaftale.nordjylland_2024()
    overview = a.to_html(lang=lang, on=ON)  # type: ignore[arg-type]
    assert expected in overview and "Thisted Kommune" in overview and "Mads Duedahl" not in overview
    assert a._repr_html_().startswith('<div class="sundhedsaftale-overview"')
    assert expected in a.status_on(ON).to_html(lang)  # type: ignore[arg-type]
    calendar = a.calendar(ON).to_html(lang)  # type: ignore[arg-type]
    assert ("due next" if lang == "en" else "næste frist") in calendar
    report = a.composition("ssu", ON)[0].to_html(lang)  # type: ignore[arg-type]
    assert ("not met" if lang == "en" else "ikke opfyldt") in report
    minutes = sundhedsaftale.politisk_klynge_vest_2021().to_html(lang)  # type: ignore[arg-type]
    assert "4. møde i Politisk Klynge Vest" in minutes and ("present" if lang == "en" else "deltog") in minutes


def test_display_escapes_what_the_document_says() -> None:
    data: Dict[str, Any] = json.loads(sundhedsaftale.nordjylland_2024().to_json())
    data["focus_areas"][0]["name"] = "<script>alert(1)</script>"
    html = sundhedsaftale.loads(data).to_html(on=ON)
    assert "<script>" not in html and "&lt;script&gt;" in html
