//! Any text as minutes, checked against the embedded agreement: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sundhedsaftale::{nordjylland_2024, parse_json, rule_sets, validate_minutes, Minutes};

fuzz_target!(|text: &str| {
    if let Ok(minutes) = parse_json::<Minutes>(text) {
        let _ = validate_minutes(&minutes, &nordjylland_2024(), rule_sets());
    }
});
