"""Every Danish output of the Python package reads as Danish: no English
words and no codes where words belong. The word list and the rules are the
shared ones (tests/danish/english-words.json, as the Rust and browser tests
read them): text in backticks and in ``<code>`` is a value to write as it is,
JSON Pointers are places in a document, and a problem's leading severity,
code and path are stable identifiers."""

from __future__ import annotations

import html.parser
import json
import pathlib
import re
from typing import Iterable, List, Tuple

import pytest

import sundhedsaftale

ROOT = pathlib.Path(__file__).resolve().parents[2]
ENGLISH = frozenset(json.loads((ROOT / "tests" / "danish" / "english-words.json").read_text(encoding="utf-8"))["words"])
READMISSIONS = ROOT / "tests" / "observations" / "synthetic-readmissions.csv"
ON = "2025-06-01"


class _Text(html.parser.HTMLParser):
    """The text of an HTML page a reader sees: not ``<style>``, not ``<code>``."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: List[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in ("style", "code", "script"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "code", "script"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.lines.append(data.strip())


def _problem_message(line: str) -> str:
    match = re.match(r"^\s*(fejl|advarsel) [a-z_]+ (\(kildebeskrivelsen\) )?(/\S*|): (.*)$", line)
    return match.group(4) if match else line


def offences(line: str) -> List[str]:
    """What offends in one line of Danish text; empty when it reads as Danish."""
    text = re.sub(r"`[^`]*(`|$)", " ", _problem_message(line))
    text = " ".join(w for w in text.split() if not w.lstrip("(«\"»[").startswith("/"))
    found = [f"place id {level}" for level in ("municipality:", "region:", "cluster:", "country:") if level in text]
    found += [f"code {t}" for t in re.findall(r"[a-z0-9_]+", text) if "_" in t and len([p for p in t.split("_") if re.search("[a-z]", p)]) >= 2]
    found += [f"English {w}" for w in re.findall(r"[^\W\d_]+", text) if w.lower() in ENGLISH]
    return found


def offending(lines: Iterable[str]) -> List[str]:
    return [f"{line} ⟵ {', '.join(found)}" for line in lines if (found := offences(line))]


def page_lines(page: str) -> List[str]:
    parser = _Text()
    parser.feed(page)
    return parser.lines


def test_the_checker_catches_english_and_codes() -> None:
    # The rules must bite, or the tests below prove nothing.
    assert offences("status: not available (single_period)") == ["code single_period", "English not", "English available", "English period"]
    assert offences("beskytter municipality:825 via cluster:nord") == [
        "place id municipality:",
        "place id cluster:",
        "English municipality",
        "English cluster",
    ]
    assert offences("fejl invalid_type /id: Forkert type: fandt et heltal, ventede en tekst.") == []
    assert offences("skriv `in_force` i /validity/state") == []


def _pages() -> List[Tuple[str, str]]:
    a = sundhedsaftale.nordjylland_2024()
    minutes = sundhedsaftale.politisk_klynge_vest_2021()
    follow_up = a.follow_up(2025)
    hidden = a.follow_up(2024, READMISSIONS)
    with pytest.raises(sundhedsaftale.ValidationError) as bad:
        sundhedsaftale.loads('{"schema_version": 1, "id": 5, "valid_from": "2024-13-01"}')
    body = a.bodies_on(ON)[0]
    return [
        ("overview", a.to_html("da", on=ON)),
        ("status", a.status_on(ON).to_html("da")),
        ("calendar", a.calendar(ON).to_html("da")),
        ("composition", a.composition(body, ON).to_html("da")),
        ("minutes", minutes.to_html("da")),
        ("follow-up", follow_up.to_html("da", limit=len(follow_up))),
        ("follow-up, hidden cells", hidden.to_html("da", limit=len(hidden))),
        ("problems", bad.value.to_html("da")),
    ]


@pytest.mark.parametrize("name,page", _pages(), ids=lambda v: v if isinstance(v, str) and len(v) < 40 else "")
def test_every_display_reads_as_danish(name: str, page: str) -> None:
    assert offending(page_lines(page)) == [], name


def test_the_reports_read_as_danish() -> None:
    a = sundhedsaftale.nordjylland_2024()
    for text in (a.report(ON, lang="da"), sundhedsaftale.minutes_report(sundhedsaftale.politisk_klynge_vest_2021(), lang="da")):
        assert offending(text.splitlines()) == []


def test_the_readers_columns_are_danish() -> None:
    a = sundhedsaftale.nordjylland_2024()
    frames = [
        a.follow_up(2025).to_pandas(lang="da"),
        a.follow_up(2024, READMISSIONS).to_pandas(lang="da"),
        a.follow_up(2025).roll_ups_to_pandas(lang="da"),
        a.calendar(ON).to_pandas(lang="da"),
    ]
    for frame in frames:
        for column in [c for c in frame.columns if c.endswith("_label") or c.endswith("_name") and c != "indicator_name"]:
            values = [str(v) for v in frame[column].dropna().unique()]
            assert offending(values) == [], column


def test_problem_messages_are_danish() -> None:
    documents = [
        '{"schema_version": 1, "id": 5}',
        '{"schema_version": 1, "id": "x", "validity": {"entry_date": "2024-13-01"}}',
        "{",
    ]
    for text in documents:
        with pytest.raises(sundhedsaftale.ValidationError) as info:
            sundhedsaftale.loads(text)
        assert offending(f"fejl {e['code']} {e['path']}: {e['message']}" for e in info.value.errors("da")) == []
