//! Observations, aggregation, discretion, targets and the annual follow-up.
//! Data here is synthetic (tests/observations/synthetic-*.csv and inline rows).

mod support;

use sundhedsaftale::aggregate::{aggregate, CellSource, Hidden, Weights};
use sundhedsaftale::annual::{annual_follow_up, key_figure_observations, FollowUpConfig};
use sundhedsaftale::discretion;
use sundhedsaftale::geography::Geography;
use sundhedsaftale::nordjylland_2024;
use sundhedsaftale::observation::{check, read_csv, read_json};
use sundhedsaftale::progress::Status;
use sundhedsaftale::target::{Target, TargetKind};

fn synthetic_csv() -> String {
    std::fs::read_to_string(support::repo().join("tests/observations/synthetic-readmissions.csv")).unwrap()
}

fn keys(p: &sundhedsaftale::Problems) -> Vec<(String, String)> {
    p.iter()
        .map(|p| (p.code.as_str().to_string(), p.path.clone()))
        .collect()
}

#[test]
fn malformed_cells_are_reported_with_row_and_column() {
    let csv = "indicator,geography,period,value,numerator,denominator,provisional\n\
               middellevetid,region:1081,2021,81.2,,,\n\
               middellevetid,region:1081,20x1,81.2,,,\n\
               middellevetid,amt:851,2021,81.2,,,\n\
               middellevetid,region:1081,2022,eighty,,,\n\
               middellevetid,region:1081,2023,81,,,maybe\n";
    let problems = read_csv(csv).unwrap_err();
    assert_eq!(
        keys(&problems),
        [
            ("invalid_period".to_string(), "/3/period".to_string()),
            ("invalid_geography".to_string(), "/4/geography".to_string()),
            ("invalid_number".to_string(), "/5/value".to_string()),
            ("invalid_value".to_string(), "/6/provisional".to_string()),
        ]
    );
    // Rows as the file numbers them, the header being row 1: in the path, the context and the message.
    assert_eq!(problems.0[2].context["row"], 5);
    assert_eq!(problems.0[2].context["cell"], "D5");
    assert!(
        problems.0[2].message.en.contains("row 5, column D (`value`)"),
        "{}",
        problems.0[2].message.en
    );
    assert!(
        problems.0[2].message.da.contains("række 5, kolonne D (`value`)"),
        "{}",
        problems.0[2].message.da
    );
    assert_eq!(problems.0[2].context["column"], "value");
    let missing = read_csv("indicator,period\nx,2021\n").unwrap_err();
    assert_eq!(
        keys(&missing),
        [("missing_field".to_string(), "/geography".to_string())]
    );
    let ragged = read_csv("indicator,geography,period\nx,region:1081\n").unwrap_err();
    assert_eq!(keys(&ragged)[0].0, "csv_syntax");
}

#[test]
fn semantic_problems_point_at_row_and_column() {
    let csv = "indicator,geography,period,value,numerator,denominator\n\
               nope,region:1081,2021,1,,\n\
               middellevetid,cluster:nowhere,2021,81,,\n\
               daglige-rygere,region:1081,2021,14,,\n\
               daglige-rygere,region:1081,2021,15,,\n\
               genindlaeggelser-30-dage,region:1081,2021,12.5,120,1000\n\
               genindlaeggelser-30-dage,region:1081,2021Q1,12,120,1000\n\
               antipsykotika-demens,region:1081,2021,140,,\n\
               middellevetid,region:1081,2022,,,\n";
    let table = read_csv(csv).unwrap();
    let problems = check(&table, &indicators(), &nordjylland_2024().hierarchy());
    let k = |c: &str, p: &str| (c.to_string(), p.to_string());
    assert_eq!(
        keys(&problems),
        [
            k("unknown_reference", "/2/indicator"),
            k("unknown_reference", "/3/geography"),
            k("duplicate_observation", "/5/indicator"),
            k("value_mismatch", "/6/value"),
            k("wrong_period_type", "/7/period"),
            k("percentage_out_of_range", "/8/value"),
            k("missing_value", "/9/value"),
        ]
    );
}

