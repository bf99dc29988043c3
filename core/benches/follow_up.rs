//! The annual follow-up over SYNTHETIC national-scale data held in memory, at
//! ¼, ½ and full national scale (10, 20 and 40 indicators; about 0.7, 1.4 and
//! 2.8 million observations), against the memory-bound floor run in the same
//! process: one pass that sums the same numeric columns. Prints each figure
//! as a ratio of that floor and per row, so that growth is visible, and the
//! follow-up's peak memory beside the size of its input columns and output.
//! (The comparison with polars is in `bindings-python/bench/bench.py`.)

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use criterion::{black_box, Criterion};
use sundhedsaftale::aggregate::aggregate;
use sundhedsaftale::annual::{annual_follow_up, FollowUpConfig};
use sundhedsaftale::observation::ObservationTable;
use sundhedsaftale::period::Period;

/// Counts the bytes held and their high-water mark, to measure one run's peak.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = HELD.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const GROUP: &str = "national_follow_up";
const BASELINE: &str = "baseline_sum_columns";
const SCALES: [(&str, usize); 3] = [("quarter", 10), ("half", 20), ("full", 40)];

fn mean_ns(dir: &Path, bench: &str) -> Option<f64> {
    let path = dir.join(GROUP).join(bench).join("new").join("estimates.json");
    let value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    value["mean"]["point_estimate"].as_f64()
}

/// Bytes of the table's columns: what any columnar tool holds for these rows.
fn column_bytes(table: &ObservationTable) -> usize {
    table.len() * (3 * 4 + std::mem::size_of::<Period>() + 3 * 8 + 1)
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn main() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("criterion");
    let mut c = Criterion::default()
        .output_directory(&dir)
        .sample_size(10)
        .configure_from_args();
    let config = FollowUpConfig::default();
    let mut memory = Vec::new();
    let mut rows = Vec::new();
    for (scale, indicators) in SCALES {
        let sizes = synthetic::Sizes {
            indicators,
            ..synthetic::NATIONAL
        };
        let table = synthetic::observations(sizes);
        let agreement = synthetic::agreement(sizes);
        let catalogue = synthetic::catalogue(sizes);
        let hierarchy = synthetic::hierarchy(sizes);
        rows.push((scale, table.len()));

        // One run, measured for memory: the peak above what was held before, and what the result keeps.
        let before = HELD.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let result = annual_follow_up(&agreement, &catalogue, &table, 2024, &config);
        let peak = PEAK.load(Ordering::Relaxed) - before;
        let output = HELD.load(Ordering::Relaxed) - before;
        memory.push((scale, column_bytes(&table), peak, output, result.rows.len()));
        drop(result);

        let mut group = c.benchmark_group(GROUP);
        group.bench_function(format!("{BASELINE}_{scale}"), |b| {
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
        group.bench_function(format!("aggregate_{scale}"), |b| {
            b.iter(|| black_box(aggregate(&table, &catalogue, &hierarchy, None).0.len()))
        });
        group.bench_function(format!("follow_up_{scale}"), |b| {
            b.iter(|| {
                black_box(
                    annual_follow_up(&agreement, &catalogue, &table, 2024, &config)
                        .rows
                        .len(),
                )
            })
        });
        group.finish();
    }
    c.final_summary();

    println!("\nnational follow-up in memory, SYNTHETIC observations, one thread:");
    for (scale, n) in rows {
        let Some(base) = mean_ns(&dir, &format!("{BASELINE}_{scale}")) else {
            continue;
        };
        println!("  {scale:>7} ({n:>9} rows): floor {BASELINE} {:7.1} ms", base / 1e6);
        for bench in ["aggregate", "follow_up"] {
            if let Some(t) = mean_ns(&dir, &format!("{bench}_{scale}")) {
                println!(
                    "          {bench:<10} {:7.1} ms = {:5.1} × floor, {:5.1} ns per row",
                    t / 1e6,
                    t / base,
                    t / n as f64
                );
            }
        }
    }
    println!("\npeak memory of one follow-up run (goal: input + peak ≤ 1.5 × (input + output)):");
    for (scale, input, peak, output, result_rows) in memory {
        println!(
            "  {scale:>7}: input columns {:6.1} MB, peak above input {:6.1} MB, output {:5.1} MB ({result_rows} rows) \
             → {:.2} × (input + output)",
            mb(input),
            mb(peak),
            mb(output),
            (input + peak) as f64 / (input + output) as f64
        );
    }
}
