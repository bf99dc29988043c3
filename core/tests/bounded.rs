//! The cost of a bad document is bounded: repeated mistakes are reported once
//! per item against the first, and reports are capped per code.

use sundhedsaftale::{embedded, observation, parse_json, validate, HealthAgreement};

/// The embedded agreement with `n` copies of one membership in one post.
fn with_copies(n: usize) -> HealthAgreement {
    let mut a: HealthAgreement = parse_json(embedded::NORDJYLLAND_2024_JSON).unwrap();
    let post = &mut a.bodies[0].posts[0];
    let first = post.memberships[0].clone();
    post.memberships.extend((0..n).map(|_| first.clone()));
    a
}

fn count(problems: &sundhedsaftale::Problems, code: &str) -> usize {
    problems.iter().filter(|p| p.code.as_str() == code).count()
}

#[test]
fn two_thousand_copies_of_a_membership_give_a_capped_report() {
    let problems = validate(&with_copies(2_000));
    // Each copy overlaps and repeats an id: 2,000 of each, not 2 million.
    assert_eq!(count(&problems, "overlapping_memberships"), 100);
    assert_eq!(count(&problems, "duplicate_id"), 100);
    let more: Vec<(String, u64)> = problems
        .iter()
        .filter(|p| p.code.as_str() == "more_problems")
        .map(|p| {
            (
                p.context["code"].as_str().unwrap().to_string(),
                p.context["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        more,
        [
            ("duplicate_id".to_string(), 1_900),
            ("overlapping_memberships".to_string(), 1_900)
        ]
    );
}

#[test]
fn a_copy_is_reported_against_the_membership_it_overlaps() {
    let problems = validate(&with_copies(3));
    let overlaps: Vec<(&str, &str)> = problems
        .iter()
        .filter(|p| p.code.as_str() == "overlapping_memberships")
        .map(|p| (p.path.as_str(), p.context["other"].as_str().unwrap()))
        .collect();
    assert_eq!(
        overlaps,
        [
            ("/bodies/0/posts/0/memberships/1", "/bodies/0/posts/0/memberships/0"),
            ("/bodies/0/posts/0/memberships/2", "/bodies/0/posts/0/memberships/0"),
            ("/bodies/0/posts/0/memberships/3", "/bodies/0/posts/0/memberships/0"),
        ]
    );
}

#[test]
fn a_thousand_bad_rows_give_a_hundred_problems_and_a_count() {
    let mut csv = String::from("indicator,geography,period,value\n");
    for _ in 0..1_000 {
        csv.push_str("x,municipality:851,2024,ikke-et-tal\n");
    }
    let problems = observation::read_csv(&csv).unwrap_err();
    assert_eq!(count(&problems, "invalid_number"), 100);
    let last = problems.0.last().unwrap();
    assert_eq!(last.code.as_str(), "more_problems");
    assert_eq!(last.context["count"], 900);
}

/// No message or context of any problem holds more than 40 characters of an
/// input value, however long the value and wherever it stands.
#[test]
fn echoed_input_is_cut_to_forty_characters() {
    let long = "x".repeat(100_000);
    let mut doc: serde_json::Value = serde_json::from_str(embedded::NORDJYLLAND_2024_JSON).unwrap();
    doc["bodies"][0][long.as_str()] = serde_json::json!(1); // unknown field
    doc["title"] = serde_json::json!(5); // wrong type, beside it
    doc["bodies"][1]["kind"] = serde_json::json!(long); // unknown enum value
    doc["validity"]["in_force_from"] = serde_json::json!(long); // not a date
    let structural = parse_json::<HealthAgreement>(&doc.to_string()).unwrap_err();
    let mut a: HealthAgreement = parse_json(embedded::NORDJYLLAND_2024_JSON).unwrap();
    a.organisations[10].name = long.clone(); // municipality name against its code
    a.bodies[0].posts[0].memberships[0].person = long.clone(); // unknown person
    a.focus_areas[0].key_figures[0].id = long.clone();
    let semantic = validate(&a);
    let too_long = "x".repeat(41);
    let mut seen = 0;
    for p in structural.iter().chain(semantic.iter()) {
        let texts = [
            p.message.en.clone(),
            p.message.da.clone(),
            serde_json::to_string(&p.context).unwrap(),
        ];
        for t in texts {
            assert!(!t.contains(&too_long), "{}: {t:.200}", p.code.as_str());
        }
        seen += usize::from(p.message.en.contains("xxxx"));
    }
    assert!(seen >= 4, "the long values are still echoed, cut: {seen}");
}