#[test]
fn json_observations_load_like_csv() {
    let json = r#"[{"indicator": "middellevetid", "geography": "region:1081", "period": "2021", "value": 81.2,
                    "disaggregation": {"sex": "k"}, "provisional": true}]"#;
    let table = read_json(json).unwrap();
    let row = table.row(0);
    assert_eq!(
        (row.value, row.provisional, row.disaggregation["sex"].as_str()),
        (Some(81.2), true, "k")
    );
    let bad = read_json(r#"[{"indicator": "x", "geography": "municipality:851", "period": "2021Q5"}]"#).unwrap_err();
    assert_eq!(keys(&bad), [("invalid_value".to_string(), "/0/period".to_string())]);
}

#[test]
fn ratios_aggregate_by_summing_numerators_and_denominators_with_coverage() {
    let agreement = nordjylland_2024();
    let hierarchy = agreement.hierarchy();
    // Drop Frederikshavn (813) for 2024 to see the coverage gap.
    let csv: String = synthetic_csv()
        .lines()
        .filter(|l| !l.contains("municipality:813,2024"))
        .map(|l| format!("{l}\n"))
        .collect();
    let table = read_csv(&csv).unwrap();
    assert!(check(&table, &indicators(), &hierarchy).is_empty());
    let (cells, problems) = aggregate(&table, &indicators(), &hierarchy, None);
    assert!(problems.is_empty());
    let cell = |g: &str, p: &str| {
        cells
            .iter()
            .find(|c| c.geography.to_string() == g && c.period.to_string() == p)
            .unwrap()
    };
    let nord = cell("cluster:nord", "2022");
    // Nord: 810, 813, 825, 860 → numerators 206 + 351 + 3 + 375, denominators 1700 + 2900 + 40 + 3100.
    assert_eq!((nord.numerator, nord.denominator), (935.0, 7740.0));
    assert!((nord.value - 935.0 / 7740.0 * 100.0).abs() < 1e-12);
    assert_eq!(nord.source, CellSource::Summed);
    assert_eq!((nord.contributed, nord.missing.len()), (4, 0));
    let nord_2024 = cell("cluster:nord", "2024");
    assert_eq!(nord_2024.missing.to_vec(), ["813"]);
    let region = cell("region:1081", "2024");
    assert_eq!(
        (region.contributed, region.missing.to_vec()),
        (10, vec!["813".to_string()])
    );
}

#[test]
fn value_only_ratios_need_weights_and_never_get_a_plain_mean() {
    let agreement = nordjylland_2024();
    let hierarchy = agreement.hierarchy();
    let csv = "indicator,geography,period,value\n\
               daglige-rygere,municipality:773,2024,10\n\
               daglige-rygere,municipality:787,2024,20\n";
    let table = read_csv(csv).unwrap();
    let (cells, problems) = aggregate(&table, &indicators(), &hierarchy, None);
    let needs: Vec<String> = problems
        .iter()
        .map(|p| p.context["geography"].as_str().unwrap().to_string())
        .collect();
    assert!(problems.iter().all(|p| p.code.as_str() == "aggregation_needs_weights"));
    assert_eq!(needs, ["cluster:vest", "region:1081", "country:DK"]);
    assert_eq!(cells.len(), 2, "only the observed cells");
    let mut weights = Weights::new();
    weights.insert(
        Geography::new(sundhedsaftale::geography::Level::Municipality, "773"),
        1.0,
    );
    weights.insert(
        Geography::new(sundhedsaftale::geography::Level::Municipality, "787"),
        3.0,
    );
    let (cells, problems) = aggregate(&table, &indicators(), &hierarchy, Some(&weights));
    assert!(problems.is_empty());
    let vest = cells
        .iter()
        .find(|c| c.geography.to_string() == "cluster:vest")
        .unwrap();
    assert_eq!((vest.value, vest.source), (17.5, CellSource::Weighted));
}

