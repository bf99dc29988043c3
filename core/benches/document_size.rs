//! Validation cost as documents grow, one adversarial family per check that
//! compares items: generated documents of about 20 KB, 100 KB and 1 MB in
//! which one item is copied over and over, so that every copy collides with
//! the others. Families:
//!
//! - `memberships`: one membership of one post (repeated ids, overlapping terms);
//! - `clusters`: one cluster (every copy shares all its municipalities);
//! - `targets`: one target of one indicator (the same scope each time);
//! - `references`: a role naming organisations that do not exist;
//! - `people`: people whose ids differ only in case, and repeat;
//! - `agenda`: agenda items of the minutes, all numbered 1, each introduced
//!   by someone who sent apologies.
//!
//! Each is loaded (parsed and validated, with every problem reported)
//! against a baseline run in the same process on the same bytes: parsing
//! them into a `serde_json::Value`. Prints, per family and size, the time,
//! the ratio to the baseline, the time per KB against the next smaller
//! member's (1.00 means linear growth) and the peak memory of loading that
//! member alone, in a fresh process.

use std::path::{Path, PathBuf};

use criterion::{black_box, Criterion};
use serde_json::{json, Value};
use sundhedsaftale::embedded::{NORDJYLLAND_2024_JSON, POLITISK_KLYNGE_VEST_2021_JSON};
use sundhedsaftale::{parse_json, validate, validate_minutes, HealthAgreement, Minutes, Problems};

const GROUP: &str = "document_size";
const SIZES: &[(&str, usize)] = &[("20KB", 20_000), ("100KB", 100_000), ("1MB", 1_000_000)];

/// The embedded agreement stripped to its skeleton.
fn skeleton() -> Value {
    let mut doc: Value = serde_json::from_str(NORDJYLLAND_2024_JSON).unwrap();
    for key in [
        "foreword",
        "notes",
        "guiding_principles",
        "signatories",
        "collaboration_agreements",
    ] {
        doc.as_object_mut().unwrap().remove(key);
    }
    let first = doc["indicators"][0].clone();
    doc["indicators"] = json!([first]);
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
    doc
}

/// `doc` with `item(k)` pushed onto the array at `pointer` until the text
/// reaches about `bytes`.
fn grown(mut doc: Value, pointer: &str, bytes: usize, item: impl Fn(usize) -> Value) -> String {
    let each = item(0).to_string().len() + 1;
    let copies = bytes.saturating_sub(doc.to_string().len()) / each;
    let list = doc.pointer_mut(pointer).unwrap().as_array_mut().unwrap();
    list.extend((0..copies).map(item));
    doc.to_string()
}

/// What a family's documents are.
#[derive(Clone, Copy)]
enum Kind {
    Agreement,
    Minutes,
}

/// The member of `family` of about `bytes`.
fn adversarial(family: &str, bytes: usize) -> (Kind, String) {
    let doc = skeleton();
    let text = match family {
        "memberships" => {
            let membership = doc["bodies"][0]["posts"][0]["memberships"][0].clone();
            grown(doc, "/bodies/0/posts/0/memberships", bytes, |_| membership.clone())
        }
        "clusters" => {
            let cluster = doc["clusters"][0].clone();
            grown(doc, "/clusters", bytes, |k| {
                let mut c = cluster.clone();
                c["id"] = json!(format!("klynge-{k}"));
                c
            })
        }
        "targets" => {
            let mut doc = doc;
            doc["indicators"][0]["targets"] = json!([]);
            grown(
                doc,
                "/indicators/0/targets",
                bytes,
                |_| json!({"kind": "value", "value": 10, "due": "2026"}),
            )
        }
        "references" => grown(doc, "/roles/0/organisations", bytes, |k| json!(format!("ukendt-{k}"))),
        "people" => grown(
            doc,
            "/people",
            bytes,
            |k| json!({"id": if k % 2 == 0 { "Person" } else { "person" }, "name": "Navn Navnesen"}),
        ),
        "agenda" => {
            let minutes: Value = serde_json::from_str(POLITISK_KLYNGE_VEST_2021_JSON).unwrap();
            let away = "bente-bang";
            return (
                Kind::Minutes,
                grown(
                    minutes,
                    "/meeting/agenda",
                    bytes,
                    |k| json!({"id": format!("punkt-{k}"), "number": "1", "title": "Punkt", "introduced_by": away}),
                ),
            );
        }
        other => panic!("no family {other}"),
    };
    (Kind::Agreement, text)
}

