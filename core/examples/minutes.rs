//! Minutes of a meeting against the agreement whose organisation they
//! record: attendance by party, the composition of those present, and each
//! agenda item's outcome.
//!
//! ```sh
//! cargo run --example minutes
//! ```

use sundhedsaftale::{embedded, rule_sets, validate_minutes, Label, Lang};

fn main() {
    let agreement = sundhedsaftale::nordjylland_2024();
    let minutes = embedded::politisk_klynge_vest_2021();
    let meeting = &minutes.meeting;
    println!("{} — {} ({})", meeting.title, meeting.date, meeting.body);

    for party in minutes.attendance_by_party(&agreement) {
        println!(
            "  {}: {} present, {} sent apologies",
            party.party.as_deref().unwrap_or("no party"),
            party.present.len(),
            party.apologies.len()
        );
    }

    for item in &meeting.agenda {
        let outcome = item.outcome.map_or("—", |o| o.label(Lang::En));
        println!("  {}. {} [{outcome}]", item.number, item.title);
    }

    // Findings are warnings: real bodies may deviate from their rules.
    let problems = validate_minutes(&minutes, &agreement, rule_sets());
    for p in problems.iter() {
        println!("  {} {} {}", p.severity.as_str(), p.code.as_str(), p.path);
    }
}
