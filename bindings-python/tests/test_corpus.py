"""The corruption corpus (tests/corpus/, written by scripts/gen-corpus.py),
run against the Python package with the Rust suite's rule: a corruption is
caught when it gives a problem the uncorrupted document has not, at or under
one of its expected pointers; at least 95 % of those not marked arguable
must be."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Sequence, Tuple

import sundhedsaftale
from conftest import EMBEDDED_TEXT, MINUTES_TEXT, REPO, document_text, keys, new_problems

Key = Tuple[str, str, str]


def _at_or_under(path: str, expected: str) -> bool:
    return path == expected or path.startswith(expected + "/")


def _observation_problems(csv: str, folder: Path) -> Sequence[Mapping[str, Any]]:
    path = folder / "observations.csv"
    path.write_text(csv, encoding="utf-8")
    try:
        return sundhedsaftale.nordjylland_2024().follow_up(2024, path).problems
    except sundhedsaftale.ValidationError as err:
        return err.errors()


def _run(file: str, problems_of: Callable[[Dict[str, Any]], List[Key]], base: List[Key]) -> Tuple[Dict[str, List[int]], List[str]]:
    corpus = json.loads((REPO / "tests" / "corpus" / file).read_text(encoding="utf-8"))
    rates: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
    missed: List[str] = []
    for case in corpus["cases"]:
        if "arguable" in case:
            continue
        case = dict(case, base=corpus.get("base"))
        found = new_problems(problems_of(case), base)
        caught = any(_at_or_under(path, e) for _, path, _ in found for e in case["expected"])
        rates[case["family"]][1] += 1
        if caught:
            rates[case["family"]][0] += 1
        else:
            missed.append(f"{file}: {case['description']} (expected at {case['expected']}; new: {found})")
    return rates, missed


def test_at_least_95_percent_of_the_corpus_is_caught_where_expected(tmp_path: Path) -> None:
    csv = (REPO / "tests/observations/synthetic-readmissions.csv").read_text(encoding="utf-8")
    runs = [
        _run("agreements.json", lambda c: keys(sundhedsaftale.problems(document_text(c))),
             keys(sundhedsaftale.problems(EMBEDDED_TEXT))),
        _run("minutes.json", lambda c: keys(sundhedsaftale.minutes_problems(document_text(c))),
             keys(sundhedsaftale.minutes_problems(MINUTES_TEXT))),
        _run("observations.json", lambda c: keys(_observation_problems(c["csv"], tmp_path)),
             keys(_observation_problems(csv, tmp_path))),
    ]
    caught = total = 0
    missed: List[str] = []
    for name, (rates, misses) in zip(["agreements", "minutes", "observations"], runs):
        for family, (c, n) in sorted(rates.items()):
            print(f"corpus {name} / {family}: {c} of {n} caught ({100 * c / n:.0f} %)")
            caught += c
            total += n
        missed += misses
    print(f"corpus: {caught} of {total} non-arguable corruptions caught ({100 * caught / total:.1f} %)")
    assert total >= 300
    assert caught / total >= 0.95, "\n".join(missed)
