//! The embedded North Jutland agreement: what it contains, and what the rules
//! say about it. Findings are pinned here so that any change to the data or
//! the evaluator that moves them is seen.

use chrono::NaiveDate;
use sundhedsaftale::composition::FindingStatus;
use sundhedsaftale::embedded::{rules_before_2022, rules_from_2022};
use sundhedsaftale::follow_up::DueStatus;
use sundhedsaftale::geography::{Geography, Level};
use sundhedsaftale::{
    nordjylland_2024, rule_sets, validate, validate_rule_set, AgreementRole, BodyKind, ValidityState,
};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn has_every_part_of_the_agreement() {
    let a = nordjylland_2024();
    assert_eq!(a.municipalities().count(), 11);
    assert_eq!(a.focus_areas.len(), 3);
    let objectives: Vec<usize> = a.focus_areas.iter().map(|f| f.objectives.len()).collect();
    assert_eq!(objectives, [3, 4, 3]);
    let figures: Vec<usize> = a.focus_areas.iter().map(|f| f.key_figures.len()).collect();
    assert_eq!(figures, [6, 6, 9]);
    let indicators: Vec<usize> = a
        .focus_areas
        .iter()
        .map(|f| a.indicators.iter().filter(|i| i.focus_areas.contains(&f.id)).count())
        .collect();
    assert_eq!(indicators, [12, 4, 2]);
    assert_eq!(a.guiding_principles.len(), 4);
    assert_eq!(a.national_goals.len(), 8);
    assert_eq!(a.signatories.len(), 10);
    assert_eq!(a.validity.nominal_end(), Some(d("2027-07-01")));
}

#[test]
fn roles_follow_the_formalia() {
    let a = nordjylland_2024();
    assert_eq!(a.role_of("region-nordjylland"), Some(AgreementRole::Party));
    for m in a.municipalities() {
        assert_eq!(a.role_of(&m.id), Some(AgreementRole::Party), "{}", m.name);
    }
    assert_eq!(a.role_of("plo-nordjylland"), Some(AgreementRole::BoundNonParty));
    assert_eq!(a.role_of("private-providers"), Some(AgreementRole::CoveredNonParty));
    let gp = a.roles.iter().find(|r| r.role == AgreementRole::BoundNonParty).unwrap();
    assert_eq!(gp.legal_basis.as_deref(), Some("Sundhedslovens §57c, stk. 2"));
}

#[test]
fn validates_without_errors_and_pins_its_warnings() {
    let problems = validate(&nordjylland_2024());
    assert!(!problems.has_errors(), "{problems}");
    let warnings: Vec<(String, String, String, Option<String>)> = problems
        .warnings()
        .map(|p| {
            (
                p.code.as_str().to_string(),
                p.path.clone(),
                p.context["rule"].as_str().unwrap().to_string(),
                p.context.get("scope").and_then(|s| s.as_str()).map(str::to_string),
            )
        })
        .collect();
    let w = |rule: &str, scope: Option<&str>| {
        (
            "composition_rule_not_met".to_string(),
            "/bodies/0".to_string(),
            rule.to_string(),
            scope.map(str::to_string),
        )
    };
    assert_eq!(warnings, vec![w("ssu-borgmestre", Some("midt")), w("ssu-region", None)]);
}

#[test]
fn embedded_rule_sets_are_valid() {
    for rs in rule_sets() {
        assert!(validate_rule_set(rs).is_empty(), "{}", rs.id);
    }
}

