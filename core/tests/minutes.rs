//! The embedded minutes of Politisk Klynge Vest, 6 September 2021: what they
//! hold, what the rules say about the attendance, and the queries over them.

use chrono::NaiveDate;
use sundhedsaftale::composition::FindingStatus;
use sundhedsaftale::embedded::{politisk_klynge_vest_2021, rules_before_2022, rules_from_2022};
use sundhedsaftale::meeting::{attendance_record, meetings_of, recommendations_with_outcome, search, AttendanceStatus};
use sundhedsaftale::{nordjylland_2024, rule_sets, validate_minutes, BodyKind, Minutes, Outcome};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn holds_the_whole_meeting() {
    let m = politisk_klynge_vest_2021();
    assert_eq!(m.meeting.body, "politisk-klynge-vest");
    assert_eq!((m.meeting.number, m.meeting.date), (Some(4), d("2021-09-06")));
    let count = |s: AttendanceStatus| m.meeting.attendance.iter().filter(|a| a.status == s).count();
    assert_eq!(
        (count(AttendanceStatus::Present), count(AttendanceStatus::Apologies)),
        (21, 7)
    );
    let outcomes: Vec<Option<Outcome>> = m.meeting.agenda.iter().map(|i| i.outcome).collect();
    assert_eq!(
        outcomes,
        [
            None,
            Some(Outcome::Noted),
            Some(Outcome::Noted),
            Some(Outcome::Postponed),
            Some(Outcome::NoComments)
        ]
    );
    let portfolio = m.portfolio.as_ref().unwrap();
    assert_eq!(portfolio.projects.iter().filter(|p| p.prioritised).count(), 5);
    assert_eq!(portfolio.categories.len(), 4);
    let model = portfolio.improvement_model.as_ref().unwrap();
    assert_eq!(
        (
            model.ideas_per_year_min,
            model.ideas_per_year_max,
            model.prioritised_per_year
        ),
        (3, 5, 1)
    );
    assert_eq!(m.meeting.chairs[0].person, "anny-margit-winther");
}

#[test]
fn validates_without_errors_and_pins_its_one_warning() {
    let problems = validate_minutes(&politisk_klynge_vest_2021(), &nordjylland_2024(), rule_sets());
    let all: Vec<(&str, &str, &str)> = problems
        .iter()
        .map(|p| (p.severity.as_str(), p.code.as_str(), p.path.as_str()))
        .collect();
    assert_eq!(
        all,
        [(
            "warning",
            "recommendation_addressed_elsewhere",
            "/meeting/agenda/2/recommendations/0/addressed_to"
        )]
    );
}

type Pinned = (String, Option<String>, FindingStatus, u32);

fn pinned(m: &Minutes, rule_set: &sundhedsaftale::RuleSet) -> (BodyKind, Vec<Pinned>) {
    let report = m.composition(&nordjylland_2024(), rule_set).unwrap();
    let rows = report
        .findings
        .into_iter()
        .map(|f| (f.rule, f.scope, f.status, f.count))
        .collect();
    (report.rules_for, rows)
}

fn row(rule: &str, scope: Option<&str>, status: FindingStatus, count: u32) -> Pinned {
    (rule.to_string(), scope.map(str::to_string), status, count)
}

#[test]
fn attendance_meets_every_rule_of_the_old_organisation() {
    use FindingStatus::*;
    let (kind, rows) = pinned(&politisk_klynge_vest_2021(), &rules_before_2022());
    assert_eq!(kind, BodyKind::PoliticalCluster);
    assert_eq!(
        rows,
        [
            row("pk-kommuner", Some("morsoe"), Met, 3),
            row("pk-kommuner", Some("thisted"), Met, 4),
            row("pk-region", None, Met, 3),
            row("pk-plo", None, NotAssessed, 0),
            row("pk-patientinddragelse", None, Met, 1),
        ]
    );
}

#[test]
fn under_the_new_rules_the_successor_would_lack_its_mayors() {
    use FindingStatus::*;
    let (kind, rows) = pinned(&politisk_klynge_vest_2021(), &rules_from_2022());
    assert_eq!(kind, BodyKind::HealthClusterPolitical);
    assert_eq!(
        rows,
        [
            row("psk-region", None, Met, 3),
            row("psk-borgmestre", Some("morsoe"), NotMet, 0),
            row("psk-borgmestre", Some("thisted"), NotMet, 0),
            row("psk-patientinddragelse", None, NotAssessed, 0),
        ]
    );
}

#[test]
fn attendance_by_party_counts_units_under_their_region() {
    let m = politisk_klynge_vest_2021();
    let summary: Vec<(Option<String>, usize, usize)> = m
        .attendance_by_party(&nordjylland_2024())
        .into_iter()
        .map(|p| (p.party, p.present.len(), p.apologies.len()))
        .collect();
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        summary,
        [
            (s("thisted"), 5, 2),
            (s("morsoe"), 6, 2),
            (s("region-nordjylland"), 9, 2),
            (s("plo-nordjylland"), 0, 1),
            (None, 1, 0)
        ]
    );
}

#[test]
fn queries_over_an_archive() {
    let archive = vec![politisk_klynge_vest_2021()];
    assert_eq!(
        meetings_of(&archive, "politisk-klynge-vest", d("2021-01-01"), d("2021-12-31")).len(),
        1
    );
    assert!(meetings_of(&archive, "politisk-klynge-vest", d("2021-09-07"), d("2021-12-31")).is_empty());
    assert!(meetings_of(&archive, "ssu", d("2021-01-01"), d("2021-12-31")).is_empty());

    let record = attendance_record(&archive, "anny winther");
    assert_eq!(record.len(), 1);
    assert_eq!(record[0].attendance.status, AttendanceStatus::Present);
    assert_eq!(
        attendance_record(&archive, "bente-bang")[0].attendance.status,
        AttendanceStatus::Apologies
    );

    let postponed = recommendations_with_outcome(&archive, Outcome::Postponed);
    assert_eq!(postponed.len(), 1);
    assert_eq!(postponed[0].item.number, "4");
    assert_eq!(recommendations_with_outcome(&archive, Outcome::Noted).len(), 2);
}

#[test]
fn search_folds_danish_case_and_the_old_aa() {
    let archive = vec![politisk_klynge_vest_2021()];
    let items = |q: &str| -> Vec<String> { search(&archive, q).iter().map(|h| h.item.number.clone()).collect() };
    assert_eq!(items("SÅRBARE UNGE"), ["2"]);
    assert_eq!(items("ÅLBORG"), items("aalborg"));
    assert_eq!(items("fokusgruppeinterview"), ["4"]);
    assert_eq!(items("patientinddragelse organisering"), ["3"]);
    let hit = &search(&archive, "udskudt")[0];
    assert_eq!((hit.item.number.as_str(), hit.fields.as_slice()), ("4", &["note"][..]));
    assert!(items("").is_empty());
}

#[test]
fn the_minutes_round_trip_and_are_canonical() {
    let text = sundhedsaftale::embedded::POLITISK_KLYNGE_VEST_2021_JSON;
    let m: Minutes = sundhedsaftale::parse_json(text).unwrap();
    let mut pretty = serde_json::to_string_pretty(&m).unwrap();
    pretty.push('\n');
    if std::env::var_os("UPDATE_DATA").is_some() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/politisk_klynge_vest_2021_09_06.json");
        std::fs::write(path, &pretty).unwrap();
    }
    assert!(
        pretty == text,
        "the minutes data file is not in canonical form: run with UPDATE_DATA=1"
    );
}
