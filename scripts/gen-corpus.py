#!/usr/bin/env python3
"""Writes the corruption corpus, tests/corpus/*.json: the embedded agreement,
the embedded minutes and a small observation file, each corrupted by rule.

Every case is one corruption a region's reviewer would call wrong, made
from an invariant (a field's domain, a relation between a record's own
fields, a relation to what it refers to, a relation in time), with the
JSON Pointers where a problem is expected. A case is caught when the
corrupted document has a problem that the uncorrupted one has not, at or
under one of those pointers. Cases a real document could show are marked
`arguable`, with why; the gate (95 %) counts only the others.

The cases are made by rule over the documents' own items, so each family
holds as many cases as the documents have items of that kind; nothing is
listed by hand but the rules. Run with --check to fail when the files on
disk are not what this script writes (the test suites run it so).

    python3 scripts/gen-corpus.py [--check]
"""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional

REPO = Path(__file__).resolve().parent.parent
AGREEMENT = json.loads((REPO / "core/data/nordjylland_2024.json").read_text(encoding="utf-8"))
MINUTES = json.loads((REPO / "core/data/politisk_klynge_vest_2021_09_06.json").read_text(encoding="utf-8"))
OBSERVATIONS = (REPO / "tests/observations/synthetic-readmissions.csv").read_text(encoding="utf-8")
# The national reference data, as core declares it: (code, name, region id).
MUNICIPALITIES = [(int(c), n, r) for c, n, r in re.findall(
    r'm\((\d+), "([^"]+)", "([a-z]+)"\)', (REPO / "core/src/places/reference.rs").read_text(encoding="utf-8"))]

Case = Dict[str, Any]


def case(family: str, rule: str, description: str, patch: List[Dict[str, Any]], expected: List[str],
         arguable: Optional[str] = None) -> Case:
    out: Case = {"family": family, "rule": rule, "description": description, "patch": patch, "expected": expected}
    if arguable:
        out["arguable"] = arguable
    return out


def replace(path: str, value: Any) -> Dict[str, Any]:
    return {"op": "replace", "path": path, "value": value}


def add(path: str, value: Any) -> Dict[str, Any]:
    return {"op": "add", "path": path, "value": value}


def remove(path: str) -> Dict[str, Any]:
    return {"op": "remove", "path": path}


def walk(x: Any, path: str = "") -> Iterator[tuple]:
    if isinstance(x, dict):
        for k, v in x.items():
            yield from walk(v, f"{path}/{k}")
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from walk(v, f"{path}/{i}")
    else:
        yield path, x


def occurrences(doc: Any, value: str) -> List[str]:
    return [p for p, v in walk(doc) if v == value]


# ---------------------------------------------------------------- agreement

