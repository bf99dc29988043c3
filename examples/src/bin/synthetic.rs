//! `synthetic`: writes the SYNTHETIC national-scale data the benchmarks run
//! on, so that it is generated, never committed.
//!
//! ```text
//! synthetic OUT_DIR [--indicators N]
//! ```
//!
//! Writes `agreement.json` (the North Jutland agreement with N invented
//! indicators, default 40), `observations.csv` (every municipality ×
//! indicator × month of 15 years × 4 strata: 2,822,400 rows at 40
//! indicators) and `places.csv` (each municipality's region and, in North
//! Jutland, its cluster in the follow-up's last year), which peers such as
//! polars need to do the same sums.

use std::process::ExitCode;

#[path = "../../../core/tests/support/synthetic.rs"]
mod synthetic;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut out = None;
    let mut indicators = synthetic::NATIONAL.indicators;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--indicators" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => indicators = n,
                None => {
                    eprintln!("synthetic: --indicators needs a number");
                    return ExitCode::from(2);
                }
            },
            dir if out.is_none() && !dir.starts_with("--") => out = Some(std::path::PathBuf::from(dir)),
            other => {
                eprintln!("synthetic: unexpected `{other}`\nusage: synthetic OUT_DIR [--indicators N]");
                return ExitCode::from(2);
            }
        }
    }
    let Some(out) = out else {
        eprintln!("usage: synthetic OUT_DIR [--indicators N]");
        return ExitCode::from(2);
    };
    let sizes = synthetic::Sizes {
        indicators,
        ..synthetic::NATIONAL
    };
    let agreement = synthetic::agreement(sizes);
    let last_day = chrono::NaiveDate::from_ymd_opt(2009 + sizes.years, 12, 31).unwrap();
    let mut places = String::from("geography,region,cluster\n");
    for m in sundhedsaftale::reference::MUNICIPALITIES {
        let region = sundhedsaftale::reference::region_of(m.code, last_day)
            .and_then(|r| r.code)
            .map_or_else(String::new, |c| c.to_string());
        let cluster = agreement
            .municipalities()
            .find(|o| o.code == Some(m.code))
            .and_then(|o| agreement.cluster_of(&o.id, last_day))
            .map_or_else(String::new, |c| c.id.clone());
        places.push_str(&format!("municipality:{},{region},{cluster}\n", m.code));
    }
    let written = std::fs::create_dir_all(&out)
        .and_then(|()| std::fs::write(out.join("agreement.json"), serde_json::to_string(&agreement).unwrap()))
        .and_then(|()| std::fs::write(out.join("observations.csv"), synthetic::csv(sizes)))
        .and_then(|()| std::fs::write(out.join("places.csv"), places));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synthetic: {e}");
            ExitCode::from(2)
        }
    }
}
