//! JSON is the interchange format, so parse → serialize → parse must give
//! back an equal value for any document the model can hold, not just the
//! embedded one. The strategies vary texts (any Unicode), dates, numbers,
//! optional parts and list lengths over the embedded agreement.

use chrono::NaiveDate;
use proptest::prelude::*;
use sundhedsaftale::validity::{Successor, Termination, ValidityState};
use sundhedsaftale::{nordjylland_2024, parse_json, HealthAgreement, Membership, MembershipRole, Title};

fn date() -> impl Strategy<Value = NaiveDate> {
    // Years 1 to 9999: what ISO dates in JSON can carry.
    (1i32..=9999, 1u32..=12, 1u32..=31)
        .prop_map(|(y, m, d)| (1..=d).rev().find_map(|d| NaiveDate::from_ymd_opt(y, m, d)).unwrap())
}

fn title() -> impl Strategy<Value = Title> {
    prop_oneof![
        Just(Title::Mayor),
        Just(Title::Alderman),
        Just(Title::RegionalCouncilChair),
        Just(Title::RegionalCouncilMember),
        Just(Title::MunicipalCouncilMember),
        Just(Title::GeneralPracticeRepresentative),
        Just(Title::PatientRepresentative),
        Just(Title::Official),
    ]
}

fn membership() -> impl Strategy<Value = Membership> {
    (
        any::<String>(),
        any::<String>(),
        title(),
        proptest::option::of(date()),
        proptest::option::of(date()),
        proptest::option::of(any::<String>()),
    )
        .prop_map(|(id, person, title, from, to, title_text)| Membership {
            id,
            person,
            role: MembershipRole::Member,
            title,
            title_text,
            from,
            to,
            source: None,
        })
}

prop_compose! {
    fn agreement()(
        title in any::<String>(),
        vision in any::<String>(),
        start in proptest::option::of(date()),
        months in proptest::option::of(any::<i32>()),
        until_successor in proptest::option::of(any::<bool>()),
        successor in proptest::option::of((any::<String>(), date())),
        termination in proptest::option::of((date(), any::<String>())),
        value in any::<f64>().prop_filter("JSON numbers are finite", |v| v.is_finite()),
        year in proptest::option::of(any::<i32>()),
        memberships in proptest::collection::vec(membership(), 0..4),
        notes in proptest::collection::vec(any::<String>(), 0..3),
    ) -> HealthAgreement {
        let mut a = nordjylland_2024();
        a.title = title;
        a.vision.text = vision;
        a.validity.in_force_from = start;
        a.validity.nominal_duration_months = months;
        a.validity.until_successor = until_successor;
        a.validity.successor = successor.map(|(agreement, in_force_from)| Successor { agreement, in_force_from });
        a.validity.termination = termination.map(|(effective, basis)| Termination { effective, basis });
        a.focus_areas[0].key_figures[0].value = value;
        a.focus_areas[0].key_figures[0].year = year;
        a.bodies[0].posts[0].memberships = memberships;
        a.notes = notes;
        a
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn parse_serialize_parse_is_lossless(a in agreement()) {
        let text = serde_json::to_string(&a).unwrap();
        let back: HealthAgreement = parse_json(&text).unwrap();
        prop_assert_eq!(&back, &a);
        let again = serde_json::to_string(&back).unwrap();
        prop_assert_eq!(again, text);
    }

    #[test]
    fn status_never_panics_and_is_consistent(a in agreement(), on in date()) {
        let s = a.status_on(on);
        prop_assert_eq!(s.on, on);
        prop_assert!(s.decided_by.windows(2).all(|w| w[0].date <= w[1].date) || s.decided_by.len() < 2
            || a.validity.termination.as_ref().is_some_and(|t| a.validity.in_force_from.is_some_and(|s| t.effective < s))
            || a.validity.successor.as_ref().is_some_and(|t| a.validity.in_force_from.is_some_and(|s| t.in_force_from < s)));
        // A status that needs an unknown fact is never guessed.
        if a.validity.in_force_from.is_none() && a.validity.effective_end().is_none_or(|(_, end)| on < end) {
            prop_assert_eq!(s.state, ValidityState::NotKnown);
        }
    }
}

#[test]
fn the_embedded_document_round_trips_byte_for_byte() {
    let text = sundhedsaftale::embedded::NORDJYLLAND_2024_JSON;
    let a: HealthAgreement = parse_json(text).unwrap();
    let mut pretty = serde_json::to_string_pretty(&a).unwrap();
    pretty.push('\n');
    if std::env::var_os("UPDATE_DATA").is_some() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/nordjylland_2024.json");
        std::fs::write(path, &pretty).unwrap();
    }
    // Not assert_eq!: a failure would print the whole document twice.
    assert!(
        pretty == text,
        "core/data/nordjylland_2024.json is not in canonical form: run with UPDATE_DATA=1"
    );
}
