//! Peak memory of a follow-up on a CSV file whose every row is bad (an
//! indicator the agreement does not follow up), at ¼, ½ and full scale (a
//! million rows), beside the goal: under 100 MB at full scale, the rows
//! beyond the cap counted, not kept. Each run is a child process of its
//! own, reading the file as `report --follow-up` does, so that its peak
//! resident memory (`VmHWM`) is its own and nothing else's.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use sundhedsaftale::annual::{run, FollowUpConfig};
use sundhedsaftale::observation::Format;

const SCALES: [(&str, usize); 3] = [("quarter", 250_000), ("half", 500_000), ("full", 1_000_000)];
const GOAL_MB: f64 = 100.0;
/// Set in a child: the file it follows up.
const CHILD: &str = "SUNDHEDSAFTALE_BAD_ROWS_FILE";

/// Writes `rows` bad rows (one unknown indicator, a value each) to `path`.
fn write_file(path: &Path, rows: usize) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(out, "indicator,geography,period,value")?;
    for i in 0..rows {
        writeln!(out, "no-such-indicator,municipality:851,2024,{i}")?;
    }
    out.flush()
}

/// The child: follows up the file, then prints its peak resident memory in
/// KB, how many problems it kept and how many rows they count in all.
fn child(path: &str) {
    let text = std::fs::read_to_string(path).expect("the file just written");
    let agreement = sundhedsaftale::nordjylland_2024();
    let problems =
        run(&agreement, Some((&text, Format::Csv)), 2024, &FollowUpConfig::default()).expect_err("every row is bad");
    let counted: u64 = problems
        .iter()
        .map(|p| match p.code.as_str() {
            "more_problems" => p.context["count"].as_u64().unwrap_or(0),
            _ => 1,
        })
        .sum();
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak_kb = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .unwrap_or(0);
    println!("{peak_kb} {} {counted}", problems.len());
}

fn main() {
    if let Ok(path) = std::env::var(CHILD) {
        return child(&path);
    }
    // `cargo bench` passes `--bench`; this bench has no filters to honour.
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let me = std::env::current_exe().expect("the bench's own path");
    println!("\npeak memory of a follow-up on an all-bad CSV file (every row an unknown indicator), one process each:");
    for (scale, rows) in SCALES {
        let path = dir.join(format!("bad-rows-{rows}.csv"));
        write_file(&path, rows).expect("a file in the target directory");
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        let start = Instant::now();
        let out = Command::new(&me)
            .env(CHILD, &path)
            .output()
            .expect("the bench runs itself");
        let took = start.elapsed();
        let _ = std::fs::remove_file(&path);
        let text = String::from_utf8_lossy(&out.stdout);
        let fields: Vec<u64> = text.split_whitespace().filter_map(|f| f.parse().ok()).collect();
        let [peak_kb, kept, counted] = fields[..] else {
            eprintln!("  {scale}: the child failed: {}", String::from_utf8_lossy(&out.stderr));
            continue;
        };
        let peak = peak_kb as f64 / 1e3;
        println!(
            "  {scale:>7} ({rows:>9} rows, file {:5.1} MB): peak {peak:6.1} MB = {:.2} × goal {GOAL_MB} MB; \
             {kept} problems kept, {counted} counted; {:.2} s",
            size as f64 / 1e6,
            peak / GOAL_MB,
            took.as_secs_f64()
        );
    }
}
