//! Parse-and-validate of the embedded agreement, against a baseline run in the
//! same process: parsing the same bytes into an untyped `serde_json::Value`.
//!
//! Absolute times on shared machines are noise; the ratio to the baseline is
//! the figure to watch. It is printed after criterion's own report.

use std::path::{Path, PathBuf};

use criterion::{black_box, Criterion};
use sundhedsaftale::embedded::NORDJYLLAND_2024_JSON;
use sundhedsaftale::{load_str, parse_json, validate, HealthAgreement};

const GROUP: &str = "embedded_agreement";
const BASELINE: &str = "baseline_serde_json_value";
const BENCHES: &[&str] = &["parse_typed", "validate", "load"];

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group(GROUP);
    group.bench_function(BASELINE, |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(NORDJYLLAND_2024_JSON)).unwrap())
    });
    group.bench_function("parse_typed", |b| {
        b.iter(|| parse_json::<HealthAgreement>(black_box(NORDJYLLAND_2024_JSON)).unwrap())
    });
    let agreement = load_str(NORDJYLLAND_2024_JSON).unwrap();
    group.bench_function("validate", |b| b.iter(|| validate(black_box(&agreement)).len()));
    // What a caller of `load_str` pays: parse, then validate.
    group.bench_function("load", |b| {
        b.iter(|| load_str(black_box(NORDJYLLAND_2024_JSON)).unwrap())
    });
    group.finish();
}

/// Reads criterion's mean estimate (nanoseconds) for one benchmark.
fn mean_ns(dir: &Path, bench: &str) -> Option<f64> {
    let path = dir.join(GROUP).join(bench).join("new").join("estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    value["mean"]["point_estimate"].as_f64()
}

fn main() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("criterion");
    let mut c = Criterion::default().output_directory(&dir).configure_from_args();
    benches(&mut c);
    c.final_summary();
    let Some(base) = mean_ns(&dir, BASELINE) else {
        return;
    };
    println!(
        "\nbaseline {BASELINE}: {:.1} µs per parse of {} bytes",
        base / 1e3,
        NORDJYLLAND_2024_JSON.len()
    );
    for bench in BENCHES {
        if let Some(t) = mean_ns(&dir, bench) {
            println!("{bench}: {:.1} µs = {:.2} × baseline", t / 1e3, t / base);
        }
    }
}
