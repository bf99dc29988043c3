//! The language-neutral progress vectors in `tests/progress/`: inputs, and the
//! expected status, score and components, bit for bit. Their expected values were
//! worked out from the formulas in the domain notes, not taken from this code.

mod support;

use serde_json::Value;
use sundhedsaftale::progress::ProgressInput;

fn close(name: &str, field: &str, got: &Value, want: &Value) {
    match (got.as_f64(), want.as_f64()) {
        (Some(g), Some(w)) => assert!(g.to_bits() == w.to_bits(), "{name}: {field} = {g:?}, expected {w:?}"),
        _ => assert_eq!(got, want, "{name}: {field}"),
    }
}

#[test]
fn every_progress_vector_gives_its_status_score_and_components() {
    let cases = support::vectors("progress");
    assert!(cases.len() >= 20);
    for (name, case) in cases {
        let input: ProgressInput = serde_json::from_value(case["input"].clone()).unwrap();
        let expected = &case["expected"];
        let result = input.measure();
        if let Some(code) = expected.get("error") {
            let err = result.expect_err(&name);
            assert_eq!(serde_json::to_value(err).unwrap(), *code, "{name}");
            continue;
        }
        let got = serde_json::to_value(result.unwrap_or_else(|e| panic!("{name}: {e}"))).unwrap();
        for (field, want) in expected.as_object().unwrap() {
            if field == "thresholds" {
                for t in ["high", "medium", "low"] {
                    close(&name, t, &got["thresholds"][t], &want[t]);
                }
            } else {
                close(&name, field, &got[field], want);
            }
        }
    }
}

#[test]
fn roll_up_bands_the_mean_and_needs_every_target() {
    use sundhedsaftale::progress::{roll_up, Status::*};
    let r = roll_up(&[
        (Some(5.0), TargetAchieved),
        (Some(0.0), LimitedProgress),
        (None, NotAvailable),
    ]);
    assert_eq!(
        (r.score, r.status, r.scored, r.not_available),
        (Some(2.5), SubstantialProgress, 2, 1)
    );
    assert_eq!(
        roll_up(&[(Some(5.0), TargetAchieved), (Some(5.0), TargetAchieved)]).status,
        TargetAchieved
    );
    assert_eq!(roll_up(&[(Some(-2.5), Deterioration)]).status, LimitedProgress);
    assert_eq!(roll_up(&[(Some(-2.6), Deterioration)]).status, Deterioration);
    assert_eq!(roll_up(&[(Some(0.0), LimitedProgress)]).status, ModerateProgress);
    assert_eq!(roll_up(&[(None, NotAvailable)]).status, NotAvailable);
}
