#!/usr/bin/env python3
"""Writes tests/published/: one SYNTHETIC table of 30-day readmissions in
North Jutland's 11 municipalities, by sex, 2022 and 2024, as it would be
published in each format (StatBank CSV in codes and in text, JSON-stat 2.0,
an Excel workbook), and the shared vectors that read them.

The layout is Statistics Denmark's (DOMAIN.md: `;`, a byte-order mark, CRLF,
a header of the variables and INDHOLD, codes or text, `..` for a value
withheld); the numbers are those of tests/observations/synthetic-readmissions.csv
split between the sexes, not real data.

    python3 scripts/gen-published.py          # write
    python3 scripts/gen-published.py --check  # fail if a file would change
"""
import io
import json
import sys
import zipfile
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "tests/published"
FILES = OUT / "files"

NAMES = {"773": "Morsø", "787": "Thisted", "810": "Brønderslev", "813": "Frederikshavn", "820": "Vesthimmerland",
         "825": "Læsø", "840": "Rebild", "846": "Mariagerfjord", "849": "Jammerbugt", "851": "Aalborg", "860": "Hjørring"}
SEX = [("TOT", "I alt", None), ("M", "Mænd", "mænd"), ("K", "Kvinder", "kvinder")]
AGE = [("TOT", "Alder i alt"), ("65OV", "65 år og derover")]
MEASURE = [("GENIND", "Genindlæggelser"), ("UDSKR", "Udskrivninger")]
INDICATOR = "genindlaeggelser-30-dage"
# Læsø's women's readmissions in 2022 are withheld, as a count of one would be.
WITHHELD = ("825", "K", "2022", "GENIND")


def source() -> List[Tuple[str, str, int, int]]:
    lines = (REPO / "tests/observations/synthetic-readmissions.csv").read_text(encoding="utf-8").strip().split("\n")[1:]
    out = []
    for line in lines:
        _, place, period, n, d = line.split(",")
        out.append((place.split(":")[1], period, int(n), int(d)))
    return out


