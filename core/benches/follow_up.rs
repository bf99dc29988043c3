//! Aggregation plus progress over synthetic national-scale data (about 2.8
//! million observations), against the memory-bound floor run in the same
//! process: one pass that sums the same numeric columns. Prints each figure
//! as a ratio of that baseline, and the process's peak memory.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use criterion::{black_box, Criterion};
use sundhedsaftale::aggregate::aggregate;
use sundhedsaftale::geography::Hierarchy;
use sundhedsaftale::indicator::IndicatorCatalogue;
use sundhedsaftale::observation::ObservationTable;
use sundhedsaftale::progress::{measure, Goal, Point, ProgressConfig};

const GROUP: &str = "national_follow_up";
const BASELINE: &str = "baseline_sum_columns";

/// Aggregates, then measures progress from first to last period of every series.
fn aggregate_and_progress(table: &ObservationTable, catalogue: &IndicatorCatalogue, hierarchy: &Hierarchy) -> usize {
    let (cells, _) = aggregate(table, catalogue, hierarchy, None);
    let mut series: HashMap<(u32, &sundhedsaftale::geography::Geography, u32), (usize, usize)> = HashMap::new();
    for (i, c) in cells.iter().enumerate() {
        let e = series.entry((c.indicator, &*c.geography, c.stratum)).or_insert((i, i));
        if c.period < cells[e.0].period {
            e.0 = i;
        }
        if c.period > cells[e.1].period {
            e.1 = i;
        }
    }
    let config = ProgressConfig::default();
    series
        .values()
        .filter_map(|&(a, b)| {
            let def = catalogue.get(table.indicator_id(cells[a].indicator))?;
            let (first, last) = (&cells[a], &cells[b]);
            measure(
                Point {
                    period: first.period,
                    value: first.value,
                },
                Point {
                    period: last.period,
                    value: last.value,
                },
                def.direction,
                &Goal::default(),
                &config,
            )
            .ok()
        })
        .count()
}

fn mean_ns(dir: &Path, bench: &str) -> Option<f64> {
    let path = dir.join(GROUP).join(bench).join("new").join("estimates.json");
    let value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    value["mean"]["point_estimate"].as_f64()
}

fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .map(|l| l["VmHWM:".len()..].trim().to_string())
}

fn main() {
    let sizes = synthetic::NATIONAL;
    let table = synthetic::observations(sizes);
    let catalogue = synthetic::catalogue(sizes);
    let hierarchy = synthetic::hierarchy(sizes);
    println!("synthetic observations: {}", table.len());

    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("criterion");
    let mut c = Criterion::default()
        .output_directory(&dir)
        .sample_size(10)
        .configure_from_args();
    let mut group = c.benchmark_group(GROUP);
    group.bench_function(BASELINE, |b| {
        b.iter(|| {
            let mut sums = [0.0f64; 3];
            for r in 0..table.len() {
                sums[0] += table.numerator[r];
                sums[1] += table.denominator[r];
                if !table.value[r].is_nan() {
                    sums[2] += table.value[r];
                }
            }
            black_box(sums)
        })
    });
    group.bench_function("aggregate", |b| {
        b.iter(|| black_box(aggregate(&table, &catalogue, &hierarchy, None).0.len()))
    });
    group.bench_function("aggregate_and_progress", |b| {
        b.iter(|| black_box(aggregate_and_progress(&table, &catalogue, &hierarchy)))
    });
    group.finish();
    c.final_summary();

    if let Some(base) = mean_ns(&dir, BASELINE) {
        println!("\nbaseline {BASELINE}: {:.1} ms over {} rows", base / 1e6, table.len());
        for bench in ["aggregate", "aggregate_and_progress"] {
            if let Some(t) = mean_ns(&dir, bench) {
                println!("{bench}: {:.1} ms = {:.1} × baseline", t / 1e6, t / base);
            }
        }
    }
    println!(
        "peak memory (VmHWM): {}",
        peak_memory().unwrap_or_else(|| "unknown".into())
    );
}
