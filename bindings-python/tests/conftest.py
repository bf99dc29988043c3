"""Reads the language-neutral vectors in the repository's tests/ folder and
applies their JSON Patch (add, remove, replace), exactly as the Rust and JS
suites do."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Dict, List, Mapping, Sequence, Tuple

REPO = Path(__file__).resolve().parents[2]
EMBEDDED_TEXT = (REPO / "core" / "data" / "nordjylland_2024.json").read_text(encoding="utf-8")
MINUTES_TEXT = (REPO / "core" / "data" / "politisk_klynge_vest_2021_09_06.json").read_text(encoding="utf-8")
_BASES = {"nordjylland_2024": json.loads(EMBEDDED_TEXT), "politisk_klynge_vest_2021": json.loads(MINUTES_TEXT)}


def vectors(folder: str) -> List[Tuple[str, Dict[str, Any]]]:
    files = sorted((REPO / "tests" / folder).glob("*.json"))
    return [(f.name, json.loads(f.read_text(encoding="utf-8"))) for f in files]


def _unescape(segment: str) -> str:
    return segment.replace("~1", "/").replace("~0", "~")


def _apply(doc: Any, op: Dict[str, Any]) -> None:
    segments = [_unescape(s) for s in op["path"].split("/")[1:]]
    last = segments.pop()
    target = doc
    for s in segments:
        target = target[int(s)] if isinstance(target, list) else target[s]
    kind = op["op"]
    if isinstance(target, list):
        if kind == "add":
            if last == "-":
                target.append(op["value"])
            else:
                target.insert(int(last), op["value"])
        elif kind == "replace":
            target[int(last)] = op["value"]
        elif kind == "remove":
            del target[int(last)]
        else:
            raise ValueError(f"unsupported patch op {kind}")
    elif kind in ("add", "replace"):
        target[last] = op["value"]
    elif kind == "remove":
        del target[last]
    else:
        raise ValueError(f"unsupported patch op {kind}")


def document_text(vector: Dict[str, Any]) -> str:
    """The document a vector describes: its ``text``, or its base (an embedded
    document, or a ``document`` file of the repository) with ``patch`` applied."""
    if "text" in vector:
        return str(vector["text"])
    if "document" in vector:
        doc = json.loads((REPO / vector["document"]).read_text(encoding="utf-8"))
    else:
        doc = copy.deepcopy(_BASES[vector["base"]])
    for op in vector.get("patch", []):
        _apply(doc, op)
    # ``prefix``: text before the document, such as a byte-order mark.
    return str(vector.get("prefix", "")) + json.dumps(doc, ensure_ascii=False)


def keys(problems: Sequence[Mapping[str, Any]]) -> List[Tuple[str, str, str]]:
    return sorted((p["code"], p["path"], p["severity"]) for p in problems)


def new_problems(result: List[Tuple[str, str, str]], base: List[Tuple[str, str, str]]) -> List[Tuple[str, str, str]]:
    """``result`` minus ``base``, as multisets."""
    left = list(result)
    for b in base:
        if b in left:
            left.remove(b)
    return left
