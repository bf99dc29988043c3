#!/usr/bin/env python3
"""Seeds the fuzz corpora from the shared vectors in tests/: the embedded
documents, every invalid vector's document, the observation files and
vectors, and the periods the vectors use."""

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bindings-python" / "tests"))
from conftest import document_text, vectors  # noqa: E402

corpus = REPO / "fuzz" / "corpus"


def put(target: str, name: str, text: str) -> None:
    folder = corpus / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


put("agreement_json", "embedded.json", (REPO / "core/data/nordjylland_2024.json").read_text(encoding="utf-8"))
put("minutes_json", "embedded.json", (REPO / "core/data/politisk_klynge_vest_2021_09_06.json").read_text(encoding="utf-8"))
for name, v in vectors("invalid"):
    put("agreement_json", name, document_text(v))
for name, v in vectors("invalid-minutes"):
    put("minutes_json", name, document_text(v))
for f in (REPO / "tests" / "observations").glob("*.csv"):
    put("observations_csv", f.name, f.read_text(encoding="utf-8"))
for name, v in vectors("invalid-observations"):
    put("observations_csv", name.replace(".json", ".csv"), v["csv"])
periods = {"2021", "2021S1", "2021H2", "2021Q3", "2021-03", "2021/22", "2021/2022", "2021-01-01/2021-06-30"}
for name, v in vectors("progress"):
    for side in ("base", "current"):
        periods.add(v["input"][side]["period"])
for i, p in enumerate(sorted(periods)):
    put("period", f"p{i:03}", p)
print(f"corpora in {corpus}")
