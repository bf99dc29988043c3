//! Is the agreement in force on a date, and what does it require, when?
//!
//! ```sh
//! cargo run --example status_calendar -- 2027-07-01
//! ```

use chrono::NaiveDate;
use sundhedsaftale::{Label, Lang};

fn main() {
    let on = std::env::args()
        .nth(1)
        .and_then(|d| d.parse::<NaiveDate>().ok())
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    let agreement = sundhedsaftale::nordjylland_2024();

    // The status carries the dates that decided it.
    let status = agreement.status_on(on);
    println!("{} on {on}: {}", agreement.title, status.state.label(Lang::En));
    for d in &status.decided_by {
        println!("  {} {}", d.role.label(Lang::En), d.date);
    }

    // The follow-up calendar: every duty's occurrences, done, overdue or coming.
    println!("\nFollow-up calendar on {on}:");
    for entry in agreement.calendar(on) {
        let due = entry.due.map_or_else(|| "no deadline".to_string(), |d| d.to_string());
        let year = entry.year.map_or_else(String::new, |y| format!(" {y}"));
        println!(
            "  {due}  {}{year}: {} ({})",
            entry.requirement,
            entry.status.label(Lang::En),
            entry.due_basis.label(Lang::En)
        );
    }
}
