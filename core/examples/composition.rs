//! Who sits in a body on a date, and does its composition meet the rule
//! sets in force? Deviations are findings with the rule they break.
//!
//! ```sh
//! cargo run --example composition -- 2024-01-01
//! ```

use chrono::NaiveDate;
use sundhedsaftale::{rule_sets, FindingStatus};

fn main() {
    let on = std::env::args()
        .nth(1)
        .and_then(|d| d.parse::<NaiveDate>().ok())
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(2024, 1, 1).unwrap());
    let agreement = sundhedsaftale::nordjylland_2024();

    for body in agreement.bodies_on(on) {
        let members = agreement.members_on(body, on);
        if members.is_empty() {
            continue;
        }
        println!("{} ({} members on {on})", body.name, members.len());
        for sitting in &members {
            let name = sitting
                .person
                .map_or(sitting.membership.person.as_str(), |p| p.name.as_str());
            println!("  {name}, for {}", sitting.post.on_behalf_of);
        }
        // Only rule sets in scope (region and period) apply to a body.
        for rule_set in agreement.rule_sets_on(rule_sets(), on) {
            let Some(report) = agreement.composition(body, rule_set, on) else {
                continue;
            };
            println!("  against «{}»:", rule_set.name);
            for f in &report.findings {
                let mark = if f.status == FindingStatus::Met {
                    "met"
                } else {
                    "NOT met"
                };
                let scope = f.scope.as_deref().map_or_else(String::new, |s| format!(" [{s}]"));
                println!(
                    "    {mark}: {}{scope}, {} (expected {})",
                    f.text_en, f.count, f.expected
                );
            }
        }
    }
}
