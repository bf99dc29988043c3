#!/usr/bin/env python3
"""Generates the bindings' typed model from core's JSON Schemas.

core/schema/ holds the schemas of the documents (agreement, minutes, rule
set) and of the query results; they are derived from the Rust types and a
core test keeps them current. From them this script writes

  bindings-python/python/sundhedsaftale/model.py   frozen dataclasses and enums
  bindings-wasm/js/model.d.ts                      TypeScript interfaces and unions

so that neither binding can drift from core. `--check` fails when a written
file differs from what the schemas give (run by the Python and JS suites);
without it the files are rewritten. Standard library only.
"""

from __future__ import annotations

import json
import keyword
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

REPO = Path(__file__).resolve().parent.parent
SCHEMAS = ["health-agreement", "minutes", "rule-set", "source-mapping", "results"]
PY_OUT = REPO / "bindings-python/python/sundhedsaftale/model.py"
TS_OUT = REPO / "bindings-wasm/js/model.d.ts"

# Names that would clash with the facade's own classes.
RENAMES = {"FollowUp": "FollowUpDuties"}

# Hand-written behaviour (display, queries) mixed into generated Python
# classes, from `_mixins.py`.
MIXINS = {
    "ValidityStatus": "ValidityStatusMixin",
    "CompositionReport": "CompositionReportMixin",
    "Minutes": "MinutesMixin",
}

# Queries whose answers are model objects: generated here rather than mixed
# in, so that `_mixins.py` needs nothing of `model` and the imports run one
# way. Each reads one part of `MinutesMixin._queries` into a tuple of a class.
QUERIES = {
    "Minutes": [
        (
            "attendance_by_party",
            0,
            "PartyAttendance",
            "Who attended and who sent apologies, per party, in order of first appearance.",
        ),
        (
            "composition",
            1,
            "CompositionReport",
            "The attendance checked against every composition rule set that applies on the meeting's date.",
        ),
    ],
}