def cells() -> List[Dict[str, Any]]:
    """Every cell of the cube, in the cube's order (area, sex, age, time, measure)."""
    by = {(p, t): (n, d) for p, t, n, d in source()}
    out = []
    for area in NAMES:
        for sex, _, _ in SEX:
            for age, _ in AGE:
                for time in ("2022", "2024"):
                    n, d = by[(area, time)]
                    men = (n * 52 // 100, d // 2)
                    counts = {"TOT": (n, d), "M": men, "K": (n - men[0], d - men[1])}[sex]
                    if age == "65OV":
                        counts = (counts[0] * 6 // 10, counts[1] * 4 // 10)
                    for k, (measure, _) in enumerate(MEASURE):
                        withheld = (area, sex, time, measure) == WITHHELD and age == "TOT"
                        out.append({"area": area, "sex": sex, "age": age, "time": time, "measure": measure,
                                    "value": None if withheld else counts[k]})
    return out


def statbank(text: bool) -> str:
    sex = {c: t for c, t, _ in SEX}
    age = dict(AGE)
    measure = dict(MEASURE)
    rows = ["OMRÅDE;KØN;ALDER;TID;ENHED;INDHOLD"]
    for c in cells():
        value = ".." if c["value"] is None else str(c["value"])
        if text:
            rows.append(";".join([NAMES[c["area"]], sex[c["sex"]], age[c["age"]], c["time"], measure[c["measure"]], value]))
        else:
            rows.append(";".join([c["area"], c["sex"], c["age"], c["time"], c["measure"], value]))
    return "\ufeff" + "\r\n".join(rows) + "\r\n"


def jsonstat() -> str:
    all_cells = cells()
    dims = [("OMRÅDE", "område", [(a, n) for a, n in NAMES.items()]),
            ("KØN", "køn", [(c, t) for c, t, _ in SEX]),
            ("ALDER", "alder", AGE),
            ("Tid", "tid", [("2022", "2022"), ("2024", "2024")]),
            ("ENHED", "enhed", MEASURE)]
    dimension = {}
    for i, (id_, label, cats) in enumerate(dims):
        # Both forms of an index, as JSON-stat allows: an array, and an object of positions.
        index: Any = [c for c, _ in cats] if i % 2 == 0 else {c: k for k, (c, _) in enumerate(cats)}
        dimension[id_] = {"label": label, "category": {"index": index, "label": {c: l for c, l in cats}}}
    status = {str(k): ".." for k, c in enumerate(all_cells) if c["value"] is None}
    cube = {"version": "2.0", "class": "dataset", "label": "Genindlæggelser inden for 30 dage (SYNTETISKE tal)",
            "source": "Syntetisk efter Danmarks Statistiks layout", "id": [d[0] for d in dims],
            "size": [len(d[2]) for d in dims], "dimension": dimension,
            "value": [c["value"] for c in all_cells], "status": status,
            "role": {"geo": ["OMRÅDE"], "time": ["Tid"], "metric": ["ENHED"]}}
    return json.dumps(cube, ensure_ascii=False, indent=1) + "\n"


def column(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def xlsx(sheets: List[Tuple[str, List[Tuple[int, int, List[Any]]]]]) -> bytes:
    """A minimal workbook: each sheet a list of (row, first column, cells), numbers as numbers."""
    def esc(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    buffer = io.BytesIO()
    # A fixed date for every member: the bytes are the same on every run.
    def add(z: zipfile.ZipFile, name: str, text: str) -> None:
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, text)

    with zipfile.ZipFile(buffer, "w") as z:
        add(z, "[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                      for i in range(len(sheets))) + "</Types>")
        add(z, "_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
        add(z, "xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            + "".join(f'<sheet name="{esc(name)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (name, _) in enumerate(sheets))
            + "</sheets></workbook>")
        add(z, "xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
                      for i in range(len(sheets))) + "</Relationships>")
        for i, (_, rows) in enumerate(sheets):
            body = []
            for r, first, values in rows:
                cells_xml = []
                for k, v in enumerate(values):
                    ref = f"{column(first + k)}{r}"
                    if v is None:
                        continue
                    if isinstance(v, (int, float)):
                        cells_xml.append(f'<c r="{ref}"><v>{v}</v></c>')
                    else:
                        cells_xml.append(f'<c r="{ref}" t="inlineStr"><is><t>{esc(str(v))}</t></is></c>')
                body.append(f'<row r="{r}">{"".join(cells_xml)}</row>')
            add(z, f"xl/worksheets/sheet{i + 1}.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                + "".join(body) + "</sheetData></worksheet>")
    return buffer.getvalue()


def workbook() -> bytes:
    """The table on a sheet named Data from cell B3, as portals place it below a title, and a notes sheet first."""
    rows: List[Tuple[int, int, List[Any]]] = [(3, 2, ["OMRÅDE", "KØN", "ALDER", "TID", "ENHED", "INDHOLD"])]
    for k, c in enumerate(cells()):
        value: Any = ".." if c["value"] is None else c["value"]
        rows.append((4 + k, 2, [c["area"], c["sex"], c["age"], c["time"], c["measure"], value]))
    notes = [(1, 1, ["SYNTETISKE tal efter Danmarks Statistiks layout."])]
    return xlsx([("Noter", notes), ("Data", rows)])


def mapping() -> Dict[str, Any]:
    return {"table": "SYNT30", "indicator": INDICATOR, "place": "OMRÅDE", "period": "TID",
            "measure": {"column": "ENHED", "numerator": "GENIND", "denominator": "UDSKR"},
            "strata": [{"column": "KØN", "dimension": "sex", "categories": {c: s for c, _, s in SEX}}],
            "keep": {"ALDER": ["TOT"]}}


def observations() -> List[Dict[str, Any]]:
    """What the table says, as observations: the one expectation every reader shares."""
    by: Dict[Tuple[str, str, str], Dict[str, Any]] = {}
    for c in cells():
        if c["age"] != "TOT":
            continue
        key = (c["area"], c["sex"], c["time"])
        o = by.setdefault(key, {"indicator": INDICATOR, "geography": f"municipality:{c['area']}", "period": c["time"]})
        sex = next(s for code, _, s in SEX if code == c["sex"])
        if sex:
            o["disaggregation"] = {"sex": sex}
        role = "numerator" if c["measure"] == "GENIND" else "denominator"
        if c["value"] is None:
            o["suppressed"] = True
        else:
            o[role] = float(c["value"])
    return list(by.values())


def vectors() -> Dict[str, Dict[str, Any]]:
    same = observations()
    m = mapping()
    text_mapping = dict(m, place="OMRÅDE", measure={"column": "ENHED", "numerator": "Genindlæggelser", "denominator": "Udskrivninger"},
                        strata=[{"column": "KØN", "dimension": "sex", "categories": {t: s for _, t, s in SEX}}],
                        keep={"ALDER": ["Alder i alt"]})
    cube_mapping = dict(m, period="Tid")
    out: Dict[str, Dict[str, Any]] = {
        "001-statbank-codes.json": {
            "description": "StatBank CSV in codes: a byte-order mark, CRLF, `;`, a measure column (readmissions, discharges) as numerator and denominator, sex as strata (TOT the total), only age TOT kept, and `..` as suppressed. SYNTHETIC values.",
            "format": "statbank", "file": "tests/published/files/synthetic-readmissions-codes.csv", "mapping": m,
            "year": 2024, "expected_observations": same},
        "002-statbank-text.json": {
            "description": "The same table in StatBank's text presentation: municipalities by name, Mænd/Kvinder/I alt, measures by name. The same observations.",
            "format": "statbank", "file": "tests/published/files/synthetic-readmissions-text.csv", "mapping": text_mapping,
            "year": 2024, "expected_observations": same},
        "003-jsonstat.json": {
            "description": "The same table as a JSON-stat 2.0 cube (indices as arrays and as objects, `..` in status). The same observations.",
            "format": "jsonstat", "file": "tests/published/files/synthetic-readmissions.jsonstat.json", "mapping": cube_mapping,
            "year": 2024, "expected_observations": same},
        "004-xlsx.json": {
            "description": "The same table in an Excel workbook, on its second sheet `Data` from cell B3, numbers as numbers and `..` as text. The same observations.",
            "format": "xlsx", "file": "tests/published/files/synthetic-readmissions.xlsx", "mapping": dict(m, sheet="Data"),
            "year": 2024, "expected_observations": same},
        "005-values-with-decimal-commas.json": {
            "description": "A rate published as a value with a decimal comma; periods as quarters (K) and months (M); the region as 081 and the country as 000; `..` suppressed and an empty cell no observation.",
            "format": "statbank",
            "text": "\ufeffOMRÅDE;TID;INDHOLD\r\n081;2024K1;12,5\r\n000;2024K1;11,25\r\nAalborg;2024M01;..\r\nHele landet;2024M02;\r\n",
            "mapping": {"indicator": INDICATOR, "place": "OMRÅDE", "period": "TID", "value": "INDHOLD"},
            "expected_observations": [
                {"indicator": INDICATOR, "geography": "region:1081", "period": "2024Q1", "value": 12.5},
                {"indicator": INDICATOR, "geography": "country:DK", "period": "2024Q1", "value": 11.25},
                {"indicator": INDICATOR, "geography": "municipality:851", "period": "2024-01", "suppressed": True}]},
        "006-cells-that-say-nothing-true.json": {
            "description": "Each cell problem at the file's own row and column (the header is row 1): a misspelt and an ambiguous place name, an unknown code, a category the mapping does not map, a number that is none, a period that is none.",
            "format": "statbank",
            "text": "\ufeffOMRÅDE;KØN;TID;INDHOLD\r\nAlborg;M;2024;1\r\nVyborg;M;2024;1\r\n999;M;2024;1\r\n851;X;2024;1\r\n851;K;2024;tolv\r\n851;M;2024K5;1\r\n",
            "mapping": {"indicator": INDICATOR, "place": "OMRÅDE", "period": "TID", "value": "INDHOLD",
                        "strata": [{"column": "KØN", "dimension": "sex", "categories": {"M": "mænd", "K": "kvinder", "TOT": None}}]},
            "expected": [
                {"code": "misspelt_place", "path": "/2/OMRÅDE", "severity": "error"},
                {"code": "ambiguous_place", "path": "/3/OMRÅDE", "severity": "error"},
                {"code": "unknown_place", "path": "/4/OMRÅDE", "severity": "error"},
                {"code": "unmapped_category", "path": "/5/KØN", "severity": "error", "context": {"row": 5, "cell": "B5"}},
                {"code": "invalid_number", "path": "/6/INDHOLD", "severity": "error", "context": {"row": 6, "cell": "D6", "text": "tolv"}},
                {"code": "invalid_period", "path": "/7/TID", "severity": "error"}]},
        "007-mapping-against-the-table.json": {
            "description": "The mapping names a column the table lacks (`Tid`, as a cube names it, where this table writes `TID`): the problem suggests `TID`. Columns are not matched loosely: a guess could be wrong.",
            "format": "statbank",
            "text": "OMRÅDE;ALDER;TID;INDHOLD\r\n851;TOT;2024;1\r\n851;65OV;2024;1\r\n",
            "mapping": {"indicator": INDICATOR, "place": "OMRÅDE", "period": "Tid", "value": "INDHOLD", "keep": {"ALDER": ["TOT"]}},
            "expected": [
                {"code": "mapping_column_missing", "path": "/period", "severity": "error", "context": {"did_you_mean": "TID"}}]},
        "008-a-column-neither-mapped-nor-kept.json": {
            "description": "ALDER holds two categories the mapping neither maps nor keeps: the rows would repeat one another.",
            "format": "statbank",
            "text": "OMRÅDE;ALDER;TID;INDHOLD\r\n851;TOT;2024;1\r\n851;65OV;2024;1\r\n",
            "mapping": {"indicator": INDICATOR, "place": "OMRÅDE", "period": "TID", "value": "INDHOLD"},
            "expected": [{"code": "column_not_mapped", "path": "/strata", "severity": "error"}]},
        "009-mapping-of-itself.json": {
            "description": "A mapping that gives the value two ways (a value column and a measure) and maps one column twice.",
            "format": "statbank",
            "text": "OMRÅDE;TID;INDHOLD\r\n851;2024;1\r\n",
            "mapping": {"indicator": INDICATOR, "place": "OMRÅDE", "period": "OMRÅDE", "value": "INDHOLD",
                        "measure": {"column": "ENHED", "value": "PCT"}},
            "expected": [
                {"code": "mapping_value_columns", "path": "", "severity": "error"},
                {"code": "column_mapped_twice", "path": "/period", "severity": "error"}]},
        "010-mapping-against-the-agreement.json": {
            "description": "A mapping for an indicator the agreement does not have, checked before the table is read.",
            "format": "statbank",
            "text": "OMRÅDE;TID;INDHOLD\r\n851;2024;1\r\n",
            "mapping": {"indicator": "genindlaeggelser", "place": "OMRÅDE", "period": "TID", "value": "INDHOLD"},
            "year": 2024,
            "expected": [{"code": "unknown_reference", "path": "/indicator", "severity": "error"}]},
        "011-cube-that-does-not-hold-together.json": {
            "description": "A JSON-stat cube whose size promises 4 cells and whose values are 3, and one of whose dimensions has fewer categories than its size.",
            "format": "jsonstat",
            "text": json.dumps({"version": "2.0", "class": "dataset", "id": ["OMRÅDE", "TID"], "size": [2, 2],
                                "dimension": {"OMRÅDE": {"category": {"index": ["851"]}},
                                              "TID": {"category": {"index": ["2023", "2024"]}}},
                                "value": [1, 2, 3]}, ensure_ascii=False),
            "mapping": {"indicator": INDICATOR, "place": "OMRÅDE", "period": "TID", "value": "value"},
            "expected": [
                {"code": "jsonstat_malformed", "path": "/dimension/OMRÅDE/category", "severity": "error"},
                {"code": "jsonstat_malformed", "path": "/value", "severity": "error"}]},
        "012-cube-cell-problems.json": {
            "description": "A cube's cell problems name the cell as the cube does (`/value/1`): a number that is no count's, and an unmapped category.",
            "format": "jsonstat",
            "text": json.dumps({"version": "2.0", "class": "dataset", "id": ["OMRÅDE", "KØN", "TID"], "size": [1, 2, 1],
                                "dimension": {"OMRÅDE": {"category": {"index": ["851"], "label": {"851": "Aalborg"}}},
                                              "KØN": {"category": {"index": ["M", "X"]}},
                                              "TID": {"category": {"index": ["2024"]}}},
                                "value": [1.5, 2]}, ensure_ascii=False),
            "mapping": {"indicator": INDICATOR, "place": "OMRÅDE", "period": "TID", "value": "value",
                        "strata": [{"column": "KØN", "dimension": "sex", "categories": {"M": "mænd", "K": "kvinder"}}]},
            "expected": [{"code": "unmapped_category", "path": "/value/1", "severity": "error", "context": {"did_you_mean": None}}]},
        "013-workbook-without-the-sheet.json": {
            "description": "A mapping asks for a sheet the workbook does not have: the problem lists the sheets it has.",
            "format": "xlsx", "file": "tests/published/files/synthetic-readmissions.xlsx", "mapping": dict(m, sheet="Ark1"),
            "expected": [{"code": "sheet_not_found", "path": "/sheet", "severity": "error", "context": {"sheets": "Noter, Data"}}]},
        "014-not-a-workbook.json": {
            "description": "Bytes that are not a workbook (a CSV file given as .xlsx).",
            "format": "xlsx", "file": "tests/published/files/synthetic-readmissions-codes.csv", "mapping": m,
            "expected": [{"code": "workbook_unreadable", "path": "", "severity": "error"}]},
        "015-workbook-cells-at-their-own-place.json": {
            "description": "A problem in a workbook names the sheet's own row and column, wherever the table starts: the table from B3, a bad number in D5.",
            "format": "xlsx", "file": "tests/published/files/bad-cell.xlsx", "mapping": {"indicator": INDICATOR, "place": "OMRÅDE", "period": "TID", "value": "INDHOLD"},
            "expected": [{"code": "invalid_number", "path": "/5/INDHOLD", "severity": "error", "context": {"row": 5, "cell": "D5", "text": "#DIV/0!"}}]},
    }
    out["016-keep-some-categories-of-a-stratum.json"] = {
        "description": "`keep` filters rows, also of a column with a role: only the two sexes, not their total; the rows left out are no problem.",
        "format": "statbank", "file": "tests/published/files/synthetic-readmissions-codes.csv",
        "mapping": dict(m, keep={"ALDER": ["TOT"], "KØN": ["M", "K"]}),
        "expected_observations": [o for o in same if "disaggregation" in o]}
    long_m = {"indicator": INDICATOR, "place": "OMRÅDE", "period": "TID",
              "measure": {"column": "ENHED", "numerator": "GENIND", "denominator": "UDSKR"}}
    out["017-a-point-before-three-digits.json"] = {
        "description": "`1.000` is a decimal point or a Danish thousands separator: a problem with both readings, never a guess. `1.5` and `1,000` are one number each (Statistics Denmark writes decimal commas and never groups thousands).",
        "format": "statbank",
        "text": "OMRÅDE;TID;INDHOLD\r\n851;2022;1.5\r\n851;2023;1,000\r\n851;2024;1.000\r\n",
        "mapping": {"indicator": INDICATOR, "place": "OMRÅDE", "period": "TID", "value": "INDHOLD"},
        "expected": [{"code": "ambiguous_number", "path": "/4/INDHOLD", "severity": "error",
                      "context": {"row": 4, "cell": "C4", "point": 1.0, "grouped": 1000.0}}]}
    out["018-the-value-column-found-by-its-numbers.json"] = {
        "description": "A long table whose mapping does not name its value column: the one column it does not mention that holds numbers (or `..`) is it; a column of one category (ALDER) is no candidate.",
        "format": "statbank",
        "text": "OMRÅDE;ALDER;TID;ENHED;INDHOLD\r\n851;TOT;2024;GENIND;30\r\n851;TOT;2024;UDSKR;..\r\n",
        "mapping": long_m,
        "expected_observations": [{"indicator": INDICATOR, "geography": "municipality:851", "period": "2024",
                                   "numerator": 30.0, "suppressed": True}]}
    out["019-two-columns-that-could-be-the-values.json"] = {
        "description": "Two columns the mapping does not mention hold numbers: which one is the value is the mapping's to say.",
        "format": "statbank",
        "text": "OMRÅDE;TID;ENHED;INDHOLD;FEJLMARGIN\r\n851;2024;GENIND;30;2\r\n851;2024;UDSKR;300;5\r\n",
        "mapping": long_m,
        "expected": [{"code": "measure_values_unknown", "path": "/measure/values", "severity": "error",
                      "context": {"count": 2, "columns": "INDHOLD, FEJLMARGIN", "document": "mapping"}}]}
    out["020-a-cube-withheld-as-a-whole.json"] = {
        "description": "JSON-stat's `status` as one string marks every cell: two measures of one observation both withheld make one suppressed observation, not a repeated one.",
        "format": "jsonstat",
        "text": json.dumps({"version": "2.0", "class": "dataset", "id": ["OMRÅDE", "TID", "ENHED"], "size": [1, 1, 2],
                            "dimension": {"OMRÅDE": {"category": {"index": ["851"]}},
                                          "TID": {"category": {"index": ["2024"]}},
                                          "ENHED": {"category": {"index": ["GENIND", "UDSKR"]}}},
                            "value": [None, None], "status": ".."}, ensure_ascii=False),
        "mapping": long_m,
        "expected_observations": [{"indicator": INDICATOR, "geography": "municipality:851", "period": "2024", "suppressed": True}]}
    out["021-a-measure-row-repeated.json"] = {
        "description": "A long table repeats one observation's discharges: the repeated row names the row it repeats, the earlier discharges (row 3), not the readmissions that began the observation.",
        "format": "statbank",
        "text": "OMRÅDE;TID;ENHED;INDHOLD\r\n851;2024;GENIND;30\r\n851;2024;UDSKR;300\r\n851;2024;UDSKR;310\r\n",
        "mapping": long_m,
        "expected": [{"code": "duplicate_observation", "path": "/4/INDHOLD", "severity": "error",
                      "context": {"first_row": 3, "first_at_da": "række 3"}}]}
    out["022-the-latest-value-withheld.json"] = {
        "description": "Aalborg's 2024 value is withheld (`..`): its row says so (hidden as withheld, latest period 2024, no latest value, no status), and 2022's value stays its baseline, never passed off as the latest. So is its cluster Midt's, which has no other part in the table. Thisted, published both years, is scored. SYNTHETIC values (fractions of 1024, exact in binary).",
        "format": "statbank",
        "text": "\ufeffOMRÅDE;TID;GENIND;UDSKR\r\n851;2022;1152;9216\r\n851;2024;..;..\r\n787;2022;128;1024\r\n787;2024;112;1024\r\n",
        "mapping": {"indicator": INDICATOR, "place": "OMRÅDE", "period": "TID", "numerator": "GENIND", "denominator": "UDSKR"},
        "year": 2024,
        "expected_rows": [
            {"geography": "municipality:851", "stratum": "", "hidden": {"kind": "withheld", "period": "2024"},
             "baseline_period": "2022", "baseline_value": 12.5, "latest_period": "2024", "latest_value": None,
             "change": None, "status": "not_available", "score": None},
            # Midt's other municipality (Jammerbugt) is not in the table: nothing of Midt's 2024 was published.
            {"geography": "cluster:midt", "stratum": "", "hidden": {"kind": "withheld", "period": "2024"},
             "latest_period": "2024", "latest_value": None, "status": "not_available"},
            {"geography": "municipality:787", "stratum": "", "hidden": None, "latest_period": "2024",
             "latest_value": 10.9375, "status": "substantial_progress"}]}
    out["023-regions-in-their-own-years.json"] = {
        "description": "A region is read for the years it exists, whatever year is followed up: Region Hovedstaden (084) ends with 2026 at the merger, Region Østdanmark begins in 2027 and has no confirmed code yet. Row and column lead each message.",
        "format": "statbank",
        "text": "OMRÅDE;TID;INDHOLD\r\n084;2027;1\r\nRegion Hovedstaden;2026;1\r\nRegion Østdanmark;2024;1\r\nRegion Østdanmark;2027;1\r\n000;2027;1\r\n",
        "mapping": {"indicator": INDICATOR, "place": "OMRÅDE", "period": "TID", "value": "INDHOLD"},
        "expected": [
            {"code": "place_not_in_period", "path": "/2/OMRÅDE", "severity": "error",
             "context": {"geography": "region:1084", "period": "2027", "life": "from 2007-01-01 to 2026-12-31",
                         "life_da": "fra 2007-01-01 til og med 2026-12-31", "cell": "A2"}},
            {"code": "place_not_in_period", "path": "/4/OMRÅDE", "severity": "error",
             "context": {"geography": "region:oestdanmark", "period": "2024", "life": "from 2027-01-01", "cell": "A4"}},
            {"code": "place_without_code", "path": "/5/OMRÅDE", "severity": "error",
             "context": {"name": "Region Østdanmark", "cell": "A5"}}]}
    out["024-a-measure-row-missing.json"] = {
        "description": "A long table gives Jammerbugt's readmissions but no discharges row: the observation is half a fraction, said at the row that gave the readmissions (a row that is not there has no cell), not as a value missing altogether.",
        "format": "statbank",
        "text": "OMRÅDE;TID;ENHED;INDHOLD\r\n851;2024;GENIND;30\r\n851;2024;UDSKR;300\r\n849;2024;GENIND;20\r\n",
        "mapping": long_m,
        "year": 2024,
        "expected": [{"code": "incomplete_fraction", "path": "/4/INDHOLD", "severity": "error",
                      "context": {"given": "numerator", "missing": "denominator", "cell": "D4"}}]}
    # One table in four forms: the same follow-up, row for row.
    for name in ("002-statbank-text.json", "003-jsonstat.json", "004-xlsx.json"):
        out[name]["same_follow_up_as"] = "001-statbank-codes.json"
    # The unmapped category in a cube has no close mapped category: no suggestion.
    del out["012-cube-cell-problems.json"]["expected"][0]["context"]
    return out


def bad_workbook() -> bytes:
    rows: List[Tuple[int, int, List[Any]]] = [(3, 2, ["OMRÅDE", "TID", "INDHOLD"]),
                                              (4, 2, ["851", "2024", 12.5]),
                                              (5, 2, ["849", "2024", "#DIV/0!"])]
    return xlsx([("Data", rows)])


def main() -> int:
    check = "--check" in sys.argv
    files: Dict[Path, bytes] = {
        FILES / "synthetic-readmissions-codes.csv": statbank(False).encode("utf-8"),
        FILES / "synthetic-readmissions-text.csv": statbank(True).encode("utf-8"),
        FILES / "synthetic-readmissions.jsonstat.json": jsonstat().encode("utf-8"),
        FILES / "synthetic-readmissions.xlsx": workbook(),
        FILES / "bad-cell.xlsx": bad_workbook(),
    }
    for name, case in vectors().items():
        files[OUT / name] = (json.dumps(case, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    stale = [p for p, b in files.items() if not p.exists() or p.read_bytes() != b]
    if check:
        for p in stale:
            print(f"gen-published: {p.relative_to(REPO)} is not what scripts/gen-published.py writes", file=sys.stderr)
        return 1 if stale else 0
    FILES.mkdir(parents=True, exist_ok=True)
    for p, b in files.items():
        p.write_bytes(b)
    print(f"gen-published: {len(files)} files in tests/published/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
