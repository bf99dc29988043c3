//! Parse-and-validate against a baseline run in the same process: parsing the
//! same bytes into an untyped `serde_json::Value`. First the embedded
//! agreement (parse, validate and load apart), then valid documents generated
//! at about 10 KB, 100 KB and 1 MB from the Region Syddanmark example, so that
//! growth is visible.
//!
//! Absolute times on shared machines are noise; the ratio to the baseline is
//! the figure to watch. It is printed after criterion's own report, with the
//! goal beside it.

use std::path::{Path, PathBuf};

use criterion::{black_box, Criterion};
use serde_json::{json, Value};
use sundhedsaftale::embedded::NORDJYLLAND_2024_JSON;
use sundhedsaftale::{load_str, parse_json, validate, HealthAgreement};

const GROUP: &str = "embedded_agreement";
const SIZES_GROUP: &str = "generated_agreement";
const BASELINE: &str = "baseline_serde_json_value";
const BENCHES: &[&str] = &["parse_typed", "validate", "load"];
const GOAL: &str = "goal: load ≤ 1.0 × baseline";

/// The smallest real document: the Region Syddanmark example (about 5 KB).
const SMALL: &str = include_str!("../../examples/data/syddanmark_2019.json");

/// A valid agreement of about `bytes`: the Region Syddanmark example with
/// more indicators (copies of its own under new ids, each with its targets
/// per age group) and more people, so every part of validation grows.
fn generated(bytes: usize) -> String {
    let mut doc: Value = serde_json::from_str(SMALL).unwrap();
    let indicator = doc["indicators"][0].clone();
    doc["people"] = json!([]);
    let mut i = 0;
    while serde_json::to_string(&doc).unwrap().len() < bytes {
        for _ in 0..2 {
            i += 1;
            let mut extra = indicator.clone();
            extra["id"] = json!(format!("generated-indicator-{i}"));
            extra["name"] = json!(format!("Genereret indikator {i}"));
            doc["indicators"].as_array_mut().unwrap().push(extra);
            doc["people"].as_array_mut().unwrap().push(json!({
                "id": format!("generated-person-{i}"),
                "name": format!("Genereret Person {i}"),
            }));
        }
    }
    let text = serde_json::to_string(&doc).unwrap();
    assert!(load_str(&text).is_ok(), "the generated document must be valid");
    text
}

fn benches(c: &mut Criterion, sized: &[(&str, String)]) {
    let mut group = c.benchmark_group(GROUP);
    group.bench_function(BASELINE, |b| {
        b.iter(|| serde_json::from_str::<Value>(black_box(NORDJYLLAND_2024_JSON)).unwrap())
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

    let mut group = c.benchmark_group(SIZES_GROUP);
    group.sample_size(20);
    for (name, text) in sized {
        group.bench_function(format!("{BASELINE}_{name}"), |b| {
            b.iter(|| serde_json::from_str::<Value>(black_box(text)).unwrap())
        });
        group.bench_function(format!("load_{name}"), |b| {
            b.iter(|| load_str(black_box(text)).unwrap())
        });
    }
    group.finish();
}

/// Reads criterion's mean estimate (nanoseconds) for one benchmark.
fn mean_ns(dir: &Path, group: &str, bench: &str) -> Option<f64> {
    let path = dir.join(group).join(bench).join("new").join("estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let value: Value = serde_json::from_str(&text).ok()?;
    value["mean"]["point_estimate"].as_f64()
}

fn main() {
    let sized: Vec<(&str, String)> = [("10kb", 10_000), ("100kb", 100_000), ("1mb", 1_000_000)]
        .into_iter()
        .map(|(name, bytes)| (name, generated(bytes)))
        .collect();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("criterion");
    let mut c = Criterion::default().output_directory(&dir).configure_from_args();
    benches(&mut c, &sized);
    c.final_summary();
    let Some(base) = mean_ns(&dir, GROUP, BASELINE) else {
        return;
    };
    println!(
        "\nembedded agreement, baseline {BASELINE}: {:.1} µs per parse of {} bytes",
        base / 1e3,
        NORDJYLLAND_2024_JSON.len()
    );
    for bench in BENCHES {
        if let Some(t) = mean_ns(&dir, GROUP, bench) {
            println!("{bench}: {:.1} µs = {:.2} × baseline", t / 1e3, t / base);
        }
    }
    println!("{GOAL}");
    println!("\ngenerated agreements (load vs {BASELINE} of the same bytes):");
    for (name, text) in &sized {
        let (Some(b), Some(t)) = (
            mean_ns(&dir, SIZES_GROUP, &format!("{BASELINE}_{name}")),
            mean_ns(&dir, SIZES_GROUP, &format!("load_{name}")),
        ) else {
            continue;
        };
        println!(
            "{name:>6} ({:>8} bytes): load {:>9.1} µs = {:.2} × baseline ({:.1} µs)",
            text.len(),
            t / 1e3,
            t / b,
            b / 1e3
        );
    }
    println!("{GOAL}");
}
