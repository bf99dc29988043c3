//! Any bytes as an agreement: reading, parsing, validating and the queries
//! of a valid document must never panic, and problems stay within the cap.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sundhedsaftale::{parse::text_of, parse_json, validate, HealthAgreement};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = text_of(data) else { return };
    match parse_json::<HealthAgreement>(text) {
        Ok(agreement) => {
            let problems = validate(&agreement);
            assert!(problems.len() <= 1_000 + sundhedsaftale::catalogue().len());
            let on = agreement.reference_day();
            let _ = agreement.status_on(on);
            let _ = agreement.calendar(on);
            let _ = agreement.indicator_catalogue();
        }
        Err(problems) => assert!(!problems.is_empty()),
    }
});
