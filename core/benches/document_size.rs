//! Validation cost as documents grow: generated adversarial documents of
//! about 10 KB, 100 KB and 1 MB (one membership copied over and over, so
//! every copy repeats an id and overlaps the others), each loaded (parsed
//! and validated, with every problem reported) against a baseline run in the
//! same process on the same bytes: parsing them into a `serde_json::Value`.
//! Prints, per size, the time, the ratio to the baseline, the time per KB
//! (flat means linear growth) and the process's peak memory so far.

use std::path::{Path, PathBuf};

use criterion::{black_box, Criterion};
use serde_json::{json, Value};
use sundhedsaftale::embedded::NORDJYLLAND_2024_JSON;
use sundhedsaftale::{parse_json, validate, HealthAgreement, Problems};

const GROUP: &str = "document_size";
const SIZES: &[(&str, usize)] = &[("10KB", 10_000), ("100KB", 100_000), ("1MB", 1_000_000)];

/// The embedded agreement stripped to its skeleton, then one membership
/// copied until the text reaches `bytes`.
fn adversarial(bytes: usize) -> String {
    let mut doc: Value = serde_json::from_str(NORDJYLLAND_2024_JSON).unwrap();
    for key in [
        "foreword",
        "notes",
        "guiding_principles",
        "signatories",
        "indicators",
        "collaboration_agreements",
    ] {
        doc.as_object_mut().unwrap().remove(key);
    }
    doc["vision"]["elaboration"] = json!([]);
    doc["roles"] = json!([doc["roles"][0].clone()]);
    doc["roles"][0]["text"] = json!("Parter.");
    doc.as_object_mut().unwrap().remove("dispute_rules");
    for area in doc["focus_areas"].as_array_mut().unwrap() {
        let area = area.as_object_mut().unwrap();
        for key in ["description", "definitions", "target_groups", "key_figures"] {
            area.remove(key);
        }
        let first = area["objectives"][0].clone();
        area.insert("objectives".into(), json!([first]));
    }
    for body in doc["bodies"].as_array_mut().unwrap() {
        body.as_object_mut().unwrap().remove("tasks");
        body.as_object_mut().unwrap().remove("source");
    }
    let membership = doc["bodies"][0]["posts"][0]["memberships"][0].clone();
    let each = membership.to_string().len() + 1;
    let base = doc.to_string().len();
    let copies = bytes.saturating_sub(base) / each;
    let memberships = doc["bodies"][0]["posts"][0]["memberships"].as_array_mut().unwrap();
    memberships.extend(std::iter::repeat_n(membership, copies));
    doc.to_string()
}

fn problems_of(text: &str) -> Problems {
    match parse_json::<HealthAgreement>(text) {
        Ok(a) => validate(&a),
        Err(p) => p,
    }
}

fn mean_ns(dir: &Path, bench: &str) -> Option<f64> {
    let path = dir.join(GROUP).join(bench).join("new").join("estimates.json");
    let value: Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    value["mean"]["point_estimate"].as_f64()
}

fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l[6..].trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}

fn main() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("criterion");
    let mut c = Criterion::default()
        .output_directory(&dir)
        .sample_size(20)
        .configure_from_args();
    let mut lines = Vec::new();
    for &(name, bytes) in SIZES {
        let text = adversarial(bytes);
        let problems = problems_of(&text);
        let mut group = c.benchmark_group(GROUP);
        group.bench_function(format!("baseline_value_{name}"), |b| {
            b.iter(|| serde_json::from_str::<Value>(black_box(&text)).unwrap())
        });
        group.bench_function(format!("load_{name}"), |b| {
            b.iter(|| problems_of(black_box(&text)).len())
        });
        group.finish();
        let (Some(base), Some(t)) = (
            mean_ns(&dir, &format!("baseline_value_{name}")),
            mean_ns(&dir, &format!("load_{name}")),
        ) else {
            continue;
        };
        lines.push(format!(
            "{name}: {} bytes, {} problems: load {:.2} ms = {:.2} × baseline ({:.2} ms), {:.1} µs per KB; peak memory so far {}",
            text.len(),
            problems.len(),
            t / 1e6,
            t / base,
            base / 1e6,
            t / 1e3 / (text.len() as f64 / 1e3),
            peak_memory()
        ));
    }
    c.final_summary();
    println!();
    for line in lines {
        println!("{line}");
    }
    println!("goal: a 1 MB adversarial document within 100 ms and 100 MB");
}