#[test]
fn a_small_count_is_hidden_and_so_is_the_sibling_that_would_give_it_away() {
    let agreement = nordjylland_2024();
    let hierarchy = agreement.hierarchy();
    let table = read_csv(&synthetic_csv()).unwrap();
    let catalogue = indicators();
    let (mut cells, _) = aggregate(&table, &catalogue, &hierarchy, None);
    discretion::apply(&mut cells, &catalogue, &hierarchy, 5);
    let hidden = |g: &str| {
        cells
            .iter()
            .find(|c| c.geography.to_string() == g && c.period.to_string() == "2022")
            .unwrap()
            .hidden
            .cloned()
    };
    assert_eq!(hidden("municipality:825"), Some(Hidden::SmallCount { threshold: 5 }));
    // Brønderslev (810) has the smallest count of Læsø's published siblings in cluster Nord.
    assert_eq!(
        hidden("municipality:810"),
        Some(Hidden::Complementary {
            protects: "municipality:825".into(),
            via: "cluster:nord".into()
        })
    );
    assert_eq!(hidden("municipality:813"), None);
    assert_eq!(hidden("cluster:nord"), None);
    let count = cells.iter().filter(|c| c.hidden.is_some()).count();
    assert_eq!(count, 4, "two cells in each of the two years");
}

#[test]
fn an_indicator_may_set_its_own_threshold() {
    let agreement = nordjylland_2024();
    let hierarchy = agreement.hierarchy();
    // With the indicator's own threshold 7, Morsø's 6 is hidden and Thisted's 7 is not;
    // the published Vest total (13) would then give Morsø away, so Thisted is hidden too.
    let csv = "indicator,geography,period,numerator,denominator\n\
               genindlaeggelser-30-dage,municipality:773,2024,6,100\n\
               genindlaeggelser-30-dage,municipality:787,2024,7,100\n";
    let table = read_csv(csv).unwrap();
    let mut catalogue = indicators();
    let (mut cells, _) = aggregate(&table, &catalogue, &hierarchy, None);
    catalogue
        .indicators
        .iter_mut()
        .find(|i| i.id == "genindlaeggelser-30-dage")
        .unwrap()
        .small_count_threshold = Some(7);
    discretion::apply(&mut cells, &catalogue, &hierarchy, 5);
    let hidden = |g: &str| {
        cells
            .iter()
            .find(|c| c.geography.to_string() == g)
            .unwrap()
            .hidden
            .cloned()
    };
    assert_eq!(hidden("municipality:773"), Some(Hidden::SmallCount { threshold: 7 }));
    assert_eq!(
        hidden("municipality:787"),
        Some(Hidden::Complementary {
            protects: "municipality:773".into(),
            via: "cluster:vest".into()
        })
    );
}

#[test]
fn the_follow_up_on_the_agreements_own_figures() {
    let agreement = nordjylland_2024();
    let result = annual_follow_up(
        &agreement,
        &indicators(),
        &key_figure_observations(&agreement),
        2025,
        &FollowUpConfig::default(),
    );
    let row = |id: &str| result.rows.iter().find(|r| r.indicator == id).unwrap();
    let chronic = row("kf-kroniske-sygdomme");
    assert_eq!(
        (chronic.baseline_value, chronic.latest_value, chronic.change),
        (Some(45.0), Some(54.0), Some(9.0))
    );
    assert_eq!((chronic.status, chronic.score), (Status::Deterioration, Some(-5.0)));
    let growth = chronic.progress.as_ref().unwrap().observed_growth.unwrap();
    assert!((growth - (1.2f64.powf(0.125) - 1.0)).abs() < 1e-12);
    assert_eq!(row("kf-kontakt-egen-laege").note.as_deref(), Some("direction_unknown"));
    assert_eq!(row("kf-stressscore").note.as_deref(), Some("single_period"));
    assert_eq!(row("middellevetid").note.as_deref(), Some("no data"));
    let area = result
        .roll_ups
        .iter()
        .find(|r| r.focus_area.as_deref() == Some("tilgaengeligt-sammenhaengende"))
        .unwrap();
    assert_eq!(
        (area.score, area.status, area.scored),
        (Some(-5.0), Status::Deterioration, 2)
    );
    assert!(result.problems.is_empty());
}