def agreement_cases() -> List[Case]:
    a = AGREEMENT
    out: List[Case] = []

    # ids: the id rule, for an id used consistently everywhere (so only the rule can catch it).
    defined = [("organisations", o["id"]) for o in a["organisations"]] + \
              [("people", p["id"]) for p in a["people"]] + \
              [("clusters", c["id"]) for c in a["clusters"]] + \
              [("bodies", b["id"]) for b in a["bodies"]]
    marks = [("\u00a0", "a no-break space"), ("\u200b", "a zero-width space"), ("\u00ad", "a soft hyphen"), ("\t", "a tab")]
    for n, (kind, ident) in enumerate(defined):
        mark, name = marks[n % len(marks)]
        at = len(ident) // 2
        changed = ident[:at] + mark + ident[at:]
        index = [x["id"] for x in a[kind]].index(ident)
        definition = f"/{kind}/{index}/id"
        patch = [replace(p, changed) for p in occurrences(a, ident)]
        out.append(case("ids", "an id holds no whitespace, control or invisible character",
                         f"The id `{ident}` with {name} inside, used consistently.", patch, [definition]))

    # ids: unique within their kind.
    for kind in ["organisations", "people", "clusters", "bodies", "focus_areas", "indicators"]:
        items = a[kind]
        for i in range(1, min(len(items), 6)):
            out.append(case("duplicates", "an id is defined once in its kind",
                            f"{kind} {i} takes the id of {kind} {i - 1}.",
                            [replace(f"/{kind}/{i}/id", items[i - 1]["id"])], [f"/{kind}/{i}/id"]))

    # references: every reference resolves; a misspelling (a letter dropped) does not.
    refs = []
    for i, b in enumerate(a["bodies"]):
        if b.get("cluster"):
            refs.append(f"/bodies/{i}/cluster")
        for j, p in enumerate(b["posts"]):
            refs.append(f"/bodies/{i}/posts/{j}/on_behalf_of")
            for k, _ in enumerate(p["memberships"]):
                refs.append(f"/bodies/{i}/posts/{j}/memberships/{k}/person")
    # Lists of references: every entry of each.
    for kind, field in [("roles", "organisations"), ("clusters", "municipalities"), ("indicators", "focus_areas")]:
        for i, item in enumerate(a[kind]):
            refs += [f"/{kind}/{i}/{field}/{j}" for j in range(len(item[field]))]
    for i, s in enumerate(a["signatories"]):
        refs.append(f"/signatories/{i}/person")
    for path in refs:
        value = dict(walk(a))[path]
        misspelt = value[:-2] + value[-1]
        out.append(case("references", "a reference names an existing item of the right kind",
                        f"The reference `{value}` at {path} loses a letter: `{misspelt}`.",
                        [replace(path, misspelt)], [path]))

    # domain of reference data: each municipality's official code.
    municipalities = [(i, o) for i, o in enumerate(a["organisations"]) if o["kind"] == "municipality"]
    for i, o in municipalities:
        out.append(case("reference data", "a municipality's code is its official code",
                        f"{o['name']} is given the code {o['code'] + 1}.",
                        [replace(f"/organisations/{i}/code", o["code"] + 1)], [f"/organisations/{i}/code"]))
    # relation to scope: each municipality of a current cluster put in a second one too.
    current = [(i, c) for i, c in enumerate(a["clusters"]) if not c.get("abolished")]
    for n, (i, c) in enumerate(current):
        other_i, other = current[(n + 1) % len(current)]
        m = c["municipalities"][0]
        out.append(case("clusters", "a municipality is in one cluster at a time",
                        f"{m} is listed in cluster {other['id']} as well as in {c['id']}.",
                        [add(f"/clusters/{other_i}/municipalities/-", m)],
                        [f"/clusters/{other_i}/municipalities/{len(other['municipalities'])}", f"/clusters/{i}/municipalities"]))

    # time: memberships end after they start; bodies are abolished after they are established.
    for i, b in enumerate(a["bodies"]):
        for j, p in enumerate(b["posts"]):
            for k, m in enumerate(p["memberships"]):
                at = f"/bodies/{i}/posts/{j}/memberships/{k}"
                start = m.get("from") or b.get("established") or "2024-01-01"
                patch = [] if m.get("from") else [add(f"{at}/from", start)]
                patch.append(add(f"{at}/to", "2019-12-31" if start > "2020-01-01" else "2000-01-01"))
                out.append(case("time", "a membership ends after it starts",
                                f"Membership {m['id']} ends before it starts.", patch, [at]))
    for i, b in enumerate(a["bodies"]):
        if b.get("established"):
            out.append(case("time", "a body is abolished after it is established",
                            f"{b['id']} is abolished the day before it was established.",
                            [add(f"/bodies/{i}/abolished", "2022-06-30")], [f"/bodies/{i}"]))

    # Arguable: a membership whose source gives no dates.
    for i, b in enumerate(a["bodies"]):
        for j, p in enumerate(b["posts"]):
            for k, m in enumerate(p["memberships"]):
                at = f"/bodies/{i}/posts/{j}/memberships/{k}"
                patch = [remove(f"{at}/{d}") for d in ("from", "to") if d in m]
                if patch:
                    out.append(case("time", "a membership says when it was held", f"Membership {m['id']} loses its dates.", patch, [at],
                                    arguable="a source may name a member without dates; a missing date is unknown, and open when asking about a day"))
    # titles: a title sits for the kind of party its post is for.
    for i, b in enumerate(a["bodies"]):
        for j, p in enumerate(b["posts"]):
            owner = next((o for o in a["organisations"] if o["id"] == p["on_behalf_of"]), None)
            if owner is None or owner["kind"] not in ("region", "municipality"):
                continue
            wrong = "mayor" if owner["kind"] == "region" else "regional_council_member"
            for k, _ in enumerate(p["memberships"]):
                at = f"/bodies/{i}/posts/{j}/memberships/{k}/title"
                out.append(case("titles", "a title fits the party its holder sits for",
                                f"A seat for {owner['id']} is held by a {wrong.replace('_', ' ')}.",
                                [replace(at, wrong)], [at]))

    # indicator definitions: the factor is the unit's; a fraction has both terms.
    for i, ind in enumerate(a["indicators"]):
        if "factor" in ind:
            out.append(case("definitions", "an indicator's factor is its unit's",
                            f"{ind['id']} ({ind['unit']}) gets the factor {ind['factor'] * 10:g}.",
                            [replace(f"/indicators/{i}/factor", ind["factor"] * 10)], [f"/indicators/{i}/factor"]))
        if ind.get("numerator") and ind.get("denominator"):
            out.append(case("definitions", "a fraction has a numerator and a denominator",
                            f"{ind['id']} loses its denominator.",
                            [remove(f"/indicators/{i}/denominator")], [f"/indicators/{i}"]))

    # targets against their indicator: direction, kind, order of periods, domain.
    for i, ind in enumerate(a["indicators"]):
        direction = ind.get("direction")
        at = f"/indicators/{i}/targets"
        if direction in ("higher_is_better", "lower_is_better"):
            wrong = 20 if direction == "lower_is_better" else -20
            out.append(case("targets", "a relative change goes the better way",
                            f"A {wrong:+} % target for {ind['id']}, where {direction.replace('_', ' ')}.",
                            [add(at, [{"kind": "relative_change", "change_percent": wrong, "baseline": "2022", "due": "2026"}])],
                            [f"{at}/0"]))
            out.append(case("targets", "a range needs an indicator with an optimal range",
                            f"A range target for {ind['id']}, where {direction.replace('_', ' ')}.",
                            [add(at, [{"kind": "range", "low": 1, "high": 2, "due": "2026"}])], [f"{at}/0"]))
        out.append(case("targets", "a target is due after the period it is measured from",
                        f"A target for {ind['id']} due in 2021, from a 2022 baseline.",
                        [add(at, [{"kind": "relative_change", "change_percent": -10 if direction != "higher_is_better" else 10,
                                   "baseline": "2022", "due": "2021"}])], [f"{at}/0"]))
        if ind.get("unit") in ("percent", "count", "days", "years", "ratio", "rate_per_1000", "rate_per_100000"):
            out.append(case("targets", "a relative change leaves a value that cannot be negative at zero or above",
                            f"A −150 % target for {ind['id']}.",
                            [add(at, [{"kind": "relative_change", "change_percent": -150, "baseline": "2022", "due": "2026"}])],
                            [f"{at}/0"]))
        if ind.get("unit") == "percent":
            out.append(case("targets", "a target's value lies in its unit's domain",
                            f"A target of 120 % for {ind['id']}.",
                            [add(at, [{"kind": "value", "value": 120, "due": "2026"}])], [f"{at}/0"]))

    # key figures: values in their unit's domain.
    for f, area in enumerate(a["focus_areas"]):
        for k, kf in enumerate(area.get("key_figures", [])):
            if kf["unit"] == "percent":
                at = f"/focus_areas/{f}/key_figures/{k}/value"
                out.append(case("key figures", "a percentage lies between 0 and 100",
                                f"Key figure {kf['id']} is {kf['value'] + 100:g} %.", [replace(at, kf["value"] + 100)], [at]))

    # texts: every name shows something.
    for i, o in enumerate(a["organisations"]):
        out.append(case("texts", "a text shows something",
                        f"{o['id']}'s name is a zero-width space.", [replace(f"/organisations/{i}/name", "\u200b")],
                        [f"/organisations/{i}/name"]))

    # roles: a party is a region or a municipality.
    parties = next(i for i, r in enumerate(a["roles"]) if r["role"] == "party")
    for o in a["organisations"]:
        if o["kind"] not in ("region", "municipality"):
            at = f"/roles/{parties}/organisations/{len(a['roles'][parties]['organisations'])}"
            out.append(case("roles", "a party is a region or a municipality", f"{o['name']} is listed as a party.",
                            [add(f"/roles/{parties}/organisations/-", o["id"])], [at]))
    # scope: a target is for the agreement's region, a place in it, or the country.
    others = [m for m in MUNICIPALITIES if m[2] != "nordjylland"]
    for code, name, _ in others[::8]:
        at = "/indicators/0/targets"
        out.append(case("scope", "a target is for a place in the agreement's region",
                        f"A target for {name} ({code}), outside North Jutland.",
                        [add(at, [{"kind": "value", "value": 10, "due": "2026", "geography": f"municipality:{code}"}])],
                        [f"{at}/0/geography"]))
    # scope: a cluster body's seats are for municipalities of the cluster.
    clusters = {c["id"]: c for c in a["clusters"]}
    municipality_ids = [o["id"] for o in a["organisations"] if o["kind"] == "municipality"]
    for i, b in enumerate(a["bodies"]):
        cluster = clusters.get(b.get("cluster") or "")
        if cluster is None:
            continue
        outsider = next(m for m in municipality_ids if m not in cluster["municipalities"])
        at = f"/bodies/{i}/posts/{len(b['posts'])}/on_behalf_of"
        out.append(case("scope", "a cluster body's seats are for the cluster's municipalities",
                        f"{b['id']} gets a seat for {outsider}, outside cluster {cluster['id']}.",
                        [add(f"/bodies/{i}/posts/-", {"id": f"{b['id']}-{outsider}", "on_behalf_of": outsider, "memberships": []})],
                        [at]))

    # duties: a deadline fits the kind of duty.
    wrong_due = {"annual_follow_up": "nominal_end", "midterm_status": "nominal_end", "final_status": "nominal_midpoint"}
    for i, r in enumerate(a["follow_up"]["requirements"]):
        if r["kind"] in wrong_due:
            at = f"/follow_up/requirements/{i}/due"
            out.append(case("duties", "a duty's deadline fits its kind", f"The {r['id']} is due at `{wrong_due[r['kind']]}`.",
                            [replace(at, wrong_due[r["kind"]])], [at]))

    # validity and lifecycle.
    out.append(case("validity", "an agreement is not its own successor", "The agreement names itself as its successor.",
                    [add("/validity/successor", {"agreement": a["id"], "in_force_from": "2027-07-01"})], ["/validity/successor"]))
    out.append(case("validity", "a duration is more than zero", "The nominal duration is 0 months.",
                    [replace("/validity/nominal_duration_months", 0)], ["/validity/nominal_duration_months"]))
    out.append(case("validity", "a successor comes after the agreement", "The successor enters into force in 2020.",
                    [add("/validity/successor", {"agreement": "sundhedsaftale-2020", "in_force_from": "2020-01-01"})],
                    ["/validity/successor"]))
    return out


