//! The cost of a bad document is bounded: repeated mistakes are reported once
//! per item against the first, and reports are capped per code.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use sundhedsaftale::annual::{run, run_on};
use sundhedsaftale::observation::{read_csv, Format};
use sundhedsaftale::{embedded, observation, parse_json, validate, HealthAgreement, Problems};

/// Counts the bytes each thread holds and their high-water mark, so that a
/// test measures what one call keeps alive, whatever other tests run beside it.
struct PerThread;

thread_local! {
    static HELD: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn held(change: isize) {
    let _ = HELD.try_with(|held| {
        held.set(held.get() + change);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(held.get())));
    });
}

// SAFETY: every call is forwarded unchanged to the system allocator; only counters are added.
unsafe impl GlobalAlloc for PerThread {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            held(layout.size() as isize);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        held(-(layout.size() as isize));
    }
}

#[global_allocator]
static ALLOCATOR: PerThread = PerThread;

/// What `f` returns, and the most bytes this thread held beyond what it
/// held before, while `f` ran.
fn peak_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = HELD.with(Cell::get);
    PEAK.with(|peak| peak.set(before));
    let out = f();
    (out, (PEAK.with(Cell::get) - before).max(0) as usize)
}

/// The embedded agreement with `n` copies of one membership in one post.
fn with_copies(n: usize) -> HealthAgreement {
    let mut a: HealthAgreement = parse_json(embedded::NORDJYLLAND_2024_JSON).unwrap();
    let post = &mut a.bodies[0].posts[0];
    let first = post.memberships[0].clone();
    post.memberships.extend((0..n).map(|_| first.clone()));
    a
}

fn count(problems: &sundhedsaftale::Problems, code: &str) -> usize {
    problems.iter().filter(|p| p.code.as_str() == code).count()
}

