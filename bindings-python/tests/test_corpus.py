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


def _corpus(file: str) -> Dict[str, Any]:
    data: Dict[str, Any] = json.loads((REPO / "tests" / "corpus" / file).read_text(encoding="utf-8"))
    return data


def _run(label: str, cases: List[Dict[str, Any]], base_name: str, problems_of: Callable[[Dict[str, Any]], List[Key]],
         base: List[Key]) -> Tuple[Dict[str, List[int]], List[str]]:
    rates: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
    missed: List[str] = []
    for case in cases:
        if "arguable" in case:
            continue
        case = dict(case, base=base_name)
        found = new_problems(problems_of(case), base)
        caught = any(_at_or_under(path, e) for _, path, _ in found for e in case["expected"])
        rates[case["family"]][1] += 1
        if caught:
            rates[case["family"]][0] += 1
        else:
            missed.append(f"{label}: {case['description']} (expected at {case['expected']}; new: {found})")
    return rates, missed


def test_at_least_95_percent_of_the_corpus_is_caught_where_expected(tmp_path: Path) -> None:
    csv = (REPO / "tests/observations/synthetic-readmissions.csv").read_text(encoding="utf-8")
    agreement_base = keys(sundhedsaftale.problems(EMBEDDED_TEXT))
    minutes_base = keys(sundhedsaftale.minutes_problems(MINUTES_TEXT))

    def agreement_of(c: Dict[str, Any]) -> List[Key]:
        return keys(sundhedsaftale.problems(document_text(c)))

    def minutes_of(c: Dict[str, Any]) -> List[Key]:
        return keys(sundhedsaftale.minutes_problems(document_text(c)))

    review = _corpus("review-2026-12-03.json")["files"]
    runs = [
        ("agreements", _run("agreements", _corpus("agreements.json")["cases"], "nordjylland_2024", agreement_of, agreement_base)),
        ("minutes", _run("minutes", _corpus("minutes.json")["cases"], "politisk_klynge_vest_2021", minutes_of, minutes_base)),
        ("observations", _run("observations", _corpus("observations.json")["cases"], "",
                              lambda c: keys(_observation_problems(c["csv"], tmp_path)), keys(_observation_problems(csv, tmp_path)))),
        ("review agreements", _run("review", review["agreements"], "nordjylland_2024", agreement_of, agreement_base)),
        ("review minutes", _run("review", review["minutes"], "politisk_klynge_vest_2021", minutes_of, minutes_base)),
    ]
    caught = total = 0
    missed: List[str] = []
    for name, (rates, misses) in runs:
        for family, (c, n) in sorted(rates.items()):
            print(f"corpus {name} / {family}: {c} of {n} caught ({100 * c / n:.0f} %)")
            caught += c
            total += n
        missed += misses
    print(f"corpus: {caught} of {total} non-arguable corruptions caught ({100 * caught / total:.1f} %)")
    assert total >= 300
    assert caught / total >= 0.95, "\n".join(missed)
