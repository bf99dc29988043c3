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
