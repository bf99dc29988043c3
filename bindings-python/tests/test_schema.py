"""The published JSON Schemas, checked by an independent validator
(``jsonschema``): the embedded documents pass, and every shared invalid
vector whose problem JSON Schema can express is rejected, so that an editor
driven by the schema helps an author as much as the library does."""

from __future__ import annotations

import json
from typing import Any, Dict

import jsonschema
import pytest

from conftest import EMBEDDED_TEXT, MINUTES_TEXT, REPO, document_text, vectors

SCHEMAS = REPO / "core" / "schema"

# Codes whose problem a JSON Schema can state: shape, types, enums, dates,
# the supported version, non-blank texts, ranges, what a target kind needs.
EXPRESSIBLE = {
    "invalid_type",
    "missing_field",
    "unknown_field",
    "invalid_date",
    "invalid_value",
    "unsupported_schema_version",
    "empty_text",
    "percentage_out_of_range",
    "non_positive_duration",
    "unknown_region_code",
    "target_incomplete",
    "national_goal_out_of_range",
    "no_focus_areas",
    "indicator_without_focus_area",
    "dispute_needs_two_parties",
    "municipality_repeated_in_cluster",
    "forbidden_character",
}

# Vectors with such a code whose problem is still beyond a schema, and why.
BEYOND = {
    # The earlier value is the key figure's value minus the stated change: arithmetic.
    "030-earlier-value-out-of-range.json",
    # The region field points at a municipality, whose code is then read as a region's: a cross-reference.
    "039-region-is-a-municipality.json",
    # A target's value against the unit of the key figure it names: a cross-reference.
    "109-target-percentage-above-100.json",
}


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


AGREEMENT = validator("health-agreement.schema.json")
MINUTES = validator("minutes.schema.json")
RULE_SET = validator("rule-set.schema.json")


def test_the_embedded_documents_pass_the_schemas() -> None:
    for v, text in [(AGREEMENT, EMBEDDED_TEXT), (MINUTES, MINUTES_TEXT)]:
        errors = [e.message for e in v.iter_errors(json.loads(text))]
        assert errors == []
    for name in ["rules_before_2022.json", "rules_from_2022.json"]:
        doc = json.loads((REPO / "core" / "data" / name).read_text(encoding="utf-8"))
        assert [e.message for e in RULE_SET.iter_errors(doc)] == []


def test_the_example_agreements_pass_the_schema() -> None:
    examples = sorted((REPO / "examples" / "data").glob("*.json"))
    assert examples
    for path in examples:
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert [e.message for e in AGREEMENT.iter_errors(doc)] == [], path.name


def _expressible(name: str, vector: Dict[str, Any]) -> bool:
    codes = {e["code"] for e in vector["expected"]}
    return "text" not in vector and name not in BEYOND and bool(codes & EXPRESSIBLE)


CASES = [(f, n, v) for f in ("invalid", "invalid-minutes") for n, v in vectors(f)]


@pytest.mark.parametrize("folder,name,vector", CASES, ids=[f"{f}/{n}" for f, n, _ in CASES])
def test_the_schema_rejects_what_it_can_express(folder: str, name: str, vector: Dict[str, Any]) -> None:
    if not _expressible(name, vector):
        pytest.skip("no problem of this vector is expressible in JSON Schema")
    v = AGREEMENT if folder == "invalid" else MINUTES
    # A byte-order mark is not part of the JSON value the schema describes.
    doc = json.loads(document_text(vector).removeprefix("\ufeff"))
    assert not v.is_valid(doc), f"the schema accepts {name}"


def test_most_structural_vectors_are_expressible() -> None:
    """Guards the skip above: it must not quietly cover everything."""
    expressible = [n for f, n, v in CASES if _expressible(n, v)]
    assert len(expressible) >= 20