const FAMILIES: &[&str] = &["memberships", "clusters", "targets", "references", "people", "agenda"];

fn problems_of(kind: Kind, text: &str, agreement: &HealthAgreement) -> Problems {
    match kind {
        Kind::Agreement => match parse_json::<HealthAgreement>(text) {
            Ok(a) => validate(&a),
            Err(p) => p,
        },
        Kind::Minutes => match parse_json::<Minutes>(text) {
            Ok(m) => validate_minutes(&m, agreement, sundhedsaftale::rule_sets()),
            Err(p) => p,
        },
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

/// The peak memory of loading one member alone, in a fresh process (this
/// benchmark run again with `DOCUMENT_SIZE_PEAK=family:bytes`), so that each
/// family's figure is its own and not the benchmark's.
fn peak_memory_alone(family: &str, bytes: usize) -> String {
    let out = std::env::current_exe()
        .and_then(|exe| {
            std::process::Command::new(exe)
                .env("DOCUMENT_SIZE_PEAK", format!("{family}:{bytes}"))
                .output()
        })
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    out.unwrap_or_else(|e| format!("unknown ({e})"))
}

fn main() {
    if let Ok(which) = std::env::var("DOCUMENT_SIZE_PEAK") {
        let (family, bytes) = which.split_once(':').unwrap();
        let (kind, text) = adversarial(family, bytes.parse().unwrap());
        let agreement = sundhedsaftale::nordjylland_2024();
        black_box(problems_of(kind, &text, &agreement));
        println!("{}", peak_memory());
        return;
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("criterion");
    let mut c = Criterion::default()
        .output_directory(&dir)
        .sample_size(20)
        .configure_from_args();
    let mut lines = Vec::new();
    // The agreement minutes are checked against, built once.
    let agreement = sundhedsaftale::nordjylland_2024();
    for &family in FAMILIES {
        let mut previous_per_kb = None;
        for &(name, bytes) in SIZES {
            let (kind, text) = adversarial(family, bytes);
            let problems = problems_of(kind, &text, &agreement);
            let mut group = c.benchmark_group(GROUP);
            group.bench_function(format!("{family}_baseline_value_{name}"), |b| {
                b.iter(|| serde_json::from_str::<Value>(black_box(&text)).unwrap())
            });
            group.bench_function(format!("{family}_load_{name}"), |b| {
                b.iter(|| problems_of(kind, black_box(&text), &agreement).len())
            });
            group.finish();
            let (Some(base), Some(t)) = (
                mean_ns(&dir, &format!("{family}_baseline_value_{name}")),
                mean_ns(&dir, &format!("{family}_load_{name}")),
            ) else {
                continue;
            };
            let per_kb = t / 1e3 / (text.len() as f64 / 1e3);
            // Time per KB against the next smaller member's: 1.00 is linear growth.
            let growth = previous_per_kb.replace(per_kb).map_or(1.0, |p| per_kb / p);
            lines.push(format!(
                "{family} {name}: {} bytes, {} problems: load {:.2} ms = {:.2} × baseline ({:.2} ms), {:.1} µs per KB ({:.2} × the smaller member's); peak memory alone {}",
                text.len(),
                problems.len(),
                t / 1e6,
                t / base,
                base / 1e6,
                per_kb,
                growth,
                peak_memory_alone(family, bytes)
            ));
        }
    }
    c.final_summary();
    println!();
    for line in lines {
        println!("{line}");
    }
    println!("goal: every family's 1 MB member within 100 ms and 100 MB");
}