#[test]
fn two_thousand_copies_of_a_membership_give_a_capped_report() {
    let problems = validate(&with_copies(2_000));
    // Each copy overlaps and repeats an id: 2,000 of each, not 2 million.
    assert_eq!(count(&problems, "overlapping_memberships"), 100);
    assert_eq!(count(&problems, "duplicate_id"), 100);
    let more: Vec<(String, u64)> = problems
        .iter()
        .filter(|p| p.code.as_str() == "more_problems")
        .map(|p| {
            (
                p.context["code"].as_str().unwrap().to_string(),
                p.context["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        more,
        [
            ("duplicate_id".to_string(), 1_900),
            ("overlapping_memberships".to_string(), 1_900)
        ]
    );
}

#[test]
fn a_copy_is_reported_against_the_membership_it_overlaps() {
    let problems = validate(&with_copies(3));
    let overlaps: Vec<(&str, &str)> = problems
        .iter()
        .filter(|p| p.code.as_str() == "overlapping_memberships")
        .map(|p| (p.path.as_str(), p.context["other"].as_str().unwrap()))
        .collect();
    assert_eq!(
        overlaps,
        [
            ("/bodies/0/posts/0/memberships/1", "/bodies/0/posts/0/memberships/0"),
            ("/bodies/0/posts/0/memberships/2", "/bodies/0/posts/0/memberships/0"),
            ("/bodies/0/posts/0/memberships/3", "/bodies/0/posts/0/memberships/0"),
        ]
    );
}

#[test]
fn a_thousand_bad_rows_give_a_hundred_problems_and_a_count() {
    let mut csv = String::from("indicator,geography,period,value\n");
    for _ in 0..1_000 {
        csv.push_str("x,municipality:851,2024,ikke-et-tal\n");
    }
    let problems = observation::read_csv(&csv).unwrap_err();
    assert_eq!(count(&problems, "invalid_number"), 100);
    let last = problems.0.last().unwrap();
    assert_eq!(last.code.as_str(), "more_problems");
    assert_eq!(last.context["count"], 900);
}

/// No message or context of any problem holds more than 40 characters of an
/// input value, however long the value and wherever it stands.
#[test]
fn echoed_input_is_cut_to_forty_characters() {
    let long = "x".repeat(100_000);
    let mut doc: serde_json::Value = serde_json::from_str(embedded::NORDJYLLAND_2024_JSON).unwrap();
    doc["bodies"][0][long.as_str()] = serde_json::json!(1); // unknown field
    doc["title"] = serde_json::json!(5); // wrong type, beside it
    doc["bodies"][1]["kind"] = serde_json::json!(long); // unknown enum value
    doc["validity"]["in_force_from"] = serde_json::json!(long); // not a date
    let structural = parse_json::<HealthAgreement>(&doc.to_string()).unwrap_err();
    let mut a: HealthAgreement = parse_json(embedded::NORDJYLLAND_2024_JSON).unwrap();
    a.organisations[10].name = long.clone(); // municipality name against its code
    a.bodies[0].posts[0].memberships[0].person = long.clone(); // unknown person
    a.focus_areas[0].key_figures[0].id = long.clone();
    let semantic = validate(&a);
    let too_long = "x".repeat(41);
    let mut seen = 0;
    for p in structural.iter().chain(semantic.iter()) {
        let texts = [
            p.message.en.clone(),
            p.message.da.clone(),
            serde_json::to_string(&p.context).unwrap(),
        ];
        for t in texts {
            assert!(!t.contains(&too_long), "{}: {t:.200}", p.code.as_str());
        }
        seen += usize::from(p.message.en.contains("xxxx"));
    }
    assert!(seen >= 4, "the long values are still echoed, cut: {seen}");
}

/// The problems of `code`, and the count of its `more_problems` summary.
fn kept_and_counted(problems: &Problems, code: &str) -> (usize, u64) {
    let more = problems
        .iter()
        .filter(|p| p.code.as_str() == "more_problems" && p.context["code"] == code)
        .map(|p| p.context["count"].as_u64().unwrap())
        .sum();
    (count(problems, code), more)
}

/// A file whose every row names an indicator the agreement does not follow
/// up (small enough to read in a debug build in well under a second, and
/// large enough that a row's worth of memory per row would be megabytes)
/// keeps a hundred problems and counts the rest, and holds no memory per
/// row while it is read and checked: the cap bounds it, not the rows. The
/// file stays under 4 MB, so that it is read on this thread alone.
#[test]
fn a_file_of_bad_rows_keeps_the_cap_and_counts_every_row() {
    let rows = 80_000;
    let mut csv = String::from("indicator,geography,period,value\n");
    for i in 0..rows {
        csv.push_str(&format!("no-such-indicator,municipality:851,2024,{i}\n"));
    }
    assert!(csv.len() < 4 << 20);
    let agreement = sundhedsaftale::nordjylland_2024();
    let (result, peak) = peak_of(|| run(&agreement, Some((&csv, Format::Csv)), 2024, &Default::default()));
    let problems = result.unwrap_err();
    assert!(problems.len() <= 101, "{} problems retained", problems.len());
    assert_eq!(
        kept_and_counted(&problems, "unknown_reference"),
        (100, rows as u64 - 100),
        "every row counted once"
    );
    // Reading the rows into a table would hold 40 bytes a row, 3.2 MB.
    assert!(peak < 1 << 20, "{peak} bytes held for {rows} rows");
}

/// Leaving rows out as they are read changes no answer: each problem where
/// it was, each count, the capped list in order, and the follow-up itself.
#[test]
fn rows_left_out_as_read_give_the_answers_of_reading_them_all() {
    let agreement = sundhedsaftale::nordjylland_2024();
    let known = "genindlaeggelser-30-dage";
    let mut mixed = String::from("indicator,geography,period,numerator,denominator\n");
    for i in 0..600 {
        let line = match i % 6 {
            // Unknown indicators, among rows that have other problems of the
            // same code (an unknown place) and of others.
            0 | 1 => format!("unknown-{},municipality:851,2024,1,10", i % 5),
            2 => format!("{known},cluster:nowhere,2024,1,10"),
            3 => format!("{known},municipality:851,2024,-1,10"),
            4 => format!("{known},municipality:849,{},1,10", 2000 + i / 6),
            _ => format!("{known},municipality:851,2023,{i},10"),
        };
        mixed.push_str(&line);
        mixed.push('\n');
    }
    let quoted = mixed.replacen("unknown-0", "\"unknown-0\"", 1);
    let good = "indicator,geography,period,numerator,denominator\n\
        genindlaeggelser-30-dage,municipality:851,2023,30,300\n\
        genindlaeggelser-30-dage,municipality:851,2024,25,300\n";
    let unreadable = "indicator,geography,period,value\nx,municipality:851,2024,ikke-et-tal\n";
    for csv in [mixed.as_str(), quoted.as_str(), good, unreadable] {
        let whole = read_csv(csv).and_then(|table| run_on(&agreement, Some(&table), 2024, &Default::default()));
        let fused = run(&agreement, Some((csv, Format::Csv)), 2024, &Default::default());
        assert_eq!(fused, whole);
    }
    let problems = run(&agreement, Some((&mixed, Format::Csv)), 2024, &Default::default()).unwrap_err();
    // Both kinds of unknown reference share one code and one cap, in row order.
    assert_eq!(kept_and_counted(&problems, "unknown_reference"), (100, 200));
    let head: Vec<&str> = problems.0[..6].iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        head,
        [
            "/2/indicator",
            "/3/indicator",
            "/4/geography",
            "/5/numerator",
            "/5/value",
            "/8/indicator"
        ]
    );
    assert!(problems.iter().any(|p| p.code.as_str() == "duplicate_observation"));
}