def snake(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


def summary(text: Optional[str]) -> str:
    """The first paragraph of a description, without code blocks."""
    if not text:
        return ""
    first = text.split("\n\n")[0]
    return " ".join(first.split())


# ---- the schema as a small type language ---------------------------------


@dataclass
class T:
    """A type: kind is str, int, float, bool, date, time, ref, list, map, or const."""

    kind: str
    ref: str = ""
    item: Optional["T"] = None
    optional: bool = False


@dataclass
class Field:
    json: str
    type: T
    required: bool
    doc: str
    default: object = None


@dataclass
class Model:
    name: str
    doc: str
    fields: List[Field] = field(default_factory=list)


@dataclass
class Enum:
    name: str
    doc: str
    values: List[Tuple[str, str]]  # (code, doc)


def type_of(node: dict) -> T:
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        return T("ref", ref=RENAMES.get(name, name))
    for key in ("anyOf", "oneOf"):
        if key in node:
            options = [o for o in node[key] if o.get("type") != "null"]
            if len(options) == 1 and len(options) < len(node[key]):
                inner = type_of(options[0])
                inner.optional = True
                return inner
    kind = node.get("type")
    optional = False
    if isinstance(kind, list):
        optional = "null" in kind
        kind = next(k for k in kind if k != "null")
    if kind == "string":
        fmt = node.get("format")
        t = T("date" if fmt == "date" else "time" if fmt == "partial-time" else "str")
    elif kind == "integer":
        t = T("int")
    elif kind == "number":
        t = T("float")
    elif kind == "boolean":
        t = T("bool")
    elif kind == "array":
        t = T("list", item=type_of(node["items"]))
    elif kind == "object" and isinstance(node.get("additionalProperties"), dict):
        t = T("map", item=type_of(node["additionalProperties"]))
    elif kind is None and not any(k in node for k in ("properties", "enum", "const", "allOf")):
        # No constraint at all: any JSON value (an amendment's new part).
        t = T("json")
        optional = True
    else:
        raise SystemExit(f"gen-model: cannot type {json.dumps(node)[:200]}")
    t.optional = optional
    return t


def read() -> Tuple[Dict[str, Model], Dict[str, Enum], Dict[str, str]]:
    models: Dict[str, Model] = {}
    enums: Dict[str, Enum] = {}
    aliases: Dict[str, str] = {}  # string defs with a pattern: Period, Geography
    seen: Dict[str, str] = {}

    def add(name: str, node: dict) -> None:
        name = RENAMES.get(name, name)
        text = json.dumps(node, sort_keys=True)
        if name in seen:
            if seen[name] != text:
                raise SystemExit(f"gen-model: {name} differs between schemas")
            return
        seen[name] = text
        doc = summary(node.get("description"))
        if "oneOf" in node and all("const" in o for o in node["oneOf"]):
            enums[name] = Enum(name, doc, [(o["const"], summary(o.get("description"))) for o in node["oneOf"]])
        elif "oneOf" in node:
            # An internally tagged union: one class, the tag an enum, the
            # other fields optional (each belongs to some variants).
            tag = next(iter(node["oneOf"][0]["properties"]))
            tag_enum = name + tag.capitalize()
            enums[tag_enum] = Enum(
                tag_enum,
                f"Which kind of {snake(name).replace('_', ' ')}.",
                [(o["properties"][tag]["const"], summary(o.get("description"))) for o in node["oneOf"]],
            )
            model = Model(name, doc, [Field(tag, T("ref", ref=tag_enum), True, "Which kind.")])
            for o in node["oneOf"]:
                for key, prop in o["properties"].items():
                    if key != tag and all(f.json != key for f in model.fields):
                        t = type_of(prop)
                        t.optional = True
                        model.fields.append(Field(key, t, False, summary(prop.get("description"))))
            models[name] = model
        elif node.get("type") == "string":
            aliases[name] = doc
        elif node.get("type") == "object" or "properties" in node:
            required = set(node.get("required", []))
            model = Model(name, doc)
            for key, prop in node.get("properties", {}).items():
                model.fields.append(
                    Field(key, type_of(prop), key in required, summary(prop.get("description")), prop.get("default"))
                )
            models[name] = model
        else:
            raise SystemExit(f"gen-model: cannot read {name}")

    for schema in SCHEMAS:
        data = json.loads((REPO / f"core/schema/{schema}.schema.json").read_text(encoding="utf-8"))
        if schema != "results":
            add(data["title"], data)
        for name, node in data.get("$defs", {}).items():
            add(name, node)
    return models, enums, aliases


# ---- Python ----------------------------------------------------------------


def py_name(key: str) -> str:
    return key + "_" if keyword.iskeyword(key) else key


def py_type(t: T, aliases: Dict[str, str]) -> str:
    base = {
        "str": "str",
        "int": "int",
        "float": "float",
        "bool": "bool",
        "date": "datetime.date",
        "time": "str",
        "json": "Any",
    }.get(t.kind)
    if base is None:
        if t.kind == "ref":
            base = "str" if t.ref in aliases else t.ref
        elif t.kind == "list":
            assert t.item
            base = f"Tuple[{py_type(t.item, aliases)}, ...]"
        else:
            assert t.item
            base = f"FrozenMap[{py_type(t.item, aliases)}]"
    return f"Optional[{base}]" if t.optional else base


def py_in(t: T, expr: str, aliases: Dict[str, str], enums: Dict[str, Enum]) -> str:
    """An expression converting JSON data `expr` to the attribute's value."""
    if t.optional:
        inner = T(t.kind, t.ref, t.item)
        conv = py_in(inner, "v", aliases, enums)
        return expr if conv == "v" else f"_opt({expr}, lambda v: {conv})"
    if t.kind in ("str", "int", "bool", "time") or (t.kind == "ref" and t.ref in aliases):
        return expr
    if t.kind == "json":
        return f"_freeze({expr})"
    if t.kind == "float":
        return f"float({expr})"
    if t.kind == "date":
        return f"_date({expr})"
    if t.kind == "ref":
        return f"{t.ref}({expr})" if t.ref in enums else f"{t.ref}.from_dict({expr})"
    assert t.item
    if t.kind == "list":
        conv = py_in(t.item, "x", aliases, enums)
        return f"tuple({expr})" if conv == "x" else f"tuple({conv} for x in {expr})"
    conv = py_in(t.item, "x", aliases, enums)
    return f"FrozenMap({expr})" if conv == "x" else f"FrozenMap({{k: {conv} for k, x in {expr}.items()}})"


def py_out(t: T, expr: str, aliases: Dict[str, str], enums: Dict[str, Enum]) -> str:
    """An expression converting the attribute's value `expr` to JSON data."""
    if t.kind in ("str", "int", "float", "bool", "time") or (t.kind == "ref" and t.ref in aliases):
        return expr
    if t.kind == "date":
        return f"{expr}.isoformat()"
    if t.kind == "json":
        return f"_thaw({expr})"
    if t.kind == "ref":
        return f"{expr}.value" if t.ref in enums else f"{expr}.to_dict()"
    assert t.item
    conv = py_out(t.item, "x", aliases, enums)
    if t.kind == "list":
        return f"list({expr})" if conv == "x" else f"[{conv} for x in {expr}]"
    return f"dict({expr})" if conv == "x" else f"{{k: {conv} for k, x in {expr}.items()}}"


def py_default(f: Field, aliases: Dict[str, str]) -> Optional[str]:
    """The attribute's default, or None when it is required."""
    if f.required:
        return None
    t = f.type
    if t.optional:
        return "None"
    if t.kind == "list":
        return "()"
    if t.kind == "map":
        return "field(default_factory=FrozenMap)"
    if t.kind == "ref" and isinstance(f.default, dict):
        return f"field(default_factory=lambda: {t.ref}.from_dict({f.default!r}))"
    if f.default is not None:
        return repr(f.default) if not (t.kind == "ref") else f"{t.ref}({f.default!r})"
    raise SystemExit(f"gen-model: {f.json} has no default")


def docstring(text: str, indent: str) -> str:
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return f'{indent}"""{text}"""\n' if text else ""


def python(models: Dict[str, Model], enums: Dict[str, Enum], aliases: Dict[str, str]) -> str:
    out = [
        '"""The whole model as typed, immutable Python objects.\n\n'
        "Generated by scripts/gen-model.py from core's JSON Schemas; do not edit.\n"
        "Every class is a frozen dataclass: it compares by value, hashes, pickles,\n"
        "and round-trips through ``to_dict()`` / ``from_dict()`` and ``to_json()`` /\n"
        "``from_json()``. Lists are tuples and maps are `FrozenMap`, so that objects\n"
        "stay immutable. Every code is an `enum.Enum` whose members are also the\n"
        "code strings, with ``label(lang)`` in English and Danish.\n\n"
        "``from_dict`` converts without checking: `sundhedsaftale.loads` checks a\n"
        'whole document.\n"""\n',
        "# fmt: off",
        "from __future__ import annotations\n",
        "import datetime",
        "from dataclasses import dataclass, field",
        "from typing import Any, Dict, Mapping, Optional, Tuple\n",
        "from ._base import Code, FrozenMap, Model, _date, _freeze, _opt, _thaw",
        "from ._mixins import " + ", ".join(["AgreementHandle", *sorted(MIXINS.values())]) + "\n",
        "__all__ = [",
    ]
    for name in sorted([*enums, *models, "Code", "FrozenMap", "HealthAgreementFields", "Model"]):
        out.append(f'    "{name}",')
    out.append("]\n")
    for e in enums.values():
        out.append(f"\nclass {e.name}(Code):")
        out.append(docstring(e.doc or e.name, "    ").rstrip("\n"))
        out.append("")
        for code, doc in e.values:
            out.append(f"    {code.upper()} = {code!r}")
            if doc:
                out.append(docstring(doc, "    ").rstrip("\n"))
        out.append("")
    for m in models.values():
        out.append("\n@dataclass(frozen=True, kw_only=True, repr=False)")
        bases = ", ".join([MIXINS[m.name], "Model"] if m.name in MIXINS else ["Model"])
        out.append(f"class {m.name}({bases}):")
        # help() shows the class docstring, not the attributes' own: list them there too.
        fields = [f"        {py_name(f.json)}: {f.doc}" for f in m.fields if f.doc]
        doc = (m.doc or m.name) + ("\n\n    Attributes:\n" + "\n".join(fields) + "\n    " if fields else "")
        out.append(docstring(doc, "    ").rstrip("\n"))
        out.append("")
        for f in m.fields:
            default = py_default(f, aliases)
            suffix = "" if default is None else f" = {default}"
            out.append(f"    {py_name(f.json)}: {py_type(f.type, aliases)}{suffix}")
            if f.doc:
                out.append(docstring(f.doc, "    ").rstrip("\n"))
        out.append("")
        out.append("    @classmethod")
        out.append(f"    def from_dict(cls, data: Mapping[str, Any]) -> {m.name}:")
        out.append('        """From the JSON form (as `json.loads` gives it), without checks."""')
        out.append("        return cls(")
        for f in m.fields:
            if f.required:
                expr = f'data["{f.json}"]'
            elif f.type.optional:
                expr = f'data.get("{f.json}")'
            else:
                default = {"list": "()", "map": "{}"}.get(f.type.kind, repr(f.default))
                expr = f'data.get("{f.json}", {default})'
            out.append(f"            {py_name(f.json)}={py_in(f.type, expr, aliases, enums)},")
        out.append("        )")
        out.append("")
        out.append("    def to_dict(self) -> Dict[str, Any]:")
        out.append('        """The JSON form; absent optional fields and empty lists are left out."""')
        out.append("        out: Dict[str, Any] = {}")
        for f in m.fields:
            attr = f"self.{py_name(f.json)}"
            conv = py_out(T(f.type.kind, f.type.ref, f.type.item), attr, aliases, enums)
            if f.required and not f.type.optional:
                out.append(f'        out["{f.json}"] = {conv}')
            elif f.type.optional:
                out.append(f"        if {attr} is not None:")
                out.append(f'            out["{f.json}"] = {conv}')
            elif f.type.kind in ("list", "map"):
                out.append(f"        if {attr}:")
                out.append(f'            out["{f.json}"] = {conv}')
            else:
                out.append(f'        out["{f.json}"] = {conv}')
        out.append("        return out")
        out.append("")
        for name, part, result, doc in QUERIES.get(m.name, []):
            out.append(f"    def {name}(self, agreement: Optional[AgreementHandle] = None) -> Tuple[{result}, ...]:")
            out.append(docstring(doc, "        ").rstrip("\n"))
            out.append(f"        return tuple({result}.from_dict(r) for r in self._queries(agreement)[{part}])")
            out.append("")
    # The agreement handle (`sundhedsaftale.Agreement`) reads its fields from
    # the typed document, built when first asked for.
    doc = models["HealthAgreement"]
    out.append("\nclass HealthAgreementFields:")
    out.append('    """The fields of a `HealthAgreement`, read from ``document``."""')
    out.append("")
    out.append("    __slots__ = ()")
    out.append("")
    out.append("    @property")
    out.append("    def document(self) -> HealthAgreement:")
    out.append('        """The whole document as a typed object."""')
    out.append("        raise NotImplementedError")
    for f in doc.fields:
        # `Agreement.follow_up` runs the annual follow-up; the duties get their own name.
        name = "follow_up_duties" if f.json == "follow_up" else py_name(f.json)
        out.append("")
        out.append("    @property")
        out.append(f"    def {name}(self) -> {py_type(f.type, aliases)}:")
        out.append(docstring(f.doc or f.json, "        ").rstrip("\n"))
        out.append(f"        return self.document.{py_name(f.json)}")
    return "\n".join(out).rstrip("\n") + "\n"


# ---- TypeScript ------------------------------------------------------------


def ts_type(t: T, aliases: Dict[str, str]) -> str:
    if t.kind in ("str", "date", "time"):
        base = "string"
    elif t.kind in ("int", "float"):
        base = "number"
    elif t.kind == "bool":
        base = "boolean"
    elif t.kind == "json":
        return "unknown"
    elif t.kind == "ref":
        base = t.ref
    elif t.kind == "list":
        assert t.item
        inner = ts_type(t.item, aliases)
        base = f"({inner})[]" if " " in inner else f"{inner}[]"
    else:
        assert t.item
        base = f"Record<string, {ts_type(t.item, aliases)}>"
    return f"{base} | null" if t.optional else base


def ts_comment(text: str, indent: str) -> str:
    return f"{indent}/** {text.replace('*/', '* /')} */\n" if text else ""


def typescript(models: Dict[str, Model], enums: Dict[str, Enum], aliases: Dict[str, str]) -> str:
    out = [
        "// The whole model's JSON form as TypeScript types.",
        "// Generated by scripts/gen-model.py from core's JSON Schemas; do not edit.",
        "// Dates are ISO strings (YYYY-MM-DD); every code is a union of string literals",
        "// whose English and Danish labels `label(kind, code, lang)` gives.",
        "",
    ]
    for name, doc in aliases.items():
        out.append(ts_comment(doc, "").rstrip("\n"))
        out.append(f"export type {name} = string;\n")
    for e in enums.values():
        out.append(ts_comment(e.doc, "").rstrip("\n"))
        out.append(f"export type {e.name} = " + " | ".join(json.dumps(c) for c, _ in e.values) + ";\n")
    out.append("/** The label kind of each code type, for `label(kind, code, lang)`. */")
    out.append("export interface LabelKinds {")
    for e in enums.values():
        out.append(f"  {snake(e.name)}: {e.name};")
    out.append("}\n")
    for m in models.values():
        out.append(ts_comment(m.doc, "").rstrip("\n"))
        out.append(f"export interface {m.name} {{")
        for f in m.fields:
            out.append(ts_comment(f.doc, "  ").rstrip("\n"))
            # Serde leaves some absent fields out: optional in the type.
            mark = "" if f.required else "?"
            out.append(f"  {f.json}{mark}: {ts_type(f.type, aliases)};")
        out.append("}\n")
    return "\n".join(line for line in out if line != "").replace("\n}\n", "\n}\n\n").rstrip("\n") + "\n"


def main() -> int:
    models, enums, aliases = read()
    outputs = {PY_OUT: python(models, enums, aliases), TS_OUT: typescript(models, enums, aliases)}
    check = "--check" in sys.argv[1:]
    stale = []
    for path, text in outputs.items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            if check:
                stale.append(str(path.relative_to(REPO)))
            else:
                path.write_text(text, encoding="utf-8")
    if stale:
        print("out of date (run scripts/gen-model.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