# ---------------------------------------------------------------- minutes

def minutes_cases() -> List[Case]:
    m = MINUTES
    meeting = m["meeting"]
    out: List[Case] = []
    attendance = meeting["attendance"]
    present = [i for i, x in enumerate(attendance) if x["status"] == "present"]
    away = [i for i, x in enumerate(attendance) if x["status"] == "apologies"]
    # numbering.
    for i in range(1, len(meeting["agenda"])):
        at = f"/meeting/agenda/{i}/number"
        out.append(case("numbering", "agenda items are numbered once each",
                        f"Item {i + 1} takes the number of item {i}.", [replace(at, meeting["agenda"][i - 1]["number"])], [at]))
    # Arguable: a real agenda can be reordered at the meeting (a warning, numbers_out_of_order).
    for i in range(1, len(meeting["agenda"])):
        at = f"/meeting/agenda/{i}/number"
        out.append(case("numbering", "agenda items are listed in their numbers' order",
                        f"Item {i + 1} is numbered {i}a, after item {i}.", [replace(at, f"{i - 1}a" if i > 1 else "0")], [at],
                        arguable="an agenda can be reordered at the meeting, so the minutes may list items out of their numbers' order"))
    # who was there against who acted.
    for n, i in enumerate(away):
        person = attendance[i]["person"]
        item = n % len(meeting["agenda"])
        at = f"/meeting/agenda/{item}/introduced_by"
        out.append(case("acting", "no one who sent apologies introduces an item",
                        f"{person}, listed with apologies, introduces item {item + 1}.", [replace(at, person)], [at]))
        out.append(case("acting", "no one who sent apologies takes the minutes",
                        f"{person}, listed with apologies, takes the minutes.", [replace("/meeting/minute_taker", person)],
                        ["/meeting/minute_taker"]))
        out.append(case("acting", "the chair is present",
                        f"{person}, listed with apologies, chairs.", [replace("/meeting/chairs/0/person", person)],
                        ["/meeting/chairs/0"]))
    # listed once.
    for i in present:
        out.append(case("attendance", "each person is listed once",
                        f"{attendance[i]['person']} is listed twice as present.", [add("/meeting/attendance/-", attendance[i])],
                        [f"/meeting/attendance/{len(attendance)}"]))
    for i in present:
        twin = dict(attendance[i], status="apologies")
        out.append(case("attendance", "no one is both present and away",
                        f"{attendance[i]['person']} is listed as present and with apologies.", [add("/meeting/attendance/-", twin)],
                        [f"/meeting/attendance/{len(attendance)}"]))
    # titles against the party sat for.
    for i, x in enumerate(attendance):
        if x["title"] in ("regional_council_member", "regional_council_chair"):
            out.append(case("titles", "a title fits the party its holder sits for",
                            f"{x['person']}, a regional council member, sits for Thisted Kommune.",
                            [replace(f"/meeting/attendance/{i}/organisation", "thisted")], [f"/meeting/attendance/{i}"]))
        elif x["title"] in ("municipal_council_member", "mayor"):
            out.append(case("titles", "a title fits the party its holder sits for",
                            f"{x['person']}, a municipal council member, sits for the region.",
                            [replace(f"/meeting/attendance/{i}/organisation", "region-nordjylland")], [f"/meeting/attendance/{i}"]))
    # scope: a council member present at a cluster body sits for one of its municipalities.
    for i, x in enumerate(attendance):
        if x["status"] == "present" and x["title"] in ("municipal_council_member", "mayor"):
            at = f"/meeting/attendance/{i}/organisation"
            out.append(case("scope", "a council member present sits for a municipality of the body's cluster",
                            f"{x['person']} is listed as present for Aalborg Kommune, outside the cluster.",
                            [replace(at, "aalborg")], [at]))
    # references.
    for i, x in enumerate(attendance):
        at = f"/meeting/attendance/{i}/person"
        out.append(case("references", "a person named is in the minutes' list of people",
                        f"{x['person']} loses a letter.", [replace(at, x["person"][:-2] + x["person"][-1])], [at]))
    for i, item in enumerate(meeting["agenda"]):
        for j, c in enumerate(item.get("consultations", [])):
            at = f"/meeting/agenda/{i}/consultations/{j}/body"
            out.append(case("references", "a body consulted exists", f"The body {c['body']} loses a letter.",
                            [replace(at, c["body"][:-2] + c["body"][-1])], [at]))
            out.append(case("time", "a body consulted exists when it acted", f"{c['body']} acts in 2030.",
                            [replace(f"/meeting/agenda/{i}/consultations/{j}/date", "2030-06-15")] if "date" in c else
                            [add(f"/meeting/agenda/{i}/consultations/{j}/date", "2030-06-15")], [at],
                            arguable=None if c["body"] in ("sku", "klyngestyregruppe-vest") else "the body may exist then"))
    # time.
    out.append(case("time", "a meeting lies in its body's life", "The meeting is dated 2023, after the body was abolished.",
                    [replace("/meeting/date", "2023-09-06")], ["/meeting/date"]))
    out.append(case("time", "a meeting ends after it starts", "The meeting ends before it starts.",
                    [replace("/meeting/end_time", "08:00:00")], ["/meeting/end_time"]))
    # ids.
    for i, p in enumerate(m["people"]):
        if i % 3:
            continue
        changed = p["id"].replace("-", "\u00a0", 1)
        patch = [replace(path, changed) for path in occurrences(m, p["id"])]
        out.append(case("ids", "an id holds no whitespace, control or invisible character",
                        f"The id `{p['id']}` with a no-break space, used consistently.", patch, [f"/people/{i}/id"]))
    return out


