//! Any text as observations: reading (either dialect), checking against the
//! embedded agreement and aggregating never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sundhedsaftale::{aggregate::aggregate, nordjylland_2024, observation};

fuzz_target!(|text: &str| {
    let Ok(table) = observation::read_csv(text) else { return };
    let agreement = nordjylland_2024();
    let (catalogue, _) = agreement.indicator_catalogue();
    let hierarchy = agreement.hierarchy();
    if !observation::check(&table, &catalogue, &hierarchy).has_errors() {
        let _ = aggregate(&table, &catalogue, &hierarchy, None);
    }
});
