//! The annual follow-up from tidy CSV observations: each indicator per
//! place and stratum, with its progress against the document's targets (or
//! its direction) by the Open SDG method, small counts hidden.
//!
//! ```sh
//! cargo run --example follow_up                       # a small SYNTHETIC table
//! cargo run --example follow_up -- observations.csv 2024
//! ```

use sundhedsaftale::annual::{self, FollowUpConfig};
use sundhedsaftale::observation::Format;
use sundhedsaftale::target::{Target, TargetKind};
use sundhedsaftale::{Label, Lang};

/// SYNTHETIC observations (invented numbers), `;`-separated as Danish
/// spreadsheets write them (the dialect is detected from the header).
const SYNTHETIC: &str = "\
indicator;geography;period;numerator;denominator
genindlaeggelser-30-dage;municipality:851;2022;1450;12000
genindlaeggelser-30-dage;municipality:851;2023;1380;12100
genindlaeggelser-30-dage;municipality:851;2024;1300;12150
genindlaeggelser-30-dage;municipality:773;2022;250;2000
genindlaeggelser-30-dage;municipality:773;2023;241;2010
genindlaeggelser-30-dage;municipality:773;2024;236;2020
";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = match args.first() {
        Some(path) => std::fs::read_to_string(path).expect("readable observations"),
        None => SYNTHETIC.to_string(),
    };
    let year: i32 = args.get(1).and_then(|y| y.parse().ok()).unwrap_or(2024);
    let agreement = sundhedsaftale::nordjylland_2024();

    // A caller's target joins the document's own; the most specific applies.
    let config = FollowUpConfig {
        targets: vec![Target {
            value: Some(10.0),
            due: Some("2027".parse().unwrap()),
            ..Target::for_indicator("genindlaeggelser-30-dage", TargetKind::Value)
        }],
        ..FollowUpConfig::default()
    };
    let result = match annual::run(&agreement, Some((&text, Format::Csv)), year, &config) {
        Ok(result) => result,
        Err(problems) => {
            for p in problems.iter() {
                eprintln!("{} {}: {}", p.code.as_str(), p.path, p.message(Lang::En));
            }
            std::process::exit(1);
        }
    };
    // Rows for indicators without observations say so; show those with data.
    for row in result.rows.iter().filter(|r| r.latest_period.is_some()) {
        let place = row.geography_name.as_deref().unwrap_or("?");
        let latest = match (row.latest_value, &row.hidden) {
            (Some(v), _) => format!("{v:.1}"),
            (None, Some(_)) => "hidden (small count)".to_string(),
            (None, None) => "no value".to_string(),
        };
        let score = row.score.map_or_else(String::new, |s| format!(", score {s:.2}"));
        println!(
            "{year} {} — {place}: {latest} ({}{score})",
            row.indicator_name,
            row.status.label(Lang::En)
        );
    }
}