# ---------------------------------------------------------------- observations

def observation_cases() -> List[Case]:
    lines = OBSERVATIONS.rstrip("\n").split("\n")
    header, rows = lines[0], lines[1:]
    columns = header.split(",")
    out: List[Case] = []

    # Rows are named as the file numbers them: the header is row 1, so data row r is row r + 2.
    def with_row(r: int, cells: Dict[str, str]) -> str:
        row = rows[r].split(",")
        for name, value in cells.items():
            row[columns.index(name)] = value
        changed = rows[:r] + [",".join(row)] + rows[r + 1:]
        return "\n".join([header] + changed) + "\n"

    def obs(family: str, rule: str, description: str, csv: str, expected: List[str], arguable: Optional[str] = None) -> Case:
        c = case(family, rule, description, [], expected, arguable)
        del c["patch"]
        c["csv"] = csv
        return c

    for r in range(len(rows)):
        num, den = rows[r].split(",")[3:5]
        out.append(obs("units", "a count is not negative", f"Row {r + 2}'s numerator is negative.",
                       with_row(r, {"numerator": "-" + num}), [f"/{r + 2}/numerator"]))
        out.append(obs("units", "a part is not larger than its whole", f"Row {r + 2}'s numerator exceeds its denominator.",
                       with_row(r, {"numerator": str(int(den) + 1)}), [f"/{r + 2}"]))
        out.append(obs("units", "a denominator is not zero", f"Row {r + 2}'s denominator is 0.",
                       with_row(r, {"denominator": "0"}), [f"/{r + 2}"]))
        out.append(obs("units", "a count is whole", f"Row {r + 2}'s numerator is {num}.5.",
                       with_row(r, {"numerator": num + ".5"}), [f"/{r + 2}/numerator"]))
        out.append(obs("numbers", "a number is a number", f"Row {r + 2}'s denominator is `n/a`.",
                       with_row(r, {"denominator": "n/a"}), [f"/{r + 2}/denominator"]))
    bad_periods = ["2024Q5", "2024M13", "20x4", "2024-13", "24"]
    for r in range(len(rows)):
        period = bad_periods[r % len(bad_periods)]
        out.append(obs("periods", "a period is one the calendar has", f"Row {r + 2}'s period is `{period}`.",
                       with_row(r, {"period": period}), [f"/{r + 2}/period"]))
        out.append(obs("periods", "a period has the indicator's period type", f"Row {r + 2} is a quarter of a yearly indicator.",
                       with_row(r, {"period": rows[r].split(",")[2] + "Q1"}), [f"/{r + 2}/period"]))
    bad_places = ["municipality:999", "Alborg", "region:1090", "kommune:77", "cluster:ingen", "Vyborg"]
    for r in range(len(rows)):
        place = bad_places[r % len(bad_places)]
        out.append(obs("places", "a place is one that exists", f"Row {r + 2}'s place is `{place}`.",
                       with_row(r, {"geography": place}), [f"/{r + 2}/geography"]))
        # The old Cluster Vest existed until 30 June 2022: a 2022 row for it is right.
        if rows[r].split(",")[2] > "2022":
            out.append(obs("places", "a place exists in the row's period", f"Row {r + 2} is for the cluster abolished in 2022.",
                           with_row(r, {"geography": "cluster:klynge-vest-foer-2022"}), [f"/{r + 2}/geography"]))
    for r in range(0, len(rows), 2):
        duplicated = "\n".join([header] + rows + [rows[r]]) + "\n"
        out.append(obs("duplicates", "one row per indicator, place, period and stratum", f"Row {r + 2} is repeated at the end.",
                       duplicated, [f"/{len(rows) + 2}"]))
    for r in range(0, len(rows), 4):
        out.append(obs("places", "a follow-up of North Jutland is about North Jutland", f"Row {r + 2} is for Region Midtjylland.",
                       with_row(r, {"geography": "region:1082"}), [f"/{r + 2}/geography"],
                       arguable="a region compares itself with the others and the country, so rows for other regions are data, not mistakes"))
    for r in range(0, len(rows), 3):
        out.append(obs("indicators", "a row names a known indicator", f"Row {r + 2}'s indicator loses a letter.",
                       with_row(r, {"indicator": "genindlaeggelser-30-dag"}), [f"/{r + 2}/indicator"]))
    return out


def write(name: str, description: str, base: Optional[str], cases: List[Case]) -> str:
    doc: Dict[str, Any] = {"description": description}
    if base:
        doc["base"] = base
    else:
        doc["year"] = 2024
    doc["cases"] = cases
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def main() -> int:
    check = "--check" in sys.argv
    files = {
        "agreements.json": write("agreements", "The embedded North Jutland agreement, corrupted by rule.", "nordjylland_2024", agreement_cases()),
        "minutes.json": write("minutes", "The embedded minutes of Politisk Klynge Vest (6 September 2021), corrupted by rule.",
                              "politisk_klynge_vest_2021", minutes_cases()),
        "observations.json": write("observations", "tests/observations/synthetic-readmissions.csv, corrupted by rule; followed up for 2024.",
                                   None, observation_cases()),
    }
    folder = REPO / "tests/corpus"
    stale = []
    for name, text in files.items():
        path = folder / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            folder.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        print("stale corpus files (run python3 scripts/gen-corpus.py):", ", ".join(stale), file=sys.stderr)
        return 1
    total = sum(len(json.loads(t)["cases"]) for t in files.values())
    if not check:
        print(f"{total} corruptions written to tests/corpus/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
