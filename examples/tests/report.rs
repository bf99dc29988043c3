//! The `report` program as a user runs it.

use std::process::Command;

fn report(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_report")).args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A file removed again when the test ends.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn to_str(&self) -> Option<&str> {
        self.0.to_str()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn temp_file(name: &str, text: &str) -> TempFile {
    let path = std::env::temp_dir().join(format!("sundhedsaftale-report-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    TempFile(path)
}

#[test]
fn default_report_covers_every_section_on_the_embedded_data() {
    let (code, out, err) = report(&["--date", "2026-11-23"]);
    assert_eq!(code, 0, "{err}");
    for section in [
        "Validity",
        "Parties, bound and covered",
        "Health clusters",
        "Bodies and members",
        "Vision and focus areas",
        "Follow-up calendar",
        "Validation",
    ] {
        assert!(out.contains(&format!("\n{section}\n")), "missing section {section}");
    }
    assert!(out.contains("Status: in force"));
    assert!(out.contains("party [12]: Region Nordjylland (1081)"));
    assert!(out.contains("Legal basis: Sundhedslovens §57c, stk. 2"));
    assert!(out.contains("Midt: Jammerbugt Kommune (849), Aalborg Kommune (851)"));
    assert!(out.contains("✗ 1 mayor from each cluster [Midt]: not met — 0 (expected 1)"));
    assert!(out.contains("Not counted by any rule: Jes Lunde, Charlotte Lønskov Jensen, Dinah Høngaard"));
    assert!(out.contains("83 % — kontakt med egen læge inden for de seneste 12 måneder (65+; 2021); 2010: 86 %"));
    assert!(out.contains("→ 2026-12-31  annual follow-up 2026: due next"));
    assert!(out.contains("! 2024-12-31  annual follow-up 2024: overdue"));
    assert!(out.contains("0 errors, 2 warnings"));
}

#[test]
fn overdue_collaboration_agreement_reviews_are_shown() {
    let mut a = sundhedsaftale::nordjylland_2024();
    a.collaboration_agreements
        .push(sundhedsaftale::collaboration::CollaborationAgreement {
            id: "sa-1".into(),
            title: "Samarbejdsaftale om udskrivning".into(),
            framework: Some("Den Tværsektorielle Grundaftale".into()),
            goals: vec!["Trygge udskrivninger".into()],
            follow_up: Some("Årlig audit".into()),
            reviewed_on: None,
            review_due: Some("2026-06-30".parse().unwrap()),
            patient_representatives_involved: Some(true),
        });
    let path = temp_file("collab.json", &serde_json::to_string(&a).unwrap());
    let (code, out, err) = report(&[path.to_str().unwrap(), "--date", "2026-11-23"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Collaboration agreements: 1; review overdue: Samarbejdsaftale om udskrivning"),
        "{out}"
    );
    let (_, out, _) = report(&[path.to_str().unwrap(), "--date", "2026-06-30"]);
    assert!(out.contains("Collaboration agreements: 1; review overdue: –"));
}

#[test]
fn danish_report_on_another_date() {
    let (code, out, _) = report(&["--date", "2027-07-01", "--lang", "da"]);
    assert_eq!(code, 0);
    assert!(out.contains("Status: i kraft efter nominelt udløb, indtil en ny aftale træder i kraft"));
    assert!(out.contains("Opfølgningskalender"));
}

#[test]
fn before_the_reform_the_old_bodies_exist() {
    let (_, out, _) = report(&["--date", "2021-09-06"]);
    assert!(out.contains("Status: not yet in force"));
    assert!(out.contains("Politisk Klynge Vest (political cluster (pre-2022)"));
    assert!(out.contains("Not existing on this date: Sundhedssamarbejdsudvalget"));
}

#[test]
fn a_json_file_is_reported_like_the_embedded_one() {
    let path = temp_file("ok.json", sundhedsaftale::embedded::NORDJYLLAND_2024_JSON);
    let (code, out, _) = report(&[path.to_str().unwrap(), "--date", "2025-01-01"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Sundhedsaftale 2024 — Region Nordjylland"));
}

#[test]
fn invalid_input_lists_every_problem_with_code_and_path_and_exits_1() {
    let text = sundhedsaftale::embedded::NORDJYLLAND_2024_JSON
        .replacen("\"code\": 851", "\"code\": 852", 1)
        .replacen("\"value\": 47.0", "\"value\": 147.0", 1);
    let path = temp_file("bad.json", &text);
    let (code, out, err) = report(&[path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("error municipality_code_mismatch /organisations/10/code:"),
        "{err}"
    );
    assert!(err.contains("error party_missing /roles:"), "{err}");
    assert!(
        err.contains("error percentage_out_of_range /focus_areas/0/key_figures/0/value:"),
        "{err}"
    );
    assert!(err.contains("3 errors, 2 warnings"), "{err}");
}

#[test]
fn a_parse_error_exits_1_with_its_path() {
    let path = temp_file(
        "type.json",
        &sundhedsaftale::embedded::NORDJYLLAND_2024_JSON.replacen(
            "\"in_force_from\": \"2024-01-01\"",
            "\"in_force_from\": \"2024-13-01\"",
            1,
        ),
    );
    let (code, _, err) = report(&[path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.starts_with("error invalid_date /validity/in_force_from:"), "{err}");
}

#[test]
fn minutes_report_shows_header_attendance_findings_and_items() {
    let (code, out, err) = report(&["--minutes"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with(
        "4. møde i Politisk Klynge Vest\nBody: Politisk Klynge Vest (held)\nDate: 2021-09-06 15.00–16.00\n"
    ));
    assert!(out.contains("Chair: Anny Margit Winther (from item 1)"));
    assert!(out.contains("Thisted Kommune: 5 present, 2 sent apologies"));
    assert!(out.contains("  - Charlotte Lønskov (Formand for PLO-Nordjylland, PLO-Nordjylland; apologies)"));
    assert!(out
        .contains("✓ 2–4 political representatives from each municipality in the cluster [Thisted Kommune]: met — 4"));
    assert!(out.contains("✗ 1 mayor from each municipality in the cluster [Morsø Kommune]: not met — 0"));
    assert!(out.contains("\n4. Information om fokusgruppeinterview i Politisk Klynge Vest\n"));
    assert!(out.contains("  Outcome: postponed"));
    assert!(out.contains("  • Medicinboks for udvalgte psykiatriske borgere"));
    assert!(out.contains("0 errors, 1 warning"));
}

#[test]
fn minutes_report_in_danish_and_from_a_file() {
    let text = sundhedsaftale::embedded::POLITISK_KLYNGE_VEST_2021_JSON.replacen(
        "\"outcome\": \"postponed\"",
        "\"outcome\": \"noted\"",
        1,
    );
    let path = temp_file("minutes.json", &text);
    let (code, _, err) = report(&["--minutes", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("error decision_missing /meeting/agenda/3/decision:"),
        "{err}"
    );
    let (code, out, _) = report(&["--minutes", "--lang", "da"]);
    assert_eq!(code, 0);
    assert!(out.contains("Deltagelse pr. part"));
    assert!(out.contains("  Udfald: udskudt"));
}

#[test]
fn follow_up_on_the_embedded_key_figures() {
    let (code, out, err) = report(&["--follow-up", "2025"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Annual follow-up 2025 — Sundhedsaftale 2024\n"));
    assert!(out.contains("en eller flere kroniske sygdomme (nordjyderne) — Region Nordjylland\n  baseline 2013: 45 %  →  latest 2021: 54 %  (change 9 percentage points)\n  status: deterioration, score -5.0\n"));
    assert!(out.contains("status: not available (direction not known)"));
    assert!(out.contains("  relative change a year: 2.31 %\n"));
    assert!(!out.contains("x="), "method internals only with --verbose");
    let (code, verbose, _) = report(&["--follow-up", "2025", "--verbose"]);
    assert_eq!(code, 0);
    assert!(verbose.contains("  method: x = -0.023052;"), "{verbose}");
    assert!(out.contains("No data (12): Akutte somatiske og psykiatriske genindlæggelser inden for 30 dage;"));
}

#[test]
fn follow_up_on_a_csv_of_observations() {
    let csv = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/observations/synthetic-readmissions.csv"
    );
    let (code, out, err) = report(&["--follow-up", "2024", "--observations", csv, "--lang", "da"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Akutte somatiske og psykiatriske genindlæggelser inden for 30 dage — Læsø Kommune\n  skjult af diskretionshensyn (antal under 5)"));
    assert!(out.contains("— Brønderslev Kommune\n  skjult af diskretionshensyn (beskytter Læsø Kommune via Nord)"));
    assert!(out.contains("— Region Nordjylland\n  udgangspunkt 2022: "));
    assert!(out.contains("dækning: 11 af 11 kommuner"));
}

#[test]
fn follow_up_rejects_bad_observations_with_row_and_column() {
    let path = temp_file(
        "bad.csv",
        "indicator,geography,period,value\nmiddellevetid,region:1081,2021,abc\n",
    );
    let (code, _, err) = report(&["--follow-up", "2024", "--observations", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        // Row 2 of the file, the header being row 1: in the path as in the message.
        err.contains("error invalid_number /2/value: `abc` is not a number (row 2, column D (`value`))."),
        "{err}"
    );
}

/// `report --follow-up 2024 --lang da` on shared vector `name` of
/// `tests/published/`: a table (`file` of the repository, else the vector's
/// `file`, else its `text` written to a file) through its mapping, written
/// to a file.
fn follow_up_published(name: &str, file: Option<&str>) -> (i32, String, String) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let text = std::fs::read_to_string(root.join("tests/published").join(name)).unwrap();
    let vector: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mapping = temp_file(&format!("{name}-mapping.json"), &vector["mapping"].to_string());
    let written;
    let table = match file.or(vector["file"].as_str()) {
        Some(file) => root.join(file),
        None => {
            written = temp_file(&format!("{name}-table.csv"), vector["text"].as_str().unwrap());
            written.0.clone()
        }
    };
    let (table, mapping) = (table.to_str().unwrap(), mapping.0.to_str().unwrap());
    report(&[
        "--follow-up",
        "2024",
        "--observations",
        table,
        "--mapping",
        mapping,
        "--lang",
        "da",
    ])
}

#[test]
fn follow_up_reads_a_published_table_through_its_mapping() {
    // The workbook's data sheet is found by its header (its first sheet holds notes).
    let workbook = "tests/published/files/synthetic-readmissions.xlsx";
    let (code, out, err) = follow_up_published("001-statbank-codes.json", Some(workbook));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("— Aalborg Kommune\n  udgangspunkt 2022: "), "{out}");
    // A bad cell names the file's row and column; a mapping's own problem says it is the mapping's.
    let (code, _, err) = follow_up_published("006-cells-that-say-nothing-true.json", None);
    assert_eq!(code, 1);
    assert!(err.contains("fejl unmapped_category /5/KØN: `X` er ikke en kategori, kildebeskrivelsen beskriver (K, M, TOT), ved række 5, kolonne B (`KØN`)."), "{err}");
    // A value withheld at the source is said to be, with the baseline still shown.
    let (code, out, err) = follow_up_published("022-the-latest-value-withheld.json", None);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("— Aalborg Kommune\n  ikke offentliggjort af kilden (2024; udgangspunkt 2022: 12,5 %)\n"),
        "{out}"
    );
    let (code, _, err) = follow_up_published("007-mapping-against-the-table.json", None);
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "fejl mapping_column_missing (kildebeskrivelsen) /period: Kildebeskrivelsen nævner kolonnen `Tid`"
        ),
        "{err}"
    );
}

#[test]
fn places_on_a_date_and_a_place_by_name() {
    let (code, out, _) = report(&["--places", "--date", "2027-01-01", "--lang", "da"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Region Østdanmark (kode ikke bekræftet af en kilde) — 46 kommuner"),
        "{out}"
    );
    assert!(!out.contains("Region Hovedstaden"), "{out}");
    let (code, out, _) = report(&["--place", "081", "--date", "2024-01-01"]);
    assert_eq!(
        (code, out.trim()),
        (
            0,
            "Region Nordjylland: region, code 1081, Statistics Denmark 081; written `region:1081`"
        )
    );
    let (code, out, _) = report(&["--place", "Aalborg", "--lang", "da"]);
    assert_eq!(
        (code, out.trim()),
        (
            0,
            "Aalborg: kommune, kode 851, i Region Nordjylland, Danmarks Statistik 851; skrives `municipality:851`"
        )
    );
    let (code, _, err) = report(&["--place", "Alborg", "--lang", "da"]);
    assert_eq!(code, 1);
    assert!(err.contains("misspelt_place"), "{err}");
}

#[test]
fn an_unreadable_file_exits_2() {
    let (code, _, err) = report(&["/nonexistent/agreement.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read /nonexistent/agreement.json"));
}

#[test]
fn bad_arguments_exit_2_with_usage() {
    for args in [
        &["--date", "tomorrow"][..],
        &["--lang", "de"],
        &["--frobnicate"],
        &["a.json", "b.json"],
    ] {
        let (code, _, err) = report(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains("usage: report"), "{args:?}: {err}");
    }
}

#[path = "../../core/tests/support/synthetic.rs"]
mod synthetic;

/// National SYNTHETIC observations over the real 98 municipality codes run
/// end to end through `report --follow-up`: no place or indicator is
/// rejected, and every region and the country get their rows.
#[test]
fn national_synthetic_observations_run_end_to_end() {
    let sizes = synthetic::Sizes {
        municipalities: 98,
        indicators: 2,
        years: 2,
        strata: 2,
    };
    let agreement = temp_file(
        "synthetic-agreement.json",
        &serde_json::to_string(&synthetic::agreement(sizes)).unwrap(),
    );
    let csv = temp_file("synthetic-national.csv", &synthetic::csv(sizes));
    let (code, out, err) = report(&[
        agreement.to_str().unwrap(),
        "--follow-up",
        "2011",
        "--observations",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    for place in [
        "Region Nordjylland",
        "Region Midtjylland",
        "Region Syddanmark",
        "Region Hovedstaden",
        "Region Sjælland",
        "Danmark",
        "København",
        "Aalborg Kommune",
    ] {
        assert!(
            out.contains(&format!("Syntetisk indikator 0 — {place} [a]\n")),
            "{place}"
        );
    }
    let country = out.split("Syntetisk indikator 0 — Danmark [a]\n").nth(1).unwrap();
    assert!(
        country.lines().any(|l| l.contains("coverage: 98 of 98 municipalities")),
        "{country:.400}"
    );
}

/// With `--redact`, problems keep their code and path but echo no value: a
/// personal identifier typed into the wrong field stays out of the output.
#[test]
fn redact_keeps_codes_and_paths_and_drops_the_values() {
    let mut doc: serde_json::Value = serde_json::from_str(sundhedsaftale::embedded::NORDJYLLAND_2024_JSON).unwrap();
    doc["bodies"][0]["posts"][0]["memberships"][0]["person"] = serde_json::json!("010170-1234");
    doc["title"] = serde_json::json!(" ");
    let file = temp_file("redact.json", &doc.to_string());
    let (code, plain_out, plain_err) = report(&[file.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(format!("{plain_out}{plain_err}").contains("010170-1234"));
    let (code, out, err) = report(&[file.to_str().unwrap(), "--redact"]);
    assert_eq!(code, 1);
    let all = format!("{out}{err}");
    assert!(!all.contains("010170-1234"), "{all}");
    assert!(all.contains("unknown_reference") && all.contains("/bodies/0/posts/0/memberships/0/person"));
    assert!(all.contains("<string:11>"), "{all}");
}

/// The Region Syddanmark example, a document and observations from outside
/// the crate: what the sources leave out is reported as not known, and
/// progress is shown per age group against the document's own targets.
#[test]
fn another_regions_document_and_observations() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data/");
    let document = format!("{data}syddanmark_2019.json");
    let (code, out, err) = report(&[&document, "--date", "2026-11-24"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("Sundhedsaftalen 2019-2023 — Region Syddanmark\n"),
        "{out}"
    );
    assert!(
        out.contains("Status: not known: the document leaves out a deciding date or rule\n"),
        "{out}"
    );
    assert!(
        out.contains("Last day of the nominal period: not known (48 months)\n"),
        "{out}"
    );
    assert!(
        out.contains("Target: 5 by 2030 (Adults) — source: JydskeVestkysten"),
        "{out}"
    );
    assert!(out.contains("0 errors, 0 warnings"), "{out}");

    let csv = format!("{data}syddanmark_2019_synthetic.csv");
    let (code, out, err) = report(&[&document, "--follow-up", "2023", "--observations", &csv, "--lang", "da"]);
    assert_eq!(code, 0, "{err}");
    let adults = out
        .split("\nAndel rygere — ")
        .find(|s| s.starts_with("Region Syddanmark [Voksne]"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(adults.contains("mål: 5,0 % (2030)"), "{adults}");
    assert!(adults.contains("dækning: 22 af 22 kommuner"), "{adults}");
    // Every row is by age group: the roll-up is the mean of the age groups, and says so.
    let roll_ups = out.split("\nSamlet\n").nth(1).unwrap_or_else(|| panic!("{out}"));
    assert!(roll_ups.contains("Aftalen — Region Syddanmark: "), "{roll_ups}");
    assert!(
        roll_ups.contains("  gennemsnit af strata: Andel rygere (`age_group`)\n"),
        "{roll_ups}"
    );
}