/// (rule, scope, status, counted people)
type Pinned = (&'static str, Option<&'static str>, FindingStatus, Vec<&'static str>);

fn findings(rule_set: &sundhedsaftale::RuleSet, on: &str) -> (BodyKind, Vec<Pinned>, Vec<String>) {
    let a = nordjylland_2024();
    let ssu = a.body("ssu").unwrap();
    let report = a.composition(ssu, rule_set, d(on)).unwrap();
    let pinned = report
        .findings
        .iter()
        .map(|f| {
            let rule: &'static str = Box::leak(f.rule.clone().into_boxed_str());
            let scope: Option<&'static str> = f.scope.clone().map(|s| &*Box::leak(s.into_boxed_str()));
            let counted = f
                .counted
                .iter()
                .map(|p| &*Box::leak(p.clone().into_boxed_str()))
                .collect();
            (rule, scope, f.status, counted)
        })
        .collect();
    (report.rules_for, pinned, report.uncounted)
}

#[test]
fn ssu_against_the_new_rule_set() {
    use FindingStatus::*;
    let (kind, found, uncounted) = findings(&rules_from_2022(), "2024-01-01");
    assert_eq!(kind, BodyKind::HealthCollaborationCommittee);
    let regional = vec![
        "mads-duedahl",
        "mogens-noergaard",
        "pia-buus-pinstrup",
        "lene-linnemann",
    ];
    assert_eq!(
        found,
        vec![
            ("ssu-borgmestre", Some("nord"), Met, vec!["soeren-smalbro"]),
            ("ssu-borgmestre", Some("midt"), NotMet, vec![]),
            ("ssu-borgmestre", Some("syd"), Met, vec!["mogens-jespersen"]),
            ("ssu-borgmestre", Some("vest"), Met, vec!["niels-joergen-pedersen"]),
            ("ssu-region", None, NotMet, regional),
        ]
    );
    assert_eq!(uncounted, ["jes-lunde", "charlotte-loenskov-jensen", "dinah-hoengaard"]);
}

#[test]
fn ssu_against_the_old_rule_set_uses_its_predecessor_s_rules() {
    use FindingStatus::*;
    let (kind, found, uncounted) = findings(&rules_before_2022(), "2024-01-01");
    assert_eq!(kind, BodyKind::HealthCoordinationCommittee);
    assert_eq!(
        found,
        vec![
            (
                "sku-kkr",
                None,
                NotMet,
                vec![
                    "mogens-jespersen",
                    "soeren-smalbro",
                    "niels-joergen-pedersen",
                    "jes-lunde"
                ]
            ),
            (
                "sku-plo",
                None,
                Met,
                vec!["charlotte-loenskov-jensen", "dinah-hoengaard"]
            ),
            (
                "sku-region",
                None,
                NotMet,
                vec![
                    "mads-duedahl",
                    "mogens-noergaard",
                    "pia-buus-pinstrup",
                    "lene-linnemann"
                ]
            ),
        ]
    );
    assert!(uncounted.is_empty());
}

#[test]
fn the_2022_reorganisation_is_visible_by_date() {
    let a = nordjylland_2024();
    let names = |on: &str| -> Vec<String> { a.bodies_on(d(on)).map(|b| b.id.clone()).collect() };
    let before = names("2022-06-30");
    let after = names("2022-07-01");
    assert!(before.contains(&"sku".to_string()) && !before.contains(&"ssu".to_string()));
    assert!(after.contains(&"ssu".to_string()) && !after.contains(&"sku".to_string()));
    assert!(before.contains(&"politisk-klynge-vest".to_string()));
    assert!(after.contains(&"politisk-sundhedsklynge-vest".to_string()));
    let ssu = a.body("ssu").unwrap();
    assert!(a.members_on(ssu, d("2022-06-30")).is_empty());
    assert_eq!(a.members_on(ssu, d("2024-01-01")).len(), 10);
    assert_eq!(
        a.cluster_of("thisted", d("2021-09-06")).unwrap().id,
        "klynge-vest-foer-2022"
    );
    assert_eq!(a.cluster_of("thisted", d("2024-01-01")).unwrap().id, "vest");
}

#[test]
fn status_and_calendar_on_a_given_day() {
    let a = nordjylland_2024();
    assert_eq!(a.status_on(d("2026-11-23")).state, ValidityState::InForce);
    let cal = a.calendar(d("2026-11-23"));
    let row = |req: &str, year: Option<i32>| cal.iter().find(|e| e.requirement == req && e.year == year).unwrap();
    assert_eq!(row("aarlig-opfoelgning", Some(2024)).status, DueStatus::Overdue);
    assert_eq!(row("aarlig-opfoelgning", Some(2026)).status, DueStatus::DueNext);
    assert_eq!(row("aarlig-opfoelgning", Some(2026)).due, Some(d("2026-12-31")));
    assert_eq!(row("midtvejsstatus", None).due, Some(d("2025-10-01")));
    assert_eq!(row("slutstatus", None).due, Some(d("2027-07-01")));
    assert_eq!(row("slutstatus", None).status, DueStatus::Upcoming);
    assert_eq!(row("handleplaner", None).status, DueStatus::NoDeadline);
    let years: Vec<i32> = cal.iter().filter_map(|e| e.year).collect();
    assert_eq!(years, [2024, 2025, 2026, 2027]);
}

#[test]
fn a_recorded_completion_marks_the_entry_done() {
    let mut a = nordjylland_2024();
    a.follow_up.completions.push(sundhedsaftale::follow_up::Completion {
        requirement: "aarlig-opfoelgning".into(),
        year: Some(2024),
        completed_on: d("2025-03-01"),
        document: None,
    });
    assert!(!validate(&a).has_errors());
    let cal = a.calendar(d("2026-11-23"));
    let e = cal.iter().find(|e| e.year == Some(2024)).unwrap();
    assert_eq!((e.status, e.completed_on), (DueStatus::Done, Some(d("2025-03-01"))));
}

#[test]
fn annual_duties_continue_while_awaiting_a_successor_and_stop_at_termination() {
    let mut a = nordjylland_2024();
    let years = |a: &sundhedsaftale::HealthAgreement, on: &str| -> Vec<i32> {
        a.calendar(d(on)).iter().filter_map(|e| e.year).collect()
    };
    assert_eq!(years(&a, "2029-03-01"), [2024, 2025, 2026, 2027, 2028, 2029]);
    a.validity.termination = Some(sundhedsaftale::validity::Termination {
        effective: d("2027-01-01"),
        basis: "L 214".into(),
    });
    assert_eq!(years(&a, "2029-03-01"), [2024, 2025, 2026]);
}

#[test]
fn dispute_ladder_settles_each_kind_where_the_agreement_says() {
    use sundhedsaftale::{DisputeKind, DisputeLevel};
    let rules = nordjylland_2024().dispute_rules.unwrap();
    assert_eq!(
        rules.settled_at(DisputeKind::Operational),
        Some(DisputeLevel::LocalManagement)
    );
    assert_eq!(
        rules.settled_at(DisputeKind::General),
        Some(DisputeLevel::StrategicHealthForum)
    );
    assert_eq!(
        rules.settled_at(DisputeKind::PoliticalOrPrincipled),
        Some(DisputeLevel::HealthCollaborationCommittee)
    );
    assert_eq!(
        rules.next_level(DisputeLevel::LocalManagement),
        Some(DisputeLevel::StrategicHealthForum)
    );
    assert_eq!(rules.next_level(DisputeLevel::HealthCollaborationCommittee), None);
}

#[test]
fn action_plan_statuses_feed_the_annual_follow_up_of_their_year() {
    use sundhedsaftale::follow_up::{ActionPlan, AnnualStatus};
    let mut a = nordjylland_2024();
    a.follow_up.action_plans.push(ActionPlan {
        id: "handleplan-nord".into(),
        cluster: "nord".into(),
        title: "Handleplan".into(),
        year: 2025,
        focus_areas: vec!["forebyggelse".into()],
        adopted_on: None,
        objectives: vec![],
        indicators: vec![],
        initiatives: vec![],
        statuses: vec![AnnualStatus {
            year: 2025,
            text: "Status".into(),
            reported_on: Some(d("2025-11-01")),
        }],
    });
    assert!(!validate(&a).has_errors());
    let statuses = a.follow_up.action_plan_statuses(2025);
    assert_eq!(statuses.len(), 1);
    assert_eq!(statuses[0].0.cluster, "nord");
    assert!(a.follow_up.action_plan_statuses(2024).is_empty());
}

#[test]
fn load_path_reads_validates_and_says_why_it_failed() {
    use sundhedsaftale::{load_path, LoadError};
    let dir = std::env::temp_dir().join(format!("sundhedsaftale-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.json");
    std::fs::write(&good, sundhedsaftale::embedded::NORDJYLLAND_2024_JSON).unwrap();
    assert_eq!(load_path(&good).unwrap(), nordjylland_2024());
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        sundhedsaftale::embedded::NORDJYLLAND_2024_JSON.replacen("\"code\": 851", "\"code\": 852", 1),
    )
    .unwrap();
    match load_path(&bad) {
        Err(LoadError::Invalid(problems)) => {
            let errors: Vec<(&str, &str)> = problems.errors().map(|p| (p.code.as_str(), p.path.as_str())).collect();
            assert_eq!(
                errors,
                [
                    ("municipality_code_mismatch", "/organisations/10/code"),
                    ("party_missing", "/roles")
                ]
            );
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    let missing = dir.join("missing.json");
    let err = load_path(&missing).unwrap_err();
    assert!(matches!(err, LoadError::Io { .. }));
    assert!(err.to_string().starts_with("cannot read "), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn parties_are_asked_for_on_a_date() {
    let a = nordjylland_2024();
    let parties = |agreement: &sundhedsaftale::HealthAgreement, on: &str| {
        agreement
            .parties_on(d(on))
            .iter()
            .map(|o| o.id.clone())
            .collect::<Vec<_>>()
    };
    let in_force = parties(&a, "2024-06-01");
    assert_eq!(in_force.len(), 12);
    assert_eq!(in_force[0], "region-nordjylland");
    assert!(parties(&a, "2023-12-31").is_empty(), "not yet in force");
    let bound: Vec<&str> = a
        .roles_on(d("2024-06-01"))
        .into_iter()
        .filter(|(_, r)| *r == AgreementRole::BoundNonParty)
        .map(|(o, _)| o.id.as_str())
        .collect();
    assert_eq!(bound, ["plo-nordjylland"]);
    // A region merged away stops being a party the day it ends: the same
    // agreement, its region given Region Hovedstaden's code (1084).
    let mut merged = a.clone();
    let region = merged.organisations.iter_mut().find(|o| o.id == a.region).unwrap();
    region.code = Some(1084);
    assert_eq!(parties(&merged, "2026-12-31").len(), 12);
    let after = parties(&merged, "2027-01-01");
    assert_eq!(after.len(), 11);
    assert!(!after.contains(&a.region));
}

/// The hierarchy the agreement fills places each municipality in the
/// cluster structure in force on the date.
#[test]
fn the_cluster_structure_in_force_applies() {
    let h = nordjylland_2024().hierarchy();
    let thisted = Geography::new(Level::Municipality, "787");
    let names = |gs: Vec<Geography>| gs.iter().map(Geography::to_string).collect::<Vec<_>>();
    assert_eq!(
        names(h.parents(&thisted, d("2021-12-31"))),
        ["cluster:klynge-vest-foer-2022", "region:1081", "country:DK"]
    );
    assert_eq!(
        names(h.parents(&thisted, d("2023-12-31"))),
        ["cluster:vest", "region:1081", "country:DK"]
    );
    let aalborg = Geography::new(Level::Municipality, "851");
    assert_eq!(
        names(h.parents(&aalborg, d("2021-12-31"))),
        ["region:1081", "country:DK"]
    );
    assert_eq!(
        h.municipalities_under(&Geography::new(Level::Cluster, "nord"), d("2024-01-01")),
        ["810", "813", "825", "860"]
    );
    assert_eq!(
        h.municipalities_under(&Geography::new(Level::Region, "1081"), d("2024-01-01"))
            .len(),
        11
    );
    assert_eq!(h.name(&aalborg), Some("Aalborg Kommune"));
}