#[test]
fn targets_relative_and_per_place() {
    let agreement = nordjylland_2024();
    let table = read_csv(&synthetic_csv()).unwrap();
    let config = FollowUpConfig {
        targets: vec![
            Target {
                change_percent: Some(-10.0),
                baseline: Some("2022".parse().unwrap()),
                due: Some("2026".parse().unwrap()),
                ..Target::for_indicator("genindlaeggelser-30-dage", TargetKind::RelativeChange)
            },
            Target {
                geography: Some("cluster:syd".parse().unwrap()),
                value: Some(11.5),
                due: Some("2024".parse().unwrap()),
                ..Target::for_indicator("genindlaeggelser-30-dage", TargetKind::Value)
            },
        ],
        ..FollowUpConfig::default()
    };
    let result = annual_follow_up(&agreement, &indicators(), &table, 2024, &config);
    let row = |g: &str| result.rows.iter().find(|r| r.geography.to_string() == g).unwrap();
    let region = row("region:1081");
    let base = region.baseline_value.unwrap();
    assert!((region.target_value.unwrap() - base * 0.9).abs() < 1e-12);
    assert_eq!(
        region.progress.as_ref().unwrap().method,
        sundhedsaftale::progress::Method::WithTarget
    );
    let syd = row("cluster:syd");
    assert_eq!(syd.target_value, Some(11.5));
    assert_eq!(syd.status, Status::TargetAchieved);
    let laesoe = row("municipality:825");
    assert!(laesoe.hidden.is_some() && laesoe.latest_value.is_none() && laesoe.score.is_none());
}

/// The North Jutland agreement's own indicator catalogue.
fn indicators() -> sundhedsaftale::indicator::IndicatorCatalogue {
    nordjylland_2024().indicator_catalogue().0
}

/// Targets written in the document, per stratum: a women-only target applies
/// to women and never to men, whose series falls back to the general target;
/// a stated base period replaces the first observation as the base.
#[test]
fn document_targets_apply_per_stratum_with_a_stated_base_period() {
    let mut agreement = nordjylland_2024();
    let ind = agreement
        .indicators
        .iter_mut()
        .find(|i| i.id == "genindlaeggelser-30-dage")
        .unwrap();
    ind.disaggregations = vec!["sex".into()];
    let women: std::collections::BTreeMap<String, String> = [("sex".to_string(), "kvinder".to_string())].into();
    ind.targets = vec![
        Target {
            value: Some(9.0),
            due: Some("2026".parse().unwrap()),
            ..Target::for_indicator("genindlaeggelser-30-dage", TargetKind::Value)
        },
        Target {
            indicator: None,
            stratum: women.clone(),
            value: Some(8.0),
            due: Some("2026".parse().unwrap()),
            base_period: Some("2023".parse().unwrap()),
            ..Target::for_indicator("x", TargetKind::Value)
        },
    ];
    assert!(!sundhedsaftale::validate(&agreement).has_errors());
    let mut csv = String::from("indicator,geography,period,numerator,denominator,sex\n");
    for (period, sex, n) in [
        (2022, "kvinder", 120),
        (2023, "kvinder", 110),
        (2024, "kvinder", 100),
        (2022, "mænd", 130),
        (2023, "mænd", 125),
        (2024, "mænd", 120),
    ] {
        csv.push_str(&format!(
            "genindlaeggelser-30-dage,region:1081,{period},{n},1000,{sex}\n"
        ));
    }
    let result = sundhedsaftale::annual::run(
        &agreement,
        Some((&csv, sundhedsaftale::observation::Format::Csv)),
        2024,
        &FollowUpConfig::default(),
    )
    .unwrap();
    let row = |stratum: &str| {
        result
            .rows
            .iter()
            .find(|r| r.indicator == "genindlaeggelser-30-dage" && r.stratum == stratum)
            .unwrap()
    };
    let (w, m) = (row("sex=kvinder"), row("sex=mænd"));
    assert_eq!(w.target_value, Some(8.0));
    assert_eq!(w.baseline_period.map(|p| p.to_string()).as_deref(), Some("2023"));
    assert_eq!(w.baseline_value, Some(11.0));
    assert_eq!(m.target_value, Some(9.0), "the women-only target must not apply to men");
    assert_eq!(m.baseline_period.map(|p| p.to_string()).as_deref(), Some("2022"));
}

/// Issue 23: the Region Syddanmark example, published only by age group, has
/// a roll-up, and its report says how it was formed.
#[test]
fn the_syddanmark_example_rolls_up_its_age_groups_and_says_so() {
    let text = std::fs::read_to_string(support::repo().join("examples/data/syddanmark_2019.json")).unwrap();
    let agreement: sundhedsaftale::HealthAgreement = sundhedsaftale::parse_json(&text).unwrap();
    let csv = std::fs::read_to_string(support::repo().join("examples/data/syddanmark_2019_synthetic.csv")).unwrap();
    let result = sundhedsaftale::annual::run(
        &agreement,
        Some((&csv, sundhedsaftale::observation::Format::Csv)),
        2023,
        &FollowUpConfig::default(),
    )
    .unwrap();
    let region = result
        .roll_ups
        .iter()
        .find(|r| r.focus_area.is_none() && r.geography.to_string() == "region:1083")
        .unwrap();
    assert_eq!((region.scored, region.status), (1, Status::LimitedProgress));
    assert_eq!(
        region.entered[0].basis,
        sundhedsaftale::annual::RollUpBasis::MeanOfStrata
    );
    assert!(region.left_out.is_empty());
    let en = sundhedsaftale::report::render_follow_up(&result, &agreement, sundhedsaftale::Lang::En, false);
    assert!(en.contains("mean of the strata: Andel rygere (`age_group`)"), "{en}");
    let da = sundhedsaftale::report::render_follow_up(&result, &agreement, sundhedsaftale::Lang::Da, false);
    assert!(da.contains("gennemsnit af strata: Andel rygere (`age_group`)"), "{da}");
}

/// A target inserted by an amendment holds the data from its date on, not
/// before: the follow-up of a year reads the agreement as it stood at the
/// year's end, so 2024's data has no target and 2025's has the new one.
#[test]
fn a_target_inserted_by_an_amendment_applies_from_its_year_only() {
    let mut agreement = sundhedsaftale::nordjylland_2024();
    let amendment = r#"{"id": "nyt-maal", "date": "2025-06-01", "changes": [{"op": "insert",
        "path": "/indicators/0/targets", "value": [{"kind": "value", "value": 9.0, "due": "2027"}]}]}"#;
    agreement.amendments.push(serde_json::from_str(amendment).unwrap());
    assert!(!sundhedsaftale::validate(&agreement).has_errors());
    let table = sundhedsaftale::observation::read_csv(
        "indicator,geography,period,numerator,denominator\n\
         genindlaeggelser-30-dage,municipality:851,2023,33,300\n\
         genindlaeggelser-30-dage,municipality:851,2024,30,300\n\
         genindlaeggelser-30-dage,municipality:851,2025,28,300\n",
    )
    .unwrap();
    let target_in = |year| {
        let result = sundhedsaftale::annual::run_on(&agreement, Some(&table), year, &Default::default()).unwrap();
        let row = result
            .rows
            .iter()
            .find(|r| r.indicator == "genindlaeggelser-30-dage" && r.geography.to_string() == "municipality:851")
            .unwrap()
            .clone();
        row.target_value
    };
    assert_eq!(target_in(2024), None);
    assert_eq!(target_in(2025), Some(9.0));
}
